"""What every piece of a session's kit says the same way: its name, when and where, its
sequences, its scenarios or options, and what comes after it. Pure: computed results in,
printable strings out (:class:`~dialogue_cli.render.values.Fmt`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..words import CONDITION_ORDER
from .sessions import Session
from .timing import Timing, clock, creativity_timing, span, workshop_timing
from .words import KIT_WORDS

if TYPE_CHECKING:
    from ...analysis.scoring import ScenarioScore
    from ...engagement.model import Engagement, Scenario
    from ..results import Results
    from ..values import Fmt


@dataclass(frozen=True)
class Item:
    """A scenario (workshop) or an option (creativity) as the kit shows it."""

    id: str
    title: str
    description: str
    transversal: bool
    scenario: Scenario
    score: ScenarioScore | None  # the option's scores (creativity), None when not scored


@dataclass(frozen=True)
class SessionInfo:
    """A session, worded: the values every document and slide of its kit repeats."""

    session: Session
    label: str
    date: str
    time: str
    place: str
    access: str
    participants: int
    minutes: int
    timing: Timing
    items: tuple[Item, ...]  # non-transversal first (options in rank order), then transversal
    words: dict[str, Any]
    language: str

    @property
    def code(self) -> str:
        return self.session.code

    @property
    def kind(self) -> str:
        return self.session.kind

    @property
    def options(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if not i.transversal)

    @property
    def transversal(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.transversal)

    @property
    def end(self) -> str:
        """The end time (``20 h 30``), or the length (``120 min``) without a start time."""
        return clock(self.session.model.time, self.minutes, self.language)

    def when(self) -> str:
        """``mardi 2 février 2027 · 18 h 30 – 20 h 30``."""
        return " · ".join(part for part in (self.date, self.time) if part)


def session_label(session: Session, engagement: Engagement, f: Fmt) -> str:
    """``Atelier des élus``; with its id when another workshop has the same group."""
    if session.kind == "creativity":
        return str(f.words["creativity"])
    label = str(f.words["workshop"][session.group])
    same = [w for w in engagement.workshops if w.group == session.group]
    return f"{label} ({session.code})" if len(same) > 1 else label


def build_info(session: Session, results: Results, f: Fmt) -> SessionInfo:
    """The worded session, with its sequences timed from its duration."""
    e = results.engagement
    model = session.model
    words = KIT_WORDS[f.language]
    items = _items(session, results, f)
    plain = [i.id for i in items if not i.transversal]
    if session.kind == "workshop":
        timing = workshop_timing(session.minutes, plain, any(i.transversal for i in items))
    else:
        timing = creativity_timing(session.minutes, plain)
    time = span(model.time, 0, session.minutes, f.language) if model.time else ""
    return SessionInfo(
        session=session,
        label=f.t(session_label(session, e, f)),
        date=f.day(model.date) if model.date else str(words["date_unknown"]),
        time=time,
        place=f.t(model.place) or str(words["place_unknown"]),
        access=f.t(model.access),
        participants=model.participants,
        minutes=session.minutes,
        timing=timing,
        items=tuple(items),
        words=words,
        language=f.language,
    )


def _items(session: Session, results: Results, f: Fmt) -> list[Item]:
    e = results.engagement
    by_id = {s.id: s for s in e.scenarios}
    if session.kind == "workshop":
        plain = [s for s in e.scenarios if not s.transversal]
        scores: dict[str, ScenarioScore | None] = {}
    else:
        # The options in the ranking's order (an option not scored at all keeps the file's order).
        ranked = [s for s in results.scores.options if s.id in by_id]
        plain = [by_id[s.id] for s in ranked]
        scores = {s.id: s for s in ranked}
    transversal = [s for s in e.scenarios if s.transversal] if session.kind == "workshop" else []
    return [
        Item(s.id, f.t(s.title), f.t(s.description), s.transversal, s, scores.get(s.id))
        for s in [*plain, *transversal]
    ]


def scored(item: Item) -> bool:
    """Whether any condition score of the option is known."""
    return item.score is not None and any(
        c.score is not None for c in item.score.conditions.values()
    )


def verdict_text(item: Item, f: Fmt) -> str:
    """The option's verdict as the ranking tables print it, or « Pas encore notée »."""
    from ..contexts.shared import verdict

    if item.score is None or not scored(item):
        return str(KIT_WORDS[f.language]["unscored"])
    return verdict(item.score.viable, item.score.blocking, f)


