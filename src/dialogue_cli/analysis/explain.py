"""Why a scenario scored what it did: each item's contribution to a group's score (`score --explain`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .scoring import CONDITIONS, GROUPS, Cell, ScenarioScore, ScoreReport, Weights

if TYPE_CHECKING:
    from ..engagement.feedback import Feedback
    from ..engagement.model import Engagement


class Contribution(NamedTuple):
    """One item's share of a number: its signed and unsigned weight on the cell's criteria."""

    item: Feedback
    signed: float
    weight: float
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class Explained:
    """One number of a scenario: its fraction, as the report computed it, and its items."""

    cell: Cell
    items: tuple[Contribution, ...]

    @property
    def numerator(self) -> float:
        """The sum of p·i·w over the items."""
        return self.cell.numerator

    @property
    def denominator(self) -> float:
        """The sum of i·w over the items."""
        return self.cell.denominator

    @property
    def shown(self) -> float | None:
        """``numerator / denominator`` rounded to 4 decimals, ``None`` without items."""
        return self.cell.shown


@dataclass(frozen=True)
class Explanation:
    """The items behind each number of one scenario, in the order they were read."""

    scenario: ScenarioScore
    groups: Mapping[str, Explained]
    conditions: Mapping[str, Explained]
    criteria: Mapping[str, Mapping[str, Explained]]
    questions: tuple[Feedback, ...]
    ideas: tuple[Feedback, ...]
    unclassified: tuple[Feedback, ...]


def explain(
    engagement: Engagement, report: ScoreReport, scenario_id: str, items: Iterable[Feedback]
) -> Explanation:
    """Match the items of ``scenario_id`` (a second pass over the feedback) to its numbers.

    Each item's weights come from :meth:`Weights.share`, as in the :class:`Accumulator`; each
    fraction is the report's own, so the explanation cannot disagree with the scores.
    """
    scenario = report.scenario(scenario_id)
    weights = Weights(engagement)
    groups: dict[str, list[Contribution]] = {g: [] for g in GROUPS}
    conditions: dict[str, list[Contribution]] = {k: [] for k in CONDITIONS}
    criteria: dict[str, dict[str, list[Contribution]]] = {
        c: {g: [] for g in GROUPS} for c in report.criteria
    }
    questions, ideas, unclassified = [], [], []
    for item in items:
        if item.scenario != scenario_id:
            continue
        if item.polarity == "?":
            questions.append(item)
            continue
        if item.polarity == "idee":
            ideas.append(item)
            continue
        if not item.criteria:
            unclassified.append(item)
            continue
        sign = 1 if item.polarity == "+" else -1
        share = weights.share(item.intensity, item.criteria)
        groups[item.group].append(
            Contribution(item, sign * share.total, share.total, item.criteria)
        )
        for crit, weight in share.criteria:
            criteria[crit][item.group].append(Contribution(item, sign * weight, weight, (crit,)))
        for condition, (weight, crits) in share.conditions.items():
            conditions[condition].append(Contribution(item, sign * weight, weight, crits))
    return Explanation(
        scenario,
        {g: Explained(scenario.groups[g], tuple(v)) for g, v in groups.items()},
        {k: Explained(scenario.conditions[k], tuple(v)) for k, v in conditions.items()},
        {
            c: {g: Explained(scenario.criteria[c][g], tuple(v)) for g, v in cells.items()}
            for c, cells in criteria.items()
        },
        tuple(questions),
        tuple(ideas),
        tuple(unclassified),
    )
