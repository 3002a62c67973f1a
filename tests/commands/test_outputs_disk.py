"""Every writing command on a full disk leaves the old file (or the old set) whole, and no temp.

Issue 11, Major 11 and Major 7 (a full disk during `quote --dpgf x.xlsx`). Two variants of the
same cases: a real full disk (a small tmpfs, where mounting is allowed: root, no container
restriction), and always a write that fails half-way (``open`` patched to run out of space after
a few bytes in the output folder).
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import gc
import io
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render import pdf

FAKE_SOFFICE = """\
import sys
from pathlib import Path

args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for arg in args:
    if arg.endswith(".docx"):
        stem = Path(arg).stem
        body = b"%PDF-1.4\\n1 0 obj << /Type /Page >> endobj\\n" + stem.encode() * 200
        (out / (stem + ".pdf")).write_bytes(body)
"""

# Each case: an id and the command line; {E} is the engagement folder, {O} the output folder
# (on the full disk). The old output is what the same command wrote before the disk filled up.
CASES = [
    ("map-png", "map {E} --png {O}/carte.png"),
    ("map-svg", "map {E} --svg {O}/carte.svg"),
    ("map-csv", "map {E} --csv {O}/registre.csv"),
    ("plan-ics", "plan {E} --ics {O}/plan.ics"),
    ("plan-gantt-png", "plan {E} --gantt {O}/gantt.png"),
    ("plan-gantt-pdf", "plan {E} --gantt {O}/gantt.pdf"),
    ("schema", "schema -o {O}/engagement.schema.json"),
    ("quote-dpgf-csv", "quote {E} --dpgf {O}/dpgf.csv"),
    ("quote-dpgf-xlsx", "quote {E} --dpgf {O}/dpgf.xlsx"),
    ("quote-bpu-xlsx", "quote {E} --bpu {O}/bpu.xlsx"),
    ("score-export-csv", "score {E} --export {O}/retours.csv"),
    ("score-export-xlsx", "score {E} --export {O}/retours.xlsx"),
    ("score-heatmap", "score {E} --heatmap {O}/heatmap.png"),
    ("feedback-template-csv", "feedback template {E} -g elus -o {O}/elus.csv --force"),
    ("feedback-template-xlsx", "feedback template {E} -g elus -o {O}/elus.xlsx --force"),
    ("render", "render {E} --out {O}/livrables --force"),
    ("render-pdf", "render {E} --out {O}/livrables --force --pdf"),
    ("templates-export", "templates export {O}/modeles --force"),
    ("init", "init {O}/nouveau --yes --client Bellerive"),
]
NEW_FOLDER = {"init"}
_WHICH = shutil.which  # before the fixture below replaces it for LibreOffice  # writes a new folder: before and after the failure, there is none


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts cached elsewhere; a stand-in for LibreOffice (its PDFs are made off the disk)."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\n{FAKE_SOFFICE}", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(pdf.shutil, "which", lambda _name: str(script))


def _args(command: str, engagement: Path, out: Path) -> list[str]:
    return command.format(E=engagement, O=out).split()


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder``, hidden ones too, with its content."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "filler"
    }


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What Python would print as "Exception ignored in: ..." during the test."""
    seen: list[str] = []
    monkeypatch.setattr(
        sys, "unraisablehook", lambda hook: seen.append(f"{hook.object!r}: {hook.exc_value!r}")
    )
    return seen


def _assert_refused(result: Any, capfd: pytest.CaptureFixture[str], unraisable: list[str]) -> str:
    gc.collect()  # what a failed writer left is finalized now: nothing may print
    assert unraisable == [], "a finalizer failed after the run (an 'Exception ignored' traceback)"
    leaked = capfd.readouterr().err
    assert "Exception ignored" not in leaked and "Traceback" not in leaked, leaked
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return str(lines[0])


