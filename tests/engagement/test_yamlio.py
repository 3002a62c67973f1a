"""The fast safe loader reads every scalar as ruamel's default (versioned) safe loader does."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.yamlio import roundtrip_load, safe_load

# ruamel warns that YAML 1.1 would read "1e3" otherwise; both loaders read it as 1.2 does.
pytestmark = pytest.mark.filterwarnings("ignore::ruamel.yaml.error.MantissaNoDotYAML1_1Warning")

# Plain scalars whose type depends on the resolver's rules (YAML 1.1 and 1.2 differ on most).
TRICKY = [
    "yes", "no", "on", "off", "y", "n", "True", "FALSE", "true", "null", "Null", "~", "",
    "0o17", "017", "0x1F", "1_000", "12:30", "190:20:30", "+1", "-.5", ".inf", "-.INF", ".nan",
    "1e3", "1.5e-3", "2027-01-11", "2027-01-11 10:30:00", "2027-1-1", "=", "<<", "-", ".5",
    "0", "007", "1,5", "25 400", "Élus", "&x", "*y",
]  # fmt: skip


def outcome(load: Callable[[str], object], text: str) -> object:
    """What a loader makes of ``text``: the data, or that it refused it (safe_load words the
    refusal its own way, located; the reference leaves ruamel's message)."""
    try:
        return load(text)
    except (LocatedError, YAMLError):
        return "refused"


def reference(text: str) -> object:
    """ruamel's safe loader with its default, versioned resolver (what `load` used before)."""
    return outcome(YAML(typ="safe").load, text)


def fast(text: str) -> object:
    return outcome(lambda t: safe_load(t, "t.yaml"), text)


@pytest.mark.parametrize("scalar", TRICKY)
def test_each_tricky_scalar_reads_as_the_versioned_loader_reads_it(scalar: str) -> None:
    for text in (f"value: {scalar}\n", f"list: [{scalar}, x]\n", f"- {scalar}\n"):
        assert fast(text) == reference(text)


def test_plain_values_keep_their_yaml_1_2_types() -> None:
    data = safe_load("a: yes\nb: 017\nc: 2027-01-11\nd: true\ne: 1_000\n", "t.yaml")
    assert data == {"a": "yes", "b": 17, "c": dt.date(2027, 1, 11), "d": True, "e": 1000}


def test_a_yaml_1_1_directive_reads_as_before() -> None:
    # Behind the C parser, the versioned resolver never saw the directive: 1.2 rules.
    text = "%YAML 1.1\n---\na: yes\nb: 017\n"
    assert fast(text) == reference(text) == {"a": "yes", "b": 17}


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=12),
    st.sampled_from(TRICKY),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_any_document_reads_as_with_the_versioned_loader(doc: object) -> None:
    import io

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump({"doc": doc}, out)
    text = out.getvalue()
    assert fast(text) == reference(text)


@pytest.mark.parametrize("load", [safe_load, roundtrip_load])
def test_a_yaml_1_1_directive_reads_1e3_as_a_number_without_ruamels_advice(
    load: Callable[[str, str], object],
) -> None:
    """ruamel warns, with a page of advice on stderr, that YAML 1.1 wants ``1.0e3``."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        data = load("%YAML 1.1\n---\npopulation: 1e3\n", "engagement.yaml")
    assert data == {"population": 1000.0}
