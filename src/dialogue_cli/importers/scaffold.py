"""``--init-map``: a mapping file to fill in, listing what the export holds.

The values worth mapping (Decidim's components and categories, Cap Collectif's sections, the
survey questions, a board's columns) are listed with how many rows carry each and an example,
every scenario left at ``~`` (not mapped: its rows stay unclassified). The scaffold is a valid
mapping as written.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from ..engagement.model import Engagement
from ..engagement.model.base import fold
from .cleaning import Cleaner
from .context import Context
from .convert import LIKERT
from .records import Record, Skipped

MAX_VALUES = 60
CHOICES = 12  # a question with at most this many distinct answers reads as a choice


_PLAIN = re.compile(r"^[A-Za-z_][\w.\-]*$")
_RESERVED = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null"))


def _q(value: str) -> str:
    """A YAML key or value: plain when it reads back as the same text, else double-quoted."""
    if _PLAIN.match(value) and value.lower() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def _example(text: str, cleaner: Cleaner, width: int = 60) -> str:
    clean = " ".join(cleaner(text).split())
    return clean if len(clean) <= width else clean[: width - 1].rstrip() + "…"


def build(
    context: Context,
    records: list[Record | Skipped],
    engagement: Engagement,
    source: str,
    command: str,
) -> str:
    """The scaffold's YAML text."""
    cleaner = Cleaner(context.language)
    found = [r for r in records if isinstance(r, Record)]
    scenarios = ", ".join(f"{s.id} ({s.title})" for s in engagement.scenarios) or "none yet"
    criteria = ", ".join(c.id for c in engagement.grid.criteria) or "none yet"
    out = [
        f"# Mapping for `dialogue feedback import {source}` ({context.kind or 'export'} of "
        f"{context.name}: {len(found)} items), written by --init-map.",
        "# Put a scenario id in place of each ~ you want to import, then run:",
        f"#   {command}",
        "# A value left at ~ is not mapped: its rows are kept as unclassified, in a separate file.",
        f"# Scenarios: {scenarios}",
        f"# Criteria: {criteria}",
        f"source: {source}",
    ]
    questions = [r for r in found if r.question]
    if questions:
        out += _questions(context, questions, cleaner)
        out += ["scenario:", "  default: ~  # the scenario of answers to questions left at ~"]
    else:
        out += _keys(context, found, cleaner, source)
    out += [
        "polarity:",
        '  # by: {<key>: {<value>: "+"}}   # e.g. a sticky note\'s colour, a vote, a Likert column',
        f'  default: "?"  # {_polarity_note(source)}',
        "intensity:",
        "  default: 1",
        "  # votes: {2: 5, 3: 20}   # at least 5 votes: intensity 2; at least 20: 3",
        "criteria: {}",
        "# criteria:   # keywords coding a criterion (case and accents ignored), for example:",
    ]
    word = "mot-clé" if context.language == "fr" else "keyword"
    out += [f"#   {c.id}: [{word}, {word}]   # {c.label}" for c in engagement.grid.criteria]
    if any(r.reply for r in found):
        out.append("replies: keep  # or skip")
    out.append("# id_prefix: " + _prefix(source) + "   # change it if two imports share ids")
    return "\n".join(out) + "\n"


def _prefix(source: str) -> str:
    from .run import PLATFORMS

    prefix: str = PLATFORMS[source].PREFIX
    return prefix


def _polarity_note(source: str) -> str:
    notes = {
        "decidim": "comments: alignment 1 gives +, -1 gives -; proposals are idee",
        "cap-collectif": "arguments: pour gives +, contre gives -; opinions are idee",
        "consul": "comments; proposals and debates are idee",
        "make": "proposals are idee; polarity.by.agreement can use the votes",
    }
    return notes.get(source, "answers are idee unless their question says otherwise")


def _keys(context: Context, found: list[Record], cleaner: Cleaner, source: str) -> list[str]:
    keys = list(context.primary_keys)
    if source == "csv":
        keys = _candidate_columns(found)
    out = ["scenario:", "  by:  # the first key that maps a row decides"]
    listed = False
    for key in keys:
        counts: Counter[str] = Counter()
        example: dict[str, str] = {}
        for record in found:
            value = record.keys.get(key, "").strip()
            if value:
                counts[value] += 1
                example.setdefault(value, record.text or record.url)
        if not counts:
            continue
        listed = True
        out.append(f"    {_q(key)}:")
        for value, count in counts.most_common(MAX_VALUES):
            hint = _example(example[value], cleaner)
            out.append(
                f"      {_q(value)}: ~  # {count} row{'s' if count > 1 else ''}, e.g. {hint}"
            )
        if len(counts) > MAX_VALUES:
            out.append(f"      # ... and {len(counts) - MAX_VALUES} more values")
    if not listed:
        out[-1] = "  by: {}  # no key found to map: use a column, e.g. {Colonne: {Idées: BP}}"
    out.append("  default: ~  # the scenario of rows that match nothing (else unclassified)")
    return out


def _candidate_columns(found: list[Record]) -> list[str]:
    """Columns whose values repeat, 30 at most (a board's frame, column, colour), not the text.

    A column where every row has its own value (a date, an id) is no category to map.
    """
    values: dict[str, Counter[str]] = defaultdict(Counter)
    texts = {record.text for record in found}
    for record in found[:5000]:
        for key, value in record.keys.items():
            if value.strip() and value not in texts:
                values[key][value.strip()] += 1
    return [
        key
        for key, counts in values.items()
        if len(counts) <= 30 and sum(counts.values()) > len(counts)
    ]


def _questions(context: Context, answers: list[Record], cleaner: Cleaner) -> list[str]:
    by_question: dict[str, Counter[str]] = defaultdict(Counter)
    for record in answers:
        by_question[record.question][record.text.strip()] += 1
    out = ["questions:"]
    for key, header in context.questions.items():
        counts = by_question.get(key)
        if not counts:
            continue
        total = sum(counts.values())
        title = _example(header, cleaner, 90)
        out.append(f"  {_q(key)}:  # {title} ({total} answers)")
        out.append("    scenario: ~")
        shown = ", ".join(_example(v, cleaner, 30) for v, _ in counts.most_common(6))
        if all(fold(v) in LIKERT for v in counts):
            out.append(f"    polarity: likert  # answers: {shown}")
        elif len(counts) <= CHOICES and total >= 2 * len(counts):
            cells = ", ".join(f'{_q(v)}: "?"' for v, _ in counts.most_common(CHOICES))
            out.append(f"    # polarity: {{{cells}}}")
        else:
            out.append(
                f"    # free text (idee), e.g. {_example(counts.most_common(1)[0][0], cleaner)}"
            )
    return out
