"""Working days in metropolitan France: weekends and the eleven public holidays.

The holidays are computed, not looked up: three of them move with Easter (Easter Monday,
Ascension Thursday = Easter + 39 days, Whit Monday = Easter + 50 days) and Easter Sunday comes
from the Gregorian computus. The list is the one of metropolitan France outside Alsace-Moselle
(which adds Good Friday and 26 December). ``tests/test_workdays.py`` checks it against the
``holidays`` library for many years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

_ONE_DAY = dt.timedelta(days=1)

# (key, French name, English name); fixed dates are (month, day), movable ones Easter offsets.
_FIXED: tuple[tuple[int, int, str, str], ...] = (
    (1, 1, "Jour de l'an", "New Year's Day"),
    (5, 1, "Fête du Travail", "Labour Day"),
    (5, 8, "Victoire 1945", "Victory in Europe Day"),
    (7, 14, "Fête nationale", "Bastille Day"),
    (8, 15, "Assomption", "Assumption Day"),
    (11, 1, "Toussaint", "All Saints' Day"),
    (11, 11, "Armistice 1918", "Armistice Day"),
    (12, 25, "Noël", "Christmas Day"),
)
_FROM_EASTER: tuple[tuple[int, str, str], ...] = (
    (1, "Lundi de Pâques", "Easter Monday"),
    (39, "Ascension", "Ascension Day"),
    (50, "Lundi de Pentecôte", "Whit Monday"),
)
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).

    Args:
        year: A year from 1583 on.

    Returns:
        The date of Easter Sunday, e.g. ``2027-03-28``.
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def _holidays(year: int) -> Mapping[dt.date, tuple[str, str]]:
    days = {dt.date(year, month, day): (fr, en) for month, day, fr, en in _FIXED}
    easter = easter_sunday(year)
    for offset, fr, en in _FROM_EASTER:
        days[easter + dt.timedelta(days=offset)] = (fr, en)
    return dict(sorted(days.items()))


def french_holidays(year: int, language: str = "fr") -> dict[dt.date, str]:
    """The public holidays of metropolitan France in ``year``, by date, named in ``language``.

    Args:
        year: The calendar year.
        language: ``fr`` (default) or ``en``.

    Returns:
        An ordered mapping ``date -> name``, e.g. ``2027-03-29 -> "Lundi de Pâques"``.
    """
    index = 1 if language == "en" else 0
    return {day: names[index] for day, names in _holidays(year).items()}


def holiday_name(day: dt.date, language: str = "fr") -> str | None:
    """The name of the public holiday on ``day``, or ``None`` if it is not one."""
    names = _holidays(day.year).get(day)
    if names is None:
        return None
    return names[1] if language == "en" else names[0]


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a French public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def day_off_reason(day: dt.date, language: str = "en") -> str | None:
    """Why ``day`` is not a working day (``"Saturday"``, ``"Ascension Day"``), or ``None``."""
    name = holiday_name(day, language)
    if name is not None:
        return name
    if day.weekday() >= 5:
        return weekday_name(day, language)
    return None


def weekday_name(day: dt.date, language: str = "en") -> str:
    """``Monday``... in English, ``lundi``... in French."""
    return _WEEKDAYS["fr" if language == "fr" else "en"][day.weekday()]


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def previous_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The working day ``count`` working days after (or, if negative, before) ``day``.

    ``day`` should be a working day; ``count=0`` returns it unchanged. Friday + 1 is the
    following Monday, unless that Monday is a holiday.

    Args:
        day: The working day to count from.
        count: How many working days to move; negative moves backwards.
    """
    step = _ONE_DAY if count >= 0 else -_ONE_DAY
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(first: dt.date, last: dt.date) -> int:
    """How many working days lie from ``first`` to ``last``, both included (0 if ``last < first``).

    Counted, not walked: the weekdays of the whole weeks and of the days left over, less the
    holidays that fall on a weekday, so that a calendar reaching 2200 costs what a month does.
    """
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    weekdays = weeks * 5 + sum(1 for i in range(rest) if (first.weekday() + i) % 7 < 5)
    off = sum(1 for day, _name in holidays_between(first, last) if day.weekday() < 5)
    return weekdays - off


def holidays_between(
    first: dt.date, last: dt.date, language: str = "fr"
) -> list[tuple[dt.date, str]]:
    """The public holidays from ``first`` to ``last`` (both included), in date order."""
    found: list[tuple[dt.date, str]] = []
    for year in range(first.year, last.year + 1):
        found.extend(
            (d, n) for d, n in french_holidays(year, language).items() if first <= d <= last
        )
    return found
