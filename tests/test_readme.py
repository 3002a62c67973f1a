"""Every ```console block of the README runs as written from a clone and prints what it shows.

The blocks run in README order, in one temporary folder holding a copy of the clone's
``examples/`` and ``tests/importers/fixtures/`` (so that a block can use what an earlier one
made, as a reader following the README does). Each ``$ `` line is run by bash with the
installed ``dialogue`` first on ``PATH``; the lines after it, up to the next ``$ ``, are its
expected output (stdout and stderr, as a terminal shows them, 120 columns wide, no colours).

Comparison, line by line, after these normalisations (and only these):

- trailing spaces are dropped on both sides (rich pads lines to the table's width);
- a line ``…`` in the README stands for any number of lines (0 or more) of the real output:
  the README shortens long outputs;
- today's date in the real output (ISO, and its weekday just before it) is written as the
  README's day, Tuesday 2026-12-01, whatever the day the test runs: ``check`` shows "today"
  when the file has no document date;
- a size in KB of a written document matches any size (a .docx's size moves by a few bytes
  with the zip's timestamps and the fonts found).

A block without any ``$ `` line lists commands for the reader to type (install, development):
it is not run. A block may be marked not run with a comment right above it,
``<!-- readme-test: not run: WHY -->``, only when its output cannot be reproduced here (say why
in WHY); ``<!-- readme-test: setup: COMMAND -->`` (several allowed) runs COMMAND first, for
the state a block describes ("after editing devis.docx in Word").
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
README_DAY = dt.date(2026, 12, 1)
ELLIPSIS = "…"
_MARK = re.compile(r"<!-- readme-test: (not run|setup): (.*?) -->")
_TYPED = {"python", "ruff", "mypy", "pip", "git"}  # first words of a block of commands to type
_KB = re.compile(r" +\d+ KB\b")


@dataclass
class Block:
    line: int  # 1-based line of the opening fence
    text: list[str]
    skip: str | None = None
    setup: list[str] = field(default_factory=list)

    @property
    def steps(self) -> list[tuple[str, list[str]]]:
        """(command, expected output lines) for each ``$ `` line."""
        found: list[tuple[str, list[str]]] = []
        for line in self.text:
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
        return found


def blocks() -> list[Block]:
    lines = README.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    at = 0
    while at < len(lines):
        if lines[at].strip() == "```console":
            start = at
            at += 1
            body: list[str] = []
            while lines[at].strip() != "```":
                body.append(lines[at])
                at += 1
            block = Block(start + 1, body)
            back = start - 1
            while back >= 0 and (mark := _MARK.search(lines[back])):
                if mark.group(1) == "not run":
                    block.skip = mark.group(2)
                else:
                    block.setup.insert(0, mark.group(2))
                back -= 1
            found.append(block)
        at += 1
    return found


def _command_of(command: str) -> str:
    """The command without its trailing comment (``# once the YAML is fixed``)."""
    return re.sub(r"\s{2,}#.*$", "", command)


def _normalise(text: str) -> list[str]:
    today = dt.date.today()
    for real, shown in (
        (f"{today:%A} {today.isoformat()}", f"{README_DAY:%A} {README_DAY.isoformat()}"),
        (today.isoformat(), README_DAY.isoformat()),
    ):
        text = text.replace(real, shown)
    return [_KB.sub(" N KB", line.rstrip()) for line in text.splitlines()]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` where each ``…`` line stands for 0 or more lines."""
    expected = [_KB.sub(" N KB", line.rstrip()) for line in expected]
    actual = [_KB.sub(" N KB", line.rstrip()) for line in actual]
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == ELLIPSIS:
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


def test_matches_reads_an_ellipsis_as_any_lines() -> None:
    assert matches(["a", ELLIPSIS, "d"], ["a", "b", "c", "d"])
    assert matches(["a", ELLIPSIS, "d"], ["a", "d"])
    assert not matches(["a", ELLIPSIS, "d"], ["a", "b"])
    assert not matches(["a", "b"], ["a", "b", "c"])
    assert matches(["x 304 KB"], ["x 12 KB"])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(
        ROOT / "examples", folder / "examples", ignore=shutil.ignore_patterns("livrables")
    )
    shutil.copytree(
        ROOT / "tests" / "importers" / "fixtures", folder / "tests" / "importers" / "fixtures"
    )
    return folder


ALL = blocks()


def test_the_readme_has_console_blocks() -> None:
    assert sum(1 for block in ALL if block.steps) >= 20


@pytest.mark.parametrize("block", ALL, ids=[f"README.md:{b.line}" for b in ALL])
def test_readme_block(block: Block, workspace: Path) -> None:
    if block.skip is not None:
        pytest.skip(f"marked not run in the README: {block.skip}")
    if not block.steps:
        # commands for the reader to type (install, development): no output to compare
        assert all(line.split(" ")[0] in _TYPED for line in block.text), (
            f"README.md:{block.line}: a block of output without its command: add the `$ ` "
            "line, or mark it not run and say why"
        )
        pytest.skip("commands for the reader to type, no output shown")
    env = dict(os.environ)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        COLUMNS="120",
        NO_COLOR="1",
        TERM="dumb",
    )
    env.pop("FORCE_COLOR", None)
    for command in block.setup:
        done = subprocess.run(
            ["bash", "-c", command], cwd=workspace, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"setup {command!r}: {done.stderr}"
    for command, expected in block.steps:
        done = subprocess.run(
            ["bash", "-c", f"exec 2>&1; {_command_of(command)}"],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        actual = _normalise(done.stdout)
        assert matches(expected, actual), (
            f"README.md:{block.line}: $ {command}\n--- README\n"
            + "\n".join(expected)
            + "\n--- real output\n"
            + "\n".join(actual)
        )
