"""``--add``: a workshop of ``engagement.yaml`` made to read the imported file (its only write there).

The file is parsed round-trip (ruamel, :func:`dialogue_cli.engagement.yamlio.roundtrip_load`) to
find the workshop and the lines of its keys; one line ``feedback_file: <path>`` is then inserted
into the text itself, with the indentation of the workshop's keys (or ``, feedback_file: <path>``
before the closing brace of a one-line ``{...}`` workshop). Re-dumping the whole tree would
reflow the file's flow mappings (ruamel joins a ``{...}`` spread over two lines into one): this
way every other byte (comments, layout, quotes) stays as it was. The result is parsed again and
compared with the original: only this one key may differ, or nothing is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..common.atomic import write_atomic
from ..common.errors import FileProblem
from ..common.files import read_bytes

_PLAIN = re.compile(r"^[A-Za-z0-9_./-]+$")


def _scalar(value: str) -> str:
    return (
        value
        if _PLAIN.match(value) and not value.endswith(" ")
        else json.dumps(value, ensure_ascii=False)
    )


def add_feedback_file(path: Path, name: str, workshop_id: str, relative: str) -> str:
    """Make workshop ``workshop_id`` read ``relative``; return what was done, in one line.

    Raises:
        FileProblem: the workshop already reads another file, or the edit could not be made
            without touching anything else (the line to add is then given).
    """
    from ..engagement.yamlio import roundtrip_load, safe_load

    raw = read_bytes(path, name, "engagement")
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    root = roundtrip_load(text, name)
    workshops = root.get("workshops") if hasattr(root, "get") else None
    index = next(
        (
            i
            for i, w in enumerate(workshops or [])
            if hasattr(w, "get") and w.get("id") == workshop_id
        ),
        None,
    )
    line_to_add = f"feedback_file: {_scalar(relative)}"
    if workshops is None or index is None:
        raise FileProblem(f"{name}: no workshop {workshop_id!r} to reference the file from")
    node = workshops[index]
    current = node.get("feedback_file")
    if current is not None:
        if str(current) == relative:
            return f"workshop {workshop_id} already reads {relative}"
        raise FileProblem(
            f"{name}: workshop {workshop_id} already reads {current}; a workshop reads one file: "
            f"add a workshop for this source (same group) and import into it, or set "
            f"{line_to_add} yourself"
        )
    lines = text.splitlines(keepends=True)
    edited = _insert(lines, node, line_to_add, newline)
    if edited is not None:
        before = safe_load(text, name)
        after = safe_load(edited, name)
        expected = _with_file(before, index, relative)
        if after == expected:
            data = edited.encode("utf-8")
            write_atomic(path, b"\xef\xbb\xbf" + data if bom else data)
            return f"workshop {workshop_id} now reads {relative} ({name})"
    raise FileProblem(
        f"{name}: could not add the reference without reformatting the file; "
        f"add to workshop {workshop_id}: {line_to_add}"
    )


def _with_file(data: Any, index: int, relative: str) -> Any:
    import copy

    expected = copy.deepcopy(data)
    expected["workshops"][index]["feedback_file"] = relative
    return expected


def _insert(lines: list[str], node: Any, line_to_add: str, newline: str) -> str | None:
    """The text with the key added to ``node`` (a block or a flow mapping), or ``None``."""
    if node.fa.flow_style():
        return _insert_flow(lines, node, line_to_add)
    # After the last key whose value is one plain line (not a nested list or a block scalar).
    for key in reversed(list(node)):
        if isinstance(node[key], (dict, list)):
            continue
        key_line, key_col = node.lc.key(key)
        value_line, value_col = node.lc.value(key)
        if value_line != key_line or lines[value_line][value_col:].lstrip()[:1] in ("|", ">"):
            continue
        if not _ends_on_its_line(lines, key_line, key_col):
            continue  # a value spread over several lines
        if not lines[key_line].endswith(("\n", "\r")):
            lines = [*lines[:key_line], lines[key_line] + newline, *lines[key_line + 1 :]]
        insert = " " * key_col + line_to_add + newline
        return "".join([*lines[: key_line + 1], insert, *lines[key_line + 1 :]])
    return None


def _ends_on_its_line(lines: list[str], key_line: int, key_col: int) -> bool:
    """Whether the next line holding YAML (not blank, not a comment) is indented no deeper."""
    for line in lines[key_line + 1 :]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        return len(line) - len(line.lstrip(" ")) <= key_col
    return True


def _insert_flow(lines: list[str], node: Any, line_to_add: str) -> str | None:
    """``, feedback_file: path`` before the ``}`` closing a flow mapping."""
    start_line, start_col = node.lc.line, node.lc.col
    text = "".join(lines)
    offset = sum(len(line) for line in lines[:start_line]) + start_col
    if offset >= len(text) or text[offset] != "{":
        return None
    depth, quote, at = 0, "", offset
    while at < len(text):
        char = text[at]
        if quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                at += 1
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                head = text[:at].rstrip()
                return head + ", " + line_to_add + text[len(head) :]
        elif char == "#" and text[at - 1] in " \t":
            return None
        at += 1
    return None
