"""Dates typed by a user (an option, an answer to a prompt), read as YYYY-MM-DD with words on why not."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
EXAMPLE = "2027-01-11"


def parse_date(text: str) -> dt.date:
    """``text`` as a date written ``YYYY-MM-DD``.

    Raises:
        ValueError: in words, one of: not a date written YYYY-MM-DD (``11/01/2027``: "did you
            mean 2027-01-11?"), or a day the calendar does not have (``2027-02-31``: "February
            2027 has 28 days").
    """
    value = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _day(year, month, day)
    european = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if european:
        day, month, year = (int(part) for part in european.groups())
        try:
            meant = _day(year, month, day)
        except ValueError as error:
            raise ValueError(f"not a date written YYYY-MM-DD, and {error}") from None
        raise ValueError(f"not a date written YYYY-MM-DD: did you mean {meant.isoformat()}?")
    raise ValueError(f"not a date: write it YYYY-MM-DD, e.g. {EXAMPLE}")


def _day(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month} (months go from 01 to 12)")
    if year < dt.MINYEAR:
        raise ValueError(f"there is no year {year}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        import calendar

        last = calendar.monthrange(year, month)[1]
        raise ValueError(
            f"there is no {day} {_MONTHS[month - 1]} {year} "
            f"({_MONTHS[month - 1]} {year} has {last} days)"
        ) from None
