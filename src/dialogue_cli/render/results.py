"""The computed results of one project, each computed once and only when a document needs it.

Documents consume these results (scores, map, plan, quote, feedback counts and verbatims, chart
pictures) and never recompute them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..charts.style import GANTT_WIDTH_MM, HEATMAP_WIDTH_MM, MAP_WIDTH_MM
from ..planning.timeline import document_date
from .chart_cache import _nothing, _warm_up_matplotlib, cached_chart, is_cached

if TYPE_CHECKING:
    from ..analysis.decisions import Trail
    from ..analysis.explain import Explained
    from ..analysis.scoring import ScenarioScore, ScoreReport
    from ..analysis.stakeholder_map import StakeholderMap
    from ..engagement.feedback import Feedback
    from ..engagement.loader import Project
    from ..engagement.model import Engagement
    from ..planning.plan import Plan
    from ..planning.timeline import Timeline
    from ..pricing.quote import Quote

VERBATIMS_PER_SCENARIO = 6


# Each chart is drawn at the width it is printed at (charts.style): its sizes are paper sizes.
CHART_WIDTH_MM = MAP_WIDTH_MM


@dataclass(frozen=True)
class Picture:
    """A PNG to insert at a fixed width (millimetres), with the words of what it shows.

    ``description`` is its alternative text (:mod:`.alt_text`): Word's ``descr``, the PDF's
    ``/Alt``.
    """

    data: bytes
    width_mm: int
    name: str
    description: str = ""

    def __bool__(self) -> bool:
        return bool(self.data)


@dataclass
class WorkshopCounts:
    """Feedback counted per workshop while the scores are computed (one pass over the items)."""

    positive: int = 0
    negative: int = 0
    questions: int = 0
    ideas: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.negative + self.questions + self.ideas


@dataclass
class FeedbackDigest:
    """What the documents need from the feedback beyond the scores: counts and chosen verbatims.

    Holds no author: verbatims keep only their text, group, scenario, polarity and intensity.
    """

    counts: dict[str, WorkshopCounts] = field(default_factory=dict)
    verbatims: dict[str, list[tuple[int, int, str, str, str]]] = field(default_factory=dict)
    _order: int = 0

    def add(self, item: Feedback) -> None:
        counts = self.counts.setdefault(item.workshop, WorkshopCounts())
        if item.polarity == "+":
            counts.positive += 1
        elif item.polarity == "-":
            counts.negative += 1
        elif item.polarity == "?":
            counts.questions += 1
        else:
            counts.ideas += 1
        if not item.text.strip():
            return
        self._order += 1
        chosen = self.verbatims.setdefault(item.scenario, [])
        # Keep the most intense items; among equals, the first ones read. Bounded per scenario.
        entry = (item.intensity, -self._order, item.text, item.group, item.polarity)
        if len(chosen) < 4 * VERBATIMS_PER_SCENARIO:
            chosen.append(entry)
        else:
            weakest = min(range(len(chosen)), key=lambda i: chosen[i][:2])
            if entry[:2] > chosen[weakest][:2]:
                chosen[weakest] = entry

    def selected(
        self, scenario: str, limit: int, groups: Iterable[str] | None = None
    ) -> list[tuple[str, str, str]]:
        """Up to ``limit`` verbatims (text, group, polarity): the most intense, spread over groups and polarities."""
        pool = [
            v for v in self.verbatims.get(scenario, []) if groups is None or v[3] in set(groups)
        ]
        pool.sort(key=lambda v: (-v[0], -v[1]))
        picked: list[tuple[int, int, str, str, str]] = []
        seen: set[tuple[str, str]] = set()
        for entry in pool:  # first pass: one per (group, polarity)
            if (entry[3], entry[4]) not in seen and len(picked) < limit:
                picked.append(entry)
                seen.add((entry[3], entry[4]))
        for entry in pool:
            if entry not in picked and len(picked) < limit:
                picked.append(entry)
        picked.sort(key=lambda v: -v[1])
        return [(text, group, polarity) for _i, _o, text, group, polarity in picked]


@dataclass(frozen=True)
class Participation:
    """The workshops' figures: the creativity session counts only once its phase is done."""

    workshops: int
    participants: int
    contributions: int
    creativity_done: bool
    creativity_participants: int
    creativity_date: dt.date | None


@dataclass(frozen=True)
class WorkedExample:
    """The score the ROI kit recomputes by hand: one condition of one option, with its items."""

    scenario: ScenarioScore
    condition: str
    number: Explained


# The worked example lists its items in a table: beyond this many, another score is chosen.
WORKED_EXAMPLE_MAX_ITEMS = 12


