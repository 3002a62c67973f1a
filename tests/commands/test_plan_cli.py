"""`dialogue plan` on the Ormessac example: the timeline, --json, --ics and --gantt."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.loader import load
from dialogue_cli.planning.ics import to_ics
from dialogue_cli.planning.plan import build_plan

PNG = b"\x89PNG\r\n\x1a\n"


def events_of(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    found = {}
    for event in calendar.walk("VEVENT"):
        found[str(event["uid"])] = {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "location": str(event.get("location", "")),
            "stamp": event.decoded("dtstamp"),
        }
    return found


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_timeline_in_the_terminal(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["plan", str(example)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for name in ("cadrage", "preparation", "ateliers", "analyse", "creativite", "livrables"):
        assert name in out
    assert "Thu 14 Jan 2027 am" in out  # preparation ends at midday
    assert "Wed 10 Mar 2027 pm" in out  # livrables starts in the afternoon
    assert "AT-CITOYENS (citoyens)" in out and "Centre social des Tilleuls" in out
    assert "Planned days: 12 of the package's 12" in out
    assert "Calendar: Mon 11 Jan 2027 to Fri 12 Mar 2027, 45 working days" in out
    assert result.stderr == ""


def test_json(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["plan", str(example), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    phases = {p["name"]: p for p in data["phases"]}
    assert list(phases) == [
        "cadrage",
        "preparation",
        "ateliers",
        "analyse",
        "creativite",
        "livrables",
    ]
    assert (phases["preparation"]["start"], phases["preparation"]["end"]) == (
        "2027-01-12",
        "2027-01-14",
    )
    assert phases["preparation"]["days"] == 2.5 and phases["preparation"]["end_half"] == "am"
    # The ateliers move to the first workshop (2 Feb) and run to the last (9 Feb).
    assert (phases["ateliers"]["start"], phases["ateliers"]["end"]) == ("2027-02-02", "2027-02-09")
    assert phases["ateliers"]["moved_to_events"] is True
    assert [e["id"] for e in data["events"]] == [
        "AT-ELUS",
        "AT-CITOYENS",
        "AT-SERVICES",
        "creativity",
    ]
    assert all(e["in_phase"] for e in data["events"])
    assert (data["planned_days"], data["package_days"]) == (12, 12)
    assert data["warnings"] == []


def test_ics_parses_back_and_matches_the_plan(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    result = runner.invoke(app, ["plan", str(example), "--ics", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {target} (10 events)" in result.stdout
    events = events_of(target)
    plan = build_plan(load(example).engagement)
    assert len(events) == 10
    for phase in plan.phases:
        event = events[f"orm-2027-01.phase-{phase.name}@dialogue-cli"]
        assert event["start"] == phase.start
        assert event["end"] == phase.end + dt.timedelta(days=1)  # DTEND is exclusive
        assert event["summary"] == f"{phase.label} – ORM-2027-01"
    elus = events["orm-2027-01.workshop-AT-ELUS@dialogue-cli"]
    assert (elus["start"], elus["summary"]) == (dt.date(2027, 2, 2), "Atelier élus – ORM-2027-01")
    assert elus["location"] == "Salle du conseil, hôtel de ville"
    session = events["orm-2027-01.creativity@dialogue-cli"]
    assert (session["start"], session["summary"]) == (
        dt.date(2027, 3, 9),
        "Séance de créativité – ORM-2027-01",
    )


def test_a_second_export_keeps_the_uids(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    assert runner.invoke(app, ["plan", str(example), "--ics", str(first)]).exit_code == 0
    edit(example, "date: 2027-02-04", "date: 2027-02-05")  # the citizens' workshop moves
    assert runner.invoke(app, ["plan", str(example), "--ics", str(second)]).exit_code == 0
    before, after = events_of(first), events_of(second)
    assert set(before) == set(after)
    uid = "orm-2027-01.workshop-AT-CITOYENS@dialogue-cli"
    assert (before[uid]["start"], after[uid]["start"]) == (dt.date(2027, 2, 4), dt.date(2027, 2, 5))


def test_ics_is_byte_stable_for_a_fixed_clock(example: Path) -> None:
    plan = build_plan(load(example).engagement)
    stamp = dt.datetime(2027, 1, 4, 9, 30, tzinfo=dt.UTC)
    data = to_ics(plan, stamp)
    assert data == to_ics(plan, stamp)
    assert b"DTSTAMP:20270104T093000Z" in data
    assert data.count(b"BEGIN:VEVENT") == 10


def test_english_engagement_speaks_english_in_the_calendar(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    edit(example, "language: fr", "language: en")
    target = tmp_path / "plan.ics"
    assert runner.invoke(app, ["plan", str(example), "--ics", str(target)]).exit_code == 0
    summaries = {e["summary"] for e in events_of(target).values()}
    assert "Workshop: elected members – ORM-2027-01" in summaries
    assert "Preparation – ORM-2027-01" in summaries
    assert "Creativity session – ORM-2027-01" in summaries


def test_gantt_png(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "gantt.png"
    result = runner.invoke(app, ["plan", str(example), "--gantt", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(PNG)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1338 and height > 700  # 17 cm (its printed width) at 200 dpi


def test_gantt_svg_and_bad_suffix(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    svg = tmp_path / "gantt.svg"
    assert runner.invoke(app, ["plan", str(example), "--gantt", str(svg)]).exit_code == 0
    assert b"<svg" in svg.read_bytes()[:400]
    result = runner.invoke(app, ["plan", str(example), "--gantt", str(tmp_path / "gantt.gif")])
    assert result.exit_code == 1
    assert "give the chart a .png, .svg or .pdf name" in result.stderr


def test_json_with_files_keeps_stdout_json(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    result = runner.invoke(app, ["plan", str(example), "--json", "--ics", str(target)])
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert "Wrote" in result.stderr


def test_warnings_go_to_stderr(runner: CliRunner, example: Path) -> None:
    edit(example, "date: 2027-02-04", "date: 2027-01-09")  # a Saturday, during nothing
    result = runner.invoke(app, ["plan", str(example)])
    assert result.exit_code == 0
    assert (
        "warning: workshops[1].date: workshop AT-CITOYENS 2027-01-09 is on a weekend"
        in result.stderr
    )
    assert "warning: workshops[1].date: workshop AT-CITOYENS on Saturday 2027-01-09 is outside" in (
        result.stderr
    )
    assert "no (ateliers)" in result.stdout


@pytest.mark.parametrize("option", ["--ics", "--gantt"])
def test_missing_output_folder(
    runner: CliRunner, example: Path, tmp_path: Path, option: str
) -> None:
    suffix = ".ics" if option == "--ics" else ".png"
    result = runner.invoke(
        app, ["plan", str(example), option, str(tmp_path / "nope" / f"x{suffix}")]
    )
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_plan_has_help_with_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "--help"])
    assert result.exit_code == 0
    assert "  Example:\n    dialogue plan examples/ormessac --ics" in result.stdout


def test_gantt_is_byte_stable_and_follows_the_language(example: Path) -> None:
    from dialogue_cli.charts.gantt import draw_gantt

    plan = build_plan(load(example).engagement)
    french = draw_gantt(plan, plan.title, "fr", "svg")
    assert french == draw_gantt(plan, plan.title, "fr", "svg")
    assert french != draw_gantt(plan, plan.title, "en", "svg")


def test_a_phase_in_2200_is_planned_like_one_in_2027(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    """A calendar of 173 years: the same working-day rule, the holidays counted, a chart drawn.

    (Each weekend was one matplotlib artist and the working days were walked one by one: the
    Gantt chart of this plan took 19 s.)
    """
    edit(example, "cadrage: {days: 1, start: 2027-01-11", "cadrage: {days: 1, start: 2200-01-13")
    result = runner.invoke(
        app, ["plan", str(example), "--json", "--gantt", str(tmp_path / "g.png")]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    phases = {p["name"]: p for p in data["phases"]}
    # Monday 13 January 2200, 1 day; then 2.5 days from Tuesday 14 to Thursday 16 at midday.
    assert phases["cadrage"]["start"] == "2200-01-13"
    assert phases["preparation"]["end"] == "2200-01-16"
    first = dt.date.fromisoformat(data["start"])
    last = dt.date.fromisoformat(data["end"])
    walked = sum(
        1
        for i in range((last - first).days + 1)
        if (day := first + dt.timedelta(days=i)).weekday() < 5
        and day.isoformat() not in {h["date"] for h in data["holidays"]}
    )
    assert data["working_days"] == walked
    assert (tmp_path / "g.png").read_bytes().startswith(PNG)
    text = runner.invoke(app, ["plan", str(example)]).stdout
    count = len(data["holidays"])
    assert f"Public holidays skipped: {count:,}, from Lundi de Pâques (Mon 29 Mar 2027)" in text
