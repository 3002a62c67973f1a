"""The engagement calendar: the six phases laid on French working days, with the events on it.

Pure: ``build_plan(engagement, today)`` reads only the model. How the calendar is computed is
explained in ``docs/plan.md``; in short:

* the plan counts in **half days** (a morning, an afternoon). A phase of 2.5 days takes five
  half days; the next phase starts on the half day after, so ``preparation`` (2.5 days) from
  Tuesday morning ends Thursday at midday and ``ateliers`` starts Thursday afternoon. Days that
  are not a multiple of half a day are rounded up to the next half day (with a warning);
* weekends and French public holidays are skipped (:mod:`dialogue_cli.planning.workdays`);
* a date fixed in the file wins: ``phases.<name>.start``/``end``. A phase with both dates keeps
  them, and a warning says when they leave fewer working days than planned;
* a phase with no fixed dates follows the previous one, except that ``ateliers`` moves to its
  first dated workshop and ``creativite`` to the creativity session when they come later, and
  stretches to its last one: planned days are effort, which the events spread out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..common.labels import PHASE_LABELS
from .workdays import (
    add_working_days,
    day_off_reason,
    holiday_name,
    holidays_between,
    next_working_day,
    previous_working_day,
    weekday_name,
    working_days_between,
)

if TYPE_CHECKING:
    from ..engagement.model import Engagement

Half = Literal["am", "pm"]
EventKind = Literal["workshop", "creativity"]

_WORKSHOP_LABELS = {
    "fr": {"elus": "Atelier élus", "citoyens": "Atelier citoyens", "services": "Atelier services"},
    "en": {
        "elus": "Workshop: elected members",
        "citoyens": "Workshop: citizens",
        "services": "Workshop: council services",
    },
}
_CREATIVITY_LABEL = {"fr": "Séance de créativité", "en": "Creativity session"}
# Which phase holds which kind of event.
EVENT_PHASE: dict[str, str] = {"workshop": "ateliers", "creativity": "creativite"}


def _lang(language: str) -> str:
    return "en" if language == "en" else "fr"


def phase_label(name: str, language: str = "fr") -> str:
    """``preparation`` -> ``Préparation`` (fr) or ``Preparation`` (en)."""
    return PHASE_LABELS[_lang(language)].get(name, name)


@dataclass(frozen=True, order=True)
class _Slot:
    """A half day on the working-day calendar: ``half`` 0 is the morning, 1 the afternoon."""

    day: dt.date
    half: int = 0

    def shift(self, half_days: int) -> _Slot:
        """The slot ``half_days`` half working days later (earlier if negative)."""
        days, half = divmod(self.half + half_days, 2)
        return _Slot(add_working_days(self.day, days), half)


@dataclass(frozen=True)
class PlanWarning:
    """Something in the file that the plan had to work around, and where it is."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class PlannedPhase:
    """One phase on the calendar.

    ``start_half`` is ``am`` when the phase starts in the morning, ``pm`` in the afternoon;
    ``end_half`` is ``am`` when it ends at midday, ``pm`` in the evening. ``span_days`` counts
    the working days from ``start`` to ``end``, both included (0 for a phase of 0 days).
    """

    name: str
    label: str
    days: Decimal
    start: dt.date
    end: dt.date
    start_half: Half
    end_half: Half
    span_days: int
    fixed_start: bool
    fixed_end: bool
    moved_to_events: bool
    status: str

    @property
    def empty(self) -> bool:
        """A phase planned at 0 days: it takes no place on the calendar."""
        return self.days == 0

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls between the phase's first and last days (calendar days)."""
        return not self.empty and self.start <= day <= self.end


@dataclass(frozen=True)
class PlanEvent:
    """A dated workshop or the creativity session, and the phase it belongs to."""

    id: str
    kind: EventKind
    label: str
    group: str | None
    date: dt.date
    place: str
    participants: int
    phase: str
    in_phase: bool


@dataclass(frozen=True)
class Plan:
    """The engagement calendar; :meth:`to_json` gives it as plain JSON data."""

    title: str
    reference: str
    client: str
    language: str
    start: dt.date
    start_is_default: bool
    end: dt.date
    phases: tuple[PlannedPhase, ...]
    events: tuple[PlanEvent, ...]
    planned_days: Decimal
    package_days: Decimal
    working_days: int
    holidays: tuple[tuple[dt.date, str], ...]
    warnings: tuple[PlanWarning, ...]

    def phase(self, name: str) -> PlannedPhase:
        """The planned phase called ``name`` (``cadrage``...)."""
        for phase in self.phases:
            if phase.name == name:
                return phase
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        """The plan as JSON-ready data: ISO dates, days as numbers, warnings as text."""
        return {
            "title": self.title,
            "reference": self.reference,
            "client": self.client,
            "language": self.language,
            "start": self.start.isoformat(),
            "start_is_default": self.start_is_default,
            "end": self.end.isoformat(),
            "working_days": self.working_days,
            "planned_days": _number(self.planned_days),
            "package_days": _number(self.package_days),
            "phases": [
                {
                    "name": p.name,
                    "label": p.label,
                    "days": _number(p.days),
                    "start": p.start.isoformat(),
                    "start_half": p.start_half,
                    "end": p.end.isoformat(),
                    "end_half": p.end_half,
                    "span_days": p.span_days,
                    "fixed_start": p.fixed_start,
                    "fixed_end": p.fixed_end,
                    "moved_to_events": p.moved_to_events,
                    "status": p.status,
                }
                for p in self.phases
            ],
            "events": [
                {
                    "id": e.id,
                    "kind": e.kind,
                    "label": e.label,
                    "group": e.group,
                    "date": e.date.isoformat(),
                    "place": e.place,
                    "participants": e.participants,
                    "phase": e.phase,
                    "in_phase": e.in_phase,
                }
                for e in self.events
            ],
            "holidays": [{"date": d.isoformat(), "name": n} for d, n in self.holidays],
            "warnings": [{"path": w.path, "message": w.message} for w in self.warnings],
        }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _show(day: dt.date) -> str:
    return f"{weekday_name(day)} {day.isoformat()}"


