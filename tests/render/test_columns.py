"""Table columns fitted to their longest word, in Carlito and in the fallback DejaVu Sans."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common.fonts import FALLBACK, FAMILY, Face, text_width
from dialogue_cli.render.columns import Run, distribute, fit_columns, piece_width


def test_distribute_keeps_widths_that_fit() -> None:
    assert distribute([1000, 2000], [800, 1500]) == [1000, 2000]


def test_distribute_takes_from_the_columns_with_room_in_proportion() -> None:
    # Column 0 needs 400 more; columns 1 and 2 have 1000 and 3000 to spare: they give 100, 300.
    assert distribute([600, 2000, 4000], [1000, 1000, 1000]) == [1000, 1900, 3700]


def test_distribute_scales_the_needs_when_they_exceed_the_table() -> None:
    out = distribute([1000, 1000], [1500, 1500])
    assert out == [1000, 1000]
    assert distribute([1000, 1000], [3000, 1000]) == [1500, 500]


@given(
    st.lists(st.integers(100, 5000), min_size=2, max_size=8).flatmap(
        lambda widths: st.tuples(
            st.just(widths),
            st.lists(st.integers(0, 6000), min_size=len(widths), max_size=len(widths)),
        )
    )
)
def test_distribute_keeps_the_total_and_meets_the_needs_when_it_can(
    case: tuple[list[int], list[int]],
) -> None:
    widths, needs = case
    out = distribute(widths, needs)
    assert sum(out) == sum(widths)
    if sum(needs) < sum(widths):
        assert all(w >= n - 1 for w, n in zip(out, needs, strict=True))


def test_the_longest_piece_keeps_no_break_spaces_and_breaks_after_hyphens() -> None:
    regular = Face()
    phone = piece_width([Run("Tél. 01\u00a023\u00a045\u00a067\u00a089", 10, regular)])
    assert phone > text_width("01\u00a023\u00a045", 10)  # the whole number, not one group
    hyphen = piece_width([Run("co-construire", 10, regular)])
    assert hyphen == max(
        text_width("construire", 10, family, regular) for family in (FAMILY, FALLBACK)
    )


def test_a_narrow_column_is_widened_for_its_heading_word_from_its_neighbour() -> None:
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(1.0), Cm(10.0)
    grid = table._tbl.find(qn("w:tblGrid"))
    for col, width in zip(grid.findall(qn("w:gridCol")), (567, 5670), strict=True):
        col.set(qn("w:w"), str(width))
    heading = table.rows[0].cells[0].paragraphs[0].add_run("Influence")
    heading.bold = True
    table.rows[0].cells[1].text = "Promesse faite au public"
    assert fit_columns(document.element.body, document.styles.element) == 1
    widths = [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]
    assert sum(widths) == 567 + 5670
    # "Influence" in bold at the default 11 pt, in the wider of the two fonts, with the margins.
    word = text_width("Influence", 11, FALLBACK, Face(bold=True))
    assert widths[0] >= (word + 2 * 108 / 20) * 20
    cell_width = table.rows[1].cells[0]._tc.tcPr.find(qn("w:tcW"))
    assert int(cell_width.get(qn("w:w"))) == widths[0]
    saved = io.BytesIO()
    document.save(saved)  # still a valid document
    assert fit_columns(document.element.body, document.styles.element) == 0  # fitted once


def test_a_heading_written_upwards_asks_for_no_width() -> None:
    """A tick column's heading runs bottom to top (the kit's capture sheets): its word is as
    long as the row is high, so the narrow column stays narrow."""
    from docx.oxml import OxmlElement

    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(0.8), Cm(10.0)
    grid = table._tbl.find(qn("w:tblGrid"))
    for col, width in zip(grid.findall(qn("w:gridCol")), (454, 5670), strict=True):
        col.set(qn("w:w"), str(width))
    cell = table.rows[0].cells[0]
    cell.paragraphs[0].add_run("INCLUSION").bold = True
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)
    assert fit_columns(document.element.body, document.styles.element) == 0
    direction.set(qn("w:val"), "lrTb")  # the same heading written across: widened
    assert fit_columns(document.element.body, document.styles.element) == 1
