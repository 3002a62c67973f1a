"""The avance's recovery window follows R2191-11 by default."""

from __future__ import annotations

from decimal import Decimal

from dialogue_cli.engagement.model import Advance


def test_an_avance_up_to_30_percent_is_recovered_from_65_to_80_percent() -> None:
    advance = Advance(percent=Decimal("30"))
    assert (advance.recovery_from, advance.recovery_until) == (Decimal("65"), Decimal("80"))


def test_an_avance_above_30_percent_is_recovered_from_the_first_invoice() -> None:
    assert Advance(percent=Decimal("40")).recovery_from == Decimal("0")
    # What the contract sets wins.
    assert Advance(percent=Decimal("40"), recovery_from=Decimal("10")).recovery_from == Decimal(
        "10"
    )
