"""The context of the cahier des charges (the specification of the scheme)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from . import public
from .shared import Context, _calendar, _commitments, _common, _items, _roles
from .story import decision, retained

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


def cahier_des_charges(results: Results, f: Fmt) -> Context:
    e = results.engagement
    smap = results.map
    by_id = {s.id: s for s in e.stakeholders}
    from ...analysis.stakeholder_map import quadrant_label

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
            "frequency": f.t(e.governance.frequency),
            "roles": _roles(e, f),
        },
        "decision": decision(results, f),
        "solutions": retained(results, f),
        "means": _items(e.means, f),
        "budget": _budget(results, f),
        "rules": {
            "eligibility": f.t(e.rules.eligibility),
            "moderation": f.t(e.rules.moderation),
            "drawing_lots": f.t(e.rules.drawing_lots),
            "other": [f.t(x) for x in e.rules.other],
        },
        "privacy": public.privacy(results, f, named=True),
        "deliverables": [
            {
                "label": f.t(d.label),
                "details": f.t(d.details),
                "due": f.t(d.due),
                "owner": f.t(d.owner),
            }
            for d in e.deliverables
        ],
        "calendar": _calendar(results, f),
        "commitments": _commitments(e, f),
        "indicators": [
            {
                "group": f.group(i.group),
                "label": f.t(i.label),
                "baseline": f.t(i.baseline),
                "target": f.t(i.target),
                "source": f.t(i.source),
            }
            for i in e.indicators
        ],
        "risks": [{"label": f.t(r.label), "mitigation": f.t(r.mitigation)} for r in e.risks],
    }


def _budget(results: Results, f: Fmt) -> Context:
    """The scheme's own budget from ``means``: each line's amount, period and staff time, the
    yearly and one-off totals (only of the lines that give an amount)."""
    e = results.engagement
    rows = []
    yearly = once = Decimal(0)
    fte = Decimal(0)
    for m in e.means:
        if m.amount is not None:
            if m.period == "year":
                yearly += m.amount
            else:
                once += m.amount
        if m.fte is not None:
            fte += m.fte
        rows.append(
            {
                "label": f.t(m.label),
                "details": f.t(m.details),
                "amount": f.money(m.amount) if m.amount is not None else "",
                "period": f.words["budget_period"][m.period] if m.amount is not None else "",
                "fte": f.words["fte"].format(n=f.number(m.fte)) if m.fte is not None else "",
            }
        )
    priced = any(m.amount is not None for m in e.means)
    return {
        "rows": rows,
        "priced": priced,
        "year": f.money(yearly) if priced else "",
        "once": f.money(once)
        if any(m.amount is not None and m.period == "once" for m in e.means)
        else "",
        "fte": f.words["fte"].format(n=f.number(fte)) if fte else "",
        "unpriced": [f.t(m.label) for m in e.means if m.amount is None],
    }
