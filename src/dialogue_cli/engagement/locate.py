"""Point at a field of a loaded engagement file: ``(loc, message)`` -> ``file:line:col`` problems.

For checks made after loading (the quote's catalog ids, ...): the file is parsed round-trip
only when there is something to report, like the loader does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..common.errors import LocatedError, Problem

if TYPE_CHECKING:
    from .loader import Project

Loc = tuple[int | str, ...]


def locate(project: Project, loc: Loc, message: str) -> Problem:
    """One problem at the data path ``loc`` of the project's engagement file.

    Args:
        project: the loaded project (its file is read again).
        loc: a data path such as ``("pricing", "options", 0, "id")``.
        message: what is wrong, in plain words.

    Returns:
        The problem, at the line and column of the deepest part of ``loc`` that exists.
    """
    return located_error(project, [(loc, message)]).problems[0]


def located_error(project: Project, issues: Sequence[tuple[Loc, str]]) -> LocatedError:
    """Every ``(loc, message)`` of ``issues`` as one error, each at its line in the engagement file.

    Args:
        project: the loaded project.
        issues: data paths and messages.

    Returns:
        A LocatedError to raise.
    """
    from .loader import located
    from .yamlio import read_text

    text = read_text(project.path, project.name)
    return located(text, project.name, [(loc, message, False) for loc, message in issues])
