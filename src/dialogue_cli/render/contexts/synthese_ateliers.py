"""The context of the synthèse des ateliers: participation, scores, tensions, verbatims, ideas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..results import VERBATIMS_PER_SCENARIO, WorkshopCounts
from .shared import Context, _common, _ranking, _scenario_titles
from .story import analysis_note, decision, events, evidence, retained, weak_list

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


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
                        "evidence": evidence(s, cell, f),
                        "weak": s.weak(cell),
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
                    {"text": f.verbatim(text), "group": f.words["groups_lower"].get(group, group), "polarity": f.words["polarity"].get(polarity, polarity)}
                    for text, group, polarity in digest.selected(s.id, VERBATIMS_PER_SCENARIO)
                ],
            }
        )  # fmt: skip
    titles = _scenario_titles(e)
    figures = results.participation
    options = report.options
    viable = [o for o in options if o.viable]
    brief_ranking = (
        f.words["brief_viable"][len(viable) == 1].format(
            n=f.number(len(viable)),
            count=f.number(len(options)),
            titles=f.join(f.quoted(o.title) for o in viable),
        )
        if viable
        else f.words["brief_none_viable"].format(count=f.number(len(options)))
    )
    return {
        **_common("synthese-ateliers", results, f),
        "brief": {
            "ranking": f.t(brief_ranking) if options else "",
            "analysis": analysis_note(results, f),
            "weak": _weak_count(results, f),
        },
        "weak": weak_list(results, f),
        "events": events(results, f),
        "decision": decision(results, f),
        "retained": retained(results, f),
        "min_items": f.number(e.grid.min_items),
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
                "text": f.verbatim(idea.text),
                "group": f.words["groups_lower"].get(idea.group, idea.group),
                "scenario": f.t(titles.get(idea.scenario, idea.scenario)),
            }
            for idea in report.ideas
        ],
    }


def _weak_count(results: Results, f: Fmt) -> str:
    """How many scores of the ranked options are weak evidence, in one sentence, or ''."""
    count = sum(len(s.weak_groups) + len(s.weak_conditions) for s in results.scores.options)
    if not count:
        return ""
    return f.t(
        f.words["weak_count"][count == 1].format(
            n=f.number(count), min_items=f.number(results.engagement.grid.min_items)
        )
    )
