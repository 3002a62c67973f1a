"""The language a Word template is written in, read from its properties, beside the engagement's.

Word and LibreOffice keep a document's language in its core properties (``dc:language``,
``fr-FR``, ``en-GB``); the default templates set it, and an edited copy keeps it. A French
template used for an English engagement gives « Devis n° … Établi le 1 December 2026 »:
`render` warns, and says how to get the templates of the right language.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .templates import Source

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
# core.xml is a few hundred bytes; a part that claims more is not read (a hostile template).
_MAX_CORE = 64 * 1024
_LANGUAGE = re.compile(rb"<dc:language>\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*</dc:language>")


def template_language(path: Path) -> str | None:
    """``fr`` or ``en`` (any two-letter code) as the template's properties say, else None."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.NameToInfo.get("docProps/core.xml")
            if info is None or info.file_size > _MAX_CORE:
                return None
            with archive.open(info) as part:
                head = part.read(_MAX_CORE)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return None  # an unreadable template is reported when it is rendered
    found = _LANGUAGE.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def language_warnings(sources: Iterable[Source], language: str) -> list[str]:
    """A line for each template of the user's whose language is not the engagement's."""
    from ..common.files import display_name

    out = []
    wanted = LANGUAGE_NAMES.get(language, language)
    for source in sources:
        if source.default:
            continue
        found = template_language(source.path)
        if found is None or found == language:
            continue
        written = LANGUAGE_NAMES.get(found, found)
        out.append(
            f"{display_name(source.path)} is a {written} template and the engagement is in "
            f"{wanted} (language: {language}): its fixed wording stays {written}; start from "
            f"the {wanted} ones with: dialogue templates export DIR --language {language}"
        )
    return out
