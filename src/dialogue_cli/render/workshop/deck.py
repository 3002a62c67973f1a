"""Fill a deck template with a session's slides (python-pptx), and check such a template.

No template code runs: the template only gives the slide master, the layouts and the theme; the
slides are built here from the plain values of :class:`~.slides.Deck` (every string already
cleaned of the characters XML forbids), set as text through python-pptx, which escapes it. A
template's own slides are dropped. Its package is read within the same bounds as a Word
template's (``render.package``), and refused when it would make PowerPoint fetch or run anything
(a link outside the file, an embedded object, ActiveX, macros).

Layouts are found by their standard names (PowerPoint's English and French ones, Impress's),
else by their placeholders: a title and one text box (content), a title and four (comparison),
a picture (a scenario with its picture). Text sizes are chosen so that the text fits its box
with the fonts of the template, conservatively (a wide substitute font still fits).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..environment import TemplateProblem
from .slides import Deck, Line, Slide

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout

# Layout names a template may use for each kind of slide (compared case-folded).
LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title slide", "diapositive de titre", "titre", "title"),
    "content": ("title and content", "titre et contenu", "title, content"),
    "section": ("section header", "titre de section", "en-tête de section", "title, content"),
    "comparison": ("comparison", "comparaison"),
    "picture": ("picture with caption", "image avec légende"),
}
# Parts a deck template may not hold: macros, ActiveX controls, embedded objects.
FORBIDDEN_PARTS = re.compile(r"(^|/)(vbaProject\.bin|activeX/|embeddings/)", re.I)
EMU_PER_POINT = 12700
INSET = 7.2  # points: a text box's default inner margin, each side
CHAR_WIDTH = 0.56  # of the font size: the average width of a character, wide fonts included
LEADING = 1.2
PARAGRAPH_GAP = 0.35
SMALL = 0.8  # a small line's size, of the body's
DEFAULT_PRIMARY = "1F4E79"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def fit_size(
    lines: list[tuple[str, int, bool]], width: int, height: int, largest: int, smallest: int
) -> int:
    """The largest font size (points, even) at which ``lines`` fit a box of ``width`` × ``height``
    EMU; ``smallest`` when none does. Each line is (text, indent level, small)."""
    usable_width = width / EMU_PER_POINT - 2 * INSET
    usable_height = height / EMU_PER_POINT - 2 * INSET
    for size in range(largest, smallest - 1, -2):
        needed = 0.0
        for text, level, small in lines:
            point = size * (SMALL if small else 1)
            per_line = max(1, int((usable_width - 20 * level) / (point * CHAR_WIDTH)))
            rows = max(1, math.ceil(len(text) / per_line))
            needed += rows * point * LEADING + point * PARAGRAPH_GAP
        if needed <= usable_height:
            return size
    return smallest


@dataclass(frozen=True)
class Layouts:
    """The template's layout for each kind of slide, and what was missing."""

    title: SlideLayout
    content: SlideLayout
    section: SlideLayout
    comparison: SlideLayout
    picture: SlideLayout | None
    fallbacks: tuple[str, ...]

    @classmethod
    def of(cls, prs: Presentation, label: str) -> Layouts:
        from pptx.enum.shapes import PP_PLACEHOLDER

        layouts = list(prs.slide_layouts)
        by_name = {layout.name.strip().casefold(): layout for layout in layouts}
        text_kinds = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)

        def kinds(layout: Any) -> list[Any]:
            return [p.placeholder_format.type for p in layout.placeholders]

        def texts(layout: SlideLayout) -> int:
            return sum(kind in text_kinds for kind in kinds(layout))

        def titled(layout: SlideLayout) -> bool:
            found = kinds(layout)
            return PP_PLACEHOLDER.TITLE in found or PP_PLACEHOLDER.CENTER_TITLE in found

        def named(kind: str) -> SlideLayout | None:
            return next((by_name[n] for n in LAYOUT_NAMES[kind] if n in by_name), None)

        fallbacks = []

        def pick(kind: str, test: Any) -> SlideLayout | None:
            found = named(kind)
            if found is not None and test(found):
                return found
            fallbacks.append(kind)
            return next((layout for layout in layouts if test(layout)), None)

        content = pick("content", lambda lay: titled(lay) and texts(lay) == 1)
        if content is None:
            content = next((lay for lay in layouts if titled(lay) and texts(lay) >= 1), None)
        if content is None:
            raise TemplateProblem(
                label, "no slide layout with a title and a text placeholder: the deck needs one"
            )
        title = pick("title", lambda lay: titled(lay) and texts(lay) >= 1) or content
        section = pick("section", lambda lay: titled(lay) and texts(lay) == 1) or content
        comparison = pick("comparison", lambda lay: titled(lay) and texts(lay) >= 4) or content
        picture = pick("picture", lambda lay: titled(lay) and PP_PLACEHOLDER.PICTURE in kinds(lay))
        return cls(title, content, section, comparison, picture, tuple(fallbacks))


