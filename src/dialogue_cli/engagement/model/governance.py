"""What the scheme commits to: governance, commitments to participants, indicators, risks."""

from __future__ import annotations

from pydantic import Field

from .base import Condition, Identifier, Int, Label, Line, Name, RelativePath, Strict, Text


class Roles(Strict):
    """What each of the three parties does in the scheme."""

    elus: Text = ""
    services: Text = ""
    citoyens: Text = ""


class Governance(Strict):
    """Who steers and who guarantees the scheme."""

    sponsor: Line = ""
    committee: Text = ""
    opposition: Text = ""
    guarantor: Text = ""
    roles: Roles = Roles()


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
    target: Line = ""


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
