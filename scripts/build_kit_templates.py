"""Build the default templates of the workshop kit (`dialogue workshop`), reproducibly.

Run from the repository root: ``python scripts/build_kit_templates.py [OUT_DIR]`` (default:
``src/dialogue_cli/templates``; the English versions go to ``OUT_DIR/en``); with ``--docs`` it
regenerates the context tables of docs/workshop.md instead. It writes:

- ``atelier-diaporama.pptx``: the slide master and layouts the deck is filled into (python-pptx;
  no Jinja: the deck is filled from computed values, see docs/security.md);
- ``atelier-fiches-saisie.docx``, ``atelier-fiches-solutions.docx``, ``atelier-emargement.docx``,
  ``atelier-deroule.docx``: Word templates with Jinja tags, rendered like the deliverables'
  (the ``Builder`` of ``build_templates.py``: the same styles, font, colours and header).

The font is the deliverables' (``build_templates.FONT``), the primary colour the sentinel
``1F4E79`` (the theme's first accent in the deck), replaced by ``brand.primary_color`` when the
default is used. Zip entries get a fixed date so that the same code gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_templates as base
from build_templates import (
    FONT,
    PRIMARY,
    TINT,
    B,
    Builder,
    G,
    Part,
    T,
    V,
    _cant_split,
    _repeat_header,
    _reproducible_zip,
    _shade,
)
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell

from dialogue_cli.render.workshop.catalog import (
    ATTENDANCE,
    CAPTURE,
    DECK,
    RUN,
    SOLUTIONS,
    Piece,
    as_deliverable,
)

LANDSCAPE_WIDTH = 29.7 - 2 * 1.5  # cm: the text width of a landscape A4 page, 1.5 cm margins


class KitBuilder(Builder):
    """A kit template: a deliverable's styles, header and footer, no cover page."""

    def __init__(self, piece: Piece, landscape: bool = False) -> None:
        from docx import Document

        self.language = base.LANGUAGE
        self.deliverable = as_deliverable(piece)
        self.doc = Document()
        self._level = 0  # the last heading's level: a heading goes one level deeper at most
        self._styles()
        self._page(False)
        if landscape:
            self._landscape()

    def header_title(self) -> list[Part]:
        return [V("doc.title"), " · ", V("session.label")]

    def _landscape(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.3)
        section.header_distance = section.footer_distance = Cm(0.7)
        for paragraph in (section.header.paragraphs[0], section.footer.paragraphs[0]):
            stops = paragraph.paragraph_format.tab_stops
            stops.clear_all()
            stops.add_tab_stop(Cm(LANDSCAPE_WIDTH), WD_TAB_ALIGNMENT.RIGHT)

    # ------------------------------------------------------------------ helpers

    def cell(self, cell: _Cell, parts: Sequence[Part], style: str = "Table Text") -> None:
        self._fill(cell, parts, style)

    def heading_cell(self, cell: _Cell, parts: Sequence[Part], center: bool = False) -> None:
        _shade(cell, PRIMARY)
        self._fill(cell, parts, "Table Heading")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if center:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def grid_table(self, rows: int, widths: Sequence[float]) -> Table:
        self._keep_previous()
        table = self.doc.add_table(rows=rows, cols=len(widths))
        self._grid(table)
        self._fixed(table, widths)
        return table

    def bullets(self, loop: str, item: str) -> None:
        self.each(loop, [V(item)])

    def page_title(self, *parts: Part) -> None:
        """A Heading 1 that starts a new page (each sheet of a loop; none before the first)."""
        self.p(*parts, style="Heading 1").paragraph_format.page_break_before = True


