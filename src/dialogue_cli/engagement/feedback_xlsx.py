"""Feedback rows read from an XLSX workbook: values only, formulas without a cached value refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
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
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


FORMULA_WITHOUT_VALUE = (
    "formula without a computed value: open and save the file in Excel or LibreOffice"
)
UNCACHED = None  # in the map of _cells_without_value: a formula saved without its value


def xlsx_rows(
    path: Path, sheet: str | None, name: str, problems: list[Problem]
) -> Iterator[list[str]]:
    """The rows of an XLSX sheet as text, read with the values Excel computed and saved.

    The workbook is checked by :mod:`.xlsx_bounds` (sizes, zip bomb, no DTD, the sheet's
    extent) before python-calamine reads it. A formula cell saved without its value (a file
    written by a program, never opened in a spreadsheet) would read as empty: it is reported in
    ``problems`` and its row is yielded blank, so that it is neither guessed nor reported twice.
    An error value (``#N/A``), which calamine reads as empty, is read as its code, as typed.
    """
    import zipfile

    from ..common.errors import FileProblem
    from ..common.files import open_regular
    from .xlsx_bounds import check_archive, refuse_extent, refuse_ole, sheet_titles

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
            archive = zipfile.ZipFile(handle)
        except Exception as error:  # zipfile raises zip, value and OS errors alike
            raise corrupt(error) from None
        with archive:
            extents = check_archive(archive, name)
            titles = sheet_titles(archive, name)
            if sheet is not None and sheet not in titles:
                listed = ", ".join(titles)
                raise LocatedError(
                    [
                        Problem(
                            name,
                            0,
                            0,
                            "sheet",
                            f"no sheet {sheet!r}{suggest(sheet, list(titles))}; sheets: {listed}",
                        )
                    ]
                )
            if not titles:
                raise corrupt(KeyError("sheet"))
            title = sheet if sheet is not None else next(iter(titles))
            part = titles[title]
            last_row, last_col = extents[part]
            refuse_extent(last_row, last_col, name, title)
            handle.seek(0)
            # Imported once the bounds hold; calamine (Rust) reads the sheet's values in a few
            # milliseconds where openpyxl took 0.3 s to import.
            from python_calamine import CalamineWorkbook

            try:
                book = CalamineWorkbook.from_filelike(handle)
                worksheet = book.get_sheet_by_name(title)
                values = worksheet.iter_rows() if last_row else iter(())
                lead = [""] * ((worksheet.start or (0, 0))[1])
                yield from _sheet_rows(
                    values, lead, (last_row, last_col), archive, part, name, problems
                )
            except LocatedError:
                raise
            except Exception as error:  # calamine raises its own errors, and value errors
                raise corrupt(error) from None


def _sheet_rows(
    values: Iterator[list[Any]],
    lead: list[str],
    extent: tuple[int, int],
    archive: Any,
    part: str,
    name: str,
    problems: list[Problem],
) -> Iterator[list[str]]:
    """The rows of one sheet as text, padded to ``extent``; see :func:`xlsx_rows`.

    calamine yields rows from the first one but drops the empty columns on the left: ``lead``
    puts them back, so that a column keeps its place whatever the sheet's first column is.
    """
    last_row, last_col = extent
    header: list[str] = []
    used: set[int] = set()
    missing: dict[tuple[int, int], str | None] | None = None  # scanned when first needed
    for number, cells in enumerate(values, start=1):
        if number > last_row:
            break
        row = [_cell(value) for value in (lead + cells)[:last_col]]
        row += [""] * (last_col - len(row))
        if number == 1:
            header, used = row, _used_columns(row, name)
        else:
            empty = [at for at in used if at < len(row) and not row[at]]
            if empty and missing is None:
                missing = _cells_without_value(archive, part)
            formulas = []
            for at in empty:
                key = (number, at + 1)
                if missing and key in missing:
                    found = missing[key]
                    if found is UNCACHED:
                        formulas.append(at)
                    else:
                        row[at] = found
            if formulas:
                for at in sorted(formulas):
                    if len(problems) < MAX_PROBLEMS_PER_FILE:
                        column = header[at].strip() if at < len(header) else ""
                        problems.append(Problem(name, number, 0, column, FORMULA_WITHOUT_VALUE))
                row = [""] * len(row)  # a blank row: skipped by the validation
        yield row


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]|\st=[\"']e[\"']")


def _has_formula_or_error(source: IO[bytes]) -> bool:
    """Whether the XML holds an ``<f>`` element or an error cell: a byte search, much faster
    than parsing.

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


def _cells_without_value(archive: Any, part: str) -> dict[tuple[int, int], str | None]:
    """``(row, column)`` (from 1) of the cells calamine reads as empty though they are not.

    A formula saved without a computed value maps to :data:`UNCACHED`; an error value
    (``t="e"``, as ``#N/A``) to its code. The sheet's XML is scanned once more, streaming, and
    only once a cell the reader uses is empty. A formula whose value is the empty text
    (``t="str"`` with an empty ``<v>``, as Excel and LibreOffice save ``=IF(...;"";...)``) has
    a value.
    """
    from xml.etree.ElementTree import iterparse

    from .xlsx_bounds import cell_position

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    row_tag, cell_tag, formula_tag, value_tag = (main + t for t in ("row", "c", "f", "v"))
    found: dict[tuple[int, int], str | None] = {}
    row = column = 0
    with archive.open(part) as source:
        if not _has_formula_or_error(source):
            return found
    with archive.open(part) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == row_tag:
                    row, column = int(element.get("r") or row + 1), 0
                continue
            if element.tag == cell_tag:
                where = element.get("r")
                row, column = cell_position(where) if where else (row, column + 1)
                kind = element.get("t")
                value = element.findtext(value_tag)
                if kind == "e" and value:
                    found[(row, column)] = value
                elif element.find(formula_tag) is not None and not value and kind != "str":
                    found[(row, column)] = UNCACHED
                element.clear()
            elif element.tag == row_tag:
                element.clear()
    return found
