"""Where an engagement stands: counts per section and the concrete items missing, phase by phase.

Pure: takes the engagement and a summary of its feedback (:class:`FeedbackTally`); the
`check` command builds both and prints the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..common.labels import GROUP_LABELS, PHASE_LABELS
from .model import CONDITIONS, GROUPS, PHASES, WORKSHOP_GROUPS, Engagement

# The "what next" messages, in the engagement's language.
MESSAGES = {
    "fr": {
        "no_start": "date de démarrage de la mission non renseignée (engagement.start)",
        "no_contact": "aucun interlocuteur côté client (client.contact.name)",
        "no_siret": "SIRET du consultant non renseigné : il est requis sur le devis",
        "no_objectives": "aucun objectif saisi (objectives)",
        "no_means": "moyens disponibles non décrits (means)",
        "no_sota": "état de l'art non renseigné (state_of_the_art)",
        "no_stakeholders": "aucune partie prenante cartographiée (stakeholders)",
        "group_missing": "aucune partie prenante dans le groupe {group}",
        "no_scenarios": "aucun scénario d'usage à présenter en atelier (scenarios)",
        "no_criteria": "grille : aucun critère (grid.criteria)",
        "condition_missing": "grille : aucun critère pour la condition {group}",
        "no_workshop": "aucun atelier {group} prévu (workshops)",
        "workshop_undated": "atelier {workshop} : date non fixée",
        "workshop_empty": "atelier {workshop} : aucun retour saisi",
        "workshop_pending": "atelier {workshop} : {count} ligne(s) de la fiche de saisie pas encore saisie(s) (polarité vide)",
        "workshop_participants": "atelier {workshop} : nombre de participants non renseigné",
        "unclassified": "{count} retour(s) sans critère de la grille : à coder avant l'analyse",
        "unscored": "scénario {scenario} : aucun avis noté du groupe {group}",
        "no_creativity_date": "date de la séance non fixée (creativity.date)",
        "no_solutions": "aucune solution saisie (creativity.solutions)",
        "untested": "solution {solution} : pas testée auprès des {group}",
        "none_retained": "aucune solution retenue (creativity.solutions[].retained)",
        "no_commitments": "aucun engagement de réponse aux participants (commitments)",
        "no_indicators": "aucun indicateur d'évaluation pour les {group} (indicators)",
        "no_sponsor": "gouvernance : porteur politique non désigné (governance.sponsor)",
    },
    "en": {
        "no_start": "engagement start date not set (engagement.start)",
        "no_contact": "no contact person at the client (client.contact.name)",
        "no_siret": "consultant SIRET not set: the quote requires it",
        "no_objectives": "no objectives yet (objectives)",
        "no_means": "available means not described (means)",
        "no_sota": "no state of the art (state_of_the_art)",
        "no_stakeholders": "no stakeholders mapped (stakeholders)",
        "group_missing": "no stakeholder in the {group} group",
        "no_scenarios": "no usage scenarios to show in the workshops (scenarios)",
        "no_criteria": "grid: no criteria (grid.criteria)",
        "condition_missing": "grid: no criterion for the {group} condition",
        "no_workshop": "no {group} workshop planned (workshops)",
        "workshop_undated": "workshop {workshop}: no date",
        "workshop_empty": "workshop {workshop}: no feedback entered",
        "workshop_pending": "workshop {workshop}: {count} line(s) of the capture sheets not transcribed yet (no polarity)",
        "workshop_participants": "workshop {workshop}: number of participants not set",
        "unclassified": "{count} feedback item(s) without a grid criterion: code them before the analysis",
        "unscored": "scenario {scenario}: no scored opinion from the {group} group",
        "no_creativity_date": "no date for the session (creativity.date)",
        "no_solutions": "no solutions entered (creativity.solutions)",
        "untested": "solution {solution}: not tested with the {group} group",
        "none_retained": "no solution retained (creativity.solutions[].retained)",
        "no_commitments": "no commitments to participants (commitments)",
        "no_indicators": "no evaluation indicator for the {group} group (indicators)",
        "no_sponsor": "governance: no political sponsor (governance.sponsor)",
    },
}


PERSONAL_LISTED = 20  # items with personal data listed by `check`; the others are counted


@dataclass
class FeedbackTally:
    """What `check` needs to know of the feedback, gathered in one streaming pass."""

    per_workshop: Counter[str] = field(default_factory=Counter)
    unclassified: int = 0
    scored: set[tuple[str, str]] = field(
        default_factory=set
    )  # (scenario, group) with a scored item
    # Items whose text seems to carry personal data: (item, kinds found), the first ones only.
    personal: list[tuple[Any, tuple[str, ...]]] = field(default_factory=list)
    personal_count: int = 0
    # Pre-printed rows of a feedback file not transcribed yet (no polarity), per workshop.
    pending: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, items: Iterable[Any]) -> FeedbackTally:
        from ..common.privacy import findings

        tally = cls()
        for item in items:
            tally.per_workshop[item.workshop] += 1
            kinds = findings(item.text) if item.text else ()
            if kinds:
                tally.personal_count += 1
                if len(tally.personal) < PERSONAL_LISTED:
                    tally.personal.append((item, kinds))
            if item.polarity in ("+", "-"):
                if item.criteria:
                    tally.scored.add((item.scenario, item.group))
                else:
                    tally.unclassified += 1
        return tally


@dataclass(frozen=True)
class Todo:
    """One concrete missing item, attached to the phase that needs it."""

    phase: str
    message: str


@dataclass(frozen=True)
class Status:
    """The one-screen overview of `dialogue check`."""

    client: dict[str, Any]
    title: str
    language: str
    phases: list[dict[str, Any]]
    current_phase: str | None
    counts: dict[str, Any]
    todo: list[Todo]

    def next_steps(self) -> list[Todo]:
        """What is missing for the current phase and the one after it."""
        if self.current_phase is None:
            return []
        index = PHASES.index(self.current_phase)
        wanted = set(PHASES[: index + 2])
        return [t for t in self.todo if t.phase in wanted]

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": True,
            "title": self.title,
            "client": self.client,
            "language": self.language,
            "phases": self.phases,
            "current_phase": self.current_phase,
            "counts": self.counts,
            "next": [{"phase": t.phase, "message": t.message} for t in self.next_steps()],
            "todo": [{"phase": t.phase, "message": t.message} for t in self.todo],
        }


def build_status(engagement: Engagement, tally: FeedbackTally) -> Status:
    """Summarise ``engagement`` and list what each phase still lacks."""
    e = engagement
    lang = e.language
    msg = MESSAGES[lang]
    glabel = GROUP_LABELS[lang]
    todo: list[Todo] = []

    def add(phase: str, key: str, **values: Any) -> None:
        todo.append(Todo(phase, msg[key].format(**values)))

    # 1. cadrage
    if e.engagement.start is None:
        add("cadrage", "no_start")
    if not e.client.contact.name:
        add("cadrage", "no_contact")
    if not e.consultant.siret:
        add("cadrage", "no_siret")
    # 2. preparation
    if not e.objectives:
        add("preparation", "no_objectives")
    if not e.means:
        add("preparation", "no_means")
    if not e.state_of_the_art:
        add("preparation", "no_sota")
    if not e.stakeholders:
        add("preparation", "no_stakeholders")
    by_group: Counter[str] = Counter(str(s.group) for s in e.stakeholders if s.group)
    if e.stakeholders:
        for group in WORKSHOP_GROUPS:
            if not by_group[group]:
                add("preparation", "group_missing", group=glabel[group])
    ranked = [s for s in e.scenarios if not s.transversal]
    if not ranked:
        add("preparation", "no_scenarios")
    if not e.grid.criteria:
        add("preparation", "no_criteria")
    else:
        served = {c for criterion in e.grid.criteria for c in criterion.conditions}
        for condition in CONDITIONS:
            if condition not in served:
                add("preparation", "condition_missing", group=glabel[condition])
    # 3. ateliers
    groups_with_workshop = {w.group for w in e.workshops}
    for group in WORKSHOP_GROUPS:
        if group not in groups_with_workshop:
            add("ateliers", "no_workshop", group=glabel[group])
    for workshop in e.workshops:
        if workshop.date is None:
            add("ateliers", "workshop_undated", workshop=workshop.id)
        if tally.pending[workshop.id]:
            add(
                "ateliers",
                "workshop_pending",
                workshop=workshop.id,
                count=tally.pending[workshop.id],
            )
        elif not tally.per_workshop[workshop.id]:
            add("ateliers", "workshop_empty", workshop=workshop.id)
        if not workshop.participants:
            add("ateliers", "workshop_participants", workshop=workshop.id)
    # 4. analyse
    if tally.unclassified:
        add("analyse", "unclassified", count=tally.unclassified)
    if sum(tally.per_workshop.values()):
        for scenario in ranked:
            for group in sorted(groups_with_workshop, key=WORKSHOP_GROUPS.index):
                if (scenario.id, group) not in tally.scored:
                    add("analyse", "unscored", scenario=scenario.id, group=glabel[group])
    # 5. creativite
    if e.creativity.date is None:
        add("creativite", "no_creativity_date")
    if not e.creativity.solutions:
        add("creativite", "no_solutions")
    else:
        for solution in e.creativity.solutions:
            if not solution.retained:
                continue  # a discarded solution needs no more tests
            tested = {t.group for t in solution.tests}
            for group in WORKSHOP_GROUPS:
                if group not in tested:
                    add("creativite", "untested", solution=solution.id, group=glabel[group])
        if not any(s.retained for s in e.creativity.solutions):
            add("creativite", "none_retained")
    # 6. livrables
    if not e.commitments:
        add("livrables", "no_commitments")
    indicator_groups = {i.group for i in e.indicators}
    for condition in CONDITIONS:
        if condition not in indicator_groups:
            add("livrables", "no_indicators", group=glabel[condition])
    if not e.governance.sponsor:
        add("livrables", "no_sponsor")

    phases = [
        {
            "id": name,
            "label": PHASE_LABELS[lang][name],
            "status": phase.status,
            "days": str(phase.days),
        }
        for name, phase in e.phases.items()
    ]
    current = next((p["id"] for p in phases if p["status"] == "doing"), None) or next(
        (p["id"] for p in phases if p["status"] != "done"), None
    )
    counts = {
        "stakeholders": {group: by_group[group] for group in GROUPS}
        | {"total": len(e.stakeholders)},
        "scenarios": len(ranked),
        "transversal": len(e.scenarios) - len(ranked),
        "criteria": len(e.grid.criteria),
        "workshops": {w.id: tally.per_workshop[w.id] for w in e.workshops},
        "feedback": sum(tally.per_workshop.values()),
        "unclassified": tally.unclassified,
        "pending": {w.id: tally.pending[w.id] for w in e.workshops if tally.pending[w.id]},
        "solutions": len(e.creativity.solutions),
        "retained": sum(1 for s in e.creativity.solutions if s.retained),
    }
    client = {"name": e.client.name, "kind": e.client.kind, "population": e.client.population}
    return Status(client, e.engagement.title, lang, phases, current, counts, todo)


def personal_data_warnings(project: Any, tally: FeedbackTally) -> list[str]:
    """One located line per listed item whose text seems to carry personal data, then a count.

    Items written in the engagement file are located at their ``text`` field (the file is parsed
    round-trip only when there is such an item); items of a feedback file at their row.
    """
    from ..common.privacy import describe

    engagement = project.engagement
    inline: list[tuple[tuple[int | str, ...], str]] = []
    lines: list[str] = []
    positions: dict[str, tuple[int, int]] = {}
    for w, workshop in enumerate(engagement.workshops):
        for j, item in enumerate(workshop.feedback):
            positions[item.id or f"{workshop.id}-{j + 1}"] = (w, j)
    for item, kinds in tally.personal:
        what = (
            f"looks like it gives {describe(kinds)}: masked in the documents; "
            "edit the item if it should not be kept"
        )
        if item.source == project.name and item.id in positions:
            w, j = positions[item.id]
            inline.append((("workshops", w, "feedback", j, "text"), what))
        else:
            lines.append(f"{item.source}: text: {what}")
    out = lines
    if inline:
        from .locate import located_error

        out += [str(problem) for problem in located_error(project, inline).problems]
    out.sort()
    hidden = tally.personal_count - len(tally.personal)
    if hidden > 0:
        out.append(f"... and {hidden} more items that look like they carry personal data")
    return out