def _vertical(cell: _Cell) -> None:
    """Text read from bottom to top (a narrow column's heading)."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def _height(row: object, cm: float, exact: bool = False) -> None:
    row.height = Cm(cm)  # type: ignore[attr-defined]
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST  # type: ignore[attr-defined]


def _session_pairs(b: KitBuilder, access: bool = False) -> None:
    rows: list[tuple[str, Sequence[Part]]] = [
        ("Séance", [B(V("session.label"))]),
        ("Date et horaires", [V("session.when")]),
        ("Lieu", [V("session.place")]),
    ]
    if access:
        rows.append(("Accès", [T("{% if session.access %}"), V("session.access"), T("{% else %}"),
                               G("à compléter"), T("{% endif %}")]))  # fmt: skip
        rows.append(("Durée", [V("session.duration")]))
        rows.append(("Participants", [V("session.participants")]))
    b.pairs(rows, widths=(4.0, 13.0))


# ====================================================================== capture sheets


# Widths (cm) of the capture table: code, + − ? idée, intensities 1 2 3, the loop's two cells,
# one criterion, the loop's end, then what was said (what the others leave of the page).
CAPTURE_WIDTHS = (3.3, 0.9, 0.9, 0.9, 1.35, 0.8, 0.8, 0.8, 0.4, 0.95, 0.4)


def fiches_saisie() -> Builder:
    b = KitBuilder(CAPTURE, landscape=True)
    b.tag("{%p for s in sheets %}")
    b.page_title(V("s.title"))
    b.p(V("s.line"), " · ", V("transcribe"), style="Small")
    b.p(V("legend"), style="Small")
    b.p(
        T("{% for c in criteria %}"), B(V("c.id")), " : ", V("c.label"),
        T("{% if not loop.last %}"), " · ", T("{% endif %}{% endfor %}"),
        style="Small",
    )  # fmt: skip
    said = LANDSCAPE_WIDTH - sum(CAPTURE_WIDTHS) + 0.8  # the loop cells vanish once rendered
    widths = [*CAPTURE_WIDTHS, said]
    table = b.grid_table(4, widths)
    # The width of the page: once the criteria's loop has run, the last column takes what the
    # others leave of it (render/workshop/kit.py, fit_column_loops).
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(round(LANDSCAPE_WIDTH * 567)))
    head, start, body, end = table.rows
    _repeat_header(head)
    _height(head, 2.5)
    headings: list[Sequence[Part]] = [
        [V("columns.code")], ["+"], ["−"], ["?"], [V("columns.idea")], ["1"], ["2"], ["3"],
        [T("{%tc for c in criteria %}")], [V("c.id")], [T("{%tc endfor %}")], [V("columns.said")],
    ]  # fmt: skip
    for index, (cell, parts) in enumerate(zip(head.cells, headings, strict=True)):
        b.heading_cell(cell, parts, center=0 < index < len(headings) - 1)
        if index == 9:
            _vertical(cell)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    b.cell(start.cells[0], [T("{%tr for r in s.rows %}")])
    cells: list[Sequence[Part]] = [
        [V("r.code")], [], [], [], [], [], [], [],
        [T("{%tc for c in criteria %}")], [], [T("{%tc endfor %}")], [],
    ]  # fmt: skip
    for cell, parts in zip(body.cells, cells, strict=True):
        b.cell(cell, parts, "Small")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _height(body, 0.9)
    _cant_split(body)
    b.cell(end.cells[0], [T("{%tr endfor %}")])
    b.tag("{%p endfor %}")
    return b


SOLUTION_WIDTHS = (3.2, 7.3, 9.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8)


def fiches_solutions() -> Builder:
    b = KitBuilder(SOLUTIONS, landscape=True)
    b.tag("{%p for s in sheets %}")
    b.page_title(V("s.title"))
    b.p(V("s.line"), " · ", V("transcribe"), style="Small")
    b.p(B(V("s.verdict")), " · ", B(V("s.challenge")), style="Callout")
    b.p(V("legend"), style="Small")
    table = b.grid_table(5, SOLUTION_WIDTHS)
    top, second, start, body, end = table.rows
    _repeat_header(top)
    _repeat_header(second)
    for index in range(3):
        top.cells[index].merge(second.cells[index])
    labels = [V("columns.code"), V("columns.solution"), V("columns.changes")]
    for index, label in enumerate(labels):
        b.heading_cell(top.cells[index], [label])
    for group, first in (("elus", 3), ("citoyens", 6), ("services", 9)):
        merged = top.cells[first].merge(top.cells[first + 2])
        b.heading_cell(merged, [V(f"groups.{group}")], center=True)
        for offset, symbol in enumerate(("plus", "equal", "minus")):
            b.heading_cell(second.cells[first + offset], [V(f"symbols.{symbol}")], center=True)
    b.cell(start.cells[0], [T("{%tr for r in s.rows %}")])
    for index, cell in enumerate(body.cells):
        b.cell(cell, [V("r.code")] if index == 0 else [], "Small")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _height(body, 1.35)  # the eight lines of an option on one landscape page
    _cant_split(body)
    b.cell(end.cells[0], [T("{%tr endfor %}")])
    b.tag("{%p endfor %}")
    return b


# ====================================================================== attendance


def emargement() -> Builder:
    b = KitBuilder(ATTENDANCE)
    b.tag("{%p for page in pages %}")
    b.page_title(V("doc.title"))
    b.p(B(V("session.label")), " · ", V("session.when"), " · ", V("session.place"))
    b.p(V("notice.title"), style="Heading 2")
    b.p(V("notice.intro"), style="Small")
    table = b.grid_table(3, (4.2, 12.8))
    start, body, end = table.rows
    b.cell(start.cells[0], [T("{%tr for n in notice.rows %}")])
    _shade(body.cells[0], TINT)
    b.cell(body.cells[0], [B(V("n.label"))], "Mention")
    b.cell(body.cells[1], [V("n.text")], "Mention")
    _cant_split(body)
    b.cell(end.cells[0], [T("{%tr endfor %}")])
    b.p(V("intro"))
    widths = (1.2, 5.8, 5.2, 4.8)
    table = b.grid_table(4, widths)
    head, start, body, end = table.rows
    _repeat_header(head)
    for cell, key in zip(head.cells, ("number", "name", "structure", "signature"), strict=True):
        b.heading_cell(cell, [V(f"columns.{key}")])
    b.cell(start.cells[0], [T("{%tr for r in page.rows %}")])
    for index, cell in enumerate(body.cells):
        b.cell(cell, [V("r.number")] if index == 0 else [])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _height(body, 1.0)
    _cant_split(body)
    b.cell(end.cells[0], [T("{%tr endfor %}")])
    b.tag("{%p endfor %}")
    return b


# ====================================================================== run sheet


def deroule() -> Builder:
    b = KitBuilder(RUN)
    b.p(V("doc.title"), " : ", V("session.label"), style="Heading 1")
    _session_pairs(b, access=True)
    b.each("n in notes", [V("n")], style="Placeholder")
    b.h2("Rôles")
    b.table(
        "r in roles",
        [
            ("Rôle", 3.6, [B(V("r.role"))]),
            ("Qui", 4.6, [V("r.who")]),
            ("Ce qu’il fait", 8.8, [V("r.task")]),
        ],
    )
    b.h2("Séquences")
    b.table(
        "s in steps",
        [
            ("Horaire", 2.7, [V("s.time")]),
            ("Durée", 1.4, [V("s.minutes")]),
            ("Séquence", 4.3, [B(V("s.label"))]),
            ("À faire", 5.9, [V("s.action")]),
            ("Support", 2.7, [V("s.slides")]),
        ],
    )
    b.h2("Questions à poser")
    b.when("questions.intro", lambda: b.p(V("questions.intro")))
    b.each("q in questions.prompts", [V("q")])
    b.when("questions.criteria", lambda: b.p(V("questions.criteria"), style="Small"))
    b.tag("{%p for q in questions.items %}")
    b.h3(V("q.title"))
    b.each("line in q.lines", [V("line")])
    b.tag("{%p endfor %}")
    b.h2("Matériel à apporter")
    b.each("m in materials", [V("m")])
    b.h2("Après la séance")
    b.p(V("after"))
    return b


WORD_BUILDERS = {
    CAPTURE.template: fiches_saisie,
    SOLUTIONS.template: fiches_solutions,
    ATTENDANCE.template: emargement,
    RUN.template: deroule,
}

KIT_ENGLISH = {
    " · ": " · ",
    " : ": ": ",
    "Séance": "Session",
    "Date et horaires": "Date and times",
    "Lieu": "Venue",
    "Accès": "Access",
    "Durée": "Length",
    "Participants": "Participants",
    "à compléter": "to be completed",
    "Rôles": "Roles",
    "Rôle": "Role",
    "Qui": "Who",
    "Ce qu’il fait": "What they do",
    "Séquences": "Sequences",
    "Horaire": "Time",
    "Séquence": "Sequence",
    "À faire": "What to do",
    "Support": "Slides",
    "Questions à poser": "Questions to ask",
    "Matériel à apporter": "What to bring",
    "Après la séance": "After the session",
    "+": "+",
    "−": "−",
    "?": "?",
    "1": "1",
    "2": "2",
    "3": "3",
}


# ====================================================================== the deck


EMU_PER_INCH = 914400
WIDTH, HEIGHT = 12192000, 6858000  # 16:9, 13.333 × 7.5 in
MARGIN = 548640  # 0.6 in
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
# Layouts kept from python-pptx's default template (their standard names, which the deck looks
# for), and where their placeholders go on the 16:9 page: (idx, x, y, cx, cy).
KEEP = ("Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison",
        "Title Only", "Blank", "Picture with Caption")  # fmt: skip
TITLE_BOX = (MARGIN, 380000, WIDTH - 2 * MARGIN, 900000)
BODY_BOX = (MARGIN, 1450000, WIDTH - 2 * MARGIN, 4650000)
HALF = (WIDTH - 2 * MARGIN - 300000) // 2
FOOTER_BAND = 420000


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{P}}}{tag}"


def _place(shape: object, box: tuple[int, int, int, int]) -> None:
    shape.left, shape.top, shape.width, shape.height = box  # type: ignore[attr-defined]


def _run_style(parent: object, size: int, bold: bool, color: str, language: str) -> object:
    """An ``a:defRPr`` (or ``a:rPr``) child of ``parent`` with size, weight, colour, language."""
    from lxml import etree

    props = etree.SubElement(parent, _a("defRPr"))  # type: ignore[arg-type]
    props.set("sz", str(size * 100))
    props.set("b", "1" if bold else "0")
    props.set("lang", "en-GB" if language == "en" else "fr-FR")
    fill = etree.SubElement(props, _a("solidFill"))
    etree.SubElement(fill, _a("schemeClr")).set("val", color)
    return props


def _list_style(
    shape: object, size: int, bold: bool, color: str, bullets: bool, language: str, align: str = "l"
) -> None:
    """The first level's style of a layout placeholder: size, weight, colour, bullets or none."""
    from lxml import etree

    body = shape._element.txBody  # type: ignore[attr-defined]
    old = body.find(_a("lstStyle"))
    style = etree.Element(_a("lstStyle"))
    if old is not None:
        old.addprevious(style)
        body.remove(old)
    else:
        body.insert(1, style)
    level = etree.SubElement(style, _a("lvl1pPr"))
    level.set("algn", align)
    if not bullets:
        level.set("marL", "0")
        level.set("indent", "0")
        etree.SubElement(level, _a("buNone"))
    _run_style(level, size, bold, color, language)


