"""Opening exports: encodings, separators, CSV/XLSX/JSON, rows that cannot be read."""

from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.common.errors import FileProblem
from dialogue_cli.importers import reading
from dialogue_cli.importers.encodings import detect_encoding
from dialogue_cli.importers.personal import PersonalData
from dialogue_cli.importers.reading import open_export, table

TEXT = "Élodie a créé une règle : « çà et là », où ?"


def rows_of(
    path: Path, **options: object
) -> tuple[reading.Export, list[str], list[dict[str, str]]]:
    export = open_export(path, path.name, **options)  # type: ignore[arg-type]
    try:
        tab = table(export, PersonalData())
        return export, tab.header, [cells for _n, cells, _id in tab.rows]
    finally:
        export.close()


@pytest.mark.parametrize(
    ("data", "codec", "label"),
    [
        (codecs.BOM_UTF8 + TEXT.encode(), "utf-8-sig", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", "UTF-16LE"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", "UTF-16BE"),
        (TEXT.encode("utf-16-le"), "utf-16-le", "UTF-16LE"),
        (TEXT.encode("utf-8"), "utf-8", "UTF-8"),
        (b"plain ascii;only\n", "utf-8", "UTF-8"),
        (TEXT.encode("cp1252") * 3, "cp1252", "cp1252 (detected)"),
    ],
)
def test_encodings_are_told_by_their_bytes(data: bytes, codec: str, label: str) -> None:
    assert detect_encoding(data) == (codec, label)
    assert data.decode(codec).lstrip("\ufeff").startswith(TEXT[:5]) or data.isascii()


def test_a_utf8_sample_cut_inside_a_character_is_still_utf8() -> None:
    data = ("x" * 10 + "é").encode()[:-1]  # the sample ends in the middle of « é »
    assert detect_encoding(data)[0] == "utf-8"


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(FileProblem, match="binary"):
        detect_encoding(b"PK\x03\x04" + bytes(range(256)) * 4)


