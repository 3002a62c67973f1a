"""The documented context of each Word template of the workshop kit (as ``render/schema.py``
documents the deliverables'): ``templates check`` validates the kit's templates against it,
docs/workshop.md lists it, and a test checks that the contexts built for the examples have
exactly this shape."""

from __future__ import annotations

from ..schema import COMMON, Schema

SESSION: Schema = {
    "code": "The session's code: the workshop's id ('AT-ELUS'), or 'creativite' ('creativity').",
    "kind": "'workshop' or 'creativity'.",
    "label": "Its name: 'Atelier des élus', 'Séance de créativité'.",
    "date": "Its date with the weekday ('mardi 2 février 2027'), or 'Date à fixer'.",
    "time": "Its times from its start and duration ('18 h 30 – 20 h 30'), or empty.",
    "when": "Date and times together ('mardi 2 février 2027 · 18 h 30 – 20 h 30').",
    "place": "Its place, or 'Lieu à fixer'.",
    "access": "How to get there and in (may be empty).",
    "participants": "'11 participants attendus', or what to set.",
    "duration": "Its length: '120 minutes'.",
}

_KIT_COMMON: Schema = {**COMMON, "session": SESSION}

_COLUMNS: Schema = {
    "code": "Heading of the code column ('Code').",
    "said": "Heading of what was said ('Ce qui a été dit').",
    "idea": "The idea polarity's heading ('idée').",
    "solution": "Heading of the solution column ('Solution imaginée').",
    "changes": "Heading of what it changes ('Ce qu’elle change dans l’option').",
}

KIT_CONTEXTS: dict[str, Schema] = {
    "atelier-fiches-saisie": {
        **_KIT_COMMON,
        "legend": "How to fill in a line: polarity, intensity, criteria.",
        "transcribe": "Where the lines are typed: 'À saisir dans retours-AT-ELUS.csv...'.",
        "columns": _COLUMNS,
        "criteria": [{"id": "A criterion's id (a tick column).", "label": "Its label."}],
        "sheets": [
            {
                "code": "The scenario's id.",
                "title": "'BP · Budget participatif'.",
                "line": "Session, date and scenario: 'Atelier des élus · mardi 2 février 2027 · "
                "Scénario BP'.",
                "rows": [{"code": "The line's pre-printed code: 'AT-ELUS-BP-07'."}],
            }
        ],
    },
    "atelier-fiches-solutions": {
        **_KIT_COMMON,
        "legend": "How to fill in a line: the solution, what it changes, each group's test.",
        "transcribe": "Where the solutions are copied (engagement.yaml, creativity.solutions).",
        "columns": _COLUMNS,
        "groups": {
            "elus": "The group's name ('Élus').",
            "citoyens": "The group's name ('Citoyens').",
            "services": "The group's name ('Services').",
        },
        "symbols": {
            "plus": "'+' (favourable).",
            "equal": "'=' (reserved).",
            "minus": "'−' (unfavourable).",
        },
        "sheets": [
            {
                "code": "The option's id.",
                "title": "'BP · Budget participatif'.",
                "line": "Session, date and option.",
                "verdict": "'Verdict de l’analyse : Non viable — services sous le seuil', as the "
                "ranking tables word it, or 'Pas encore notée'.",
                "challenge": "'Le défi : comment lever la réserve des services ?'.",
                "rows": [
                    {
                        "code": "The line's pre-printed code: 'creativite-BP-03', the "
                        "solution's id once transcribed."
                    }
                ],
            }
        ],
    },
    "atelier-emargement": {
        **_KIT_COMMON,
        "intro": "What signers are asked to write.",
        "columns": {
            "number": "'N°'.",
            "name": "'Nom et prénom'.",
            "structure": "'Structure ou qualité'.",
            "signature": "'Signature'.",
        },
        "pages": [{"rows": [{"number": "The line's number; no name is ever pre-filled."}]}],
        "notice": {
            "title": "'Vos données personnelles'.",
            "intro": "What the sheet's data are for.",
            "rows": [
                {
                    "label": "'Responsable du traitement', 'Base légale'...",
                    "text": "The engagement's one notice (the public documents' text); a missing part reads 'À compléter : …'.",
                }
            ],
        },
    },
    "atelier-deroule": {
        **_KIT_COMMON,
        "roles": [
            {
                "role": "'Animation', 'Prise de notes'...",
                "who": "Who (the consultant, the sponsor), or 'À désigner'.",
                "task": "What they do.",
            }
        ],
        "steps": [
            {
                "time": "'18 h 55 – 19 h 10' (or '25 – 40 min' without a start time).",
                "minutes": "'15 min'.",
                "label": "'Scénario BP : Budget participatif'.",
                "action": "What the facilitator does, with the moments of a scenario.",
                "slides": "'Diapositive 6', 'Diapositives 2 à 4', or empty.",
            }
        ],
        "questions": {
            "intro": "'Relances, pour chaque scénario :', or empty (creativity).",
            "prompts": ["The three conditions' questions, the session's group first."],
            "criteria": "The grid's criteria in one line, or empty.",
            "items": [
                {
                    "title": "'BP · Budget participatif'.",
                    "lines": ["The questions about it, its post-it code and sheet."],
                }
            ],
        },
        "materials": ["What to bring, with the counts."],
        "notes": ["What the run sheet assumes (no start time, default duration)."],
        "after": "How the sheets are transcribed after the session.",
    },
}
