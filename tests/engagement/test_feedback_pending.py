"""Rows a capture sheet pre-printed and nobody transcribed yet: skipped, counted, never refused."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogue_cli.common.errors import LocatedError
from dialogue_cli.engagement.loader import load
from tests.engagement.test_feedback_files import project

HEADER = "id;atelier;scenario;polarite;intensite;criteres;theme;verbatim;auteur\n"


def read(folder: Path) -> tuple[list[tuple[str, str]], Counter[str]]:
    pending: Counter[str] = Counter()
    found = [(f.id, f.polarity) for f in load(folder).feedback(pending=pending)]
    return found, pending


def test_pre_printed_rows_are_pending_until_a_polarity_is_typed(tmp_path: Path) -> None:
    rows = [
        "AT-CIT-BP-01;AT-CIT;BP;;;;;;",
        "AT-CIT-BP-02;AT-CIT;BP;+;2;RETOUR;;Enfin du concret;",
        "AT-CIT-BP-03;AT-CIT;BP;;;;;;",
        "AT-CIT-TR-01;AT-CIT;TR;idée;;;;Un tableau de bord;",
    ]
    folder = project(tmp_path, "f.csv", HEADER + "\n".join(rows) + "\n")
    found, pending = read(folder)
    assert found == [("AT-CIT-BP-02", "+"), ("AT-CIT-TR-01", "idee")]
    assert pending == Counter({"AT-CIT": 2})


def test_an_untouched_pre_filled_file_reads_as_no_feedback(tmp_path: Path) -> None:
    rows = [f"AT-CIT-BP-{n:02d};AT-CIT;BP;;;;;;" for n in range(1, 13)]
    found, pending = read(project(tmp_path, "f.csv", HEADER + "\n".join(rows) + "\n"))
    assert found == []
    assert pending["AT-CIT"] == 12


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("AT-CIT-BP-01;AT-CIT;BP;;;;;Ce qui a été dit, sans polarité;", "polarite"),
        ("AT-CIT-BP-01;AT-CIT;BP;;2;;;;", "polarite"),
        ("AT-CIT-BP-01;AT-CIT;BP;;;RETOUR;;;", "polarite"),
    ],
)
def test_a_line_with_anything_typed_but_no_polarity_is_still_an_error(
    tmp_path: Path, row: str, column: str
) -> None:
    """What a transcriber typed is never skipped silently: only untouched rows are pending."""
    folder = project(tmp_path, "f.csv", HEADER + row + "\n")
    with pytest.raises(LocatedError) as caught:
        read(folder)
    [line] = caught.value.lines()
    assert line.endswith(f"f.csv:2: {column}: empty: one of +, -, ?, idee"), line


def test_pending_rows_are_counted_only_when_asked(tmp_path: Path) -> None:
    folder = project(tmp_path, "f.csv", HEADER + "AT-CIT-BP-01;AT-CIT;BP;;;;;;\n")
    assert list(load(folder).feedback()) == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.lists(st.sampled_from(["+", "-", "?", "idee", ""]), min_size=1, max_size=30))
def test_transcribed_lines_and_pending_lines_add_up(tmp_path: Path, typed: list[str]) -> None:
    rows = [
        f"AT-CIT-BP-{n:02d};AT-CIT;BP;{polarity};;;;;" for n, polarity in enumerate(typed, start=1)
    ]
    found, pending = read(project(tmp_path, "f.csv", HEADER + "\n".join(rows) + "\n"))
    assert [polarity for _id, polarity in found] == [p for p in typed if p]
    assert pending["AT-CIT"] == typed.count("")
