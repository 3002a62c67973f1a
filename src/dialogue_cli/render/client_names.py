"""How running text names the client: ``Ville d'Ormessac`` -> ``la Ville d'Ormessac``."""

from __future__ import annotations

import re

from ..engagement.model.base import fold

# The first word of the name decides the article (folded: lower case, no accents); a word that
# starts with a vowel or an h takes l' (l'Agglomération, l'Eurométropole de Strasbourg).
_GENDER = {
    **dict.fromkeys(
        ("ville", "commune", "communaute", "metropole", "eurometropole", "region", "collectivite",
         "mairie", "agglomeration", "intercommunalite", "agence"),
        "la",
    ),
    **dict.fromkeys(
        ("departement", "conseil", "syndicat", "pays", "pole", "territoire", "etablissement",
         "office", "groupement", "parc", "epci"),
        "le",
    ),
}  # fmt: skip
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def article_name(name: str) -> str:
    """The client's name as French running text names it, with its article when it needs one.

    A name that starts with a common noun takes the article of that noun; a proper name
    (``Ormessac``, ``La Rochelle``) is left as it is.

    Args:
        name: The client's name, e.g. ``"Ville d'Ormessac"``.

    Returns:
        ``"la Ville d'Ormessac"``, ``"le Département de la Loire"``,
        ``"l'Agglomération du Choletais"``, or ``name`` unchanged.
    """
    name = name.strip()
    match = _FIRST_WORD.match(name)
    if match is None:
        return name
    word = fold(match.group())
    article = _GENDER.get(word)
    if article is None:
        return name
    if word[0] in "aeiouyh":
        return "l'" + name
    return f"{article} {name}"


# English puts "the" before a body named by a common noun ("the Town of Exton", "the Ville
# d'Ormessac"), never before a proper name ("Exton", "Greater Manchester").
_ENGLISH_NOUNS = frozenset(
    ("town", "city", "borough", "county", "district", "council", "region", "municipality",
     "community", "department", "metropolis", "metropolitan", "village", "parish", "province",
     "agglomeration", "authority", "union", "office", "agency", "association", "syndicate",
     *_GENDER)
)  # fmt: skip


def english_article_name(name: str) -> str:
    """``Town of Exton`` -> ``the Town of Exton``; ``Exton`` stays ``Exton``."""
    name = name.strip()
    match = _FIRST_WORD.match(name)
    if match is None or fold(match.group()) not in _ENGLISH_NOUNS:
        return name
    return "the " + name


def in_text(name: str, given: str, language: str) -> str:
    """How running text names the client: ``given`` when set, else derived from ``name``.

    French takes ``la``, ``le`` or ``l'`` before a common noun (:func:`article_name`); English
    takes ``the`` before one (:func:`english_article_name`); a proper name takes neither.
    """
    if given.strip():
        return given.strip()
    return article_name(name) if language == "fr" else english_article_name(name)


def sentence_start(text: str) -> str:
    """``text`` at the start of a sentence: its first letter in capitals (``la Ville`` -> ``La Ville``)."""
    return text[:1].upper() + text[1:]
