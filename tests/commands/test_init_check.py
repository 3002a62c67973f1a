"""`dialogue init`, `dialogue check` and `dialogue schema` on real folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from dialogue_cli.cli import app
from tests.conftest import EXAMPLE


def test_init_then_check_passes(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    result = runner.invoke(app, ["init", str(folder), "--yes"])
    assert result.exit_code == 0, result.output
    assert (
        (folder / "engagement.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=engagement.schema.json\n")
    )
    for group in ("elus", "citoyens", "services"):
        header = (folder / "feedback" / f"{group}.csv").read_bytes().decode("utf-8-sig")
        assert header.splitlines() == [
            "id;scenario;polarite;intensite;criteres;theme;verbatim;auteur;publier"
        ]
    schema = json.loads((folder / "engagement.schema.json").read_text(encoding="utf-8"))
    assert "client" in schema["properties"]
    check = runner.invoke(app, ["check", str(folder)])
    assert check.exit_code == 0, check.output
    assert "is valid" in check.stdout


def test_init_refuses_a_non_empty_folder_and_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "x"
    assert runner.invoke(app, ["init", str(folder), "--yes"]).exit_code == 0
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    again = runner.invoke(app, ["init", str(folder), "--yes", "--client", "Autre"])
    assert again.exit_code == 1
    assert "is not empty" in again.stderr
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert before == after


def test_init_options_and_comments(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "val"
    result = runner.invoke(
        app,
        ["init", str(folder), "--client", "Communauté de communes du Val", "--kind", "intercommunalite",
         "--population", "41000", "--start", "2027-03-01", "--language", "en", "--yes"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert "# The client. kind:" in text  # comments follow the engagement's language
    data = YAML(typ="safe").load(text)
    assert data["client"] == {
        "name": "Communauté de communes du Val", "kind": "intercommunalite", "population": 41000,
        "address": "", "contact": {"name": "", "role": "", "email": "", "phone": ""},
    }  # fmt: skip
    assert str(data["engagement"]["start"]) == "2027-03-01"
    assert data["language"] == "en"


def test_init_french_comments_survive_a_roundtrip_edit(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    assert (
        runner.invoke(app, ["init", str(folder), "--yes", "--client", "Ville d'Essai"]).exit_code
        == 0
    )
    path = folder / "engagement.yaml"
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["scenarios"].append({"id": "BP", "title": "Budget participatif"})
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    text = path.read_text(encoding="utf-8")
    assert "# Phase 2 : la cartographie des parties prenantes." in text
    assert runner.invoke(app, ["check", str(folder)]).exit_code == 0


def test_init_rejects_bad_options(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "a"), "--yes", "--kind", "village"])
    assert result.exit_code == 1 and "--kind" in result.stderr
    result = runner.invoke(app, ["init", str(tmp_path / "b"), "--yes", "--start", "demain"])
    assert result.exit_code == 1 and "--start" in result.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_check_example_overview(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ville d'Ormessac" in out
    assert "Stakeholders: 15 (elus: 4, citoyens: 5, services: 5, partenaires: 1)" in out
    assert "Feedback: 68 items (AT-ELUS 22, AT-CITOYENS 24, AT-SERVICES 22)" in out
    # The analysis is under way; the creativity session, next, has no solutions yet.
    assert "What next (current phase: analyse):" in out
    assert "Séance de créativité: aucune solution saisie (creativity.solutions)" in out
    assert "Document date: Thursday 2027-02-11 (engagement.document_date); version 0.2" in out
    assert result.stderr == ""  # the example tells one story: no warning


def test_check_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE / "engagement.yaml"), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["valid"] is True
    assert data["counts"]["workshops"] == {"AT-ELUS": 22, "AT-CITOYENS": 24, "AT-SERVICES": 22}
    assert data["counts"]["stakeholders"]["total"] == 15
    assert data["current_phase"] == "analyse"
    assert [p["status"] for p in data["phases"]] == [
        "done",
        "done",
        "done",
        "doing",
        "todo",
        "todo",
    ]
    assert data["next"] == [
        {"phase": "creativite", "message": "aucune solution saisie (creativity.solutions)"}
    ]
    assert data["document_date"] == "2027-02-11" and data["warnings"] == []


def test_check_finished_example_needs_nothing(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE.parent / "val-d-orme"), "--json"])
    data = json.loads(result.stdout)
    assert data["current_phase"] is None and data["next"] == [] and data["warnings"] == []
    # SOL3 is not retained: it needs no more tests.
    assert not any("SOL3" in t["message"] for t in data["todo"])


def test_check_what_next_follows_progress(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    runner.invoke(app, ["init", str(folder), "--yes"])
    data = json.loads(runner.invoke(app, ["check", str(folder), "--json"]).stdout)
    messages = [t["message"] for t in data["todo"]]
    assert "atelier AT-SERVICES : aucun retour saisi" in messages
    assert "aucune partie prenante cartographiée (stakeholders)" in messages
    (folder / "feedback" / "services.csv").write_text(
        "id;scenario;polarite;intensite;criteres;theme;verbatim;auteur\nS1;BP;-;2;CHARGE;charge;Trop lourd;\n",
        encoding="utf-8",
    )
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "scenarios: []", "scenarios:\n  - {id: BP, title: Budget participatif}"
        ),
        encoding="utf-8",
    )
    data = json.loads(runner.invoke(app, ["check", str(folder), "--json"]).stdout)
    messages = [t["message"] for t in data["todo"]]
    assert "atelier AT-SERVICES : aucun retour saisi" not in messages
    assert "atelier AT-ELUS : aucun retour saisi" in messages
    assert "scénario BP : aucun avis noté du groupe élus" in messages
    assert data["counts"]["feedback"] == 1


def test_schema_command(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert {"client", "stakeholders", "grid", "workshops", "pricing"} <= set(schema["properties"])
    out = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema


def test_version(runner: CliRunner) -> None:
    from dialogue_cli import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"dialogue {__version__}"


HEAVY = ("docx", "docxtpl", "matplotlib", "openpyxl", "pandas", "babel", "lxml", "pptx")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_help_and_check_do_not_import_heavy_libraries() -> None:
    loaded = _modules_after(
        "import sys\nfrom dialogue_cli.cli import app\n"
        "print(' '.join(m.split('.')[0] for m in sys.modules))"
    )
    assert not loaded & {*HEAVY, "pydantic", "ruamel", "rich"}, loaded & {
        *HEAVY,
        "pydantic",
        "ruamel",
        "rich",
    }
    loaded = _modules_after(
        "import sys, contextlib, io\nfrom dialogue_cli.cli import app\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: app(['check', {str(EXAMPLE)!r}])\n    except SystemExit: pass\n"
        "print(' '.join(m.split('.')[0] for m in sys.modules))"
    )
    assert "pydantic" in loaded  # it did run the check
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


@pytest.mark.parametrize("command", ["check", "quote"])
def test_a_run_imports_the_module_of_its_command_alone(command: str) -> None:
    """The other commands are neither imported nor built (commands/_typer.lazy_commands)."""
    loaded = _modules_after(
        "import sys, contextlib, io\nfrom dialogue_cli.cli import app\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: app([{command!r}, {str(EXAMPLE)!r}])\n    except SystemExit: pass\n"
        "print(' '.join(m for m in sys.modules if m.startswith('dialogue_cli.commands.')))"
    )
    assert {m for m in loaded if not m.rsplit(".", 1)[1].startswith("_")} == {
        f"dialogue_cli.commands.{command}"
    }


def test_help_lists_every_command_and_builds_them_from_their_modules() -> None:
    loaded = _modules_after(
        "import sys, contextlib, io\nfrom dialogue_cli.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: app(['--help'])\n    except SystemExit: pass\n"
        "print(' '.join(m for m in sys.modules if m.startswith('dialogue_cli.commands.')))"
    )
    assert {m.rsplit(".", 1)[1] for m in loaded if not m.rsplit(".", 1)[1].startswith("_")} == {
        "init", "check", "map", "workshop", "score", "quote", "invoice", "plan", "render",
        "schema", "feedback", "templates",
    }  # fmt: skip


def test_check_reports_feedback_and_catalog_problems_together(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "{id: entretien-complementaire, quantity: 4}", "{id: entretiens, quantity: 4}"
        ),
        encoding="utf-8",
    )
    csv_path = example / "feedback" / "services.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace("SV-03;BP;+", "SV-03;BX;+"), encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 1
    err = result.stderr
    assert "feedback/services.csv:4: scenario: unknown scenario 'BX'" in err
    assert (
        "pricing.options[1].id: unknown catalog id 'entretiens' (did you mean 'entretien-complementaire'?)"
        in err
    )
    assert err.splitlines()[-1].startswith("2 problems in ")


@pytest.mark.parametrize("folder", [EXAMPLE, EXAMPLE.parent / "val-d-orme"], ids=lambda p: p.name)
def test_the_examples_ship_an_up_to_date_schema(folder: Path) -> None:
    from dialogue_cli.engagement.schema import schema_text

    first = (folder / "engagement.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=engagement.schema.json"
    shipped = (folder / "engagement.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text() + "\n", (
        f"run: dialogue schema -o examples/{folder.name}/engagement.schema.json"
    )
