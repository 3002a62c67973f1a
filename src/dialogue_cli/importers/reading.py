"""Opening a platform's export: encoding and separator detected, CSV, XLSX or JSON, streamed.

Every export is opened through :func:`dialogue_cli.common.files.open_regular` (regular files only,
size-capped). The encoding is told by a byte-order mark (UTF-8, UTF-16, UTF-32), else by the
bytes themselves: UTF-16 without a mark (every other byte zero), UTF-8 when the sample decodes,
else charset-normalizer's guess (cp1252 when it has none). The separator is the one of ``;``,
``,``, tab or ``|`` that splits the first rows into the most regular number of cells. Bytes that
do not decode are replaced by U+FFFD and their rows reported, never silently mangled.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..common.errors import FileProblem, Problem
from ..common.files import open_regular
from ..engagement.feedback_limits import FIELD_LIMIT
from .encodings import SAMPLE, detect_encoding

MAX_SAMPLE = 16 << 20  # an ASCII-only start is sampled further, up to this
MAX_JSON_ITEM = 64 << 20  # one item of a JSON export
SEPARATORS = (";", ",", "\t", "|")
MAX_PROBLEMS = 50
LINE_LIMIT = 2 * FIELD_LIMIT  # characters of one line of a CSV export
_REPLACED = [0]  # how many undecodable byte runs were replaced, all files together


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    _REPLACED[0] += 1
    assert isinstance(error, UnicodeDecodeError)
    return "\ufffd", error.end


codecs.register_error("dialogue-import", _count_and_replace)


class Problems:
    """The problems of one export: the first ``MAX_PROBLEMS`` kept, the others counted."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.listed: list[Problem] = []
        self.hidden = 0
        self.skipped = 0  # rows not imported because of their problem

    def add(self, row: int, column: str, message: str, skipped: bool = False) -> None:
        """Report ``message`` at ``row`` (and ``column``); ``skipped``: the row is not imported."""
        self.skipped += skipped
        if len(self.listed) < MAX_PROBLEMS:
            self.listed.append(Problem(self.name, row, 0, column, message))
        else:
            self.hidden += 1

    @property
    def count(self) -> int:
        return len(self.listed) + self.hidden


@dataclass
class Export:
    """An opened export: its rows as lists of text (CSV, XLSX) or as flat dicts (JSON)."""

    name: str
    format: str  # "CSV", "XLSX" or "JSON"
    problems: Problems
    encoding: str = ""  # as the summary says it: "UTF-8", "UTF-16LE", "cp1252 (detected)"
    separator: str = ""
    rows: int = 0  # data rows read so far (blank ones aside)
    raw: Iterator[tuple[int, list[str]]] | None = None  # CSV and XLSX
    items: Iterator[tuple[int, dict[str, str]]] | None = None  # JSON
    _close: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for close in self._close:
            close()


