"""The public-procurement dispense threshold (CCP R2122-8), kept in one place with its sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Threshold:
    """A threshold under which a public buyer may contract without publicity or competition.

    The dispense applies when the estimated value of the need is *below* ``amount`` (HT),
    so a quote whose total HT equals or exceeds it needs a procedure (MAPA at least).
    """

    amount: Decimal
    effective: dt.date
    reference: str


# Services (and supplies) bought by a public buyer, code de la commande publique, art. R2122-8.
# Ordered by effective date; the last one whose date is on or before the quote date applies.
SERVICES_DISPENSE_THRESHOLDS: tuple[Threshold, ...] = (
    Threshold(
        Decimal("40000"),
        dt.date(2020, 1, 1),
        "code de la commande publique, art. R2122-8 (décret n° 2019-1344 du 12 décembre 2019)",
    ),
    Threshold(
        Decimal("60000"),
        dt.date(2026, 4, 1),
        "code de la commande publique, art. R2122-8 (décret n° 2025-1386 du 29 décembre 2025)",
    ),
)


def dispense_threshold(on: dt.date) -> Threshold:
    """The services dispense threshold in force on ``on``.

    Dates before the first threshold we track get the earliest one (40 000 € HT), which is
    what the quote tool has always known; older quotes are not its business.

    Args:
        on: the date of the quote.

    Returns:
        The threshold in force that day.
    """
    current = SERVICES_DISPENSE_THRESHOLDS[0]
    for threshold in SERVICES_DISPENSE_THRESHOLDS:
        if threshold.effective <= on:
            current = threshold
    return current


def procurement_note(total_ht: Decimal, on: dt.date, language: str = "fr") -> str | None:
    """A note for the consultant when the quote is too large for a contract without competition.

    Args:
        total_ht: the quote's total before VAT.
        on: the quote's date (it picks the threshold in force).
        language: ``fr`` or ``en``.

    Returns:
        The note, or None when the buyer may contract without publicity or competition.
    """
    from ..common.formatting import date, money

    threshold = dispense_threshold(on)
    if total_ht < threshold.amount:
        return None
    limit = money(threshold.amount, language)
    since = date(threshold.effective, language)  # "1er avril 2026": the ordinal is date()'s
    if language == "en":
        return (
            f"The total excl. VAT ({money(total_ht, language)}) reaches the threshold of {limit} excl. VAT "
            f"in force since {since}, under which a public buyer may contract without publicity or "
            f"competition ({threshold.reference}): the buyer must run a procedure (MAPA at least)."
        )
    return (
        f"Le total HT ({money(total_ht, language)}) atteint le seuil de {limit} HT en vigueur depuis "
        f"le {since}, sous lequel un acheteur public peut conclure sans publicité ni mise en "
        f"concurrence ({threshold.reference}) : l'acheteur devra passer par une procédure "
        f"(MAPA au minimum)."
    )
