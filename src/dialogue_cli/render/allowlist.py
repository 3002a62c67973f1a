"""What a template may touch, and the audit that finds every access outside it in a parsed template.

A template reads data: the keys of the context's groups, list items, texts, numbers, booleans,
pictures (placed as they are), ``loop.*`` inside a loop, ``range()``, and the filters and tests
listed here. Everything else (Python internals such as ``__class__``, methods such as
``.format``, Jinja's ``cycler``/``joiner``/``namespace``/``lipsum``, macros, includes,
``{% autoescape %}``) is refused. :func:`audit` finds the refusals in a parsed template, so that
``templates check`` and ``render`` refuse a template before running it; the sandbox
(``sandbox.py``) enforces the same list while it renders, for what no reading of the text can
know. docs/security.md explains each entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

# Filters a template may use. Those marked * are bounded replacements (limits.py).
FILTERS = frozenset(
    {
        "default", "d", "upper", "lower", "capitalize", "title", "trim",
        "length", "count", "first", "last", "list", "reverse", "sort", "unique", "min", "max",
        "int", "float", "round", "abs", "e", "escape", "string",
        "join", "replace", "truncate", "wordwrap", "center", "indent", "format",  # *
    }
)  # fmt: skip
# Tests a template may use (``x is defined``).
TESTS = frozenset(
    {
        "defined", "undefined", "none", "boolean", "true", "false", "number", "integer",
        "float", "string", "mapping", "sequence", "iterable", "odd", "even", "divisibleby",
        "in", "eq", "equalto", "==", "ne", "!=", "lt", "<", "lessthan", "le", "<=",
        "gt", ">", "greaterthan", "ge", ">=", "lower", "upper",
    }
)  # fmt: skip
# Attributes of ``loop`` inside a ``{% for %}``; cycle() and changed() are the only calls besides range().
LOOP_ATTRIBUTES = frozenset(
    {
        "index", "index0", "revindex", "revindex0", "first", "last", "length",
        "depth", "depth0", "previtem", "nextitem", "cycle", "changed",
    }
)  # fmt: skip
LOOP_CALLS = frozenset({"cycle", "changed"})
# Names Jinja offers that a template may not use (the sandbox does not provide them).
REFUSED_NAMES = frozenset(
    {"cycler", "joiner", "namespace", "lipsum", "dict", "self", "caller", "varargs", "kwargs"}
)
# How deep a template may nest: Python refuses deeper code, so the audit does first.
MAX_DEPTH = 40
MAX_LOOP_DEPTH = 10

_TAGS: dict[type[nodes.Node], str] = {
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.Block: "{% block %}",
    nodes.Extends: "{% extends %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.AssignBlock: "{% set %}...{% endset %}",
    nodes.ScopedEvalContextModifier: "{% autoescape %}",
    nodes.EvalContextModifier: "{% autoescape %}",
    nodes.ExprStmt: "{% do %}",
    nodes.Scope: "{% autoescape %}",  # the parser wraps {% autoescape %} in a Scope
}
_STATEMENTS = (nodes.Output, nodes.If, nodes.For, nodes.Assign, nodes.With)
_PLAIN = (
    nodes.BinExpr, nodes.UnaryExpr, nodes.Compare, nodes.Operand, nodes.Concat,
    nodes.CondExpr, nodes.Slice, nodes.Pair, nodes.Keyword,
)  # fmt: skip


@dataclass(frozen=True)
class Violation:
    """One access outside the allow-list: where, the expression, and why it is refused."""

    lineno: int
    expression: str
    reason: str

    def __str__(self) -> str:
        return f"{self.expression}: {self.reason}" if self.expression else self.reason


# Shapes the audit tracks: a dict (keys -> shapes), a list [item], or one of these markers.
TEXT = "value"
PICTURE = "picture"
UNKNOWN = object()
LOOP = object()
RANGE = object()
LOOP_METHOD = object()  # loop.cycle, loop.changed
FAILED = object()  # a violation was recorded for this expression: say nothing more about it


def audit(tree: nodes.Template, shape: Mapping[str, Any] | None = None) -> list[Violation]:
    """Every access of ``tree`` outside the allow-list.

    ``shape`` is the context's shape when known (a schema of ``render/schema.py`` or the shape
    of a built context: dicts, one-item lists, leaves; a leaf starting with "Picture" or equal
    to ``"picture"`` is a picture); it lets the audit refuse ``heatmap.tpl`` or
    ``client.name.upper`` before any render. Without it, the audit still refuses internals,
    calls, forbidden statements, filters, tests and names.
    """
    auditor = _Auditor(dict(shape or {}))
    depth = _depth(tree)
    if depth > MAX_DEPTH:
        return [Violation(0, "", f"nested more than {MAX_DEPTH} levels deep (the nesting limit)")]
    auditor.statements(tree.body, {}, 0)
    return auditor.found


def _depth(tree: nodes.Node) -> int:
    deepest, stack = 0, [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return deepest


def _leaf_kind(shape: Any) -> str | None:
    if isinstance(shape, str):
        return PICTURE if shape == PICTURE or shape.startswith("Picture") else TEXT
    return None


class _Auditor:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.found: list[Violation] = []

    def refuse(self, node: nodes.Node, top: nodes.Node | None, reason: str) -> Any:
        self.found.append(Violation(node.lineno, describe(top or node), reason))
        return FAILED

    # ------------------------------------------------------------------ statements

    def statements(self, body: list[nodes.Node], scope: dict[str, Any], loops: int) -> None:
        for node in body:
            self.statement(node, scope, loops)

    def statement(self, node: nodes.Node, scope: dict[str, Any], loops: int) -> None:
        if not isinstance(node, _STATEMENTS):
            tag = _TAGS.get(type(node), type(node).__name__)
            self.found.append(Violation(node.lineno, "", f"{tag} is not allowed in a template"))
            return
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.statements(node.body, scope, loops)
            for branch in node.elif_:
                self.statement(branch, scope, loops)
            self.statements(node.else_, scope, loops)
        elif isinstance(node, nodes.For):
            self.loop(node, scope, loops)
        elif isinstance(node, nodes.Assign):
            value = self.expr(node.node, scope)
            self.bind(node.target, value, scope)
        else:  # With
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self.bind(target, self.expr(value, scope), inner)
            self.statements(node.body, inner, loops)

    def loop(self, node: nodes.For, scope: dict[str, Any], loops: int) -> None:
        if node.recursive:
            self.refuse(node.iter, None, "a recursive loop is not allowed in a template")
        if loops + 1 > MAX_LOOP_DEPTH:
            self.refuse(node.iter, None, f"loops nested more than {MAX_LOOP_DEPTH} deep")
            return
        iterable = self.expr(node.iter, scope)
        inner = dict(scope)
        item = iterable[0] if isinstance(iterable, list) and iterable else UNKNOWN
        if isinstance(iterable, dict):
            item = TEXT  # iterating a group gives its keys
        self.bind(node.target, item, inner)
        inner["loop"] = LOOP
        if node.test is not None:
            self.expr(node.test, inner)
        self.statements(node.body, inner, loops + 1)
        self.statements(node.else_, scope, loops)

    def bind(self, target: nodes.Node, value: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = value
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, UNKNOWN, scope)
        else:  # {% set ns.attr = ... %}
            self.refuse(target, None, "setting an attribute is not allowed in a template")

    # ------------------------------------------------------------------ expressions

    def expr(self, node: nodes.Node, scope: dict[str, Any], top: nodes.Node | None = None) -> Any:
        if isinstance(node, nodes.Const | nodes.TemplateData):
            return TEXT
        if isinstance(node, nodes.Name):
            return self.name(node, scope, top)
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, node.attr, scope, top or node)
        if isinstance(node, nodes.Getitem):
            return self.item(node, scope, top or node)
        if isinstance(node, nodes.Call):
            return self.call(node, scope, top or node)
        if isinstance(node, nodes.Filter):
            return self.filter(node, scope, top or node)
        if isinstance(node, nodes.Test):
            self.expr(node.node, scope)
            self.arguments(node, scope)
            if node.name not in TESTS:
                return self.refuse(node, top, f"the test '{node.name}' is not allowed")
            return TEXT
        if isinstance(node, nodes.List | nodes.Tuple):
            items = [self.expr(item, scope) for item in node.items]
            return [items[0] if items else UNKNOWN]
        if isinstance(node, nodes.Dict):
            shape: dict[str, Any] = {}
            for pair in node.items:
                value = self.expr(pair.value, scope)
                self.expr(pair.key, scope)
                if isinstance(pair.key, nodes.Const) and isinstance(pair.key.value, str):
                    shape[pair.key.value] = value
            return shape
        if isinstance(node, _PLAIN):
            for child in node.iter_child_nodes():
                self.expr(child, scope)
            return UNKNOWN if isinstance(node, nodes.CondExpr) else TEXT
        return self.refuse(node, top, f"{type(node).__name__} is not allowed in a template")

    def name(self, node: nodes.Name, scope: dict[str, Any], top: nodes.Node | None) -> Any:
        if node.name in scope:
            return scope[node.name]
        if node.name in self.root:
            return self.root[node.name]
        if node.name == "range":
            return RANGE
        if node.name == "loop":
            return self.refuse(node, top, "'loop' exists only inside a {% for %}")
        if node.name in REFUSED_NAMES:
            return self.refuse(node, top, f"'{node.name}' is not available in templates")
        return UNKNOWN

    def attribute(self, node: nodes.Node, attr: str, scope: dict[str, Any], top: nodes.Node) -> Any:
        base = self.expr(node.node, scope, top)  # type: ignore[attr-defined]
        owner = describe(node.node)  # type: ignore[attr-defined]
        if base is FAILED:
            return FAILED
        if attr.startswith("_"):
            return self.refuse(
                node, top, f"'{attr}' is a Python internal; templates read data only"
            )
        if base is LOOP:
            if attr not in LOOP_ATTRIBUTES:
                return self.refuse(
                    node, top, f"loop has no '{attr}' (it has {_listed(LOOP_ATTRIBUTES)})"
                )
            return LOOP_METHOD if attr in LOOP_CALLS else TEXT
        if isinstance(base, dict):
            return base.get(attr, UNKNOWN)  # an unknown key: a typo, reported by the variable check
        if isinstance(base, list):
            return self.refuse(
                node,
                top,
                f"{owner} is a list: it has no '{attr}' (loop over it, or use |first, |length)",
            )
        if base is RANGE:
            return self.refuse(node, top, f"range has no '{attr}'")
        kind = _leaf_kind(base)
        if kind == PICTURE:
            return self.refuse(
                node,
                top,
                f"{owner} is a picture: it has no '{attr}'; place it with {{{{ {owner} }}}}",
            )
        if kind == TEXT:
            return self.refuse(
                node,
                top,
                f"{owner} is a value: it has no '{attr}' (text is changed with filters, such as |upper)",
            )
        return UNKNOWN

    def item(self, node: nodes.Getitem, scope: dict[str, Any], top: nodes.Node) -> Any:
        key = node.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str):
            return self.attribute(node, key.value, scope, top)
        base = self.expr(node.node, scope, top)
        self.expr(key, scope)
        if base is FAILED:
            return FAILED
        if _leaf_kind(base) == PICTURE:
            return self.refuse(node, top, f"{describe(node.node)} is a picture: place it as it is")
        if isinstance(base, list):
            return base[0] if not isinstance(key, nodes.Slice) else base
        return TEXT if _leaf_kind(base) == TEXT else UNKNOWN

    def call(self, node: nodes.Call, scope: dict[str, Any], top: nodes.Node) -> Any:
        callee = self.expr(node.node, scope, top)
        self.arguments(node, scope)
        if callee is FAILED:
            return FAILED
        if callee is RANGE:
            return [TEXT]
        if callee is LOOP_METHOD:
            return UNKNOWN
        return self.refuse(
            node,
            top,
            "calls are not allowed in a template (only range(), loop.cycle() and loop.changed())",
        )

    def filter(self, node: nodes.Filter, scope: dict[str, Any], top: nodes.Node) -> Any:
        base = self.expr(node.node, scope, top) if node.node is not None else UNKNOWN
        self.arguments(node, scope)
        if base is FAILED:
            return FAILED
        if node.name not in FILTERS:
            return self.refuse(
                node, top, f"the filter '{node.name}' is not allowed (allowed: {_listed(FILTERS)})"
            )
        for keyword in node.kwargs:
            if keyword.key == "attribute":
                value = keyword.value
                if not (isinstance(value, nodes.Const) and isinstance(value.value, str | int)):
                    return self.refuse(node, top, "attribute= takes a name written in the template")
                if any(part.startswith("_") for part in str(value.value).split(".")):
                    return self.refuse(node, top, "attribute= names a Python internal")
        if node.name in ("first", "last", "min", "max"):
            return base[0] if isinstance(base, list) else UNKNOWN
        if node.name in ("sort", "unique", "reverse", "list"):
            return base if isinstance(base, list) else UNKNOWN
        if node.name in ("default", "d"):
            return base
        return TEXT

    def arguments(
        self, node: nodes.Call | nodes.Filter | nodes.Test, scope: dict[str, Any]
    ) -> None:
        for arg in node.args:
            self.expr(arg, scope)
        for keyword in node.kwargs:
            self.expr(keyword.value, scope)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.expr(extra, scope)


def _listed(names: frozenset[str]) -> str:
    return ", ".join(sorted(n for n in names if n.isidentifier()))


# ---------------------------------------------------------------------- showing an expression

_OPERATORS = {
    "Add": "+", "Sub": "-", "Mul": "*", "Div": "/", "FloorDiv": "//", "Pow": "**", "Mod": "%",
    "And": "and", "Or": "or",
}  # fmt: skip
_COMPARISONS = {
    "eq": "==",
    "ne": "!=",
    "gt": ">",
    "gteq": ">=",
    "lt": "<",
    "lteq": "<=",
    "notin": "not in",
}


def describe(node: nodes.Node, limit: int = 120) -> str:
    """A Jinja expression as a template author wrote it (near enough), cut at ``limit``."""
    text = "".join(_parts(node))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parts(node: nodes.Node) -> Iterator[str]:
    if isinstance(node, nodes.Name):
        yield node.name
    elif isinstance(node, nodes.Const):
        text = repr(node.value)
        yield text if len(text) <= 40 else text[:39] + "…"
    elif isinstance(node, nodes.Getattr):
        yield from _parts(node.node)
        yield f".{node.attr}"
    elif isinstance(node, nodes.Getitem):
        yield from _parts(node.node)
        yield f"[{describe(node.arg)}]"
    elif isinstance(node, nodes.Slice):
        yield ":".join(describe(p) if p is not None else "" for p in (node.start, node.stop))
    elif isinstance(node, nodes.Call):
        yield from _parts(node.node)
        yield f"({_arguments(node)})"
    elif isinstance(node, nodes.Filter):
        if node.node is not None:
            yield from _parts(node.node)
        yield f"|{node.name}"
        if node.args or node.kwargs:
            yield f"({_arguments(node)})"
    elif isinstance(node, nodes.Test):
        yield from _parts(node.node)
        yield f" is {node.name}"
    elif isinstance(node, nodes.List):
        yield f"[{', '.join(describe(i) for i in node.items)}]"
    elif isinstance(node, nodes.Tuple):
        yield f"({', '.join(describe(i) for i in node.items)})"
    elif isinstance(node, nodes.Dict):
        yield "{" + ", ".join(f"{describe(p.key)}: {describe(p.value)}" for p in node.items) + "}"
    elif isinstance(node, nodes.BinExpr):
        yield f"{describe(node.left)} {_OPERATORS.get(type(node).__name__, '?')} {describe(node.right)}"
    elif isinstance(node, nodes.Concat):
        yield " ~ ".join(describe(n) for n in node.nodes)
    elif isinstance(node, nodes.CondExpr):
        otherwise = f" else {describe(node.expr2)}" if node.expr2 is not None else ""
        yield f"({describe(node.expr1)} if {describe(node.test)}{otherwise})"
    elif isinstance(node, nodes.Not):
        yield f"not {describe(node.node)}"
    elif isinstance(node, nodes.Neg):
        yield f"-{describe(node.node)}"
    elif isinstance(node, nodes.Compare):
        yield describe(node.expr)
        for operand in node.ops:
            yield f" {_COMPARISONS.get(operand.op, operand.op)} {describe(operand.expr)}"
    else:
        yield "…"


def _arguments(node: nodes.Call | nodes.Filter | nodes.Test) -> str:
    args = [describe(a) for a in node.args]
    args += [f"{k.key}={describe(k.value)}" for k in node.kwargs]
    return ", ".join(args)
