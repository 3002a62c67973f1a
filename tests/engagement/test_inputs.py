"""engagement.inputs: the files an engagement reads, and the engagements an output is aimed at."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue_cli.engagement.inputs import engagement_files_near, inputs_near, project_inputs
from dialogue_cli.engagement.loader import load


def test_every_input_of_a_project_is_listed_with_what_it_is(full_example: Path) -> None:
    inputs = project_inputs(load(full_example))
    assert {path.relative_to(full_example).as_posix(): role for path, role in inputs.items()} == {
        "engagement.yaml": "the engagement file",
        "feedback/citoyens.csv": "the feedback file of workshop AT-CITOYENS",
        "feedback/services.csv": "the feedback file of workshop AT-SERVICES",
        "catalogue.yaml": "the catalog",
        "logo.png": "the logo",
        "templates/devis.docx": "a template",
    }
    elsewhere = full_example.parent / "modeles"
    elsewhere.mkdir()
    (elsewhere / "synthese-ateliers.docx").write_bytes(b"PK")
    (elsewhere / "notes.txt").write_text("not a template")
    with_dir = project_inputs(load(full_example), elsewhere)
    assert with_dir[elsewhere / "synthese-ateliers.docx"] == "a template"
    assert elsewhere / "notes.txt" not in with_dir
    without = project_inputs(load(full_example), elsewhere, with_templates=False)
    assert not any(role == "a template" for role in without.values())


def test_the_engagements_an_output_is_aimed_at(
    full_example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert engagement_files_near([Path("sortie.json")]) == []
    near = engagement_files_near([full_example / "feedback" / "x.csv", full_example / "y.json"])
    assert [p.resolve() for p in near] == [full_example / "engagement.yaml"]
    monkeypatch.chdir(full_example)
    assert [p.resolve() for p in engagement_files_near([elsewhere / "x"])] == [
        full_example / "engagement.yaml"
    ]
    inputs = {p.resolve(): role for p, role in inputs_near([elsewhere / "x.json"]).items()}
    assert inputs[full_example / "catalogue.yaml"] == "the catalog"
    assert inputs_near([elsewhere / "x.json"], skip=full_example / "engagement.yaml") == {}


def test_an_engagement_that_does_not_load_still_protects_its_own_file(tmp_path: Path) -> None:
    broken = tmp_path / "engagement.yaml"
    broken.write_text("client: [unclosed\n", encoding="utf-8")
    inputs = inputs_near([tmp_path / "schema.json"], cwd=tmp_path)
    assert inputs == {broken: "the engagement file"}
