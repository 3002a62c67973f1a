"""`dialogue workshop`: the kit a consultant brings into each session (slides, sheets, files)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from . import _complete as complete
from ._common import (
    app,
    console,
    documents_gc,
    engagement_argument,
    guard_outputs,
    load_project,
    markup,
    progress,
    reports_errors,
    say,
)

if TYPE_CHECKING:
    from ..engagement.loader import Project
    from ..render.workshop.kit import KitFile, KitResult

LINES_DEFAULT = 12  # render.workshop.codes.DEFAULT_LINES (not imported: --help stays light)


@app.command()
@reports_errors
def workshop(
    path: Path = engagement_argument(),
    sessions: list[str] | None = typer.Argument(
        None,
        metavar="SESSION",
        help="The sessions to prepare: workshop ids, or 'creativite' for the creativity "
        "session (default: every workshop and the creativity session).",
        show_default=False,
        autocompletion=complete.sessions,
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar="DIR",
        help="Output folder (default: ateliers/ beside the engagement).",
    ),
    templates: Path | None = typer.Option(
        None,
        "--templates",
        metavar="DIR",
        help="Folder of templates overriding the defaults by file name.",
    ),
    lines: int = typer.Option(
        LINES_DEFAULT,
        "--lines",
        min=1,
        max=200,
        help="Lines per scenario on the capture sheets, and rows per scenario of the "
        "pre-filled feedback file.",
    ),
    pdf: bool = typer.Option(False, "--pdf", help="Also write PDFs through LibreOffice (soffice)."),
    force: bool = typer.Option(
        False, "--force", help="Overwrite files edited since dialogue wrote them."
    ),
) -> None:
    """Write each session's kit: slides, sheets and feedback file.

    The slides, the capture, attendance and run sheets and the pre-filled feedback file, in
    the engagement's language, into ateliers/SESSION/.

    The slide deck (.pptx, editable in PowerPoint and Impress) has the session, the rules of
    the game, one slide per scenario (per option, with its verdict and the challenge it sets,
    for the creativity session) and the facilitator's prompts as speaker notes. The capture
    sheets pre-print a code on every line (AT-ELUS-BP-07), and the feedback file holds the same
    codes: type a polarity on a line and `dialogue check` reads it; rows still without one are
    counted as not transcribed yet. The attendance sheet carries the personal-data notice of
    the privacy section and no name. The run sheet times every sequence from the session's
    duration (default 120 minutes, 180 for the creativity session).

    Templates come from --templates, then templates/ beside the engagement, then the defaults
    (see `dialogue templates export`). Nothing is written unless every file renders (and, with
    --pdf, converts); a file edited by hand is never replaced without --force, and an edited
    feedback file never is. Inside the engagement's folder, the session alone is enough
    (dialogue workshop AT-ELUS).

    Example: dialogue workshop examples/ormessac AT-ELUS --pdf
    """

    from ..render.chart_cache import chart_cache_dir
    from ..render.results import Results
    from ..render.workshop.kit import default_out, plan_files, render_kit
    from ..render.workshop.sessions import select

    project, wanted = _project_and_sessions(path, sessions or [])
    documents_gc()
    chosen = select(project.engagement, wanted)
    target = out if out is not None else default_out(project)
    planned = plan_files(project, chosen, templates)
    _guard(project, target, planned, pdf, templates)
    if pdf:
        from ..render.pdf import find_soffice

        find_soffice()  # fail before writing anything when LibreOffice is missing
    results = Results(project, cache=chart_cache_dir())
    documents = sum(1 for k in planned if k.piece.suffix in (".pptx", ".docx"))
    with progress() as bar:
        task = bar.add_task("Preparing", total=len(planned) + (documents if pdf else 0))
        done = 0

        def advance(name: str) -> None:
            nonlocal done
            done += 1
            description = f"Ready: {name}"
            if pdf and done == len(planned):
                description = "Converting to PDF (LibreOffice)"
            bar.update(task, advance=1, description=markup(description))

        result = render_kit(
            project,
            target,
            chosen,
            results=results,
            templates_dir=templates,
            force=force,
            pdf=pdf,
            lines=lines,
            on_rendered=advance,
            on_warning=lambda line: say(f"warning: {line}", err=True),
        )
    for warning in result.warnings:
        say(f"warning: {warning}", err=True)
    say(_templates_line(result, templates, project.engagement.language))
    _summary(result, target, pdf)
    for hint in result.hints:
        say(hint)


def _project_and_sessions(path: Path, sessions: list[str]) -> tuple[Project, list[str]]:
    """The engagement and the sessions asked for; ``dialogue workshop AT-ELUS`` run inside the
    engagement's folder names a session where PATH goes, and means that session here.

    Only a bare name that is no file or folder here, with an engagement in the current folder,
    is read so; one that is no session either is refused with the nearest session's id.
    """
    from ..common.errors import FileProblem
    from ..common.suggest import suggest
    from ..engagement.loader import FILENAME
    from ..engagement.model.base import fold
    from ..render.workshop.sessions import CREATIVITY_NAMES, all_sessions

    name = str(path)
    here = Path() / FILENAME
    if path.exists() or path.parent != Path() or not here.is_file():
        return load_project(path), sessions
    project = load_project(Path())
    codes = [s.code for s in all_sessions(project.engagement)]
    if name.casefold() in {c.casefold() for c in codes} or fold(name) in CREATIVITY_NAMES:
        return project, [name, *sessions]
    raise FileProblem(
        f"{name}: no such file or folder, nor a session of {FILENAME}{suggest(name, codes)}"
    )


def _guard(
    project: Project,
    folder: Path,
    planned: list[KitFile],
    pdf: bool,
    templates: Path | None,
) -> None:
    """Refuse, before anything is rendered, a file that would replace an input or a special file.

    The pre-filled feedback file a workshop already reads (its ``feedback_file``) is no output:
    it is left as it is.
    """
    from ..common.atomic import refuse_special, same_file
    from ..render.workshop.catalog import FEEDBACK
    from ..render.workshop.kit import pdf_name
    from ..render.writer import MANIFEST

    inputs = [
        project.base_dir / w.feedback_file for w in project.engagement.workshops if w.feedback_file
    ]
    names = []
    for kit_file in planned:
        if kit_file.piece is FEEDBACK and any(same_file(folder / kit_file.name, i) for i in inputs):
            continue
        names.append(kit_file.name)
        if pdf and kit_file.piece.suffix in (".pptx", ".docx"):
            names.append(pdf_name(kit_file.name))
    files = [*names, MANIFEST]
    for name in files:
        refuse_special(folder / name)
    guard_outputs(
        [("--out", folder / name) for name in files],
        project,
        templates=templates,
        instead="another output folder",
        check_path=False,
    )


def _templates_line(result: KitResult, templates: Path | None, language: str) -> str:
    from ..render.catalog import Deliverable
    from ..render.templates import Source, used_line

    seen: dict[Path, Source] = {}
    for kit_file in result.files:
        if kit_file.template is not None and kit_file.template not in seen:
            name = kit_file.template.stem
            deliverable = Deliverable(name, name, name, "", "", name)
            seen[kit_file.template] = Source(deliverable, kit_file.template, kit_file.default)
    return used_line(list(seen.values()), templates, language)


def _summary(result: KitResult, target: Path, pdf: bool) -> None:
    from rich.table import Table

    from ..common.files import display_name
    from ..render.pdf import page_count

    written = [k for k in result.files if not k.kept]
    sessions = len({k.session for k in result.files})
    table = Table(
        title=markup(
            f"{len(written)} file{'s' if len(written) != 1 else ''} for {sessions} "
            f"session{'s' if sessions != 1 else ''} in {display_name(target)}"
        ),
        title_justify="left",
    )
    table.add_column("Session")
    table.add_column("File")
    table.add_column("Size", justify="right")
    table.add_column("Template")
    if pdf:
        table.add_column("PDF")
        table.add_column("Pages", justify="right")
    for kit_file in result.files:
        name = Path(kit_file.name).name
        if kit_file.kept:
            row = [kit_file.session, name, "kept", kit_file.kept]
        else:
            template = (
                "—"
                if kit_file.template is None
                else "default"
                if kit_file.default
                else display_name(kit_file.template)
            )
            row = [kit_file.session, name, _size(kit_file.size), template]
        if pdf:
            pages = page_count(target / kit_file.pdf) if kit_file.pdf else None
            row += [Path(kit_file.pdf).name if kit_file.pdf else "", str(pages) if pages else ""]
        table.add_row(*(markup(cell) for cell in row))
    console().print(table)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
