"""The words the documents use, per language: group, phase and level names, fixed sentences."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        "groups": {"elus": "Élus", "services": "Services", "citoyens": "Citoyens", "partenaires": "Partenaires"},
        "groups_lower": {"elus": "élus", "services": "services", "citoyens": "citoyens", "partenaires": "partenaires"},
        "workshop": {"elus": "Atelier des élus", "services": "Atelier des services", "citoyens": "Atelier des citoyens"},
        "creativity": "Séance de créativité",
        "kinds": {"commune": "Commune", "intercommunalite": "Intercommunalité", "departement": "Département",
                  "region": "Région", "autre": "Collectivité", "prive": "Client privé"},
        "inhabitants": "{n} habitants",
        "levels": {"informer": "Informer", "consulter": "Consulter", "concerter": "Concerter",
                   "coconstruire": "Co-construire", "codecider": "Co-décider"},
        "promises": {
            "informer": "Nous vous tiendrons informés, de façon claire et régulière.",
            "consulter": "Nous écouterons votre avis et vous dirons comment il a pesé sur la décision.",
            "concerter": "Nous travaillerons avec vous pour que vos préoccupations se retrouvent dans les options étudiées, "
                         "et vous dirons comment elles ont pesé.",
            "coconstruire": "Nous construirons les solutions avec vous et reprendrons vos recommandations autant que possible.",
            "codecider": "Nous mettrons en œuvre ce que vous déciderez, dans le cadre annoncé.",
        },
        "phases": {"cadrage": "Cadrage", "preparation": "Préparation", "ateliers": "Ateliers", "analyse": "Analyse",
                   "creativite": "Séance de créativité", "livrables": "Livrables"},
        "verdicts": {"+": "Favorable", "-": "Défavorable", "=": "Réservé"},
        "polarity": {"+": "positif", "-": "négatif", "?": "question", "idee": "idée"},
        "viable": "Viable",
        "blocked": "Non viable — {groups} sous le seuil",
        "tension": "{high} ({high_score}) et {low} ({low_score}) divergent nettement.",
        "and": " et ",
        "from_to": "du {start} au {end}",
        "from": "à partir du {start}",
        "until": "jusqu'au {end}",
        "midday": "{date} (midi)",
        "afternoon": "{date} (après-midi)",
        "to_be_set": "À fixer",
        "span": {"past": "La mission s'est déroulée du {start} au {end}, soit {working} jours ouvrés.",
                 "present": "La mission se déroule du {start} au {end}, soit {working} jours ouvrés.",
                 "future": "La mission se déroulera du {start} au {end}, soit {working} jours ouvrés."},
        "total_match": "Les six phases représentent {planned} d'intervention, conformément au forfait de {package}.",
        "total_differ": "Les six phases représentent {planned} d'intervention, pour un forfait de {package}.",
        "day": "{n} jour", "days": "{n} jours", "month": "{n} mois", "months": "{n} mois", "year": "{n} an", "years": "{n} ans",
        "conditions": {
            "elus": ("Les élus gardent leur mandat", "Le dispositif laisse-t-il la décision aux élus, et dit-il clairement qui décide ?"),
            "services": ("Les services ne s'épuisent pas", "La charge de travail est-elle absorbable, pour des résultats exploitables ?"),
            "citoyens": ("Les citoyens s'y retrouvent", "Les participants reçoivent-ils une réponse, dans un délai annoncé, avec un effet visible ?"),
        },
        "summary": "{client} ouvre un dispositif de dialogue citoyen qui associe les habitants, les élus et les services. "
                   "Ce qui a été retenu : {solutions}.",
        "summary_none": "{client} ouvre un dispositif de dialogue citoyen qui associe les habitants, les élus et les services.",
        "capital": "{form} au capital de {capital}",
        "creativity_done": ", puis une séance de créativité avec {n} participants",
    },
    "en": {
        "groups": {"elus": "Elected members", "services": "Staff", "citoyens": "Citizens", "partenaires": "Partners"},
        "groups_lower": {"elus": "elected members", "services": "staff", "citoyens": "citizens", "partenaires": "partners"},
        "workshop": {"elus": "Elected members' workshop", "services": "Staff workshop", "citoyens": "Citizens' workshop"},
        "creativity": "Creativity session",
        "kinds": {"commune": "Municipality", "intercommunalite": "Inter-municipal body", "departement": "Département",
                  "region": "Region", "autre": "Public body", "prive": "Private client"},
        "inhabitants": "{n} inhabitants",
        "levels": {"informer": "Inform", "consulter": "Consult", "concerter": "Involve",
                   "coconstruire": "Collaborate", "codecider": "Empower"},
        "promises": {
            "informer": "We will keep you informed.",
            "consulter": "We will listen to you and tell you how your input influenced the decision.",
            "concerter": "We will work with you so that your concerns are reflected in the options, and tell you how.",
            "coconstruire": "We will build the solutions with you and follow your advice as far as possible.",
            "codecider": "We will implement what you decide, within the stated framework.",
        },
        "phases": {"cadrage": "Scoping", "preparation": "Preparation", "ateliers": "Workshops", "analyse": "Analysis",
                   "creativite": "Creativity session", "livrables": "Deliverables"},
        "verdicts": {"+": "Favourable", "-": "Unfavourable", "=": "Reserved"},
        "polarity": {"+": "positive", "-": "negative", "?": "question", "idee": "idea"},
        "viable": "Viable",
        "blocked": "Not viable — {groups} below the threshold",
        "tension": "{high} ({high_score}) and {low} ({low_score}) clearly disagree.",
        "and": " and ",
        "from_to": "from {start} to {end}",
        "from": "from {start}",
        "until": "until {end}",
        "midday": "{date} (midday)",
        "afternoon": "{date} (afternoon)",
        "to_be_set": "To be set",
        "span": {"past": "The engagement ran from {start} to {end}: {working} working days.",
                 "present": "The engagement runs from {start} to {end}: {working} working days.",
                 "future": "The engagement will run from {start} to {end}: {working} working days."},
        "total_match": "The six phases add up to {planned} of work, matching the package of {package}.",
        "total_differ": "The six phases add up to {planned} of work, for a package of {package}.",
        "day": "{n} day", "days": "{n} days", "month": "{n} month", "months": "{n} months", "year": "{n} year", "years": "{n} years",
        "conditions": {
            "elus": ("Elected members keep their mandate", "Does the scheme leave the decision to elected members and say who decides?"),
            "services": ("Staff are not exhausted", "Is the workload absorbable, for usable results?"),
            "citoyens": ("Citizens get something back", "Do participants get an answer, on time, with a visible effect?"),
        },
        "summary": "{client} is opening a citizen-dialogue scheme that brings residents, elected members and staff "
                   "together. What has been adopted: {solutions}.",
        "summary_none": "{client} is opening a citizen-dialogue scheme that brings residents, elected members and staff together.",
        "capital": "{form} with a share capital of {capital}",
        "creativity_done": ", then a creativity session with {n} participants",
    },
}  # fmt: skip


# One order for the three groups in every table, legend and chart (the heatmap's columns).
CONDITION_ORDER = ("elus", "citoyens", "services")


# The story the documents tell: version and validation, evidence, the state of each phase and
# event at the document date, the path from an option to a retained solution.
WORDS["fr"].update({
    "version": "Version {version} du {date}",
    "edition": "Édition du {date}",
    "validated": "Validation : {who}",
    "not_validated": "Document de travail, non validé",
    # evidence behind a score
    "items": "{n} avis",
    "items_weak": "{n} avis : fragile",
    "weak_list": "Scores fragiles (moins de {n} avis notés) : {cells}.",
    "weak_cell": "{option}, {what} ({items})",
    "weak_count": {True: "Un score repose sur moins de {min_items} avis notés : il est signalé « fragile » dans les "
                         "tableaux.",
                   False: "{n} scores reposent sur moins de {min_items} avis notés : ils sont signalés « fragile » "
                          "dans les tableaux."},
    "weak_group": "groupe {group}",
    "weak_condition": "condition {group}",
    "provisional": "Résultats provisoires : l'analyse est en cours au {date} ; les scores et le "
                   "classement peuvent encore changer.",
    "analysis_todo": "L'analyse n'a pas commencé au {date} : les scores ci-dessous sont ceux des "
                     "retours saisis à ce jour.",
    # state of phases and events
    "state": {"done": "Terminée", "ongoing": "En cours", "upcoming": "À venir"},
    "event_state": {
        "workshop": {"held": "Tenu", "upcoming": "À venir", "unconfirmed": "À confirmer", "undated": "À fixer"},
        "creativity": {"held": "Tenue", "upcoming": "À venir", "unconfirmed": "À confirmer", "undated": "À fixer"},
    },
    "event_sentence": {
        "workshop": {"held": "s'est tenu le {date}", "upcoming": "aura lieu le {date}",
                     "unconfirmed": "prévu le {date}, à confirmer", "undated": "date à fixer"},
        "creativity": {"held": "s'est tenue le {date}", "upcoming": "aura lieu le {date}",
                       "unconfirmed": "prévue le {date}, à confirmer", "undated": "date à fixer"},
    },
    "participants_n": "{n} participants",
    "session_on": "du {date}",
    "session_undated": "(date à fixer)",
    # the decision trail
    "test_verdicts": {"+": "favorables", "=": "réservés", "-": "défavorables"},
    "test_symbols": {"+": "+", "=": "=", "-": "−"},
    "rank_of": "rang {rank} sur {count}",
    "option_answered": "Répond à l'option {title} ({rank}) : {verdict}.",
    "option_unscored": "Répond à l'option {title}, pas encore notée.",
    "option_none": "Ne répond à aucune option notée en atelier.",
    "tests_line": "Testée en séance de créativité : {tests}.",
    "tests_missing": " Pas de test auprès des {groups}.",
    "tests_none": "Pas encore testée auprès des groupes.",
    "basis": {
        "viable": "Retenue : l'option était viable et aucun groupe n'a rejeté la solution.",
        "lifted": "Retenue : la solution lève ce qui bloquait l'option ; {groups} l'ont testée sans la rejeter.",
        "rationale": "Retenue sur décision motivée. {rationale}",
        "unjustified": "À compléter : cette solution est retenue sans justification écrite, alors "
                       "qu'un groupe l'a rejetée ou que les groupes qui bloquaient l'option ne l'ont pas testée.",
    },
    "trail_viable": "{title} : {verdict} ; solution testée en séance de créativité : {tests}",
    "trail_blocked": "{title} : {verdict} ; solution retravaillée en séance de créativité : {tests}",
    "trail_untested": "non testée",
    "trail_rationale": " ; retenue sur décision motivée",
    # plain words for residents
    "ext_option_viable": "Elle reprend l'option {title}, qui remplissait déjà les trois conditions d'un dialogue durable.",
    "ext_option_blocked": "Elle part de l'option {title}, qui, telle quelle, ne convenait pas {groups}.",
    "to_groups": {"elus": "aux élus", "services": "aux services", "citoyens": "aux citoyens"},
    "the_groups": {"elus": "les élus", "services": "les services", "citoyens": "les citoyens"},
    "plain_test": "{group} y sont {verdict}",
    "gantt_caption": {True: "Calendrier de la mission : phases, ateliers et séance de créativité",
                      False: "Calendrier prévisionnel : phases, ateliers et séance de créativité"},
    "worked_title": "Le calcul pas à pas : condition « {condition} », option « {option} »",
    "worked_intro": "Prenons l'option {option} (rang {rank}) et la condition {condition}. Les critères qui "
                    "servent cette condition sont {criteria}. {count} avis notés les touchent, tous groupes "
                    "confondus (tableau 5) : chacun apporte p × i × w au numérateur et i × w au dénominateur, "
                    "sur les seuls critères de la condition.",
    "worked_formula": "K = ({signed}) ÷ ({unsigned}) = {numerator} ÷ {denominator} = {score}, arrondi à {shown} "
                      "dans le classement (tableau 4).",
    "worked_reading": "Avec {shown}, la condition est {verdict} (seuil {threshold}) ; ce score repose sur {evidence}.",
    "worked_count": "{n} avis",
    "worked_grouped": "Ils sont trop nombreux pour une ligne chacun : chacune des {rows} lignes du tableau 5 "
                      "regroupe les avis de même sens sur les mêmes critères, avec leur nombre, la somme de leurs "
                      "intensités (colonne i) et leurs apports, p × i × w et i × w sur cette somme.",
    "worked_all_groups": "tous",
    "worked_column_sum": "somme de la colonne {column}",
    "worked_above": "remplie",
    "worked_below": "non remplie",
    "brief_viable": {True: "Sur {count} options étudiées, une seule est viable : {titles}.",
                     False: "Sur {count} options étudiées, {n} sont viables : {titles}."},
    "brief_none_viable": "Aucune des {count} options étudiées n'est viable en l'état : chacune laisse au moins "
                         "une condition sous le seuil.",
    "ext_summary_final": "{client} a mené avec les habitants, les élus et les agents une démarche de "
                         "dialogue citoyen. Ce qui a été retenu : {solutions}.",
    "ext_summary_provisional": "{client} mène avec les habitants, les élus et les agents une démarche de "
                               "dialogue citoyen. Les pistes à l’essai : {solutions}.",
    "ext_summary_upcoming": "{client} mène avec les habitants, les élus et les agents une démarche de "
                            "dialogue citoyen.",
    "workshops_n": {True: "{n} atelier", False: "{n} ateliers"},
    "have_met": {True: "a réuni", False: "ont réuni"},
    "figures_all": "{workshops} {met} {participants} participants et recueilli {contributions} contributions{creativity}",
    "figures_some": "À ce jour, {workshops} sur {count} {met} {participants} participants et recueilli "
                    "{contributions} contributions",
    "figures_final": " : voici ce que nous en avons retenu.",
    "figures_next": " : elles nourrissent la suite de la démarche.",
    "said_done_title": "Vous avez dit, nous avons fait",
    "said_title": "Ce que deviennent vos contributions",
    "said_upcoming": "Vos contributions sont en cours d'analyse. Ce qui en sera fait paraîtra ici après la "
                     "séance de créativité {when}.",
    "said_before_workshops": "Les ateliers n'ont pas encore eu lieu : ce que vous y direz, et ce qui en sera "
                             "fait, paraîtra ici.",
    "meetings_none": "Tous les rendez-vous prévus ont eu lieu.",
    "decision_final": "La séance de créativité {when} a transformé les options étudiées en solutions, "
                      "testées auprès des groupes. Pour chacune : l'option dont elle part et son verdict à "
                      "l'issue de l'analyse, ce qui a changé, l'accueil de chaque groupe et ce qui fonde le choix.",
    "decision_provisional": "Solutions provisoires : la séance de créativité {when} a eu lieu, mais la phase "
                            "n'est pas close ; les tests et le choix peuvent encore changer.",
    "decision_none": "aucune solution n'a été retenue à l'issue de la séance de créativité.",
    "decision_upcoming": "le dispositif retenu sortira de la séance de créativité {when}, où les options "
                         "étudiées seront retravaillées et testées auprès des trois groupes.",
})  # fmt: skip

WORDS["en"].update({
    "version": "Version {version}, {date}",
    "edition": "Issued {date}",
    "validated": "Approved by: {who}",
    "not_validated": "Working document, not approved yet",
    "items": "{n} views",
    "items_weak": "{n} views: weak",
    "weak_list": "Weak scores (fewer than {n} scored views): {cells}.",
    "weak_cell": "{option}, {what} ({items})",
    "weak_count": {True: "One score rests on fewer than {min_items} scored views: it is marked “weak” in the tables.",
                   False: "{n} scores rest on fewer than {min_items} scored views: they are marked “weak” in the "
                          "tables."},
    "weak_group": "{group} group",
    "weak_condition": "{group} condition",
    "provisional": "Provisional results: the analysis is under way on {date}; the scores and the "
                   "ranking may still change.",
    "analysis_todo": "The analysis has not started on {date}: the scores below are those of the "
                     "feedback entered so far.",
    "state": {"done": "Done", "ongoing": "In progress", "upcoming": "To come"},
    "event_state": {
        "workshop": {"held": "Held", "upcoming": "To come", "unconfirmed": "To be confirmed", "undated": "To be set"},
        "creativity": {"held": "Held", "upcoming": "To come", "unconfirmed": "To be confirmed", "undated": "To be set"},
    },
    "event_sentence": {
        "workshop": {"held": "held on {date}", "upcoming": "to be held on {date}",
                     "unconfirmed": "planned on {date}, to be confirmed", "undated": "date to be set"},
        "creativity": {"held": "held on {date}", "upcoming": "to be held on {date}",
                       "unconfirmed": "planned on {date}, to be confirmed", "undated": "date to be set"},
    },
    "participants_n": "{n} participants",
    "session_on": "of {date}",
    "session_undated": "(date to be set)",
    "test_verdicts": {"+": "in favour", "=": "with reservations", "-": "against"},
    "test_symbols": {"+": "+", "=": "=", "-": "−"},
    "rank_of": "rank {rank} of {count}",
    "option_answered": "Answers the option {title} ({rank}): {verdict}.",
    "option_unscored": "Answers the option {title}, not scored yet.",
    "option_none": "Answers no option scored in the workshops.",
    "tests_line": "Tested in the creativity session: {tests}.",
    "tests_missing": " No test with {groups}.",
    "tests_none": "Not tested with the groups yet.",
    "basis": {
        "viable": "Retained: the option was viable and no group rejected the solution.",
        "lifted": "Retained: the solution lifts what blocked the option; {groups} tested it without rejecting it.",
        "rationale": "Retained on a stated rationale. {rationale}",
        "unjustified": "To be completed: this solution is retained without a written rationale, "
                       "although a group rejected it or the groups that blocked the option did not test it.",
    },
    "trail_viable": "{title}: {verdict}; solution tested in the creativity session: {tests}",
    "trail_blocked": "{title}: {verdict}; solution reworked in the creativity session: {tests}",
    "trail_untested": "not tested",
    "trail_rationale": "; retained on a stated rationale",
    "ext_option_viable": "It takes up the option {title}, which already met the three conditions of a lasting dialogue.",
    "ext_option_blocked": "It starts from the option {title}, which, as it stood, did not work {groups}.",
    "to_groups": {"elus": "for elected members", "services": "for staff", "citoyens": "for citizens"},
    "the_groups": {"elus": "elected members", "services": "staff", "citoyens": "citizens"},
    "plain_test": "{group} {verdict}",
    "gantt_caption": {True: "The engagement's calendar: phases, workshops and creativity session",
                      False: "Planned calendar: phases, workshops and creativity session"},
    "worked_title": "The computation step by step: condition “{condition}”, option “{option}”",
    "worked_intro": "Take the option {option} (rank {rank}) and the condition {condition}. The criteria serving "
                    "this condition are {criteria}. {count} scored views touch them, all groups together "
                    "(table 5): each adds p × i × w to the numerator and i × w to the denominator, on the "
                    "condition's criteria only.",
    "worked_formula": "K = ({signed}) ÷ ({unsigned}) = {numerator} ÷ {denominator} = {score}, rounded to {shown} "
                      "in the ranking (table 4).",
    "worked_reading": "At {shown}, the condition is {verdict} (threshold {threshold}); this score rests on {evidence}.",
    "worked_count": "{n} views",
    "worked_grouped": "They are too many for a line each: each of the {rows} rows of table 5 groups the views "
                      "of the same direction on the same criteria, with their number, the sum of their "
                      "intensities (column i) and what they add, p × i × w and i × w on that sum.",
    "worked_all_groups": "all",
    "worked_column_sum": "sum of the column {column}",
    "worked_above": "met",
    "worked_below": "not met",
    "brief_viable": {True: "Of the {count} options studied, only one is viable: {titles}.",
                     False: "Of the {count} options studied, {n} are viable: {titles}."},
    "brief_none_viable": "None of the {count} options studied is viable as it stands: each leaves at least one "
                         "condition below the threshold.",
    "ext_summary_final": "{client} has run a citizen dialogue with residents, elected members and staff. "
                         "What has been adopted: {solutions}.",
    "ext_summary_provisional": "{client} is running a citizen dialogue with residents, elected members and "
                               "staff. The ideas being tried out: {solutions}.",
    "ext_summary_upcoming": "{client} is running a citizen dialogue with residents, elected members and staff.",
    "workshops_n": {True: "{n} workshop", False: "{n} workshops"},
    "have_met": {True: "brought together", False: "brought together"},
    "figures_all": "{workshops} {met} {participants} participants and collected {contributions} contributions{creativity}",
    "figures_some": "So far, {workshops} of {count} {met} {participants} participants and collected "
                    "{contributions} contributions",
    "figures_final": ": here is what we did with them.",
    "figures_next": ": they feed the next steps.",
    "said_done_title": "You said, we did",
    "said_title": "What happens to your contributions",
    "said_upcoming": "Your contributions are being analysed. What is done with them will appear here after the "
                     "creativity session {when}.",
    "said_before_workshops": "The workshops have not taken place yet: what you say there, and what is done with "
                             "it, will appear here.",
    "meetings_none": "All the planned meetings have taken place.",
    "decision_final": "The creativity session {when} turned the options studied into solutions, tested "
                      "with the groups. For each one: the option it starts from and its verdict after the "
                      "analysis, what changed, how each group received it and what the choice rests on.",
    "decision_provisional": "Provisional solutions: the creativity session {when} has taken place, but the "
                            "phase is not closed; the tests and the choice may still change.",
    "decision_none": "no solution was retained after the creativity session.",
    "decision_upcoming": "the chosen scheme will come out of the creativity session {when}, where the options "
                         "studied will be reworked and tested with the three groups.",
})  # fmt: skip


# The words of the published and circulated documents (render/words_public.py).
def _merge_public() -> None:
    from .words_public import PUBLIC

    for language, words in PUBLIC.items():
        WORDS[language].update(words)


_merge_public()
