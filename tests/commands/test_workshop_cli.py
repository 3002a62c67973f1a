"""`dialogue workshop`: what it writes, what it refuses, and how `check` reads its feedback file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app


def _point_at_the_kit(example: Path, workshop: str, relative: str) -> None:
    """Give ``workshop`` (inline feedback in the example) the kit's file as its feedback file."""
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = f"  - id: {workshop}\n"
    assert anchor in text
    text = text.replace(anchor, anchor + f"    feedback_file: {relative}\n", 1)
    path.write_text(text, encoding="utf-8")


def _new_workshop(example: Path) -> None:
    """A workshop still to come, with no feedback yet (its file will be the kit's)."""
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    extra = (
        "  - id: AT-JEUNES\n    group: citoyens\n    date: 2027-03-02\n    time: 17:30\n"
        "    place: Maison des jeunes\n    participants: 18\n"
    )
    path.write_text(
        text.replace("\ncreativity:\n", "\n" + extra + "\ncreativity:\n", 1), encoding="utf-8"
    )


def test_the_kit_of_every_session_is_written_beside_the_engagement(
    runner: CliRunner, example: Path
) -> None:
    result = runner.invoke(app, ["workshop", str(example)])
    assert result.exit_code == 0, result.output
    kit = example / "ateliers"
    for code in ("AT-ELUS", "AT-CITOYENS", "AT-SERVICES"):
        assert sorted(p.name for p in (kit / code).iterdir()) == sorted(
            f"{name}-{code}{suffix}"
            for name, suffix in (("diaporama", ".pptx"), ("fiches-saisie", ".docx"),
                                 ("emargement", ".docx"), ("deroule", ".docx"), ("retours", ".csv"))
        )  # fmt: skip
    assert sorted(p.name for p in (kit / "creativite").iterdir()) == [
        "deroule-creativite.docx", "diaporama-creativite.pptx", "emargement-creativite.docx",
        "fiches-saisie-creativite.docx",
    ]  # fmt: skip
    out = result.stdout
    assert "Templates: the built-in ones (French)." in out
    assert "19 files for 4 sessions in" in out
    assert "diaporama-AT-ELUS.pptx" in out and "retours-AT-SERVICES.csv" in out
    assert "privacy" not in result.stderr  # the example's notice is complete
    manifest = json.loads((kit / ".dialogue-manifest.json").read_text(encoding="utf-8"))
    assert "AT-ELUS/diaporama-AT-ELUS.pptx" in manifest["files"]


