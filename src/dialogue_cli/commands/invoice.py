"""`dialogue invoice`: the Factur-X invoices that follow the accepted devis, recorded in a ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from . import _complete as complete
from ._common import app, bad_value, engagement_argument, guard_outputs, reports_errors, say

if TYPE_CHECKING:
    from ..render.invoice import Issued


@app.command()
@reports_errors
def invoice(
    path: Path = engagement_argument(),
    stage: str | None = typer.Option(
        None,
        "--stage",
        metavar="STAGE",
        help="Which invoice: avance, acompte or solde.",
        autocompletion=complete.stages,
    ),
    phases: list[str] = typer.Option(
        [],
        "--phases",
        metavar="PHASE",
        help="For an acompte: the phases performed (repeat, or separate with commas).",
        autocompletion=complete.phases,
    ),
    on: dt.datetime | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Date of issue (default: today).",
    ),
    out: Path | None = typer.Option(
        None, "--out", metavar="FILE", help="The PDF to write (default: factures/NUMBER.pdf)."
    ),
    credit_note: str | None = typer.Option(
        None,
        "--credit-note",
        metavar="NUMBER",
        help="Issue a credit note cancelling invoice NUMBER.",
    ),
    templates: Path | None = typer.Option(
        None, "--templates", metavar="DIR", help="A folder holding your own facture.docx."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the invoice's figures as JSON."),
) -> None:
    """Issue the next Factur-X invoice of the devis.

    The invoice is a PDF/A-3 with its CII XML attached (EN 16931), as Chorus Pro accepts it.
    Each stage deducts what earlier invoices billed, so that all of them add up to the devis'
    total TTC. Issued invoices go to the ledger beside engagement.yaml (pricing.ledger), which
    is only ever appended to: a number is never reused, a second solde is refused, a credit note
    (--credit-note NUMBER) cancels an invoice.

    Example: dialogue invoice examples/ormessac --stage acompte --phases cadrage,preparation
    """
    from ..common.errors import FileProblem
    from ..render.invoice import invoice_warnings, issue
    from ._common import load_project, print_json

    if stage is not None and stage.lower() not in ("avance", "acompte", "solde"):
        from ..common.suggest import suggest

        stages = ("avance", "acompte", "solde")
        bad_value(
            "--stage", stage, f"not a stage{suggest(stage, stages)}: avance, acompte or solde"
        )
    stage = stage.lower() if stage is not None else None
    if credit_note is not None and (stage is not None or phases):
        raise FileProblem(
            "--credit-note cancels an invoice whole: give it without --stage or --phases"
        )
    if credit_note is None and stage is None:
        raise FileProblem(
            "say which invoice: --stage avance, acompte or solde (or --credit-note NUMBER)"
        )
    if out is not None and out.suffix.lower() != ".pdf":
        bad_value("--out", out, "an invoice is a .pdf file")
    names = [name.strip() for item in phases for name in item.split(",") if name.strip()]
    project = load_project(path)
    guard_outputs({"--out": out}, project, templates=templates)
    for warning in invoice_warnings(project.engagement):
        say(f"warning: {warning}", err=True)
    issued = issue(
        project,
        stage=stage,  # type: ignore[arg-type]  # checked above
        phases=names,
        on=on.date() if on else None,
        out=out,
        credit_note=credit_note,
        templates_dir=templates,
    )
    if as_json:
        data = issued.invoice.to_json()
        data["file"] = str(issued.path)
        data["sha256"] = issued.record.sha256
        print_json(data)
    else:
        _print(issued)
    from ..common.files import display_name

    ledger = project.base_dir / project.engagement.pricing.ledger
    typer.echo(f"Wrote {display_name(issued.path)} and recorded {issued.invoice.number} in "
               f"{display_name(ledger)}", err=as_json)  # fmt: skip


def _print(issued: Issued) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..common.formatting import date, money, number, percent
    from ..pricing.invoice_mentions import invoice_title
    from ..pricing.quote import unit_label
    from ._common import console

    invoice = issued.invoice
    lang = invoice.quote.language
    fr = lang != "en"

    def eur(value: object) -> str:
        return money(value, lang, invoice.quote.currency)  # type: ignore[arg-type]

    title = (f"{invoice_title(invoice)} n° {invoice.number} du {date(invoice.date, lang)}, échéance "
             f"{date(invoice.due, lang)}" if fr else
             f"{invoice_title(invoice)} {invoice.number} of {date(invoice.date, lang)}, due "
             f"{date(invoice.due, lang)}")  # fmt: skip
    table = Table(title=Text(title), title_justify="left")
    headings = (["Désignation", "Qté", "Unité", "PU HT", "Montant HT"] if fr
                else ["Item", "Qty", "Unit", "Unit price", "Amount"])  # fmt: skip
    table.add_column(headings[0], overflow="fold")
    table.add_column(headings[1], justify="right")
    table.add_column(headings[2])
    table.add_column(headings[3], justify="right")
    table.add_column(headings[4], justify="right")
    for line in invoice.lines:
        table.add_row(Text(line.label), number(line.quantity, lang),
                      unit_label(line.unit, abs(line.quantity), lang), eur(line.unit_price),
                      eur(line.amount))  # fmt: skip
    rows: list[tuple[str, object, bool]] = []
    if invoice.allowance:
        from ..pricing.mentions import discount_label

        rows.append(
            (discount_label(invoice.quote.discount_percent, lang), -invoice.allowance, False)
        )
    rows += [("Total HT" if fr else "Total excl. VAT", invoice.ht, True),
             ((f"TVA {percent(invoice.quote.vat_rate, lang)}" if fr
               else f"VAT {percent(invoice.quote.vat_rate, lang)}"), invoice.vat, False),
             ("Total TTC" if fr else "Total incl. VAT", invoice.ttc, True)]  # fmt: skip
    for label, value, strong in rows:
        style = "bold" if strong else ""
        table.add_row(Text(label, style=style), "", "", "", Text(eur(value), style=style))
    out = console()
    out.print(table)
    if invoice.stage == "solde" and invoice.kind == "invoice":
        deducted = sum((record.ttc for record in invoice.deductions), invoice.ht * 0)
        out.print(
            f"Devis {eur(invoice.contract_ttc)} TTC − déjà facturé {eur(deducted)} TTC = "
            f"reste à payer {eur(invoice.ttc)} TTC"
            if fr else
            f"Quote {eur(invoice.contract_ttc)} incl. VAT − already invoiced {eur(deducted)} = "
            f"left to pay {eur(invoice.ttc)}"
        )  # fmt: skip
