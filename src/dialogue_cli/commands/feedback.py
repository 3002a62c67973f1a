"""`dialogue feedback template`: an empty feedback file with the right headers, for one workshop."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import (
    app,
    engagement_argument,
    guard_outputs,
    load_project,
    output_path,
    print_json,
    reports_errors,
    say,
    write_output,
)

feedback_app = typer.Typer(
    name="feedback",
    help="Workshop feedback files (CSV or XLSX).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("template")
@reports_errors
def template(
    path: Path = engagement_argument(),
    group: str = typer.Option(
        ..., "--group", "-g", help="The workshop: its group (elus, citoyens, services) or its id."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="A .csv or .xlsx file (default: the workshop's feedback_file, "
        "else feedback/<group>.csv next to engagement.yaml).",
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write an empty feedback file (header row only) to fill in during a workshop.

    The headers follow the engagement's language (id;scenario;polarite;intensite;criteres;
    theme;verbatim;auteur in French). CSV files use ';' and UTF-8 with a BOM, as Excel expects.

    Example: dialogue feedback template examples/ormessac --group elus -o retours-elus.xlsx
    """
    from ..common.errors import FileProblem
    from ..engagement.feedback import TEMPLATE_HEADERS, write_template
    from ..engagement.model.base import normalize_group

    project = load_project(path)
    engagement = project.engagement
    wanted = normalize_group(group)
    workshops = [w for w in engagement.workshops if w.id == group or w.group == wanted]
    if wanted not in ("elus", "citoyens", "services") and not workshops:
        known = ", ".join(w.id for w in engagement.workshops) or "none yet"
        raise typer.BadParameter(
            f"{group!r} is neither a group (elus, citoyens, services) nor a workshop id "
            f"(workshops: {known})",
            param_hint="--group",
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
        raise typer.BadParameter(f"{output}: use a .csv or .xlsx file", param_hint="--output")
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
        ..., help="The platform: " + SOURCE_HELP, show_default=False, metavar="SOURCE"
    ),
    file: Path = typer.Argument(
        ..., help="The export (CSV, XLSX, or JSON for Decidim).", metavar="FILE"
    ),
    workshop: str = typer.Option(
        ..., "--workshop", "-w", help="The workshop the feedback belongs to: its id (or group)."
    ),
    mapping: Path | None = typer.Option(
        None, "--map", "-m", help="The mapping file (scenarios, polarity...); see --init-map."
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="The feedback file to write, .csv or .xlsx "
        "(default: feedback/<workshop>-<source>.csv next to engagement.yaml).",
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
        Path(), "--engagement", "-e", help="The engagement file or its folder.", show_default="."
    ),
) -> None:
    """Import feedback from a participation platform, a survey or a board's CSV.

    Writes the project's own feedback file (the columns of `feedback template`, plus where each
    item came from), with the personal data dropped; rows the mapping gives no scenario go to a
    second file, <out>-unclassified.csv, counted. Importing the same file again gives the same ids.

    Example: dialogue feedback import decidim comments.csv -w AT-EN-LIGNE --map decidim.map.yaml --add
    """
    from ..common.files import display_name
    from ..importers.command import ImportRequest, run_import, write_scaffold

    source = source.strip().lower()
    from ..importers.mapping import SOURCES

    if source not in SOURCES:
        from ..common.suggest import suggest

        raise typer.BadParameter(
            f"{source!r} is not a source{suggest(source, SOURCES)}: {SOURCE_HELP}",
            param_hint="SOURCE",
        )
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(f"{out}: use a .csv or .xlsx file", param_hint="--out")
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
