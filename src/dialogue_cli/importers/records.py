"""What a platform reader yields (source records and skipped rows), and the helpers they share.

A :class:`Record` is one contribution as the platform exported it: its raw text, its own id, the
values the mapping file can use (``keys``: a component, a category, a question...), and the
platform's own stance when it has one (Decidim's alignment, Cap Collectif's pour/contre). Personal
data never reach a record: the reading layer drops those cells before a platform module sees the
row (see :mod:`.personal`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Kinds of contribution that are suggestions by nature: a proposal, an opinion, a free answer.
IDEA_KINDS = frozenset(("proposal", "opinion", "version", "answer", "record"))


@dataclass(slots=True)
class Record:
    """One contribution read from an export, before the mapping turns it into a feedback item."""

    row: int  # where it is in the file (the header is row 1; a JSON file counts its items)
    kind: str  # comment, proposal, answer, opinion, argument, version, source, record, note
    source_id: str  # the platform's own id ("812"), or "" when it has none
    text: str  # raw: HTML, Markdown and tokens are cleaned later
    keys: dict[str, str] = field(default_factory=dict)  # what the mapping can look up
    url: str = ""
    date: str = ""
    stance: str = ""  # the platform's own "+" or "-", or ""
    votes: int | None = None
    contributor: str = ""  # who wrote it, only to count distinct contributors (never written)
    reply: bool = False
    question: str = ""  # a survey answer: the key of its question ("3", "Q2[SQ001]")
    theme: str = ""  # the platform's own theme (a category, a section)
    tag: str = ""  # put before the id in the item's id, so that kinds never share ids ("C812")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row read but not imported, and why (``"empty text"``, ``"a vote, no text"``)."""

    row: int
    reason: str


def cell(cells: Mapping[str, str], *names: str) -> str:
    """The first non-empty value among ``names`` (stripped), else ``""``."""
    for name in names:
        value = cells.get(name)
        if value:
            value = value.strip()
            if value:
                return value
    return ""


def to_int(raw: str) -> int | None:
    """``"12"`` -> 12, ``"12.0"`` -> 12, ``"1 234"`` -> 1234; ``None`` when it is not a count."""
    text = raw.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


_LANG = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_MACHINE = "machine_translations"


class Picker:
    """The value of a multilingual field in the engagement's language.

    Decidim writes ``{"fr": "...", "machine_translations": {"en": "..."}}``, flattened in CSV to
    ``title/fr`` and ``title/machine_translations/en``. The pick, in order: the field itself (a
    plain value, or the whole hash old versions exported), the original in ``language``, any other
    original (what the participant wrote), then a machine translation into ``language``, then any
    machine translation.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._plans: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def __call__(self, cells: Mapping[str, str], base: str) -> str:
        keys = tuple(cells)
        plan = self._plans.get((base, keys))
        if plan is None:
            plan = self._plan(base, keys)
            if len(self._plans) < 1000:
                self._plans[(base, keys)] = plan
        for key in plan:
            value = cells.get(key, "")
            if value and value.strip():
                if key == base and value.lstrip().startswith("{"):
                    return self.from_hash(value)
                return value
        return ""

    def _plan(self, base: str, keys: tuple[str, ...]) -> tuple[str, ...]:
        prefix = base + "/"
        own: list[str] = []
        others: list[str] = []
        machine_own: list[str] = []
        machine: list[str] = []
        for key in keys:
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix) :]
            if rest == self.language:
                own.append(key)
            elif _LANG.match(rest):
                others.append(key)
            elif rest.startswith(_MACHINE + "/"):
                target = machine_own if rest.endswith("/" + self.language) else machine
                target.append(key)
        plain = [base] if base in keys else []
        return tuple(plain + own + others + machine_own + machine)

    def from_hash(self, raw: str) -> str:
        """``{"fr"=>"Texte"}`` or ``{"fr": "Texte"}`` (a whole hash in one cell) -> ``Texte``."""
        text = raw.strip()
        data = _parse_hash(text)
        if not isinstance(data, dict):
            return raw
        flat: dict[str, str] = {}
        for key, value in data.items():
            if isinstance(value, dict):
                for inner, translated in value.items():
                    flat[f"x/{key}/{inner}"] = str(translated or "")
            else:
                flat[f"x/{key}"] = str(value or "")
        return self(flat, "x") if flat else ""


def _parse_hash(text: str) -> object:
    if not (text.startswith("{") and text.endswith("}")):
        return None
    for candidate in (text, text.replace('"=>', '":').replace("=>nil", ":null")):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+(?:-\s+)?(\d{1,2})[:h](\d{2}))?")


def iso_date(raw: str) -> str:
    """A platform's date as ``YYYY-MM-DD HH:MM`` (or ``YYYY-MM-DD``); unparsed dates kept as written.

    ``2024-05-14 10:23:45 +0200`` and ``14/05/2024 10:23`` (CONSUL, day first) both give
    ``2024-05-14 10:23``: the local time the platform wrote, without seconds or offset.
    """
    text = raw.strip()
    if not text:
        return ""
    match = _ISO.match(text)
    if match:
        year, month, day, hour, minute = match.groups()
    else:
        match = _DAY_FIRST.match(text)
        if not match:
            return text[:40]
        day, month, year, hour, minute = match.groups()
        day, month = day.zfill(2), month.zfill(2)
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return text[:40]
    date = f"{year}-{month}-{day}"
    return f"{date} {hour.zfill(2)}:{minute}" if hour is not None else date


def agreement(agree: int | None, disagree: int | None) -> str:
    """``agree``, ``disagree``, ``mixed`` or ``none``, from the agree and disagree votes."""
    total = (agree or 0) + (disagree or 0)
    if total == 0:
        return "none"
    share = (agree or 0) / total
    if share >= 0.6:
        return "agree"
    if share <= 0.4:
        return "disagree"
    return "mixed"
