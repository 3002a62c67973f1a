"""Invoices after the devis, on cases worked out by hand; the ledger; the CII XML against the XSD."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.model import Client, Consultant, Pricing
from dialogue_cli.pricing.catalog import default_catalog
from dialogue_cli.pricing.invoice import (
    Basis,
    Invoice,
    InvoiceRefused,
    PhaseShare,
    Record,
    compute_invoice,
    next_number,
    schedule,
    standing,
)
from dialogue_cli.pricing.ledger import append, line_of, parse_ledger
from dialogue_cli.pricing.quote import compute, share, vat_of
from dialogue_cli.pricing.quote_export import spread_package

CATALOG = default_catalog()
COMMUNE = Client(name="Ville d'Ormessac", kind="commune", address="1 place de la République, 49000 Ormessac",
                 siren="214909996", siret="21490999600016", service_code="DEMOCRATIE-LOCALE")  # fmt: skip
PRIVATE = Client(name="Coopérative Habitat", kind="prive", address="3 rue Haute, 49100 Angers")
CONSULTANT = Consultant(company="Marchal Concertation", siret="73282932000074", vat_number="FR44732829320",
                        address="12 rue des Lices, 49100 Angers", iban="FR7630006000011234567890189",
                        bic="AGRIFRPP")  # fmt: skip
DAY = dt.date(2027, 1, 4)
ORMESSAC_PHASES = [("cadrage", D("1")), ("preparation", D("2.5")), ("ateliers", D("3")),
                   ("analyse", D("2")), ("creativite", D("1.5")), ("livrables", D("2"))]  # fmt: skip


def basis_of(pricing: Pricing, client: Client, phases: list[tuple[str, D]]) -> Basis:
    quote = compute(pricing, CATALOG, client=client, consultant=CONSULTANT)
    amounts = spread_package(quote.package.amount, [d for _n, d in phases]) or []
    shares = tuple(
        PhaseShare(name, name.capitalize(), days, amount, DAY + dt.timedelta(days=7 * i),
                   DAY + dt.timedelta(days=7 * i + 2))
        for i, ((name, days), amount) in enumerate(zip(phases, amounts, strict=True))
    )  # fmt: skip
    return Basis(quote, shares, pricing.advance if quote.public else None)


class Ledger:
    """Issue invoices one after the other, as the ledger would record them."""

    def __init__(self, basis: Basis) -> None:
        self.basis = basis
        self.history: list[Record] = []
        self.day = DAY

    def issue(
        self, stage: Any = None, phases: tuple[str, ...] = (), credit_note: str | None = None
    ) -> Invoice:
        self.day += dt.timedelta(days=1)
        invoice = compute_invoice(self.basis, self.history, stage=stage, phases=phases, date=self.day,
                                  number=next_number(self.history, "FAC-"), credit_note=credit_note)  # fmt: skip
        self.history.append(invoice.record())
        return invoice

    def total(self) -> D:
        return sum((record.ttc for record in standing(self.history)), D(0))


def ormessac(**extra: Any) -> Pricing:
    return Pricing.model_validate({
        "date": "2027-01-04",
        "options": [{"id": "enquete-terrain"}, {"id": "entretien-complementaire", "quantity": 4},
                    {"id": "formation-posture", "quantity": 2}],
        "expenses": [{"label": "Frais de déplacement", "amount": 380}],
        **extra,
    })  # fmt: skip


# ---------------------------------------------------------------- hand-worked series


def test_ormessac_avance_acomptes_and_solde_add_up_to_the_devis() -> None:
    ledger = Ledger(basis_of(ormessac(advance={"percent": 5}), COMMUNE, ORMESSAC_PHASES))
    # the devis: 15 980 HT, 3 196 VAT, 19 176 TTC
    avance = ledger.issue("avance")
    # 5 % of 15 980 HT = 799.00; its VAT 159.80; 958.80 TTC (5 % of 19 176 exactly)
    assert (avance.ht, avance.vat, avance.ttc, avance.type_code) == (
        D("799.00"),
        D("159.80"),
        D("958.80"),
        "386",
    )
    first = ledger.issue("acompte", ("cadrage", "preparation"))
    # the DPGF's shares: 833.33 + 2 083.33 = 2 916.66 HT; VAT 583.332 -> 583.33; 3 499.99 TTC.
    # Executed 2 916.66 / 15 980 = 18 % < 65 %: no avance recovered yet.
    assert [line.amount for line in first.lines] == [D("833.33"), D("2083.33")]
    assert (first.ht, first.vat, first.ttc, first.recovery_ht) == (
        D("2916.66"),
        D("583.33"),
        D("3499.99"),
        D(0),
    )
    second = ledger.issue("acompte", ("ateliers", "analyse"))
    # 2 500.00 + 1 666.67 = 4 166.67 HT; VAT 833.334 -> 833.33; 5 000.00 TTC; 44 % executed
    assert (second.ht, second.vat, second.ttc) == (D("4166.67"), D("833.33"), D("5000.00"))
    solde = ledger.issue("solde")
    # HT 15 980 - 799 - 2 916.66 - 4 166.67 = 8 097.67; VAT 3 196 - 159.80 - 583.33 - 833.33 =
    # 1 619.54 (8 097.67 x 20 % would be 1 619.53: the earlier invoices each rounded their VAT);
    # TTC 9 717.21. Sum: 958.80 + 3 499.99 + 5 000.00 + 9 717.21 = 19 176.00.
    assert (solde.ht, solde.vat, solde.ttc, solde.type_code) == (
        D("8097.67"),
        D("1619.54"),
        D("9717.21"),
        "380",
    )
    assert [line.amount for line in solde.lines if line.kind == "deduction"] == [
        D("-799.00"), D("-2916.66"), D("-4166.67")
    ]  # fmt: skip
    assert solde.lines_total - solde.allowance == solde.ht
    assert ledger.total() == D("19176.00") == solde.contract_ttc
    assert solde.phases == ("creativite", "livrables")


def test_the_avance_is_recovered_between_65_and_80_percent() -> None:
    pricing = Pricing.model_validate({"date": "2027-01-04", "package": {"price": 10000, "days": 12},
                                      "advance": {"percent": 30}})  # fmt: skip
    four = [("cadrage", D("3")), ("preparation", D("3")), ("ateliers", D("3")), ("analyse", D("3"))]
    ledger = Ledger(basis_of(pricing, COMMUNE, four))
    avance = ledger.issue("avance")
    assert (avance.ht, avance.vat) == (D("3000.00"), D("600.00"))  # 30 % of 10 000 HT
    assert ledger.issue("acompte", ("cadrage",)).recovery_ht == 0  # 25 % executed
    assert ledger.issue("acompte", ("preparation",)).recovery_ht == 0  # 50 %
    third = ledger.issue("acompte", ("ateliers",))
    # 75 % executed: (75 - 65) / (80 - 65) = 2/3 of the avance, 2 000 HT, recovered on this one
    assert [(line.kind, line.amount) for line in third.lines] == [("service", D("2500.00")),
                                                                  ("recovery", D("-2000.00"))]  # fmt: skip
    assert (third.recovery_ht, third.ht, third.vat, third.ttc) == (
        D("2000.00"),
        D("500.00"),
        D("100.00"),
        D("600.00"),
    )
    solde = ledger.issue("solde")
    # left: phase 4 (2 500) less the last 1 000 of the avance = 1 500 HT, 300 VAT, 1 800 TTC
    assert (solde.ht, solde.vat, solde.ttc) == (D("1500.00"), D("300.00"), D("1800.00"))
    assert ledger.total() == D("12000.00")


def test_a_private_client_pays_a_deposit_and_the_discount_follows_each_invoice() -> None:
    pricing = Pricing.model_validate({"date": "2027-01-04", "package": {"price": 10000, "days": 2},
                                      "discount_percent": 10, "expenses": [{"label": "Frais", "amount": 100}]})  # fmt: skip
    ledger = Ledger(basis_of(pricing, PRIVATE, [("cadrage", D("1")), ("ateliers", D("1"))]))
    # fees 10 000, discount 1 000, expenses 100: HT 9 100, VAT 1 820, TTC 10 920
    deposit = ledger.issue("acompte")  # no phases: the deposit on order, 30 % by default
    assert (deposit.stage, deposit.ht, deposit.vat, deposit.ttc) == (
        "deposit",
        D("2730.00"),
        D("546.00"),
        D("3276.00"),
    )
    acompte = ledger.issue("acompte", ("cadrage",))
    # 5 000, less the discount of 10 % (500) as an allowance: 4 500 HT, 900 VAT
    assert (acompte.lines_total, acompte.allowance, acompte.ht, acompte.vat) == (
        D("5000"),
        D("500"),
        D("4500"),
        D("900"),
    )
    solde = ledger.issue("solde")
    assert (solde.ht, solde.vat, solde.ttc) == (D("1870.00"), D("374.00"), D("2244.00"))
    assert solde.allowance == D("1000")  # the devis' discount; the deductions are lines
    assert ledger.total() == D("10920.00")


def test_refusals() -> None:
    ledger = Ledger(basis_of(ormessac(advance={"percent": 5}), COMMUNE, ORMESSAC_PHASES))
    with pytest.raises(InvoiceRefused, match="only for services performed"):
        ledger.issue("acompte")  # a public client: no deposit
    ledger.issue("acompte", ("cadrage",))
    with pytest.raises(InvoiceRefused, match="the avance is paid before any other invoice"):
        ledger.issue("avance")
    with pytest.raises(InvoiceRefused, match=r"--phases cadrage: already invoiced \(FAC-0001\)"):
        ledger.issue("acompte", ("cadrage", "analyse"))
    with pytest.raises(InvoiceRefused, match="did you mean 'analyse'"):
        ledger.issue("acompte", ("analyze",))
    ledger.issue("solde")
    with pytest.raises(InvoiceRefused, match="the solde of devis DEV-20270104 is already invoiced"):
        ledger.issue("solde")
    with pytest.raises(InvoiceRefused, match="already invoiced"):
        ledger.issue("acompte", ("analyse",))
    private = Ledger(basis_of(ormessac(), PRIVATE, ORMESSAC_PHASES))
    with pytest.raises(InvoiceRefused, match="a private client pays a deposit"):
        private.issue("avance")
    no_avance = Ledger(basis_of(ormessac(), COMMUNE, ORMESSAC_PHASES))
    with pytest.raises(InvoiceRefused, match="sets no avance"):
        no_avance.issue("avance")


def test_a_credit_note_cancels_the_last_invoice_and_its_stage_comes_back() -> None:
    ledger = Ledger(basis_of(ormessac(), COMMUNE, ORMESSAC_PHASES))
    ledger.issue("acompte", ("cadrage",))
    solde = ledger.issue("solde")
    with pytest.raises(
        InvoiceRefused, match="FAC-0002, issued after it, deducts it; cancel FAC-0002 first"
    ):
        ledger.issue(credit_note="FAC-0001")
    credit = ledger.issue(credit_note="FAC-0002")
    assert (credit.kind, credit.type_code, credit.number, credit.ht, credit.vat) == (
        "credit_note", "381", "FAC-0003", solde.ht, solde.vat
    )  # fmt: skip
    assert credit.cancels is not None and credit.cancels.number == "FAC-0002"
    with pytest.raises(InvoiceRefused, match="already cancelled by FAC-0003"):
        ledger.issue(credit_note="FAC-0002")
    with pytest.raises(InvoiceRefused, match="is itself a credit note"):
        ledger.issue(credit_note="FAC-0003")
    with pytest.raises(InvoiceRefused, match="no such invoice"):
        ledger.issue(credit_note="FAC-0099")
    again = ledger.issue("solde")  # the cancelled solde is issued anew, under a new number
    assert again.number == "FAC-0004" and again.ttc == solde.ttc
    assert ledger.total() == D("19176.00")


def test_dates_go_forward_and_an_accepted_devis_does_not_change() -> None:
    basis = basis_of(ormessac(), COMMUNE, ORMESSAC_PHASES)
    first = compute_invoice(
        basis, [], stage="acompte", phases=("cadrage",), number="FAC-0001", date=DAY
    )
    history = [first.record()]
    with pytest.raises(InvoiceRefused, match="before the last invoice"):
        compute_invoice(
            basis, history, stage="solde", number="FAC-0002", date=DAY - dt.timedelta(days=1)
        )
    changed = basis_of(ormessac(discount_percent=5), COMMUNE, ORMESSAC_PHASES)
    with pytest.raises(InvoiceRefused, match="an accepted devis does not change"):
        compute_invoice(changed, history, stage="solde", number="FAC-0002", date=DAY)


def test_the_schedule_is_the_series_of_invoices() -> None:
    basis = basis_of(ormessac(advance={"percent": 5}), COMMUNE, ORMESSAC_PHASES)
    rows = schedule(basis)
    assert [row.stage for row in rows] == ["avance"] + ["acompte"] * 5 + ["solde"]
    assert [row.ttc for row in rows] == [D("958.80"), D("1000.00"), D("2500.00"), D("3000.00"),
                                         D("2000.00"), D("1500.00"), D("8217.20")]  # fmt: skip
    assert sum((row.ttc for row in rows), D(0)) == basis.quote.total_ttc
    private = schedule(basis_of(ormessac(), PRIVATE, ORMESSAC_PHASES))
    # deposit 30 % of 15 980 HT = 4 794 + 958.80 VAT = 5 752.80; the solde 13 423.20
    assert [(row.stage, row.ttc) for row in private] == [
        ("deposit", D("5752.80")),
        ("solde", D("13423.20")),
    ]


def test_half_up_vat_and_shares() -> None:
    assert vat_of(D("3.00"), D("5.5")) == D("0.17")  # 0.165 -> 0.17 (banker's would give 0.16)
    assert vat_of(D("2916.66"), D("20")) == D("583.33")  # 583.332
    assert share(D("15980"), D("5"), D("20")) == (D("799.00"), D("159.80"))


# ---------------------------------------------------------------- property: every series adds up


stages = st.lists(st.sampled_from(["avance", "acompte", "credit"]), max_size=8)


@settings(max_examples=150, deadline=None)
@given(
    price=st.decimals(D("100"), D("500000"), places=2, allow_nan=False, allow_infinity=False),
    days=st.lists(st.integers(1, 12).map(lambda n: D(n) / 2), min_size=1, max_size=6),
    vat=st.sampled_from([D("20"), D("10"), D("5.5"), D("2.1")]),
    discount=st.decimals(D(0), D(30), places=1, allow_nan=False, allow_infinity=False),
    advance=st.one_of(
        st.none(), st.decimals(D(1), D(60), places=0, allow_nan=False, allow_infinity=False)
    ),
    steps=stages,
    private=st.booleans(),
)
def test_any_series_of_invoices_adds_up_to_the_devis_to_the_cent(
    price: D, days: list[D], vat: D, discount: D, advance: D | None, steps: list[str], private: bool
) -> None:
    pricing = Pricing.model_validate({
        "date": "2027-01-04", "package": {"price": price, "days": sum(days)}, "vat_rate": vat,
        "discount_percent": discount, "expenses": [{"label": "Frais", "amount": "123.45"}],
        **({"advance": {"percent": advance}} if advance and not private else {}),
    })  # fmt: skip
    phases = [(f"p{i}", d) for i, d in enumerate(days)]
    ledger = Ledger(basis_of(pricing, PRIVATE if private else COMMUNE, phases))
    remaining = [name for name, _d in phases]
    for step in steps:
        try:
            if step == "credit" and standing(ledger.history):
                ledger.issue(credit_note=standing(ledger.history)[-1].number)
                remaining = [
                    n
                    for n, _d in phases
                    if not any(n in r.phases for r in standing(ledger.history))
                ]
            elif step == "acompte" and remaining:
                ledger.issue("acompte", (remaining.pop(0),))
            elif step == "avance":
                ledger.issue("avance")
        except InvoiceRefused:
            pass
    solde = ledger.issue("solde")
    assert ledger.total() == solde.contract_ttc
    for record in standing(ledger.history):
        assert record.ttc == record.ht + record.vat and record.ttc >= 0
    # every invoice but the solde bears VAT = HT x rate rounded half up; the solde carries the rest
    for record in standing(ledger.history)[:-1]:
        assert record.vat == vat_of(record.ht, vat)
    assert abs(solde.vat - vat_of(solde.ht, vat)) <= D("0.01") * len(ledger.history)


# ---------------------------------------------------------------- the ledger


def test_the_ledger_round_trips_and_is_only_appended_to() -> None:
    ledger = Ledger(basis_of(ormessac(advance={"percent": 5}), COMMUNE, ORMESSAC_PHASES))
    ledger.issue("avance")
    ledger.issue("acompte", ("cadrage",))
    text = ""
    for index, record in enumerate(ledger.history):
        new = append(text, record, ledger.history[:index])
        assert new.startswith(text) and new.count("\n") == index + 1
        text = new
    assert parse_ledger(text, "factures.jsonl") == ledger.history
    with pytest.raises(ValueError, match="already in the ledger"):
        append(text, ledger.history[0], ledger.history)
    assert next_number(ledger.history, "FAC-") == "FAC-0003"


def test_a_damaged_ledger_is_located_by_line() -> None:
    ledger = Ledger(basis_of(ormessac(), COMMUNE, ORMESSAC_PHASES))
    record = ledger.issue("acompte", ("cadrage",)).record()
    good = line_of(record)
    text = (
        good
        + '{"number": "FAC-0002"}\n'
        + "not json\n"
        + good.replace('"ht": "833.33"', '"ht": "833.333"')
        + good
    )
    with pytest.raises(LocatedError) as caught:
        parse_ledger(text, "factures.jsonl")
    lines = caught.value.lines()
    assert lines[0].startswith("factures.jsonl:2: not an invoice record: missing kind, stage")
    assert lines[1].startswith("factures.jsonl:3: not an invoice record")
    assert any("not an amount in cents" in line for line in lines)
    assert any("FAC-0001 is already on line 1" in line for line in lines)
