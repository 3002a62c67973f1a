"""The parts of the documents the collectivité publishes: its voice, contact, meetings and notice.

The communication externe, its press release, its web page and its easy-to-read draft speak in
the collectivité's name: its name and logo replace the consultant's brand (:func:`voice`), its
public contact is the way to reach it (:func:`contact`), every session open to residents is told
with its time, place and access while closed ones are only steps of the process
(:func:`meetings`, :func:`steps`), and the personal-data notice (:func:`privacy`) is the one of
RGPD art. 13. The consultant appears at most in one line (:func:`credit`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..client_names import in_text, sentence_start
from .shared import Context

if TYPE_CHECKING:
    from ...engagement.model import Engagement
    from ...engagement.notice import Party
    from ..results import Results
    from ..values import Fmt


def scheme_name(e: Engagement) -> str:
    """The scheme's public name (communication.name), else the engagement's title."""
    return e.communication.name.strip() or e.engagement.title


def voice(common: Context, results: Results, f: Fmt) -> Context:
    """``common`` (the cover's values) spoken by the collectivité: its name signs the document,
    its logo and colour replace the consultant's, the scheme's name is the title."""
    e = results.engagement
    c = e.communication
    color = (c.color or e.brand.primary_color).lstrip("#").upper()
    return {
        **common,
        "doc": {**common["doc"], "title": f.t(scheme_name(e)), "audience": f.words["kicker"]},
        "brand": {"name": common["client"]["name"], "color": color, "logo": results.client_logo},
    }


def client_names(e: Engagement, f: Fmt) -> tuple[str, str]:
    """How running text names the client: inside a sentence and at its start."""
    named = in_text(e.client.name, e.client.in_text, f.language)
    return f.t(named), f.t(sentence_start(named))


def contact(e: Engagement, f: Fmt) -> Context:
    """The public contact block: each line labelled; ``todo`` when there is nothing to print."""
    public = e.client.public_contact
    labels = f.words["contact_labels"]
    lines = [
        {"key": key, "label": labels[key], "value": f.t(getattr(public, key))}
        for key in ("address", "phone", "email", "website", "hours")
        if getattr(public, key).strip()
    ]
    return {
        "name": f.t(e.client.name),
        "address": f.t(public.address),
        "email": f.t(public.email),
        "website": f.t(public.website),
        "phone": f.t(public.phone),
        "hours": f.t(public.hours),
        "lines": lines,
        "todo": "" if lines else f.t(f.words["contact_todo"]),
    }


@dataclass(frozen=True)
class Gathering:
    """A session or a public meeting as the public documents tell it."""

    kind: str  # a workshop's group, "creativity" or "meeting"
    label: str
    day: dt.date | None
    time: dt.time | None
    duration: int | None
    place: str
    access: str
    audience: str  # public, registration, invitation
    registration: str
    description: str
    participants: int
    held: bool

    @property
    def open(self) -> bool:
        return self.audience in ("public", "registration")


def gatherings(results: Results, f: Fmt) -> list[Gathering]:
    """Every workshop, the creativity session and the public meetings, in date order.

    A session is held as the timeline says (its phase started); a public meeting when its date
    is before the document date.
    """
    e = results.engagement
    out = []
    for event in results.timeline.events:
        if event.kind == "creativity":
            session: Any = e.creativity
            kind = "creativity"
        else:
            session = next(w for w in e.workshops if w.id == event.id)
            kind = session.group
        out.append(
            Gathering(
                kind,
                str(f.words["public_label"][kind]),
                session.date,
                session.time,
                session.duration,
                session.place,
                session.access,
                session.who(),
                session.registration,
                "",
                session.participants,
                event.held,
            )
        )
    for meeting in e.communication.meetings:
        out.append(
            Gathering(
                "meeting",
                meeting.label,
                meeting.date,
                meeting.time,
                meeting.duration,
                meeting.place,
                meeting.access,
                "registration" if meeting.registration.strip() else "public",
                meeting.registration,
                meeting.description,
                0,
                meeting.date is not None and meeting.date < results.today,
            )
        )
    far = dt.date.max
    return sorted(out, key=lambda g: (g.day or far, g.time or dt.time(0)))


def _default_length(g: Gathering) -> int | None:
    if g.duration:
        return g.duration
    if g.kind == "meeting":
        return None
    return 180 if g.kind == "creativity" else 120


def when(g: Gathering, f: Fmt) -> str:
    """« mardi 9 mars 2027, de 18 h 30 à 21 h 30 » (the day alone without a time)."""
    day = f.day(g.day) if g.day else str(f.words["to_be_set"])
    span = f.time_span(g.time, _default_length(g))
    return str(f.words["when_line"]).format(day=day, time=span) if span else day


def meetings(results: Results, f: Fmt) -> list[Context]:
    """The meetings residents may attend that are still ahead: never a closed session."""
    out = []
    for g in gatherings(results, f):
        if not g.open or g.held:
            continue
        out.append(
            {
                "label": f.t(g.label),
                "date": f.day(g.day) if g.day else str(f.words["to_be_set"]),
                "time": f.time_span(g.time, _default_length(g)),
                "when": f.t(when(g, f)),
                "datetime": (g.day.isoformat() + (f"T{g.time:%H:%M}" if g.time else ""))
                if g.day
                else "",
                "place": f.t(g.place),
                "access": f.t(g.access),
                "who": f.t(f.words["audience"][g.audience]),
                "registration": f.t(g.registration) if g.audience == "registration" else "",
                "description": f.t(g.description),
            }
        )
    return out


def steps(results: Results, f: Fmt) -> Context:
    """The steps of the process, done and to come; a closed session is named as such."""
    done: list[str] = []
    ahead: list[str] = []
    for g in gatherings(results, f):
        closed = not (g.kind == "meeting" or g.open)
        detail = f" ({f.words['closed_note'][g.kind]})" if closed else ""
        if g.held and g.participants and g.open:
            detail += f" ({f.words['participants_short'].format(n=f.number(g.participants))})"
        if g.day:
            line = f.words["step_line"].format(date=f.date(g.day), label=g.label, detail=detail)
        else:
            line = f.words["step_undated"].format(label=g.label, detail=detail)
        (done if g.held else ahead).append(f.t(line))
    return {"done": done, "ahead": ahead}


def _party(party: Party) -> str:
    return ", ".join(x for x in (party.name, party.address, party.email, party.phone) if x)


def privacy(results: Results, f: Fmt, named: bool | None = None) -> Context:
    """The notice of RGPD art. 13, as labelled rows; a missing part reads « À compléter ».

    The consultant is a recipient as processor: named in the documents for the collectivité
    (``named``), and in the public ones only when ``communication.credit`` asks for the
    consultant's line; otherwise by its category, as art. 13 allows.
    """
    from ...engagement.notice import notice

    e = results.engagement
    n = notice(e)
    client, _start = client_names(e, f)
    labels, todo = f.words["privacy_labels"], f.words["privacy_todo"]
    prefix = "To be completed: " if f.language == "en" else "À compléter : "

    def row(key: str, value: str, missing: bool = False) -> Context:
        shown = f"{prefix}{todo[key]}." if missing else value
        return {"key": key, "label": labels[key], "value": f.t(shown), "missing": missing}

    recipients = [str(f.words["recipients_self"]).format(client=client), *n.recipients]
    if named is None:
        named = e.communication.credit
    if n.processor and named:
        recipients.append(str(f.words["processor"]).format(name=n.processor, client=client))
    elif n.processor:
        recipients.append(str(f.words["processor_unnamed"]).format(client=client))
    if n.dpo.name and n.dpo.reachable:
        how = str(f.words["rights_how_dpo"]).format(contact=_party(n.dpo))
    else:
        how = str(f.words["rights_how_controller"]).format(contact=_party(n.controller))
    rights = n.rights or str(f.words["rights_text"]).format(how=how)
    legal = n.legal_basis or str(f.words["legal_basis_default"]).format(client=client)
    rows = [
        row("controller", _party(n.controller), not n.controller.reachable),
        row("dpo", _party(n.dpo), not (n.dpo.name and n.dpo.reachable)),
        row("purposes", "; ".join(n.purposes), not n.purposes),
        row("legal_basis", legal[:1].upper() + legal[1:]),
        row("data", "; ".join(n.data), not n.data),
        row(
            "recipients",
            "; ".join(r[:1].upper() + r[1:] if i == 0 else r for i, r in enumerate(recipients))
            + ".",
        ),
        row("retention", n.retention, not n.retention),
        row("rights", rights),
        row("complaint", str(f.words["complaint_text"])),
    ]
    return {
        "intro": f.t(str(f.words["privacy_intro"]).format(client=client)),
        "rows": rows,
        "complete": not any(r["missing"] for r in rows),
        "quotes": f.t(f.words["privacy_quotes"]),
        "retention": f.t(n.retention),
        "contact": f.t(_party(n.dpo) if n.dpo.reachable else _party(n.controller)),
    }


def credit(results: Results, f: Fmt) -> str:
    """The one discreet line naming the consultant, when communication.credit asks for it."""
    e = results.engagement
    name = e.brand.name or e.consultant.company or e.consultant.name
    if not (e.communication.credit and name):
        return ""
    return f.t(str(f.words["credit"]).format(name=name))


def glossary(texts: list[str], f: Fmt) -> list[Context]:
    """The method's words found in ``texts``, explained (:mod:`dialogue_cli.common.glossary`)."""
    from ...common.glossary import terms_in

    return [{"term": f.t(t.term), "meaning": f.t(t.meaning)} for t in terms_in(texts, f.language)]


def strings(value: Any) -> list[str]:
    """Every text of a context (for the glossary's search)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []
