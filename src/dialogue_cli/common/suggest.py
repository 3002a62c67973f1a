"""Did-you-mean suggestions for messages that name a value the user mistyped."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggest(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""
