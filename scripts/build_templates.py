"""Build the six default Word templates of `dialogue render`, reproducibly, with python-docx.

Run from the repository root: ``python scripts/build_templates.py [OUT_DIR]`` (default:
``src/dialogue_cli/templates``; the English versions go to ``OUT_DIR/en``). With ``--docs`` it
writes docs/templates.md instead. Every Jinja tag is written as a single run so that Word never
splits it; zip entries get a fixed date so that the same code gives the same bytes.

The primary colour is the sentinel ``1F4E79`` and its tint ``DCE6F1``: `dialogue render`
replaces both with the engagement's ``brand.primary_color``.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dialogue_cli.common.fonts import ALTERNATE, FAMILY  # noqa: E402
from dialogue_cli.common.formatting import typography  # noqa: E402
from dialogue_cli.render.catalog import DOCUMENTS  # noqa: E402
from dialogue_cli.render.invoice import INVOICE  # noqa: E402

PRIMARY = "1F4E79"
TINT = "DCE6F1"
GREY = "595959"
RULE = "BFBFBF"
TEXT_WIDTH = 17.0  # cm: A4 minus 2 cm margins
# The documents' font: open (OFL), shipped with dialogue, metric-compatible with Calibri, which
# Word shows where Carlito is not installed (fontTable's altName): the lines break the same.
FONT = FAMILY
FIXED_DATE = (2026, 1, 1, 0, 0, 0)
LANGUAGE = "fr"  # the language of the templates being built (build() sets it)
ENGLISH: dict[str, str] = {}
MISSING: list[str] = []  # French texts without an English wording: the build fails on them


@dataclass(frozen=True)
class V:
    """A Jinja expression printed in its own run: ``V("client.name")`` -> ``{{ client.name }}``."""

    expr: str


@dataclass(frozen=True)
class B:
    """Bold text or expression."""

    part: str | V


@dataclass(frozen=True)
class I:  # noqa: E742
    """Italic text or expression."""

    part: str | V


@dataclass(frozen=True)
class G:
    """Grey italic text: what a draft still lacks, inside a line (``à compléter``)."""

    part: str | V


@dataclass(frozen=True)
class T:
    """A raw Jinja statement inside a paragraph, e.g. ``{% if x %}``."""

    tag: str


Part = str | V | B | I | G | T

TODO = "À compléter : "  # the start of every placeholder of a draft


def typo(text: str) -> str:
    """French typography of the static text: ’, « » (“ ” inside), no-break spaces before ; : ! ? ».

    A piece of static text may start with the space before a mark (`` : `` between two values):
    that space is made a no-break one here, as the piece does not start a line.
    """
    text = re.sub(r" ([;!?])", "\u202f\\1", text)
    text = re.sub(r" ([:»])", "\u00a0\\1", text)
    return typography(text.replace("« ", "«\u00a0"), "fr")


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _border(
    element: OxmlElement, tag: str, sides: Sequence[str], color: str, size: int = 4
) -> None:
    box = OxmlElement(tag)
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "1" if tag == "w:pBdr" else "0")
        edge.set(qn("w:color"), color)
        box.append(edge)
    element.append(box)


def _callout(style: object) -> None:
    """A box that reads as meant even around one line: tinted, padded, a bar on its left.

    The padding is made of borders in the tint (a border's ``w:space`` pads the shading); the
    paragraph is kept on one page. Consecutive callouts share one box.
    """
    layout = style.paragraph_format  # type: ignore[attr-defined]
    layout.left_indent = Cm(0.35)
    layout.right_indent = Cm(0.3)
    layout.space_before = Pt(8)
    layout.space_after = Pt(10)
    layout.keep_together = True
    p_pr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    box = OxmlElement("w:pBdr")
    for side, color, size, space in (
        ("top", TINT, 4, 5),
        ("left", PRIMARY, 24, 7),
        ("bottom", TINT, 4, 5),
        ("right", TINT, 4, 7),
    ):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), str(space))
        edge.set(qn("w:color"), color)
        box.append(edge)
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), TINT)
    # Schema order of w:pPr: ... numPr, suppressLineNumbers, pBdr, shd, tabs, ... spacing, ind ...
    p_pr.insert_element_before(box, *_AFTER_SHD)
    p_pr.insert_element_before(shade, *_AFTER_SHD)


_AFTER_SHD = tuple(
    f"w:{name}"
    for name in [
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = str(text)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


class Builder:
    """A deliverable template under construction: styles, cover, header, footer, then content."""

    def __init__(self, name: str, cover: bool = True, public: bool = False) -> None:
        self.language = LANGUAGE
        self.deliverable = INVOICE if name == INVOICE.name else DOCUMENTS[name]
        self.doc = Document()
        self._level = (
            0  # the level of the last heading written: a heading goes one level deeper at most
        )
        self._styles()
        if not cover:  # a quote or an invoice: its title is the Title, its sections small headings
            self._compact_headings()
        self._page(cover)
        if cover and public:
            self._public_cover()
        elif cover:
            self._cover()

    # ------------------------------------------------------------------ set-up

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        normal.paragraph_format.widow_control = (
            True  # no line alone at the top or the foot of a page
        )
        r_pr = normal.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-GB" if self.language == "en" else "fr-FR")
        r_pr.append(lang)
        for level, size, before in ((1, 16, 18), (2, 13, 12), (3, 11, 10)):
            style = styles[f"Heading {level}"]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor.from_string(PRIMARY if level < 3 else "262626")
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
            style.element.get_or_add_rPr().find(qn("w:rFonts")).set(
                qn("w:asciiTheme"), "minorHAnsi"
            )
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts = style.element.rPr.find(qn("w:rFonts"))
                if fonts.get(qn(attr)) is not None:
                    del fonts.attrib[qn(attr)]
            fonts = style.element.rPr.find(qn("w:rFonts"))
            fonts.set(qn("w:ascii"), FONT)
            fonts.set(qn("w:hAnsi"), FONT)
        h1 = styles["Heading 1"]
        _border(h1.element.get_or_add_pPr(), "w:pBdr", ["bottom"], PRIMARY, 6)
        title = styles["Title"]
        title.font.name = FONT
        title.font.size = Pt(28)
        title.font.color.rgb = RGBColor.from_string("FFFFFF")
        title.font.bold = True
        p_pr = title.element.get_or_add_pPr()
        for child in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(child)
        for name, size, color, bold, italic in (
            ("Cover Kicker", 11, "FFFFFF", True, False),
            ("Cover Subject", 14, "FFFFFF", False, False),
            ("Cover Client", 18, PRIMARY, True, False),
            ("Cover Line", 11, GREY, False, False),
            ("Table Text", 9.5, "262626", False, False),
            ("Table Heading", 9.5, "FFFFFF", True, False),
            ("Small", 8.5, GREY, False, False),
            ("Identity", 9, GREY, False, False),
            ("Mention", 8.5, GREY, False, False),
            ("Verbatim", 10, "404040", False, True),
            ("Callout", 10.5, "262626", False, False),
            ("Placeholder", 10, "7F7F7F", False, True),
        ):
            style = styles.add_style(name, 1)
            style.base_style = normal
            style.font.size = Pt(size)
            style.font.color.rgb = RGBColor.from_string(color)
            style.font.bold = bold
            style.font.italic = italic
            if name.startswith("Table") or name in ("Identity", "Mention"):
                style.paragraph_format.space_after = Pt(3 if name == "Mention" else 0)
                style.paragraph_format.line_spacing = 1.0
            if name == "Verbatim":
                style.paragraph_format.left_indent = Cm(0.8)
                style.paragraph_format.space_after = Pt(4)
            if name == "Callout":
                _callout(style)
        for name in ("List Bullet", "List Number"):
            styles[name].paragraph_format.space_after = Pt(3)
        caption = styles["Caption"]
        caption.font.color.rgb = RGBColor.from_string(GREY)
        caption.font.size = Pt(9)
        caption.font.italic = True
        caption.font.bold = False

    def _page(self, cover: bool) -> None:
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.orientation = WD_ORIENT.PORTRAIT
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
        section.header_distance = section.footer_distance = Cm(1)
        section.different_first_page_header_footer = cover
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Small"]
        header.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        self._runs(header, [V("brand.name"), "\t", *self.header_title()])
        _border(header._p.get_or_add_pPr(), "w:pBdr", ["bottom"], RULE)
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Small"]
        footer.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        self._runs(footer, [V("client.name"), "\tPage "])
        _field(footer, "PAGE")
        footer.add_run(" / ")
        _field(footer, "NUMPAGES")

    def header_title(self) -> list[Part]:
        if self.deliverable.name == "facile-a-lire":  # a draft says so on every page
            return [
                T("{% if easy.draft %}"),
                "Brouillon à faire vérifier · ",
                T("{% endif %}"),
                V("doc.title"),
            ]
        if self.deliverable.name == "communique-de-presse":
            return ["Communiqué de presse"]
        if self.deliverable.name == "devis":  # no cover: the devis and its own date
            return ["Devis n° ", V("quote.number"), " du ", V("quote.date")]
        if self.deliverable.name == INVOICE.name:
            return [V("invoice.title"), " n° ", V("invoice.number")]
        return [V("doc.title")]

    def _cover_band(self, subject_expr: str) -> None:
        """The top of every cover: the logo, the coloured band (audience, title, the subject
        ``subject_expr`` names), the client's name."""
        self.p(V("brand.logo"), style="Cover Line")
        spacer = self.p("")
        spacer.paragraph_format.space_after = Pt(90)
        band = self.doc.add_table(rows=1, cols=1)
        band.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = band.rows[0].cells[0]
        _shade(cell, PRIMARY)
        cell.width = Cm(TEXT_WIDTH)
        self._fixed(band, [TEXT_WIDTH])
        band.rows[0].height = Cm(7)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self._margins(band, 400)
        first = cell.paragraphs[0]
        first.style = self.doc.styles["Cover Kicker"]
        self._runs(first, [V("doc.audience")])
        title = cell.add_paragraph(style="Title")
        self._runs(title, [V("doc.title")])
        title.paragraph_format.space_after = Pt(12)
        subject = cell.add_paragraph(style="Cover Subject")
        self._runs(subject, [V(subject_expr)])
        gap = self.p("")
        gap.paragraph_format.space_after = Pt(36)
        self.p(V("client.name"), style="Cover Client")

    def _cover(self) -> None:
        self._cover_band("doc.subject")
        self.p(
            V("client.kind"),
            T("{% if client.population %}"),
            " · ",
            V("client.population"),
            T("{% endif %}"),
            style="Cover Line",
        )
        self.p(
            V("doc.version_line"),
            T("{% if doc.reference %}"),
            " · Réf. ",
            V("doc.reference"),
            T("{% endif %}"),
            style="Cover Line",
        )
        self.p(V("doc.validation"), style="Cover Line")
        gap = self.p("")
        gap.paragraph_format.space_after = Pt(130)
        self.tag("{%p if brand.name %}")
        self.p("Document préparé par ", B(V("brand.name")), style="Cover Line")
        self.tag("{%p endif %}")
        self.page_break()

    def _public_cover(self) -> None:
        """The cover of a document the collectivité publishes: its logo, its name, the scheme's
        name and the date; no consultant, no reference."""
        self._cover_band("scheme.tagline")
        self.p(V("scheme.updated"), style="Cover Line")
        self.page_break()

    # ------------------------------------------------------------------ content

    def _runs(self, paragraph: Paragraph, parts: Sequence[Part]) -> None:
        for part in parts:
            bold = italic = grey = False
            if isinstance(part, B):
                part, bold = part.part, True
            elif isinstance(part, I):
                part, italic = part.part, True
            elif isinstance(part, G):
                part, italic, grey = part.part, True, True
            if isinstance(part, V):
                text = "{{ " + part.expr + " }}"
            elif isinstance(part, T):
                text = part.tag
            else:
                text = self.static(part)
            if not text:
                continue
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if grey:
                run.font.color.rgb = RGBColor.from_string("7F7F7F")

    def static(self, text: str) -> str:
        """Static text in the template's language: French typography, or the English wording."""
        if self.language == "fr" or not text.strip():
            return typo(text)
        if text not in ENGLISH:
            MISSING.append(text)
            return text
        return typography(ENGLISH[text], "en")

    def _compact_headings(self) -> None:
        """Heading 1 with the look of a sub-heading, for the documents whose title is on page 1."""
        heading = self.doc.styles["Heading 1"]
        heading.font.size = Pt(11.5)
        heading.font.color.rgb = RGBColor.from_string("262626")
        heading.paragraph_format.space_before = Pt(10)
        p_pr = heading.element.get_or_add_pPr()
        for border in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(border)
        # a sub-heading stays below its heading: smaller, in the colour
        self.doc.styles["Heading 2"].font.size = Pt(10.5)

    def p(self, *parts: Part, style: str | None = None) -> Paragraph:
        if style and style.startswith("Heading "):
            level = int(style.removeprefix("Heading "))
            if level > self._level + 1:
                raise SystemExit(
                    f"{self.deliverable.name}: a Heading {level} after a Heading {self._level} "
                    f"skips a level (RGAA 9.1): {parts!r}"
                )
            self._level = level
        paragraph = self.doc.add_paragraph(style=style)
        self._runs(paragraph, parts)
        return paragraph

    def h1(self, text: str) -> None:
        self.p(text, style="Heading 1")

    def h2(self, *parts: Part) -> None:
        self.p(*parts, style="Heading 2")

    def h3(self, *parts: Part) -> None:
        self.p(*parts, style="Heading 3")

    def tag(self, statement: str) -> None:
        """A paragraph-level Jinja statement: the whole paragraph disappears when rendered."""
        self.doc.add_paragraph().add_run(statement)

    def each(
        self,
        loop: str,
        *lines: Sequence[Part],
        style: str = "List Bullet",
        empty: str | None = None,
    ) -> None:
        """A paragraph per item of ``loop``; with ``empty``, a placeholder when there is none."""
        if empty is not None:
            self.tag("{%p if " + _iterable(loop) + " %}")
        self.tag("{%p for " + loop + " %}")
        for line in lines:
            self.p(*line, style=style)
        self.tag("{%p endfor %}")
        if empty is not None:
            self.tag("{%p else %}")
            self.todo(empty)
            self.tag("{%p endif %}")

    def todo(self, message: str) -> Paragraph:
        """A placeholder for what a draft still lacks: ``À compléter : <message>``, grey italic."""
        return self.p(TODO, message, style="Placeholder")

    def todo_value(self, expr: str) -> Paragraph:
        """A placeholder whose message is a value of the context: ``À compléter : {{ expr }}``."""
        return self.p(TODO, V(expr), style="Placeholder")

    def caption(self, text: str) -> None:
        """A table's numbered title (``Tableau 2 – La grille d'analyse``), kept with its table."""
        self.p(text, style="Caption").paragraph_format.keep_with_next = True

    def static_table(
        self, headings: Sequence[str], widths: Sequence[float], rows: int, height: float
    ) -> None:
        """A table to fill in by hand: its heading row and ``rows`` empty rows."""
        self._keep_previous()
        table = self.doc.add_table(rows=rows + 1, cols=len(headings))
        self._grid(table)
        self._fixed(table, widths)
        _repeat_header(table.rows[0])
        for cell, heading in zip(table.rows[0].cells, headings, strict=True):
            _shade(cell, PRIMARY)
            self._fill(cell, [heading], "Table Heading")
        for row in table.rows[1:]:
            row.height = Cm(height)
            _cant_split(row)
            for cell in row.cells:
                cell.paragraphs[0].style = self.doc.styles["Table Text"]
        self.p("").paragraph_format.space_after = Pt(2)

    def unless(self, condition: str, message: str) -> None:
        """A placeholder shown only when ``condition`` is false."""
        self.tag("{%p if not (" + condition + ") %}")
        self.todo(message)
        self.tag("{%p endif %}")

    def either(self, condition: str, body: Callable[[], None], message: str) -> None:
        """``body`` when ``condition`` holds, else the placeholder ``message``."""
        self.when(condition, body, lambda: self.todo(message))

    def when(
        self, condition: str, body: Callable[[], None], otherwise: Callable[[], None] | None = None
    ) -> None:
        self.tag("{%p if " + condition + " %}")
        body()
        if otherwise is not None:
            self.tag("{%p else %}")
            otherwise()
        self.tag("{%p endif %}")

    def picture(self, expr: str, caption: str | V) -> None:
        """A centred picture and its caption, both left out when there is no picture."""
        self.tag("{%p if " + expr + " %}")
        picture = self.p(V(expr))
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True  # never a caption alone atop a page
        self.p(caption, style="Caption").alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.tag("{%p endif %}")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # ------------------------------------------------------------------ tables

    def _keep_previous(self) -> None:
        """Keep the paragraph before a table (its heading or introduction) on the table's page."""
        if self.doc.paragraphs:
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True

    def _fixed(self, table: Table, widths: Sequence[float]) -> None:
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        width = tbl_pr.find(qn("w:tblW"))
        if width is None:
            width = OxmlElement("w:tblW")
            tbl_pr.append(width)
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(int(sum(widths) * 567)))
        for column, cm in zip(table.columns, widths, strict=True):
            column.width = Cm(cm)
        for row in table.rows:
            for cell, cm in zip(row.cells, widths, strict=True):
                cell.width = Cm(cm)

    def _margins(self, table: Table, twips: int) -> None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), str(twips if side in ("left", "right") else twips // 2))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)
        table._tbl.tblPr.append(margins)

    def _grid(self, table: Table) -> None:
        _border(
            table._tbl.tblPr,
            "w:tblBorders",
            ["top", "left", "bottom", "right", "insideH", "insideV"],
            RULE,
        )
        self._margins(table, 85)

    def _fill(self, cell: _Cell, parts: Sequence[Part], style: str) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.doc.styles[style]
        self._runs(paragraph, parts)

    def table(
        self,
        loop: str,
        columns: Sequence[tuple[str, float, Sequence[Part]]],
        total: Sequence[Sequence[Part]] | None = None,
        row_height: float | None = None,
        right: Sequence[int] = (),
        keep: bool = False,
        empty: str | None = None,
    ) -> None:
        """A table with a heading row, one row per item of ``loop``, and an optional total row.

        ``right`` lists the columns aligned right (amounts); ``keep`` keeps a short table on one
        page with what follows it. A table is never left with its heading row only: with
        ``empty`` the placeholder ``À compléter : <empty>`` replaces it, else it is left out.
        """
        self._keep_previous()
        self.tag("{%p if " + _iterable(loop) + " %}")
        self._table(loop, columns, total, row_height, right, keep)
        if empty is not None:
            self.tag("{%p else %}")
            self.todo(empty)
        self.tag("{%p endif %}")

    def _table(
        self,
        loop: str,
        columns: Sequence[tuple[str, float, Sequence[Part]]],
        total: Sequence[Sequence[Part]] | None,
        row_height: float | None,
        right: Sequence[int],
        keep: bool,
    ) -> None:
        widths = [width for _, width, _ in columns]
        self._keep_previous()
        rows = 4 + (1 if total else 0)
        table = self.doc.add_table(rows=rows, cols=len(columns))
        self._grid(table)
        self._fixed(table, widths)
        head, start, body, end = table.rows[:4]
        _repeat_header(head)
        for cell, (heading, _, _parts) in zip(head.cells, columns, strict=True):
            _shade(cell, PRIMARY)
            self._fill(cell, [heading], "Table Heading")
        self._fill(start.cells[0], [T("{%tr for " + loop + " %}")], "Table Text")
        for cell, (_, _, parts) in zip(body.cells, columns, strict=True):
            self._fill(cell, parts, "Table Text")
        _cant_split(body)
        if row_height:
            body.height = Cm(row_height)
        for index in right:
            head.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            body.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if keep:
            for row in (head, body):
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        self._fill(end.cells[0], [T("{%tr endfor %}")], "Table Text")
        if total:
            for cell, parts in zip(table.rows[4].cells, total, strict=True):
                _shade(cell, TINT)
                self._fill(
                    cell, [B(p) if isinstance(p, str | V) else p for p in parts], "Table Text"
                )
            for index in right:
                table.rows[4].cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.p("").paragraph_format.space_after = Pt(2)

    def pairs(
        self, rows: Sequence[tuple[str, Sequence[Part]]], widths: tuple[float, float] = (4.5, 12.5)
    ) -> None:
        """A two-column table of labels and values."""
        self._keep_previous()
        table = self.doc.add_table(rows=len(rows), cols=2)
        self._grid(table)
        self._fixed(table, list(widths))
        for row, (label, parts) in zip(table.rows, rows, strict=True):
            _shade(row.cells[0], TINT)
            self._fill(row.cells[0], [B(label)], "Table Text")
            self._fill(row.cells[1], parts, "Table Text")
            _cant_split(row)
        self.p("").paragraph_format.space_after = Pt(2)

    def save(self, path: Path) -> None:
        props = self.doc.core_properties
        props.title = ""
        props.author = ""
        props.subject = ""
        props.comments = ""
        props.keywords = ""
        props.last_modified_by = ""
        props.language = "en-GB" if self.language == "en" else "fr-FR"
        props.revision = 1
        import datetime as dt

        stamp = dt.datetime(*FIXED_DATE)
        props.created = props.modified = stamp
        buffer = io.BytesIO()
        self.doc.save(buffer)
        _reproducible_zip(buffer.getvalue(), path)


def _iterable(loop: str) -> str:
    """The list a loop runs over: ``"s in scenarios"`` -> ``"scenarios"``."""
    return loop.split(" in ", 1)[1]


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    _cant_split(row)


def _cant_split(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))


