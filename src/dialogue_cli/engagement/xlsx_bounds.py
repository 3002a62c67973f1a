"""Bounds on a workbook, checked from its zip directory and its XML before a reader opens it.

An XLSX file is a zip of XML parts. Readers trust them: openpyxl (platform exports) and
python-calamine (feedback files) read every shared string into memory when they open the
workbook, and a reader that pads each row to the sheet's last column makes a 5 KB file with one
cell at ``XFD1048576`` stand for 17 billion cells. Before a reader sees a part, this module checks, streaming and with a pull parser that keeps nothing:

- the zip directory: how many parts, their uncompressed sizes (zipfile never inflates a part
  beyond the size the directory declares, so the declared sizes bound what is read);
- the shared strings: how many, the length of each and of all;
- the sheet that is read: the rectangle from A1 to its last non-empty cell, the text of each
  cell, and no tag or text run longer than :data:`MAX_RUN` bytes (what a pull parser would
  otherwise hold in memory);
- no part declares a DTD (an XLSX never has one; entities are how XML bombs expand).

A password-protected workbook is not a zip but an OLE compound file: it is recognised and
named as such.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from typing import IO, Any

from ..common.errors import LocatedError, Problem

KiB, MiB = 1 << 10, 1 << 20

MAX_PARTS = 10_000
MAX_UNCOMPRESSED = 1024 * MiB  # all parts together, once inflated
MAX_PART = 64 * MiB  # any part but the sheets and the shared strings (styles, workbook...)
MAX_STRINGS = 1_000_000  # shared strings (openpyxl keeps each as a Python string)
MAX_STRINGS_TEXT = 50_000_000  # characters of all the shared strings
MAX_CELL_TEXT = 32_767  # characters of one cell: Excel's own limit
MAX_CELLS = 20_000_000  # the rectangle from A1 to the last non-empty cell of the sheet
MAX_RUN = 1 * MiB  # bytes of XML without a '>': a tag, or the text of a cell
CHUNK = 1 * MiB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


class _Stop(Exception):
    """Raised by a parser callback to stop reading a part: carries the message."""

    def __init__(self, message: str, row: int = 0) -> None:
        super().__init__(message)
        self.message, self.row = message, row


def refuse_ole(handle: IO[bytes], name: str) -> None:
    """Refuse an OLE compound file: a password-protected workbook, or an Excel 97-2003 one.

    Excel encrypts a protected .xlsx into an OLE file holding an ``EncryptedPackage`` stream;
    an .xls is an OLE file too. Neither is a zip, and openpyxl would call it a bad zip file.
    """
    head = handle.read(len(OLE_MAGIC))
    handle.seek(0)
    if head != OLE_MAGIC:
        return
    marker = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    while chunk := handle.read(CHUNK):
        if marker in tail + chunk:
            handle.seek(0)
            raise _problem(name, "is password-protected: save it without a password")
        tail = chunk[-len(marker) :]
    handle.seek(0)
    raise _problem(
        name,
        "is an Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx: "
        "open it and save it as an Excel workbook (.xlsx)",
    )


def check_archive(archive: zipfile.ZipFile, name: str) -> dict[str, tuple[int, int]]:
    """The zip directory, the shared strings and every sheet within bounds.

    Every sheet is checked, not only the one read: opening a workbook, openpyxl reads each
    sheet up to its ``<dimension>`` element, or through when it has none.

    Returns:
        For each sheet's part, the last row and column that hold a value (see
        :func:`check_sheet`), to read no further.
    """
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _problem(name, f"{len(parts):,} parts in the workbook, more than {MAX_PARTS:,}")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNCOMPRESSED:
        raise _problem(
            name,
            f"{_size(total)} once uncompressed, more than the {_size(MAX_UNCOMPRESSED)} a "
            "workbook may hold",
        )
    strings, workbook = _main_parts(archive, name)
    for part in parts:
        if part.flag_bits & 0x1:
            raise _problem(name, "is password-protected: save it without a password")
        if (
            part.file_size > MAX_PART
            and not part.filename.startswith("xl/worksheets/")
            and part.filename != strings
        ):
            raise _problem(
                name,
                f"its part {part.filename} is {_size(part.file_size)} once uncompressed, more "
                f"than the {_size(MAX_PART)} such a part may have",
            )
    if strings is not None and strings in archive.NameToInfo:
        _check_shared_strings(archive, strings, name)
    return {
        part: check_sheet(archive, part, name, _sheet_label(part))
        for part in _sheet_parts(archive, name, workbook)
    }


def check_sheet(
    archive: zipfile.ZipFile, part: str, name: str, title: str, *, extent: bool = False
) -> tuple[int, int]:
    """The last row and column holding a value in a sheet, once its bounds are checked.

    Args:
        archive: the workbook.
        part: the sheet's XML part (``xl/worksheets/sheet1.xml``).
        name: the file, for messages.
        title: the sheet's name, for messages.
        extent: also refuse a sheet whose values span more than :data:`MAX_CELLS` from A1
            (the sheet that is read: openpyxl pads every row to the last column).

    Returns:
        ``(row, column)``, from 1; ``(0, 0)`` for a sheet without values.

    Raises:
        LocatedError: a cell too long, a rectangle too large, or a part that is not XML.
    """
    row = col = last_row = last_col = cells = length = 0
    counting = False  # inside a <v> or a <t>: the text of the cell
    columns: dict[str, int] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, last_row, last_col, cells, length, counting
        local = tag[tag.find(":") + 1 :]
        counting = local in ("v", "t")
        if local == "c":
            cells += 1
            length = 0
            where = attrs.get("r")
            if where:
                letters = where.rstrip("0123456789")
                digits = where[len(letters) :]
                if digits and len(digits) < 10:
                    row = int(digits)
                found = columns.get(letters)
                if found is None:
                    found = _column(letters)
                    if len(columns) < 1000:
                        columns[letters] = found
                col = found
            else:
                col += 1
        elif local in ("v", "is", "f"):
            if row > last_row:
                last_row = row
            if col > last_col:
                last_col = col
        elif local == "row":
            number = attrs.get("r")
            row = int(number) if number and number.isdigit() and len(number) < 10 else row + 1
            col = 0

    def text(data: str) -> None:
        nonlocal length
        if counting:
            length += len(data)
            if length > MAX_CELL_TEXT:
                raise _Stop(
                    f"a cell holds more than {MAX_CELL_TEXT:,} characters, the most a "
                    "spreadsheet cell can hold",
                    row,
                )

    _scan(archive, part, name, start, text)
    if cells > MAX_CELLS:
        raise _problem(
            name, f"sheet {title!r} has {cells:,} cells, more than the {MAX_CELLS:,} it may have"
        )
    if extent:
        refuse_extent(last_row, last_col, name, title)
    return last_row, last_col


def refuse_extent(last_row: int, last_col: int, name: str, title: str) -> None:
    """Refuse a sheet whose values reach so far that reading it means billions of cells."""
    if last_row * last_col > MAX_CELLS:
        letter = _letters(last_col)
        raise _problem(
            name,
            f"sheet {title!r} has values up to column {letter} and row {last_row}: from A1 to "
            f"{letter}{last_row}, {last_row * last_col:,} cells, more than the {MAX_CELLS:,} a "
            "feedback sheet may span; delete the cells far below or to the right of the data "
            "(Ctrl+End goes to the last one)",
        )


_STRING_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")


def _check_shared_strings(archive: zipfile.ZipFile, part: str, name: str) -> None:
    """How many shared strings, how long each and all: counted by bytes first (fast), then
    measured by the parser."""
    strings = 0
    tail = b""
    try:
        with archive.open(part) as source:
            while chunk := source.read(CHUNK):
                strings += len(_STRING_TAG.findall(tail + chunk))
                tail = chunk[-64:]
                strings -= len(_STRING_TAG.findall(tail))  # counted again with the next chunk
                if strings > MAX_STRINGS:
                    raise _problem(name, _too_many_strings())
        if strings + len(_STRING_TAG.findall(tail)) > MAX_STRINGS:
            raise _problem(name, _too_many_strings())
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise _problem(name, f"not a valid XLSX file ({type(error).__name__})") from None
    count = total = current = 0

    def start(tag: str, _attrs: dict[str, str]) -> None:
        nonlocal count, current
        if tag[tag.find(":") + 1 :] == "si":
            count += 1
            current = 0
            if count > MAX_STRINGS:
                raise _Stop(_too_many_strings())

    def text(data: str) -> None:
        nonlocal total, current
        current += len(data)
        total += len(data)
        if current > MAX_CELL_TEXT:
            raise _Stop(
                f"a text of more than {MAX_CELL_TEXT:,} characters (shared string {count}), the "
                "most a spreadsheet cell can hold"
            )
        if total > MAX_STRINGS_TEXT:
            raise _Stop(
                f"more than {MAX_STRINGS_TEXT:,} characters of text (shared strings), the most "
                "a feedback workbook may have"
            )

    _scan(archive, part, name, start, text)


WORKBOOK_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
WORKSHEET_RELATION = "/worksheet"


def _too_many_strings() -> str:
    return (
        f"more than {MAX_STRINGS:,} different texts (shared strings), the most a feedback "
        "workbook may have"
    )


def _main_parts(archive: zipfile.ZipFile, name: str) -> tuple[str | None, str | None]:
    """The shared strings part and the workbook part, as the content types name them."""
    strings: list[str] = []
    books: list[str] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag[tag.find(":") + 1 :] == "Override":
            kind, part = attrs.get("ContentType"), attrs.get("PartName", "").lstrip("/")
            if kind == SHARED_STRINGS:
                strings.append(part)
            elif kind in WORKBOOK_TYPES:
                books.append(part)

    if "[Content_Types].xml" in archive.NameToInfo:
        _scan(archive, "[Content_Types].xml", name, start, None)
    return (strings[0] if strings else None), (books[0] if books else None)


def _sheet_parts(archive: zipfile.ZipFile, name: str, workbook: str | None) -> list[str]:
    """The sheets' parts: those the workbook's relationships name, and any in xl/worksheets/."""
    import posixpath

    found = {n for n in archive.NameToInfo if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    if workbook is not None:
        folder, base = posixpath.split(workbook)
        rels = posixpath.join(folder, "_rels", base + ".rels")

        def start(tag: str, attrs: dict[str, str]) -> None:
            target = attrs.get("Target", "")
            if tag[tag.find(":") + 1 :] == "Relationship" and attrs.get("Type", "").endswith(
                WORKSHEET_RELATION
            ):
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                found.add(posixpath.normpath(path))

        if rels in archive.NameToInfo:
            _scan(archive, rels, name, start, None)
    return sorted(part for part in found if part in archive.NameToInfo)


def sheet_titles(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Each sheet's title and its XML part, in the workbook's order (what a reader shows)."""
    import posixpath

    _strings, workbook = _main_parts(archive, name)
    if workbook is None or workbook not in archive.NameToInfo:
        return {}
    folder, base = posixpath.split(workbook)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    targets: dict[str, str] = {}
    titles: dict[str, str] = {}

    def relation(tag: str, attrs: dict[str, str]) -> None:
        if tag[tag.find(":") + 1 :] == "Relationship":
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            targets[attrs.get("Id", "")] = posixpath.normpath(path)

    def sheet(tag: str, attrs: dict[str, str]) -> None:
        if tag[tag.find(":") + 1 :] == "sheet":
            # the r:id attribute, whatever prefix the relationships namespace has
            rid = next((v for k, v in attrs.items() if k.rsplit(":", 1)[-1] == "id"), "")
            part = targets.get(rid)
            if part is not None and part in archive.NameToInfo:
                titles[attrs.get("name", "")] = part

    if rels in archive.NameToInfo:
        _scan(archive, rels, name, relation, None)
    _scan(archive, workbook, name, sheet, None)
    return titles


