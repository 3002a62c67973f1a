"""The verbatims the documents quote: the most telling ones, chosen in one pass, within bounds.

A workshop may bring ten items or a million; a document quotes a handful. :class:`Pool` keeps,
for each (scenario, group, polarity), the :data:`KEPT` most telling texts read so far (the most
intense first; among equals, a text of a readable length, then the first read), so that its
size never depends on the number of items, and counts the rest. :meth:`Pool.selected` spreads a
document's few quotes over the groups and polarities.

Which items may be quoted where (docs/templates.md, "Verbatims"):

* the internal documents (the synthèse, the communication interne) may quote every item;
* the public documents quote only items whose author agreed to publication (``publish``: the
  item's own answer, else its workshop's default; off by default), only the citizens' words,
  and never an author: a :class:`Quote` holds no author at all.

:func:`public_quotes` is the one rule of what the public documents quote: the communication
externe and its other forms print it, ``dialogue check`` counts it.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..engagement.feedback import Feedback
    from ..engagement.model import Engagement
    from .decisions import Trail

# Texts kept per (scenario, group, polarity): enough to spread a document's quotes.
KEPT = 4
# A text of this many characters reads as a quote; shorter ones say little, longer ones are cut.
READABLE = (30, 400)
# What the public documents quote: per retained solution, and per option before any decision.
PUBLIC_PER_SOLUTION = 3
PUBLIC_PER_OPTION = 2
# Only the citizens' words reach the public documents (the élus' and services' workshops are
# closed sessions).
PUBLIC_GROUPS = ("citoyens",)


class Quote(NamedTuple):
    """A verbatim as a document may quote it: its words and where they come from, no author."""

    text: str
    group: str
    polarity: str
    scenario: str


@dataclass
class Pool:
    """The most telling verbatims per (scenario, group, polarity), bounded (see the module)."""

    # key -> [(intensity, readable, -order, quote)], at most KEPT entries each
    kept: dict[tuple[str, str, str], list[tuple[int, int, int, Quote]]] = field(
        default_factory=dict
    )
    # texts seen per scenario (kept or not)
    seen: dict[str, int] = field(default_factory=dict)
    _order: int = 0

    def add(self, item: Feedback) -> None:
        """Take one item into account (an item without text is not a verbatim).

        Each key's entries are kept sorted, weakest first: an item that cannot beat the weakest
        (same or lower intensity and readability, read later) costs two comparisons.
        """
        text = item.text
        if not text or text.isspace():
            return
        self._order += 1
        scenario = item.scenario
        self.seen[scenario] = self.seen.get(scenario, 0) + 1
        length = len(text)
        readable = 1 if READABLE[0] <= length <= READABLE[1] else 0
        rank = (item.intensity, readable)
        key = (scenario, item.group, item.polarity)
        chosen = self.kept.get(key)
        if chosen is None:
            chosen = self.kept[key] = []
        elif len(chosen) >= KEPT and rank <= chosen[0][:2]:
            return  # read later, so weaker than the weakest kept
        entry = (
            item.intensity,
            readable,
            -self._order,
            Quote(text, item.group, item.polarity, scenario),
        )
        if len(chosen) >= KEPT:
            del chosen[0]
        insort(chosen, entry, key=lambda e: e[:3])

    def count(self, scenario: str) -> int:
        """How many verbatims were read on ``scenario`` (quoted or not)."""
        return self.seen.get(scenario, 0)

    @property
    def total(self) -> int:
        return sum(self.seen.values())

    def selected(
        self, scenario: str, limit: int, groups: Iterable[str] | None = None
    ) -> list[Quote]:
        """Up to ``limit`` verbatims of ``scenario``: the most telling, one per (group, polarity)
        first, then the next most telling; returned in the order they were read."""
        wanted = None if groups is None else set(groups)
        pool = [
            entry
            for (s, group, _polarity), entries in self.kept.items()
            if s == scenario and (wanted is None or group in wanted)
            for entry in entries
        ]
        pool.sort(key=lambda e: (-e[0], -e[1], -e[2]))
        picked: list[tuple[int, int, int, Quote]] = []
        spread: set[tuple[str, str]] = set()
        for entry in pool:  # first pass: one per (group, polarity)
            quote = entry[3]
            if len(picked) < limit and (quote.group, quote.polarity) not in spread:
                picked.append(entry)
                spread.add((quote.group, quote.polarity))
        for entry in pool:
            if len(picked) >= limit:
                break
            if entry not in picked:
                picked.append(entry)
        picked.sort(key=lambda e: -e[2])
        return [entry[3] for entry in picked]


@dataclass(frozen=True)
class PublicQuotes:
    """What the public documents quote: per solution (or per option before any decision)."""

    by_key: tuple[tuple[str, tuple[Quote, ...]], ...]
    publishable: int  # items marked publishable, quoted or not

    @property
    def count(self) -> int:
        return sum(len(quotes) for _key, quotes in self.by_key)

    def of(self, key: str) -> tuple[Quote, ...]:
        return next((quotes for k, quotes in self.by_key if k == key), ())


def public_quotes(
    engagement: Engagement,
    published: Pool,
    trail: Trail,
    decided: bool,
    ranked: Sequence[str] = (),
) -> PublicQuotes:
    """The verbatims the public documents quote, from the pool of publishable items only.

    Args:
        engagement: the engagement (its scenarios).
        published: the pool of items whose authors agreed to publication.
        trail: the decision trail (the retained solutions and the options they answer).
        decided: whether the retained solutions may be told (the creativity session has
            produced them at the document date): then each retained solution quotes up to
            :data:`PUBLIC_PER_SOLUTION` citizens' words on the options it answers, keyed by the
            solution's id; before, each option quotes up to :data:`PUBLIC_PER_OPTION`, keyed by
            the scenario's id.
        ranked: the options' ids in rank order (the engagement's order when empty).
    """
    out: list[tuple[str, tuple[Quote, ...]]] = []
    if decided and trail.retained:
        for path in trail.retained:
            quotes: list[Quote] = []
            for option in path.options:
                for quote in published.selected(option.id, PUBLIC_PER_SOLUTION, PUBLIC_GROUPS):
                    if len(quotes) < PUBLIC_PER_SOLUTION and quote not in quotes:
                        quotes.append(quote)
            out.append((path.id, tuple(quotes)))
    elif not decided:
        order = list(ranked) or [s.id for s in engagement.scenarios if not s.transversal]
        for scenario in order:
            chosen = published.selected(scenario, PUBLIC_PER_OPTION, PUBLIC_GROUPS)
            if chosen:
                out.append((scenario, tuple(chosen)))
    return PublicQuotes(tuple(out), published.total)
