"""Outputs never replace an input, never read a special file, never reach the terminal raw.

Issue 11: Critical 2 (outputs over inputs), Major 8 (an output that is a device or a pipe),
Major 13 (terminal escapes, control characters in the .ics). The full-disk and random-path tests
are in test_outputs_disk.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app

INPUTS = (
    "engagement.yaml",
    "feedback/citoyens.csv",
    "feedback/services.csv",
    "catalogue.yaml",
    "logo.png",
    "templates/devis.docx",
)


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of each input, to show that it is byte for byte unchanged."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in INPUTS}


def one_line(result: object) -> str:
    """The single stderr line of a run that failed with exit 1 and no traceback."""
    assert getattr(result, "exit_code", None) == 1, getattr(result, "output", result)
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


REFUSED = "is an input of this engagement"
FILE = "choose another output file"

# (command line, the line it prints); "E" is the engagement folder, seen from its parent.
CASES = [
    (
        "map E --png E/engagement.yaml",
        f"--png E/engagement.yaml: {REFUSED} (the engagement file); {FILE}",
    ),
    ("map E --svg E/logo.png", f"--svg E/logo.png: {REFUSED} (the logo); {FILE}"),
    (
        "map E --csv E/feedback/citoyens.csv",
        f"--csv E/feedback/citoyens.csv: {REFUSED} (the feedback file of workshop AT-CITOYENS); {FILE}",
    ),
    (
        "plan E --ics E/engagement.yaml",
        f"--ics E/engagement.yaml: {REFUSED} (the engagement file); {FILE}",
    ),
    ("plan E --gantt E/logo.png", f"--gantt E/logo.png: {REFUSED} (the logo); {FILE}"),
    (
        "schema -o E/engagement.yaml",
        f"--output E/engagement.yaml: {REFUSED} (the engagement file); {FILE}",
    ),
    ("schema -o E/catalogue.yaml", f"--output E/catalogue.yaml: {REFUSED} (the catalog); {FILE}"),
    (
        "quote E --dpgf E/feedback/services.csv",
        f"--dpgf E/feedback/services.csv: {REFUSED} (the feedback file of workshop AT-SERVICES); {FILE}",
    ),
    (
        "quote E --bpu E/./feedback/../feedback/citoyens.csv",
        f"--bpu E/feedback/citoyens.csv: {REFUSED} (the feedback file of workshop AT-CITOYENS); {FILE}",
    ),
    (
        "score E --export E/feedback/citoyens.csv",
        f"--export E/feedback/citoyens.csv: {REFUSED} (the feedback file of workshop AT-CITOYENS); {FILE}",
    ),
    ("score E --heatmap E/logo.png", f"--heatmap E/logo.png: {REFUSED} (the logo); {FILE}"),
    (
        "feedback template E -g elus -o E/feedback/citoyens.csv --force",
        f"--output E/feedback/citoyens.csv: {REFUSED} (the feedback file of workshop AT-CITOYENS); {FILE}",
    ),
    (
        "render E --out E/templates --force",
        f"--out E/templates/devis.docx: {REFUSED} (a template); choose another output folder",
    ),
]


@pytest.mark.parametrize(("command", "line"), CASES, ids=[c for c, _ in CASES])
def test_an_output_onto_an_input_is_refused_and_the_input_is_unchanged(
    runner: CliRunner,
    full_example: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    line: str,
) -> None:
    folder = full_example.parent / "E"
    full_example.rename(folder)
    monkeypatch.chdir(folder.parent)
    before = digests(folder)
    files = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    assert one_line(runner.invoke(app, command.split())) == line
    assert digests(folder) == before
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == files, "nothing written"


def test_score_export_onto_a_feedback_file_no_longer_replaces_it(
    runner: CliRunner, example: Path
) -> None:
    """The finding: the export replaced the file with the other workshops' rows, then failed."""
    target = example / "feedback" / "citoyens.csv"
    before = target.read_bytes()
    line = one_line(runner.invoke(app, ["score", str(example), "--export", str(target)]))
    assert line.endswith(f"{REFUSED} (the feedback file of workshop AT-CITOYENS); {FILE}")
    assert target.read_bytes() == before
    # the same export elsewhere holds every row, the citizens' ones included
    other = example / "retours.csv"
    assert runner.invoke(app, ["score", str(example), "--export", str(other)]).exit_code == 0
    assert other.read_text(encoding="utf-8-sig").count(";AT-CITOYENS;") == 24


