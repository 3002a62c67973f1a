"""Hostile feedback files (shared by e-mail, exported from platforms): CSV quotes that swallow
rows, huge cells, and XLSX workbooks built to exhaust the reader. Each gets exit 1 and one
clear message, within bounded memory; legitimate files keep reading as before."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.loader import load

from .bounded import PEAK_MB, run_bounded

ENGAGEMENT = """\
client: {name: Ville de Test}
scenarios:
  - {id: BP, title: Budget participatif}
grid:
  criteria:
    - {id: MANDAT, label: Mandat, weight: 20, conditions: [elus]}
workshops:
  - {id: AT-CITOYENS, group: citoyens, feedback_file: %s}
"""
HEADER = "id;scenario;polarite;intensite;criteres;theme;verbatim;auteur\n"


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def project(tmp_path: Path, name: str, content: str | bytes) -> Path:
    (tmp_path / "engagement.yaml").write_text(ENGAGEMENT % name, encoding="utf-8")
    target = tmp_path / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return tmp_path


def check(tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(tmp_path.relative_to(Path.cwd()))])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr.strip()


# ---------------------------------------------------------------- CSV quotes


def rows(start: int, stop: int) -> str:
    return "".join(f"C{i};BP;-;1;MANDAT;t;texte {i};\n" for i in range(start, stop))


def test_a_stray_quote_that_swallows_rows_is_reported(tmp_path: Path) -> None:
    """Issue 11: `check` said « AT-CITOYENS 1 » for 24 rows, exit 0."""
    text = HEADER + 'C1;BP;+;1;MANDAT;t;"Il a dit non;Bob\n' + rows(2, 24)
    text += 'C24;BP;-;1;MANDAT;t;"fin";\n'
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1
    assert err == (
        "f.csv:2: a quote opened here is closed on line 25, so lines 3 to 25 are read as one "
        'cell: remove the stray " (or write it "")'
    )


def test_a_quote_never_closed_is_reported(tmp_path: Path) -> None:
    text = HEADER + rows(1, 3) + 'C3;BP;+;1;MANDAT;t;"Il a dit non;Bob\n' + rows(4, 9)
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1
    assert err == (
        "f.csv:4: a quote opened here is never closed, so every line after it is read as one "
        'cell: remove the stray " (or write it "")'
    )


def test_multi_line_verbatims_still_read_and_lines_are_physical(tmp_path: Path) -> None:
    """A verbatim over several lines, even with the delimiter in it, is one cell; the next
    problem is reported at the line an editor shows (8), not the row (5)."""
    verbatim = '"Trois points ;\nle budget ; la date ;\net « qui décide » ?\nFin."'
    text = HEADER + rows(1, 3) + f"C3;BP;+;1;MANDAT;t;{verbatim};Ana\n"
    text += "C4;BQ;+;1;MANDAT;t;ok;\n"
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1
    assert err == "f.csv:8: scenario: unknown scenario 'BQ' (did you mean 'BP'?)"
    (tmp_path / "f.csv").write_text(text.replace("BQ", "BP"), encoding="utf-8")
    read = list(load(tmp_path).feedback())
    assert [(f.id, f.source) for f in read] == [
        ("C1", "f.csv:2"),
        ("C2", "f.csv:3"),
        ("C3", "f.csv:4"),
        ("C4", "f.csv:8"),
    ]
    assert read[2].text == "Trois points ;\nle budget ; la date ;\net « qui décide » ?\nFin."


def test_generated_ids_keep_the_row_number(tmp_path: Path) -> None:
    """Ids made for rows without one use the row (as a spreadsheet numbers it), not the line."""
    text = HEADER + ';BP;+;1;;t;"deux\nlignes";\n;BP;-;1;;t;x;\n'
    folder = project(tmp_path, "f.csv", text)
    assert [(f.id, f.source) for f in load(folder).feedback()] == [
        ("AT-CITOYENS-2", "f.csv:2"),
        ("AT-CITOYENS-3", "f.csv:4"),
    ]


def test_a_200_KB_verbatim_gets_a_clear_message(tmp_path: Path) -> None:
    text = HEADER + "C1;BP;+;1;MANDAT;t;" + "x" * 200_000 + ";\n"
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1  # was: "not a readable CSV file: field larger than field limit (131072)"
    assert err == (
        "f.csv:2: verbatim: 200,000 characters, more than the 20,000 it may have: split it "
        "into several items"
    )


def test_a_cell_past_the_field_limit_points_at_its_row(tmp_path: Path) -> None:
    text = HEADER + rows(1, 3) + 'C3;BP;+;1;MANDAT;t;"' + "x" * 1_100_000 + '";\n'
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1
    assert err == (
        "f.csv:4: a cell of more than 1,048,576 characters starts on this row, where a verbatim "
        "has at most 20,000: is a quote left open?"
    )


def test_a_long_theme_and_author_are_refused_like_in_the_yaml(tmp_path: Path) -> None:
    text = HEADER + "C1;BP;+;1;MANDAT;" + "t" * 201 + ";ok;" + "a" * 300 + "\n"
    code, err = check(project(tmp_path, "f.csv", text))
    assert code == 1
    assert err.splitlines()[:2] == [
        "f.csv:2: auteur: 300 characters, more than the 200 it may have",
        "f.csv:2: theme: 201 characters, more than the 200 it may have",
    ]


def test_a_utf16_csv_from_excel_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated."""
    text = HEADER.replace(";", "\t") + "C1\tBP\t+\t1\tMANDAT\tt\tTrès « bien »\tAna\n"
    folder = project(tmp_path, "f.txt", text.encode("utf-16"))
    assert [(f.id, f.text) for f in load(folder).feedback()] == [("C1", "Très « bien »")]