def _reproducible_zip(data: bytes, path: Path) -> None:
    """Rewrite the package with fixed dates so that building twice gives the same bytes.

    The theme's fonts become :data:`FONT` too (a style that names a theme font gets it), and the
    font table says which font Word shows where :data:`FONT` is not installed.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "word/theme/theme1.xml":
                content = re.sub(
                    rb'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FONT}"'.encode(), content
                )
            elif info.filename == "word/fontTable.xml":
                content = _font_table(content)
            target.writestr(entry, content)


def _font_table(xml: bytes) -> bytes:
    """The font table with :data:`FONT` first: Calibri's panose and ranges, Calibri as altName."""
    entry = (
        f'<w:font w:name="{FONT}"><w:altName w:val="{ALTERNATE}"/>'
        '<w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/>'
        '<w:family w:val="swiss"/><w:pitch w:val="variable"/>'
        '<w:sig w:usb0="E10002FF" w:usb1="4000ACFF" w:usb2="00000009" w:usb3="00000000" '
        'w:csb0="0000019F" w:csb1="00000000"/></w:font>'
    )
    head, sep, tail = xml.partition(b"<w:font ")
    return head + entry.encode() + sep + tail


# ====================================================================== the six templates


COMMITMENTS_TODO = "aucun engagement de délai de réponse n'est encore fixé."


def _or_todo(expr: str) -> list[Part]:
    """A value, or a grey ``à compléter`` when it is empty (a line of a two-column table)."""
    return [
        T("{% if " + expr + " %}"),
        V(expr),
        T("{% else %}"),
        G("à compléter"),
        T("{% endif %}"),
    ]


SPECIFICATION_SECTIONS = (
    "1. Contexte et enjeux",
    "2. Objet et périmètre",
    "3. Objectifs et niveau de participation",
    "4. Publics et cartographie des acteurs",
    "5. Gouvernance",
    "6. Le dispositif retenu",
    "7. Règles du jeu et engagements de la collectivité",
    "8. Données personnelles",
    "9. Moyens et budget du dispositif",
    "10. Calendrier",
    "11. Traitement des contributions",
    "12. Évaluation",
    "13. Risques et parades",
    "14. Livrables attendus",
)


def cahier_des_charges() -> Builder:
    b = Builder("cahier-des-charges")
    b.h1("Sommaire")
    for title in SPECIFICATION_SECTIONS:
        b.p(title, style="Normal").paragraph_format.space_after = Pt(2)
    b.h2("Suivi du document")
    b.pairs(
        [
            ("Version", [V("doc.version_line")]),
            ("Validation", [V("doc.validation")]),
            ("Rédaction", [V("brand.name"), " pour ", V("client.name")]),
            ("Référence", _or_todo("doc.reference")),
        ]
    )
    b.page_break()
    b.h1("1. Contexte et enjeux")
    b.tag("{%p if engagement.context %}")
    b.p(V("engagement.context"))
    b.tag("{%p endif %}")
    b.unless(
        "engagement.context or state_of_the_art",
        "le contexte de la démarche et l'état de l'art ne sont pas encore décrits.",
    )
    b.tag("{%p if state_of_the_art %}")
    b.p("Ce que le dispositif prend en compte :")
    b.each(
        "s in state_of_the_art",
        [B(V("s.label")), T("{% if s.details %}"), " : ", V("s.details"), T("{% endif %}")],
    )
    b.tag("{%p endif %}")
    b.h1("2. Objet et périmètre")
    b.p(
        "Le dispositif précise d'emblée ce qui est soumis à la discussion et ce qui ne l'est pas : c'est la première condition d'un dialogue loyal."
    )
    b.unless(
        "engagement.negotiable or engagement.non_negotiable",
        "ce qui est ouvert à la discussion et ce qui ne l'est pas n'est pas encore précisé.",
    )
    for heading, items in (
        ("Ce qui est ouvert à la discussion", "engagement.negotiable"),
        ("Ce qui n'est pas négociable", "engagement.non_negotiable"),
    ):
        b.tag("{%p if " + items + " %}")
        b.h2(heading)
        b.each("item in " + items, [V("item")])
        b.tag("{%p endif %}")
    b.h1("3. Objectifs et niveau de participation")
    b.each(
        "o in objectives",
        [B(V("o.label")), T("{% if o.details %}"), " : ", V("o.details"), T("{% endif %}")],
        empty="aucun objectif n'est encore défini.",
    )
    b.tag("{%p if scenarios %}")
    b.p(
        "Chaque dispositif étudié annonce son niveau de participation et la promesse faite au public qui l'accompagne."
    )
    b.tag("{%p endif %}")
    b.table(
        "s in scenarios",
        [
            ("Dispositif", 5.0, [B(V("s.title"))]),
            ("Niveau", 3.0, [V("s.level")]),
            ("Promesse faite au public", 9.0, [V("s.promise")]),
        ],
        empty="aucun dispositif n'est encore étudié ; les scénarios présentés en ateliers restent à décrire.",
    )
    b.h1("4. Publics et cartographie des acteurs")

    def stakeholders() -> None:
        b.p(
            "Les acteurs sont placés selon leur influence sur la décision et leur intérêt pour le dispositif, notés de 1 à 5 ; une note d'au moins ",
            V("stakeholders.threshold"),
            " est considérée comme élevée.",
        )
        b.picture("stakeholders.picture", "Carte des acteurs : influence et intérêt")
        b.table(
            "r in stakeholders.rows",
            [
                ("Acteur", 5.4, [V("r.name")]),
                ("Groupe", 2.2, [V("r.group")]),
                ("Influence", 1.8, [V("r.influence")]),
                ("Intérêt", 1.6, [V("r.interest")]),
                ("Quadrant", 3.2, [V("r.quadrant")]),
                ("Niveau conseillé", 2.8, [V("r.level")]),
            ],
        )

    b.either(
        "stakeholders.rows", stakeholders, "aucune partie prenante n'est encore cartographiée."
    )
    b.p(
        "Une attention particulière est portée aux publics qui participent peu : documents en facile à lire et à comprendre (FALC), "
        "horaires variés, relais de proximité et lieux accessibles."
    )
    b.h1("5. Gouvernance")
    values = ("sponsor", "committee", "opposition", "guarantor")

    def governance() -> None:
        b.pairs(
            [
                (label, _or_todo("governance." + key))
                for label, key in zip(
                    ("Portage politique", "Comité de suivi", "Place de l'opposition", "Garant"),
                    values,
                    strict=True,
                )
            ]
            + [("Fréquence du comité", _or_todo("governance.frequency"))]
        )
        b.tag("{%p if governance.roles %}")
        b.h2("Le rôle de chacun")
        b.table(
            "r in governance.roles",
            [("Partie", 3.5, [B(V("r.group"))]), ("Rôle dans le dispositif", 13.5, [V("r.role")])],
        )
        b.tag("{%p endif %}")

    b.either(
        " or ".join(f"governance.{key}" for key in (*values, "roles")),
        governance,
        "le portage politique, le comité de suivi et le rôle de chacun ne sont pas encore définis.",
    )
    b.h1("6. Le dispositif retenu")
    b.when("decision.todo", lambda: b.todo_value("decision.todo"))
    b.when("decision.intro", lambda: b.p(V("decision.intro")))
    b.tag("{%p for s in solutions %}")
    b.h2(V("s.title"))
    b.when("s.description", lambda: b.p(V("s.description")))
    b.p(B("D'où elle vient : "), V("s.origin"))
    b.when("s.changes", lambda: b.p(B("Ce qui change : "), V("s.changes")))
    b.table(
        "t in s.tests",
        [
            ("Groupe", 3.5, [B(V("t.group"))]),
            ("Accueil", 3.0, [V("t.verdict")]),
            ("Remarque", 10.5, [V("t.note")]),
        ],
        keep=True,
        empty="la solution n'a encore été testée auprès d'aucun groupe.",
    )
    b.when(
        "s.justified",
        lambda: b.p(V("s.basis"), style="Callout"),
        lambda: b.p(V("s.basis"), style="Placeholder"),
    )
    b.tag("{%p endfor %}")
    b.h1("7. Règles du jeu et engagements de la collectivité")
    b.h2("Les règles du jeu")
    for label, key in (
        ("Qui peut participer : ", "eligibility"),
        ("Modération : ", "moderation"),
        ("Tirage au sort : ", "drawing_lots"),
    ):
        b.p(B(label), *_or_todo("rules." + key))
    b.each("r in rules.other", [V("r")])
    b.h2("Les engagements de la collectivité")
    b.p(
        "La collectivité s’engage envers les participants sur des délais de réponse précis (droit de suite)."
    )
    b.table(
        "c in commitments",
        [
            (
                "Engagement",
                12.5,
                [V("c.label"), T("{% if c.details %}"), " : ", V("c.details"), T("{% endif %}")],
            ),
            ("Délai", 4.5, [B(V("c.delay"))]),
        ],
        empty=COMMITMENTS_TODO,
    )
    _privacy(b, "8. Données personnelles")
    b.h1("9. Moyens et budget du dispositif")
    b.table(
        "m in budget.rows",
        [
            ("Moyen", 7.5, [B(V("m.label")), T("{% if m.details %}"), "\n", V("m.details"), T("{% endif %}")]),
            ("Temps", 2.0, [T("{% if m.fte %}"), V("m.fte"), T("{% else %}"), "—", T("{% endif %}")]),
            ("Montant", 3.5, [T("{% if m.amount %}"), V("m.amount"), T("{% else %}"), G("à compléter"), T("{% endif %}")]),
            ("Périodicité", 2.5, [T("{% if m.period %}"), V("m.period"), T("{% else %}"), "—", T("{% endif %}")]),
        ],
        right=(1, 2),
        empty="les moyens disponibles (humains, budget, outils) ne sont pas encore décrits.",
    )  # fmt: skip
    b.tag("{%p if budget.priced %}")
    b.p(
        B("Budget annuel du dispositif : "), V("budget.year"),
        T("{% if budget.once %}"), " ; dépenses ponctuelles : ", V("budget.once"), T("{% endif %}"),
        T("{% if budget.fte %}"), " ; temps de travail : ", V("budget.fte"), T("{% endif %}"), ".",
    )  # fmt: skip
    b.tag("{%p endif %}")
    b.tag("{%p if budget.rows and not budget.priced %}")
    b.todo("le coût de chaque moyen reste à chiffrer (means[].amount).")
    b.tag("{%p endif %}")
    b.h1("10. Calendrier")
    b.p(V("calendar.summary")).paragraph_format.keep_with_next = True

    def provisional() -> None:
        note = b.p(
            I(
                "Calendrier indicatif : la date de démarrage n'est pas encore arrêtée ; "
                "les dates seront recalées à la signature."
            )
        )
        note.paragraph_format.keep_with_next = True

    b.when("calendar.provisional", provisional)
    b.table(
        "ph in calendar.phases",
        [
            ("Phase", 3.7, [B(V("ph.label"))]),
            ("Jours", 1.5, [V("ph.days")]),
            ("Début", 4.3, [V("ph.start")]),
            ("Fin", 4.3, [V("ph.end")]),
            ("État", 3.2, [V("ph.status")]),
        ],
        total=[["Total"], [V("calendar.planned_days")], [], [], []],
        right=(1,),
    )
    b.picture("calendar.gantt", V("calendar.caption"))
    b.tag("{%p if calendar.workshops %}")
    b.h2("Ateliers et séance de créativité")
    b.table(
        "w in calendar.workshops",
        [
            ("Temps de travail", 4.4, [B(V("w.label"))]),
            ("Date", 4.6, [V("w.date")]),
            ("Lieu", 5.6, [V("w.place")]),
            ("État", 2.4, [V("w.state")]),
        ],
    )
    b.tag("{%p endif %}")
    b.h1("11. Traitement des contributions")
    b.p(
        "Chaque contribution est codée selon la grille d'analyse (polarité, intensité, critère), étudiée par les services "
        "dans un temps plafonné, puis fait l'objet d'une réponse publique dans les délais annoncés."
    )
    b.h1("12. Évaluation")
    b.p("Le dispositif est évalué pour chacune des trois parties : c'est le « ROI citoyen ».")
    b.table(
        "i in indicators",
        [
            ("Pour", 2.3, [B(V("i.group"))]),
            ("Indicateur", 5.2, [V("i.label")]),
            ("Situation de départ", 3.0, _or_todo("i.baseline")),
            ("Cible", 2.8, _or_todo("i.target")),
            ("Source", 3.7, _or_todo("i.source")),
        ],
        empty="aucun indicateur n'est encore défini.",
    )
    b.h1("13. Risques et parades")
    b.table(
        "r in risks",
        [("Risque", 6.0, [B(V("r.label"))]), ("Parade", 11.0, [V("r.mitigation")])],
        empty="aucun risque n'est encore identifié.",
    )
    b.h1("14. Livrables attendus")
    b.table(
        "d in deliverables",
        [
            ("Livrable", 6.5, [B(V("d.label")), T("{% if d.details %}"), "\n", V("d.details"), T("{% endif %}")]),
            ("Échéance", 4.5, _or_todo("d.due")),
            ("Responsable", 6.0, _or_todo("d.owner")),
        ],
        empty="les livrables attendus du dispositif ne sont pas encore définis.",
    )  # fmt: skip
    return b