def _sheet_label(part: str) -> str:
    """How a message names a sheet before its name is known: its part's file name."""
    return part.rsplit("/", 1)[-1]


def _scan(
    archive: zipfile.ZipFile,
    part: str,
    name: str,
    start: Callable[[str, dict[str, str]], None],
    text: Callable[[str], None] | None,
) -> None:
    """Stream ``part`` through expat, calling ``start`` on each tag and ``text`` on text runs.

    Raises:
        LocatedError: a callback stopped the scan, the XML is broken, it declares a DTD, or a
            tag or a text runs longer than :data:`MAX_RUN` bytes.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 64 * KiB
    parser.StartElementHandler = start
    if text is not None:
        parser.CharacterDataHandler = text

    def no_dtd(*_args: Any) -> None:
        raise _Stop(f"its part {part} declares a DTD, which no workbook has")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    run = 0  # bytes since the last '>'
    try:
        with archive.open(part) as source:
            while chunk := source.read(CHUNK):
                end = chunk.rfind(b">")
                if end < 0:
                    run += len(chunk)
                else:
                    run = max(run + chunk.find(b">"), 0)
                    if run <= MAX_RUN:
                        run = len(chunk) - end - 1
                if run > MAX_RUN:
                    raise _Stop(
                        f"its part {part} holds a tag or a text of more than {_size(MAX_RUN)}, "
                        "which no spreadsheet writes"
                    )
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop as stop:
        raise LocatedError([Problem(name, stop.row, 0, "", stop.message)]) from None
    except expat.ExpatError as error:
        raise _problem(
            name, f"not a valid XLSX file ({part}: broken XML on line {error.lineno})"
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise _problem(name, f"not a valid XLSX file ({type(error).__name__})") from None


def _letters(column: int) -> str:
    """16384 -> ``"XFD"``: a column's letters, as a spreadsheet names it."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _column(letters: str) -> int:
    """``"XFD"`` -> 16384; 0 for a reference without letters.

    Only the first 4 letters count (Excel stops at 3): a reference of a million letters is not
    worth a number of a million digits, and the rectangle bound applies all the same.
    """
    column = 0
    for char in letters[:4].upper():
        if "A" <= char <= "Z":
            column = column * 26 + ord(char) - 64
    return column


def cell_position(reference: str) -> tuple[int, int]:
    """``"B12"`` -> ``(12, 2)``: a cell reference's row and column, from 1 (0 when absent)."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    return (int(digits) if digits and len(digits) < 10 else 0), _column(letters)


def _problem(name: str, message: str) -> LocatedError:
    return LocatedError([Problem(name, 0, 0, "", message)])


def _size(size: int) -> str:
    return f"{size / MiB:,.0f} MB" if size >= MiB else f"{size:,} bytes"
