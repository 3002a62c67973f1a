"""Export feedback items, one row each, for a spreadsheet or R: criteria as 0/1 columns.

Cells that a spreadsheet would read as a formula get a leading apostrophe
(:func:`dialogue_cli.common.spreadsheet.neutralise`), so that opening an export never runs anything.
Rows are written as they are read: a million items do not stay in memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..common.atomic import write_with
from ..common.errors import FileProblem
from ..common.privacy import mask
from ..common.spreadsheet import neutralise, safe

if TYPE_CHECKING:
    from ..engagement.feedback import Feedback
    from ..engagement.model import Engagement

FIXED = ("id", "workshop", "group", "scenario", "polarity", "intensity")
TAIL = ("theme", "text")


def header(engagement: Engagement, anonymize: bool = False) -> list[str]:
    """Column names: the fixed ones, one per criterion (``crit_`` prefixed on a clash), the text."""
    taken = {*FIXED, *TAIL, "author"}
    crits = [c.id if c.id not in taken else f"crit_{c.id}" for c in engagement.grid.criteria]
    return [*FIXED, *crits, *TAIL, *(() if anonymize else ("author",))]


def rows(
    engagement: Engagement, items: Iterable[Feedback], anonymize: bool = False
) -> Iterator[list[str | int]]:
    """One row per item, in the order of :func:`header`, cells neutralised."""
    crit_ids = [c.id for c in engagement.grid.criteria]
    for item in items:
        present = set(item.criteria)
        row: list[str | int] = [
            neutralise(item.id),
            neutralise(item.workshop),
            item.group,
            neutralise(item.scenario),
            neutralise(item.polarity),
            item.intensity,
            *(1 if c in present else 0 for c in crit_ids),
            neutralise(item.theme),
            neutralise(mask(item.text, engagement.language) if anonymize else item.text),
        ]
        if not anonymize:
            row.append(neutralise(item.author))
        yield row


def write_export(
    path: Path, engagement: Engagement, items: Iterable[Feedback], anonymize: bool = False
) -> int:
    """Write ``items`` to ``path`` (``.csv``: ``;`` and UTF-8 with BOM; ``.xlsx``); return the count.

    Raises:
        FileProblem: for another file type, or when the file cannot be written (the old one is
            then left whole).
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise FileProblem(f"{path}: export to .csv or .xlsx, not {suffix or 'no extension'!r}")
    # A temp file beside ``path``, then an atomic move: an earlier export stays whole until the
    # new one is complete (a full disk, a bad feedback row, an interrupted run leave it as it was).
    names = header(engagement, anonymize)

    def write(temp: Path) -> int:
        data = rows(engagement, items, anonymize)
        if suffix == ".csv":
            return _write_csv(temp, names, data)
        return _write_xlsx(temp, engagement, names, data)

    return write_with(path, write)


def _write_csv(path: Path, names: list[str], data: Iterable[list[str | int]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(names)
        for row in data:
            writer.writerow(row)
            count += 1
    return count


def _write_xlsx(
    path: Path, engagement: Engagement, names: list[str], data: Iterable[list[str | int]]
) -> int:
    from openpyxl import Workbook

    count = 0
    book = Workbook(write_only=True)
    sheet = book.create_sheet("retours" if engagement.language == "fr" else "feedback")
    sheet.append(names)
    for row in data:
        # XML 1.0 cannot hold most control characters: they are dropped from the XLSX only,
        # then the cell is checked again ("\x01=1" would otherwise become the formula "=1").
        sheet.append([safe(cell) for cell in row])
        count += 1
    book.save(path)
    return count
