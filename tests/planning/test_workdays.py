"""The working-day calendar: French public holidays, working-day arithmetic, and the plan built on it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.engagement.model import Engagement
from dialogue_cli.planning.plan import Plan, build_plan
from dialogue_cli.planning.workdays import (
    add_working_days,
    day_off_reason,
    easter_sunday,
    french_holidays,
    holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)

D = dt.date


# Worked out by hand from the calendars of those years (Easter 2027 is 28 March):
# Easter Monday = Easter + 1, Ascension = Easter + 39 (a Thursday), Whit Monday = Easter + 50.
HOLIDAYS = {
    2026: [D(2026, 1, 1), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 8), D(2026, 5, 14),
           D(2026, 5, 25), D(2026, 7, 14), D(2026, 8, 15), D(2026, 11, 1), D(2026, 11, 11),
           D(2026, 12, 25)],
    2027: [D(2027, 1, 1), D(2027, 3, 29), D(2027, 5, 1), D(2027, 5, 6), D(2027, 5, 8),
           D(2027, 5, 17), D(2027, 7, 14), D(2027, 8, 15), D(2027, 11, 1), D(2027, 11, 11),
           D(2027, 12, 25)],
    2028: [D(2028, 1, 1), D(2028, 4, 17), D(2028, 5, 1), D(2028, 5, 8), D(2028, 5, 25),
           D(2028, 6, 5), D(2028, 7, 14), D(2028, 8, 15), D(2028, 11, 1), D(2028, 11, 11),
           D(2028, 12, 25)],
}  # fmt: skip


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)), (2028, D(2028, 4, 16)), (2019, D(2019, 4, 21))],
)
def test_easter_sunday(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


@pytest.mark.parametrize("year", sorted(HOLIDAYS))
def test_french_public_holidays_2026_to_2028(year: int) -> None:
    assert list(french_holidays(year)) == HOLIDAYS[year]


@pytest.mark.parametrize(
    ("day", "fr", "en"),
    [
        (D(2026, 4, 6), "Lundi de Pâques", "Easter Monday"),
        (D(2027, 3, 29), "Lundi de Pâques", "Easter Monday"),
        (D(2028, 4, 17), "Lundi de Pâques", "Easter Monday"),
        (D(2026, 5, 14), "Ascension", "Ascension Day"),
        (D(2027, 5, 6), "Ascension", "Ascension Day"),
        (D(2028, 5, 25), "Ascension", "Ascension Day"),
        (D(2026, 5, 25), "Lundi de Pentecôte", "Whit Monday"),
        (D(2027, 5, 17), "Lundi de Pentecôte", "Whit Monday"),
        (D(2028, 6, 5), "Lundi de Pentecôte", "Whit Monday"),
        (D(2027, 7, 14), "Fête nationale", "Bastille Day"),
    ],
)
def test_movable_holidays_are_named(day: dt.date, fr: str, en: str) -> None:
    assert holiday_name(day) == fr
    assert holiday_name(day, "en") == en
    assert not is_working_day(day)


def test_same_holidays_as_the_holidays_library() -> None:
    holidays = pytest.importorskip("holidays")
    # From 2008 on: in 2005-2007 Whit Monday was the "journée de solidarité", a working day.
    for year in range(2008, 2061):
        assert set(french_holidays(year)) == set(holidays.France(years=year)), year


def test_weekends_and_ordinary_days() -> None:
    assert is_working_day(D(2027, 1, 11))  # a Monday
    assert not is_working_day(D(2027, 1, 9))  # Saturday
    assert not is_working_day(D(2027, 1, 10))  # Sunday
    assert day_off_reason(D(2027, 1, 9)) == "Saturday"
    assert day_off_reason(D(2027, 5, 6)) == "Ascension Day"
    assert day_off_reason(D(2027, 1, 11)) is None
    assert holiday_name(D(2027, 1, 11)) is None


def test_working_day_arithmetic_skips_weekends_and_holidays() -> None:
    # Friday 14 May 2027, then the weekend and Whit Monday (17 May): next is Tuesday 18.
    assert add_working_days(D(2027, 5, 14), 1) == D(2027, 5, 18)
    assert add_working_days(D(2027, 5, 18), -1) == D(2027, 5, 14)
    # Wednesday 5 May + 1 jumps Ascension Thursday to Friday 7.
    assert add_working_days(D(2027, 5, 5), 1) == D(2027, 5, 7)
    assert add_working_days(D(2027, 5, 5), 0) == D(2027, 5, 5)
    assert next_working_day(D(2027, 5, 15)) == D(2027, 5, 18)
    assert previous_working_day(D(2027, 5, 17)) == D(2027, 5, 14)
    assert next_working_day(D(2027, 5, 14)) == D(2027, 5, 14)
    # 3-14 May 2027: ten weekdays less Ascension (8 May is a Saturday) = 9.
    assert working_days_between(D(2027, 5, 3), D(2027, 5, 14)) == 9
    assert working_days_between(D(2027, 5, 14), D(2027, 5, 3)) == 0
    # The same fortnight in 2200 (Ascension on Thursday 15 May 2200): ten weekdays less one.
    assert working_days_between(D(2200, 5, 12), D(2200, 5, 23)) == 9


@settings(max_examples=200, deadline=None)
@given(
    first=st.dates(min_value=D(2000, 1, 1), max_value=D(2200, 12, 31)),
    length=st.integers(min_value=-3, max_value=800),
)
def test_working_days_counted_as_walked(first: dt.date, length: int) -> None:
    """The counted number is the day-by-day count, whatever the year and the span."""
    last = min(first + dt.timedelta(days=length), D(2200, 12, 31))
    walked = sum(
        1 for i in range((last - first).days + 1) if is_working_day(first + dt.timedelta(days=i))
    )
    assert working_days_between(first, last) == walked


def test_a_calendar_reaching_2200_counts_every_working_day() -> None:
    # 2027-01-11 to 2200-12-31 walked once by hand-written code, not by the function under test
    first, last = D(2027, 1, 11), D(2200, 12, 31)
    walked = sum(
        1 for i in range((last - first).days + 1) if is_working_day(first + dt.timedelta(days=i))
    )
    assert working_days_between(first, last) == walked


# ------------------------------------------------------------------------------------------
# The plan on the calendar.


def engagement(**sections: Any) -> Engagement:
    data: dict[str, Any] = {
        "client": {"name": "Ville de Test"},
        "pricing": {"package": {"days": 12}},
    }
    data.update(sections)
    return Engagement.model_validate(data)


def phases(**overrides: dict[str, Any]) -> dict[str, Any]:
    days = {
        "cadrage": 1,
        "preparation": 2.5,
        "ateliers": 3,
        "analyse": 2,
        "creativite": 1.5,
        "livrables": 2,
    }
    return {name: {"days": str(d), **overrides.get(name, {})} for name, d in days.items()}


def spans(plan: Plan) -> dict[str, tuple[dt.date, str, dt.date, str]]:
    return {p.name: (p.start, p.start_half, p.end, p.end_half) for p in plan.phases}


def test_phase_straddling_a_weekend_and_whit_monday() -> None:
    plan = build_plan(engagement(engagement={"start": D(2027, 5, 13)}, phases=phases()))
    got = spans(plan)
    # cadrage: Thursday 13 May. preparation (2.5 d): Friday 14, [weekend, Whit Monday 17],
    # Tuesday 18, Wednesday 19 morning.
    assert got["cadrage"] == (D(2027, 5, 13), "am", D(2027, 5, 13), "pm")
    assert got["preparation"] == (D(2027, 5, 14), "am", D(2027, 5, 19), "am")
    assert plan.phase("preparation").span_days == 3
    # ateliers (3 d) from Wednesday afternoon: Thu 20, Fri 21, Monday 24 morning.
    assert got["ateliers"] == (D(2027, 5, 19), "pm", D(2027, 5, 24), "am")
    # analyse (2 d): Mon 24 pm, Tue 25, Wed 26 am; creativite (1.5 d): Wed 26 pm, Thu 27.
    assert got["analyse"] == (D(2027, 5, 24), "pm", D(2027, 5, 26), "am")
    assert got["creativite"] == (D(2027, 5, 26), "pm", D(2027, 5, 27), "pm")
    assert got["livrables"] == (D(2027, 5, 28), "am", D(2027, 5, 31), "pm")
    assert plan.holidays == ((D(2027, 5, 17), "Lundi de Pentecôte"),)
    assert plan.warnings == ()
    assert plan.planned_days == Decimal(12) == plan.package_days


def test_fixed_dates_too_short_for_the_planned_days_warn() -> None:
    # 2.5 days planned between Friday 14 and Whit Monday 17 May 2027: one working day only.
    fixed = phases(preparation={"start": D(2027, 5, 14), "end": D(2027, 5, 17)})
    plan = build_plan(engagement(engagement={"start": D(2027, 5, 13)}, phases=fixed))
    messages = [str(w) for w in plan.warnings]
    assert (
        "phases.preparation: 2.5 days planned but only 1 working day from Friday 2027-05-14 "
        "to Monday 2027-05-17: move a date or change days"
    ) in messages
    assert "phases.preparation.end: end 2027-05-17 is a public holiday (Whit Monday)" in messages
    # The fixed dates are kept; the next phase follows them.
    assert spans(plan)["preparation"] == (D(2027, 5, 14), "am", D(2027, 5, 14), "pm")
    assert spans(plan)["ateliers"][:2] == (D(2027, 5, 18), "am")


def test_fixed_start_overlapping_the_previous_phase_warns() -> None:
    fixed = phases(ateliers={"start": D(2027, 5, 14)})
    plan = build_plan(engagement(engagement={"start": D(2027, 5, 13)}, phases=fixed))
    assert [str(w) for w in plan.warnings] == [
        "phases.ateliers: starts Friday 2027-05-14, before preparation ends on Wednesday "
        "2027-05-19 (midday): the planned days of the two phases overlap"
    ]
    assert spans(plan)["ateliers"][0] == D(2027, 5, 14)


def test_fixed_end_only_counts_back() -> None:
    fixed = phases(livrables={"end": D(2027, 6, 4)})
    plan = build_plan(engagement(engagement={"start": D(2027, 5, 13)}, phases=fixed))
    # 2 days ending Friday 4 June in the evening: Thursday 3 and Friday 4.
    assert spans(plan)["livrables"] == (D(2027, 6, 3), "am", D(2027, 6, 4), "pm")
    assert plan.warnings == ()


def test_workshops_move_the_ateliers_phase_and_stretch_it() -> None:
    workshops = [
        {"id": "W1", "group": "elus", "date": D(2027, 6, 1)},
        {"id": "W2", "group": "citoyens", "date": D(2027, 6, 8)},
    ]
    plan = build_plan(
        engagement(
            engagement={"start": D(2027, 5, 13)},
            phases=phases(),
            workshops=workshops,
            creativity={"date": D(2027, 6, 22)},
        )
    )
    ateliers = plan.phase("ateliers")
    assert (ateliers.start, ateliers.end, ateliers.moved_to_events) == (
        D(2027, 6, 1),
        D(2027, 6, 8),
        True,
    )
    assert plan.phase("analyse").start == D(2027, 6, 9)
    assert plan.phase("creativite").start == D(2027, 6, 22)
    assert all(e.in_phase for e in plan.events)
    assert [e.id for e in plan.events] == ["W1", "W2", "creativity"]
    assert plan.warnings == ()


def test_workshop_outside_the_ateliers_phase_and_on_days_off() -> None:
    workshops = [
        # Before the ateliers can start (preparation runs until 19 May, midday).
        {"id": "EARLY", "group": "elus", "date": D(2027, 5, 14)},
        {"id": "SAT", "group": "citoyens", "date": D(2027, 6, 5)},
        {"id": "HOLIDAY", "group": "services", "date": D(2027, 5, 17)},
        {"id": "LATER", "group": "services"},
    ]
    fixed = phases(ateliers={"start": D(2027, 5, 24), "end": D(2027, 6, 4)})
    plan = build_plan(
        engagement(
            engagement={"start": D(2027, 5, 13)},
            phases=fixed,
            workshops=workshops,
            creativity={"place": "Médiathèque"},
        )
    )
    messages = [str(w) for w in plan.warnings]
    assert (
        "workshops[0].date: workshop EARLY on Friday 2027-05-14 is outside the ateliers phase "
        "(Monday 2027-05-24 to Friday 2027-06-04)"
    ) in messages
    assert "workshops[1].date: workshop SAT 2027-06-05 is on a weekend (Saturday)" in messages
    assert (
        "workshops[2].date: workshop HOLIDAY 2027-05-17 is a public holiday (Whit Monday)"
        in messages
    )
    assert (
        "workshops[3].date: workshop LATER has no date yet: it is not on the calendar" in messages
    )
    assert (
        "creativity.date: the creativity session has no date yet: it is not on the calendar"
        in messages
    )
    assert len(messages) == 7  # SAT and HOLIDAY are also outside the phase
    inside = {e.id: e.in_phase for e in plan.events}
    assert inside == {"EARLY": False, "HOLIDAY": False, "SAT": False}


def test_missing_start_plans_from_the_next_working_day_and_warns() -> None:
    plan = build_plan(engagement(phases=phases()), today=D(2027, 5, 15))  # a Saturday
    assert plan.start_is_default
    assert plan.phase("cadrage").start == D(2027, 5, 18)  # after the weekend and Whit Monday
    assert [str(w) for w in plan.warnings] == [
        "engagement.start: not set; planned from Tuesday 2027-05-18, the first working day "
        "from today. Set engagement.start to fix the calendar"
    ]


def test_start_on_a_weekend_warns_and_moves_to_monday() -> None:
    plan = build_plan(engagement(engagement={"start": D(2027, 1, 9)}, phases=phases()))
    assert plan.phase("cadrage").start == D(2027, 1, 11)
    assert "engagement.start: the start date 2027-01-09 is on a weekend (Saturday)" in [
        str(w) for w in plan.warnings
    ]


def test_package_mismatch_and_fractional_days() -> None:
    odd = phases()
    odd["analyse"]["days"] = "1.3"
    plan = build_plan(engagement(engagement={"start": D(2027, 1, 11)}, phases=odd))
    messages = [str(w) for w in plan.warnings]
    assert "phases.analyse.days: 1.3 is not a whole number of half days; planned as 1.5" in messages
    assert (
        "phases: the phases add up to 11.3 days; the package has 12 days (pricing.package.days)"
        in messages
    )


def test_a_phase_of_zero_days_takes_no_room() -> None:
    none = phases()
    none["analyse"]["days"] = "0"
    none["livrables"]["days"] = "2.5"
    plan = build_plan(engagement(engagement={"start": D(2027, 1, 11)}, phases=none))
    assert plan.phase("analyse").empty
    assert plan.phase("analyse").span_days == 0
    assert plan.phase("creativite").start == plan.phase("ateliers").end


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=D(2026, 1, 1), max_value=D(2030, 12, 31)),
    halves=st.lists(st.integers(min_value=0, max_value=12), min_size=6, max_size=6),
)
def test_phases_follow_each_other_on_working_half_days(start: dt.date, halves: list[int]) -> None:
    names = ["cadrage", "preparation", "ateliers", "analyse", "creativite", "livrables"]
    data = {name: {"days": str(Decimal(h) / 2)} for name, h in zip(names, halves, strict=True)}
    plan = build_plan(engagement(engagement={"start": start}, phases=data))
    previous_end: tuple[dt.date, int] | None = None
    for phase, half_days in zip(plan.phases, halves, strict=True):
        if half_days == 0:
            assert phase.empty
            continue
        assert is_working_day(phase.start) and is_working_day(phase.end)
        taken = 2 * working_days_between(phase.start, phase.end)
        taken -= (phase.start_half == "pm") + (phase.end_half == "am")
        assert taken == half_days
        first = (phase.start, 0 if phase.start_half == "am" else 1)
        if previous_end is not None:
            # The next half day after the previous phase, with only days off between them.
            assert first > previous_end
            if first[0] == previous_end[0]:
                assert (previous_end[1], first[1]) == (0, 1)
            else:
                assert previous_end[1] == 1 and first[1] == 0
                assert working_days_between(previous_end[0] + dt.timedelta(days=1), first[0]) == 1
        previous_end = (phase.end, 0 if phase.end_half == "am" else 1)
