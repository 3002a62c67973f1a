"""The project's own feedback file, written from imported items: CSV (``;``, UTF-8 with BOM) or XLSX.

The columns of ``dialogue feedback template`` in the engagement's language, then the provenance
columns (platform, id, link, date) that the feedback reader accepts and ignores. Every text cell
goes through the project's spreadsheet rule (:func:`dialogue_cli.common.spreadsheet.neutralise`):
a text starting with ``=``, ``+``, ``-`` or ``@`` gets the apostrophe that the import removed.
The caller writes through :func:`dialogue_cli.common.atomic.staged` and reads the staged file
back with the project's feedback reader before it replaces anything (see :mod:`.command`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..common.atomic import os_problem
from ..common.spreadsheet import neutralise, safe
from ..engagement.feedback import PROVENANCE_HEADERS, TEMPLATE_HEADERS
from .convert import Item


def headers(language: str) -> tuple[str, ...]:
    """The feedback template's headers and the provenance headers, in ``language``."""
    language = language if language in TEMPLATE_HEADERS else "fr"
    return TEMPLATE_HEADERS[language] + PROVENANCE_HEADERS[language]


def has_provenance(header: Iterable[str]) -> bool:
    """Whether a header row is one this writer wrote (it holds the provenance columns)."""
    cells = {cell.strip().lstrip("\ufeff") for cell in header}
    return any(set(names) <= cells for names in PROVENANCE_HEADERS.values())


def rows(items: Iterable[Item], platform: str) -> Iterator[list[str | int]]:
    """One row per item, in the order of :func:`headers`, text cells neutralised."""
    for item in items:
        yield [
            item.id,
            item.scenario,
            item.polarity,
            item.intensity,
            ", ".join(item.criteria),
            neutralise(item.theme),
            neutralise(item.text),
            item.author,
            "",  # publier: whether the author agreed to be quoted is for the consultant to say
            platform,
            neutralise(item.source_id),
            neutralise(item.url),
            item.date,
        ]


def write(path: Path, items: Iterable[Item], language: str, platform: str) -> None:
    """Write ``items`` to ``path`` as CSV or XLSX (by its suffix); raises OSError as it comes."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("retours" if language == "fr" else "feedback")
        sheet.append(list(headers(language)))
        for row in rows(items, platform):
            sheet.append([safe(cell) for cell in row])
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers(language))
        writer.writerows(rows(items, platform))


def write_to(path: Path, target: Path, items: list[Item], language: str, platform: str) -> None:
    """:func:`write` to ``path`` (a staged file for ``target``); an OS error names ``target``.

    Raises:
        FileProblem: the file cannot be written.
    """
    try:
        write(path, items, language, platform)
    except OSError as error:
        raise os_problem(target, "write it", error) from None


def read_header(path: Path) -> list[str]:
    """The header row of an existing feedback file (CSV or XLSX), ``[]`` when unreadable."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True)
            try:
                first = next(book.worksheets[0].iter_rows(values_only=True), ())
            finally:
                book.close()
            return ["" if v is None else str(v) for v in first]
        with path.open(encoding="utf-8-sig", newline="") as handle:
            line = handle.readline()
        return next(
            csv.reader([line], delimiter=";" if line.count(";") >= line.count(",") else ","), []
        )
    except Exception:  # any unreadable file: not one this writer wrote
        return []
