"""The only ruamel.yaml user: fast safe loading, round-trip loading for error positions.

A valid file is read once with the safe (C) loader. Positions cost a round-trip parse,
about 7x slower, so they are computed only when there is a problem to report.

Before anything is built, :func:`preflight` reads the event stream of libyaml's parser (a state
machine, no recursion, 0.1 ms per KB) and refuses, at their line and column, what would hurt
the steps after it: nesting deeper than :data:`MAX_DEPTH` (libyaml's recursive composer
crashes the interpreter at about 25 000 levels, the round-trip composer raises RecursionError
at a few hundred), a document of more than :data:`MAX_VALUES` values once its aliases are
expanded (a "billion laughs" file of 17 KB stands for 10^9 values once validated), an alias
inside the node it names (a loop), and integers of more than :data:`MAX_DIGITS` digits (Python
refuses to convert 4 300).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..common.errors import LocatedError, Problem

Loc = Sequence[int | str]

# An engagement nests 6 levels (workshops[0].feedback[0].criteria[0]); a catalog 4.
MAX_DEPTH = 100
# Values of a file, counting those its aliases repeat: the example engagement has 1 200, and
# ruamel's constructor takes about 4 s for 100 000.
MAX_VALUES = 100_000
# Digits of an integer: the largest figure of a file (a price in cents, a population) has 11.
MAX_DIGITS = 100
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def safe_load(text: str, name: str) -> Any:
    """Parse ``text`` with the fast safe loader; syntax errors become located problems.

    The text is checked by :func:`preflight` first.
    """
    from ruamel.yaml import YAML

    preflight(text, name)
    yaml = YAML(typ="safe")
    yaml.Resolver = _resolver_1_2()
    return _parse(yaml, text, name)


@cache
def _resolver_1_2() -> type:
    """ruamel's plain YAML 1.2 resolver, for the safe (C) loader.

    The default resolver picks its rules by the document's version on every scalar, and looks
    the version up through a chain of attributes that fails twice each time: a third of the
    load of the example. Behind the C parser that lookup always ends on YAML 1.2 (even under a
    ``%YAML 1.1`` directive), so the plain 1.2 resolver reads every file as before.
    """
    from ruamel.yaml.resolver import Resolver

    class Resolver12(Resolver):
        def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
            super().__init__(loadumper if loadumper is not None else loader)

    return Resolver12


def roundtrip_load(text: str, name: str) -> Any:
    """Parse ``text`` keeping the positions (``lc``) of its nodes, to locate errors."""
    from ruamel.yaml import YAML

    preflight(text, name)
    return _parse(YAML(), text, name)


def preflight(text: str, name: str) -> None:
    """Refuse, located, a document too deep, too aliased or with a huge integer.

    Reads libyaml's event stream once, without building anything, and stops at the first
    problem. Syntax errors are left to the loader, which reports them with their context.

    Raises:
        LocatedError: at the event that goes past a bound.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        _check_events(YAML(typ="safe").parse(text), name)
    except YAMLError as error:
        _raise_reader_error(error, text, name)
        # Other syntax errors: the loader reports them with their context.


def _check_events(events: Any, name: str) -> None:
    """Depth, size and number lengths of a stream of parser events (see :func:`preflight`)."""

    def refuse(event: Any, message: str) -> LocatedError:
        mark = event.start_mark
        return LocatedError([Problem(name, mark.line + 1, mark.column + 1, "", message)])

    # One [values so far, anchor] per open collection; the values each anchor stands for.
    stack: list[list[Any]] = [[0, None]]
    sizes: dict[str, int] = {}
    total = 0  # values of the document once every alias is replaced by what it repeats
    for event in events:
        kind = type(event).__name__
        if kind == "ScalarEvent":
            value = event.value
            if (
                len(value) > MAX_DIGITS
                and (event.implicit[0] or event.tag in _NUMBER_TAGS)
                and _looks_like_a_number(value)
            ):
                digits = sum(c.isdigit() for c in value)
                raise refuse(
                    event,
                    f"a number of {digits:,} digits: numbers here have at most {MAX_DIGITS} "
                    "(if it is text, put it in quotes)",
                )
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            if len(stack) > MAX_DEPTH:
                raise refuse(
                    event,
                    f"nested more than {MAX_DEPTH} levels deep (brackets or indentation), "
                    "where a file of dialogue needs fewer than 10: is a bracket left open?",
                )
            stack.append([1, event.anchor])
            total += 1
            continue
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            count, anchor = stack.pop()
            if anchor:
                sizes[anchor] = count
            stack[-1][0] += count
            continue
        elif kind == "AliasEvent":
            anchor = event.anchor
            if any(open_anchor == anchor for _count, open_anchor in stack):
                raise refuse(
                    event,
                    f"the alias *{anchor} is inside the value it repeats (&{anchor}): "
                    "it would repeat itself forever",
                )
            size = sizes.get(anchor, 1)  # an undefined alias: the loader reports it
            if total + size > MAX_VALUES:
                raise refuse(
                    event,
                    f"the alias *{anchor} repeats {size:,} values, which takes this file past "
                    f"{MAX_VALUES:,} values (an alias stands for all that its anchor "
                    f"&{anchor} holds): write the values out, or use fewer aliases",
                )
        else:
            continue
        total += size
        stack[-1][0] += size
        if total > MAX_VALUES:
            raise refuse(
                event,
                f"more than {MAX_VALUES:,} values in this file, where an engagement needs a "
                "few thousand: put long lists of feedback in a CSV or XLSX file",
            )


