"""Did-you-mean suggestions for messages that name a value the user mistyped."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def suggest(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` when a close match exists, else an empty string.

    Case is ignored and the choice is given as it is spelt: ``cov`` suggests ``'COV'``.
    """
    spelt: dict[str, str] = {}
    for choice in choices:
        spelt.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(value.casefold(), list(spelt), n=1, cutoff=0.5)
    return f" (did you mean {spelt[close[0]]!r}?)" if close else ""


def pick(value: str, choices: Sequence[str], what: str) -> str:
    """The choice ``value`` names, its case ignored: ``cov`` is ``COV``.

    Args:
        value: what the user typed.
        choices: the valid values, spelt as the engagement spells them.
        what: what a choice is, for the message ("scenario").

    Raises:
        ValueError: ``no scenario 'XYZ' (did you mean 'COV'?); scenarios: A, B``.
    """
    if value in choices:
        return value
    same = [choice for choice in choices if choice.casefold() == value.casefold()]
    if len(same) == 1:
        return same[0]
    known = ", ".join(choices) or "none yet"
    raise ValueError(f"no {what} {value!r}{suggest(value, choices)}; {what}s: {known}")
