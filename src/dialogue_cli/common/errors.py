"""The errors a user can cause, each located in a file (line, column or row) and a field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a user's file, in the shape compilers use.

    ``line`` and ``col`` are 1-based; for a CSV file ``line`` is the line a text
    editor shows (where the row starts), for an XLSX file the row number (the
    header being row 1), and ``col`` is 0. A problem that concerns a whole file
    has line 0.
    """

    file: str
    line: int
    col: int
    path: str
    message: str = field(compare=True)

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DialogueError(Exception):
    """Base class of every error the user can cause; the CLI prints it and exits 1."""

    def lines(self) -> list[str]:
        return [str(self)]


class LocatedError(DialogueError):
    """One or several located problems, reported all at once, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem], hidden: int = 0) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.path))
        # Problems counted but not listed (a file with thousands of bad rows lists the first ones).
        self.hidden = hidden
        super().__init__("\n".join(self.lines()))

    @classmethod
    def merge(cls, errors: Iterable[LocatedError]) -> LocatedError:
        """One error holding the problems (listed and counted) of several."""
        errors = list(errors)
        return cls([p for e in errors for p in e.problems], sum(e.hidden for e in errors))

    @property
    def count(self) -> int:
        """How many problems there are, listed or not."""
        return len(self.problems) + self.hidden

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems]
        if self.hidden:
            out.append(f"... and {self.hidden} more problems not listed")
        return out


class FileProblem(DialogueError):
    """A file that cannot be used at all: missing, a folder, unreadable, not UTF-8."""


def shown(value: object, limit: int = 60) -> str:
    """``value`` as a message quotes it: its ``repr``, cut to about ``limit`` characters.

    A user's file can hold a key or a cell of megabytes; a message never repeats more than
    the start of it, and says how long the whole is.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, str) else len(text)
    return f"{text[: limit - 1]}… ({size:,} characters)"
