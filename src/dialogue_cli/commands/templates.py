"""`dialogue templates`: export the default Word templates, and check templates before use."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import app, guard_outputs, reports_errors, say

templates_app = typer.Typer(
    name="templates",
    help="Export the default Word templates for branding, and check templates before use.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
@reports_errors
def export(
    folder: Path = typer.Argument(..., help="Folder to copy the default templates into."),
    force: bool = typer.Option(False, "--force", help="Overwrite templates already in the folder."),
    language: str = typer.Option(
        "fr", "--language", "-l", help="Language of the templates: fr or en."
    ),
) -> None:
    """Copy the default templates into FOLDER, to edit them in Word or LibreOffice: the six
    deliverables' and the workshop kit's (its slide deck and its four sheets).

    Put the edited files in templates/ beside engagement.yaml (or pass --templates to
    render): each one overrides the default of the same name.

    Example: dialogue templates export examples/ormessac/templates
    """
    from ..common.errors import FileProblem
    from ..render.writer import export_defaults, exported_templates

    if language not in ("fr", "en"):
        raise FileProblem(f"--language {language}: choose fr or en")
    # Never over an input of the engagement around FOLDER (or of the current folder); its
    # templates are the exception: replacing them is what --force asks for.
    guard_outputs(
        [("", folder / name) for name in exported_templates()],
        instead="another folder",
        check_path=False,
        with_templates=False,
    )
    for path in export_defaults(folder, overwrite=force, language=language):
        typer.echo(f"Wrote {path}")
    typer.echo("Edit them, then check them with: dialogue templates check " + str(folder))


@templates_app.command("check")
@reports_errors
def check(
    folder: Path | None = typer.Argument(
        None, help="Folder (or one .docx) to check; default: the packaged templates."
    ),
) -> None:
    """Check templates before use: the file opens within the size limits, nothing in it is
    fetched from outside when Word opens it, the Jinja parses and touches only the documented
    data (anything else is an error: a shared or downloaded template is refused here), variables
    exist in the documented context, no Jinja in the document properties, the styles used exist.

    Exits 1 when a template has an error; warnings (likely typos) do not fail. See
    docs/security.md for what a template may do.

    Example: dialogue templates check examples/ormessac/templates
    """
    from ..render.templates import check_dir

    results = check_dir(folder)
    errors = warnings = 0
    for path, findings in results:
        if not findings:
            say(f"{path}: ok")
        for finding in findings:
            say(str(finding), err=finding.level == "error")  # a template's text, escaped
            errors += finding.level == "error"
            warnings += finding.level == "warning"
    typer.echo(
        f"{len(results)} template{'s' if len(results) != 1 else ''} checked: {errors} error(s), {warnings} warning(s)"
    )
    if errors:
        raise typer.Exit(1)
