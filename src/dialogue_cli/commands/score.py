"""`dialogue score`: the workshop feedback against the analysis grid, and the options it leaves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from . import _complete as complete
from ._common import (
    app,
    bad_value,
    console,
    engagement_argument,
    guard_outputs,
    load_project,
    markup,
    print_json,
    reports_errors,
    say,
    write_bytes,
    write_output,
)

if TYPE_CHECKING:
    from ..analysis.explain import Contribution, Explained, Explanation
    from ..analysis.scoring import Cell, ScenarioScore, ScoreReport
    from ..engagement.loader import Project

_TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Options pour la collectivité",
        "threshold": "seuil de viabilité",
        "columns": ("Rang", "Scénario", "Élus", "Citoyens", "Services", "Global", "Écart",
                    "K élus", "K serv.", "K cit.", "Verdict"),
        "viable": "viable",
        "blocked": "bloqué\u00a0: {}",
        "transversal": "Transversal (hors classement)",
        "tensions": "Points de tension (écart de plus de 1 entre deux groupes)",
        "no_tension": "Aucun point de tension\u00a0: aucun écart de plus de 1 entre deux groupes.",
        "tension": "{id} · {title}\u00a0: {high_group} {high} contre {low_group} {low} (écart {gap})",
        "remarks": "Scénarios, questions et idées",
        "remark_line": "{id} · {title}\u00a0: {q} question(s), {i} idée(s)",
        "unclassified": "{n} retour(s) + ou − sans critère de la grille, non comptés\u00a0: à coder.",
        "evidence": "(n) sous un score\u00a0: les avis notés derrière lui\u00a0; !\u00a0: moins de {n}, preuve fragile (grid.min_items).",
        "none": "–",
    },
    "en": {
        "title": "Options for the public body",
        "threshold": "viability threshold",
        "columns": ("Rank", "Scenario", "Elected", "Citizens", "Services", "Overall", "Gap",
                    "K elected", "K serv.", "K cit.", "Verdict"),
        "viable": "viable",
        "blocked": "blocked: {}",
        "transversal": "Cross-cutting (not ranked)",
        "tensions": "Points of tension (two groups more than 1 apart)",
        "no_tension": "No point of tension: no two groups more than 1 apart.",
        "tension": "{id} · {title}: {high_group} {high} against {low_group} {low} (gap {gap})",
        "remarks": "Scenarios, questions and ideas",
        "remark_line": "{id} · {title}: {q} question(s), {i} idea(s)",
        "unclassified": "{n} + or − item(s) without a grid criterion, not counted: code them.",
        "evidence": "(n) under a score: the scored items behind it; !: fewer than {n}, weak evidence (grid.min_items).",
        "none": "–",
    },
}  # fmt: skip


@app.command()
@reports_errors
def score(
    path: Path = engagement_argument(),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    explain: str | None = typer.Option(
        None,
        "--explain",
        metavar="SCENARIO",
        help="List the items behind each number of one scenario (its id).",
        autocompletion=complete.scenarios,
    ),
    heatmap: Path | None = typer.Option(
        None,
        "--heatmap",
        metavar="FILE",
        help="Draw the scenario x group matrix to this .png, .svg or .pdf file.",
    ),
    export: Path | None = typer.Option(
        None,
        "--export",
        metavar="FILE",
        help="Write one row per feedback item to this .csv or .xlsx file.",
    ),
    anonymize: bool = typer.Option(
        False,
        "--anonymize",
        help="Leave the author column out of --export and mask e-mails, phones and addresses in the text.",
    ),
) -> None:
    """Score the feedback against the grid and rank the options.

    For each scenario: each group's net score (-1 to +1), the score of each condition of a
    durable dialogue (elus, services, citoyens), the overall score and the gap between groups;
    a scenario is viable when every condition score reaches grid.threshold. Then the points of
    tension and the questions and ideas counted per scenario. The method is in docs/scoring.md.

    Example: dialogue score examples/ormessac --heatmap heatmap.png --export retours.xlsx
    """
    from ..analysis.scoring import score_project

    for option, target, allowed in (
        ("--heatmap", heatmap, (".png", ".svg", ".pdf")),
        ("--export", export, (".csv", ".xlsx")),
    ):
        if target is not None and target.suffix.lower() not in allowed:
            bad_value(option, target, f"give the file a {', '.join(allowed)} name")
    project = load_project(path)
    if explain is not None:
        explain = _scenario(project, explain)
    guard_outputs({"--heatmap": heatmap, "--export": export}, project)
    report = score_project(project)
    language = project.engagement.language
    written: list[str] = []
    if heatmap is not None:
        from ..charts.heatmap import draw_heatmap

        picture = draw_heatmap(report, language, heatmap.suffix.lower()[1:])
        write_output(heatmap, write_bytes(picture), announce=False)
        written.append(f"Wrote {heatmap}")
    if export is not None:
        from ..analysis.score_export import write_export

        # Atomic: an earlier export stays whole until the new one is complete.
        count = write_export(export, project.engagement, project.feedback(), anonymize)
        written.append(f"Wrote {export} ({count} feedback items)")
    if explain is not None:
        from ..analysis.explain import explain as explain_scenario

        explanation = explain_scenario(project.engagement, report, explain, project.feedback())
        if as_json:
            print_json(_explanation_json(explanation, report))
        else:
            _print_explanation(explanation, report, language)
    elif as_json:
        print_json(report.to_json())
    else:
        _print_report(report, language)
    for line in written:
        typer.echo(line, err=as_json)


def _scenario(project: Project, wanted: str) -> str:
    """The scenario id ``wanted`` names, whatever its case (``cov`` is ``COV``)."""
    from ..common.suggest import pick

    ids = [s.id for s in project.engagement.scenarios]
    try:
        return pick(wanted, ids, "scenario")
    except ValueError as error:
        bad_value("--explain", wanted, str(error))


def _fmt(value: float | None, language: str, digits: int = 2) -> str:
    if value is None:
        return "–"
    value = round(value, digits)
    # neither "+0.00" nor "−0.00"
    text = f"{abs(value):.{digits}f}" if value == 0 else f"{value:+.{digits}f}".replace("-", "−")
    return text.replace(".", ",") if language == "fr" else text


def _evidence(scenario: ScenarioScore, cell: Cell) -> str:
    """The number of scored items behind a score, ``(2)!`` when that is weak evidence."""
    if cell.score is None:
        return ""
    return (
        f"[yellow]({cell.count})![/yellow]" if scenario.weak(cell) else f"[dim]({cell.count})[/dim]"
    )


def _print_report(report: ScoreReport, language: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ..analysis.scoring import rounded
    from ..common.labels import group_names

    text = _TEXT["en" if language == "en" else "fr"]
    names = group_names(language)
    out = console()
    threshold = f"{report.threshold:g}".replace("-", "−")
    threshold = threshold.replace(".", ",") if language == "fr" else threshold
    out.print(f"[bold]{text['title']}[/bold] ({text['threshold']} {threshold})")
    table = Table(box=None, header_style="bold", pad_edge=False)
    for n, column in enumerate(text["columns"]):
        table.add_column(column, justify="left" if n in (1, 10) else "right")
    for scenario in report.scenarios:
        if scenario.rank is None and scenario is report.scenarios[len(report.options)]:
            table.add_section()
        verdict = (
            f"[green]{text['viable']}[/green]"
            if scenario.viable
            else "[red]"
            + escape(text["blocked"].format(", ".join(names[k].lower() for k in scenario.blocking)))
            + "[/red]"
        )
        groups = [scenario.groups[g] for g in ("elus", "citoyens", "services")]
        conditions = [scenario.conditions[k] for k in ("elus", "services", "citoyens")]
        table.add_row(
            str(scenario.rank) if scenario.rank is not None else "–",
            markup(scenario.id),
            *(_fmt(cell.shown, language) for cell in groups),
            _fmt(rounded(scenario.overall), language),
            _fmt(rounded(scenario.divergence), language).lstrip("+"),
            *(_fmt(cell.shown, language) for cell in conditions),
            verdict if scenario.rank is not None else f"[dim]{text['transversal']}[/dim]",
        )
        # Under each score, the number of scored items behind it: "(2)!" when that is weak.
        table.add_row(
            "", "", *(_evidence(scenario, c) for c in groups), "", "",
            *(_evidence(scenario, c) for c in conditions), "",
        )  # fmt: skip
    out.print(table)
    out.print(f"[dim]{escape(text['evidence'].format(n=report.min_items))}[/dim]")
    out.print(f"\n[bold]{text['tensions']}[/bold]")
    if not report.tensions:
        out.print(text["no_tension"])
    for tension in report.tensions:
        out.print(
            markup(
                text["tension"].format(
                    id=tension.scenario,
                    title=tension.title,
                    high_group=names[tension.high_group],
                    high=_fmt(tension.high, language),
                    low_group=names[tension.low_group],
                    low=_fmt(tension.low, language),
                    gap=_fmt(tension.gap, language).lstrip("+"),
                )
            )
        )
    out.print(f"\n[bold]{text['remarks']}[/bold]")
    for scenario in report.scenarios:
        line = text["remark_line"].format(
            id=scenario.id, title=scenario.title, q=len(scenario.questions), i=len(scenario.ideas)
        )
        out.print(markup(line))
    if report.unclassified:
        out.print("\n" + escape(text["unclassified"].format(n=report.unclassified)))


# ---------------------------------------------------------------- --explain


def _contribution(c: Contribution) -> dict[str, Any]:
    return {
        "id": c.item.id,
        "group": c.item.group,
        "polarity": c.item.polarity,
        "intensity": c.item.intensity,
        "criteria": list(c.criteria),
        "signed": c.signed,
        "weight": c.weight,
        "source": c.item.source,
    }


def _explanation_json(explanation: Explanation, report: ScoreReport) -> dict[str, Any]:
    scenario = explanation.scenario

    def cell(number: Explained) -> dict[str, Any]:
        return {
            "score": number.shown,
            "numerator": number.numerator,
            "denominator": number.denominator,
            "items": [_contribution(c) for c in number.items],
        }

    def remark(item: Any) -> dict[str, Any]:
        return {"id": item.id, "group": item.group, "theme": item.theme, "text": item.text}

    return {
        **scenario.to_json(),
        "groups": {g: cell(number) for g, number in explanation.groups.items()},
        "conditions": {k: cell(number) for k, number in explanation.conditions.items()},
        "criteria": {
            crit: {g: cell(number) for g, number in cells.items()}
            for crit, cells in explanation.criteria.items()
        },
        "questions": [remark(item) for item in explanation.questions],
        "ideas": [remark(item) for item in explanation.ideas],
        "unclassified": [item.id for item in explanation.unclassified],
        "threshold": report.threshold,
    }


def _number(value: float, language: str) -> str:
    text = f"{value:g}".replace("-", "−")
    return text.replace(".", ",") if language == "fr" else text


def _formula(number: Explained, language: str) -> str:
    if not number.items:
        return "–"
    return (
        f"{_fmt(number.shown, language, 4)} = {_number(number.numerator, language)}"
        f" / {_number(number.denominator, language)}"
    )


def _print_explanation(explanation: Explanation, report: ScoreReport, language: str) -> None:
    from ..analysis.scoring import rounded

    scenario = explanation.scenario
    weights = {"+": "+", "-": "−"}
    echo = say
    status = (
        "viable"
        if scenario.viable
        else "blocked by " + ", ".join(scenario.blocking)
        if scenario.rank is not None
        else "cross-cutting, not ranked"
    )
    rank = f"rank {scenario.rank}, " if scenario.rank is not None else ""
    echo(f"{scenario.id} · {scenario.title}: {rank}{status}")
    echo(
        f"Overall O = {_fmt(rounded(scenario.overall), language, 4)} (mean of the group scores); "
        f"gap D = {_fmt(rounded(scenario.divergence), language, 4).lstrip('+')}; "
        f"threshold {report.threshold:g}"
    )
    echo("Each item adds p·i·w (p = ±1, i = intensity, w = criterion weight) over its criteria.")

    def listing(items: tuple[Contribution, ...]) -> None:
        def number(value: float) -> str:
            return _number(value, language)

        for c in items:
            crits = "+".join(c.criteria)
            text = c.item.text.replace("\n", " ")
            text = text if len(text) <= 70 else text[:69] + "…"
            echo(
                f"    {c.item.id:<10} {c.item.group:<9} {weights[c.item.polarity]}{c.item.intensity} "
                f"{crits:<18} {number(c.signed):>7} / {number(c.weight):<6} {text}"
            )

    echo("\nGroup scores S:")
    for g, number in explanation.groups.items():
        echo(f"  {g:<9} S = {_formula(number, language)}")
        listing(number.items)
    echo("\nCondition scores K (criteria serving the condition, all groups):")
    for k, number in explanation.conditions.items():
        echo(f"  {k:<9} K = {_formula(number, language)}")
        listing(number.items)
    echo("\nCriteria (net score per group):")
    for crit, cells in explanation.criteria.items():
        parts = []
        for g, number in cells.items():
            if number.items:
                ids = ", ".join(c.item.id for c in number.items)
                parts.append(f"{g} {_fmt(number.shown, language)} ({ids})")
        echo(f"  {crit:<10} " + ("; ".join(parts) if parts else "–"))
    for title, remarks in (("Questions", explanation.questions), ("Ideas", explanation.ideas)):
        echo(f"\n{title} ({len(remarks)}):")
        for item in remarks:
            echo(f"  {item.id:<10} {item.group:<9} [{item.theme}] {item.text}")
    if explanation.unclassified:
        echo(f"\nUnclassified (+/- without criteria, not scored): {len(explanation.unclassified)}")
        for item in explanation.unclassified:
            echo(f"  {item.id:<10} {item.group:<9} {item.text}")
