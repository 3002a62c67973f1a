"""The context of the communication externe: for residents, never a contact, an author or a note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..client_names import in_text, sentence_start
from .shared import Context, _commitments, _common, _solutions

if TYPE_CHECKING:
    from ...engagement.model import Engagement
    from ..results import Results
    from ..values import Fmt


SAID_PER_SOLUTION = 3


def communication_externe(results: Results, f: Fmt) -> Context:
    """For residents: never a contact, an author, an internal note (they are not even read here)."""
    e = results.engagement
    solutions = _solutions(e, f)
    # Titles are quoted, as written: glued into the sentence they would need articles.
    summary_key = "summary" if solutions else "summary_none"
    named = in_text(e.client.name, e.client.in_text, f.language)
    summary = f.words[summary_key].format(
        client=sentence_start(named), solutions=f.join(f.quoted(s["title"]) for s in solutions)
    )
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
            {"said": said, "done": solution["title"], "details": solution["description"]}
        )
    figures = results.participation
    creativity = ""
    if figures.creativity_done and figures.creativity_participants:
        creativity = f.words["creativity_done"].format(n=f.number(figures.creativity_participants))
    return {
        **_common("communication-externe", results, f),
        "scheme": {"name": f.t(e.engagement.title), "summary": f.t(summary)},
        "solutions": solutions,
        "negotiable": [f.t(x) for x in e.engagement.negotiable],
        "non_negotiable": [f.t(x) for x in e.engagement.non_negotiable],
        "commitments": _commitments(e, f),
        "said_done": said_done,
        "workshops": {
            "count": str(figures.workshops),
            "participants": f.number(figures.participants),
            "contributions": f.number(figures.contributions),
            "creativity": f.t(creativity),
        },
        "meetings": _meetings(e, f),
    }


def _meetings(e: Engagement, f: Fmt) -> list[Context]:
    """The meetings residents can still come to: workshops and creativity session not yet held."""
    out: list[Context] = []
    if e.phases.ateliers.status != "done":
        out += [
            {
                "label": f.words["workshop"].get(w.group, w.id),
                "date": f.day(w.date) if w.date else f.words["to_be_set"],
                "place": f.t(w.place),
            }
            for w in e.workshops
        ]
    c = e.creativity
    if e.phases.creativite.status != "done" and (c.date or c.place):
        out.append(
            {
                "label": f.words["creativity"],
                "date": f.day(c.date) if c.date else f.words["to_be_set"],
                "place": f.t(c.place),
            }
        )
    return out
