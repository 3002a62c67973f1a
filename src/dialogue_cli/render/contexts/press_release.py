"""The context of the press release: the public message told to journalists.

The same facts as the communication externe (:func:`~.communication_externe.public_message`):
a title and a chapô from where the engagement stands, the dateline, the figures, the next
meeting open to the public with its time, place and access, the commitments, the sponsor's
quote when the file gives one (never invented), and the press contact.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import public
from .communication_externe import public_message
from .shared import Context, _common

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt

# The town of an address: what follows its postcode (« 1 place de la République, 49000 Ormessac »).
_TOWN = re.compile(r"\b\d{5}\s+([^,\d][^,]*)$")


def town(address: str) -> str:
    """The town of a French postal address, or ''."""
    match = _TOWN.search(address.strip())
    return match.group(1).strip() if match else ""


def press_release(results: Results, f: Fmt) -> Context:
    e = results.engagement
    message = public_message(results, f)
    _client, client_start = public.client_names(e, f)
    solutions = message["solutions"]
    decided = bool(solutions) and results.decided
    n = len(solutions)
    if decided:
        key = (
            "press_title_final"
            if results.timeline.done("creativite")
            else "press_title_provisional"
        )
        title = f.words[key].format(
            client_start=client_start, n=f.number(n), s="s" if n > 1 else ""
        )
    else:
        title = f.words["press_title_upcoming"].format(client_start=client_start)
    place = town(e.client.public_contact.address) or town(e.client.address) or e.client.name
    dateline = f.words["press_dateline"].format(place=place, date=f.date(results.today))
    chapo = " ".join(
        x for x in (message["scheme"]["summary"], message["workshops"]["sentence"]) if x
    )
    meetings = message["meetings"]
    next_meeting = ""
    if meetings:
        first = meetings[0]
        next_meeting = f.words["press_next"].format(
            label=first["label"], when=first["when"], place=first["place"] or f.words["to_be_set"]
        )
        if first["access"]:
            next_meeting += f.words["press_next_access"].format(access=first["access"])
    then = ""
    if len(meetings) > 1:
        separator = " ; " if f.language == "fr" else "; "
        then = f.words["press_then"].format(
            meetings=separator.join(
                f"{m['label']}, {m['when']}" + (f", {m['place']}" if m["place"] else "")
                for m in meetings[1:]
            )
        )
    commitments = ""
    if message["commitments"]:
        separator = " ; " if f.language == "fr" else "; "
        commitments = f.words["press_commitment"].format(
            commitments=separator.join(
                f.words["commitment_inline"].format(
                    label=c["label"][:1].lower() + c["label"][1:], delay=c["delay"]
                )
                if c["delay"]
                else c["label"][:1].lower() + c["label"][1:]
                for c in message["commitments"]
            ),
        )
    press = e.communication.press_contact
    # « … pourquoi », souligne… : the quote's own full stop gives way to the attribution.
    quote = e.communication.press_quote.strip().rstrip(".")
    common = public.voice(_common("communique-de-presse", results, f), results, f)
    common["doc"]["title"] = f.t(title)
    return {
        **common,
        "press": {
            "title": f.t(title),
            "dateline": f.t(dateline),
            "chapo": f.t(chapo),
            "summary": message["scheme"]["summary"],
            "scheme": message["scheme"]["name"],
            "figures": message["workshops"]["sentence"],
            "solutions": [{"title": s["title"], "description": s["description"]} for s in solutions]
            if decided
            else [],
            "retained_intro": f.words["press_retained_intro"] if decided else "",
            "next": f.t(next_meeting),
            "then": f.t(then),
            "about": f.t(e.communication.summary),
            "meetings_none": message["meetings_none"],
            "commitments": f.t(commitments),
            "quote": f.t(quote),
            "quote_by": f.t(f.words["press_quote_by"].format(who=e.governance.sponsor.strip()))
            if quote and e.governance.sponsor.strip()
            else "",
            "website": message["contact"]["website"],
            "contact": {
                "name": f.t(press.name),
                "role": f.t(press.role),
                "phone": f.t(press.phone),
                "email": f.t(press.email),
                "todo": ""
                if (press.name and (press.phone or press.email))
                else f.t(f.words["press_contact_todo"]),
            },
        },
        "credit": message["credit"],
    }
