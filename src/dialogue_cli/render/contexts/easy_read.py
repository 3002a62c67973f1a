"""The context of the easy-to-read (FALC) draft of the public message.

Written after the European easy-to-read rules (Inclusion Europe, « L'information pour tous »):
one idea per sentence, everyday words, no abbreviation, numbers in digits, a date without its
weekday, times written in words (« 18 heures 30 »). The engagement's own texts are not rewritten:
a solution is told by its ``easy_read`` sentence, else by its title marked « (phrase à
simplifier) ». The document is a draft to be checked by people with intellectual disabilities:
it says so, and carries the easy-to-read logo only once ``communication.falc_validated_by`` says
who checked it (:attr:`~dialogue_cli.render.results.Results.falc_logo`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import public
from .shared import Context, _common
from .story import retained

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def easy_time(value: dt.time, f: Fmt) -> str:
    """« 18 heures 30 », « 9 heures » (no « h »); in English « 6:30 pm », « 9 am »."""
    if f.language == "en":
        hour = value.hour % 12 or 12
        half = "am" if value.hour < 12 else "pm"
        return f"{hour}:{value.minute:02d} {half}" if value.minute else f"{hour} {half}"
    word = "heure" if value.hour in (0, 1) else "heures"
    return f"{value.hour} {word} {value.minute:02d}" if value.minute else f"{value.hour} {word}"


def easy_read(results: Results, f: Fmt) -> Context:
    e = results.engagement
    client, client_start = public.client_names(e, f)
    w = f.words
    scheme = public.scheme_name(e)

    def lines(items: list[str], **values: str) -> list[str]:
        return [f.t(item.format(**values)) for item in items]

    sections: list[Context] = [
        {
            "title": w["easy_about_title"],
            "lines": lines(
                w["easy_about"], scheme=f.quoted(scheme), client=client, client_start=client_start
            ),
        }
    ]
    done = []
    people = 0
    for g in public.gatherings(results, f):
        if g.held and g.open and g.participants and g.day:
            people += g.participants
            done += lines(w["easy_done_one"], date=f.date(g.day), n=f.number(g.participants))
    held_all = sum(
        wk.participants
        for wk in e.workshops
        if any(ev.held and ev.id == wk.id for ev in results.timeline.workshops)
    )
    if held_all and held_all != people:
        done.append(f.t(w["easy_done_people"].format(n=f.number(held_all))))
    if done:
        sections.append({"title": w["easy_done_title"], "lines": done})
    solutions = retained(results, f) if results.decided else []
    if solutions:
        decided = []
        by_id = {s.id: s for s in e.creativity.solutions}
        for solution in solutions:
            easy = by_id[solution["id"]].easy_read.strip()
            decided.append(f.t(easy) if easy else f"{solution['title']} {w['easy_to_simplify']}")
        sections.append(
            {"title": f.t(w["easy_decided_title"].format(client=client)), "lines": decided}
        )
    else:
        sections.append(
            {
                "title": f.t(w["easy_decided_title"].format(client=client)),
                "lines": lines(w["easy_upcoming"], client_start=client_start),
            }
        )
    ahead = []
    for g in public.gatherings(results, f):
        if not g.open or g.held or g.day is None:
            continue
        meeting = lines(
            w["easy_meeting"],
            label=g.label,
            day=f.date(g.day),
            time=easy_time(g.time, f) if g.time else "",
            place=g.place or str(w["to_be_set"]),
        )
        if g.time is None:
            meeting = [m for i, m in enumerate(meeting) if i != 2]
        if g.audience == "registration":
            meeting.append(f.t(w["easy_meeting_register"].format(how=g.registration)))
        else:
            meeting.append(f.t(w["easy_meeting_free"]))
        if g.access:
            meeting.append(f.t(w["easy_meeting_access"].format(access=g.access)))
        ahead += meeting
    sections.append(
        {"title": w["easy_next_title"], "lines": ahead or [f.t(w["easy_meeting_none"])]}
    )
    contact = e.client.public_contact
    voice = lines(w["easy_voice"])
    if contact.email:
        voice.append(f.t(w["easy_write"].format(email=contact.email)))
    if contact.phone:
        voice.append(f.t(w["easy_call"].format(phone=contact.phone)))
    if contact.hours:
        voice.append(f.t(w["easy_hours"].format(hours=contact.hours)))
    voice.append(f.t(w["easy_answer"].format(client_start=client_start)))
    sections.append({"title": w["easy_voice_title"], "lines": voice})
    privacy = public.privacy(results, f)
    data = lines(w["easy_data"], client_start=client_start)
    if privacy["retention"]:
        data.append(f.t(w["easy_data_keep"].format(retention=privacy["retention"])))
    data.append(f.t(w["easy_data_rights"]))
    if privacy["contact"]:
        data.append(f.t(w["easy_data_write"].format(contact=privacy["contact"])))
    sections.append({"title": w["easy_data_title"], "lines": data})
    validated = e.communication.falc_validated_by.strip()
    logo = results.falc_logo
    return {
        **public.voice(_common("facile-a-lire", results, f), results, f),
        "easy": {
            "title": f.t(w["easy_title"].format(client_start=client_start)),
            "draft": "" if validated else f.t(w["easy_draft"]),
            "validated": f.t(w["easy_validated"].format(who=validated)) if validated else "",
            "logo": logo,
            "credit": f.t(w["easy_logo_credit"]) if logo else "",
            "sections": sections,
        },
    }
