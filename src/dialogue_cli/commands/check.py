"""`dialogue check`: validate an engagement and show where it stands."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ._common import (
    app,
    engagement_argument,
    load_project,
    print_json,
    reports_errors,
    say,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from ..analysis.remarks import Remarks
    from ..analysis.scoring import Accumulator
    from ..analysis.verbatims import Pool, PublicQuotes
    from ..engagement.feedback import Feedback
    from ..engagement.loader import Project
    from ..engagement.status import FeedbackTally

STATUS_MARKS = {"done": "✔", "doing": "▶", "todo": "·"}


@app.command()
@reports_errors
def check(
    path: Path = engagement_argument(),
    as_json: bool = typer.Option(False, "--json", help="Print the overview as JSON."),
    on: datetime | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Check the story at this document date; default: "
        "engagement.document_date, else today.",
    ),
) -> None:
    """Validate the engagement and show where it stands.

    Checks engagement.yaml and its feedback files, then shows a one-screen overview: the
    phases, the counts, what is missing next. Every problem is listed at once as file:line:col: field: message; exit status 1 if any.
    Then the warnings, located the same way (exit status 0): what the file says that the
    document date contradicts (results of a phase still todo, a done phase dated later, a past
    event in a phase still todo) and retained solutions that the decision rule does not allow
    (docs/scoring.md).

    Example: dialogue check examples/ormessac
    """
    from ..analysis.remarks import Remarks
    from ..analysis.scoring import Accumulator
    from ..analysis.verbatims import Pool
    from ..common.errors import LocatedError, Problem
    from ..engagement.locate import located_error
    from ..engagement.status import FeedbackTally, build_status, personal_data_warnings
    from ..planning.timeline import document_date
    from ..pricing.quote import catalog_for
    from ..pricing.quote import check as check_pricing

    project = load_project(path)
    errors: list[LocatedError] = []
    accumulator = Accumulator(project.engagement)
    remarks, published = Remarks(), Pool()
    odd: list[Problem] = []
    pending: Counter[str] = Counter()  # rows of a capture sheet's file not transcribed yet
    try:
        tally = FeedbackTally.of(
            _scored(
                project.feedback(warnings=odd, pending=pending), accumulator, remarks, published
            )
        )
        tally.pending = pending
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
    from ..pricing.terms import terms_warnings

    warned = terms_warnings(project.engagement)
    for problem in located_error(project, warned).problems if warned else []:
        typer.echo(f"warning: {problem}", err=True)
    for problem in odd:
        say(f"warning: {problem}", err=True)
    status = build_status(project.engagement, tally)
    personal = personal_data_warnings(project, tally)
    day = document_date(project, on.date() if on else None)
    warnings, quoted = _warnings(project, tally, accumulator, day, remarks, published)
    if as_json:
        print_json(
            {
                "file": project.name,
                **status.to_json(),
                "document_date": day.isoformat(),
                "warnings": warnings,
                "public_verbatims": {
                    "quoted": quoted.count,
                    "publishable": quoted.publishable,
                },
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
    source = "--date" if on else "engagement.document_date" if _dated(project) else "today"
    info = project.engagement.engagement
    version = f"version {info.version}" if info.version else "no version"
    validated = f"validated by {info.validated_by}" if info.validated_by else "not validated"
    say(f"\nDocument date: {day:%A} {day.isoformat()} ({source}); {version}, {validated}")
    say(_quoted_line(quoted, tally))
    for line in warnings:  # one line each, never wrapped: editors jump to file:line:col
        say(f"warning: {line}", err=True)
    if personal:
        plural = "s" if tally.personal_count > 1 else ""
        say(
            f"Personal data: {tally.personal_count} feedback item{plural} "
            "(masked in the documents; names cannot all be detected: read the verbatims)",
            err=True,
        )
        for line in personal:
            say(f"warning: {line}", err=True)


def _dated(project: Project) -> bool:
    return project.engagement.engagement.document_date is not None


def _scored(
    items: Iterable[Feedback], accumulator: Accumulator, remarks: Remarks, published: Pool
) -> Iterator[Feedback]:
    """Feed each item to the scores, the FAQ's themes and the publishable verbatims while the
    tally counts it: one pass over the feedback."""
    for item in items:
        accumulator.add(item)
        if item.polarity == "?":
            remarks.add(item)
        if item.publish:
            published.add(item)
        yield item


def _warnings(
    project: Project,
    tally: FeedbackTally,
    accumulator: Accumulator,
    day: dt.date,
    remarks: Remarks,
    published: Pool,
) -> tuple[list[str], PublicQuotes]:
    """The story's warnings, each located in the engagement file (see the command's help), and
    what the public documents will quote."""
    from ..analysis.decisions import problems as decision_problems
    from ..analysis.decisions import trail
    from ..analysis.remarks import faq, faq_problems, faq_scope
    from ..analysis.verbatims import public_quotes
    from ..engagement.locate import located_error
    from ..engagement.notice import problems as notice_problems
    from ..planning.plan import build_plan
    from ..planning.timeline import build_timeline
    from ..planning.timeline import problems as timeline_problems

    e = project.engagement
    timeline = build_timeline(e, build_plan(e, today=day), day)
    report = accumulator.report()
    path = trail(e, report)
    decided = timeline.state("creativite") != "upcoming"
    issues = timeline_problems(e, timeline, dict(tally.per_workshop))
    issues += decision_problems(e, path)
    issues += notice_problems(e, day)
    options = [o.id for p in path.retained for o in p.options]
    issues += faq_problems(e, faq(e, remarks, faq_scope(e, options, decided)))
    quoted = public_quotes(e, published, path, decided, [o.id for o in report.options])
    if not issues:
        return [], quoted
    return [str(problem) for problem in located_error(project, issues).problems], quoted


def _quoted_line(quoted: PublicQuotes, tally: FeedbackTally) -> str:
    """What the public documents quote, in one line (never an author)."""
    total = sum(tally.per_workshop.values())
    if not quoted.publishable:
        return (
            f"Public documents: no verbatim quoted (none of the {total} feedback items is marked "
            "publish: true, on the item or its workshop)"
        )
    plural = "s" if quoted.count != 1 else ""
    return (
        f"Public documents: {quoted.count} verbatim{plural} quoted, from the "
        f"{quoted.publishable} items marked publishable (of {total}); authors are never printed"
    )


def _print(name: str, status: object) -> None:
    """The overview, in plain lines (styled in a terminal): no rich, which costs 40 ms to load."""
    from ..common.terminal import printable
    from ..engagement.status import Status

    assert isinstance(status, Status)

    def text(value: object) -> str:
        return printable(str(value), one_line=True)

    def echo(line: str = "", **style: Any) -> None:
        typer.echo(typer.style(line, **style) if style else line)

    client = status.client
    # Thousands separated by a narrow no-break space, as the client writes them: 25 400.
    inhabitants = f"{client['population']:,}".replace(",", "\u202f") if client["population"] else ""
    population = f", {inhabitants} inhabitants" if inhabitants else ""
    echo(typer.style(text(status.title), bold=True)
         + f" — {text(client['name'])} ({client['kind']}{population})")  # fmt: skip
    echo(f"✔ {text(name)} is valid", fg="green")
    rows = [(text(p["label"]), p["days"], p["status"]) for p in status.phases]
    width = max(len("Phase"), *(len(label) for label, _days, _status in rows))
    days = max(len("Days"), *(len(d) for _label, d, _status in rows))
    echo(typer.style(f"{'Phase':<{width}}  {'Days':>{days}}  Status", bold=True))
    styles: dict[str, dict[str, Any]] = {
        "done": {"fg": "green"},
        "doing": {"fg": "yellow", "bold": True},
        "todo": {"dim": True},
    }
    for label, phase_days, state in rows:
        mark = typer.style(f"{STATUS_MARKS[state]} {state}", **styles[state])
        echo(f"{label:<{width}}  {phase_days:>{days}}  {mark}")
    counts = status.counts
    # The groups by their ids in the file: no plural to get wrong ("1 partners").
    per_group = ", ".join(
        f"{g}: {counts['stakeholders'][g]}" for g in ("elus", "citoyens", "services", "partenaires")
    )
    echo(f"Stakeholders: {counts['stakeholders']['total']} ({per_group})")
    echo(
        f"Scenarios: {counts['scenarios']} (+{counts['transversal']} transversal) · Criteria: {counts['criteria']}"
    )
    workshops = ", ".join(f"{wid} {n}" for wid, n in counts["workshops"].items()) or "none"
    echo(
        f"Feedback: {counts['feedback']} items ({text(workshops)}); unclassified: {counts['unclassified']}"
    )
    waiting = counts["pending"]
    if waiting:  # the capture sheets' lines whose polarity is not typed yet
        lines = ", ".join(f"{wid} {n}" for wid, n in waiting.items())
        echo(f"Not transcribed yet: {sum(waiting.values())} pre-printed lines ({text(lines)})")
    echo(f"Solutions: {counts['solutions']} ({counts['retained']} retained)")
    steps = status.next_steps()
    if status.current_phase is None:
        echo("All six phases are done.", fg="green")
    elif steps:
        echo()
        echo(typer.style("What next", bold=True) + f" (current phase: {status.current_phase}):")
        labels = {p["id"]: p["label"] for p in status.phases}
        for todo in steps:
            echo(f"  • {text(labels[todo.phase])}: {text(todo.message)}")
    else:
        echo(f"\nNothing missing for the current phase ({status.current_phase}).")
