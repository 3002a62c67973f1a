"""Text from the user's files made safe to print: no control character reaches the terminal.

An ESC or BEL inside a YAML value or a CSV cell could move the cursor, retitle the window or
hide the rest of a message. :func:`printable` replaces every control character (C0, DEL, C1 and
the bidirectional overrides) by a visible escape, so that what is printed is what the file says.
:func:`json_printable` does the same inside JSON text (as JSON escapes, so the data is unchanged),
and :func:`without_controls` removes them from text written into a file format that forbids them
(iCalendar).
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the Unicode bidi overrides/isolates that
# reorder what a terminal shows (CVE-2021-42574, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw inside strings (it escapes C0 itself).
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with each control character shown as ``\\x1b``-style escapes.

    Args:
        text: anything read from a user's file.
        one_line: also escape newlines and tabs (for a value inside a one-line message).
    """
    pattern = _UNSAFE_LINE if one_line else _UNSAFE
    return pattern.sub(_escape, text)


def json_printable(text: str) -> str:
    """JSON text with every character :func:`printable` escapes written as a ``\\uXXXX`` escape.

    ``json.dumps`` already escapes C0 controls; DEL, C1 controls and the bidi overrides can only
    occur inside strings, where ``\\u009b`` means the same character: the parsed data is unchanged.
    """
    return _UNSAFE_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def without_controls(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` without control characters (a tab becomes a space; newlines kept if asked).

    For formats that forbid them, such as iCalendar's TEXT (RFC 5545, section 3.3.11).
    """
    text = text.replace("\t", " ")
    if keep_newlines:
        text = text.replace("\r\n", "\n")
        return _UNSAFE.sub("", text.replace("\r", "\n"))
    return _UNSAFE_LINE.sub("", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
