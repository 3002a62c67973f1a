"""What each picture shows, in words: the alternative text a screen reader reads (RGAA 1.1, 1.3).

Every picture of a deliverable carries a text computed from the same results it is drawn from
(the map, the scores, the plan), in the document's language: a reader who cannot see the chart
learns what a reader who can sees. Word keeps it in the picture's ``wp:docPr/@descr``; the PDF
takes it as the ``/Alt`` of the figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..common.labels import group_names
from .values import Fmt

if TYPE_CHECKING:
    from ..analysis.scoring import ScoreReport
    from ..analysis.stakeholder_map import StakeholderMap
    from ..planning.plan import Plan

# Names listed in full up to this many; beyond, the first ones and how many more.
NAMED = 6

_WORDS = {
    "fr": {
        "map": "Carte des parties prenantes : {n} acteur{s} placé{s} selon leur influence sur la "
        "décision et leur intérêt pour le dispositif (notes de 1 à 5, seuil {threshold})",
        "quadrants": {
            "manage_closely": "{n} acteur{s} clé{s} à associer étroitement",
            "keep_satisfied": "{n} à maintenir satisfait{s}",
            "keep_informed": "{n} à tenir informé{s}",
            "monitor": "{n} à garder en veille",
        },
        "of_which": ", dont ",
        "more": " et {n} autre{s}",
        "heatmap": "Carte de chaleur des scores nets de {n} scénario{s} pour {groups}, de −1 "
        "(défavorable) à +1 (favorable)",
        "none": "sans avis",
        "rank": "rang {rank}",
        "gantt": "Calendrier de la mission, du {start} au {end}, en {n} phase{s}",
        "events": "{n} atelier{s} ou séance{s} marqué{s} d’un losange",
        "logo": "Logo de {name}",
        "and": " et ",
    },
    "en": {
        "map": "Stakeholder map: {n} stakeholder{s} placed by their influence on the decision "
        "and their interest in the scheme (scored 1 to 5, threshold {threshold})",
        "quadrants": {
            "manage_closely": "{n} key player{s} to manage closely",
            "keep_satisfied": "{n} to keep satisfied",
            "keep_informed": "{n} to keep informed",
            "monitor": "{n} to monitor",
        },
        "of_which": ", including ",
        "more": " and {n} more",
        "heatmap": "Heatmap of the net scores of {n} scenario{s} for {groups}, from −1 (against) "
        "to +1 (in favour)",
        "none": "no views",
        "rank": "rank {rank}",
        "gantt": "Engagement calendar, from {start} to {end}, in {n} phase{s}",
        "events": "{n} workshop{s} or session{s} marked with a diamond",
        "logo": "Logo of {name}",
        "and": " and ",
    },
}


def _plural(n: int, language: str) -> str:
    return "s" if (n > 1 if language == "fr" else n != 1) else ""


def _names(names: list[str], words: Mapping[str, object], language: str) -> str:
    shown = names[:NAMED]
    text = ", ".join(shown)
    rest = len(names) - len(shown)
    if rest:
        text += str(words["more"]).format(n=rest, s=_plural(rest, language))
    return text


def describe_map(smap: StakeholderMap, language: str) -> str:
    """« Carte des parties prenantes : 15 acteurs placés… ; 5 acteurs clés à associer
    étroitement (Maire, …), 3 à maintenir satisfaits… »"""
    f = Fmt(language)
    words = _WORDS[f.language]
    n = len(smap.stakeholders)
    text = str(words["map"]).format(n=n, s=_plural(n, f.language), threshold=smap.threshold)
    counts = Counter(s.quadrant for s in smap.stakeholders)
    parts = []
    for quadrant, template in words["quadrants"].items():  # type: ignore[attr-defined]
        count = counts.get(quadrant, 0)
        if not count:
            continue
        part = template.format(n=count, s=_plural(count, f.language))
        names = [s.name for s in smap.stakeholders if s.quadrant == quadrant]
        part += f" ({_names(names, words, f.language)})"
        parts.append(part)
    if parts:
        text += " ; " + " ; ".join(parts) if f.language == "fr" else ": " + "; ".join(parts)
    return f.t(text + ".")


def describe_heatmap(report: ScoreReport, language: str) -> str:
    """The scenarios, each with its rank and the net score of each group."""
    from ..charts.heatmap import GROUPS

    f = Fmt(language)
    words = _WORDS[f.language]
    names = group_names(f.language)
    scenarios = report.scenarios
    article = "les " if f.language == "fr" else ""
    labels = [article + names[g].lower() for g in GROUPS]
    groups = str(words["and"]).join([", ".join(labels[:-1]), labels[-1]])
    text = str(words["heatmap"]).format(
        n=len(scenarios), s=_plural(len(scenarios), f.language), groups=groups
    )
    rows = []
    for s in scenarios:
        label = s.title + (f" ({str(words['rank']).format(rank=s.rank)})" if s.rank else "")
        cells = []
        for g in GROUPS:
            value = s.groups[g].shown
            cells.append(
                f"{names[g].lower()} {f.score(value) if value is not None else words['none']}"
            )
        rows.append(
            f"{label} : {', '.join(cells)}"
            if f.language == "fr"
            else f"{label}: {', '.join(cells)}"
        )
    separator = " ; " if f.language == "fr" else "; "
    return f.t(text + (" : " if f.language == "fr" else ": ") + separator.join(rows) + ".")


def describe_gantt(plan: Plan, language: str) -> str:
    """The phases with their dates, and the workshops marked on them."""
    f = Fmt(language)
    words = _WORDS[f.language]
    phases = [p for p in plan.phases if not p.empty]
    text = str(words["gantt"]).format(
        n=len(phases),
        s=_plural(len(phases), f.language),
        start=f.date(plan.start),
        end=f.date(plan.end),
    )
    rows = [
        f"{f.words['phases'].get(p.name, p.label)} "
        f"({f.date(p.start) if p.start == p.end else f.dates(p.start, p.end)})"
        for p in phases
    ]
    separator = " ; " if f.language == "fr" else "; "
    if rows:
        text += (" : " if f.language == "fr" else ": ") + separator.join(rows)
    if plan.events:
        n = len(plan.events)
        text += separator + str(words["events"]).format(n=n, s=_plural(n, f.language))
    return f.t(text + ".")


def describe_logo(name: str, language: str) -> str:
    f = Fmt(language)
    return f.t(str(_WORDS[f.language]["logo"]).format(name=name)) if name else ""
