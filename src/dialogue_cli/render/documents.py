"""Render the deliverables of a project: template, context, hardened Jinja, checked atomic write."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.errors import FileProblem
from .catalog import BY_ANY_NAME, COMPANIONS, DELIVERABLES, FORMATS, NAMES, WEB_FORMS, Deliverable
from .chart_cache import chart_cache_dir
from .contexts import build_context
from .environment import TemplateProblem, make_environment
from .layout import finish
from .results import Results
from .templates import (
    Source,
    apply_brand_color,
    forbidden,
    locate,
    open_template,
    package,
    parse,
    shape_of,
    unknown_variables,
)
from .writer import (
    Manifest,
    prepare_folder,
    refuse_overwrites,
    to_bytes,
    validate_docx,
    write_recorded,
)

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

    from ..engagement.loader import Project

# A template gets this long to render before it is stopped (a hostile one could loop for ever).
RENDER_TIMEOUT_SECONDS = 60
LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}


@dataclass(frozen=True)
class Written:
    """One file written by a render (``template`` is None for a web page: it has none)."""

    name: str
    path: Path
    template: Source | None
    size: int


def web_name(deliverable: Deliverable, language: str, fmt: str) -> str:
    """The web form of a document: ``communication-externe.html``, ``external-communication.md``."""
    return str(Path(deliverable.output_name(language)).with_suffix(f".{fmt}"))


def choose_formats(formats: Sequence[str] | None) -> tuple[str, ...]:
    """The formats ``--format`` names (``docx,html``, repeatable), in the canonical order.

    Raises:
        FileProblem: an unknown format (with a suggestion).
    """
    if not formats:
        return ("docx",)
    wanted = set()
    for raw in formats:
        for part in raw.split(","):
            name = part.strip().lower().lstrip(".")
            if not name:
                continue
            if name == "markdown":
                name = "md"
            if name not in FORMATS:
                from ..common.suggest import suggest

                raise FileProblem(
                    f"--format {part.strip()}: unknown format{suggest(name, list(FORMATS))}; "
                    f"choose from {', '.join(FORMATS)} (--pdf adds PDFs of the .docx)"
                )
            wanted.add(name)
    return tuple(f for f in FORMATS if f in wanted) or ("docx",)


def outputs(
    deliverables: Sequence[Deliverable], formats: Sequence[str], language: str
) -> list[str]:
    """Every file a render of ``deliverables`` in ``formats`` writes (PDFs aside), in order.

    Raises:
        FileProblem: no chosen document has any of ``formats`` (html and md are the
            communication externe's only).
    """
    names = []
    for d in deliverables:
        if "docx" in formats:
            names.append(d.output_name(language))
            names += [c.output_name(language) for c in COMPANIONS.get(d.name, ())]
        for fmt in ("html", "md"):
            if fmt in formats and d.name in WEB_FORMS:
                names.append(web_name(d, language, fmt))
    if not names:
        asked = ", ".join(formats)
        raise FileProblem(
            f"--format {asked}: only {', '.join(sorted(WEB_FORMS))} has a web form; "
            "add it with --only, or ask for docx"
        )
    return names


def select(only: Sequence[str] | None) -> list[Deliverable]:
    """The deliverables named by ``--only`` (all when empty), in the canonical order.

    A deliverable is named in French or in English (``devis`` or ``quote``), with or without
    ``.docx``.
    """
    if not only:
        return list(DELIVERABLES)
    wanted = set()
    for raw in only:
        name = raw.strip().removesuffix(".docx").casefold()
        if name not in BY_ANY_NAME:
            from ..common.suggest import suggest

            raise FileProblem(
                f"--only {raw}: unknown deliverable{suggest(name, list(BY_ANY_NAME))}; "
                f"choose from {', '.join(NAMES)}"
            )
        wanted.add(BY_ANY_NAME[name].name)
    return [d for d in DELIVERABLES if d.name in wanted]


def default_out(project: Project) -> Path:
    return project.base_dir / "livrables"


def render_documents(
    project: Project,
    out_dir: Path,
    *,
    only: Sequence[str] | None = None,
    templates_dir: Path | None = None,
    force: bool = False,
    today: dt.date | None = None,
    use_cache: bool = True,
    on_rendered: Callable[[str], None] | None = None,
    results: Results | None = None,
    pdf: bool = False,
    formats: Sequence[str] = ("docx",),
    pdfa: bool = False,
    on_warning: Callable[[str], None] | None = None,
) -> list[Written]:
    """Render the chosen deliverables into ``out_dir``; return what was written, in order.

    All or nothing: every document is rendered and checked in memory first, and only when all of
    them succeeded are they written, together with the manifest (a temp file beside each, then
    the moves; a failure half-way puts the old files back). ``pdf`` converts every document
    through LibreOffice before anything is written, adds the PDFs to that set, and to the files
    that must not have been edited by hand. ``results`` lets the
    caller share the computed results (plan, scores, charts) with what it shows afterwards, such
    as the plan's warnings; ``today`` and ``use_cache`` then do not apply. ``on_rendered`` is
    called with each file name once its document (or PDF) is ready in memory. The PDFs are
    tagged PDF/UA, PDF/A-2b too with ``pdfa``; ``on_warning`` gets, once and before LibreOffice
    starts, the line naming the fonts it would replace (:func:`.pdf.to_pdf`).

    Raises:
        EditedOutput: an output was edited since the tool wrote it (and ``force`` is false).
        TemplateProblem: a template is broken, uses a missing variable or does something forbidden.
        InvalidOutput: a rendered document is not a valid Word package.
        PdfError: LibreOffice is missing or produced no PDF (with ``pdf``).
        FileProblem: the output folder or a file in it cannot be created, read or replaced.
    """
    deliverables = select(only)
    language = project.engagement.language
    formats = tuple(formats)
    words = outputs(deliverables, formats, language)
    with_docx = deliverables if "docx" in formats else []
    documents = [d for top in with_docx for d in (top, *COMPANIONS.get(top.name, ()))]
    sources = [locate(d, templates_dir, project.base_dir, language) for d in documents]
    prepare_folder(out_dir)
    manifest = Manifest(out_dir)
    names = list(words)
    if pdf:
        names += [pdf_name(d.output_name(language)) for d in documents]
    refuse_overwrites(manifest, names, force)
    if results is None:
        results = Results(project, today=today, cache=chart_cache_dir() if use_cache else None)
    wanted = {kind for d in documents for kind in _CHARTS.get(d.name, ())}
    join = results.prefetch_charts([kind for kind in ("map", "heatmap", "gantt") if kind in wanted])
    # The documents without pictures first: they are rendered while the charts are drawn.
    order = sorted(sources, key=lambda source: bool(_CHARTS.get(source.deliverable.name)))
    rendered: dict[str, bytes] = {}
    try:
        for source in order:
            if _CHARTS.get(source.deliverable.name):
                join()
            context = build_context(source.deliverable.name, results)
            data = to_bytes(render_one(source, context, project).save)
            validate_docx(data, source.deliverable.output_name(language))
            rendered[source.deliverable.name] = data
            if on_rendered is not None:
                on_rendered(source.deliverable.output_name(language))
        for d in deliverables:
            for fmt in ("html", "md"):
                if fmt in formats and d.name in WEB_FORMS:
                    name = web_name(d, language, fmt)
                    rendered[name] = web_page(d.name, fmt, results)
                    if on_rendered is not None:
                        on_rendered(name)
    finally:
        join()
    # The write phase: nothing is written until every document (and PDF) is ready; then the
    # documents, their PDFs and the manifest replace the old ones together, or none does.
    ready = [(source, rendered[source.deliverable.name]) for source in sources]
    files = {source.deliverable.output_name(language): data for source, data in ready}
    webs = {name: rendered[name] for name in words if name not in files}
    if pdf:
        from .pdf import to_pdf

        pdfs = to_pdf(files, pdfa=pdfa, on_warning=on_warning)
        files.update(pdfs)
        if on_rendered is not None:
            for name in pdfs:
                on_rendered(name)
    files.update(webs)
    write_recorded(files, manifest)
    written = [
        Written(
            source.deliverable.name,
            out_dir / source.deliverable.output_name(language),
            source,
            len(data),
        )
        for source, data in ready
    ]
    written += [
        Written(Path(name).stem, out_dir / name, None, len(data)) for name, data in webs.items()
    ]
    rank = {name: i for i, name in enumerate(words)}
    return sorted(written, key=lambda w: rank.get(w.path.name, len(rank)))


def web_page(name: str, fmt: str, results: Results) -> bytes:
    """The web form ``fmt`` (``html``, ``md``) of deliverable ``name``, from its context."""
    context = build_context(name, results)
    if fmt == "html":
        from .html_page import page
    else:
        from .markdown_page import page
    return page(context).encode("utf-8")


# The pictures each deliverable shows (drawn ahead, two at a time, when not cached; the map,
# the longest to draw, is listed first so that it gets a core of its own).
_CHARTS: dict[str, tuple[str, ...]] = {
    "cahier-des-charges": ("map", "gantt"),
    "kit-roi-citoyen": ("heatmap",),
    "synthese-ateliers": ("heatmap",),
}


def pdf_name(filename: str) -> str:
    """The PDF copy of a document: ``devis.docx`` -> ``devis.pdf``."""
    return str(Path(filename).with_suffix(".pdf"))


def render_one(
    source: Source,
    context: dict[str, Any],
    project: Project | None = None,
    before_layout: Callable[[Any], None] | None = None,
) -> DocxTemplate:
    """Render one template with ``context``; the result is ready to save.

    The template is read within bounds, refused when it touches anything outside the allow-list
    (the audit of ``templates check``), then rendered in the sandbox with inert pictures.
    ``before_layout`` gets the rendered python-docx document before the layout passes
    (:func:`.layout.finish`: the workshop kit gives its tick columns their widths first).
    """
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError, UndefinedError

    from .pictures import Pictures

    label = _label(source, project)
    tpl = open_template(package(source.path, label), label)
    if source.default:
        apply_brand_color(tpl, context["brand"]["color"])
    trees = parse(tpl, label)
    shape = shape_of(context)
    usage = unknown_variables(trees, shape)
    if usage.missing:
        names = ", ".join(usage.describe(p) for p in usage.missing)
        raise TemplateProblem(label, f"undefined variable{'s' if len(usage.missing) > 1 else ''}: {names} "
                                     f"(see docs/templates.md for the context of {source.deliverable.name})")  # fmt: skip
    refused = forbidden(trees, shape)
    if refused:
        more = (
            f" (and {len(refused) - 1} more: run dialogue templates check)"
            if len(refused) > 1
            else ""
        )
        raise TemplateProblem(label, f"forbidden in a template: {refused[0]}{more}")  # fmt: skip
    tpl.pictures = Pictures()
    bound = tpl.pictures.bind(context)
    try:
        with _deadline(RENDER_TIMEOUT_SECONDS):
            tpl.render(bound, jinja_env=make_environment())
    except SecurityError as error:
        from .sandbox import expression_of

        expression = expression_of(error, [tree for _part, tree in trees])
        reason = f"{expression}: {error}" if expression else str(error)
        raise TemplateProblem(label, f"forbidden in a template: {reason}") from None
    except UndefinedError as error:
        raise TemplateProblem(label, f"undefined variable: {error.message}") from None
    except TemplateError as error:
        raise TemplateProblem(label, f"template error: {error.message or error}") from None
    except (OverflowError, RecursionError, MemoryError) as error:
        reason = str(error) or {
            MemoryError: "out of memory",
            RecursionError: "nested too deeply",
        }.get(type(error), type(error).__name__)
        raise TemplateProblem(label, f"the template asks for too much: {reason}") from None
    except _Timeout:
        raise TemplateProblem(
            label, f"rendering took more than {RENDER_TIMEOUT_SECONDS} s; stopped"
        ) from None
    except SyntaxError as error:  # Python refuses the code Jinja made of it (too many blocks)
        raise TemplateProblem(label, f"the template is too complex to run: {error.msg}") from None
    except Exception as error:  # what the template's own computation raised (a bad argument...)
        raise TemplateProblem(label, f"template error: {type(error).__name__}: {error}") from None
    if before_layout is not None:
        before_layout(tpl.docx)
    finish(tpl.docx)
    _properties(tpl, context)
    return tpl


def _label(source: Source, project: Project | None) -> str:
    if source.default:
        return f"{source.deliverable.filename} (default template)"
    if project is not None:
        return project.display(source.path)
    return str(source.path)


def _properties(tpl: DocxTemplate, context: dict[str, Any]) -> None:
    """Document properties set in code, never through Jinja (docxtpl would escape them twice)."""
    from docx.oxml.ns import qn

    from .environment import clean_text

    language = LANGUAGE_TAGS.get(context["doc"]["language"], "fr-FR")
    props = tpl.docx.core_properties
    author = clean_text(str(context["brand"]["name"]))
    props.title = clean_text(f"{context['doc']['title']} – {context['client']['name']}")
    props.subject = clean_text(str(context["doc"]["subject"]))
    props.author = author
    props.last_modified_by = author
    props.language = language
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.identifier = clean_text(str(context["doc"]["reference"]))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    # Spell-checking language of the text itself.
    styles = tpl.docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), language)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Stop a runaway render after ``seconds`` (main thread on POSIX; elsewhere no limit)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
