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
