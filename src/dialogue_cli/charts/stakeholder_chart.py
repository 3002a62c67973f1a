"""The stakeholder map as a picture: the power/interest grid, its four quadrants, one point per actor.

Actors sharing a cell (same influence, same interest) are stacked inside the cell by
:func:`layout`, a pure function: same map, same positions, no overlapping labels. Names are used
while every one fits whole (the page grows from 7 to 10 inches tall for that, see :func:`fit`);
a crowded map (from about 30-40 actors) falls back to ids, in columns. The figure is drawn at
its printed width (:data:`~.style.MAP_WIDTH_MM`): every text is at least 8 pt on paper, names
are wrapped, never cut.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..analysis.stakeholder_map import (
    QUADRANTS,
    RECOMMENDED_LEVEL,
    MappedStakeholder,
    Quadrant,
    StakeholderMap,
    level_label,
    quadrant_label,
)
from ..common.labels import group_names
from . import style

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Page geometry, in inches, at the printed size (16 cm wide in the specification).
FIG_W, FIG_H = style.inches(style.MAP_WIDTH_MM), 6.4
# A crowded map grows taller (up to 9.4 in, one A4 page with its caption) before names give way.
HEIGHTS = (6.4, 7.2, 8.0, 8.8, 9.4)
AX_LEFT, AX_RIGHT = 0.075, 0.985  # of the width
MARGIN_TOP, MARGIN_BOTTOM = 0.8, 0.875  # inches: title above, axis labels and legend below
BAND = 0.42  # height, in score units, of the band holding a quadrant's name above/below the grid
PAD_X, PAD_Y = 0.045, 0.04  # inner margin of a cell, inches
NAME_SIZES = (8.5, 8.0)  # points on paper: never below style.MIN_TEXT_PT
MAX_LINES = 5  # of a name
GAP = 0.28  # between two names in a cell, in ems
COL_GAP = 0.08  # between two columns of ids, inches
ID_SIZES = (8.0,)
LINE = 1.25  # line height, in ems (text is drawn with linespacing 1.15)
BOLD = 1.1  # bold text is about 10 % wider

CRITICAL = "#B3261E"  # ring around the point of an actor opposed to the project

QUADRANT_COLORS: dict[Quadrant, tuple[str, str]] = {  # (background, text)
    "manage_closely": ("#FBEDE6", "#9C3D10"),
    "keep_satisfied": ("#FDF5E1", "#7A5A00"),
    "keep_informed": ("#EAF2FA", "#1F4E79"),
    "monitor": ("#F3F3F3", "#555555"),
}

_TEXT = {
    "fr": {
        "subtitle": "Cartographie des parties prenantes",
        "x": "Intérêt pour le projet (1 faible → 5 fort)",
        "y": "Influence sur la décision (1 faible → 5 forte)",
        "threshold": "seuil : {t}",
        "level": "niveau : {level}",
        "ids": "étiquettes : identifiants des acteurs (voir le registre)",
        "empty": "Aucune partie prenante cartographiée",
        "more": "+{n}",
        "critical": "Voix critique (position < 0)",
    },
    "en": {
        "subtitle": "Stakeholder map",
        "x": "Interest in the project (1 low → 5 high)",
        "y": "Influence on the decision (1 low → 5 high)",
        "threshold": "threshold: {t}",
        "level": "level: {level}",
        "ids": "labels: stakeholder ids (see the register)",
        "empty": "No stakeholder mapped",
        "more": "+{n}",
        "critical": "Critical voice (position < 0)",
    },
}


@dataclass(frozen=True)
class PlacedLabel:
    """Where one actor is drawn: marker centre and label anchor (top left), in score units."""

    item: MappedStakeholder
    x: float
    y: float
    text_x: float
    text_y: float
    text: str


@dataclass(frozen=True)
class Overflow:
    """A "+n" note for actors that did not fit in a crowded cell."""

    x: float
    y: float
    count: int


@dataclass(frozen=True)
class Layout:
    """Every label of the map, the font size and whether labels are names or ids."""

    mode: Literal["names", "ids"]
    font_size: float
    labels: tuple[PlacedLabel, ...]
    overflow: tuple[Overflow, ...]


def text_width(text: str) -> float:
    """The width of one line of text, in ems of the charts' font (Carlito, its metrics)."""
    from ..common.fonts import text_width as measured

    return measured(text, 1.0) * 1.02  # kerning and rounding left out: a little more


