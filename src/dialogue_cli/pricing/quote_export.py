"""The price documents a public buyer asks for: DPGF and BPU, as CSV or XLSX.

The rows are computed by pure functions (:func:`spread_package`, :func:`dpgf_rows`,
:func:`bpu_rows`); :func:`write_table` writes them. openpyxl is imported only for ``.xlsx``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..common.atomic import write_with
from ..common.errors import FileProblem
from ..common.labels import phase_label
from ..common.spreadsheet import clean, neutralise
from .quote import cents

if TYPE_CHECKING:
    from .catalog import Catalog
    from .quote import Line, Quote

RowKind = Literal["phase", "package", "option", "expense", "discount", "total", "entry"]

HEADINGS = {
    "fr": {
        "dpgf": ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"],
        "bpu": ["N°", "Code", "Désignation", "Description", "Unité", "Prix unitaire HT"],
    },
    "en": {
        "dpgf": ["No.", "Item", "Unit", "Quantity", "Unit price excl. VAT", "Amount excl. VAT"],
        "bpu": ["No.", "Code", "Item", "Description", "Unit", "Unit price excl. VAT"],
    },
}
_TEXT = {
    "fr": {"day": "jour", "total_ht": "Total HT", "vat": "TVA", "ttc": "Total TTC",
           "discount": "Remise sur honoraires"},
    "en": {"day": "day", "total_ht": "Total excl. VAT", "vat": "VAT", "ttc": "Total incl. VAT",
           "discount": "Discount on fees"},
}  # fmt: skip


@dataclass(frozen=True)
class PriceRow:
    """One row of a DPGF or BPU; quantity, unit price or amount are None where not shown."""

    number: str
    label: str
    unit: str
    quantity: Decimal | None
    unit_price: Decimal | None
    amount: Decimal | None
    kind: RowKind
    code: str = ""
    description: str = ""


def spread_package(price: Decimal, days: Sequence[Decimal]) -> tuple[Decimal, list[Decimal]] | None:
    """Spread a package price over phases: ``(daily rate, one amount per phase)``.

    The daily rate is ``price / total days`` rounded to the cent; each phase but the last
    costs ``days x rate`` rounded to the cent, so a buyer can check every row; the last
    phase (with days) takes the remainder, so the rows add up exactly to ``price``.
    Phases without days cost 0. If the remainder would be negative (absurdly small prices),
    each row is the exact share rounded to the cent instead, the last still taking the
    remainder.

    Args:
        price: the package price HT.
        days: the planned days of each phase, in order.

    Returns:
        The rate and the amounts, or None when no phase has days (or a share would be negative).
    """
    total = sum(days, Decimal(0))
    if total <= 0:
        return None
    with localcontext() as context:
        context.prec = 60
        rate = cents(price / total)
        last = max(index for index, d in enumerate(days) if d > 0)
        for exact in (False, True):
            # first days x rounded rate (each row checkable), else the exact share of each phase
            amounts = [
                cents(price * d / total if exact else d * rate) if d > 0 else Decimal("0.00")
                for d in days
            ]
            amounts[last] = (
                price - sum(amounts[:last], Decimal(0)) - sum(amounts[last + 1 :], Decimal(0))
            )
            if amounts[last] >= 0:
                return rate, [cents(a) for a in amounts]
    return None


def dpgf_rows(quote: Quote, phases: Sequence[tuple[str, Decimal]]) -> list[PriceRow]:
    """The DPGF: one row per phase (days x rate), one per option, expenses, then the totals.

    Args:
        quote: the computed quote.
        phases: ``(phase name, planned days)`` in order (``engagement.phases.items()``).

    Returns:
        The rows; the phase rows add up to the package price exactly.
    """
    from ..common.formatting import percent

    text = _TEXT.get(quote.language, _TEXT["fr"])
    rows: list[PriceRow] = []
    package = quote.package
    spread = spread_package(package.amount, [days for _name, days in phases])
    if spread is None:
        rows.append(
            PriceRow(
                "1",
                package.label,
                package.unit,
                Decimal(1),
                package.amount,
                package.amount,
                "package",
            )
        )
    else:
        rate, amounts = spread
        for (name, days), amount in zip(phases, amounts, strict=True):
            if days > 0:
                rows.append(
                    PriceRow(
                        str(len(rows) + 1),
                        phase_label(name, quote.language),
                        text["day"],
                        days,
                        rate,
                        amount,
                        "phase",
                    )
                )
    rows.extend(
        _line_row(len(rows) + 1 + n, line, "option") for n, line in enumerate(quote.options)
    )
    if quote.discount:
        label = f"{text['discount']} ({percent(quote.discount_percent, quote.language)})"
        rows.append(PriceRow("", label, "", None, None, -quote.discount, "discount"))
    rows.extend(
        _line_row(len(rows) + 1 + n, line, "expense") for n, line in enumerate(quote.expense_lines)
    )
    vat_label = f"{text['vat']} {percent(quote.vat_rate, quote.language)}"
    if quote.vat_exemption:
        vat_label = f"{vat_label} ({quote.vat_exemption})"
    rows += [
        PriceRow("", text["total_ht"], "", None, None, quote.total_ht, "total"),
        PriceRow("", vat_label, "", None, None, quote.vat, "total"),
        PriceRow("", text["ttc"], "", None, None, quote.total_ttc, "total"),
    ]
    return rows


def bpu_rows(catalog: Catalog, day_rate: Decimal) -> list[PriceRow]:
    """The BPU: the catalog's unit prices, without quantities (day-priced entries at ``day_rate``)."""
    rows = []
    for index, entry in enumerate(catalog, start=1):
        price = (
            entry.unit_price
            if entry.unit_price is not None
            else cents((entry.days or Decimal(0)) * day_rate)
        )
        rows.append(PriceRow(str(index), entry.label, entry.unit, None, cents(price), None, "entry",
                             code=entry.id, description=entry.description))  # fmt: skip
    return rows


