"""From source records to feedback items: the mapping applied, pure and row by row.

For each record, in this order:

- **text**: cleaned (:mod:`.cleaning`); a record left without text is skipped (« empty text »);
- **scenario**: the survey question's own rule, then each ``scenario.by`` key in the order the
  mapping lists them, then ``scenario.default``; a record matching none is kept as unclassified
  (written to a separate file, counted by the key that left it without a scenario);
- **polarity**: the question's rule (a fixed polarity, ``likert`` or an answer table), then
  ``polarity.by``, then the platform's own stance (Decidim's alignment, Cap Collectif's pour and
  contre), then ``idee`` for proposals, opinions and answers, then ``polarity.default`` (``?``);
- **intensity**: from the vote count when ``intensity.votes`` gives thresholds, else its default;
- **criteria**: the question's criteria, then every criterion whose keywords the text holds
  (case and accents ignored, a keyword matching the start of a word);
- **id**: the prefix and the platform's own id (``DEC-C812``), else a hash of the text, so that
  importing the same file again gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..engagement.model import Engagement
from ..engagement.model.base import fold
from .cleaning import Cleaner
from .mapping import Mapping, QuestionRule
from .personal import contributor_hash
from .records import IDEA_KINDS, Record, Skipped, to_int

MAX_ID = 64
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")

# A Likert scale and yes/no, folded (`polarity: likert`).
LIKERT: dict[str, str | None] = {
    **dict.fromkeys(
        ("tout a fait d'accord", "plutot d'accord", "d'accord", "tres favorable", "favorable",
         "plutot favorable", "oui", "yes", "strongly agree", "agree", "somewhat agree",
         "tres satisfait", "satisfait", "plutot satisfait", "pour"),
        "+",
    ),
    **dict.fromkeys(
        ("pas du tout d'accord", "plutot pas d'accord", "pas d'accord", "tres defavorable",
         "defavorable", "plutot defavorable", "non", "no", "strongly disagree", "disagree",
         "somewhat disagree", "pas du tout satisfait", "pas satisfait", "plutot pas satisfait",
         "insatisfait", "contre"),
        "-",
    ),
    **dict.fromkeys(
        ("ni d'accord ni pas d'accord", "sans avis", "neutre", "ne sait pas", "je ne sais pas",
         "nsp", "neutral", "neither agree nor disagree", "no opinion", "don't know"),
        "?",
    ),
}  # fmt: skip


@dataclass(slots=True)
class Item:
    """One feedback item as the feedback file holds it, with where it came from."""

    id: str
    scenario: str  # "" when unclassified
    polarity: str
    intensity: int
    criteria: tuple[str, ...]
    theme: str
    text: str
    author: str
    source_id: str
    url: str
    date: str
    row: int
    kind: str
    reply: bool = False
    unmatched: str = ""  # an unclassified item: the key and value that gave no scenario


@dataclass
class Tally:
    """What the conversion saw, for the summary."""

    records: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unclassified: Counter[str] = field(default_factory=Counter)
    polarity_unmapped: Counter[str] = field(default_factory=Counter)  # question -> answers
    replies: int = 0
    contributors: set[str] = field(default_factory=set)


def _folded_table(values: dict[str, str | None]) -> dict[str, str | None]:
    return {fold(key): value for key, value in values.items()}


def fast_fold(text: str) -> str:
    """Lower case without accents, at C speed: what keywords are matched in (both sides alike).

    Letters without an ASCII base (``œ``) are dropped on both sides, so « cœur » still finds
    « cœur »; slower :func:`fold` keeps them, for values compared once.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def _singular(kind: str) -> str:
    kind = fold(kind)
    return kind[:-1] if kind.endswith("s") else kind


