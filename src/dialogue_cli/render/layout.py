"""Page layout of a rendered document: tables kept together, columns fitted, apostrophes set.

Rows never split, small tables stay whole with their heading (:func:`keep_tables_together`);
columns are wide enough for their longest word (:mod:`.columns`); every ``'`` after a letter is
the typographic ’ (:mod:`.typeset`). All run after the template's loops have made the rows.
"""

from __future__ import annotations

from typing import Any

# A table of at most this many rows (heading row included) is kept on one page.
SMALL_TABLE_ROWS = 8


def finish(document: Any) -> None:
    """The passes every rendered document gets (a python-docx ``Document``), in order."""
    from .columns import fit_columns
    from .typeset import apostrophes

    body = document.element.body
    keep_tables_together(body)
    fit_columns(body, document.styles.element)
    for root in _header_footer_roots(document):
        apostrophes(root)


def _header_footer_roots(document: Any) -> list[Any]:
    """The body and every header and footer of ``document``, once each."""
    roots = [document.element.body]
    seen = set()
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header, section.even_page_footer):  # fmt: skip
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) not in seen:
                seen.add(id(element))
                roots.append(element)
    return roots


def keep_tables_together(body: Any, small: int = SMALL_TABLE_ROWS) -> None:
    """Set the pagination of every table of a rendered document body (an lxml ``w:body``).

    Every row gets ``w:cantSplit`` (a row is never cut across pages). A table of at most
    ``small`` rows is kept on one page with the paragraph before it (its heading or its
    introduction): every paragraph of every row but the last keeps with the next. A longer
    table may break, but never leaves its heading row or its last row alone on a page.
    The rows only exist once the template's loops have run, hence this pass after rendering.
    """
    from docx.oxml.ns import qn

    for table in body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        for row in rows:
            _cant_split(row)
        if not rows:
            continue
        if len(rows) <= small:
            keep = rows[:-1]
            previous = table.getprevious()
            if previous is not None and previous.tag == qn("w:p"):
                _keep_next(previous)
        else:
            # The heading row with the first row; the last two rows together.
            keep = [rows[0], rows[-2]]
        for row in keep:
            for paragraph in row.iter(qn("w:p")):
                _keep_next(paragraph)


def _cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        # w:trPr comes after w:tblPrEx (if any) and before the cells.
        prex = row.find(qn("w:tblPrEx"))
        if prex is not None:
            prex.addnext(tr_pr)
        else:
            row.insert(0, tr_pr)
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def _keep_next(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = paragraph.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        paragraph.insert(0, p_pr)
    if p_pr.find(qn("w:keepNext")) is None:
        keep = OxmlElement("w:keepNext")
        # Schema order of w:pPr: pStyle, keepNext, ... (keepNext right after pStyle).
        style = p_pr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(keep)
        else:
            p_pr.insert(0, keep)
