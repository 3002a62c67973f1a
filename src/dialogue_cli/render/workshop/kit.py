"""Write the workshop kit of the chosen sessions: everything rendered and checked, then all at once.

The same guarantees as `dialogue render`: the templates are found by the same lookup
(``--templates``, ``templates/`` beside the engagement, the defaults), the Word sheets go
through the sandboxed docxtpl render (:func:`dialogue_cli.render.documents.render_one`), the
deck is filled from plain values (:mod:`.deck`); nothing is written until every file (and, with
``pdf``, every PDF) is ready; then the files and the manifest of the kit's folder replace the
old ones together; a file edited since dialogue wrote it is never replaced without ``force``.

The pre-filled feedback file is an exception on purpose: once it is edited (transcription
under way) or named by its workshop's ``feedback_file`` (an input), it is never replaced, not
even with ``force``; it is reported as kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..values import Fmt, engagement_names
from .catalog import DEFAULT_FOLDER, FEEDBACK, Piece, as_deliverable, file_name, pieces
from .codes import DEFAULT_LINES, SOLUTION_LINES, capture_codes, prefilled_feedback
from .info import SessionInfo, build_info
from .sessions import Session
from .slides import Deck, Picture, build_deck
from .text import KitFmt

if TYPE_CHECKING:
    from ...engagement.loader import Project
    from ..results import Results


@dataclass(frozen=True)
class KitFile:
    """One file of the kit: where it goes (inside the kit's folder), what made it."""

    session: str
    piece: Piece
    name: str  # relative to the kit's folder: AT-ELUS/deroule-AT-ELUS.docx
    template: Path | None = None
    default: bool = True
    size: int = 0
    kept: str = ""  # why an existing file was left as it is (the feedback file)
    pdf: str = ""  # its PDF's name, when one was written


@dataclass
class KitResult:
    """What the kit wrote, and what the consultant should know (English, for stderr)."""

    files: list[KitFile]
    warnings: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def default_out(project: Project) -> Path:
    return project.base_dir / DEFAULT_FOLDER


def pdf_name(name: str) -> str:
    return str(Path(name).with_suffix(".pdf"))


def plan_files(
    project: Project, sessions: Sequence[Session], templates_dir: Path | None
) -> list[KitFile]:
    """Every file the kit of ``sessions`` would write, with the template each one comes from."""
    from ..templates import find_template

    language = project.engagement.language
    found: dict[str, tuple[Path, bool]] = {}
    out = []
    for session in sessions:
        for piece in pieces(session.kind):
            template, default = None, True
            if piece.template is not None:
                if piece.template not in found:
                    found[piece.template] = find_template(
                        piece.template, templates_dir, project.base_dir, language
                    )
                template, default = found[piece.template]
            name = f"{session.code}/{file_name(piece, session.code, language)}"
            out.append(KitFile(session.code, piece, name, template, default))
    return out


def render_kit(
    project: Project,
    out_dir: Path,
    sessions: Sequence[Session],
    *,
    results: Results,
    templates_dir: Path | None = None,
    force: bool = False,
    pdf: bool = False,
    lines: int = DEFAULT_LINES,
    on_rendered: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> KitResult:
    """Render and write the kit of ``sessions`` into ``out_dir``; return what was written.

    With ``pdf``, the documents are converted as the deliverables are (tagged PDF/UA, the
    shipped fonts given to LibreOffice); ``on_warning`` gets the line naming the fonts
    LibreOffice would replace, if any, before it starts.

    Raises:
        EditedOutput: a file was edited since dialogue wrote it (and ``force`` is false).
        TemplateProblem: a template is broken or does something forbidden.
        InvalidOutput: a rendered file is not a valid package.
        PdfError: LibreOffice is missing or produced no PDF (with ``pdf``).
        FileProblem: the folder or a file in it cannot be created, read or replaced.
    """
    from ..writer import Manifest, prepare_folder, refuse_overwrites, write_recorded

    planned = plan_files(project, sessions, templates_dir)
    prepare_folder(out_dir)
    manifest = Manifest(out_dir)
    keep = _kept_feedback(project, out_dir, planned, manifest)
    names = [k.name for k in planned if k.name not in keep]
    if pdf:
        names += [pdf_name(k.name) for k in planned if k.piece.suffix in (".pptx", ".docx")]
    refuse_overwrites(manifest, names, force)
    f = KitFmt(project.engagement.language, engagement_names(project.engagement))
    result = KitResult([])
    rendered: dict[str, bytes] = {}
    by_session: dict[str, list[KitFile]] = {}
    for kit_file in planned:
        by_session.setdefault(kit_file.session, []).append(kit_file)
    for session in sessions:
        info = build_info(session, results, f)
        result.warnings += [f"{session.code}: {w}" for w in info.timing.warnings]
        files = by_session[session.code]
        made = _session(project, info, results, f, files, lines, keep, on_rendered)
        rendered.update(made)
        result.warnings += _notice_warnings(results, f, result.warnings)
        result.hints += _transcription_hint(project, session, files, out_dir, results)
    pdfs: dict[str, bytes] = {}
    if pdf:
        from ..pdf import to_pdf

        # One LibreOffice run for every document of every session: their file names carry the
        # session's code, so they never clash once out of their folders.
        documents = [name for name in rendered if name.endswith((".pptx", ".docx"))]
        folder_of = {Path(name).stem: Path(name).parent.as_posix() for name in documents}
        converted = to_pdf(
            {Path(name).name: rendered[name] for name in documents}, on_warning=on_warning
        )
        for pdf_file, data in converted.items():
            pdfs[f"{folder_of[Path(pdf_file).stem]}/{pdf_file}"] = data
        if on_rendered is not None:
            for name in pdfs:
                on_rendered(Path(name).name)
    files_to_write = {**rendered, **pdfs}
    for folder in sorted({Path(name).parent for name in files_to_write}):
        prepare_folder(out_dir / folder)
    write_recorded(files_to_write, manifest)
    for kit_file in planned:
        size = len(rendered.get(kit_file.name, b""))
        pdf_file = pdf_name(kit_file.name) if pdf_name(kit_file.name) in pdfs else ""
        result.files.append(
            KitFile(
                kit_file.session,
                kit_file.piece,
                kit_file.name,
                kit_file.template,
                kit_file.default,
                size,
                keep.get(kit_file.name, ""),
                pdf_file,
            )
        )
    return result


def _kept_feedback(
    project: Project, out_dir: Path, planned: list[KitFile], manifest: Any
) -> dict[str, str]:
    """The pre-filled feedback files left as they are, each with why."""
    from ...common.atomic import same_file
    from ...engagement.feedback import feedback_path

    inputs = {
        w.id: feedback_path(project.base_dir, w)
        for w in project.engagement.workshops
        if w.feedback_file
    }
    kept = {}
    for kit_file in planned:
        if kit_file.piece is not FEEDBACK:
            continue
        target = out_dir / kit_file.name
        source = inputs.get(kit_file.session)
        if source is not None and same_file(target, source):
            kept[kit_file.name] = "the workshop's feedback file"
        elif manifest.edited([kit_file.name]):
            kept[kit_file.name] = "edited since written (transcription under way)"
    return kept


def _session(
    project: Project,
    info: SessionInfo,
    results: Results,
    f: Fmt,
    files: list[KitFile],
    lines: int,
    keep: dict[str, str],
    on_rendered: Callable[[str], None] | None,
) -> dict[str, bytes]:
    """Every file of one session, rendered and checked in memory."""
    from .sheets import attendance_context, capture_context, runsheet_context, solutions_context

    language = project.engagement.language
    names = {k.piece.key: Path(k.name).name for k in files}
    scenario_ids = [item.id for item in (info.items if info.kind == "workshop" else info.options)]
    codes = capture_codes(
        info.code, scenario_ids, lines if info.kind == "workshop" else SOLUTION_LINES
    )
    deck = build_deck(info, results, f, _pictures(project, info))
    out: dict[str, bytes] = {}
    for kit_file in files:
        piece = kit_file.piece
        if kit_file.name in keep:
            continue
        if piece.key == "deck":
            data = _deck_bytes(project, kit_file, deck)
        elif piece.key == "feedback":
            data = prefilled_feedback(info.code, codes, language)
        else:
            if piece.key == "capture" and info.kind == "workshop":
                context = capture_context(piece, info, results, f, codes, names["feedback"])
            elif piece.key == "capture":
                context = solutions_context(piece, info, results, f, codes)
            elif piece.key == "attendance":
                context = attendance_context(piece, info, results, f)
            else:
                context = runsheet_context(piece, info, deck, results, f, names, lines)
            data = _word_bytes(project, kit_file, context)
        out[kit_file.name] = data
        if on_rendered is not None:
            on_rendered(Path(kit_file.name).name)
    return out


def _pictures(project: Project, info: SessionInfo) -> dict[str, Picture]:
    """The scenarios' pictures, checked as the logo is (a located error when unreadable)."""
    from ..results import picture_bytes

    e = project.engagement
    f = KitFmt(e.language, engagement_names(e))
    out = {}
    for index, scenario in enumerate(e.scenarios):
        if scenario.picture and any(item.id == scenario.id for item in info.items):
            data = picture_bytes(project, scenario.picture, ("scenarios", index, "picture"))
            alt = f.t(scenario.picture_alt or scenario.title)
            out[scenario.id] = Picture(data, alt)
    return out


def _label(project: Project, kit_file: KitFile) -> str:
    assert kit_file.template is not None
    if kit_file.default:
        return f"{kit_file.template.name} (default template)"
    return project.display(kit_file.template)


def _deck_bytes(project: Project, kit_file: KitFile, deck: Deck) -> bytes:
    from ...common.files import read_bytes
    from ..package import checked_package
    from .deck import fill_deck, validate_pptx

    assert kit_file.template is not None
    label = _label(project, kit_file)
    data = checked_package(read_bytes(kit_file.template, label, "template"), label)
    filled = fill_deck(data, deck, label, kit_file.default)
    validate_pptx(filled, Path(kit_file.name).name)
    return filled


def _word_bytes(project: Project, kit_file: KitFile, context: dict[str, Any]) -> bytes:
    from ..documents import render_one
    from ..templates import Source
    from ..writer import to_bytes, validate_docx

    assert kit_file.template is not None
    source = Source(as_deliverable(kit_file.piece), kit_file.template, kit_file.default)
    tpl = render_one(
        source, context, project, before_layout=lambda docx: fit_column_loops(docx.element.body)
    )
    data = to_bytes(tpl.save)
    validate_docx(data, Path(kit_file.name).name)
    return data


def fit_column_loops(body: Any) -> None:
    """Give each table the columns its cells ask for, once a ``{%tc for %}`` loop has run.

    docxtpl spreads a table's width evenly over its columns when a loop adds some; here every
    column takes the width of its cells again, and the last column takes what the others leave
    of the table's width (at least 2 cm): the capture sheets' "what was said" narrows as the
    grid's criteria add tick columns.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for table in body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        if not rows:
            continue
        widest = max(rows, key=lambda row: len(row.findall(qn("w:tc"))))
        cells = widest.findall(qn("w:tc"))
        widths = []
        for cell in cells:
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if (
                width is None
                or width.get(qn("w:type")) != "dxa"
                or cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None
            ):
                break
            widths.append(int(width.get(qn("w:w"))))
        else:
            total = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
            wanted = (
                int(total.get(qn("w:w")))
                if total is not None and total.get(qn("w:type")) == "dxa"
                else sum(widths)
            )
            last = widths[-1] + wanted - sum(widths)
            if last >= 1134 and last != widths[-1]:
                widths[-1] = last
                for row in rows:
                    found = row.findall(qn("w:tc"))
                    if len(found) == len(cells):
                        found[-1].find(f"{qn('w:tcPr')}/{qn('w:tcW')}").set(qn("w:w"), str(last))
            grid = table.find(qn("w:tblGrid"))
            if grid is None:
                continue
            for column in list(grid):
                grid.remove(column)
            for width in widths:
                column = OxmlElement("w:gridCol")
                column.set(qn("w:w"), str(width))
                grid.append(column)


def _notice_warnings(results: Results, f: Fmt, already: list[str]) -> list[str]:
    """Once per kit: the fields of the personal-data notice that read « À compléter » (or its
    English)."""
    from .notice import build_notice
    from .words import KIT_WORDS

    if any(line.startswith("attendance sheets:") for line in already):
        return []
    missing = build_notice(results, f).missing
    if not missing:
        return []
    todo = KIT_WORDS[f.language]["notice"]["todo"]  # what the sheet prints, in its language
    return [
        f"attendance sheets: the personal-data notice reads '{todo}' for "
        + ", ".join(missing)
        + " (fill in the privacy section of the engagement)"
    ]


def _transcription_hint(
    project: Project, session: Session, files: list[KitFile], out_dir: Path, results: Results
) -> list[str]:
    """For a workshop with no feedback yet: how `check` will read its pre-filled file."""
    import os

    from ...common.atomic import same_file

    workshop = session.workshop
    if workshop is None:
        return []
    feedback = next((k for k in files if k.piece is FEEDBACK), None)
    if feedback is None:
        return []
    target = out_dir / feedback.name
    if workshop.feedback_file and same_file(project.base_dir / workshop.feedback_file, target):
        return []
    if results.digest.counts.get(workshop.id) is not None:
        return []  # feedback already entered: the kit's file is for a session to come
    relative = Path(os.path.relpath(target.absolute(), project.base_dir.absolute())).as_posix()
    now = f" (instead of {workshop.feedback_file})" if workshop.feedback_file else ""
    return [
        f"{workshop.id}: to transcribe its capture sheets, set feedback_file: {relative}{now} "
        "on this workshop in the engagement file"
    ]
