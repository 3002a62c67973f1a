"""The shared look of every chart: Agg backend, DejaVu Sans, group colours, byte-stable output.

matplotlib is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

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
INK = "#2B2B2B"  # titles and labels
MUTED = "#6B6B6B"  # axes, captions
GRID = "#D9D9D9"

# Same input, same bytes: fixed SVG ids, text drawn as paths with the bundled font.
_RC: Mapping[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
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


def new_figure(width: float = 8.0, height: float = 6.0) -> Figure:
    """A blank figure in the house style (size in inches), drawn with Agg, no pyplot.

    The style is applied to matplotlib's global settings, so it holds for every artist the
    caller adds afterwards.
    """
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(cast(Any, _RC))
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


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
