"""docxtpl's ``DocxTemplate`` as `dialogue` renders it: pictures placed by trusted code, no
Jinja in the document properties.

Imported only inside functions: it imports docxtpl (and python-docx, lxml).
"""

from __future__ import annotations

from typing import Any

from docxtpl import DocxTemplate

from .pictures import Pictures


class SafeDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """A template whose pictures are inert values and whose properties are never rendered."""

    pictures: Pictures | None = None

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        xml: str = super().render_xml_part(src_xml, part, context, jinja_env)
        return self.pictures.place(xml, part) if self.pictures is not None else xml

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        """Nothing: the properties are set in code after the render (documents._properties),
        so no Jinja runs there and nothing is escaped twice."""
