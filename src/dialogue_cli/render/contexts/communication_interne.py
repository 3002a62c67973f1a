"""The context of the communication interne (the note to the collectivité's agents)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shared import Context, _commitments, _common, _items, _roles, _scenario_titles
from .story import decision, events, retained

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def communication_interne(results: Results, f: Fmt) -> Context:
    e = results.engagement
    titles = _scenario_titles(e)
    faq: dict[str, list[Context]] = {}
    for remark in results.scores.questions:
        faq.setdefault(remark.scenario, []).append(
            {
                "text": f.verbatim(remark.text),
                "group": f.words["groups_lower"].get(remark.group, remark.group),
            }
        )
    order = [s.id for s in e.scenarios]
    return {
        **_common("communication-interne", results, f),
        "engagement": {"context": f.t(e.engagement.context)},
        "objectives": _items(e.objectives, f),
        "decision": decision(results, f),
        "solutions": retained(results, f),
        "events": events(results, f),
        "roles": _roles(e, f),
        "commitments": _commitments(e, f),
        "faq": [
            {"scenario": f.t(titles.get(sid, sid)), "questions": faq[sid]}
            for sid in sorted(faq, key=lambda s: order.index(s) if s in order else len(order))
        ],
        "sponsor": f.t(e.governance.sponsor),
    }
