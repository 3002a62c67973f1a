"""The Jinja environment every template runs in: an allow-list, not a deny-list, and a budget.

Jinja's own sandbox refuses ``_`` attributes and a few known-dangerous ones, and lets through
everything else an object offers: any method of any object in the context (docxtpl's
``InlineImage.tpl`` is the live document, whose ``render`` runs an unsandboxed Jinja). Here a
template reaches data only: dict keys (never dict methods, even when a key is called ``items``),
list and text items, ``loop.*``, ``range()``, the filters and tests of ``allowlist.py``
(string-building ones bounded by ``limits.py``). Every attribute read, item read and call goes
through :meth:`Sandbox.getattr`, :meth:`Sandbox.getitem` and :meth:`Sandbox.call`, which refuse
anything else with a :class:`~jinja2.exceptions.SecurityError`.

Before compiling, the template's tree is audited (the same audit ``templates check`` runs) and
rewritten so that each loop counts its iterations and each ``~`` checks its size; the template
class stops the render once the document's XML passes its output limit.

Imported only inside functions: it imports Jinja.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from jinja2 import Template, nodes, pass_context, pass_environment, pass_eval_context
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.runtime import Context, LoopContext, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.tests import TESTS as JINJA_TESTS
from markupsafe import Markup

from . import limits
from .allowlist import FILTERS, LOOP_ATTRIBUTES, LOOP_CALLS, TESTS, audit, describe

# Filters the rewritten tree calls; no template can name them (':' is not in a Jinja name).
LOOP_FILTER = "dialogue:loop"
CONCAT_FILTER = "dialogue:concat"

_BOUNDED: dict[str, Any] = {
    "center": limits.center,
    "format": limits.format_filter,
    "join": pass_eval_context(limits.join),
    "replace": pass_eval_context(limits.replace),
    "indent": limits.indent,
    "wordwrap": pass_environment(limits.wordwrap),
    "truncate": limits.truncate,
    "string": limits.string,
    **{
        name: limits.text_filter(JINJA_FILTERS[name], name)
        for name in ("upper", "lower", "capitalize", "title", "trim", "e", "escape")
    },
}


class Refused(SecurityError):
    """An access the allow-list refuses at render time; ``name`` is the attribute or item read."""

    def __init__(self, message: str, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


class Sandbox(ImmutableSandboxedEnvironment):
    """A sandbox that offers templates data and nothing else (see the module's doc)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = limits.Budget()
        self.globals.clear()
        self.globals["range"] = limits.bounded_range
        self.filters = {name: _BOUNDED.get(name, JINJA_FILTERS[name]) for name in FILTERS}
        self.filters[LOOP_FILTER] = _counted
        self.filters[CONCAT_FILTER] = _concat
        self.tests = {name: JINJA_TESTS[name] for name in TESTS}
        self.intercepted_binops = frozenset(limits.BINOPS)
        self.template_class = BudgetedTemplate

    # ------------------------------------------------------------------ the allow-list

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only ``loop``'s attributes are attributes a template may read (dict keys are items)."""
        return isinstance(obj, LoopContext) and attr in LOOP_ATTRIBUTES

    def is_safe_callable(self, obj: Any) -> bool:
        """``range()``, ``loop.cycle()`` and ``loop.changed()``: nothing else is called."""
        if obj is limits.bounded_range:
            return True
        return (
            isinstance(obj, types.MethodType)
            and isinstance(obj.__self__, LoopContext)
            and obj.__name__ in LOOP_CALLS
        )

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute.startswith("_"):
            raise Refused(
                f"'{attribute}' is a Python internal; templates read data only", attribute
            )
        if isinstance(obj, Undefined):
            return getattr(obj, attribute)  # StrictUndefined raises, naming the variable
        if isinstance(obj, Mapping):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, LoopContext) and attribute in LOOP_ATTRIBUTES:
            value = getattr(obj, attribute)
            if self.is_safe_attribute(obj, attribute, value):
                return value
        if hasattr(obj, "__html__") and not isinstance(obj, str):
            raise Refused(f"a picture has no '{attribute}'; place it as it is", attribute)
        raise Refused(f"{_what(obj)} has no '{attribute}' that a template may read", attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Undefined):
            return obj[argument]
        if isinstance(argument, str) and not isinstance(obj, Mapping):
            return self.getattr(obj, argument)
        if isinstance(obj, Mapping):
            if isinstance(argument, str) and argument.startswith("_"):
                raise Refused(
                    f"'{argument}' is a Python internal; templates read data only", argument
                )
            try:
                return obj[argument]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, str | list | tuple | range) and isinstance(argument, int | slice):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=argument)  # type: ignore[arg-type]
        raise Refused(f"{_what(obj)} cannot be indexed in a template")

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not __self.is_safe_callable(__obj):
            raise Refused(
                f"calling {_what(__obj)} is not allowed (only range(), loop.cycle() and "
                "loop.changed())"
            )
        return __context.call(__obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return limits.BINOPS[operator](left, right)

    # ------------------------------------------------------------------ before compiling

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        """Audit the tree (refuse what the allow-list refuses), then bound its loops and ``~``."""
        found = audit(source)
        if found:
            raise Refused(str(found[0]))
        guarded = _guard(source)
        guarded.set_environment(self)
        return super()._generate(guarded, name, filename, defer_init)


def _what(obj: Any) -> str:
    if hasattr(obj, "__html__") and not isinstance(obj, str):
        return "a picture"
    if isinstance(obj, str):
        return "a text"
    if isinstance(obj, bool | int | float):
        return "a number"
    if isinstance(obj, list | tuple | range):
        return "a list"
    if isinstance(obj, LoopContext):
        return "loop"
    return f"a {type(obj).__name__}"


@pass_context
def _counted(context: Context, iterable: Iterable[Any]) -> Iterator[Any] | Undefined:
    if isinstance(iterable, Undefined):
        return iterable  # iterating it raises, naming the variable
    budget: limits.Budget = context.environment.budget  # type: ignore[attr-defined]
    return budget.counted(iterable)


@pass_context
def _concat(context: Context, items: list[Any]) -> str:
    return limits.concat(items)


def _guard(node: nodes.Node) -> Any:
    """The tree with each loop's iterable counted and each ``a ~ b`` bounded."""
    for field, value in node.iter_fields():
        if isinstance(value, nodes.Node):
            setattr(node, field, _guard(value))
        elif isinstance(value, list):
            setattr(node, field, [_guard(v) if isinstance(v, nodes.Node) else v for v in value])
    if isinstance(node, nodes.For):
        node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.lineno)
    if isinstance(node, nodes.Concat):
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, CONCAT_FILTER, [], [], None, None, lineno=node.lineno)
    return node


