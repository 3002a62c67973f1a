"""The shared look of every chart: Agg backend, the documents' font, group colours, stable bytes.

Charts are drawn at the size they are printed (:data:`MAP_WIDTH_MM`...), so that a size in
points is the size on paper: no text is smaller than :data:`MIN_TEXT_PT`. They use the
documents' font, Carlito (shipped with dialogue), with DejaVu Sans (shipped with matplotlib)
for the glyphs Carlito lacks; a character neither has is written as its name
(:func:`label`). matplotlib is imported inside the functions, so importing this module stays
cheap.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from ..common.fonts import FALLBACK, FAMILY, coverage, drawable, shipped_fonts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# One colour per group (Tableau 10, readable by most colour-blind readers), grey when none.
GROUP_COLORS: Mapping[str, str] = {
    "elus": "#4E79A7",
    "citoyens": "#F28E2B",
    "services": "#59A14F",
    "partenaires": "#B07AA1",
    "none": "#8C8C8C",
}
# The width each chart is printed at in the documents (the text width of an A4 page with 2 cm
# margins is 170 mm): the figure is drawn at that width, so its sizes are printed sizes.
MAP_WIDTH_MM = 170
HEATMAP_WIDTH_MM = 160
GANTT_WIDTH_MM = 170
MIN_TEXT_PT = 8.0  # the smallest text on paper (deliverables.md section 5)
INK = "#2B2B2B"  # titles and labels
MUTED = "#6B6B6B"  # axes, captions
GRID = "#D9D9D9"

# Same input, same bytes: fixed SVG ids, text drawn as paths with the shipped fonts. A glyph
# Carlito lacks is taken from DejaVu Sans (matplotlib's font fallback along font.family).
_RC: Mapping[str, Any] = {
    "font.family": [FAMILY, FALLBACK],
    "font.size": 9,
    "svg.hashsalt": "dialogue",
    "svg.fonttype": "path",
    "text.color": INK,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}

# Metadata that would change between runs or versions is left out.
_METADATA: Mapping[str, Mapping[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def group_color(group: str | None) -> str:
    """The colour of a group id, grey for no group or an unknown one."""
    return GROUP_COLORS.get(group or "none", GROUP_COLORS["none"])


def inches(mm: float) -> float:
    return mm / 25.4


def new_figure(width: float = 8.0, height: float = 6.0) -> Figure:
    """A blank figure in the house style (size in inches), drawn with Agg, no pyplot.

    The style is applied to matplotlib's global settings, so it holds for every artist the
    caller adds afterwards; the shipped fonts are registered on first use.
    """
    import matplotlib

    matplotlib.use("Agg")
    _register_fonts()
    matplotlib.rcParams.update(cast(Any, _RC))
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    from matplotlib import font_manager

    for path in shipped_fonts():
        font_manager.fontManager.addfont(str(path))


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """The characters the charts' fonts draw (Carlito, then DejaVu Sans), every face alike."""
    return coverage(FAMILY) | coverage(FALLBACK)


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> str:
    """``text`` broken into lines at most ``width_pt`` wide at ``size_pt`` (Carlito), never cut.

    A word longer than a line stays whole on a line of its own (the caller sizes for it).
    """
    from ..common.fonts import Face, text_width

    face = Face(bold=bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size_pt, FAMILY, face) > width_pt:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return "\n".join(lines)


def label(text: str, language: str = "fr") -> str:
    """Text for a chart: typography of the documents (’, « », spaces), symbols it cannot draw named.

    ``Collectif Vélo 🚲`` -> ``Collectif Vélo [vélo]``: no font of the chart has the emoji, and
    an empty box would say nothing.
    """
    from ..common.formatting import typography

    return drawable(typography(text, language), _covered(), language)


def save(fig: Figure, fmt: str = "png", dpi: int = 200) -> bytes:
    """The figure as ``png``, ``svg`` or ``pdf`` bytes, identical for identical figures.

    Args:
        fig: A figure made by :func:`new_figure`.
        fmt: ``png``, ``svg`` or ``pdf``.
        dpi: Resolution of the raster output.

    Raises:
        ValueError: for another format.
    """
    if fmt not in _METADATA:
        raise ValueError(f"unsupported chart format {fmt!r}; use png, svg or pdf")
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(cast(Any, dict(_RC))):
        # zlib level 3 instead of 6: about 15 % faster for a few % more bytes (performance.md §4b).
        extra: dict[str, Any] = {"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=dict(_METADATA[fmt]), **extra)
    return buffer.getvalue()
