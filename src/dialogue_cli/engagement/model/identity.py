"""Identity numbers of the parties, checked by python-stdnum: SIREN, SIRET, VAT number, IBAN, BIC.

Each ``check_*`` function takes what the user typed and returns the number in its compact form
(``"732 829 320"`` -> ``"732829320"``), or raises ``ValueError`` with a message that says what
is wrong in the user's terms; the model's validators turn it into a located problem
(``engagement.yaml:42:10: consultant.siret: ...``). The check rules are python-stdnum's
(``stdnum.fr.siren``, ``stdnum.fr.siret`` with La Poste's exception, ``stdnum.fr.tva``,
``stdnum.eu.vat``, ``stdnum.iban``, ``stdnum.bic``), never hand-written here.

Only the ASCII digits 0-9 are digits: a SIRET typed with superscript digits (``⁷³²``), Arabic-Indic
digits (``٧٣٢``) or full-width ones is refused with a message naming the character, because
Python's ``str.isdigit()`` would accept them and ``int()`` would fail on some of them.
"""

import unicodedata

# Separators people type inside numbers: spaces (also no-break ones), dots, dashes.
_SEPARATORS = " \u00a0\u202f.-"


def _compact(value: str) -> str:
    return "".join(char for char in value.strip() if char not in _SEPARATORS)


def _foreign_character(text: str) -> str | None:
    """A description of the first character of ``text`` that is neither A-Z, a-z nor 0-9."""
    for char in text:
        if not (char.isascii() and char.isalnum()):
            name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
            return f"{char!r} ({name})"
    return None


def _digits_only(value: str, what: str, length: int) -> str:
    digits = _compact(value)
    odd = _foreign_character(digits)
    if odd is not None or not digits.isascii() or not digits.isdigit():
        detail = f": {odd} is not one of the digits 0-9" if odd else ""
        raise ValueError(
            f"a {what} is written with the digits 0-9 only, got {value!r}{detail}; "
            "type it with plain digits"
        )
    if len(digits) != length:
        raise ValueError(f"a {what} has {length} digits, got {len(digits)} in {value!r}")
    return digits


def check_siren(value: str) -> str:
    """A SIREN (9 digits, Luhn key); ``""`` stays empty."""
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siren

    if not value.strip():
        return ""
    digits = _digits_only(value, "SIREN", 9)
    try:
        return str(siren.validate(digits))
    except ValidationError:
        raise ValueError(
            f"{value!r} fails the SIREN check digit (Luhn): check for a typo"
        ) from None


def check_siret(value: str) -> str:
    """A SIRET (SIREN + 5-digit NIC, Luhn key; La Poste's own rule); ``""`` stays empty."""
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siret

    if not value.strip():
        return ""
    digits = _digits_only(value, "SIRET", 14)
    try:
        return str(siret.validate(digits))
    except ValidationError:
        raise ValueError(
            f"{value!r} fails the SIRET check digit (Luhn): check for a typo"
        ) from None


def check_vat_number(value: str, siren_of_siret: str = "") -> str:
    """An intra-EU VAT number: a French one's two-digit key is checked against its SIREN.

    Args:
        value: the number as typed (``FR 44 732829320``).
        siren_of_siret: the SIREN of the same party's SIRET, if known: a French VAT number
            must be built on it.

    Returns:
        The compact number (``FR44732829320``), or ``""``.
    """
    from stdnum.eu import vat
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siren, tva

    if not value.strip():
        return ""
    number = _compact(value).upper()
    odd = _foreign_character(number)
    if odd is not None:
        raise ValueError(f"{value!r} is not a VAT number: {odd} is not a letter A-Z or a digit 0-9")
    if number.startswith("FR"):
        body = number[2:]
        try:
            tva.validate(number)
        except ValidationError:
            key = ""
            if len(body) == 11 and body[2:].isdigit() and siren.is_valid(body[2:]):
                key = f" (the key of SIREN {body[2:]} is {siren.to_tva(body[2:])[:2]})"
            raise ValueError(
                f"{value!r} is not a valid French VAT number: FR, a two-digit key, then the "
                f"SIREN{key}"
            ) from None
        if siren_of_siret and body[2:].isdigit() and body[2:] != siren_of_siret:
            raise ValueError(
                f"{value!r} is built on SIREN {body[2:]}, but the SIRET's SIREN is "
                f"{siren_of_siret}: one of them has a typo"
            )
        return number
    try:
        return str(vat.validate(number))
    except ValidationError:
        raise ValueError(
            f"{value!r} is not a valid intra-EU VAT number (country code, then the national number)"
        ) from None


def check_iban(value: str) -> str:
    """An IBAN (country, two check digits mod 97, account); compact and upper case."""
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    if not value.strip():
        return ""
    number = _compact(value).upper()
    odd = _foreign_character(number)
    if odd is not None:
        raise ValueError(f"{value!r} is not an IBAN: {odd} is not a letter A-Z or a digit 0-9")
    try:
        return str(iban.validate(number))
    except ValidationError:
        raise ValueError(
            f"{value!r} is not a valid IBAN (its check digits or its length for "
            f"{number[:2] or 'the country'} do not match): check for a typo"
        ) from None


def check_bic(value: str) -> str:
    """A BIC (SWIFT code): 4 letters of bank, 2 of country, 2 of place, optional 3 of branch."""
    from stdnum import bic
    from stdnum.exceptions import ValidationError

    if not value.strip():
        return ""
    number = _compact(value).upper()
    try:
        return str(bic.validate(number))
    except ValidationError:
        raise ValueError(
            f"{value!r} is not a valid BIC: 8 or 11 characters, bank (4 letters), country "
            "(2 letters), place (2), branch (3, optional)"
        ) from None


def format_iban(number: str) -> str:
    """``FR7630006000011234567890189`` -> ``FR76 3000 6000 0112 3456 7890 189``."""
    from stdnum import iban

    return str(iban.format(number)) if number else ""


def format_siret(siret: str) -> str:
    """``73282932000074`` -> ``732 829 320 00074`` (SIREN, then the establishment's NIC)."""
    digits = siret.replace(" ", "")
    if len(digits) != 14:
        return siret
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


def format_siren(siren: str) -> str:
    """``732829320`` -> ``732 829 320``."""
    digits = siren.replace(" ", "")
    if len(digits) != 9:
        return siren
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
