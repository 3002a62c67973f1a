"""`dialogue templates`: export the default Word templates, and check templates before use."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer

from . import _complete as complete
from ._common import bad_value, guard_outputs, reports_errors, say, sub_app

templates_app = sub_app(
    "templates",
    """Export the Word templates for branding; check edited ones.

    Example: dialogue templates export examples/ormessac/templates
    """,
)


@templates_app.command("export")
@reports_errors
def export(
    folder: Path = typer.Argument(
        ..., metavar="DIR", help="Folder to copy the default templates into."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite templates already in the folder."),
    language: str | None = typer.Option(
        None,
        "--language",
        "-l",
        metavar="LANGUAGE",
        help="Language of the templates: fr or en (default: the engagement's, the one beside "
        "DIR or in the current folder, else fr).",
        autocompletion=complete.languages,
    ),
) -> None:
    """Copy the default templates into a folder, to edit them.

    The six deliverables' templates and the workshop kit's (its slide deck and its four
    sheets).

    Edit them in Word or LibreOffice, then put them in templates/ beside engagement.yaml (or
    pass --templates to render): each one overrides the default of the same name. They are in
    the engagement's language unless --language says otherwise.

    Example: dialogue templates export examples/ormessac/templates
    """
    from ..common.errors import FileProblem
    from ..render.writer import export_defaults, exported_templates

    if language is None:
        language = _engagement_language(folder)
    elif language.strip().lower() not in ("fr", "en"):
        bad_value("--language", language, "not a language of the templates: fr or en")
    language = language.strip().lower()
    if not folder.parent.is_dir():
        raise FileProblem(
            f"{folder}: folder {folder.parent} does not exist (the templates' folder is created "
            "in an existing one)"
        )
    # Never over an input of the engagement around FOLDER (or of the current folder); its
    # templates are the exception: replacing them is what --force asks for.
    guard_outputs(
        [("", folder / name) for name in exported_templates()],
        instead="another folder",
        check_path=False,
        with_templates=False,
    )
    written = export_defaults(folder, overwrite=force, language=language)
    for path in written:
        typer.echo(f"Wrote {path}")
    kind = "English" if language == "en" else "French"
    typer.echo(f"{len(written)} {kind} templates. Edit them, then check them with: "
               f"dialogue templates check {shlex.quote(str(folder))}")  # fmt: skip


def _engagement_language(folder: Path) -> str:
    """The language of the engagement beside ``folder`` (or in the current folder), else fr."""
    from ..common.errors import DialogueError
    from ..engagement.loader import FILENAME
    from ..engagement.yamlio import read_text, safe_load

    for candidate in (folder.parent / FILENAME, Path(FILENAME)):
        if not candidate.is_file():
            continue
        try:
            data = safe_load(read_text(candidate, str(candidate)), str(candidate))
        except DialogueError:
            continue  # `check` reports the file; the templates are not its business
        language = data.get("language") if isinstance(data, dict) else None
        return "en" if language == "en" else "fr"
    return "fr"


@templates_app.command("check")
@reports_errors
def check(
    folder: Path | None = typer.Argument(
        None,
        metavar="PATH",
        help="Folder (or one .docx) to check; default: the packaged templates.",
        show_default=False,
    ),
) -> None:
    """Check templates before use: safety, variables, styles.

    The file opens within the size limits, nothing in it is fetched from outside when Word
    opens it, the Jinja parses and touches only the documented data (anything else is an
    error: a shared or downloaded template is refused here), variables exist in the documented
    context, no Jinja in the document properties, the styles used exist.

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
