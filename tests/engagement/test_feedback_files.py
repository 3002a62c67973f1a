"""Feedback files: CSV and XLSX read, validated row by row, text kept verbatim, bad input located."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.feedback import References, read_file, write_template
from dialogue_cli.engagement.loader import load
from dialogue_cli.engagement.model import Workshop

ENGAGEMENT = """\
client: {name: Ville de Test}
scenarios:
  - {id: BP, title: Budget participatif}
  - {id: TR, title: Transversal, transversal: true}
grid:
  criteria:
    - {id: MANDAT, label: Mandat, weight: 20, conditions: [elus]}
    - {id: RETOUR, label: Retour, weight: 20, conditions: [citoyens]}
workshops:
  - id: AT-CIT
    group: citoyens
    feedback_file: %s
"""
HEADER = "id;scenario;polarite;intensite;critere;theme;verbatim;auteur\n"

Write = Callable[[str, str], Path]


def project(tmp_path: Path, name: str, content: str | bytes, sheet: str | None = None) -> Path:
    target = tmp_path / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    text = ENGAGEMENT % name
    if sheet:
        text += f"    sheet: {sheet}\n"
    (tmp_path / "engagement.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def items(folder: Path) -> list[tuple[str, ...]]:
    return [
        (f.id, f.scenario, f.polarity, str(f.intensity), ",".join(f.criteria), f.text)
        for f in load(folder).feedback()
    ]


def problems(folder: Path) -> list[str]:
    with pytest.raises(LocatedError) as caught:
        list(load(folder).feedback())
    return caught.value.lines()


def xlsx_bytes(rows: list[list[object]], title: str = "retours") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_csv_with_semicolons_reads_every_row(tmp_path: Path) -> None:
    folder = project(
        tmp_path,
        "f.csv",
        HEADER + "C1;BP;+;2;RETOUR;t;Bien;Ana\nC2;BP;négatif;3;MANDAT|RETOUR;t;Non;\n",
    )
    assert items(folder) == [
        ("C1", "BP", "+", "2", "RETOUR", "Bien"),
        ("C2", "BP", "-", "3", "MANDAT,RETOUR", "Non"),
    ]


def test_csv_with_commas_and_a_bom_and_english_headers(tmp_path: Path) -> None:
    text = "\ufeffid,scenario,polarity,intensity,criteria,theme,text,author\n"
    text += 'C1,BP,+,1,"RETOUR;MANDAT",t,"Oui, vraiment",\n'
    folder = project(tmp_path, "f.csv", text)
    assert items(folder) == [("C1", "BP", "+", "1", "RETOUR,MANDAT", "Oui, vraiment")]


def test_text_is_kept_verbatim(tmp_path: Path) -> None:
    verbatim = 'Très « bien » 👍 "citée"\nligne 2 <b> & co ; fin '
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow(["C1", "BP", "+", "1", "RETOUR", "t", verbatim, ""])
    folder = project(tmp_path, "f.csv", HEADER + buffer.getvalue())
    assert items(folder)[0][5] == verbatim


def test_missing_ids_are_generated_from_workshop_and_row(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER + ";BP;+;1;RETOUR;;a;\n\n;BP;-;1;RETOUR;;b;\n")
    assert [row[0] for row in items(folder)] == ["AT-CIT-2", "AT-CIT-4"]


def test_blank_rows_are_skipped(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER + ";;;;;;;\nC1;BP;+;;;;a;\n;;\n")
    assert items(folder) == [("C1", "BP", "+", "1", "", "a")]


def test_header_only_file_is_a_workshop_without_feedback(tmp_path: Path) -> None:
    assert items(project(tmp_path, "f.csv", HEADER)) == []


def test_ids_are_case_tolerant(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER + "C1;bp;Positif;1;retour;;a;\n")
    assert items(folder) == [("C1", "BP", "+", "1", "RETOUR", "a")]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("C1;XX;+;1;RETOUR;;a;", "f.csv:2: scenario: unknown scenario 'XX'"),
        ("C1;BP;+;1;RETOURS;;a;", "f.csv:2: critere: unknown criterion 'RETOURS' (did you mean 'RETOUR'?)"),
        ("C1;BP;bof;1;RETOUR;;a;", "f.csv:2: polarite: 'bof' is not one of +, -, ?, idee"),
        ("C1;BP;+;5;RETOUR;;a;", "f.csv:2: intensite: '5' is not an intensity from 1 to 3"),
        ("C1;BP;+;0;RETOUR;;a;", "f.csv:2: intensite: '0' is not an intensity from 1 to 3"),
        ("C1;;+;1;RETOUR;;a;", "f.csv:2: scenario: empty: which scenario is this about?"),
    ],
)  # fmt: skip
def test_bad_cells_are_located(tmp_path: Path, row: str, expected: str) -> None:
    found = problems(project(tmp_path, "f.csv", HEADER + row + "\n"))
    assert len(found) == 1
    assert found[0].endswith(expected), found


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        HEADER + "C1;XX;+;1;RETOUR;;a;\nC2;BP;+;1;RETOUR;;b;\nC3;BP;+;9;NOPE;;c;\nC2;BP;+;1;;;d;\n"
    )
    found = problems(project(tmp_path, "f.csv", text))
    assert [line.split("f.csv:")[1].split(":")[0] for line in found] == ["2", "4", "4", "5"]
    assert found[-1].endswith("id: duplicate feedback id 'C2'")


def test_no_header_row(tmp_path: Path) -> None:
    found = problems(project(tmp_path, "f.csv", "C1;BP;+;1;RETOUR;;a;\n"))
    assert found[0].endswith("f.csv:1: header: no header row: the first row holds data; "
                             "add a first row naming the columns: "
                             "id;scenario;polarite;intensite;criteres;theme;verbatim;auteur;publier")  # fmt: skip


def test_empty_file(tmp_path: Path) -> None:
    found = problems(project(tmp_path, "f.csv", ""))
    assert found[0].endswith("f.csv: empty file: it needs at least a header row")


def test_missing_required_column(tmp_path: Path) -> None:
    found = problems(project(tmp_path, "f.csv", "id;scenario;verbatim\nC1;BP;a\n"))
    assert found[0].endswith(
        "f.csv:1: header: missing column 'polarity'; found: id, scenario, verbatim"
    )


def test_not_utf8(tmp_path: Path) -> None:
    data = (HEADER + "C1;BP;+;1;RETOUR;;très;\n").encode("latin-1")
    found = problems(project(tmp_path, "f.csv", data))
    assert "not UTF-8 text (byte 0xe8)" in found[0]


def test_unsupported_extension(tmp_path: Path) -> None:
    found = problems(project(tmp_path, "f.ods", "x"))
    assert found[0].endswith("f.ods: unsupported feedback file type '.ods': use .csv or .xlsx")


def test_xlsx_first_sheet_and_numbers(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["id", "scenario", "polarité", "intensité", "critères", "thème", "verbatim", "auteur"],
        ["X1", "BP", "+", 2, "RETOUR", "t", "Très bien & <ok>", "Ana"],
        [None, "TR", "idee", 1.0, None, None, "Une idée", None],
    ]
    folder = project(tmp_path, "f.xlsx", xlsx_bytes(rows))
    assert items(folder) == [
        ("X1", "BP", "+", "2", "RETOUR", "Très bien & <ok>"),
        ("AT-CIT-3", "TR", "idee", "1", "", "Une idée"),
    ]


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    data = xlsx_bytes([["scenario", "polarite"], ["BP", "+"]], title="Atelier")
    assert items(project(tmp_path, "f.xlsx", data, sheet="Atelier")) == [
        ("AT-CIT-2", "BP", "+", "1", "", "")
    ]


def test_xlsx_missing_sheet(tmp_path: Path) -> None:
    data = xlsx_bytes([["scenario", "polarite"]], title="Atelier")
    found = problems(project(tmp_path, "f.xlsx", data, sheet="Ateliers"))
    assert found[0].endswith(
        "f.xlsx: sheet: no sheet 'Ateliers' (did you mean 'Atelier'?); sheets: Atelier"
    )


def test_corrupt_xlsx(tmp_path: Path) -> None:
    found = problems(project(tmp_path, "f.xlsx", b"PK\x03\x04 this is not a workbook"))
    assert "f.xlsx: not a valid XLSX file" in found[0]


def test_bad_file_through_the_cli_is_a_located_message_not_a_traceback(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER + "C1;BP;+;7;RETOUR;;a;\n")
    result = CliRunner().invoke(app, ["score", str(folder)])
    assert result.exit_code == 1
    assert "f.csv:2: intensite: '7' is not an intensity from 1 to 3" in result.stderr
    assert "Traceback" not in result.output


def test_template_files_are_read_back_as_empty_workshops(tmp_path: Path) -> None:
    for name in ("t.csv", "t.xlsx"):
        write_template(tmp_path / name, "fr")
        assert items(project(tmp_path, name, (tmp_path / name).read_bytes())) == []


# ---------------------------------------------------------------- property: CSV round trip

CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(CELL, CELL, CELL), max_size=8),
    delimiter=st.sampled_from([";", ","]),
    bom=st.booleans(),
)
def test_csv_reader_keeps_any_text(
    tmp_path: Path, rows: list[tuple[str, str, str]], delimiter: str, bom: bool
) -> None:
    """Whatever the text, theme and author hold, a spreadsheet-written CSV reads back the same."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(
        ["id", "scenario", "polarite", "intensite", "critere", "theme", "verbatim", "auteur"]
    )
    for n, (text, theme, author) in enumerate(rows):
        writer.writerow([f"R{n}", "BP", "+", "2", "RETOUR", theme, text, author])
    path = tmp_path / "prop.csv"
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    workshop = Workshop(id="AT", group="citoyens")
    refs = References(frozenset({"BP"}), frozenset({"RETOUR"}))
    read = list(read_file(path, workshop, refs, "prop.csv"))
    assert [(f.id, f.text, f.theme, f.author) for f in read] == [
        (f"R{n}", text, theme.strip(), author.strip())
        for n, (text, theme, author) in enumerate(rows)
    ]