class Results:
    """The computed results of one project, each computed once and only when a document needs it.

    ``today`` is the document date (:func:`document_date`): every document is dated and worded
    from it, never from the machine's clock once the engagement or ``--date`` sets it.
    """

    def __init__(
        self, project: Project, today: dt.date | None = None, cache: Path | None = None
    ) -> None:
        self.project = project
        self.engagement: Engagement = project.engagement
        self.today = document_date(project, today)
        self.cache = cache

    @cached_property
    def logo(self) -> Picture | str:
        """The brand's logo, checked once for every document; an empty string when there is none.

        Raises:
            LocatedError: the file is missing or not a picture Word can show (at ``brand.logo``).
        """
        relative = self.engagement.brand.logo
        if not relative:
            return ""
        from .alt_text import describe_logo

        e = self.engagement
        brand = e.brand.name or e.consultant.company or e.consultant.name
        description = describe_logo(brand, e.language)
        return Picture(_logo_bytes(self.project, relative), 40, "logo", description)

    @cached_property
    def participation(self) -> Participation:
        """Who took part, counted once for every document that says it."""
        e = self.engagement
        creativity = e.creativity
        return Participation(
            workshops=len(e.workshops),
            participants=sum(w.participants for w in e.workshops),
            contributions=sum(c.total for c in self.digest.counts.values()),
            creativity_done=self.timeline.done("creativite"),
            creativity_participants=creativity.participants,
            creativity_date=creativity.date,
        )

    @cached_property
    def quote(self) -> Quote:
        from ..pricing.quote import build_quote

        # The quote keeps its own date (pricing.date); an undated one takes the document date.
        return build_quote(self.project, self.engagement.pricing.date or self.today)

    @cached_property
    def timeline(self) -> Timeline:
        """Each phase and event done, under way or to come at the document date."""
        from ..planning.timeline import build_timeline

        return build_timeline(self.engagement, self.plan, self.today)

    @cached_property
    def decisions(self) -> Trail:
        """The path of each solution from the options it answers to the decision on it."""
        from ..analysis.decisions import trail

        return trail(self.engagement, self.scores)

    @cached_property
    def worked_example(self) -> WorkedExample | None:
        """The score the ROI kit explains item by item; None when nothing is scored.

        The lowest condition score of the first-ranked option, which decides its verdict,
        when it rests on at most :data:`WORKED_EXAMPLE_MAX_ITEMS` items; otherwise the known
        condition score with the fewest items (the first in rank order among equals).
        """
        from ..analysis.explain import explain
        from ..analysis.scoring import CONDITIONS

        known = [
            (s, k, s.conditions[k])
            for s in self.scores.options
            for k in CONDITIONS
            if s.conditions[k].score is not None
        ]
        if not known:
            return None
        first = [entry for entry in known if entry[0] is known[0][0]]
        scenario, condition, cell = min(first, key=lambda e: e[2].shown or 0.0)
        if cell.count > WORKED_EXAMPLE_MAX_ITEMS:
            scenario, condition, cell = min(known, key=lambda e: e[2].count)
        explanation = explain(self.engagement, self.scores, scenario.id, self.project.feedback())
        return WorkedExample(scenario, condition, explanation.conditions[condition])

    @cached_property
    def map(self) -> StakeholderMap:
        from ..analysis.stakeholder_map import build_map

        return build_map(self.engagement)

    @cached_property
    def _scored(self) -> tuple[ScoreReport, FeedbackDigest]:
        from ..analysis.scoring import Accumulator

        accumulator = Accumulator(self.engagement)
        digest = FeedbackDigest()
        for item in self.project.feedback():
            accumulator.add(item)
            digest.add(item)
        return accumulator.report(), digest

    @property
    def scores(self) -> ScoreReport:
        return self._scored[0]

    @property
    def digest(self) -> FeedbackDigest:
        return self._scored[1]

    @cached_property
    def plan(self) -> Plan:
        from ..planning.plan import build_plan

        return build_plan(self.engagement, today=self.today)

    def _chart(self, kind: str) -> tuple[str, Callable[[], bytes]] | None:
        """The inputs (the cache key) and the drawing of a chart; None when it has nothing to show."""
        import json

        title, language = self.engagement.engagement.title, self.engagement.language
        if kind == "gantt":
            plan = self.plan
            if all(p.empty for p in plan.phases) and not plan.events:
                return None

            def draw_gantt() -> bytes:
                from ..charts.gantt import draw_gantt

                return bytes(draw_gantt(plan, title, language, fmt="png", dpi=200))

            inputs = json.dumps([plan.to_json(), title, language], sort_keys=True, default=str)
            return inputs, draw_gantt
        if kind == "map":
            if not self.engagement.stakeholders:
                return None
            smap = self.map

            def draw_map() -> bytes:
                from ..charts.stakeholder_chart import draw_map

                return bytes(draw_map(smap, title, language, fmt="png", dpi=200))

            inputs = json.dumps([smap.to_json(), title, language], sort_keys=True, default=str)
            return inputs, draw_map
        scores = self.scores
        if not scores.options:  # nothing scored yet: the tables say so
            return None

        def draw_heatmap() -> bytes:
            from ..charts.heatmap import draw_heatmap

            return bytes(draw_heatmap(scores, language, fmt="png", dpi=200))

        return json.dumps([scores.to_json(), language], sort_keys=True, default=str), draw_heatmap

    def _picture(self, kind: str, width: int) -> Picture:
        spec = self._chart(kind)
        if spec is None:
            return Picture(b"", width, kind)
        inputs, draw = spec
        data = cached_chart(kind, inputs, draw, self.cache)
        return Picture(data, width, kind, self.describe(kind))

    def describe(self, kind: str) -> str:
        """The alternative text of chart ``kind`` (``map``, ``heatmap``, ``gantt``)."""
        from . import alt_text

        language = self.engagement.language
        if kind == "map":
            return alt_text.describe_map(self.map, language)
        if kind == "heatmap":
            return alt_text.describe_heatmap(self.scores, language)
        return alt_text.describe_gantt(self.plan, language)

    @cached_property
    def gantt_picture(self) -> Picture:
        return self._picture("gantt", GANTT_WIDTH_MM)

    @cached_property
    def map_picture(self) -> Picture:
        return self._picture("map", CHART_WIDTH_MM)

    @cached_property
    def heatmap_picture(self) -> Picture:
        return self._picture("heatmap", HEATMAP_WIDTH_MM)

    def prefetch_charts(self, kinds: Sequence[str]) -> Callable[[], None]:
        """Start drawing the charts missing from the cache on both cores; return a ``join``.

        A cold render spends most of its time in matplotlib, which uses one core. The first
        missing chart is drawn here; the others are drawn into the cache by a forked child while
        the caller renders the documents that show no chart. ``join()`` waits for the child (call
        it before using any picture). Anything that goes wrong in the child only costs time: the
        pictures are then drawn here as usual.
        """
        cache = self.cache
        if cache is None or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            return _nothing
        missing = []
        for kind in kinds:
            spec = self._chart(kind)
            if spec is not None and not is_cached(kind, spec[0], cache):
                missing.append((kind, *spec))
        if len(missing) < 2:
            return _nothing
        _warm_up_matplotlib()  # once, before the fork: both processes start warm
        from ..common.termination import register, reset_in_child, unregister

        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child draws all but the first, into the cache, then leaves
            code = 0
            try:
                # Dies with its parent, even after a kill -9 (Linux); default signal handling.
                reset_in_child(parent)
                for kind, inputs, draw in missing[1:]:
                    cached_chart(kind, inputs, draw, cache)
            except BaseException:
                code = 1
            finally:
                os._exit(code)

        def kill() -> None:
            # A signal stops the run: the child goes first (its pictures are only a cache).
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)

        key = register(kill)
        waited = False

        def join() -> None:
            nonlocal waited
            if not waited:
                waited = True
                try:
                    os.waitpid(pid, 0)
                except BaseException:  # interrupted while waiting: never leave the child behind
                    kill()
                    with contextlib.suppress(ChildProcessError):
                        os.waitpid(pid, 0)
                    raise
                finally:
                    unregister(key)

        kind, inputs, draw = missing[0]
        try:
            cached_chart(kind, inputs, draw, cache)
        except BaseException:
            kill()
            join()
            raise
        return join