# ---------------------------------------------------------------- reading the template


def open_deck_template(data: bytes, label: str) -> Presentation:
    """The template's bytes (bounded by :func:`render.package.checked_package`) opened by
    python-pptx, refused when it holds macros, ActiveX or embedded objects, or fetches from
    outside the file."""
    from pptx import Presentation as open_presentation

    from ..package import outside_content

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.namelist():
            if FORBIDDEN_PARTS.search(entry):
                raise TemplateProblem(
                    label, f"{entry}: a deck template may hold no macro, control or embedded object"
                )
    outside = outside_content(data)
    if outside:
        raise TemplateProblem(label, f"content from outside the file: {outside[0]}")
    try:
        return open_presentation(io.BytesIO(data))
    except Exception as error:  # python-pptx raises many types on a damaged or wrong package
        raise TemplateProblem(label, f"cannot open the deck template: {error}") from None


def _recolour(prs: Presentation, color: str) -> None:
    """The default template's sentinel primary colour (the theme's first accent) -> ``color``."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    color = color.upper()
    if color == DEFAULT_PRIMARY:
        return
    for master in prs.slide_masters:
        theme = master.part.part_related_by(RT.THEME)
        theme._blob = theme.blob.replace(
            f'val="{DEFAULT_PRIMARY}"'.encode(), f'val="{color}"'.encode()
        )


def _drop_slides(prs: Presentation) -> None:
    """Remove the template's own slides: the deck is made of the session's only."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


# ---------------------------------------------------------------- filling