def communication_interne() -> Builder:
    """A note to élus and agents: memo header, key messages, who to contact, calendar, FAQ."""
    b = Builder("communication-interne", cover=False)
    b.tag("{%p if brand.logo %}")
    b.p(V("brand.logo"))
    b.tag("{%p endif %}")
    b.p(B(V("doc.title")), style="Cover Client")
    b.pairs(
        [
            ("De", [T("{% if memo.sender %}"), V("memo.sender"), T("{% else %}"), G(V("memo.sender_todo")), T("{% endif %}")]),
            ("À", [V("memo.to")]),
            ("Objet", [V("memo.subject")]),
            ("Date", [V("memo.date")]),
        ],
        widths=(2.5, 14.5),
    )  # fmt: skip
    b.p(V("doc.version_line"), " · ", V("doc.validation"), style="Small")
    b.h1("Les messages clés")
    b.each("k in key_messages", [V("k")], style="List Number")
    b.h1("1. Pourquoi ce dispositif")
    b.when("engagement.context", lambda: b.p(V("engagement.context")))

    def objectives() -> None:
        b.h2("Nos objectifs")
        b.each(
            "o in objectives",
            [B(V("o.label")), T("{% if o.details %}"), " : ", V("o.details"), T("{% endif %}")],
        )

    b.when("objectives", objectives)
    b.unless(
        "engagement.context or objectives",
        "le contexte et les objectifs du dispositif ne sont pas encore décrits.",
    )
    b.h1("2. Ce qui change")
    b.when("decision.todo", lambda: b.todo_value("decision.todo"))
    b.when("decision.intro", lambda: b.p(V("decision.intro")))
    b.tag("{%p for s in solutions %}")
    b.h2(V("s.title"))
    b.when("s.description", lambda: b.p(V("s.description")))
    b.p(B("D'où elle vient : "), V("s.origin"))
    b.when("s.changes", lambda: b.p(B("Ce qui change : "), V("s.changes")))
    b.when("s.tests", lambda: b.p(V("s.tests_line")))
    b.when(
        "s.justified",
        lambda: b.p(V("s.basis"), style="Callout"),
        lambda: b.p(V("s.basis"), style="Placeholder"),
    )
    b.tag("{%p endfor %}")
    b.h1("3. Qui fait quoi")
    b.when("sponsor", lambda: b.p("Portage politique : ", B(V("sponsor")), "."))
    b.when(
        "committee",
        lambda: b.p(
            B("Comité de suivi : "), V("committee"),
            T("{% if frequency %}"), " Il se réunit ", V("frequency"), ".", T("{% endif %}"),
        ),
    )  # fmt: skip
    b.table(
        "r in roles",
        [("Partie", 3.5, [B(V("r.group"))]), ("Rôle", 13.5, [V("r.role")])],
    )
    b.unless(
        "sponsor or roles", "le portage politique et le rôle de chacun ne sont pas encore définis."
    )
    b.h1("4. Votre contact : la mission participation")

    def mission() -> None:
        b.p(V("mission.intro"))
        b.when("mission.name", lambda: b.p(B(V("mission.name")), style="List Bullet"))
        b.when("mission.email", lambda: b.p("Courriel : ", V("mission.email"), style="List Bullet"))
        b.when(
            "mission.phone", lambda: b.p("Téléphone : ", V("mission.phone"), style="List Bullet")
        )

    b.either(
        "not mission.todo",
        mission,
        "le contact de la mission participation n’est pas encore renseigné.",
    )
    b.h1("5. Le calendrier des agents")
    b.table(
        "a in agenda",
        [
            (
                "Date",
                4.4,
                [B(V("a.date")), T("{% if a.time %}"), "\n", V("a.time"), T("{% endif %}")],
            ),
            (
                "Rendez-vous",
                6.6,
                [V("a.label"), T("{% if a.past %}"), I(" (passé)"), T("{% endif %}")],
            ),
            ("Lieu et accès", 6.0, [V("a.detail")]),
        ],
        empty="les ateliers et la séance de créativité ne sont pas encore programmés.",
    )
    b.h1("6. La posture : écouter sans promettre")
    b.p(
        "Élus et agents sont les premiers visages du dispositif. Quelques règles communes :",
        style="Callout",
    )
    for line in (
        "Accueillir chaque contribution, même critique : elle dit quelque chose du service rendu.",
        "Reformuler pour vérifier que l'on a bien compris, sans juger.",
        ["Ne jamais promettre une décision qui appartient ", V("client.to_council"), "."],
        "Annoncer le délai de réponse et le canal par lequel elle viendra.",
        [V("mission.transmit")],
    ):
        b.p(*(line if isinstance(line, list) else [line]), style="List Bullet")
    b.h1("7. Nos engagements envers les participants")
    b.when(
        "commitments",
        lambda: b.p(
            "Ces délais engagent toute la collectivité ; chaque direction veille à ce qu'ils soient tenus."
        ),
    )
    b.table(
        "c in commitments",
        [("Engagement", 12.5, [V("c.label")]), ("Délai", 4.5, [B(V("c.delay"))])],
        empty=COMMITMENTS_TODO,
    )
    b.h1("8. Modèles de réponse")
    b.p(
        B("Accusé de réception. "),
        "Merci pour votre contribution. Elle a bien été reçue par ",
        V("client.in_text"),
        " et sera étudiée ; vous recevrez une réponse dans les délais annoncés.",
        style="Callout",
    )
    b.p(
        B("Proposition écartée. "),
        "Votre proposition a été étudiée avec attention. Elle ne peut pas être retenue pour la raison suivante : [motif]. Nous vous remercions de votre participation.",
        style="Callout",
    )
    b.h1("9. Foire aux questions")

    def faq() -> None:
        b.p(
            "Ces questions ont été posées pendant les ateliers, ou le seront. Chacun peut donner ces réponses aux "
            "habitants ; le comité de suivi les valide."
        )
        b.when("faq.pending", lambda: b.p(V("faq.pending"), style="Callout"))
        b.tag("{%p for q in faq.items %}")
        b.h2(V("q.question"))
        b.when(
            "q.answered",
            lambda: b.p(V("q.answer")),
            lambda: b.p(V("q.pending"), style="Placeholder"),
        )
        b.when("q.asked", lambda: b.p(V("q.asked"), style="Small"))
        b.tag("{%p endfor %}")

    b.either("faq.items", faq, "aucune question n'a encore été recueillie en atelier.")
    b.each("n in faq.notes", [V("n")], style="Small")
    b.p("")
    b.p(B(V("memo.signatory.name")), style="Normal").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    b.p(V("memo.signatory.role"), style="Normal").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return b


def communication_externe() -> Builder:
    """The collectivité's document for residents: key information first, in everyday words."""
    b = Builder("communication-externe", public=True)
    b.h1("L’essentiel")
    b.pairs(
        [
            ("De quoi s’agit-il", [V("essentials.what")]),
            ("Prochain rendez-vous", [V("essentials.next")]),
            ("Pour participer", [V("essentials.how")]),
            ("Et ensuite", [V("essentials.after")]),
        ]
    )
    b.h1("La démarche")
    b.p(V("scheme.summary"))
    b.when("workshops.sentence", lambda: b.p(V("workshops.sentence"), style="Callout"))

    def steps(key: str, heading: str) -> None:
        b.tag("{%p if steps." + key + " %}")
        b.h2(heading)
        b.each("st in steps." + key, [V("st")])
        b.tag("{%p endif %}")

    steps("done", "Ce qui a eu lieu")
    steps("ahead", "Ce qui vient")
    b.h1("Les rendez-vous")
    b.when("meetings", lambda: b.p("Ces rendez-vous sont ouverts aux habitants :"))
    b.tag("{%p for m in meetings %}")
    b.h2(V("m.label"))
    b.p(B("Quand : "), V("m.when"))
    b.when("m.place", lambda: b.p(B("Où : "), V("m.place")))
    b.when("m.access", lambda: b.p(B("Accès : "), V("m.access")))
    b.p(
        B("Pour qui : "),
        V("m.who"),
        T("{% if m.registration %}"),
        " ; ",
        V("m.registration"),
        T("{% endif %}"),
    )
    b.when("m.description", lambda: b.p(V("m.description")))
    b.tag("{%p endfor %}")
    b.when("meetings_none", lambda: b.p(V("meetings_none")))
    b.h1(V("said.title"))
    b.when("said.intro", lambda: b.p(V("said.intro")))

    def heard() -> None:
        b.h2(V("heard.title"))
        b.p(V("heard.intro"))
        b.tag("{%p for o in heard.options %}")
        b.p(B(V("o.option")))
        b.each("q in o.quotes", [I("« "), I(V("q")), I(" »")], style="Verbatim")
        b.tag("{%p endfor %}")

    b.when("heard.options", heard)
    b.tag("{%p for d in said_done %}")
    b.h2(V("d.done"))
    b.each("s in d.said", [I("« "), I(V("s")), I(" »")], style="Verbatim")
    b.when("d.details", lambda: b.p(B("Ce que nous faisons : "), V("d.details")))
    b.when("d.origin", lambda: b.p(B("D’où cela vient : "), V("d.origin")))
    b.when("d.changes", lambda: b.p(B("Ce qui a changé : "), V("d.changes")))
    b.when("d.tests", lambda: b.p(B("L’avis des groupes : "), V("d.tests"), "."))
    b.when("d.rationale", lambda: b.p(B("Pourquoi elle est retenue : "), V("d.rationale")))
    b.tag("{%p endfor %}")
    b.when("quotes_consent", lambda: b.p(V("quotes_consent"), style="Small"))
    b.h1("Ce qui est ouvert à la discussion")
    b.each(
        "item in negotiable",
        [V("item")],
        empty="ce qui est ouvert à la discussion n'est pas encore précisé.",
    )

    def fixed() -> None:
        b.h2("Ce qui ne l’est pas")
        b.each("item in non_negotiable", [V("item")])

    b.when("non_negotiable", fixed)
    b.h1("Nos engagements envers vous")
    b.table(
        "c in commitments",
        [("Notre engagement", 12.5, [V("c.label")]), ("Délai", 4.5, [B(V("c.delay"))])],
        empty=COMMITMENTS_TODO,
    )
    b.h1("Les règles du jeu")
    b.each("r in rules.items", [B(V("r.label")), " : ", V("r.text")])
    b.each("r in rules.other", [V("r")])
    b.when("rules.todo", lambda: b.todo_value("rules.todo"))
    b.h1("Nous contacter")
    b.p(B(V("contact.name")))
    b.each("l in contact.lines", [B(V("l.label")), " : ", V("l.value")], style="Normal")
    b.when("contact.todo", lambda: b.todo_value("contact.todo"))
    _privacy(b)

    def glossary() -> None:
        b.h1("Les mots de la démarche")
        b.each("g in glossary", [B(V("g.term")), " : ", V("g.meaning")], style="Normal")

    b.when("glossary", glossary)
    b.when("credit", lambda: b.p(V("credit"), style="Small"))
    return b


