"""Bounded reading, atomic writes, refusing inputs as outputs, terminal-safe text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogue_cli.common import files
from dialogue_cli.common.atomic import refuse_inputs, staged, write_atomic
from dialogue_cli.common.errors import FileProblem
from dialogue_cli.common.files import is_regular, open_regular, read_bytes
from dialogue_cli.common.terminal import printable


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"abc")
    assert read_bytes(path, "a.yaml", "engagement") == b"abc"
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert read_bytes(link, "link.yaml", "engagement") == b"abc"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileProblem, match=r"^pipe.csv: is a named pipe, not a regular file$"):
        open_regular(fifo, "pipe.csv", "feedback")
    assert not is_regular(fifo)


def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "engagement.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileProblem, match=r"^engagement.yaml: is a device, not a regular file$"):
        read_bytes(link, "engagement.yaml", "engagement")


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        read_bytes(tmp_path, "x", "catalog")
    with pytest.raises(FileProblem, match="no such file"):
        read_bytes(tmp_path / "nope", "nope", "catalog")


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(files.LIMITS, "picture", 10)
    path = tmp_path / "logo.png"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileProblem, match=r"^logo.png: 11 bytes, more than the 10 bytes"):
        read_bytes(path, "logo.png", "picture")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), staged(target) as temp:
        temp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    write_atomic(target, b"new")
    assert target.read_text() == "new"


def test_refuse_inputs(tmp_path: Path) -> None:
    source = tmp_path / "engagement.yaml"
    source.write_text("x")
    link = tmp_path / "alias.yaml"
    link.symlink_to(source)
    refuse_inputs(tmp_path / "other.png", [source])
    for target in (source, link, tmp_path / "sub" / ".." / "engagement.yaml"):
        with pytest.raises(FileProblem, match=r"is an input of this engagement"):
            refuse_inputs(target, [source], "--png")


def test_printable_escapes_controls() -> None:
    assert printable("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert printable("x\u202ey") == "x\\u202ey"
    assert printable("l1\nl2\tz") == "l1\nl2\tz"
    assert printable("l1\nl2", one_line=True) == "l1\\x0al2"
    assert printable("Ormessac — « éé » 😀") == "Ormessac — « éé » 😀"


@given(st.text())
def test_printable_never_lets_a_control_through(text: str) -> None:
    out = printable(text, one_line=True)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
