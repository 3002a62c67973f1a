"""`dialogue init`: a new engagement folder whose every section says what goes there."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import FileProblem

KINDS = ("commune", "intercommunalite", "departement", "region", "autre")


@dataclass(frozen=True)
class ScaffoldOptions:
    """What the user told `dialogue init` (or its defaults)."""

    client: str
    kind: str = "commune"
    population: int | None = None
    start: dt.date | None = None
    language: str = "fr"
    reference: str = ""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# Comments above each section, in the engagement's language.
COMMENTS = {
    "fr": {
        "head": "Engagement « stratégie de dialogue citoyen » : un seul fichier décrit toute la mission.\n"
        "Vérifiez-le à tout moment avec : dialogue check",
        "engagement": "La mission : titre, référence (reprise dans le numéro de devis) et date de démarrage.\n"
        "document_date : la date des livrables, écrits depuis ce jour-là (sinon : aujourd'hui) ;\n"
        "version et validated_by : la ligne de version de chaque couverture.",
        "client": "La collectivité cliente. kind : commune | intercommunalite | departement | region | autre.",
        "consultant": "Le cabinet qui signe le devis et les livrables (SIRET à 14 chiffres, vérifié).",
        "phases": "Les six phases de la méthode, avec les jours prévus (forfait de 12 jours) et leur état :\n"
        "todo (à faire), doing (en cours), done (terminée). Dates facultatives : start, end.",
        "objectives": "Phase 2 : les objectifs poursuivis (id, label, details).",
        "means": "Phase 2 : les moyens disponibles (humains, budget, outils).",
        "state_of_the_art": "Phase 2 : l'état de l'art (dispositifs existants, consultations passées).",
        "stakeholders": "Phase 2 : la cartographie des parties prenantes.\n"
        "group : elus | citoyens | services | partenaires ; influence et interest de 1 à 5 ;\n"
        "position de -2 (opposé) à +2 (favorable). Les contacts ne sortent jamais dans un document externe.\n"
        "Exemple :\n"
        "  - {id: ST01, name: Maire, group: elus, influence: 5, interest: 4, position: 1}",
        "scenarios": "Phase 3 : les scénarios d'usage présentés en ateliers. transversal: true pour les\n"
        "remarques qui valent pour tous. Exemple :\n"
        "  - {id: BP, title: Budget participatif, description: ...}",
        "grid": "Phase 2 et 4 : la grille d'analyse. Chaque critère sert une ou plusieurs des trois\n"
        "conditions d'un dialogue durable : elus (mandat), services (charge), citoyens (retour).",
        "workshops": "Phase 3 : les trois ateliers séparés. Les retours se saisissent ici (feedback:) ou dans\n"
        "le fichier CSV/XLSX indiqué (colonnes : id, scenario, polarite, intensite, criteres, theme,\n"
        "verbatim, auteur). Polarité : + (aime), - (n'aime pas), ? (question), idee (suggestion).",
        "creativity": "Phase 5 : la séance de créativité (solutions, tests auprès des participants).",
        "pricing": "Le devis : forfait, options du catalogue, frais, TVA, acompte. Voir : dialogue quote",
    },
    "en": {
        "head": "A citizen-dialogue strategy engagement: one file describes the whole assignment.\n"
        "Check it at any time with: dialogue check",
        "engagement": "The assignment: title, reference (used in the quote number) and start date.\n"
        "document_date: the date the deliverables are written at (default: today);\n"
        "version and validated_by: the version line of every cover.",
        "client": "The public body. kind: commune | intercommunalite | departement | region | autre.",
        "consultant": "Who signs the quote and deliverables (14-digit SIRET, checked).",
        "phases": "The six phases of the method with planned days (12-day package) and status:\n"
        "todo, doing, done. Optional dates: start, end.",
        "objectives": "Phase 2: the objectives pursued (id, label, details).",
        "means": "Phase 2: the means available (people, budget, tools).",
        "state_of_the_art": "Phase 2: the state of the art (existing schemes, past consultations).",
        "stakeholders": "Phase 2: the stakeholder map.\n"
        "group: elus | citoyens | services | partenaires; influence and interest 1 to 5;\n"
        "position -2 (opposed) to +2 (supportive). Contacts never appear in external documents.\n"
        "Example:\n"
        "  - {id: ST01, name: Mayor, group: elus, influence: 5, interest: 4, position: 1}",
        "scenarios": "Phase 3: the usage scenarios shown in the workshops. transversal: true for\n"
        "cross-cutting remarks. Example:\n"
        "  - {id: BP, title: Participatory budget, description: ...}",
        "grid": "Phases 2 and 4: the analysis grid. Each criterion serves one or more of the three\n"
        "conditions of a durable dialogue: elus (mandate), services (workload), citoyens (return).",
        "workshops": "Phase 3: the three separate workshops. Feedback goes here (feedback:) or in the\n"
        "CSV/XLSX file named (columns: id, scenario, polarity, intensity, criteria, theme, text,\n"
        "author). Polarity: + (like), - (dislike), ? (question), idee (suggestion).",
        "creativity": "Phase 5: the creativity session (solutions, tested with participants).",
        "pricing": "The quote: package, catalog options, expenses, VAT, deposit. See: dialogue quote",
    },
}

# The method's default analysis grid (domain brief 5.3): weights sum to 100.
DEFAULT_GRID = {
    "fr": [
        ("MANDAT", "La décision reste aux élus ; qui décide est clair", 20, "[elus]"),
        ("CHARGE", "Charge de travail faible et absorbable par les services", 20, "[services]"),
        (
            "UTILITE",
            "Des résultats exploitables par les services et les élus",
            15,
            "[services, elus]",
        ),
        ("RETOUR", "Les citoyens y gagnent : réponse, délai, effet visible", 20, "[citoyens]"),
        ("INCLUSION", "Touche des publics qui participent peu", 15, "[citoyens]"),
        ("COUT", "Coût et soutenabilité dans la durée", 10, "[elus, services, citoyens]"),
    ],
    "en": [
        ("MANDAT", "Decision stays with the elected; who decides is clear", 20, "[elus]"),
        ("CHARGE", "Light workload the services can absorb", 20, "[services]"),
        ("UTILITE", "Outputs usable by services and elected officials", 15, "[services, elus]"),
        (
            "RETOUR",
            "Citizens get something back: answer, deadline, visible effect",
            20,
            "[citoyens]",
        ),
        ("INCLUSION", "Reaches people who rarely take part", 15, "[citoyens]"),
        ("COUT", "Cost and long-term sustainability", 10, "[elus, services, citoyens]"),
    ],
}

WORKSHOP_PLACES = {"fr": "À préciser", "en": "To be decided"}
TITLES = {"fr": "Stratégie de dialogue citoyen", "en": "Citizen-dialogue strategy"}
PACKAGE_LABELS = {
    "fr": "Stratégie de dialogue citoyen : forfait 12 jours",
    "en": "Citizen-dialogue strategy: 12-day package",
}


def _comment(text: str, indent: str = "") -> str:
    return "\n".join(f"{indent}# {line}".rstrip() for line in text.splitlines())


def engagement_yaml(options: ScaffoldOptions, schema_file: str) -> str:
    """The text of a new engagement.yaml; it passes `dialogue check` as it is."""
    lang = options.language if options.language in COMMENTS else "fr"
    c = COMMENTS[lang]
    start = options.start.isoformat() if options.start else "null"
    population = str(options.population) if options.population is not None else "null"
    grid = "\n".join(
        f"    - {{id: {cid}, label: {_q(label)}, weight: {weight}, conditions: {conds}}}"
        for cid, label, weight, conds in DEFAULT_GRID[lang]
    )
    workshops = "\n".join(
        f"  - id: AT-{group.upper()}\n    group: {group}\n    date: null\n"
        f"    place: {_q(WORKSHOP_PLACES[lang])}\n    participants: 0\n"
        f"    feedback_file: feedback/{group}.csv"
        for group in ("elus", "citoyens", "services")
    )
    sections = [
        f"# yaml-language-server: $schema={schema_file}",
        _comment(c["head"]),
        "version: 1",
        f"language: {lang}",
        "",
        _comment(c["engagement"]),
        "engagement:",
        f"  title: {_q(TITLES[lang])}",
        f"  reference: {_q(options.reference)}",
        f"  start: {start}",
        "  document_date: null",
        '  version: "0.1"',
        '  validated_by: ""',
        "",
        _comment(c["client"]),
        "client:",
        f"  name: {_q(options.client)}",
        f"  kind: {options.kind}",
        f"  population: {population}",
        '  address: ""',
        '  contact: {name: "", role: "", email: "", phone: ""}',
        "",
        _comment(c["consultant"]),
        "consultant:",
        '  name: ""',
        '  company: ""',
        '  siret: ""',
        "",
        _comment(c["phases"]),
        "phases:",
        "  cadrage: {days: 1, status: doing}",
        "  preparation: {days: 2.5, status: todo}",
        "  ateliers: {days: 3, status: todo}",
        "  analyse: {days: 2, status: todo}",
        "  creativite: {days: 1.5, status: todo}",
        "  livrables: {days: 2, status: todo}",
        "",
        _comment(c["objectives"]),
        "objectives: []",
        "",
        _comment(c["means"]),
        "means: []",
        "",
        _comment(c["state_of_the_art"]),
        "state_of_the_art: []",
        "",
        _comment(c["stakeholders"]),
        "stakeholders: []",
        "",
        _comment(c["scenarios"]),
        "scenarios: []",
        "",
        _comment(c["grid"]),
        "grid:",
        "  threshold: 0",
        "  criteria:",
        grid,
        "",
        _comment(c["workshops"]),
        "workshops:",
        workshops,
        "",
        _comment(c["creativity"]),
        "creativity:",
        "  date: null",
        "  solutions: []",
        "",
        _comment(c["pricing"]),
        "pricing:",
        "  vat_rate: 20",
        "  day_rate: 850",
        "  package:",
        f"    label: {_q(PACKAGE_LABELS[lang])}",
        "    price: 10000",
        "    days: 12",
        "    workshops: 4",
        "    deliverables: 4",
        "  options: []",
        "  expenses: []",
        "  deposit_percent: 30",
        "  validity_days: 90",
        "",
    ]
    return "\n".join(sections)


def scaffold(folder: Path, options: ScaffoldOptions) -> list[Path]:
    """Create a new engagement in ``folder`` (new or empty); return the files written."""
    from .feedback import write_template
    from .schema import schema_text

    if folder.exists() and not folder.is_dir():
        raise FileProblem(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise FileProblem(f"{folder}: is not empty; `dialogue init` only creates new engagements")
    folder.mkdir(parents=True, exist_ok=True)
    schema_file = "engagement.schema.json"
    written = []
    engagement = folder / "engagement.yaml"
    engagement.write_text(engagement_yaml(options, schema_file), encoding="utf-8")
    written.append(engagement)
    schema = folder / schema_file
    schema.write_text(schema_text() + "\n", encoding="utf-8")
    written.append(schema)
    (folder / "feedback").mkdir()
    for group in ("elus", "citoyens", "services"):
        path = folder / "feedback" / f"{group}.csv"
        write_template(path, options.language)
        written.append(path)
    return written
