"""The engagement model (Pydantic v2), one module per concern; import from here."""

from __future__ import annotations

from .analysis import Criterion, Grid, Scenario
from .base import CONDITIONS, GROUPS, LEVELS, WORKSHOP_GROUPS, Record, fold
from .engagement import DEFAULT_PHASE_DAYS, PHASES, Engagement, EngagementInfo, Phase, Phases
from .governance import Brand, Commitment, Governance, Indicator, Risk, Roles
from .parties import PUBLIC_KINDS, Client, Consultant, Contact
from .pricing import Advance, Expense, Option, Package, Pricing
from .stakeholders import MapSettings, Stakeholder, StakeholderContact
from .workshops import (
    POLARITIES,
    Creativity,
    FeedbackItem,
    Solution,
    SolutionTest,
    Workshop,
    normalize_polarity,
    split_ids,
)

__all__ = [
    "CONDITIONS", "DEFAULT_PHASE_DAYS", "GROUPS", "LEVELS", "PHASES", "POLARITIES", "PUBLIC_KINDS",
    "WORKSHOP_GROUPS", "Advance", "Brand", "Client", "Commitment", "Consultant", "Contact", "Creativity",
    "Criterion", "Engagement", "EngagementInfo", "Expense", "FeedbackItem", "Governance", "Grid",
    "Indicator", "MapSettings", "Option", "Package", "Phase", "Phases", "Pricing", "Record",
    "Risk", "Roles", "Scenario", "Solution", "SolutionTest", "Stakeholder", "StakeholderContact",
    "Workshop", "fold", "normalize_polarity", "split_ids",
]  # fmt: skip
