"""What the scheme commits to: governance, commitments to participants, indicators, risks."""

from typing import Literal

from pydantic import Field

from .base import (
    Amount,
    Condition,
    Date,
    Email,
    Fte,
    Identifier,
    Int,
    Label,
    Line,
    Name,
    Record,
    RelativePath,
    Strict,
    Text,
)


class Roles(Strict):
    """What each of the three parties does in the scheme."""

    elus: Text = ""
    services: Text = ""
    citoyens: Text = ""


class Signatory(Strict):
    """Who signs the internal note: the DGS, the maire or the président(e)."""

    name: Name = ""
    role: Line = Field(default="", description="e.g. « Directrice générale des services ».")


class Mission(Strict):
    """The participation mission: who agents pass contributions and questions to."""

    name: Line = Field(
        default="", description="A service or a person, e.g. « Mission participation »."
    )
    email: Email = ""
    phone: Line = ""


class Milestone(Strict):
    """A date of the agents' calendar (a committee, a deadline of the services)."""

    date: Date
    label: Label
    who: Line = Field(default="", description="Who is concerned, e.g. « directions techniques ».")


class Governance(Strict):
    """Who steers and who guarantees the scheme."""

    sponsor: Line = ""
    committee: Text = ""
    frequency: Line = Field(
        default="", description="How often the committee meets, e.g. « une fois par trimestre »."
    )
    opposition: Text = ""
    guarantor: Text = ""
    roles: Roles = Roles.model_construct()
    signatory: Signatory = Field(
        default=Signatory.model_construct(),
        description="Who signs the communication interne (De : ...).",
    )
    mission: Mission = Field(
        default=Mission.model_construct(),
        description="The participation mission's contact, given to agents in the communication "
        "interne.",
    )
    calendar: list[Milestone] = Field(
        default=[], description="Dates for the agents besides the sessions (committees, deadlines)."
    )


class Rules(Strict):
    """The rules of the game of the scheme (its charter)."""

    eligibility: Text = Field(default="", description="Who may take part, propose or vote.")
    moderation: Text = Field(default="", description="How contributions are moderated.")
    drawing_lots: Text = Field(
        default="", description="How members are drawn by lot, when some are (tirage au sort)."
    )
    other: list[Line] = Field(default=[], description="Other rules of the charter.")


class Means(Record):
    """A resource of the scheme, with its cost for the scheme's own budget."""

    amount: Amount | None = Field(default=None, description="Its cost in euros, to the cent.")
    period: Literal["year", "once"] = Field(
        default="year", description="year: the amount is spent every year; once: a one-off cost."
    )
    fte: Fte | None = Field(default=None, description="Staff time, in full-time equivalents (ETP).")


class ExpectedDeliverable(Record):
    """What the scheme itself must produce (a report, a public dashboard...)."""

    due: Line = Field(default="", description="When, e.g. « chaque année en juin ».")
    owner: Line = Field(default="", description="Who produces it.")


class Commitment(Strict):
    """A commitment of the public body to participants (droit de suite), with its response time."""

    id: Identifier
    label: Label
    delay_days: Int | None = Field(default=None, ge=0, le=3650)
    details: Text = ""


class Indicator(Strict):
    """An evaluation indicator for one of the three conditions (the ROI citoyen)."""

    id: Identifier
    group: Condition
    label: Label
    baseline: Line = Field(default="", description="Its value today (the starting point).")
    target: Line = ""
    source: Line = Field(default="", description="Where the figure comes from.")


class Risk(Strict):
    """A risk of the scheme and how it is mitigated."""

    id: Identifier
    label: Label
    mitigation: Text = ""


class Brand(Strict):
    """The consultant's identity applied to the default templates."""

    name: Name = ""
    logo: RelativePath | None = Field(
        default=None, description="PNG or JPEG, relative to the engagement file."
    )
    primary_color: str = Field(default="1F4E79", pattern="^#?[0-9A-Fa-f]{6}$")
