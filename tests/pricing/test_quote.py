"""The quote computation, on cases worked out by hand; the catalog; the DPGF and BPU rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from pydantic import ValidationError

from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.model import Client, Consultant, Pricing
from dialogue_cli.pricing.catalog import CatalogEntry, default_catalog, of, parse_catalog
from dialogue_cli.pricing.mentions import format_siret
from dialogue_cli.pricing.procurement import dispense_threshold, procurement_note
from dialogue_cli.pricing.quote import (
    QuoteInputError,
    compute,
    derive_number,
    unit_label,
)
from dialogue_cli.pricing.quote_export import (
    InexactRow,
    bpu_rows,
    dpgf_rows,
    dqe_rows,
    spread_package,
)

CATALOG = default_catalog()
PRIVATE = Client(name="Coopérative Habitat", kind="prive")
ORMESSAC_PHASES = [("cadrage", D("1")), ("preparation", D("2.5")), ("ateliers", D("3")),
                   ("analyse", D("2")), ("creativite", D("1.5")), ("livrables", D("2"))]  # fmt: skip


def pricing(**fields: Any) -> Pricing:
    return Pricing.model_validate({"date": "2027-01-04", **fields})


def amounts(quote: Any) -> dict[str, D]:
    names = (
        "fees",
        "discount",
        "expenses",
        "total_ht",
        "vat",
        "total_ttc",
        "deposit",
        "balance",
        "days",
    )
    return {name: getattr(quote, name) for name in names}


# ---------------------------------------------------------------- hand-worked cases


def test_ormessac_offer_vat_20() -> None:
    quote = compute(
        pricing(
            options=[{"id": "enquete-terrain"}, {"id": "entretien-complementaire", "quantity": 4},
                     {"id": "formation-posture", "quantity": 2}],
            expenses=[{"label": "Frais de déplacement", "amount": 380}],
        ),
        CATALOG,
    )  # fmt: skip
    # 10 000 + 2 400 + 4 x 350 + 2 x 900 = 15 600 fees; + 380 expenses = 15 980 HT
    # VAT 20 % = 3 196; TTC 19 176. A public client (the default): no deposit, the balance is
    # the whole TTC. Days: 12 of the package + 2 (survey) + 4 x 0.25 (interviews) + 2 x 0.5
    # (training) = 16.
    assert amounts(quote) == {
        "fees": D("15600"), "discount": D("0"), "expenses": D("380"), "total_ht": D("15980"),
        "vat": D("3196"), "total_ttc": D("19176"), "deposit": D("0"), "balance": D("19176"),
        "days": D("16"),
    }  # fmt: skip
    assert quote.public and quote.package_days == D("12")
    assert [line.amount for line in quote.lines] == [
        D("10000"),
        D("2400"),
        D("1400"),
        D("1800"),
        D("380"),
    ]
    assert [line.kind for line in quote.lines] == [
        "package",
        "option",
        "option",
        "option",
        "expense",
    ]
    assert quote.lines[2].unit == "entretien" and quote.lines[2].unit_price == D("350")
    assert quote.valid_until == dt.date(2027, 4, 4)  # 4 January + 90 days
    assert quote.procurement_note is None  # 15 980 < 60 000


def test_vat_zero_with_exemption() -> None:
    exemption = "TVA non applicable, art. 293 B du CGI"
    quote = compute(pricing(vat_rate=0, vat_exemption=exemption), CATALOG, client=PRIVATE)
    # 10 000 HT, no VAT: TTC = HT; a private client's default deposit 30 % = 3 000
    assert (quote.total_ht, quote.vat, quote.total_ttc, quote.deposit) == (
        D("10000"),
        D("0"),
        D("10000"),
        D("3000"),
    )
    assert quote.vat_exemption == exemption
    assert exemption in quote.mentions
    # no VAT number is asked for under the franchise
    assert not any("TVA intracommunautaire" in mention for mention in quote.mentions)


def test_an_exemption_with_vat_charged_is_refused_by_the_model() -> None:
    with pytest.raises(ValidationError, match="vat_exemption"):
        pricing(vat_rate=20, vat_exemption="TVA non applicable, art. 293 B du CGI")


def test_discount_on_fees_never_on_expenses() -> None:
    quote = compute(
        pricing(
            options=[{"label": "Exposition itinérante", "unit_price": 2000}],
            expenses=[
                {"label": "Déplacements", "amount": 380},
                {"label": "Impressions", "amount": 120},
            ],
            discount_percent=10,
        ),
        CATALOG,
        client=PRIVATE,
    )
    # fees 12 000; discount 10 % = 1 200; expenses 500 -> HT 11 300; VAT 2 260; TTC 13 560
    # deposit 30 % of the HT = 3 390, its VAT 678: 4 068 TTC; balance 9 492
    assert amounts(quote) == {
        "fees": D("12000"), "discount": D("1200"), "expenses": D("500"), "total_ht": D("11300"),
        "vat": D("2260"), "total_ttc": D("13560"), "deposit": D("4068"), "balance": D("9492"),
        "days": D("12"),
    }  # fmt: skip
    assert "Remise sur honoraires (10\u00a0%) : sur les honoraires, frais exclus." in quote.mentions


def test_day_priced_options() -> None:
    quote = compute(
        pricing(options=[{"label": "Atelier sur mesure", "days": 1.5, "quantity": 2},
                         {"id": "animation-jour", "quantity": 2.5}]),
        CATALOG,
    )  # fmt: skip
    custom, facilitation = quote.options
    # 2 workshops of 1.5 days at 850: unit price 1 275, amount 2 550, 3 days
    assert (custom.quantity, custom.unit, custom.unit_price, custom.amount, custom.days) == (
        D("2"),
        "forfait",
        D("1275"),
        D("2550"),
        D("3"),
    )
    assert custom.basis == "1,5 jour à 850,00\u00a0€"
    # 2.5 facilitation days at 850 = 2 125; a day-priced line may be fractional
    assert (facilitation.unit, facilitation.unit_price, facilitation.amount, facilitation.days) == (
        "jour",
        D("850"),
        D("2125"),
        D("2.5"),
    )
    # days = 12 (package) + 3 + 2.5
    assert quote.days == D("17.5")
    # fees 10 000 + 2 550 + 2 125 = 14 675; VAT 2 935; TTC 17 610
    assert (quote.fees, quote.vat, quote.total_ttc) == (D("14675"), D("2935"), D("17610"))


def test_unit_priced_ad_hoc_option() -> None:
    quote = compute(
        pricing(options=[{"label": "Exposition itinérante", "unit_price": 1800, "quantity": 3}]),
        CATALOG,
    )
    (line,) = quote.options
    assert (line.unit, line.unit_price, line.amount, line.days) == (
        "unité",
        D("1800"),
        D("5400"),
        None,
    )
    assert quote.days == D("12")  # unit-priced lines add no consultant days


def test_catalog_entry_overridden_by_the_engagement() -> None:
    quote = compute(
        pricing(options=[{"id": "entretien-complementaire", "quantity": 3, "unit_price": 300},
                         {"id": "atelier-roi-citoyen", "days": 2}]),
        CATALOG,
    )  # fmt: skip
    interviews, workshop = quote.options
    assert (interviews.label, interviews.amount) == (
        "Entretien complémentaire",
        D("900"),
    )  # 3 x 300
    # the ROI workshop priced in days instead of 1 200: 2 x 850 = 1 700, 2 days, unit kept
    assert (workshop.unit, workshop.unit_price, workshop.amount, workshop.days) == (
        "atelier",
        D("1700"),
        D("1700"),
        D("2"),
    )


def test_half_cent_rounds_up() -> None:
    # half a day at 850.05 = 425.025 -> 425.03 (half up; banker's rounding would give 425.02)
    quote = compute(
        pricing(day_rate="850.05", options=[{"label": "Demi-journée", "days": 0.5}]), CATALOG
    )
    assert quote.options[0].amount == D("425.03")
    # VAT 10 % of 1 234.65 = 123.465 -> 123.47 (half up, not 123.46)
    quote = compute(pricing(package={"price": "1234.65"}, vat_rate=10, deposit_percent=0), CATALOG)
    assert (quote.vat, quote.total_ttc, quote.deposit, quote.balance) == (
        D("123.47"),
        D("1358.12"),
        D("0"),
        D("1358.12"),
    )


def test_below_half_cent_rounds_down() -> None:
    quote = compute(
        pricing(package={"price": "10000.09"}, discount_percent=5, vat_rate="5.5"),
        CATALOG,
        client=PRIVATE,
    )
    # discount 5 % of 10 000.09 = 500.0045 -> 500.00; HT 9 500.09
    # VAT 5.5 % of 9 500.09 = 522.50495 -> 522.50; TTC 10 022.59
    # deposit 30 % of the HT 9 500.09 = 2 850.027 -> 2 850.03, its VAT 5.5 % = 156.75165
    # -> 156.75: 3 006.78 TTC; balance 7 015.81
    assert amounts(quote) | {"days": D(0)} == {
        "fees": D("10000.09"), "discount": D("500.00"), "expenses": D("0"), "total_ht": D("9500.09"),
        "vat": D("522.50"), "total_ttc": D("10022.59"), "deposit": D("3006.78"), "balance": D("7015.81"),
        "days": D(0),
    }  # fmt: skip


def test_large_engagement() -> None:
    quote = compute(
        pricing(
            day_rate=1100,
            package={"price": 250000, "days": 300},
            options=[
                {"id": "animation-jour", "quantity": 120},
                {"id": "entretien-complementaire", "quantity": 40},
            ],
            expenses=[{"label": "Déplacements", "amount": "12345.67"}],
            discount_percent="7.5",
        ),
        CATALOG,
        client=PRIVATE,
    )
    # fees 250 000 + 120 x 1 100 + 40 x 350 = 396 000; discount 7.5 % = 29 700
    # HT 396 000 - 29 700 + 12 345.67 = 378 645.67; VAT 75 729.134 -> 75 729.13; TTC 454 374.80
    # deposit 30 % of the HT = 113 593.701 -> 113 593.70, VAT 22 718.74: 136 312.44 TTC;
    # balance 318 062.36; days 300 + 120 (facilitation) + 40 x 0.25 (interviews) = 430
    assert amounts(quote) == {
        "fees": D("396000"), "discount": D("29700"), "expenses": D("12345.67"), "total_ht": D("378645.67"),
        "vat": D("75729.13"), "total_ttc": D("454374.80"), "deposit": D("136312.44"),
        "balance": D("318062.36"), "days": D("430"),
    }  # fmt: skip
    assert quote.procurement_note is None  # a private client runs no procurement
    public = compute(pricing(day_rate=1100, package={"price": 250000, "days": 300}), CATALOG)
    assert public.procurement_note is not None
    assert (
        "60\u202f000,00\u00a0€" in public.procurement_note and "R2122-8" in public.procurement_note
    )


def test_json_amounts_are_strings_with_two_decimals() -> None:
    data = compute(pricing(options=[{"id": "animation-jour", "quantity": 1.5}]), CATALOG).to_json()
    assert list(data) == ["number", "date", "valid_until", "currency", "lines", "fees", "discount", "expenses",
                          "total_ht", "vat_rate", "vat", "total_ttc", "deposit", "balance", "advance", "days",
                          "package_days", "mentions"]  # fmt: skip
    assert data["lines"][1] == {"label": "Animation de dispositifs citoyens", "quantity": "1.5", "unit": "jour",
                                "unit_price": "850.00", "amount": "1275.00", "days": "1.5", "basis": ""}  # fmt: skip
    assert (data["fees"], data["total_ttc"], data["vat_rate"], data["days"]) == (
        "11275.00",
        "13530.00",
        "20",
        "13.5",
    )


# ---------------------------------------------------------------- inputs the catalog cannot price


def test_unknown_catalog_id_suggests_the_closest() -> None:
    with pytest.raises(QuoteInputError) as caught:
        compute(pricing(options=[{"id": "entretiens-complementaires", "quantity": 4}]), CATALOG)
    (loc, message), = caught.value.issues  # fmt: skip
    assert loc == ("pricing", "options", 0, "id")
    assert "unknown catalog id 'entretiens-complementaires'" in message
    assert "did you mean 'entretien-complementaire'?" in message


def test_fractional_quantity_on_a_per_unit_catalog_line() -> None:
    with pytest.raises(QuoteInputError) as caught:
        compute(
            pricing(
                options=[
                    {"id": "atelier-roi-citoyen"},
                    {"id": "entretien-complementaire", "quantity": 2.5},
                ]
            ),
            CATALOG,
        )
    assert caught.value.issues == [
        (("pricing", "options", 1, "quantity"),
         "quantity 2.5 is fractional for a per-unit line ('entretien'): use a whole number"),
    ]  # fmt: skip


# ---------------------------------------------------------------- number, date, mentions


def test_number_and_date() -> None:
    assert derive_number("ORM-2027-01", dt.date(2027, 1, 4)) == "DEV-ORM-2027-01"
    assert derive_number("DEV-7", dt.date(2027, 1, 4)) == "DEV-7"
    assert derive_number("", dt.date(2027, 1, 4)) == "DEV-20270104"
    undated = Pricing.model_validate({"validity_days": 30})
    quote = compute(undated, CATALOG, reference="ORM-2027-01", quote_date=dt.date(2027, 2, 1))
    assert (quote.number, quote.date, quote.valid_until) == (
        "DEV-ORM-2027-01",
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 3),
    )
    assert compute(undated, CATALOG).date == dt.date.today()


def test_mentions_of_a_public_client_in_french() -> None:
    consultant = Consultant(company="Marchal Concertation", legal_form="SARL", capital="8 000 €",
                            siret="73282932000074", rcs="RCS Angers 732 829 320", vat_number="FR44732829320")  # fmt: skip
    quote = compute(
        pricing(),
        CATALOG,
        client=Client(name="Ville d'Ormessac", kind="commune"),
        consultant=consultant,
    )
    text = "\n".join(quote.all_mentions)
    assert quote.provider.startswith("Marchal Concertation, SARL au capital de 8 000 €")
    assert quote.all_mentions[0] == quote.provider
    assert "SIRET 732 829 320 00074" in text and "RCS Angers" in text and "FR44732829320" in text
    assert "jusqu'au 4 avril 2027" in text
    assert "à 30 jours" in text and "Aucun acompte à la commande" in text
    assert "R2191-20 et suivants" in text and "Acompte de" not in text
    assert (
        "Client public (commune)" in text
        and "intérêts moratoires" in text
        and "majoré de 8 points" in text
    )
    assert "40,00\u00a0€" in text and "R2192-31" in text and "Chorus Pro" in text
    assert quote.acceptance == [
        "Bon pour accord",
        "Date : ____________________",
        "Nom, qualité, signature et cachet : ____________________",
    ]
    assert quote.all_mentions[-3:] == quote.acceptance
    # the terms hold neither the provider's identity nor the acceptance block
    assert not any("SIRET" in m or "Bon pour accord" in m for m in quote.mentions)
    assert quote.to_json()["mentions"] == quote.all_mentions


def test_mentions_flag_a_missing_siret_and_speak_english() -> None:
    quote = compute(pricing(), CATALOG, language="en")
    assert "SIRET: to be completed" in quote.provider
    assert any(
        "late-payment interest" in mention and "40.00" in mention for mention in quote.mentions
    )
    assert quote.acceptance[0].startswith("Approved")
    assert quote.acceptance[-1].startswith("Name, position, signature and stamp")
    assert quote.lines[0].unit == "package"  # the word the English catalog uses


def test_mentions_of_a_private_client_use_the_commercial_code() -> None:
    quote = compute(pricing(), CATALOG, client=PRIVATE)
    text = "\n".join(quote.mentions)
    # 10 000 HT: deposit 30 % = 3 000 HT + 600 VAT = 3 600 TTC; balance 8 400
    assert "Acompte de 30\u00a0% à la commande, soit 3\u202f600,00\u00a0€ TTC" in text
    assert "solde de 8\u202f400,00\u00a0€ TTC" in text
    assert "L441-10" in text and "majoré de 10 points" in text and "40,00\u00a0€" in text
    assert "intérêts moratoires" not in text and quote.procurement_note is None


def test_format_siret() -> None:
    assert format_siret("73282932000074") == "732 829 320 00074"
    assert format_siret("123") == "123"


# ---------------------------------------------------------------- procurement threshold


def test_threshold_changes_on_1_april_2026() -> None:
    assert dispense_threshold(dt.date(2026, 3, 31)).amount == D("40000")
    assert dispense_threshold(dt.date(2026, 4, 1)).amount == D("60000")
    assert dispense_threshold(dt.date(2019, 6, 1)).amount == D("40000")
    assert procurement_note(D("45000"), dt.date(2026, 3, 31)) is not None
    assert procurement_note(D("45000"), dt.date(2026, 4, 1)) is None
    # the dispense is for values *below* the threshold: 60 000 exactly needs a procedure
    note = procurement_note(D("60000"), dt.date(2026, 4, 1))
    assert note is not None and "1er avril 2026" in note and "2025-1386" in note
    assert procurement_note(D("59999.99"), dt.date(2027, 1, 1)) is None


# ---------------------------------------------------------------- DPGF and BPU


def test_dpgf_shares_the_package_among_the_phases_by_largest_remainders() -> None:
    quote = compute(pricing(options=[{"id": "entretien-complementaire", "quantity": 4}],
                            expenses=[{"label": "Déplacements", "amount": 380}]), CATALOG)  # fmt: skip
    rows = dpgf_rows(quote, ORMESSAC_PHASES)
    # 10 000 over 12 days: exact shares 833.333, 2 083.333, 2 500, 1 666.667, 1 250, 1 666.667;
    # rounded down they make 9 999.98; the 2 cents left go to the largest dropped fractions
    # (0.667 of a cent: analyse and livrables), so equal days get equal amounts.
    phases = [row for row in rows if row.kind == "phase"]
    assert [row.number for row in rows[:7]] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert rows[0].kind == "section" and rows[0].amount is None
    assert [row.label for row in phases] == [
        "Cadrage (1 jour)", "Préparation (2,5 jours)", "Ateliers (3 jours)", "Analyse (2 jours)",
        "Séance de créativité (1,5 jour)", "Livrables (2 jours)",
    ]  # fmt: skip
    assert [row.amount for row in phases] == [D("833.33"), D("2083.33"), D("2500.00"), D("1666.67"),
                                              D("1250.00"), D("1666.67")]  # fmt: skip
    # lump sums: quantity 1 x unit price = amount, exactly
    assert all(
        row.quantity == 1 and row.unit == "forfait" and row.unit_price == row.amount
        for row in phases
    )
    assert sum(row.amount or 0 for row in phases) == D("10000")
    assert [(row.number, row.label) for row in rows[7:]] == [
        ("2", "Entretien complémentaire"), ("3", "Déplacements"), ("", "Total HT"),
        ("", "TVA 20\u00a0%"), ("", "Total TTC"),
    ]  # fmt: skip
    assert [row.amount for row in rows[-3:]] == [D("11780"), D("2356"), D("14136")]


def test_dpgf_phases_in_days_when_the_price_divides_exactly() -> None:
    # 10 200 over 12 days is exactly 850.00 a day, and every phase's days x 850 is in cents
    quote = compute(pricing(package={"price": 10200, "days": 12}), CATALOG)
    phases = [row for row in dpgf_rows(quote, ORMESSAC_PHASES) if row.kind == "phase"]
    assert [(row.label, row.unit, row.quantity, row.unit_price, row.amount) for row in phases] == [
        ("Cadrage", "jour", D("1"), D("850.00"), D("850.00")),
        ("Préparation", "jour", D("2.5"), D("850.00"), D("2125.00")),
        ("Ateliers", "jour", D("3"), D("850.00"), D("2550.00")),
        ("Analyse", "jour", D("2"), D("850.00"), D("1700.00")),
        ("Séance de créativité", "jour", D("1.5"), D("850.00"), D("1275.00")),
        ("Livrables", "jour", D("2"), D("850.00"), D("1700.00")),
    ]
    # 1 000.01 over 2 days is 500.005: not in cents, so lump sums (500.01 + 500.00)
    odd = compute(pricing(package={"price": "1000.01", "days": 2}), CATALOG)
    rows = dpgf_rows(odd, [("cadrage", D("1")), ("ateliers", D("1"))])
    assert [(row.unit, row.amount) for row in rows if row.kind == "phase"] == [
        ("forfait", D("500.01")), ("forfait", D("500.00"))
    ]  # fmt: skip


def test_dpgf_skips_phases_without_days_and_shows_the_discount() -> None:
    quote = compute(pricing(package={"price": 1000, "days": 3}, discount_percent=10,
                            expenses=[{"label": "Déplacements", "amount": 50}]), CATALOG)  # fmt: skip
    rows = dpgf_rows(quote, [("cadrage", D("1")), ("preparation", D("0")), ("ateliers", D("2"))])
    # 1 000 / 3: 333.333 and 666.667 rounded down leave one cent, to ateliers (0.667 > 0.333);
    # the discount (10 % of the fees, 100) follows the fees' total; the expense (never
    # discounted) comes after it; total HT 1 000 - 100 + 50 = 950; VAT 190; TTC 1 140.
    assert [(row.number, row.label, row.amount) for row in rows] == [
        ("1", "Stratégie de dialogue citoyen : forfait", None),
        ("1.1", "Cadrage (1 jour)", D("333.33")), ("1.2", "Ateliers (2 jours)", D("666.67")),
        ("", "Total des honoraires HT", D("1000")),
        ("", "Remise sur honoraires (10\u00a0%)", D("-100")), ("2", "Déplacements", D("50")),
        ("", "Total HT", D("950")), ("", "TVA 20\u00a0%", D("190")), ("", "Total TTC", D("1140")),
    ]  # fmt: skip


def test_dpgf_without_phase_days_keeps_one_package_row() -> None:
    quote = compute(pricing(), CATALOG)
    rows = dpgf_rows(quote, [("cadrage", D("0"))])
    assert (rows[0].number, rows[0].kind, rows[0].quantity, rows[0].amount) == (
        "1",
        "package",
        D("1"),
        D("10000"),
    )
    assert spread_package(D("100"), []) is None


def test_spread_package_by_largest_remainders() -> None:
    # 0.02 over three equal phases: 0.00666 each, floors 0; the 2 cents go to the first two
    assert spread_package(D("0.02"), [D("1"), D("1"), D("1")]) == [D("0.01"), D("0.01"), D("0.00")]
    # 0.05 over 9 + 1 days: 0.045 and 0.005, floors 0.04 and 0.00; the cent goes to the first
    # (0.5 of a cent dropped each: the tie goes to the earlier phase)
    assert spread_package(D("0.05"), [D("9"), D("1")]) == [D("0.05"), D("0.00")]
    assert spread_package(D("100"), [D("1"), D("0"), D("2")]) == [D("33.33"), D("0"), D("66.67")]


def test_dqe_prices_the_bpu_at_the_quantities_ordered() -> None:
    pricing_ = pricing(options=[{"id": "entretien-complementaire", "quantity": 4},
                                {"id": "animation-jour", "quantity": 2.5},
                                {"id": "entretien-complementaire", "quantity": 2}],
                       discount_percent=5)  # fmt: skip
    quote = compute(pricing_, CATALOG)
    rows = dqe_rows(quote, CATALOG, pricing_)
    entries = [row for row in rows if row.kind == "entry"]
    # same numbers and prices as the BPU; quantities ordered: 6 interviews, 2.5 days, 0 else
    assert [
        (row.number, row.code, row.quantity, row.unit_price, row.amount) for row in entries
    ] == [
        ("1", "enquete-terrain", D("0"), D("2400"), D("0")),
        ("2", "entretien-complementaire", D("6"), D("350"), D("2100")),
        ("3", "atelier-roi-citoyen", D("0"), D("1200"), D("0")),
        ("4", "formation-posture", D("0"), D("900"), D("0")),
        ("5", "animation-jour", D("2.5"), D("850.00"), D("2125.00")),
    ]
    # subtotal 4 225; discount 5 % = 211.25; HT 4 013.75; VAT 802.75; TTC 4 816.50
    assert [(row.label, row.amount) for row in rows[5:]] == [
        ("Sous-total HT", D("4225.00")), ("Remise sur honoraires (5\u00a0%)", D("-211.25")),
        ("Total HT", D("4013.75")), ("TVA 20\u00a0%", D("802.75")), ("Total TTC", D("4816.50")),
    ]  # fmt: skip


def test_dqe_refuses_a_row_that_is_not_in_cents() -> None:
    pricing_ = pricing(day_rate="850.01", options=[{"id": "animation-jour", "quantity": 0.5}])
    quote = compute(pricing_, CATALOG)
    with pytest.raises(InexactRow, match="not a whole number of cents"):
        dqe_rows(quote, CATALOG, pricing_)


def test_bpu_lists_unit_prices_without_quantities() -> None:
    rows = bpu_rows(CATALOG, D("1100"))
    assert [(row.code, row.unit, row.unit_price) for row in rows] == [
        ("enquete-terrain", "forfait", D("2400")), ("entretien-complementaire", "entretien", D("350")),
        ("atelier-roi-citoyen", "atelier", D("1200")), ("formation-posture", "session", D("900")),
        ("animation-jour", "jour", D("1100")),
    ]  # fmt: skip
    assert all(row.quantity is None and row.amount is None for row in rows)


# ---------------------------------------------------------------- catalog files


def test_default_catalog_has_the_offer() -> None:
    assert CATALOG.ids() == ["enquete-terrain", "entretien-complementaire", "atelier-roi-citoyen",
                             "formation-posture", "animation-jour"]  # fmt: skip
    entry = CATALOG.get("animation-jour")
    assert entry is not None and entry.days == D("1") and not entry.per_unit


def test_in_memory_catalog() -> None:
    catalog = of([CatalogEntry(id="x", label="X", unit_price=D("10"))])
    assert len(catalog) == 1 and catalog.get("y") is None
    assert compute(pricing(options=[{"id": "x", "quantity": 3}]), catalog).options[0].amount == D(
        "30"
    )


CATALOG_CASES = [
    ("unknown-key", "options:\n  - {id: a, label: A, unit_prize: 10}\n", "tarifs.yaml:2:23: options[0].unit_prize:",
     "did you mean 'unit_price'?"),
    ("both-prices", "version: 1\noptions:\n  - id: a\n    label: A\n    unit_price: 10\n    days: 1\n",
     "tarifs.yaml:3:5: options[0]:", "exactly one"),
    ("negative", "options:\n  - id: a\n    label: A\n    unit_price: -5\n", "tarifs.yaml:4:17: options[0].unit_price:",
     "greater than 0"),
    ("duplicate", "options:\n  - {id: a, label: A, days: 1}\n  - {id: a, label: B, days: 2}\n",
     "tarifs.yaml:3:10: options[1].id:", "duplicate id 'a'"),
    ("syntax", "options:\n  - {id: a, label: [A\n", "tarifs.yaml:2:20:", "opened here"),
    ("empty", "# nothing\n", "tarifs.yaml:1:", "empty"),
    ("list", "- {id: a}\n", "tarifs.yaml:1:1:", "expected a mapping"),
    ("no-options", "version: 1\noptions: []\n", "tarifs.yaml:2:1: options:", "at least 1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "where", "words"), CATALOG_CASES, ids=[c[0] for c in CATALOG_CASES]
)
def test_broken_catalog_is_located(name: str, text: str, where: str, words: str) -> None:
    with pytest.raises(LocatedError) as caught:
        parse_catalog(text, "tarifs.yaml")
    first = caught.value.lines()[0]
    assert first.startswith(where), first
    assert words in first, first


def test_default_catalogs_agree_on_ids_and_prices() -> None:
    from dialogue_cli.pricing.catalog import default_catalog

    french, english = default_catalog("fr"), default_catalog("en")
    assert french.ids() == english.ids()
    for entry in french.entries:
        other = english.get(entry.id)
        assert other is not None
        assert (other.unit_price, other.days) == (entry.unit_price, entry.days)
    assert english.get("entretien-complementaire").label == "Additional interview"  # type: ignore[union-attr]
    assert french.get("entretien-complementaire").label == "Entretien complémentaire"  # type: ignore[union-attr]


# ---------------------------------------------------------------- units in the plural


@pytest.mark.parametrize(
    ("unit", "quantity", "language", "expected"),
    [
        ("entretien", D("4"), "fr", "entretiens"),
        ("session", D("2"), "fr", "sessions"),
        ("forfait", D("1"), "fr", "forfait"),  # singular up to 1...
        ("jour", D("1.5"), "fr", "jour"),  # ...and below 2 in French
        ("forfait", D("3"), "fr", "forfaits"),
        ("prix", D("2"), "fr", "prix"),  # already ends in s, x or z: invariable
        ("cas", D("5"), "fr", "cas"),
        ("gaz", D("2"), "fr", "gaz"),
        ("heure de conseil", D("3"), "fr", "heures de conseil"),  # the noun, not its complement
        ("j", D("3"), "fr", "j"),  # an abbreviation stays as it is
        ("", D("3"), "fr", ""),
        ("interview", D("4"), "en", "interviews"),
        ("session", D("1"), "en", "session"),
        ("day", D("1.5"), "en", "days"),  # English: every quantity but 1
        ("box", D("2"), "en", "boxes"),
        ("survey", D("2"), "en", "surveys"),
        ("study", D("2"), "en", "studies"),
        ("lump sum", D("2"), "en", "lump sums"),
    ],
)
def test_unit_label_puts_the_unit_in_the_plural(
    unit: str, quantity: D, language: str, expected: str
) -> None:
    assert unit_label(unit, quantity, language) == expected


def test_json_keeps_the_singular_unit_the_quote_prints_the_plural() -> None:
    options = [{"id": "entretien-complementaire", "quantity": 4}]
    quote = compute(pricing(options=options), CATALOG)
    line = quote.to_json()["lines"][1]
    assert (line["quantity"], line["unit"]) == ("4", "entretien")
    assert unit_label(quote.lines[1].unit, quote.lines[1].quantity) == "entretiens"


def test_payment_terms_warnings_by_client_kind() -> None:
    from decimal import Decimal

    from dialogue_cli.engagement.model import Engagement
    from dialogue_cli.pricing.terms import advance_note, terms_warnings

    def engagement(kind: str, **pricing_: Any) -> Engagement:
        return Engagement.model_validate(
            {"client": {"name": "X", "kind": kind}, "pricing": pricing_}
        )

    assert terms_warnings(engagement("commune")) == []
    ((loc, message),) = terms_warnings(engagement("commune", deposit_percent=30))
    assert loc == ("pricing", "deposit_percent") and "never a deposit at order" in message
    assert terms_warnings(engagement("commune", deposit_percent=0)) == []
    ((loc, message),) = terms_warnings(engagement("prive", advance={"percent": 5}))
    assert loc == ("pricing", "advance") and "this client is private" in message
    assert terms_warnings(engagement("prive", deposit_percent=40)) == []
    # the avance is due above 50 000 € HT (R2191-3): a reminder when none is set
    assert advance_note(engagement("commune"), Decimal("50000")) is None
    assert "R2191-3" in (advance_note(engagement("region"), Decimal("50000.01")) or "")
    assert advance_note(engagement("region", advance={"percent": 5}), Decimal("90000")) is None
    assert advance_note(engagement("prive"), Decimal("90000")) is None
