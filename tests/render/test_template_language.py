"""A template's language, and the warnings and exports that follow the engagement's."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render.template_language import template_language
from dialogue_cli.render.templates import packaged_dir
from dialogue_cli.render.writer import exported_templates


def test_the_packaged_templates_say_their_language(tmp_path: Path) -> None:
    assert template_language(packaged_dir("fr") / "devis.docx") == "fr"
    assert template_language(packaged_dir("en") / "devis.docx") == "en"
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    assert template_language(tmp_path / "x.docx") is None


def english(example: Path) -> Path:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: fr\n" in text
    path.write_text(text.replace("\nlanguage: fr\n", "\nlanguage: en\n"), encoding="utf-8")
    return example


def test_export_follows_the_engagement_beside_the_folder(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["templates", "export", str(english(example) / "templates")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith(
        f"{len(exported_templates())} English templates."
    )
    assert template_language(example / "templates" / "devis.docx") == "en"


def test_export_language_option_wins(runner: CliRunner, example: Path) -> None:
    target = english(example) / "templates"
    result = runner.invoke(app, ["templates", "export", str(target), "--language", "FR"])
    assert result.exit_code == 0, result.output
    assert template_language(target / "devis.docx") == "fr"


def test_export_never_creates_a_stray_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["templates", "export", str(tmp_path / "ormessac" / "templates")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path}/ormessac/templates: folder {tmp_path}/ormessac")
    assert not (tmp_path / "ormessac").exists()


def test_render_warns_of_a_template_in_another_language(runner: CliRunner, example: Path) -> None:
    (english(example) / "templates").mkdir()
    shutil.copyfile(packaged_dir("fr") / "devis.docx", example / "templates" / "devis.docx")
    result = runner.invoke(app, ["render", str(example), "--only", "quote"])
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {example}/templates/devis.docx is a French template and the engagement is in "
        "English (language: en): its fixed wording stays French; start from the English ones "
        "with: dialogue templates export DIR --language en\n"
    ) in result.stderr
    shutil.copyfile(packaged_dir("en") / "devis.docx", example / "templates" / "devis.docx")
    result = runner.invoke(app, ["render", str(example), "--only", "quote", "--force"])
    assert result.exit_code == 0 and "template and the engagement" not in result.stderr