def test_a_shared_file_is_split_by_its_atelier_column(tmp_path: Path) -> None:
    (tmp_path / "all.csv").write_text(
        "id;atelier;scenario;polarite;critere\n"
        "E1;elus;BP;+;MANDAT\nC1;citoyens;BP;-;RETOUR\nE2;Élus;TR;?;\n",
        encoding="utf-8",
    )
    text = ENGAGEMENT % "all.csv"
    text += "  - {id: AT-ELUS, group: elus, feedback_file: all.csv}\n"
    (tmp_path / "engagement.yaml").write_text(text, encoding="utf-8")
    read = [(f.workshop, f.id) for f in load(tmp_path).feedback()]
    assert read == [("AT-CIT", "C1"), ("AT-ELUS", "E1"), ("AT-ELUS", "E2")]
    # a row that says nobody's, in a file two workshops read: reported once, not counted twice
    with (tmp_path / "all.csv").open("a", encoding="utf-8") as handle:
        handle.write("X1;;BP;+;\n")
    assert [line.split("all.csv")[1] for line in problems(tmp_path)] == [
        ":5: atelier: empty, but several workshops read this file: whose row is it?"
    ]


def test_a_shared_file_needs_an_atelier_column(tmp_path: Path) -> None:
    (tmp_path / "all.csv").write_text("scenario;polarite\nBP;+\n", encoding="utf-8")
    text = ENGAGEMENT % "all.csv" + "  - {id: AT-ELUS, group: elus, feedback_file: all.csv}\n"
    (tmp_path / "engagement.yaml").write_text(text, encoding="utf-8")
    assert "all.csv:1: header: several workshops read this file" in problems(tmp_path)[0]


