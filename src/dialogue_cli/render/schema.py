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
        "date": "Date of the render, long form ('12 janvier 2027').",
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
            "picture": PICTURE + " The power/interest map, 160 mm wide.",
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
        "solutions": [
            {
                **_SOLUTION,
                "tests": [
                    {
                        "group": "Group in words.",
                        "verdict": "In words.",
                        "note": "Note (may be empty).",
                    }
                ],
            }
        ],
        "means": [_ITEM],
        "calendar": {
            "summary": "Two sentences from the computed plan: the period with its working days, "
            "then the phases' planned days against the package days.",
            "provisional": "True when engagement.start is not set: the dates are planned from "
            "the render date and only indicative.",
            "start": "First day of the calendar ('11 janvier 2027').",
            "end": "Last day of the calendar.",
            "working_days": "Working days from start to end, both included ('45').",
            "planned_days": "Planned days of the six phases, added up ('12').",
            "package_days": "Days of the package (pricing.package.days), e.g. '12'.",
            "gantt": PICTURE + " The Gantt chart of the plan, 170 mm wide (the text width).",
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
                    "status": "Status in words.",
                }
            ],
            "workshops": [
                {
                    "label": "Workshop or creativity session in words ('Atelier des élus').",
                    "date": "Date with its weekday ('mardi 2 février 2027'), in date order; "
                    "'À fixer' (listed last) when not dated yet.",
                    "place": "Place, or empty.",
                }
            ],
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
        "solutions": [_SOLUTION],
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
        "said_done": [
            {
                "said": ["What residents said (no author)."],
                "done": "Solution title.",
                "details": "Solution description.",
            }
        ],
        "workshops": {
            "count": "Number of workshops (the creativity session is not one).",
            "participants": "Participants of the workshops (the same figure as the workshop report).",
            "contributions": "Contributions collected in the workshops.",
            "creativity": "Once the creativity phase is done, the clause that adds it "
            "(', puis une séance de créativité avec 18 participants'); else empty.",
        },
        "meetings": [
            {
                "label": "A meeting residents can still come to ('Atelier des citoyens', "
                "'Séance de créativité'): workshops until their phase is done, then the "
                "creativity session until its phase is done.",
                "date": "Its date with the weekday ('mardi 9 mars 2027'), or 'À fixer'.",
                "place": "Its place, or empty.",
            }
        ],
    },
    "kit-roi-citoyen": {
        **COMMON,
        "conditions": [
            {
                "id": "'elus', 'services' or 'citoyens'.",
                "label": "The condition in words.",
                "question": "The question it asks of a scheme.",
                "criteria": "Codes of the grid criteria serving it, joined ('MANDAT, UTILITE, COUT').",
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
        "ranking": [_RANKED],
        "heatmap": PICTURE + " Scores per scenario and group, 160 mm wide.",
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
        "ranking": [_RANKED],
        "heatmap": PICTURE + " Scores per scenario and group, 160 mm wide.",
        "scenarios": [
            {
                **_RANKED,
                "groups": [
                    {
                        "group": "Group in words.",
                        "score": "Score, formatted.",
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
