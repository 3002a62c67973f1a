"""Hostile text and hostile templates: the document stays valid, a bad template fails cleanly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render.catalog import BY_NAME
from dialogue_cli.render.documents import render_one
from dialogue_cli.render.environment import TemplateProblem, clean_text
from dialogue_cli.render.templates import Source
from tests.render.test_render import docx_text

HOSTILE = "Dupont & Fils <SARL> \"guillemets\" 'apostrophe' 🎉 ligne1\x0bligne2\x01\x00 fin\r\nsuite \ufffe"


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the chart cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def strictly_valid(path: Path) -> None:
    parser = etree.XMLParser(recover=False)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name), parser)
    Document(str(path))


def test_clean_text_keeps_what_is_readable_and_drops_what_xml_forbids() -> None:
    assert clean_text("a\x0bb") == "a\nb"
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("x\x00\x01\x1f\ud800\udfff\ufffe\uffffy") == "xy"
    assert clean_text("tab\tok 🎉 <&>") == "tab\tok 🎉 <&>"


def test_hostile_characters_in_the_engagement_give_valid_readable_documents(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    escaped = "Dupont & Fils <SARL> \\\"guillemets\\\" 'apostrophe' 🎉 ligne1\\x0bligne2\\x01\\x00 fin\\r\\nsuite \\uFFFE"
    text = text.replace("  name: Ville d'Ormessac", f'  name: "Ville {escaped}"', 1)
    text = text.replace(
        "- id: SOL1\n      title: Un budget participatif à pas mesurés",
        f'- id: SOL1\n      title: "Budget {escaped}"',
        1,
    )
    path.write_text(text, encoding="utf-8")
    csv = example / "feedback" / "citoyens.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8")
        + 'CI-99;BP;-;3;test;RETOUR;"Verbatim & <b>gras</b> \x0b \x07 🎉 ""cité""";X\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 0, result.output
    for docx in (example / "livrables").glob("*.docx"):
        strictly_valid(docx)
        content = docx_text(docx)
        assert "Dupont & Fils <SARL>" in content, docx.name
        assert "🎉" in content
        assert "\x00" not in content and "\x01" not in content and "\ufffe" not in content
    external = docx_text(example / "livrables" / "communication-externe.docx")
    # Typography, nothing lost: guillemets for the quotes, the apostrophes of a typesetter.
    assert "«\u00a0guillemets\u00a0»" in external and "\u2018apostrophe\u2019" in external
    report = docx_text(example / "livrables" / "synthese-ateliers.docx")
    assert "Verbatim & <b>gras</b>" in report and "«\u00a0cité\u00a0»" in report
    # The vertical tab became a line break inside the paragraph, not lost.
    assert "ligne1\nligne2" in docx_text(example / "livrables" / "devis.docx")


def _template(tmp_path: Path, body: str, name: str = "devis") -> Source:
    document = Document()
    document.add_paragraph(body)
    path = tmp_path / f"{name}.docx"
    document.save(str(path))
    return Source(BY_NAME[name], path, default=False)


CONTEXT = {
    "doc": {"language": "fr", "title": "T", "subject": "S", "reference": ""},
    "client": {"name": "Client"},
    "brand": {"name": "B", "color": "1F4E79", "logo": ""},
}


def test_every_hostile_character_survives_a_direct_render(tmp_path: Path) -> None:
    context = {**CONTEXT, "client": {"name": HOSTILE + " \ud800 seul"}}
    tpl = render_one(_template(tmp_path, "Client : {{ client.name }}"), context)
    out = tmp_path / "out.docx"
    tpl.save(str(out))
    strictly_valid(out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    # The text as it was (a template's own context is not typeset), but for its apostrophes.
    assert (
        'Dupont & Fils <SARL> "guillemets" \u2018apostrophe\u2019 🎉 ligne1\nligne2 fin\nsuite   seul'
        in text
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ client.name.__class__.__mro__ }}", "forbidden"),
        ("{{ client.__class__.__mro__ }}", "client.__class__"),
        ("{{ x.__class__.__mro__ }}", "undefined variable: x"),
        ("{% for i in range(10**9) %}x{% endfor %}", "too much"),
        ("{{ 'x' * 10**9 }}", "too much"),
        ("{{ cycler.__init__.__globals__.os }}", "forbidden"),
        ("{% if %}", "syntax error"),
        (
            "{{ clent.name }} {{ brand.nmae }}",
            "clent (did you mean 'client'?), brand.nmae (did you mean 'brand.name'?)",
        ),
    ],
)
def test_malicious_or_broken_templates_fail_cleanly(
    tmp_path: Path, body: str, expected: str
) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_one(_template(tmp_path, body), dict(CONTEXT))
    assert expected in str(caught.value)
    assert "devis.docx" in str(caught.value)


def test_a_malicious_template_exits_1_without_traceback(runner: CliRunner, example: Path) -> None:
    folder = example / "templates"
    folder.mkdir()
    document = Document()
    document.add_paragraph("{{ client.name.__class__.__mro__ }}")
    document.save(str(folder / "devis.docx"))
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 1
    assert "forbidden in a template" in result.stderr
    assert "Traceback" not in result.output
    assert not (example / "livrables" / "devis.docx").exists()


def test_a_syntax_error_shows_the_surrounding_text(runner: CliRunner, example: Path) -> None:
    folder = example / "templates"
    folder.mkdir()
    document = Document()
    for line in (
        "Premier paragraphe",
        "Deuxième paragraphe",
        "{% if quote.total_ht %}jamais fermé",
        "Quatrième",
    ):
        document.add_paragraph(line)
    document.save(str(folder / "devis.docx"))
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 1
    assert "syntax error" in result.stderr
    assert "| Deuxième paragraphe" in result.stderr
