"""Load ``engagement.yaml``: find it, parse it, validate it, and locate every problem.

``load(path)`` returns a :class:`Project` or raises :class:`~dialogue_cli.common.errors.DialogueError`:
a :class:`~dialogue_cli.common.errors.LocatedError` lists every problem as
``file:line:col: path.to.field: what is wrong``, sorted by line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.errors import FileProblem, LocatedError, Problem, shown
from ..common.files import display_name
from ..common.suggest import suggest

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

    from .feedback import Feedback
    from .model import Engagement

FILENAME = "engagement.yaml"
# Problems listed for one file; the others are counted ("... and 950 more problems").
MAX_LISTED = 50
Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Project:
    """A loaded engagement and where it lives."""

    path: Path
    name: str
    engagement: Engagement

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def display(self, path: Path) -> str:
        """How to name a file in messages: relative to the working folder when it can."""
        return display_name(path)

    def feedback(
        self, *, warnings: list[Problem] | None = None, pending: Counter[str] | None = None
    ) -> Iterator[Feedback]:
        """Every feedback item, inline and from files, validated as it is read.

        ``warnings``, when given, receives what is odd but not wrong in the files (a header
        that looks like a misspelt column); ``pending`` counts per workshop the pre-printed
        rows not transcribed yet.
        """
        from .feedback import iter_all

        return iter_all(
            self.engagement,
            self.base_dir,
            display_name,
            self.name,
            warnings=warnings,
            pending=pending,
        )


def resolve(path: Path) -> Path:
    """Accept the engagement file or the folder that holds it."""
    if path.is_dir():
        candidate = path / FILENAME
        if not candidate.exists():
            alternatives = sorted(p.name for p in path.glob("*.y*ml"))
            hint = (
                f"; found {', '.join(alternatives)}"
                if alternatives
                else "; create one with `dialogue init`"
            )
            raise FileProblem(f"{display_name(path)}: no {FILENAME} in this folder{hint}")
        return candidate
    if not path.exists():
        raise FileProblem(f"{display_name(path)}: no such file or folder")
    return path


def load(path: Path) -> Project:
    """Read, parse and validate an engagement; raise a DialogueError naming every problem."""
    from pydantic import ValidationError

    from .model import Engagement
    from .yamlio import read_text, safe_load

    file = resolve(path)
    name = display_name(file)
    text = read_text(file, name)
    data = safe_load(text, name)
    if data is None:
        raise LocatedError(
            [Problem(name, 1, 0, "", "the file is empty: start from `dialogue init`")]
        )
    if not isinstance(data, dict):
        raise LocatedError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"expected a mapping of sections (client:, ...), got a {_kind(data)}",
                )
            ]
        )
    try:
        engagement = Engagement.model_validate(data)
    except ValidationError as error:
        raise located(text, name, validation_problems(error)) from None
    issues = check_references(engagement, file.parent)
    if issues:
        raise located(text, name, issues)
    return Project(file.resolve(), name, engagement)


def _kind(value: Any) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


# ---------------------------------------------------------------- pydantic errors -> messages


def validation_problems(
    error: ValidationError, allowed_keys: Callable[[Loc], list[str]] | None = None
) -> list[tuple[Loc, str, bool]]:
    """(loc, message, points at the key) for each pydantic error, in plain words.

    Args:
        error: the error of a model's validation.
        allowed_keys: the keys allowed in the mapping at a path, for "did you mean" on an
            unknown key; the engagement's by default.

    Returns:
        What :func:`located` takes: pydantic's own path parts (union tags...) left out.
    """
    out = []
    for detail in error.errors(include_url=False):
        loc = tuple(
            part for part in detail["loc"] if not (isinstance(part, str) and _is_pydantic_tag(part))
        )
        out.append(
            (loc, error_message(detail, loc, allowed_keys), detail["type"] == "extra_forbidden")
        )
    return out


def _is_pydantic_tag(part: str) -> bool:
    return part.startswith(
        ("function-", "literal[", "tagged-union[", "union[", "lax-or-strict[", "json-or-python[")
    )


def error_message(
    detail: ErrorDetails, loc: Loc, allowed_keys: Callable[[Loc], list[str]] | None = None
) -> str:
    """One pydantic error in plain words (``loc`` without pydantic's tags).

    Args:
        detail: the error, as ``ValidationError.errors()`` lists it.
        loc: its path in the data.
        allowed_keys: the keys allowed at a path, for "did you mean" (the engagement's by
            default).
    """
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        hint = suggest(key, (allowed_keys or _allowed_keys)(loc[:-1])) if len(key) <= 64 else ""
        if not hint and not key.replace("_", "").isalnum():
            # "{label: Un agent (0,5 ETP)}" reads as two keys: the comma splits the mapping.
            hint = " (a comma inside { } starts a new key: put the value in quotes)"
        return f"unknown key {shown(key)}{hint}"
    if kind == "missing":
        return "required, but missing"
    message = detail["msg"]
    # The value is quoted (cut short) only when it is a scalar: a mapping or a list, perhaps
    # the expansion of an alias, is named by its kind, never printed.
    scalar = not isinstance(value, (bool, dict, list, tuple)) and value is not None
    got = f", got {shown(value) if scalar else _described(value)}"
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    elif kind == "literal_error":
        message = f"{message}{got}"
    elif (
        kind in ("string_type",) and isinstance(value, (int, float)) and not isinstance(value, bool)
    ):
        message = f"expected text, got the number {shown(value)}: quote it ('{value}')"
    elif isinstance(value, bool) and kind.startswith(("int_", "float_", "decimal_")):
        message = f"expected a number{got}"
    elif kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        message = f"expected a date like 2027-01-15{got}"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"expected a mapping (key: value lines), got {_described(value)}"
    elif kind == "list_type":
        message = f"expected a list ('- ' items), got {_described(value)}"
    elif kind == "string_pattern_mismatch" and isinstance(value, str):
        message = _pattern_message(value, (detail.get("ctx") or {}).get("pattern"))
    elif kind == "string_too_long" and isinstance(value, str):
        message = f"{message} (it has {len(value):,})"
    elif (
        isinstance(value, (int, float, str))
        and not isinstance(value, bool)
        and len(str(value)) < 60
    ):
        message = f"{message}, got {value!r}"
    return message


def _pattern_message(value: str, pattern: object) -> str:
    """A text refused by a field's pattern, in words (never the regular expression)."""
    from .model.base import IDENTIFIER_PATTERN, fold

    if pattern != IDENTIFIER_PATTERN:
        return f"{shown(value)} is not written as this field expects"
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", fold(value).replace("'", "-")).strip("-_.")
    hint = f" (e.g. {slug!r})" if slug else ""
    return (
        f"{shown(value)} is not an id: an id is letters without accents, digits and - _ . "
        f"(starting with a letter or a digit){hint}"
    )


def _described(value: Any) -> str:
    """A value as an error message names it: the kind of a container, a scalar quoted short."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return f"a mapping of {len(value)} keys" if len(value) != 1 else "a mapping of 1 key"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} items" if len(value) != 1 else "a list of 1 item"
    if value is None:
        return "nothing (null)"
    return f"{_kind(value)} {shown(value)}"


def _allowed_keys(loc: Loc) -> list[str]:
    """The field names of the model found at ``loc`` (for "did you mean")."""
    import typing

    from pydantic import BaseModel

    from .model import Engagement

    current: Any = Engagement
    for part in loc:
        if isinstance(part, int):
            continue
        if (
            not (isinstance(current, type) and issubclass(current, BaseModel))
            or part not in current.model_fields
        ):
            return []
        current = current.model_fields[part].annotation
        # unwrap Optional[X] and list[X]
        for _ in range(3):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            origin = typing.get_origin(current)
            if origin in (list, typing.Union) or (
                origin is not None and str(origin) == "types.UnionType"
            ):
                current = args[0] if args else current
            elif args and origin is None:  # pragma: no cover
                current = args[0]
            else:
                break
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def located(text: str, name: str, issues: Sequence[tuple[Loc, str, bool]]) -> LocatedError:
    """Each ``(data path, message, points at the key)`` as a problem at its line and column.

    The text is parsed round-trip (slow, positions) only now that there is something to point at.
    The first :data:`MAX_LISTED` problems (by line) are listed, the others counted.
    """
    from .yamlio import position, roundtrip_load

    root = roundtrip_load(text, name)
    problems = []
    for loc, message, at_key in issues:
        line, col, _walked = position(root, loc, at_key=at_key)
        problems.append(Problem(name, line, col, format_loc(loc), message))
    problems = sorted(set(problems), key=lambda p: (p.line, p.col, p.path))
    return LocatedError(problems[:MAX_LISTED], hidden=max(0, len(problems) - MAX_LISTED))


def format_loc(loc: Loc) -> str:
    """A data path as messages write it: ``workshops[0].feedback[2].scenario``.

    A key is cut short (a hostile file's key can be megabytes long).
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = part if len(part) <= 64 else f"{part[:60]}…"
        out += f".{key}" if out else key
    return out or "(top level)"


# ---------------------------------------------------------------- references


def check_references(engagement: Engagement, base_dir: Path) -> list[tuple[Loc, str, bool]]:
    """Duplicate ids, dangling references and missing side files, with the loc of each."""
    issues: list[tuple[Loc, str, bool]] = []

    def unique(loc: Loc, items: Sequence[Any]) -> None:
        counts = Counter(item.id for item in items if getattr(item, "id", None))
        for index, item in enumerate(items):
            if getattr(item, "id", None) and counts[item.id] > 1:
                first = next(i for i, other in enumerate(items) if other.id == item.id)
                if index != first:
                    issues.append(
                        (
                            (*loc, index, "id"),
                            f"duplicate id {item.id!r} ({format_loc((*loc, first))} has it "
                            "already)",
                            False,
                        )
                    )

    e = engagement
    for key in ("objectives", "means", "state_of_the_art", "stakeholders", "scenarios", "workshops",
                "commitments", "indicators", "risks"):  # fmt: skip
        unique((key,), getattr(e, key))
    unique(("grid", "criteria"), e.grid.criteria)
    unique(("creativity", "solutions"), e.creativity.solutions)

    scenarios = {s.id for s in e.scenarios}
    criteria = {c.id for c in e.grid.criteria}
    seen_feedback: dict[str, Loc] = {}
    for w_index, workshop in enumerate(e.workshops):
        for f_index, item in enumerate(workshop.feedback):
            loc: Loc = ("workshops", w_index, "feedback", f_index)
            if item.scenario not in scenarios:
                issues.append(
                    (
                        (*loc, "scenario"),
                        f"unknown scenario {item.scenario!r}{suggest(item.scenario, scenarios)}",
                        False,
                    )
                )
            for c_index, crit in enumerate(item.criteria):
                if crit not in criteria:
                    issues.append(
                        (
                            (*loc, "criteria", c_index),
                            f"unknown criterion {crit!r}{suggest(crit, criteria)}",
                            False,
                        )
                    )
            item_id = item.id or f"{workshop.id}-{f_index + 1}"
            if item_id in seen_feedback:
                issues.append(((*loc, "id"), f"duplicate feedback id {item_id!r}", False))
            seen_feedback[item_id] = loc
        if workshop.feedback_file:
            _check_file(
                issues,
                ("workshops", w_index, "feedback_file"),
                base_dir,
                workshop.feedback_file,
                "feedback file",
            )
    for s_index, solution in enumerate(e.creativity.solutions):
        for r_index, ref in enumerate(solution.scenarios):
            if ref not in scenarios:
                issues.append(
                    (
                        ("creativity", "solutions", s_index, "scenarios", r_index),
                        f"unknown scenario {ref!r}{suggest(ref, scenarios)}",
                        False,
                    )
                )
    if e.brand.logo:
        _check_file(issues, ("brand", "logo"), base_dir, e.brand.logo, "logo")
    for s_index, scenario in enumerate(e.scenarios):
        if scenario.picture:
            loc = ("scenarios", s_index, "picture")
            _check_file(issues, loc, base_dir, scenario.picture, "picture")
    if e.pricing.catalog:
        _check_file(issues, ("pricing", "catalog"), base_dir, e.pricing.catalog, "catalog")
    return issues


def _check_file(
    issues: list[tuple[Loc, str, bool]], loc: Loc, base_dir: Path, relative: str, what: str
) -> None:
    from ..common.files import not_regular

    target = base_dir / relative
    problem = not_regular(target)
    if problem is not None:
        issues.append((loc, f"{what} {problem}: {display_name(target)}", False))