def _anchor(shape: object, where: str) -> None:
    body_pr = shape._element.txBody.find(_a("bodyPr"))  # type: ignore[attr-defined]
    body_pr.set("anchor", where)


def _scale(shape: object) -> None:
    """Stretch a 4:3 placeholder to the 16:9 page (explicit positions only)."""
    xfrm = shape._element.spPr.find(_a("xfrm"))  # type: ignore[attr-defined]
    if xfrm is None:
        return
    off, ext = xfrm.find(_a("off")), xfrm.find(_a("ext"))
    off.set("x", str(int(int(off.get("x")) * WIDTH / 9144000)))
    ext.set("cx", str(int(int(ext.get("cx")) * WIDTH / 9144000)))


def _drop_dates(layout_or_master: object) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shape in list(layout_or_master.placeholders):  # type: ignore[attr-defined]
        if shape.placeholder_format.type == PP_PLACEHOLDER.DATE:
            shape._element.getparent().remove(shape._element)


def _footer_band(master: object) -> None:
    """A band of the primary colour along the foot of every slide (drawn under the footers)."""
    from lxml import etree

    tree = master._element.cSld.spTree  # type: ignore[attr-defined]
    used = [int(e.get("id")) for e in tree.iter(_p("cNvPr"))]
    xml = (
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="{max(used) + 1}" '
        'name="Footer band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="0" y="{HEIGHT - FOOTER_BAND}"/><a:ext cx="{WIDTH}" cy="{FOOTER_BAND}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
        '<a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )
    tree.insert(2, etree.fromstring(xml))  # after the group's own properties: drawn first


def deck_template(language: str) -> bytes:
    """The default deck template: python-pptx's master and layouts, re-laid for 16:9 and the
    deliverables' font and colour."""
    from lxml import etree
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    for shape in master.placeholders:
        _scale(shape)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            _scale(shape)
        _drop_dates(layout)
    _drop_dates(master)
    # The theme: the deliverables' font, the sentinel primary colour as the first accent.
    theme = master.part.part_related_by(RT.THEME)
    blob = theme.blob
    blob = re.sub(rb'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FONT}"'.encode(), blob)
    blob = re.sub(
        rb"<a:accent1>.*?</a:accent1>",
        f'<a:accent1><a:srgbClr val="{PRIMARY}"/></a:accent1>'.encode(),
        blob,
    )
    blob = re.sub(
        rb"<a:dk2>.*?</a:dk2>", f'<a:dk2><a:srgbClr val="{PRIMARY}"/></a:dk2>'.encode(), blob
    )
    blob = blob.replace(b'name="Office Theme"', b'name="dialogue"')
    theme._blob = blob
    # The notes pages (the facilitator's prompts, printed from the deck) in the same font:
    # python-pptx's own notes master names Calibri; it is made here so that the deck has it.
    notes_theme = prs.notes_master.part.part_related_by(RT.THEME)
    for latin in notes_theme._element.iter(_a("latin")):  # an XmlPart: its tree is saved
        latin.set("typeface", FONT)
    # Bullets drawn in the text's font (Carlito has the bullet), not in Arial.
    for bullet in master._element.iter(_a("buFont")):
        bullet.set("typeface", "+mn-lt")
    # The master: titles left-aligned in the primary colour, body text dark grey, footers white
    # on a band of the primary colour.
    lang = "en-GB" if language == "en" else "fr-FR"
    styles = master._element.find(_p("txStyles"))
    title_level = styles.find(_p("titleStyle")).find(_a("lvl1pPr"))
    title_level.set("algn", "l")
    props = title_level.find(_a("defRPr"))
    props.set("sz", "3000")
    props.set("b", "1")
    props.set("lang", lang)
    props.find(_a("solidFill")).find(_a("schemeClr")).set("val", "accent1")
    for level, size in zip(
        styles.find(_p("bodyStyle")),
        (2200, 2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600),
        strict=False,
    ):
        defaults = level.find(_a("defRPr"))
        defaults.set("sz", str(size))
        defaults.set("lang", lang)
        fill = defaults.find(_a("solidFill"))
        if fill is not None:
            fill.find(_a("schemeClr")).set("val", "tx1")
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, TITLE_BOX)
            _anchor(shape, "b")
        elif kind == PP_PLACEHOLDER.BODY:
            _place(shape, BODY_BOX)
        elif kind == PP_PLACEHOLDER.FOOTER:
            _place(shape, (MARGIN, HEIGHT - FOOTER_BAND, WIDTH - 2 * MARGIN - 1300000, FOOTER_BAND))
            _list_style(shape, 11, False, "bg1", False, language)
            _anchor(shape, "ctr")
        elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            _place(shape, (WIDTH - MARGIN - 1200000, HEIGHT - FOOTER_BAND, 1200000, FOOTER_BAND))
            _list_style(shape, 11, True, "bg1", False, language, align="r")
            _anchor(shape, "ctr")
    _footer_band(master)
    for layout in prs.slide_layouts:
        _layout(layout, language)
    prs.core_properties.title = ""
    prs.core_properties.author = ""
    prs.core_properties.last_modified_by = ""
    prs.core_properties.language = lang
    prs.core_properties.revision = 1
    import datetime as dt

    prs.core_properties.created = prs.core_properties.modified = dt.datetime(*base.FIXED_DATE)
    buffer = io.BytesIO()
    prs.save(buffer)
    del etree
    return buffer.getvalue()