def _looks_like_a_number(value: str) -> bool:
    """Digits, with an optional sign, point, exponent or ``_`` separators: what YAML reads as one."""
    body = value.lstrip("+-").replace("_", "")
    mantissa, _e, exponent = body.lower().partition("e")
    whole, _dot, fraction = mantissa.partition(".")
    return (whole + fraction).isdigit() and (not exponent or exponent.lstrip("+-").isdigit())


def _raise_reader_error(error: Any, text: str, name: str) -> None:
    """A character YAML does not allow (a control character), at its line and column."""
    from ruamel.yaml.reader import ReaderError

    if not isinstance(error, ReaderError) or not isinstance(error.position, int):
        return
    at = error.position
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    char = error.character
    code = f"U+{char:04X}" if isinstance(char, int) else repr(char)
    raise LocatedError(
        [
            Problem(
                name,
                line,
                col,
                "",
                f"a control character ({code}) that YAML does not allow: remove it",
            )
        ]
    ) from None


def _parse(yaml: Any, text: str, name: str) -> Any:
    from ruamel.yaml.error import MantissaNoDotYAML1_1Warning, MarkedYAMLError, YAMLError

    try:
        with warnings.catch_warnings():
            # Under a ``%YAML 1.1`` directive ruamel prints a page of advice for ``1e3`` (1.1
            # wants ``1.0e3``); dialogue reads every file as YAML 1.2, where ``1e3`` is a number.
            warnings.simplefilter("ignore", MantissaNoDotYAML1_1Warning)
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
    opened = _unclosed(error, text, line)
    if opened is not None:
        return Problem(name, opened[0], opened[1], "", f"YAML syntax: {opened[2]}")
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) and col > 0 else ""
    if at == "\t" or "'\\t'" in problem:
        problem = "a tab character: YAML indents with spaces only"
    elif problem.startswith("mapping values are not allowed"):
        problem += " (a ':' inside a value? quote the value)"
    return Problem(name, line, col, "", f"YAML syntax: {problem}")


_FLOW = {"while parsing a flow mapping": ("{", "}"), "while parsing a flow sequence": ("[", "]")}
_QUOTES = {'"': "double quote", "'": "single quote"}


def _unclosed(error: Any, text: str, line: int) -> tuple[int, int, str] | None:
    """Where a quote or a bracket that causes ``error`` opens, and what to say about it.

    The parser notices an unclosed quote only where the text stops making sense, often many
    lines later (the quoted text runs on to the next quote of the file); an unclosed bracket,
    on the line after it. The user's mistake is where it opens: (line, column, message).
    """
    from ruamel.yaml import YAML

    context = (getattr(error, "context", None) or "").strip()
    # A quoted text that runs over lines and ends where the parser fails, or just before.
    quoted: tuple[int, int, int, str] | None = None
    try:
        for token in YAML(typ="safe").scan(text):
            start, end = token.start_mark, token.end_mark
            if start.line + 1 > line:
                break
            style = getattr(token, "style", None)
            if style in _QUOTES and end.line > start.line and 0 <= line - (end.line + 1) <= 1:
                quoted = (start.line + 1, start.column + 1, end.line + 1, style)
    except Exception:  # the scan stops at the broken token; what it saw before is enough
        pass
    if quoted is not None:
        first, column, last, quote = quoted
        return (
            first,
            column,
            f"the {_QUOTES[quote]} ({quote}) opened here is closed only on line {last}: "
            f"is the closing {quote} missing?",
        )
    mark = getattr(error, "context_mark", None)
    if context == "while scanning a quoted scalar" and mark is not None:
        quote = text.splitlines()[mark.line][mark.column : mark.column + 1] or '"'
        return (
            mark.line + 1,
            mark.column + 1,
            f"the {_QUOTES.get(quote, 'quote')} ({quote}) opened here is never closed",
        )
    if context in _FLOW and mark is not None:
        opening, closing = _FLOW[context]
        return (
            mark.line + 1,
            mark.column + 1,
            f"the {opening!r} opened here is not closed: a {closing!r} is missing "
            f"(or a ',' between two values)",
        )
    return None