# -- XLSX formulas: the value Excel saved is read; a formula saved without one is an error --

FORMULA_ERROR = "formula without a computed value: open and save the file in Excel or LibreOffice"


def with_cached(data: bytes, cells: dict[str, str]) -> bytes:
    """``data`` with the cells openpyxl wrote as ``<c r="D2"><f>..</f><v></v></c>`` rewritten.

    ``cells`` maps a reference to its new XML, e.g. ``{"D2": '<c r="D2"><f>1+1</f><v>2</v></c>'}``:
    what a spreadsheet saves once it has computed the formula.
    """
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for ref, xml in cells.items():
                    text, count = re.subn(f'<c r="{ref}".*?</c>', xml, text)
                    assert count == 1, ref
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


def test_xlsx_formula_without_a_value_is_located(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["id", "scenario", "polarité", "intensité", "verbatim"],
        ["X1", "BP", "+", "=1+1", "a"],  # read as empty, this silently became intensity 1
        ["X2", '="B"&"P"', "-", 2, "b"],  # read as empty, this was 'empty: which scenario'
        ["X3", "TR", "+", 3, "c"],
    ]
    found = problems(project(tmp_path, "f.xlsx", xlsx_bytes(rows)))
    assert [line.split("f.xlsx")[1] for line in found] == [
        f":2: intensité: {FORMULA_ERROR}",
        f":3: scenario: {FORMULA_ERROR}",
    ]


def test_xlsx_formula_with_its_saved_value_is_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["id", "scenario", "polarité", "intensité", "verbatim"],
        ["X1", '="B"&"P"', "+", "=1+1", '=IF(1,"","x")'],
    ]
    data = with_cached(
        xlsx_bytes(rows),
        {
            "B2": '<c r="B2" t="str"><f>"B"&amp;"P"</f><v>BP</v></c>',
            "D2": '<c r="D2"><f>1+1</f><v>2</v></c>',
            # an empty text is a computed value (Excel and LibreOffice save it this way)
            "E2": '<c r="E2" t="str"><f>IF(1,"","x")</f><v></v></c>',
        },
    )
    assert items(project(tmp_path, "f.xlsx", data)) == [("X1", "BP", "+", "2", "", "")]