def _privacy(b: Builder, heading: str = "Vos données personnelles") -> None:
    """The personal-data notice (RGPD art. 13): a row per part, « À compléter » when missing."""
    b.h1(heading)
    b.p(V("privacy.intro"))
    b.each(
        "r in privacy.rows",
        [B(V("r.label")), " : ", T("{% if r.missing %}"), G(V("r.value")), T("{% else %}"), V("r.value"), T("{% endif %}")],
        style="Normal",
    )  # fmt: skip
    b.p(V("privacy.quotes"), style="Small")


def communique_de_presse() -> Builder:
    """The press release: dateline, title, chapô, the facts, the next meeting, the press contact."""
    b = Builder("communique-de-presse", cover=False)
    b.tag("{%p if brand.logo %}")
    b.p(V("brand.logo"))
    b.tag("{%p endif %}")
    b.p(B("Communiqué de presse"), style="Cover Line")
    b.p(V("press.dateline"), style="Cover Line")
    b.h1(V("press.title"))
    b.p(B(V("press.chapo")), style="Callout")
    b.when("press.about", lambda: b.p(V("press.about")))
    b.tag("{%p if press.solutions %}")
    b.p(V("press.retained_intro"))
    b.each(
        "s in press.solutions",
        [B(V("s.title")), T("{% if s.description %}"), " : ", V("s.description"), T("{% endif %}")],
    )
    b.tag("{%p endif %}")
    b.when("press.quote", lambda: b.p("« ", V("press.quote"), " », ", V("press.quote_by")))
    b.when("press.next", lambda: b.p(V("press.next")), lambda: b.p(V("press.meetings_none")))
    b.when("press.then", lambda: b.p(V("press.then")))
    b.when("press.commitments", lambda: b.p(V("press.commitments")))
    b.tag("{%p if press.website %}")
    b.p(B("En savoir plus : "), V("press.website"))
    b.tag("{%p endif %}")
    b.h2("Contact presse")
    b.when(
        "press.contact.name",
        lambda: b.p(
            B(V("press.contact.name")),
            T("{% if press.contact.role %}"),
            ", ",
            V("press.contact.role"),
            T("{% endif %}"),
        ),
    )
    b.when("press.contact.phone", lambda: b.p("Téléphone : ", V("press.contact.phone")))
    b.when("press.contact.email", lambda: b.p("Courriel : ", V("press.contact.email")))
    b.when("press.contact.todo", lambda: b.todo_value("press.contact.todo"))
    b.when("credit", lambda: b.p(V("credit"), style="Small"))
    return b


def facile_a_lire() -> Builder:
    """The easy-to-read draft: one sentence per line, a large font, left-aligned, no table."""
    b = Builder("facile-a-lire", cover=False)
    easy = b.doc.styles.add_style("Easy Text", 1)
    easy.base_style = b.doc.styles["Normal"]
    easy.font.size = Pt(14)
    easy.paragraph_format.line_spacing = 1.5
    easy.paragraph_format.space_after = Pt(8)
    easy.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    # Headings larger than the 14 pt text, so that each part stands out (one idea per part).
    heading = b.doc.styles["Heading 1"]
    heading.font.size = Pt(20)
    heading.paragraph_format.space_before = Pt(18)
    b.tag("{%p if brand.logo %}")
    b.p(V("brand.logo"))
    b.tag("{%p endif %}")
    b.when("easy.draft", lambda: b.p(B(V("easy.draft")), style="Callout"))
    b.h1(V("easy.title"))
    b.tag("{%p for s in easy.sections %}")
    b.h1(V("s.title"))
    b.each("l in s.lines", [V("l")], style="Easy Text")
    b.tag("{%p endfor %}")
    b.when("easy.validated", lambda: b.p(V("easy.validated"), style="Easy Text"))
    b.tag("{%p if easy.logo %}")
    b.p(V("easy.logo"))
    b.p(V("easy.credit"), style="Small")
    b.tag("{%p endif %}")
    return b


METHOD_STEPS = (
    "Chaque avis recueilli en atelier est codé : le groupe qui l'exprime, l'option dont il parle, sa polarité "
    "(+ s'il plaît, − s'il déplaît, ? pour une question, idée pour une suggestion), son intensité de 1 (remarque "
    "en passant) à 3 (avis appuyé) et le ou les critères de la grille qu'il touche (tableau 2).",
    "Seuls les avis + et − rattachés à au moins un critère sont notés. Les questions nourrissent la foire aux "
    "questions, les idées la séance de créativité ; un avis + ou − sans critère est signalé pour être codé, "
    "jamais compté.",
    "Ce qu'apporte un avis : sur chaque critère qu'il touche, p × i × w au numérateur et i × w au dénominateur, "
    "où p vaut +1 pour un avis + et −1 pour un avis −, i est son intensité et w le poids du critère. Un avis "
    "d'intensité 3 pèse trois fois une remarque en passant.",
    "Score d'un groupe sur une option (S) : la somme des p × i × w de ses avis sur cette option, divisée par la "
    "somme de leurs i × w. Il va de −1 (tous les avis contre) à +1 (tous pour).",
    "Score d'une condition (K) : le même rapport, sur les avis de tous les groupes, en ne gardant que les "
    "critères qui servent cette condition (tableau 1). Un avis sur un critère qui sert deux conditions compte "
    "pour chacune des deux.",
    "Un critère dont personne n'a parlé ne compte ni pour ni contre : il sort du calcul. Si aucun avis ne touche "
    "les critères d'une condition, elle n'a pas de score et l'option ne peut pas être déclarée viable : "
    "l'absence d'avis n'est pas un accord.",
    "Score global (O) : la moyenne des scores des groupes, chaque groupe ayant une voix égale quel que soit son "
    "nombre de participants. Écart (D) : le plus haut moins le plus bas des scores des groupes ; plus il est "
    "grand, plus l'option divise.",
)


def kit_roi_citoyen() -> Builder:
    b = Builder("kit-roi-citoyen")
    b.h1("1. Le principe")
    b.p(
        "Un dialogue citoyen ne dure que s'il profite aux trois parties : les élus, qui gardent leur mandat ; "
        "les services, qui ne s'épuisent pas ; les citoyens, qui s'y retrouvent. Le « ROI citoyen » mesure ce retour "
        "pour chacune d'elles, séparément, plutôt qu'en une seule note."
    )
    b.p(
        "Ce kit donne la méthode exacte avec laquelle les options ont été notées, pour que la collectivité puisse "
        "l'appliquer seule à un futur dispositif et refaire chaque calcul à la main."
    )
    b.h1("2. Les trois conditions")
    b.tag("{%p if conditions %}")
    b.caption("Tableau 1 – Les trois conditions et les critères qui les servent")
    b.tag("{%p endif %}")
    b.table(
        "c in conditions",
        [
            ("Condition", 4.0, [B(V("c.label"))]),
            ("La question posée", 6.0, [V("c.question")]),
            (
                "Critères de la grille",
                7.0,
                [T("{% for l in c.criteria %}"), V("l"), T("{% if not loop.last %}"), "\n", T("{% endif %}{% endfor %}")],
            ),
        ],
    )  # fmt: skip
    b.h1("3. La grille d'analyse")
    b.tag("{%p if criteria %}")
    b.caption("Tableau 2 – La grille d'analyse")
    b.tag("{%p endif %}")
    b.table(
        "c in criteria",
        [
            ("Code", 2.7, [B(V("c.id"))]),
            ("Critère", 8.3, [V("c.label")]),
            ("Conditions servies", 4.0, [V("c.conditions")]),
            ("Poids", 2.0, [V("c.weight")]),
        ],
        total=[["Total"], [""], [""], [V("weight_total")]],
        empty="la grille d'analyse n'a encore aucun critère.",
    )
    b.h1("4. La méthode de calcul")
    b.p("C'est le calcul que fait l'outil, pas à pas ; la section 6 l'applique à un score réel.")
    for line in METHOD_STEPS:
        b.p(line, style="List Number")
    b.p(
        "Viabilité : une option est viable quand chacune des trois conditions a un score au moins égal au seuil de ",
        B(V("threshold")),
        ". Les options sont classées ainsi : viables d'abord, puis par score global décroissant, puis par écart "
        "croissant (le consensus avant la controverse).",
        style="Callout",
    )
    b.p(
        "Solidité : un score qui repose sur moins de ", B(V("min_items")),
        " avis notés est signalé comme fragile. Il compte comme les autres, mais l'avis du groupe est à confirmer "
        "avant de s'appuyer dessus.",
        style="Callout",
    )  # fmt: skip
    b.p(
        "Arrondis : les scores sont calculés sans arrondi, affichés avec deux décimales et comparés au seuil "
        "avec quatre.",
        style="Small",
    )
    b.page_break()
    b.h1("5. Fiche de codage")
    b.p(
        "Dispositif évalué : ______________________________    Groupe : ____________    Date : ____________",
        style="Cover Line",
    )
    b.p(
        "Une ligne par avis : polarité (+, −, ?, idée), intensité de 1 à 3, code du ou des critères du tableau 2. "
        "Pour un avis + ou −, porter p × i × w et i × w pour chaque critère qui sert la condition calculée."
    )
    b.caption("Tableau 3 – Fiche de codage des avis")
    b.static_table(
        [
            "N°",
            "Groupe",
            "Ce qui a été dit",
            "Polarité",
            "Intensité",
            "Critères",
            "p × i × w",
            "i × w",
        ],
        [0.9, 1.7, 4.3, 2.0, 2.2, 2.1, 2.2, 1.6],
        rows=10,
        height=0.9,
    )
    b.p(
        "Somme des p × i × w : ________    Somme des i × w : ________    K = ________ ÷ ________ = ________",
        style="Cover Line",
    )
    b.p("Conditions : élus ________   citoyens ________   services ________", style="Cover Line")
    b.p("Verdict : ______________________________________________", style="Cover Line")
    b.page_break()
    b.h1("6. Exemple : les résultats des ateliers")

    def example() -> None:
        b.when("analysis_note", lambda: b.p(V("analysis_note"), style="Callout"))
        b.p(
            "Les options étudiées avec ",
            V("client.in_text"),
            " ont été notées selon cette méthode. Classement obtenu :",
        )
        b.caption("Tableau 4 – Classement des options")
        _ranking(b)
        b.picture("heatmap", "Scores par option et par groupe")

        def worked() -> None:
            b.h2(V("worked.title"))
            b.p(V("worked.intro"))
            b.caption("Tableau 5 – Les avis derrière ce score")
            b.table(
                "w in worked.rows",
                [
                    ("Avis", 1.6, [B(V("w.id"))]),
                    ("Groupe", 2.6, [V("w.group")]),
                    ("Polarité", 2.0, [V("w.polarity")]),
                    ("Intensité", 2.2, [V("w.intensity")]),
                    ("Critère (poids)", 4.6, [V("w.criteria")]),
                    ("p × i × w", 2.0, [V("w.signed")]),
                    ("i × w", 2.0, [V("w.weight")]),
                ],
                total=[["Total"], [""], [""], [""], [""], [V("worked.numerator")], [V("worked.denominator")]],
                right=(3, 5, 6),
            )  # fmt: skip
            b.p(V("worked.formula"), style="Callout")
            b.p(V("worked.reading"))

        b.when("worked.rows", worked)

    b.either("ranking", example, RANKING_TODO)
    return b


RANKING_TODO = (
    "aucune option n'est encore notée ; les scénarios et les retours des ateliers restent à saisir."
)


def _score_cell(key: str) -> list[Part]:
    """A condition score and, on its own line, the items behind it ('4 avis', '2 avis : fragile')."""
    return [
        V(f"r.{key}"),
        T("{% if r." + key + "_evidence %}"),
        "\n",
        I(V(f"r.{key}_evidence")),
        T("{% endif %}"),
    ]


def _ranking(b: Builder) -> None:
    b.table(
        "r in ranking",
        [
            ("Rang", 1.4, [B(V("r.rank"))]),
            ("Option", 3.8, [B(V("r.title"))]),
            ("Score", 1.5, [V("r.overall")]),
            ("Condition élus", 2.3, _score_cell("elus")),
            ("Condition citoyens", 2.3, _score_cell("citoyens")),
            ("Condition services", 2.3, _score_cell("services")),
            ("Verdict", 3.4, [V("r.verdict")]),
        ],
        right=(2, 3, 4, 5),
    )
    b.p(
        "Score : moyenne des scores des trois groupes. Condition : score de la condition, de −1 à +1, "
        "calculé sur les retours de tous les groupes, pondérés par les poids des critères qui la servent, "
        "avec le nombre d'avis notés sur lesquels il repose (« fragile » : moins de ", V("min_items"),
        "). La carte ci-dessous donne, elle, le score de chaque groupe.",
        style="Caption",
    )  # fmt: skip
    b.when("weak", lambda: b.p(V("weak"), style="Small"))