def test_an_ascii_start_is_sampled_further(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "SAMPLE", 64)
    path = tmp_path / "late.csv"
    path.write_bytes(b"a;b\n" + b"x;y\n" * 100 + "é;è\n".encode("cp1252"))
    export, _header, cells = rows_of(path)
    assert export.encoding == "cp1252 (detected)"
    assert cells[-1] == {"a": "é", "b": "è"}


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("id;texte\n1;Oui, mais non, et puis\n2;Bon, d'accord\n", ";"),
        ('id,texte\n1,"Oui; mais non"\n2,Bon\n', ","),
        ("id\ttexte\n1\tOui, mais; non\n", "\t"),
        ('titre du formulaire\n"a";"b";"c"\n"1";"2";"3"\n"4";"5";"6"\n', ";"),
    ],
)
def test_the_separator_is_sniffed(tmp_path: Path, text: str, separator: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    export, _header, _cells = rows_of(path)
    assert export.separator == separator


def test_the_mapping_can_force_the_separator_and_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("a|b\nÉ,1|2\n".encode("cp1252"))
    export, header, cells = rows_of(path, separator="|", encoding="cp1252")
    assert (export.separator, export.encoding) == ("|", "cp1252")
    assert header == ["a", "b"] and cells == [{"a": "É,1", "b": "2"}]


def test_undecodable_bytes_are_replaced_and_their_row_reported(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("id;texte\n1;déjà vu, très général\n2;".encode() + b"caf\xe9\n3;fin\n")
    export, _header, cells = rows_of(path)
    assert export.encoding == "UTF-8"
    assert [c["texte"] for c in cells] == ["déjà vu, très général", "caf\ufffd", "fin"]
    assert [str(p) for p in export.problems.listed] == [
        "mixed.csv:3: cell 2: bytes that are not text in this encoding, replaced by �"
    ]


def test_rows_too_long_are_reported_and_short_ones_padded(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a;b;c\n1;2\n3;4;5;6\n7;8;9;;\n\n", encoding="utf-8")
    export, _header, cells = rows_of(path)
    assert cells == [{"a": "1", "b": "2", "c": ""}, {"a": "7", "b": "8", "c": "9"}]
    assert [str(p) for p in export.problems.listed] == [
        "x.csv:3: 4 cells but the header has 3: a separator or a quote inside a value? skipped"
    ]
    assert export.problems.skipped == 1 and export.rows == 3


def test_repeated_and_blank_headers_get_names(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Oui;Oui;;\n1;2;3;4\n", encoding="utf-8")
    _export, header, _cells = rows_of(path)
    assert header == ["Oui", "Oui (2)", "column 3", "column 4"]


def test_tolerant_quotes_split_lines_whose_inner_quotes_are_not_doubled(tmp_path: Path) -> None:
    path = tmp_path / "make.csv"
    path.write_text(
        '"a","b"\n"1","Il faut "plus" de bancs, vite"\n"2","une valeur\nsur deux lignes"\n',
        encoding="utf-8",
    )
    _export, _header, cells = rows_of(path, tolerant_quotes=True)
    assert cells == [
        {"a": "1", "b": 'Il faut "plus" de bancs, vite'},
        {"a": "2", "b": "une valeur\nsur deux lignes"},
    ]


def test_json_items_are_streamed_across_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "SAMPLE", 16)  # every item spans several reads
    path = tmp_path / "x.json"
    path.write_text(
        '[{"id": 1, "body": {"fr": "Bonjour « à » tous"}, "tags": ["a", "b"], "x": null},\n'
        ' {"id": 2, "place": {"name": "Tilleuls"}, "ok": true}, 3]',
        encoding="utf-8",
    )
    export, header, cells = rows_of(path)
    assert header == ["id", "body/fr", "tags", "x"]
    assert cells == [
        {"id": "1", "body/fr": "Bonjour « à » tous", "tags": "a, b", "x": ""},
        {"id": "2", "place/name": "Tilleuls", "ok": "true"},
    ]
    assert [str(p) for p in export.problems.listed] == [
        "x.json:3: a JSON int, not an object: skipped"
    ]


def test_broken_json_is_reported_at_its_item(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"id": 1}, {"id": 2,, }]', encoding="utf-8")
    export, _header, cells = rows_of(path)
    assert cells == [{"id": "1"}]
    assert str(export.problems.listed[0]).startswith("x.json:2: not readable as JSON")


def test_xlsx_formulas_are_read_as_typed(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "body", "votes"])
    sheet.append([1, '=HYPERLINK("https://x.example","Cliquez")', 12.0])
    path = tmp_path / "x.xlsx"
    book.save(path)
    export, _header, cells = rows_of(path)
    assert export.format == "XLSX"
    assert cells == [
        {"id": "1", "body": '=HYPERLINK("https://x.example","Cliquez")', "votes": "12"}
    ]


def test_not_an_xlsx_file_and_old_xls_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(FileProblem, match="not a valid XLSX file"):
        open_export(bad, "x.xlsx")
    old = tmp_path / "x.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(FileProblem, match=r"\.xls \(Excel 97-2003\)"):
        open_export(old, "x.xls")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileProblem, match="named pipe"):
        open_export(fifo, "export.csv")


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffd")
    | st.sampled_from(list(';,\t"\n')),
    max_size=20,
)
# What a file saved by a French Excel (cp1252) holds: French words, with their accents.
FRENCH = "élus conseil réunion à déjà très où ça Noël œuvre « guillemets » façade être cœur là"
french_text = st.lists(
    st.sampled_from([*FRENCH.split(), ";", ",", '"', "\n", "42"]), max_size=6
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
)
def test_any_csv_written_by_a_spreadsheet_reads_back_the_same(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, separator: str, encoding: str
) -> None:
    """Whatever the cells, the separator and the encoding, the cells come back as written."""
    text = french_text if encoding == "cp1252" else cell_text
    rows = data.draw(st.lists(st.lists(text, min_size=3, max_size=3), min_size=1, max_size=6))
    header = ["identifiant", "texte libre", "date"]
    rows = [r for r in rows if any(c.strip() for c in r)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows([header, *rows])
    path = tmp_path_factory.mktemp("csv") / "x.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    export, got_header, cells = rows_of(path, separator=separator)
    expected = [dict(zip(header, [c.replace("\r\n", "\n") for c in r], strict=True)) for r in rows]
    normalized = [{k: v.replace("\r\n", "\n") for k, v in c.items()} for c in cells]
    assert got_header == header
    assert normalized == expected
    assert not export.problems.listed


def test_an_oversized_cell_is_reported_and_the_next_rows_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    huge = "x" * (reading.FIELD_LIMIT + 10)
    path.write_text(f"id;texte\n1;ok\n2;{huge}\n3;fin\n4;a\x00b\n", encoding="utf-8")
    export, _header, cells = rows_of(path)
    assert [c["id"] for c in cells] == ["1", "3", "4"]  # a stray zero byte is no binary file
    assert [str(p) for p in export.problems.listed] == [
        f"huge.csv:3: not readable as CSV (field larger than field limit ({reading.FIELD_LIMIT})): skipped"
    ]


def test_a_line_without_end_is_skipped_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "LINE_LIMIT", 1000)
    path = tmp_path / "long.csv"
    path.write_text("id;texte\n1;ok\n2;" + "y" * 5000 + "\n3;fin\n", encoding="utf-8")
    export, _header, cells = rows_of(path)
    assert [c["id"] for c in cells] == ["1", "3"]
    assert [str(p) for p in export.problems.listed] == [
        "long.csv:3: a line of more than 1,000 characters: skipped (is it a CSV file?)"
    ]


def test_a_workbook_beyond_the_projects_bounds_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "body"])
    sheet["XFD1048576"] = "far away"
    path = tmp_path / "far.xlsx"
    book.save(path)
    with pytest.raises(FileProblem, match="cells, more than the"):
        open_export(path, "far.xlsx")


def test_json_nested_too_deeply_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('[{"id": 1}, ' + "[" * 100_000 + "]" * 100_000 + "]", encoding="utf-8")
    export, _header, cells = rows_of(path)
    assert cells == [{"id": "1"}]
    assert [str(p) for p in export.problems.listed] == [
        "deep.json:2: nested too deeply to be an export: the rest is skipped"
    ]
