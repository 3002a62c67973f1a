"""Multilingual fields, dates and counts as the platforms write them."""

from __future__ import annotations

import pytest

from dialogue_cli.importers.records import Picker, iso_date, to_int

CELLS = {
    "title/machine_translations/fr": "Traduction automatique",
    "title/en": "Original in English",
    "title/ca": "Original en català",
    "title/fr": "",
    "body": '{"fr"=>"Texte en français", "en"=>"English text"}',
    "summary": '{"machine_translations": {"fr": "Résumé traduit"}, "es": "Resumen"}',
}


def test_the_engagements_language_first_then_an_original_then_a_translation() -> None:
    assert Picker("en")(CELLS, "title") == "Original in English"
    # French: title/fr is empty, so the first original in another language, not the translation.
    assert Picker("fr")(CELLS, "title") == "Original in English"
    only_translated = {
        "title/machine_translations/fr": "Traduit",
        "title/machine_translations/de": "Übersetzt",
    }
    assert Picker("fr")(only_translated, "title") == "Traduit"
    assert Picker("en")(only_translated, "title") == "Traduit"
    assert Picker("fr")({"title/fr": "Titre", "title/en": "Title"}, "title") == "Titre"
    assert Picker("fr")({}, "title") == ""


def test_a_whole_hash_in_one_cell_as_old_decidim_versions_exported() -> None:
    assert Picker("fr")(CELLS, "body") == "Texte en français"
    assert Picker("en")(CELLS, "body") == "English text"
    assert Picker("fr")(CELLS, "summary") == "Resumen"  # the original before the translation
    assert Picker("fr")({"body": "{pas un hash}"}, "body") == "{pas un hash}"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-05-14 10:23:45 +0200", "2024-05-14 10:23"),
        ("2027-01-10T10:00:00Z", "2027-01-10 10:00"),
        ("2027-03-07", "2027-03-07"),
        ("14/05/2024 10:23", "2024-05-14 10:23"),
        ("7/3/2027 - 17:45", "2027-03-07 17:45"),
        ("5/2/2027 9h05", "2027-02-05 09:05"),
        ("31/13/2027", "31/13/2027"),
        ("hier", "hier"),
        ("", ""),
    ],
)
def test_dates(raw: str, iso: str) -> None:
    assert iso_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "count"),
    [
        ("12", 12),
        ("12.0", 12),
        ("1 234", 1234),
        ("1\u00a0234", 1234),
        ("", None),
        ("-3", None),
        ("douze", None),
    ],
)
def test_counts(raw: str, count: int | None) -> None:
    assert to_int(raw) == count
