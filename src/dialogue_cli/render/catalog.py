"""The six deliverables `dialogue render` writes: file names and titles, in both languages."""

from __future__ import annotations

from typing import NamedTuple


class Deliverable(NamedTuple):
    """One Word document: its name (``--only``), its file and its title per language.

    ``name`` is the document's id and the name of its template file (``filename``); the file a
    render writes is named in the engagement's language (:meth:`output_name`):
    ``cahier-des-charges.docx`` in French, ``specification.docx`` in English.
    """

    name: str
    title_fr: str
    title_en: str
    audience_fr: str
    audience_en: str
    name_en: str

    @property
    def filename(self) -> str:
        """The template's file name (the same in both languages' template folders)."""
        return f"{self.name}.docx"

    def output_name(self, language: str) -> str:
        """The file a render writes: ``devis.docx`` in French, ``quote.docx`` in English."""
        return f"{self.name_en if language == 'en' else self.name}.docx"

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_fr

    def audience(self, language: str) -> str:
        return self.audience_en if language == "en" else self.audience_fr


DELIVERABLES: tuple[Deliverable, ...] = (
    Deliverable(
        "cahier-des-charges", "Cahier des charges du dispositif de dialogue citoyen",
        "Specification of the citizen-dialogue scheme",
        "Pour la collectivité", "For the public body", "specification",
    ),
    Deliverable(
        "communication-interne", "Kit de communication interne",
        "Internal communication kit", "Pour les élus et les agents", "For elected members and staff",
        "internal-communication",
    ),
    Deliverable(
        "communication-externe", "Kit de communication externe",
        "External communication kit", "Pour les habitants", "For residents",
        "external-communication",
    ),
    Deliverable(
        "kit-roi-citoyen", "Kit d'usage du ROI citoyen",
        "Citizen ROI usage kit", "Pour évaluer les futurs dispositifs", "To assess future schemes",
        "citizen-roi-kit",
    ),
    Deliverable(
        "synthese-ateliers", "Synthèse des ateliers",
        "Workshop analysis report", "Analyse des retours des trois ateliers",
        "Analysis of the three workshops' feedback", "workshop-report",
    ),
    Deliverable("devis", "Devis", "Quote", "Proposition d'intervention", "Engagement proposal", "quote"),
)  # fmt: skip

# The other forms of the public message, written beside the communication externe's .docx from
# the same data: the press release and the easy-to-read (FALC) draft. Their templates are built
# and overridden like the six (by file name); `--only` does not name them.
PRESS_RELEASE = Deliverable(
    "communique-de-presse", "Communiqué de presse", "Press release", "Pour la presse",
    "For the press", "press-release",
)  # fmt: skip
EASY_READ = Deliverable(
    "facile-a-lire", "Facile à lire et à comprendre", "Easy to read", "Pour tous les habitants",
    "For all residents", "easy-read",
)  # fmt: skip
COMPANIONS: dict[str, tuple[Deliverable, ...]] = {
    "communication-externe": (PRESS_RELEASE, EASY_READ)
}
# The formats `render --format` writes; html and md only for the documents that have a web form.
FORMATS = ("docx", "html", "md")
WEB_FORMS = frozenset({"communication-externe"})

NAMES: tuple[str, ...] = tuple(d.name for d in DELIVERABLES)
BY_NAME: dict[str, Deliverable] = {d.name: d for d in DELIVERABLES}
# --only accepts a document by its French or its English name.
BY_ANY_NAME: dict[str, Deliverable] = {**BY_NAME, **{d.name_en: d for d in DELIVERABLES}}
# Every document a render may write, companions included, by name.
DOCUMENTS: dict[str, Deliverable] = {d.name: d for d in (*DELIVERABLES, PRESS_RELEASE, EASY_READ)}
BY_FILENAME: dict[str, Deliverable] = {
    d.filename: d for d in (*DELIVERABLES, PRESS_RELEASE, EASY_READ)
}
