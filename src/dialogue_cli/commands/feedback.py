"""`dialogue feedback template`: an empty feedback file with the right headers, for one workshop."""

from __future__ import annotations

from pathlib import Path

import typer

from . import _complete as complete
from ._common import (
    bad_value,
    engagement_argument,
    guard_outputs,
    load_project,
    output_path,
    print_json,
    reports_errors,
    say,
    sub_app,
    write_output,
)

feedback_app = sub_app(
    "feedback",
    """Workshop feedback files: a template to fill in, imports.

    Example: dialogue feedback template examples/ormessac --group elus
    """,
)


@feedback_app.command("template")
@reports_errors
def template(
    path: Path = engagement_argument(),
    group: str = typer.Option(
        ...,
        "--group",
        "-g",
        metavar="GROUP",
        help="The workshop: its group (elus, citoyens, services) or its id.",
        autocompletion=complete.groups,
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="A .csv or .xlsx file (default: the workshop's feedback_file, "
        "else feedback/GROUP.csv next to engagement.yaml).",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write an empty feedback file for a workshop (CSV or XLSX).

    The file has the header row only, to fill in during the workshop. The headers follow the engagement's language (id;scenario;polarite;intensite;criteres;
    theme;verbatim;auteur in French). CSV files use ';' and UTF-8 with a BOM, as Excel expects.

    Example: dialogue feedback template examples/ormessac --group elus -o retours-elus.xlsx
    """
    from ..common.errors import FileProblem
    from ..engagement.feedback import TEMPLATE_HEADERS, write_template
    from ..engagement.model.base import normalize_group

    project = load_project(path)
    engagement = project.engagement
    wanted = normalize_group(group)
    ids = [w.id for w in engagement.workshops]
    same = [w for w in engagement.workshops if w.id.casefold() == group.casefold()]
    workshops = same or [w for w in engagement.workshops if w.group == wanted]
    if wanted not in ("elus", "citoyens", "services") and not workshops:
        from ..common.suggest import suggest

        bad_value(
            "--group",
            group,
            f"neither a group (elus, citoyens, services) nor a workshop id{suggest(group, ids)} "
            f"(workshops: {', '.join(ids) or 'none yet'})",
        )
    workshop = workshops[0] if workshops else None
    if output is None:
        if workshop is not None and workshop.feedback_file:
            output = project.base_dir / workshop.feedback_file
        else:
            output = project.base_dir / "feedback" / f"{workshop.group if workshop else wanted}.csv"
            try:
                output.parent.mkdir(exist_ok=True)
            except OSError as error:  # e.g. a file named 'feedback' is in the way
                reason = "a file has that name" if output.parent.is_file() else error.strerror
                raise FileProblem(
                    f"{project.display(output.parent)}: cannot create the folder ({reason}); "
                    "give the file with --output"
                ) from None
    if output.suffix.lower() not in (".csv", ".xlsx"):
        bad_value("--output", output, "give the file a .csv or .xlsx name")
    output_path(output, "--output")
    if output.exists():
        # Never over an input, even with --force: a feedback file holds a workshop's work. A
        # feedback file the engagement names but that does not exist yet is what this creates.
        guard_outputs({"--output": output}, project, check_path=False)
        if not force:
            raise FileProblem(
                f"{project.display(output)}: already exists; use --force to overwrite it"
            )
    write_output(output, lambda temp: write_template(temp, engagement.language), announce=False)
    headers = ";".join(TEMPLATE_HEADERS.get(engagement.language, TEMPLATE_HEADERS["fr"]))
    typer.echo(f"Wrote {project.display(output)} ({headers})")
    if workshop is None:
        say(f"No workshop of group {wanted!r} yet: add one to workshops: in engagement.yaml")
    elif not workshop.feedback_file or (project.base_dir / workshop.feedback_file) != output:
        try:
            relative = output.resolve().relative_to(project.base_dir)
        except ValueError:
            relative = output
        say(f"To read it, set in workshop {workshop.id}: feedback_file: {relative}")


SOURCE_HELP = "decidim, consul, cap-collectif, make, limesurvey, framaforms or csv."


@feedback_app.command("import")
@reports_errors
def import_(
    source: str = typer.Argument(
        ...,
        help="The platform: " + SOURCE_HELP,
        show_default=False,
        metavar="SOURCE",
        autocompletion=complete.sources,
    ),
    file: Path = typer.Argument(
        ..., help="The export (CSV, XLSX, or JSON for Decidim).", metavar="FILE"
    ),
    workshop: str = typer.Option(
        ...,
        "--workshop",
        "-w",
        metavar="ID",
        help="The workshop the feedback belongs to: its id (or group).",
        autocompletion=complete.workshops,
    ),
    mapping: Path | None = typer.Option(
        None,
        "--map",
        "-m",
        metavar="FILE",
        help="The mapping file (scenarios, polarity...); see --init-map.",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar="FILE",
        help="The feedback file to write, .csv or .xlsx "
        "(default: feedback/WORKSHOP-SOURCE.csv next to engagement.yaml).",
    ),
    add: bool = typer.Option(
        False, "--add", help="Also make the workshop read it (feedback_file: in engagement.yaml)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the file(s) written earlier."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    init_map: bool = typer.Option(
        False,
        "--init-map",
        help="Write a mapping to fill in (to --map, else next to --out) and stop.",
    ),
    keep_hash: bool = typer.Option(
        False,
        "--keep-contributor-hash",
        help="Write a salted hash of each contributor as the author, to count distinct people.",
    ),
    engagement: Path = typer.Option(
        Path(),
        "--engagement",
        "-e",
        metavar="PATH",
        help="The engagement file or its folder.",
        show_default="current folder",
    ),
) -> None:
    """Import feedback from a participation platform, a survey or a board.

    Writes the project's own feedback file (the columns of `feedback template`, plus where each
    item came from), with the personal data dropped; rows the mapping gives no scenario go to a
    second file, OUT-unclassified.csv, counted. Importing the same file again gives the same ids.

    Example: dialogue feedback import decidim comments.csv -w AT-EN-LIGNE --map decidim.map.yaml --add
    """
    from ..common.files import display_name
    from ..importers.command import ImportRequest, run_import, write_scaffold

    source = source.strip().lower()
    from ..importers.mapping import SOURCES

    if source not in SOURCES:
        from ..common.suggest import suggest

        bad_value("SOURCE", source, f"not a source{suggest(source, SOURCES)}: {SOURCE_HELP}")
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        bad_value("--out", out, "give the file a .csv or .xlsx name")
    project = load_project(engagement)
    request = ImportRequest(project, source, file, workshop, mapping, out, force, keep_hash, add)
    if init_map:
        written, facts = write_scaffold(request)
        say(f"Wrote {display_name(written)} ({facts})", err=as_json)
        say(
            "Put a scenario id in place of each ~, then run again with --map "
            f"{display_name(written)}",
            err=as_json,
        )
        return
    result = run_import(request)
    for problem in result.problems:
        say(problem, err=True)
    if as_json:
        print_json(result.json)
    else:
        for line in result.lines:
            say(line)
