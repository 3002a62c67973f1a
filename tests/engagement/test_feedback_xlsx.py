"""XLSX feedback read with python-calamine: the same text as openpyxl's values, cell by cell."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogue_cli.engagement.feedback_xlsx import _cell, xlsx_rows


def workbook(cells: dict[str, Any], title: str = "retours", extra: str = "") -> bytes:
    """A workbook written by openpyxl with ``cells`` (reference -> value); ``extra`` is XML
    appended to the sheet's data (cells openpyxl cannot write: errors, cached formulas)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    if not extra:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension[^>]*/>", b"", content)
                content = content.replace(b"</sheetData>", extra.encode() + b"</sheetData>")
            target.writestr(item, content)
    return out.getvalue()


def read(tmp_path: Path, data: bytes, sheet: str | None = None) -> list[list[str]]:
    path = tmp_path / "f.xlsx"
    path.write_bytes(data)
    problems: list[Any] = []
    rows = list(xlsx_rows(path, sheet, "f.xlsx", problems))
    assert problems == []
    return rows


def openpyxl_text(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), data_only=True)
    return [[_cell(value) for value in row] for row in book.active.iter_rows(values_only=True)]


TYPED = {
    "A1": "id",
    "B1": "verbatim",
    "C1": "nombre",
    "D1": "date",
    "E1": "vrai",
    "A2": "X1",
    "B2": "Texte accentué « guillemets » ’",
    "C2": 3,
    "D2": dt.datetime(2027, 1, 11, 9, 30),
    "E2": True,
    "A3": "X2",
    "B3": "  espaces  ",
    "C3": 2.5,
    "D3": dt.time(18, 0),
    "E3": False,
    "C4": 12345678901234567,
    "D4": 1e20,
}


def test_values_are_openpyxls_text(tmp_path: Path) -> None:
    data = workbook(TYPED)
    assert read(tmp_path, data) == openpyxl_text(data)
    assert read(tmp_path, data)[1] == [
        "X1",
        "Texte accentué « guillemets » ’",
        "3",
        "2027-01-11 09:30:00",
        "True",
    ]


def test_a_date_cell_reads_as_its_iso_date(tmp_path: Path) -> None:
    # calamine gives a date where openpyxl gives midnight: the text is the date alone
    rows = read(tmp_path, workbook({"A1": "date", "A2": dt.date(2027, 2, 11)}))
    assert rows[1] == ["2027-02-11"]


def test_data_starting_away_from_a1_keeps_its_columns(tmp_path: Path) -> None:
    # calamine drops the empty columns on the left of the data; the reader puts them back
    data = workbook({"C3": "a", "E5": "b"})
    assert read(tmp_path, data) == [
        ["", "", "", "", ""],
        ["", "", "", "", ""],
        ["", "", "a", "", ""],
        ["", "", "", "", ""],
        ["", "", "", "", "b"],
    ]
    assert read(tmp_path, data) == openpyxl_text(data)


def test_error_values_read_as_their_code(tmp_path: Path) -> None:
    # calamine reads an error as empty; the reader reads it as the code a spreadsheet shows
    extra = (
        '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="str"><f>IF(1,"","x")</f><v></v></c></row>'
    )
    data = workbook({"A1": "scenario", "B1": "polarite", "C1": "verbatim"}, extra=extra)
    assert read(tmp_path, data) == [["scenario", "polarite", "verbatim"], ["#DIV/0!", "#N/A", ""]]
    assert read(tmp_path, data) == openpyxl_text(data)


def test_a_named_sheet_is_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "first"
    second = book.create_sheet("Atelier 2")
    second["A1"] = "second"
    buffer = io.BytesIO()
    book.save(buffer)
    assert read(tmp_path, buffer.getvalue(), "Atelier 2") == [["second"]]
    assert read(tmp_path, buffer.getvalue()) == [["first"]]


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda text: not text.startswith("=")
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_TEXT, min_size=1, max_size=6))
def test_any_cell_text_reads_back_as_written(tmp_path: Path, texts: list[str]) -> None:
    cells = {f"{chr(65 + at)}1": text for at, text in enumerate(texts)}
    data = workbook(cells)
    assert read(tmp_path, data) == [texts]
    assert read(tmp_path, data) == openpyxl_text(data)