def _slot_text(slot: _Slot, end: bool) -> str:
    if end:
        return _show(slot.day) + (" (midday)" if slot.half == 0 else "")
    return _show(slot.day) + (" (afternoon)" if slot.half == 1 else "")


def _days_text(days: Decimal) -> str:
    value = _number(days)
    return f"{value} day" if value == 1 else f"{value} days"


class _RawEvent(NamedTuple):
    path: str
    kind: EventKind
    id: str
    group: str | None
    date: dt.date | None
    place: str
    participants: int


class _Planner:
    """Lays the phases one after the other; collects warnings on the way."""

    def __init__(self, engagement: Engagement, today: dt.date) -> None:
        self.engagement = engagement
        self.language = _lang(engagement.language)
        self.today = today
        self.warnings: list[PlanWarning] = []

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(PlanWarning(path, message))

    def check_working(self, path: str, day: dt.date, what: str) -> None:
        reason = day_off_reason(day)
        if reason is not None:
            holiday = holiday_name(day, "en") is not None
            kind = "a public holiday" if holiday else "on a weekend"
            self.warn(path, f"{what} {day.isoformat()} is {kind} ({reason})")

    def start(self) -> tuple[dt.date, bool]:
        info = self.engagement.engagement
        cadrage = self.engagement.phases.cadrage
        if info.start is not None:
            self.check_working("engagement.start", info.start, "the start date")
            if cadrage.start is not None and cadrage.start != info.start:
                self.warn(
                    "phases.cadrage.start",
                    f"{cadrage.start.isoformat()} differs from engagement.start "
                    f"({info.start.isoformat()}); the phase keeps its own date",
                )
            return next_working_day(info.start), False
        if cadrage.start is not None:
            return next_working_day(cadrage.start), False
        default = next_working_day(self.today)
        self.warn(
            "engagement.start",
            f"not set; planned from {_show(default)}, the first working day from today. "
            "Set engagement.start to fix the calendar",
        )
        return default, True

    def events(self) -> list[_RawEvent]:
        """Every workshop, then the creativity session, dated or not."""
        found = [
            _RawEvent(
                f"workshops[{index}]", "workshop", w.id, w.group, w.date, w.place, w.participants
            )
            for index, w in enumerate(self.engagement.workshops)
        ]
        session = self.engagement.creativity
        # The session is in every file (a default section); it counts once it says something.
        if session.date or session.place or session.participants or session.solutions:
            found.append(
                _RawEvent(
                    "creativity",
                    "creativity",
                    "creativity",
                    None,
                    session.date,
                    session.place,
                    session.participants,
                )
            )
        return found

    def half_days(self, name: str, days: Decimal) -> int:
        doubled = days * 2
        count = int(doubled.to_integral_value(rounding=ROUND_CEILING))
        if doubled != count:
            self.warn(
                f"phases.{name}.days",
                f"{days} is not a whole number of half days; planned as {_number(Decimal(count) / 2)}",
            )
        return count

    def place(
        self, name: str, cursor: _Slot, previous: str | None, event_days: list[dt.date]
    ) -> tuple[_Slot, _Slot, bool]:
        """First and last half days of one phase; whether it moved to its events."""
        phase = getattr(self.engagement.phases, name)
        path = f"phases.{name}"
        size = self.half_days(name, phase.days)
        last_offset = max(size - 1, 0)
        moved = False
        if phase.start is not None:
            self.check_working(f"{path}.start", phase.start, "start")
        if phase.end is not None:
            self.check_working(f"{path}.end", phase.end, "end")

        if phase.start is not None and phase.end is not None:
            first = _Slot(next_working_day(phase.start))
            last = _Slot(previous_working_day(phase.end), 1)
            available = working_days_between(phase.start, phase.end)
            if Decimal(available) < Decimal(size) / 2:
                self.warn(
                    path,
                    f"{_days_text(phase.days)} planned but only {available} working "
                    f"day{'s' if available != 1 else ''} from {_show(phase.start)} to "
                    f"{_show(phase.end)}: move a date or change days",
                )
            if last < first:
                last = first.shift(last_offset)
        elif phase.start is not None:
            first = _Slot(next_working_day(phase.start))
            last = first.shift(last_offset)
        elif phase.end is not None:
            last = _Slot(previous_working_day(phase.end), 1)
            first = last.shift(-last_offset)
        else:
            first = cursor
            if event_days:
                anchor = _Slot(previous_working_day(min(event_days)))
                if anchor > first:
                    first, moved = anchor, True
            last = first.shift(last_offset)
            if event_days:
                last = max(last, _Slot(next_working_day(max(event_days)), 1))

        fixed = phase.start is not None or phase.end is not None
        if fixed and previous is not None and first < cursor and size:
            self.warn(
                path,
                f"starts {_slot_text(first, end=False)}, before {previous} ends on "
                f"{_slot_text(cursor.shift(-1), end=True)}: the planned days of the two "
                "phases overlap",
            )
        return first, last, moved

    def build(self) -> Plan:
        engagement = self.engagement
        start, start_is_default = self.start()
        raw_events = self.events()
        dated: dict[str, list[dt.date]] = {}
        for raw in raw_events:
            if raw.date is not None:
                dated.setdefault(EVENT_PHASE[raw.kind], []).append(raw.date)

        phases: list[PlannedPhase] = []
        cursor = _Slot(start)
        previous: str | None = None
        for name, phase in engagement.phases.items():
            first, last, moved = self.place(name, cursor, previous, dated.get(name, []))
            empty = phase.days == 0
            phases.append(
                PlannedPhase(
                    name=name,
                    label=phase_label(name, self.language),
                    days=phase.days,
                    start=first.day,
                    end=last.day,
                    start_half="am" if first.half == 0 else "pm",
                    end_half="am" if last.half == 0 else "pm",
                    span_days=0 if empty else working_days_between(first.day, last.day),
                    fixed_start=phase.start is not None,
                    fixed_end=phase.end is not None,
                    moved_to_events=moved,
                    status=phase.status,
                )
            )
            if not empty:
                cursor = max(cursor, last.shift(1))
                previous = name

        by_name = {p.name: p for p in phases}
        events = self.place_events(raw_events, by_name)
        planned = sum((p.days for p in phases), Decimal(0))
        package = engagement.pricing.package.days
        if planned != package:
            self.warn(
                "phases",
                f"the phases add up to {_days_text(planned)}; the package has "
                f"{_days_text(package)} (pricing.package.days)",
            )
        used = [p for p in phases if not p.empty]
        first_day = min([p.start for p in used] + [e.date for e in events], default=start)
        last_day = max([p.end for p in used] + [e.date for e in events], default=start)
        return Plan(
            title=engagement.engagement.title,
            reference=engagement.engagement.reference,
            client=engagement.client.name,
            language=self.language,
            start=first_day,
            start_is_default=start_is_default,
            end=last_day,
            phases=tuple(phases),
            events=tuple(events),
            planned_days=planned,
            package_days=package,
            working_days=working_days_between(first_day, last_day),
            holidays=tuple(holidays_between(first_day, last_day, self.language)),
            warnings=tuple(self.warnings),
        )

    def place_events(
        self,
        raw_events: Iterable[_RawEvent],
        phases: dict[str, PlannedPhase],
    ) -> list[PlanEvent]:
        events: list[PlanEvent] = []
        for path, kind, ident, group, day, place, participants in raw_events:
            label = (
                _WORKSHOP_LABELS[self.language].get(group or "", ident)
                if kind == "workshop"
                else _CREATIVITY_LABEL[self.language]
            )
            what = f"workshop {ident}" if kind == "workshop" else "the creativity session"
            if day is None:
                self.warn(f"{path}.date", f"{what} has no date yet: it is not on the calendar")
                continue
            self.check_working(f"{path}.date", day, what)
            phase = phases[EVENT_PHASE[kind]]
            inside = phase.contains(day)
            if not inside:
                self.warn(
                    f"{path}.date",
                    f"{what} on {_show(day)} is outside the {phase.name} phase "
                    f"({_show(phase.start)} to {_show(phase.end)})",
                )
            events.append(
                PlanEvent(
                    id=ident,
                    kind=kind,
                    label=label,
                    group=group,
                    date=day,
                    place=place,
                    participants=participants,
                    phase=phase.name,
                    in_phase=inside,
                )
            )
        events.sort(key=lambda e: (e.date, e.kind != "workshop", e.id))
        return events


def build_plan(engagement: Engagement, today: dt.date | None = None) -> Plan:
    """Lay the six phases of ``engagement`` on working days and place its events.

    Args:
        engagement: A validated engagement.
        today: The date a plan without ``engagement.start`` starts from (its first working
            day on or after); defaults to the system date.

    Returns:
        The :class:`Plan`, with a warning for every fixed date that conflicts with the
        planned days, every event outside its phase or on a day off, and a missing start.
    """
    return _Planner(engagement, today or dt.date.today()).build()
