"""`dialogue quote`: the devis of an engagement, as a table, JSON, DPGF or BPU."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

from ._common import app, engagement_argument, guard_outputs, plain, reports_errors, say

if TYPE_CHECKING:
    from ..pricing.quote import Quote


@app.command()
@reports_errors
def quote(
    path: Path = engagement_argument(),
    as_json: bool = typer.Option(
        False, "--json", help="Print the quote as JSON (amounts as strings)."
    ),
    dpgf: Path | None = typer.Option(
        None,
        "--dpgf",
        metavar="FILE",
        help="Also write the DPGF (price breakdown) to FILE.csv or FILE.xlsx.",
    ),
    bpu: Path | None = typer.Option(
        None,
        "--bpu",
        metavar="FILE",
        help="Also write the BPU (catalog unit prices) to FILE.csv or FILE.xlsx.",
    ),
    on: dt.datetime | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Date the quote (YYYY-MM-DD); overrides pricing.date.",
    ),
) -> None:
    """Price the engagement as a French devis: lines, totals HT/TVA/TTC, deposit and mentions.

    Options come from the catalog (pricing.catalog, else the default one); every amount is
    exact to the cent. Nothing is written when the input has a problem.

    Example: dialogue quote examples/ormessac --dpgf dpgf.xlsx
    """
    from ..pricing.quote import build_quote, catalog_for, warnings
    from ..pricing.quote_export import bpu_rows, check_target, dpgf_rows, write_table
    from ._common import load_project, print_json

    project = load_project(path)
    asked: list[tuple[Path | None, Literal["dpgf", "bpu"]]] = [(dpgf, "dpgf"), (bpu, "bpu")]
    targets = [(target, which) for target, which in asked if target is not None]
    for target, _which in targets:
        check_target(target)
    guard_outputs({"--dpgf": dpgf, "--bpu": bpu}, project)
    # Like the rendered devis: --date, else pricing.date, else the document date, else today.
    info = project.engagement
    result = build_quote(
        project, on.date() if on else info.pricing.date or info.engagement.document_date
    )
    phases = [(name, phase.days) for name, phase in project.engagement.phases.items()]
    tables = {
        "dpgf": lambda: dpgf_rows(result, phases),
        "bpu": lambda: bpu_rows(catalog_for(project), project.engagement.pricing.day_rate),
    }
    rows = {which: tables[which]() for _target, which in targets}  # all computed before any write
    for warning in warnings(project.engagement, bool(dpgf)):
        say(f"warning: {warning}", err=True)

    if as_json:
        print_json(result.to_json())
    else:
        _print_table(result)
    for target, which in targets:
        write_table(target, which, rows[which], result.language)  # atomic: old file or new
        typer.echo(f"Wrote {target}", err=as_json)


def _print_table(result: Quote) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..common.formatting import date, money, number, percent
    from ..pricing.quote import unit_label
    from ._common import console

    lang = result.language
    fr = lang != "en"

    def eur(value: Decimal) -> str:
        return money(value, lang, result.currency)

    title = (
        f"Devis {result.number} du {date(result.date, lang)} (valable jusqu'au {date(result.valid_until, lang)})"
        if fr
        else f"Quote {result.number} of {date(result.date, lang)} (valid until {date(result.valid_until, lang)})"
    )
    headings = (
        ["Désignation", "Qté", "Unité", "PU HT", "Montant HT"]
        if fr
        else ["Item", "Qty", "Unit", "Unit price excl. VAT", "Amount excl. VAT"]
    )
    table = Table(title=Text(plain(title)), title_justify="left", show_footer=False)
    table.add_column(headings[0], overflow="fold")
    table.add_column(headings[1], justify="right")
    table.add_column(headings[2])
    table.add_column(headings[3], justify="right")
    table.add_column(headings[4], justify="right")
    for index, line in enumerate(result.lines):
        cell = Text(plain(line.label))
        if line.basis:
            cell.append(f"\n{plain(line.basis)}", style="dim")
        end_section = index == len(result.lines) - 1 or line.kind != result.lines[index + 1].kind
        unit = plain(unit_label(line.unit, line.quantity, lang))
        table.add_row(cell, number(line.quantity, lang), unit, eur(line.unit_price), eur(line.amount),
                      end_section=end_section)  # fmt: skip
    totals: list[tuple[str, Decimal, bool]] = [
        ("Honoraires HT" if fr else "Fees excl. VAT", result.fees, False)
    ]
    if result.discount:
        totals.append(((f"Remise {percent(result.discount_percent, lang)}" if fr else
                        f"Discount {percent(result.discount_percent, lang)}"), -result.discount, False))  # fmt: skip
    if result.expenses:
        totals.append(("Frais HT" if fr else "Expenses excl. VAT", result.expenses, False))
    vat_label = (
        f"TVA {percent(result.vat_rate, lang)}" if fr else f"VAT {percent(result.vat_rate, lang)}"
    )
    totals += [
        ("Total HT" if fr else "Total excl. VAT", result.total_ht, True),
        (vat_label, result.vat, False),
        ("Total TTC" if fr else "Total incl. VAT", result.total_ttc, True),
    ]
    if result.deposit:
        totals += [
            (f"Acompte {percent(result.deposit_percent, lang)}" if fr else
             f"Deposit {percent(result.deposit_percent, lang)}", result.deposit, False),
            ("Solde" if fr else "Balance", result.balance, False),
        ]  # fmt: skip
    for label, amount, strong in totals:
        style = "bold" if strong else None
        table.add_row(
            Text(label, style=style or ""), "", "", "", Text(eur(amount), style=style or "")
        )
    out = console()
    out.print(table)
    days = number(result.days, lang)
    out.print(f"Jours d'intervention : {days}" if fr else f"Consultant days: {days}")
    if result.vat_exemption:
        out.print(Text(plain(result.vat_exemption)))
    if result.procurement_note:
        out.print(
            Text.assemble(
                ("Note", "bold"),
                plain(
                    f"\u00a0: {result.procurement_note}" if fr else f": {result.procurement_note}"
                ),
            )
        )
    out.print()
    for mention in result.all_mentions:
        out.print(Text(plain(mention)))