def test_xlsx_formula_in_a_column_not_read_is_ignored(tmp_path: Path) -> None:
    rows: list[list[object]] = [["scenario", "polarite", "notes"], ["BP", "+", "=1+1"]]
    assert items(project(tmp_path, "f.xlsx", xlsx_bytes(rows))) == [
        ("AT-CIT-2", "BP", "+", "1", "", "")
    ]


def test_xlsx_formula_in_a_shared_file_is_reported_once(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["atelier", "scenario", "polarite"],
        ["elus", "BP", "+"],
        ["citoyens", '=CONCAT("T","R")', "+"],
    ]
    (tmp_path / "all.xlsx").write_bytes(xlsx_bytes(rows))
    text = ENGAGEMENT % "all.xlsx" + "  - {id: AT-ELUS, group: elus, feedback_file: all.xlsx}\n"
    (tmp_path / "engagement.yaml").write_text(text, encoding="utf-8")
    assert [line.split("all.xlsx")[1] for line in problems(tmp_path)] == [
        f":3: scenario: {FORMULA_ERROR}"
    ]


def test_xlsx_formula_through_the_cli(tmp_path: Path) -> None:
    rows: list[list[object]] = [["scenario", "polarite", "intensite"], ["BP", "+", "=1+1"]]
    folder = project(tmp_path, "f.xlsx", xlsx_bytes(rows))
    result = CliRunner().invoke(app, ["score", str(folder)])
    assert result.exit_code == 1
    assert f"f.xlsx:2: intensite: {FORMULA_ERROR}" in result.stderr
    assert "Traceback" not in result.output


def test_template_when_a_file_named_feedback_is_in_the_way(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER)
    (folder / "feedback").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(app, ["feedback", "template", str(folder), "-g", "elus"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(
        "feedback: cannot create the folder (a file has that name); give the file with --output"
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_template_creates_the_feedback_folder(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER)
    result = CliRunner().invoke(app, ["feedback", "template", str(folder), "-g", "elus"])
    assert result.exit_code == 0, result.output
    assert (folder / "feedback" / "elus.csv").read_text(encoding="utf-8-sig").startswith("id;")


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (b"<c r='A1'><v>1</v></c>", False),
        (b"<c r='A1'><f>1+1</f><v></v></c>", True),
        (b"<x:c r='A1'><x:f t='shared' si='0'/></x:c>", True),
        (b"<c r='A1' t='inlineStr'><is><t>fin</t></is></c>", False),
    ],
)
def test_has_formula_byte_search(xml: bytes, expected: bool) -> None:
    from dialogue_cli.engagement.feedback_xlsx import _has_formula_or_error as _has_formula

    assert _has_formula(io.BytesIO(xml)) is expected
    # the same XML cut across the 1 MiB reads just after the "<" of the <f> tag
    tag = max(xml.find(b"<f"), xml.find(b"<x:f"), 5)
    padded = b" " * ((1 << 20) - tag - 1) + xml
    assert padded[(1 << 20) - 1 : (1 << 20)] == (b"<" if expected else xml[5:6])
    assert _has_formula(io.BytesIO(padded)) is expected


def test_a_misspelt_column_is_a_warning_naming_the_column_it_looks_like(
    tmp_path: Path,
) -> None:
    from dialogue_cli.common.errors import Problem
    from dialogue_cli.engagement.loader import load

    header = "scenario;polarite;Critères de la grille;verbatim\n"
    folder = project(tmp_path, "f.csv", (header + "BP;+;MANDAT;Oui\n").encode())
    warnings: list[Problem] = []
    found = list(load(folder).feedback(warnings=warnings))
    assert [item.criteria for item in found] == [()]
    assert [str(w).split("f.csv")[1] for w in warnings] == [
        ":1: header: column 'Critères de la grille' is not one dialogue reads (did you mean "
        "'criteres'?): it is ignored, so no item gets a criterion and none is scored"
    ]


def test_a_missing_required_column_names_the_header_that_looks_like_it(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", b"scenario;Polarit\xc3\xa9 du propos;criteres\nBP;+;\n")
    assert [line.split("f.csv")[1] for line in problems(folder)] == [
        ":1: header: missing column 'polarity'; 'Polarité du propos' (did you mean 'polarite'?) "
        "is not a column name; found: scenario, Polarité du propos, criteres"
    ]


def test_an_extra_column_that_looks_like_none_is_no_warning(tmp_path: Path) -> None:
    from dialogue_cli.common.errors import Problem
    from dialogue_cli.engagement.loader import load

    folder = project(tmp_path, "f.csv", b"scenario;polarite;criteres;Animateur\nBP;+;MANDAT;Lea\n")
    warnings: list[Problem] = []
    assert len(list(load(folder).feedback(warnings=warnings))) == 1
    assert warnings == []
