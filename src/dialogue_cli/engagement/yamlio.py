"""The only ruamel.yaml user: fast safe loading, round-trip loading for error positions.

A valid file is read once with the safe (C) loader. Positions cost a round-trip parse,
about 7x slower, so they are computed only when there is a problem to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..common.errors import LocatedError, Problem

Loc = Sequence[int | str]


def safe_load(text: str, name: str) -> Any:
    """Parse ``text`` with the fast safe loader; syntax errors become located problems."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    return _parse(yaml, text, name)


def roundtrip_load(text: str, name: str) -> Any:
    """Parse ``text`` keeping the positions (``lc``) of its nodes, to locate errors."""
    from ruamel.yaml import YAML

    return _parse(YAML(), text, name)


def _parse(yaml: Any, text: str, name: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        raise LocatedError([_syntax_problem(error, name, text)]) from None
    except YAMLError as error:  # pragma: no cover - ruamel marks nearly every error
        raise LocatedError([Problem(name, 0, 0, "", f"YAML error: {error}")]) from None
    except RecursionError:
        raise LocatedError([Problem(name, 0, 0, "", "YAML nested too deeply")]) from None
    except (ValueError, TypeError, OverflowError) as error:
        # A scalar the constructor could not build (e.g. the date 2027-13-01): find it.
        raise LocatedError([_constructor_problem(text, name, error)]) from None


def _constructor_problem(text: str, name: str, error: Exception) -> Problem:
    """Locate the scalar behind a constructor error by composing (not constructing) the document."""
    import datetime as dt

    from ruamel.yaml import YAML

    try:
        root = YAML(typ="safe").compose(text)
    except Exception:  # pragma: no cover - compose succeeded once already during load
        root = None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        value = node.value
        if isinstance(value, list):
            for item in reversed(value):
                stack.extend(reversed(item) if isinstance(item, tuple) else [item])
        elif node.tag.endswith(":timestamp"):
            try:
                dt.date.fromisoformat(value[:10])
            except ValueError:
                mark = node.start_mark
                return Problem(
                    name, mark.line + 1, mark.column + 1, "", f"{value!r} is not a valid date"
                )
    return Problem(name, 0, 0, "", f"invalid value: {error}")


def _syntax_problem(error: Any, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    problem = (error.problem or error.context or "invalid YAML").strip()
    if "found duplicate key" in problem:
        key = problem.split('"')[1] if '"' in problem else "?"
        first = error.context_mark.line + 1 if error.context_mark else 0
        return Problem(
            name,
            line,
            col,
            key,
            f"duplicate key (the mapping starting on line {first} already has it)",
        )
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) and col > 0 else ""
    if at == "\t" or "'\\t'" in problem:
        problem = "a tab character: YAML indents with spaces only"
    elif problem.startswith("mapping values are not allowed"):
        problem += " (a ':' inside a value? quote the value)"
    return Problem(name, line, col, "", f"YAML syntax: {problem}")


def position(root: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
    """The 1-based line and column of ``loc`` in a round-trip tree, and the YAML path walked.

    The walk stops at the deepest node that exists: an absent key is reported at its
    parent, a pydantic-only segment (union tag, validator name) is skipped.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = root
    line, col = (root.lc.line, root.lc.col) if hasattr(root, "lc") else (0, 0)
    path = ""
    last = len(loc) - 1
    for index, part in enumerate(loc):
        if isinstance(node, CommentedMap) and part in node:
            child = node[part]
            key_position = (at_key and index == last) or isinstance(
                child, (CommentedMap, CommentedSeq)
            )
            line, col = node.lc.key(part) if key_position else node.lc.value(part)
            node = child
            path = f"{path}.{part}" if path else str(part)
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
            path = f"{path}[{part}]"
        elif (
            index == last
            and isinstance(part, str)
            and not part.startswith(("function-", "tagged-"))
        ):
            path = f"{path}.{part}" if path else part
    return line + 1, col + 1, path


def read_text(path: Path, name: str) -> str:
    """A text file's content, or one clear line about why it cannot be used."""
    from ..common.errors import FileProblem

    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise FileProblem(f"{name}: is a folder") from None
    except FileNotFoundError:
        raise FileProblem(f"{name}: no such file") from None
    except PermissionError:
        raise FileProblem(f"{name}: permission denied") from None
    except OSError as error:
        raise FileProblem(f"{name}: cannot be read ({error.strerror})") from None
    if b"\x00" in raw[:8192]:
        raise FileProblem(f"{name}: is a binary file, not YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FileProblem(
            f"{name}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); "
            "re-save the file as UTF-8"
        ) from None
    return text
