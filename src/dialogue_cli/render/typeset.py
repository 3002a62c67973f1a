"""The typographic apostrophe in every text of a rendered document, whoever wrote it.

The contexts' text goes through :meth:`~dialogue_cli.render.values.Fmt.t` (apostrophes,
quotation marks, French spacing); the default templates' own text is typeset when they are
built. What neither reaches (a consultant's template, a wording printed as it is) gets its
apostrophes here, after rendering: ``'`` after a letter or a digit becomes ’, in French and in
English, and ``'`` that opens a word after a space ‘. The change is one character for one, so
the runs and their formatting stay as they are.
"""

from __future__ import annotations

import re
from typing import Any

_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")


def apostrophes(root: Any) -> int:
    """Replace ``'`` after a letter or a digit in every paragraph under ``root``; return the count.

    The character before a ``'`` is looked for across the runs of its paragraph (``l`` in one
    run, ``'avis`` in the next), never across paragraphs. Field codes (``w:instrText``) are not
    text and are left alone. A space between two digits of one run becomes a no-break space
    too (a SIRET, an IBAN, a phone number never split across lines).
    """
    from docx.oxml.ns import qn

    changed = 0
    text_tag, paragraph_tag = qn("w:t"), qn("w:p")
    for paragraph in root.iter(paragraph_tag):
        previous = ""
        for node in paragraph.iter(text_tag):
            text = node.text or ""
            if " " in text and _DIGIT_SPACE.search(text):
                text = _DIGIT_SPACE.sub("\u00a0", text)
                node.text = text
                changed += 1
            if "'" in text:
                out = []
                for index, char in enumerate(text):
                    if char == "'" and (previous.isalnum() or previous == "_"):
                        out.append("\u2019")
                        changed += 1
                    elif (
                        char == "'"
                        and (not previous or previous.isspace() or previous in "([«“")
                        and text[index + 1 : index + 2].isalnum()
                    ):
                        out.append("\u2018")  # a quotation opens
                        changed += 1
                    else:
                        out.append(char)
                    previous = char
                node.text = "".join(out)
            elif text:
                previous = text[-1]
    return changed
