"""iCalendar export of a plan: the phases, the workshops and the creativity session as events.

Every event has a UID made of the engagement's reference (or the client's name) and the item's
id, so importing a newer export into a calendar application updates the events it already has
instead of adding copies. The text is in the engagement's language, without the control
characters RFC 5545 forbids in TEXT values (an ESC or BEL in a title or a place is removed).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from ..common.terminal import without_controls
from .plan import Plan, PlanEvent, PlannedPhase, phase_label

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//dialogue-cli//plan//FR"
UID_DOMAIN = "dialogue-cli"
_ONE_DAY = dt.timedelta(days=1)

_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "phase": "Phase",
        "days": "{days} jours prévus",
        "day": "{days} jour prévu",
        "from_noon": "Début l'après-midi du {date}",
        "to_noon": "Fin à midi le {date}",
        "participants": "{count} participants",
        "todo": "À faire",
        "doing": "En cours",
        "done": "Terminée",
        "outside": "Attention\u00a0: en dehors de la phase {phase}.",
    },
    "en": {
        "phase": "Phase",
        "days": "{days} planned days",
        "day": "{days} planned day",
        "from_noon": "Starts in the afternoon of {date}",
        "to_noon": "Ends at midday on {date}",
        "participants": "{count} participants",
        "todo": "To do",
        "doing": "In progress",
        "done": "Done",
        "outside": "Note: outside the {phase} phase.",
    },
}


def slug(text: str) -> str:
    """``"Ville d'Ormessac"`` -> ``"ville-d-ormessac"``: ASCII, lower case, dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "engagement"


def uid(plan: Plan, item: str) -> str:
    """The stable UID of one item (``phase-cadrage``, ``workshop-AT-ELUS``, ``creativity``).

    Item ids are the model's identifiers (letters, digits, ``-_.``), kept as they are.
    """
    owner = slug(plan.reference or plan.client)
    return f"{owner}.{item}@{UID_DOMAIN}"


def _phase_event(plan: Plan, phase: PlannedPhase, stamp: dt.datetime) -> Event:
    from icalendar import Event

    from ..common.formatting import date, number

    text = _TEXT[plan.language]
    days = number(phase.days, plan.language)
    # French keeps the singular below 2 (« 1,5 jour »); English only for exactly 1.
    singular = phase.days < 2 if plan.language == "fr" else phase.days == 1
    lines = [(text["day"] if singular else text["days"]).format(days=days)]
    if phase.start_half == "pm":
        lines.append(text["from_noon"].format(date=date(phase.start, plan.language)))
    if phase.end_half == "am":
        lines.append(text["to_noon"].format(date=date(phase.end, plan.language)))
    lines.append(text.get(phase.status, phase.status))
    event = Event()
    event.add("uid", _line(uid(plan, f"phase-{phase.name}")))
    event.add("dtstamp", stamp)
    event.add("summary", _line(f"{phase.label} – {_tag(plan)}"))
    event.add("dtstart", phase.start)
    event.add("dtend", phase.end + _ONE_DAY)
    event.add("description", _lines(lines))
    event.add("categories", [_line(text["phase"])])
    # A phase is a span of work, not a meeting: it does not make the calendar busy.
    event.add("transp", "TRANSPARENT")
    return event


def _event(plan: Plan, item: PlanEvent, stamp: dt.datetime) -> Event:
    from icalendar import Event

    text = _TEXT[plan.language]
    lines = []
    if item.participants:
        lines.append(text["participants"].format(count=item.participants))
    if not item.in_phase:
        lines.append(text["outside"].format(phase=phase_label(item.phase, plan.language).lower()))
    event = Event()
    key = "creativity" if item.kind == "creativity" else f"workshop-{item.id}"
    event.add("uid", _line(uid(plan, key)))
    event.add("dtstamp", stamp)
    event.add("summary", _line(f"{item.label} – {_tag(plan)}"))
    event.add("dtstart", item.date)
    event.add("dtend", item.date + _ONE_DAY)
    if item.place:
        event.add("location", _line(item.place))
    if lines:
        event.add("description", _lines(lines))
    event.add("categories", [_line(item.label)])
    return event


def _tag(plan: Plan) -> str:
    return plan.reference or plan.client


def _line(text: str) -> str:
    """A one-line TEXT value: no control character (RFC 5545 forbids them), no line break."""
    return without_controls(text)


def _lines(lines: list[str]) -> str:
    """A multi-line TEXT value (DESCRIPTION): line breaks kept (escaped as \\n), no control."""
    return "\n".join(without_controls(line, keep_newlines=True) for line in lines)


def to_ics(plan: Plan, stamp: dt.datetime) -> bytes:
    """The plan as an iCalendar file: all-day events, one per phase, workshop and session.

    Args:
        plan: The plan from :func:`dialogue_cli.planning.plan.build_plan`.
        stamp: The DTSTAMP of every event (when the export was made); pass a fixed value
            for byte-identical output. A naive datetime is taken as UTC.

    Returns:
        The ``.ics`` bytes (UTF-8, CRLF line ends as RFC 5545 asks).
    """
    from icalendar import Calendar

    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    stamp = stamp.astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add(
        "x-wr-calname", _line(f"{plan.title} ({plan.reference})" if plan.reference else plan.title)
    )
    for phase in plan.phases:
        if not phase.empty:
            calendar.add_component(_phase_event(plan, phase, stamp))
    for item in plan.events:
        calendar.add_component(_event(plan, item, stamp))
    data: bytes = calendar.to_ical()
    return data
