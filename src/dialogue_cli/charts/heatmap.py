"""The scenario x group heatmap of net scores, for the workshop report (diverging, centred on 0)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common.labels import group_names
from .style import INK, MUTED, new_figure, save

if TYPE_CHECKING:
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

    height = 1.6 + 0.55 * max(len(scenarios), 1)
    fig = new_figure(8.0, height)
    ax = fig.add_axes((0.40, 0.16, 0.42, 0.70))
    cmap = colormaps["RdBu"].with_extremes(bad="#E6E6E6")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=Normalize(-1, 1), aspect="auto")
    ax.set_xticks(range(len(GROUPS)), [names[g] for g in GROUPS])
    ax.xaxis.tick_top()
    row_labels = []
    for s in scenarios:
        title = s.title if len(s.title) <= 30 else s.title[:29] + "…"
        rank = f"{s.rank}." if s.rank is not None else "–"
        row_labels.append(f"{rank} {s.id} · {title}")
    ax.set_yticks(range(len(scenarios)), row_labels)
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
                ax.text(col, row, text["none"], ha="center", va="center", color=MUTED)
            else:
                cell = s.groups[g]
                color = "white" if abs(value) >= 0.6 else INK
                ax.text(
                    col, row - 0.13, _number(value, language), ha="center", va="center", color=color
                )
                count = text["weak" if s.weak(cell) else "items"].format(n=cell.count)
                ax.text(col, row + 0.24, count, ha="center", va="center", color=color, fontsize=7.5)
    bar = fig.colorbar(image, ax=ax, fraction=0.08, pad=0.04, ticks=[-1, -0.5, 0, 0.5, 1])
    bar.ax.set_yticklabels([_number(t, language) for t in (-1, -0.5, 0, 0.5, 1)])
    bar.set_label(text["scale"], color=INK)
    bar.outline.set_visible(False)
    fig.suptitle(text["title"], x=0.02, ha="left", fontsize=11, color=INK)
    caption = text["caption"].format(min_items=report.min_items)
    fig.text(0.02, 0.03, caption, ha="left", fontsize=7, color=MUTED, wrap=True)
    return save(fig, fmt, dpi)
