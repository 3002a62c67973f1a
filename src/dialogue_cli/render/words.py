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
        "status": {"todo": "À venir", "doing": "En cours", "done": "Terminée"},
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
        "span": "Le dispositif se déroule du {start} au {end}, soit {working} jours ouvrés.",
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
        "status": {"todo": "To do", "doing": "In progress", "done": "Done"},
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
        "span": "The scheme runs from {start} to {end}: {working} working days.",
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
