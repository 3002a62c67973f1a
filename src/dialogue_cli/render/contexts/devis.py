"""The context of the devis (the quote): the consultant, the client, the lines and the mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shared import Context, _common

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


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
    from ...pricing.mentions import format_siret
    from ...pricing.quote import unit_label

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
