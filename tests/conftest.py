"""Shared fixtures: the example engagement copied into tmp_path, a CLI runner, a file writer."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"  # under way: the analysis at its document date
FINISHED = ROOT / "examples" / "val-d-orme"  # reached its end: all six phases done


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the Ormessac example; returns its folder."""
    target = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    return target


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """write("engagement.yaml", '''...''') -> the path, text dedented."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def full_example(example: Path) -> Path:
    """The example with every kind of input: a catalog, a logo and a template of its own."""
    from PIL import Image

    shutil.copyfile(
        ROOT / "src" / "dialogue_cli" / "data" / "catalog.yaml", example / "catalogue.yaml"
    )
    Image.new("RGB", (4, 4), "red").save(example / "logo.png")
    (example / "templates").mkdir()
    shutil.copyfile(
        ROOT / "src" / "dialogue_cli" / "templates" / "devis.docx",
        example / "templates" / "devis.docx",
    )
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    for anchor, line in (
        ("brand:\n  name: Marchal Concertation\n", "  logo: logo.png\n"),
        ("pricing:\n  vat_rate: 20\n", "  catalog: catalogue.yaml\n"),
    ):
        assert anchor in text
        text = text.replace(anchor, anchor + line)
    path.write_text(text, encoding="utf-8")
    return example


IMPORT_FIXTURES = ROOT / "tests" / "importers" / "fixtures"

# Two workshops without a feedback file, for imports: one in block style, one in flow style.
ONLINE_WORKSHOPS = """
  - id: AT-EN-LIGNE   # la consultation en ligne
    group: citoyens
    date: 2027-03-01
    place: participer.ormessac.example
  - {id: AT-ENQUETE, group: citoyens,
     place: enquête terrain}
"""


@pytest.fixture
def consultation(example: Path) -> Path:
    """The Ormessac example with two more citizens' workshops (AT-EN-LIGNE, AT-ENQUETE) to import into."""
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\ncreativity:\n", ONLINE_WORKSHOPS + "\ncreativity:\n", 1), encoding="utf-8"
    )
    return example
