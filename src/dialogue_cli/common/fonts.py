"""The fonts of every document and chart, and how wide a text is in them.

The documents and the charts use **Carlito** (SIL Open Font License 1.1, metric-compatible with
Calibri), shipped in ``dialogue_cli/fonts`` with its licence: the OFL lets software bundle a font
unmodified, so the PDF converter and matplotlib find it on every machine. Where a program does
not get it (LibreOffice started by hand on a machine without Carlito), fontconfig's usual
replacement is **DejaVu Sans**, wider by about a sixth: :data:`FALLBACK`. Table columns are sized
for both (:func:`text_width` with each family), so that no word breaks with either.

DejaVu Sans is also the font of the glyphs Carlito lacks (arrows, symbols) in the charts;
matplotlib ships it. A character neither font has is named instead (:func:`drawable`).

The widths come from ``fonts/metrics.json`` (written by ``scripts/build_font_metrics.py``):
reading the fonts themselves at each render would cost half a second.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

FAMILY = "Carlito"
# What Word shows where Carlito is not installed: the font Carlito copies the metrics of.
ALTERNATE = "Calibri"
FALLBACK = "DejaVu Sans"
FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
# The Debian/Ubuntu package of each font a template may name, for the warning that names it.
PACKAGES: dict[str, str] = {
    "carlito": "fonts-crosextra-carlito",
    "caladea": "fonts-crosextra-caladea",
    "liberation sans": "fonts-liberation2",
    "liberation serif": "fonts-liberation2",
    "liberation mono": "fonts-liberation2",
    "dejavu sans": "fonts-dejavu-core",
    "dejavu serif": "fonts-dejavu-core",
    "noto sans": "fonts-noto-core",
    "open sans": "fonts-open-sans",
    "source sans 3": "fonts-adobe-sourcesans3",
    "lato": "fonts-lato",
}
# Microsoft fonts and their metric-compatible open twins: one stands for the other (fontconfig's
# 30-metric-aliases.conf), line breaks are the same.
METRIC_TWINS: dict[str, str] = {
    "calibri": "carlito",
    "cambria": "caladea",
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "times new roman": "liberation serif",
    "courier new": "liberation mono",
    "courier": "liberation mono",
}


class Face(NamedTuple):
    bold: bool = False
    italic: bool = False

    @property
    def key(self) -> str:
        return {(False, False): "regular", (True, False): "bold", (False, True): "italic",
                (True, True): "bold-italic"}[(self.bold, self.italic)]  # fmt: skip


FACES = (Face(False, False), Face(True, False), Face(False, True), Face(True, True))
_CARLITO = dict(zip(FACES, ("Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf",
                            "Carlito-BoldItalic.ttf"), strict=True))  # fmt: skip
_DEJAVU = dict(zip(FACES, ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                           "DejaVuSans-BoldOblique.ttf"), strict=True))  # fmt: skip


def shipped_fonts() -> list[Path]:
    """The font files shipped with dialogue (the four faces of Carlito)."""
    return [FONTS_DIR / name for name in _CARLITO.values()]


def font_file(family: str, face: Face = Face()) -> Path | None:
    """The file of ``family`` (Carlito or DejaVu Sans) in ``face``; None when it is not there."""
    if family == FAMILY:
        path = FONTS_DIR / _CARLITO[face]
    elif family == FALLBACK:
        path = _matplotlib_fonts() / _DEJAVU[face]
    else:
        return None
    return path if path.is_file() else None


def _matplotlib_fonts() -> Path:
    """matplotlib's bundled TrueType fonts (DejaVu), found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        return Path("/nonexistent")
    return Path(locations[0]) / "mpl-data" / "fonts" / "ttf"


class _Metrics(NamedTuple):
    units_per_em: int
    advances: dict[int, int]  # code point -> advance width in font units


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    """The advance widths of each face (``fonts/metrics.json``, by scripts/build_font_metrics.py)."""
    import json

    data: dict[str, Any] = json.loads((FONTS_DIR / "metrics.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def _metrics(family: str, face: Face) -> _Metrics:
    entry = _table()[f"{family}/{face.key}"]
    advances: dict[int, int] = {}
    for first, widths in entry["runs"]:
        advances.update(zip(range(first, first + len(widths)), widths, strict=True))
    return _Metrics(int(entry["units_per_em"]), advances)


def text_width(text: str, size_pt: float, family: str = FAMILY, face: Face = Face()) -> float:
    """The width of ``text`` set on one line in ``family`` at ``size_pt``, in points.

    ``family`` is :data:`FAMILY` or :data:`FALLBACK`. Kerning is left out (it changes a word by
    a few hundredths of its width). A character the font lacks is measured in the fallback
    font (what LibreOffice draws it with), else as one em.
    """
    metrics = _metrics(family, face)
    other = _metrics(FALLBACK, face)
    units = 0.0
    for char in text:
        code = ord(char)
        advance = metrics.advances.get(code)
        if advance is not None:
            units += advance
        elif unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            continue
        else:
            scale = metrics.units_per_em / other.units_per_em
            units += other.advances.get(code, other.units_per_em) * scale
    return units / metrics.units_per_em * size_pt


@lru_cache(maxsize=8)
def coverage(family: str, face: Face = Face()) -> frozenset[int]:
    """The code points ``family`` draws, up to U+2BFF (what the metrics table holds)."""
    return frozenset(_metrics(family, face).advances)


def drawable(text: str, covered: frozenset[int], language: str = "fr") -> str:
    """``text`` with every character outside ``covered`` replaced by its name in brackets.

    ``Vélo 🚲`` -> ``Vélo [vélo]`` when no font has the bicycle: a name reads, an empty box does
    not. Emoji are named in the document's language (CLDR names through the ``emoji`` package);
    another symbol by its Unicode name. Spaces, controls and combining marks are kept; a
    variation selector or a zero-width joiner left alone after a named character is dropped.
    """
    if all(ord(char) in covered for char in text):
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if ord(char) in covered or char.isspace() or unicodedata.category(char)[0] in "CM":
            if not (out and out[-1].endswith("]") and char in "\u200d\ufe0f\ufe0e"):
                out.append(char)
            index += 1
            continue
        sequence, name = _emoji_at(text, index, language)
        if name is None:
            sequence = char
            name = unicodedata.name(char, "").lower() or f"U+{ord(char):04X}"
        out.append(f"[{name}]")
        index += len(sequence)
    return "".join(out)


def _emoji_at(text: str, index: int, language: str) -> tuple[str, str | None]:
    """The emoji (possibly a sequence) starting at ``index`` and its name, or ("", None)."""
    import emoji

    if language != "en":
        emoji.config.load_language(language)
    data = emoji.EMOJI_DATA
    # The longest sequence that is an emoji (flags, skin tones, ZWJ families): at most 10 chars.
    for end in range(min(len(text), index + 10), index, -1):
        candidate = text[index:end]
        entry = data.get(candidate)
        if entry:
            name = entry.get(language) or entry.get("en") or ""
            return candidate, name.strip(":").replace("_", " ") or None
    return "", None
