"""The root of ``engagement.yaml``."""

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from .analysis import Grid, Scenario
from .base import Date, Days, Line, Record, Strict, Text
from .communication import Communication
from .governance import (
    Brand,
    Commitment,
    ExpectedDeliverable,
    Governance,
    Indicator,
    Means,
    Risk,
    Rules,
)
from .parties import Client, Consultant
from .pricing import Pricing
from .privacy import Privacy
from .stakeholders import MapSettings, Stakeholder
from .workshops import Creativity, Workshop

PHASES = ("cadrage", "preparation", "ateliers", "analyse", "creativite", "livrables")
# Days of the 12-day package, phase by phase (domain brief, section 5).
DEFAULT_PHASE_DAYS = {
    "cadrage": Decimal("1"),
    "preparation": Decimal("2.5"),
    "ateliers": Decimal("3"),
    "analyse": Decimal("2"),
    "creativite": Decimal("1.5"),
    "livrables": Decimal("2"),
}


class EngagementInfo(Strict):
    """What the engagement is called and when it starts."""

    # The subject of the Word documents' properties (255 characters once French-spaced).
    title: str = Field(default="Stratégie de dialogue citoyen", min_length=1, max_length=120)
    # The identifier of the Word documents' properties, and part of the quote's number.
    reference: str = Field(default="", max_length=100)
    start: Date | None = None
    document_date: Date | None = Field(
        default=None,
        description="The date the deliverables carry and are written at (what is done, what "
        "is to come); `render --date` overrides it; default: today.",
    )
    version: str = Field(
        default="",
        max_length=40,
        description="Version of the deliverables printed on every cover, e.g. '1.0' or '0.3'.",
    )
    validated_by: str = Field(
        default="",
        max_length=300,
        description="Who validated this version, e.g. 'Comité de pilotage du 8 mars 2027'; "
        "empty: the covers say it is a working document.",
    )
    context: Text = ""
    negotiable: list[Line] = []
    non_negotiable: list[Line] = []


class Phase(Strict):
    """One of the six phases of the method."""

    days: Days = Field(ge=0, le=1000)
    start: Date | None = None
    end: Date | None = None
    status: Literal["todo", "doing", "done"] = "todo"
    notes: Text = ""

    @model_validator(mode="after")
    def _check_dates(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


def _phase(name: str) -> Phase:
    return Phase(days=DEFAULT_PHASE_DAYS[name])


class Phases(Strict):
    """The six phases, in order; each has planned days, optional dates and a status."""

    cadrage: Phase = Field(default_factory=lambda: _phase("cadrage"))
    preparation: Phase = Field(default_factory=lambda: _phase("preparation"))
    ateliers: Phase = Field(default_factory=lambda: _phase("ateliers"))
    analyse: Phase = Field(default_factory=lambda: _phase("analyse"))
    creativite: Phase = Field(default_factory=lambda: _phase("creativite"))
    livrables: Phase = Field(default_factory=lambda: _phase("livrables"))

    def items(self) -> list[tuple[str, Phase]]:
        return [(name, getattr(self, name)) for name in PHASES]


class Synthesis(Strict):
    """What the consultant adds to the synthèse: the limits of the evidence, how items were coded."""

    limits: list[Line] = Field(
        default=[],
        description="Limits of the workshops' evidence besides those computed (who was missing, "
        "a session cut short...).",
    )
    coding: Text = Field(
        default="",
        description="Who coded the contributions and how (double coding, checks), for the method.",
    )


class Engagement(Strict):
    """A whole citizen-dialogue engagement."""

    version: Literal[1] = 1
    language: Literal["fr", "en"] = "fr"
    engagement: EngagementInfo = EngagementInfo.model_construct()
    client: Client
    consultant: Consultant = Consultant.model_construct()
    brand: Brand = Brand.model_construct()
    phases: Phases = Phases.model_construct()
    objectives: list[Record] = []
    means: list[Means] = []
    state_of_the_art: list[Record] = []
    stakeholders: list[Stakeholder] = []
    map: MapSettings = MapSettings.model_construct()
    scenarios: list[Scenario] = []
    grid: Grid = Grid.model_construct()
    workshops: list[Workshop] = []
    creativity: Creativity = Creativity.model_construct()
    governance: Governance = Governance.model_construct()
    rules: Rules = Field(
        default=Rules.model_construct(),
        description="The rules of the game: eligibility, moderation, drawing by lot.",
    )
    commitments: list[Commitment] = []
    indicators: list[Indicator] = []
    risks: list[Risk] = []
    deliverables: list[ExpectedDeliverable] = Field(
        default=[], description="What the scheme must produce (reports, dashboards...)."
    )
    synthesis: Synthesis = Synthesis.model_construct()
    communication: Communication = Field(
        default=Communication.model_construct(),
        description="How the collectivité speaks in the public documents and the internal note.",
    )
    pricing: Pricing = Pricing.model_construct()
    privacy: Privacy = Field(
        default=Privacy.model_construct(),
        description="The personal-data notice (RGPD art. 13) of the scheme and its sessions.",
    )