def _layout(layout: object, language: str) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    name = layout.name  # type: ignore[attr-defined]
    shapes = {s.placeholder_format.idx: s for s in layout.placeholders}  # type: ignore[attr-defined]
    for shape in shapes.values():
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.FOOTER:
            _place(shape, (MARGIN, HEIGHT - FOOTER_BAND, WIDTH - 2 * MARGIN - 1300000, FOOTER_BAND))
        elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            _place(shape, (WIDTH - MARGIN - 1200000, HEIGHT - FOOTER_BAND, 1200000, FOOTER_BAND))
        elif kind == PP_PLACEHOLDER.TITLE and name not in (
            "Section Header",
            "Picture with Caption",
        ):
            _place(shape, TITLE_BOX)
            _anchor(shape, "b")
    if name == "Title Slide":
        layout.background.fill.solid()  # type: ignore[attr-defined]
        layout.background.fill.fore_color.theme_color = 5  # type: ignore[attr-defined]
        _place(shapes[0], (800000, 1500000, WIDTH - 1600000, 1900000))
        _anchor(shapes[0], "b")
        _list_style(shapes[0], 40, True, "bg1", False, language)
        _place(shapes[1], (800000, 3600000, WIDTH - 1600000, 2300000))
        _anchor(shapes[1], "t")
        _list_style(shapes[1], 20, False, "bg1", False, language)
    elif name == "Title and Content":
        _place(shapes[1], BODY_BOX)
    elif name == "Section Header":
        _place(shapes[0], (MARGIN, 1300000, WIDTH - 2 * MARGIN, 2000000))
        _anchor(shapes[0], "b")
        _list_style(shapes[0], 34, True, "accent1", False, language)
        _place(shapes[1], (MARGIN, 3500000, WIDTH - 2 * MARGIN, 2500000))
        _anchor(shapes[1], "t")
        _list_style(shapes[1], 22, False, "tx1", False, language)
    elif name == "Two Content":
        _place(shapes[1], (MARGIN, BODY_BOX[1], HALF, BODY_BOX[3]))
        _place(shapes[2], (MARGIN + HALF + 300000, BODY_BOX[1], HALF, BODY_BOX[3]))
    elif name == "Comparison":
        top, head = BODY_BOX[1], 600000
        right = MARGIN + HALF + 300000
        _place(shapes[1], (MARGIN, top, HALF, head))
        _place(shapes[2], (MARGIN, top + head + 80000, HALF, BODY_BOX[3] - head - 80000))
        _place(shapes[3], (right, top, HALF, head))
        _place(shapes[4], (right, top + head + 80000, HALF, BODY_BOX[3] - head - 80000))
        for index in (1, 3):
            _list_style(shapes[index], 22, True, "accent1", False, language)
            _anchor(shapes[index], "b")
    elif name == "Picture with Caption":
        _place(shapes[0], TITLE_BOX)
        _anchor(shapes[0], "b")
        _list_style(shapes[0], 30, True, "accent1", False, language)
        text_width = 6600000
        _place(shapes[2], (MARGIN, BODY_BOX[1], text_width, BODY_BOX[3]))
        _anchor(shapes[2], "t")
        _list_style(shapes[2], 20, False, "tx1", False, language)
        picture_x = MARGIN + text_width + 300000
        _place(shapes[1], (picture_x, BODY_BOX[1], WIDTH - MARGIN - picture_x, BODY_BOX[3]))


