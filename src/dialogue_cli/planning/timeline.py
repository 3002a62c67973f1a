"""Where the engagement stands at the document date: each phase and event done, under way or to come.

Pure: ``build_timeline(engagement, plan, on)`` reads the model and its computed plan. It is the
one place that decides the tense of a document: every context reads it, no template decides
alone. The declared status of a phase (``phases.<name>.status``) is what the consultant says;
the document date can only hold it back, never push it forward:

* a phase ``done`` is **to come** at a date before its first planned day, **under way** while
  one of its events (workshop, creativity session) is still ahead, else **done**;
* a phase ``doing`` is **to come** before its first planned day, else **under way**;
* a phase ``todo`` is **to come**.

An event dated before the document date has been **held** when its phase has started (``doing``
or ``done``); a past date in a phase still ``todo`` is **unconfirmed** (the file contradicts
itself: ``dialogue check`` says so); an event on or after the document date is **to come**; one
with no date is **undated**. :func:`problems` lists the contradictions for ``check``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .plan import EVENT_PHASE
from .workdays import weekday_name

if TYPE_CHECKING:
    from ..engagement.loader import Project
    from ..engagement.model import Engagement
    from .plan import Plan

State = Literal["done", "ongoing", "upcoming"]
EventState = Literal["held", "upcoming", "unconfirmed", "undated"]
Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class PhaseAt:
    """One phase at the document date: its declared status and what the date makes of it."""

    name: str
    status: str
    state: State
    start: dt.date
    end: dt.date

    @property
    def done(self) -> bool:
        return self.state == "done"


@dataclass(frozen=True)
class EventAt:
    """A workshop or the creativity session at the document date.

    ``loc`` is its place in the engagement file (``("workshops", 0)``, ``("creativity",)``).
    """

    id: str
    kind: Literal["workshop", "creativity"]
    group: str | None
    date: dt.date | None
    place: str
    participants: int
    phase: str
    state: EventState
    loc: Loc

    @property
    def held(self) -> bool:
        return self.state == "held"


@dataclass(frozen=True)
class Timeline:
    """The phases and events of an engagement at one date (:func:`build_timeline`)."""

    date: dt.date
    phases: Mapping[str, PhaseAt]
    events: tuple[EventAt, ...]

    def state(self, phase: str) -> State:
        """``done``, ``ongoing`` or ``upcoming``: the phase at the document date."""
        return self.phases[phase].state

    def done(self, phase: str) -> bool:
        return self.phases[phase].state == "done"

    @property
    def current(self) -> str | None:
        """The first phase not done at the document date, or None when all six are."""
        return next((name for name, p in self.phases.items() if p.state != "done"), None)

    @property
    def workshops(self) -> tuple[EventAt, ...]:
        return tuple(e for e in self.events if e.kind == "workshop")

    @property
    def creativity(self) -> EventAt | None:
        """The creativity session, when the file says anything about it."""
        return next((e for e in self.events if e.kind == "creativity"), None)

    @property
    def upcoming(self) -> tuple[EventAt, ...]:
        """The events still ahead (dated ones in date order, then the undated)."""
        return tuple(e for e in self.events if e.state in ("upcoming", "undated"))


def document_date(project: Project, given: dt.date | None = None) -> dt.date:
    """The date the documents carry and are worded at: ``given`` (``--date``), else
    ``engagement.document_date``, else today (the machine's date, only as the last default)."""
    return given or project.engagement.engagement.document_date or dt.date.today()


def build_timeline(engagement: Engagement, plan: Plan, on: dt.date) -> Timeline:
    """Each phase and event of ``engagement`` at the date ``on`` (see the module's rules).

    Args:
        engagement: A validated engagement.
        plan: Its calendar (:func:`dialogue_cli.planning.plan.build_plan`), which gives each
            phase its first and last planned days.
        on: The document date.
    """
    declared = dict(engagement.phases.items())
    raw = _events(engagement)
    ahead: set[str] = {
        EVENT_PHASE[kind] for _loc, kind, _id, _g, day, *_ in raw if day is not None and day >= on
    }
    phases: dict[str, PhaseAt] = {}
    for planned in plan.phases:
        status = declared[planned.name].status
        state: State
        if status == "todo" or (not planned.empty and planned.start > on):
            state = "upcoming"
        elif status == "doing" or planned.name in ahead:
            state = "ongoing"
        else:
            state = "done"
        phases[planned.name] = PhaseAt(planned.name, status, state, planned.start, planned.end)
    events = []
    for loc, kind, ident, group, day, place, participants in raw:
        phase = EVENT_PHASE[kind]
        event_state: EventState
        if day is None:
            event_state = "undated"
        elif day >= on:
            event_state = "upcoming"
        elif declared[phase].status == "todo":
            event_state = "unconfirmed"
        else:
            event_state = "held"
        events.append(
            EventAt(ident, kind, group, day, place, participants, phase, event_state, loc)
        )
    events.sort(key=lambda e: (e.date is None, e.date or on, e.kind != "workshop", e.id))
    return Timeline(on, phases, tuple(events))


def _events(
    engagement: Engagement,
) -> list[tuple[Loc, Literal["workshop", "creativity"], str, str | None, dt.date | None, str, int]]:
    found: list[
        tuple[Loc, Literal["workshop", "creativity"], str, str | None, dt.date | None, str, int]
    ] = [
        (("workshops", index), "workshop", w.id, w.group, w.date, w.place, w.participants)
        for index, w in enumerate(engagement.workshops)
    ]
    c = engagement.creativity
    # The session is in every file (a default section); it counts once it says something.
    if c.date or c.place or c.participants or c.solutions:
        found.append(
            (("creativity",), "creativity", "creativity", None, c.date, c.place, c.participants)
        )
    return found


def _day(day: dt.date) -> str:
    return f"{weekday_name(day)} {day.isoformat()}"


def problems(
    engagement: Engagement, timeline: Timeline, feedback: Mapping[str, int]
) -> list[tuple[Loc, str]]:
    """What the file says that the document date contradicts, for ``dialogue check``.

    Three kinds, each at its place in the file: results recorded for a phase marked ``todo``
    (feedback or participants of a workshop, tests, retained solutions or participants of the
    creativity session), a ``done`` phase dated after the document date, and an event before
    the document date in a phase still ``todo``.

    Args:
        engagement: The engagement.
        timeline: Its timeline at the document date.
        feedback: Feedback items per workshop id (inline and from files).
    """
    out: list[tuple[Loc, str]] = []
    status = {name: phase.status for name, phase in engagement.phases.items()}
    on = _day(timeline.date)
    if status["ateliers"] == "todo":
        for index, w in enumerate(engagement.workshops):
            recorded = []
            if feedback.get(w.id):
                n = feedback[w.id]
                recorded.append(f"{n} feedback item{'s' if n != 1 else ''}")
            if w.participants:
                recorded.append(f"{w.participants} participants")
            if recorded:
                field = (
                    "feedback_file"
                    if w.feedback_file
                    else "feedback"
                    if w.feedback and feedback.get(w.id)
                    else "participants"
                )
                where: Loc = ("workshops", index, field)
                out.append(
                    (
                        where,
                        f"workshop {w.id} records {' and '.join(recorded)} but "
                        "phases.ateliers.status is todo: mark the phase doing or done",
                    )
                )
    if status["creativite"] == "todo":
        c = engagement.creativity
        if c.participants:
            out.append(
                (
                    ("creativity", "participants"),
                    f"the creativity session records {c.participants} participants but "
                    "phases.creativite.status is todo: mark the phase doing or done",
                )
            )
        for index, solution in enumerate(c.solutions):
            recorded = (["tested"] if solution.tests else []) + (
                ["retained"] if solution.retained else []
            )
            if recorded:
                field = "tests" if solution.tests else "retained"
                out.append(
                    (
                        ("creativity", "solutions", index, field),
                        f"solution {solution.id} is {' and '.join(recorded)} but "
                        "phases.creativite.status is todo: mark the phase doing or done",
                    )
                )
    late = set()
    for name, phase in timeline.phases.items():
        if phase.status == "done" and phase.start > timeline.date:
            late.add(name)
            out.append(
                (
                    ("phases", name, "status"),
                    f"{name} is done but planned from {_day(phase.start)}, after the document "
                    f"date ({on}): set the phase's dates, or a later document date",
                )
            )
    for event in timeline.events:
        what = f"workshop {event.id}" if event.kind == "workshop" else "the creativity session"
        phase_status = status[event.phase]
        if event.date is None:
            continue
        if event.state == "unconfirmed":
            out.append(
                (
                    (*event.loc, "date"),
                    f"{what} on {_day(event.date)} is before the document date ({on}) but "
                    f"phases.{event.phase}.status is todo: mark the phase doing or done, "
                    "or move the date",
                )
            )
        elif event.state == "upcoming" and phase_status == "done" and event.phase not in late:
            out.append(
                (
                    (*event.loc, "date"),
                    f"{what} on {_day(event.date)} is not before the document date ({on}) "
                    f"but phases.{event.phase}.status is done: correct the date, or use a "
                    "later document date",
                )
            )
    return out
