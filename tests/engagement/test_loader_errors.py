"""Bad engagement files and feedback files: every problem located (file, line, field), exit 1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app

MINIMAL = """\
client:
  name: Ville d'Essai
scenarios:
  - {id: BP, title: Budget participatif}
grid:
  criteria:
    - {id: MANDAT, label: Mandat, weight: 20, conditions: [elus]}
"""


def run_check(runner: CliRunner, path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


# (name, file text, expected "line:col: field: words" fragment)
YAML_CASES = [
    # An unclosed bracket or quote is reported where it opens, not where the parser gave up.
    ("broken-yaml", "client:\n  name: [unclosed\nscenarios: []\n", ":2:9:",
     "YAML syntax: the '[' opened here is not closed: a ']' is missing"),
    ("unclosed-flow-mapping", "client: {name: A\nscenarios: []\n", ":1:9:",
     "YAML syntax: the '{' opened here is not closed: a '}' is missing"),
    ("unclosed-quote", 'client:\n  name: "Ville\n  kind: commune\nscenarios: "x"\n', ":2:9:",
     'YAML syntax: the double quote (") opened here is closed only on line 4: is the closing '
     '" missing?'),
    ("unclosed-quote-at-the-end", "client:\n  name: 'Ville\n", ":2:9:",
     "YAML syntax: the single quote (') opened here is never closed"),
    ("identifier", MINIMAL + "objectives:\n  - {id: enquête-terrain, label: X}\n",
     ":9:10: objectives[0].id:", "'enquête-terrain' is not an id: an id is letters without accents, "
     "digits and - _ . (starting with a letter or a digit) (e.g. 'enquete-terrain')"),
    ("duplicate-record-id", MINIMAL + "objectives:\n  - {id: A, label: X}\n  - {id: B, label: X}\n"
     "  - {id: A, label: Y}\n", ":11:10: objectives[2].id:", "duplicate id 'A' (objectives[0] has it "
     "already)"),
    ("tab", "client:\n\tname: X\n", ":2:", "tab character"),
    ("duplicate-key", "client:\n  name: A\n  name: B\n", ":3:3: name:", "duplicate key"),
    ("wrong-type", MINIMAL + "stakeholders: nope\n", ":8:15: stakeholders:", "expected a list"),
    (
        "out-of-range",
        MINIMAL + "stakeholders:\n  - {id: S1, name: Maire, influence: 6, interest: 3}\n",
        ":9:38: stakeholders[0].influence:",
        "less than or equal to 5, got 6",
    ),
    ("unknown-key-typo", MINIMAL + "scenarioss: []\n", ":8:1: scenarioss:", "did you mean 'scenarios'?"),
    (
        "nested-unknown-key",
        "client:\n  name: X\n  populaton: 3\n",
        ":3:3: client.populaton:",
        "did you mean 'population'?",
    ),
    (
        "dangling-reference",
        MINIMAL
        + "workshops:\n  - id: W1\n    group: elus\n    feedback:\n"
        + "      - {scenario: PX, polarity: '+', criteria: [MANDAT]}\n",
        ":12:20: workshops[0].feedback[0].scenario:",
        "unknown scenario 'PX'",
    ),
    (
        "dangling-criterion",
        MINIMAL
        + "workshops:\n  - id: W1\n    group: elus\n    feedback:\n"
        + "      - {scenario: BP, polarity: '+', criteria: [MANDA]}\n",
        ":12:50: workshops[0].feedback[0].criteria[0]:",
        "did you mean 'MANDAT'?",
    ),
    (
        "duplicate-id",
        MINIMAL + "    - {id: MANDAT, label: Encore, weight: 5, conditions: [elus]}\n",
        ":8:12: grid.criteria[1].id:",
        "duplicate id 'MANDAT'",
    ),
    ("bad-siret", MINIMAL + "consultant:\n  siret: '12345678901234'\n", ":9:10: consultant.siret:", "Luhn"),
    ("missing-required", "client:\n  kind: commune\n", ":1:1: client.name:", "required"),
    ("bad-polarity", MINIMAL + "workshops:\n  - id: W1\n    group: elus\n    feedback:\n"
     "      - {scenario: BP, polarity: bof}\n", ":12:34: workshops[0].feedback[0].polarity:", "got 'bof'"),
    ("bad-group", MINIMAL + "workshops:\n  - {id: W1, group: maires}\n", ":9:21: workshops[0].group:", "got 'maires'"),
    ("bad-date", "client: {name: X}\nengagement:\n  start: 2027-13-01\n", ":3:10:", "'2027-13-01' is not a valid date"),
    ("not-a-mapping", "- just\n- a list\n", ":1:1:", "expected a mapping"),
    (
        "missing-feedback-file",
        MINIMAL + "workshops:\n  - {id: W1, group: elus, feedback_file: feedback/absent.csv}\n",
        ":9:42: workshops[0].feedback_file:",
        "feedback file not found",
    ),
    ("vat-zero", MINIMAL + "pricing:\n  vat_rate: 0\n", ":9:13: pricing.vat_rate:", "vat_exemption"),
    (
        "exemption-with-vat",
        MINIMAL + "pricing:\n  vat_exemption: TVA non applicable, art. 293 B du CGI\n",
        ":8:1: pricing.vat_rate:",
        "'vat_exemption' is set but the VAT rate is 20 %",
    ),
    (
        "date-out-of-range",
        "client: {name: X}\nengagement:\n  start: 9999-12-20\n",
        ":3:10: engagement.start:",
        "less than or equal to 2200-12-31",
    ),
    (
        "price-below-the-cent",
        MINIMAL + "pricing:\n  day_rate: 850.005\n",
        ":9:13: pricing.day_rate:",
        "no more than 2 decimal places",
    ),
    ("weight-zero", "client: {name: X}\ngrid:\n  criteria:\n    - {id: A, label: A, weight: 0, conditions: [elus]}\n",
     ":4:33: grid.criteria[0].weight:", "greater than 0"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "where", "words"), YAML_CASES, ids=[c[0] for c in YAML_CASES]
)
def test_bad_engagement_is_located(
    runner: CliRunner,
    write: Callable[[str, str], Path],
    name: str,
    text: str,
    where: str,
    words: str,
) -> None:
    path = write(f"{name}/engagement.yaml", text)
    code, err = run_check(runner, path)
    assert code == 1
    first = err.splitlines()[0]
    assert f"engagement.yaml{where}" in first, err
    assert words in first, err


def test_all_problems_at_once_sorted_by_line(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write(
        "many/engagement.yaml",
        """
        client:
          name: X
          kindd: commune
        stakeholders:
          - {id: S1, name: A, influence: 9, interest: 0}
        """,
    )
    code, err = run_check(runner, path)
    assert code == 1
    lines = err.splitlines()
    assert lines[0].endswith("client.kindd: unknown key 'kindd' (did you mean 'kind'?)")
    assert ":5:" in lines[1] and "influence" in lines[1]
    assert ":5:" in lines[2] and "interest" in lines[2]
    assert (
        lines[-1]
        == f"3 problems in {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty", b"", "the file is empty"),
        ("only-comments", b"# nothing yet\n", "the file is empty"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1", "client:\n  name: Ville d'Orléans\n".encode("latin-1"), ":2: not UTF-8"),
    ],
)
def test_unusable_files_one_clear_line(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name / "engagement.yaml"
    path.parent.mkdir()
    path.write_bytes(content)
    code, err = run_check(runner, path)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert expected in err


def test_missing_file_and_folder_without_engagement(runner: CliRunner, tmp_path: Path) -> None:
    code, err = run_check(runner, tmp_path / "nowhere.yaml")
    assert code == 1 and "no such file or folder" in err
    code, err = run_check(runner, tmp_path)
    assert code == 1 and "no engagement.yaml in this folder" in err


def test_bom_is_accepted(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "engagement.yaml"
    path.write_bytes("\ufeffclient:\n  name: Ville d'Été\n".encode())
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output


CSV_HEAD = "id;scenario;polarite;intensite;criteres;theme;verbatim;auteur\n"


@pytest.mark.parametrize(
    ("rows", "where", "words"),
    [
        (
            "X1;BP;+;2;MANDAT;t;ok;\nX2;BQ;+;1;MANDAT;t;ok;\n",
            ":3: scenario:",
            "unknown scenario 'BQ' (did you mean 'BP'?)",
        ),
        ("X1;BP;bof;1;MANDAT;t;ok;\n", ":2: polarite:", "'bof' is not one of"),
        ("X1;BP;+;4;MANDAT;t;ok;\n", ":2: intensite:", "'4' is not an intensity"),
        ("X1;BP;+;1;MANDAT|NOPE;t;ok;\n", ":2: criteres:", "unknown criterion 'NOPE'"),
        ("X1;BP;+;1;;t;ok;\nX1;BP;-;1;;t;ok;\n", ":3: id:", "duplicate feedback id 'X1'"),
    ],
)
def test_bad_csv_rows_are_located(
    runner: CliRunner, write: Callable[[str, str], Path], rows: str, where: str, words: str
) -> None:
    path = write(
        "csv/engagement.yaml",
        MINIMAL + "workshops:\n  - {id: W1, group: elus, feedback_file: f.csv}\n",
    )
    (path.parent / "f.csv").write_text(CSV_HEAD + rows, encoding="utf-8")
    code, err = run_check(runner, path)
    assert code == 1
    assert f"f.csv{where} {words}" in err, err


def test_csv_without_required_column(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write(
        "csv/engagement.yaml",
        MINIMAL + "workshops:\n  - {id: W1, group: elus, feedback_file: f.csv}\n",
    )
    (path.parent / "f.csv").write_text("id,scenario,verbatim\nX,BP,ok\n", encoding="utf-8")
    code, err = run_check(runner, path)
    assert code == 1
    assert "f.csv:1: header: missing column 'polarity'" in err


def test_non_utf8_csv(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write(
        "csv/engagement.yaml",
        MINIMAL + "workshops:\n  - {id: W1, group: elus, feedback_file: f.csv}\n",
    )
    (path.parent / "f.csv").write_bytes((CSV_HEAD + "X;BP;+;1;;t;Très bien;\n").encode("cp1252"))
    code, err = run_check(runner, path)
    assert code == 1
    assert "f.csv: not UTF-8" in err


def test_thousands_of_bad_rows_are_counted_not_all_listed(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write(
        "csv/engagement.yaml",
        MINIMAL + "workshops:\n  - {id: W1, group: elus, feedback_file: f.csv}\n",
    )
    rows = "".join(f"X{i};ZZ;+;1;;t;ok;\n" for i in range(1000))
    (path.parent / "f.csv").write_text(CSV_HEAD + rows, encoding="utf-8")
    code, err = run_check(runner, path)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 52  # 50 listed, the count of the others, the total
    assert lines[-2] == "... and 950 more problems not listed"
    assert lines[-1].startswith("1000 problems in ")
