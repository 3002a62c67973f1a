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


# The client's own vocabulary, by client.kind: the deliberative assembly and the executive, with
# the articles and contractions French needs (every assembly but « l'assemblée délibérante » is
# a masculine « conseil »: « au conseil communautaire », « du conseil départemental »). The one
# table every document and message reads; no template writes a council's name.
COUNCILS: dict[str, dict[str, dict[str, str]]] = {
    "fr": {
        "commune": {
            "council": "conseil municipal", "the_council": "le conseil municipal",
            "to_council": "au conseil municipal", "of_council": "du conseil municipal",
            "executive": "le maire", "members": "conseillers municipaux",
        },
        "intercommunalite": {
            "council": "conseil communautaire", "the_council": "le conseil communautaire",
            "to_council": "au conseil communautaire", "of_council": "du conseil communautaire",
            "executive": "le président ou la présidente", "members": "conseillers communautaires",
        },
        "departement": {
            "council": "conseil départemental", "the_council": "le conseil départemental",
            "to_council": "au conseil départemental", "of_council": "du conseil départemental",
            "executive": "le président ou la présidente du conseil départemental",
            "members": "conseillers départementaux",
        },
        "region": {
            "council": "conseil régional", "the_council": "le conseil régional",
            "to_council": "au conseil régional", "of_council": "du conseil régional",
            "executive": "le président ou la présidente du conseil régional",
            "members": "conseillers régionaux",
        },
        "autre": {
            "council": "assemblée délibérante", "the_council": "l'assemblée délibérante",
            "to_council": "à l'assemblée délibérante", "of_council": "de l'assemblée délibérante",
            "executive": "l'exécutif", "members": "membres de l'assemblée délibérante",
        },
    },
    "en": {
        "commune": {
            "council": "municipal council", "the_council": "the municipal council",
            "to_council": "to the municipal council", "of_council": "of the municipal council",
            "executive": "the mayor", "members": "municipal councillors",
        },
        "intercommunalite": {
            "council": "community council", "the_council": "the community council",
            "to_council": "to the community council", "of_council": "of the community council",
            "executive": "the president", "members": "community councillors",
        },
        "departement": {
            "council": "departmental council", "the_council": "the departmental council",
            "to_council": "to the departmental council", "of_council": "of the departmental council",
            "executive": "the president of the departmental council",
            "members": "departmental councillors",
        },
        "region": {
            "council": "regional council", "the_council": "the regional council",
            "to_council": "to the regional council", "of_council": "of the regional council",
            "executive": "the president of the regional council", "members": "regional councillors",
        },
        "autre": {
            "council": "governing assembly", "the_council": "the governing assembly",
            "to_council": "to the governing assembly", "of_council": "of the governing assembly",
            "executive": "the executive", "members": "members of the governing assembly",
        },
    },
}  # fmt: skip


def council(kind: str, language: str = "fr") -> Mapping[str, str]:
    """How the client of ``kind`` names its assembly and executive, in ``language``.

    ``council("intercommunalite")["to_council"]`` is ``"au conseil communautaire"``; an
    unknown kind reads as ``autre`` (« l'assemblée délibérante »).
    """
    table = COUNCILS["en" if language == "en" else "fr"]
    return table.get(kind, table["autre"])
