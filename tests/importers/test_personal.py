"""Personal data: which columns hold them, names found in texts, salted hashes."""

from __future__ import annotations

import pytest

from dialogue_cli.importers.personal import (
    NameScrubber,
    PersonalData,
    contributor_hash,
    personal_kind,
)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("author/name", "name"),
        ("author/id", "user id"),
        ("author/url", "profile link"),
        ("user_group/name", "name"),
        ("Author", "author"),
        ("Comment Author", "author"),
        ("Auteur", "author"),
        ("Created by", "author"),
        ("User Firstname", "name"),
        ("User PostalCode", "postal code"),
        ("User Age", "age"),
        ("UserId", "user id"),
        ("authorZipCode", "postal code"),
        ("authorId", "user id"),
        ("export_contribution_arguments_author_id", "user id"),
        ("Hachage IP", "IP hash"),
        ("ip_hash", "IP hash"),
        ("IP Address", "IP address"),
        ("ipaddr", "IP address"),
        ("token", "token"),
        ("Jeton", "token"),
        ("session_token", "token"),
        ("refurl", "referrer"),
        ("UID", "user id"),
        ("Username", "username"),
        ("Nom d'utilisateur", "name"),
        ("Votre nom", "name"),
        ("Nom", "name"),
        ("Prénom", "name"),
        ("3. Votre adresse e-mail (facultatif)", "e-mail"),
        ("Courriel", "e-mail"),
        ("Téléphone portable", "phone"),
        ("Code postal", "postal code"),
        ("Votre adresse postale", "postal address"),
        ("Quel est votre âge ?", "age"),
        ("valuator", "staff name"),
        # Not personal:
        ("category/name/fr", None),
        ("participatory_space/url", None),
        ("commentable_id", None),
        ("id", None),
        ("SID", None),
        ("Statut de l'utilisateur", None),
        ("authorType", None),
        ("export_contribution_author_type_name", None),
        ("Nom de la commune", None),
        ("address", None),
        ("Total votes", None),
        ("Hôtel de ville", None),
        ("lastpage", None),
        ("Comment Content", None),
    ],
)
def test_personal_columns_are_told_by_their_header(header: str, kind: str | None) -> None:
    assert personal_kind(header) == kind


def test_split_removes_the_cells_and_keeps_one_identity() -> None:
    personal = PersonalData()
    cells = {"id": "1", "author/name": "Camille D.", "author/id": "377", "body": "texte"}
    assert personal.split(cells) == "user id:377"
    assert cells == {"id": "1", "body": "texte"}
    assert personal.dropped == {"author/name": "name", "author/id": "user id"}
    assert personal.names == {"Camille D."}


def test_names_are_found_in_texts() -> None:
    scrub = NameScrubber(["Camille Durand", "Jean-Marc Petit", "velo", "jdupont75", "Al"], "[p]")
    assert scrub("Merci camille DURAND et Jean-Marc Petit !") == "Merci [p] et [p] !"
    assert scrub("Hélène dit : jdupont75 a raison") == "Hélène dit : [p] a raison"
    # A one-word name only as written, from three letters: « Vélo » and « Al » stay.
    assert scrub("Vélo, velo et Al") == "Vélo, [p] et Al"
    assert scrub("Camille a dit") == "Camille a dit"  # a first name alone is not the name
    assert scrub.replaced == 4


def test_accents_do_not_hide_a_name() -> None:
    scrub = NameScrubber(["Hélène Marchal"], "[p]")
    assert scrub("Selon Helene Marchal, oui") == "Selon [p], oui"


def test_hashes_are_salted_and_stable() -> None:
    one = contributor_hash(b"salt-1", "decidim", "user id:377")
    assert one == contributor_hash(b"salt-1", "decidim", "user id:377")
    assert one != contributor_hash(b"salt-2", "decidim", "user id:377")
    assert one.startswith("c-") and len(one) == 14
    assert contributor_hash(b"salt-1", "decidim", "") == ""
