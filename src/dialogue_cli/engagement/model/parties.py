"""The client (a public body, or a private one) and the consultant who runs the engagement."""

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import Email, Int, Line, Name, Strict


class Contact(Strict):
    """A person to reach. Personal data: never shown in external documents."""

    name: Name = ""
    role: Line = ""
    email: Email = ""
    phone: Line = ""


class PublicContact(Strict):
    """How residents reach the collectivité about the scheme: printed in the public documents."""

    address: Line = ""
    email: Email = ""
    website: Line = ""
    phone: Line = ""
    hours: Line = Field(
        default="", description="Opening hours, e.g. « du lundi au vendredi, 9 h – 17 h »."
    )


PUBLIC_KINDS = ("commune", "intercommunalite", "departement", "region", "autre")
ClientKind = Literal["commune", "intercommunalite", "departement", "region", "autre", "prive"]


class Client(Strict):
    """The client: a public body (a buyer under the code de la commande publique) or a private one."""

    name: Name = Field(min_length=1)
    in_text: Line = Field(
        default="",
        description='How running text names the client, e.g. "la Ville d\'Ormessac" '
        "(default: derived from the name, with 'la', 'le' or 'l'' in French).",
    )
    kind: ClientKind = Field(
        default="commune",
        description="commune, intercommunalite, departement, region, autre (another public "
        "body): public buyers; prive: a private client (company, association).",
    )
    population: Int | None = Field(default=None, ge=0, le=100_000_000)
    address: Line = ""
    siren: str = ""
    siret: str = Field(
        default="",
        description="The SIRET of the establishment invoiced (Chorus Pro identifies the buyer by it).",
    )
    service_code: str = Field(
        default="",
        max_length=100,
        description="The buyer's Chorus Pro service code, when it requires one.",
    )
    contact: Contact = Contact.model_construct()
    public_contact: PublicContact = Field(
        default=PublicContact.model_construct(),
        description="The collectivité's public contact for the scheme (printed in the public "
        "documents); the consultant's contact never is.",
    )

    @property
    def public(self) -> bool:
        """A public buyer: no deposit at order, Chorus Pro, intérêts moratoires."""
        return self.kind in PUBLIC_KINDS

    @field_validator("siren", mode="before")
    @classmethod
    def _check_siren(cls, value: object) -> object:
        from .identity import check_siren

        return check_siren(str(value)) if isinstance(value, str | int) else value

    @field_validator("siret", mode="before")
    @classmethod
    def _check_siret(cls, value: object, info: ValidationInfo) -> object:
        from .identity import check_siret

        if not isinstance(value, str | int):
            return value
        digits = check_siret(str(value))
        siren = info.data.get("siren")
        if digits and siren and digits[:9] != siren:
            raise ValueError(f"the SIRET {value!r} does not start with the client's SIREN {siren}")
        return digits


class Consultant(Strict):
    """Who signs the quote and the deliverables, and is paid: identity, VAT number, bank details."""

    name: Name = ""
    company: Name = ""
    legal_form: Line = ""
    capital: Line = ""
    address: Line = ""
    email: Email = ""
    phone: Line = ""
    siret: str = ""
    rcs: Line = ""
    vat_number: str = ""
    iban: str = Field(
        default="", description="Bank account for transfers, printed on the devis and invoices."
    )
    bic: str = Field(default="", description="The bank's BIC (SWIFT code).")

    @field_validator("siret", mode="before")
    @classmethod
    def _check_siret(cls, value: object) -> object:
        from .identity import check_siret

        return check_siret(str(value)) if isinstance(value, str | int) else value

    @field_validator("vat_number", mode="before")
    @classmethod
    def _check_vat(cls, value: object, info: ValidationInfo) -> object:
        from .identity import check_vat_number

        if not isinstance(value, str):
            return value
        siret = info.data.get("siret") or ""
        return check_vat_number(value, siret[:9])

    @field_validator("iban", mode="before")
    @classmethod
    def _check_iban(cls, value: object) -> object:
        from .identity import check_iban

        return check_iban(value) if isinstance(value, str) else value

    @field_validator("bic", mode="before")
    @classmethod
    def _check_bic(cls, value: object) -> object:
        from .identity import check_bic

        return check_bic(value) if isinstance(value, str) else value