def fill_deck(data: bytes, deck: Deck, label: str, default: bool) -> bytes:
    """The deck of one session, from its template's checked bytes; a valid .pptx.

    Raises:
        TemplateProblem: the template cannot be used (see :func:`open_deck_template`).
    """
    prs = open_deck_template(data, label)
    if default:
        _recolour(prs, deck.color)
    _drop_slides(prs)
    layouts = Layouts.of(prs, label)
    for spec in deck.slides:
        _add(prs, layouts, spec, deck)
    _properties(prs, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _layout_for(spec: Slide, layouts: Layouts) -> SlideLayout:
    if spec.layout == "scenario":
        return layouts.picture if spec.picture is not None and layouts.picture else layouts.content
    chosen: SlideLayout = getattr(layouts, spec.layout)
    return chosen


def _add(prs: Presentation, layouts: Layouts, spec: Slide, deck: Deck) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    layout = _layout_for(spec, layouts)
    slide = prs.slides.add_slide(layout)
    placeholders = sorted(slide.placeholders, key=lambda p: (p.top or 0, p.left or 0))
    title = next(
        (
            p
            for p in placeholders
            if p.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        ),
        None,
    )
    pictures = [p for p in placeholders if p.placeholder_format.type == PP_PLACEHOLDER.PICTURE]
    bodies = [p for p in placeholders if p is not title and p not in pictures]
    used: list[Any] = []
    if title is not None:
        largest = 40 if spec.layout == "title" else 34 if spec.layout == "section" else 30
        _write(title, [Line(spec.title)], largest, 16, bold=None)
        used.append(title)
    if spec.layout == "comparison" and spec.columns:
        _columns(bodies, spec, used)
    elif bodies:
        body = bodies[0]
        largest = 20 if spec.layout == "title" else 28 if spec.plain else 24
        if spec.picture is not None and not pictures:  # a layout without a picture box
            _beside(slide, body, spec.picture)
        _write(body, list(spec.lines), largest, 11, plain=spec.plain)
        used.append(body)
    if spec.picture is not None and pictures:
        _picture(slide, pictures[0], spec.picture)
    for shape in placeholders:
        if shape not in used:
            shape._element.getparent().remove(shape._element)
    _footers(slide, layout, deck)
    if spec.notes:
        slide.notes_slide.notes_text_frame.text = spec.notes


def _columns(bodies: list[Any], spec: Slide, used: list[Any]) -> None:
    """Two (heading, lines) columns into a comparison layout (four boxes), a two-box one (the
    heading as the first line) or a single box (one column after the other)."""
    columns = spec.columns
    if len(bodies) >= 4:
        ordered = sorted(bodies[:4], key=lambda p: (p.left or 0, p.top or 0))
        left, right = (
            sorted(ordered[:2], key=lambda p: p.top or 0),
            sorted(ordered[2:], key=lambda p: p.top or 0),
        )
        for (heading, lines), (head, box) in zip(columns, (left, right), strict=False):
            _write(head, [Line(heading)], 24, 12)
            _write(box, list(lines), 24, 11)
            used += [head, box]
        return
    merged: list[list[Line]] = [[Line(heading, bold=True), *lines] for heading, lines in columns]
    if len(bodies) >= 2:
        for box, column in zip(sorted(bodies[:2], key=lambda p: p.left or 0), merged, strict=False):
            _write(box, column, 24, 11)
            used.append(box)
    elif bodies:
        _write(bodies[0], [line for column in merged for line in column], 24, 11)
        used.append(bodies[0])


def _write(
    shape: Any,
    lines: list[Line],
    largest: int,
    smallest: int,
    bold: bool | None = False,
    plain: bool = False,
) -> None:
    """Put ``lines`` into a placeholder, at the size that fits its box; ``plain``: no bullets."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]
    from pptx.util import Pt

    frame = shape.text_frame
    frame.clear()
    frame.word_wrap = True
    flat = [(line.text.replace("\n", " "), line.level, line.small) for line in lines]
    size = fit_size(flat, shape.width or 0, shape.height or 0, largest, smallest)
    for index, (line, (text, level, small)) in enumerate(zip(lines, flat, strict=True)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = min(level, 8)
        if plain:
            props = paragraph._p.get_or_add_pPr()
            props.set("marL", str(457200 * level))
            props.set("indent", "0")
            etree.SubElement(props, f"{{{A}}}buNone")
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(round(size * SMALL) if small else size)
        if bold is not None and line.bold:
            run.font.bold = True
    body_pr = frame._txBody.bodyPr
    for child in list(body_pr):
        if child.tag.endswith(("}noAutofit", "}spAutoFit", "}normAutofit")):
            body_pr.remove(child)
    etree.SubElement(body_pr, f"{{{A}}}normAutofit")


def _fit_box(
    data: bytes, left: int, top: int, width: int, height: int
) -> tuple[int, int, int, int]:
    """The picture's box inside ``left, top, width, height``, its proportions kept, centred."""
    from pptx.parts.image import Image

    pixels_w, pixels_h = Image.from_blob(data).size
    scale = min(width / pixels_w, height / pixels_h)
    w, h = int(pixels_w * scale), int(pixels_h * scale)
    return left + (width - w) // 2, top + (height - h) // 2, w, h


def _picture(slide: Any, box: Any, picture: Any) -> None:
    left, top, width, height = _fit_box(picture.data, box.left, box.top, box.width, box.height)
    shape = slide.shapes.add_picture(io.BytesIO(picture.data), left, top, width, height)
    _describe(shape, picture.alt)


def _beside(slide: Any, body: Any, picture: Any) -> None:
    """No picture box in the template: the picture takes the right two fifths of the text box."""
    left, top, width, height = body.left, body.top, body.width, body.height
    text_width = width * 3 // 5 - 150000
    body.left, body.top, body.width, body.height = left, top, text_width, height
    box = (left + text_width + 150000, top, width - text_width - 150000, height)
    shape = slide.shapes.add_picture(io.BytesIO(picture.data), *_fit_box(picture.data, *box))
    _describe(shape, picture.alt)


def _describe(shape: Any, alt: str) -> None:
    """The picture's alternative text (``descr``), read aloud by screen readers."""
    c_nv_pr = shape._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", alt)
    c_nv_pr.set("name", alt[:60] or "Picture")


def _footers(slide: Any, layout: Any, deck: Deck) -> None:
    """The layout's footer (the deck's footer text) and slide number, placed on the slide.

    Their first level's style (alignment, size, weight, colour), as the layout or the master
    gives it, is written on the text itself: Impress does not inherit it for footers.
    """
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]
    from pptx.enum.shapes import PP_PLACEHOLDER

    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
            continue
        slide.shapes.clone_placeholder(placeholder)
        shape = next(
            s
            for s in slide.placeholders
            if s.placeholder_format.idx == placeholder.placeholder_format.idx
        )
        level, run_style = _inherited_style(placeholder, layout.slide_master, kind)
        paragraph = shape.text_frame.paragraphs[0]._p
        props = paragraph.get_or_add_pPr()
        if level is not None and level.get("algn"):
            props.set("algn", level.get("algn"))
        if kind == PP_PLACEHOLDER.FOOTER:
            run = etree.SubElement(paragraph, f"{{{A}}}r")
            run.append(_run_props(run_style))
            etree.SubElement(run, f"{{{A}}}t").text = deck.footer
            continue
        field = etree.SubElement(paragraph, f"{{{A}}}fld")
        field.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
        field.set("type", "slidenum")
        field.append(_run_props(run_style))
        etree.SubElement(field, f"{{{A}}}t").text = "‹#›"