def test_a_link_to_an_input_is_refused_with_the_input_named(
    runner: CliRunner, full_example: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "carte.png").symlink_to(full_example / "engagement.yaml")
    os.link(full_example / "catalogue.yaml", tmp_path / "bpu.csv")
    before = digests(full_example)
    line = one_line(runner.invoke(app, ["map", "ormessac", "--png", "carte.png"]))
    assert line == (
        f"--png carte.png: {REFUSED} (the engagement file ormessac/engagement.yaml); {FILE}"
    )
    line = one_line(runner.invoke(app, ["quote", "ormessac", "--bpu", "bpu.csv"]))
    assert line == f"--bpu bpu.csv: {REFUSED} (the catalog ormessac/catalogue.yaml); {FILE}"
    assert digests(full_example) == before


def test_schema_from_inside_the_engagement_folder(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example)
    before = (example / "engagement.yaml").read_bytes()
    line = one_line(runner.invoke(app, ["schema", "-o", "engagement.yaml"]))
    assert line == f"--output engagement.yaml: {REFUSED} (the engagement file); {FILE}"
    assert (example / "engagement.yaml").read_bytes() == before
    # a broken engagement is still protected
    (example / "engagement.yaml").write_text("client: [\n", encoding="utf-8")
    assert one_line(runner.invoke(app, ["schema", "-o", "./engagement.yaml"])) == line
    # the schema's own file is written as before
    result = runner.invoke(app, ["schema", "-o", "engagement.schema.json"])
    assert result.exit_code == 0, result.output
    assert json.loads((example / "engagement.schema.json").read_text(encoding="utf-8"))


