"""What one row of a feedback file may hold, and how a quote that swallows rows shows itself."""

from __future__ import annotations

from ..common.errors import Problem
from .model import POLARITIES, normalize_polarity
from .model.base import LINE_LENGTH

# Characters of one cell of a CSV file (the csv module's own default is 131 072): far above any
# verbatim, so that only a quote left open reaches it.
FIELD_LIMIT = 1 << 20
# The longest verbatim, theme, author and id of a row: the same as in engagement.yaml.
TEXT_LENGTH = 20_000
ID_LENGTH = 64

__all__ = ["FIELD_LIMIT", "ID_LENGTH", "LINE_LENGTH", "TEXT_LENGTH", "RowShape", "too_long"]


def too_long(raw_id: str, theme: str, text: str, author: str) -> list[Problem]:
    """The cells of a row longer than the engagement file allows for the same fields."""
    found = []
    for column, value, limit in (
        ("id", raw_id, ID_LENGTH),
        ("theme", theme, LINE_LENGTH),
        ("text", text, TEXT_LENGTH),
        ("author", author, LINE_LENGTH),
    ):
        if len(value) > limit:
            hint = ": split it into several items" if column == "text" else ""
            found.append(
                Problem(
                    "",
                    0,
                    0,
                    column,
                    f"{len(value):,} characters, more than the {limit:,} it may have{hint}",
                )
            )
    return found


class RowShape:
    """Whether the text inside a quoted cell holds lines that are rows of the file.

    A quote that opens a cell by mistake (``"Bien;Ana`` instead of ``Bien;Ana``) makes the
    reader take every following line, delimiters and all, as the text of that cell, until the
    next quote. A verbatim may hold line breaks; it does not hold a line with the delimiters of
    a whole row and a known scenario or polarity where a row has them.
    """

    def __init__(
        self, delimiter: str, width: int, index: dict[str, int], scenarios: dict[str, str]
    ):
        self.delimiter = delimiter
        self.delimiters = max(width - 1, 1)
        self.scenario_at = index["scenario"]
        self.polarity_at = index["polarity"]
        self.scenarios = scenarios

    def _is_row(self, text: str) -> bool:
        if text.count(self.delimiter) < self.delimiters:
            return False
        cells = text.split(self.delimiter)
        scenario = cells[self.scenario_at].strip().strip('"').casefold()
        polarity = cells[self.polarity_at].strip().strip('"')
        return scenario in self.scenarios or normalize_polarity(polarity) in POLARITIES

    def swallowing(self, row: list[str], line: int) -> tuple[Problem, bool] | None:
        """The problem of a row whose quoted cell swallowed rows, at the line the quote opens.

        Also says whether the cell ends with a line break: a cell that ran to the end of the
        file does, since the last line's break is read into it.
        """
        opened = line
        for cell in row:
            if "\n" in cell:
                inner = cell.replace("\r\n", "\n").split("\n")
                if any(self._is_row(text) for text in inner[1:]):
                    closed = opened + len(inner) - 1
                    found = Problem(
                        "",
                        opened,
                        0,
                        "",
                        f"a quote opened here is closed on line {closed}, so lines "
                        f"{opened + 1} to {closed} are read as one cell: remove the stray "
                        '" (or write it "")',
                    )
                    return found, cell.endswith("\n")
                opened += len(inner) - 1
        return None
