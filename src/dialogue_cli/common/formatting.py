"""Money, dates and numbers the way the client's language writes them (Babel; never by hand).

French output uses Babel's typography: U+202F (narrow no-break space) between thousands and
U+00A0 before the euro sign, e.g. ``10 000,00 €``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def locale_of(language: str) -> str:
    return LOCALES.get(language, "fr_FR")


def money(amount: Decimal, language: str = "fr", currency: str = "EUR") -> str:
    """``Decimal('10000')`` -> ``'10 000,00 €'`` in French.

    Rounded to the cent half up first, like every amount of the quote: Babel alone rounds half
    to even, which would print ``425,00 €`` for a line computed as ``425.01``.
    """
    from babel.numbers import format_currency

    cents = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(format_currency(cents, currency, locale=locale_of(language)))


def number(value: Decimal | float | int, language: str = "fr", digits: int | None = None) -> str:
    """A plain number: ``2.5`` -> ``'2,5'`` in French; ``digits`` fixes the decimals."""
    from babel.numbers import format_decimal

    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return str(format_decimal(value, format=pattern, locale=locale_of(language)))
    return str(format_decimal(value, locale=locale_of(language)))


def percent(value: Decimal | float | int, language: str = "fr") -> str:
    """``20`` -> ``'20 %'`` in French (the value is already in percent)."""
    text = number(value, language)
    return f"{text}\u00a0%" if language == "fr" else f"{text}%"


def date(value: dt.date, language: str = "fr", style: str = "long") -> str:
    """``2027-01-12`` -> ``'12 janvier 2027'`` in French (``style='short'``: ``'12/01/2027'``).

    ``style`` is a Babel style (``short``, ``medium``, ``long``, ``full``) or a pattern
    (``d MMM``). French writes the first day of a month as an ordinal: ``1er décembre 2026``,
    ``mardi 1er décembre 2026``, ``1er déc.`` (Babel alone prints ``1 décembre``); a numeric
    date (``01/12/2026``) keeps its digits.
    """
    from babel.dates import format_date, get_date_format

    locale = locale_of(language)
    if language == "fr" and value.day == 1:
        named: dict[str, Literal["short", "medium", "long", "full"]] = {
            "short": "short", "medium": "medium", "long": "long", "full": "full",
        }  # fmt: skip
        pattern = get_date_format(named[style], locale=locale).pattern if style in named else style
        ordinal = _FIRST_DAY.sub("d'er'", pattern, count=1)
        if ordinal != pattern:
            return str(format_date(value, format=ordinal, locale=locale))
    return str(format_date(value, format=style, locale=locale))


# The day of the month written alone ("d", not "dd") before a month in words ("MMM", "MMMM").
_FIRST_DAY = re.compile(r"(?<![d'])d(?![d'])(?=\s+M{3,})")


# Spans French spacing must not touch: URLs, e-mail addresses, XML/HTML entities, Windows paths.
_PROTECTED = re.compile(
    # a URL does not end with the punctuation that follows it in a sentence
    r"(?:https?://|www\.)\S*[^\s.,;:!?»)\]]"
    r"|[\w.+-]+@[\w-]+\.[\w.-]*\w|&#?\w+;|\b[A-Za-z]:\\\S*"
)
# A high mark and the spaces (ordinary or no-break) before it.
_BEFORE = re.compile(r"[ \u00a0\u202f]*([;:!?»])")
_AFTER = re.compile(r"«[ \u00a0\u202f]*")
_MARKS = ";:!?"


def french_spaces(text: str) -> str:
    """No-break spaces before ``; : ! ? »`` and after ``«`` (French typography).

    Idempotent. A narrow no-break space (U+202F) goes before ``; ! ?``, a no-break space
    (U+00A0) before ``:`` and ``»`` and after ``«``. Left alone: a mark at the start of a line,
    the second of repeated marks (``?!``), a colon between digits (``10:30``), URLs, e-mail
    addresses, entities (``&amp;``) and paths (``C:\\dossier``).
    """
    out = []
    last = 0
    for match in _PROTECTED.finditer(text):
        out.append(_space(text[last : match.start()], text[last - 1] if last else "\n"))
        out.append(match.group(0))
        last = match.end()
    out.append(_space(text[last:], text[last - 1] if last else "\n"))
    return "".join(out)


def _space(text: str, before_text: str) -> str:
    """Space the marks of ``text``; ``before_text`` is the character that precedes it."""

    def before(match: re.Match[str]) -> str:
        mark = match.group(1)
        start = match.start()
        previous = text[start - 1] if start else before_text
        following = text[match.end() : match.end() + 1]
        if previous == "\n" or (previous in _MARKS and start == match.start(1)):
            return match.group(0)  # start of a line, or "?!" / "!!": one space before the first
        if mark == ":" and previous.isdigit() and following.isdigit():
            return match.group(0)  # a time or a ratio: 10:30
        return ("\u202f" if mark in ";!?" else "\u00a0") + mark

    return _AFTER.sub("«\u00a0", _BEFORE.sub(before, text))


# ---------------------------------------------------------------- typography

_APOSTROPHE = re.compile(r"(?<=\w)'")
# A single quote that opens a quotation: at the start or after a space, before a letter.
_OPENING_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[«“]))'(?=\w)")
_STRAIGHT_QUOTE = '"'
# Opens a quotation: what may stand before an opening straight double quote.
_OPENERS = " \t\n\u00a0\u202f([{«“‘—–-/"


def typography(text: str, language: str = "fr") -> str:
    """The typographer's characters in ``text``: apostrophes, quotation marks, French spacing.

    In both languages an apostrophe after a letter becomes ’ (``l'avis`` -> ``l’avis``,
    ``citizens'`` -> ``citizens’``), a single quote opening a word ‘, and a space between two digits a no-break space (a phone
    number, a SIRET never split across lines). Straight double quotes become « » in French and “ ” in
    English; a quotation inside a quotation takes the second-level marks: “ ” inside « » in
    French (no spaces inside them), ‘ ’ inside “ ” in English. French text then gets its
    no-break spaces (:func:`french_spaces`). URLs, e-mail addresses, entities and paths are
    left as they are. Idempotent.
    """
    out = []
    last = 0
    for match in _PROTECTED.finditer(text):
        out.append(_marks(text[last : match.start()], language))
        out.append(match.group(0))
        last = match.end()
    out.append(_marks(text[last:], language))
    result = "".join(out)
    return french_spaces(result) if language == "fr" else result


# A space between two digits (a phone number, a SIRET, a number's groups) must not break.
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")


def _marks(text: str, language: str) -> str:
    text = _APOSTROPHE.sub("\u2019", _OPENING_SINGLE.sub("\u2018", text))
    text = _DIGIT_SPACE.sub("\u00a0", text)
    if _STRAIGHT_QUOTE not in text and text.count("«") < 2 and "“" not in text:
        return text
    # Straight double quotes: opening after a space or an opening mark, else closing.
    chars = list(text)
    for index, char in enumerate(chars):
        if char == _STRAIGHT_QUOTE:
            opening = index == 0 or chars[index - 1] in _OPENERS
            if language == "fr":
                chars[index] = "«" if opening else "»"
            else:
                chars[index] = "“" if opening else "”"
    return _nest("".join(chars), language)


def _nest(text: str, language: str) -> str:
    """Quotation marks by depth: « “ ” » in French, “ ‘ ’ ” in English (« » read as level 1)."""
    if language == "fr":
        first, second, opening, closing = ("«", "»"), ("“", "”"), {"«", "“"}, {"»", "”"}
    else:  # English leaves guillemets (a French name quoted) as they are
        first, second, opening, closing = ("“", "”"), ("‘", "’"), {"“"}, {"”"}
    out: list[str] = []
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in opening:
            mark = first[0] if depth == 0 else second[0]
            depth += 1
            out.append(mark)
            if depth > 1 and language == "fr":  # no space inside “ ”
                while index + 1 < len(text) and text[index + 1] in " \u00a0\u202f":
                    index += 1
        elif char in closing and depth > 0:
            depth -= 1
            if depth >= 1 and language == "fr":
                while out and out[-1] in (" ", "\u00a0", "\u202f"):
                    out.pop()
            out.append(first[1] if depth == 0 else second[1])
        else:
            out.append(char)
        index += 1
    return "".join(out)


_WORD = re.compile(r"[^\W\d_][\w-]*")


def proper_nouns(texts: list[str]) -> frozenset[str]:
    """The capitalised words of ``texts`` that are not only capitalised at a sentence's start.

    ``Ormessac`` in « la Ville d’Ormessac » is a name; ``Cinq`` in « Cinq conseils... » is not:
    a word written with a capital where a sentence does not start is taken as a proper noun.
    """
    names: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            if not word[0].isupper():
                continue
            before = text[: match.start()].rstrip(' \u00a0\u202f«“"(')
            if before and before[-1] not in ".!?:;\n—–-•":
                names.add(word)
    return frozenset(names)


def after_colon(text: str, names: frozenset[str] = frozenset()) -> str:
    """``text`` as it reads after a colon inside a sentence: no capital unless it is a name.

    ``Cinq conseils`` -> ``cinq conseils``. The capital stays on a name (in ``names``, see
    :func:`proper_nouns`), an acronym (``QPV``), a word with a capital or a digit inside
    (``McKinsey``, ``A2``), a quotation and a one-letter word other than « À ».
    """
    match = _WORD.match(text)
    if match is None:
        return text
    word = match.group(0)
    if not word[0].isupper() or word in names:
        return text
    elided = text[len(word) : len(word) + 1] in ("’", "'")
    if any(c.isupper() or c.isdigit() for c in word[1:]) or (
        len(word) == 1 and word not in "ÀA" and not elided
    ):
        return text
    return word[0].lower() + text[1:]
