"""A contribution's text as a participant would read it: no markup, no tokens, no contact data.

In order: the ``'`` that newer Decidim versions put before a value starting with ``= + - @`` (a
guard against spreadsheet formulas) is removed, and written again by the feedback file's writer;
a ``=HYPERLINK("url";"label")`` body becomes ``label (url)``; Decidim's mention tokens
(``gid://app/Decidim::User/377``) become the project's masked-name placeholder, hashtags
``#name``; HTML becomes text (nh3 removes every tag, scripts and styles with their content, then
entities are decoded); Markdown marks are removed (links kept as ``label (url)``, list items as
« • »); e-mail addresses, phone numbers, postal addresses and a civility's name are masked by
:func:`dialogue_cli.common.privacy.mask`, the project's one rule for personal data in free text;
control characters are dropped, spaces and blank lines collapsed. The quick checks before each
step keep plain text cheap to clean.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..common.privacy import findings, mask

MAX_TEXT = 20_000  # the longest verbatim the engagement model accepts

_GUARDED = ("'=", "'+", "'-", "'@")
_HYPERLINK = re.compile(
    r'^\s*=\s*(?:HYPERLINK|LIEN_HYPERTEXTE|LIEN\.HYPERTEXTE)\(\s*"([^"]*)"\s*(?:[;,]\s*"([^"]*)"\s*)?\)\s*$',
    re.IGNORECASE,
)
_GID = re.compile(r"gid://[\w.-]+/(Decidim(?:::\w+)+)/(\d+)(?:/_?([\w-]+))?")
_TAG = re.compile(r"<(?:/?[A-Za-z][^<>]*|!--.*?--)>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote|ul|ol|pre)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")
_MARKDOWN_MARKS = "*_#[`~>\\"
_LIST_ITEM = re.compile(r"^[ \t]*[-+*][ \t]", re.MULTILINE)
# Each Markdown rule with the text it needs to find anything (the rules run only when it is there).
_MARKDOWN = [
    ("](", re.compile(r"!\[([^\]]*)\]\([^)\s]*[^)]*\)"), r"\1"),
    ("](", re.compile(r"\[([^\]]+)\]\(\s*<?((?:https?|mailto):[^)\s>]+)>?[^)]*\)"), r"\1 (\2)"),
    ("**", re.compile(r"(\*\*)(?=\S)(.+?)(?<=\S)\1", re.DOTALL), r"\2"),
    ("__", re.compile(r"(__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL), r"\2"),
    ("*", re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    ("_", re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    ("~~", re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    ("`", re.compile(r"`([^`\n]+)`"), r"\1"),
    ("#", re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),
    (">", re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    ("", re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE), ""),
    ("", re.compile(r"^[ \t]*[-+*][ \t]+", re.MULTILINE), "• "),
    ("\\", re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~])"), r"\1"),
]
_SAME_LINK = re.compile(r"((?:https?|mailto):[^\s()]+) \(\1\)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\f\v]{2,}|[\t\f\v]")  # what to collapse: a lone space is left alone
_LINES = re.compile(r" *\n *")
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class Cleaner:
    """Cleans texts in one language's placeholders and counts the texts where it masked something.

    ``masked`` counts, per kind (``mention`` and the kinds of :mod:`dialogue_cli.common.privacy`:
    ``email``, ``phone``, ``address``, ``name``), the texts that held one.
    """

    language: str = "fr"
    truncated: int = 0
    masked: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        from ..common.privacy import NAME, PLACEHOLDERS

        self.person = PLACEHOLDERS["en" if self.language == "en" else "fr"][NAME]
        self._mentioned = False

    def __call__(self, raw: str) -> str:
        text = raw
        if text.startswith(_GUARDED):
            text = text[1:]
        if text.lstrip().startswith("="):
            link = _HYPERLINK.match(text)
            if link:
                url, label = link.group(1).strip(), (link.group(2) or "").strip()
                text = f"{label} ({url})" if label and label != url else url
        if "gid://" in text:
            self._mentioned = False
            text = _GID.sub(self._gid, text)
            self.masked["mention"] += self._mentioned
        if "<" in text and _TAG.search(text):
            text = html_to_text(text)
        elif "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
        if any(mark in text for mark in _MARKDOWN_MARKS) or (
            ("\n" in text or text.lstrip()[:1] in ("-", "+")) and _LIST_ITEM.search(text)
        ):
            text = markdown_to_text(text)
        kinds = findings(text)
        if kinds:
            self.masked.update(kinds)
            text = mask(text, self.language)
        text = _CONTROL.sub("", text)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _SPACES.sub(" ", text)
        if "\n" in text:
            text = _BLANKS.sub("\n\n", _LINES.sub("\n", text))
        text = text.strip()
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        if len(text) > MAX_TEXT:
            self.truncated += 1
            text = text[: MAX_TEXT - 1].rstrip() + "…"
        return text

    def _gid(self, match: re.Match[str]) -> str:
        model, number, name = match.group(1), match.group(2), match.group(3)
        last = model.rsplit("::", 1)[-1]
        if last in ("User", "UserGroup", "UserBaseEntity"):
            self._mentioned = True
            return self.person
        if last == "Hashtag":
            return f"#{name}" if name else ""
        label = {"Proposal": "proposition" if self.language == "fr" else "proposal"}.get(
            last, last.lower()
        )
        return f"[{label} {number}]"


def html_to_text(text: str) -> str:
    """HTML as text: block ends become line breaks, list items « • », every tag removed."""
    import nh3

    marked = _ITEM.sub("• ", _BREAK.sub("\n", text))
    stripped = nh3.clean(marked, tags=set(), strip_comments=True)
    return html.unescape(stripped)


def markdown_to_text(text: str) -> str:
    """Markdown marks removed: ``**gras**`` -> ``gras``, ``[site](https://x)`` -> ``site (https://x)``."""
    for needed, pattern, replacement in _MARKDOWN:
        if needed in text:
            text = pattern.sub(replacement, text)
    return _SAME_LINK.sub(r"\1", text)
