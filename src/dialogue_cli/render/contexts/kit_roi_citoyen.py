"""The context of the ROI citoyen kit: the conditions, the grid, the ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..words import CONDITION_ORDER
from .shared import Context, _common, _ranking

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def kit_roi_citoyen(results: Results, f: Fmt) -> Context:
    e = results.engagement
    criteria = e.grid.criteria
    total = sum(Decimal(str(c.weight)) for c in criteria)
    return {
        **_common("kit-roi-citoyen", results, f),
        "conditions": [
            {
                "id": k,
                "label": f.t(f.words["conditions"][k][0]),
                "question": f.t(f.words["conditions"][k][1]),
                "criteria": ", ".join(c.id for c in criteria if k in c.conditions),
            }
            for k in CONDITION_ORDER
        ],
        "criteria": [
            {
                "id": c.id,
                "label": f.t(c.label),
                "weight": f.number(Decimal(str(c.weight))),
                "conditions": f.join(
                    f.words["groups_lower"][k] for k in CONDITION_ORDER if k in c.conditions
                ),
            }
            for c in criteria
        ],
        "weight_total": f.number(total),
        "threshold": f.score(e.grid.threshold),
        "ranking": _ranking(results, f),
        "heatmap": results.heatmap_picture,
    }
