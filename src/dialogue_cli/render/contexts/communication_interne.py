"""The context of the communication interne: a note to the collectivité's élus and agents.

A memo header (De / À / Objet / Date) signed from the governance section, the key messages, the
participation mission's contact, the agents' calendar and a FAQ whose answers come from the
engagement file (``communication.faq``; « Réponse à valider » when there is none), about the
retained solutions and the scheme only (:func:`dialogue_cli.analysis.remarks.faq`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import public
from .shared import Context, _commitments, _common, _items, _roles
from .story import decision, events, retained, session_when

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def communication_interne(results: Results, f: Fmt) -> Context:
    e = results.engagement
    client, client_start = public.client_names(e, f)
    common = _common("communication-interne", results, f)
    # The collectivité's own note: its name heads every page, not the consultant's.
    common["brand"] = {**public.voice(common, results, f)["brand"]}
    common["doc"]["title"] = f.words["memo_title"]
    solutions = retained(results, f)
    mission = e.governance.mission
    reach = mission.email.strip() or mission.phone.strip()
    return {
        **common,
        "engagement": {"context": f.t(e.engagement.context)},
        "memo": _memo(results, f, client),
        "key_messages": _key_messages(results, f, client_start, solutions),
        "objectives": _items(e.objectives, f),
        "decision": decision(results, f),
        "solutions": solutions,
        "events": events(results, f),
        "agenda": _agenda(results, f),
        "agenda_todo": "" if (e.workshops or e.governance.calendar) else f.words["agenda_todo"],
        "roles": _roles(e, f),
        "committee": f.t(e.governance.committee),
        "frequency": f.t(e.governance.frequency),
        "commitments": _commitments(e, f),
        "mission": {
            "name": f.t(mission.name),
            "email": f.t(mission.email),
            "phone": f.t(mission.phone),
            "intro": f.words["mission_intro"],
            "todo": "" if (mission.email or mission.phone) else f.t(f.words["mission_todo"]),
            "transmit": f.t(
                f.words["posture_transmit"].format(contact=f" ({reach})" if reach else "")
            ),
        },
        "faq": _faq(results, f),
        "sponsor": f.t(e.governance.sponsor),
    }


def _memo(results: Results, f: Fmt, client: str) -> Context:
    e = results.engagement
    signatory = e.governance.signatory
    name = signatory.name.strip()
    role = signatory.role.strip()
    sender = ", ".join(x for x in (name, role) if x) or e.governance.sponsor.strip()
    to = e.communication.recipients.strip() or f.words["memo_to"].format(client=client)
    subject = f.words["memo_subject"].format(scheme=public.scheme_name(e))
    return {
        "sender": f.t(sender),
        "sender_todo": "" if sender else f.t(f.words["memo_from_todo"]),
        "to": f.t(to),
        "subject": f.t(subject),
        "date": f.date(results.today),
        "signatory": {"name": f.t(name or e.governance.sponsor), "role": f.t(role)},
    }


def _key_messages(
    results: Results, f: Fmt, client_start: str, solutions: list[Context]
) -> list[str]:
    """The file's key messages, else three from the facts (nothing decided is told as decided)."""
    e = results.engagement
    if e.communication.key_messages:
        return [f.t(m) for m in e.communication.key_messages]
    to_council = results.engagement.client.kind
    from ...common.labels import council

    vocabulary = council(to_council, f.language)
    if solutions and results.decided:
        lines = f.words["key_final"]
        titles = f.join(f.quoted(s["title"]) for s in solutions)
    else:
        lines = f.words["key_upcoming"]
        titles = ""
    return [
        f.t(
            line.format(
                client_start=client_start,
                solutions=titles,
                when=session_when(results, f),
                to_council=vocabulary["to_council"],
            )
        )
        for line in lines
    ]


def _agenda(results: Results, f: Fmt) -> list[Context]:
    """The agents' calendar: every session (closed ones too, with time and place), the public
    meetings and the governance's milestones, in date order; each says whether it is past."""
    e = results.engagement
    rows: list[tuple[dt.date, dt.time, Context]] = []
    far = dt.date.max
    for g in public.gatherings(results, f):
        if g.kind in ("elus", "services", "citoyens"):
            label = f.words["workshop"][g.kind]
        elif g.kind == "creativity":
            label = f.words["creativity"]
        else:
            label = g.label
        detail = ", ".join(
            x
            for x in (
                g.place,
                str(f.words["agenda_public"]) if g.open else str(f.words["agenda_closed"]),
            )
            if x
        )
        rows.append(
            (
                g.day or far,
                g.time or dt.time(0),
                {
                    "date": f.day(g.day) if g.day else str(f.words["to_be_set"]),
                    "time": f.time_span(g.time, g.duration),
                    "label": f.t(label),
                    "detail": f.t(detail),
                    "past": g.held,
                },
            )
        )
    for milestone in e.governance.calendar:
        rows.append(
            (
                milestone.date,
                dt.time(0),
                {
                    "date": f.day(milestone.date),
                    "time": "",
                    "label": f.t(milestone.label),
                    "detail": f.t(milestone.who),
                    "past": milestone.date < results.today,
                },
            )
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    return [row for _d, _t, row in rows]


def _faq(results: Results, f: Fmt) -> Context:
    e = results.engagement
    faq = results.faq
    titles = {s.id: s.title for s in e.scenarios}
    groups = f.words["groups_lower"]
    items = []
    for item in faq.items:
        asked = ""
        if item.asked:
            counts = ", ".join(
                f.words["faq_group_count"].format(group=groups.get(g, g), n=f.number(n))
                for g, n in item.groups
            )
            asked = f.words["faq_asked"][item.asked == 1].format(
                n=f.number(item.asked), groups=counts
            )
        items.append(
            {
                "question": f.verbatim(item.question),
                "answer": f.t(item.answer),
                "answered": item.answered,
                "pending": "" if item.answered else f.words["faq_pending"],
                "asked": f.t(asked),
                "scenario": f.t(titles.get(item.scenario or "", "")),
            }
        )
    pending = len(faq.unanswered)
    notes = []
    if faq.hidden_themes:
        notes.append(
            f.words["faq_hidden"].format(
                n=f.number(faq.hidden_themes), questions=f.number(faq.hidden_questions)
            )
        )
    if faq.outside:
        key = "faq_outside_final" if results.decided else "faq_outside_upcoming"
        notes.append(f.words[key].format(n=f.number(faq.outside), when=session_when(results, f)))
    return {
        "items": items,
        "pending": f.t(f.words["faq_pending_count"][pending == 1].format(n=f.number(pending)))
        if pending
        else "",
        "notes": [f.t(n) for n in notes],
    }
