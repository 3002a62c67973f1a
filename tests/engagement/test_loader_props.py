"""Property tests: whatever the file holds, the loader returns a model or raises its own error."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from dialogue_cli.common.errors import DialogueError, LocatedError
from dialogue_cli.engagement.loader import Project, load

KEYS = st.sampled_from(
    ["client", "name", "kind", "stakeholders", "id", "influence", "interest", "group", "scenarios",
     "grid", "criteria", "weight", "conditions", "workshops", "feedback", "polarity", "pricing",
     "vat_rate", "options", "engagement", "start", "phases", "cadrage", "days", "status", "x"]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["elus", "élus", "+", "-", "?", "idee", "commune", "BP", "2027-01-11"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
DOCS = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=25,
)


def _load_text(text: str) -> Project | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "engagement.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            return load(path)
        except DialogueError as error:
            assert error.lines() and all(line for line in error.lines())
            if isinstance(error, LocatedError):
                assert all(p.file.endswith("engagement.yaml") for p in error.problems)
            return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _load_text(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def test_any_yaml_document(doc: Any) -> None:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(doc, out)
    _load_text(out.getvalue())


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(KEYS, DOCS, max_size=6))
def test_any_document_with_a_client(doc: dict[str, Any]) -> None:
    doc = {**doc, "client": {"name": "Ville"}}
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(doc, out)
    result = _load_text(out.getvalue())
    if result is not None:
        assert result.engagement.client.name == "Ville"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=":-[]{}&*!|>'\"%@` \n\t#,?.0123abcé\x00\ufeff", max_size=120))
def test_yaml_like_text(text: str) -> None:
    _load_text("client:\n  name: X\n" + text)
