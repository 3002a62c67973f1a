"""The run sheet's timings: worked out by hand for the defaults, exact sums for any duration."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.render.workshop.timing import clock, creativity_timing, span, workshop_timing


def steps(timing: object) -> list[tuple[str, str | None, int, int]]:
    return [(s.key, s.scenario, s.start, s.minutes) for s in timing.steps]  # type: ignore[attr-defined]


def test_a_two_hour_workshop_with_four_scenarios() -> None:
    # Fixed: 10 + 10 + 5 before, 10 (transversal) + 10 + 5 after = 50; 70 left for 4 scenarios:
    # 17.5 each, 15 in whole 5-minute steps; the 10 left over go to the synthesis (10 + 10).
    timing = workshop_timing(120, ["BP", "CQ", "PN", "PC"], transversal=True)
    assert steps(timing) == [
        ("welcome", None, 0, 10),
        ("opening", None, 10, 10),
        ("question", None, 20, 5),
        ("scenario", "BP", 25, 15),
        ("scenario", "CQ", 40, 15),
        ("scenario", "PN", 55, 15),
        ("scenario", "PC", 70, 15),
        ("transversal", None, 85, 10),
        ("synthesis", None, 95, 20),
        ("close", None, 115, 5),
    ]
    # A fifth to present, a third to write, the rest to talk: 3, 5 and 7 minutes.
    assert timing.steps[3].parts == (("present", 3), ("write", 5), ("exchange", 7))
    assert timing.warnings == ()


def test_the_creativity_session_of_three_hours() -> None:
    # Fixed: 10 + 10 + 15, then a break of 15, the test 30, synthesis 10, close 5 = 95;
    # 85 left for 4 options: 20 each, the 5 left over to the synthesis (15).
    timing = creativity_timing(180, ["PC", "BP", "CQ", "PN"])
    assert [(k, s, m) for k, s, _start, m in steps(timing)] == [
        ("welcome", None, 10), ("opening", None, 10), ("results", None, 15),
        ("option", "PC", 20), ("option", "BP", 20), ("option", "CQ", 20), ("option", "PN", 20),
        ("pause", None, 15), ("test", None, 30), ("synthesis", None, 15), ("close", None, 5),
    ]  # fmt: skip
    assert timing.steps[3].parts == (("recall", 4), ("ideas", 10), ("share", 6))


def test_a_long_workshop_gets_a_break_halfway_through_the_scenarios() -> None:
    timing = workshop_timing(180, ["A", "B", "C"], transversal=False)
    keys = [(s.key, s.scenario) for s in timing.steps]
    assert keys.index(("pause", None)) == keys.index(("scenario", "B")) + 1
    # 180 - (10 + 10 + 5 + 10 + 10 + 5) = 130 for three scenarios: 40 each, 10 to the synthesis.
    assert timing.scenario_minutes() == 40
    assert next(s for s in timing.steps if s.key == "synthesis").minutes == 20


def test_a_short_session_shrinks_the_fixed_sequences_and_says_so() -> None:
    timing = workshop_timing(60, ["A", "B", "C", "D"], transversal=True)
    # Shortest fixed sequences: 5 each (6 of them) = 30; 30 left: 7 minutes per scenario.
    assert timing.scenario_minutes() == 7
    assert sum(s.minutes for s in timing.steps) == 60
    assert timing.warnings == (
        "4 scenarios in 60 minutes: the fixed sequences are shortened to their least and each "
        "scenario gets 7 minutes; plan at least 70 minutes (10 per scenario)",
    )


def test_a_session_too_short_for_its_scenarios_is_shared_in_proportion() -> None:
    timing = workshop_timing(15, ["A", "B", "C", "D"], transversal=True)
    assert sum(s.minutes for s in timing.steps) == 15
    assert "cannot be presented in 15 minutes" in timing.warnings[0]


def test_no_scenario_is_said() -> None:
    timing = workshop_timing(120, [], transversal=False)
    assert sum(s.minutes for s in timing.steps) == 120
    assert timing.warnings == ("no scenario to present: add scenarios to the engagement",)


@given(
    minutes=st.integers(min_value=15, max_value=720),
    count=st.integers(min_value=0, max_value=12),
    transversal=st.booleans(),
    creativity=st.booleans(),
)
def test_every_timing_adds_up_to_the_session_and_follows_on(
    minutes: int, count: int, transversal: bool, creativity: bool
) -> None:
    items = [f"S{n}" for n in range(count)]
    timing = (
        creativity_timing(minutes, items)
        if creativity
        else workshop_timing(minutes, items, transversal)
    )
    assert sum(s.minutes for s in timing.steps) == minutes
    start = 0
    for step in timing.steps:
        assert step.start == start and step.minutes >= 0
        assert sum(m for _k, m in step.parts) in (0, step.minutes)
        start = step.end
    assert [s.scenario for s in timing.steps if s.scenario] == items
    assert len({s.minutes for s in timing.steps if s.scenario}) <= 2  # equal shares (±1 minute)


def test_clock_times_in_both_languages() -> None:
    assert clock(dt.time(18, 30), 0, "fr") == "18\u00a0h\u00a030"
    assert clock(dt.time(18, 30), 30, "fr") == "19\u00a0h"
    assert clock(dt.time(18, 30), 35, "en") == "19:05"
    assert clock(dt.time(23, 30), 45, "fr") == "0\u00a0h\u00a015"  # past midnight
    assert clock(None, 25, "fr") == "25\u00a0min"
    assert span(dt.time(9, 0), 0, 120, "fr") == "9\u00a0h\u00a0–\u00a011\u00a0h"
    assert span(None, 25, 40, "en") == "25–40 min"
