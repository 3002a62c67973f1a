"""Usage scenarios and the analysis grid they are judged against."""

from typing import Annotated

from pydantic import AfterValidator, Field

from .base import (
    Condition,
    Float,
    Identifier,
    Label,
    Level,
    Line,
    RelativePath,
    Strict,
    Text,
    unique,
)


class Scenario(Strict):
    """A usage scenario shown in the workshops (or, if transversal, cross-cutting remarks)."""

    id: Identifier
    title: Label
    description: Text = ""
    transversal: bool = False
    level: Level | None = None
    picture: RelativePath | None = Field(
        default=None,
        description="A picture shown on the scenario's slide in the workshop kit (PNG or JPEG, "
        "relative to the engagement file).",
    )
    picture_alt: Line = Field(
        default="",
        description="What the picture shows, for readers who cannot see it (its alternative "
        "text); default: the scenario's title.",
    )


class Criterion(Strict):
    """A criterion of the analysis grid, tied to the conditions of a durable dialogue it serves."""

    id: Identifier
    label: Label
    description: Text = ""
    weight: Float = Field(gt=0, le=1000)
    # A condition listed twice ("[elus, élus]") counts once: it would weigh twice in K otherwise.
    conditions: Annotated[list[Condition], AfterValidator(unique)] = Field(min_length=1)


class Grid(Strict):
    """The analysis grid built in preparation."""

    threshold: Float = Field(
        default=0.0, ge=-1, le=1, description="Minimum condition score for a viable option."
    )
    min_items: int = Field(
        default=3,
        ge=1,
        le=10_000,
        description="A group or condition score resting on fewer scored items is weak evidence.",
    )
    criteria: list[Criterion] = []
