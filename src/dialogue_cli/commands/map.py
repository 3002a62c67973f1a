"""`dialogue map`: the stakeholder map (table, JSON, PNG/SVG picture, CSV register)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._common import (
    app,
    console,
    engagement_argument,
    guard_outputs,
    load_project,
    markup,
    output_path,
    print_json,
    reports_errors,
    write_bytes,
    write_output,
)

if TYPE_CHECKING:
    from ..analysis.stakeholder_map import StakeholderMap
    from ..engagement.model import Engagement

_HEADINGS = {
    "fr": {
        "title": "Cartographie des parties prenantes",
        "threshold": "seuil",
        "columns": ("ID", "Nom", "Groupe", "Influence", "Intérêt", "Niveau", "Saillance"),
        "none": "aucun acteur",
        "set": "* niveau fixé dans engagement.yaml",
    },
    "en": {
        "title": "Stakeholder map",
        "threshold": "threshold",
        "columns": ("ID", "Name", "Group", "Influence", "Interest", "Level", "Salience"),
        "none": "no stakeholder",
        "set": "* level set in engagement.yaml",
    },
}


def _print_table(smap: StakeholderMap, title: str, language: str) -> None:
    from rich.table import Table

    from ..analysis.stakeholder_map import level_label, quadrant_label, salience_label
    from ..common.labels import group_names
    from ..common.terminal import printable

    text = _HEADINGS["en" if language == "en" else "fr"]
    groups = group_names(language)
    out = console()
    out.print(
        f"[bold]{text['title']}[/bold] · {markup(title)} ({text['threshold']} {smap.threshold})"
    )
    rows = {
        item.id: tuple(
            printable(cell, one_line=True)
            for cell in (
                item.id,
                item.name,
                groups[item.group or "none"],
                str(item.influence),
                str(item.interest),
                level_label(item.level, language) + ("*" if item.level_is_set else ""),
                salience_label(item.salience, language),
            )
        )
        for item in smap.stakeholders
    }
    # The same column widths in every quadrant's table, so that they line up.
    widths = [
        max([len(heading), *(len(row[index]) for row in rows.values())])
        for index, heading in enumerate(text["columns"])
    ]
    borders = 3 * len(widths) + 1
    widths[1] = min(widths[1], out.width - borders - sum(widths) + widths[1])
    aligned = widths[1] >= 20  # on a narrow terminal, let rich share the width instead
    for quadrant, items in smap.by_quadrant().items():
        heading = f"{quadrant_label(quadrant, language)} ({len(items)})"
        if not items:
            out.print(f"[bold]{heading}[/bold]\n  [dim]{text['none']}[/dim]")
            continue
        table = Table(title=heading, title_justify="left", title_style="bold")
        for index, name in enumerate(text["columns"]):
            table.add_column(
                name,
                justify="right" if index in (3, 4) else "left",
                min_width=widths[index] if aligned else None,
            )
        for item in items:
            table.add_row(*(markup(cell) for cell in rows[item.id]))
        out.print(table)
    if any(item.level_is_set for item in smap.stakeholders):
        out.print(f"[dim]{text['set']}[/dim]")
    for warning in smap.warnings:
        out.print(f"[yellow]Warning:[/yellow] {markup(warning)}")


def _write_csv(target: Path, smap: StakeholderMap, engagement: Engagement, contacts: bool) -> None:
    """Write the register into ``target`` (a temp file): UTF-8 with a BOM, ';' for French Excel."""
    import csv

    from ..analysis.stakeholder_map import register_rows

    delimiter = ";" if engagement.language == "fr" else ","
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(
            register_rows(smap, engagement, with_contacts=contacts)
        )


@app.command("map")
@reports_errors
def map_(
    path: Path = engagement_argument(),
    json_: bool = typer.Option(False, "--json", help="Print the map as JSON instead of a table."),
    png: Path | None = typer.Option(
        None, "--png", metavar="FILE", help="Draw the map to this PNG file."
    ),
    svg: Path | None = typer.Option(
        None, "--svg", metavar="FILE", help="Draw the map to this SVG file."
    ),
    csv_file: Path | None = typer.Option(
        None,
        "--csv",
        metavar="FILE",
        help="Export the register (one row per stakeholder) to this CSV file.",
    ),
    with_contacts: bool = typer.Option(
        False, "--with-contacts", help="Add the e-mail and phone columns to the CSV register."
    ),
    dpi: int = typer.Option(
        200, "--dpi", min=50, max=600, metavar="N", help="Resolution of the PNG, in dots per inch."
    ),
) -> None:
    """Map the stakeholders: quadrants, participation levels, salience.

    Places each stakeholder on the power/interest grid and prints a table grouped by quadrant, then the coverage warnings to fix before the workshops.

    Example: dialogue map examples/ormessac --png carte.png --csv registre.csv
    """
    from ..analysis.stakeholder_map import build_map
    from ..common.errors import DialogueError

    if with_contacts and csv_file is None:
        raise DialogueError("--with-contacts: only applies to --csv FILE (the register)")
    outputs = {"--png": png, "--svg": svg, "--csv": csv_file}
    for option, target in outputs.items():
        if target is not None:
            output_path(target, option)
    project = load_project(path)
    guard_outputs(outputs, project)
    engagement = project.engagement
    smap = build_map(engagement)
    language, title = engagement.language, engagement.engagement.title
    if json_:
        print_json(smap.to_json())
    else:
        _print_table(smap, title, language)
    for target, fmt in ((png, "png"), (svg, "svg")):
        if target is not None:
            from ..charts.stakeholder_chart import draw_map

            picture = draw_map(smap, title, language, fmt=fmt, dpi=dpi)
            write_output(target, write_bytes(picture), quiet=json_)
    if csv_file is not None:
        write = functools.partial(
            _write_csv, smap=smap, engagement=engagement, contacts=with_contacts
        )
        write_output(csv_file, write, quiet=json_)
