"""The columns of a feedback file: the headers each one accepts, and the header row read.

A header such as « Critères de la grille » names no column, and every item would then have
no criterion; the reader warns with the column it looks like (a word of it, or a near
spelling), and names it in the error when a required column is missing.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..common.errors import LocatedError, Problem, shown
from .model import POLARITIES, fold, normalize_polarity

if TYPE_CHECKING:
    from .feedback import References

COLUMNS = (
    "id", "scenario", "polarity", "intensity", "criteria", "theme", "text", "author", "publish",
)  # fmt: skip
REQUIRED_COLUMNS = ("scenario", "polarity")
# Headers accepted for each column, compared after `fold` (lower case, no accents, no spaces).
HEADER_ALIASES: dict[str, str] = {
    "id": "id", "identifiant": "id", "ref": "id", "reference": "id",
    "scenario": "scenario", "scenarios": "scenario", "scenario_id": "scenario",
    "option": "scenario",
    "polarity": "polarity", "polarite": "polarity", "avis": "polarity", "type": "polarity",
    "intensity": "intensity", "intensite": "intensity", "force": "intensity",
    "criteria": "criteria", "criterion": "criteria", "critere": "criteria",
    "criteres": "criteria", "grille": "criteria",
    "theme": "theme", "themes": "theme", "sujet": "theme",
    "text": "text", "verbatim": "text", "texte": "text", "commentaire": "text", "propos": "text",
    "author": "author", "auteur": "author", "participant": "author",
    "publish": "publish", "publier": "publish", "publication": "publish",
    "publiable": "publish", "consentement": "publish", "consent": "publish",
    "atelier": "workshop", "workshop": "workshop", "groupe": "workshop", "group": "workshop",
}  # fmt: skip
# What `dialogue feedback template` writes, per language.
TEMPLATE_HEADERS = {
    "fr": (
        "id",
        "scenario",
        "polarite",
        "intensite",
        "criteres",
        "theme",
        "verbatim",
        "auteur",
        "publier",
    ),
    "en": COLUMNS,
}
# Provenance columns of a file written by `dialogue feedback import`: where each item came from.
# The reader accepts and ignores them, and never takes one of them for a column of COLUMNS.
PROVENANCE_HEADERS = {
    "fr": ("plateforme_source", "id_source", "lien_source", "date_source"),
    "en": ("source_platform", "source_id", "source_url", "source_date"),
}
IGNORED_HEADERS = frozenset(header for names in PROVENANCE_HEADERS.values() for header in names)
# The French header of each column, as `feedback template` writes it (suggestions name these).
FRENCH = dict(zip(COLUMNS, TEMPLATE_HEADERS["fr"], strict=True)) | {"workshop": "atelier"}


def map_header(header: list[str], name: str, refs: References | None = None) -> dict[str, int]:
    """Column name -> index, from a header row in English or French.

    A header that names no column but looks like the name of one that is missing
    (``Critères de la grille`` for ``criteres``) is a warning in ``refs.warnings``: without it,
    every item would be read without criteria, unscored. A missing required column is an
    error naming the header that looks like it.
    """
    index: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for position, raw in enumerate(header):
        key = header_key(raw)
        if key in IGNORED_HEADERS or not key:
            continue
        column = HEADER_ALIASES.get(key) or HEADER_ALIASES.get(key.rstrip("s"))
        if column and column not in index:
            index[column] = position
        elif not column and len(unknown) < 50:
            unknown.append((position, raw.strip()))
    guesses = {
        position: guess
        for position, raw in unknown
        if (guess := looks_like(raw, index, HEADER_ALIASES, FRENCH)) is not None
    }
    if refs is not None and name not in refs.reported:
        for position, guess in guesses.items():
            raw = header[position].strip()
            refs.warnings.append(
                Problem(name, 1, 0, "header", f"column {shown(raw)} is not one dialogue reads "
                        f"(did you mean {guess!r}?): it is ignored, so {without(guess)}")
            )  # fmt: skip
    missing = [column for column in REQUIRED_COLUMNS if column not in index]
    if missing:
        cells = [cell.strip() for cell in header]
        looks_like_data = refs is not None and any(
            cell in refs.scenarios or normalize_polarity(cell) in POLARITIES for cell in cells
        )
        if not any(cells):
            message = "no header row: the first row must name the columns (scenario, polarite, ...)"
        elif looks_like_data and not index:
            message = (
                "no header row: the first row holds data; add a first row naming the columns: "
                + ";".join(TEMPLATE_HEADERS["fr"])
            )
        else:
            found = [h if len(h) <= 40 else h[:39] + "…" for h in header[:50] if h]
            named = [
                f"{shown(header[position].strip())} (did you mean {guess!r}?)"
                for position, guess in guesses.items()
                if HEADER_ALIASES.get(header_key(guess)) in missing
            ]
            message = (
                "missing column "
                + ", ".join(repr(m) for m in missing)
                + (f"; {', '.join(named)} is not a column name" if named else "")
                + f"; found: {', '.join(found)}"
                + (f" and {len(header) - 50} more" if len(header) > 50 else "")
            )
        raise LocatedError([Problem(name, 1, 0, "header", message)])
    return index


def header_key(raw: str) -> str:
    """A header as the reader compares it: lower case, no accents, ``_`` between words."""
    return fold(raw).replace(" ", "_").replace("-", "_").replace("'", "_")


def looks_like(
    raw: str, found: Mapping[str, int], aliases: Mapping[str, str], names: Mapping[str, str]
) -> str | None:
    """The header of a missing column that ``raw`` looks like, else None.

    Args:
        raw: a header that names no column.
        found: the columns the header row already has.
        aliases: each accepted header (folded) and its column.
        names: each column's header as suggested (the French template's).
    """
    words = [word.rstrip("s") for word in header_key(raw).split("_") if word]
    for alias, column in aliases.items():
        if column in found or column == "workshop":
            continue
        if len(alias) > 3 and alias.rstrip("s") in words:
            return names[column]
    close = difflib.get_close_matches(header_key(raw), list(aliases), n=1, cutoff=0.75)
    if close and aliases[close[0]] not in found and aliases[close[0]] != "workshop":
        return names[aliases[close[0]]]
    return None


def without(header: str) -> str:
    """What reading a file without the column ``header`` does."""
    effects = {
        "criteres": "no item gets a criterion and none is scored",
        "intensite": "every item has intensity 1",
        "id": "ids are made from the workshop and the row",
        "verbatim": "no item has a text",
        "theme": "no item has a theme",
        "auteur": "no item has an author",
    }
    return effects.get(header, "the column is left out")
