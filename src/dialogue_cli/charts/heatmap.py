"""The scenario x group heatmap of net scores, for the workshop report (diverging, centred on 0)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common.labels import group_names
from .style import HEATMAP_WIDTH_MM, INK, MUTED, inches, label, new_figure, save, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..analysis.scoring import ScoreReport

GROUPS = ("elus", "citoyens", "services")
_TEXT = {
    "fr": {
        "title": "Avis des trois groupes sur chaque scénario",
        "scale": "Score net (de −1, défavorable, à +1, favorable)",
        "none": "n.d.",
        "items": "{n} avis",
        "weak": "{n} avis, fragile",
        "caption": "En tête de ligne, le rang de l'option\u00a0; «\u00a0–\u00a0»\u00a0: scénario "
        "transversal, hors classement. Sous chaque score, les avis notés derrière lui (fragile\u00a0: "
        "moins de {min_items}). n.d.\u00a0: aucun retour classé pour ce groupe.",
    },
    "en": {
        "title": "How each group received each scenario",
        "scale": "Net score (from −1, against, to +1, in favour)",
        "none": "n/a",
        "items": "{n} views",
        "weak": "{n} views, weak",
        "caption": "Rows start with the option's rank; '–': a cross-cutting scenario, not ranked. "
        "Under each score, the scored views behind it (weak: fewer than {min_items}). "
        "n/a: no coded feedback from this group.",
    },
}


def _number(value: float, language: str) -> str:
    text = f"{value:+.2f}".replace("-", "−") if round(value, 2) != 0 else "0.00"
    return text.replace(".", ",") if language == "fr" else text


def draw_heatmap(
    report: ScoreReport, language: str = "fr", fmt: str = "png", dpi: int = 200
) -> bytes:
    """The matrix of group scores S(s, g), one row per scenario in rank order, as image bytes.

    Colours run from red (−1) through white (0) to blue (+1); each cell shows its value and,
    under it, the number of scored items behind it ("fragile" below grid.min_items); cells
    without scored feedback are grey with "n.d.".

    Args:
        report: The scores, from :func:`dialogue_cli.analysis.scoring.score`.
        language: ``fr`` (default) or ``en``, for every label.
        fmt: ``png``, ``svg`` or ``pdf``.
        dpi: Resolution of a PNG.

    Returns:
        The picture, identical bytes for identical input.
    """
    return save(heatmap_figure(report, language), fmt, dpi)


# Sizes on paper, in points (the figure is drawn at its printed width).
LABEL_PT = 9.0
COUNT_PT = 8.0
CAPTION_PT = 8.0
TITLE_PT = 11.0
LABELS_SHARE = 0.40  # of the width, for the row labels
LINE_EMS = 1.2


def heatmap_figure(report: ScoreReport, language: str = "fr") -> Figure:
    """The heatmap as a matplotlib figure, before saving (see :func:`draw_heatmap`).

    Row labels are wrapped on as many lines as they need (never cut); each row is tall enough
    for its label, and the figure for its rows and its caption.
    """
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    text = _TEXT["en" if language == "en" else "fr"]
    names = group_names(language)
    scenarios = report.scenarios
    values = np.array(
        [
            [np.nan if s.groups[g].shown is None else s.groups[g].shown for g in GROUPS]
            for s in scenarios
        ],
        dtype=float,
    ).reshape(len(scenarios), len(GROUPS))

    width = inches(HEATMAP_WIDTH_MM)
    label_width = (LABELS_SHARE - 0.04) * width * 72  # points, the ticks' pad left out
    row_labels = []
    for s in scenarios:
        rank = f"{s.rank}." if s.rank is not None else "–"
        row_labels.append(
            wrap(label(f"{rank} {s.id} · {s.title}", language), label_width, LABEL_PT)
        )
    lines = max((row.count("\n") + 1 for row in row_labels), default=1)
    row_h = max(0.5, (lines * LINE_EMS + 0.5) * LABEL_PT / 72)
    caption = wrap(
        label(text["caption"].format(min_items=report.min_items), language),
        0.96 * width * 72,
        CAPTION_PT,
    )
    caption_h = (caption.count("\n") + 1) * LINE_EMS * CAPTION_PT / 72 + 0.15
    top_h, bottom_h = 0.75, 0.1 + caption_h
    grid_h = row_h * max(len(scenarios), 1)
    height = top_h + grid_h + bottom_h
    fig = new_figure(width, height)
    ax = fig.add_axes((LABELS_SHARE, bottom_h / height, 0.42, grid_h / height))
    cmap = colormaps["RdBu"].with_extremes(bad="#E6E6E6")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=Normalize(-1, 1), aspect="auto")
    ax.set_xticks(
        range(len(GROUPS)), [label(names[g], language) for g in GROUPS], fontsize=LABEL_PT
    )
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(scenarios)), row_labels, fontsize=LABEL_PT)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([x - 0.5 for x in range(1, len(GROUPS))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(scenarios))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    for row, s in enumerate(scenarios):
        for col, g in enumerate(GROUPS):
            value = s.groups[g].shown
            if value is None:
                ax.text(
                    col, row, text["none"], ha="center", va="center", color=MUTED, fontsize=LABEL_PT
                )
            else:
                cell = s.groups[g]
                color = "white" if abs(value) >= 0.6 else INK
                ax.text(
                    col, row - 0.15, _number(value, language), ha="center", va="center",
                    color=color, fontsize=LABEL_PT,
                )  # fmt: skip
                count = text["weak" if s.weak(cell) else "items"].format(n=cell.count)
                ax.text(
                    col, row + 0.22, count, ha="center", va="center", color=color, fontsize=COUNT_PT
                )
    bar = fig.colorbar(image, ax=ax, fraction=0.08, pad=0.04, ticks=[-1, -0.5, 0, 0.5, 1])
    bar.ax.set_yticklabels([_number(t, language) for t in (-1, -0.5, 0, 0.5, 1)], fontsize=COUNT_PT)
    scale = wrap(text["scale"], (grid_h - 0.1) * 72, COUNT_PT)
    bar.set_label(scale, color=INK, fontsize=COUNT_PT)
    bar.outline.set_visible(False)
    fig.suptitle(label(text["title"], language), x=0.02, y=1 - 0.12 / height, ha="left",
                 va="top", fontsize=TITLE_PT, color=INK)  # fmt: skip
    fig.text(0.02, 0.08 / height, caption, ha="left", va="bottom", fontsize=CAPTION_PT, color=MUTED,
             linespacing=LINE_EMS)  # fmt: skip
    return fig
