"""`dialogue check`: validate an engagement and show where it stands."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import (
    app,
    console,
    engagement_argument,
    load_project,
    markup,
    print_json,
    reports_errors,
)

STATUS_MARKS = {"done": "✔", "doing": "▶", "todo": "·"}


@app.command()
@reports_errors
def check(
    path: Path = engagement_argument(),
    as_json: bool = typer.Option(False, "--json", help="Print the overview as JSON."),
) -> None:
    """Validate the engagement (and its feedback files) and show a one-screen overview.

    Every problem is listed at once as file:line:col: field: message; exit status 1 if any.

    Example: dialogue check examples/ormessac
    """
    from ..common.errors import LocatedError
    from ..engagement.locate import located_error
    from ..engagement.status import FeedbackTally, build_status, personal_data_warnings
    from ..pricing.quote import catalog_for
    from ..pricing.quote import check as check_pricing

    project = load_project(path)
    errors: list[LocatedError] = []
    try:
        tally = FeedbackTally.of(project.feedback())
    except LocatedError as error:
        errors.append(error)
    try:
        issues = check_pricing(project.engagement.pricing, catalog_for(project))
        if issues:
            errors.append(located_error(project, issues))
    except LocatedError as error:
        errors.append(error)
    if errors:
        raise LocatedError.merge(errors)
    status = build_status(project.engagement, tally)
    personal = personal_data_warnings(project, tally)
    if as_json:
        print_json(
            {
                "file": project.name,
                **status.to_json(),
                "personal_data": {
                    "count": tally.personal_count,
                    "items": [
                        {"id": item.id, "source": item.source, "kinds": list(kinds)}
                        for item, kinds in tally.personal
                    ],
                },
            }
        )
        return
    _print(project.name, status)
    if personal:
        out = console()
        out.print(
            f"\n[bold]Personal data[/bold]: {tally.personal_count} feedback "
            f"item{'s' if tally.personal_count > 1 else ''} (names cannot all be detected: read the verbatims)"
        )
        for line in personal:
            out.print(f"  [yellow]![/yellow] {markup(line)}", soft_wrap=True)


def _print(name: str, status: object) -> None:
    from rich.table import Table

    from ..engagement.status import Status

    assert isinstance(status, Status)
    out = console()
    client = status.client
    # Thousands separated by a narrow no-break space, as the client writes them: 25 400.
    inhabitants = f"{client['population']:,}".replace(",", "\u202f") if client["population"] else ""
    population = f", {inhabitants} inhabitants" if inhabitants else ""
    out.print(
        f"[bold]{markup(status.title)}[/bold] — {markup(client['name'])} ({client['kind']}{population})"
    )
    out.print(f"[green]✔ {markup(name)} is valid[/green]")
    phases = Table(title=None, box=None, show_header=True, header_style="bold", pad_edge=False)
    phases.add_column("Phase")
    phases.add_column("Days", justify="right")
    phases.add_column("Status")
    for phase in status.phases:
        mark = STATUS_MARKS[phase["status"]]
        style = {"done": "green", "doing": "bold yellow", "todo": "dim"}[phase["status"]]
        phases.add_row(
            phase["label"], phase["days"], f"[{style}]{mark} {phase['status']}[/{style}]"
        )
    out.print(phases)
    counts = status.counts
    # The groups by their ids in the file: no plural to get wrong ("1 partners").
    per_group = ", ".join(
        f"{g}: {counts['stakeholders'][g]}" for g in ("elus", "citoyens", "services", "partenaires")
    )
    out.print(f"Stakeholders: {counts['stakeholders']['total']} ({per_group})")
    out.print(
        f"Scenarios: {counts['scenarios']} (+{counts['transversal']} transversal) · Criteria: {counts['criteria']}"
    )
    workshops = ", ".join(f"{wid} {n}" for wid, n in counts["workshops"].items()) or "none"
    out.print(
        f"Feedback: {counts['feedback']} items ({markup(workshops)}); unclassified: {counts['unclassified']}"
    )
    out.print(f"Solutions: {counts['solutions']} ({counts['retained']} retained)")
    steps = status.next_steps()
    if status.current_phase is None:
        out.print("[green]All six phases are done.[/green]")
    elif steps:
        out.print(f"\n[bold]What next[/bold] (current phase: {status.current_phase}):")
        labels = {p["id"]: p["label"] for p in status.phases}
        for todo in steps:
            out.print(f"  • {markup(labels[todo.phase])}: {markup(todo.message)}")
    else:
        out.print(f"\nNothing missing for the current phase ({status.current_phase}).")
