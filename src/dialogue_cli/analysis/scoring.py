"""Score workshop feedback against the analysis grid: group, condition and overall scores, options.

The method (``docs/scoring.md``), for a feedback item with polarity p (+1 or -1), intensity i and
criteria C, each criterion c weighing w_c:

- S(s, g): sum of p*i*w_c over the items of group g on scenario s and their criteria, divided
  by the same sum of i*w_c. In [-1, 1]; ``None`` when no item is scored.
- K(s, k): the same ratio over every group's items on s, restricted to the criteria whose
  conditions include k (elus, services, citoyens).
- O(s): mean of the non-null group scores; D(s): their max minus their min (two or more).
- viable(s): every K(s, k) is known and at least ``grid.threshold``.
- a group or condition score resting on fewer than ``grid.min_items`` scored items is weak
  evidence: shown with its count and marked, never hidden, never blocking by itself.

Only ``+`` and ``-`` items with at least one criterion are scored; questions (``?``) and ideas
(``idee``) are counted and listed; ``+``/``-`` items without criteria are "unclassified".

Feedback is consumed as a stream: the :class:`Accumulator` keeps, per distinct
(scenario, group, polarity, intensity, criteria) combination, the ids of the items, so a million
rows cost a few dicts and one id per item, and every number traces back to its items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..engagement.feedback import Feedback
    from ..engagement.loader import Project
    from ..engagement.model import Engagement

GROUPS = ("elus", "citoyens", "services")
CONDITIONS = ("elus", "services", "citoyens")
TENSION_GAP = 1.0
DIGITS = 4

Key = tuple[str, str, str, int, tuple[str, ...]]


def rounded(value: float | None) -> float | None:
    """``value`` rounded to 4 decimals (never ``-0.0``), or ``None``."""
    if value is None:
        return None
    result = round(value, DIGITS)
    return 0.0 if result == 0 else result


@dataclass(frozen=True)
class Cell:
    """One net score and the scored items behind it.

    ``score`` is ``numerator / denominator`` (``None`` without items); ``items`` are feedback ids.
    """

    numerator: float = 0.0
    denominator: float = 0.0
    positive: int = 0
    negative: int = 0
    # The ids, as (list, length) pairs of the accumulator's lists (one per polarity, intensity
    # and criteria): shared, not copied, so that a report on a million rows costs no more than
    # its aggregates; the length keeps a report exact if the accumulator goes on afterwards.
    sources: tuple[tuple[Sequence[str], int], ...] = field(default=(), repr=False)

    @property
    def items(self) -> tuple[str, ...]:
        """The ids of the feedback items behind this number."""
        return tuple(chain.from_iterable(ids[:count] for ids, count in self.sources))

    @property
    def score(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def count(self) -> int:
        """How many scored items the number rests on (an item with two criteria counts once)."""
        return self.positive + self.negative

    @property
    def shown(self) -> float | None:
        """The score as displayed and compared: rounded to 4 decimals."""
        return rounded(self.score)


@dataclass(frozen=True)
class GroupScore(Cell):
    """A group's score on a scenario, with its questions and ideas counted beside it."""

    questions: int = 0
    ideas: int = 0


class Remark(NamedTuple):
    """A question (``?``) or an idea (``idee``): listed for the FAQ and the creativity session.

    The author is not here on purpose: it lives in :attr:`ScoreReport.authors`, so that a
    renderer passing remarks to a document cannot leak it by accident.
    """

    id: str
    scenario: str
    workshop: str
    group: str
    kind: str
    intensity: int
    criteria: tuple[str, ...]
    theme: str
    text: str


