"""Personal data inside free text: find and mask e-mail addresses, phone numbers, postal addresses.

Participants write what they like on a sticky note or in a survey: « appelez-moi au 06 12 34 56
78 », « j'habite 12 rue des Lilas ». The documents a collectivité circulates or publishes must not
carry that. :func:`mask` replaces what can be recognised reliably — e-mail addresses, French and
international phone numbers, street addresses, postal code and town, a civility followed by a
name (« M. Dupont », « Madame Martin ») — by a visible placeholder; :func:`findings` says what
kinds were found, so that ``dialogue check`` can list the items for the consultant to edit.

Names on their own (« Jean m'a dit ») cannot be told from other capitalised words reliably: they
are not masked, and docs/security.md says so. Masking is for documents meant for anyone but the
consultant; the consultant's own exports keep the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

EMAIL = "email"
PHONE = "phone"
ADDRESS = "address"
NAME = "name"
KINDS = (EMAIL, PHONE, ADDRESS, NAME)

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "fr": {
        EMAIL: "[adresse électronique masquée]",
        PHONE: "[téléphone masqué]",
        ADDRESS: "[adresse masquée]",
        NAME: "[nom masqué]",
    },
    "en": {
        EMAIL: "[e-mail removed]",
        PHONE: "[phone number removed]",
        ADDRESS: "[address removed]",
        NAME: "[name removed]",
    },
}

# How messages and `check` name each kind.
KIND_NAMES = {
    EMAIL: "an e-mail address",
    PHONE: "a phone number",
    ADDRESS: "a postal address",
    NAME: "a name",
}


def describe(kinds: tuple[str, ...]) -> str:
    """``("email", "phone")`` -> ``"an e-mail address and a phone number"``."""
    names = [KIND_NAMES[k] for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_AT = r"(?:@|\s?[\(\[\{]\s?(?:at|arobase)\s?[\)\]\}]\s?)"
_DOT = r"(?:\.|\s?[\(\[\{]\s?(?:dot|point)\s?[\)\]\}]\s?)"
_EMAIL = re.compile(
    rf"[\w.+%-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,24}}\b", re.IGNORECASE
)

# French numbers (06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 (0)6 ...)
# and other international numbers written with their country code (+44 20 7946 0958).
_SEP = r"[ \u00a0\u202f.\-/]?"
_PHONE = re.compile(
    r"(?<![\w+])"
    rf"(?:(?:\+|00){_SEP}33{_SEP}(?:\(0\){_SEP})?|0)[1-9](?:{_SEP}\d\d){{4}}"
    r"(?!\d)"
    r"|"
    rf"(?<![\w+])\+{_SEP}(?!33)[1-9]\d{{0,2}}(?:{_SEP}\(0\))?(?:{_SEP}\d){{6,12}}(?!\d)"
)

# Street types that are no other word: any street name may follow (« 12 rue des lilas »).
_STREET_ONLY = (
    "rue|ruelle|avenue|av\\.|boulevard|bd|allée|allee|impasse|quai|résidence|residence|lotissement|"
    "lieu-dit|faubourg|fbg|hameau|rond-point|street|road|avenue"
)
# Street types that are also common words (« 3 cours par semaine », « 1 place de parking »): only
# when a capitalised name follows (« 2 place de la République », « 5 chemin Vert »).
_STREET_AMBIGUOUS = (
    "place|pl\\.|cours|chemin|route|rte|square|passage|voie|sentier|cité|cite|montée|parvis|"
    "esplanade|lane|drive|close|way"
)
_UPPER = "A-ZÉÈÊËÀÂÎÏÔÛÙÇ"
_PARTICLE = r"(?:de|du|des|la|le|les|aux|au|en|sur|of|the)\s+|(?:l|d)['’]"
# Words that end a street name written in lower case (« 12 rue des lilas et ... »).
_CLAUSE_WORDS = (
    r"(?:et|ou|mais|donc|car|est|sont|qui|que|à|a|au|je|j|il|elle|on|nous|vous|ils|elles|ce|c|"
    r"pour|par|avec|sans|dans|chez|depuis|pas|ne|n|and|or|but|is|are|who|which|for|with)"
)
_NAME_WORD = rf"(?:[{_UPPER}][\w’'\-]*|\d+)"
# The street's name: capitalised words and their particles (« de la République », « Jean-Jaurès »),
# or, written in lower case, at most three words (« des lilas »).
_STREET_NAME = (
    rf"(?:\s+(?:{_PARTICLE})*{_NAME_WORD}(?:[ \-](?:{_PARTICLE})*{_NAME_WORD})*"
    rf"|\s+(?:{_PARTICLE})*[\w’'\-]+(?:\s+(?!{_CLAUSE_WORDS}\b)[\w’'\-]+)?)"
)
# « 12 rue des Lilas », « 3 bis, avenue Jean-Jaurès », « 14, bd Victor Hugo »: a number, an optional
# bis/ter, a street type, then the street's name.
_STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?i:bis|ter|quater)\b)?,?\s+"
    rf"(?:(?i:{_STREET_ONLY}){_STREET_NAME}"
    rf"|(?i:{_STREET_AMBIGUOUS})(?=\s+(?:{_PARTICLE})*[{_UPPER}0-9])"
    rf"\s+(?:{_PARTICLE})*{_NAME_WORD}(?:[ \-](?:{_PARTICLE})*{_NAME_WORD})*)"
)
# « 31000 Toulouse », « F-75011 Paris », « 75011 PARIS CEDEX »: a postcode then a capitalised town.
_POSTCODE = re.compile(rf"(?<!\d)(?:F-)?\d{{5}}\s+[{_UPPER}][\w'’\-]*(?:[ \-][{_UPPER}][\w'’\-]*)*")
# « M. Dupont », « Mme Le Goff », « Monsieur Martin », « Dr Petit »: the civility stays, the name goes.
_CIVILITY = re.compile(
    r"\b(?P<civility>M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Mme|Mmes|Mlle|Melle|Monsieur|Madame|Mademoiselle|"
    r"Dr\.?|Docteur|Maître|Me|Pr\.?|Professeur)\s+"
    r"(?P<name>(?:(?:de|du|des|le|la|van|von|d['’])\s?)?[A-ZÉÈÊÀÂÎÔÛÇ][\w'’\-]+"
    r"(?:\s+[A-ZÉÈÊÀÂÎÔÛÇ][\w'’\-]+)?)"
)
# Who says their own name: flagged for the consultant, not masked (the words after it vary).
_SELF_NAMED = re.compile(
    r"\b(?:je m['’]appelle|mon nom est|my name is|I am called)\s+[A-ZÉÈÊÀÂÎÔÛÇ]", re.IGNORECASE
)
# Titles that follow a civility without being a name (« Madame la Maire », « Monsieur le Président »).
_NOT_NAMES = frozenset(
    [
        "Maire",
        "Adjoint",
        "Adjointe",
        "Président",
        "Présidente",
        "Directeur",
        "Directrice",
        "Préfet",
        "Préfète",
        "Député",
        "Députée",
        "Sénateur",
        "Sénatrice",
        "Conseiller",
        "Conseillère",
        "Délégué",
        "Déléguée",
        "Ministre",
        "Curé",
        "Abbé",
        "Mayor",
        "President",
        "Director",
        "Chair",
    ]
)
_PARTICLES = frozenset(["de", "du", "des", "d'", "d’", "le", "la", "les", "l'", "l’", "van", "von"])


# What each pattern needs, checked first because it is cheap: an e-mail needs its « @ » (or a
# written « (at) »); a phone, a street number or a postcode needs digits that are either a long
# run (separators allowed) or followed by a word (« 12 rue », « 49000 Ormessac », « 3bis »); a
# civility or « je m'appelle » needs one of its words. A verbatim whose only digits are « (2027) »
# or « 12 % » skips the costly patterns (an alternation of words tried at every position costs
# ten times a look-up of the text's words in a set).
_MAYBE_EMAIL = re.compile(r"@|[\(\[\{]\s?(?:at|arobase)\b", re.IGNORECASE)
_MAYBE_NUMBER = re.compile(
    r"\d[\d \u00a0\u202f.\-/()]{5,}\d|\d,?\s+\S|\d\s?(?:bis|ter|quater)\b", re.IGNORECASE
)
_HINT_WORDS = frozenset(
    ("m", "mm", "mr", "mrs", "ms", "mme", "mmes", "mlle", "melle", "monsieur", "madame",
     "mademoiselle", "dr", "docteur", "maître", "me", "pr", "professeur", "appelle", "nom",
     "name", "called")
)  # fmt: skip
_WORDS = re.compile(r"\w+")


def _patterns() -> Iterator[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """Each kind, its pattern, and what the pattern needs (see above)."""
    yield EMAIL, _EMAIL, _MAYBE_EMAIL
    yield PHONE, _PHONE, _MAYBE_NUMBER
    yield ADDRESS, _STREET, _MAYBE_NUMBER
    yield ADDRESS, _POSTCODE, _MAYBE_NUMBER


def _named(text: str) -> bool:
    """Whether ``text`` holds a word a civility or a self-introduction starts with."""
    return not _HINT_WORDS.isdisjoint(_WORDS.findall(text.lower()))


def findings(text: str) -> tuple[str, ...]:
    """The kinds of personal data ``text`` seems to carry, in :data:`KINDS` order (no duplicate)."""
    possible: dict[re.Pattern[str], bool] = {}
    found = set()
    for kind, pattern, needs in _patterns():
        if needs not in possible:
            possible[needs] = needs.search(text) is not None
        if possible[needs] and pattern.search(text):
            found.add(kind)
    if _named(text) and (
        any(_is_name(m) for m in _CIVILITY.finditer(text)) or _SELF_NAMED.search(text)
    ):
        found.add(NAME)
    return tuple(kind for kind in KINDS if kind in found)


def _is_name(match: re.Match[str]) -> bool:
    words = [w for w in re.split(r"\s+|(?<=['’])", match.group("name")) if w]
    while words and words[0].lower() in _PARTICLES:
        words.pop(0)
    return bool(words) and words[0] not in _NOT_NAMES


def mask(text: str, language: str = "fr") -> str:
    """``text`` with e-mails, phones, addresses and civility + name replaced by placeholders.

    Idempotent: masking a masked text changes nothing. The e-mail pattern runs first, so that
    digits inside an address such as ``jean.06@example.org`` are not taken for a phone number.
    """
    words = PLACEHOLDERS["en" if language == "en" else "fr"]
    for kind, pattern, needs in _patterns():
        if needs.search(text):
            text = pattern.sub(words[kind], text)
    if not _named(text):
        return text

    def name(match: re.Match[str]) -> str:
        if not _is_name(match):
            return match.group()
        return f"{match.group('civility')} {words[NAME]}"

    return _CIVILITY.sub(name, text)
