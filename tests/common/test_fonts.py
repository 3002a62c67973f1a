"""The documents' font, its metrics and what no font can draw."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common.fonts import (
    FALLBACK,
    FAMILY,
    FONTS_DIR,
    Face,
    coverage,
    drawable,
    shipped_fonts,
    text_width,
)


def test_carlito_ships_with_its_licence() -> None:
    assert [path.name for path in shipped_fonts()] == [
        "Carlito-Regular.ttf",
        "Carlito-Bold.ttf",
        "Carlito-Italic.ttf",
        "Carlito-BoldItalic.ttf",
    ]
    assert all(path.stat().st_size > 100_000 for path in shipped_fonts())
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS_DIR / "OFL.txt").read_text()


def test_widths_come_from_the_fonts_metrics() -> None:
    # Carlito has 2048 units per em; "I" is 516 units wide in the regular face.
    assert text_width("I", 2048) == 516
    assert round(text_width("Influence", 9.5, FAMILY, Face(bold=True)), 2) == 36.71
    # DejaVu Sans, the fallback, is wider by about a third here.
    assert round(text_width("Influence", 9.5, FALLBACK, Face(bold=True)), 2) == 49.73
    assert text_width("", 12) == 0


def test_a_character_carlito_lacks_is_measured_in_the_fallback() -> None:
    check = "\u2713"
    assert ord(check) not in coverage(FAMILY) and ord(check) in coverage(FALLBACK)
    assert text_width(check, 10) == text_width(check, 10, FALLBACK) > 0


def test_what_no_font_draws_is_named_in_the_documents_language() -> None:
    covered = coverage(FAMILY) | coverage(FALLBACK)
    assert drawable("Collectif Vélo 🚲", covered, "fr") == "Collectif Vélo [vélo]"
    assert drawable("Collectif Vélo 🚲", covered, "en") == "Collectif Vélo [bicycle]"
    assert drawable("Parc 🌳 !", covered, "fr") == "Parc [arbre à feuilles caduques] !"
    assert drawable("Famille 👨‍👩‍👧", covered, "fr") == "Famille [famille homme femme et fille]"
    assert drawable("→ ✓ ★", covered, "fr") == "→ ✓ ★"  # DejaVu Sans draws these
    assert drawable("Ormessac", covered) == "Ormessac"


@given(st.text(max_size=40))
def test_drawable_leaves_only_drawable_characters(text: str) -> None:
    covered = coverage(FAMILY) | coverage(FALLBACK)
    out = drawable(text, covered, "fr")
    for char in out:
        kept = char.isspace() or unicodedata.category(char)[0] in "CM"  # controls, combining marks
        assert ord(char) in covered or kept or char in "[]"