def synthese_ateliers() -> Builder:
    b = Builder("synthese-ateliers")
    b.h1("L'essentiel")
    b.when("brief.analysis", lambda: b.p(V("brief.analysis"), style="Callout"))
    b.p(
        B(V("totals.participants")), " participants et ", B(V("totals.contributions")),
        " contributions recueillies lors des ateliers, codées selon la grille d'analyse. Une option n'est viable "
        "que si elle remplit les trois conditions d'un dialogue durable : les élus gardent leur mandat, les "
        "citoyens s'y retrouvent, les services ne s'épuisent pas (aucune condition sous le seuil de ",
        V("threshold"), ").",
    )  # fmt: skip

    def brief() -> None:
        b.p(V("brief.ranking"))
        b.each(
            "r in ranking",
            [B(V("r.rank")), ". ", V("r.title"), " : ", V("r.verdict"), " (score ", V("r.overall"), ")"],
        )  # fmt: skip

    b.when("brief.ranking", brief)
    b.h2("Ce qui a été retenu")
    b.when("decision.todo", lambda: b.todo_value("decision.todo"))
    b.each("s in retained", [B(V("s.title")), " — ", V("s.summary"), "."])
    b.when("brief.weak", lambda: b.p(V("brief.weak"), style="Small"))
    b.page_break()
    b.h1("1. Participation et méthode")
    b.h2("Les participants")
    b.unless("workshops", "aucun atelier n'est encore prévu.")
    b.unless(
        'not workshops or totals.contributions != "0"',
        "aucune contribution n'est encore saisie pour les ateliers.",
    )
    b.table(
        "w in workshops",
        [
            ("Atelier", 3.6, [B(V("w.label"))]),
            ("Date", 2.7, [V("w.date")]),
            ("Lieu", 3.7, [V("w.place")]),
            ("Part.", 1.2, [V("w.participants")]),
            ("+", 1.1, [V("w.positive")]),
            ("–", 1.1, [V("w.negative")]),
            ("?", 1.1, [V("w.questions")]),
            ("Idées", 1.2, [V("w.ideas")]),
            ("Total", 1.3, [B(V("w.total"))]),
        ],
        right=(3, 4, 5, 6, 7, 8),
    )
    b.tag("{%p if workshops %}")
    b.p(
        "Part. : participants ; + : avis positifs ; – : avis négatifs ; ? : questions ; Idées : suggestions ; "
        "Total : toutes les contributions de l’atelier.",
        style="Caption",
    )
    b.tag("{%p endif %}")
    b.tag("{%p for w in workshops %}")
    b.tag("{%p if w.profile %}")
    b.p(B(V("w.label")), " : profil des participants")
    b.each("l in w.profile", [V("l")])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.h2("Le recrutement")
    b.each(
        "w in workshops",
        [B(V("w.label")), " : ", T("{% if w.recruitment %}"), V("w.recruitment"), T("{% else %}"), G("à compléter"), T("{% endif %}")],
        empty="aucun atelier n'est encore prévu.",
    )  # fmt: skip
    b.h2("Le déroulé des séances")
    b.each(
        "w in workshops",
        [B(V("w.label")), " : ", T("{% if w.format %}"), V("w.format"), T("{% else %}"), G("à compléter"), T("{% endif %}")],
        empty="aucun atelier n'est encore prévu.",
    )  # fmt: skip
    b.h2("Le codage des contributions")
    b.p(
        V("method.coding"), " Seuls les avis + et − rattachés à un critère entrent "
        "dans les scores ; les questions et les idées sont listées à part. Un score qui repose sur moins de ",
        V("min_items"), " avis notés est signalé comme fragile : le nombre d'avis derrière chaque score est "
        "donné à côté de lui. Le kit d'usage du ROI citoyen détaille le calcul et le refait sur un exemple.",
    )  # fmt: skip
    b.when("method.coding_more", lambda: b.p(V("method.coding_more")))
    b.h2("Les limites")
    b.each("l in limits", [V("l")], empty="les limites de l’analyse restent à écrire.")
    b.h1("2. Classement des options")

    def ranking() -> None:
        b.p(
            "Chaque option reçoit un score par condition (élus, citoyens, services) ; elle est viable quand aucune condition "
            "ne passe sous le seuil de ", V("threshold"), ".",
        )  # fmt: skip
        _ranking(b)
        b.picture("heatmap", "Scores par option et par groupe")

    b.either("ranking", ranking, RANKING_TODO)
    b.h1("3. Analyse par option")
    b.unless("scenarios", "aucune option n'est encore analysée.")
    b.tag("{%p for s in scenarios %}")
    b.h2(V("s.title"), " (rang ", V("s.rank"), ")")
    b.p(
        B("Verdict : "),
        V("s.verdict"),
        " · score ",
        V("s.overall"),
        " · écart entre groupes ",
        V("s.divergence"),
    ).paragraph_format.keep_with_next = True
    b.table(
        "g in s.groups",
        [
            ("Groupe", 2.8, [B(V("g.group"))]),
            (
                "Score",
                4.6,
                [V("g.score"), T("{% if g.evidence %}"), " (", I(V("g.evidence")), ")", T("{% endif %}")],
            ),
            ("Positif", 2.4, [V("g.positive")]),
            ("Négatif", 2.4, [V("g.negative")]),
            ("Questions", 2.4, [V("g.questions")]),
            ("Idées", 2.4, [V("g.ideas")]),
        ],
        right=(1, 2, 3, 4, 5),
        keep=True,
    )  # fmt: skip
    b.when("s.tension", lambda: b.p(B("Point de tension : "), V("s.tension"), style="Callout"))
    b.each(
        "v in s.verbatims",
        [I("« "), I(V("v.text")), I(" »"), " (", V("v.group"), ", ", V("v.polarity"), ")"],
        style="Verbatim",
    )
    b.tag("{%p endfor %}")
    b.h1("4. Idées transmises à la séance de créativité")
    b.table(
        "i in ideas",
        [
            ("Idée", 11.0, [V("i.text")]),
            ("Groupe", 2.5, [V("i.group")]),
            ("Option", 3.5, [V("i.scenario")]),
        ],
        empty="aucune idée n'a encore été recueillie en atelier.",
    )
    b.h1("5. Des conclusions aux solutions retenues")
    b.table(
        "c in conclusions",
        [
            ("Rang", 1.3, [B(V("c.rank"))]),
            ("Option", 4.2, [B(V("c.title"))]),
            ("Verdict de l’analyse", 4.5, [V("c.verdict")]),
            ("Ce qu’elle est devenue", 7.0, [V("c.fate")]),
        ],
        empty="aucune option n'est encore analysée.",
    )
    b.when("decision.todo", lambda: b.todo_value("decision.todo"))
    b.when("decision.intro", lambda: b.p(V("decision.intro")))
    b.tag("{%p for s in retained %}")
    b.h2(V("s.title"))
    b.p(V("s.origin"))
    b.when("s.changes", lambda: b.p(B("Ce qui change : "), V("s.changes")))
    b.when("s.tests", lambda: b.p(V("s.tests_line")))
    b.when(
        "s.justified",
        lambda: b.p(V("s.basis"), style="Callout"),
        lambda: b.p(V("s.basis"), style="Placeholder"),
    )
    b.tag("{%p endfor %}")
    return b


def _package_content(b: Builder) -> None:
    """What the package holds: its phases (days, planned dates), workshops and deliverables."""
    b.h1("Contenu du forfait")
    b.table(
        "ph in quote.package_content.phases",
        [
            ("Phase", 5.2, [B(V("ph.label"))]),
            ("Jours", 1.6, [V("ph.days")]),
            ("Dates prévues", 6.2, [V("ph.dates")]),
            ("Montant HT", 4.0, [V("ph.amount")]),
        ],
        right=(1, 3),
        keep=True,
    )
    b.when(
        "quote.package_content.workshops",
        lambda: b.p(B("Ateliers : "), V("quote.package_content.workshops"), "."),
    )
    b.when(
        "quote.package_content.deliverables",
        lambda: b.p(B("Livrables : "), V("quote.package_content.deliverables"), "."),
    )


def _identity_line(b: Builder, cell: _Cell, condition: str, parts: Sequence[Part]) -> None:
    """One line of an identity block (the provider's, the buyer's), kept only when ``condition``
    holds: a line the file leaves empty leaves no blank line."""
    b._runs(cell.add_paragraph(), [T("{%p if " + condition + " %}")])
    b._runs(cell.add_paragraph(style="Identity"), parts)
    b._runs(cell.add_paragraph(), [T("{%p endif %}")])


def _price_lines(b: Builder, lines: str, *, basis: bool) -> None:
    """The priced lines of the devis (``basis``: with how each quantity was reached) and of the
    facture: designation and description, quantity, unit, unit price, amount."""
    tail: list[Part] = (
        [T("{% endif %}{% if l.basis %}"), "\n", G(V("l.basis")), T("{% endif %}")]
        if basis
        else [T("{% endif %}")]
    )
    b.table(
        f"l in {lines}",
        [
            (
                "Désignation",
                7.6,
                [B(V("l.label")), T("{% if l.description %}"), "\n", I(V("l.description")), *tail],
            ),
            ("Quantité", 2.0, [V("l.quantity")]),
            ("Unité", 2.0, [V("l.unit")]),
            ("Prix unitaire HT", 2.7, [V("l.unit_price")]),
            ("Montant HT", 2.7, [B(V("l.amount"))]),
        ],
        right=(1, 3, 4),
    )


TotalRow = tuple[str | None, Sequence[Part], Sequence[Part], bool]


def _totals(b: Builder, rows: Sequence[TotalRow]) -> None:
    """The totals block of the devis and the facture: label and amount, a row each, right-aligned.

    A row is (condition, label, amount, strong): a condition wraps the row in ``{%tr if %}``;
    a strong row (Total HT, Total TTC, Net à payer) is bold on a tint.
    """
    table = b.doc.add_table(rows=0, cols=2)
    b._grid(table)
    for condition, label, value, strong in rows:
        if condition:
            row = table.add_row()
            b._fill(row.cells[0], [T(condition)], "Table Text")
        row = table.add_row()
        if strong:
            _shade(row.cells[0], TINT)
            _shade(row.cells[1], TINT)
        b._fill(
            row.cells[0],
            [B(p) if strong and isinstance(p, str | V) else p for p in label],
            "Table Text",
        )
        b._fill(
            row.cells[1],
            [B(p) if strong and isinstance(p, str | V) else p for p in value],
            "Table Text",
        )
        row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if condition:
            end = table.add_row()
            b._fill(end.cells[0], [T("{%tr endif %}")], "Table Text")
    b._fixed(table, [5.5, 3.5])
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    b.p("").paragraph_format.space_after = Pt(2)


def devis() -> Builder:
    b = Builder("devis", cover=False)
    b.p(V("brand.logo"))
    top = b.doc.add_table(rows=1, cols=2)
    b._fixed(top, [8.5, 8.5])
    left, right = top.rows[0].cells
    # The provider's identity, line by line; each line only when it has something to say.
    b._fill(left, [T("{%p if consultant.company %}")], "Normal")
    b._runs(left.add_paragraph(style="Normal"), [B(V("consultant.company"))])
    for condition, parts in (
        ("consultant.name != consultant.company", [V("consultant.name")]),
        ("consultant.legal", [V("consultant.legal")]),
        ("consultant.address", [V("consultant.address")]),
        (
            "consultant.siret or consultant.rcs",
            [
                T("{% if consultant.siret %}"),
                "SIRET ",
                V("consultant.siret"),
                T("{% endif %}{% if consultant.siret and consultant.rcs %}"),
                " · ",
                T("{% endif %}"),
                V("consultant.rcs"),
            ],
        ),
        (
            "consultant.vat_number",
            ["TVA intracommunautaire ", V("consultant.vat_number")],
        ),
        (
            "consultant.email or consultant.phone",
            [
                V("consultant.email"),
                T("{% if consultant.email and consultant.phone %}"),
                " · ",
                T("{% endif %}"),
                V("consultant.phone"),
            ],
        ),
    ):
        _identity_line(b, left, condition, parts)
    b._runs(left.add_paragraph(), [T("{%p else %}")])
    b._runs(
        left.add_paragraph(style="Placeholder"),
        [TODO, "le prestataire (nom, adresse, SIRET) n'est pas encore renseigné."],
    )
    b._runs(left.add_paragraph(), [T("{%p endif %}")])
    _shade(right, TINT)
    b._fill(right, [B(V("client.name"))], "Normal")
    for parts in (
        [V("client.address")],
        [
            T("{% if client_contact.name %}"),
            "À l'attention de ",
            V("client_contact.name"),
            T("{% if client_contact.role %}"),
            ", ",
            V("client_contact.role"),
            T("{% endif %}{% endif %}"),
        ],
        [T("{% if client_contact.siren %}"), "SIREN ", V("client_contact.siren"), T("{% endif %}")],
        [T("{% if client_contact.siret %}"), "SIRET ", V("client_contact.siret"), T("{% endif %}")],
        [
            T("{% if client_contact.service_code %}"),
            "Code service Chorus Pro : ",
            V("client_contact.service_code"),
            T("{% endif %}"),
        ],
    ):
        b._runs(right.add_paragraph(style="Identity"), parts)
    b._margins(top, 140)
    b.p("").paragraph_format.space_after = Pt(6)
    title = b.p("Devis n° ", V("quote.number"), style="Title")
    for run in title.runs:
        run.font.color.rgb = RGBColor.from_string(PRIMARY)
        run.font.size = Pt(22)
    b.p(B("Objet : "), V("doc.subject"))
    b.p("Établi le ", V("quote.date"), ", valable jusqu'au ", B(V("quote.valid_until")), ".")
    b.p(
        B("Durée totale : "),
        V("quote.days"),
        " jours d'intervention",
        T("{% if quote.options_days %}"),
        " (",
        V("quote.package_days"),
        " jours du forfait et ",
        V("quote.options_days"),
        " jours pour les options)",
        T("{% endif %}"),
        ". ",
        B("Période d'exécution prévue : "),
        "du ",
        V("quote.period.start"),
        " au ",
        V("quote.period.end"),
        ".",
    )
    _price_lines(b, "quote.lines", basis=True)
    rows: list[TotalRow] = []
    rows.append(
        ("{%tr if quote.discount %}", [V("quote.discount_label")], [V("quote.discount")], False)
    )
    rows.append((None, ["Total HT"], [V("quote.total_ht")], True))
    rows.append(
        (
            "{%tr if not quote.vat_exemption %}",
            ["TVA ", V("quote.vat_rate")],
            [V("quote.vat")],
            False,
        )
    )
    rows.append((None, ["Total TTC"], [V("quote.total_ttc")], True))
    rows.append(
        (
            "{%tr if quote.deposit %}",
            ["Acompte à la commande (", V("quote.deposit_rate"), ")"],
            [V("quote.deposit")],
            False,
        )
    )
    rows.append(("{%tr if quote.deposit %}", ["Solde à l'achèvement"], [V("quote.balance")], False))
    _totals(b, rows)
    b.when("quote.vat_exemption", lambda: b.p(B(V("quote.vat_exemption"))))
    b.when("quote.package_content.phases", lambda: _package_content(b))
    b.h1("Échéancier prévisionnel")
    b.table(
        "i in quote.schedule",
        [
            (
                "Échéance",
                4.3,
                [V("i.label"), T("{% if i.note %}"), "\n", G(V("i.note")), T("{% endif %}")],
            ),
            ("Date prévue", 3.3, [V("i.date")]),
            ("HT", 3.3, [V("i.ht")]),
            ("TVA", 2.7, [V("i.vat")]),
            ("TTC", 3.4, [B(V("i.ttc"))]),
        ],
        total=[["Total"], [""], [V("quote.total_ht")], [V("quote.vat")], [V("quote.total_ttc")]],
        right=(2, 3, 4),
        keep=True,
    )
    b.h1("Conditions")
    b.each("m in quote.mentions", [V("m")], style="Mention")
    b.when("quote.procurement_note", lambda: b.p(I(V("quote.procurement_note")), style="Mention"))
    sign = b.doc.add_table(rows=1, cols=2)
    b._grid(sign)
    b._fixed(sign, [8.5, 8.5])
    _cant_split(sign.rows[0])
    left, right = sign.rows[0].cells
    b._fill(left, [B("Le prestataire")], "Table Text")
    b._runs(
        left.add_paragraph(style="Table Text"),
        [
            V("consultant.name"),
            T("{% if consultant.company != consultant.name %}{% if consultant.name %}"),
            ", ",
            T("{% endif %}"),
            V("consultant.company"),
            T("{% endif %}"),
        ],
    )
    b._fill(right, [B(V("quote.acceptance.title"))], "Table Text")
    b._runs(right.add_paragraph(), [T("{%p for line in quote.acceptance.lines %}")])
    paragraph = right.add_paragraph(style="Table Text")
    paragraph.paragraph_format.space_before = Pt(8)
    b._runs(paragraph, [V("line")])
    b._runs(right.add_paragraph(), [T("{%p endfor %}")])
    b._runs(right.add_paragraph(style="Table Text"), [""])
    return b


