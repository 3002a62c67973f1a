"""Names of the method's phases and groups in the client's language: one place for every module."""

from __future__ import annotations

from collections.abc import Mapping

PHASE_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "cadrage": "Cadrage",
        "preparation": "Préparation",
        "ateliers": "Ateliers",
        "analyse": "Analyse",
        "creativite": "Séance de créativité",
        "livrables": "Livrables",
    },
    "en": {
        "cadrage": "Scoping",
        "preparation": "Preparation",
        "ateliers": "Workshops",
        "analyse": "Analysis",
        "creativite": "Creativity session",
        "livrables": "Deliverables",
    },
}

GROUP_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "elus": "élus",
        "citoyens": "citoyens",
        "services": "services",
        "partenaires": "partenaires",
    },
    "en": {
        "elus": "elected members",
        "citoyens": "citizens",
        "services": "council staff",
        "partenaires": "partners",
    },
}


def phase_label(name: str, language: str = "fr") -> str:
    """``"creativite"`` -> ``"Séance de créativité"`` (or its English name)."""
    return PHASE_LABELS.get(language, PHASE_LABELS["fr"]).get(name, name)


_GROUP_NAMES: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "elus": "Élus",
        "citoyens": "Citoyens",
        "services": "Services",
        "partenaires": "Partenaires",
        "none": "Sans groupe",
    },
    "en": {
        "elus": "Elected members",
        "citoyens": "Citizens",
        "services": "Staff",
        "partenaires": "Partners",
        "none": "No group",
    },
}


def group_names(language: str = "fr") -> Mapping[str, str]:
    """Display names of the groups (``elus`` -> ``Élus``); key ``none`` for no group.

    Args:
        language: ``fr`` (default) or ``en``; anything else falls back to French.
    """
    return _GROUP_NAMES["en" if language == "en" else "fr"]
