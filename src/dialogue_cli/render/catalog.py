"""The six deliverables `dialogue render` writes: file names and titles, in both languages."""

from __future__ import annotations

from typing import NamedTuple


class Deliverable(NamedTuple):
    """One Word document: its name (``--only``), its file and its title per language."""

    name: str
    title_fr: str
    title_en: str
    audience_fr: str
    audience_en: str

    @property
    def filename(self) -> str:
        return f"{self.name}.docx"

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_fr

    def audience(self, language: str) -> str:
        return self.audience_en if language == "en" else self.audience_fr


DELIVERABLES: tuple[Deliverable, ...] = (
    Deliverable(
        "cahier-des-charges", "Cahier des charges du dispositif de dialogue citoyen",
        "Specification of the citizen-dialogue scheme",
        "Pour la collectivité", "For the public body",
    ),
    Deliverable(
        "communication-interne", "Kit de communication interne",
        "Internal communication kit", "Pour les élus et les agents", "For elected members and staff",
    ),
    Deliverable(
        "communication-externe", "Kit de communication externe",
        "External communication kit", "Pour les habitants", "For residents",
    ),
    Deliverable(
        "kit-roi-citoyen", "Kit d'usage du ROI citoyen",
        "Citizen ROI usage kit", "Pour évaluer les futurs dispositifs", "To assess future schemes",
    ),
    Deliverable(
        "synthese-ateliers", "Synthèse des ateliers",
        "Workshop analysis report", "Analyse des retours des trois ateliers",
        "Analysis of the three workshops' feedback",
    ),
    Deliverable("devis", "Devis", "Quote", "Proposition d'intervention", "Engagement proposal"),
)  # fmt: skip

NAMES: tuple[str, ...] = tuple(d.name for d in DELIVERABLES)
BY_NAME: dict[str, Deliverable] = {d.name: d for d in DELIVERABLES}
BY_FILENAME: dict[str, Deliverable] = {d.filename: d for d in DELIVERABLES}
