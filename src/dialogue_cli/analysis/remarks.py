"""Questions and ideas grouped by theme, in one pass and within bounds, and the FAQ built on them.

The workshops' questions (``?``) feed the communication interne's FAQ and their ideas (``idee``)
the creativity session. A document lists themes, not every item: :class:`Remarks` counts the
items of each (scenario, theme) and keeps the :data:`EXAMPLES` most telling texts of each (the
most intense, then the first read), whatever the number of items.

:func:`faq` is the one rule of the FAQ (docs/templates.md, "The FAQ"): the questions about the
retained solutions' options and about the scheme itself (the transversal scenarios), once the
creativity session has produced the solutions; before, about the scheme only, the others being
counted. Each theme is answered by the engagement's ``communication.faq`` entry of the same
scenario and theme, or shown as « réponse à valider ». ``dialogue check`` counts those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..engagement.model import fold

if TYPE_CHECKING:
    from ..engagement.feedback import Feedback
    from ..engagement.model import Engagement, FaqEntry

EXAMPLES = 3  # texts kept per theme
# The FAQ lists at most this many themes; the others are counted.
FAQ_THEMES = 15
# The synthèse lists at most this many ideas per scenario; the others are counted.
IDEAS_PER_SCENARIO = 5


class Example(NamedTuple):
    """A question or an idea as a document may quote it (no author)."""

    text: str
    group: str


@dataclass
class Theme:
    """The questions (or ideas) of one theme of one scenario."""

    scenario: str
    theme: str  # as first written
    count: int = 0
    groups: dict[str, int] = field(default_factory=dict)
    # [(intensity, -order, example)], at most EXAMPLES
    kept: list[tuple[int, int, Example]] = field(default_factory=list)
    first: int = 0  # order of its first item

    @property
    def examples(self) -> list[Example]:
        """The kept texts, most telling first."""
        return [e for _i, _o, e in sorted(self.kept, key=lambda k: (-k[0], -k[1]))]


@dataclass
class Remarks:
    """The questions and the ideas of the feedback, grouped by (scenario, theme)."""

    questions: dict[tuple[str, str], Theme] = field(default_factory=dict)
    ideas: dict[tuple[str, str], Theme] = field(default_factory=dict)
    _order: int = 0

    def add(self, item: Feedback) -> None:
        """Take one item into account: a question or an idea; anything else is ignored."""
        if item.polarity == "?":
            table = self.questions
        elif item.polarity == "idee":
            table = self.ideas
        else:
            return
        text = item.text.strip()
        if not text:
            return
        self._order += 1
        key = (item.scenario, fold(item.theme))
        theme = table.get(key)
        if theme is None:
            table[key] = theme = Theme(item.scenario, item.theme.strip(), first=self._order)
        theme.count += 1
        theme.groups[item.group] = theme.groups.get(item.group, 0) + 1
        entry = (item.intensity, -self._order, Example(text, item.group))
        if len(theme.kept) < EXAMPLES:
            theme.kept.append(entry)
            return
        weakest = min(range(EXAMPLES), key=lambda i: theme.kept[i][:2])
        if entry[:2] > theme.kept[weakest][:2]:
            theme.kept[weakest] = entry

    def question_count(self, scenarios: Iterable[str] | None = None) -> int:
        wanted = None if scenarios is None else set(scenarios)
        return sum(
            t.count for t in self.questions.values() if wanted is None or t.scenario in wanted
        )

    def ideas_of(self, scenario: str, limit: int = IDEAS_PER_SCENARIO) -> tuple[list[Example], int]:
        """Up to ``limit`` ideas on ``scenario`` (one per theme first, the most telling), and
        how many ideas were given on it in all."""
        themes = sorted(
            (t for t in self.ideas.values() if t.scenario == scenario),
            key=lambda t: (-t.count, t.first),
        )
        total = sum(t.count for t in themes)
        picked: list[Example] = []
        for rank in range(EXAMPLES):
            for theme in themes:
                examples = theme.examples
                if rank < len(examples) and len(picked) < limit:
                    picked.append(examples[rank])
        return picked, total


@dataclass(frozen=True)
class FaqItem:
    """One question of the FAQ: the question, its answer (empty: to be validated), its origin."""

    scenario: str | None
    theme: str
    question: str
    answer: str
    asked: int  # how many times it was asked in the workshops (0: a question of the file)
    groups: tuple[tuple[str, int], ...]
    entry: int | None  # index of its communication.faq entry, if any

    @property
    def answered(self) -> bool:
        return bool(self.answer.strip())


@dataclass(frozen=True)
class Faq:
    """The FAQ of the communication interne (:func:`faq`)."""

    items: tuple[FaqItem, ...]
    hidden_themes: int  # themes in scope beyond FAQ_THEMES
    hidden_questions: int  # their questions
    outside: int  # questions about other options: left for later, or about options not retained

    @property
    def unanswered(self) -> tuple[FaqItem, ...]:
        return tuple(item for item in self.items if not item.answered)


def _matches(entry: FaqEntry, theme: Theme) -> bool:
    return entry.scenario == theme.scenario and fold(entry.theme) == fold(theme.theme)


def faq(engagement: Engagement, remarks: Remarks, scope: Iterable[str]) -> Faq:
    """The FAQ: the themes of questions about ``scope`` (scenario ids), answered from the file.

    Args:
        engagement: its ``communication.faq`` entries give the answers.
        remarks: the questions grouped by theme.
        scope: the scenarios the FAQ may speak of (the retained solutions' options and the
            transversal scenarios once ``decided``; the transversal ones only before).

    The questions about the other scenarios are counted in ``outside``.
    """
    in_scope = set(scope)
    entries = engagement.communication.faq
    themes = sorted(
        (t for t in remarks.questions.values() if t.scenario in in_scope),
        key=lambda t: (-t.count, t.first),
    )
    shown, rest = themes[:FAQ_THEMES], themes[FAQ_THEMES:]
    items: list[FaqItem] = []
    used: set[int] = set()
    for theme in shown:
        index = next((i for i, e in enumerate(entries) if _matches(e, theme)), None)
        entry = entries[index] if index is not None else None
        if index is not None:
            used.add(index)
        examples = theme.examples
        items.append(
            FaqItem(
                scenario=theme.scenario,
                theme=theme.theme,
                question=(entry.question if entry and entry.question else examples[0].text),
                answer=entry.answer if entry else "",
                asked=theme.count,
                groups=tuple(sorted(theme.groups.items())),
                entry=index,
            )
        )
    for index, entry in enumerate(entries):
        if index in used or not entry.question:
            continue
        if entry.scenario is not None and entry.scenario not in in_scope:
            continue  # an answer about an option that is not retained: not in the note
        if entry.scenario is not None and any(
            _matches(entry, theme) for theme in rest
        ):  # its theme is among the counted ones
            continue
        items.append(
            FaqItem(entry.scenario, entry.theme, entry.question, entry.answer, 0, (), index)
        )
    return Faq(
        items=tuple(items),
        hidden_themes=len(rest),
        hidden_questions=sum(t.count for t in rest),
        outside=remarks.question_count() - remarks.question_count(in_scope),
    )


def faq_scope(engagement: Engagement, retained_options: Iterable[str], decided: bool) -> list[str]:
    """The scenarios the FAQ speaks of: the transversal ones, and the retained solutions'
    options once they are decided."""
    scope = [s.id for s in engagement.scenarios if s.transversal]
    if decided:
        scope += [o for o in retained_options if o not in scope]
    return scope


def faq_problems(engagement: Engagement, the_faq: Faq) -> list[tuple[tuple[int | str, ...], str]]:
    """One located warning for ``check`` when questions of the FAQ have no validated answer."""
    pending = the_faq.unanswered
    if not pending:
        return []
    listed = "; ".join(
        (f"{item.scenario}/{item.theme or '(no theme)'}" if item.entry is None and item.scenario
         else repr(item.question[:60]))
        for item in pending[:5]
    )  # fmt: skip
    more = f" and {len(pending) - 5} more" if len(pending) > 5 else ""
    plural = "s" if len(pending) > 1 else ""
    what = "have" if len(pending) > 1 else "has"
    loc: tuple[int | str, ...] = ("communication", "faq")
    first = next((item.entry for item in pending if item.entry is not None), None)
    if first is not None:
        loc = ("communication", "faq", first, "question")
    return [
        (
            loc,
            f"{len(pending)} question{plural} of the FAQ {what} no answer yet (« réponse à "
            f"valider » in the communication interne): {listed}{more}; answer {'them' if plural else 'it'} in "
            "communication.faq (scenario, theme, answer)",
        )
    ]