# ---------------------------------------------------------------- writers


def _line_row(number: int, line: Line, kind: RowKind) -> PriceRow:
    """The row of an option or expense line of the quote."""
    return PriceRow(
        str(number), line.label, line.unit, line.quantity, cents(line.unit_price), line.amount, kind
    )


def check_target(path: Path) -> Literal["csv", "xlsx"]:
    """The format of an output file from its suffix (the CLI checks its folder).

    Raises:
        FileProblem: not .csv/.xlsx.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise FileProblem(
            f"{path}: write a .csv or an .xlsx file (got {suffix or 'no extension'!r})"
        )
    return "csv" if suffix == ".csv" else "xlsx"


def write_table(
    path: Path, which: Literal["dpgf", "bpu"], rows: Sequence[PriceRow], language: str
) -> None:
    """Write DPGF or BPU rows to ``path`` (.csv: ``;`` and decimal comma in French; .xlsx).

    Text cells are made safe for a spreadsheet (:mod:`dialogue_cli.common.spreadsheet`: no formula,
    no character XLSX refuses) and, in French, get no-break spaces before ``; : ! ?``. The file is
    written atomically (:func:`dialogue_cli.common.atomic.write_with`).

    Raises:
        FileProblem: not a .csv/.xlsx name, or the file cannot be written (the old one is kept).
    """
    headings = HEADINGS.get(language, HEADINGS["fr"])[which]
    table = [[_text(value, language) for value in _cells(which, row)] for row in rows]
    kind = check_target(path)
    # A temp file beside ``path``, then an atomic move: on a full disk the old file stays whole.
    bold = [row.kind == "total" for row in rows]

    def write(temp: Path) -> None:
        if kind == "csv":
            _write_csv(temp, headings, table, language)
        else:
            _write_xlsx(temp, which.upper(), headings, table, bold)

    write_with(path, write)


Cell = str | Decimal | None


def _cells(which: str, row: PriceRow) -> list[Cell]:
    if which == "bpu":
        return [row.number, row.code, row.label, row.description, row.unit, row.unit_price]
    return [row.number, row.label, row.unit, row.quantity, row.unit_price, row.amount]


def _text(value: Cell, language: str) -> Cell:
    """A text cell as the client reads it: clean, French spacing, never a formula."""
    if not isinstance(value, str):
        return value
    from ..common.formatting import french_spaces

    value = clean(value)
    return neutralise(french_spaces(value) if language == "fr" else value)


def _csv_value(value: Cell, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.replace(".", ",") if language == "fr" else text
    return value


def _write_csv(path: Path, headings: list[str], table: list[list[Cell]], language: str) -> None:
    delimiter = ";" if language == "fr" else ","
    # utf-8-sig: Excel opens accents right; the semicolon is what French Excel expects.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headings)
        for cells in table:
            writer.writerow([_csv_value(value, language) for value in cells])


def _write_xlsx(
    path: Path, title: str, headings: list[str], table: list[list[Cell]], bold: list[bool]
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    money_columns = {
        index for index, heading in enumerate(headings) if "HT" in heading or "VAT" in heading
    }
    for cells, strong in zip(table, bold, strict=True):
        sheet.append(
            [
                int(v) if isinstance(v, str) and v.isdigit() and index == 0 else v
                for index, v in enumerate(cells)
            ]
        )
        for index, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cells[index], Decimal) and index in money_columns:
                cell.number_format = "#,##0.00"
            if strong:
                cell.font = Font(bold=True)
    for index, heading in enumerate(headings):
        longest = max([len(heading)] + [len(str(cells[index] or "")) for cells in table])
        sheet.column_dimensions["ABCDEFGH"[index]].width = min(max(longest + 2, 8), 60)
    book.save(path)
