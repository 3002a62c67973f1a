"""Random templates from a grammar of Jinja over the example's real context never escape.

Expressions are built from the context's own names and keys, Python internals, the methods of
docxtpl's and python-docx's objects, every filter and test Jinja has, calls, operators, loops,
and the statements the allow-list refuses. Whatever comes out, the render either succeeds (a
valid document, saved in the output folder) or raises a :class:`TemplateProblem`; never anything
else, nothing written outside the output folder, and each example within a bounded time.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.tests import TESTS as JINJA_TESTS

from dialogue_cli.engagement.loader import load
from dialogue_cli.render.catalog import BY_NAME
from dialogue_cli.render.contexts import build_context
from dialogue_cli.render.documents import render_one
from dialogue_cli.render.environment import TemplateProblem
from dialogue_cli.render.results import Results
from dialogue_cli.render.schema import CONTEXTS
from dialogue_cli.render.templates import Source, check_file
from dialogue_cli.render.writer import to_bytes, validate_docx
from tests.conftest import EXAMPLE

DOCUMENTS = ("synthese-ateliers", "cahier-des-charges")  # the heatmap, the map and the Gantt


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The real contexts; an empty working folder and a trap folder the grammar's paths name."""
    root = tmp_path_factory.mktemp("grammar")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIALOGUE_CACHE", str(root / "cache"))
        results = Results(load(EXAMPLE), today=dt.date(2027, 3, 15))
        contexts = {name: build_context(name, results) for name in DOCUMENTS}
        (root / "trap").mkdir()
        (root / "cwd").mkdir()
        patch.chdir(root / "cwd")
        yield {"root": root, "contexts": contexts}


def _keys(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list) and value:
        _keys(value[0], found)
    return found


# The documented shape is the real context's shape (tests/render/test_templates.py checks it).
KEYS = sorted(set().union(*(_keys(CONTEXTS[name], set()) for name in DOCUMENTS)))
INTERNALS = [
    "__class__", "__mro__", "__subclasses__", "__init__", "__globals__", "__builtins__",
    "__dict__", "__html__", "__getitem__", "__reduce__", "_marker", "_insert_image",
    "mro", "gi_frame", "f_globals", "func_globals",
]  # fmt: skip
METHODS = [
    "tpl", "render", "save", "write_xml", "docx", "part", "blob", "image_descriptor",
    "current_rendering_part", "new_subdoc", "replace_pic", "template_file", "build_xml",
    "format", "format_map", "upper", "items", "keys", "values", "get", "pop", "update",
    "append", "join", "os", "popen", "system", "read", "environment", "globals", "filters",
    "new_context", "next", "cycle", "changed", "index", "length",
]  # fmt: skip
NAMES = [
    *sorted(set().union(*(CONTEXTS[name] for name in DOCUMENTS))),
    "v", "w", "loop", "range", "cycler", "joiner", "namespace", "lipsum", "dict", "self", "caller",
    "undefined_name",
]  # fmt: skip
LITERALS = ["0", "1", "3", "-1", "1000000000", "100000", "'x'", "'%1000000000s'", "'%s%s'",
            "'{0.__class__}'", "'id > pwned.txt'", "'TRAP/written.docx'", "[1, 2]", "{'a': 1}",
            "none", "true", "'\\x01'", "(1, 2)", "2.5"]  # fmt: skip
OPERATORS = [" * ", " ~ ", " % ", " + ", " ** ", " // ", " - ", " == ", " in ", " and "]
FILTER_NAMES = sorted(JINJA_FILTERS)
TEST_NAMES = sorted(name for name in JINJA_TESTS if name.isidentifier())

