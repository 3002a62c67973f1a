"""The client (the public body) and the consultant who runs the engagement."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import Int, Line, Name, Strict


class Contact(Strict):
    """A person to reach. Personal data: never shown in external documents."""

    name: Name = ""
    role: Line = ""
    email: Line = ""
    phone: Line = ""

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: str) -> str:
        if value and ("@" not in value or value.startswith("@") or value.endswith("@")):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value


class Client(Strict):
    """The public body that commissions the engagement."""

    name: Name = Field(min_length=1)
    in_text: Line = Field(
        default="",
        description='How running text names the client, e.g. "la Ville d\'Ormessac" '
        "(default: derived from the name, with 'la', 'le' or 'l'' in French).",
    )
    kind: Literal["commune", "intercommunalite", "departement", "region", "autre"] = "commune"
    population: Int | None = Field(default=None, ge=0, le=100_000_000)
    address: Line = ""
    siren: str = ""
    contact: Contact = Contact()

    @field_validator("siren")
    @classmethod
    def _check_siren(cls, value: str) -> str:
        digits = value.replace(" ", "")
        if digits and (len(digits) != 9 or not digits.isdigit() or not luhn_ok(digits)):
            raise ValueError("a SIREN has 9 digits and passes the Luhn check")
        return digits


def luhn_ok(digits: str) -> bool:
    """Luhn checksum, as used by INSEE for SIREN and SIRET numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# La Poste's establishments are the documented exception to the Luhn rule.
_LA_POSTE_SIREN = "356000000"


class Consultant(Strict):
    """Who signs the quote and the deliverables."""

    name: Name = ""
    company: Name = ""
    legal_form: Line = ""
    capital: Line = ""
    address: Line = ""
    email: Line = ""
    phone: Line = ""
    siret: str = ""
    rcs: Line = ""
    vat_number: str = ""

    @field_validator("siret", mode="before")
    @classmethod
    def _check_siret(cls, value: object) -> object:
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            return value
        digits = value.replace(" ", "")
        if not digits:
            return ""
        if len(digits) != 14 or not digits.isdigit():
            raise ValueError(f"a SIRET has 14 digits, got {value!r}")
        if digits.startswith(_LA_POSTE_SIREN):
            if sum(int(c) for c in digits) % 5:
                raise ValueError(f"{value!r} fails the SIRET check digit")
        elif not luhn_ok(digits):
            raise ValueError(f"{value!r} fails the SIRET check digit (Luhn): check for a typo")
        return digits
