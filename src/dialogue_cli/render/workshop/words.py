"""The words of the workshop kit, per language: slides, speaker notes, sheets, run sheet, notice.

French text uses the typographic apostrophe and guillemets; the no-break spaces before ``; : ! ?``
are added where the text is placed (:meth:`dialogue_cli.render.values.Fmt.t`). Group, level and
verdict names come from :mod:`dialogue_cli.render.words`, so that the kit says them as the
deliverables do.
"""

from __future__ import annotations

from typing import Any

KIT_WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        # ------------------------------------------------------------ files
        "files": {
            "deck": "diaporama", "capture": "fiches-saisie", "attendance": "emargement",
            "run": "deroule", "feedback": "retours",
        },
        "titles": {
            "deck": "Diaporama", "capture": "Fiches de saisie", "capture_creativity": "Fiches de solutions",
            "attendance": "Feuille d’émargement", "run": "Déroulé de la séance", "feedback": "Retours pré-remplis",
        },
        # ------------------------------------------------------------ when and where
        "date_unknown": "Date à fixer",
        "place_unknown": "Lieu à fixer",
        "time_span": "{start} – {end}",
        "minutes": "{n}\u00a0min",
        "duration": "{n} minutes",
        "relative": "Horaires comptés depuis le début de la séance : heure de début à fixer.",
        "default_duration": "Durée par défaut : {n} minutes, faute de durée indiquée pour la séance.",
        # ------------------------------------------------------------ slides
        "agenda": "Programme",
        "rules": "Les règles du jeu",
        "open": "Ouvert à la discussion",
        "closed": "Déjà décidé : hors discussion",
        "open_todo": "À compléter : ce qui est ouvert à la discussion n’est pas encore précisé.",
        "closed_todo": "À compléter : ce qui n’est pas négociable n’est pas encore précisé.",
        "contributions": "Ce que deviennent vos contributions",
        "anonymous": "Vos contributions sont notées sans votre nom.",
        "analysed": "Elles sont analysées avec celles des autres ateliers, selon la même grille, puis restituées.",
        "commitment_delay": "{label} : sous {delay}",
        "commitments_todo": "À compléter : aucun engagement de réponse aux participants n’est encore fixé.",
        "decision": "La décision finale revient {to_council}.",
        "question": "Qu’est-ce qui vous semble positif ? Qu’est-ce qui vous déplaît ?",
        "question_lines": [
            "Une idée par post-it, avec le code du scénario.",
            "+  ce qui vous semble positif",
            "−  ce qui vous déplaît",
            "?  une question, une inquiétude",
            "idée  une proposition",
        ],
        "scenario_code": "Code à reporter sur vos post-it : {code}",
        "level": "Niveau de participation : {level}. {promise}",
        "transversal_hint": "Ce qui vaut pour tous les dispositifs.",
        "next": "Et après ?",
        "next_workshop": "{label} : {date}",
        "next_analysis": "Analyse des contributions : {dates}",
        "next_creativity": "Séance de créativité : {date}",
        "next_deliverables": "Documents de la démarche : {dates}",
        "next_undated": "date à fixer",
        "thanks": "Merci de votre participation",
        "contact": "Pour nous écrire : {contact}",
        "results": "Ce que les ateliers ont dit",
        "results_line": "{rank}. {title} : {verdict}",
        "results_todo": "À compléter : aucune option n’est encore notée ; saisissez les retours des ateliers avant la séance.",
        "verdict": "Verdict de l’analyse : {verdict}",
        "unscored": "Pas encore notée : aucun avis noté sur cette option.",
        "scores": "{group} {score}",
        "challenge_blocked": "Le défi : comment lever la réserve des {groups} ?",
        "challenge_viable": "Le défi : comment la mettre en œuvre en gardant l’adhésion des trois groupes ?",
        "challenge_unscored": "Le défi : à quelles conditions les élus, les citoyens et les services y trouvent-ils leur compte ?",
        "test": "Tester les solutions",
        "test_intro": "Pour chaque solution, chaque groupe dit :",
        "footer": "{client} · {session} · {date}",
        # ------------------------------------------------------------ speaker notes
        "notes": {
            "title": "Accueillir les participants au fur et à mesure ; faire signer la feuille d’émargement. "
                     "Présenter l’équipe : {facilitator} anime, le preneur de notes remplit les fiches de saisie. "
                     "Annoncer l’heure de fin : {end}.",
            "agenda": "Annoncer le déroulé et l’heure de fin ({end}) ; dire que le temps de chaque séquence sera tenu.",
            "rules": "Dire clairement ce qui ne se discute pas : cela évite les faux espoirs. "
                     "Règles d’échange : chacun parle à son tour ; on critique les idées, pas les personnes ; "
                     "toutes les contributions comptent, même minoritaires.",
            "contributions": "Rappeler les engagements de réponse et leurs délais. Préciser que les contributions "
                             "sont notées sans nom, et que la décision finale reste aux élus.",
            "question": "Expliquer le code des post-it : une idée par post-it, le code du scénario en haut ; "
                        "+ ce qui semble positif, − ce qui déplaît, ? une question ou une inquiétude, idée une "
                        "proposition. Le preneur de notes reporte chaque post-it sur la fiche du scénario, avec son "
                        "intensité (1 faible, 2 moyenne, 3 forte) et les critères de la grille qu’il touche.",
            "scenario_time": "Temps prévu : {minutes}\u00a0min ({span}) : présentation {present}\u00a0min, écriture "
                             "individuelle {write}\u00a0min, tour de table {exchange}\u00a0min.",
            "scenario_time_short": "Temps prévu : {minutes}\u00a0min ({span}).",
            "scenario": "Présenter le scénario sans le défendre, puis poser la question : « {question} »",
            "prompts": "Relances :",
            "criteria": "Critères de la grille, à cocher sur la fiche {code} :",
            "transversal": "Recueillir ce qui vaut pour tous les dispositifs, quel que soit le scénario.",
            "next": "Remercier. Redire quand et comment les participants auront une réponse.",
            "thanks": "Rappeler comment joindre la collectivité ; ramasser les fiches et la feuille d’émargement.",
            "results": "Présenter le classement sans le commenter. Une option non viable n’est pas écartée : "
                       "la séance cherche comment lever ce qui la bloque.",
            "option_time": "Temps prévu : {minutes}\u00a0min ({span}) : rappel du verdict et du défi {recall}\u00a0min, "
                           "idées en sous-groupes {ideas}\u00a0min, mise en commun {share}\u00a0min.",
            "option": "Faire produire des solutions qui répondent au défi ; pour chacune, noter sur la fiche {code} "
                      "ce qu’elle change dans l’option.",
            "ideas": "Pistes déjà proposées en atelier :",
            "questions": "Questions posées en atelier :",
            "test": "Faire tester chaque solution par chaque groupe : + favorable, = réservé, − défavorable. "
                    "Noter le résultat sur la fiche de la solution.",
        },
        # ------------------------------------------------------------ run sheet
        "steps": {
            "welcome": "Accueil et émargement",
            "opening": "Ouverture : mot d’accueil, objectifs et règles du jeu",
            "question": "La question posée et la méthode des post-it",
            "scenario": "Scénario {code} : {title}",
            "transversal": "Remarques transversales",
            "pause": "Pause",
            "synthesis": "Synthèse à chaud : ce que nous avons entendu",
            "close": "Suite de la démarche et clôture",
            "results": "Ce que les ateliers ont dit : le classement des options",
            "option": "Option {code} : {title}",
            "test": "Test des solutions auprès des groupes",
        },
        "actions": {
            "welcome": "Faire signer la feuille d’émargement ; remettre post-it et feutres.",
            "opening": "Mot d’accueil ; rappeler l’objectif de la démarche, ce qui est ouvert à la discussion et ce "
                       "qui ne l’est pas, les engagements de réponse.",
            "question": "Expliquer le code des post-it (+, −, ?, idée) et le rôle du preneur de notes.",
            "scenario": "Présenter ({present}\u00a0min), écriture individuelle ({write}\u00a0min), tour de table "
                        "({exchange}\u00a0min) ; fiche de saisie {code}.",
            "scenario_short": "Présenter, recueillir les post-it ; fiche de saisie {code}.",
            "transversal": "Recueillir ce qui vaut pour tous les dispositifs ; fiche {codes}.",
            "pause": "",
            "synthesis": "Relire à voix haute les principaux points entendus, scénario par scénario ; vérifier "
                         "qu’ils ont été bien compris.",
            "close": "Annoncer la suite et les délais de réponse ; remercier ; ramasser les fiches.",
            "results": "Présenter le classement et le verdict de chaque option.",
            "option": "Rappeler le verdict et le défi ({recall}\u00a0min), idées en sous-groupes ({ideas}\u00a0min), mise en "
                      "commun ({share}\u00a0min) ; fiche {code}.",
            "option_short": "Rappeler le verdict et le défi, chercher des solutions ; fiche {code}.",
            "test": "Chaque groupe dit, pour chaque solution : + favorable, = réservé, − défavorable.",
        },
        "slide": "Diapositive {n}",
        "slides": "Diapositives {first} à {last}",
        "roles": {
            "facilitator": ("Animation", "Mène la séance, tient le temps, relance sans orienter."),
            "notes": ("Prise de notes", "Remplit les fiches de saisie ligne par ligne : code, polarité, intensité, "
                                        "critères, ce qui a été dit."),
            "notes_creativity": ("Prise de notes", "Remplit une fiche par option : chaque solution, ce qu’elle "
                                                   "change, l’avis de chaque groupe."),
            "welcome": ("Accueil et émargement", "Accueille, fait signer la feuille d’émargement et la conserve."),
            "sponsor": ("Mot d’accueil", "Ouvre la séance au nom de la collectivité."),
        },
        "to_name": "À désigner",
        "to_name_client": "À désigner (collectivité)",
        "materials": {
            "deck": "Ordinateur et vidéoprojecteur pour le diaporama ({file}).",
            "attendance": "La feuille d’émargement ({rows} lignes) et des stylos.",
            "capture": "Les fiches de saisie : {sheets} fiche(s), une par scénario ({lines} lignes chacune).",
            "capture_creativity": "Les fiches de solutions : {sheets} fiche(s), une par option.",
            "postits": "Post-it de quatre couleurs, une par polarité (+, −, ?, idée) : {pads} bloc(s) de chaque couleur.",
            "postits_unknown": "Post-it de quatre couleurs, une par polarité (+, −, ?, idée) : un bloc de chaque "
                               "couleur par table de six participants.",
            "pens": "Des feutres noirs, un par participant.",
            "board": "Un paperboard et des feutres pour la synthèse à chaud.",
            "dots": "Des gommettes de trois couleurs pour les tests (+ favorable, = réservé, − défavorable).",
            "sheets": "De grandes feuilles pour le travail en sous-groupes.",
            "timer": "Un minuteur.",
            "run": "Ce déroulé.",
        },
        "after": "Après la séance, reporter chaque ligne des fiches dans {file} (même code, une ligne du fichier par "
                 "ligne de la fiche), puis vérifier la saisie avec « dialogue check ».",
        "after_creativity": "Après la séance, reporter chaque solution dans engagement.yaml (creativity.solutions : "
                            "le code comme id, le titre, ce qu’elle change et l’avis de chaque groupe).",
        "participants": "{n} participants attendus",
        "question_about": "À propos de « {title} » : qu’est-ce qui vous semble positif ? Qu’est-ce qui vous déplaît ?",
        "prompts_intro": "Relances, pour chaque scénario :",
        "criteria_intro": "Critères de la grille, en colonnes sur les fiches de saisie :",
        "postit_code": "Code des post-it : {code} · fiche de saisie {sheet}",
        "level_probe": {
            "informer": "L’information prévue vous suffirait-elle ? Par quel canal la recevoir ?",
            "consulter": "Qu’attendez-vous en retour de votre avis, et dans quel délai ?",
            "concerter": "Comment vos préoccupations devraient-elles être reprises dans les options étudiées ?",
            "coconstruire": "Quelle part du travail seriez-vous prêts à prendre ?",
            "codecider": "Le cadre de la décision (ce qui se vote, qui arbitre, dans quelles limites) est-il clair ?",
        },
        "participants_unknown": "Nombre de participants à préciser (participants)",
        # ------------------------------------------------------------ capture sheets
        "sheet_title": "{code} · {title}",
        "sheet_line": "{session} · {date} · Scénario {code}",
        "sheet_line_creativity": "{session} · {date} · Option {code}",
        "legend": "Polarité : + positif · − négatif · ? question ou inquiétude · idée proposition. "
                  "Intensité : 1 faible · 2 moyenne · 3 forte. Critères : cocher ceux que la remarque touche.",
        "legend_creativity": "Pour chaque solution : ce qu’elle change dans l’option, puis l’avis de chaque groupe "
                             "(+ favorable · = réservé · − défavorable).",
        "transcribe": "À saisir dans {file} : une ligne du fichier par ligne de la fiche, même code.",
        "transcribe_creativity": "À reporter dans engagement.yaml, creativity.solutions : le code comme id.",
        "columns": {"code": "Code", "said": "Ce qui a été dit", "idea": "idée",
                    "solution": "Solution imaginée", "changes": "Ce qu’elle change dans l’option"},
        # ------------------------------------------------------------ attendance
        "attendance_intro": "Merci d’inscrire votre nom et votre structure ou qualité, puis de signer.",
        "attendance_columns": ("N°", "Nom et prénom", "Structure ou qualité", "Signature"),
        # ------------------------------------------------------------ personal-data notice
        "notice": {
            "title": "Vos données personnelles",
            "intro": "Les informations de cette feuille servent à attester la tenue de la séance et la participation.",
            "controller": "Responsable du traitement",
            "dpo": "Délégué à la protection des données",
            "purposes": "Finalités",
            "legal_basis": "Base légale",
            "data": "Données recueillies",
            "recipients": "Destinataires",
            "retention": "Durée de conservation",
            "rights": "Vos droits",
            "complaint": "Réclamation",
            "todo": "À compléter",
        },
    },
    "en": {
        "files": {
            "deck": "slides", "capture": "capture-sheets", "attendance": "attendance",
            "run": "run-sheet", "feedback": "feedback",
        },
        "titles": {
            "deck": "Slides", "capture": "Capture sheets", "capture_creativity": "Solution sheets",
            "attendance": "Attendance sheet", "run": "Run sheet", "feedback": "Pre-filled feedback",
        },
        "date_unknown": "Date to be set",
        "place_unknown": "Venue to be set",
        "time_span": "{start}–{end}",
        "minutes": "{n}\u00a0min",
        "duration": "{n} minutes",
        "relative": "Times counted from the start of the session: start time to be set.",
        "default_duration": "Default length: {n} minutes, as the session gives none.",
        "agenda": "Agenda",
        "rules": "The rules of the game",
        "open": "Open for discussion",
        "closed": "Already decided: not for discussion",
        "open_todo": "To be completed: what is open for discussion is not stated yet.",
        "closed_todo": "To be completed: what is not negotiable is not stated yet.",
        "contributions": "What happens to your contributions",
        "anonymous": "Your contributions are noted without your name.",
        "analysed": "They are analysed with those of the other workshops, against the same grid, then reported back.",
        "commitment_delay": "{label}: within {delay}",
        "commitments_todo": "To be completed: no commitment to answer participants is set yet.",
        "decision": "The final decision rests with {the_council}.",
        "question": "What seems positive to you? What do you dislike?",
        "question_lines": [
            "One idea per sticky note, with the scenario's code.",
            "+  what seems positive",
            "−  what you dislike",
            "?  a question, a worry",
            "idea  a suggestion",
        ],
        "scenario_code": "Code to write on your sticky notes: {code}",
        "level": "Level of participation: {level}. {promise}",
        "transversal_hint": "What holds for every scheme.",
        "next": "What happens next",
        "next_workshop": "{label}: {date}",
        "next_analysis": "Analysis of the contributions: {dates}",
        "next_creativity": "Creativity session: {date}",
        "next_deliverables": "The engagement's documents: {dates}",
        "next_undated": "date to be set",
        "thanks": "Thank you for taking part",
        "contact": "To write to us: {contact}",
        "results": "What the workshops said",
        "results_line": "{rank}. {title}: {verdict}",
        "results_todo": "To be completed: no option is scored yet; enter the workshops' feedback before the session.",
        "verdict": "Verdict of the analysis: {verdict}",
        "unscored": "Not scored yet: no scored opinion on this option.",
        "scores": "{group} {score}",
        "challenge_blocked": "The challenge: how can we lift the reservations of {groups}?",
        "challenge_viable": "The challenge: how can we put it in place and keep all three groups on board?",
        "challenge_unscored": "The challenge: on what terms do elected members, citizens and staff all gain from it?",
        "test": "Testing the solutions",
        "test_intro": "For each solution, each group says:",
        "footer": "{client} · {session} · {date}",
        "notes": {
            "title": "Welcome participants as they arrive; have them sign the attendance sheet. Introduce the team: "
                     "{facilitator} facilitates, the note-taker fills in the capture sheets. Announce the end time: {end}.",
            "agenda": "Announce the agenda and the end time ({end}); say that each sequence will keep to its time.",
            "rules": "Say clearly what is not for discussion: it avoids false hopes. Ground rules: one person speaks "
                     "at a time; criticise ideas, not people; every contribution counts, even a minority one.",
            "contributions": "Recall the commitments to answer and their deadlines. Say that contributions are noted "
                             "without names, and that the final decision stays with the elected members.",
            "question": "Explain the sticky-note code: one idea per note, the scenario's code at the top; + what seems "
                        "positive, − what they dislike, ? a question or a worry, idea a suggestion. The note-taker copies "
                        "each note onto the scenario's sheet, with its intensity (1 low, 2 medium, 3 high) and the grid "
                        "criteria it touches.",
            "scenario_time": "Time: {minutes}\u00a0min ({span}): presentation {present}\u00a0min, individual writing {write}\u00a0min, "
                             "round table {exchange}\u00a0min.",
            "scenario_time_short": "Time: {minutes}\u00a0min ({span}).",
            "scenario": "Present the scenario without defending it, then ask: “{question}”",
            "prompts": "Follow-up questions:",
            "criteria": "The grid's criteria, to tick on sheet {code}:",
            "transversal": "Collect what holds for every scheme, whatever the scenario.",
            "next": "Thank everyone. Say again when and how participants will get an answer.",
            "thanks": "Recall how to reach the public body; collect the sheets and the attendance sheet.",
            "results": "Present the ranking without commenting on it. A non-viable option is not dropped: the session "
                       "looks for ways to lift what blocks it.",
            "option_time": "Time: {minutes}\u00a0min ({span}): verdict and challenge {recall}\u00a0min, ideas in small groups "
                           "{ideas}\u00a0min, sharing {share}\u00a0min.",
            "option": "Have the groups produce solutions that meet the challenge; for each, note on sheet {code} what "
                      "it changes in the option.",
            "ideas": "Ideas already put forward in the workshops:",
            "questions": "Questions asked in the workshops:",
            "test": "Have each group test each solution: + in favour, = with reservations, − against. Note the "
                    "result on the solution's sheet.",
        },
        "steps": {
            "welcome": "Welcome and attendance sheet",
            "opening": "Opening: welcome, objectives and rules of the game",
            "question": "The question and the sticky-note method",
            "scenario": "Scenario {code}: {title}",
            "transversal": "Cross-cutting remarks",
            "pause": "Break",
            "synthesis": "Wrap-up: what we heard",
            "close": "Next steps and close",
            "results": "What the workshops said: the ranking of the options",
            "option": "Option {code}: {title}",
            "test": "Testing the solutions with the groups",
        },
        "actions": {
            "welcome": "Have the attendance sheet signed; hand out sticky notes and pens.",
            "opening": "Welcome; recall the purpose of the engagement, what is open for discussion and what is not, "
                       "the commitments to answer.",
            "question": "Explain the sticky-note code (+, −, ?, idea) and the note-taker's role.",
            "scenario": "Present ({present}\u00a0min), individual writing ({write}\u00a0min), round table ({exchange}\u00a0min); "
                        "capture sheet {code}.",
            "scenario_short": "Present, collect the sticky notes; capture sheet {code}.",
            "transversal": "Collect what holds for every scheme; sheet {codes}.",
            "pause": "",
            "synthesis": "Read back the main points heard, scenario by scenario; check they were understood.",
            "close": "Announce the next steps and the deadlines to answer; thank everyone; collect the sheets.",
            "results": "Present the ranking and the verdict of each option.",
            "option": "Recall the verdict and the challenge ({recall}\u00a0min), ideas in small groups ({ideas}\u00a0min), "
                      "sharing ({share}\u00a0min); sheet {code}.",
            "option_short": "Recall the verdict and the challenge, look for solutions; sheet {code}.",
            "test": "For each solution, each group says: + in favour, = with reservations, − against.",
        },
        "slide": "Slide {n}",
        "slides": "Slides {first} to {last}",
        "roles": {
            "facilitator": ("Facilitation", "Runs the session, keeps time, prompts without steering."),
            "notes": ("Note-taking", "Fills in the capture sheets line by line: code, polarity, intensity, criteria, "
                                     "what was said."),
            "notes_creativity": ("Note-taking", "Fills in one sheet per option: each solution, what it changes, each "
                                                "group's view."),
            "welcome": ("Welcome and attendance", "Welcomes people, has the attendance sheet signed and keeps it."),
            "sponsor": ("Opening words", "Opens the session on behalf of the public body."),
        },
        "to_name": "To be named",
        "to_name_client": "To be named (public body)",
        "materials": {
            "deck": "A computer and a projector for the slides ({file}).",
            "attendance": "The attendance sheet ({rows} lines) and pens.",
            "capture": "The capture sheets: {sheets} sheet(s), one per scenario ({lines} lines each).",
            "capture_creativity": "The solution sheets: {sheets} sheet(s), one per option.",
            "postits": "Sticky notes in four colours, one per polarity (+, −, ?, idea): {pads} pad(s) of each colour.",
            "postits_unknown": "Sticky notes in four colours, one per polarity (+, −, ?, idea): one pad of each colour "
                               "per table of six.",
            "pens": "Black felt pens, one per participant.",
            "board": "A flip chart and markers for the wrap-up.",
            "dots": "Dot stickers in three colours for the tests (+ in favour, = with reservations, − against).",
            "sheets": "Large sheets of paper for the small groups.",
            "timer": "A timer.",
            "run": "This run sheet.",
        },
        "after": "After the session, copy each line of the sheets into {file} (same code, one line of the file per "
                 "line of the sheet), then check the entry with “dialogue check”.",
        "after_creativity": "After the session, copy each solution into engagement.yaml (creativity.solutions: the "
                            "code as id, the title, what it changes and each group's view).",
        "participants": "{n} participants expected",
        "question_about": "About “{title}”: what seems positive to you? What do you dislike?",
        "prompts_intro": "Follow-up questions, for every scenario:",
        "criteria_intro": "The grid's criteria, as columns of the capture sheets:",
        "postit_code": "Sticky-note code: {code} · capture sheet {sheet}",
        "level_probe": {
            "informer": "Would the information planned be enough for you? Through which channel?",
            "consulter": "What do you expect back from your opinion, and how soon?",
            "concerter": "How should your concerns be taken up in the options studied?",
            "coconstruire": "What share of the work would you be ready to take on?",
            "codecider": "Is the frame of the decision clear (what is voted on, who arbitrates, within which limits)?",
        },
        "participants_unknown": "Number of participants to be set (participants)",
        "sheet_title": "{code} · {title}",
        "sheet_line": "{session} · {date} · Scenario {code}",
        "sheet_line_creativity": "{session} · {date} · Option {code}",
        "legend": "Polarity: + positive · − negative · ? question or worry · idea suggestion. "
                  "Intensity: 1 low · 2 medium · 3 high. Criteria: tick those the remark touches.",
        "legend_creativity": "For each solution: what it changes in the option, then each group's view "
                             "(+ in favour · = with reservations · − against).",
        "transcribe": "To enter in {file}: one line of the file per line of the sheet, same code.",
        "transcribe_creativity": "To copy into engagement.yaml, creativity.solutions: the code as id.",
        "columns": {"code": "Code", "said": "What was said", "idea": "idea",
                    "solution": "Solution", "changes": "What it changes in the option"},
        "attendance_intro": "Please write your name and your organisation or role, then sign.",
        "attendance_columns": ("No.", "Name", "Organisation or role", "Signature"),
        "notice": {
            "title": "Your personal data",
            "intro": "The information on this sheet records that the session took place and who attended.",
            "controller": "Controller",
            "dpo": "Data protection officer",
            "purposes": "Purposes",
            "legal_basis": "Legal basis",
            "data": "Data collected",
            "recipients": "Recipients",
            "retention": "Retention period",
            "rights": "Your rights",
            "complaint": "Complaints",
            "todo": "To be completed",
        },
    },
}  # fmt: skip
