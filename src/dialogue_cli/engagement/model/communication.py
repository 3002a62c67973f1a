"""How the collectivité speaks to residents and agents: its public name, logo, press contact,
public meetings, the FAQ's answers and the easy-to-read version's validation."""

from pydantic import Field

from .base import Date, Email, Identifier, Label, Line, Name, RelativePath, Strict, Text
from .workshops import Clock, Minutes


class PressContact(Strict):
    """Who journalists call: printed at the end of the press release."""

    name: Name = ""
    role: Line = ""
    email: Email = ""
    phone: Line = ""


class PublicMeeting(Strict):
    """A meeting open to residents besides the workshops: a public meeting, a stand, a drop-in."""

    id: Identifier
    label: Label = Field(description="e.g. « Réunion publique de restitution ».")
    description: Text = ""
    date: Date | None = None
    time: Clock | None = Field(default=None, description="Start time, e.g. 18:30.")
    duration: Minutes | None = Field(default=None, description="Length in minutes.")
    place: Line = ""
    access: Text = Field(
        default="",
        description="How to get there and in: public transport, parking, step-free access...",
    )
    registration: Line = Field(
        default="", description="How to register; empty: open to all without registration."
    )


class FaqEntry(Strict):
    """An answer of the FAQ: to the workshops' questions of one theme, or to a question of its own.

    With ``scenario`` and ``theme``, it answers the questions of that theme asked about that
    scenario (the transversal one for the scheme itself); without them, ``question`` is a
    question about the scheme that the workshops did not raise.
    """

    scenario: Identifier | None = None
    theme: Line = ""
    question: Line = Field(
        default="",
        description="The question as agents will hear it; default: the most telling one asked.",
    )
    answer: Text = Field(
        default="", description="The validated answer; empty: « réponse à valider »."
    )


class Communication(Strict):
    """The collectivité's voice in the public documents and the internal note."""

    name: Line = Field(
        default="",
        description="The public name of the scheme, e.g. « Ormessac, à vous la parole » "
        "(default: the engagement's title).",
    )
    summary: Text = Field(
        default="",
        description="What the scheme is for, in the collectivité's words, two or three short "
        "sentences (default: a sentence from the facts).",
    )
    logo: RelativePath | None = Field(
        default=None, description="The collectivité's logo (PNG or JPEG) on its public documents."
    )
    color: str | None = Field(
        default=None,
        pattern="^#?[0-9A-Fa-f]{6}$",
        description="The collectivité's colour for its public documents (default: brand.primary_color).",
    )
    credit: bool = Field(
        default=False,
        description="One discreet line naming the consultant at the end of the public documents; "
        "off by default (the collectivité speaks alone).",
    )
    press_contact: PressContact = Field(
        default=PressContact.model_construct(),
        description="The press contact printed on the press release.",
    )
    press_quote: Text = Field(
        default="",
        description="A quote of the political sponsor (governance.sponsor) for the press release; "
        "empty: none (never invented).",
    )
    falc_validated_by: Line = Field(
        default="",
        description="Who checked the easy-to-read version (people with intellectual "
        "disabilities, e.g. « l'atelier FALC de l'ESAT des Mauges, le 3 mars 2027 »); empty: it "
        "is a draft and never carries the easy-to-read logo.",
    )
    falc_logo: RelativePath | None = Field(
        default=None,
        description="The European easy-to-read logo as obtained from Inclusion Europe (PNG or "
        "JPEG); printed only once falc_validated_by says who checked the text.",
    )
    key_messages: list[Line] = Field(
        default=[], description="The key messages of the internal note (default: from the facts)."
    )
    recipients: Line = Field(
        default="", description="« À : » of the internal note (default: all agents and élus)."
    )
    meetings: list[PublicMeeting] = Field(
        default=[],
        description="Meetings open to residents besides the workshops (public meeting, stand...).",
    )
    faq: list[FaqEntry] = Field(default=[], description="The FAQ's validated answers.")
