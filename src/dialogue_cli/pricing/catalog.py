"""The catalog of quote options: the shipped default or the consultant's own price list.

A catalog file is YAML: ``version: 1`` and ``options:``, a list of entries with an ``id``, a
``label``, a ``description``, a ``unit`` and either a ``unit_price`` (EUR HT) or ``days``
(priced at the engagement's ``day_rate``); a per-unit entry may say how many consultant days
one unit takes (``effort_days``), which the quote's duration counts. A broken file is reported as
``file:line:col: options[2].unit_price: message``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, model_validator

from ..common.errors import LocatedError, Problem
from ..engagement.model.base import Days, Identifier, Label, Line, Strict, Text
from ..engagement.model.pricing import Price

DEFAULT_NAME = "dialogue_cli/data/catalog.yaml"


class CatalogEntry(Strict):
    """One priced option of the catalog."""

    id: Identifier
    label: Label
    description: Text = ""
    unit: Line = Field(default="forfait", min_length=1)
    unit_price: Price | None = None
    days: Days | None = Field(default=None, gt=0, le=1000)
    effort_days: Days | None = Field(
        default=None,
        ge=0,
        le=1000,
        description="Consultant days one unit of a per-unit entry takes: counted in the "
        "quote's duration, never in its price.",
    )

    @model_validator(mode="after")
    def _check_priced(self) -> Self:
        if self.days is not None and self.effort_days is not None:
            raise ValueError(
                "'effort_days' is for per-unit entries; a day-priced entry counts its 'days'"
            )
        if (self.unit_price is None) == (self.days is None):
            raise ValueError(
                "give 'unit_price' (EUR HT) or 'days' (priced at the day rate), exactly one"
            )
        return self

    @property
    def per_unit(self) -> bool:
        """Priced per unit (whole quantities only), rather than in days."""
        return self.unit_price is not None


class CatalogFile(Strict):
    """The whole catalog file."""

    version: Literal[1] = 1
    options: list[CatalogEntry] = Field(min_length=1)


@dataclass(frozen=True)
class Catalog:
    """The options a quote may cite by id, in the file's order."""

    entries: tuple[CatalogEntry, ...]
    source: str

    def get(self, entry_id: str) -> CatalogEntry | None:
        """The entry with this id, or None."""
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def ids(self) -> list[str]:
        return [entry.id for entry in self.entries]

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def of(entries: Sequence[CatalogEntry], source: str = "(memory)") -> Catalog:
    """A catalog built in memory (tests, other tools)."""
    return Catalog(tuple(entries), source)


@cache
def default_catalog(language: str = "fr") -> Catalog:
    """The catalog shipped with the package (prices clearly marked as editable); read once a
    run (it is immutable, and `quote` asks for it twice).

    Args:
        language: ``fr`` (default) or ``en``: the language of the labels; ids and prices are
            the same in both.
    """
    from importlib.resources import files

    file = "catalog.en.yaml" if language == "en" else "catalog.yaml"
    text = files("dialogue_cli").joinpath("data", file).read_text(encoding="utf-8")
    return parse_catalog(text, DEFAULT_NAME.replace("catalog.yaml", file))


def load_catalog(path: Path, name: str) -> Catalog:
    """Read and validate a catalog file.

    Args:
        path: the file.
        name: how to name it in messages.

    Returns:
        The catalog.

    Raises:
        FileProblem: the file cannot be read at all.
        LocatedError: the YAML is broken or an entry is invalid (file:line:col).
    """
    from ..engagement.yamlio import read_text

    return parse_catalog(read_text(path, name, "catalog"), name)


def parse_catalog(text: str, name: str) -> Catalog:
    """Validate the text of a catalog file named ``name``; see :func:`load_catalog`."""
    from pydantic import ValidationError

    from ..engagement.yamlio import safe_load

    data = safe_load(text, name)
    if data is None:
        raise LocatedError(
            [
                Problem(
                    name, 1, 0, "", "the catalog is empty: it needs 'options:', a list of entries"
                )
            ]
        )
    if not isinstance(data, dict):
        raise LocatedError(
            [Problem(name, 1, 1, "", "expected a mapping with 'version: 1' and 'options:'")]
        )
    try:
        parsed = CatalogFile.model_validate(data)
    except ValidationError as error:
        from ..engagement.loader import located, validation_problems

        raise located(text, name, validation_problems(error, _allowed_keys)) from None
    issues: list[tuple[tuple[int | str, ...], str, bool]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(parsed.options):
        if entry.id in seen:
            issues.append(
                (
                    ("options", index, "id"),
                    f"duplicate id {entry.id!r} (already used by entry {seen[entry.id] + 1})",
                    False,
                )
            )
        seen.setdefault(entry.id, index)
    if issues:
        from ..engagement.loader import located

        raise located(text, name, issues)
    return Catalog(tuple(parsed.options), name)


def _allowed_keys(loc: tuple[int | str, ...]) -> list[str]:
    """The keys of the mapping at ``loc``: an entry's under ``options``, else the file's."""
    return list(CatalogEntry.model_fields if loc else CatalogFile.model_fields)
