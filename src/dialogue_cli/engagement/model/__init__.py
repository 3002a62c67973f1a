"""The engagement model (Pydantic v2), one module per concern; import from here.

The modules of the model do without ``from __future__ import annotations``: with it, pydantic
evaluates each field's annotation from its text when the class is made (about 4 ms of every
run, for some 50 classes); without it, Python has done that work.
"""

from .analysis import Criterion, Grid, Scenario
from .base import CONDITIONS, GROUPS, LEVELS, WORKSHOP_GROUPS, Record, fold
from .communication import Communication, FaqEntry, PressContact, PublicMeeting
from .engagement import (
    DEFAULT_PHASE_DAYS,
    PHASES,
    Engagement,
    EngagementInfo,
    Phase,
    Phases,
    Synthesis,
)
from .governance import (
    Brand,
    Commitment,
    ExpectedDeliverable,
    Governance,
    Indicator,
    Means,
    Milestone,
    Mission,
    Risk,
    Roles,
    Rules,
    Signatory,
)
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
    "CONDITIONS",
    "DEFAULT_PHASE_DAYS",
    "GROUPS",
    "LEVELS",
    "PHASES",
    "POLARITIES",
    "PUBLIC_KINDS",
    "WORKSHOP_GROUPS",
    "Advance",
    "Brand",
    "Client",
    "Commitment",
    "Communication",
    "Consultant",
    "Contact",
    "Creativity",
    "Criterion",
    "Engagement",
    "EngagementInfo",
    "ExpectedDeliverable",
    "Expense",
    "FaqEntry",
    "FeedbackItem",
    "Governance",
    "Grid",
    "Indicator",
    "MapSettings",
    "Means",
    "Milestone",
    "Mission",
    "Option",
    "Package",
    "Phase",
    "Phases",
    "PressContact",
    "Pricing",
    "Privacy",
    "PrivacyContact",
    "PublicContact",
    "PublicMeeting",
    "Record",
    "Risk",
    "Roles",
    "Rules",
    "Scenario",
    "Session",
    "Signatory",
    "Solution",
    "SolutionTest",
    "Stakeholder",
    "StakeholderContact",
    "Synthesis",
    "Workshop",
    "fold",
    "normalize_polarity",
    "split_ids",
]  # fmt: skip
