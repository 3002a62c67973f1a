"""What `dialogue init` is told (an option or an answer to a prompt), checked by the file's rules.

Each ``read_*`` function takes the text the user typed and returns the value the new
``engagement.yaml`` will hold, or raises :class:`ValueError` with what is wrong in words. The
bounds are the model's own (a value ``init`` accepts is one ``check`` accepts): the candidate
is validated by the model's section (``Client``, ``EngagementInfo``), and pydantic's error is
put in words as ``check`` puts it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..common.suggest import suggest
from .model.base import fold
from .scaffold import KINDS

LANGUAGES = ("fr", "en")

# Words of a client's name that say its kind, in the order they are tried ("Communauté de
# communes du Val" is an intercommunalité although it says "communes").
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(communaute|metropole|agglomeration|agglo|intercommunalite|syndicat|pays|pole|pnr|"
     r"parc naturel|epci|community|metropolitan|urban community)\b", "intercommunalite"),
    (r"\b(departement|departemental|county|collectivite europeenne|conseil general)\b",
     "departement"),
    (r"\b(region|regional|collectivite territoriale de)\b", "region"),
    (r"\b(ville|commune|mairie|village|municipalite|town|city|municipality)\b", "commune"),
    (r"\b(sas|sarl|sa|eurl|sasu|sci|association|entreprise|societe|company|ltd|inc|fondation)\b",
     "prive"),
)  # fmt: skip


def guess_kind(client: str) -> str:
    """The kind a client's name says: « Communauté de communes… » is an intercommunalité.

    ``commune`` when the name says nothing (most clients are communes).
    """
    words = fold(client).replace("'", " ").replace("-", " ")
    for pattern, kind in _KIND_WORDS:
        if re.search(pattern, words):
            return kind
    return "commune"


def read_client(text: str) -> str:
    name = text.strip()
    if not name:
        raise ValueError("the client's name cannot be empty")
    _check("Client", {"name": name}, "name")
    return name


def read_kind(text: str) -> str:
    """A kind of client; ``Intercommunalité`` (accents, capitals) reads as ``intercommunalite``."""
    value = fold(text)
    if value in KINDS:
        return value
    starts = [kind for kind in KINDS if value and kind.startswith(value)]
    hint = f" (did you mean {starts[0]!r}?)" if len(starts) == 1 else suggest(value, KINDS)
    raise ValueError(f"not a kind of client{hint}: {', '.join(KINDS)}")


def read_population(text: str) -> int | None:
    """Inhabitants: a whole number; ``18 200`` (French thousands) reads as 18200; empty: unknown."""
    value = text.strip()
    if not value:
        return None
    digits = re.sub(r"[\s\u00a0\u202f]", "", value)
    if not re.fullmatch(r"[+-]?\d+", digits):
        if re.fullmatch(r"[+-]?\d+[.,]\d+", digits):
            raise ValueError("not a whole number of inhabitants")
        raise ValueError("not a number of inhabitants: give digits, e.g. 25400")
    number = int(digits)
    _check("Client", {"name": "-", "population": number}, "population")
    return number


def read_start(text: str) -> dt.date | None:
    """The start date, YYYY-MM-DD (empty: not known yet)."""
    from ..common.dates import parse_date

    value = text.strip()
    if not value:
        return None
    day = parse_date(value)
    _check("EngagementInfo", {"start": day}, "start")
    return day


def read_language(text: str) -> str:
    value = text.strip().lower()
    if value in LANGUAGES:
        return value
    names = {"francais": "fr", "french": "fr", "anglais": "en", "english": "en"}
    if fold(value) in names:
        return names[fold(value)]
    raise ValueError("not a language of the documents: fr (French) or en (English)")


def _check(section: str, data: dict[str, Any], field: str) -> None:
    """Validate ``data`` with the model's ``section``; raise the error on ``field`` in words."""
    from pydantic import ValidationError

    from . import model
    from .loader import error_message

    try:
        getattr(model, section).model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if detail["loc"][:1] != (field,):
                continue
            bounds = detail.get("ctx") or {}
            if detail["type"] in ("greater_than_equal", "less_than_equal"):
                low = detail["type"] == "greater_than_equal"
                bound = bounds["ge" if low else "le"]
                if isinstance(bound, (dt.date, str)):
                    word = "from" if low else "until"
                    shown = bound.isoformat() if isinstance(bound, dt.date) else bound
                    raise ValueError(f"out of range: a date {word} {shown}") from None
                shown = f"{bound:,}".replace(",", " ")
                raise ValueError(f"must be {shown} or {'more' if low else 'less'}") from None
            raise ValueError(error_message(detail, detail["loc"]).split(", got ")[0]) from None
