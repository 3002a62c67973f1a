"""`dialogue score` and `dialogue feedback template` on real files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_table_ranks_the_options(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "score", str(example))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Options pour la collectivité (seuil de viabilité 0)"
    # One line per scenario, then the items behind each of its scores, "(2)!" when too few.
    ranked = [line.split()[:2] for line in lines[2:12:2]]
    assert ranked == [["1", "PC"], ["2", "BP"], ["3", "CQ"], ["4", "PN"], ["–", "TR"]]
    assert lines[3].split() == ["(3)", "(3)", "(2)!", "(4)", "(4)", "(4)"]  # under PC
    assert "! : moins de 3, preuve fragile (grid.min_items)" in out.replace("\u00a0", " ")
    pc = next(line for line in lines if line.split()[1:2] == ["PC"])
    assert "−0,22" in pc and "+0,36" in pc and pc.rstrip().endswith("viable")
    cq = next(line for line in lines if line.split()[1:2] == ["CQ"])
    assert cq.rstrip().endswith("bloqué\u00a0: citoyens")
    assert "Aucun point de tension" in out
    assert "CQ · Conseils de quartier renouvelés\u00a0: 3 question(s), 3 idée(s)" in out


def test_json_shape(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "score", str(example), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["threshold"] == 0 and data["unclassified"] == 0
    assert [(s["id"], s["rank"]) for s in data["scenarios"]] == [
        ("PC", 1), ("BP", 2), ("CQ", 3), ("PN", 4),
    ]  # fmt: skip
    assert [(s["id"], s["rank"]) for s in data["transversal"]] == [("TR", None)]
    assert data["transversal"][0]["groups"]["services"]["score"] == -0.7391
    bp = data["scenarios"][1]
    assert bp["title"] == "Budget participatif"
    assert bp["viable"] is False and bp["blocking"] == ["elus", "services", "citoyens"]
    assert bp["groups"]["elus"] == {
        "score": 0.1111, "positive": 2, "negative": 2, "questions": 0, "ideas": 0,
        "items": 4, "weak": False,
    }  # fmt: skip
    assert set(bp["conditions"]) == {"elus", "services", "citoyens"}
    assert bp["condition_items"] == {"elus": 5, "services": 5, "citoyens": 6}
    cq = data["scenarios"][2]
    assert cq["id"] == "CQ" and cq["conditions"]["elus"] == 1.0
    assert cq["condition_items"]["elus"] == 2 and cq["weak_conditions"] == ["elus"]
    assert data["min_items"] == 3
    assert bp["criteria"]["UTILITE"] == {"elus": 1.0, "citoyens": None, "services": 1.0}
    assert bp["overall"] == -0.1401 and bp["divergence"] == 0.5657


def test_explain_lists_the_items_behind_each_number(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "score", str(example), "--explain", "BP")
    assert code == 0
    assert "BP · Budget participatif: rank 2, blocked by elus, services, citoyens" in out
    assert "elus      S = +0,1111 = 15 / 135" in out
    assert "EL-02" in out and "SV-05" in out  # a scored item and a question
    assert "elus      K = −0,0323 = −5 / 155" in out


def test_explain_json(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "score", str(example), "--explain", "PC", "--json")
    assert code == 0
    data = json.loads(out)
    elus = data["conditions"]["elus"]
    assert (elus["numerator"], elus["denominator"]) == (5, 145)
    assert [i["id"] for i in elus["items"]] == ["EL-13", "EL-14", "EL-15", "SV-15"]


def test_explain_json_numbers_are_the_report_s(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "score", str(example), "--explain", "BP", "--json")
    assert code == 0
    data = json.loads(out)
    cells = [
        *data["groups"].values(),
        *data["conditions"].values(),
        *(cell for cells in data["criteria"].values() for cell in cells.values()),
    ]
    for cell in cells:
        if cell["items"]:
            assert cell["numerator"] == pytest.approx(sum(i["signed"] for i in cell["items"]))
            assert cell["denominator"] == pytest.approx(sum(i["weight"] for i in cell["items"]))
            assert cell["score"] == round(cell["numerator"] / cell["denominator"], 4)
        else:
            assert (cell["score"], cell["numerator"], cell["denominator"]) == (None, 0, 0)
    assert data["groups"]["elus"]["numerator"] == 15  # as the text shows: 15 / 135
    assert data["groups"]["elus"]["denominator"] == 135


def test_explain_unknown_scenario_is_one_line(runner: CliRunner, example: Path) -> None:
    code, _, err = run(runner, "score", str(example), "--explain", "PCX")
    assert code == 1
    assert err == (
        "--explain PCX: no scenario 'PCX' (did you mean 'PC'?); scenarios: BP, CQ, PN, PC, TR\n"
    )


def test_heatmap_png_and_svg(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / "h.png", tmp_path / "h.svg"
    code, out, _ = run(runner, "score", str(example), "--heatmap", str(png))
    assert code == 0 and f"Wrote {png}" in out
    assert png.read_bytes().startswith(b"\x89PNG")
    code, _, _ = run(runner, "score", str(example), "--heatmap", str(svg))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    code, _, err = run(runner, "score", str(example), "--heatmap", str(tmp_path / "h.gif"))
    assert code == 1 and "h.gif: give the file a .png, .svg, .pdf name" in err


def test_export_csv_reads_back(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    with (example / "feedback" / "citoyens.csv").open("a", encoding="utf-8") as handle:
        handle.write('CI-99;BP;+;1;=1+1;RETOUR;"=HYPERLINK(""http://x"")";@bob\n')
    target = tmp_path / "export.csv"
    code, out, _ = run(runner, "score", str(example), "--export", str(target), "--json")
    assert code == 0
    json.loads(out)  # the JSON stays clean: "Wrote ..." went to stderr
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == 69
    assert list(rows[0]) == [
        "id", "workshop", "group", "scenario", "polarity", "intensity",
        "MANDAT", "CHARGE", "UTILITE", "RETOUR", "INCLUSION", "COUT", "theme", "text", "author",
    ]  # fmt: skip
    first = rows[0]
    assert (first["id"], first["group"], first["polarity"], first["UTILITE"]) == (
        "EL-01", "elus", "+", "1",
    )  # fmt: skip
    assert first["MANDAT"] == "0"
    last = next(row for row in rows if row["id"] == "CI-99")
    assert last["text"] == '\'=HYPERLINK("http://x")'
    assert last["theme"] == "'=1+1" and last["author"] == "'@bob"
    assert any(row["text"].startswith("Enfin un truc où") for row in rows)


def test_export_xlsx_anonymized(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "export.xlsx"
    code, out, _ = run(runner, "score", str(example), "--export", str(target), "--anonymize")
    assert code == 0 and "(68 feedback items)" in out
    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "text" and "author" not in rows[0]
    assert len(rows) == 69
    ci01 = next(row for row in rows if row[0] == "CI-01")
    assert ci01[1:6] == ("AT-CITOYENS", "citoyens", "BP", "+", 3)
    assert ci01[6:12] == (0, 0, 0, 1, 0, 0)


def test_export_xlsx_control_characters_cannot_hide_a_formula(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    with (example / "feedback" / "citoyens.csv").open("a", encoding="utf-8") as handle:
        handle.write("CI-X1;BP;+;1;;RETOUR;\x01=1+1;\x02@auteur\n")
    target = tmp_path / "export.xlsx"
    code, out, _ = run(runner, "score", str(example), "--export", str(target))
    assert code == 0, out
    sheet = load_workbook(target).worksheets[0]
    row = next(r for r in sheet.iter_rows() if r[0].value == "CI-X1")
    assert [(cell.value, cell.data_type) for cell in row[-2:]] == [
        ("'=1+1", "s"),
        ("'@auteur", "s"),
    ]


def test_export_refuses_other_types(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    code, _, err = run(runner, "score", str(example), "--export", str(tmp_path / "x.ods"))
    assert code == 1 and "x.ods: give the file a .csv, .xlsx name" in err


def test_missing_engagement(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "score", str(tmp_path / "nope"))
    assert code == 1 and "no such file or folder" in err


def test_feedback_template_csv_default_path(runner: CliRunner, example: Path) -> None:
    code, out, _ = run(runner, "feedback", "template", str(example), "--group", "élus")
    assert code == 0
    written = example / "feedback" / "elus.csv"
    assert written.read_bytes() == (
        "\ufeffid;scenario;polarite;intensite;criteres;theme;verbatim;auteur;publier\r\n".encode()
    )
    assert "To read it, set in workshop AT-ELUS: feedback_file: feedback/elus.csv" in out
    # the template is valid as it is: a workshop without feedback yet
    code, _, _ = run(runner, "score", str(example))
    assert code == 0


def test_feedback_template_xlsx_and_no_overwrite(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "t.xlsx"
    code, _, _ = run(
        runner, "feedback", "template", str(example), "-g", "services", "-o", str(target)
    )
    assert code == 0
    header = next(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert header[:3] == ("id", "scenario", "polarite")
    # the default target of citoyens is its existing feedback file: an input, never replaced,
    # even with --force (it holds the workshop's work)
    before = (example / "feedback" / "citoyens.csv").read_bytes()
    for force in ([], ["--force"]):
        code, _, err = run(
            runner, "feedback", "template", str(example), "--group", "citoyens", *force
        )
        assert code == 1
        assert err.endswith(
            "feedback/citoyens.csv: is an input of this engagement "
            "(the feedback file of workshop AT-CITOYENS); choose another output file\n"
        )
    assert (example / "feedback" / "citoyens.csv").read_bytes() == before


def test_feedback_template_unknown_group(runner: CliRunner, example: Path) -> None:
    code, _, err = run(runner, "feedback", "template", str(example), "--group", "maire")
    assert code == 1 and err.startswith("--group maire: neither a group (elus, citoyens, services)")


def test_help_does_not_import_heavy_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dialogue_cli.cli; "
        "print(sorted(m for m in ('openpyxl', 'matplotlib', 'pandas', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
