"""Shared pieces of the engagement model: the strict base class and tolerant vocabularies."""

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

GROUPS = ("elus", "citoyens", "services", "partenaires")
WORKSHOP_GROUPS = ("elus", "citoyens", "services")
CONDITIONS = ("elus", "services", "citoyens")
LEVELS = ("informer", "consulter", "concerter", "coconstruire", "codecider")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents and surrounding spaces: ``" Élus "`` -> ``"elus"``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_GROUP_ALIASES = {
    "elus": "elus", "elu": "elus", "elue": "elus", "elues": "elus",
    "citoyens": "citoyens", "citoyen": "citoyens", "habitants": "citoyens",
    "citoyennes": "citoyens",
    "services": "services", "service": "services", "agents": "services",
    "partenaires": "partenaires", "partenaire": "partenaires",
}  # fmt: skip

_LEVEL_ALIASES = {
    "informer": "informer", "information": "informer", "inform": "informer",
    "consulter": "consulter", "consultation": "consulter", "consult": "consulter",
    "concerter": "concerter", "concertation": "concerter", "involve": "concerter",
    "coconstruire": "coconstruire", "co-construire": "coconstruire",
    "coconstruction": "coconstruire", "co-construction": "coconstruire",
    "collaborate": "coconstruire",
    "codecider": "codecider", "co-decider": "codecider", "codecision": "codecider",
    "co-decision": "codecider", "empower": "codecider",
}  # fmt: skip


def normalize_group(value: Any) -> Any:
    """Accept ``élus``, ``Élus``, ``elu``... as ``elus``; leave anything else for the enum to reject."""
    if isinstance(value, str):
        return _GROUP_ALIASES.get(fold(value), value)
    return value


def normalize_level(value: Any) -> Any:
    """Accept ``co-construire``, ``concertation``, IAP2's English names... as a French level."""
    if isinstance(value, str):
        return _LEVEL_ALIASES.get(fold(value), value)
    return value


Group = Annotated[
    Literal["elus", "citoyens", "services", "partenaires"], BeforeValidator(normalize_group)
]
WorkshopGroup = Annotated[Literal["elus", "citoyens", "services"], BeforeValidator(normalize_group)]
Condition = Annotated[Literal["elus", "services", "citoyens"], BeforeValidator(normalize_group)]
Level = Annotated[
    Literal["informer", "consulter", "concerter", "coconstruire", "codecider"],
    BeforeValidator(normalize_level),
]
# What an id may hold; the loader says it in words ("letters without accents, digits...").
IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
Identifier = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=IDENTIFIER_PATTERN,
        description="A short identifier: letters, digits, '-', '_' or '.'.",
    ),
]
Text = Annotated[str, Field(max_length=20_000)]
# Bounds on the text of a file, so that what `check` accepts every document can hold.
# A name goes into the properties of the Word documents, which hold 255 characters: the longest
# deliverable title (52), " – " and a name whose French spacing at most doubles it fit.
NAME_LENGTH = 100
# A label or a title: a line of a table, a heading, a chart's label.
LABEL_LENGTH = 200
# A one-line field: a role, a place, an address, a phone number, a theme, an author.
LINE_LENGTH = 200
PATH_LENGTH = 1024
Name = Annotated[str, Field(max_length=NAME_LENGTH)]
Label = Annotated[str, Field(min_length=1, max_length=LABEL_LENGTH)]
Line = Annotated[str, Field(max_length=LINE_LENGTH)]


def _an_email(value: str) -> str:
    if value and ("@" not in value or value.startswith("@") or value.endswith("@")):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


# An e-mail address (or nothing): printed in documents, so at least an @ between two parts.
Email = Annotated[str, Field(max_length=LINE_LENGTH), AfterValidator(_an_email)]


def _not_a_boolean(value: Any) -> Any:
    """Refuse ``true``/``false`` where a number is expected (pydantic would read them as 1 and 0)."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()} (a yes/no value)")
    return value


def _a_path(value: str) -> str:
    if not value:
        raise ValueError(
            "empty: give the file's path (relative to engagement.yaml) or remove the key"
        )
    if "\x00" in value or any(ord(c) < 0x20 for c in value):
        raise ValueError("a control character in a file name: retype the path")
    return value


Number = BeforeValidator(_not_a_boolean)
# Counts and scores: whole numbers, never a yes/no value.
Int = Annotated[int, Number]
Float = Annotated[float, Number]
# Days of work, to the hundredth at most (the fields bound them, to 1000 days).
Days = Annotated[Decimal, Number, Field(decimal_places=2)]
# An amount of a budget in euros, to the cent (the scheme's means, not the quote's prices).
Amount = Annotated[Decimal, Number, Field(ge=0, le=Decimal("1000000000"), decimal_places=2)]
# Full-time equivalents of staff (ETP), to the hundredth.
Fte = Annotated[Decimal, Number, Field(ge=0, le=10_000, decimal_places=2)]
# People: a workshop, a session.
Participants = Annotated[int, Number, Field(ge=0, le=100_000)]
# A file beside the engagement (feedback file, logo, catalog).
RelativePath = Annotated[
    str,
    Field(max_length=PATH_LENGTH, description="A path relative to the engagement file."),
    AfterValidator(_a_path),
]
# Dates of an engagement: bounded so that date arithmetic (validity, calendars) never overflows.
Date = Annotated[
    dt.date,
    Field(ge=dt.date(1990, 1, 1), le=dt.date(2200, 12, 31), description="A date, YYYY-MM-DD."),
]


def unique(values: list[Any]) -> list[Any]:
    """``values`` without repeats, in their first order: ``[elus, élus]`` counts once."""
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


class Strict(BaseModel):
    """Base of every section: unknown keys are errors, values are immutable once loaded.

    ``defer_build``: a section builds its validator on its first use, not at import. Loading
    an engagement builds one, the root's, which holds every section; a section's own
    validator and serializer are built only if something validates or builds that section alone
    (`init` validates each answer against its section). Section defaults are therefore ``Model.model_construct()``, which
    needs no validator (``Model()`` would build it at import); a test holds each such default
    equal to what validating an empty section gives.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Record(Strict):
    """A small item of the preparation phase: an objective, a means, a reference."""

    id: Identifier
    label: Label
    details: Text = ""
