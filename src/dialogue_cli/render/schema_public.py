"""The documented context of the documents the collectivité publishes (see :mod:`.schema`).

The communication interne (a note of the collectivité), the communication externe, its press
release and its easy-to-read draft speak in the collectivité's name (``brand`` is the
collectivité); the personal-data notice is shared with the cahier des charges.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def public_schemas(
    common: Schema,
    picture: str,
    item: Schema,
    solution: Schema,
    commitment: Schema,
    decision: Schema,
    event: Schema,
) -> tuple[Schema, Schema, dict[str, Schema]]:
    """The notice, the public cover and the three public contexts, built on the shared pieces."""
    privacy: Schema = {
        "intro": "What the notice is about, in one sentence naming the collectivité.",
        "rows": [
            {
                "key": "controller, dpo, purposes, legal_basis, data, recipients, retention, rights "
                "or complaint.",
                "label": "The part in words ('Qui est responsable').",
                "value": "Its text; 'À compléter : …' when the privacy section does not give it.",
                "missing": "True when the value is a placeholder (shown grey).",
            }
        ],
        "complete": "True when no part is missing.",
        "quotes": "The sentence saying that verbatims are quoted only with their author's consent, "
        "never with a name.",
        "retention": "privacy.retention, or empty.",
        "contact": "Who to write to about one's data (the DPO, else the controller), in one line.",
    }

    cover: Schema = {
        "doc": {
            **common["doc"],
            "title": "The scheme's public name (communication.name, else the engagement title).",
            "audience": "'Dialogue citoyen'.",
        },
        "client": common["client"],
        "brand": {
            "name": "The collectivité's name: it signs its public documents.",
            "color": "communication.color, else brand.primary_color, hex without '#'.",
            "logo": picture + " The collectivité's logo (communication.logo), 40 mm wide.",
        },
    }
    contexts: dict[str, Schema] = {
        "communication-interne": {
            **common,
            "doc": {**common["doc"], "title": "'Note interne': the note is the collectivité's."},
            "brand": cover["brand"],
            "engagement": {"context": "Why the scheme exists."},
            "memo": {
                "sender": "'De' of the note: governance.signatory (name, role), else the sponsor.",
                "sender_todo": "What to show when there is no signatory, else empty.",
                "to": "'À' of the note: communication.recipients, else the élus and agents.",
                "subject": "'Objet' of the note.",
                "date": "The document date.",
                "signatory": {"name": "Who signs.", "role": "Their role (may be empty)."},
            },
            "key_messages": [
                "A key message (communication.key_messages, else three from the facts)."
            ],
            "objectives": [item],
            "decision": decision,
            "solutions": [solution],
            "events": [event],
            "agenda": [
                {
                    "date": "Date with its weekday, or 'À fixer'.",
                    "time": "'de 18 h 30 à 20 h 30', or empty.",
                    "label": "The session, meeting or milestone.",
                    "detail": "Place and whether it is open to the public, or who is concerned.",
                    "past": "True when it is before the document date.",
                }
            ],
            "agenda_todo": "What to show when nothing is scheduled, else empty.",
            "roles": [{"group": "Élus, services or citoyens, in words.", "role": "What they do."}],
            "committee": "The steering committee (governance.committee), or empty.",
            "frequency": "How often it meets, or empty.",
            "commitments": [commitment],
            "mission": {
                "name": "The participation mission (governance.mission.name), or empty.",
                "email": "Its e-mail, or empty.",
                "phone": "Its phone, or empty.",
                "intro": "The sentence that introduces it.",
                "todo": "What to show when it has no e-mail or phone, else empty.",
                "transmit": "The posture's line: pass contributions on to it the same day.",
            },
            "faq": {
                "items": [
                    {
                        "question": "The question (communication.faq's wording, else the most "
                        "telling one asked; no author).",
                        "answer": "The validated answer, or empty.",
                        "answered": "True when there is an answer.",
                        "pending": "'Réponse à valider' when there is none, else empty.",
                        "asked": "How many times it was asked, by group, or empty.",
                        "scenario": "The scenario it is about, or empty.",
                    }
                ],
                "pending": "How many answers are still to be validated, in a sentence, or empty.",
                "notes": ["What the FAQ leaves out (other themes, other options), in a sentence."],
            },
            "sponsor": "Political sponsor.",
        },
        "communication-externe": {
            **cover,
            "scheme": {
                "name": "The scheme's public name.",
                "title": "The engagement title.",
                "summary": "What it is, in a sentence from the facts.",
                "tagline": "The cover's subtitle.",
                "updated": "'Mis à jour le 11 février 2027'.",
            },
            "essentials": {
                "what": "What it is (communication.summary, else the summary).",
                "next": "The next meeting open to residents, with day, time and place, or that none is set.",
                "how": "How to take part: the next meeting, the e-mail, the phone.",
                "after": "What happens to contributions, at the document date.",
            },
            "solutions": [solution],
            "negotiable": ["What residents can influence."],
            "non_negotiable": ["What is not open for discussion."],
            "commitments": [commitment],
            "said": {
                "title": "The section's heading: 'Vous avez dit, nous avons fait' once solutions are "
                "retained at the document date, else 'Ce que deviennent vos contributions'.",
                "intro": "What comes next when nothing is retained yet, or empty.",
            },
            "said_done": [
                {
                    "said": ["What residents said, from items marked publishable (no author)."],
                    "done": "Solution title.",
                    "details": "Solution description.",
                    "origin": "Where it comes from, in plain words.",
                    "changes": "What it changed, or empty.",
                    "tests": "The groups' views in plain words, or empty.",
                    "rationale": "The consultant's rationale for retaining it, or empty.",
                }
            ],
            "heard": {
                "title": "'Ce que vous nous avez dit'.",
                "intro": "Its introduction when there are quotes, else empty.",
                "options": [
                    {
                        "option": "An option studied.",
                        "quotes": [
                            "Citizens' words on it, from items marked publishable (no author)."
                        ],
                    }
                ],
            },
            "quotes_consent": "The sentence on consent when anything is quoted, else empty.",
            "workshops": {
                "count": "Number of workshops (the creativity session is not one).",
                "participants": "Participants of the workshops (the same figure as the workshop report).",
                "contributions": "Contributions collected in the workshops.",
                "creativity": "Once the creativity phase is done, the clause that adds it "
                "(', puis un atelier de construction des solutions avec 18 participants'); else empty.",
                "sentence": "The figures in a sentence, in their tense ('3 ateliers ont réuni 48 "
                "participants…'), or empty before any workshop is held.",
            },
            "steps": {
                "done": [
                    "A step held ('2 février 2027 : réunion de travail des élus (réunion "
                    "interne, non ouverte au public)')."
                ],
                "ahead": ["A step to come."],
            },
            "meetings": [
                {
                    "label": "A meeting residents may attend, still ahead (never a closed session).",
                    "date": "Its date with the weekday ('mardi 9 mars 2027'), or 'À fixer'.",
                    "time": "'de 18 h 30 à 20 h 30', 'à 18 h 30', or empty.",
                    "when": "Date and time in one phrase.",
                    "datetime": "The same for machines ('2027-03-09T18:30', for <time datetime>), or empty.",
                    "place": "Its place, or empty.",
                    "access": "How to get there and in (transport, step-free access...), or empty.",
                    "who": "'ouvert à tous, sans inscription' or 'ouvert à tous, sur inscription'.",
                    "registration": "How to register, for a meeting on registration, else empty.",
                    "description": "What happens there (public meetings), or empty.",
                }
            ],
            "meetings_none": "What to say when no meeting open to residents is ahead, else empty.",
            "contact": {
                "name": "The collectivité's name.",
                "address": "client.public_contact.address, or empty.",
                "email": "Its e-mail, or empty.",
                "website": "Its website, or empty.",
                "phone": "Its phone, or empty.",
                "hours": "Its opening hours, or empty.",
                "lines": [
                    {
                        "key": "address, phone, email, website or hours.",
                        "label": "In words.",
                        "value": "The value.",
                    }
                ],
                "todo": "What to show when there is no public contact at all, else empty.",
            },
            "rules": {
                "items": [
                    {"label": "The rule's subject ('Qui peut participer').", "text": "The rule."}
                ],
                "other": ["Another rule."],
                "todo": "What to show when no rule is written, else empty.",
            },
            "privacy": privacy,
            "credit": "The one line naming the consultant when communication.credit is true, else empty.",
            "glossary": [
                {
                    "term": "A word of the method used in the document.",
                    "meaning": "What it means, in everyday words.",
                }
            ],
        },
        "communique-de-presse": {
            **cover,
            "press": {
                "title": "The release's title, from where the engagement stands.",
                "dateline": "'Ormessac, le 11 février 2027'.",
                "chapo": "The chapô: the summary and the figures.",
                "summary": "The summary alone.",
                "scheme": "The scheme's public name.",
                "figures": "The figures' sentence, or empty.",
                "solutions": [{"title": "A retained solution.", "description": "What it is."}],
                "retained_intro": "Their introduction, or empty.",
                "next": "The next meeting open to the public, with time, place and access, or empty.",
                "then": "The other meetings open to the public, in a sentence, or empty.",
                "about": "communication.summary (what the scheme is for), or empty.",
                "meetings_none": "What to say when there is none, else empty.",
                "commitments": "The commitments in a sentence, or empty.",
                "quote": "The sponsor's quote (communication.press_quote), or empty.",
                "quote_by": "Its attribution ('souligne …'), or empty.",
                "website": "The collectivité's website, or empty.",
                "contact": {
                    "name": "The press contact (communication.press_contact).",
                    "role": "Their role.",
                    "phone": "Their phone.",
                    "email": "Their e-mail.",
                    "todo": "What to show when it is missing, else empty.",
                },
            },
            "credit": "The one line naming the consultant when communication.credit is true, else empty.",
        },
        "facile-a-lire": {
            **cover,
            "easy": {
                "title": "The title, in easy-to-read words.",
                "draft": "The warning that it is a draft to be checked, until "
                "communication.falc_validated_by is set; else empty.",
                "validated": "Who checked it, once communication.falc_validated_by is set; else empty.",
                "logo": picture + " The easy-to-read logo (communication.falc_logo), only once the "
                "text is validated.",
                "credit": "Inclusion Europe's credit line when the logo is printed, else empty.",
                "sections": [{"title": "A section's title.", "lines": ["One short sentence."]}],
            },
        },
    }
    return privacy, cover, contexts
