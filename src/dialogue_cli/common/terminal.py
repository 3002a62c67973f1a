"""Text from the user's files made safe to print: no control character reaches the terminal.

An ESC or BEL inside a YAML value or a CSV cell could move the cursor, retitle the window or
hide the rest of a message. :func:`printable` replaces every control character (C0, DEL, C1 and
the bidirectional overrides) by a visible escape, so that what is printed is what the file says.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the Unicode bidi overrides/isolates that
# reorder what a terminal shows (CVE-2021-42574, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