def _words(text: str) -> list[str]:
    """The words of ``text``, French quotes and high punctuation kept with their neighbour."""
    words: list[str] = []
    glue_next = False
    for word in text.split():
        if glue_next or (words and word in ("»", ":", ";", "!", "?")):
            words[-1] += "\u00a0" + word
        else:
            words.append(word)
        glue_next = word in ("«", "n°", "N°", "M.", "Mme")
    return words


def _wrap(text: str, width: float, max_lines: int) -> list[str]:
    """Wrap ``text`` to lines at most ``width`` ems wide; shorten the last line with "…"."""
    lines: list[str] = []
    current = ""
    for word in _words(text):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
        while text_width(current) > width and len(current) > 1:  # a word longer than a line
            cut = len(current) - 1
            while cut > 1 and text_width(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…") > width:
            last = last[:-1]
        return [*lines[: max_lines - 1], last.rstrip(" ,;:") + "…"]
    return lines


def _short_id(value: str) -> str:
    """An id as it is shown: whole (a cut id would name no one)."""
    return value


def _cells(smap: StakeholderMap) -> dict[tuple[int, int], list[MappedStakeholder]]:
    cells: defaultdict[tuple[int, int], list[MappedStakeholder]] = defaultdict(list)
    for item in smap.stakeholders:
        cells[(item.interest, item.influence)].append(item)
    return dict(sorted(cells.items()))


def _names_in_cell(
    items: Sequence[MappedStakeholder],
    size: float,
    cell_w: float,
    cell_h: float,
    language: str = "fr",
) -> tuple[list[list[str]], int] | None:
    """Wrapped names for one cell and how many were shortened; None if they cannot fit.

    Every name gets one line, then names are given back their full length (up to three
    lines), in order, while the cell has room.
    """
    em = size / 72
    avail_w = cell_w - 2 * PAD_X - 1.2 * em
    avail_h = cell_h - 2 * PAD_Y + (LINE - 1) * em  # the last line needs no leading
    width = avail_w / em
    names = [style.label(item.name, language) for item in items]
    full = [_wrap(name, width, MAX_LINES) for name in names]
    wrapped = [_wrap(name, width, 1) for name in names]
    gaps = (len(items) - 1) * GAP * em

    def height(blocks: list[list[str]]) -> float:
        return sum(len(block) for block in blocks) * LINE * em + gaps

    if height(wrapped) > avail_h:
        return None
    for index, block in enumerate(full):
        trial = [*wrapped[:index], block, *wrapped[index + 1 :]]
        if height(trial) <= avail_h:
            wrapped = trial
    shortened = sum(1 for block, whole in zip(wrapped, full, strict=True) if block != whole)
    return wrapped, shortened


def _ids_grid(longest: float, size: float, cell_w: float, cell_h: float) -> tuple[int, int]:
    """(columns, rows) available in a cell for ids at most ``longest`` ems wide."""
    em = size / 72
    item_w = 1.2 * em + longest * em + COL_GAP
    cols = max(1, int((cell_w - 2 * PAD_X) / item_w))
    rows = max(1, int((cell_h - 2 * PAD_Y) / (LINE * em)))
    return cols, rows


def layout(smap: StakeholderMap, cell_w: float, cell_h: float, language: str = "fr") -> Layout:
    """Place every actor inside its cell so that no two labels overlap.

    Args:
        smap: The stakeholder map.
        cell_w: Width of one score cell on the page, in inches.
        cell_h: Height of one score cell on the page, in inches.

    Returns:
        Names (wrapped on up to three lines) at the largest size where every name fits whole;
        otherwise ids in a grid per cell, with a "+n" note if a cell still overflows.
    """
    cells = _cells(smap)
    # Names at the largest size where every one fits whole (up to three lines); a name cut to
    # make room would no longer tell two actors apart, so ids are clearer then.
    for size in NAME_SIZES:
        fitted = {
            key: _names_in_cell(items, size, cell_w, cell_h, language)
            for key, items in cells.items()
        }
        blocks = {key: value[0] for key, value in fitted.items() if value and not value[1]}
        if len(blocks) == len(cells):
            return _place_names(cells, blocks, size, cell_w, cell_h)
    longest = max((text_width(_short_id(item.id)) for item in smap.stakeholders), default=1.0)
    chosen = ID_SIZES[-1]
    for size in ID_SIZES:
        cols, rows = _ids_grid(longest, size, cell_w, cell_h)
        if all(len(items) <= cols * rows for items in cells.values()):
            chosen = size
            break
    return _place_ids(cells, chosen, longest, cell_w, cell_h)


def _place_names(
    cells: dict[tuple[int, int], list[MappedStakeholder]],
    wrapped: dict[tuple[int, int], list[list[str]]],
    size: float,
    cell_w: float,
    cell_h: float,
) -> Layout:
    em = size / 72
    placed: list[PlacedLabel] = []
    for (cx, cy), items in cells.items():
        lines = wrapped[(cx, cy)]
        widest = max(text_width(line) for block in lines for line in block) * em
        block_w = 1.4 * em + widest
        left = max(-cell_w / 2 + PAD_X, -block_w / 2)  # inches from the cell centre
        height = sum(len(block) for block in lines) * LINE * em + (len(items) - 1) * GAP * em
        top = height / 2
        for item, block in zip(items, lines, strict=True):
            marker_y = top - LINE * em / 2
            placed.append(
                PlacedLabel(
                    item=item,
                    x=cx + (left + 0.45 * em) / cell_w,
                    y=cy + marker_y / cell_h,
                    text_x=cx + (left + 1.2 * em) / cell_w,
                    text_y=cy + top / cell_h,
                    text="\n".join(block),
                )
            )
            top -= len(block) * LINE * em + GAP * em
    return Layout("names", size, tuple(placed), ())


def _place_ids(
    cells: dict[tuple[int, int], list[MappedStakeholder]],
    size: float,
    longest: float,
    cell_w: float,
    cell_h: float,
) -> Layout:
    em = size / 72
    placed: list[PlacedLabel] = []
    overflow: list[Overflow] = []
    for (cx, cy), items in cells.items():
        cols, rows = _ids_grid(longest, size, cell_w, cell_h)
        shown: list[MappedStakeholder] = list(items)
        hidden = 0
        if len(items) > cols * rows:
            shown, hidden = list(items[: cols * rows - 1]), len(items) - (cols * rows - 1)
        slots = len(shown) + (1 if hidden else 0)
        used_cols = min(cols, max(1, math.ceil(slots / rows)))
        used_rows = math.ceil(slots / used_cols)
        widest = max((text_width(_short_id(item.id)) for item in shown), default=0.0) * em
        col_w = min((cell_w - 2 * PAD_X) / used_cols, 1.2 * em + widest + COL_GAP)
        left = -used_cols * col_w / 2
        top = used_rows * LINE * em / 2
        for index in range(slots):
            col, row = index // used_rows, index % used_rows
            x0 = left + col * col_w
            y0 = top - row * LINE * em
            if index < len(shown):
                item = shown[index]
                placed.append(
                    PlacedLabel(
                        item=item,
                        x=cx + (x0 + 0.45 * em) / cell_w,
                        y=cy + (y0 - LINE * em / 2) / cell_h,
                        text_x=cx + (x0 + 1.2 * em) / cell_w,
                        text_y=cy + y0 / cell_h,
                        text=_short_id(item.id),
                    )
                )
            else:
                overflow.append(Overflow(cx + (x0 + 0.45 * em) / cell_w, cy + y0 / cell_h, hidden))
    return Layout("ids", size, tuple(placed), tuple(overflow))


def _y_range(threshold: int) -> tuple[float, float]:
    """The vertical extent of the grid: five rows, a band above and one below (if any)."""
    return (0.5 - BAND if threshold > 1 else 0.5), 5.5 + BAND


def cell_size(threshold: int = 3, height: float = FIG_H) -> tuple[float, float]:
    """Width and height of one score cell on a page ``height`` inches tall, in inches."""
    y_low, y_high = _y_range(threshold)
    return (
        (AX_RIGHT - AX_LEFT) * FIG_W / 5.0,
        (height - MARGIN_TOP - MARGIN_BOTTOM) / (y_high - y_low),
    )


def fit(smap: StakeholderMap, language: str = "fr") -> tuple[float, Layout]:
    """The page height and the layout: names on the shortest page where they fit, else ids."""
    layouts = [
        (height, layout(smap, *cell_size(smap.threshold, height), language)) for height in HEIGHTS
    ]
    for height, placed in layouts:
        if placed.mode == "names":
            return height, placed
    for height, placed in layouts:
        if not placed.overflow:
            return height, placed
    return layouts[-1]


def _draw_quadrants(ax: Axes, threshold: int, language: str, y_low: float, y_high: float) -> None:
    from matplotlib.patches import Rectangle

    split = threshold - 0.5
    text = _TEXT["en" if language == "en" else "fr"]
    regions: dict[Quadrant, tuple[float, float, float, float]] = {  # x0, x1, y0, y1
        "keep_satisfied": (0.5, split, split, y_high),
        "manage_closely": (split, 5.5, split, y_high),
        "monitor": (0.5, split, y_low, split),
        "keep_informed": (split, 5.5, y_low, split),
    }
    x_scale = (AX_RIGHT - AX_LEFT) * FIG_W / 5.0  # inches per score unit
    for name in QUADRANTS:
        x0, x1, y0, y1 = regions[name]
        if x1 <= x0 or y1 <= y0:
            continue
        back, ink = QUADRANT_COLORS[name]
        ax.add_patch(
            Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=back, edgecolor="none", zorder=0)
        )
        top = name in ("keep_satisfied", "manage_closely")
        label_y = (5.5 + y_high) / 2 if top else (y_low + 0.5) / 2
        if not top and split <= 0.5:
            continue
        # One line, shrunk if the quadrant is narrow (a threshold of 5); two lines as a last resort.
        label = quadrant_label(name, language)
        avail = ((x1 - x0) * x_scale - 0.12) * 72  # points
        size = min(8.5, avail / (BOLD * text_width(label)))
        title = label
        if size < style.MIN_TEXT_PT:
            size = style.MIN_TEXT_PT
            title = "\n".join(_wrap(label, avail / (BOLD * size), 3))
            label_y -= 0.06 * (title.count("\n"))
        level = text["level"].format(level=level_label(RECOMMENDED_LEVEL[name], language))
        ax.text(
            (x0 + x1) / 2,
            label_y,
            title,
            ha="center",
            va="bottom",
            fontsize=size,
            fontweight="bold",
            color=ink,
            linespacing=1.1,
            zorder=3,
        )
        ax.text(
            (x0 + x1) / 2,
            label_y - 0.02,
            level,
            ha="center",
            va="top",
            fontsize=style.MIN_TEXT_PT,
            color=ink,
            style="italic",
            zorder=3,
        )