def test_one_session_by_its_id_and_a_wrong_id_is_refused(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["workshop", str(example), "at-elus"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (example / "ateliers").iterdir()) == [
        ".dialogue-manifest.json",
        "AT-ELUS",
    ]
    wrong = runner.invoke(app, ["workshop", str(example), "AT-ELU"])
    assert wrong.exit_code == 1
    assert "AT-ELU: no such session (did you mean 'AT-ELUS'?)" in wrong.stderr
    assert "choose from AT-ELUS, AT-CITOYENS, AT-SERVICES, creativite" in wrong.stderr


def test_inside_the_engagement_folder_a_session_id_alone_is_enough(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example)
    result = runner.invoke(app, ["workshop", "at-elus", "creativity"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (example / "ateliers").iterdir()) == [
        ".dialogue-manifest.json",
        "AT-ELUS",
        "creativite",
    ]
    assert (example / "ateliers" / "AT-ELUS" / "diaporama-AT-ELUS.pptx").is_file()

    result = runner.invoke(app, ["workshop", "AT-ELU"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "AT-ELU: no such file or folder, nor a session of engagement.yaml (did you mean 'AT-ELUS'?)"
    )
    # Elsewhere the first argument stays a PATH.
    monkeypatch.chdir(example.parent)
    result = runner.invoke(app, ["workshop", "AT-ELUS"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "AT-ELUS: no such file or folder"


def test_a_file_edited_by_hand_is_kept_without_force(runner: CliRunner, example: Path) -> None:
    assert runner.invoke(app, ["workshop", str(example), "AT-ELUS"]).exit_code == 0
    run_sheet = example / "ateliers" / "AT-ELUS" / "deroule-AT-ELUS.docx"
    run_sheet.write_bytes(run_sheet.read_bytes() + b"edited")
    refused = runner.invoke(app, ["workshop", str(example), "AT-ELUS"])
    assert refused.exit_code == 1
    assert "deroule-AT-ELUS.docx: edited since dialogue last wrote it" in refused.stderr
    assert run_sheet.read_bytes().endswith(b"edited")
    forced = runner.invoke(app, ["workshop", str(example), "AT-ELUS", "--force"])
    assert forced.exit_code == 0, forced.output
    assert not run_sheet.read_bytes().endswith(b"edited")


def test_an_edited_feedback_file_is_never_replaced(runner: CliRunner, example: Path) -> None:
    assert runner.invoke(app, ["workshop", str(example), "AT-ELUS"]).exit_code == 0
    feedback = example / "ateliers" / "AT-ELUS" / "retours-AT-ELUS.csv"
    typed = feedback.read_text(encoding="utf-8-sig").replace(
        "AT-ELUS-BP-01;AT-ELUS;BP;;", "AT-ELUS-BP-01;AT-ELUS;BP;+;2", 1
    )
    feedback.write_text(typed, encoding="utf-8-sig")
    result = runner.invoke(app, ["workshop", str(example), "AT-ELUS", "--force"])
    assert result.exit_code == 0, result.output
    assert feedback.read_text(encoding="utf-8-sig") == typed
    assert "edited since written (transcription under way)" in result.stdout


def test_the_pre_filled_file_passes_check_untouched_and_once_a_polarity_is_typed(
    runner: CliRunner, example: Path
) -> None:
    _new_workshop(example)
    result = runner.invoke(app, ["workshop", str(example), "AT-JEUNES"])
    assert result.exit_code == 0, result.output
    relative = "ateliers/AT-JEUNES/retours-AT-JEUNES.csv"
    assert (
        f"AT-JEUNES: to transcribe its capture sheets, set feedback_file: {relative}"
        in result.stdout
    )
    _point_at_the_kit(example, "AT-JEUNES", relative)
    untouched = runner.invoke(app, ["check", str(example)])
    assert untouched.exit_code == 0, untouched.output
    assert "Not transcribed yet: 60 pre-printed lines (AT-JEUNES 60)" in untouched.stdout
    feedback = example / relative
    text = feedback.read_text(encoding="utf-8-sig")
    text = text.replace(
        "AT-JEUNES-BP-03;AT-JEUNES;BP;;;;;;",
        "AT-JEUNES-BP-03;AT-JEUNES;BP;+;3;RETOUR;concret;On voit le résultat;",
    )
    text = text.replace("AT-JEUNES-PC-01;AT-JEUNES;PC;;;;;;", "AT-JEUNES-PC-01;AT-JEUNES;PC;?;;;;;")
    feedback.write_text(text, encoding="utf-8-sig")
    typed = runner.invoke(app, ["check", str(example), "--json"])
    assert typed.exit_code == 0, typed.output
    status = json.loads(typed.stdout)
    assert status["counts"]["workshops"]["AT-JEUNES"] == 2
    assert status["counts"]["pending"] == {"AT-JEUNES": 58}
    score = runner.invoke(app, ["score", str(example), "--json"])
    assert score.exit_code == 0, score.output
    # Running the kit again leaves the file the workshop now reads as it is.
    again = runner.invoke(app, ["workshop", str(example), "AT-JEUNES", "--force"])
    assert again.exit_code == 0, again.output
    assert "the workshop's feedback file" in again.stdout
    assert feedback.read_text(encoding="utf-8-sig") == text


def test_nothing_is_written_when_a_template_is_broken(runner: CliRunner, example: Path) -> None:
    from docx import Document

    (example / "templates").mkdir()
    document = Document()
    document.add_paragraph("{% for x in %}")
    document.save(str(example / "templates" / "atelier-deroule.docx"))
    result = runner.invoke(app, ["workshop", str(example)])
    assert result.exit_code == 1
    assert "atelier-deroule.docx" in result.stderr and "syntax error" in result.stderr
    assert not any((example / "ateliers").rglob("*.*"))


def test_the_kit_never_writes_over_an_input(runner: CliRunner, example: Path) -> None:
    """Another workshop reads a file where the kit would write: refused before anything."""
    _point_at_the_kit(example, "AT-ELUS", "ateliers/AT-CITOYENS/deroule-AT-CITOYENS.docx")
    target = example / "ateliers" / "AT-CITOYENS"
    target.mkdir(parents=True)
    (target / "deroule-AT-CITOYENS.docx").write_text("id;scenario;polarite\n", encoding="utf-8")
    result = runner.invoke(app, ["workshop", str(example), "AT-CITOYENS"])
    assert result.exit_code == 1
    assert "is an input of this engagement (the feedback file of workshop AT-ELUS" in result.stderr


def test_lines_sets_the_capture_sheets_and_the_file(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["workshop", str(example), "AT-ELUS", "--lines", "3"])
    assert result.exit_code == 0, result.output
    rows = (
        (example / "ateliers" / "AT-ELUS" / "retours-AT-ELUS.csv")
        .read_text(encoding="utf-8-sig")
        .splitlines()
    )
    assert len(rows) == 1 + 5 * 3
    # a wrong value is exit status 1 (one line naming the option), as for every command
    assert runner.invoke(app, ["workshop", str(example), "--lines", "0"]).exit_code == 1


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_pdf_converts_the_deck_and_the_sheets(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["workshop", str(example), "creativite", "--pdf"])
    assert result.exit_code == 0, result.output
    folder = example / "ateliers" / "creativite"
    for name in ("diaporama", "fiches-saisie", "emargement", "deroule"):
        assert (folder / f"{name}-creativite.pdf").stat().st_size > 1000
    assert "diaporama-creativite.pdf" in result.stdout
    assert "│    12 │" in result.stdout  # the deck's pages


def test_out_and_templates_export_carry_the_kit(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    out = tmp_path / "valise"
    result = runner.invoke(app, ["workshop", str(example), "AT-SERVICES", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "AT-SERVICES" / "diaporama-AT-SERVICES.pptx").is_file()
    exported = runner.invoke(app, ["templates", "export", str(tmp_path / "modeles")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "modeles" / "atelier-diaporama.pptx").is_file()
    checked = runner.invoke(app, ["templates", "check", str(tmp_path / "modeles")])
    assert checked.exit_code == 0, checked.output
    # six deliverables, press release, easy read and the kit's five
    assert "13 templates checked: 0 error(s), 0 warning(s)" in checked.stdout


def test_the_kit_names_the_notice_fields_still_to_fill_in(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  dpo:")  # the example's DPO, removed
    end = text.index("\n  purposes:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = runner.invoke(app, ["workshop", str(example), "AT-ELUS"])
    assert result.exit_code == 0, result.output
    assert "privacy.dpo" in result.stderr
