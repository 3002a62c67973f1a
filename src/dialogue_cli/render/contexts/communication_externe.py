"""The context of the communication externe: the collectivité speaks to residents.

Never a stakeholder's contact, an author or an internal note (they are not even read here); the
consultant at most in one optional line. The same context feeds the .docx, the web page (HTML
and Markdown: :mod:`dialogue_cli.render.web`) and, through :func:`public_message`, the press
release and the easy-to-read draft.

Told from where the engagement stands at the document date: what was retained once the
creativity session is over (« Vous avez dit, nous avons fait »), what comes next before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import public
from .shared import Context, _commitments, _common
from .story import retained, session_when, solutions_state

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def communication_externe(results: Results, f: Fmt) -> Context:
    """For residents (see the module)."""
    context = public_message(results, f)
    context["glossary"] = public.glossary(public.strings(context), f)
    return context


def public_message(results: Results, f: Fmt) -> Context:
    """What the communication externe says, without its glossary (the other forms reuse it)."""
    e = results.engagement
    solutions = retained(results, f)
    state = solutions_state(results)
    _, client_start = public.client_names(e, f)
    titles = f.join(f.quoted(s["title"]) for s in solutions)
    if solutions and state == "final":
        summary = f.words["ext_summary_final"].format(client=client_start, solutions=titles)
    elif solutions:
        summary = f.words["ext_summary_provisional"].format(client=client_start, solutions=titles)
    else:
        summary = f.words["ext_summary_upcoming"].format(client=client_start)
    quotes = results.public_quotes
    said_done = []
    for solution in solutions:
        said_done.append(
            {
                "said": [f.verbatim(q.text) for q in quotes.of(solution["id"])],
                "done": solution["title"],
                "details": solution["description"],
                "origin": solution["plain_origin"],
                "changes": solution["changes"],
                "tests": solution["plain_tests"],
                "rationale": solution["rationale"],
            }
        )
    titles_of = {s.id: s.title for s in e.scenarios}
    heard = []
    if not solutions:
        for key, chosen in quotes.by_key:
            heard.append(
                {
                    "option": f.t(titles_of.get(key, key)),
                    "quotes": [f.verbatim(q.text) for q in chosen],
                }
            )
    said_title = "said_done_title" if solutions and state == "final" else "said_title"
    held = any(w.held for w in results.timeline.workshops)
    said_intro = ""
    if not held:
        said_intro = f.words["said_before_workshops"]
    elif not solutions:
        said_intro = f.words["pub_said_upcoming"].format(when=session_when(results, f))
    meetings = public.meetings(results, f)
    contact = public.contact(e, f)
    commitments = _commitments(e, f)
    return {
        **public.voice(_common("communication-externe", results, f), results, f),
        "scheme": {
            "name": f.t(public.scheme_name(e)),
            "title": f.t(e.engagement.title),
            "summary": f.t(summary),
            "tagline": f.words["tagline"],
            "updated": f.t(f.words["updated"].format(date=f.date(results.today))),
        },
        "essentials": _essentials(
            results, f, summary, meetings, contact, state, bool(solutions), held
        ),
        "solutions": solutions,
        "negotiable": [f.t(x) for x in e.engagement.negotiable],
        "non_negotiable": [f.t(x) for x in e.engagement.non_negotiable],
        "commitments": commitments,
        "said": {"title": f.words[said_title], "intro": f.t(said_intro)},
        "said_done": said_done,
        "heard": {
            "title": f.words["heard_title"],
            "intro": f.words["heard_intro"] if heard else "",
            "options": heard,
        },
        "quotes_consent": f.words["quotes_consent"] if quotes.count else "",
        "workshops": _figures(results, f),
        "steps": public.steps(results, f),
        "meetings": meetings,
        "meetings_none": "" if meetings else f.t(f.words["meetings_open_none"]),
        "contact": contact,
        "rules": _rules(results, f),
        "privacy": public.privacy(results, f),
        "credit": public.credit(results, f),
    }


def _essentials(
    results: Results,
    f: Fmt,
    summary: str,
    meetings: list[Context],
    contact: Context,
    state: str,
    decided: bool,
    held: bool,
) -> Context:
    """« L'essentiel »: what, the next meeting, how to take part, what happens next."""
    e = results.engagement
    what = e.communication.summary.strip()
    if meetings:
        first = meetings[0]
        place = first["place"] or str(f.words["to_be_set"])
        upcoming = f.words["ess_next"].format(label=first["label"], when=first["when"], place=place)
    else:
        where = (
            f.words["ess_next_where"].format(website=contact["website"])
            if contact["website"]
            else ""
        )
        upcoming = f.words["ess_next_none"].format(where=where)
    ways = []
    if meetings:
        ways.append(str(f.words["ess_how_meeting"]))
    if contact["email"]:
        ways.append(f.words["ess_how_write"].format(email=contact["email"]))
    if contact["phone"]:
        ways.append(f.words["ess_how_call"].format(phone=contact["phone"]))
    if contact["address"] and not ways:
        ways.append(f.words["ess_how_visit"].format(address=contact["address"]))
    if ways:
        how = ", ".join(ways[:-1]) + (f.words["or"] if len(ways) > 1 else "") + ways[-1] + "."
        how = how[:1].upper() + how[1:]
    else:
        how = str(f.words["ess_how_none"])
    if decided and state == "final":
        after = f.words["ess_after_final"]
    elif decided:
        after = f.words["ess_after_provisional"]
    elif held:
        after = f.words["ess_after_upcoming"]
    else:
        after = f.words["ess_after_before"]
    if e.commitments:
        after += f.words["ess_after_commitment"]
    return {
        "what": f.t(what or summary),
        "next": f.t(upcoming),
        "how": f.t(how),
        "after": f.t(after),
    }


def _rules(results: Results, f: Fmt) -> Context:
    """The rules of the game in the collectivité's words (labelled), or what is missing."""
    rules = results.engagement.rules
    labels = f.words["rules_labels"]
    items = [
        {"label": labels[key], "text": f.t(getattr(rules, key))}
        for key in ("eligibility", "moderation", "drawing_lots")
        if getattr(rules, key).strip()
    ]
    other = [f.t(x) for x in rules.other]
    return {
        "items": items,
        "other": other,
        "todo": "" if items or other else f.t(f.words["rules_todo"]),
    }


def _figures(results: Results, f: Fmt) -> Context:
    """The participation figures (the synthèse's own) and the sentence that tells them."""
    figures = results.participation
    workshops = results.timeline.workshops
    held = [w for w in workshops if w.held]
    creativity = ""
    if figures.creativity_done and figures.creativity_participants:
        creativity = f.words["pub_creativity_done"].format(
            n=f.number(figures.creativity_participants)
        )
    sentence = ""
    if held:
        key = "figures_all" if len(held) == len(workshops) else "figures_some"
        follow = "figures_final" if solutions_state(results) == "final" else "figures_next"
        one = len(held) == 1
        sentence = (
            f.words[key].format(
                count=f.number(len(workshops)),
                workshops=f.words["workshops_n"][one].format(n=f.number(len(held))),
                met=f.words["have_met"][one],
                participants=f.number(figures.participants),
                contributions=f.number(figures.contributions),
                creativity=creativity,
            )
            + f.words[follow]
        )
    return {
        "count": str(figures.workshops),
        "participants": f.number(figures.participants),
        "contributions": f.number(figures.contributions),
        "creativity": f.t(creativity),
        "sentence": f.t(sentence),
    }
