"""What `dialogue init` is told, checked by the rules of the file it writes."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue_cli.engagement import answers


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Communauté de communes du Val d'Orme", "intercommunalite"),
        ("Métropole de Lyon", "intercommunalite"),
        ("Communauté d'agglomération du Grand Ormessac", "intercommunalite"),
        ("Département de l'Orme", "departement"),
        ("Conseil départemental de l'Orme", "departement"),
        ("Région Bretagne", "region"),
        ("Ville d'Ormessac", "commune"),
        ("Mairie de Bellerive", "commune"),
        ("Ormessac", "commune"),
        ("Association Les Amis du Parc", "prive"),
    ],
)
def test_the_kind_is_guessed_from_the_name(name: str, kind: str) -> None:
    assert answers.guess_kind(name) == kind


def test_kind_is_read_with_accents_and_capitals() -> None:
    assert answers.read_kind(" Intercommunalité ") == "intercommunalite"
    with pytest.raises(ValueError, match=r"^not a kind of client \(did you mean 'departement'\?\)"):
        answers.read_kind("dép")  # the start of one kind only: suggested, not guessed
    with pytest.raises(ValueError, match=r"did you mean 'intercommunalite'"):
        answers.read_kind("interco")


@pytest.mark.parametrize(
    ("text", "value"),
    [("18200", 18200), ("18 200", 18200), ("18\u202f200", 18200), ("", None), ("0", 0)],
)
def test_population_is_read(text: str, value: int | None) -> None:
    assert answers.read_population(text) == value


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("abc", "not a number of inhabitants: give digits, e.g. 25400"),
        ("12.5", "not a whole number of inhabitants"),
        ("-5", "must be 0 or more"),
        ("200000000", "must be 100 000 000 or less"),
    ],
)
def test_population_refused_in_words(text: str, said: str) -> None:
    with pytest.raises(ValueError) as error:
        answers.read_population(text)
    assert str(error.value) == said


def test_start_date_has_the_files_bounds() -> None:
    assert answers.read_start("2027-03-01") == dt.date(2027, 3, 1)
    assert answers.read_start("") is None
    with pytest.raises(ValueError, match="out of range: a date from 1990-01-01"):
        answers.read_start("1989-12-31")


def test_language() -> None:
    assert [answers.read_language(t) for t in ("FR", "en", "English", "français")] == [
        "fr", "en", "en", "fr",
    ]  # fmt: skip
    with pytest.raises(ValueError, match=r"fr \(French\) or en \(English\)"):
        answers.read_language("de")