# Picture formats Word and python-docx accept (no SVG), by their first bytes.
_PICTURE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)


LOGO_UNREADABLE = "not a readable picture (PNG, JPEG, GIF, BMP or TIFF)"


def _logo_bytes(project: Project, relative: str) -> bytes:
    """The logo's bytes, parsed as Word will (python-docx's image reader) before any render."""
    return picture_bytes(project, relative, ("brand", "logo"))


def picture_bytes(project: Project, relative: str, loc: tuple[int | str, ...]) -> bytes:
    """A picture's bytes (the logo, a scenario's picture), parsed as Word and PowerPoint will
    (python-docx's image reader) before any render; a problem is located at ``loc``."""
    from ..common.errors import FileProblem
    from ..common.files import read_bytes
    from ..engagement.locate import located_error

    path = project.base_dir / relative
    try:
        # A regular file within the picture cap: a FIFO would block, /dev/zero fill the memory.
        data = read_bytes(path, relative, "picture")
    except FileProblem as error:
        what = str(error).removeprefix(f"{relative}: ")
        what = "not found" if what == "no such file" else what
        raise located_error(project, [(loc, f"cannot read {relative}: {what}")]) from None
    if data.startswith(_PICTURE_MAGIC):
        from docx.image.image import Image

        try:
            Image.from_blob(data)
        except Exception:  # any parser error: Word could not show it either
            pass
        else:
            return data
    raise located_error(project, [(loc, f"{relative}: {LOGO_UNREADABLE}")])
