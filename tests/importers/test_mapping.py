"""The mapping file: validated and checked against the engagement, every problem at its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.loader import load
from dialogue_cli.importers.mapping import Mapping, load_mapping

from ..conftest import EXAMPLE


@pytest.fixture(scope="module")
def engagement():  # type: ignore[no-untyped-def]
    return load(EXAMPLE).engagement


def problems(path: Path, engagement, source: str = "decidim") -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(LocatedError) as caught:
        load_mapping(path, path.name, engagement, source)
    return [str(p) for p in caught.value.problems]


def test_numbers_as_keys_and_shorthands_are_read(
    write: Callable[[str, str], Path], engagement
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "m.yaml",
        """
        scenario:
          by:
            component: {12: BP, 13: ~}
        polarity:
          by:
            alignment: {1: "+", -1: négatif, 0: ~}
        intensity: {votes: {2: 5, 3: 20}}
        separator: tab
        questions:
          3: PN
          Q4: skip
          Q5: {scenario: CQ, polarity: likert, criteria: "RETOUR, INCLUSION"}
        """,
    )
    mapping = load_mapping(path, "m.yaml", engagement, "decidim")
    assert mapping.scenario.by == {"component": {"12": "BP", "13": None}}
    assert mapping.polarity.by == {"alignment": {"1": "+", "-1": "-", "0": None}}
    assert mapping.intensity.votes == {"2": 5, "3": 20}
    assert mapping.separator == "\t"
    assert mapping.questions["3"].scenario == "PN"
    assert mapping.questions["Q4"].skip
    assert mapping.questions["Q5"].criteria == ["RETOUR", "INCLUSION"]


def test_an_empty_file_is_an_empty_mapping(write: Callable[[str, str], Path], engagement) -> None:  # type: ignore[no-untyped-def]
    path = write("m.yaml", "# rien encore\n")
    assert load_mapping(path, "m.yaml", engagement, "csv") == Mapping()


def test_unknown_keys_and_ids_are_located(write: Callable[[str, str], Path], engagement) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "m.yaml",
        """
        source: decidim
        scenario:
          by:
            component:
              "12": BQ
          defaut: TR
        polarity:
          default: peut-être
        criteria:
          MANDA: [élus]
        questions:
          "3": {scenario: PX, critera: [COUT]}
        """,
    )
    assert problems(path, engagement) == [
        "m.yaml:6:3: scenario.defaut: unknown key 'defaut' (did you mean 'default'?)",
        "m.yaml:8:12: polarity.default: Input should be '+', '-', '?' or 'idee', got 'peut-être'",
        "m.yaml:12:23: questions.3.critera: unknown key 'critera' (did you mean 'criteria'?)",
    ]


def test_ids_the_engagement_does_not_know_are_located(
    write: Callable[[str, str], Path], engagement
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "m.yaml",
        """
        source: consul
        scenario:
          by:
            component:
              "12": BQ
        criteria:
          MANDA: [élus]
        questions:
          "3": {scenario: PX, criteria: [COUTS]}
        """,
    )
    assert problems(path, engagement) == [
        "m.yaml:1:9: source: this mapping is for consul, not decidim",
        "m.yaml:5:13: scenario.by.component.12: unknown scenario 'BQ' (did you mean 'CQ'?)",
        "m.yaml:7:3: criteria.MANDA: unknown criterion 'MANDA' (did you mean 'MANDAT'?)",
        "m.yaml:9:19: questions.3.scenario: unknown scenario 'PX' (did you mean 'PN'?)",
        "m.yaml:9:34: questions.3.criteria[0]: unknown criterion 'COUTS' (did you mean 'COUT'?)",
    ]


def test_thresholds_and_keywords_are_checked(write: Callable[[str, str], Path], engagement) -> None:  # type: ignore[no-untyped-def]
    path = write("m.yaml", "intensity: {votes: {2: 30, 3: 10}}\ncriteria: {COUT: ['  ']}\n")
    found = problems(path, engagement, "csv")
    assert any("intensity.votes" in p and "at least those for intensity 2" in p for p in found)
    assert any(p.startswith("m.yaml:2:") and "list at least one keyword" in p for p in found)


def test_a_yaml_error_is_located(write: Callable[[str, str], Path], engagement) -> None:  # type: ignore[no-untyped-def]
    path = write("m.yaml", "scenario:\n  by: {component: {12: BP}\n")
    found = problems(path, engagement, "csv")
    assert len(found) == 1 and found[0].startswith("m.yaml:2:7:") and "opened here" in found[0]