def facture() -> Builder:
    """The invoice (Factur-X): drawn like the devis, filled by `dialogue invoice`."""
    b = Builder(INVOICE.name, cover=False)
    b.p(V("brand.logo"))
    top = b.doc.add_table(rows=1, cols=2)
    b._fixed(top, [8.5, 8.5])
    left, right = top.rows[0].cells
    b._fill(left, [B(V("consultant.company"))], "Normal")
    for condition, parts in (
        ("consultant.name != consultant.company", [V("consultant.name")]),
        ("consultant.legal", [V("consultant.legal")]),
        ("consultant.address", [V("consultant.address")]),
        ("consultant.siret", ["SIRET ", V("consultant.siret")]),
        ("consultant.rcs", [V("consultant.rcs")]),
        ("consultant.vat_number", ["TVA intracommunautaire ", V("consultant.vat_number")]),
        (
            "consultant.email or consultant.phone",
            [
                V("consultant.email"),
                T("{% if consultant.email and consultant.phone %}"),
                " · ",
                T("{% endif %}"),
                V("consultant.phone"),
            ],
        ),
    ):
        _identity_line(b, left, condition, parts)
    _shade(right, TINT)
    b._fill(right, [B(V("client.name"))], "Normal")
    for condition, parts in (
        ("client.address", [V("client.address")]),
        ("client.siren", ["SIREN ", V("client.siren")]),
        ("client.siret", ["SIRET ", V("client.siret")]),
        ("client.service_code", ["Code service Chorus Pro : ", V("client.service_code")]),
    ):
        _identity_line(b, right, condition, parts)
    b._margins(top, 140)
    b.p("").paragraph_format.space_after = Pt(6)
    title = b.p(V("invoice.title"), " n° ", V("invoice.number"), style="Title")
    for run in title.runs:
        run.font.color.rgb = RGBColor.from_string(PRIMARY)
        run.font.size = Pt(22)
    b.pairs(
        [
            ("Date de la facture", [V("invoice.date")]),
            (
                "Date d'échéance",
                [
                    T("{% if invoice.due %}"),
                    B(V("invoice.due")),
                    T("{% else %}"),
                    "–",
                    T("{% endif %}"),
                ],
            ),
            ("Devis accepté", ["n° ", V("invoice.quote_number"), " du ", V("invoice.quote_date")]),
            ("Objet", [V("doc.subject")]),
            ("Période d'exécution", _or_dash("invoice.period")),
            ("N° d'engagement", _or_dash("invoice.engagement_number")),
        ]
    )
    _price_lines(b, "invoice.lines", basis=False)
    rows: list[TotalRow] = [
        (
            "{%tr if invoice.allowance %}",
            [V("invoice.allowance_label")],
            [V("invoice.allowance")],
            False,
        ),
        (None, ["Total HT"], [V("invoice.ht")], True),
        (
            "{%tr if not invoice.vat_exemption %}",
            ["TVA ", V("invoice.vat_rate")],
            [V("invoice.vat")],
            False,
        ),
        (None, ["Total TTC"], [V("invoice.ttc")], True),
        ("{%tr if not invoice.credit_note %}", ["Net à payer"], [V("invoice.due_amount")], True),
    ]
    _totals(b, rows)
    b.when(
        "invoice.solde",
        lambda: b.p(
            "Montant total du devis : ",
            B(V("invoice.contract_ttc")),
            " TTC (",
            V("invoice.contract_ht"),
            " HT, TVA ",
            V("invoice.contract_vat"),
            ") ; déjà facturé : ",
            V("invoice.deducted_ttc"),
            " TTC ; reste à payer : ",
            B(V("invoice.ttc")),
            " TTC.",
        ),
    )
    b.when("invoice.vat_exemption", lambda: b.p(B(V("invoice.vat_exemption"))))
    b.h1("Mentions")
    b.each("m in invoice.mentions", [V("m")], style="Mention")
    return b


def _or_dash(expr: str) -> list[Part]:
    """A value, or an en dash when it is empty."""
    return [T("{% if " + expr + " %}"), V(expr), T("{% else %}"), "–", T("{% endif %}")]


# English wording of every static text of the templates (key: the French source string).
ENGLISH.update(
    {
        "\tPage ": "\tPage ",
        " · ": " · ",
        " · Réf. ": " · Ref. ",
        "Document préparé par ": "Prepared by ",
        TODO: "To be completed: ",
        "à compléter": "to be completed",
        "le contexte de la démarche et l'état de l'art ne sont pas encore décrits.": "the context and the state of the art are not described yet.",
        "ce qui est ouvert à la discussion et ce qui ne l'est pas n'est pas encore précisé.": "what is open for discussion and what is not is not stated yet.",
        "aucun objectif n'est encore défini.": "no objective defined yet.",
        "aucun dispositif n'est encore étudié ; les scénarios présentés en ateliers restent à décrire.": "no scheme studied yet; the scenarios presented in the workshops are still to be described.",
        "aucune partie prenante n'est encore cartographiée.": "no stakeholder mapped yet.",
        "le portage politique, le comité de suivi et le rôle de chacun ne sont pas encore définis.": "the political sponsor, the steering committee and who does what are not defined yet.",
        COMMITMENTS_TODO: "no response-time commitment set yet.",
        "les moyens disponibles (humains, budget, outils) ne sont pas encore décrits.": "the resources available (people, budget, tools) are not described yet.",
        "aucun indicateur n'est encore défini.": "no indicator defined yet.",
        "aucun risque n'est encore identifié.": "no risk identified yet.",
        "le contexte et les objectifs du dispositif ne sont pas encore décrits.": "the context and objectives of the scheme are not described yet.",
        "le portage politique et le rôle de chacun ne sont pas encore définis.": "the political sponsor and who does what are not defined yet.",
        "aucune question n'a encore été recueillie en atelier.": "no question collected in the workshops yet.",
        "ce qui est ouvert à la discussion n'est pas encore précisé.": "what is open for discussion is not stated yet.",
        "la grille d'analyse n'a encore aucun critère.": "the analysis grid has no criterion yet.",
        RANKING_TODO: "no option scored yet; the scenarios and the workshops' feedback are still to be entered.",
        "aucun atelier n'est encore prévu.": "no workshop planned yet.",
        "aucune contribution n'est encore saisie pour les ateliers.": "no contribution entered for the workshops yet.",
        "aucune option n'est encore analysée.": "no option analysed yet.",
        "aucune idée n'a encore été recueillie en atelier.": "no idea collected in the workshops yet.",
        "le prestataire (nom, adresse, SIRET) n'est pas encore renseigné.": "the provider (name, address, SIRET) is not filled in yet.",
        "1. Contexte et enjeux": "1. Context and stakes",
        "Ce que le dispositif prend en compte :": "What the scheme builds on:",
        " : ": ": ",
        "2. Objet et périmètre": "2. Purpose and scope",
        "Le dispositif précise d'emblée ce qui est soumis à la discussion et ce qui ne l'est pas : c'est la première condition d'un dialogue loyal.": "The scheme states from the outset what is open for discussion and what is not: the first condition of a fair dialogue.",
        "Ce qui est ouvert à la discussion": "What is open for discussion",
        "Ce qui n'est pas négociable": "What is not negotiable",
        "3. Objectifs et niveau de participation": "3. Objectives and level of participation",
        "Chaque dispositif étudié annonce son niveau de participation et la promesse faite au public qui l'accompagne.": "Each scheme studied states its level of participation and the promise made to the public with it.",
        "Dispositif": "Scheme",
        "Niveau": "Level",
        "Promesse faite au public": "Promise to the public",
        "4. Publics et cartographie des acteurs": "4. Audiences and stakeholder map",
        "Les acteurs sont placés selon leur influence sur la décision et leur intérêt pour le dispositif, notés de 1 à 5 ; une note d'au moins ": "Stakeholders are placed by their influence on the decision and their interest in the scheme, scored 1 to 5; a score of at least ",
        " est considérée comme élevée.": " counts as high.",
        "Carte des acteurs : influence et intérêt": "Stakeholder map: influence and interest",
        "Acteur": "Stakeholder",
        "Groupe": "Group",
        "Influence": "Influence",
        "Intérêt": "Interest",
        "Quadrant": "Quadrant",
        "Niveau conseillé": "Advised level",
        "Une attention particulière est portée aux publics qui participent peu : documents en facile à lire et à comprendre (FALC), horaires variés, relais de proximité et lieux accessibles.": "Particular care goes to people who rarely take part: easy-to-read documents, varied hours, local relays and accessible venues.",
        "5. Gouvernance": "5. Governance",
        "Portage politique": "Political sponsor",
        "Comité de suivi": "Steering committee",
        "Place de l'opposition": "Role of the opposition",
        "Garant": "Guarantor",
        "Le rôle de chacun": "Who does what",
        "Partie": "Party",
        "Rôle dans le dispositif": "Role in the scheme",
        "6. Le dispositif retenu": "6. The chosen scheme",
        "Accueil": "Reception",
        "Remarque": "Remark",
        "7. Règles du jeu et engagements de la collectivité": "7. Rules and commitments of the public body",
        "La collectivité s'engage envers les participants sur des délais de réponse précis (droit de suite). Les données personnelles recueillies ne servent qu'à informer et répondre aux participants, conformément au RGPD.": "The public body commits to precise response times towards participants. Personal data collected is only used to inform and answer participants, in line with the GDPR.",
        "Engagement": "Commitment",
        "Délai": "Response time",
        "8. Moyens": "8. Resources",
        "9. Calendrier": "9. Calendar",
        "Phase": "Phase",
        "Jours": "Days",
        "État": "Status",
        "Temps de travail": "Session",
        "Calendrier indicatif : la date de démarrage n'est pas encore arrêtée ; les dates seront recalées à la signature.": "Indicative calendar: the start date is not settled yet; the dates will be adjusted on signature.",
        "Début": "Start",
        "Fin": "End",
        "Ateliers et séance de créativité": "Workshops and creativity session",
        "Date": "Date",
        "Lieu": "Venue",
        "10. Traitement des contributions": "10. Handling contributions",
        "Chaque contribution est codée selon la grille d'analyse (polarité, intensité, critère), étudiée par les services dans un temps plafonné, puis fait l'objet d'une réponse publique dans les délais annoncés.": "Each contribution is coded against the analysis grid (polarity, intensity, criterion), assessed by staff within a capped time, then answered publicly within the announced time.",
        "11. Évaluation": "11. Evaluation",
        "Le dispositif est évalué pour chacune des trois parties : c'est le « ROI citoyen ».": "The scheme is evaluated for each of the three parties: the \u201ccitizen ROI\u201d.",
        "Pour": "For",
        "Indicateur": "Indicator",
        "Cible": "Target",
        "12. Risques et parades": "12. Risks and mitigations",
        "Risque": "Risk",
        "Parade": "Mitigation",
        "1. Pourquoi ce dispositif": "1. Why this scheme",
        "Nos objectifs": "Our objectives",
        "2. Ce qui change": "2. What changes",
        "3. Qui fait quoi": "3. Who does what",
        "Portage politique : ": "Political sponsor: ",
        ".": ".",
        "Rôle": "Role",
        "Élus et agents sont les premiers visages du dispositif. Quelques règles communes :": "Elected members and staff are the first faces of the scheme. A few shared rules:",
        "Accueillir chaque contribution, même critique : elle dit quelque chose du service rendu.": "Welcome every contribution, even a critical one: it says something about the service.",
        "Reformuler pour vérifier que l'on a bien compris, sans juger.": "Rephrase to check you understood, without judging.",
        "Annoncer le délai de réponse et le canal par lequel elle viendra.": "Announce when the answer will come and through which channel.",
        "Noter la contribution et la transmettre à la mission participation le jour même.": "Write the contribution down and pass it to the participation team the same day.",
        "Ces délais engagent toute la collectivité ; chaque direction veille à ce qu'ils soient tenus.": "These response times bind the whole organisation; each department makes sure they are met.",
        "Accusé de réception. ": "Acknowledgement. ",
        "Merci pour votre contribution. Elle a bien été reçue par ": "Thank you for your contribution. It has been received by ",
        " et sera étudiée ; vous recevrez une réponse dans les délais annoncés.": " and will be studied; you will receive an answer within the announced time.",
        "Proposition écartée. ": "Proposal not retained. ",
        "Votre proposition a été étudiée avec attention. Elle ne peut pas être retenue pour la raison suivante : [motif]. Nous vous remercions de votre participation.": "Your proposal was carefully studied. It cannot be retained for the following reason: [reason]. Thank you for taking part.",
        "Ces questions ont été posées pendant les ateliers. Chaque porte-parole doit pouvoir y répondre ; le comité de suivi valide les réponses.": "These questions were asked in the workshops. Every spokesperson should be able to answer them; the steering committee approves the answers.",
        " (": " (",
        ")": ")",
        "De quoi s'agit-il ?": "What is it about?",
        "Les prochains rendez-vous :": "The next meetings:",
        "À tout moment, vos questions et vos idées sont les bienvenues auprès de ": "At any time, your questions and ideas are welcome at ",
        " : chacune reçoit une réponse, dans les délais de nos engagements ci-dessous.": ": each one gets an answer, within the times of our commitments below.",
        "« ": "\u201c",
        " »": "\u201d",
        "Ce que nous faisons : ": "What we are doing: ",
        "Comment participer": "How to take part",
        "Ce qui ne l'est pas": "What is not",
        "Nos engagements envers vous": "Our commitments to you",
        "Nous nous engageons à": "We commit to",
        "Les règles du jeu": "The ground rules",
        "Chacun peut participer, quel que soit son âge ou sa nationalité.": "Everyone can take part, whatever their age or nationality.",
        "Les échanges sont respectueux ; les propos injurieux sont retirés.": "Exchanges are respectful; abusive remarks are removed.",
        "Vos données personnelles ne servent qu'à vous répondre et ne sont jamais publiées.": "Your personal data is only used to answer you and is never published.",
        "Chaque contribution reçoit une réponse, y compris quand elle ne peut pas être retenue.": "Every contribution gets an answer, including when it cannot be retained.",
        "1. Le principe": "1. The principle",
        "Un dialogue citoyen ne dure que s'il profite aux trois parties : les élus, qui gardent leur mandat ; les services, qui ne s'épuisent pas ; les citoyens, qui s'y retrouvent. Le « ROI citoyen » mesure ce retour pour chacune d'elles, séparément, plutôt qu'en une seule note.": "A citizen dialogue only lasts if all three parties benefit: elected members, who keep their mandate; staff, who are not exhausted; citizens, who get something back. The \u201ccitizen ROI\u201d measures this return for each of them separately, rather than as a single score.",
        "2. Les trois conditions": "2. The three conditions",
        "Condition": "Condition",
        "La question posée": "The question it asks",
        "Critères de la grille": "Grid criteria",
        "3. La grille d'analyse": "3. The analysis grid",
        "Code": "Code",
        "Critère": "Criterion",
        "Conditions servies": "Conditions served",
        "Poids": "Weight",
        "Total": "Total",
        "Condition élus": "Condition: elected",
        "Condition citoyens": "Condition: citizens",
        "Condition services": "Condition: staff",
        "Verdict : ______________________________________________": "Verdict: ______________________________________________",
        "6. Exemple : les résultats des ateliers": "6. Worked example: the workshops' results",
        "Les options étudiées avec ": "The options studied with ",
        "Rang": "Rank",
        "Option": "Option",
        "Score": "Score",
        "Verdict": "Verdict",
        "Scores par option et par groupe": "Scores per option and group",
        " participants et ": " participants and ",
        "Atelier": "Workshop",
        "Part.": "Part.",
        "+": "+",
        "–": "–",
        "?": "?",
        "Idées": "Ideas",
        "2. Classement des options": "2. Ranking of the options",
        "Chaque option reçoit un score par condition (élus, citoyens, services) ; elle est viable quand aucune condition ne passe sous le seuil de ": "Each option gets a score per condition (elected members, citizens, staff); it is viable when no condition falls below the threshold of ",
        "3. Analyse par option": "3. Analysis per option",
        " (rang ": " (rank ",
        "Verdict : ": "Verdict: ",
        " · score ": " · score ",
        " · écart entre groupes ": " · spread between groups ",
        "Positif": "Positive",
        "Négatif": "Negative",
        "Questions": "Questions",
        "Point de tension : ": "Tension: ",
        ", ": ", ",
        "4. Idées transmises à la séance de créativité": "4. Ideas passed on to the creativity session",
        "Idée": "Idea",
        "SIRET ": "SIRET ",
        "TVA intracommunautaire ": "EU VAT number ",
        "À l'attention de ": "For the attention of ",
        "SIREN ": "SIREN ",
        "Devis n° ": "Quote no. ",
        "Objet : ": "Subject: ",
        "Établi le ": "Issued on ",
        ", valable jusqu'au ": ", valid until ",
        ". Durée estimée : ": ". Estimated effort: ",
        " jours d'intervention.": " days of work.",
        "Désignation": "Description",
        "Quantité": "Quantity",
        "Unité": "Unit",
        "Prix unitaire HT": "Unit price",
        "Montant HT": "Amount",
        "Remise sur les honoraires": "Discount on fees",
        "Total HT": "Total excl. VAT",
        "TVA ": "VAT ",
        "Total TTC": "Total incl. VAT",
        "Acompte à la commande (": "Deposit on order (",
        "Solde à l'achèvement": "Balance on completion",
        "Conditions": "Terms",
        "Le prestataire": "The provider",
        " n° ": " no. ",
        "Code service Chorus Pro : ": "Chorus Pro service code: ",
        "Durée totale : ": "Total effort: ",
        " jours d'intervention": " consultant days",
        " jours du forfait et ": " days in the package and ",
        " jours pour les options)": " days for the options)",
        ". ": ". ",
        "Période d'exécution prévue : ": "Planned period of execution: ",
        "du ": "from ",
        " au ": " to ",
        "Contenu du forfait": "What the package holds",
        "Dates prévues": "Planned dates",
        "Ateliers : ": "Workshops: ",
        "Livrables : ": "Deliverables: ",
        "Échéancier prévisionnel": "Payment schedule (planned)",
        "Échéance": "Instalment",
        "Date prévue": "Planned date",
        "HT": "Excl. VAT",
        "TVA": "VAT",
        "TTC": "Incl. VAT",
        "Date de la facture": "Invoice date",
        "Devis accepté": "Accepted quote",
        "n° ": "no. ",
        " du ": " of ",
        "Objet": "Subject",
        "Période d'exécution": "Period of execution",
        "N° d'engagement": "Engagement number",
        "Net à payer": "Amount due",
        "Date d'échéance": "Due date",
        "Montant total du devis : ": "Total of the quote: ",
        " TTC (": " incl. VAT (",
        " HT, TVA ": " excl. VAT, VAT ",
        ") ; déjà facturé : ": "); already invoiced: ",
        " TTC ; reste à payer : ": " incl. VAT; left to pay: ",
        " TTC.": " incl. VAT.",
        "Mentions": "Legal mentions",
    }
)


