"""The context of the ROI citoyen kit: the conditions, the grid, the method, a worked example."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..words import CONDITION_ORDER
from .shared import Context, _common, _ranking
from .story import analysis_note, evidence, weak_list

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
                "criteria": [f.t(c.label) for c in criteria if k in c.conditions],
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
        "min_items": f.number(e.grid.min_items),
        "ranking": _ranking(results, f),
        "analysis_note": analysis_note(results, f),
        "weak": weak_list(results, f),
        "heatmap": results.heatmap_picture,
        "worked": _worked(results, f),
    }


def _signed(value: float, f: Fmt) -> str:
    """``+45``, ``−60``, ``0``: a contribution p·i·w as the table prints it."""
    text = f.number(abs(value))
    return ("+" if value > 0 else "\u2212" if value < 0 else "") + text


def _worked(results: Results, f: Fmt) -> Context:
    """One condition score of one option, item by item, so that a reader can recompute it.

    Empty (``rows`` empty) when nothing is scored yet. The figures are the report's own: the
    items come from :func:`dialogue_cli.analysis.explain.explain`, the sums from the score.
    """
    example = results.worked_example
    if example is None:
        return {
            "rows": [], "title": "", "intro": "", "numerator": "", "denominator": "",
            "formula": "", "reading": "",
        }  # fmt: skip
    e = results.engagement
    weights = {c.id: c for c in e.grid.criteria}
    s, k, number = example.scenario, example.condition, example.number
    rows = []
    for contribution in number.items:
        item = contribution.item
        rows.append(
            {
                "id": f.t(item.id),
                "group": f.words["groups_lower"].get(item.group, item.group),
                "polarity": "+" if item.polarity == "+" else "\u2212",
                "intensity": str(item.intensity),
                "criteria": f.t(
                    "; ".join(
                        f"{weights[c].label} ({f.number(Decimal(str(weights[c].weight)))})"
                        for c in contribution.criteria
                    )
                ),
                "signed": _signed(contribution.signed, f),
                "weight": f.number(contribution.weight),
            }
        )
    condition = f.words["conditions"][k][0]
    served = [c.label for c in e.grid.criteria if k in c.conditions]
    signed = " ".join(
        (row["signed"] if i == 0 else row["signed"].replace("+", "+ ").replace("\u2212", "\u2212 "))
        for i, row in enumerate(rows)
    )
    unsigned = " + ".join(row["weight"] for row in rows)
    score4 = f.score_digits(number.shown, 4)
    formula = f.words["worked_formula"].format(
        signed=signed,
        unsigned=unsigned,
        numerator=_signed(number.numerator, f),
        denominator=f.number(number.denominator),
        score=score4,
        shown=f.score(number.shown),
    )
    intro = f.words["worked_intro"].format(
        condition=f.quoted(condition),
        option=f.quoted(s.title),
        rank=s.rank,
        criteria=f.join(f.quoted(label) for label in served),
        count=f.number(len(rows)),
    )
    reading = f.words["worked_reading"].format(
        shown=f.score(number.shown),
        threshold=f.score(e.grid.threshold),
        verdict=f.words[
            "worked_above" if (number.shown or 0) >= e.grid.threshold else "worked_below"
        ],
        evidence=evidence(s, number.cell, f),
    )
    return {
        "title": f.t(f.words["worked_title"].format(condition=condition, option=s.title)),
        "intro": f.t(intro),
        "rows": rows,
        "numerator": _signed(number.numerator, f),
        "denominator": f.number(number.denominator),
        "formula": f.t(formula),
        "reading": f.t(reading),
    }
