"""The kit's templates: hostile text, another language, a consultant's own deck, a refused one."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from dialogue_cli.render.environment import TemplateProblem
from dialogue_cli.render.workshop.deck import check_deck_template, fill_deck, fit_size
from dialogue_cli.render.workshop.slides import Deck, Line, Slide
from dialogue_cli.render.writer import malformed_parts
from tests.conftest import EXAMPLE
from tests.render.test_workshop_kit import build, texts, title_of

# Every character XML escapes, emoji, and a word of 150 letters (a title holds 200 characters).
HOSTILE = 'Budget & <participatif> "citoyen" l\'été 🎉🌳 ' + "Anticonstitutionnellement" * 6


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    return folder


def _retitle(folder: Path, title: str) -> None:
    """The first scenario's title in single quotes (YAML doubles a quote inside them)."""
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = title.replace("'", "''")
    path.write_text(
        text.replace("    title: Budget participatif\n", f"    title: '{quoted}'\n", 1),
        encoding="utf-8",
    )


def _strictly_valid(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert list(malformed_parts(archive)) == [], path.name


def test_hostile_scenario_titles_give_valid_decks_and_sheets(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _retitle(folder, HOSTILE)
    kit = build(folder, "AT-ELUS", "creativite")
    for path in sorted(kit.rglob("*.pptx")) + sorted(kit.rglob("*.docx")):
        _strictly_valid(path)
    # The title as typeset: quotes and apostrophe made French, the emoji no font of the printed
    # kit draws named (an empty box says nothing), every other character kept.
    named = "[cotillons][arbre à feuilles caduques]"
    shown = (
        f"Budget & <participatif> «\u00a0citoyen\u00a0» l’été {named} "
        + "Anticonstitutionnellement" * 6
    )
    deck = Presentation(str(kit / "AT-ELUS" / "diaporama-AT-ELUS.pptx"))
    assert any(title_of(s) == shown for s in deck.slides)
    sheets = Document(str(kit / "AT-ELUS" / "fiches-saisie-AT-ELUS.docx"))
    assert any(shown in p.text for p in sheets.paragraphs)
    run = Document(str(kit / "AT-ELUS" / "deroule-AT-ELUS.docx"))
    assert any(shown in cell.text for t in run.tables for row in t.rows for cell in row.cells)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_converts_the_hostile_kit(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _retitle(folder, HOSTILE)
    kit = build(folder, "AT-ELUS", pdf=True)
    for name in ("diaporama", "fiches-saisie", "emargement", "deroule"):
        pdf = kit / "AT-ELUS" / f"{name}-AT-ELUS.pdf"
        assert pdf.stat().st_size > 1000, name
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        if name in ("diaporama", "fiches-saisie"):
            assert "Budget & <participatif>" in text, name
            assert "[cotillons]" in text and "🎉" not in text, name
        if name == "emargement":
            assert "Vos données personnelles" in text


# ---------------------------------------------------------------- another language


def test_an_english_engagement_gets_an_english_kit(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8"
    )
    kit = build(folder, "AT-ELUS", "creativity")
    names = sorted(p.name for p in (kit / "AT-ELUS").iterdir())
    assert names == [
        "attendance-AT-ELUS.docx", "capture-sheets-AT-ELUS.docx", "feedback-AT-ELUS.csv",
        "run-sheet-AT-ELUS.docx", "slides-AT-ELUS.pptx",
    ]  # fmt: skip
    deck = Presentation(str(kit / "AT-ELUS" / "slides-AT-ELUS.pptx"))
    titles = [title_of(s) for s in deck.slides]
    assert titles[:5] == [
        "Elected members’ workshop", "Agenda", "The rules of the game",
        "What happens to your contributions", "What seems positive to you? What do you dislike?",
    ]  # fmt: skip
    assert deck.core_properties.language == "en-GB"
    header = (kit / "AT-ELUS" / "feedback-AT-ELUS.csv").read_text(encoding="utf-8-sig")
    assert (
        header.splitlines()[0]
        == "id;workshop;scenario;polarity;intensity;criteria;theme;text;author"
    )
    attendance = Document(str(kit / "AT-ELUS" / "attendance-AT-ELUS.docx"))
    assert "Your personal data" in [p.text for p in attendance.paragraphs]
    assert (kit / "creativity" / "slides-creativity.pptx").is_file()


# ---------------------------------------------------------------- a consultant's own deck


def _deck() -> Deck:
    slides = (
        Slide("title", "Atelier", (Line("sous-titre"),), notes="n1"),
        Slide("comparison", "Règles", columns=(("Ouvert", (Line("a"),)), ("Fermé", (Line("b"),))), notes="n2"),
        Slide("scenario", "Scénario", (Line("description"),), notes="n3", plain=True),
        Slide("section", "Question", (Line("ligne"),), notes="n4"),
    )  # fmt: skip
    return Deck(slides, "pied", "t", "s", "a", "fr", "1F4E79")


def _bytes(prs: object) -> bytes:
    buffer = io.BytesIO()
    prs.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_a_plain_powerpoint_template_is_filled_with_its_own_layouts() -> None:
    """python-pptx's default template: 4:3, the standard layout names, a slide of its own."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Une diapositive du modèle"
    filled = Presentation(io.BytesIO(fill_deck(_bytes(prs), _deck(), "mine.pptx", False)))
    assert [title_of(s) for s in filled.slides] == ["Atelier", "Règles", "Scénario", "Question"]
    assert [s.slide_layout.name for s in filled.slides] == [
        "Title Slide", "Comparison", "Title and Content", "Section Header",
    ]  # fmt: skip
    assert "Ouvert" in texts(filled.slides[1]) and "b" in texts(filled.slides[1])
    assert [s.notes_slide.notes_text_frame.text for s in filled.slides] == ["n1", "n2", "n3", "n4"]


def test_a_template_with_only_a_title_and_text_layout_still_works() -> None:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Title and Content":
            prs.slide_layouts.remove(layout)
    data = _bytes(prs)
    filled = Presentation(io.BytesIO(fill_deck(data, _deck(), "mine.pptx", False)))
    assert len(filled.slides) == 4
    rules = texts(filled.slides[1])
    # The two columns one after the other, then the footer and the slide number.
    assert rules[:5] == ["Règles", "Ouvert", "a", "Fermé", "b"]
    levels = [level for level, _message in check_deck_template(data, "mine.pptx")]
    assert levels and set(levels) == {"warning"}


def test_a_template_without_a_text_layout_is_refused() -> None:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Blank":
            prs.slide_layouts.remove(layout)
    with pytest.raises(TemplateProblem, match="no slide layout with a title and a text"):
        fill_deck(_bytes(prs), _deck(), "mine.pptx", False)


def test_a_template_with_macros_or_external_links_is_refused() -> None:
    data = _bytes(Presentation())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("ppt/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(TemplateProblem, match="no macro, control or embedded object"):
        fill_deck(buffer.getvalue(), _deck(), "mine.pptx", False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/image" Target="http://example.org/x.png" TargetMode="External"/>'
                    b"</Relationships>",
                )
            target.writestr(info, blob)
    with pytest.raises(TemplateProblem, match="content from outside the file"):
        fill_deck(buffer.getvalue(), _deck(), "mine.pptx", False)


def test_the_deck_template_beside_the_engagement_is_used(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "templates").mkdir()
    prs = Presentation()  # a 4:3 deck with the standard layouts
    (folder / "templates" / "atelier-diaporama.pptx").write_bytes(_bytes(prs))
    kit = build(folder, "AT-ELUS")
    deck = Presentation(str(kit / "AT-ELUS" / "diaporama-AT-ELUS.pptx"))
    assert deck.slide_width == prs.slide_width  # the consultant's page, not the default's 16:9
    assert title_of(deck.slides[0]) == "Atelier des élus"


def test_text_sizes_are_chosen_to_fit_the_box() -> None:
    # A box of 6 × 2 inches: 432 × 144 points, 417.6 × 129.6 inside its margins.
    width, height = 6 * 914400, 2 * 914400
    # One short line fits at the largest size.
    assert fit_size([("Bonjour", 0, False)], width, height, 24, 12) == 24
    # 200 characters: at 24 pt, 31 per line, 7 lines of 28.8 pt: too high; at 16 pt, 46 per
    # line, 5 lines of 19.2 pt + 5.6 = 101.6 pt: fits (18 pt: 41 per line, 5 lines, 114.3 pt
    # fits too, and is larger).
    assert fit_size([("x" * 200, 0, False)], width, height, 24, 12) == 18
    # Far too much text: the smallest size.
    assert fit_size([("x" * 5000, 0, False)], width, height, 24, 12) == 12


# ---------------------------------------------------------------- the default templates


def _kit_builder() -> object:
    import importlib.util
    import sys

    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(
        "build_kit_templates", ROOT / "scripts" / "build_kit_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_kits_templates_are_built_reproducibly_and_the_committed_ones_are_current(
    tmp_path: Path,
) -> None:
    from dialogue_cli.render.templates import packaged_dir

    builder = _kit_builder()
    first = builder.build(tmp_path / "a")  # type: ignore[attr-defined]
    second = builder.build(tmp_path / "b")  # type: ignore[attr-defined]
    assert len(first) == 10  # the deck and four sheets, in French and in English
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
        committed = packaged_dir() / one.relative_to(tmp_path / "a")
        assert one.read_bytes() == committed.read_bytes(), (
            f"{committed}: run scripts/build_kit_templates.py"
        )


def test_the_kit_page_documents_the_contexts_as_they_are() -> None:
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "workshop.md").read_text(encoding="utf-8")
    assert page == _kit_builder().context_docs(page), (  # type: ignore[attr-defined]
        "run: python scripts/build_kit_templates.py --docs"
    )


def test_the_default_deck_is_16_9_in_the_deliverables_font() -> None:
    import re

    from dialogue_cli.render.templates import packaged_dir

    builder = _kit_builder()
    for language in ("fr", "en"):
        path = packaged_dir(language) / "atelier-diaporama.pptx"
        prs = Presentation(str(path))
        assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
        names = [layout.name for layout in prs.slide_layouts]
        assert {"Title Slide", "Title and Content", "Comparison", "Picture with Caption"} <= set(
            names
        )
        with zipfile.ZipFile(path) as archive:
            theme = archive.read("ppt/theme/theme1.xml").decode()
        font = builder.FONT  # type: ignore[attr-defined]
        assert re.findall(r'<a:latin typeface="([^"]*)"', theme)[:2] == [font, font]
        assert '<a:accent1><a:srgbClr val="1F4E79"/></a:accent1>' in theme
        assert check_deck_template(path.read_bytes(), path.name) == []