def challenge(item: Item, f: Fmt) -> str:
    """« Le défi : comment lever la réserve des services ? » (or the viable option's challenge)."""
    from ..contexts.story import ordered

    words = KIT_WORDS[f.language]
    if item.score is None or not scored(item):
        return f.t(words["challenge_unscored"])
    if item.score.viable:
        return f.t(words["challenge_viable"])
    groups = f.join(f.words["groups_lower"][g] for g in ordered(item.score.blocking))
    return f.t(str(words["challenge_blocked"]).format(groups=groups))


def condition_scores(item: Item, f: Fmt) -> str:
    """``Élus +0,42 · Citoyens +0,31 · Services −0,35 (2 avis : fragile)``, or ''."""
    if item.score is None or not scored(item):
        return ""
    from ..contexts.story import evidence

    parts = []
    for group in CONDITION_ORDER:
        cell = item.score.conditions[group]
        text = str(KIT_WORDS[f.language]["scores"]).format(
            group=f.words["groups"][group], score=f.score(cell.shown)
        )
        if item.score.weak(cell):
            text += f" ({evidence(item.score, cell, f)})"
        parts.append(text)
    return f.t(" · ".join(parts))


def remarks(item: Item, f: Fmt, kind: str, limit: int) -> list[str]:
    """Up to ``limit`` ideas (``idee``) or questions (``?``) of the workshops on the option,
    masked of personal data as every document quotes them."""
    if item.score is None:
        return []
    found = item.score.ideas if kind == "idee" else item.score.questions
    return [f.verbatim(r.text) for r in found if r.text.strip()][:limit]


def next_steps(info: SessionInfo, results: Results, f: Fmt) -> list[str]:
    """What comes after the session: the later workshops, the analysis, the creativity session,
    the documents (with their planned dates when the engagement has a start), the decision."""
    from ...common.labels import council

    e = results.engagement
    words = info.words
    undated = str(words["next_undated"])
    model = info.session.model
    out = []
    if info.kind == "workshop":
        for workshop in e.workshops:
            if workshop.id == info.code:
                continue
            if model.date is not None and workshop.date is not None and workshop.date <= model.date:
                continue
            other = next(s for s in results_sessions(e) if s.code == workshop.id)
            out.append(
                str(words["next_workshop"]).format(
                    label=session_label(other, e, f),
                    date=f.day(workshop.date) if workshop.date else undated,
                )
            )
    plan = results.plan
    dated = not plan.start_is_default
    if info.kind == "workshop":
        phase = plan.phase("analyse")
        dates = f.dates(phase.start, phase.end) if dated and not phase.empty else undated
        out.append(str(words["next_analysis"]).format(dates=dates))
        creativity = e.creativity
        out.append(
            str(words["next_creativity"]).format(
                date=f.day(creativity.date) if creativity.date else undated
            )
        )
    phase = plan.phase("livrables")
    dates = f.dates(phase.start, phase.end) if dated and not phase.empty else undated
    out.append(str(words["next_deliverables"]).format(dates=dates))
    out.append(
        str(words["decision"]).format(
            to_council=council(e.client.kind, f.language)["to_council"],
            the_council=council(e.client.kind, f.language)["the_council"],
        )
    )
    return [f.t(line) for line in out]


def results_sessions(engagement: Engagement) -> list[Session]:
    from .sessions import all_sessions

    return all_sessions(engagement)


def contact_line(results: Results, f: Fmt) -> str:
    """How residents reach the collectivité (``client.public_contact``), or ''."""
    contact = results.engagement.client.public_contact
    parts = [v for v in (contact.email, contact.website, contact.phone) if v.strip()]
    if not parts:
        return ""
    return f.t(str(KIT_WORDS[f.language]["contact"]).format(contact=" · ".join(parts)))
