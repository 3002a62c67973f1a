"""Pictures as a template sees them: an inert value it can only print where it stands.

docxtpl's ``InlineImage`` keeps the live ``DocxTemplate`` in ``.tpl`` and builds its XML when
printed; a template that reads ``.tpl`` holds the whole document (``render``, ``save``,
``write_xml``...). Here a template gets a :class:`PlacedPicture`: no attribute, no method a
template can reach, only a marker (random per render) that ``{{ heatmap }}`` prints. Once a part
of the document is rendered, :meth:`Pictures.place` (trusted code, not the template) swaps each
marker for the picture's drawing, adding the image to that part only: a picture a template never
prints is never added.
"""

from __future__ import annotations

import io
import re
import secrets
from typing import Any

from .results import Picture

# What replaces a marker: the marker stands inside a <w:t> of a run; the drawing gets a run.
_DRAWING = '</w:t></w:r><w:r><w:drawing>{}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


class PlacedPicture:
    """A picture in a template's context: printed with ``{{ name }}``, nothing else."""

    __slots__ = ("_marker",)

    def __init__(self, marker: str) -> None:
        self._marker = marker

    def __html__(self) -> str:  # what autoescaping prints: the marker, as it is
        return self._marker

    def __str__(self) -> str:
        raise TypeError("a picture is placed on its own, with {{ name }}; it is not text")

    def __repr__(self) -> str:
        return "<picture>"

    def __bool__(self) -> bool:
        return True


class Pictures:
    """The pictures of one render: bound into the context, then placed in the rendered XML."""

    def __init__(self) -> None:
        self._nonce = secrets.token_hex(12)
        self._by_marker: dict[str, Picture] = {}
        self._pattern: re.Pattern[str] | None = None

    def bind(self, value: Any) -> Any:
        """``value`` with every :class:`Picture` replaced by a :class:`PlacedPicture` ('' if empty)."""
        if isinstance(value, Picture):
            if not value:
                return ""
            marker = f"dialogue-picture-{self._nonce}-{len(self._by_marker)}"
            self._by_marker[marker] = value
            self._pattern = None
            return PlacedPicture(marker)
        if isinstance(value, dict):
            return {key: self.bind(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.bind(item) for item in value]
        return value

    def place(self, xml: str, part: Any) -> str:
        """The rendered XML of ``part`` with each marker replaced by its picture's drawing."""
        if not self._by_marker or f"dialogue-picture-{self._nonce}-" not in xml:
            return xml
        from docx.shared import Mm

        if self._pattern is None:
            self._pattern = re.compile("|".join(re.escape(m) for m in self._by_marker))

        def drawing(match: re.Match[str]) -> str:
            picture = self._by_marker[match.group(0)]
            inline = part.new_pic_inline(io.BytesIO(picture.data), Mm(picture.width_mm), None)
            # What the picture shows, for who cannot see it (RGAA 1.1): Word's alternative text.
            inline.docPr.set("name", picture.name)
            inline.docPr.set("descr", picture.description or picture.name)
            return _DRAWING.format(inline.xml)

        return self._pattern.sub(drawing, xml)