@dataclass(frozen=True)
class ScenarioScore:
    """Every number of one scenario, and what they rest on."""

    id: str
    title: str
    transversal: bool
    rank: int | None
    groups: Mapping[str, GroupScore]
    conditions: Mapping[str, Cell]
    criteria: Mapping[str, Mapping[str, Cell]]
    overall: float | None
    divergence: float | None
    viable: bool
    blocking: tuple[str, ...]
    # The raw records of the questions and ideas: turned into remarks only when asked for.
    question_items: tuple[Feedback, ...] = field(default=(), repr=False)
    idea_items: tuple[Feedback, ...] = field(default=(), repr=False)
    unclassified: tuple[str, ...] = ()
    # grid.min_items: a score resting on fewer scored items is weak evidence.
    min_items: int = 3

    def weak(self, cell: Cell) -> bool:
        """Whether ``cell`` is known but rests on fewer than ``min_items`` scored items."""
        return cell.score is not None and cell.count < self.min_items

    @property
    def weak_groups(self) -> tuple[str, ...]:
        """The groups whose score is weak evidence, in the order of :data:`GROUPS`."""
        return tuple(g for g, cell in self.groups.items() if self.weak(cell))

    @property
    def weak_conditions(self) -> tuple[str, ...]:
        """The conditions whose score is weak evidence, in the order of :data:`CONDITIONS`."""
        return tuple(k for k, cell in self.conditions.items() if self.weak(cell))

    @cached_property
    def questions(self) -> tuple[Remark, ...]:
        """The questions (``?``) on this scenario, in the order they were read."""
        return tuple(_remark(item) for item in self.question_items)

    @cached_property
    def ideas(self) -> tuple[Remark, ...]:
        """The ideas (``idee``) on this scenario, in the order they were read."""
        return tuple(_remark(item) for item in self.idea_items)

    def to_json(self) -> dict[str, Any]:
        """The scenario in the shape of ``dialogue score --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "transversal": self.transversal,
            "rank": self.rank,
            "overall": rounded(self.overall),
            "divergence": rounded(self.divergence),
            "viable": self.viable,
            "blocking": list(self.blocking),
            "groups": {
                group: {
                    "score": cell.shown,
                    "positive": cell.positive,
                    "negative": cell.negative,
                    "questions": cell.questions,
                    "ideas": cell.ideas,
                    "items": cell.count,
                    "weak": self.weak(cell),
                }
                for group, cell in self.groups.items()
            },
            "conditions": {k: cell.shown for k, cell in self.conditions.items()},
            "condition_items": {k: cell.count for k, cell in self.conditions.items()},
            "weak_conditions": list(self.weak_conditions),
            "criteria": {
                crit: {group: cell.shown for group, cell in cells.items()}
                for crit, cells in self.criteria.items()
            },
            "unclassified": len(self.unclassified),
        }


@dataclass(frozen=True)
class Tension:
    """Two groups that disagree on a scenario by more than :data:`TENSION_GAP`."""

    scenario: str
    title: str
    high_group: str
    high: float
    low_group: str
    low: float

    @property
    def gap(self) -> float:
        return round(self.high - self.low, DIGITS)


@dataclass(frozen=True)
class ScoreReport:
    """The scores of every scenario, the ranked options and the points of tension.

    ``scenarios`` holds the ranked options first (rank 1, 2, ...), then the transversal
    scenarios (rank ``None``) in the order of the engagement.
    """

    threshold: float
    scenarios: tuple[ScenarioScore, ...]
    tensions: tuple[Tension, ...]
    unclassified: int
    criteria: tuple[str, ...]
    min_items: int = 3

    @property
    def options(self) -> tuple[ScenarioScore, ...]:
        """The non-transversal scenarios, in rank order."""
        return tuple(s for s in self.scenarios if s.rank is not None)

    def scenario(self, scenario_id: str) -> ScenarioScore:
        """The scores of one scenario; ``KeyError`` when there is no such scenario."""
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)

    @cached_property
    def authors(self) -> Mapping[str, str]:
        """Who asked each question and gave each idea (id -> author), when it is known."""
        return {
            item.id: item.author
            for s in self.scenarios
            for item in (*s.question_items, *s.idea_items)
            if item.author
        }

    @property
    def questions(self) -> tuple[Remark, ...]:
        """Every question, scenario by scenario (for the FAQ of the communication kits)."""
        return tuple(r for s in self.scenarios for r in s.questions)

    @property
    def ideas(self) -> tuple[Remark, ...]:
        """Every idea, scenario by scenario (for the creativity session)."""
        return tuple(r for s in self.scenarios for r in s.ideas)

    def to_json(self) -> dict[str, Any]:
        """The report in the shape of ``dialogue score --json`` (scores rounded to 4 decimals).

        ``scenarios`` lists the ranked options; the transversal scenarios, scored the same way
        but not options, are under ``transversal``.
        """
        return {
            "threshold": self.threshold,
            "min_items": self.min_items,
            "unclassified": self.unclassified,
            "scenarios": [s.to_json() for s in self.options],
            "transversal": [s.to_json() for s in self.scenarios if s.rank is None],
            "tensions": [
                {
                    "scenario": t.scenario,
                    "groups": [t.high_group, t.low_group],
                    "scores": [t.high, t.low],
                    "gap": t.gap,
                }
                for t in self.tensions
            ],
        }


class _Sum:
    """A cell being built: numerator, denominator, counts and item ids."""

    __slots__ = ("den", "ids", "neg", "num", "pos")

    def __init__(self) -> None:
        self.num = 0.0
        self.den = 0.0
        self.pos = 0
        self.neg = 0
        self.ids: list[tuple[list[str], int]] = []

    def add(self, sign: int, weight: float, ids: list[str]) -> None:
        """Add ``len(ids)`` items of the same polarity whose summed i*w_c is ``weight`` each."""
        count = len(ids)
        self.num += sign * weight * count
        self.den += weight * count
        if sign > 0:
            self.pos += count
        else:
            self.neg += count
        self.ids.append((ids, count))

    def cell(self) -> Cell:
        return Cell(self.num, self.den, self.pos, self.neg, tuple(self.ids))


class Share(NamedTuple):
    """The weights i·w_c of one item (or bucket of alike items), split as the method needs them.

    ``total`` is over all its criteria; ``criteria`` gives each criterion's weight; ``conditions``
    gives, per condition, the summed weight and the criteria serving it.
    """

    total: float
    criteria: tuple[tuple[str, float], ...]
    conditions: Mapping[str, tuple[float, tuple[str, ...]]]


class Weights:
    """The grid's weights and conditions: the one place an item's weights are computed."""

    def __init__(self, engagement: Engagement) -> None:
        self.weights = {c.id: float(c.weight) for c in engagement.grid.criteria}
        self.conditions: dict[str, tuple[str, ...]] = {
            c.id: tuple(c.conditions) for c in engagement.grid.criteria
        }

    def share(self, intensity: int, criteria: tuple[str, ...]) -> Share:
        """Split the weight of an item of ``intensity`` on ``criteria``.

        Example:
            With M (weight 2, elus) and X (weight 1, elus and services), intensity 2 on
            ``("M", "X")`` gives total 6, criteria ``(("M", 4), ("X", 2))`` and conditions
            ``{"elus": (6, ("M", "X")), "services": (2, ("X",))}``.
        """
        total = 0.0
        per_criterion = []
        per_condition: dict[str, tuple[float, tuple[str, ...]]] = {}
        for crit in criteria:
            weight = intensity * self.weights[crit]
            total += weight
            per_criterion.append((crit, weight))
            for k in self.conditions[crit]:
                before, crits = per_condition.get(k, (0.0, ()))
                per_condition[k] = (before + weight, (*crits, crit))
        return Share(total, tuple(per_criterion), per_condition)


class Accumulator:
    """Streams feedback records into the aggregates that :func:`score` needs.

    Example:
        >>> acc = Accumulator(engagement)
        >>> acc.consume(project.feedback())
        >>> report = acc.report()
    """

    def __init__(self, engagement: Engagement) -> None:
        self.engagement = engagement
        self.weights = Weights(engagement)
        # (scenario, group, polarity, intensity, criteria) -> ids, for + and - items.
        self.buckets: dict[Key, list[str]] = {}
        self.remarks: list[Feedback] = []  # questions and ideas
        self.unclassified: list[tuple[str, str]] = []

    def add(self, item: Feedback) -> None:
        """Take one feedback item into account."""
        self.consume((item,))

    def consume(self, items: Iterable[Feedback]) -> Accumulator:
        """Take every item of ``items`` into account, one at a time; return ``self``."""
        buckets = self.buckets
        remarks = self.remarks.append
        unclassified = self.unclassified.append
        for item in items:
            item_id, _w, group, scenario, polarity, intensity, criteria, _t, _x, _a, _s, _p = item
            if polarity == "+" or polarity == "-":
                if not criteria:
                    unclassified((scenario, item_id))
                    continue
                key = (scenario, group, polarity, intensity, criteria)
                ids = buckets.get(key)
                if ids is None:
                    buckets[key] = ids = []
                ids.append(item_id)
            else:
                remarks(item)
        return self

    def report(self) -> ScoreReport:
        """The scores, ranking and tension points of everything consumed so far."""
        engagement = self.engagement
        scenario_ids = [s.id for s in engagement.scenarios]
        crit_ids = [c.id for c in engagement.grid.criteria]
        group_sums = {(s, g): _Sum() for s in scenario_ids for g in GROUPS}
        cond_sums = {(s, k): _Sum() for s in scenario_ids for k in CONDITIONS}
        crit_sums = {(s, c, g): _Sum() for s in scenario_ids for c in crit_ids for g in GROUPS}
        for (s_id, group, polarity, intensity, crits), ids in self.buckets.items():
            sign = 1 if polarity == "+" else -1
            share = self.weights.share(intensity, crits)
            for crit, weight in share.criteria:
                crit_sums[s_id, crit, group].add(sign, weight, ids)
            group_sums[s_id, group].add(sign, share.total, ids)
            for k, (weight, _crits) in share.conditions.items():
                cond_sums[s_id, k].add(sign, weight, ids)

        remarks: dict[tuple[str, str], list[Feedback]] = {}
        remark_counts: dict[tuple[str, str, str], int] = {}
        for remark in self.remarks:
            remarks.setdefault((remark.scenario, remark.polarity), []).append(remark)
            count_key = (remark.scenario, remark.group, remark.polarity)
            remark_counts[count_key] = remark_counts.get(count_key, 0) + 1
        unclassified: dict[str, list[str]] = {}
        for scenario_id, item_id in self.unclassified:
            unclassified.setdefault(scenario_id, []).append(item_id)

        threshold = float(engagement.grid.threshold)
        scored: list[ScenarioScore] = []
        for scenario in engagement.scenarios:
            s = scenario.id
            groups = {}
            for g in GROUPS:
                base = group_sums[s, g]
                groups[g] = GroupScore(
                    base.num,
                    base.den,
                    base.pos,
                    base.neg,
                    tuple(base.ids),
                    remark_counts.get((s, g, "?"), 0),
                    remark_counts.get((s, g, "idee"), 0),
                )
            conditions = {k: cond_sums[s, k].cell() for k in CONDITIONS}
            criteria = {c: {g: crit_sums[s, c, g].cell() for g in GROUPS} for c in crit_ids}
            known = [cell.score for cell in groups.values() if cell.score is not None]
            overall = sum(known) / len(known) if known else None
            divergence = max(known) - min(known) if len(known) >= 2 else None
            blocking = tuple(
                k for k, cell in conditions.items() if cell.shown is None or cell.shown < threshold
            )
            scored.append(
                ScenarioScore(
                    id=s,
                    title=scenario.title,
                    transversal=scenario.transversal,
                    rank=None,
                    groups=groups,
                    conditions=conditions,
                    criteria=criteria,
                    overall=overall,
                    divergence=divergence,
                    viable=not blocking,
                    blocking=blocking,
                    question_items=tuple(remarks.get((s, "?"), ())),
                    idea_items=tuple(remarks.get((s, "idee"), ())),
                    unclassified=tuple(unclassified.get(s, ())),
                    min_items=engagement.grid.min_items,
                )
            )
        ranked = rank(scored)
        return ScoreReport(
            threshold=threshold,
            scenarios=tuple(ranked),
            tensions=tensions(ranked),
            unclassified=len(self.unclassified),
            criteria=tuple(crit_ids),
            min_items=engagement.grid.min_items,
        )


def _remark(item: Feedback) -> Remark:
    return Remark(
        item.id,
        item.scenario,
        item.workshop,
        item.group,
        item.polarity,
        item.intensity,
        item.criteria,
        item.theme,
        item.text,
    )


def rank(scenarios: Iterable[ScenarioScore]) -> list[ScenarioScore]:
    """Options ranked viable first, then overall descending, divergence ascending, then id.

    Scores are compared as displayed (4 decimals); an unknown overall or divergence comes
    last. Transversal scenarios are not options: they follow, unranked, in their given order.
    """
    from dataclasses import replace

    items = list(scenarios)
    options = [s for s in items if not s.transversal]

    def key(s: ScenarioScore) -> tuple[bool, float, float, str]:
        overall = rounded(s.overall)
        divergence = rounded(s.divergence)
        return (
            not s.viable,
            -overall if overall is not None else float("inf"),
            divergence if divergence is not None else float("inf"),
            s.id,
        )

    ordered = [replace(s, rank=n) for n, s in enumerate(sorted(options, key=key), start=1)]
    return ordered + [replace(s, rank=None) for s in items if s.transversal]


def tensions(scenarios: Iterable[ScenarioScore]) -> tuple[Tension, ...]:
    """Scenarios (transversal ones included) where two groups' scores differ by more than 1.0."""
    out = []
    for scenario in scenarios:
        known = [(g, c.shown) for g, c in scenario.groups.items() if c.shown is not None]
        if len(known) < 2:
            continue
        high_group, high = max(known, key=lambda pair: pair[1])
        low_group, low = min(known, key=lambda pair: pair[1])
        if round(high - low, DIGITS) > TENSION_GAP:
            out.append(Tension(scenario.id, scenario.title, high_group, high, low_group, low))
    return tuple(out)


def score(engagement: Engagement, items: Iterable[Feedback]) -> ScoreReport:
    """Score ``items`` (any iterable, consumed once) against the engagement's grid."""
    return Accumulator(engagement).consume(items).report()


def score_project(project: Project) -> ScoreReport:
    """Score every feedback item of a loaded project, inline and from files, streaming."""
    with relaxed_gc():
        return score(project.engagement, project.feedback())


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Collect garbage less often while streaming: the records die young, the cycles are few.

    With the default thresholds, the collector walks the growing aggregates again and again
    (a third of the time on a million rows); see docs/scoring.md.
    """
    import gc

    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
