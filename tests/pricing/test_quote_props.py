"""Property tests: for any valid pricing, the totals are consistent and the DPGF adds up exactly."""

from __future__ import annotations

import re
from decimal import Decimal as D
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.engagement.model import Pricing
from dialogue_cli.pricing.catalog import default_catalog
from dialogue_cli.pricing.quote import cents, compute
from dialogue_cli.pricing.quote_export import dpgf_rows

CATALOG = default_catalog()
PER_UNIT_IDS = [entry.id for entry in CATALOG if entry.per_unit]
DAY_IDS = [entry.id for entry in CATALOG if not entry.per_unit]


def money(low: str, high: str) -> st.SearchStrategy[D]:
    return st.decimals(D(low), D(high), places=2, allow_nan=False, allow_infinity=False)


halves = st.integers(1, 400).map(lambda n: D(n) / 2)
percent = st.decimals(D(0), D(100), places=2, allow_nan=False, allow_infinity=False)

option = st.one_of(
    st.builds(
        lambda i, q: {"id": i, "quantity": q}, st.sampled_from(PER_UNIT_IDS), st.integers(1, 50)
    ),
    st.builds(lambda i, q: {"id": i, "quantity": q}, st.sampled_from(DAY_IDS), halves),
    st.builds(
        lambda p, q: {"label": "Sur mesure", "unit_price": p, "quantity": q},
        money("0.01", "99999.99"),
        st.integers(1, 20),
    ),
    st.builds(
        lambda d, q: {"label": "En jours", "days": d, "quantity": q}, halves, st.integers(1, 10)
    ),
)
vat = st.one_of(
    st.just({"vat_rate": D(0), "vat_exemption": "TVA non applicable, art. 293 B du CGI"}),
    st.builds(lambda r: {"vat_rate": r}, st.one_of(st.sampled_from([D("20"), D("10"), D("5.5"), D("2.1")]),
                                                   percent.filter(lambda r: r > 0))),
)  # fmt: skip
pricings = st.builds(
    lambda vat, day_rate, price, days, options, expenses, discount, deposit: Pricing.model_validate({
        **vat, "day_rate": day_rate, "package": {"price": price, "days": days}, "options": options,
        "expenses": [{"label": "Frais", "amount": amount} for amount in expenses],
        "discount_percent": discount, "deposit_percent": deposit, "date": "2027-01-04",
    }),
    vat, money("1", "5000"), money("0.01", "2000000"), halves, st.lists(option, max_size=6),
    st.lists(money("0.01", "50000"), max_size=3), percent, percent,
)  # fmt: skip
phase_days = st.lists(st.integers(0, 40).map(lambda n: D(n) / 2), min_size=1, max_size=8)


def is_cents(value: D) -> bool:
    return value == cents(value)


@settings(max_examples=300, deadline=None)
@given(pricings, phase_days)
def test_totals_are_consistent_and_the_dpgf_adds_up(pricing: Pricing, days: list[D]) -> None:
    quote = compute(pricing, CATALOG)
    assert quote.total_ttc == quote.total_ht + quote.vat
    assert quote.total_ht == quote.fees - quote.discount + quote.expenses
    assert quote.deposit + quote.balance == quote.total_ttc
    assert quote.fees == sum((line.amount for line in quote.lines if line.kind != "expense"), D(0))
    for value in (quote.fees, quote.discount, quote.expenses, quote.total_ht, quote.vat, quote.total_ttc,
                  quote.deposit, quote.balance, *(line.amount for line in quote.lines)):  # fmt: skip
        assert is_cents(value)
    for line in quote.lines:  # a buyer re-computes every line: exactly, not to within a cent
        assert line.amount == line.quantity * line.unit_price
        assert is_cents(line.unit_price)
    # each rounding is half up to the cent: never more than half a cent away
    assert abs(quote.discount - quote.fees * pricing.discount_percent / 100) <= D("0.005")
    assert abs(quote.vat - quote.total_ht * pricing.vat_rate / 100) <= D("0.005")

    phases = [(f"phase{index}", d) for index, d in enumerate(days)]
    rows = dpgf_rows(quote, phases)
    package_rows = [row for row in rows if row.kind in ("phase", "package")]
    assert sum((row.amount or D(0) for row in package_rows), D(0)) == pricing.package.price
    assert all(
        row.amount is not None and row.amount >= 0 and is_cents(row.amount) for row in package_rows
    )
    # every priced row: quantity x unit price = amount, exactly
    for row in rows:
        if row.quantity is not None:
            assert row.unit_price is not None and row.quantity * row.unit_price == row.amount
    # contiguous numbering: 1 (and 1.1, 1.2... for the phases), then 2, 3...
    top = [row.number for row in rows if row.number and "." not in row.number]
    assert top == [str(n) for n in range(1, len(top) + 1)]
    subs = [row.number for row in rows if "." in row.number]
    assert subs == [f"1.{n}" for n in range(1, len(subs) + 1)]
    # the numbered rows, less the discount, add up to the total HT
    numbered = sum((row.amount or D(0) for row in rows if row.number), D(0))
    assert numbered - quote.discount == quote.total_ht
    assert [row.amount for row in rows[-3:]] == [quote.total_ht, quote.vat, quote.total_ttc]

    data: dict[str, Any] = quote.to_json()
    for key in (
        "fees",
        "discount",
        "expenses",
        "total_ht",
        "vat",
        "total_ttc",
        "deposit",
        "balance",
    ):
        assert re.fullmatch(r"-?\d+\.\d\d", data[key]), data[key]
        assert D(data[key]) == getattr(quote, key)
