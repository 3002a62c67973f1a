"""`dialogue plan`: the engagement calendar in the terminal, as JSON, iCalendar or a Gantt chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._common import (
    app,
    bad_value,
    engagement_argument,
    guard_outputs,
    load_project,
    markup,
    output_path,
    reports_errors,
    say,
    write_bytes,
    write_output,
)

if TYPE_CHECKING:
    from ..planning.plan import Plan

_CHART_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
_BAR_WIDTH = 32

_HOLIDAYS_LISTED = 24  # two years of them; past that, the count and the ends


@app.command()
@reports_errors
def plan(
    path: Path = engagement_argument(),
    as_json: bool = typer.Option(False, "--json", help="Print the plan as JSON."),
    ics: Path | None = typer.Option(
        None,
        "--ics",
        metavar="FILE",
        help="Also write an iCalendar file (.ics) to import into a calendar.",
    ),
    gantt: Path | None = typer.Option(
        None, "--gantt", metavar="FILE", help="Also draw a Gantt chart (.png, .svg or .pdf)."
    ),
) -> None:
    """Lay the six phases on French working days.

    Shows the phases and the workshops on the calendar. Starts from engagement.start and each phase's planned days, keeps any phase dates set in
    the file, skips weekends and public holidays, and warns about conflicts (fixed dates too
    short for the planned days, a workshop outside the ateliers phase, a date on a day off).

    Example: dialogue plan examples/ormessac --ics ormessac.ics --gantt calendrier.png
    """
    from ..planning.plan import build_plan

    project = load_project(path)
    chart_format = None
    if gantt is not None:
        chart_format = _CHART_FORMATS.get(gantt.suffix.lower())
        if chart_format is None:
            bad_value("--gantt", gantt, "give the chart a .png, .svg or .pdf name")
        output_path(gantt, "--gantt")
    if ics is not None:
        output_path(ics, "--ics")
    guard_outputs({"--ics": ics, "--gantt": gantt}, project)
    result = build_plan(project.engagement)

    if as_json:
        from ._common import print_json

        print_json(result.to_json())
    else:
        _show(result)
        for warning in result.warnings:
            say(f"warning: {warning}", err=True)

    if ics is not None:
        import datetime as dt

        from ..planning.ics import to_ics

        calendar = to_ics(result, dt.datetime.now(dt.UTC))
        count = sum(not p.empty for p in result.phases) + len(result.events)
        write_output(ics, write_bytes(calendar), quiet=as_json, what=f"({count} events)")
    if gantt is not None and chart_format is not None:
        from ..charts.gantt import draw_gantt

        picture = draw_gantt(result, result.title, result.language, chart_format)
        write_output(gantt, write_bytes(picture), quiet=as_json)


def _day(value: object) -> str:
    import datetime as dt

    assert isinstance(value, dt.date)
    return value.strftime("%a %d %b %Y")


def _bar(result: Plan, left: float, right: float) -> str:
    """A bar of ``_BAR_WIDTH`` characters showing [left, right) on the plan's span."""
    origin = result.start.toordinal()
    total = result.end.toordinal() + 1 - origin
    cells = []
    for index in range(_BAR_WIDTH):
        lo = origin + total * index / _BAR_WIDTH
        hi = origin + total * (index + 1) / _BAR_WIDTH
        cells.append("█" if left < hi and right > lo else "·")
    return "".join(cells)


def _show(result: Plan) -> None:
    from rich.table import Table

    from ._common import console

    out = console()
    status = {"todo": "to do", "doing": "[bold]doing[/]", "done": "done"}
    table = Table(
        title=markup(f"{result.title} ({result.reference})" if result.reference else result.title)
    )
    for header, justify in (
        ("Phase", "left"),
        ("Days", "right"),
        ("From", "left"),
        ("To", "left"),
        ("Span", "right"),
        ("Status", "left"),
        ("Timeline", "left"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for phase in result.phases:
        if phase.empty:
            table.add_row(
                markup(phase.name), "0", "–", "–", "–", status.get(phase.status, phase.status), ""
            )
            continue
        start = _day(phase.start) + (" pm" if phase.start_half == "pm" else "")
        end = _day(phase.end) + (" am" if phase.end_half == "am" else "")
        start += " *" if phase.fixed_start else ""
        end += " *" if phase.fixed_end else ""
        left = phase.start.toordinal() + (0.5 if phase.start_half == "pm" else 0)
        right = phase.end.toordinal() + (0.5 if phase.end_half == "am" else 1)
        table.add_row(
            markup(phase.name),
            f"{phase.days.normalize():f}",
            start,
            end,
            f"{phase.span_days} d",
            status.get(phase.status, phase.status),
            _bar(result, left, right),
        )
    out.print(table)
    out.print("[dim]am: ends at midday; pm: starts in the afternoon; *: date fixed in the file.[/]")

    if result.events:
        events = Table(title="Workshops and creativity session")
        for header in ("Date", "Event", "Place", "Participants", "In its phase"):
            events.add_column(header, justify="right" if header == "Participants" else "left")
        for event in result.events:
            events.add_row(
                _day(event.date),
                markup(f"{event.id} ({event.group})")
                if event.kind == "workshop"
                else "creativity session",
                markup(event.place),
                str(event.participants or ""),
                "yes" if event.in_phase else f"[bold]no[/] ({event.phase})",
            )
        out.print(events)

    planned = f"{result.planned_days.normalize():f}"
    package = f"{result.package_days.normalize():f}"
    mark = "" if result.planned_days == result.package_days else "  [bold]<- differs[/]"
    out.print(f"Planned days: {planned} of the package's {package}{mark}")
    out.print(
        f"Calendar: {_day(result.start)} to {_day(result.end)}, {result.working_days} working days"
        + (" (start not set: planned from the next working day)" if result.start_is_default else "")
    )
    if len(result.holidays) > _HOLIDAYS_LISTED:  # a calendar of years: the count, not a wall
        (first, first_name), (last, last_name) = result.holidays[0], result.holidays[-1]
        out.print(
            f"Public holidays skipped: {len(result.holidays):,}, from "
            f"{markup(first_name)} ({_day(first)}) to {markup(last_name)} ({_day(last)})"
        )
    elif result.holidays:
        names = markup(", ".join(f"{name} ({_day(day)})" for day, name in result.holidays))
        out.print(f"Public holidays skipped: {names}")
