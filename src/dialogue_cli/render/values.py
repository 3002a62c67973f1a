"""Values ready to print in the engagement's language: text, money, dates, numbers, scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from .environment import clean_text
from .words import WORDS


def engagement_names(engagement: object) -> frozenset[str]:
    """The proper nouns of an engagement's text (every string of its model): see :class:`Fmt`."""
    from ..common.formatting import proper_nouns

    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    dump = getattr(engagement, "model_dump", None)
    walk(dump() if dump is not None else engagement)
    return proper_nouns(texts)


class Fmt:
    """Formatting in the engagement's language: text, money, dates, numbers, scores."""

    def __init__(self, language: str, names: frozenset[str] = frozenset()) -> None:
        self.language = "en" if language == "en" else "fr"
        self.words = WORDS[self.language]
        # Words that keep their capital after a colon (see common.formatting.proper_nouns).
        self.names = names

    def t(self, value: object) -> str:
        """Clean text for a document: XML-safe, line ends normalised, typography.

        Apostrophes ’, quotation marks (« » with “ ” inside in French, “ ” with ‘ ’ inside in
        English) and French no-break spaces: :func:`~dialogue_cli.common.formatting.typography`.
        """
        if value is None:
            return ""
        text = clean_text(str(value)).strip()
        if text:
            from ..common.formatting import typography

            text = typography(text, self.language)
        return text

    def detail(self, value: object) -> str:
        """Text printed after a label and a colon (« Label : détail »): :meth:`t`, no capital.

        French writes no capital after a colon inside a sentence; a name keeps it (``names``).
        """
        from ..common.formatting import after_colon

        text = self.t(value)
        return after_colon(text, self.names) if self.language == "fr" else text

    def verbatim(self, value: object) -> str:
        """A participant's words for a document: cleaned like :meth:`t`, personal data masked.

        E-mail addresses, phone numbers, postal addresses and a civility followed by a name
        become placeholders (:mod:`dialogue_cli.common.privacy`); every document the collectivité
        receives quotes feedback through this method, never through :meth:`t` alone.
        """
        from ..common.privacy import mask

        return self.t(mask(str(value or ""), self.language))

    def money(self, amount: Decimal, currency: str = "EUR") -> str:
        from ..common.formatting import money

        return money(amount, self.language, currency)

    def date(self, value: dt.date | None) -> str:
        from ..common.formatting import date

        return date(value, self.language) if value else ""

    def number(self, value: Decimal | float | int, digits: int | None = None) -> str:
        from ..common.formatting import number

        return number(value, self.language, digits)

    def percent(self, value: Decimal | float | int) -> str:
        from ..common.formatting import percent

        return percent(value, self.language)

    def score(self, value: float | None) -> str:
        """A score in [-1, 1] with its sign: ``+0,42``, ``−0,25``, ``0,00``; an en dash when unknown."""
        return self.score_digits(value, 2)

    def score_digits(self, value: float | None, digits: int) -> str:
        """A score with its sign and ``digits`` decimals: ``+0,0345``; an en dash when unknown."""
        if value is None:
            return "–"
        text = self.number(abs(value), digits)
        if round(value, digits) > 0:
            return "+" + text
        if round(value, digits) < 0:
            return "\u2212" + text
        return text

    def delay(self, days: int | None) -> str:
        if days is None:
            return ""
        w = self.words
        if days and days % 365 == 0:
            n = days // 365
            return str(w["year"] if n == 1 else w["years"]).format(n=n)
        if days >= 90 and days % 30 == 0:
            n = days // 30
            return str(w["month"] if n == 1 else w["months"]).format(n=n)
        return str(w["day"] if days == 1 else w["days"]).format(n=days)

    def dates(self, start: dt.date | None, end: dt.date | None) -> str:
        w = self.words
        if start and end:
            return str(w["from_to"]).format(start=self.date(start), end=self.date(end))
        if start:
            return str(w["from"]).format(start=self.date(start))
        if end:
            return str(w["until"]).format(end=self.date(end))
        return ""

    def day(self, value: dt.date | None) -> str:
        """A date with its weekday: ``mardi 2 février 2027``, ``Tuesday, 2 February 2027``."""
        from ..common.formatting import date

        return date(value, self.language, "full") if value else ""

    def half_day(self, value: dt.date, half: str, end: bool) -> str:
        """A phase's first or last day, with the half day when it is not the whole day.

        A phase that ends at midday (``end`` and ``am``) reads ``14 janvier 2027 (midi)``; one
        that starts in the afternoon (not ``end`` and ``pm``) ``10 mars 2027 (après-midi)``.
        """
        text = self.date(value)
        if end and half == "am":
            return str(self.words["midday"]).format(date=text)
        if not end and half == "pm":
            return str(self.words["afternoon"]).format(date=text)
        return text

    def days(self, value: Decimal) -> str:
        """``12 jours``, ``1 jour``, ``0,5 jour`` (French singular below 2); ``1 day``, ``2.5 days``."""
        one = value < 2 if self.language == "fr" else value == 1
        return str(self.words["day" if one else "days"]).format(n=self.number(value))

    def quoted(self, title: str) -> str:
        """A title quoted inside a sentence: « Panel citoyen » in French, “Citizens' panel” in English."""
        from ..common.formatting import typography

        quoted = f"« {title} »" if self.language == "fr" else f"\u201c{title}\u201d"
        return typography(quoted, self.language)  # a quotation inside the title nests

    def join(self, items: Iterable[str]) -> str:
        values = [item for item in items if item]
        if len(values) <= 1:
            return "".join(values)
        return ", ".join(values[:-1]) + str(self.words["and"]) + values[-1]

    def group(self, group: str | None) -> str:
        return str(self.words["groups"].get(group or "", group or ""))
