"""The pieces of a session's kit: their templates and the files they become.

The templates keep French file names in both languages' folders, like the deliverables'
(``atelier-deroule.docx``); a session's files are named in the engagement's language and carry
the session's code, so that a file sent or printed on its own still says whose it is:
``ateliers/AT-ELUS/deroule-AT-ELUS.docx`` (``run-sheet-AT-ELUS.docx`` in English).
"""

from __future__ import annotations

from typing import NamedTuple

from ..catalog import Deliverable
from .words import KIT_WORDS

DEFAULT_FOLDER = "ateliers"


class Piece(NamedTuple):
    """One file of a session's kit: its key, its template (None: computed) and its suffix."""

    key: str
    template: str | None
    suffix: str
    title_fr: str
    title_en: str


DECK = Piece("deck", "atelier-diaporama.pptx", ".pptx", "Diaporama", "Slides")
CAPTURE = Piece(
    "capture", "atelier-fiches-saisie.docx", ".docx", "Fiches de saisie", "Capture sheets"
)
SOLUTIONS = Piece(
    "capture", "atelier-fiches-solutions.docx", ".docx", "Fiches de solutions", "Solution sheets"
)
ATTENDANCE = Piece(
    "attendance", "atelier-emargement.docx", ".docx", "Feuille d’émargement", "Attendance sheet"
)
RUN = Piece("run", "atelier-deroule.docx", ".docx", "Déroulé de la séance", "Run sheet")
FEEDBACK = Piece("feedback", None, ".csv", "Retours pré-remplis", "Pre-filled feedback")

# The pieces of each kind of session, in the order of the table `dialogue workshop` prints.
WORKSHOP_PIECES = (DECK, CAPTURE, ATTENDANCE, RUN, FEEDBACK)
CREATIVITY_PIECES = (DECK, SOLUTIONS, ATTENDANCE, RUN)
# Every template of the kit (`templates export` copies them, `templates check` knows them).
TEMPLATE_FILES: tuple[str, ...] = tuple(
    p.template for p in (DECK, CAPTURE, SOLUTIONS, ATTENDANCE, RUN) if p.template
)
WORD_TEMPLATES: tuple[Piece, ...] = (CAPTURE, SOLUTIONS, ATTENDANCE, RUN)


def pieces(kind: str) -> tuple[Piece, ...]:
    """The pieces of a ``workshop`` or of the ``creativity`` session."""
    return WORKSHOP_PIECES if kind == "workshop" else CREATIVITY_PIECES


def file_name(piece: Piece, code: str, language: str) -> str:
    """``deroule-AT-ELUS.docx``: the piece's name in ``language``, the session's code."""
    words = KIT_WORDS.get(language, KIT_WORDS["fr"])
    return f"{words['files'][piece.key]}-{code}{piece.suffix}"


def as_deliverable(piece: Piece) -> Deliverable:
    """A Word piece as the render machinery names a template (``render.documents.render_one``)."""
    assert piece.template is not None and piece.template.endswith(".docx")
    name = piece.template.removesuffix(".docx")
    return Deliverable(name, piece.title_fr, piece.title_en, "", "", name)


BY_TEMPLATE: dict[str, Piece] = {p.template: p for p in (DECK, *WORD_TEMPLATES) if p.template}
