"""Stakeholders of the preparation phase, scored for the power/interest and salience maps."""

from pydantic import Field

from .base import Group, Identifier, Int, Label, Level, Line, Strict, Text


class StakeholderContact(Strict):
    """Personal data: used for invitations, never printed in external documents."""

    email: Line = ""
    phone: Line = ""


class Stakeholder(Strict):
    """A person or body the dialogue must reach."""

    id: Identifier
    name: Label
    group: Group | None = None
    role: Line = ""
    influence: Int = Field(
        ge=1, le=5, description="Power over the decision, 1 (none) to 5 (decides)."
    )
    interest: Int = Field(ge=1, le=5, description="How much the stake matters to them, 1 to 5.")
    legitimacy: bool | None = None
    urgency: bool | None = None
    position: Int = Field(default=0, ge=-2, le=2, description="-2 opposed ... +2 supportive.")
    level: Level | None = Field(
        default=None, description="Overrides the recommended participation level."
    )
    contact: StakeholderContact | None = None
    notes: Text = ""


class MapSettings(Strict):
    """Settings of the stakeholder map."""

    threshold: Int = Field(
        default=3, ge=1, le=5, description="Score from which influence or interest is high."
    )
