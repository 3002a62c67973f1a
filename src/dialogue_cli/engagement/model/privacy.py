"""The engagement's personal-data notice (RGPD art. 13): who processes what, why, how long."""

from pydantic import Field

from .base import Email, Line, Strict, Text


class PrivacyContact(Strict):
    """Who to write to: a name or service, and how to reach it."""

    name: Line = Field(default="", description="A person, a service or a function.")
    email: Email = ""
    address: Line = ""
    phone: Line = ""


class Privacy(Strict):
    """What participants are told wherever their personal data are collected.

    The controller is the collectivité (the client) unless ``controller`` says otherwise; the
    consultant appears among the recipients as processor. Every empty field reads « À compléter »
    in the documents, and ``dialogue check`` lists what is missing.
    """

    controller: PrivacyContact = Field(
        default=PrivacyContact.model_construct(),
        description="The controller (responsable du traitement): the collectivité, its contact.",
    )
    dpo: PrivacyContact = Field(
        default=PrivacyContact.model_construct(),
        description="The data protection officer (DPO) and how to reach them.",
    )
    purposes: list[Line] = Field(
        default=[],
        description="Why the data are collected (registration, attendance, analysis...).",
    )
    legal_basis: Line = Field(
        default="",
        description="The legal basis; for a public body usually art. 6-1-e of the RGPD (a task "
        "carried out in the public interest). Empty: that one is stated.",
    )
    data: list[Line] = Field(
        default=[], description="What is collected (name, structure, signature, e-mail...)."
    )
    recipients: list[Line] = Field(
        default=[],
        description="Who receives the data besides the controller; the consultant is added as "
        "processor (sous-traitant).",
    )
    retention: Line = Field(default="", description="How long the data are kept.")
    rights: Text = Field(
        default="",
        description="How to exercise the rights (access, rectification, erasure, limitation, "
        "objection); empty: by writing to the DPO, else to the controller.",
    )
