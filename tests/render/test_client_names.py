"""How running text names the client: the French article derived from the first word."""

from __future__ import annotations

import pytest

from dialogue_cli.render.client_names import article_name, in_text, sentence_start


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ville d'Ormessac", "la Ville d'Ormessac"),
        ("Ville de Bellerive", "la Ville de Bellerive"),
        ("Commune de Saint-Aubin", "la Commune de Saint-Aubin"),
        ("Communauté de communes du Val", "la Communauté de communes du Val"),
        ("COMMUNAUTE urbaine", "la COMMUNAUTE urbaine"),  # case and accents folded
        ("Métropole de Lyon", "la Métropole de Lyon"),
        ("Metropole de Lyon", "la Metropole de Lyon"),
        ("Région Bretagne", "la Région Bretagne"),
        ("Collectivité européenne d'Alsace", "la Collectivité européenne d'Alsace"),
        ("Mairie de Cholet", "la Mairie de Cholet"),
        ("Département de la Loire", "le Département de la Loire"),
        ("Conseil départemental du Gard", "le Conseil départemental du Gard"),
        ("Syndicat mixte des eaux", "le Syndicat mixte des eaux"),
        ("Pays de Retz", "le Pays de Retz"),
        ("Pôle métropolitain Loire", "le Pôle métropolitain Loire"),
        ("Territoire de Belfort", "le Territoire de Belfort"),
        ("Agglomération du Choletais", "l'Agglomération du Choletais"),
        ("Intercommunalité du Val", "l'Intercommunalité du Val"),
        ("Eurométropole de Strasbourg", "l'Eurométropole de Strasbourg"),
        ("Établissement public territorial", "l'Établissement public territorial"),
        # Proper names take no article.
        ("Ormessac", "Ormessac"),
        ("La Rochelle", "La Rochelle"),
        ("Villeneuve-d'Ascq", "Villeneuve-d'Ascq"),  # starts like "Ville" but is a proper name
        ("Conseils réunis", "Conseils réunis"),  # a plural is not in the list
        ("  Ville d'Ormessac  ", "la Ville d'Ormessac"),
        ("", ""),
        ("123 Habitat", "123 Habitat"),
    ],
)
def test_article_name(name: str, expected: str) -> None:
    assert article_name(name) == expected


def test_in_text_prefers_what_the_engagement_says() -> None:
    assert in_text("Région Pays de la Loire", "la Région des Pays de la Loire", "fr") == (
        "la Région des Pays de la Loire"
    )
    assert in_text("Ville d'Ormessac", "  ", "fr") == "la Ville d'Ormessac"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Town of Exton", "the Town of Exton"),
        ("City of Bath", "the City of Bath"),
        ("County Council of Kent", "the County Council of Kent"),
        ("Ville de Bellerive", "the Ville de Bellerive"),  # a French common noun too
        (
            "Communauté d'agglomération du Val d'Orme",
            "the Communauté d'agglomération du Val d'Orme",
        ),
        ("Exton", "Exton"),  # a proper name needs none
        ("Greater Manchester", "Greater Manchester"),
    ],
)
def test_in_text_in_english_puts_the_before_a_common_noun(name: str, expected: str) -> None:
    assert in_text(name, "", "en") == expected
    assert sentence_start(in_text(name, "", "en")) == expected[:1].upper() + expected[1:]


def test_in_text_in_english_prefers_what_the_engagement_says() -> None:
    assert in_text("Ville de Bellerive", "Bellerive city council", "en") == "Bellerive city council"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la Ville d'Ormessac", "La Ville d'Ormessac"),
        ("l'Agglomération du Choletais", "L'Agglomération du Choletais"),
        ("Ormessac", "Ormessac"),
        ("", ""),
    ],
)
def test_sentence_start(text: str, expected: str) -> None:
    assert sentence_start(text) == expected
