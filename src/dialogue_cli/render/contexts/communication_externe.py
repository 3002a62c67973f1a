"""The context of the communication externe: for residents, never a contact, an author or a note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..client_names import in_text, sentence_start
from .shared import Context, _commitments, _common
from .story import events, retained, session_when, solutions_state

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


SAID_PER_SOLUTION = 3


def communication_externe(results: Results, f: Fmt) -> Context:
    """For residents: never a contact, an author, an internal note (they are not even read here).

    Told from where the engagement stands at the document date: what was retained once the
    creativity session is over (« Vous avez dit, nous avons fait »), what comes next before.
    """
    e = results.engagement
    solutions = retained(results, f)
    state = solutions_state(results)
    named = in_text(e.client.name, e.client.in_text, f.language)
    titles = f.join(f.quoted(s["title"]) for s in solutions)
    if solutions and state == "final":
        summary = f.words["ext_summary_final"].format(
            client=sentence_start(named), solutions=titles
        )
    elif solutions:
        summary = f.words["ext_summary_provisional"].format(
            client=sentence_start(named), solutions=titles
        )
    else:
        summary = f.words["ext_summary_upcoming"].format(client=sentence_start(named))
    said_done = []
    by_id = {s.id: s for s in e.creativity.solutions}
    for solution in solutions:
        said: list[str] = []
        for scenario in by_id[solution["id"]].scenarios:
            for text, _group, _polarity in results.digest.selected(
                scenario, SAID_PER_SOLUTION, groups=("citoyens",)
            ):
                if len(said) < SAID_PER_SOLUTION:
                    said.append(f.verbatim(text))
        said_done.append(
            {
                "said": said,
                "done": solution["title"],
                "details": solution["description"],
                "origin": solution["plain_origin"],
                "changes": solution["changes"],
                "tests": solution["plain_tests"],
                "rationale": solution["rationale"],
            }
        )
    said_title = "said_done_title" if solutions and state == "final" else "said_title"
    said_intro = ""
    if not any(w.held for w in results.timeline.workshops):
        said_intro = f.words["said_before_workshops"]
    elif not solutions:
        said_intro = f.words["said_upcoming"].format(when=session_when(results, f))
    meetings = [
        {"label": m["label"], "date": m["date"], "place": m["place"], "sentence": m["sentence"]}
        for m in events(results, f)
        if m["upcoming"]
    ]
    return {
        **_common("communication-externe", results, f),
        "scheme": {"name": f.t(e.engagement.title), "summary": f.t(summary)},
        "solutions": solutions,
        "negotiable": [f.t(x) for x in e.engagement.negotiable],
        "non_negotiable": [f.t(x) for x in e.engagement.non_negotiable],
        "commitments": _commitments(e, f),
        "said": {"title": f.words[said_title], "intro": f.t(said_intro)},
        "said_done": said_done,
        "workshops": _figures(results, f),
        "meetings": meetings,
        "meetings_none": "" if meetings else f.t(f.words["meetings_none"]),
    }


def _figures(results: Results, f: Fmt) -> Context:
    """The participation figures (the synthèse's own) and the sentence that tells them."""
    figures = results.participation
    workshops = results.timeline.workshops
    held = [w for w in workshops if w.held]
    creativity = ""
    if figures.creativity_done and figures.creativity_participants:
        creativity = f.words["creativity_done"].format(n=f.number(figures.creativity_participants))
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