def position(root: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
    """The 1-based line and column of ``loc`` in a round-trip tree, and the YAML path walked.

    The walk stops at the deepest node that exists: an absent key is reported at its
    parent, a pydantic-only segment (union tag, validator name) is skipped. A key that a
    mapping takes from a merge (``<<: *base``) is reported where the merged mapping writes it.
    A value reached through an alias is reported where the alias is, its parts where the
    anchor writes them.
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
            holder = _holder(node, part)
            if holder is not None:
                line, col = holder.lc.key(part) if key_position else holder.lc.value(part)
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


def _holder(mapping: Any, key: Any) -> Any:
    """The mapping whose text holds ``key``: ``mapping`` itself or one merged into it (``<<``).

    Own keys win over merged ones, and the first merged mapping over the next, as in the merge
    itself. None when no mapping has a position for the key.
    """
    from ruamel.yaml.comments import merge_attrib

    seen: set[int] = set()
    queue = [mapping]
    while queue:
        current = queue.pop(0)
        if id(current) in seen or not hasattr(current, "lc"):
            continue
        seen.add(id(current))
        if key in (current.lc.data or ()):
            return current
        for merged in getattr(current, merge_attrib, ()):
            # ruamel < 0.19 keeps (position, mapping) pairs, 0.19 the mappings themselves.
            queue.append(merged[1] if isinstance(merged, tuple) else merged)
    return None


# Byte-order marks of the encodings a text file saved on Windows or a Mac may have.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def read_text(path: Path, name: str, kind: str = "engagement") -> str:
    """A YAML file's text, or one clear line about why it cannot be used.

    The file is read through :func:`~dialogue_cli.common.files.read_bytes` (a regular file
    within the cap of ``kind``); it must be UTF-8 (with or without BOM).

    Args:
        path: the file.
        name: how messages name it.
        kind: a key of :data:`~dialogue_cli.common.files.LIMITS` (``engagement``, ``catalog``).

    Raises:
        FileProblem: not a regular file, too large, binary, not UTF-8, a NUL character.
    """
    from ..common.errors import FileProblem
    from ..common.files import read_bytes

    raw = read_bytes(path, name, kind)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise FileProblem(f"{name}: {encoding} text: {RESAVE_AS_UTF8}")
    head = raw[:8192]
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise FileProblem(f"{name}: UTF-16 text (without a byte-order mark): {RESAVE_AS_UTF8}")
        raise FileProblem(f"{name}: is a binary file, not YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FileProblem(
            f"{name}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); "
            "re-save the file as UTF-8"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise FileProblem(
            f"{name}:{line}:{col}: a NUL character (byte 0x00), which a text file cannot hold: "
            "remove it"
        )
    return text


RESAVE_AS_UTF8 = (
    "re-save it as UTF-8 (in Notepad or TextEdit: Save as, Encoding UTF-8; in VS Code: "
    "click the encoding in the status bar, Save with Encoding, UTF-8)"
)


def _looks_like_utf16(head: bytes) -> bool:
    """Text of a Latin script in UTF-16: one byte in two is zero, at even or at odd offsets."""
    pairs = len(head) // 2
    if pairs < 4:
        return False
    even = head[0 : pairs * 2 : 2].count(0)
    odd = head[1 : pairs * 2 : 2].count(0)
    return max(even, odd) >= 0.9 * pairs and min(even, odd) <= 0.1 * pairs
