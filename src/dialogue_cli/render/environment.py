"""The hardened Jinja environment every render uses: sandboxed, autoescaping, strict, XML-safe.

docxtpl's default environment silently corrupts a document on ``&`` or ``<`` and leaves XML 1.0
illegal characters in it (see docs/rendering notes); a fresh environment is built per render
because docxtpl mutates the one it is given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..common.errors import DialogueError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/F).
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateProblem(DialogueError):
    """A template that cannot be rendered: bad syntax, a missing variable, a forbidden access."""

    def __init__(self, template: str, message: str, context: list[str] | None = None) -> None:
        self.template = template
        self.message = message
        self.context = [line for line in (context or []) if line.strip()]
        super().__init__(f"{template}: {message}")

    def lines(self) -> list[str]:
        out = [f"{self.template}: {self.message}"]
        if self.context:
            out.append("  near:")
            out.extend(f"    | {line.strip()}" for line in self.context)
        return out


def clean_text(value: str) -> str:
    """Normalise line ends and drop the characters XML 1.0 forbids (``\\x0b`` becomes a line break)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return ILLEGAL_XML.sub("", value)


def finalize(value: Any) -> Any:
    """Jinja ``finalize``: runs on every ``{{ }}`` value before escaping."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if value is None:
        return ""
    return value


def make_environment() -> SandboxedEnvironment:
    """A new sandboxed environment: autoescape on, undefined variables are errors."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
    )
    # Hostile templates: cap string repetition ('x' * 10**9) through the sandbox's operator hooks.
    env.intercepted_binops = frozenset({"*", "**"})
    env.call_binop = _call_binop  # type: ignore[method-assign]
    return env


def _call_binop(context: Any, operator: str, left: Any, right: Any) -> Any:
    if operator == "**":
        if isinstance(right, int) and abs(right) > 100:
            raise OverflowError("exponent too large in a template")
        return left**right
    if isinstance(left, int) and isinstance(right, int):
        return left * right
    size = 1
    for side, other in ((left, right), (right, left)):
        if isinstance(side, str | list | tuple) and isinstance(other, int):
            size = len(side) * other
    if size > 1_000_000:
        raise OverflowError("a template tried to build a value of more than a million items")
    return left * right
