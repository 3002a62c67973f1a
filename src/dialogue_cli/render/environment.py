"""The hardened Jinja environment every render uses: sandboxed, autoescaping, strict, XML-safe.

docxtpl's default environment silently corrupts a document on ``&`` or ``<`` and leaves XML 1.0
illegal characters in it (see docs/rendering notes); a fresh environment is built per render
because docxtpl mutates the one it is given, and because it carries the render's budget. What a
template may touch is ``sandbox.py``'s (docs/security.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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


def make_environment() -> SandboxedEnvironment:
    """A new sandbox for one document: autoescape on, undefined variables are errors.

    The allow-list, the bounds and the output budget are :class:`render.sandbox.Sandbox`'s; the
    budget is per environment, hence one environment per document.
    """
    from jinja2 import StrictUndefined

    from .sandbox import Sandbox, finalize

    return Sandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
    )
