"""A stopped `render --pdf` leaves no process and no scratch folder (issue 11, Major 12).

Real runs in child processes, real signals, real LibreOffice: SIGINT, SIGTERM and SIGHUP kill
the forked chart child and LibreOffice and remove the scratch folders, with the shell's status;
after a ``kill -9`` of the run, its chart child dies with it, and the next run removes the
scratch folder and stops the LibreOffice that were left, never one the user started, nor one
of a run still going.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dialogue_cli.render import pdf

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LINUX = sys.platform.startswith("linux") and Path("/proc/self/stat").exists()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not LINUX, reason="reads processes from /proc"),
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


# ---------------------------------------------------------------- processes


def _processes() -> Iterator[tuple[int, int, str, str]]:
    """(pid, parent pid, state, command line) of every process."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        yield int(entry.name), int(fields[1]), fields[0], cmdline


def _living(match: Callable[[int, int, str], bool]) -> list[int]:
    """The processes (not zombies: killed, waiting for an init that does not reap) matching."""
    return [
        pid for pid, ppid, state, cmd in _processes() if state not in "ZX" and match(pid, ppid, cmd)
    ]


def _wait_for(condition: Callable[[], list[int]], seconds: float = 60) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.01)
    return []


def _gone(condition: Callable[[], list[int]], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not condition():
            return True
        time.sleep(0.05)
    return False


# Loaded by the child's Python at start (sitecustomize): the Gantt chart, which the forked
# chart child draws, takes a minute, so that the child is surely alive when the signal comes.
SLOW_GANTT = """
import time
import dialogue_cli.charts.gantt as gantt

_draw = gantt.draw_gantt


def draw_gantt(*args, **kwargs):
    time.sleep(60)
    return _draw(*args, **kwargs)


gantt.draw_gantt = draw_gantt
"""


class Run:
    """`dialogue render` in a child process with its own temporary directory and chart cache."""

    def __init__(self, example: Path, scratch: Path, *args: str, slow_gantt: bool = False) -> None:
        self.scratch = scratch
        env = {
            **os.environ,
            "TMPDIR": str(scratch),
            "DIALOGUE_CACHE": str(scratch.parent / f"cache-{time.monotonic_ns()}"),
        }
        if slow_gantt:
            hook = scratch.parent / "hook"
            hook.mkdir(exist_ok=True)
            (hook / "sitecustomize.py").write_text(SLOW_GANTT, encoding="utf-8")
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "dialogue_cli", "render", str(example), "--force", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def chart_child(self) -> list[int]:
        return _living(lambda _pid, ppid, cmd: ppid == self.process.pid and "dialogue_cli" in cmd)

    def libreoffice(self) -> list[int]:
        return _living(lambda _pid, _ppid, cmd: f"{self.scratch}/dialogue-lo-" in cmd)

    def finish(self, timeout: float = 120) -> tuple[int, str]:
        _out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, err

    def scratch_folders(self) -> list[str]:
        return sorted(p.name for p in self.scratch.glob("dialogue-lo-*"))


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


# ---------------------------------------------------------------- signals


@pytest.mark.parametrize(
    ("signum", "status", "name"),
    [
        (signal.SIGTERM, 143, "SIGTERM"),
        (signal.SIGINT, 130, "SIGINT"),
        (signal.SIGHUP, 129, "SIGHUP"),
    ],
    ids=["SIGTERM", "SIGINT", "SIGHUP"],
)
def test_a_signal_during_the_conversion_stops_libreoffice_and_removes_the_scratch(
    example: Path, scratch: Path, signum: int, status: int, name: str
) -> None:
    run = Run(example, scratch, "--only", "devis", "--pdf")
    assert _wait_for(run.libreoffice), "LibreOffice started"
    run.process.send_signal(signum)
    code, err = run.finish()
    assert code == status, err
    assert err.strip().endswith(f"interrupted: stopped, no file left half-written ({name})")
    assert "Traceback" not in err
    assert _gone(run.libreoffice), "LibreOffice (oosplash and soffice.bin) stopped"
    assert run.scratch_folders() == []
    assert not (example / "livrables").exists() or not list((example / "livrables").iterdir())


def test_a_signal_while_the_charts_are_drawn_kills_the_chart_child(
    example: Path, scratch: Path
) -> None:
    run = Run(example, scratch, "--only", "cahier-des-charges", "--pdf", slow_gantt=True)
    child = _wait_for(run.chart_child)
    assert child, "the chart child was forked (a cold cache, two charts, two cores)"
    time.sleep(1)  # the child is drawing (for a minute)
    run.process.send_signal(signal.SIGTERM)
    code, err = run.finish(timeout=30)
    assert code == 143, err
    assert _gone(lambda: _living(lambda pid, _ppid, _cmd: pid in child))
    assert _gone(run.libreoffice)
    assert run.scratch_folders() == []


# ---------------------------------------------------------------- kill -9, then the next run


def test_after_kill_9_the_chart_child_dies_with_its_parent(example: Path, scratch: Path) -> None:
    run = Run(example, scratch, "--only", "cahier-des-charges", slow_gantt=True)
    child = _wait_for(run.chart_child)
    assert child
    time.sleep(1)  # the child is drawing (for a minute)
    assert _living(lambda pid, _ppid, _cmd: pid in child)
    run.process.kill()
    assert run.process.wait(timeout=30) == -signal.SIGKILL
    try:
        # Checked before reading the pipes: an orphan would hold them open for its whole minute.
        assert _gone(lambda: _living(lambda pid, _ppid, _cmd: pid in child), 5), "an orphan"
    finally:
        for pid in child:  # never leave an orphan behind, even when the test fails
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    run.finish()


_BYSTANDER = textwrap.dedent(
    """
    import fcntl, os, sys, time
    lock = sys.argv[1]
    if lock != "-":
        fd = os.open(lock, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
    print("ready", flush=True)
    time.sleep(120)
    """
)


def _bystander(profile: str, lock: str = "-") -> subprocess.Popen[str]:
    """A process that looks like LibreOffice run with ``profile`` (and holds ``lock``)."""
    process = subprocess.Popen(
        [sys.executable, "-c", _BYSTANDER, lock, f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def test_the_next_run_cleans_up_after_a_kill_9_and_nothing_else(
    example: Path, scratch: Path
) -> None:
    run = Run(example, scratch, "--only", "devis", "--pdf")
    left = _wait_for(run.libreoffice)
    assert left
    run.process.kill()
    run.finish()
    time.sleep(0.5)
    assert run.libreoffice(), "kill -9 runs no handler: LibreOffice is left running"
    [stale] = run.scratch_folders()
    # A LibreOffice the user started, and a conversion of a run still going on.
    user = _bystander(str(scratch / "user-profile"))
    alive = scratch / "dialogue-lo-alive"
    alive.mkdir()
    running = _bystander(f"{alive}/profile-1", lock=str(alive / pdf.LOCK_NAME))
    try:
        after = Run(example, scratch, "--only", "devis", "--pdf")
        code, err = after.finish(timeout=180)
        assert code == 0, err
        assert (example / "livrables" / "devis.pdf").stat().st_size > 1000
        assert _gone(lambda: [pid for pid in run.libreoffice() if pid in left])
        assert stale not in after.scratch_folders()
        assert after.scratch_folders() == ["dialogue-lo-alive"], "the living run's folder stays"
        assert user.poll() is None, "the user's LibreOffice is untouched"
        assert running.poll() is None, "the running conversion is untouched"
    finally:
        for process in (user, running):
            process.kill()
            process.wait()
        for pid in left:  # if the next run did not stop them, the test does
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_the_scratch_folder_goes_even_when_a_dying_libreoffice_writes_into_it_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.rmtree
    calls: list[Path] = []

    def late_write(path: Path, ignore_errors: bool = False) -> None:
        calls.append(Path(path))
        real(path, ignore_errors=ignore_errors)
        if len(calls) == 1:  # soffice.bin finishes one write after the first pass
            Path(path).mkdir()
            (Path(path) / "registrymodifications.xcu").write_text("<late/>")

    monkeypatch.setattr(pdf.shutil, "rmtree", late_write)
    with pdf.scratch_folder(tmp_path) as folder:
        (folder / "profile").mkdir()
    assert not folder.exists()
    assert len(calls) == 2
