"""The Gantt chart of a plan: one bar per phase, the workshops and the creativity session on it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import style

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..planning.plan import Plan, PlannedPhase

BAR = "#1F4E79"  # done and running phases
BAR_LATER = "#8DA9C4"  # phases still to do
DAY_OFF = "#EFEFEF"  # weekends and public holidays
SESSION = "#E15759"  # the creativity session's star

_TEXT = {
    "fr": {
        "days": "{days} j",
        "subtitle": "{planned} jours prévus · forfait de {package} jours · du {start} au {end}",
        "off": "Week-ends et jours fériés",
        "doing": "en cours",
        "done": "Terminée",
        "later": "À venir",
    },
    "en": {
        "days": "{days} d",
        "subtitle": "{planned} planned days · {package}-day package · {start} to {end}",
        "off": "Weekends and public holidays",
        "doing": "in progress",
        "done": "Done",
        "later": "To come",
    },
}


def _x(day: dt.date, half: int = 0) -> float:
    """A date (and half day) as a position on the x axis, in days."""
    return day.toordinal() + half / 2


def _bounds(phase: PlannedPhase) -> tuple[float, float]:
    left = _x(phase.start, 1 if phase.start_half == "pm" else 0)
    right = _x(phase.end, 1 if phase.end_half == "am" else 2)
    return left, right


_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Mondays, every week (two weeks past four months); past eight months, the 1st of every
    month, or of every few months or years so that a calendar of any length has at most 12."""
    span = (last - first).days
    if span > 240:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next((s for s in _MONTH_STEPS if months / s <= 12), _MONTH_STEPS[-1])
        ticks: list[dt.date] = []
        index = first.year * 12 + first.month - 1  # months since year 0, from January
        if step >= 12:
            index += (-index) % 12  # a January
        else:
            index += (-index) % step
        while (day := dt.date(index // 12, index % 12 + 1, 1)) <= last:
            if day >= first:
                ticks.append(day)
            index += step
            if index // 12 > dt.MAXYEAR:
                break
        return ticks
    step = 14 if span > 120 else 7
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return [monday + dt.timedelta(days=i) for i in range(0, (last - monday).days + 1, step)]


def _tick_format(first: dt.date, last: dt.date) -> str:
    """Day and month within a year; month and year past one; the year alone past six."""
    span = (last - first).days
    if span > 6 * 366:
        return "yyyy"
    return "MMM yyyy" if span > 366 else "d MMM"


def _shade_days_off(ax: Axes, first: dt.date, last: dt.date) -> None:
    """Weekends and holidays shaded, as one collection: a calendar of years draws as fast as a
    month's (one artist per run of days off took 19 s for 2027 to 2200)."""
    from ..planning.workdays import is_working_day

    spans: list[tuple[float, float]] = []
    day = first
    while day <= last:
        if not is_working_day(day):
            run = day
            while run + dt.timedelta(days=1) <= last and not is_working_day(
                run + dt.timedelta(days=1)
            ):
                run += dt.timedelta(days=1)
            spans.append((_x(day), _x(run) + 1 - _x(day)))
            day = run
        day += dt.timedelta(days=1)
    if spans:
        ax.broken_barh(
            spans,
            (0, 1),
            transform=ax.get_xaxis_transform(),
            facecolors=DAY_OFF,
            zorder=0,
            linewidth=0,
        )


def draw_gantt(plan: Plan, title: str, language: str, fmt: str = "png", dpi: int = 200) -> bytes:
    """Draw the plan as a Gantt chart, labelled in the engagement's language.

    Phases are bars from their first to their last half day (weekends and public holidays
    shaded behind them); the workshops are diamonds in their group's colour and the creativity
    session a star, each listed with its date in the legend.

    Args:
        plan: The plan from :func:`dialogue_cli.planning.plan.build_plan`.
        title: The chart's title, usually the engagement's title.
        language: ``fr`` or ``en`` for every label and date.
        fmt: ``png``, ``svg`` or ``pdf``.
        dpi: Resolution of a PNG.

    Returns:
        The picture's bytes, identical for an identical plan.
    """
    return style.save(gantt_figure(plan, title, language), fmt, dpi)


def gantt_figure(plan: Plan, title: str, language: str) -> Figure:
    """The Gantt chart as a matplotlib figure, drawn at its printed width (see :func:`draw_gantt`)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from ..common.formatting import date, number

    lang = "en" if language == "en" else "fr"
    text = _TEXT[lang]
    phases = list(plan.phases)
    rows = {phase.name: index for index, phase in enumerate(phases)}

    first = plan.start - dt.timedelta(days=2)
    last = plan.end + dt.timedelta(days=3)
    width = style.inches(style.GANTT_WIDTH_MM)
    columns = 3  # of the legends
    rows_of_events = -(-len(plan.events) // columns)
    fig = style.new_figure(width, 2.0 + 0.42 * len(phases) + 0.2 * rows_of_events)
    ax = fig.add_subplot(1, 1, 1)
    _shade_days_off(ax, first, last)

    for index, phase in enumerate(phases):
        if phase.empty:
            continue
        left, right = _bounds(phase)
        later = phase.status == "todo"
        ax.barh(
            index, right - left, left=left, height=0.5, color=BAR_LATER if later else BAR, zorder=2
        )
        label = text["days"].format(days=number(phase.days, lang))
        if phase.status == "doing":
            label += f" · {text['doing']}"
        ax.text(
            right + 0.6,
            index,
            label,
            va="center",
            ha="left",
            fontsize=8,
            color=style.MUTED,
            zorder=4,
        )

    handles: list[Line2D] = []
    for event in plan.events:
        row = rows[event.phase]
        center = _x(event.date) + 0.5
        when = date(event.date, lang, "d MMM")
        if event.kind == "creativity":
            marker, color, size = "*", SESSION, 15
        else:
            marker, color, size = "D", style.group_color(event.group), 9
        ax.plot(
            center,
            row,
            marker=marker,
            markersize=size,
            color=color,
            markeredgecolor="white",
            markeredgewidth=1.2,
            linestyle="none",
            zorder=5,
        )
        handles.append(
            Line2D(
                [],
                [],
                marker=marker,
                color=color,
                markeredgecolor="white",
                linestyle="none",
                markersize=size * 0.8,
                label=style.label(f"{event.label} ({when})", lang),
            )
        )
    statuses = {p.status for p in phases if not p.empty}
    keys = [Patch(facecolor=DAY_OFF, edgecolor=style.GRID, label=text["off"])]
    if statuses - {"todo"}:
        keys.insert(0, Patch(facecolor=BAR, label=f"{text['done']} / {text['doing']}"))
    if "todo" in statuses:
        keys.insert(len(keys) - 1, Patch(facecolor=BAR_LATER, label=text["later"]))

    ax.set_ylim(len(phases) - 0.4, -0.6)
    ax.set_yticks(
        range(len(phases)),
        [style.label(p.label, lang) for p in phases],
        fontsize=9,
        color=style.INK,
    )
    ax.tick_params(axis="y", length=0, pad=8)
    ax.set_xlim(_x(first), _x(last) + 1)
    ticks = [d for d in _ticks(first, last) if d < last]
    shown = _tick_format(first, last)
    ax.set_xticks([_x(d) for d in ticks], [date(d, lang, shown) for d in ticks], fontsize=8)
    ax.grid(axis="x", color=style.GRID, linewidth=0.6, zorder=1)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(style.GRID)
    years = sorted({plan.start.year, plan.end.year})
    ax.set_xlabel(" – ".join(str(y) for y in years), color=style.MUTED, fontsize=8.5)

    heading = style.wrap(style.label(title, lang), width * 72 * 0.8, 11.5, bold=True)
    ax.set_title(heading, loc="left", fontsize=11.5, fontweight="bold", color=style.INK, pad=20)
    subtitle = text["subtitle"].format(
        planned=number(plan.planned_days, lang),
        package=number(plan.package_days, lang),
        start=date(plan.start, lang),
        end=date(plan.end, lang),
    )
    ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=8, color=style.MUTED, va="bottom")
    if handles:
        events = ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncols=min(len(handles), columns),
            frameon=False,
            fontsize=8,
            handletextpad=0.4,
            columnspacing=1.8,
        )
        ax.add_artist(events)
    ax.legend(
        handles=keys,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.075 * rows_of_events),
        ncols=3,
        frameon=False,
        fontsize=8,
        handletextpad=0.5,
        columnspacing=1.8,
    )
    fig.tight_layout()
    return fig
