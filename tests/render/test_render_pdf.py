"""`dialogue render --pdf`: LibreOffice conversion (skipped without soffice) and its clear absence."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render import pdf
from dialogue_cli.render.catalog import NAMES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the chart cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def test_missing_libreoffice_names_the_package_and_writes_nothing(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda _name: None)
    result = runner.invoke(app, ["render", str(example), "--pdf"])
    assert result.exit_code == 1
    assert "libreoffice-writer-nogui" in result.stderr
    assert not (example / "livrables").exists()


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_of_every_document_holds_its_text(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["render", str(example), "--pdf"])
    assert result.exit_code == 0, result.output
    out = example / "livrables"
    for name in NAMES:
        target = out / f"{name}.pdf"
        assert target.stat().st_size > 1000, name
        pages = pdf.page_count(target)
        assert pages is not None and pages >= 1
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", "-layout", str(target), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert "Ville d’Ormessac" in text, name
            assert "{{" not in text and "{%" not in text
            assert f"Page {pages} / {pages}" in text, name  # the fields were computed
    assert "Pages" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_two_conversions_at_once_do_not_share_a_profile(
    example: Path, tmp_path: Path, runner: CliRunner
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    assert (
        runner.invoke(
            app, ["render", str(example), "--only", "devis", "--only", "kit-roi-citoyen"]
        ).exit_code
        == 0
    )
    docs = sorted((example / "livrables").glob("*.docx"))
    outs = [tmp_path / "a", tmp_path / "b"]
    for folder in outs:
        folder.mkdir()
    with ThreadPoolExecutor(2) as pool:
        produced = list(pool.map(lambda folder: pdf.convert(docs, folder), outs))
    assert all(len(p) == 2 and all(f.stat().st_size > 1000 for f in p) for p in produced)
