"""`dialogue feedback import` on real files: every source imported, then checked and scored."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app

from ..conftest import IMPORT_FIXTURES

SOURCES = [
    ("decidim", "decidim-comments.csv", 6, 1),
    ("decidim", "decidim-proposals.json", 3, 0),
    ("decidim", "decidim-survey.csv", 7, 0),
    ("consul", "consul-proposals.csv", 5, 0),
    ("cap-collectif", "cap-collectif-consultation.csv", 5, 0),
    ("cap-collectif", "cap-collectif-grand-debat.csv", 3, 0),
    ("make", "make-proposals.csv", 3, 0),
    ("limesurvey", "limesurvey-responses.csv", 7, 0),
    ("framaforms", "framaforms-submissions.tsv", 4, 0),
    ("csv", "board-notes.csv", 4, 1),
]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def fixture(name: str) -> str:
    return str(IMPORT_FIXTURES / name)


def mapping(name: str) -> str:
    return str((IMPORT_FIXTURES / name).with_suffix(".map.yaml"))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.mark.parametrize(("source", "name", "imported", "unclassified"), SOURCES)
def test_each_source_is_imported_then_checked_and_scored(
    runner: CliRunner, consultation: Path, source: str, name: str, imported: int, unclassified: int
) -> None:
    code, out, _err = run(
        runner, "feedback", "import", source, fixture(name), "-w", "AT-EN-LIGNE",
        "--map", mapping(name), "--add", "-e", str(consultation), "--json",
    )  # fmt: skip
    assert code == 0
    summary = json.loads(out)
    assert (summary["imported"], summary["unclassified"]) == (imported, unclassified)
    written = consultation / "feedback" / f"AT-EN-LIGNE-{source}.csv"
    rows = read_csv(written)
    assert rows[0] == [
        "id", "scenario", "polarite", "intensite", "criteres", "theme", "verbatim", "auteur",
        "publier", "plateforme_source", "id_source", "lien_source", "date_source",
    ]  # fmt: skip
    assert len(rows) == imported + 1 and all(row[9] == source for row in rows[1:])
    assert all(row[8] == "" for row in rows[1:])  # consent to publication: the consultant's call
    assert all(row[7] == "" for row in rows[1:])  # no author without --keep-contributor-hash
    assert "feedback_file: feedback/AT-EN-LIGNE-" in (consultation / "engagement.yaml").read_text(
        encoding="utf-8"
    )
    code, out, err = run(runner, "check", str(consultation), "--json")
    assert code == 0, err
    assert json.loads(out)["counts"]["workshops"]["AT-EN-LIGNE"] == imported
    code, out, err = run(runner, "score", str(consultation), "--json")
    assert code == 0, err


def test_the_summary_table(
    runner: CliRunner, consultation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(consultation)
    shutil.copy(IMPORT_FIXTURES / "decidim-comments.csv", "comments.csv")
    shutil.copy(IMPORT_FIXTURES / "decidim-comments.map.yaml", "decidim.map.yaml")
    code, out, err = run(
        runner,
        "feedback",
        "import",
        "decidim",
        "comments.csv",
        "-w",
        "AT-EN-LIGNE",
        "--map",
        "decidim.map.yaml",
    )
    assert code == 0
    assert out.splitlines() == [
        "Read comments.csv: Decidim comments (CSV, UTF-8, separator ';')",
        "  rows read                  10",
        "  imported                    6  feedback/AT-EN-LIGNE-decidim.csv",
        "  unclassified                1  feedback/AT-EN-LIGNE-decidim-unclassified.csv",
        "  skipped                     3  empty text (1), a repeated row (same id as an earlier row) (1), unreadable, listed above (1)",
        "  by scenario                    BP 4, PN 2",
        "  by polarity                    + 2, - 1, ? 3",
        "  replies                     1",
        "  distinct contributors       6",
        "Personal data dropped: author/id (user id), author/name (name), user_group/id (user id), user_group/name (name)",
        "Masked in the texts: a mention of a participant in 1 text, an e-mail address in 1 text, "
        "a phone number in 1 text, a contributor's name in 1 text",
        "No scenario for: component 14 (1)",
        "1 item + or - without a criterion: counted, not scored until coded (criteria keywords in the mapping, or the criteres column)",
    ]
    assert err.splitlines() == [
        "comments.csv:9: alignment: '2' is not 1, 0 or -1: no polarity read from it",
        "comments.csv:11: 16 cells but the header has 13: a separator or a quote inside a value? skipped",
    ]
    unclassified = read_csv(consultation / "feedback" / "AT-EN-LIGNE-decidim-unclassified.csv")
    assert [row[:3] for row in unclassified[1:]] == [["DEC-C818", "", "?"]]
    # The texts starting like a formula get the apostrophe back, as every export of the project.
    written = read_csv(consultation / "feedback" / "AT-EN-LIGNE-decidim.csv")
    assert written[-1][6] == "'-10 % sur la voirie, c'est trop"


def test_reimporting_gives_the_same_file_and_needs_force(
    runner: CliRunner, consultation: Path
) -> None:
    args = ["feedback", "import", "make", fixture("make-proposals.csv"), "-w", "AT-EN-LIGNE",
            "--map", mapping("make-proposals.csv"), "-e", str(consultation)]  # fmt: skip
    assert run(runner, *args)[0] == 0
    target = consultation / "feedback" / "AT-EN-LIGNE-make.csv"
    first = target.read_bytes()
    code, _out, err = run(runner, *args)
    assert code == 1
    assert err.strip().endswith("AT-EN-LIGNE-make.csv: already exists; use --force to overwrite it")
    assert run(runner, *args, "--force")[0] == 0
    assert target.read_bytes() == first


def test_a_hand_made_feedback_file_is_never_overwritten(
    runner: CliRunner, consultation: Path
) -> None:
    citizens = consultation / "feedback" / "citoyens.csv"
    before = citizens.read_bytes()
    code, _out, err = run(
        runner, "feedback", "import", "make", fixture("make-proposals.csv"), "-w", "AT-CITOYENS",
        "--out", str(citizens), "--force", "-e", str(consultation),
    )  # fmt: skip
    assert code == 1
    assert "is an input of this engagement (the feedback file of workshop AT-CITOYENS)" in err
    assert citizens.read_bytes() == before


def test_inputs_are_refused_as_outputs(
    runner: CliRunner, consultation: Path, tmp_path: Path
) -> None:
    export = tmp_path / "make.csv"
    shutil.copy(IMPORT_FIXTURES / "make-proposals.csv", export)
    for target in (export, consultation / "engagement.yaml"):
        code, _out, err = run(
            runner, "feedback", "import", "make", str(export), "-w", "AT-EN-LIGNE",
            "--out", str(target.with_suffix(".csv")) if target.suffix == ".yaml" else str(target),
            "--force", "-e", str(consultation),
        )  # fmt: skip
        if target.suffix == ".yaml":
            continue  # engagement.csv is no input: only the export itself is checked here
        assert code == 1 and "is an input of this engagement" in err
    assert export.read_bytes() == (IMPORT_FIXTURES / "make-proposals.csv").read_bytes()


def test_add_changes_one_line_of_the_engagement(runner: CliRunner, consultation: Path) -> None:
    path = consultation / "engagement.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    code, out, _err = run(
        runner, "feedback", "import", "limesurvey", fixture("limesurvey-responses.csv"),
        "-w", "AT-ENQUETE", "--map", mapping("limesurvey-responses.csv"), "--add", "-e", str(consultation),
    )  # fmt: skip
    assert code == 0
    assert "Workshop AT-ENQUETE now reads feedback/AT-ENQUETE-limesurvey.csv" in out
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        ("     place: enquête terrain}",
         "     place: enquête terrain, feedback_file: feedback/AT-ENQUETE-limesurvey.csv}")
    ]  # fmt: skip
    # A block-style workshop gets one more line, with its keys' indentation.
    code, _out, _err = run(
        runner, "feedback", "import", "make", fixture("make-proposals.csv"), "-w", "AT-EN-LIGNE",
        "--map", mapping("make-proposals.csv"), "--add", "-e", str(consultation),
    )  # fmt: skip
    assert code == 0
    final = path.read_text(encoding="utf-8").splitlines()
    at = final.index("    place: participer.ormessac.example")
    assert final[at + 1] == "    feedback_file: feedback/AT-EN-LIGNE-make.csv"
    assert [line for line in final if line not in after] == [final[at + 1]]
    assert "# la consultation en ligne" in final[at - 3]
    # Again: nothing to do. Into a workshop that reads another file: refused, nothing written.
    code, out, _err = run(
        runner, "feedback", "import", "make", fixture("make-proposals.csv"), "-w", "AT-EN-LIGNE",
        "--map", mapping("make-proposals.csv"), "--add", "--force", "-e", str(consultation),
    )  # fmt: skip
    assert code == 0 and "Workshop AT-EN-LIGNE already reads feedback/AT-EN-LIGNE-make.csv" in out
    code, _out, err = run(
        runner, "feedback", "import", "make", fixture("make-proposals.csv"), "-w", "AT-CITOYENS",
        "--map", mapping("make-proposals.csv"), "--add", "-e", str(consultation),
    )  # fmt: skip
    assert code == 1 and "workshop AT-CITOYENS already reads feedback/citoyens.csv" in err
    assert not (consultation / "feedback" / "AT-CITOYENS-make.csv").exists()


def test_ids_already_used_elsewhere_are_refused(
    runner: CliRunner, consultation: Path, tmp_path: Path
) -> None:
    args = ["feedback", "import", "make", fixture("make-proposals.csv"),
            "--map", mapping("make-proposals.csv"), "--add", "-e", str(consultation)]  # fmt: skip
    assert run(runner, *args, "-w", "AT-EN-LIGNE")[0] == 0
    code, _out, err = run(runner, *args, "-w", "AT-ENQUETE")
    assert code == 1
    assert "3 imported ids are already used in this engagement: MAKE-" in err
    assert "Set another id_prefix in the mapping (e.g. id_prefix: MAKE2)" in err
    prefixed = tmp_path / "make.map.yaml"
    prefixed.write_text(
        Path(mapping("make-proposals.csv")).read_text(encoding="utf-8") + "id_prefix: MK2\n"
    )
    code, _out, _err = run(
        runner,
        *args[:4],
        "--map",
        str(prefixed),
        "--add",
        "-e",
        str(consultation),
        "-w",
        "AT-ENQUETE",
    )
    assert code == 0
    assert run(runner, "check", str(consultation))[0] == 0


def test_xlsx_output_passes_check(runner: CliRunner, consultation: Path) -> None:
    target = consultation / "feedback" / "enquete.xlsx"
    code, _out, _err = run(
        runner, "feedback", "import", "framaforms", fixture("framaforms-submissions.tsv"), "-w", "AT-EN-LIGNE",
        "--map", mapping("framaforms-submissions.tsv"), "--out", str(target), "--add", "-e", str(consultation),
    )  # fmt: skip
    assert code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["id", "scenario", "polarite"] and len(rows) == 5
    code, out, _err = run(runner, "check", str(consultation), "--json")
    assert code == 0 and json.loads(out)["counts"]["workshops"]["AT-EN-LIGNE"] == 4


def test_init_map_writes_a_mapping_that_loads(runner: CliRunner, consultation: Path) -> None:
    for source, name in [(s, n) for s, n, _i, _u in SOURCES]:
        target = consultation / f"{name}.map.yaml"
        code, out, err = run(
            runner, "feedback", "import", source, fixture(name), "-w", "AT-EN-LIGNE",
            "--init-map", "--map", str(target), "-e", str(consultation),
        )  # fmt: skip
        assert code == 0, err
        assert out.startswith(f"Wrote {target}") or "Wrote" in out
        code, out, err = run(
            runner, "feedback", "import", source, fixture(name), "-w", "AT-EN-LIGNE",
            "--map", str(target), "--out", str(consultation / f"{name}.csv"), "-e", str(consultation), "--json",
        )  # fmt: skip
        assert code == 0, err
        summary = json.loads(out)
        assert summary["imported"] == 0 and summary["unclassified"] > 0  # every scenario left at ~
    text = (consultation / "decidim-survey.csv.map.yaml").read_text(encoding="utf-8")
    assert '"2":  # 2. Une plateforme en ligne vous semble-t-elle utile ? (3 answers)' in text
    assert "    polarity: likert" in text
    text = (consultation / "decidim-comments.csv.map.yaml").read_text(encoding="utf-8")
    assert '      "12": ~  # 5 rows, e.g.' in text and "    component:" in text
    text = (consultation / "board-notes.csv.map.yaml").read_text(encoding="utf-8")
    assert "    Couleur:" in text and "      vert: ~  # 3 rows" in text
    assert "Auteur" not in text and "Élodie" not in text  # personal data stay out of the scaffold


def test_init_map_refuses_to_overwrite(runner: CliRunner, consultation: Path) -> None:
    args = ["feedback", "import", "decidim", fixture("decidim-comments.csv"), "-w", "AT-EN-LIGNE",
            "--init-map", "-e", str(consultation)]  # fmt: skip
    assert run(runner, *args)[0] == 0
    assert (consultation / "feedback" / "AT-EN-LIGNE-decidim.map.yaml").exists()
    code, _out, err = run(runner, *args)
    assert code == 1 and "already exists; use --force" in err


def test_contributor_hashes_are_salted_and_stable(runner: CliRunner, consultation: Path) -> None:
    args = ["feedback", "import", "consul", fixture("consul-proposals.csv"), "-w", "AT-EN-LIGNE",
            "--map", mapping("consul-proposals.csv"), "--keep-contributor-hash", "--force", "-e", str(consultation)]  # fmt: skip
    assert run(runner, *args)[0] == 0
    salt = consultation / ".dialogue-salt"
    assert salt.exists() and (salt.stat().st_mode & 0o077) == 0
    rows = read_csv(consultation / "feedback" / "AT-EN-LIGNE-consul.csv")[1:]
    authors = [row[7] for row in rows]
    assert all(a.startswith("c-") and len(a) == 14 for a in authors)
    # Jeanne wrote proposal 12 and comment 302: one hash; four people in all.
    assert authors[0] == authors[2] and len(set(authors)) == 4
    assert not any("@" in a for a in authors)
    assert run(runner, *args)[0] == 0
    assert [
        row[7] for row in read_csv(consultation / "feedback" / "AT-EN-LIGNE-consul.csv")[1:]
    ] == authors


def test_bad_options_are_one_line(runner: CliRunner, consultation: Path) -> None:
    code, _out, err = run(
        runner,
        "feedback",
        "import",
        "decidmi",
        fixture("make-proposals.csv"),
        "-w",
        "AT-EN-LIGNE",
        "-e",
        str(consultation),
    )
    assert err == (
        "SOURCE decidmi: not a source (did you mean 'decidim'?): decidim, consul, cap-collectif, "
        "make, limesurvey, framaforms or csv.\n"
    )
    assert code == 1
    code, _out, err = run(
        runner,
        "feedback",
        "import",
        "make",
        fixture("make-proposals.csv"),
        "-w",
        "AT-EN-LINGE",
        "-e",
        str(consultation),
    )
    assert (
        code == 1
        and "--workshop AT-EN-LINGE: no such workshop (did you mean 'AT-EN-LIGNE'?)" in err
    )
    code, _out, err = run(
        runner,
        "feedback",
        "import",
        "make",
        fixture("nothing.csv"),
        "-w",
        "AT-EN-LIGNE",
        "-e",
        str(consultation),
    )
    assert code == 1 and err.strip().endswith("nothing.csv: no such file")
    code, _out, err = run(
        runner,
        "feedback",
        "import",
        "make",
        fixture("make-proposals.csv"),
        "-w",
        "citoyens",
        "-e",
        str(consultation),
    )
    assert code == 1 and "3 workshops of group citoyens" in err
    code, _out, err = run(
        runner,
        "feedback",
        "import",
        "make",
        fixture("make-proposals.csv"),
        "-w",
        "AT-EN-LIGNE",
        "-o",
        "x.txt",
        "-e",
        str(consultation),
    )
    assert (code, err) == (1, "--out x.txt: give the file a .csv or .xlsx name\n")


def test_help_does_not_import_the_importers() -> None:
    code = (
        "import sys\nfrom dialogue_cli.cli import app\n"
        "print(sorted(m for m in ('dialogue_cli.importers', 'nh3', 'charset_normalizer', 'openpyxl') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
