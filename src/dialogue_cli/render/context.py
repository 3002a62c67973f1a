"""The plain-data context of each deliverable, built from the engagement and computed results.

Every value is ready to print: money and dates through Babel, French typography, XML-illegal
characters removed. Templates place values and never compute. Pictures are :class:`Picture`
objects that the renderer turns into images bound to their document. The external document's
context is built from scratch without contacts, feedback authors or internal notes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalog import BY_NAME
from .client_names import in_text, sentence_start
from .environment import clean_text

if TYPE_CHECKING:
    from ..analysis.scoring import ScoreReport
    from ..analysis.stakeholder_map import StakeholderMap
    from ..engagement.feedback import Feedback
    from ..engagement.loader import Project
    from ..engagement.model import Engagement
    from ..planning.plan import Plan
    from ..pricing.quote import Quote

Context = dict[str, Any]
VERBATIMS_PER_SCENARIO = 6
SAID_PER_SOLUTION = 3
CHART_WIDTH_MM = 160
GANTT_WIDTH_MM = 170  # the whole text width of an A4 page with 2 cm margins: the chart is wide


@dataclass(frozen=True)
class Picture:
    """A PNG to insert at a fixed width (millimetres)."""

    data: bytes
    width_mm: int
    name: str

    def __bool__(self) -> bool:
        return bool(self.data)


# ---------------------------------------------------------------------- words per language

WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        "groups": {"elus": "Élus", "services": "Services", "citoyens": "Citoyens", "partenaires": "Partenaires"},
        "groups_lower": {"elus": "élus", "services": "services", "citoyens": "citoyens", "partenaires": "partenaires"},
        "workshop": {"elus": "Atelier des élus", "services": "Atelier des services", "citoyens": "Atelier des citoyens"},
        "creativity": "Séance de créativité",
        "kinds": {"commune": "Commune", "intercommunalite": "Intercommunalité", "departement": "Département",
                  "region": "Région", "autre": "Collectivité"},
        "inhabitants": "{n} habitants",
        "levels": {"informer": "Informer", "consulter": "Consulter", "concerter": "Concerter",
                   "coconstruire": "Co-construire", "codecider": "Co-décider"},
        "promises": {
            "informer": "Nous vous tiendrons informés, de façon claire et régulière.",
            "consulter": "Nous écouterons votre avis et vous dirons comment il a pesé sur la décision.",
            "concerter": "Nous travaillerons avec vous pour que vos préoccupations se retrouvent dans les options étudiées, "
                         "et vous dirons comment elles ont pesé.",
            "coconstruire": "Nous construirons les solutions avec vous et reprendrons vos recommandations autant que possible.",
            "codecider": "Nous mettrons en œuvre ce que vous déciderez, dans le cadre annoncé.",
        },
        "phases": {"cadrage": "Cadrage", "preparation": "Préparation", "ateliers": "Ateliers", "analyse": "Analyse",
                   "creativite": "Séance de créativité", "livrables": "Livrables"},
        "status": {"todo": "À venir", "doing": "En cours", "done": "Terminée"},
        "verdicts": {"+": "Favorable", "-": "Défavorable", "=": "Réservé"},
        "polarity": {"+": "positif", "-": "négatif", "?": "question", "idee": "idée"},
        "viable": "Viable",
        "blocked": "Non viable — {groups} sous le seuil",
        "tension": "{high} ({high_score}) et {low} ({low_score}) divergent nettement.",
        "and": " et ",
        "from_to": "du {start} au {end}",
        "from": "à partir du {start}",
        "until": "jusqu'au {end}",
        "midday": "{date} (midi)",
        "afternoon": "{date} (après-midi)",
        "to_be_set": "À fixer",
        "span": "Le dispositif se déroule du {start} au {end}, soit {working} jours ouvrés.",
        "total_match": "Les six phases représentent {planned} d'intervention, conformément au forfait de {package}.",
        "total_differ": "Les six phases représentent {planned} d'intervention, pour un forfait de {package}.",
        "day": "{n} jour", "days": "{n} jours", "month": "{n} mois", "months": "{n} mois", "year": "{n} an", "years": "{n} ans",
        "conditions": {
            "elus": ("Les élus gardent leur mandat", "Le dispositif laisse-t-il la décision aux élus, et dit-il clairement qui décide ?"),
            "services": ("Les services ne s'épuisent pas", "La charge de travail est-elle absorbable, pour des résultats exploitables ?"),
            "citoyens": ("Les citoyens s'y retrouvent", "Les participants reçoivent-ils une réponse, dans un délai annoncé, avec un effet visible ?"),
        },
        "summary": "{client} ouvre un dispositif de dialogue citoyen qui associe les habitants, les élus et les services. "
                   "Ce qui a été retenu : {solutions}.",
        "summary_none": "{client} ouvre un dispositif de dialogue citoyen qui associe les habitants, les élus et les services.",
        "capital": "{form} au capital de {capital}",
        "creativity_done": ", puis une séance de créativité avec {n} participants",
    },
    "en": {
        "groups": {"elus": "Elected members", "services": "Staff", "citoyens": "Citizens", "partenaires": "Partners"},
        "groups_lower": {"elus": "elected members", "services": "staff", "citoyens": "citizens", "partenaires": "partners"},
        "workshop": {"elus": "Elected members' workshop", "services": "Staff workshop", "citoyens": "Citizens' workshop"},
        "creativity": "Creativity session",
        "kinds": {"commune": "Municipality", "intercommunalite": "Inter-municipal body", "departement": "Département",
                  "region": "Region", "autre": "Public body"},
        "inhabitants": "{n} inhabitants",
        "levels": {"informer": "Inform", "consulter": "Consult", "concerter": "Involve",
                   "coconstruire": "Collaborate", "codecider": "Empower"},
        "promises": {
            "informer": "We will keep you informed.",
            "consulter": "We will listen to you and tell you how your input influenced the decision.",
            "concerter": "We will work with you so that your concerns are reflected in the options, and tell you how.",
            "coconstruire": "We will build the solutions with you and follow your advice as far as possible.",
            "codecider": "We will implement what you decide, within the stated framework.",
        },
        "phases": {"cadrage": "Scoping", "preparation": "Preparation", "ateliers": "Workshops", "analyse": "Analysis",
                   "creativite": "Creativity session", "livrables": "Deliverables"},
        "status": {"todo": "To do", "doing": "In progress", "done": "Done"},
        "verdicts": {"+": "Favourable", "-": "Unfavourable", "=": "Reserved"},
        "polarity": {"+": "positive", "-": "negative", "?": "question", "idee": "idea"},
        "viable": "Viable",
        "blocked": "Not viable — {groups} below the threshold",
        "tension": "{high} ({high_score}) and {low} ({low_score}) clearly disagree.",
        "and": " and ",
        "from_to": "from {start} to {end}",
        "from": "from {start}",
        "until": "until {end}",
        "midday": "{date} (midday)",
        "afternoon": "{date} (afternoon)",
        "to_be_set": "To be set",
        "span": "The scheme runs from {start} to {end}: {working} working days.",
        "total_match": "The six phases add up to {planned} of work, matching the package of {package}.",
        "total_differ": "The six phases add up to {planned} of work, for a package of {package}.",
        "day": "{n} day", "days": "{n} days", "month": "{n} month", "months": "{n} months", "year": "{n} year", "years": "{n} years",
        "conditions": {
            "elus": ("Elected members keep their mandate", "Does the scheme leave the decision to elected members and say who decides?"),
            "services": ("Staff are not exhausted", "Is the workload absorbable, for usable results?"),
            "citoyens": ("Citizens get something back", "Do participants get an answer, on time, with a visible effect?"),
        },
        "summary": "{client} is opening a citizen-dialogue scheme that brings residents, elected members and staff "
                   "together. What has been adopted: {solutions}.",
        "summary_none": "{client} is opening a citizen-dialogue scheme that brings residents, elected members and staff together.",
        "capital": "{form} with a share capital of {capital}",
        "creativity_done": ", then a creativity session with {n} participants",
    },
}  # fmt: skip

# One order for the three groups in every table, legend and chart (the heatmap's columns).
CONDITION_ORDER = ("elus", "citoyens", "services")


class Fmt:
    """Formatting in the engagement's language: text, money, dates, numbers, scores."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language == "en" else "fr"
        self.words = WORDS[self.language]

    def t(self, value: object) -> str:
        """Clean text for a document: XML-safe, line ends normalised, French typography."""
        if value is None:
            return ""
        text = clean_text(str(value)).strip()
        if self.language == "fr" and text:
            from ..common.formatting import french_spaces

            text = french_spaces(text)
        return text

    def money(self, amount: Decimal, currency: str = "EUR") -> str:
        from ..common.formatting import money

        return money(amount, self.language, currency)

    def date(self, value: dt.date | None) -> str:
        from ..common.formatting import date

        return date(value, self.language) if value else ""

    def number(self, value: Decimal | float | int, digits: int | None = None) -> str:
        from ..common.formatting import number

        return number(value, self.language, digits)

    def percent(self, value: Decimal | float | int) -> str:
        from ..common.formatting import percent

        return percent(value, self.language)

    def score(self, value: float | None) -> str:
        """A score in [-1, 1] with its sign: ``+0,42``, ``−0,25``, ``0,00``; an en dash when unknown."""
        if value is None:
            return "–"
        text = self.number(abs(value), 2)
        if round(value, 2) > 0:
            return "+" + text
        if round(value, 2) < 0:
            return "\u2212" + text
        return text

    def delay(self, days: int | None) -> str:
        if days is None:
            return ""
        w = self.words
        if days and days % 365 == 0:
            n = days // 365
            return str(w["year"] if n == 1 else w["years"]).format(n=n)
        if days >= 90 and days % 30 == 0:
            n = days // 30
            return str(w["month"] if n == 1 else w["months"]).format(n=n)
        return str(w["day"] if days == 1 else w["days"]).format(n=days)

    def dates(self, start: dt.date | None, end: dt.date | None) -> str:
        w = self.words
        if start and end:
            return str(w["from_to"]).format(start=self.date(start), end=self.date(end))
        if start:
            return str(w["from"]).format(start=self.date(start))
        if end:
            return str(w["until"]).format(end=self.date(end))
        return ""

    def day(self, value: dt.date | None) -> str:
        """A date with its weekday: ``mardi 2 février 2027``, ``Tuesday, 2 February 2027``."""
        from ..common.formatting import date

        return date(value, self.language, "full") if value else ""

    def half_day(self, value: dt.date, half: str, end: bool) -> str:
        """A phase's first or last day, with the half day when it is not the whole day.

        A phase that ends at midday (``end`` and ``am``) reads ``14 janvier 2027 (midi)``; one
        that starts in the afternoon (not ``end`` and ``pm``) ``10 mars 2027 (après-midi)``.
        """
        text = self.date(value)
        if end and half == "am":
            return str(self.words["midday"]).format(date=text)
        if not end and half == "pm":
            return str(self.words["afternoon"]).format(date=text)
        return text

    def days(self, value: Decimal) -> str:
        """``12 jours``, ``1 jour``, ``0,5 jour`` (French singular below 2); ``1 day``, ``2.5 days``."""
        one = value < 2 if self.language == "fr" else value == 1
        return str(self.words["day" if one else "days"]).format(n=self.number(value))

    def quoted(self, title: str) -> str:
        """A title quoted inside a sentence: « Panel citoyen » in French, “Citizens' panel” in English."""
        return f"« {title} »" if self.language == "fr" else f"\u201c{title}\u201d"

    def join(self, items: Iterable[str]) -> str:
        values = [item for item in items if item]
        if len(values) <= 1:
            return "".join(values)
        return ", ".join(values[:-1]) + str(self.words["and"]) + values[-1]

    def group(self, group: str | None) -> str:
        return str(self.words["groups"].get(group or "", group or ""))


