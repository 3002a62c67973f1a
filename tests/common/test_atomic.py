"""common.atomic: one file or a set of files replaced whole, special files refused, inputs named."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from dialogue_cli.common import atomic
from dialogue_cli.common.atomic import (
    Batch,
    refuse_inputs,
    refuse_special,
    staged,
    staged_folder,
    write_atomic,
)
from dialogue_cli.common.errors import FileProblem


def _state(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every entry of ``folder`` (hidden ones too): inode and content."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.iterdir())}


def _old_set(folder: Path) -> dict[str, tuple[int, bytes]]:
    for name in ("a.docx", "b.docx", "manifest.json"):
        (folder / name).write_bytes(f"old {name}".encode())
    return _state(folder)


def _fail_replace_onto(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Moving a staged file onto ``name`` fails (EXDEV), as a move across devices would."""
    real = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).name == name and self.name.startswith(".") and ".old" not in self.name:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)


# ---------------------------------------------------------------- one file


def test_a_writer_that_fails_becomes_one_line_and_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old,complete\n")
    with pytest.raises(FileProblem) as caught, staged(target) as temp:
        temp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(caught.value).endswith("export.csv: cannot write it: No space left on device")
    assert target.read_bytes() == b"old,complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_special_files_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    fifo = tmp_path / "devis.docx"
    os.mkfifo(fifo)
    with pytest.raises(FileProblem) as caught:
        write_atomic(fifo, b"data")
    assert str(caught.value).endswith(
        "devis.docx: is a named pipe, not a regular file; remove it or choose another output"
    )
    link = tmp_path / "carte.png"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileProblem, match=r"carte.png: is a device, not a regular file"):
        refuse_special(link, "--png")
    folder = tmp_path / "plan.ics"
    folder.mkdir()
    with pytest.raises(FileProblem, match=r"^--ics \S*plan.ics: is a folder, not a file$"):
        refuse_special(folder, "--ics")
    refuse_special(tmp_path / "missing.csv")  # a new file is fine
    (tmp_path / "dangling.csv").symlink_to(tmp_path / "nowhere")
    refuse_special(tmp_path / "dangling.csv")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "carte.png",
        "dangling.csv",
        "devis.docx",
        "plan.ics",
    ]


# ---------------------------------------------------------------- a set of files


def test_a_batch_replaces_every_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    _old_set(tmp_path)
    with Batch() as batch:
        batch.write(tmp_path / "a.docx", b"new a")
        batch.write(tmp_path / "b.docx", b"new b")
        batch.write(tmp_path / "c.docx", b"new c")  # a new file
        batch.write(tmp_path / "manifest.json", b"new manifest")
        assert (tmp_path / "a.docx").read_bytes() == b"old a.docx", "nothing moved yet"
    assert {name: data for name, (_ino, data) in _state(tmp_path).items()} == {
        "a.docx": b"new a",
        "b.docx": b"new b",
        "c.docx": b"new c",
        "manifest.json": b"new manifest",
    }


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_move_that_fails_half_way_puts_the_old_set_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    before = _old_set(tmp_path)
    if not links:  # a file system without hard links: the old files are renamed aside instead

        def no_link(*_args: object, **_kwargs: object) -> None:
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(atomic.os, "link", no_link)
    _fail_replace_onto(monkeypatch, "manifest.json")  # the last move, after three succeeded
    with pytest.raises(FileProblem) as caught, Batch() as batch:
        batch.write(tmp_path / "a.docx", b"new a")
        batch.write(tmp_path / "c.docx", b"new c")
        batch.write(tmp_path / "b.docx", b"new b")
        batch.write(tmp_path / "manifest.json", b"new manifest")
    assert str(caught.value).endswith("manifest.json: cannot replace it: Invalid cross-device link")
    after = _state(tmp_path)
    assert {name: data for name, (_ino, data) in after.items()} == {
        name: data for name, (_ino, data) in before.items()
    }, "the old set, no new file, no temp file, no kept copy"
    if links:
        assert after == before, "the very same files (inodes) are back"


def test_a_failure_while_staging_touches_no_target(tmp_path: Path) -> None:
    before = _old_set(tmp_path)
    with pytest.raises(RuntimeError), Batch() as batch:
        batch.write(tmp_path / "a.docx", b"new a")
        raise RuntimeError("the next document could not be rendered")
    assert _state(tmp_path) == before


def test_an_interrupt_during_the_moves_puts_the_old_set_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _old_set(tmp_path)
    real = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if (
            Path(target).name == "b.docx"
            and self.name.startswith(".b-")
            and ".old" not in self.name
        ):
            raise KeyboardInterrupt
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(KeyboardInterrupt), Batch() as batch:
        batch.write(tmp_path / "a.docx", b"new a")
        batch.write(tmp_path / "b.docx", b"new b")
    assert _state(tmp_path) == before


# ---------------------------------------------------------------- a new folder


def test_a_staged_folder_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "new" / "engagement"
    no_space = pytest.raises(FileProblem, match=r"engagement: cannot create it: No space left")
    with no_space, staged_folder(target) as folder:
        (folder / "engagement.yaml").write_text("client: {}\n")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert list((tmp_path / "new").iterdir()) == [], "no half folder, no staging folder"
    target.mkdir()  # an empty folder is taken over
    with staged_folder(target) as folder:
        (folder / "engagement.yaml").write_text("client: {}\n")
    assert (target / "engagement.yaml").read_text() == "client: {}\n"
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["engagement"]
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~atomic._umask()


# ---------------------------------------------------------------- inputs


def test_refuse_inputs_names_what_the_output_would_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "engagement.yaml"
    source.write_text("x")
    link = tmp_path / "carte.png"
    link.symlink_to(source)
    roles = {source: "the engagement file"}
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileProblem) as direct:
        refuse_inputs(Path("engagement.yaml"), roles, "--png")
    with pytest.raises(FileProblem) as linked:
        refuse_inputs(Path("carte.png"), roles, "--png")
    with pytest.raises(FileProblem) as folder:
        refuse_inputs(Path("./engagement.yaml"), roles, "--out", instead="another folder")
    assert str(direct.value) == (
        "--png engagement.yaml: is an input of this engagement (the engagement file); "
        "choose another output file"
    )
    assert str(linked.value) == (
        "--png carte.png: is an input of this engagement (the engagement file engagement.yaml); "
        "choose another output file"
    )
    assert str(folder.value).endswith("(the engagement file); choose another folder")
    refuse_inputs(tmp_path / "carte.svg", roles, "--svg")
