"""The mapping file: how the rows of one export become feedback items (``--map MAP.yaml``).

A YAML file, validated like the engagement (unknown keys refused with a suggestion, every
problem located at its line), whose scenario and criterion ids must exist in the engagement.
docs/import.md documents each key; ``--init-map`` writes a scaffold listing what the export holds.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping as AnyMapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError, field_validator

from ..common.errors import FileProblem, LocatedError
from ..common.files import read_bytes
from ..common.suggest import suggest
from ..engagement.model import Engagement
from ..engagement.model.base import Identifier, Strict, fold
from ..engagement.model.workshops import IdList, Polarity

SOURCES = ("decidim", "consul", "cap-collectif", "make", "limesurvey", "framaforms", "csv")
Loc = tuple[int | str, ...]


def _text_keys(value: Any) -> Any:
    """YAML reads ``1:`` and ``-1:`` as numbers: every key of a value table is text here."""
    if isinstance(value, AnyMapping):
        return {("" if key is None else _text(key)): inner for key, inner in value.items()}
    return value


def _text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)


def _text_list(value: Any) -> Any:
    """``exclude: [2109, 2110]``: ids written as numbers are ids all the same."""
    if isinstance(value, list):
        return [_text(item) for item in value]
    return value


Values = Annotated[dict[str, Identifier | None], BeforeValidator(_text_keys)]
PolarityValues = Annotated[dict[str, Polarity | None], BeforeValidator(_text_keys)]


class ScenarioRules(Strict):
    """``by``: a key of the export (component, category, question, a column) -> value -> scenario."""

    by: Annotated[dict[str, Values], BeforeValidator(_text_keys)] = {}
    default: Identifier | None = None


class PolarityRules(Strict):
    """``by``: a key (alignment, a colour, an answer column) -> value -> ``+ - ? idee``."""

    by: Annotated[dict[str, PolarityValues], BeforeValidator(_text_keys)] = {}
    default: Polarity | None = None


class IntensityRules(Strict):
    """``default`` 1-3; ``votes``: the fewest votes giving intensity 2 and 3 (``{2: 5, 3: 20}``)."""

    default: int = Field(default=1, ge=1, le=3)
    votes: Annotated[
        dict[Literal["2", "3"], Annotated[int, Field(ge=0)]], BeforeValidator(_text_keys)
    ] = {}
    column: str | None = Field(
        default=None, description="The column holding the vote count (default: the platform's)."
    )

    @field_validator("votes")
    @classmethod
    def _increasing(cls, value: dict[str, int]) -> dict[str, int]:
        if "2" in value and "3" in value and value["3"] < value["2"]:
            raise ValueError("the votes for intensity 3 must be at least those for intensity 2")
        return value


def _question(value: Any) -> Any:
    """``skip`` and a bare scenario id are short for ``{skip: true}`` and ``{scenario: ID}``."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"skip": True} if value.strip().lower() == "skip" else {"scenario": value}
    return value


class QuestionRule(Strict):
    """What the answers to one survey question become."""

    scenario: Identifier | None = None
    polarity: Literal["likert"] | Polarity | PolarityValues | None = None
    criteria: IdList = []
    theme: str | None = None
    skip: bool = False


Question = Annotated[QuestionRule, BeforeValidator(_question)]


def _separator(value: Any) -> Any:
    return {"tab": "\t", "\\t": "\t"}.get(value, value) if isinstance(value, str) else value


