"""Dates typed by a user: YYYY-MM-DD, and words for every other shape."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common.dates import parse_date


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2027-02-31", "there is no 31 February 2027 (February 2027 has 28 days)"),
        ("2028-02-30", "there is no 30 February 2028 (February 2028 has 29 days)"),
        ("2027-13-01", "there is no month 13 (months go from 01 to 12)"),
        ("11/01/2027", "not a date written YYYY-MM-DD: did you mean 2027-01-11?"),
        ("31/02/2027", "not a date written YYYY-MM-DD, and there is no 31 February 2027 "
         "(February 2027 has 28 days)"),
        ("1er février", "not a date: write it YYYY-MM-DD, e.g. 2027-01-11"),
        ("", "not a date: write it YYYY-MM-DD, e.g. 2027-01-11"),
    ],
)  # fmt: skip
def test_what_is_wrong_is_said(text: str, said: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_date(text)
    assert str(error.value) == said


def test_a_date_is_read() -> None:
    assert parse_date(" 2027-01-11 ") == dt.date(2027, 1, 11)
    assert parse_date("2027-1-5") == dt.date(2027, 1, 5)


@given(st.dates())
def test_every_iso_date_reads_back(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_value_error(text: str) -> None:
    try:
        assert isinstance(parse_date(text), dt.date)
    except ValueError as error:
        assert str(error)
