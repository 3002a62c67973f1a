"""The plain-data context of each deliverable, built from the engagement and computed results.

Every value is ready to print: money and dates through Babel, French typography, XML-illegal
characters removed. Templates place values and never compute. Pictures are :class:`Picture`
objects that the renderer turns into images bound to their document. The external document's
context is built from scratch without contacts, feedback authors or internal notes.

One module per document; the parts they share are in :mod:`.shared`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..results import Results
from ..values import Fmt, engagement_names
from .cahier_des_charges import cahier_des_charges
from .communication_externe import communication_externe
from .communication_interne import communication_interne
from .devis import devis
from .kit_roi_citoyen import kit_roi_citoyen
from .shared import Context
from .synthese_ateliers import synthese_ateliers

BUILDERS: dict[str, Callable[[Results, Fmt], Context]] = {
    "cahier-des-charges": cahier_des_charges,
    "communication-interne": communication_interne,
    "communication-externe": communication_externe,
    "kit-roi-citoyen": kit_roi_citoyen,
    "synthese-ateliers": synthese_ateliers,
    "devis": devis,
}


def build_context(name: str, results: Results) -> Context:
    """The context of deliverable ``name`` (see docs/templates.md)."""
    e = results.engagement
    return BUILDERS[name](results, Fmt(e.language, engagement_names(e)))
