"""Workshops, their feedback, and the creativity session."""

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from .base import (
    Date,
    Identifier,
    Int,
    Label,
    Line,
    Participants,
    RelativePath,
    Strict,
    Text,
    WorkshopGroup,
    fold,
    unique,
)

POLARITIES = ("+", "-", "?", "idee")

_POLARITY_ALIASES = {
    "+": "+", "positif": "+", "positive": "+", "pos": "+", "plus": "+", "like": "+",
    "-": "-", "\u2212": "-", "\u2013": "-", "negatif": "-", "negative": "-", "neg": "-",
    "moins": "-", "dislike": "-",
    "?": "?", "question": "?", "inquietude": "?",
    "idee": "idee", "idea": "idee", "suggestion": "idee", "\U0001f4a1": "idee",
}  # fmt: skip


def normalize_polarity(value: Any) -> Any:
    """Accept ``positif``, ``négatif``, ``idée``, ``question``... as the four polarities."""
    if isinstance(value, str):
        return _POLARITY_ALIASES.get(fold(value), value)
    return value


def split_ids(value: Any) -> Any:
    """Accept ``"MANDAT; COUT"`` (``;``, ``,`` or ``|``) as well as a YAML list."""
    if isinstance(value, str):
        return [
            part.strip()
            for part in value.replace("|", ";").replace(",", ";").split(";")
            if part.strip()
        ]
    if value is None:
        return []
    return value


Polarity = Annotated[Literal["+", "-", "?", "idee"], BeforeValidator(normalize_polarity)]
# Repeated ids count once ("UTILITE, UTILITE" would double a criterion's weight).
IdList = Annotated[list[Identifier], BeforeValidator(split_ids), AfterValidator(unique)]


class FeedbackItem(Strict):
    """What one participant said about one scenario, coded against the grid."""

    id: Identifier | None = None
    scenario: Identifier
    polarity: Polarity
    intensity: Int = Field(default=1, ge=1, le=3)
    criteria: IdList = []
    theme: Line = ""
    text: Text = ""
    author: Line = Field(
        default="", description="Personal data: never shown in external documents."
    )
    publish: bool | None = Field(
        default=None,
        description="Whether its author agreed to its publication: only such items are quoted "
        "in the public documents (never with the author). Default: the workshop's `publish`.",
    )


def _clock(value: Any) -> Any:
    """Accept ``18:30``, ``18h30``, ``18 h 30`` and ``18h`` as a time of day."""
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "").replace("h", ":")
        if text.endswith(":"):
            text += "00"
        hours, colon, minutes = text.partition(":")
        if colon and hours.isdigit() and len(hours) == 1:
            text = f"0{hours}:{minutes}"
        return text
    if isinstance(value, int | float):
        raise ValueError(f"{value} is not a time of day: write it as 18:30")
    return value


Clock = Annotated[dt.time, BeforeValidator(_clock)]
# A session's length in minutes: from a quarter of an hour to a whole day.
Minutes = Annotated[Int, Field(ge=15, le=720)]
# Who may come: anyone, on registration, or only those invited (a closed session).
Audience = Literal["public", "registration", "invitation"]
# A participants' profile: per category ("Âge"), the count of each value ("18–29 ans": 4).
Profile = dict[Line, dict[Line, Participants]]


class Session(Strict):
    """When and where a session takes place, and how to get in."""

    date: Date | None = None
    time: Clock | None = Field(default=None, description="Start time, e.g. 18:30.")
    duration: Minutes | None = Field(
        default=None,
        description="Length in minutes (default: 120 for a workshop, 180 for the creativity session).",
    )
    place: Line = ""
    access: Text = Field(
        default="",
        description="How to get there and in: public transport, parking, step-free access, "
        "induction loop, childcare...",
    )
    participants: Participants = 0
    audience: Audience | None = Field(
        default=None,
        description="Who may come: public (anyone), registration (anyone who registers) or "
        "invitation (closed). Default: public for the citizens' workshop, invitation for the "
        "élus' and services' workshops and the creativity session.",
    )
    registration: Line = Field(
        default="",
        description="How to register, for a session on registration, e.g. « avant le 1er mars "
        "auprès de la mission participation, 20 places ».",
    )
    recruitment: Text = Field(
        default="",
        description="How the participants were recruited (invitation, drawing by lot, "
        "volunteers...), for the synthèse's method.",
    )
    format: Text = Field(
        default="",
        description="How the session ran (length, tables, facilitation...), for the synthèse.",
    )
    profile: Profile = Field(
        default={},
        description="The participants' profile per category, e.g. {Âge: {18–29 ans: 4, "
        "30–59 ans: 12}}: for the synthèse and its limits.",
    )

    def who(self) -> str:
        """``public``, ``registration`` or ``invitation``: :attr:`audience` or its default."""
        return self.audience or "invitation"

    @property
    def open_to_residents(self) -> bool:
        """Whether residents may come (the public documents offer only such sessions)."""
        return self.who() in ("public", "registration")


class Workshop(Session):
    """One of the three separate workshops (élus, citoyens, services)."""

    id: Identifier
    group: WorkshopGroup
    publish: bool = Field(
        default=False,
        description="Default of its feedback items' `publish`: true when every participant "
        "agreed that their words be quoted (without their name) in the public documents.",
    )
    feedback: list[FeedbackItem] = []
    feedback_file: RelativePath | None = Field(
        default=None, description="CSV or XLSX, relative to the engagement file."
    )
    # Excel's own bound on a sheet's name.
    sheet: str | None = Field(
        default=None,
        min_length=1,
        max_length=31,
        description="XLSX sheet to read (default: the first).",
    )

    def who(self) -> str:
        """The citizens' workshop is public by default; the élus' and services' are closed."""
        return self.audience or ("public" if self.group == "citoyens" else "invitation")

    @model_validator(mode="after")
    def _closed_groups(self) -> Self:
        if self.group != "citoyens" and self.audience in ("public", "registration"):
            raise ValueError(
                f"audience: the {self.group} workshop is a closed session (residents cannot "
                "attend it): remove the audience, or set invitation"
            )
        return self


class SolutionTest(Strict):
    """How one group received a solution when it was tested."""

    group: WorkshopGroup
    verdict: Literal["+", "-", "="]
    note: Text = ""


class Solution(Strict):
    """A solution produced by the creativity session."""

    id: Identifier
    title: Label
    description: Text = ""
    scenarios: IdList = []
    changes: Text = Field(
        default="",
        description="What the solution changes in the option(s) it answers: how it lifts "
        "their blocking conditions.",
    )
    tests: list[SolutionTest] = []
    retained: bool = False
    easy_read: Line = Field(
        default="",
        description="The solution in one short sentence of everyday words, for the easy-to-read "
        "(FALC) version, e.g. « Des habitants tirés au sort donnent leur avis sur les bus. »",
    )
    rationale: Text = Field(
        default="",
        description="Why it is retained although a group rejected it (a '-' test) or an "
        "option it answers is not viable without a test from each blocking group.",
    )


class Creativity(Session):
    """The creativity session that turns options into solutions."""

    solutions: list[Solution] = []