def _inherited_style(placeholder: Any, master: Any, kind: Any) -> tuple[Any, Any]:
    """The ``a:lvl1pPr`` and its ``a:defRPr`` of a layout's placeholder, else of the master's
    placeholder of the same kind (None when neither says)."""
    candidates = [placeholder]
    candidates += [p for p in master.placeholders if p.placeholder_format.type == kind]
    for candidate in candidates:
        body = candidate._element.txBody
        style = body.find(f"{{{A}}}lstStyle") if body is not None else None
        level = style.find(f"{{{A}}}lvl1pPr") if style is not None else None
        if level is not None:
            return level, level.find(f"{{{A}}}defRPr")
    return None, None


def _run_props(style: Any) -> Any:
    """An ``a:rPr`` copying ``style`` (an ``a:defRPr``), in the theme's body font."""
    import copy

    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    props = etree.Element(f"{{{A}}}rPr")
    if style is not None:
        for name in ("sz", "b", "i"):
            if style.get(name) is not None:
                props.set(name, style.get(name))
        for child in style:
            if child.tag.endswith(("}solidFill", "}latin")):
                props.append(copy.deepcopy(child))
    if props.find(f"{{{A}}}latin") is None:
        etree.SubElement(props, f"{{{A}}}latin").set("typeface", "+mn-lt")
    return props


def _properties(prs: Presentation, deck: Deck) -> None:
    import datetime as dt

    props = prs.core_properties
    props.title = deck.title[:255]
    props.subject = deck.subject[:255]
    props.author = deck.author[:255]
    props.last_modified_by = deck.author[:255]
    props.language = "en-GB" if deck.language == "en" else "fr-FR"
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


# ---------------------------------------------------------------- checking


def validate_pptx(data: bytes, label: str) -> None:
    """Every XML part parses strictly and python-pptx reopens the deck; InvalidOutput if not."""
    from pptx import Presentation as open_presentation

    from ..writer import InvalidOutput, malformed_parts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry, error in malformed_parts(archive):
                raise InvalidOutput(f"{label}: part {entry} is not valid XML ({error})")
    except zipfile.BadZipFile as error:
        raise InvalidOutput(f"{label}: not a valid package ({error})") from None
    try:
        open_presentation(io.BytesIO(data))
    except Exception as error:  # python-pptx raises many types on a damaged package
        raise InvalidOutput(f"{label}: python-pptx cannot reopen the deck ({error})") from None


def check_deck_template(data: bytes, label: str) -> list[tuple[str, str]]:
    """(level, message) pairs for `templates check`: errors stop the kit, warnings do not."""
    try:
        prs = open_deck_template(data, label)
        layouts = Layouts.of(prs, label)
    except TemplateProblem as problem:
        return [("error", problem.message)]
    found = []
    for kind in layouts.fallbacks:
        names = " or ".join(f"'{n}'" for n in LAYOUT_NAMES[kind][:2])
        if kind == "picture" and layouts.picture is None:
            found.append(
                (
                    "warning",
                    f"no layout with a picture placeholder ({names}): a scenario's picture "
                    "goes beside its text",
                )
            )
        else:
            found.append(
                ("warning", f"no layout named {names}: another one with the same boxes is used")
            )
    if len(prs.slides):
        found.append(
            (
                "warning",
                f"{len(prs.slides)} slide(s) in the template: they are dropped, the deck is made of the session's",
            )
        )
    return found
