"""Where the engagement stands at a date: phase and event states, and the contradictions check warns of."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogue_cli.engagement.model import Engagement
from dialogue_cli.planning.plan import build_plan
from dialogue_cli.planning.timeline import Timeline, build_timeline, problems

D = dt.date


def engagement(**phases: str) -> Engagement:
    """Three dated workshops (Tue 2, Thu 4, Tue 9 Feb 2027) and a session on Tue 9 Mar 2027."""
    status = {"cadrage": "done", "preparation": "done", "ateliers": "done", "analyse": "doing"}
    status |= phases
    data: dict[str, Any] = {
        "client": {"name": "Ville de Test"},
        "engagement": {"start": "2027-01-11"},
        "phases": {name: {"days": days, "status": status.get(name, "todo")}
                   for name, days in (("cadrage", 1), ("preparation", 2.5), ("ateliers", 3),
                                      ("analyse", 2), ("creativite", 1.5), ("livrables", 2))},
        "workshops": [
            {"id": "AT-E", "group": "elus", "date": "2027-02-02", "participants": 11},
            {"id": "AT-C", "group": "citoyens", "date": "2027-02-04", "participants": 23},
            {"id": "AT-S", "group": "services", "date": "2027-02-09"},
        ],
        "creativity": {"date": "2027-03-09", "place": "Médiathèque"},
    }  # fmt: skip
    return Engagement.model_validate(data)


def at(e: Engagement, day: dt.date) -> Timeline:
    return build_timeline(e, build_plan(e, today=day), day)


def states(timeline: Timeline) -> dict[str, str]:
    return {name: phase.state for name, phase in timeline.phases.items()}


def test_on_the_stated_day_the_declared_statuses_stand() -> None:
    timeline = at(engagement(), D(2027, 2, 11))
    assert states(timeline) == {
        "cadrage": "done", "preparation": "done", "ateliers": "done",
        "analyse": "ongoing", "creativite": "upcoming", "livrables": "upcoming",
    }  # fmt: skip
    assert [(e.id, e.state) for e in timeline.events] == [
        ("AT-E", "held"), ("AT-C", "held"), ("AT-S", "held"), ("creativity", "upcoming"),
    ]  # fmt: skip
    assert timeline.current == "analyse"
    assert [e.id for e in timeline.upcoming] == ["creativity"]


def test_an_earlier_date_holds_the_statuses_back_never_forward() -> None:
    # 3 February: the élus' workshop is past, the two others ahead; analysis not begun.
    timeline = at(engagement(), D(2027, 2, 3))
    assert timeline.state("ateliers") == "ongoing"  # done, but two of its events are ahead
    assert timeline.state("analyse") == "upcoming"  # doing, but planned from 10 February
    assert [e.state for e in timeline.workshops] == ["held", "upcoming", "upcoming"]
    # An event on the document date itself is still ahead: it is told as to come.
    assert at(engagement(), D(2027, 2, 4)).workshops[1].state == "upcoming"
    # Before the engagement starts, nothing is done.
    assert set(states(at(engagement(), D(2026, 12, 1))).values()) == {"upcoming"}


def test_a_later_date_never_makes_a_todo_phase_done() -> None:
    timeline = at(engagement(), D(2027, 4, 1))
    assert timeline.state("creativite") == "upcoming"
    assert timeline.creativity is not None and timeline.creativity.state == "unconfirmed"


def test_an_undated_event_is_undated_and_a_silent_session_is_no_event() -> None:
    e = engagement()
    e = e.model_copy(
        update={
            "workshops": [e.workshops[0].model_copy(update={"date": None}), *e.workshops[1:]],
            "creativity": e.creativity.model_copy(update={"date": None, "place": ""}),
        }
    )
    timeline = at(e, D(2027, 2, 11))
    assert timeline.creativity is None
    assert [(w.id, w.state) for w in timeline.workshops][-1] == ("AT-E", "undated")  # listed last


def test_problems_name_each_contradiction_with_its_place() -> None:
    # ateliers still todo: feedback and participants recorded, and its workshops already past
    e = engagement(ateliers="todo", analyse="todo")
    found = problems(e, at(e, D(2027, 2, 11)), {"AT-E": 22})
    assert found == [
        (
            ("workshops", 0, "participants"),
            "workshop AT-E records 22 feedback items and 11 participants but "
            "phases.ateliers.status is todo: mark the phase doing or done",
        ),
        (
            ("workshops", 1, "participants"),
            "workshop AT-C records 23 participants but phases.ateliers.status is todo: "
            "mark the phase doing or done",
        ),
        (
            ("workshops", 0, "date"),
            "workshop AT-E on Tuesday 2027-02-02 is before the document date (Thursday "
            "2027-02-11) but phases.ateliers.status is todo: mark the phase doing or done, "
            "or move the date",
        ),
        (
            ("workshops", 1, "date"),
            "workshop AT-C on Thursday 2027-02-04 is before the document date (Thursday "
            "2027-02-11) but phases.ateliers.status is todo: mark the phase doing or done, "
            "or move the date",
        ),
        (
            ("workshops", 2, "date"),
            "workshop AT-S on Tuesday 2027-02-09 is before the document date (Thursday "
            "2027-02-11) but phases.ateliers.status is todo: mark the phase doing or done, "
            "or move the date",
        ),
    ]


def test_a_done_phase_planned_after_the_date_is_one_warning_not_two() -> None:
    e = engagement(creativite="done")
    found = problems(e, at(e, D(2027, 2, 11)), {})
    assert found == [
        (
            ("phases", "creativite", "status"),
            "creativite is done but planned from Tuesday 2027-03-09, after the document date "
            "(Thursday 2027-02-11): set the phase's dates, or a later document date",
        )
    ]


def test_a_done_phase_with_an_event_ahead_points_at_the_event() -> None:
    e = engagement()
    found = problems(e, at(e, D(2027, 2, 3)), {})
    assert [loc for loc, _ in found] == [("workshops", 1, "date"), ("workshops", 2, "date")]
    assert found[0][1] == (
        "workshop AT-C on Thursday 2027-02-04 is not before the document date (Wednesday "
        "2027-02-03) but phases.ateliers.status is done: correct the date, or use a later "
        "document date"
    )


def test_the_stated_example_day_has_no_problem() -> None:
    e = engagement()
    assert problems(e, at(e, D(2027, 2, 11)), {"AT-E": 22, "AT-C": 24, "AT-S": 22}) == []