def draw_map(
    smap: StakeholderMap, title: str, language: str = "fr", fmt: str = "png", dpi: int = 200
) -> bytes:
    """Draw the power/interest map and return the picture's bytes.

    Args:
        smap: The map from :func:`dialogue_cli.analysis.stakeholder_map.build_map`.
        title: The engagement title, printed at the top.
        language: ``fr`` or ``en``: quadrant names, axes, legend.
        fmt: ``png``, ``svg`` or ``pdf``.
        dpi: Resolution of a PNG.

    Returns:
        The picture; the same map gives the same bytes.
    """
    return style.save(map_figure(smap, title, language), fmt, dpi)


def map_figure(smap: StakeholderMap, title: str, language: str = "fr") -> Figure:
    """The map as a matplotlib figure, before saving (see :func:`draw_map`).

    Each label carries the gid ``stakeholder-<id>``, which an SVG keeps as its element id.
    """
    from matplotlib.lines import Line2D

    text = _TEXT["en" if language == "en" else "fr"]
    names = group_names(language)
    threshold = smap.threshold
    y_low, y_high = _y_range(threshold)

    height, placed = fit(smap, language)
    fig = style.new_figure(FIG_W, height)
    bottom, top = MARGIN_BOTTOM / height, 1 - MARGIN_TOP / height
    ax = fig.add_axes((AX_LEFT, bottom, AX_RIGHT - AX_LEFT, top - bottom))
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(y_low, y_high)

    _draw_quadrants(ax, threshold, language, y_low, y_high)
    for value in (1.5, 2.5, 3.5, 4.5):
        ax.axvline(value, ymin=0, ymax=1, color="white", linewidth=1.2, zorder=1)
    for value in (1.5, 2.5, 3.5, 4.5, 5.5) + ((0.5,) if threshold > 1 else ()):
        ax.axhline(value, color="white", linewidth=1.2, zorder=1)
    if threshold > 1:
        ax.axvline(threshold - 0.5, color=style.MUTED, linewidth=1.4, zorder=2)
        ax.axhline(threshold - 0.5, color=style.MUTED, linewidth=1.4, zorder=2)

    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.tick_params(length=0, labelsize=8.5, pad=4)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(text["x"], fontsize=9, labelpad=6)
    ax.set_ylabel(text["y"], fontsize=9, labelpad=6)

    if placed.labels:  # one collection for every point: 200 scatter calls would cost 0.3 s
        critical = [label.item.position < 0 for label in placed.labels]
        ax.scatter(
            [label.x for label in placed.labels],
            [label.y for label in placed.labels],
            s=(placed.font_size * 0.95) ** 2,
            c=[style.group_color(label.item.group) for label in placed.labels],
            edgecolors=[CRITICAL if flag else "white" for flag in critical],
            linewidths=[1.3 if flag else 0.5 for flag in critical],
            zorder=4,
        ).set_gid("stakeholder-points")
    for label in placed.labels:
        ax.text(
            label.text_x,
            label.text_y,
            label.text,
            ha="left",
            va="top",
            fontsize=placed.font_size,
            color=style.INK,
            linespacing=1.15,
            zorder=5,
            gid=f"stakeholder-{label.item.id}",
        )
    for note in placed.overflow:
        ax.text(
            note.x,
            note.y,
            text["more"].format(n=note.count),
            ha="left",
            va="top",
            fontsize=placed.font_size,
            color=style.MUTED,
            fontweight="bold",
            zorder=5,
        )
    if not smap.stakeholders:
        ax.text(
            3,
            3,
            text["empty"],
            ha="center",
            va="center",
            fontsize=11,
            color=style.MUTED,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 6},
            zorder=6,
        )

    heading = style.wrap(style.label(title, language), 0.96 * FIG_W * 72, 12, bold=True)
    fig.text(
        0.02, 1 - 0.245 / height, heading, ha="left", va="center", fontsize=12, fontweight="bold"
    )
    subtitle = f"{text['subtitle']} · {text['threshold'].format(t=threshold)}"
    if placed.mode == "ids":
        subtitle += f" · {text['ids']}"
    fig.text(
        0.02, 1 - 0.525 / height, subtitle, ha="left", va="center", fontsize=8.5, color=style.MUTED
    )

    present = [g for g in (*style.GROUP_COLORS,) if g != "none" and smap.groups.get(g)]
    if any(item.group is None for item in smap.stakeholders):
        present.append("none")
    counts = {**smap.groups, "none": sum(1 for i in smap.stakeholders if i.group is None)}
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=7,
            markerfacecolor=style.group_color(group),
            markeredgecolor="white",
            label=f"{style.label(names[group], language)} ({counts[group]})",
        )
        for group in present
    ]
    if any(item.position < 0 for item in smap.stakeholders):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=7,
                markerfacecolor="white",
                markeredgecolor=CRITICAL,
                markeredgewidth=1.3,
                label=text["critical"],
            )
        )
    if handles:
        fig.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(AX_LEFT, 0.035 / height),
            ncol=len(handles),
            frameon=False,
            fontsize=8,
            handletextpad=0.3,
            columnspacing=1.0,
        )
    return fig