def test_templates_export_never_over_an_input_but_over_templates_with_force(
    runner: CliRunner, full_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(full_example.parent)
    folder = full_example / "modeles"
    folder.mkdir()
    (folder / "devis.docx").symlink_to(full_example / "engagement.yaml")
    before = digests(full_example)
    line = one_line(runner.invoke(app, ["templates", "export", str(folder), "--force"]))
    assert line == (
        f"ormessac/modeles/devis.docx: {REFUSED} (the engagement file ormessac/engagement.yaml); "
        "choose another folder"
    )
    assert digests(full_example) == before
    assert (folder / "devis.docx").is_symlink()
    # Replacing the templates themselves is what --force is for.
    result = runner.invoke(app, ["templates", "export", "ormessac/templates", "--force"])
    assert result.exit_code == 0, result.output
    # The six deliverables' and the workshop kit's four sheets (its deck is a .pptx).
    assert len(list((full_example / "templates").glob("*.docx"))) == 6 + 4


def test_feedback_template_still_creates_a_new_file(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example.parent)
    result = runner.invoke(
        app, ["feedback", "template", "ormessac", "-g", "elus", "-o", "ormessac/feedback/elus.xlsx"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote ormessac/feedback/elus.xlsx (id;scenario;")
    assert [p.name for p in (example / "feedback").iterdir() if p.name.startswith(".")] == []


# ---------------------------------------------------------------- special files (Major 8)


def _cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real command in a child process: a hang shows as a timeout, not a stuck suite."""
    env = {**os.environ, "DIALOGUE_CACHE": str(cwd / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "dialogue_cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_a_document_linked_to_dev_zero_is_refused_before_it_is_read(
    example: Path, force: bool
) -> None:
    out = example / "livrables"
    out.mkdir()
    (out / "devis.docx").symlink_to("/dev/zero")
    result = _cli("render", "ormessac", *(["--force"] if force else []), cwd=example.parent)
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "ormessac/livrables/devis.docx: is a device, not a regular file; "
        "remove it or choose another output\n"
    )
    assert [p.name for p in out.iterdir()] == ["devis.docx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_outputs_that_are_named_pipes_are_refused(example: Path) -> None:
    out = example / "livrables"
    out.mkdir()
    os.mkfifo(out / "devis.docx")
    os.mkfifo(out / ".dialogue-manifest.json")
    os.mkfifo(example / "plan.ics")
    pipe = "is a named pipe, not a regular file; remove it or choose another output"
    result = _cli("render", "ormessac", "--only", "devis", cwd=example.parent, timeout=60)
    assert result.returncode == 1 and result.stderr == f"ormessac/livrables/devis.docx: {pipe}\n"
    (out / "devis.docx").unlink()
    result = _cli("render", "ormessac", "--only", "devis", cwd=example.parent, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"ormessac/livrables/.dialogue-manifest.json: {pipe}\n"
    result = _cli("plan", "ormessac", "--ics", "ormessac/plan.ics", cwd=example.parent)
    assert result.returncode == 1 and result.stderr == f"--ics ormessac/plan.ics: {pipe}\n"


def test_an_output_option_naming_a_device_is_refused(runner: CliRunner, example: Path) -> None:
    line = one_line(runner.invoke(app, ["map", str(example), "--csv", "/dev/null"]))
    assert (
        line
        == "--csv /dev/null: is a device, not a regular file; remove it or choose another output"
    )


# ---------------------------------------------------------------- terminal escapes (Major 13)

RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def hostile(example: Path) -> Path:
    """Control characters in the engagement's text and in a feedback file's verbatim."""
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (
        (
            "  title: Stratégie de dialogue citoyen de la Ville d'Ormessac",
            '  title: "Stratégie \\e]0;pwned\\a de dialogue"',
        ),
        ("  name: Ville d'Ormessac", '  name: "Ville\\e[2J d\'Ormessac"'),
        ("  name: Hélène Marchal", '  name: "Hélène \\e[8mMarchal"'),
        ("    title: Budget participatif", '    title: "Budget \\e[31mparticipatif\\u202e"'),
        (
            "    place: Centre social des Tilleuls",
            '    place: "Centre\\a social \\x9b31m des Tilleuls"',
        ),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    feedback = example / "feedback" / "citoyens.csv"
    rows = feedback.read_text(encoding="utf-8-sig").replace("Enfin un truc", "Enfin \x1b[5mun truc")
    feedback.write_text(rows, encoding="utf-8-sig")
    return example


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["check"], "Ville\\x1b[2J d'Ormessac"),
        (["map"], "Stratégie \\x1b]0;pwned\\x07 de dialogue"),
        (["map", "--json"], None),
        (["score"], "Budget \\x1b[31mparticipatif\\u202e"),
        (["score", "--explain", "BP"], "Enfin \\x1b[5mun truc"),
        (["score", "--json"], None),
        (["plan"], "Centre\\x07 social \\x9b31m des Tilleuls"),
        (["quote"], None),
        (["render", "--only", "devis"], None),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_control_characters_never_reach_the_terminal(
    runner: CliRunner, hostile: Path, args: list[str], shown: str | None
) -> None:
    result = runner.invoke(app, [args[0], str(hostile), *args[1:]])
    assert result.exit_code == 0, result.output
    for raw in RAW:
        assert raw not in result.stdout and raw not in result.stderr, (raw, args)
    if shown is not None:
        assert shown in result.stdout
    if "--json" in args:
        json.loads(result.stdout)  # still JSON, with the characters as \\u escapes


def test_an_error_message_shows_control_characters_escaped(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("feedback_file: feedback/services.csv", 'feedback_file: "s\\e[2J.csv"')
    path.write_text(text, encoding="utf-8")
    line = one_line(runner.invoke(app, ["check", str(example)]))
    assert line.endswith(
        "workshops[2].feedback_file: a control character in a file name: retype the path"
    )
    assert "\x1b" not in line
    # A value shown in a message is escaped too.
    text = path.read_text(encoding="utf-8").replace(
        'feedback_file: "s\\e[2J.csv"', "feedback_file: feedback/services.csv"
    )
    text = text.replace(
        'scenario: BP, polarity: "+", intensity: 3',
        'scenario: "B\\e[2JP", polarity: "+", intensity: 3',
        1,
    )
    path.write_text(text, encoding="utf-8")
    line = one_line(runner.invoke(app, ["check", str(example)]))
    assert "workshops[0].feedback[0].scenario:" in line
    assert "B\\x1b[2JP" in line
    assert "\x1b" not in line


def test_the_ics_carries_no_control_character(
    runner: CliRunner, hostile: Path, tmp_path: Path
) -> None:
    from icalendar import Calendar

    target = tmp_path / "plan.ics"
    result = runner.invoke(app, ["plan", str(hostile), "--ics", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    body = data.replace(b"\r\n", b"")
    assert not [b for b in body if b < 0x20 or b == 0x7F], "RFC 5545 forbids CONTROL in TEXT"
    text = body.decode("utf-8")
    assert not [c for c in text if 0x80 <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E]
    calendar = Calendar.from_ical(data)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    workshop = events["orm-2027-01.workshop-AT-CITOYENS@dialogue-cli"]
    assert str(workshop["location"]) == "Centre social 31m des Tilleuls"
    assert str(calendar["x-wr-calname"]).startswith("Stratégie ]0;pwned de dialogue")
