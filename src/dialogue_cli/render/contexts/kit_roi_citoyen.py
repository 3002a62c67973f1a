"""The context of the ROI citoyen kit: the conditions, the grid, the method, a worked example."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..results import WORKED_EXAMPLE_MAX_ITEMS
from ..words import CONDITION_ORDER
from .shared import Context, _common, _ranking
from .story import analysis_note, evidence, weak_list

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...analysis.explain import Contribution
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


# Beyond this many rows, the formula adds up the table's columns instead of listing each term.
WORKED_FORMULA_TERMS = 12


def _signed(value: float, f: Fmt) -> str:
    """``+45``, ``−60``, ``0``: a contribution p·i·w as the table prints it."""
    text = f.number(abs(value))
    return ("+" if value > 0 else "\u2212" if value < 0 else "") + text


def _firsts(items: Sequence[Contribution], grouped: bool) -> list[Contribution]:
    """The first contribution of each row of the worked example, in the order of the rows."""
    seen: dict[tuple[str, tuple[str, ...]] | str, Contribution] = {}
    for c in items:
        seen.setdefault((c.item.polarity, c.criteria) if grouped else c.item.id, c)
    return list(seen.values())


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
    grouped = len(number.items) > WORKED_EXAMPLE_MAX_ITEMS
    # Beyond a table's worth, the items of the same direction and criteria share one row: their
    # number, the sum of their intensities Σi and what they add (p × Σi × w, Σi × w), so that
    # the score is still recomputed by hand from a short table.
    lines: dict[tuple[str, str, tuple[str, ...]], list[float]] = {}
    for contribution in number.items:
        item = contribution.item
        key = ("", item.polarity, contribution.criteria) if grouped else (item.id, "", ())
        line = lines.setdefault(key, [0, 0, 0.0, 0.0])
        line[0] += 1
        line[1] += item.intensity
        line[2] += contribution.signed
        line[3] += contribution.weight
    rows = []
    for (name, _, _), (count, intensity, signed_sum, weight_sum), contribution in zip(
        lines, lines.values(), _firsts(number.items, grouped), strict=True
    ):
        item = contribution.item
        rows.append(
            {
                "id": f.t(f.words["worked_count"].format(n=f.number(count)) if grouped else name),
                "group": f.words["worked_all_groups"]
                if grouped
                else f.words["groups_lower"].get(item.group, item.group),
                "polarity": "+" if item.polarity == "+" else "\u2212",
                "intensity": f.number(intensity),
                "criteria": f.t(
                    "; ".join(
                        f"{weights[c].label} ({f.number(Decimal(str(weights[c].weight)))})"
                        for c in contribution.criteria
                    )
                ),
                "signed": _signed(signed_sum, f),
                "weight": f.number(weight_sum),
            }
        )
    condition = f.words["conditions"][k][0]
    served = [c.label for c in e.grid.criteria if k in c.conditions]
    if len(rows) <= WORKED_FORMULA_TERMS:
        signed = " ".join(
            (
                row["signed"]
                if i == 0
                else row["signed"].replace("+", "+ ").replace("\u2212", "\u2212 ")
            )
            for i, row in enumerate(rows)
        )
        unsigned = " + ".join(row["weight"] for row in rows)
    else:  # the sums of the table's two last columns
        signed = f.words["worked_column_sum"].format(column="p × i × w")
        unsigned = f.words["worked_column_sum"].format(column="i × w")
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
        count=f.number(len(number.items)),
    )
    if grouped:
        intro += " " + f.words["worked_grouped"].format(rows=f.number(len(rows)))
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
