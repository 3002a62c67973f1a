"""Money, dates and numbers the way the client's language writes them (Babel; never by hand).

French output uses Babel's typography: U+202F (narrow no-break space) between thousands and
U+00A0 before the euro sign, e.g. ``10 000,00 €``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def locale_of(language: str) -> str:
    return LOCALES.get(language, "fr_FR")


def money(amount: Decimal, language: str = "fr", currency: str = "EUR") -> str:
    """``Decimal('10000')`` -> ``'10 000,00 €'`` in French."""
    from babel.numbers import format_currency

    return str(format_currency(amount, currency, locale=locale_of(language)))


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
    """``2027-01-12`` -> ``'12 janvier 2027'`` in French (``style='short'``: ``'12/01/2027'``)."""
    from babel.dates import format_date

    return str(format_date(value, format=style, locale=locale_of(language)))


@cache
def _nbsp_rules() -> tuple[object, ...]:
    import re

    return (
        re.compile(r"[ \u00a0]*([;:!?»])"),
        re.compile(r"(«)[ \u00a0]*"),
    )


def french_spaces(text: str) -> str:
    """No-break spaces before ``; : ! ? »`` and after ``«`` (French typography).

    A colon inside a URL or a time (``https://``, ``10:30``) is left alone.
    """
    import re

    before, after = _nbsp_rules()
    assert isinstance(before, re.Pattern) and isinstance(after, re.Pattern)

    def fix(match: re.Match[str]) -> str:
        start = match.start()
        mark = match.group(1)
        following = text[match.end() : match.end() + 2]
        if mark == ":" and (
            following.startswith("//")
            or (start and text[start - 1].isdigit() and following[:1].isdigit())
        ):
            return match.group(0)
        if start == 0 or (
            text[start - 1] in " \u00a0\n" and not match.group(0).startswith((" ", "\u00a0"))
        ):
            return match.group(0)
        narrow = "\u202f" if mark in ";!?" else "\u00a0"
        return f"{narrow}{mark}"

    text = before.sub(fix, text)
    return after.sub("«\u00a0", text)