def open_export(
    path: Path,
    name: str,
    *,
    encoding: str | None = None,
    separator: str | None = None,
    sheet: str | None = None,
    tolerant_quotes: bool = False,
) -> Export:
    """Open ``path`` by its suffix (``.xlsx``, ``.json``, else CSV); nothing is read in full.

    Args:
        path: the export.
        name: how messages name it.
        encoding: a codec that overrides the detection (the mapping's ``encoding``).
        separator: a separator that overrides the sniffing (the mapping's ``separator``).
        sheet: the XLSX sheet (default: the first).
        tolerant_quotes: every value is quoted but inner quotes are not doubled (Make.org):
            a line is split on ``","`` when that gives the header's number of cells.

    Raises:
        FileProblem: not a regular file, over the size cap, not a CSV/XLSX/JSON export.
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise FileProblem(
            f"{name}: an .xls (Excel 97-2003) file: open it and save it as .xlsx or CSV"
        )
    handle = open_regular(path, name, "export")
    problems = Problems(name)
    try:
        if suffix in (".xlsx", ".xlsm"):
            export = Export(name, "XLSX", problems, raw=_xlsx_rows(handle, name, sheet))
        else:
            codec, label = _encoding(handle, name, encoding)
            text = io.TextIOWrapper(handle, encoding=codec, errors="dialogue-import", newline="")
            if suffix == ".json":
                export = Export(name, "JSON", problems, label, items=_json_items(text, problems))
            else:
                sep = _separator_option(separator, name) or _sniff(text)
                rows = (
                    _tolerant_rows(text, sep, problems)
                    if tolerant_quotes
                    else _csv_rows(text, sep, problems)
                )
                export = Export(name, "CSV", problems, label, sep, raw=rows)
    except BaseException:
        handle.close()
        raise
    export._close.append(handle.close)
    return export


# ---------------------------------------------------------------- encoding and separator


def _sample(handle: BinaryIO) -> bytes:
    sample = handle.read(SAMPLE)
    while sample.isascii() and len(sample) < MAX_SAMPLE:
        more = handle.read(SAMPLE)
        if not more:
            break
        sample += more
    handle.seek(0)
    return sample


def _encoding(handle: BinaryIO, name: str, forced: str | None) -> tuple[str, str]:
    """The codec to read ``handle`` with, and how the summary names it."""
    if forced:
        try:
            codec = codecs.lookup(forced).name
        except LookupError:
            raise FileProblem(f"{name}: unknown encoding {forced!r} in the mapping") from None
        return codec, forced
    try:
        sample = _sample(handle)
    except OSError as error:
        raise FileProblem(f"{name}: cannot be read ({error.strerror or error})") from None
    return detect_encoding(sample, name)


def _separator_option(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    sep = {"tab": "\t", "\\t": "\t"}.get(value, value)
    if len(sep) != 1 or sep in '"\r\n':
        raise FileProblem(f"{name}: separator {value!r} in the mapping: use ';', ',', 'tab' or '|'")
    return sep


def _sniff(text: IO[str]) -> str:
    """The separator that splits the first rows most regularly (``,`` when none does)."""
    sample = text.read(64 * 1024)
    text.seek(0)
    if "\n" in sample[:-1]:
        sample = sample[: sample.rfind("\n") + 1]
    best, best_score = ",", (0.0, 0)
    for sep in SEPARATORS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=sep) if r][:100]
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (count / len(widths), width)
        if score > best_score:
            best, best_score = sep, score
    return best


# ---------------------------------------------------------------- CSV


def _bounded_lines(text: IO[str], problems: Problems) -> Iterator[str]:
    """The lines of ``text``, none longer than :data:`LINE_LIMIT` characters.

    The csv module reads whole lines before it splits them: a file without line breaks would be
    one string as large as the file. A longer line is reported (at its line number) and skipped.
    """
    number = 0
    while True:
        line = text.readline(LINE_LIMIT + 1)
        if not line:
            return
        number += 1
        if len(line) > LINE_LIMIT and not line.endswith(("\n", "\r")):
            while (rest := text.readline(LINE_LIMIT)) and not rest.endswith(("\n", "\r")):
                pass
            problems.add(
                number,
                "",
                f"a line of more than {LINE_LIMIT:,} characters: skipped (is it a CSV file?)",
                skipped=True,
            )
            continue
        yield line


def _csv_rows(text: IO[str], sep: str, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)  # the feedback reader's limit: the same everywhere
    reader = csv.reader(_bounded_lines(text, problems), delimiter=sep, strict=False)
    number = 0
    replaced = _REPLACED[0]
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.add(number, "", f"not readable as CSV ({error}): skipped", skipped=True)
            if problems.count > 1000:
                return
            continue
        if _REPLACED[0] != replaced:
            _report_replaced(row, number, problems)
        yield number, row


def _report_replaced(
    row: list[str], number: int, problems: Problems, header: list[str] | None = None
) -> None:
    for at, value in enumerate(row):
        if "\ufffd" in value:
            column = header[at] if header and at < len(header) else f"cell {at + 1}"
            problems.add(number, column, "bytes that are not text in this encoding, replaced by �")
            return


def _tolerant_rows(text: IO[str], sep: str, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """Rows of a file whose values are all quoted but whose inner quotes are not doubled."""
    joint = f'"{sep}"'
    width: int | None = None
    buffer = ""
    number = 0
    for line in _bounded_lines(text, problems):
        buffer += line
        body = buffer.rstrip("\r\n")
        parts: list[str] | None = None
        if width is not None and len(body) > 1 and body[0] == body[-1] == '"':
            split = body[1:-1].split(joint)
            if len(split) == width:
                parts = split
        if parts is None:
            if buffer.count('"') % 2 and buffer.count("\n") < 20:
                continue  # a quoted value goes on to the next line
            try:
                rows = list(csv.reader(io.StringIO(buffer), delimiter=sep, strict=False))
            except csv.Error as error:
                number += 1
                problems.add(number, "", f"not readable as CSV ({error}): skipped", skipped=True)
                buffer = ""
                continue
            complete = width is None or (len(rows) == 1 and len(rows[0]) == width)
            if not complete and buffer.count("\n") < 20:
                continue  # a quoted value spread over several lines: read the next one
            parts = rows[0] if rows else []
        number += 1
        buffer = ""
        if width is None:
            width = len(parts)
        yield number, parts


# ---------------------------------------------------------------- XLSX


def _xlsx_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text: str = value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
        return text
    return str(value)


def _xlsx_rows(handle: BinaryIO, name: str, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    """The rows of a sheet, as text, within the project's workbook bounds.

    The zip directory, the shared strings and every sheet are checked by
    :mod:`dialogue_cli.engagement.xlsx_bounds` before openpyxl reads anything, and the sheet is
    read no further than its last value. A formula is read as what was typed
    (``=HYPERLINK(...)``): an export holds values, so a formula in it is a participant's text,
    never computed.
    """
    import zipfile

    from ..common.errors import LocatedError
    from ..engagement.xlsx_bounds import check_archive, check_sheet, refuse_extent, refuse_ole

    def corrupt(error: Exception) -> FileProblem:
        return FileProblem(f"{name}: not a valid XLSX file ({type(error).__name__})")

    def refused(error: LocatedError) -> FileProblem:
        return FileProblem("; ".join(error.lines()))

    try:
        refuse_ole(handle, name)
        with zipfile.ZipFile(handle) as archive:
            extents = check_archive(archive, name)
        handle.seek(0)
        from openpyxl import load_workbook

        book = load_workbook(handle, read_only=True, data_only=False)
    except LocatedError as error:
        raise refused(error) from None
    except Exception as error:  # zip, XML, key and value errors alike
        raise corrupt(error) from None
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        from ..common.suggest import suggest

        raise FileProblem(
            f"{name}: no sheet {sheet!r}{suggest(sheet, book.sheetnames)}; "
            f"sheets: {', '.join(book.sheetnames)}"
        )
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    try:
        # openpyxl's read-only worksheet keeps its XML part's name; no public accessor exists.
        part = worksheet._worksheet_path
        if part in extents:
            last_row, last_col = extents[part]
            refuse_extent(last_row, last_col, name, worksheet.title)
        else:
            last_row, last_col = check_sheet(
                book._archive, part, name, worksheet.title, extent=True
            )
    except LocatedError as error:
        book.close()
        raise refused(error) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            if not last_row:
                return
            values = worksheet.iter_rows(max_row=last_row, max_col=last_col, values_only=True)
            for number, row in enumerate(values, start=1):
                yield number, [_xlsx_value(value) for value in row]
        except Exception as error:  # a sheet's XML is only parsed now
            raise corrupt(error) from None
        finally:
            book.close()

    return rows()


# ---------------------------------------------------------------- JSON


def flatten(value: Any, prefix: str = "", out: dict[str, str] | None = None) -> dict[str, str]:
    """Nested keys joined with ``/`` and lists of values with ``", "``, as Decidim's CSV does."""
    out = {} if out is None else out
    if isinstance(value, dict):
        for key, inner in value.items():
            flatten(inner, f"{prefix}/{key}" if prefix else str(key), out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out[prefix] = ", ".join("" if v is None else _scalar(v) for v in value)
        else:
            for index, inner in enumerate(value):
                flatten(inner, f"{prefix}/{index}", out)
    else:
        out[prefix] = "" if value is None else _scalar(value)
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json_items(text: IO[str], problems: Problems) -> Iterator[tuple[int, dict[str, str]]]:
    """The objects of a JSON array, one at a time, flattened (a single object counts as one)."""
    decoder = json.JSONDecoder()
    buffer = text.read(SAMPLE)
    position = _skip(buffer, 0)
    if position >= len(buffer):
        return
    if buffer[position] != "[":
        rest = buffer + text.read(MAX_JSON_ITEM)
        try:
            item = json.loads(rest)
        except RecursionError:
            problems.add(1, "", "nested too deeply to be an export", skipped=True)
            return
        except ValueError as error:
            problems.add(0, "", f"not a JSON export ({error.args[0]})")
            return
        if isinstance(item, dict):
            yield 1, flatten(item)
        return
    position += 1
    number = 0
    eof = False
    while True:
        position = _skip(buffer, position, comma=number > 0)
        if position >= len(buffer) - 1 and not eof:
            chunk = text.read(SAMPLE)
            eof = not chunk
            buffer, position = buffer[position:] + chunk, 0
            continue
        if position >= len(buffer) or buffer[position] == "]":
            return
        try:
            item, end = decoder.raw_decode(buffer, position)
        except RecursionError:
            problems.add(
                number + 1,
                "",
                "nested too deeply to be an export: the rest is skipped",
                skipped=True,
            )
            return
        except ValueError as error:
            if not eof and len(buffer) - position < MAX_JSON_ITEM:
                chunk = text.read(SAMPLE)
                eof = not chunk
                buffer, position = buffer[position:] + chunk, 0
                continue
            problems.add(
                number + 1,
                "",
                f"not readable as JSON ({error.args[0]}): the rest is skipped",
                skipped=True,
            )
            return
        number += 1
        position = end
        if isinstance(item, dict):
            try:
                flat = flatten(item)
            except RecursionError:
                problems.add(number, "", "nested too deeply to be an export: skipped", skipped=True)
                continue
            yield number, flat
        else:
            problems.add(
                number, "", f"a JSON {type(item).__name__}, not an object: skipped", skipped=True
            )


def _skip(buffer: str, position: int, comma: bool = False) -> int:
    while position < len(buffer) and (
        buffer[position].isspace() or (comma and buffer[position] == ",")
    ):
        position += 1
    return position


# ---------------------------------------------------------------- rows with a header


@dataclass
class Table:
    """An export's header and its rows as dicts, personal cells already removed.

    Each row is ``(row number, cells, contributor identity)``.
    """

    header: list[str]
    rows: Iterator[tuple[int, dict[str, str], str]]


def unique_header(cells: list[str], renames: dict[str, str] | None = None) -> list[str]:
    """Header cells stripped, blanks named ``column N``, repeats numbered, renamed by the mapping.

    ``renames`` maps a header as the file writes it to the name a platform module expects
    (the mapping's ``columns:``, reversed); headers compare after case folding.
    """
    folded = {key.strip().casefold(): role for key, role in (renames or {}).items()}
    out: list[str] = []
    seen: set[str] = set()
    for at, raw in enumerate(cells):
        name = raw.replace("\ufeff", "").strip() or f"column {at + 1}"
        role = folded.get(name.casefold())
        if role is not None:
            _refuse_personal(name, role)
            name = role
        base, count = name, 1
        while name in seen:
            count += 1
            name = f"{base} ({count})"
        seen.add(name)
        out.append(name)
    return out


def dict_rows(
    header: list[str],
    raw: Iterator[tuple[int, list[str]]],
    personal: Any,
    export: Export,
) -> Iterator[tuple[int, dict[str, str], str]]:
    """Rows as dicts under ``header``: short rows padded, long ones refused, blank ones skipped."""
    width = len(header)
    problems = export.problems
    for number, row in raw:
        if not any(row):
            continue
        export.rows += 1
        if len(row) != width:
            if len(row) > width:
                if any(cell.strip() for cell in row[width:]):
                    problems.add(
                        number,
                        "",
                        f"{len(row)} cells but the header has {width}: a separator or a quote "
                        "inside a value? skipped",
                        skipped=True,
                    )
                    continue
                row = row[:width]
            else:
                row = row + [""] * (width - len(row))
        cells = dict(zip(header, row, strict=True))
        identity = personal.split(cells)
        yield number, cells, identity


def table(
    export: Export,
    personal: Any,
    renames: dict[str, str] | None = None,
) -> Table:
    """The export's first non-blank row as header, the others as dict rows."""
    if export.items is not None:
        items = export.items
        first = next(items, None)
        if first is None:
            return Table([], iter(()))
        header = list(first[1])

        def json_rows() -> Iterator[tuple[int, dict[str, str], str]]:
            for number, cells in _chain_first(first, items):
                export.rows += 1
                if renames:
                    cells = {_rename(key, renames): value for key, value in cells.items()}
                identity = personal.split(cells)
                yield number, cells, identity

        return Table([_rename(h, renames or {}) for h in header], json_rows())
    assert export.raw is not None
    raw = export.raw
    for _number, cells in raw:
        if any(cell.strip() for cell in cells):
            header = unique_header(cells, renames)
            return Table(header, dict_rows(header, raw, personal, export))
    return Table([], iter(()))


def _chain_first(
    first: tuple[int, dict[str, str]], rest: Iterator[tuple[int, dict[str, str]]]
) -> Iterator[tuple[int, dict[str, str]]]:
    yield first
    yield from rest


def _rename(key: str, renames: dict[str, str]) -> str:
    if not renames:
        return key
    for source, role in renames.items():
        if key.casefold() == source.strip().casefold():
            _refuse_personal(key, role)
            return role
    return key


def _refuse_personal(header: str, role: str) -> None:
    """A personal column is never imported, even when the mapping names it (``columns:``)."""
    from .personal import personal_kind

    kind = personal_kind(header)
    if kind is not None:
        raise FileProblem(
            f"columns: {role}: {header!r} holds personal data ({kind}): it is never imported"
        )
