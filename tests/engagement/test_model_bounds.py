"""Bounds of the model: what `check` accepts, `render` renders; one past a bound is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.model import Engagement

BASE: dict[str, Any] = {"client": {"name": "Ville"}}


def with_value(path: str, value: Any) -> dict[str, Any]:
    """BASE with ``value`` at the dotted ``path`` (``workshops.0.participants``)."""
    doc: dict[str, Any] = {"client": {"name": "Ville"}}
    parts = path.split(".")
    node: Any = doc
    for part, following in zip(parts, [*parts[1:], None], strict=True):
        if following is None:
            node[part] = value
        elif following.isdigit():
            node = node.setdefault(part, [{}])[int(following)]
        elif not part.isdigit():
            node = node.setdefault(part, {})
    return doc


WORKSHOP = {"id": "W", "group": "elus"}
STAKEHOLDER = {"id": "S", "name": "A", "influence": 1, "interest": 1}
# (path, the largest value accepted, the smallest refused, what the refusal says)
BOUNDS = [
    ("client.name", "N" * 100, "N" * 101, "at most 100 characters"),
    ("consultant.company", "C" * 100, "C" * 101, "at most 100 characters"),
    ("brand.name", "B" * 100, "B" * 101, "at most 100 characters"),
    ("engagement.title", "T" * 120, "T" * 121, "at most 120 characters"),
    ("engagement.reference", "R" * 100, "R" * 101, "at most 100 characters"),
    ("client.population", 100_000_000, 100_000_001, "less than or equal to 100000000"),
    ("client.address", "a" * 200, "a" * 201, "at most 200 characters"),
    ("phases.cadrage.days", 2.25, 2.255, "no more than 2 decimal places"),
    ("pricing.package.days", 1000, 1000.5, "less than or equal to 1000"),
    ("pricing.vat_rate", 5.5, 5.555, "no more than 2 decimal places"),
    ("pricing.package.workshops", 100, 101, "less than or equal to 100"),
]


@pytest.mark.parametrize(("path", "good", "bad", "words"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_bounds(path: str, good: Any, bad: Any, words: str) -> None:
    Engagement.model_validate(with_value(path, good))
    with pytest.raises(ValidationError, match=words):
        Engagement.model_validate(with_value(path, bad))


@pytest.mark.parametrize(
    ("item", "field", "good", "bad", "words"),
    [
        ("workshops", "participants", 100_000, 100_001, "less than or equal to 100000"),
        ("workshops", "place", "p" * 200, "p" * 201, "at most 200 characters"),
        ("workshops", "sheet", "s" * 31, "s" * 32, "at most 31 characters"),
        ("workshops", "feedback_file", "f.csv", "", "empty: give the file's path"),
        ("workshops", "feedback_file", "f.csv", "a\x00b.csv", "a control character"),
        ("stakeholders", "name", "n" * 200, "n" * 201, "at most 200 characters"),
        ("stakeholders", "influence", 5, True, "expected a number, got true"),
        ("stakeholders", "interest", 1, False, "expected a number, got false"),
    ],
)
def test_bounds_of_list_items(item: str, field: str, good: Any, bad: Any, words: str) -> None:
    base = WORKSHOP if item == "workshops" else STAKEHOLDER
    Engagement.model_validate({**BASE, item: [{**base, field: good}]})
    with pytest.raises(ValidationError, match=words):
        Engagement.model_validate({**BASE, item: [{**base, field: bad}]})


def test_a_yes_no_value_is_not_a_weight() -> None:
    criterion = {"id": "C", "label": "C", "conditions": ["elus"]}
    with pytest.raises(ValidationError, match="expected a number, got true"):
        Engagement.model_validate({**BASE, "grid": {"criteria": [{**criterion, "weight": True}]}})


def test_every_name_at_its_bound_renders(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names, titles and the reference at their longest, made of marks that French spacing
    doubles (« ! » gets a no-break space before it): Word's 255-character document properties
    still hold them (they raised "exceeded 255 char limit" with 256)."""
    from docx import Document

    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("  title: Stratégie de dialogue citoyen de la Ville d'Ormessac\n", "T" + "?" * 119),
        ("  reference: ORM-2027-01\n", "R" + ";" * 99),
        ("  name: Ville d'Ormessac\n", "V" + "!" * 99),
        ("  name: Marchal Concertation\n", "B" + "!" * 99),
    ]:
        assert text.count(old) == 1, old
        key = old.split(":")[0]
        text = text.replace(old, f"{key}: '{new}'\n")
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(example)]).exit_code == 0
    result = runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"])
    assert result.exit_code == 0, result.output
    props = Document(str(example / "livrables" / "cahier-des-charges.docx")).core_properties
    assert props.title.startswith("Cahier des charges du dispositif de dialogue citoyen – V")
    assert props.title.count("!") == 99
    for value in (props.title, props.subject, props.author, props.identifier):
        assert len(value) <= 255
