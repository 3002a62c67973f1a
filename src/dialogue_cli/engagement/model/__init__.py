"""The engagement model (Pydantic v2), one module per concern; import from here."""

from __future__ import annotations

from .analysis import Criterion, Grid, Scenario
from .base import CONDITIONS, GROUPS, LEVELS, WORKSHOP_GROUPS, Record, fold
from .engagement import DEFAULT_PHASE_DAYS, PHASES, Engagement, EngagementInfo, Phase, Phases
from .governance import Brand, Commitment, Governance, Indicator, Risk, Roles
from .parties import PUBLIC_KINDS, Client, Consultant, Contact, PublicContact
from .pricing import Advance, Expense, Option, Package, Pricing
from .privacy import Privacy, PrivacyContact
from .stakeholders import MapSettings, Stakeholder, StakeholderContact
from .workshops import (
    POLARITIES,
    Creativity,
    FeedbackItem,
    Session,
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
    "Indicator", "MapSettings", "Option", "Package", "Phase", "Phases", "Pricing", "Privacy", "PrivacyContact", "PublicContact", "Record",
    "Risk", "Roles", "Scenario", "Session", "Solution", "SolutionTest", "Stakeholder", "StakeholderContact",
    "Workshop", "fold", "normalize_polarity", "split_ids",
]  # fmt: skip