# ====================================================================== build


def build(out_dir: Path) -> list[Path]:
    """Write the kit's French templates into ``out_dir`` and the English ones into ``out_dir/en``."""
    base.ENGLISH.update(KIT_ENGLISH)
    written = []
    for language, folder in (("fr", out_dir), ("en", out_dir / "en")):
        base.LANGUAGE = language
        folder.mkdir(parents=True, exist_ok=True)
        try:
            path = folder / str(DECK.template)
            _reproducible_zip(deck_template(language), path)
            written.append(path)
            for name, make in WORD_BUILDERS.items():
                path = folder / str(name)
                make().save(path)
                written.append(path)
        finally:
            base.LANGUAGE = "fr"
    if base.MISSING:
        missing = "\n".join(sorted(set(base.MISSING)))
        raise SystemExit(f"no English wording in KIT_ENGLISH for:\n{missing}")
    return written


BEGIN, END = "<!-- kit-contexts: generated -->", "<!-- /kit-contexts -->"


def context_docs(page: str) -> str:
    """docs/workshop.md with its context tables regenerated from render/workshop/schema.py."""
    from dialogue_cli.render.workshop.catalog import WORD_TEMPLATES
    from dialogue_cli.render.workshop.schema import KIT_CONTEXTS, SESSION

    out = [BEGIN, "", "<!-- Generated by `python scripts/build_kit_templates.py --docs`. -->", ""]
    out.append("Every sheet receives `doc`, `client` and `brand` as the deliverables do "
               "([templates.md](templates.md)), and `session`:\n")  # fmt: skip
    out.append("| Variable | Value |\n|---|---|")
    out += [f"| `session.{path}` | {text} |" for path, text in base._describe(SESSION)]
    for piece in WORD_TEMPLATES:
        name = str(piece.template).removesuffix(".docx")
        schema = KIT_CONTEXTS[name]
        own = {k: v for k, v in schema.items() if k not in ("doc", "client", "brand", "session")}
        out.append(f"\n### `{piece.template}`: {piece.title_fr} ({piece.title_en.lower()})\n")
        out.append("| Variable | Value |\n|---|---|")
        out += [f"| `{path}` | {text} |" for path, text in base._describe(own)]
    out += ["", END]
    start, end = page.index(BEGIN), page.index(END) + len(END)
    return page[:start] + "\n".join(out) + page[end:]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    if "--docs" in sys.argv:
        docs = root / "docs" / "workshop.md"
        docs.write_text(context_docs(docs.read_text(encoding="utf-8")), encoding="utf-8")
        print("wrote docs/workshop.md")
        sys.exit(0)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "src" / "dialogue_cli" / "templates"
    for written in build(target):
        shown = written.relative_to(root) if written.is_relative_to(root) else written
        print(f"wrote {shown}")