class Converter:
    """Applies one mapping to the records of one export."""

    def __init__(
        self,
        mapping: Mapping,
        engagement: Engagement,
        platform: str,
        prefix: str,
        language: str,
        primary_keys: tuple[str, ...] = (),
        salt: bytes | None = None,
    ) -> None:
        self.mapping = mapping
        self.platform = platform
        self.prefix = prefix
        self.primary_keys = primary_keys
        self.salt = salt
        self.cleaner = Cleaner(language)
        self.tally = Tally()
        self.scenario_by = [(k, _folded_table(v)) for k, v in mapping.scenario.by.items()]
        self.polarity_by = [
            (k, _folded_table(dict(v.items()))) for k, v in mapping.polarity.by.items()
        ]
        self.only = {_singular(kind) for kind in mapping.only}
        self.excluded = set(mapping.exclude)
        order = [c.id for c in engagement.grid.criteria]
        ranked = sorted(
            mapping.criteria, key=lambda c: order.index(c) if c in order else len(order)
        )
        self.criteria_order = ranked
        # One pass finds every criterion: a group per criterion, named by its rank.
        groups = []
        for rank, crit in enumerate(ranked):
            words = [fast_fold(w.strip()) for w in mapping.criteria[crit]]
            alternatives = "|".join(re.escape(w) for w in words if w)
            groups.append(f"(?P<c{rank}>{alternatives})")
        self.keywords = re.compile("(?<!\\w)(?:" + "|".join(groups) + ")") if groups else None
        votes = mapping.intensity.votes
        self.thresholds = [(3, votes["3"])] if "3" in votes else []
        if "2" in votes:
            self.thresholds.append((2, votes["2"]))
        self.seen: dict[str, int] = {}
        self.hashed: Counter[str] = Counter()
        self._names: dict[str, str] = {}  # a mapping key -> the export's key it folds to
        self._folded: dict[str, str] = {}  # value -> fold(value), for the values that repeat

    # ------------------------------------------------------------ lookups

    def value_of(self, record: Record, key: str) -> str:
        """The record's value for a mapping key (a derived key, a column, ``question``)."""
        if key == "question" and record.question:
            return record.question
        value = record.keys.get(key)
        if value is None:
            name = self._names.get(key)
            if name is None:
                wanted = fold(key)
                name = next((k for k in record.keys if fold(k) == wanted), None)
                if name is not None:  # JSON items vary: a key missing here may come later
                    self._names[key] = name
            value = record.keys.get(name, "") if name else ""
        return value.strip()

    def _fold(self, value: str) -> str:
        folded = self._folded.get(value)
        if folded is None:
            folded = fold(value)
            if len(self._folded) < 10_000:
                self._folded[value] = folded
        return folded

    def _lookup(self, table: dict[str, str | None], value: str) -> str | None:
        found = table.get(self._fold(value))
        if found is None and ("," in value or "|" in value):
            for part in re.split(r"\s*[|,]\s*", value):
                found = table.get(self._fold(part))
                if found is not None:
                    break
        return found

    # ------------------------------------------------------------ one record

    def convert(self, record: Record, question_text: str = "") -> Item | Skipped:
        """The feedback item of ``record``, or why it is skipped."""
        self.tally.records += 1
        if self.only and _singular(record.kind) not in self.only:
            return self._skip(record, f"a {record.kind} (not listed in only:)")
        if record.source_id in self.excluded:
            return self._skip(record, "excluded by the mapping")
        if record.reply:
            self.tally.replies += 1
            if self.mapping.replies == "skip":
                return self._skip(record, "a reply (replies: skip)")
        rule = self.mapping.question(record.question, question_text) if record.question else None
        if rule is not None and rule.skip:
            return self._skip(record, f"question {record.question}: skip")
        text = self.cleaner(record.text)
        if not text:
            return self._skip(record, "empty text")
        identifier = self._identifier(record, text)
        if isinstance(identifier, Skipped):
            return identifier
        scenario, unmatched = self._scenario(record, rule)
        if not scenario:
            self.tally.unclassified[unmatched] += 1
        if record.contributor:
            self.tally.contributors.add(record.contributor)
        return Item(
            identifier,
            scenario,
            self._polarity(record, rule, text),
            self._intensity(record),
            self._criteria(rule, text),
            self._theme(record, rule),
            text,
            contributor_hash(self.salt, self.platform, record.contributor) if self.salt else "",
            record.source_id,
            record.url,
            record.date,
            record.row,
            record.kind,
            record.reply,
            unmatched,
        )

    def _skip(self, record: Record, reason: str) -> Skipped:
        self.tally.skipped[reason] += 1
        return Skipped(record.row, reason)

    def _identifier(self, record: Record, text: str) -> str | Skipped:
        if record.source_id:
            tail = _UNSAFE_ID.sub(".", record.tag + record.source_id).strip(".") or "x"
            identifier = f"{self.prefix}-{tail}"
            if len(identifier) > MAX_ID:
                digest = hashlib.sha1(record.source_id.encode()).hexdigest()[:10]
                identifier = f"{self.prefix}-{digest}"
            first = self.seen.get(identifier)
            if first is not None:
                return self._skip(record, "a repeated row (same id as an earlier row)")
            self.seen[identifier] = record.row
            return identifier
        basis = f"{record.kind}|{record.question}|{fast_fold(text)}"
        identifier = f"{self.prefix}-{hashlib.sha1(basis.encode()).hexdigest()[:10]}"
        self.hashed[identifier] += 1
        count = self.hashed[identifier]
        return identifier if count == 1 else f"{identifier}-{count}"

    def _scenario(self, record: Record, rule: QuestionRule | None) -> tuple[str, str]:
        if rule is not None and rule.scenario:
            return rule.scenario, ""
        first_seen = ""
        for key, table in self.scenario_by:
            value = self.value_of(record, key)
            if not value:
                first_seen = first_seen or f"{key} empty"
                continue
            found = self._lookup(table, value)
            if found:
                return found, ""
            if not first_seen or first_seen.endswith(" empty"):
                first_seen = f"{key} {value}"
        if self.mapping.scenario.default:
            return self.mapping.scenario.default, ""
        if not first_seen:
            if record.question:
                first_seen = f"question {record.question}"
            else:
                for key in self.primary_keys:
                    value = self.value_of(record, key)
                    if value:
                        first_seen = f"{key} {value}"
                        break
        return "", first_seen or "nothing to map"

    def _polarity(self, record: Record, rule: QuestionRule | None, text: str) -> str:
        if rule is not None and rule.polarity is not None:
            polarity = rule.polarity
            if isinstance(polarity, dict) or polarity == "likert":
                table: dict[str, str | None] = (
                    dict(LIKERT)
                    if not isinstance(polarity, dict)
                    else _folded_table(dict(polarity))
                )
                found = self._lookup(table, text)
                if found:
                    return found
                self.tally.polarity_unmapped[record.question] += 1
                return self.mapping.polarity.default or "?"
            return str(polarity)
        for key, table in self.polarity_by:
            value = self.value_of(record, key)
            if value:
                found = self._lookup(table, value)
                if found:
                    return found
        if record.stance:
            return record.stance
        if record.kind in IDEA_KINDS:
            return "idee"
        return self.mapping.polarity.default or "?"

    def _intensity(self, record: Record) -> int:
        default = self.mapping.intensity.default
        if not self.thresholds:
            return default
        column = self.mapping.intensity.column
        votes = to_int(self.value_of(record, column)) if column else record.votes
        if votes is None:
            return default
        for level, least in self.thresholds:
            if votes >= least:
                return max(level, default)
        return default

    def _criteria(self, rule: QuestionRule | None, text: str) -> tuple[str, ...]:
        found = list(rule.criteria) if rule is not None else []
        if self.keywords is not None:
            hits = {match.lastgroup for match in self.keywords.finditer(fast_fold(text))}
            for rank, crit in enumerate(self.criteria_order):
                if f"c{rank}" in hits and crit not in found:
                    found.append(crit)
        return tuple(found)

    def _theme(self, record: Record, rule: QuestionRule | None) -> str:
        if rule is not None and rule.theme:
            theme = rule.theme
        elif self.mapping.theme:
            theme = self.value_of(record, self.mapping.theme)
        else:
            theme = record.theme
        return " ".join(self.cleaner(theme).split())[:100] if theme else ""