class Mapping(Strict):
    """How an export becomes feedback items; every key optional."""

    source: (
        Literal["decidim", "consul", "cap-collectif", "make", "limesurvey", "framaforms", "csv"]
        | None
    ) = None
    language: Literal["fr", "en"] | None = None
    encoding: str | None = None
    separator: Annotated[Literal[";", ",", "\t", "|"] | None, BeforeValidator(_separator)] = None
    sheet: str | None = None
    id_prefix: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,23}$")] | None = None
    columns: dict[str, str] = {}
    only: list[str] = []
    exclude: Annotated[list[str], BeforeValidator(_text_list)] = []
    replies: Literal["keep", "skip"] = "keep"
    scenario: ScenarioRules = ScenarioRules()
    polarity: PolarityRules = PolarityRules()
    intensity: IntensityRules = IntensityRules()
    criteria: dict[Identifier, list[str]] = {}
    theme: str | None = None
    questions: Annotated[dict[str, Question], BeforeValidator(_text_keys)] = {}

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown encoding {value!r} (utf-8, utf-16, cp1252...)") from None
        return value

    @field_validator("criteria")
    @classmethod
    def _keywords(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for criterion, words in value.items():
            if not any(fold(word) for word in words):
                raise ValueError(f"criterion {criterion}: list at least one keyword")
        return value

    def question(self, key: str, header: str) -> QuestionRule | None:
        """The rule of a survey question, by its key (``3``, ``Q2[SQ001]``) or its text."""
        rule = self.questions.get(key) or self.questions.get(header)
        if rule is not None:
            return rule
        folded = fold(header)
        for name, candidate in self.questions.items():
            if fold(name) in (fold(key), folded) or (
                len(name) > 8 and folded.startswith(fold(name))
            ):
                return candidate
        return None


def load_mapping(path: Path, name: str, engagement: Engagement, source: str) -> Mapping:
    """Read, validate and check a mapping file against the engagement's ids.

    Raises:
        FileProblem: the file cannot be read.
        LocatedError: every problem of the file, at its line.
    """
    from ..engagement.loader import located, validation_problems
    from ..engagement.yamlio import safe_load

    raw = read_bytes(path, name, "catalog")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(f"{name}: not UTF-8 text; save it as UTF-8") from None
    data = safe_load(text, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LocatedError.merge(
            [
                located(
                    text,
                    name,
                    [((), "expected a mapping of keys (scenario:, polarity:...)", False)],
                )
            ]
        )
    try:
        mapping = Mapping.model_validate(data)
    except ValidationError as error:
        raise located(text, name, validation_problems(error, _allowed_keys)) from None
    issues = check_ids(mapping, engagement, source)
    if issues:
        raise located(text, name, issues)
    return mapping


def check_ids(mapping: Mapping, engagement: Engagement, source: str) -> list[tuple[Loc, str, bool]]:
    """Scenario and criterion ids the engagement does not know, and a mapping for another source."""
    scenarios = {s.id for s in engagement.scenarios}
    criteria = {c.id for c in engagement.grid.criteria}
    issues: list[tuple[Loc, str, bool]] = []

    def scenario(loc: Loc, value: str | None) -> None:
        if value is not None and value not in scenarios:
            issues.append((loc, f"unknown scenario {value!r}{suggest(value, scenarios)}", False))

    def criterion(loc: Loc, value: str, at_key: bool = False) -> None:
        if value not in criteria:
            issues.append((loc, f"unknown criterion {value!r}{suggest(value, criteria)}", at_key))

    if mapping.source is not None and mapping.source != source:
        issues.append((("source",), f"this mapping is for {mapping.source}, not {source}", False))
    for key, values in mapping.scenario.by.items():
        for value, target in values.items():
            scenario(("scenario", "by", key, value), target)
    scenario(("scenario", "default"), mapping.scenario.default)
    for crit in mapping.criteria:
        criterion(("criteria", crit), crit, at_key=True)
    for key, rule in mapping.questions.items():
        scenario(("questions", key, "scenario"), rule.scenario)
        for index, crit in enumerate(rule.criteria):
            criterion(("questions", key, "criteria", index), crit)
    return issues


_FIELDS: dict[str, type[Strict]] = {
    "scenario": ScenarioRules,
    "polarity": PolarityRules,
    "intensity": IntensityRules,
}


def _allowed_keys(loc: Loc) -> list[str]:
    """The keys allowed at ``loc`` of a mapping file, for "did you mean"."""
    if not loc:
        return list(Mapping.model_fields)
    if len(loc) == 1 and isinstance(loc[0], str) and loc[0] in _FIELDS:
        return list(_FIELDS[loc[0]].model_fields)
    if len(loc) == 2 and loc[0] == "questions":
        return list(QuestionRule.model_fields)
    return []