# ---------------------------------------------------------------------- computed results


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


def chart_cache_dir() -> Path:
    """Where chart pictures are cached: ``$DIALOGUE_CACHE``, else the user's cache folder."""
    explicit = os.environ.get("DIALOGUE_CACHE")
    if explicit:
        return Path(explicit) / "charts"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dialogue" / "charts"


def cached_chart(kind: str, inputs: str, draw: Callable[[], bytes], cache: Path | None) -> bytes:
    """The PNG of a chart, from the cache when its inputs and the chart code are unchanged.

    Drawing a chart costs the pyplot import (about 0.5 s) plus about 0.2 s a picture; a render
    whose charts did not change skips both. The key covers the inputs and the chart modules'
    source, so a new version of the drawing code never reuses an old picture.
    """
    if cache is None:
        return draw()
    path = chart_path(kind, inputs, cache)
    try:
        cached = path.read_bytes()
    except OSError:
        cached = b""
    if is_complete_png(cached):
        return cached
    data = draw()  # not cached, or a damaged file (a full disk, a killed run): drawn again
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        temp.replace(path)
        old = sorted(cache.glob("*.png"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-64]:  # keep the cache small
            stale.unlink(missing_ok=True)
    except OSError:
        # A read-only or full cache only costs time; never leave a partial file behind.
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return data


def _nothing() -> None:
    """A ``join`` with nothing to wait for."""


def _warm_up_matplotlib() -> None:
    """Import matplotlib and load its fonts by drawing a tiny figure (the first draw is slow)."""
    from ..charts.style import new_figure, save

    figure = new_figure(1.0, 1.0)
    figure.text(0.5, 0.5, "Éé 1,0")
    save(figure, "png", dpi=20)


def chart_path(kind: str, inputs: str, cache: Path) -> Path:
    """Where the cache keeps a chart: keyed on its inputs and the source of the chart code."""
    import hashlib

    from .. import charts

    digest = hashlib.sha256(f"{kind}\n{inputs}".encode())
    for module in sorted(Path(charts.__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return cache / f"{kind}-{digest.hexdigest()[:32]}.png"


def is_cached(kind: str, inputs: str, cache: Path) -> bool:
    try:
        return is_complete_png(chart_path(kind, inputs, cache).read_bytes())
    except OSError:
        return False


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the IEND chunk: no data, then its CRC


def is_complete_png(data: bytes) -> bool:
    """True when ``data`` starts with the PNG signature and ends with the IEND chunk.

    A truncated or overwritten cache file fails one of the two, and is drawn again.
    """
    return data.startswith(_PNG_SIGNATURE) and data.endswith(_PNG_END)


@dataclass(frozen=True)
class Participation:
    """The workshops' figures: the creativity session counts only once its phase is done."""

    workshops: int
    participants: int
    contributions: int
    creativity_done: bool
    creativity_participants: int
    creativity_date: dt.date | None


class Results:
    """The computed results of one project, each computed once and only when a document needs it."""

    def __init__(
        self, project: Project, today: dt.date | None = None, cache: Path | None = None
    ) -> None:
        self.project = project
        self.engagement: Engagement = project.engagement
        self.today = today or dt.date.today()
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
        return Picture(_logo_bytes(self.project, relative), 40, "logo")

    @cached_property
    def participation(self) -> Participation:
        """Who took part, counted once for every document that says it."""
        e = self.engagement
        creativity = e.creativity
        return Participation(
            workshops=len(e.workshops),
            participants=sum(w.participants for w in e.workshops),
            contributions=sum(c.total for c in self.digest.counts.values()),
            creativity_done=e.phases.creativite.status == "done",
            creativity_participants=creativity.participants,
            creativity_date=creativity.date,
        )

    @cached_property
    def quote(self) -> Quote:
        from ..pricing.quote import build_quote

        return build_quote(self.project)

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
        return Picture(cached_chart(kind, inputs, draw, self.cache), width, kind)

    @cached_property
    def gantt_picture(self) -> Picture:
        return self._picture("gantt", GANTT_WIDTH_MM)

    @cached_property
    def map_picture(self) -> Picture:
        return self._picture("map", CHART_WIDTH_MM)

    @cached_property
    def heatmap_picture(self) -> Picture:
        return self._picture("heatmap", CHART_WIDTH_MM)

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
        pid = os.fork()
        if pid == 0:  # the child draws all but the first, into the cache, then leaves
            code = 0
            try:
                for kind, inputs, draw in missing[1:]:
                    cached_chart(kind, inputs, draw, cache)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        waited = False

        def join() -> None:
            nonlocal waited
            if not waited:
                waited = True
                os.waitpid(pid, 0)

        kind, inputs, draw = missing[0]
        try:
            cached_chart(kind, inputs, draw, cache)
        except BaseException:
            join()
            raise
        return join


# ---------------------------------------------------------------------- shared parts


def _common(name: str, results: Results, f: Fmt) -> Context:
    e = results.engagement
    deliverable = BY_NAME[name]
    brand_name = e.brand.name or e.consultant.company or e.consultant.name
    logo = results.logo
    population = (
        f.words["inhabitants"].format(n=f.number(e.client.population))
        if e.client.population
        else ""
    )
    named = in_text(e.client.name, e.client.in_text, f.language)
    return {
        "doc": {
            "name": name,
            "title": f.t(deliverable.title(f.language)),
            "audience": f.t(deliverable.audience(f.language)),
            "subject": f.t(e.engagement.title),
            "date": f.date(results.today),
            "reference": f.t(e.engagement.reference),
            "language": f.language,
        },
        "client": {
            "name": f.t(e.client.name),
            "in_text": f.t(named),
            "in_text_start": f.t(sentence_start(named)),
            "kind": f.words["kinds"].get(e.client.kind, ""),
            "population": population,
            "address": f.t(e.client.address),
        },
        "brand": {
            "name": f.t(brand_name),
            "color": e.brand.primary_color.lstrip("#").upper(),
            "logo": logo,
        },
    }


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
    from ..engagement.locate import located_error

    path = project.base_dir / relative
    try:
        data = path.read_bytes()
    except OSError as error:
        what = "not found" if isinstance(error, FileNotFoundError) else error.strerror
        raise located_error(
            project, [(("brand", "logo"), f"cannot read {relative}: {what}")]
        ) from None
    if data.startswith(_PICTURE_MAGIC):
        from docx.image.image import Image

        try:
            Image.from_blob(data)
        except Exception:  # any parser error: Word could not show it either
            pass
        else:
            return data
    raise located_error(project, [(("brand", "logo"), f"{relative}: {LOGO_UNREADABLE}")])


def _items(records: Iterable[Any], f: Fmt) -> list[Context]:
    return [{"label": f.t(r.label), "details": f.t(r.details)} for r in records]


def _scenario_titles(e: Engagement) -> dict[str, str]:
    return {s.id: s.title for s in e.scenarios}


def _solutions(e: Engagement, f: Fmt, retained_only: bool = True) -> list[Context]:
    titles = _scenario_titles(e)
    chosen = [s for s in e.creativity.solutions if s.retained or not retained_only]
    return [
        {
            "id": s.id,
            "title": f.t(s.title),
            "description": f.t(s.description),
            "scenarios": f.t(f.join(titles.get(ref, ref) for ref in s.scenarios)),
        }
        for s in chosen
    ]


def _commitments(e: Engagement, f: Fmt) -> list[Context]:
    return [
        {"label": f.t(c.label), "delay": f.delay(c.delay_days), "details": f.t(c.details)}
        for c in e.commitments
    ]


def _roles(e: Engagement, f: Fmt) -> list[Context]:
    roles = e.governance.roles
    return [
        {"group": f.group(group), "role": f.t(getattr(roles, group))}
        for group in CONDITION_ORDER
        if getattr(roles, group).strip()
    ]


def _verdict(viable: bool, blocking: Iterable[str], f: Fmt) -> str:
    if viable:
        return str(f.words["viable"])
    ordered = sorted(
        blocking, key=lambda g: CONDITION_ORDER.index(g) if g in CONDITION_ORDER else 9
    )
    groups = f.join(f.words["groups_lower"].get(g, g) for g in ordered)
    return f.t(f.words["blocked"].format(groups=groups))


def _ranking(results: Results, f: Fmt) -> list[Context]:
    out = []
    for s in results.scores.options:
        conditions = {
            k: s.conditions[k].shown if k in s.conditions else None for k in CONDITION_ORDER
        }
        out.append(
            {
                "rank": str(s.rank) if s.rank is not None else "",
                "id": s.id,
                "title": f.t(s.title),
                "overall": f.score(s.overall),
                "elus": f.score(conditions["elus"]),
                "services": f.score(conditions["services"]),
                "citoyens": f.score(conditions["citoyens"]),
                "divergence": f.number(s.divergence, 2) if s.divergence is not None else "–",
                "verdict": _verdict(s.viable, s.blocking, f),
                "viable": s.viable,
            }
        )
    return out


def _calendar(results: Results, f: Fmt) -> Context:
    """Section 9 of the specification, from the computed plan (:mod:`dialogue_cli.planning.plan`).

    The plan's warnings are left out: they speak to the consultant about the file (paths,
    fixes) and `dialogue plan` shows them.
    """
    e = results.engagement
    plan = results.plan
    phases = []
    for phase in plan.phases:
        start = "" if phase.empty else f.half_day(phase.start, phase.start_half, end=False)
        end = "" if phase.empty else f.half_day(phase.end, phase.end_half, end=True)
        phases.append(
            {
                "label": f.words["phases"].get(phase.name, phase.label),
                "days": f.number(phase.days),
                "start": start or "–",
                "end": end or "–",
                "dates": f.t(f.words["from_to"].format(start=start, end=end)) if start else "",
                "status": f.words["status"].get(phase.status, phase.status),
            }
        )
    events = [
        {
            "label": f.words["workshop"].get(event.group or "", event.id)
            if event.kind == "workshop"
            else f.words["creativity"],
            "date": f.day(event.date),
            "place": f.t(event.place),
        }
        for event in plan.events
    ]
    # Not on the calendar yet, but announced: listed last, their date still to be set.
    undated = [
        {"label": f.words["workshop"].get(w.group, w.id), "date": f.words["to_be_set"], "place": f.t(w.place)}
        for w in e.workshops
        if w.date is None
    ]  # fmt: skip
    if e.creativity.date is None and e.creativity.place:
        undated.append(
            {"label": f.words["creativity"], "date": f.words["to_be_set"], "place": f.t(e.creativity.place)}
        )  # fmt: skip
    total = "total_match" if plan.planned_days == plan.package_days else "total_differ"
    summary = " ".join(
        (
            f.words["span"].format(
                start=f.date(plan.start), end=f.date(plan.end), working=f.number(plan.working_days)
            ),
            f.words[total].format(
                planned=f.days(plan.planned_days), package=f.days(plan.package_days)
            ),
        )
    )
    return {
        "summary": f.t(summary),
        "provisional": plan.start_is_default,
        "start": f.date(plan.start),
        "end": f.date(plan.end),
        "working_days": f.number(plan.working_days),
        "planned_days": f.number(plan.planned_days),
        "package_days": f.number(plan.package_days),
        "gantt": results.gantt_picture,
        "phases": phases,
        "workshops": events + undated,
    }


# ---------------------------------------------------------------------- the six contexts


def cahier_des_charges(results: Results, f: Fmt) -> Context:
    e = results.engagement
    smap = results.map
    by_id = {s.id: s for s in e.stakeholders}
    from ..analysis.stakeholder_map import quadrant_label

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
    solutions = _solutions(e, f)
    tests = {s.id: s.tests for s in e.creativity.solutions}
    for solution in solutions:
        solution["tests"] = [
            {
                "group": f.group(t.group),
                "verdict": f.words["verdicts"][t.verdict],
                "note": f.t(t.note),
            }
            for t in tests[solution["id"]]
        ]
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
        "solutions": solutions,
        "means": _items(e.means, f),
        "calendar": _calendar(results, f),
        "commitments": _commitments(e, f),
        "indicators": [
            {"group": f.group(i.group), "label": f.t(i.label), "target": f.t(i.target)}
            for i in e.indicators
        ],
        "risks": [{"label": f.t(r.label), "mitigation": f.t(r.mitigation)} for r in e.risks],
    }


def communication_interne(results: Results, f: Fmt) -> Context:
    e = results.engagement
    titles = _scenario_titles(e)
    faq: dict[str, list[Context]] = {}
    for remark in results.scores.questions:
        faq.setdefault(remark.scenario, []).append(
            {
                "text": f.t(remark.text),
                "group": f.words["groups_lower"].get(remark.group, remark.group),
            }
        )
    order = [s.id for s in e.scenarios]
    return {
        **_common("communication-interne", results, f),
        "engagement": {"context": f.t(e.engagement.context)},
        "objectives": _items(e.objectives, f),
        "solutions": _solutions(e, f),
        "roles": _roles(e, f),
        "commitments": _commitments(e, f),
        "faq": [
            {"scenario": f.t(titles.get(sid, sid)), "questions": faq[sid]}
            for sid in sorted(faq, key=lambda s: order.index(s) if s in order else len(order))
        ],
        "sponsor": f.t(e.governance.sponsor),
    }


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
                    said.append(f.t(text))
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


def synthese_ateliers(results: Results, f: Fmt) -> Context:
    e = results.engagement
    report = results.scores
    digest = results.digest
    workshops = []
    for w in e.workshops:
        c = digest.counts.get(w.id, WorkshopCounts())
        workshops.append(
            {
                "label": f.words["workshop"].get(w.group, w.id),
                "date": f.date(w.date),
                "place": f.t(w.place),
                "participants": f.number(w.participants),
                "positive": f.number(c.positive),
                "negative": f.number(c.negative),
                "questions": f.number(c.questions),
                "ideas": f.number(c.ideas),
                "total": f.number(c.total),
            }
        )
    tensions = {t.scenario: t for t in report.tensions}
    ranked = {r["id"]: r for r in _ranking(results, f)}
    scenarios = []
    for s in report.options:
        tension = tensions.get(s.id)
        scenarios.append(
            {
                **ranked[s.id],
                "groups": [
                    {
                        "group": f.group(g),
                        "score": f.score(cell.shown),
                        "positive": str(cell.positive),
                        "negative": str(cell.negative),
                        "questions": str(cell.questions),
                        "ideas": str(cell.ideas),
                    }
                    for g, cell in s.groups.items()
                ],
                "tension": f.t(
                    f.words["tension"].format(
                        high=f.group(tension.high_group), high_score=f.score(tension.high),
                        low=f.words["groups_lower"].get(tension.low_group, tension.low_group), low_score=f.score(tension.low),
                    )
                ) if tension else "",
                "verbatims": [
                    {"text": f.t(text), "group": f.words["groups_lower"].get(group, group), "polarity": f.words["polarity"].get(polarity, polarity)}
                    for text, group, polarity in digest.selected(s.id, VERBATIMS_PER_SCENARIO)
                ],
            }
        )  # fmt: skip
    titles = _scenario_titles(e)
    figures = results.participation
    return {
        **_common("synthese-ateliers", results, f),
        "workshops": workshops,
        "totals": {
            "participants": f.number(figures.participants),
            "contributions": f.number(figures.contributions),
            "unclassified": f.number(report.unclassified),
        },
        "threshold": f.score(report.threshold),
        "ranking": list(ranked.values()),
        "heatmap": results.heatmap_picture,
        "scenarios": scenarios,
        "ideas": [
            {
                "text": f.t(idea.text),
                "group": f.words["groups_lower"].get(idea.group, idea.group),
                "scenario": f.t(titles.get(idea.scenario, idea.scenario)),
            }
            for idea in report.ideas
        ],
    }


def devis(results: Results, f: Fmt) -> Context:
    e = results.engagement
    q = results.quote
    c = e.consultant
    legal = ""
    if c.legal_form:
        legal = (
            f.words["capital"].format(form=c.legal_form, capital=c.capital)
            if c.capital
            else c.legal_form
        )
    from ..pricing.quote import format_siret, unit_label

    # The identity block at the top carries the provider line; the exemption has its own line.
    mentions = [m for m in q.mentions if m != q.vat_exemption]
    siren = e.client.siren
    return {
        **_common("devis", results, f),
        "consultant": {
            "name": f.t(c.name),
            "company": f.t(c.company or c.name),
            "legal": f.t(legal),
            "address": f.t(c.address),
            "email": f.t(c.email),
            "phone": f.t(c.phone),
            "siret": format_siret(c.siret) if c.siret else "",
            "rcs": f.t(c.rcs),
            "vat_number": f.t(c.vat_number),
        },
        "client_contact": {
            "name": f.t(e.client.contact.name),
            "role": f.t(e.client.contact.role),
            "siren": f"{siren[:3]} {siren[3:6]} {siren[6:]}" if siren else "",
        },
        "quote": {
            "number": f.t(q.number),
            "date": f.date(q.date),
            "valid_until": f.date(q.valid_until),
            "lines": [
                {
                    "label": f.t(line.label),
                    "description": f.t(line.description),
                    "quantity": f.number(line.quantity),
                    "unit": f.t(unit_label(line.unit, line.quantity, q.language)),
                    "unit_price": f.money(line.unit_price, q.currency),
                    "amount": f.money(line.amount, q.currency),
                }
                for line in q.lines
            ],
            "discount": "\u2212" + f.money(q.discount, q.currency) if q.discount else "",
            "expenses": f.money(q.expenses, q.currency) if q.expenses else "",
            "total_ht": f.money(q.total_ht, q.currency),
            "vat_rate": f.percent(q.vat_rate),
            "vat": f.money(q.vat, q.currency),
            "vat_exemption": f.t(q.vat_exemption or ""),
            "total_ttc": f.money(q.total_ttc, q.currency),
            "deposit": f.money(q.deposit, q.currency) if q.deposit else "",
            "deposit_rate": f.percent(q.deposit_percent) if q.deposit else "",
            "balance": f.money(q.balance, q.currency),
            "days": f.number(q.days),
            "mentions": [f.t(m) for m in mentions],
            "acceptance": {
                "title": f.t(q.acceptance[0]) if q.acceptance else "",
                "lines": [f.t(line) for line in q.acceptance[1:]],
            },
            "procurement_note": f.t(q.procurement_note or ""),
        },
    }


BUILDERS: dict[str, Callable[[Results, Fmt], Context]] = {
    "cahier-des-charges": cahier_des_charges,
    "communication-interne": communication_interne,
    "communication-externe": communication_externe,
    "kit-roi-citoyen": kit_roi_citoyen,
    "synthese-ateliers": synthese_ateliers,
    "devis": devis,
}


def build_context(name: str, results: Results) -> Context:
    """The context of deliverable ``name`` (see docs/templates.md)."""
    return BUILDERS[name](results, Fmt(results.engagement.language))
