"""Where the quote meets the plan: the package's phases with their shares and their planned dates.

The invoices and the devis' échéancier (:mod:`dialogue_cli.pricing.invoice`) need each phase's
share of the package price (the DPGF's amounts) and its planned dates (the plan). Pricing may
not import planning, so the two are joined here, once, for the devis, `quote` and `invoice`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engagement.model import Engagement
    from ..planning.plan import Plan
    from ..pricing.invoice import Basis
    from ..pricing.quote import Quote


def build_basis(engagement: Engagement, quote: Quote, plan: Plan | None) -> Basis:
    """The basis of the invoices: the quote, its phases' shares and dates, the avance terms.

    The phases with days share the package price as the DPGF does (largest remainders); with no
    phase days, the basis has no phases and the package is invoiced whole with the solde.
    """
    from ..common.labels import phase_label
    from ..pricing.invoice import Basis, PhaseShare
    from ..pricing.quote_export import spread_package

    phases = [(name, phase.days) for name, phase in engagement.phases.items()]
    amounts = spread_package(quote.package.amount, [days for _name, days in phases])
    shares: list[PhaseShare] = []
    if amounts is not None:
        for (name, days), amount in zip(phases, amounts, strict=True):
            if days <= 0:
                continue
            planned = plan.phase(name) if plan is not None else None
            shares.append(
                PhaseShare(
                    name, phase_label(name, quote.language), days, amount,
                    planned.start if planned else None, planned.end if planned else None,
                )
            )  # fmt: skip
    return Basis(quote, tuple(shares), engagement.pricing.advance if quote.public else None)
