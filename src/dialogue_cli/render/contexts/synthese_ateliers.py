"""The context of the synthèse des ateliers: participation, scores, tensions, verbatims, ideas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..results import VERBATIMS_PER_SCENARIO, WorkshopCounts
from .shared import Context, _common, _ranking, _scenario_titles
from .story import analysis_note, decision, events, evidence, retained, session_when, weak_list

if TYPE_CHECKING:
    from ...engagement.model import Workshop
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
                "recruitment": f.t(w.recruitment),
                "format": f.t(w.format),
                "profile": _profile(w, f),
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
        "ideas": _ideas(results, f, titles),
        "method": {
            "coding": f.t(f.words["coding_default"]),
            "coding_more": f.t(e.synthesis.coding),
            "recruitment_known": any(w.recruitment.strip() for w in e.workshops),
            "format_known": any(w.format.strip() for w in e.workshops),
        },
        "limits": _limits(results, f),
        "conclusions": _conclusions(results, f, list(ranked.values())),
    }


def _profile(workshop: Workshop, f: Fmt) -> list[str]:
    """The participants' profile, one line per category: « Âge : 18–29 ans 4, 30–59 ans 12 »."""
    lines = []
    for category, values in workshop.profile.items():
        known = sum(values.values())
        shown = ", ".join(
            f.words["profile_value"].format(label=label, n=f.number(n))
            for label, n in values.items()
        )
        line = f.words["profile_line"].format(category=category, values=shown)
        if workshop.participants and known != workshop.participants:
            line += f.words["profile_partial"].format(
                known=f.number(known), total=f.number(workshop.participants)
            )
        lines.append(f.t(line))
    return lines


def _ideas(results: Results, f: Fmt, titles: dict[str, str]) -> list[Context]:
    """The ideas per option, the most telling first and the rest counted (bounded)."""
    out = []
    groups = f.words["groups_lower"]
    for scenario in results.engagement.scenarios:
        picked, total = results.digest.remarks.ideas_of(scenario.id)
        for idea in picked:
            out.append(
                {
                    "text": f.verbatim(idea.text),
                    "group": groups.get(idea.group, idea.group),
                    "scenario": f.t(titles.get(scenario.id, scenario.id)),
                }
            )
        if total > len(picked):
            out.append(
                {
                    "text": f.t(f.words["ideas_more"].format(n=f.number(total - len(picked)))),
                    "group": "",
                    "scenario": f.t(titles.get(scenario.id, scenario.id)),
                }
            )
    return out


def _limits(results: Results, f: Fmt) -> list[str]:
    """What the evidence cannot say: who took part, weak scores, unclassified items, and the
    limits the consultant wrote (synthesis.limits)."""
    e = results.engagement
    out = []
    citizens = sum(w.participants for w in e.workshops if w.group == "citoyens")
    if citizens and e.client.population:
        population = f.words["inhabitants"].format(n=f.number(e.client.population))
        out.append(f.words["limit_sample"].format(n=f.number(citizens), population=population))
    elif e.workshops:
        out.append(f.words["limit_sample_plain"])
    weak = weak_list(results, f)
    if weak:
        out.append(weak)
    if results.scores.unclassified:
        out.append(f.words["limit_unclassified"].format(n=f.number(results.scores.unclassified)))
    out += list(e.synthesis.limits)
    return [f.t(line) for line in out]


def _conclusions(results: Results, f: Fmt, ranked: list[Context]) -> list[Context]:
    """Each ranked option and what became of it (retained, reworked, dropped, or what comes)."""
    by_option: dict[str, list[tuple[str, bool]]] = {}
    for path in results.decisions.solutions:
        for option in path.options:
            by_option.setdefault(option.id, []).append((path.title, path.retained))
    when = session_when(results, f)
    out = []
    for row in ranked:
        answers = by_option.get(row["id"], [])
        kept = [f.quoted(title) for title, chosen in answers if chosen]
        reworked = [f.quoted(title) for title, chosen in answers if not chosen]
        if not results.decided:
            key = "fate_viable_next" if row["viable"] else "fate_blocked_next"
            fate = f.words[key].format(when=when)
        elif kept:
            fate = f.words["fate_retained"].format(solutions=f.join(kept))
        elif reworked:
            fate = f.words["fate_reworked"].format(solutions=f.join(reworked))
        else:
            fate = f.words["fate_dropped"]
        out.append(
            {
                "rank": row["rank"],
                "title": row["title"],
                "verdict": row["verdict"],
                "fate": f.t(fate),
                "retained": bool(kept) and results.decided,
            }
        )
    return out


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
