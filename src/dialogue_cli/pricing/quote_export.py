"""The price documents a public buyer asks for: DPGF, BPU and DQE, as CSV or XLSX.

The rows are computed by pure functions (:func:`spread_package`, :func:`dpgf_rows`,
:func:`bpu_rows`, :func:`dqe_rows`); they are the one source of every price document (the CSV,
the XLSX). Each priced row satisfies
``quantity x unit price = amount`` exactly, to the cent, and the numbered rows add up to the
totals; ``docs/quote.md`` explains the presentation. openpyxl is imported only for ``.xlsx``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..common.errors import DialogueError, FileProblem
from ..common.labels import phase_label
from ..common.spreadsheet import clean, neutralise
from .mentions import discount_label
from .quote import CENT, cents

if TYPE_CHECKING:
    from ..engagement.model import Pricing
    from .catalog import Catalog
    from .quote import Line, Quote

Which = Literal["dpgf", "bpu", "dqe"]
RowKind = Literal[
    "section", "phase", "package", "option", "expense", "subtotal", "discount", "total", "entry"
]

HEADINGS = {
    "fr": {
        "dpgf": ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"],
        "bpu": ["N°", "Code", "Désignation", "Description", "Unité", "Prix unitaire HT"],
        "dqe": ["N°", "Code", "Désignation", "Unité", "Quantité estimée", "Prix unitaire HT",
                "Montant HT"],
    },
    "en": {
        "dpgf": ["No.", "Item", "Unit", "Quantity", "Unit price excl. VAT", "Amount excl. VAT"],
        "bpu": ["No.", "Code", "Item", "Description", "Unit", "Unit price excl. VAT"],
        "dqe": ["No.", "Code", "Item", "Unit", "Estimated quantity", "Unit price excl. VAT",
                "Amount excl. VAT"],
    },
}  # fmt: skip
_TEXT = {
    "fr": {"day": "jour", "days": "jours", "lump": "forfait", "total_ht": "Total HT", "vat": "TVA",
           "ttc": "Total TTC", "fees": "Total des honoraires HT", "subtotal": "Sous-total HT"},
    "en": {"day": "day", "days": "days", "lump": "package", "total_ht": "Total excl. VAT",
           "vat": "VAT", "ttc": "Total incl. VAT", "fees": "Total fees excl. VAT",
           "subtotal": "Subtotal excl. VAT"},
}  # fmt: skip


class InexactRow(DialogueError):
    """A price-document row whose quantity x unit price is not a whole number of cents."""


@dataclass(frozen=True)
class PriceRow:
    """One row of a DPGF, BPU or DQE; quantity, unit price or amount are None where not shown.

    ``number`` is empty for the section-less rows (subtotals, discount, totals).
    """

    number: str
    label: str
    unit: str
    quantity: Decimal | None
    unit_price: Decimal | None
    amount: Decimal | None
    kind: RowKind
    code: str = ""
    description: str = ""


# ---------------------------------------------------------------- the package over the phases


def spread_package(price: Decimal, days: Sequence[Decimal]) -> list[Decimal] | None:
    """Share a package price among phases in proportion to their days, to the cent, exactly.

    Largest remainders (Hamilton's method): each phase gets its exact share
    ``price x days / total`` rounded *down* to the cent; the cents left over go one each to the
    phases whose share lost the most in that rounding (the earlier phase on a tie). The amounts
    add up to ``price`` exactly, phases of equal days get amounts within a cent of each other,
    and no amount moves by a cent or more from its exact share. Phases without days get 0.

    Args:
        price: the package price HT (in cents).
        days: the planned days of each phase, in order.

    Returns:
        One amount per phase, or None when no phase has days.
    """
    total = sum(days, Decimal(0))
    if total <= 0:
        return None
    with localcontext() as context:
        context.prec = 60
        exact = [price * d / total if d > 0 else Decimal(0) for d in days]
        floors = [value.quantize(CENT, rounding=ROUND_FLOOR) for value in exact]
        left = int((price - sum(floors, Decimal(0))) / CENT)
        order = sorted(range(len(days)), key=lambda i: (-(exact[i] - floors[i]), i))
        for index in order[:left]:
            floors[index] += CENT
    return floors


def exact_rate(price: Decimal, days: Sequence[Decimal]) -> Decimal | None:
    """The daily rate at which every phase costs exactly ``days x rate``, if there is one.

    ``price / total days`` must be a whole number of cents, and so must each phase's
    ``days x rate``: 10 200 € over 12 days is 850 € a day; 10 000 € over 12 days is not.
    """
    total = sum(days, Decimal(0))
    if total <= 0:
        return None
    with localcontext() as context:
        context.prec = 60
        rate = price / total
        if rate != cents(rate) or any(d * rate != cents(d * rate) for d in days):
            return None
    return cents(rate)


def _days_text(days: Decimal, language: str) -> str:
    from ..common.formatting import number

    text = _TEXT.get(language, _TEXT["fr"])
    singular = days < 2 if language != "en" else days == 1
    return f"{number(days, language)} {text['day'] if singular else text['days']}"


def package_rows(quote: Quote, phases: Sequence[tuple[str, Decimal]]) -> list[PriceRow]:
    """Rows 1, 1.1, 1.2...: the package and its phases; they add up to the package price.

    When the price divides exactly into the phases' days, each phase is ``days x rate``;
    otherwise each phase is a lump sum (quantity 1, *forfait*) of its share
    (:func:`spread_package`), its days written in its designation. With no phase days, one
    package row.
    """
    text = _TEXT.get(quote.language, _TEXT["fr"])
    package = quote.package
    days = [d for _name, d in phases]
    amounts = spread_package(package.amount, days)
    if amounts is None:
        return [
            PriceRow("1", package.label, package.unit, Decimal(1), package.amount, package.amount,
                     "package", description=package.description)
        ]  # fmt: skip
    rate = exact_rate(package.amount, days)
    rows = [PriceRow("1", package.label, "", None, None, None, "section",
                     description=package.description)]  # fmt: skip
    for (name, d), amount in zip(phases, amounts, strict=True):
        if d <= 0:
            continue
        number = f"1.{len(rows)}"
        label = phase_label(name, quote.language)
        if rate is not None:
            rows.append(PriceRow(number, label, text["day"], d, rate, d * rate, "phase"))
        else:
            label = f"{label} ({_days_text(d, quote.language)})"
            rows.append(PriceRow(number, label, text["lump"], Decimal(1), amount, amount, "phase"))
    return rows


# ---------------------------------------------------------------- the three documents


def dpgf_rows(quote: Quote, phases: Sequence[tuple[str, Decimal]]) -> list[PriceRow]:
    """The DPGF: the package and its phases (1, 1.1...), the options, the expenses, the totals.

    Numbering is contiguous (1, 2, 3... with the phases as 1.1, 1.2...). Each priced row is
    exactly ``quantity x unit price``. With a discount, the fees rows are followed by their
    total and the discount row; the expense rows come after (a discount never applies to them).
    The numbered rows, less the discount, add up to the total HT.

    Args:
        quote: the computed quote.
        phases: ``(phase name, planned days)`` in order (``engagement.phases.items()``).
    """
    text = _TEXT.get(quote.language, _TEXT["fr"])
    rows = package_rows(quote, phases)
    number = 2
    for line in quote.options:
        rows.append(_line_row(str(number), line, "option"))
        number += 1
    if quote.discount:
        rows.append(PriceRow("", text["fees"], "", None, None, quote.fees, "subtotal"))
        rows.append(
            PriceRow("", discount_label(quote.discount_percent, quote.language), "", None, None,
                     -quote.discount, "discount")
        )  # fmt: skip
    for line in quote.expense_lines:
        rows.append(_line_row(str(number), line, "expense"))
        number += 1
    rows += _totals(quote.total_ht, quote.vat, quote.vat_rate, quote.vat_exemption, quote.language)
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


def estimated_quantities(pricing: Pricing) -> dict[str, Decimal]:
    """The quantity of each catalog id the engagement orders (options citing it, added up)."""
    out: dict[str, Decimal] = {}
    for option in pricing.options:
        if option.id:
            out[option.id] = out.get(option.id, Decimal(0)) + option.quantity
    return out


def dqe_rows(
    quote: Quote, catalog: Catalog, pricing: Pricing, language: str | None = None
) -> list[PriceRow]:
    """The DQE: every BPU row (same numbers, same unit prices) x its estimated quantity.

    The estimated quantity is what the engagement's options order of that catalog entry (0 when
    none); the amount is exactly quantity x the BPU's unit price, the discount of the quote
    applies to the subtotal, then VAT and TTC. Ad hoc options (without a catalog id) are not in
    the BPU and so not in the DQE.

    Raises:
        InexactRow: a quantity x unit price is not a whole number of cents (a fractional
            quantity at a price in odd cents): the buyer would read the row as an error.
    """
    from ..common.formatting import money, number

    language = language or quote.language
    text = _TEXT.get(language, _TEXT["fr"])
    wanted = estimated_quantities(pricing)
    rows: list[PriceRow] = []
    subtotal = Decimal(0)
    for entry in bpu_rows(catalog, pricing.day_rate):
        quantity = wanted.get(entry.code, Decimal(0))
        assert entry.unit_price is not None
        amount = quantity * entry.unit_price
        if amount != cents(amount):
            raise InexactRow(
                f"DQE row {entry.number} ({entry.code}): {number(quantity, language)} x "
                f"{money(entry.unit_price, language)} = {amount} is not a whole number of cents; "
                "order a whole quantity or set a day rate in even cents"
            )
        subtotal += amount
        rows.append(PriceRow(entry.number, entry.label, entry.unit, quantity, entry.unit_price,
                             amount, "entry", code=entry.code))  # fmt: skip
    discount = cents(subtotal * quote.discount_percent / 100) if quote.discount_percent else None
    total_ht = subtotal - (discount or 0)
    if discount:
        rows.append(PriceRow("", text["subtotal"], "", None, None, subtotal, "subtotal"))
        rows.append(PriceRow("", discount_label(quote.discount_percent, language), "", None, None,
                             -discount, "discount"))  # fmt: skip
    from .quote import vat_of

    vat = vat_of(total_ht, quote.vat_rate)
    rows += _totals(total_ht, vat, quote.vat_rate, quote.vat_exemption, language)
    return rows


def _totals(
    total_ht: Decimal, vat: Decimal, rate: Decimal, exemption: str | None, language: str
) -> list[PriceRow]:
    from ..common.formatting import percent

    text = _TEXT.get(language, _TEXT["fr"])
    vat_label = f"{text['vat']} {percent(rate, language)}"
    if exemption:
        vat_label = f"{vat_label} ({exemption})"
    return [
        PriceRow("", text["total_ht"], "", None, None, total_ht, "total"),
        PriceRow("", vat_label, "", None, None, vat, "total"),
        PriceRow("", text["ttc"], "", None, None, total_ht + vat, "total"),
    ]


def _line_row(number: str, line: Line, kind: RowKind) -> PriceRow:
    """The row of an option or expense line of the quote (its quantity x unit price is exact)."""
    return PriceRow(
        number, line.label, line.unit, line.quantity, line.unit_price, line.amount, kind
    )


# ---------------------------------------------------------------- writers


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


Cell = str | Decimal | None


def cells(which: Which, row: PriceRow) -> list[Cell]:
    """The cells of a row, in the order of :data:`HEADINGS` ``[language][which]``; amounts in cents."""
    price = row.unit_price.quantize(CENT) if row.unit_price is not None else None
    amount = row.amount.quantize(CENT) if row.amount is not None else None
    if which == "bpu":
        return [row.number, row.code, row.label, row.description, row.unit, price]
    if which == "dqe":
        return [row.number, row.code, row.label, row.unit, row.quantity, price, amount]
    return [row.number, row.label, row.unit, row.quantity, price, amount]


def render_table(path: Path, which: Which, rows: Sequence[PriceRow], language: str) -> bytes:
    """The bytes of the CSV or XLSX file of ``rows`` (the suffix of ``path`` chooses).

    Text cells are made safe for a spreadsheet (:mod:`dialogue_cli.common.spreadsheet`: no
    formula, no character XLSX refuses) and, in French, get no-break spaces before ``; : ! ?``.
    """
    headings = HEADINGS.get(language, HEADINGS["fr"])[which]
    table = [[text_cell(value, language) for value in cells(which, row)] for row in rows]
    if check_target(path) == "csv":
        return _csv_bytes(headings, table, language)
    strong = [row.kind in ("total", "subtotal", "section") for row in rows]
    return _xlsx_bytes(which.upper(), headings, table, strong)


def write_table(path: Path, which: Which, rows: Sequence[PriceRow], language: str) -> None:
    """Write ``rows`` to ``path`` atomically (a temp file beside it, then a move)."""
    from ..common.atomic import write_atomic

    write_atomic(path, render_table(path, which, rows, language))


def text_cell(value: Cell, language: str) -> Cell:
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


def _csv_bytes(headings: list[str], table: list[list[Cell]], language: str) -> bytes:
    delimiter = ";" if language == "fr" else ","
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headings)
    for row in table:
        writer.writerow([_csv_value(value, language) for value in row])
    # utf-8-sig: Excel opens accents right; the semicolon is what French Excel expects.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(
    title: str, headings: list[str], table: list[list[Cell]], bold: list[bool]
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, strong in zip(table, bold, strict=True):
        sheet.append(row)
        for index, cell in enumerate(sheet[sheet.max_row]):
            quantity = "uantit" in headings[index]  # Quantité, Quantity: as typed (2,5)
            if isinstance(row[index], Decimal) and not quantity:
                cell.number_format = "#,##0.00"
            if strong:
                cell.font = Font(bold=True)
    for index, heading in enumerate(headings):
        longest = max([len(heading)] + [len(str(row[index] or "")) for row in table])
        sheet.column_dimensions["ABCDEFGH"[index]].width = min(max(longest + 2, 8), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
