"""Table columns wide enough for their longest word, in the documents' font and in its fallback.

A word longer than its column is cut where the column ends (« Influen|ce »): LibreOffice and
Word both break it rather than overflow. After rendering, when every row is known,
:func:`fit_columns` measures each column's longest unbreakable piece of text (a word, a number
whose groups are joined by no-break spaces) in Carlito and in DejaVu Sans, the font LibreOffice
takes where Carlito is missing (:mod:`dialogue_cli.common.fonts`), and widens the columns that
need it, taking the width from the columns with room to spare, in proportion to that room. The
table keeps its total width and the template's widths wherever they already fit.

A cell whose text runs vertically (a tick column's heading) asks for no width.
A piece longer than :data:`MAX_SHARE` of the table (a URL, an e-mail address) is left to break:
no column is made that wide for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from ..common.fonts import FALLBACK, FAMILY, Face, text_width

MAX_SHARE = 0.45
TWIPS_PER_PT = 20
# Measured widths lack kerning and the cell borders: a few per cent and one point more.
SAFETY = 1.04
SLACK_PT = 1.5
DEFAULT_MARGIN_TWIPS = 108  # Word's default left and right cell margin (0.19 cm)
# Where a line may break inside a cell: after a space, a tab, a hyphen or a slash.
_BREAKS = re.compile(r"(?<=[-/\u2010\u2013\u2014])|[ \t\n\u200b]+")


class Run(NamedTuple):
    text: str
    size: float  # points
    face: Face


def fit_columns(body: Any, styles: Any) -> int:
    """Widen the too narrow columns of every table under ``body``; return how many were changed.

    ``styles`` is the ``w:styles`` element of the document (the fonts' sizes and weights).
    """
    from docx.oxml.ns import qn

    book = StyleBook(styles)
    changed = 0
    for table in body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            continue
        cols = grid.findall(qn("w:gridCol"))
        widths = [_int(col.get(qn("w:w"))) for col in cols]
        if len(widths) < 2 or not all(widths):
            continue
        margins = _table_margins(table)
        needs = [0.0] * len(widths)
        cells = list(_cells(table, len(widths)))
        for start, span, cell in cells:
            if span != 1 or _vertical(cell):
                continue
            left, right = _cell_margins(cell, margins)
            longest = max((piece_width(p) for p in _paragraph_runs(cell, book)), default=0.0)
            need = (longest * SAFETY + SLACK_PT) * TWIPS_PER_PT + left + right
            needs[start] = max(needs[start], need)
        total = sum(widths)
        cap = total * MAX_SHARE
        fitted = distribute(widths, [min(n, cap) for n in needs])
        if fitted == widths:
            continue
        changed += 1
        for col, width in zip(cols, fitted, strict=True):
            col.set(qn("w:w"), str(width))
        for start, span, cell in cells:
            tc_pr = cell.find(qn("w:tcPr"))
            tc_w = tc_pr.find(qn("w:tcW")) if tc_pr is not None else None
            if tc_w is not None:
                tc_w.set(qn("w:type"), "dxa")
                tc_w.set(qn("w:w"), str(sum(fitted[start : start + span])))
    return changed


def distribute(widths: Sequence[int], needs: Sequence[float]) -> list[int]:
    """Column widths of the same total where each column gets at least its need when possible.

    A column short of its need is widened to it; the width comes from the columns wider than
    their need, each giving in proportion to its room. When the needs add up to more than the
    table, every column gets its need scaled down to fit (the words that still break are the
    fewest possible). Widths are whole twips; the total never changes.
    """
    total = sum(widths)
    needs = [float(n) for n in needs]
    if all(w >= n for w, n in zip(widths, needs, strict=True)):
        return list(widths)
    if sum(needs) >= total:
        scale = total / sum(needs)
        out = [int(n * scale) for n in needs]
    else:
        short = sum(n - w for w, n in zip(widths, needs, strict=True) if n > w)
        room = sum(w - n for w, n in zip(widths, needs, strict=True) if w > n)
        out = [
            int(n) + (1 if n > int(n) else 0) if n > w else int(w - (w - n) * short / room)
            for w, n in zip(widths, needs, strict=True)
        ]
    out[max(range(len(out)), key=lambda i: out[i] - needs[i])] += total - sum(out)
    return out


def piece_width(runs: Sequence[Run]) -> float:
    """The width, in points, of the longest piece of a paragraph that cannot break.

    Each piece is measured in Carlito and in DejaVu Sans; the wider counts.
    """
    longest = 0.0
    current = 0.0
    for run in runs:
        parts = _BREAKS.split(run.text)
        for index, part in enumerate(parts):
            if index:  # a break: the piece before it is complete
                longest = max(longest, current)
                current = 0.0
            if part:
                current += _width(part, run.size, run.face)
    return max(longest, current)


@lru_cache(maxsize=4096)
def _width(text: str, size: float, face: Face) -> float:
    return max(text_width(text, size, FAMILY, face), text_width(text, size, FALLBACK, face))


# ---------------------------------------------------------------- reading the table


def _int(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def _cells(table: Any, columns: int) -> Iterator[tuple[int, int, Any]]:
    """(first grid column, span, cell) of each cell of ``table``'s own rows."""
    from docx.oxml.ns import qn

    for row in table.findall(qn("w:tr")):
        index = 0
        before = row.find(qn("w:trPr"))
        skipped = before.find(qn("w:gridBefore")) if before is not None else None
        if skipped is not None:
            index = _int(skipped.get(qn("w:val")))
        for cell in row.iter(qn("w:tc")):
            if cell.getparent() is not row and cell.getparent().tag != qn("w:sdtContent"):
                continue
            tc_pr = cell.find(qn("w:tcPr"))
            span = 1
            if tc_pr is not None:
                node = tc_pr.find(qn("w:gridSpan"))
                if node is not None:
                    span = max(1, _int(node.get(qn("w:val"))))
            if index + span <= columns:
                yield index, span, cell
            index += span


def _vertical(cell: Any) -> bool:
    """Whether ``cell``'s text runs up or down (a narrow column's heading): its words are as
    long as the row is high, whatever the column's width."""
    from docx.oxml.ns import qn

    direction = cell.find(f"{qn('w:tcPr')}/{qn('w:textDirection')}")
    return direction is not None and direction.get(qn("w:val")) in ("btLr", "tbRl", "tbRlV")


def _table_margins(table: Any) -> tuple[int, int]:
    from docx.oxml.ns import qn

    tbl_pr = table.find(qn("w:tblPr"))
    margins = tbl_pr.find(qn("w:tblCellMar")) if tbl_pr is not None else None
    return _sides(margins, (DEFAULT_MARGIN_TWIPS, DEFAULT_MARGIN_TWIPS))


def _cell_margins(cell: Any, default: tuple[int, int]) -> tuple[int, int]:
    from docx.oxml.ns import qn

    tc_pr = cell.find(qn("w:tcPr"))
    margins = tc_pr.find(qn("w:tcMar")) if tc_pr is not None else None
    return _sides(margins, default)


def _sides(margins: Any, default: tuple[int, int]) -> tuple[int, int]:
    from docx.oxml.ns import qn

    if margins is None:
        return default
    out = list(default)
    for index, names in enumerate((("left", "start"), ("right", "end"))):
        for name in names:
            node = margins.find(qn(f"w:{name}"))
            if node is not None and node.get(qn("w:type"), "dxa") == "dxa":
                out[index] = _int(node.get(qn("w:w")))
    return out[0], out[1]


def _paragraph_runs(cell: Any, book: StyleBook) -> Iterator[list[Run]]:
    """The runs of each paragraph of ``cell``: text, size and face."""
    from docx.oxml.ns import qn

    for paragraph in cell.iter(qn("w:p")):
        p_pr = paragraph.find(qn("w:pPr"))
        style = None
        if p_pr is not None:
            node = p_pr.find(qn("w:pStyle"))
            style = node.get(qn("w:val")) if node is not None else None
        runs = []
        for run in paragraph.iter(qn("w:r")):
            text = "".join(
                (node.text or "") if node.tag == qn("w:t") else " "
                for node in run
                if node.tag in (qn("w:t"), qn("w:tab"), qn("w:br"))
            )
            if text:
                runs.append(Run(text, *book.format(style, run.find(qn("w:rPr")))))
        if runs:
            yield runs


class StyleBook:
    """Font size, bold and italic of a run, from the document's styles and its own properties."""

    def __init__(self, styles: Any) -> None:
        from docx.oxml.ns import qn

        self._styles: dict[str, Any] = {}
        self._default_paragraph: str | None = None
        self._defaults: dict[str, Any] = {"size": 11.0, "bold": False, "italic": False}
        self._cache: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        if styles is None:
            return
        for style in styles.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id:
                self._styles[style_id] = style
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                    "1",
                    "true",
                ):
                    self._default_paragraph = style_id
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is not None:
            r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self._defaults = _apply(dict(self._defaults), r_pr)

    def format(self, paragraph_style: str | None, r_pr: Any) -> tuple[float, Face]:
        from docx.oxml.ns import qn

        character = None
        if r_pr is not None:
            node = r_pr.find(qn("w:rStyle"))
            character = node.get(qn("w:val")) if node is not None else None
        values = dict(self._resolved(paragraph_style or self._default_paragraph, character))
        values = _apply(values, r_pr)
        return float(values["size"]), Face(bool(values["bold"]), bool(values["italic"]))

    def _resolved(self, paragraph: str | None, character: str | None) -> dict[str, Any]:
        key = (paragraph, character)
        if key not in self._cache:
            values = dict(self._defaults)
            for style_id in (paragraph, character):
                for style in reversed(self._chain(style_id)):
                    values = _apply(values, _r_pr(style))
            self._cache[key] = values
        return self._cache[key]

    def _chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, nearest first."""
        from docx.oxml.ns import qn

        chain = []
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain


def _r_pr(style: Any) -> Any:
    from docx.oxml.ns import qn

    return style.find(qn("w:rPr"))


def _apply(values: dict[str, Any], r_pr: Any) -> dict[str, Any]:
    from docx.oxml.ns import qn

    if r_pr is None:
        return values
    size = r_pr.find(qn("w:sz"))
    if size is not None and _int(size.get(qn("w:val"))):
        values["size"] = _int(size.get(qn("w:val"))) / 2
    for name, key in (("w:b", "bold"), ("w:i", "italic")):
        node = r_pr.find(qn(name))
        if node is not None:
            values[key] = node.get(qn("w:val"), "true") not in ("0", "false", "off")
    return values
