"""`dialogue check` warns, file:line:col, where the story the documents would tell contradicts itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from tests.conftest import FINISHED


def edit(folder: Path, *pairs: tuple[str, str]) -> str:
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, start: str, after: str = "") -> int:
    """The 1-based number of the first line starting (spaces aside) with ``start``, after ``after``."""
    lines = text.splitlines()
    begin = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return (
        next(i for i, line in enumerate(lines) if i >= begin and line.strip().startswith(start)) + 1
    )


def warnings(runner: CliRunner, folder: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["check", str(folder), *args])
    assert result.exit_code == 0, result.output  # warnings never fail the check
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    # Printed with the file as given on the command line: keep what follows its name.
    return [line.split("engagement.yaml:", 1)[1] for line in lines]


@pytest.fixture
def finished(tmp_path: Path) -> Path:
    target = tmp_path / "val-d-orme"
    shutil.copytree(FINISHED, target)
    return target


def test_the_two_examples_tell_their_story_without_warning(
    runner: CliRunner, example: Path, finished: Path
) -> None:
    assert warnings(runner, example) == []
    assert warnings(runner, finished) == []


def test_results_recorded_for_a_phase_still_todo(runner: CliRunner, example: Path) -> None:
    text = edit(
        example,
        ("  solutions: []\n", "  participants: 18\n  solutions:\n    - id: SOL1\n"
         "      title: Un budget participatif à pas mesurés\n      scenarios: [BP]\n"
         "      tests:\n        - {group: citoyens, verdict: \"+\"}\n"),
        ("ateliers: {days: 3, status: done}", "ateliers: {days: 3, status: todo}"),
        ("analyse: {days: 2, status: doing}", "analyse: {days: 2, status: todo}"),
    )  # fmt: skip
    found = warnings(runner, example)
    elus = line_of(text, "feedback:", after="id: AT-ELUS")
    citoyens = line_of(text, "feedback_file:", after="id: AT-CITOYENS")
    participants = line_of(text, "participants: 18")
    tests = line_of(text, "tests:", after="id: SOL1")
    assert (
        f"{elus}:5: workshops[0].feedback: workshop AT-ELUS records 22 feedback items and 11 "
        "participants but phases.ateliers.status is todo: mark the phase doing or done"
    ) in found
    assert (
        f"{citoyens}:20: workshops[1].feedback_file: workshop AT-CITOYENS records 24 feedback "
        "items and 23 participants but phases.ateliers.status is todo: mark the phase doing or done"
    ) in found
    assert (
        f"{participants}:17: creativity.participants: the creativity session records 18 "
        "participants but phases.creativite.status is todo: mark the phase doing or done"
    ) in found
    assert (
        f"{tests}:7: creativity.solutions[0].tests: solution SOL1 is tested but "
        "phases.creativite.status is todo: mark the phase doing or done"
    ) in found


def test_a_past_event_in_a_phase_still_todo(runner: CliRunner, example: Path) -> None:
    text = edit(example, ("ateliers: {days: 3, status: done}", "ateliers: {days: 3, status: todo}"))
    line = line_of(text, "date: 2027-02-04", after="id: AT-CITOYENS")
    assert (
        f"{line}:11: workshops[1].date: workshop AT-CITOYENS on Thursday 2027-02-04 is before the "
        "document date (Thursday 2027-02-11) but phases.ateliers.status is todo: mark the phase "
        "doing or done, or move the date"
    ) in warnings(runner, example)


def test_a_done_phase_dated_after_the_document_date(runner: CliRunner, example: Path) -> None:
    text = edit(
        example, ("creativite: {days: 1.5, status: todo}", "creativite: {days: 1.5, status: done}")
    )
    line = line_of(text, "creativite: {days: 1.5, status: done}")
    assert warnings(runner, example) == [
        f"{line}:35: phases.creativite.status: creativite is done but planned from Tuesday "
        "2027-03-09, after the document date (Thursday 2027-02-11): set the phase's dates, or a "
        "later document date"
    ]


def test_a_done_phase_with_an_event_after_the_document_date(
    runner: CliRunner, example: Path
) -> None:
    # --date before two of the three workshops: the phase cannot be done on that day.
    text = (example / "engagement.yaml").read_text(encoding="utf-8")
    line = line_of(text, "date: 2027-02-09", after="id: AT-SERVICES")
    found = warnings(runner, example, "--date", "2027-02-03")
    assert len(found) == 2
    assert found[1] == (
        f"{line}:11: workshops[2].date: workshop AT-SERVICES on Tuesday 2027-02-09 is not before "
        "the document date (Wednesday 2027-02-03) but phases.ateliers.status is done: correct the "
        "date, or use a later document date"
    )


def test_a_retained_solution_on_a_blocked_option_needs_tests_or_a_rationale(
    runner: CliRunner, finished: Path
) -> None:
    # SOL2 answers PM, blocked by the services and the citizens; without the services' test...
    text = edit(
        finished,
        ("        - {group: services, verdict: \"=\", note: Acceptable si la modération est "
         "externalisée et le nombre de consultations plafonné.}\n", ""),
    )  # fmt: skip
    line = line_of(text, "retained: true", after="id: SOL2")
    assert warnings(runner, finished) == [
        f"{line}:17: creativity.solutions[1].retained: SOL2 is retained but rests on PM "
        "(services and citoyens below the threshold), not viable, with no test from services, "
        "and no rationale: test it with that group or write creativity.solutions[1].rationale"
    ]
    # ...a rationale is what allows it.
    edit(
        finished,
        (
            "      retained: true\n    - id: SOL3",
            "      retained: true\n      rationale: Arbitrage du bureau.\n    - id: SOL3",
        ),
    )
    assert warnings(runner, finished) == []


def test_a_retained_solution_a_group_rejected_needs_a_rationale(
    runner: CliRunner, finished: Path
) -> None:
    path = finished / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      rationale: >-")
    text = text[:start] + text[text.index("    - id: SOL2") :]
    path.write_text(text, encoding="utf-8")
    line = line_of(text, '- {group: elus, verdict: "-"', after="id: SOL1")
    assert warnings(runner, finished) == [
        f"{line}:34: creativity.solutions[0].tests[0].verdict: SOL1 is retained although the elus "
        "test is '-' and it has no rationale: write creativity.solutions[0].rationale, or set "
        "retained: false"
    ]
    data = json.loads(runner.invoke(app, ["check", str(finished), "--json"]).stdout)
    assert len(data["warnings"]) == 1
    assert data["warnings"][0].endswith(
        f"engagement.yaml:{line}:34: creativity.solutions[0].tests[0].verdict: SOL1 is retained "
        "although the elus test is '-' and it has no rationale: write "
        "creativity.solutions[0].rationale, or set retained: false"
    )


def test_check_prints_the_document_date_and_version(runner: CliRunner, finished: Path) -> None:
    result = runner.invoke(app, ["check", str(finished)])
    assert (
        "Document date: Tuesday 2026-12-01 (engagement.document_date); version 1.0, validated by "
        "Bureau communautaire du 26 novembre 2026"
    ) in result.stdout
    result = runner.invoke(app, ["check", str(finished), "--date", "2026-10-05"])
    assert "Document date: Monday 2026-10-05 (--date)" in result.stdout
