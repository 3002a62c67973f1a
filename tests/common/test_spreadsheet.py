"""The one spreadsheet-safety rule every export uses: neutralise formulas, drop XML-illegal chars."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from dialogue_cli.common.spreadsheet import clean, neutralise, safe


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+", "+"),  # a polarity on its own stays as it is
        ("-", "-"),
        ("++", "'++"),
        ("Maire", "Maire"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


@pytest.mark.parametrize("cell", [-1, 2, Decimal("-3.50"), None])
def test_numbers_are_not_touched(cell: object) -> None:
    assert neutralise(cell) is cell
    assert clean(cell) is cell


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Frais\x01 bizarre", "Frais bizarre"),
        ("a\x00b\x08c\x0bd\x1fe", "abcde"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),  # XML 1.0 allows these three
        ("Séance « créative »", "Séance « créative »"),
    ],
)
def test_clean(cell: str, expected: str) -> None:
    assert clean(cell) == expected


def test_safe_cleans_then_neutralises() -> None:
    assert safe("\x01=1+1") == "'=1+1"


def test_importing_does_not_load_openpyxl() -> None:
    code = "import sys, dialogue_cli.common.spreadsheet; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
