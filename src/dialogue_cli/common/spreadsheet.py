"""Cells safe to open in a spreadsheet: no formula run by accident, no character XLSX refuses.

One rule for every export (feedback, stakeholder register, DPGF/BPU): a text cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe (OWASP's
advice against CSV injection), except a lone ``+`` or ``-``, which no spreadsheet computes and
which is a feedback polarity. Numbers are never touched: they are written as numbers.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_KEPT = frozenset(("+", "-"))  # a polarity on its own is text to every spreadsheet
T = TypeVar("T")


def neutralise(cell: T) -> T:
    """``'=1+1'`` -> ``"'=1+1"``: text a spreadsheet shows instead of computing.

    Args:
        cell: any cell value; only text is changed.

    Returns:
        The text with a leading apostrophe when it would start a formula, else ``cell`` itself
        (a lone ``+`` or ``-`` included).
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and cell not in _KEPT:
        return "'" + cell  # type: ignore[return-value]  # T is str here
    return cell


@cache
def _illegal() -> re.Pattern[str]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    pattern: re.Pattern[str] = ILLEGAL_CHARACTERS_RE
    return pattern


def clean(cell: T) -> T:
    """Drop the control characters an XLSX (XML 1.0) cannot hold: ``"a\\x01b"`` -> ``"ab"``.

    Args:
        cell: any cell value; only text is changed.

    Returns:
        The text without the characters openpyxl refuses (tab, line feed and carriage return
        are kept), else ``cell`` itself.
    """
    if isinstance(cell, str):
        return _illegal().sub("", cell)  # type: ignore[return-value]  # T is str here
    return cell


def safe(cell: T) -> T:
    """:func:`clean` then :func:`neutralise`: a cell ready for an XLSX file."""
    return neutralise(clean(cell))
