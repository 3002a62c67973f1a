"""`dialogue quote`: the devis of an engagement, as a table, JSON, DPGF or BPU."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

from ._common import app, bad_value, engagement_argument, guard_outputs, plain, reports_errors, say

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from rich.console import Console

    from ..engagement.loader import Project
    from ..pricing.buyer_sheet import Filled
    from ..pricing.invoice import Instalment
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
    dqe: Path | None = typer.Option(
        None,
        "--dqe",
        metavar="FILE",
        help="Also write the DQE (BPU prices x the quantities ordered) to FILE.csv or FILE.xlsx.",
    ),
    fill: Path | None = typer.Option(
        None,
        "--fill",
        metavar="FILE",
        help="Also write a copy of the buyer's workbook (pricing.buyer_sheet) filled with our figures.",
    ),
    on: dt.datetime | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Date the quote; overrides pricing.date.",
    ),
) -> None:
    """Price the engagement as a French devis (DPGF, BPU, DQE too).

    The devis: its lines, totals HT/TVA/TTC, payment schedule and mentions. Options come from the catalog (pricing.catalog, else the default one); every amount is
    exact to the cent. Nothing is written when the input has a problem.

    Example: dialogue quote examples/ormessac --dpgf dpgf.xlsx
    """
    from ..planning.plan import build_plan
    from ..pricing.invoice import schedule
    from ..pricing.quote import build_quote, catalog_for, warnings
    from ..pricing.quote_export import bpu_rows, check_target, dpgf_rows, dqe_rows, write_table
    from ..render.invoice_basis import build_basis
    from ._common import load_project, print_json

    project = load_project(path)
    engagement = project.engagement
    # Like the rendered devis: --date, else pricing.date, else the document date, else today.
    result = build_quote(
        project, on.date() if on else engagement.pricing.date or engagement.engagement.document_date
    )
    asked: list[tuple[Path | None, Literal["dpgf", "bpu", "dqe"]]] = [
        (dpgf, "dpgf"), (bpu, "bpu"), (dqe, "dqe")
    ]  # fmt: skip
    targets = [(target, which) for target, which in asked if target is not None]
    for target, which in targets:
        if target.suffix.lower() not in (".csv", ".xlsx"):
            bad_value(f"--{which}", target, "give the file a .csv or .xlsx name")
        check_target(target)
    guard_outputs({"--dpgf": dpgf, "--bpu": bpu, "--dqe": dqe, "--fill": fill}, project)
    phases = [(name, phase.days) for name, phase in engagement.phases.items()]
    catalog = catalog_for(project)
    tables = {
        "dpgf": lambda: dpgf_rows(result, phases),
        "bpu": lambda: bpu_rows(catalog, engagement.pricing.day_rate),
        "dqe": lambda: dqe_rows(result, catalog, engagement.pricing),
    }
    rows = {which: tables[which]() for _target, which in targets}  # all computed before any write
    filled = _fill(project, fill, tables) if fill is not None else None
    plan = build_plan(engagement)
    instalments = schedule(build_basis(engagement, result, plan), plan.start)
    for warning in warnings(engagement, bool(dpgf), result, bool(dqe)):
        say(f"warning: {warning}", err=True)

    if as_json:
        data = result.to_json()
        data["period"] = {"start": plan.start.isoformat(), "end": plan.end.isoformat()}
        data["schedule"] = [
            {"stage": item.stage, "label": item.label,
             "date": item.when.isoformat() if item.when else None, "phases": list(item.phases),
             "ht": f"{item.ht:.2f}", "vat": f"{item.vat:.2f}", "ttc": f"{item.ttc:.2f}",
             "advance_recovered_ht": f"{item.recovery_ht:.2f}"}
            for item in instalments
        ]  # fmt: skip
        print_json(data)
    else:
        _print_table(result, plan.start, plan.end, instalments)
    for target, which in targets:
        write_table(target, which, rows[which], result.language)  # atomic: old file or new
        typer.echo(f"Wrote {target}", err=as_json)
    if fill is not None and filled is not None:
        from ..common.atomic import write_atomic

        write_atomic(fill, filled.data)
        typer.echo(f"Wrote {fill} ({filled.written} cells filled)", err=as_json)
        if filled.kept_formulas:
            typer.echo(f"note: kept the buyer's formulas in {', '.join(filled.kept_formulas)}",
                       err=True)  # fmt: skip
        if filled.unmatched:
            typer.echo(f"warning: the buyer's rows {', '.join(filled.unmatched)} have no figure of "
                       "ours: fill them by hand", err=True)  # fmt: skip


def _fill(project: Project, target: Path, tables: dict[str, Callable[[], Any]]) -> Filled:
    """The buyer's workbook filled with the rows of ``pricing.buyer_sheet.document``."""
    from ..common.errors import FileProblem
    from ..common.files import display_name, read_bytes
    from ..engagement.locate import located_error
    from ..pricing.buyer_sheet import fill

    mapping = project.engagement.pricing.buyer_sheet
    if mapping is None:
        raise located_error(project, [(("pricing",), "--fill needs pricing.buyer_sheet: the "
                                       "buyer's workbook and the columns to fill")])  # fmt: skip
    if target.suffix.lower() != ".xlsx":
        raise FileProblem(f"--fill {target}: write an .xlsx file")
    source = project.base_dir / mapping.file
    if not source.exists():
        raise located_error(project, [(("pricing", "buyer_sheet", "file"),
                                       f"the buyer's workbook is not found: {display_name(source)}")])  # fmt: skip
    data = read_bytes(source, display_name(source), "workbook")
    return fill(data, mapping, tables[mapping.document](), display_name(source))


