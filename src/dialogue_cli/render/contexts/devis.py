"""The context of the devis (the quote): the consultant, the client, the lines and the mentions."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .shared import Context, _common, consultant_identity

if TYPE_CHECKING:
    from ...pricing.invoice import Basis
    from ..results import Results
    from ..values import Fmt


def devis(results: Results, f: Fmt) -> Context:
    e = results.engagement
    q = results.quote
    c = e.consultant
    from ...engagement.model.identity import format_siren, format_siret
    from ...pricing.invoice import schedule
    from ...pricing.mentions import discount_label
    from ...pricing.quote import unit_label
    from ..invoice_basis import build_basis

    # The identity block at the top carries the provider line; the exemption has its own line.
    mentions = [m for m in q.mentions if m != q.vat_exemption]
    plan = results.plan
    basis = build_basis(e, q, plan)
    instalments = schedule(basis, plan.start)
    options_days = q.days - q.package_days
    return {
        **_common("devis", results, f),
        "consultant": consultant_identity(c, f),
        "client_contact": {
            "name": f.t(e.client.contact.name),
            "role": f.t(e.client.contact.role),
            "siren": format_siren(e.client.siren) if e.client.siren else "",
            "siret": format_siret(e.client.siret) if e.client.siret else "",
            "service_code": f.t(e.client.service_code),
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
                    "basis": f.t(line.basis),
                }
                for line in q.lines
            ],
            "discount_label": f.t(discount_label(q.discount_percent, q.language)),
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
            "package_days": f.number(q.package_days),
            "options_days": f.number(options_days) if options_days else "",
            "period": {"start": f.date(plan.start), "end": f.date(plan.end)},
            "package_content": _package_content(results, basis, f),
            "schedule": [
                {
                    "label": f.t(item.label),
                    "note": f.t(_recovered(item.recovery_ht, q.currency, f))
                    if item.recovery_ht
                    else "",
                    "date": f.date(item.when),
                    "ht": f.money(item.ht, q.currency),
                    "vat": f.money(item.vat, q.currency),
                    "ttc": f.money(item.ttc, q.currency),
                }
                for item in instalments
            ],
            "mentions": [f.t(m) for m in mentions],
            "acceptance": {
                "title": f.t(q.acceptance[0]) if q.acceptance else "",
                "lines": [f.t(line) for line in q.acceptance[1:]],
            },
            "procurement_note": f.t(q.procurement_note or ""),
        },
    }


def _package_content(results: Results, basis: Basis, f: Fmt) -> Context:
    """What the package holds: its phases (days, dates, share), its workshops, its deliverables."""
    from ..catalog import DELIVERABLES

    e = results.engagement
    q = results.quote
    phases = [
        {
            "label": f.t(share.label),
            "days": f.number(share.days),
            "dates": (f.date(share.start) + " – " + f.date(share.end))
            if share.start and share.end
            else "",
            "amount": f.money(share.amount, q.currency),
        }
        for share in basis.phases
    ]
    lower = f.words["groups_lower"]
    workshops = [
        (f"atelier {lower.get(w.group, w.group)}" if f.language == "fr"
         else f"{lower.get(w.group, w.group)} workshop")
        + (f" ({f.date(w.date)})" if w.date else "")
        for w in e.workshops
    ]  # fmt: skip
    if e.creativity.date or e.creativity.place:
        creativity = "séance de créativité" if f.language == "fr" else "creativity session"
        workshops.append(
            creativity + (f" ({f.date(e.creativity.date)})" if e.creativity.date else "")
        )
    # The two communication kits are one deliverable, in two parts (internal and external).
    titles = {d.name: d.title(f.language) for d in DELIVERABLES}
    kits = ("kit de communication, interne et externe" if f.language == "fr"
            else "communication kit, internal and external")  # fmt: skip
    deliverables = [titles["cahier-des-charges"], kits, titles["kit-roi-citoyen"],
                    titles["synthese-ateliers"]]  # fmt: skip
    return {
        "phases": phases,
        "workshops": f.t(f.join(workshops)),
        "deliverables": f.t(f.join(deliverables)),
    }


def _recovered(amount: Decimal, currency: str, f: Fmt) -> str:
    money = f.money(amount, currency)
    return (
        f"dont avance remboursée : {money} HT"
        if f.language == "fr"
        else f"avance recovered: {money} excl. VAT"
    )