METHOD_STEPS_EN = (
    "Each view gathered in a workshop is coded: the group that expresses it, the option it is about, its "
    "polarity (+ if they like it, − if they dislike it, ? for a question, idea for a suggestion), its intensity "
    "from 1 (a passing remark) to 3 (a strong view) and the grid criterion or criteria it touches (table 2).",
    "Only + and − views attached to at least one criterion are scored. Questions feed the FAQ, ideas the "
    "creativity session; a + or − view without a criterion is flagged to be coded, never counted.",
    "What a view brings: on each criterion it touches, p × i × w to the numerator and i × w to the "
    "denominator, where p is +1 for a + view and −1 for a − view, i is its intensity and w the criterion's "
    "weight. A view of intensity 3 weighs three times a passing remark.",
    "A group's score on an option (S): the sum of the p × i × w of its views on that option, divided by the sum "
    "of their i × w. It runs from −1 (every view against) to +1 (every view for).",
    "A condition's score (K): the same ratio, over every group's views, keeping only the criteria that serve "
    "that condition (table 1). A view on a criterion serving two conditions counts for both.",
    "A criterion nobody spoke about counts neither for nor against: it drops out of the computation. If no "
    "view touches a condition's criteria, the condition has no score and the option cannot be declared "
    "viable: no view is not a yes.",
    "Overall score (O): the mean of the groups' scores, each group having an equal voice whatever its number of "
    "participants. Spread (D): the highest minus the lowest group score; the larger it is, the more the "
    "option divides.",
)
ENGLISH["—"] = "—"  # not applicable, in both languages
ENGLISH.update(dict(zip(METHOD_STEPS, METHOD_STEPS_EN, strict=True)))
ENGLISH.update(
    {
        " (score ": " (score ",
        " avis notés est signalé comme fragile : le nombre d'avis derrière chaque score est donné à côté de lui. Le kit d'usage du ROI citoyen détaille le calcul et le refait sur un exemple.": " scored views is flagged as weak: the number of views behind each score is given beside it. The citizen ROI usage kit details the computation and works it through on an example.",
        " avis notés est signalé comme fragile. Il compte comme les autres, mais l'avis du groupe est à confirmer avant de s'appuyer dessus.": " scored views is flagged as weak. It counts like the others, but the group's view should be confirmed before relying on it.",
        " contributions recueillies lors des ateliers, codées selon la grille d'analyse. Une option n'est viable que si elle remplit les trois conditions d'un dialogue durable : les élus gardent leur mandat, les citoyens s'y retrouvent, les services ne s'épuisent pas (aucune condition sous le seuil de ": " contributions collected in the workshops, coded against the analysis grid. An option is only viable if it meets the three conditions of a lasting dialogue: elected members keep their mandate, citizens get something back, staff are not exhausted (no condition below the threshold of ",
        " ont été notées selon cette méthode. Classement obtenu :": " were scored with this method. Resulting ranking:",
        " — ": " — ",
        ").": ").",
        "). La carte ci-dessous donne, elle, le score de chaque groupe.": "). The map below gives each group's own score.",
        ". ": ". ",
        ". Les options sont classées ainsi : viables d'abord, puis par score global décroissant, puis par écart croissant (le consensus avant la controverse).": ". Options are ranked viable first, then by overall score descending, then by spread ascending (consensus before controversy).",
        "1. Participation et méthode": "1. Participation and method",
        "4. La méthode de calcul": "4. How the scores are computed",
        "4. Le calendrier": "4. The calendar",
        "5. Des conclusions aux solutions retenues": "5. From the conclusions to the retained solutions",
        "5. Fiche de codage": "5. Coding sheet",
        "5. La posture : écouter sans promettre": "5. The stance: listen without promising",
        "6. Nos engagements envers les participants": "6. Our commitments to participants",
        "7. Modèles de réponse": "7. Reply templates",
        "8. Foire aux questions": "8. Frequently asked questions",
        "Arrondis : les scores sont calculés sans arrondi, affichés avec deux décimales et comparés au seuil avec quatre.": "Rounding: scores are computed in full, shown with two decimals and compared with the threshold at four.",
        "Avis": "View",
        "C'est le calcul que fait l'outil, pas à pas ; la section 6 l'applique à un score réel.": "This is the computation the tool makes, step by step; section 6 applies it to an actual score.",
        "Ce kit donne la méthode exacte avec laquelle les options ont été notées, pour que la collectivité puisse l'appliquer seule à un futur dispositif et refaire chaque calcul à la main.": "This kit gives the exact method the options were scored with, so that the public body can apply it on its own to a future scheme and redo every computation by hand.",
        "Ce qui a changé : ": "What changed: ",
        "L'avis des groupes : ": "What the groups think: ",
        "Pourquoi elle est retenue : ": "Why it is retained: ",
        "Ce qui a été dit": "What was said",
        "Ce qui a été retenu": "What was retained",
        "Ce qui change : ": "What changes: ",
        "Conditions : élus ________   citoyens ________   services ________": "Conditions: elected members ________   citizens ________   staff ________",
        "Critère (poids)": "Criterion (weight)",
        "Critères": "Criteria",
        "D'où cela vient : ": "Where it comes from: ",
        "D'où elle vient : ": "Where it comes from: ",
        "Dispositif évalué : ______________________________    Groupe : ____________    Date : ____________": "Scheme assessed: ______________________________    Group: ____________    Date: ____________",
        "Intensité": "Intensity",
        "L'essentiel": "Key findings",
        "Ne jamais promettre une décision qui appartient ": "Never promise a decision that belongs ",
        "N°": "No.",
        "Part. : participants ; + et – : avis positifs et négatifs ; ? : questions ; Idées : suggestions.": "Part.: participants; + and –: positive and negative views; ?: questions; Ideas: suggestions.",
        "Polarité": "Polarity",
        "Score : moyenne des scores des trois groupes. Condition : score de la condition, de −1 à +1, calculé sur les retours de tous les groupes, pondérés par les poids des critères qui la servent, avec le nombre d'avis notés sur lesquels il repose (« fragile » : moins de ": "Score: mean of the three groups' scores. Condition: the condition's score, from −1 to +1, computed from every group's feedback, weighted by the criteria serving it, with the number of scored views it rests on (\u201cweak\u201d: fewer than ",
        "Solidité : un score qui repose sur moins de ": "Strength of evidence: a score resting on fewer than ",
        "Somme des p × i × w : ________    Somme des i × w : ________    K = ________ ÷ ________ = ________": "Sum of p × i × w: ________    Sum of i × w: ________    K = ________ ÷ ________ = ________",
        "Tableau 1 – Les trois conditions et les critères qui les servent": "Table 1 – The three conditions and the criteria serving them",
        "Tableau 2 – La grille d'analyse": "Table 2 – The analysis grid",
        "Tableau 3 – Fiche de codage des avis": "Table 3 – Coding sheet",
        "Tableau 4 – Classement des options": "Table 4 – Ranking of the options",
        "Tableau 5 – Les avis derrière ce score": "Table 5 – The views behind this score",
        "Une ligne par avis : polarité (+, −, ?, idée), intensité de 1 à 3, code du ou des critères du tableau 2. Pour un avis + ou −, porter p × i × w et i × w pour chaque critère qui sert la condition calculée.": "One line per view: polarity (+, −, ?, idea), intensity from 1 to 3, code of the criterion or criteria of table 2. For a + or − view, write p × i × w and i × w for each criterion serving the condition computed.",
        "Viabilité : une option est viable quand chacune des trois conditions a un score au moins égal au seuil de ": "Viability: an option is viable when each of the three conditions scores at least the threshold of ",
        "i × w": "i × w",
        "Chaque contribution a été codée : le groupe, l'option dont elle parle, sa polarité, son intensité de 1 à 3 et les critères de la grille qu'elle touche. Seuls les avis + et − rattachés à un critère entrent dans les scores ; les questions et les idées sont listées à part. Un score qui repose sur moins de ": "Each contribution was coded: the group, the option it is about, its polarity, its intensity from 1 to 3 and the grid criteria it touches. Only + and − views attached to a criterion enter the scores; questions and ideas are listed apart. A score resting on fewer than ",
        "p × i × w": "p × i × w",
        "la solution n'a encore été testée auprès d'aucun groupe.": "the solution has not been tested with any group yet.",
        "les ateliers et la séance de créativité ne sont pas encore programmés.": "the workshops and the creativity session are not scheduled yet.",
    }
)