def _print_table(
    result: Quote, start: dt.date, end: dt.date, instalments: list[Instalment]
) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..common.formatting import date, money, number, percent
    from ..pricing.mentions import discount_label
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
        totals.append((discount_label(result.discount_percent, lang), -result.discount, False))
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
    for label, amount, strong in totals:
        style = "bold" if strong else None
        table.add_row(
            Text(label, style=style or ""), "", "", "", Text(eur(amount), style=style or "")
        )
    out = console()
    out.print(table)
    days = number(result.days, lang)
    package_days = number(result.package_days, lang)
    period = (f"du {date(start, lang)} au {date(end, lang)}" if fr
              else f"from {date(start, lang)} to {date(end, lang)}")  # fmt: skip
    if result.days != result.package_days:
        out.print(
            f"Durée totale : {days} jours d'intervention ({package_days} du forfait, le reste pour "
            f"les options) ; période d'exécution prévue {period}"
            if fr else
            f"Total effort: {days} consultant days ({package_days} in the package, the rest for the "
            f"options); planned period of execution {period}"
        )  # fmt: skip
    else:
        out.print(f"Durée totale : {days} jours d'intervention ; période d'exécution prévue {period}"
                  if fr else f"Total effort: {days} consultant days; planned period {period}")  # fmt: skip
    _print_schedule(instalments, result, out)
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


def _print_schedule(instalments: list[Instalment], result: Quote, out: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..common.formatting import date, money

    lang = result.language
    fr = lang != "en"
    title = "Échéancier prévisionnel" if fr else "Payment schedule (planned)"
    table = Table(title=Text(title), title_justify="left")
    headings = (["Échéance", "Date prévue", "HT", "TVA", "TTC"] if fr
                else ["Instalment", "Planned date", "Excl. VAT", "VAT", "Incl. VAT"])  # fmt: skip
    table.add_column(headings[0])
    table.add_column(headings[1])
    for heading in headings[2:]:
        table.add_column(heading, justify="right")
    for item in instalments:
        label = Text(plain(item.label))
        if item.recovery_ht:
            recovered = money(item.recovery_ht, lang, result.currency)
            label.append(f"\n{'avance remboursée' if fr else 'avance recovered'} {recovered} HT",
                         style="dim")  # fmt: skip
        table.add_row(label, date(item.when, lang) if item.when else "–",
                      money(item.ht, lang, result.currency), money(item.vat, lang, result.currency),
                      money(item.ttc, lang, result.currency))  # fmt: skip
    out.print(table)
