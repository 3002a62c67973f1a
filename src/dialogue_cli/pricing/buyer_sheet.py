"""Fill the buyer's own DPGF, BPU or DQE workbook with our figures, its layout untouched.

A public buyer usually supplies the price spreadsheet and expects it back as it sent it: same
sheets, rows, styles, widths, merged cells, formulas. ``pricing.buyer_sheet`` says where our
figures go: which of our documents (``dpgf``, ``bpu``, ``dqe``), which sheet, which column holds
the buyer's item numbers (matched with ours: ``1``, ``1.1``, ``2``...), and the columns that
take the quantity, the unit price and the amount. :func:`fill` writes only those cells, on the
rows whose number matches, and leaves a cell that holds a formula of the buyer alone (the
buyer's ``=D5*E5`` computes the amount itself). Bytes in, bytes out: the caller reads and
writes the files.

What openpyxl does not keep (pictures, charts, macros) would be lost: :func:`fill` refuses a
workbook that holds any, rather than return a damaged copy.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ..common.errors import DialogueError

if TYPE_CHECKING:
    from ..engagement.model.pricing import BuyerSheet
    from .quote_export import PriceRow


class BuyerSheetProblem(DialogueError):
    """The buyer's workbook cannot take our figures as the mapping says."""


@dataclass(frozen=True)
class Filled:
    """The filled workbook and what the consultant should know about it."""

    data: bytes
    written: int
    kept_formulas: tuple[str, ...]
    unmatched: tuple[str, ...]


def _number(value: Any) -> str | None:
    """A buyer's item number as text: ``1``, ``1.0`` and ``"1"`` are ``"1"``; ``"1,1"`` is ``"1.1"``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return None
        text = format(number.normalize(), "f")
        return text
    text = str(value).strip().rstrip(".").replace(",", ".")
    return text or None


def fill(workbook: bytes, mapping: BuyerSheet, rows: Sequence[PriceRow], name: str) -> Filled:
    """The buyer's workbook with our rows' figures in the mapped columns.

    Args:
        workbook: the buyer's .xlsx, as bytes.
        mapping: ``pricing.buyer_sheet``.
        rows: our rows of the chosen document (:mod:`.quote_export`).
        name: how messages name the buyer's file.

    Raises:
        BuyerSheetProblem: not an .xlsx, no such sheet, a picture or chart that openpyxl would
            drop, or one of our numbered rows has no row in the buyer's sheet.
    """
    from openpyxl import load_workbook
    from openpyxl.utils import column_index_from_string

    try:
        book = load_workbook(io.BytesIO(workbook), keep_vba=False, keep_links=True)
    except Exception as error:  # openpyxl raises many types on a damaged or foreign file
        raise BuyerSheetProblem(
            f"{name}: not an .xlsx workbook openpyxl can read ({type(error).__name__})"
        ) from None
    if mapping.sheet:
        if mapping.sheet not in book.sheetnames:
            raise BuyerSheetProblem(
                f"{name}: no sheet {mapping.sheet!r} (it has {', '.join(book.sheetnames)})"
            )
        sheet = book[mapping.sheet]
    else:
        sheet = book.worksheets[0]
    for ws in book.worksheets:
        if getattr(ws, "_images", None) or getattr(ws, "_charts", None):
            raise BuyerSheetProblem(
                f"{name}: sheet {ws.title!r} holds pictures or charts that would be lost in the "
                "copy; fill this workbook by hand from the CSV"
            )
    key = column_index_from_string(mapping.number_column)
    targets = {
        field: column_index_from_string(column)
        for field, column in (("quantity", mapping.quantity_column),
                              ("unit_price", mapping.unit_price_column),
                              ("amount", mapping.amount_column))
        if column
    }  # fmt: skip
    where: dict[str, int] = {}
    for row in range(1, sheet.max_row + 1):
        number = _number(sheet.cell(row=row, column=key).value)
        if number is not None:
            where.setdefault(number, row)
    ours = [row for row in rows if row.number]
    missing = [row.number for row in ours if row.number not in where]
    if missing:
        raise BuyerSheetProblem(
            f"{name}: no row numbered {', '.join(missing)} in column {mapping.number_column} of "
            f"sheet {sheet.title!r}; our rows are numbered {', '.join(r.number for r in ours)}"
        )
    merged = {cell for span in sheet.merged_cells.ranges for cell in span.cells}
    kept: list[str] = []
    written = 0
    for item in ours:
        row = where[item.number]
        values = {"quantity": item.quantity, "unit_price": item.unit_price, "amount": item.amount}
        for field, column in targets.items():
            value = values[field]
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column)
            if (row, column) in merged:
                raise BuyerSheetProblem(f"{name}: cell {cell.coordinate} is inside merged cells")
            if isinstance(cell.value, str) and cell.value.startswith("="):
                kept.append(cell.coordinate)
                continue
            cell.value = value if field == "quantity" else value.quantize(Decimal("0.01"))
            written += 1
    ours_numbers = {row.number for row in ours}
    unmatched = tuple(
        number for number in where if number not in ours_numbers and _looks_numbered(number)
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return Filled(buffer.getvalue(), written, tuple(kept), unmatched)


def _looks_numbered(text: str) -> bool:
    """An item number such as ``3`` or ``2.1`` (not a heading like ``N°`` or ``Total``)."""
    return all(part.isdigit() for part in text.split(".")) and text[:1].isdigit()
