"""The parts several documents share: the cover, commitments, roles, ranking, calendar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ...common.labels import council
from ..catalog import BY_NAME
from ..client_names import in_text, sentence_start
from ..values import Fmt
from ..words import CONDITION_ORDER

if TYPE_CHECKING:
    from ...engagement.model import Consultant, Engagement
    from ..results import Results

Context = dict[str, Any]


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
    info = e.engagement
    day = f.date(results.today)
    version = info.version.strip()
    version_line = (
        f.words["version"].format(version=version, date=day)
        if version
        else f.words["edition"].format(date=day)
    )
    validation = (
        f.words["validated"].format(who=info.validated_by.strip())
        if info.validated_by.strip()
        else f.words["not_validated"]
    )
    vocabulary = council(e.client.kind, f.language)
    return {
        "doc": {
            "name": name,
            "title": f.t(deliverable.title(f.language)),
            "audience": f.t(deliverable.audience(f.language)),
            "subject": f.t(info.title),
            "date": day,
            "version": f.t(version),
            "version_line": f.t(version_line),
            "validation": f.t(validation),
            "reference": f.t(info.reference),
            "language": f.language,
        },
        "client": {
            "name": f.t(e.client.name),
            "in_text": f.t(named),
            "in_text_start": f.t(sentence_start(named)),
            "kind": f.words["kinds"].get(e.client.kind, ""),
            "population": population,
            "address": f.t(e.client.address),
            "council": vocabulary["council"],
            "the_council": vocabulary["the_council"],
            "to_council": vocabulary["to_council"],
            "of_council": vocabulary["of_council"],
            "executive": vocabulary["executive"],
        },
        "brand": {
            "name": f.t(brand_name),
            "color": e.brand.primary_color.lstrip("#").upper(),
            "logo": logo,
        },
    }


def _items(records: Iterable[Any], f: Fmt) -> list[Context]:
    return [{"label": f.t(r.label), "details": f.detail(r.details)} for r in records]


def _scenario_titles(e: Engagement) -> dict[str, str]:
    return {s.id: s.title for s in e.scenarios}


def _commitments(e: Engagement, f: Fmt) -> list[Context]:
    return [
        {"label": f.t(c.label), "delay": f.delay(c.delay_days), "details": f.detail(c.details)}
        for c in e.commitments
    ]


def _roles(e: Engagement, f: Fmt) -> list[Context]:
    roles = e.governance.roles
    return [
        {"group": f.group(group), "role": f.t(getattr(roles, group))}
        for group in CONDITION_ORDER
        if getattr(roles, group).strip()
    ]


def verdict(viable: bool, blocking: Iterable[str], f: Fmt) -> str:
    """'Viable' or 'Non viable — élus et services sous le seuil': the one wording of a verdict."""
    if viable:
        return str(f.words["viable"])
    ordered = sorted(
        blocking, key=lambda g: CONDITION_ORDER.index(g) if g in CONDITION_ORDER else 9
    )
    groups = f.join(f.words["groups_lower"].get(g, g) for g in ordered)
    return f.t(f.words["blocked"].format(groups=groups))


def _ranking(results: Results, f: Fmt) -> list[Context]:
    """The ranked options, each score with the number of items behind it (``*_evidence``)."""
    from .story import evidence

    out = []
    for s in results.scores.options:
        row: Context = {
            "rank": str(s.rank) if s.rank is not None else "",
            "id": s.id,
            "title": f.t(s.title),
            "overall": f.score(s.overall),
            "divergence": f.number(s.divergence, 2) if s.divergence is not None else "–",
            "verdict": verdict(s.viable, s.blocking, f),
            "viable": s.viable,
            "weak": bool(s.weak_conditions),
        }
        for k in CONDITION_ORDER:
            cell = s.conditions[k]
            row[k] = f.score(cell.shown)
            row[f"{k}_evidence"] = evidence(s, cell, f)
        out.append(row)
    return out


def _calendar(results: Results, f: Fmt) -> Context:
    """Section 9 of the specification, from the computed plan (:mod:`dialogue_cli.planning.plan`).

    The plan's warnings are left out: they speak to the consultant about the file (paths,
    fixes) and `dialogue plan` shows them.
    """
    from .story import events

    plan = results.plan
    timeline = results.timeline
    phases = []
    for phase in plan.phases:
        start = "" if phase.empty else f.half_day(phase.start, phase.start_half, end=False)
        end = "" if phase.empty else f.half_day(phase.end, phase.end_half, end=True)
        state = timeline.state(phase.name)
        phases.append(
            {
                "label": f.words["phases"].get(phase.name, phase.label),
                "days": f.number(phase.days),
                "start": start or "–",
                "end": end or "–",
                "dates": f.t(f.words["from_to"].format(start=start, end=end)) if start else "",
                "status": f.words["state"][state],
            }
        )
    states = {p.state for p in timeline.phases.values()}
    tense = "past" if states == {"done"} else "future" if states == {"upcoming"} else "present"
    total = "total_match" if plan.planned_days == plan.package_days else "total_differ"
    summary = " ".join(
        (
            f.words["span"][tense].format(
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
        "caption": f.words["gantt_caption"][tense == "past"],
        "phases": phases,
        "workshops": events(results, f),
    }


def consultant_identity(c: Consultant, f: Fmt) -> Context:
    """Who sells and is paid, as the devis and the invoices print it: one block for both."""
    from ...engagement.model.identity import format_iban
    from ...pricing.mentions import format_siret

    legal = ""
    if c.legal_form:
        legal = (
            f.words["capital"].format(form=c.legal_form, capital=c.capital)
            if c.capital
            else c.legal_form
        )
    return {
        "name": f.t(c.name),
        "company": f.t(c.company or c.name),
        "legal": f.t(legal),
        "address": f.t(c.address),
        "email": f.t(c.email),
        "phone": f.t(c.phone),
        "siret": format_siret(c.siret) if c.siret else "",
        "rcs": f.t(c.rcs),
        "vat_number": f.t(c.vat_number),
        "iban": format_iban(c.iban),
        "bic": f.t(c.bic),
    }
