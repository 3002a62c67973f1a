"""Payment terms by client kind: what `check` and `quote` warn about before a devis goes out.

A public buyer pays after the service is done (*service fait*, décret n° 2012-1246 du
7 novembre 2012, art. 33): no deposit at order. The code de la commande publique provides an
*avance* instead (art. R2191-3 and following: due when the contract exceeds 50 000 € HT and
lasts more than two months, possible below when the contract provides it) and *acomptes* for
services performed (art. R2191-20 and following). A private client may pay a deposit. Each
rule returns ``(data path, message)`` pairs that ``engagement/locate.py`` places in the file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engagement.model import Engagement

Loc = tuple[int | str, ...]

# CCP R2191-3: the avance is due above this amount HT (and two months of execution).
ADVANCE_DUE_ABOVE = Decimal("50000")


def terms_warnings(engagement: Engagement) -> list[tuple[Loc, str]]:
    """What the payment terms of the pricing section ask that the client kind does not allow.

    Cheap (no quote computed): `dialogue check` runs it.
    """
    pricing = engagement.pricing
    client = engagement.client
    out: list[tuple[Loc, str]] = []
    if client.public and pricing.deposit_percent:
        out.append(
            (("pricing", "deposit_percent"),
             f"a public client ({client.kind}) pays after the service is done, never a deposit "
             "at order (décret n° 2012-1246, art. 33): the devis leaves it out; remove "
             "deposit_percent, or set pricing.advance.percent for an avance (code de la "
             "commande publique, art. R2191-3)")
        )  # fmt: skip
    if not client.public and pricing.advance is not None:
        out.append(
            (("pricing", "advance"),
             "an avance is a public-procurement payment (code de la commande publique, "
             "art. R2191-3) and this client is private: the devis leaves it out; a private "
             "client pays a deposit (pricing.deposit_percent)")
        )  # fmt: skip
    return out


def advance_note(engagement: Engagement, total_ht: Decimal) -> str | None:
    """A reminder when the contract is large enough for the avance to be due and none is set."""
    if not engagement.client.public or engagement.pricing.advance is not None:
        return None
    if total_ht <= ADVANCE_DUE_ABOVE:
        return None
    return (
        f"the total HT exceeds {ADVANCE_DUE_ABOVE} €: if the contract lasts more than two months, "
        "the buyer owes an avance (code de la commande publique, art. R2191-3) unless you "
        "refuse it; set pricing.advance.percent as the contract does"
    )