# ---------------------------------------------------------------- XLSX bombs

SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def workbook(
    sheet: bytes, strings: bytes | None = None, level: int = 6, dimension: str = "A1:B2"
) -> bytes:
    """A minimal XLSX holding ``sheet`` (the XML inside <sheetData>) and shared strings.

    ``dimension`` is the used range the sheet declares, as Excel writes it: openpyxl pads every
    row to its last column.
    """
    override = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>'
        if strings is not None
        else ""
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            f"{override}</Types>"
        ).encode(),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            b"</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="retours" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            b"</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": SHEET_HEAD
        + f'<dimension ref="{dimension}"/><sheetData>'.encode()
        + sheet
        + b"</sheetData></worksheet>",
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
            + strings
            + b"</sst>"
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def inline(ref: str, text: str | bytes) -> bytes:
    body = text.encode() if isinstance(text, str) else text
    return f'<c r="{ref}" t="inlineStr"><is><t>'.encode() + body + b"</t></is></c>"


GOOD_ROWS = (
    b'<row r="1">' + inline("A1", "scenario") + inline("B1", "polarite") + b"</row>"
    b'<row r="2">' + inline("A2", "BP") + inline("B2", "+") + b"</row>"
)


def test_the_minimal_workbook_reads(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.xlsx", workbook(GOOD_ROWS))
    assert [(f.scenario, f.polarity) for f in load(folder).feedback()] == [("BP", "+")]


def test_one_cell_at_XFD1048576_is_refused_at_once(tmp_path: Path) -> None:
    """Issue 11: a 5 KB workbook kept `check` busy for more than 10 minutes."""
    far = b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>"
    data = workbook(GOOD_ROWS + far, dimension="A1:XFD1048576")
    assert len(data) < 5000
    project(tmp_path, "f.xlsx", data)
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1
    assert done.stderr == (
        "f.xlsx: sheet 'retours' has values up to column XFD and row 1048576: from A1 to "
        "XFD1048576, 17,179,869,184 cells, more than the 20,000,000 a feedback sheet may span; "
        "delete the cells far below or to the right of the data (Ctrl+End goes to the last one)"
    )
    assert done.peak_mb < PEAK_MB


def test_formatted_empty_cells_far_away_do_not_count(tmp_path: Path) -> None:
    """A styled cell without a value (formatting applied far below) is not data."""
    styled = b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    folder = project(tmp_path, "f.xlsx", workbook(GOOD_ROWS + styled, dimension="A1:XFD1048576"))
    assert [(f.scenario, f.polarity) for f in load(folder).feedback()] == [("BP", "+")]


def test_a_huge_inline_string_is_refused_streaming(tmp_path: Path) -> None:
    """Issue 11: a 2 GB inline string took 4.3 GB. Here 100 MB, compressed to 100 KB."""
    huge = b'<row r="3">' + inline("A3", b"x" * 100_000_000) + b"</row>"
    project(tmp_path, "f.xlsx", workbook(GOOD_ROWS + huge, level=1))
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1
    assert done.stderr == (
        "f.xlsx:3: a cell holds more than 32,767 characters, the most a spreadsheet cell can hold"
    )
    assert done.peak_mb < PEAK_MB


def test_a_text_split_into_many_runs_is_counted_whole(tmp_path: Path) -> None:
    runs = b"".join(b"<r><t>" + b"y" * 1000 + b"</t></r>" for _ in range(40))
    cell = b'<row r="3"><c r="A3" t="inlineStr"><is>' + runs + b"</is></c></row>"
    code, err = check(project(tmp_path, "f.xlsx", workbook(GOOD_ROWS + cell)))
    assert (code, err) == (
        1,
        "f.xlsx:3: a cell holds more than 32,767 characters, the most a spreadsheet cell can hold",
    )


def test_a_part_declared_larger_than_the_bound_is_refused_from_the_directory(
    tmp_path: Path,
) -> None:
    """The zip directory says 2 GB: refused before a byte is inflated."""
    data = bytearray(workbook(GOOD_ROWS))
    # The uncompressed size is at offset 24 of the sheet's entry in the central directory.
    directory = data.find(b"PK\x01\x02")
    entry = data.rfind(b"PK\x01\x02", 0, data.find(b"xl/worksheets/sheet1.xml", directory))
    assert directory >= 0 and entry >= directory
    struct.pack_into("<I", data, entry + 24, 2_000_000_000)
    code, err = check(project(tmp_path, "f.xlsx", bytes(data)))
    assert (code, err) == (
        1,
        "f.xlsx: 1,907 MB once uncompressed, more than the 1,024 MB a workbook may hold",
    )


def test_too_many_shared_strings_are_refused_before_openpyxl(tmp_path: Path) -> None:
    """Issue 11: 5 million shared strings took 925 MB and 80 s."""
    strings = b"".join(b"<si><t>s%d</t></si>" % i for i in range(1_000_001))
    project(tmp_path, "f.xlsx", workbook(GOOD_ROWS, strings, level=1))
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1
    assert done.stderr == (
        "f.xlsx: more than 1,000,000 different texts (shared strings), the most a feedback "
        "workbook may have"
    )
    assert done.peak_mb < PEAK_MB


def test_a_shared_string_too_long_is_refused(tmp_path: Path) -> None:
    strings = b"<si><t>ok</t></si><si><t>" + b"z" * 40_000 + b"</t></si>"
    code, err = check(project(tmp_path, "f.xlsx", workbook(GOOD_ROWS, strings)))
    assert (code, err) == (
        1,
        "f.xlsx: a text of more than 32,767 characters (shared string 2), the most a "
        "spreadsheet cell can hold",
    )


def test_shared_strings_within_bounds_read(tmp_path: Path) -> None:
    strings = b"<si><t>scenario</t></si><si><t>polarite</t></si><si><t>BP</t></si>"
    sheet = (
        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        b'<row r="2"><c r="A2" t="s"><v>2</v></c>' + inline("B2", "-") + b"</row>"
    )
    folder = project(tmp_path, "f.xlsx", workbook(sheet, strings))
    assert [(f.scenario, f.polarity) for f in load(folder).feedback()] == [("BP", "-")]


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    data = workbook(GOOD_ROWS, bomb + b"<si><t>&a;</t></si>")
    # The DOCTYPE must come before the root element: rebuild the part with it first.
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/sharedStrings.xml":
                content = (
                    b'<?xml version="1.0"?>' + bomb + f'<sst xmlns="{MAIN}">'.encode()
                    + b"<si><t>&a;</t></si></sst>"
                )  # fmt: skip
            archive.writestr(item, content)
    code, err = check(project(tmp_path, "f.xlsx", out.getvalue()))
    assert (code, err) == (
        1,
        "f.xlsx: its part xl/sharedStrings.xml declares a DTD, which no workbook has",
    )


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    """Excel saves a protected workbook as an OLE compound file with an EncryptedPackage
    stream (here its header and the directory entry's name, which is what is looked for)."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(96)
    code, err = check(project(tmp_path, "f.xlsx", ole))
    assert (code, err) == (1, "f.xlsx: is password-protected: save it without a password")


def test_an_xls_named_xlsx_says_so(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)
    code, err = check(project(tmp_path, "f.xlsx", ole))
    assert (code, err) == (
        1,
        "f.xlsx: is an Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx: "
        "open it and save it as an Excel workbook (.xlsx)",
    )


def test_a_broken_sheet_xml_is_located_to_its_part(tmp_path: Path) -> None:
    code, err = check(project(tmp_path, "f.xlsx", workbook(GOOD_ROWS + b"<row><c>")))
    assert (code, err) == (
        1,
        "f.xlsx: not a valid XLSX file (xl/worksheets/sheet1.xml: broken XML on line 1)",
    )


# ---------------------------------------------------------------- properties

VERBATIM = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters='\x00"\r'),
        st.sampled_from([";", "\n", "B", "P", "+", "-", " "]),
    ),
    max_size=60,
)


def looks_like_a_row(line: str) -> bool:
    """A line of a verbatim that a row of this file could be: 3 delimiters, BP or a polarity."""
    from dialogue_cli.engagement.model import POLARITIES, normalize_polarity

    cells = [cell.strip().strip('"') for cell in line.split(";")]
    return len(cells) >= 4 and (
        cells[1].casefold() == "bp" or normalize_polarity(cells[2]) in POLARITIES
    )


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(VERBATIM, min_size=1, max_size=6), stray=st.data())
def test_a_stray_quote_is_always_found_and_quoted_text_never_is(
    tmp_path: Path, texts: list[str], stray: st.DataObject
) -> None:
    """Quoted verbatims of any text (line breaks, delimiters) read back whole; a quote left
    open before two following rows is reported at its line."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["id", "scenario", "polarite", "verbatim"])
    for n, text in enumerate(texts):
        writer.writerow([f"R{n}", "BP", "+", text.replace("\n", " ") if n == 0 else text])
    (tmp_path / "engagement.yaml").write_text(ENGAGEMENT % "f.csv", encoding="utf-8")
    (tmp_path / "f.csv").write_text(buffer.getvalue(), encoding="utf-8")
    if not any(looks_like_a_row(line) for text in texts for line in text.split("\n")[1:]):
        read = list(load(tmp_path).feedback())
        assert [f.text for f in read] == [texts[0].replace("\n", " "), *texts[1:]]
    at = stray.draw(st.integers(0, len(texts) - 1))
    rows = [f"R{n};BP;+;x{n}" for n in range(len(texts) + 2)]
    rows[at] = f'R{at};BP;+;"x{at}'
    (tmp_path / "f.csv").write_text(
        "id;scenario;polarite;verbatim\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    with pytest.raises(LocatedError) as caught:
        list(load(tmp_path).feedback())
    assert caught.value.lines()[0].startswith(
        f"f.csv:{at + 2}: a quote opened here is never closed"
    )


def test_a_line_without_end_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    """A CSV of 300 MB without a line break was one string of 300 MB for the csv module."""
    (tmp_path / "engagement.yaml").write_text(ENGAGEMENT % "f.csv", encoding="utf-8")
    with (tmp_path / "f.csv").open("w", encoding="utf-8") as handle:
        handle.write("scenario;polarite;verbatim\n")
        for _ in range(300):
            handle.write(";" * 1_000_000)
    done = run_bounded("check", ".", cwd=tmp_path)
    assert done.code == 1
    assert done.stderr == (
        "f.csv:2: a line of more than 2,097,152 bytes: a row of a feedback file is far "
        "shorter; is it a CSV file?"
    )
    assert done.peak_mb < PEAK_MB
