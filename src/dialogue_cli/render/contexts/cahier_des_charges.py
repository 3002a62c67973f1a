"""The context of the cahier des charges (the specification of the scheme)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shared import Context, _calendar, _commitments, _common, _items, _roles
from .story import decision, retained

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def cahier_des_charges(results: Results, f: Fmt) -> Context:
    e = results.engagement
    smap = results.map
    by_id = {s.id: s for s in e.stakeholders}
    from ...analysis.stakeholder_map import quadrant_label

    rows = []
    for placed in smap.stakeholders:
        rows.append(
            {
                "name": f.t(by_id[placed.id].name),
                "group": f.group(placed.group),
                "influence": str(placed.influence),
                "interest": str(placed.interest),
                "quadrant": f.t(quadrant_label(placed.quadrant, f.language)),
                "level": f.words["levels"].get(placed.level, placed.level),
            }
        )
    return {
        **_common("cahier-des-charges", results, f),
        "engagement": {
            "context": f.t(e.engagement.context),
            "negotiable": [f.t(x) for x in e.engagement.negotiable],
            "non_negotiable": [f.t(x) for x in e.engagement.non_negotiable],
        },
        "state_of_the_art": _items(e.state_of_the_art, f),
        "objectives": _items(e.objectives, f),
        "scenarios": [
            {
                "id": s.id,
                "title": f.t(s.title),
                "description": f.t(s.description),
                "level": f.words["levels"].get(s.level, "") if s.level else "",
                "promise": f.t(f.words["promises"].get(s.level, "")) if s.level else "",
            }
            for s in e.scenarios
            if not s.transversal
        ],
        "stakeholders": {
            "picture": results.map_picture,
            "threshold": str(smap.threshold),
            "rows": rows,
            "groups": [{"label": f.group(g), "count": str(n)} for g, n in smap.groups.items() if n],
        },
        "governance": {
            "sponsor": f.t(e.governance.sponsor),
            "committee": f.t(e.governance.committee),
            "opposition": f.t(e.governance.opposition),
            "guarantor": f.t(e.governance.guarantor),
            "roles": _roles(e, f),
        },
        "decision": decision(results, f),
        "solutions": retained(results, f),
        "means": _items(e.means, f),
        "calendar": _calendar(results, f),
        "commitments": _commitments(e, f),
        "indicators": [
            {"group": f.group(i.group), "label": f.t(i.label), "target": f.t(i.target)}
            for i in e.indicators
        ],
        "risks": [{"label": f.t(r.label), "mitigation": f.t(r.mitigation)} for r in e.risks],
    }