# The documents the collectivité publishes and circulates (issue 13): English wording.
ENGLISH.update(
    {
        " (passé)": " (past)",
        " : profil des participants": ": participants' profile",
        " ; ": "; ",
        " ; dépenses ponctuelles : ": "; one-off costs: ",
        " ; temps de travail : ": "; staff time: ",
        " Il se réunit ": " It meets ",
        " Seuls les avis + et − rattachés à un critère entrent dans les scores ; les questions et les idées sont listées à part. Un score qui repose sur moins de ": " Only + and − views attached to a criterion enter the scores; questions and ideas are listed apart. A score resting on fewer than ",
        " pour ": " for ",
        " », ": "”, ",
        "1. Contexte et enjeux": "1. Context and stakes",
        "10. Calendrier": "10. Calendar",
        "11. Traitement des contributions": "11. Handling contributions",
        "12. Évaluation": "12. Evaluation",
        "13. Risques et parades": "13. Risks and mitigations",
        "14. Livrables attendus": "14. Expected deliverables",
        "4. Votre contact : la mission participation": "4. Your contact: the participation team",
        "5. Le calendrier des agents": "5. The staff calendar",
        "6. La posture : écouter sans promettre": "6. The stance: listen without promising",
        "7. Nos engagements envers les participants": "7. Our commitments to participants",
        "8. Données personnelles": "8. Personal data",
        "8. Modèles de réponse": "8. Reply templates",
        "9. Foire aux questions": "9. Frequently asked questions",
        "9. Moyens et budget du dispositif": "9. Resources and budget of the scheme",
        "Accès : ": "Access: ",
        "Brouillon à faire vérifier · ": "Draft to be checked · ",
        "Budget annuel du dispositif : ": "Yearly budget of the scheme: ",
        "Ce qui a eu lieu": "What has happened",
        "Ce qui ne l’est pas": "What is not",
        "Ce qui vient": "What comes next",
        "Ce qu’elle est devenue": "What became of it",
        "Ces questions ont été posées pendant les ateliers, ou le seront. Chacun peut donner ces réponses aux habitants ; le comité de suivi les valide.": "These questions were asked in the workshops, or will be. Anyone may give these answers to residents; the steering committee approves them.",
        "Ces rendez-vous sont ouverts aux habitants :": "These meetings are open to residents:",
        "Comité de suivi : ": "Steering committee: ",
        "Communiqué de presse": "Press release",
        "Contact presse": "Press contact",
        "Courriel : ": "E-mail: ",
        "De": "From",
        "De quoi s’agit-il": "What it is",
        "D’où cela vient : ": "Where it comes from: ",
        "En savoir plus : ": "Find out more: ",
        "Et ensuite": "What happens next",
        "Fréquence du comité": "Committee meetings",
        "La collectivité s’engage envers les participants sur des délais de réponse précis (droit de suite).": "The public body commits to precise response times towards participants.",
        "La démarche": "The process",
        "Le codage des contributions": "How contributions were coded",
        "Le déroulé des séances": "How the sessions ran",
        "Le recrutement": "Recruitment",
        "Les engagements de la collectivité": "The public body's commitments",
        "Les limites": "Limits",
        "Les messages clés": "Key messages",
        "Les mots de la démarche": "Words of the process",
        "Les participants": "Participants",
        "Les rendez-vous": "Meetings",
        "Lieu et accès": "Place and access",
        "Livrable": "Deliverable",
        "L’avis des groupes : ": "What the groups think: ",
        "L’essentiel": "Key points",
        "Modération : ": "Moderation: ",
        "Montant": "Amount",
        "Moyen": "Resource",
        "Notre engagement": "Our commitment",
        "Nous contacter": "Contact us",
        "Où : ": "Where: ",
        "Part. : participants ; + : avis positifs ; – : avis négatifs ; ? : questions ; Idées : suggestions ; Total : toutes les contributions de l’atelier.": "Part.: participants; +: positive views; –: negative views; ?: questions; Ideas: suggestions; Total: all the workshop's contributions.",
        "Pour participer": "How to take part",
        "Pour qui : ": "Who for: ",
        "Prochain rendez-vous": "Next meeting",
        "Périodicité": "Period",
        "Quand : ": "When: ",
        "Qui peut participer : ": "Who may take part: ",
        "Rendez-vous": "Meeting",
        "Responsable": "Owner",
        "Rédaction": "Written by",
        "Référence": "Reference",
        "Situation de départ": "Baseline",
        "Sommaire": "Contents",
        "Source": "Source",
        "Suivi du document": "Document history",
        "Temps": "Staff time",
        "Tirage au sort : ": "Drawing by lot: ",
        "Téléphone : ": "Phone: ",
        "Validation": "Approval",
        "Verdict de l’analyse": "Verdict of the analysis",
        "Version": "Version",
        "Vos données personnelles": "Your personal data",
        "le contact de la mission participation n’est pas encore renseigné.": "the participation team's contact is not filled in yet.",
        "le coût de chaque moyen reste à chiffrer (means[].amount).": "the cost of each resource is still to be priced (means[].amount).",
        "les limites de l’analyse restent à écrire.": "the limits of the analysis are still to be written.",
        "les livrables attendus du dispositif ne sont pas encore définis.": "the scheme's expected deliverables are not defined yet.",
        "À": "To",
        "Les engagements": "Commitments",
    }
)
ENGLISH.update(
    dict(
        zip(
            SPECIFICATION_SECTIONS,
            (
                "1. Context and stakes", "2. Purpose and scope", "3. Objectives and level of participation",
                "4. Audiences and stakeholder map", "5. Governance", "6. The chosen scheme",
                "7. Rules and commitments of the public body", "8. Personal data",
                "9. Resources and budget of the scheme", "10. Calendar", "11. Handling contributions",
                "12. Evaluation", "13. Risks and mitigations", "14. Expected deliverables",
            ),
            strict=True,
        )
    )
)  # fmt: skip


BUILDERS: dict[str, Callable[[], Builder]] = {
    "cahier-des-charges": cahier_des_charges,
    "communication-interne": communication_interne,
    "communication-externe": communication_externe,
    "kit-roi-citoyen": kit_roi_citoyen,
    "synthese-ateliers": synthese_ateliers,
    "devis": devis,
    "communique-de-presse": communique_de_presse,
    "facile-a-lire": facile_a_lire,
    INVOICE.name: facture,
}


def build(out_dir: Path) -> list[Path]:
    """Write the six French templates into ``out_dir`` and the English ones into ``out_dir/en``."""
    global LANGUAGE
    written = []
    for language, folder in (("fr", out_dir), ("en", out_dir / "en")):
        LANGUAGE = language
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for name, make in BUILDERS.items():
                path = folder / f"{name}.docx"
                make().save(path)
                written.append(path)
        finally:
            LANGUAGE = "fr"
    if MISSING:
        missing = "\n".join(sorted(set(MISSING)))
        raise SystemExit(f"no English wording in ENGLISH for:\n{missing}")
    return written


DOCS_INTRO = """# Templates of `dialogue render`

<!-- Generated by `python scripts/build_templates.py --docs`; edit the script, not this file. -->

`dialogue render` fills six Word templates (`.docx` files with Jinja tags, rendered by
[docxtpl](https://docxtpl.readthedocs.io)). The defaults ship inside the package and are built by
`scripts/build_templates.py`, in French and in English: an engagement with `language: en` gets
the English ones (`src/dialogue_cli/templates/en/`) and English file names (`specification.docx`,
`internal-communication.docx`, `external-communication.docx`, `citizen-roi-kit.docx`,
`workshop-report.docx`, `quote.docx`; `--only` takes either name). Templates keep the French
file names in both folders.

## Branding and overriding

- `brand:` in engagement.yaml applies to the defaults without editing them: `name` (header,
  cover, document author), `logo` (PNG or JPEG, on the cover, 40 mm wide) and `primary_color`
  (headings, table headings, cover band; its light tint shades the total rows).
- `dialogue templates export DIR [--language en]` copies the six defaults out. Edit them in Word or LibreOffice,
  then put them in `templates/` beside engagement.yaml, or pass `--templates DIR` to `render`.
  Lookup order, file by file: `--templates DIR` > `templates/` > the defaults. An overriding
  template is used as it is (the brand colour only recolours the defaults).
- `dialogue templates check [DIR]` checks templates before use: the file opens and every XML part
  is well formed, the Jinja parses (a syntax error shows the surrounding text), every variable
  exists in the context documented below (an unknown one is a warning with a suggestion: likely
  a typo), no Jinja in the document properties (File > Properties: dialogue sets them), and
  the styles used exist. It warns, too, on what would make the documents inaccessible (RGAA):
  a picture without alternative text (in Word: right-click > Edit Alt Text) and a heading that
  skips a level (a Heading 3 right under a Heading 1).

## Accessible, print-perfect documents

- **Fonts.** The defaults are set in Carlito (SIL Open Font License), metric-compatible with
  Calibri, which Word shows where Carlito is not installed: lines break the same. dialogue ships
  Carlito and gives it to LibreOffice for `render --pdf`; before converting, it checks with
  `fc-match` that every font a document names resolves to itself and prints one line naming
  what to install when one does not. Table columns are widened, when rendering, to hold their
  longest word in Carlito and in DejaVu Sans (LibreOffice's usual fallback), taking the width
  from the columns with room to spare: no word breaks inside a cell.
- **Structure.** Headings go down one level at a time (Heading 1, 2, 3); table heading rows are
  marked to repeat on each page; every picture has an alternative text. `render --pdf` writes
  tagged PDF/UA (title shown, language set); `--pdfa` makes them PDF/A-2b as well.
- **Typography.** Text is set with the typographic apostrophe ’, guillemets « » with “ ” inside
  them and no-break spaces, no capital after a colon inside a sentence (a name keeps its own),
  numbers and phone numbers kept on one line, headings kept with what follows, no widow or
  orphan line. A consultant's template gets the apostrophes too.

## Writing tags

- Put spaces inside tags: `{{ client.name }}`, not `{{client.name}}`.
- Paragraph loops and conditions: `{%p for o in objectives %}` ... `{%p endfor %}`, each tag
  alone in its paragraph (the paragraph disappears). Table rows: `{%tr for l in quote.lines %}`
  in a row of its own, the row to repeat, then `{%tr endfor %}` in a row of its own.
- Values are ready to print: money (`10 000,00 €`), dates (`12 janvier 2027`), scores (`+0,42`)
  and French spacing are done. Do not compute in templates; ask for a value instead.
- Rendering is sandboxed: `_` attributes, unsafe calls and huge ranges are refused, a missing
  variable is an error naming every missing variable and the template, and a render stops after
  60 s. Text from users (names, verbatims) is escaped and cleaned of characters XML forbids.
- Pictures (`stakeholders.picture`, `heatmap`, `calendar.gantt`, `brand.logo`) are inserted with
  `{{ name }}` in a paragraph of their own; they are an empty string when absent, so wrap them in
  `{%p if heatmap %}` ... `{%p endif %}`.
- The external communication kit never receives personal data: no stakeholder contact, no
  feedback author, no internal note is in its context at all.
- Charts are PNG pictures drawn at 200 dpi at the size they are printed (the map and the Gantt
  chart 170 mm wide, the whole text width; the heatmap 160 mm): no text in them is under 8 pt on
  paper, labels are wrapped, never cut. Each carries an alternative text computed from the same
  results ('Carte des parties prenantes : 15 acteurs…'), Word's description of the picture and
  the PDF's `/Alt`. They are cached in `~/.cache/dialogue/charts` (or
  `$DIALOGUE_CACHE/charts`): a render whose map, scores and plan did not change reuses them and
  does not even load matplotlib.
- The calendar of the specification (`calendar`) comes from the same plan as `dialogue plan`:
  phases on French working days, half days marked ('14 janvier 2027 (midi)'). The plan's
  warnings are for the consultant and are not in the context: `dialogue render` prints them on
  stderr, as `dialogue plan` does.
- Drafts read as drafts: a section whose data is still empty shows a grey italic placeholder
  (style `Placeholder`: 'À compléter : aucune partie prenante n'est encore cartographiée.')
  instead of a table with only its heading row, and a sub-heading with nothing under it is left
  out. A table is wrapped in `{%p if rows %}` ... `{%p else %}` placeholder `{%p endif %}`; do
  the same in an overriding template. The cover's 'Document préparé par' line only appears when
  `brand.name` is known.
- Documents are told from where the engagement stands at the document date (`doc.date`:
  `render --date`, else `engagement.document_date`, else today): the contexts give sentences
  already in their tense (`calendar.workshops[].sentence`: 's'est tenu le jeudi 1er octobre
  2026', 'aura lieu le mardi 9 mars 2027'), phases in their state at that date, and the retained
  solutions only once the creativity phase is done (`decision.todo` says what comes instead).
  Never decide a tense or a state in a template; use these values.
- Every cover carries `doc.version_line` ('Version 1.0 du 1er décembre 2026') and
  `doc.validation`. French dates write the first of a month '1er'.
- The client's assembly comes from `client.kind`: write `{{ client.to_council }}`, not 'au
  conseil municipal'.
- Running text names the client with `client.in_text` ('reçue par la Ville d'Ormessac') and
  starts a sentence with `client.in_text_start` ('La Ville d'Ormessac ouvre…'); `client.name`
  is for covers, headers and address blocks. Set `client.in_text` in engagement.yaml when the
  derived article is wrong ('les Pays de la Loire').
- Tables are paginated after rendering, in every template, default or not: a row never splits
  across pages, a table of at most 8 rows (heading row included) stays on one page with the
  paragraph before it, and a longer table never leaves its heading row or its last row alone.

## The context of each deliverable

Every deliverable receives `doc`, `client` and `brand`, plus its own values. `[]` marks a list:
`quote.lines[].amount` is the `amount` of each item of `quote.lines`.
"""


def _describe(schema: dict[str, object], prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for key, value in schema.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.append((path, "Object."))
            rows.extend(_describe(value, path + "."))
        elif isinstance(value, list):
            item = value[0]
            rows.append(
                (path + "[]", "List." if isinstance(item, dict) else f"List of texts: {item}")
            )
            if isinstance(item, dict):
                rows.extend(_describe(item, path + "[]."))
        else:
            rows.append((path, str(value)))
    return rows


def context_docs() -> str:
    """docs/templates.md, generated from the documented contexts (render/schema.py)."""
    from dialogue_cli.render.schema import COMMON, CONTEXTS

    out = [DOCS_INTRO]
    out.append("### Common to all six\n\n| Variable | Value |\n|---|---|")
    out += [f"| `{path}` | {text} |" for path, text in _describe(COMMON)]
    for name, schema in CONTEXTS.items():
        deliverable = INVOICE if name == INVOICE.name else DOCUMENTS[name]
        own = {key: value for key, value in schema.items() if key not in COMMON}
        out.append(f"\n### `{name}.docx`: {deliverable.title_fr}\n")
        out.append(
            f"{deliverable.audience_fr} ({deliverable.title_en.lower()}). Also `doc`, `client`, `brand`.\n"
        )
        out.append("| Variable | Value |\n|---|---|")
        out += [f"| `{path}` | {text} |" for path, text in _describe(own)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if "--docs" in sys.argv:
        (ROOT / "docs" / "templates.md").write_text(context_docs(), encoding="utf-8")
        print("wrote docs/templates.md")
        sys.exit(0)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "src" / "dialogue_cli" / "templates"
    for written in build(target):
        print(f"wrote {written.relative_to(ROOT) if written.is_relative_to(ROOT) else written}")
