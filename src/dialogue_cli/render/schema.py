"""The documented context of each deliverable: what a template may use, with a description.

A schema is a nested structure: a ``str`` is a described value, a ``dict`` an object, and a
one-element ``list`` a list of what it holds. ``templates check`` validates templates against it,
``docs/templates.md`` documents it, and a test checks that the context built for the example has
exactly this shape. Every value is already formatted for the reader (money, dates, typography):
templates only place it, never compute.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

PICTURE = "Picture (PNG inserted at a fixed width), or an empty string when there is none."

_ITEM: Schema = {"label": "Short label.", "details": "Longer text (may be empty)."}

COMMON: Schema = {
    "doc": {
        "name": "Deliverable name, e.g. 'devis'.",
        "title": "Document title, e.g. 'Cahier des charges du dispositif de dialogue citoyen'.",
        "audience": "Who it is for, e.g. 'Pour les habitants'.",
        "subject": "The engagement title.",
        "date": "The document date, long form ('1er mars 2027'): render --date, else "
        "engagement.document_date, else today.",
        "version": "engagement.version ('1.0'), or empty.",
        "version_line": "The cover's version line: 'Version 1.0 du 1er mars 2027', or 'Édition du "
        "1er mars 2027' without a version.",
        "validation": "'Validation : Comité de pilotage du 8 mars 2027' (engagement.validated_by), "
        "else 'Document de travail, non validé'.",
        "reference": "Engagement reference (may be empty).",
        "language": "'fr' or 'en'.",
    },
    "client": {
        "name": "The public body, e.g. 'Ville d'Ormessac' (covers, headers, address blocks).",
        "in_text": "How running text names it, e.g. 'la Ville d'Ormessac' ('reçue par "
        "{{ client.in_text }}'): the engagement's client.in_text, else the name with the article "
        "it needs in French (none for a proper name; the name as is in English). Write 'de' "
        "and 'à' before it with care: no 'du'/'au' contraction is made.",
        "in_text_start": "The same at the start of a sentence: 'La Ville d'Ormessac'.",
        "kind": "Its kind, in words ('Commune').",
        "population": "Population in words ('25 400 habitants'), or empty.",
        "address": "Postal address of the public body (may be empty).",
        "council": "Its assembly, from client.kind: 'conseil municipal', 'conseil "
        "communautaire', 'conseil départemental', 'conseil régional', 'assemblée délibérante'.",
        "the_council": "The same with its article: 'le conseil communautaire'.",
        "to_council": "After 'à': 'au conseil municipal', 'à l'assemblée délibérante'.",
        "of_council": "After 'de': 'du conseil municipal', 'de l'assemblée délibérante'.",
        "executive": "Its executive: 'le maire', 'le président ou la présidente'...",
    },
    "brand": {
        "name": "Who signs the document (brand name, else company, else consultant).",
        "color": "Primary colour, hex without '#', e.g. '1F4E79' (for {% cellbg %}).",
        "logo": PICTURE + " 40 mm wide, for the cover.",
    },
}

_SCENARIO: Schema = {
    "id": "Scenario id, e.g. 'BP'.",
    "title": "Scenario title.",
    "description": "What the scenario is.",
    "level": "Participation level in words ('Co-décider'), or empty.",
    "promise": "The promise to the public of that level (IAP2), or empty.",
}

_SOLUTION: Schema = {
    "id": "Solution id.",
    "title": "Solution title.",
    "description": "What it is.",
    "scenarios": "Titles of the scenarios it builds on, joined ('Budget participatif').",
    "options": [
        {
            "title": "An option it answers.",
            "rank": "Its rank after the analysis ('2'), or empty when not scored.",
            "verdict": "Its verdict, as the ranking tables print it ('Non viable — services sous "
            "le seuil').",
            "viable": "True when that option was viable.",
        }
    ],
    "origin": "Where it comes from, in sentences: 'Répond à l'option « Budget participatif » "
    "(rang 2 sur 4), non viable en l'état : élus, citoyens et services sous le seuil.'",
    "changes": "What it changes in the option (creativity.solutions[].changes), or empty.",
    "tests": [
        {
            "group": "Group in words.",
            "verdict": "In words ('Favorable', 'Réservé', 'Défavorable').",
            "note": "Note (may be empty).",
        }
    ],
    "tests_line": "The tests in a sentence: 'Testée en séance de créativité : élus favorables, "
    "citoyens favorables, services réservés.'",
    "basis": "What the decision rests on: the option was viable, the solution lifts what "
    "blocked it, or the consultant's rationale; 'À compléter : ...' when nothing does.",
    "justified": "False when the rule of docs/scoring.md does not allow retaining it.",
    "rationale": "The consultant's rationale (creativity.solutions[].rationale), or empty.",
    "summary": "The whole path in one line: 'Budget participatif : option non viable en l'état "
    "(élus, citoyens et services sous le seuil) ; solution retravaillée en séance de "
    "créativité : élus +, citoyens +, services ='.",
    "plain_origin": "Where it comes from, in plain words for residents.",
    "plain_tests": "The groups' views in plain words ('les élus y sont défavorables, les "
    "citoyens favorables…'), or empty.",
}

_DECISION: Schema = {
    "state": "'final' (creativity phase done at the document date), 'provisional' (under way) "
    "or 'upcoming'.",
    "intro": "The sentence that introduces the solutions (final or provisional), or empty.",
    "todo": "What to show instead when nothing is decided yet (placeholder text, without 'À "
    "compléter : '), or empty.",
}

_EVENT: Schema = {
    "label": "Workshop or creativity session in words ('Atelier des élus').",
    "date": "Date with its weekday ('mardi 2 février 2027'), or 'À fixer'.",
    "place": "Place, or empty.",
    "state": "At the document date: 'Tenu' / 'Tenue', 'À venir', 'À confirmer' or 'À fixer'.",
    "sentence": "The same in its tense: 's'est tenu le mardi 2 février 2027, 11 participants', "
    "'aura lieu le mardi 9 mars 2027'.",
    "held": "True when it has taken place by the document date.",
    "upcoming": "True when it is still ahead (dated or not).",
}

_COMMITMENT: Schema = {
    "label": "The commitment.",
    "delay": "Response time in words ('7 jours', '3 mois'), or empty.",
    "details": "Details (may be empty).",
}

_RANKED: Schema = {
    "rank": "Rank, '1' for the best.",
    "id": "Scenario id.",
    "title": "Scenario title.",
    "overall": "Overall score, formatted ('0,42').",
    "elus": "Condition score K of the élus ('Les élus gardent leur mandat'): every group's "
    "feedback on the criteria serving that condition, from −1 to +1, formatted. Not the élus' "
    "own group score (that is the heatmap's).",
    "citoyens": "Condition score K of the citizens, formatted (see 'elus').",
    "services": "Condition score K of the services, formatted (see 'elus').",
    "elus_evidence": "The scored items behind 'elus' in words ('4 avis'; '2 avis : fragile' "
    "below grid.min_items), or empty when there is no score.",
    "citoyens_evidence": "The same for 'citoyens'.",
    "services_evidence": "The same for 'services'.",
    "weak": "True when a condition score rests on fewer items than grid.min_items.",
    "divergence": "How far the three groups disagree, formatted.",
    "verdict": "'Viable' or what blocks it, in words.",
    "viable": "True when no condition falls below the threshold.",
}

CONTEXTS: dict[str, Schema] = {
    "cahier-des-charges": {
        **COMMON,
        "engagement": {
            "context": "Context and stakes.",
            "negotiable": ["What is open for discussion."],
            "non_negotiable": ["What is not."],
        },
        "state_of_the_art": [_ITEM],
        "objectives": [_ITEM],
        "scenarios": [_SCENARIO],
        "stakeholders": {
            "picture": PICTURE + " The power/interest map, 170 mm wide (the text width).",
            "threshold": "Score from which influence or interest is high.",
            "rows": [
                {
                    "name": "Stakeholder name (a role or body, never contact details).",
                    "group": "Group in words ('Élus').",
                    "influence": "1 to 5.",
                    "interest": "1 to 5.",
                    "quadrant": "Quadrant of the map in words ('Acteurs clés').",
                    "level": "Recommended participation level in words.",
                }
            ],
            "groups": [{"label": "Group in words.", "count": "Number of stakeholders."}],
        },
        "governance": {
            "sponsor": "Political sponsor.",
            "committee": "Steering committee.",
            "opposition": "Place of the opposition.",
            "guarantor": "Guarantor or third party.",
            "roles": [{"group": "Élus, services or citoyens, in words.", "role": "What they do."}],
        },
        "decision": _DECISION,
        "solutions": [_SOLUTION],
        "means": [_ITEM],
        "calendar": {
            "summary": "Two sentences from the computed plan: the period with its working days "
            "(in its tense at the document date), then the phases' planned days against the "
            "package days.",
            "provisional": "True when engagement.start is not set: the dates are planned from "
            "the render date and only indicative.",
            "start": "First day of the calendar ('11 janvier 2027').",
            "end": "Last day of the calendar.",
            "working_days": "Working days from start to end, both included ('45').",
            "planned_days": "Planned days of the six phases, added up ('12').",
            "package_days": "Days of the package (pricing.package.days), e.g. '12'.",
            "gantt": PICTURE + " The Gantt chart of the plan, 170 mm wide (the text width).",
            "caption": "The chart's caption: 'Calendrier de la mission…' once every phase is "
            "done, else 'Calendrier prévisionnel…'.",
            "phases": [
                {
                    "label": "Phase in words.",
                    "days": "Planned days ('2,5').",
                    "start": "First day, with '(après-midi)' when the phase starts at midday; "
                    "'–' for a phase of 0 days.",
                    "end": "Last day, with '(midi)' when the phase ends at midday; '–' for a "
                    "phase of 0 days.",
                    "dates": "Both in a phrase ('du 11 janvier 2027 au 14 janvier 2027 (midi)'), "
                    "or empty for a phase of 0 days.",
                    "status": "State at the document date in words ('Terminée', 'En cours', "
                    "'À venir'): the declared status, held back by the date (docs/plan.md).",
                }
            ],
            "workshops": [_EVENT],
        },
        "commitments": [_COMMITMENT],
        "indicators": [
            {
                "group": "Condition in words.",
                "label": "Indicator.",
                "target": "Target (may be empty).",
            }
        ],
        "risks": [{"label": "Risk.", "mitigation": "Mitigation."}],
    },
    "communication-interne": {
        **COMMON,
        "engagement": {"context": "Why the scheme exists."},
        "objectives": [_ITEM],
        "decision": _DECISION,
        "solutions": [_SOLUTION],
        "events": [_EVENT],
        "roles": [{"group": "Élus, services or citoyens, in words.", "role": "What they do."}],
        "commitments": [_COMMITMENT],
        "faq": [
            {
                "scenario": "Scenario title the questions are about.",
                "questions": [
                    {
                        "text": "A question raised in a workshop (no author).",
                        "group": "Who asked, as a group.",
                    }
                ],
            }
        ],
        "sponsor": "Political sponsor.",
    },
    "communication-externe": {
        **COMMON,
        "scheme": {
            "name": "Name of the scheme (the engagement title).",
            "summary": "What it is, in a few sentences.",
        },
        "solutions": [_SOLUTION],
        "negotiable": ["What residents can influence."],
        "non_negotiable": ["What is not open for discussion."],
        "commitments": [_COMMITMENT],
        "said": {
            "title": "The section's heading: 'Vous avez dit, nous avons fait' once solutions are "
            "retained at the document date, else 'Ce que vous avez dit'.",
            "intro": "What comes next when nothing is retained yet, or empty.",
        },
        "said_done": [
            {
                "said": ["What residents said (no author)."],
                "done": "Solution title.",
                "details": "Solution description.",
                "origin": "Where it comes from, in plain words.",
                "changes": "What it changed, or empty.",
                "tests": "The groups' views in plain words, or empty.",
                "rationale": "The consultant's rationale for retaining it, or empty.",
            }
        ],
        "workshops": {
            "count": "Number of workshops (the creativity session is not one).",
            "participants": "Participants of the workshops (the same figure as the workshop report).",
            "contributions": "Contributions collected in the workshops.",
            "creativity": "Once the creativity phase is done, the clause that adds it "
            "(', puis une séance de créativité avec 18 participants'); else empty.",
            "sentence": "The figures in a sentence, in their tense ('3 ateliers ont réuni 48 "
            "participants…'), or empty before any workshop is held.",
        },
        "meetings": [
            {
                "label": "A meeting still ahead at the document date ('Séance de créativité').",
                "date": "Its date with the weekday ('mardi 9 mars 2027'), or 'À fixer'.",
                "place": "Its place, or empty.",
                "sentence": "'aura lieu le mardi 9 mars 2027'.",
            }
        ],
        "meetings_none": "'Tous les rendez-vous prévus ont eu lieu.' when none is ahead, else empty.",
    },
    "kit-roi-citoyen": {
        **COMMON,
        "conditions": [
            {
                "id": "'elus', 'services' or 'citoyens'.",
                "label": "The condition in words.",
                "question": "The question it asks of a scheme.",
                "criteria": ["Label of a grid criterion serving it."],
            }
        ],
        "criteria": [
            {
                "id": "Criterion id.",
                "label": "Criterion.",
                "weight": "Weight ('20').",
                "conditions": "Conditions served, in words.",
            }
        ],
        "weight_total": "Sum of the weights.",
        "threshold": "Minimum condition score for a viable scheme, formatted.",
        "min_items": "grid.min_items: fewer scored items make a weak score ('3').",
        "ranking": [_RANKED],
        "analysis_note": "'Résultats provisoires : …' while the analysis is not done, or empty.",
        "weak": "The weak scores of the ranking in one sentence, or empty.",
        "heatmap": PICTURE + " Scores per scenario and group, 160 mm wide.",
        "worked": {
            "title": "Heading of the worked example, or empty when nothing is scored.",
            "intro": "Which score it recomputes and from which items.",
            "rows": [
                {
                    "id": "Feedback item id.",
                    "group": "Group in words.",
                    "polarity": "'+' or '−'.",
                    "intensity": "1 to 3.",
                    "criteria": "The criteria of the condition it touches, with their weights "
                    "('Coût et soutenabilité dans la durée (10)').",
                    "signed": "Its p·i·w ('+45', '−60').",
                    "weight": "Its i·w ('45').",
                }
            ],
            "numerator": "Sum of p·i·w ('+5').",
            "denominator": "Sum of i·w ('145').",
            "formula": "'K = (+45 − 60 − 10 + 30) ÷ (45 + 60 + 10 + 30) = +5 ÷ 145 = +0,0345, "
            "arrondi à +0,03 dans le classement (tableau 4).'",
            "reading": "What the number means against the threshold, with its evidence.",
        },
    },
    "synthese-ateliers": {
        **COMMON,
        "workshops": [
            {
                "label": "Workshop in words.",
                "date": "Date, or empty.",
                "place": "Place, or empty.",
                "participants": "Number of participants.",
                "positive": "Positive items.",
                "negative": "Negative items.",
                "questions": "Questions.",
                "ideas": "Ideas.",
                "total": "All items.",
            }
        ],
        "totals": {
            "participants": "All participants.",
            "contributions": "All items.",
            "unclassified": "Items outside any scenario.",
        },
        "threshold": "Minimum condition score for a viable option, formatted.",
        "min_items": "grid.min_items ('3').",
        "brief": {
            "ranking": "The viable options in one sentence, or empty when nothing is scored.",
            "analysis": "'Résultats provisoires : …' while the analysis is not done, or empty.",
            "weak": "How many scores are weak evidence, in one sentence, or empty.",
        },
        "weak": "The weak scores of the ranking in one sentence, or empty.",
        "events": [_EVENT],
        "decision": _DECISION,
        "retained": [_SOLUTION],
        "ranking": [_RANKED],
        "heatmap": PICTURE + " Scores per scenario and group, 160 mm wide.",
        "scenarios": [
            {
                **_RANKED,
                "groups": [
                    {
                        "group": "Group in words.",
                        "score": "Score, formatted.",
                        "evidence": "The scored items behind it in words ('3 avis', '2 avis : "
                        "fragile'), or empty.",
                        "weak": "True below grid.min_items.",
                        "positive": "Count.",
                        "negative": "Count.",
                        "questions": "Count.",
                        "ideas": "Count.",
                    }
                ],
                "tension": "The tension point in words (which groups disagree), or empty.",
                "verbatims": [
                    {
                        "text": "A verbatim (anonymised).",
                        "group": "Group in words.",
                        "polarity": "Polarity in words.",
                    }
                ],
            }
        ],
        "ideas": [
            {
                "text": "An idea (anonymised).",
                "group": "Group in words.",
                "scenario": "Scenario title.",
            }
        ],
    },
    "devis": {
        **COMMON,
        "consultant": {
            "name": "Consultant's name.",
            "company": "Company name.",
            "legal": "Legal form and share capital, in words.",
            "address": "Address.",
            "email": "E-mail.",
            "phone": "Phone.",
            "siret": "SIRET, grouped ('732 829 320 00074').",
            "rcs": "RCS registration.",
            "vat_number": "Intra-EU VAT number.",
            "iban": "IBAN, grouped by four ('FR76 3000 ...'), or empty.",
            "bic": "BIC, or empty.",
        },
        "client_contact": {
            "name": "Client contact's name.",
            "role": "Their role.",
            "siren": "Client SIREN, grouped (may be empty).",
            "siret": "SIRET of the establishment invoiced, for Chorus Pro (may be empty).",
            "service_code": "Chorus Pro service code (may be empty).",
        },
        "quote": {
            "number": "Quote number.",
            "date": "Quote date, long form.",
            "valid_until": "End of validity, long form.",
            "lines": [
                {
                    "label": "Line.",
                    "description": "What the line covers (may be empty).",
                    "quantity": "Quantity, formatted.",
                    "unit": "Unit in words, plural when the quantity needs it ('4 entretiens').",
                    "unit_price": "Unit price HT.",
                    "amount": "Amount HT.",
                    "basis": "How a day-priced line is priced ('1,5 jour à 850,00 €'), or empty.",
                }
            ],
            "discount_label": "The one label of the discount ('Remise sur honoraires (5 %)').",
            "discount": "Discount amount as a negative amount ('−1 560,00 €'), or empty.",
            "expenses": "Expenses re-invoiced, or empty.",
            "total_ht": "Total HT.",
            "vat_rate": "VAT rate ('20 %').",
            "vat": "VAT amount.",
            "vat_exemption": "The VAT exemption mention, or empty.",
            "total_ttc": "Total TTC.",
            "deposit": "Deposit at order (private clients only), or empty.",
            "deposit_rate": "Deposit rate ('30 %'), or empty.",
            "balance": "Balance due on completion.",
            "days": "Total days of work, the options' days included, formatted.",
            "package_days": "Days of the package alone.",
            "options_days": "Days the options add, or empty when they add none.",
            "period": {
                "start": "Planned start of execution (the plan), long form.",
                "end": "Planned end of execution, long form.",
            },
            "package_content": {
                "phases": [
                    {
                        "label": "Phase.",
                        "days": "Its planned days.",
                        "dates": "Its planned dates ('11 janvier 2027 – 12 janvier 2027').",
                        "amount": "Its share of the package price HT (the DPGF's amount).",
                    }
                ],
                "workshops": "The workshops and the creativity session, with their dates, in words.",
                "deliverables": "The deliverables of the package, in words.",
            },
            "schedule": [
                {
                    "label": "Instalment: avance, acompte of a phase, deposit, solde.",
                    "note": "The avance recovered on it, in words, or empty.",
                    "date": "Planned date, long form (may be empty).",
                    "ht": "Amount HT.",
                    "vat": "VAT.",
                    "ttc": "Amount TTC.",
                }
            ],
            "mentions": [
                "Terms of the quote, one per entry: validity, payment, late payment, discount, "
                "notes (the provider's identity is the block at the top; the VAT exemption is "
                "'vat_exemption')."
            ],
            "acceptance": {
                "title": "Heading of the block the client signs ('Bon pour accord').",
                "lines": [
                    "Its lines to fill in ('Date : ____', 'Nom, qualité, signature et cachet : ____')."
                ],
            },
            "procurement_note": "A note on public procurement (may be empty).",
        },
    },
    # Not a deliverable of `render`: the invoice `dialogue invoice` draws (facture.docx).
    "facture": {
        "doc": {
            "name": "'facture'.",
            "title": "The invoice's title ('Facture d'acompte', 'Avoir'...).",
            "audience": "Empty.",
            "subject": "The engagement's title.",
            "date": "Date of issue, long form.",
            "reference": "The invoice number.",
            "language": "'fr' or 'en'.",
        },
        "client": {
            "name": "The client's name.",
            "address": "Its address.",
            "siren": "Its SIREN, grouped (may be empty).",
            "siret": "The SIRET invoiced, for Chorus Pro (may be empty).",
            "service_code": "Chorus Pro service code (may be empty).",
            "public": "True for a public buyer.",
        },
        "brand": {
            "name": "Brand name (header).",
            "color": "Primary colour, hex.",
            "logo": "Logo picture, or empty.",
        },
        "consultant": {
            "name": "Consultant's name.",
            "company": "Company name.",
            "legal": "Legal form and share capital, in words.",
            "address": "Address.",
            "email": "E-mail.",
            "phone": "Phone.",
            "siret": "SIRET, grouped.",
            "rcs": "RCS registration.",
            "vat_number": "Intra-EU VAT number.",
            "iban": "IBAN, grouped by four.",
            "bic": "BIC.",
        },
        "invoice": {
            "title": "'Facture d'avance', 'Facture d'acompte', 'Facture de solde', 'Avoir'.",
            "number": "Its number in the ledger's sequence ('FAC-0001').",
            "date": "Date of issue, long form.",
            "due": "Due date, long form (empty for a credit note).",
            "quote_number": "The accepted devis' number.",
            "quote_date": "Its date.",
            "engagement_number": "The buyer's engagement number (may be empty).",
            "period": "The period of the services invoiced (may be empty).",
            "lines": [
                {
                    "label": "Line.",
                    "description": "What it covers (may be empty).",
                    "quantity": "Quantity (negative for a deduction).",
                    "unit": "Unit in words.",
                    "unit_price": "Unit price HT.",
                    "amount": "Amount HT (negative for a deduction).",
                }
            ],
            "allowance_label": "The discount's label, or empty.",
            "allowance": "The discount on this invoice's fees, negative, or empty.",
            "ht": "Total HT.",
            "vat_rate": "VAT rate.",
            "vat": "VAT.",
            "vat_exemption": "The VAT exemption mention, or empty.",
            "ttc": "Total TTC.",
            "due_amount": "Amount due.",
            "solde": "True for the final invoice (solde).",
            "contract_ht": "The devis' total HT.",
            "contract_vat": "The devis' VAT.",
            "contract_ttc": "The devis' total TTC.",
            "deducted_ttc": "What earlier invoices billed, TTC (a solde).",
            "credit_note": "True for a credit note.",
            "mentions": ["The invoice's mentions, one per entry."],
        },
    },
}


def paths(schema: Schema, prefix: str = "") -> list[str]:
    """Every documented path, e.g. ``quote.lines[].amount``, in order."""
    out: list[str] = []
    for key, value in schema.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.append(path)
            out.extend(paths(value, path + "."))
        elif isinstance(value, list):
            out.append(path + "[]")
            if isinstance(value[0], dict):
                out.extend(paths(value[0], path + "[]."))
        else:
            out.append(path)
    return out


def shape_problems(value: Any, schema: Any, path: str = "") -> list[str]:
    """Where a built context departs from its schema (missing or undocumented keys)."""
    problems: list[str] = []
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return [f"{path or '(root)'}: expected a mapping, got {type(value).__name__}"]
        for key in schema.keys() - value.keys():
            problems.append(f"{path}{key}: documented but missing")
        for key in value.keys() - schema.keys():
            problems.append(f"{path}{key}: present but undocumented")
        for key in schema.keys() & value.keys():
            problems.extend(shape_problems(value[key], schema[key], f"{path}{key}."))
    elif isinstance(schema, list):
        if not isinstance(value, list):
            return [f"{path.rstrip('.')}: expected a list, got {type(value).__name__}"]
        for index, item in enumerate(value[:3]):
            problems.extend(shape_problems(item, schema[0], f"{path.rstrip('.')}[{index}]."))
    return problems
