"""Feedback rows read from an XLSX workbook: values only, formulas without a cached value refused."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..common.errors import LocatedError, Problem
from ..common.suggest import suggest
from .feedback import MAX_PROBLEMS_PER_FILE, map_header


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


FORMULA_WITHOUT_VALUE = (
    "formula without a computed value: open and save the file in Excel or LibreOffice"
)


def xlsx_rows(
    path: Path, sheet: str | None, name: str, problems: list[Problem]
) -> Iterator[list[str]]:
    """The rows of an XLSX sheet as text, read with the values Excel computed and saved.

    A formula cell saved without its value (a file written by a program, never opened in a
    spreadsheet) would read as empty: it is reported in ``problems`` and its row is yielded
    blank, so that it is neither guessed nor reported twice.
    """
    import zipfile

    from ..common.errors import FileProblem
    from ..common.files import open_regular
    from .xlsx_bounds import check_archive, refuse_ole

    def corrupt(error: Exception) -> LocatedError:
        return LocatedError(
            [Problem(name, 0, 0, "", f"not a valid XLSX file ({type(error).__name__})")]
        )

    try:
        handle = open_regular(path, name, "workbook")
    except FileProblem as error:
        raise LocatedError(
            [Problem(name, 0, 0, "", str(error).removeprefix(f"{name}: "))]
        ) from None
    with handle:
        refuse_ole(handle, name)
        try:
            with zipfile.ZipFile(handle) as archive:
                extents = check_archive(archive, name)
            handle.seek(0)
            # Imported once the bounds hold: a refused file does not pay openpyxl's 0.3 s.
            from openpyxl import load_workbook

            # Read-only: the sheet is parsed as it is iterated, within the bounds checked above.
            book = load_workbook(handle, read_only=True, data_only=True)
        except LocatedError:
            raise
        except Exception as error:  # openpyxl raises zip, XML, key and value errors alike
            raise corrupt(error) from None
        yield from _sheet_rows(book, sheet, name, problems, corrupt, extents)


def _sheet_rows(
    book: Any,
    sheet: str | None,
    name: str,
    problems: list[Problem],
    corrupt: Callable[[Exception], LocatedError],
    extents: dict[str, tuple[int, int]],
) -> Iterator[list[str]]:
    """The rows of the sheet ``sheet`` (the first if None) of an open workbook; see xlsx_rows."""
    from .xlsx_bounds import check_sheet, refuse_extent

    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                sheets = ", ".join(book.sheetnames)
                raise LocatedError(
                    [
                        Problem(
                            name,
                            0,
                            0,
                            "sheet",
                            f"no sheet {sheet!r}{suggest(sheet, book.sheetnames)}; "
                            f"sheets: {sheets}",
                        )
                    ]
                )
            worksheet = book[sheet]
        else:
            worksheet = book.worksheets[0]
        # openpyxl's read-only worksheet keeps its XML part's name; no public accessor exists.
        part = worksheet._worksheet_path
        if part in extents:
            last_row, last_col = extents[part]
            refuse_extent(last_row, last_col, name, worksheet.title)
        else:  # a part checked by neither name (not expected): check it now
            last_row, last_col = check_sheet(
                book._archive, part, name, worksheet.title, extent=True
            )
        header: list[str] = []
        used: set[int] = set()
        uncached: set[tuple[int, int]] | None = None  # scanned the first time it is needed
        try:
            values_of = worksheet.iter_rows(max_row=last_row, max_col=last_col, values_only=True)
            for number, values in enumerate(values_of if last_row else (), start=1):
                row = [_cell(value) for value in values]
                if number == 1:
                    header, used = row, _used_columns(row, name)
                elif None in values:
                    empty = [at for at, value in enumerate(values) if value is None and at in used]
                    if empty and uncached is None:
                        uncached = _uncached_formulas(worksheet)
                    formulas = [at for at in empty if (number, at + 1) in (uncached or ())]
                    if formulas:
                        for at in formulas:
                            if len(problems) < MAX_PROBLEMS_PER_FILE:
                                column = header[at].strip() if at < len(header) else ""
                                problems.append(
                                    Problem(name, number, 0, column, FORMULA_WITHOUT_VALUE)
                                )
                        row = [""] * len(row)  # a blank row: skipped by the validation
                yield row
        except LocatedError:
            raise
        except Exception as error:  # a sheet's XML is only parsed now, in read-only mode
            raise corrupt(error) from None
    finally:
        book.close()


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formula(source: IO[bytes]) -> bool:
    """Whether the XML holds an ``<f>`` element: a byte search, much faster than parsing.

    A false alarm (the text ``<f>`` inside a cell) only costs the full scan that follows.
    """
    tail = b""
    while chunk := source.read(1 << 20):
        if _FORMULA_TAG.search(tail + chunk):
            return True
        tail = chunk[-32:]
    return False


def _used_columns(header: list[str], name: str) -> set[int]:
    """The positions of the columns the reader uses (all of them if the header is not valid)."""
    try:
        return set(map_header(header, name).values())
    except LocatedError:
        return set(range(len(header)))  # the validation reports the header itself


def _uncached_formulas(worksheet: Any) -> set[tuple[int, int]]:
    """``(row, column)`` (from 1) of the formula cells saved without a computed value.

    openpyxl's values-only read cannot tell those from empty cells, so the sheet's XML is
    scanned once more, streaming. A formula whose value is the empty text (``t="str"`` with an
    empty ``<v>``, as Excel and LibreOffice save ``=IF(...;"";...)``) has a value.
    """
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.xml.constants import SHEET_MAIN_NS

    row_tag, cell_tag = f"{{{SHEET_MAIN_NS}}}row", f"{{{SHEET_MAIN_NS}}}c"
    formula_tag, value_tag = f"{{{SHEET_MAIN_NS}}}f", f"{{{SHEET_MAIN_NS}}}v"
    found: set[tuple[int, int]] = set()
    row = column = 0
    # openpyxl's read-only worksheet keeps its XML part's name; no public accessor exists.
    archive, part = worksheet.parent._archive, worksheet._worksheet_path
    with archive.open(part) as source:
        if not _has_formula(source):
            return found
    with archive.open(part) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == row_tag:
                    row, column = int(element.get("r") or row + 1), 0
                continue
            if element.tag == cell_tag:
                where = element.get("r")
                row, column = coordinate_to_tuple(where) if where else (row, column + 1)
                if (
                    element.find(formula_tag) is not None
                    and not element.findtext(value_tag)
                    and element.get("t") != "str"
                ):
                    found.add((row, column))
                element.clear()
            elif element.tag == row_tag:
                element.clear()
    return found
