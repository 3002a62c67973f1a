"""French money, dates and typography."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common.formatting import date, french_spaces, money

NNBSP, NBSP = "\u202f", "\u00a0"


def test_money_is_french_and_rounded_half_up() -> None:
    assert money(Decimal("10000")) == f"10{NNBSP}000,00{NBSP}€"
    assert money(Decimal("425.005")) == f"425,01{NBSP}€"  # Babel alone gives 425,00 (half even)
    assert money(Decimal("0.005")) == f"0,01{NBSP}€"
    assert money(Decimal("1234.5"), "en") == "€1,234.50"


def test_dates() -> None:
    assert date(dt.date(2027, 1, 12)) == "12 janvier 2027"


@pytest.mark.parametrize(
    ("style", "first", "second"),
    [
        ("long", "1er décembre 2026", "2 décembre 2026"),
        ("full", "mardi 1er décembre 2026", "mercredi 2 décembre 2026"),
        ("medium", "1er déc. 2026", "2 déc. 2026"),
        ("d MMM", "1er déc.", "2 déc."),  # the Gantt chart's ticks
        ("short", "01/12/2026", "02/12/2026"),  # numeric: no ordinal
    ],
)
def test_the_first_of_a_month_is_an_ordinal_in_french(style: str, first: str, second: str) -> None:
    assert date(dt.date(2026, 12, 1), "fr", style) == first
    assert date(dt.date(2026, 12, 2), "fr", style) == second
    assert "1er" not in date(dt.date(2026, 12, 11), "fr", style)
    assert date(dt.date(2026, 12, 1), "en", "long") == "1 December 2026"  # English has no "1er"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qui préside ? Personne!", f"Qui préside{NNBSP}? Personne{NNBSP}!"),
        ("« oui »: non; peut-être", f"«{NBSP}oui{NBSP}»{NBSP}: non{NNBSP}; peut-être"),
        ("Quoi !? Vraiment ??", f"Quoi{NNBSP}!? Vraiment{NNBSP}??"),
        ("à 10:30, ratio 3:2", "à 10:30, ratio 3:2"),
        ("voir https://a.fr/?q=1; ou", f"voir https://a.fr/?q=1{NNBSP}; ou"),
        ("écrire à a@b.fr: merci", f"écrire à a@b.fr{NBSP}: merci"),
        ("R&amp;D et C:\\dossier", "R&amp;D et C:\\dossier"),
        ("?au début", "?au début"),
    ],
)
def test_french_spaces(text: str, expected: str) -> None:
    assert french_spaces(text) == expected


@given(st.text(alphabet=" \u00a0\u202f;:!?«»ab1/.@&\\\n", max_size=40))
def test_french_spaces_is_idempotent_and_only_touches_spaces(text: str) -> None:
    once = french_spaces(text)
    assert french_spaces(once) == once
    strip = str.maketrans("", "", " \u00a0\u202f")
    assert once.translate(strip) == text.translate(strip)


def test_typography_sets_apostrophes_quotes_and_spaces() -> None:
    from dialogue_cli.common.formatting import typography

    assert typography("l'avis d'Ormessac") == "l’avis d’Ormessac"
    assert typography('il dit "refonder la démocratie"') == (
        f"il dit «{NBSP}refonder la démocratie{NBSP}»"
    )
    # A quotation inside a quotation takes “ ”, without spaces inside.
    assert typography("« Il a dit « oui » hier »") == f"«{NBSP}Il a dit “oui” hier{NBSP}»"
    assert typography("Tél. 01 23 45 67 89") == f"Tél. 01{NBSP}23{NBSP}45{NBSP}67{NBSP}89"
    assert typography("https://ormessac.fr/l'agenda") == "https://ormessac.fr/l'agenda"
    assert typography('the citizens\' panel said "yes"', "en") == (
        "the citizens’ panel said \u201cyes\u201d"
    )
    assert typography('"a "b" c"', "en") == "\u201ca \u2018b\u2019 c\u201d"


@given(st.text(max_size=60))
def test_typography_is_idempotent(text: str) -> None:
    from dialogue_cli.common.formatting import typography

    for language in ("fr", "en"):
        once = typography(text, language)
        assert typography(once, language) == once


def test_no_capital_after_a_colon_except_on_a_name() -> None:
    from dialogue_cli.common.formatting import after_colon, proper_nouns

    names = proper_nouns(["la Ville d'Ormessac", "Cinq conseils. Les Tilleuls vivent"])
    assert names == frozenset({"Ville", "Ormessac", "Tilleuls"})
    assert (
        after_colon("Cinq conseils, participation en baisse")
        == "cinq conseils, participation en baisse"
    )
    assert after_colon("Vécue comme tardive") == "vécue comme tardive"
    assert after_colon("L’avis des habitants") == "l’avis des habitants"
    assert after_colon("Ormessac compte cinq quartiers", names) == "Ormessac compte cinq quartiers"
    assert after_colon("QPV des Tilleuls") == "QPV des Tilleuls"
    assert after_colon("McKinsey") == "McKinsey"
    assert after_colon("« Refonder »") == "« Refonder »"
    assert after_colon("") == ""