class BudgetedTemplate(Template):
    """A template whose render stops once the document's XML passes the output limit."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget: limits.Budget = self.environment.budget  # type: ignore[attr-defined]
        parts = []
        for chunk in self.generate(*args, **kwargs):
            budget.wrote(len(chunk))
            parts.append(chunk)
        return "".join(parts)


def finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints: text, a number, a picture; never a list's Python repr."""
    from .environment import clean_text

    if isinstance(value, Markup):  # |e and ~ make Markup: clean it too (a header parses strictly)
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal | Undefined) or hasattr(value, "__html__"):
        return value
    raise TemplateRuntimeError(
        f"{{{{ }}}} prints text, numbers and pictures, not {_what(value)}; "
        "loop over a list to print its items"
    )


def expression_of(error: SecurityError, trees: Iterable[nodes.Template]) -> str | None:
    """The expression of the template that ``error`` refused, found by its line and name."""
    import traceback

    name = getattr(error, "name", None)
    lines = {
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == "<template>"
    }
    if name is None or not lines:
        return None
    for tree in trees:
        for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
            key: Any = node.attr if isinstance(node, nodes.Getattr) else None
            if key is None:
                key = getattr(getattr(node, "arg", None), "value", None)
            if key == name and node.lineno in lines:
                return describe(node)
    return None
