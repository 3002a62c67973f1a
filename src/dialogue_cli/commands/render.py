"""`dialogue render`: the six Word deliverables (and PDFs) from templates a consultant can brand."""

from __future__ import annotations

from datetime import datetime
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
    from ..render.documents import Written


@app.command()
@reports_errors
def render(
    path: Path = engagement_argument(),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar="DIR",
        help="Output folder (default: livrables/ beside the engagement).",
    ),
    only: list[str] | None = typer.Option(
        None,
        "--only",
        metavar="NAME",
        help="Render only this deliverable (repeatable): cahier-des-charges, communication-interne, "
        "communication-externe, kit-roi-citoyen, synthese-ateliers, devis (or the English names).",
        autocompletion=complete.deliverables,
    ),
    templates: Path | None = typer.Option(
        None,
        "--templates",
        metavar="DIR",
        help="Folder of templates overriding the defaults by file name.",
    ),
    pdf: bool = typer.Option(
        False, "--pdf", help="Also write tagged PDFs (PDF/UA) through LibreOffice (soffice)."
    ),
    pdfa: bool = typer.Option(
        False, "--pdfa", help="Write the PDFs as PDF/A-2b too, for archiving (implies --pdf)."
    ),
    formats: list[str] | None = typer.Option(
        None,
        "--format",
        metavar="FORMATS",
        help="What to write, comma-separated or repeated: docx (default), html, md. The "
        "communication externe has a web form (an accessible HTML fragment, Markdown); with docx "
        "it comes with its press release and its easy-to-read draft.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Overwrite outputs edited since dialogue wrote them."
    ),
    on: datetime | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        formats=["%Y-%m-%d"],
        help="Date the documents and word them from where the engagement stands "
        "on that day; default: engagement.document_date, else today.",
    ),
) -> None:
    """Write the Word deliverables (and their PDFs), and the web page.

    The specification (cahier des charges), the internal and external communication kits, the
    ROI citoyen kit, the workshop report and the quote (devis); with the communication externe,
    its press release and easy-to-read draft, and its web page with --format html,md.

    Every document carries the document date (--date, else engagement.document_date, else
    today) and the version line of engagement.version; what is done is told in the past, what
    is to come with its date.

    Templates come from --templates, then templates/ beside the engagement, then the defaults
    (see `dialogue templates export`); a line says which were used. A template that touches
    anything but the documented data is refused (check one first with `dialogue templates
    check`). Nothing is written unless every document renders (and, with --pdf, converts);
    then all are replaced at once. Outputs
    (documents and PDFs) edited by hand since the last render are never overwritten without
    --force. The plan's warnings (as `dialogue plan` shows them) are printed
    on stderr; they never go into the documents.

    Example: dialogue render examples/ormessac --only communication-externe --format docx,html,md
    """

    from ..render.chart_cache import chart_cache_dir
    from ..render.documents import choose_formats, default_out, outputs, render_documents, select
    from ..render.results import Results

    pdf = pdf or pdfa
    project = load_project(path)
    documents_gc()
    results = Results(project, today=on.date() if on else None, cache=chart_cache_dir())
    chosen = select(only)
    kinds = choose_formats(formats)
    target = out if out is not None else default_out(project)
    language = project.engagement.language
    names = outputs(chosen, kinds, language)
    _guard(project, target, names, pdf, templates)
    if pdf:
        from ..render.pdf import find_soffice

        find_soffice()  # fail before writing anything when LibreOffice is missing
    with progress() as bar:
        docx = [n for n in names if n.endswith(".docx")]
        task = bar.add_task("Rendering", total=len(names) + (len(docx) if pdf else 0))
        done = 0

        def advance(name: str) -> None:
            nonlocal done
            done += 1
            description = f"Rendered {name}"
            if pdf and done == len(names):  # the documents are ready: LibreOffice's turn
                description = "Converting to PDF (LibreOffice)"
            bar.update(task, advance=1, description=description)

        written = render_documents(
            project,
            target,
            only=only,
            templates_dir=templates,
            force=force,
            on_rendered=advance,
            results=results,
            pdf=pdf,
            formats=kinds,
            pdfa=pdfa,
            on_warning=lambda line: say(f"warning: {line}", err=True),
        )
    # The PDFs were written with their documents (all or none).
    pdfs = (
        {w.path.stem: w.path.with_suffix(".pdf") for w in written if w.template is not None}
        if pdf
        else {}
    )
    # For the consultant, never in the documents: the same lines as `dialogue plan`. The plan is
    # the one the specification's calendar was drawn from (computed once, shared by `results`).
    for warning in results.plan.warnings:
        say(f"warning: {warning}", err=True)
    if not pdf:
        _warn_stale_pdfs([w for w in written if w.template is not None])
    from ..render.template_language import language_warnings
    from ..render.templates import used_line

    sources = [w.template for w in written if w.template is not None]
    for line in language_warnings(sources, language):
        say(f"warning: {line}", err=True)
    if sources:
        say(used_line(sources, templates, language))
    _summary(written, pdfs, target)


def _guard(
    project: Project, folder: Path, names: list[str], pdf: bool, templates: Path | None
) -> None:
    """Refuse, before rendering, a document or PDF that would replace an input or a special file.

    Nothing of an existing output is read here: a ``devis.docx`` that leads to ``/dev/zero`` or
    to a named pipe is refused from its type.
    """
    from ..common.atomic import refuse_special
    from ..render.documents import pdf_name
    from ..render.writer import MANIFEST

    docx = [name for name in names if name.endswith(".docx")]
    files = [*names, *(pdf_name(name) for name in docx if pdf), MANIFEST]
    for name in files:
        refuse_special(folder / name)
    guard_outputs(
        [("--out", folder / name) for name in files],
        project,
        templates=templates,
        instead="another output folder",
        check_path=False,
    )


def _warn_stale_pdfs(written: list[Written]) -> None:
    """Name each PDF left older than the document just written (never deleted: the user's file)."""
    from ..common.files import display_name
    from ..render.pdf import stale_pdfs

    for pdf, document in stale_pdfs([w.path for w in written]):
        say(
            f"warning: {display_name(pdf)} is older than {document.name}: "
            "run with --pdf to refresh it",
            err=True,
        )


def _summary(written: list[Written], pdfs: dict[str, Path], target: Path) -> None:
    from rich.table import Table

    from ..common.files import display_name
    from ..render.pdf import page_count

    table = Table(
        title=markup(
            f"{len(written)} document{'s' if len(written) > 1 else ''} in {display_name(target)}"
        ),
        title_justify="left",
    )
    table.add_column("File")
    table.add_column("Size", justify="right")
    table.add_column("Template")
    if pdfs:
        table.add_column("PDF")
        table.add_column("Pages", justify="right")
    for item in written:
        if item.template is None:
            origin = "web page"
        else:
            origin = "default" if item.template.default else display_name(item.template.path)
        row = [item.path.name, _size(item.size), origin]
        if pdfs:
            produced = pdfs.get(item.path.stem) if item.template is not None else None
            pages = page_count(produced) if produced else None
            row += [produced.name if produced else "", str(pages) if pages else ""]
        table.add_row(*(markup(cell) for cell in row))
    console().print(table)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
