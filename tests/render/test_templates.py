"""`dialogue templates export|check`, the template builder, and the documented contexts."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.catalog import NAMES
from dialogue_cli.render.contexts import build_context
from dialogue_cli.render.results import Picture, Results
from dialogue_cli.render.schema import CONTEXTS, paths, shape_problems
from dialogue_cli.render.templates import packaged_dir, tint
from tests.conftest import EXAMPLE, ROOT


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the chart cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def _builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "scripts" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    spec.loader.exec_module(module)
    return module


def test_export_copies_the_six_defaults_and_refuses_to_overwrite(
    runner: CliRunner, tmp_path: Path
) -> None:
    from dialogue_cli.render.workshop.catalog import TEMPLATE_FILES

    target = tmp_path / "mes-modeles"
    result = runner.invoke(app, ["templates", "export", str(target)])
    assert result.exit_code == 0, result.output
    # The six deliverables' templates, and the workshop kit's (its deck and its four sheets).
    exported = sorted(p.name for p in target.iterdir())
    assert exported == sorted([f"{name}.docx" for name in NAMES] + list(TEMPLATE_FILES))
    again = runner.invoke(app, ["templates", "export", str(target)])
    assert again.exit_code == 1
    assert "--force" in again.stderr
    assert runner.invoke(app, ["templates", "export", str(target), "--force"]).exit_code == 0


def test_check_passes_on_the_packaged_templates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["templates", "check"])
    assert result.exit_code == 0, result.output
    # Seven Word templates (six deliverables and the invoice) and the kit's five, in two languages.
    assert "24 templates checked: 0 error(s), 0 warning(s)" in result.stdout


def _one(folder: Path, name: str, *lines: str, title: str = "") -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.core_properties.title = title
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.docx"
    document.save(str(path))
    return path


def test_check_warns_about_typos_with_a_suggestion(runner: CliRunner, tmp_path: Path) -> None:
    _one(
        tmp_path / "t",
        "synthese-ateliers",
        "{{ client.nom }}",
        "{%p for r in ranking %}",
        "{{ r.titel }} {{ r.rank }}",
        "{%p endfor %}",
        "{{ heatmapp }}",
    )
    result = runner.invoke(app, ["templates", "check", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "warning: ranking[].titel (did you mean 'ranking[].title'?)" in out
    assert "warning: heatmapp (did you mean 'heatmap'?)" in out
    assert "warning: client.nom" in out
    assert "r.rank" not in out and "ranking[].rank" not in out


def test_check_rejects_jinja_in_properties_and_bad_syntax(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "t"
    _one(folder, "devis", "{{ quote.total_ht }}", title="Devis {{ quote.number }}")
    _one(
        folder,
        "kit-roi-citoyen",
        "Avant",
        "Juste avant",
        "{% for c in criteria %}sans fin",
        "Après",
    )
    (folder / "cahier-des-charges.docx").write_bytes(b"not a zip")
    result = runner.invoke(app, ["templates", "check", str(folder)])
    assert result.exit_code == 1
    err = result.stderr
    assert "devis.docx: error: Jinja in the document property 'title'" in err
    assert "kit-roi-citoyen.docx: error: template syntax error" in err
    assert "| Juste avant" in err
    assert "cahier-des-charges.docx: error: not a Word .docx file" in err
    assert "3 templates checked: 3 error(s)" in result.stdout


def test_check_ignores_no_file_silently(runner: CliRunner, tmp_path: Path) -> None:
    _one(tmp_path / "t", "brochure", "{{ x }}")
    result = runner.invoke(app, ["templates", "check", str(tmp_path / "t")])
    assert result.exit_code == 0
    assert "not a deliverable's file name" in result.stdout


def test_templates_are_built_reproducibly_and_the_committed_ones_are_current(
    tmp_path: Path,
) -> None:
    builder = _builder()
    first = builder.build(tmp_path / "a")  # type: ignore[attr-defined]
    second = builder.build(tmp_path / "b")  # type: ignore[attr-defined]
    assert len(first) == 14  # six deliverables and the invoice, in French and in English
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
        committed = packaged_dir() / one.relative_to(tmp_path / "a")
        assert one.read_bytes() == committed.read_bytes(), (
            f"{committed}: run scripts/build_templates.py"
        )


def test_every_tag_of_the_defaults_sits_in_a_single_run() -> None:
    import re
    import zipfile

    for path in [packaged_dir(lang) / f"{name}.docx" for name in NAMES for lang in ("fr", "en")]:
        name = str(path)
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode()
        for text in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml):
            for opener, closer in (("{{", "}}"), ("{%", "%}")):
                assert text.count(opener) == text.count(closer), (name, text)


@pytest.fixture(scope="module")
def contexts() -> dict[str, dict[str, object]]:
    results = Results(load(EXAMPLE), today=dt.date(2027, 3, 15))
    return {name: build_context(name, results) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_the_context_has_exactly_its_documented_shape(
    contexts: dict[str, dict[str, object]], name: str
) -> None:
    assert shape_problems(contexts[name], CONTEXTS[name]) == []


def test_the_external_context_has_no_personal_field(contexts: dict[str, dict[str, object]]) -> None:
    documented = paths(CONTEXTS["communication-externe"])
    assert not [
        p
        for p in documented
        if any(w in p for w in ("contact", "author", "email", "phone", "notes"))
    ]
    assert "communication-externe" in contexts


def test_contexts_are_plain_data(contexts: dict[str, dict[str, object]]) -> None:
    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert isinstance(value, str | bool | Picture), type(value)

    for context in contexts.values():
        walk(context)


def test_docs_document_every_context_path() -> None:
    from dialogue_cli.render.schema import COMMON

    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    sections = text.split("\n### ")
    common = next(s for s in sections if s.startswith("Common"))
    for path in paths(COMMON):
        assert f"`{path}`" in common, f"{path} missing from docs/templates.md"
    for name, schema in CONTEXTS.items():
        section = next(s for s in sections if s.startswith(f"`{name}.docx`"))
        own = {key: value for key, value in schema.items() if key not in COMMON}
        for path in paths(own):
            assert f"`{path}`" in section, f"{name}: {path} missing from docs/templates.md"
    assert text == _builder().context_docs(), "run: python scripts/build_templates.py --docs"  # type: ignore[attr-defined]


def test_tint_is_lighter_and_keeps_hue() -> None:
    assert tint("000000", 0.5) == "808080"  # round(127.5) = 128
    assert (
        tint("1F4E79") == "D7DFE7"
    )  # 31 + 224 x 0.82 = 214.7 -> D7; 78 + 177 x 0.82 -> DF; 121 + 134 x 0.82 -> E7


def test_check_warns_on_a_picture_without_text_and_a_skipped_heading(
    runner: CliRunner, tmp_path: Path
) -> None:
    from PIL import Image

    folder = tmp_path / "t"
    folder.mkdir()
    Image.new("RGB", (8, 8), "blue").save(folder / "logo.png")
    document = Document()
    document.add_paragraph("Le contexte", style="Heading 1")
    document.add_picture(str(folder / "logo.png"))  # python-docx leaves descr empty
    document.add_paragraph("Un détail", style="Heading 3")
    document.add_paragraph("{{ client.name }}")
    document.save(str(folder / "synthese-ateliers.docx"))
    result = runner.invoke(app, ["templates", "check", str(folder)])
    assert result.exit_code == 0, result.output  # warnings: the template still renders
    out = " ".join(result.stdout.split())
    assert "picture 'Picture 1' has no alternative text" in out
    assert "heading level 3 after a heading of level 1: « Un détail » skips a level" in out
    assert "0 error(s), 2 warning(s)" in out