atoms = st.sampled_from(NAMES + LITERALS)
arguments = st.lists(st.sampled_from(LITERALS + NAMES), max_size=2).map(", ".join)


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(KEYS + INTERNALS + METHODS)).map(
            lambda t: f"{t[0]}.{t[1]}"
        ),
        st.tuples(inner, st.sampled_from(["0", "-1", "'name'", "'__class__'", "1:3"])).map(
            lambda t: f"{t[0]}[{t[1]}]"
        ),
        st.tuples(inner, arguments).map(lambda t: f"{t[0]}({t[1]})"),
        st.tuples(inner, st.sampled_from(FILTER_NAMES), arguments).map(
            lambda t: f"{t[0]}|{t[1]}({t[2]})" if t[2] else f"{t[0]}|{t[1]}"
        ),
        st.tuples(inner, st.sampled_from(TEST_NAMES)).map(lambda t: f"({t[0]} is {t[1]})"),
        st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(inner, inner).map(lambda t: f"[{t[0]}, {t[1]}]"),
    )


expressions = st.recursive(atoms, _extend, max_leaves=6)
attrs = st.sampled_from(KEYS + INTERNALS + METHODS)


def _statement(draw: Any) -> str:
    e = draw(expressions)
    kind = draw(st.integers(0, 10))
    a, b = draw(attrs), draw(attrs)
    return [
        f"{{{{ {e} }}}}",
        f"{{% if {e} %}}A{{% else %}}B{{% endif %}}",
        f"{{% for v in {e} %}}{{{{ v.{a} }}}}{{{{ loop.index }}}}{{{{ loop.{b} }}}}{{% endfor %}}",
        f"{{% for v in {e} %}}{{% for w in {draw(expressions)} %}}{{{{ w }}}}{{% endfor %}}{{% endfor %}}",
        f"{{% set v = {e} %}}{{{{ v }}}}{{{{ v.{a} }}}}",
        f"{{% with v = {e} %}}{{{{ v[0] }}}}{{% endwith %}}",
        f"{{% filter upper %}}{{{{ {e} }}}}{{% endfilter %}}",
        f"{{% macro m(a) %}}{{{{ a }}}}{{% endmacro %}}{{{{ m({e}) }}}}",
        f"{{% autoescape false %}}{{{{ {e} }}}}{{% endautoescape %}}",
        f"{{% set x %}}{{{{ {e} }}}}{{% endset %}}{{{{ x }}}}",
        f"{{% for v in {e} recursive %}}{{{{ loop(v) }}}}{{% endfor %}}",
    ][kind]


templates = st.composite(
    lambda draw: " ".join(_statement(draw) for _ in range(draw(st.integers(1, 3))))
)()


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if "cache" not in p.parts}


@settings(
    max_examples=int(os.environ.get("DIALOGUE_GRAMMAR_EXAMPLES", "100")),
    deadline=dt.timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=templates, name=st.sampled_from(DOCUMENTS))
def test_a_random_template_renders_or_is_refused_cleanly(
    world: dict[str, Any], text: str, name: str
) -> None:
    root: Path = world["root"]
    trap = root / "trap"
    text = text.replace("TRAP", str(trap))
    work = Path(tempfile.mkdtemp(dir=root, prefix="example-"))
    out = work / "out"
    out.mkdir()
    document = Document()
    document.add_paragraph(text)
    template = work / "templates" / f"{name}.docx"
    template.parent.mkdir()
    document.save(str(template))
    before = _everything(root)

    findings = check_file(template)  # the static check never fails, whatever it reads
    assert all(f.level in ("error", "warning") for f in findings)
    context = dict(world["contexts"][name])
    try:
        tpl = render_one(Source(BY_NAME[name], template, False), context)
    except TemplateProblem as problem:
        assert problem.message.strip(), text  # always a reason
        assert str(template) in str(problem)
    else:
        data = to_bytes(tpl.save)
        validate_docx(data, name)  # what renders is a valid document
        (out / f"{name}.docx").write_bytes(data)

    written = _everything(root) - before
    assert all(path.startswith(str(out.relative_to(root))) for path in written), written
    assert list(trap.iterdir()) == []
    assert not list(root.rglob("pwned.txt"))