def _run_on_a_full_disk(
    runner: CliRunner,
    example: Path,
    out: Path,
    case: str,
    command: str,
    fill: contextlib.AbstractContextManager[None],
    capfd: pytest.CaptureFixture[str],
    unraisable: list[str],
) -> str:
    args = _args(command, example, out)
    if case not in NEW_FOLDER:
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
    before = _tree(out)
    assert case in NEW_FOLDER or before, "the first run wrote the old output"
    capfd.readouterr()
    with fill:
        result = runner.invoke(app, args)
    line = _assert_refused(result, capfd, unraisable)
    assert _tree(out) == before, "the old output is whole, no temp file is left"
    assert sorted(p.name for p in out.rglob(".*") if p.name != ".dialogue-manifest.json") == []
    if case in NEW_FOLDER:
        assert not (out / "nouveau").exists()
    return line


# ---------------------------------------------------------------- a write failing half-way


class _FillsUp:
    """A file that runs out of space after ``room`` bytes (or characters), like a full disk."""

    def __init__(self, inner: Any, room: int) -> None:
        self._inner = inner
        self._room = room

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            self._inner.write(data[: self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._inner)


@contextlib.contextmanager
def _disk_fills_up(folder: Path, monkeypatch: pytest.MonkeyPatch, room: int = 16) -> Iterator[None]:
    """Every file opened for writing below ``folder`` fails after ``room`` bytes."""
    real = io.open
    inside = str(folder.resolve())

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real(file, mode, *args, **kwargs)
        writing = any(flag in mode for flag in "wax+")
        path = os.fspath(file) if isinstance(file, str | os.PathLike) else ""
        if writing and path and os.path.realpath(path).startswith(inside):
            return _FillsUp(handle, room)
        return handle

    with monkeypatch.context() as patch:
        patch.setattr(io, "open", fake_open)
        patch.setattr(builtins, "open", fake_open)
        yield


@pytest.mark.parametrize(("case", "command"), CASES, ids=[case for case, _ in CASES])
def test_a_write_failing_half_way_leaves_the_old_output(
    runner: CliRunner,
    example: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    unraisable: list[str],
    case: str,
    command: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fill = _disk_fills_up(out, monkeypatch)
    line = _run_on_a_full_disk(runner, example, out, case, command, fill, capfd, unraisable)
    assert line.endswith(": No space left on device"), line


# ---------------------------------------------------------------- a real full disk (tmpfs)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB tmpfs, mounted for the test; skipped where mounting is not allowed."""
    mount, umount = _WHICH("mount"), _WHICH("umount")
    target = tmp_path / "disk"
    target.mkdir()
    if not sys.platform.startswith("linux") or mount is None or umount is None:
        pytest.skip("tmpfs needs Linux and mount(8)")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=6m", f"dialogue-test-{uuid.uuid4().hex[:8]}", target],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield target
    finally:
        subprocess.run([umount, "-l", target], capture_output=True, check=False)


@contextlib.contextmanager
def _filled(disk: Path, free: int) -> Iterator[None]:
    """Fill ``disk`` but about ``free`` bytes, for the duration of the block."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        chunk = b"\0" * (1 << 16)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, chunk)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
        size = os.fstat(fd).st_size
        os.ftruncate(fd, max(0, size - free))
        yield
    finally:
        os.close(fd)
        filler.unlink()


@pytest.mark.parametrize(("case", "command"), CASES, ids=[case for case, _ in CASES])
def test_a_full_disk_leaves_the_old_output(
    runner: CliRunner,
    example: Path,
    small_disk: Path,
    capfd: pytest.CaptureFixture[str],
    unraisable: list[str],
    case: str,
    command: str,
) -> None:
    out = small_disk / "out"
    out.mkdir()
    args = _args(command, example, out)
    if case not in NEW_FOLDER:
        assert runner.invoke(app, args).exit_code == 0
    # Room for part of the new output: the write fails half-way, not at its first byte.
    size = sum(len(data) for data in _tree(out).values())
    free = (size // 2) // 4096 * 4096
    fill = _filled(small_disk, free)
    line = _run_on_a_full_disk(runner, example, out, case, command, fill, capfd, unraisable)
    assert line.endswith(": No space left on device"), line
