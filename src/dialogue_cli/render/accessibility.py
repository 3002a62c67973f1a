"""What an accessible Word document needs, checked on its XML (RGAA for downloadable files).

- every picture says what it shows: its ``wp:docPr`` has a non-empty ``descr`` (RGAA 1.1);
- headings go down one level at a time, from level 1 (RGAA 9.1): no Heading 3 under a Heading 1;
- a table's heading row is marked as such (``w:tblHeader``), so that Word repeats it on each page
  and the PDF tags its cells as headers (RGAA 5.6).

:func:`problems` runs the three on a rendered document; ``templates check`` runs them on a
template, whose static order of headings is what its documents will show. Pure: bytes in,
messages out (python-docx's lxml to read).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, NamedTuple

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_HEADING_NAME = re.compile(r"^(?:heading|titre)\s*(\d)$", re.IGNORECASE)


class Heading(NamedTuple):
    level: int
    text: str


def _parts(docx: bytes) -> tuple[Any, Any]:
    """The document and styles elements of a .docx (None for a part that is missing)."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = set(package.namelist())
        document = etree.fromstring(package.read("word/document.xml"))
        styles = (
            etree.fromstring(package.read("word/styles.xml"))
            if "word/styles.xml" in names
            else None
        )
    return document, styles


def _outline_levels(styles: Any) -> dict[str, int]:
    """Heading level (1-9) of each paragraph style: its name, else its outline level."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    by_id = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}
    for style_id, style in by_id.items():
        seen = set()
        current = style
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            name = current.find(f"{_W}name")
            match = _HEADING_NAME.match(name.get(f"{_W}val", "") if name is not None else "")
            outline = current.find(f"{_W}pPr/{_W}outlineLvl")
            if match:
                levels[style_id] = int(match.group(1))
                break
            if outline is not None and outline.get(f"{_W}val", "").isdigit():
                value = int(outline.get(f"{_W}val")) + 1
                if value <= 9:
                    levels[style_id] = value
                break
            based = current.find(f"{_W}basedOn")
            current = by_id.get(based.get(f"{_W}val")) if based is not None else None
    return levels


def headings(docx: bytes) -> list[Heading]:
    """The headings of a document in reading order, with their level."""
    document, styles = _parts(docx)
    levels = _outline_levels(styles)
    found = []
    for paragraph in document.iter(f"{_W}p"):
        p_pr = paragraph.find(f"{_W}pPr")
        if p_pr is None:
            continue
        level = None
        outline = p_pr.find(f"{_W}outlineLvl")
        if outline is not None and outline.get(f"{_W}val", "").isdigit():
            value = int(outline.get(f"{_W}val")) + 1
            level = value if value <= 9 else None
        style = p_pr.find(f"{_W}pStyle")
        if level is None and style is not None:
            level = levels.get(style.get(f"{_W}val"))
        if level is not None:
            text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
            found.append(Heading(level, text.strip()))
    return found


def skipped_levels(found: list[Heading]) -> list[str]:
    """A message for each heading deeper than one level below the heading before it."""
    messages = []
    previous = 0
    for heading in found:
        if heading.level > previous + 1:
            where = f"« {heading.text[:60]} »" if heading.text else "an empty heading"
            after = f"a heading of level {previous}" if previous else "the start of the document"
            messages.append(f"heading level {heading.level} after {after}: {where} skips a level")
        previous = heading.level
    return messages


def pictures_without_text(docx: bytes) -> list[str]:
    """The names of the pictures that have no alternative text (``docPr/@descr`` empty)."""
    document, _styles = _parts(docx)
    missing = []
    for doc_pr in document.iter(f"{_WP}docPr"):
        if not (doc_pr.get("descr") or "").strip():
            missing.append(doc_pr.get("name") or f"picture {doc_pr.get('id')}")
    return missing


def unmarked_heading_rows(docx: bytes) -> int:
    """Tables whose first row is set as headings (style ``Table Heading``) but not marked."""
    document, _styles = _parts(docx)
    count = 0
    for table in document.iter(f"{_W}tbl"):
        rows = table.findall(f"{_W}tr")
        if len(rows) < 2:
            continue
        first = rows[0]
        styles = {s.get(f"{_W}val") for s in first.iter(f"{_W}pStyle")}
        if "TableHeading" in styles and first.find(f"{_W}trPr/{_W}tblHeader") is None:
            count += 1
    return count


def problems(docx: bytes) -> list[str]:
    """Every accessibility problem of a Word document, one message each ([] when none)."""
    found = [
        f"picture {name!r} has no alternative text (its description)"
        for name in pictures_without_text(docx)
    ]
    found += skipped_levels(headings(docx))
    unmarked = unmarked_heading_rows(docx)
    if unmarked:
        found.append(
            f"{unmarked} table heading row{'s are' if unmarked > 1 else ' is'} not marked to "
            "repeat as a heading row"
        )
    return found
