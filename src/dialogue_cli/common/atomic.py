"""Writing outputs without ever losing work: a temp file beside the target, then an atomic move.

Every file dialogue writes (documents, PDFs, CSV, XLSX, PNG, SVG, ICS, JSON, schema) goes
through :func:`staged` or :func:`write_atomic`: until the move, the old file stays whole, and on
any failure (a full disk, a killed run) the temp file is removed. A set of files that belong
together (the documents of a render and their manifest) goes through :class:`Batch`: every file
is staged first, then all are moved, and a failure half-way puts the earlier ones back, so that
the folder holds the old set or the new one, never a mix. :func:`staged_folder` does the same
for a new folder (``dialogue init``).

:func:`refuse_inputs` keeps an output option from pointing at one of the user's own input files,
and :func:`refuse_special` from pointing at a device, a named pipe or a folder.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import stat
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import FileProblem
from .files import _kind_of, display_name

R = TypeVar("R")


def os_problem(path: Path | str, action: str, error: OSError) -> FileProblem:
    """One line naming ``path``, what could not be done and the system's reason."""
    reason = error.strerror or str(error)
    return FileProblem(f"{display_name(Path(path))}: cannot {action}: {reason}")


def _umask() -> int:
    # os.umask can only be read by setting it: set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def final_mode(target: Path) -> int:
    """The permissions a file replacing ``target`` gets: the old file's, else 0o666 minus umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def refuse_special(target: Path, option: str = "") -> None:
    """Refuse an output that exists and is not a regular file (links followed), without reading it.

    A device (``/dev/zero``), a named pipe or a socket would hang or fill the memory of whatever
    reads or writes it; a folder cannot be replaced by a file.

    Raises:
        FileProblem: one line naming the path and what it is.
    """
    try:
        mode = target.stat().st_mode
    except (OSError, ValueError):
        return  # missing (or a dangling link): the output creates it
    if stat.S_ISREG(mode):
        return
    flag = f"{option} " if option else ""
    if stat.S_ISDIR(mode):
        raise FileProblem(f"{flag}{display_name(target)}: is a folder, not a file")
    raise FileProblem(
        f"{flag}{display_name(target)}: {_kind_of(mode)}; remove it or choose another output"
    )


def _new_temp(target: Path) -> Path:
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=target.suffix)
    except OSError as error:
        raise os_problem(folder, "create a file in this folder", error) from None
    os.close(handle)
    return Path(name)


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temp file beside ``target``, moved over it when the block succeeds, removed otherwise.

    The temp file gets the mode of the file it replaces (or the usual mode of a new file), and
    every system error becomes a :class:`FileProblem` naming ``target``'s folder or ``target``.
    A ``target`` that is a device, a named pipe or a folder is refused before anything is written.
    An ``OSError`` raised by the block (the writer) becomes a :class:`FileProblem` too.
    """
    refuse_special(target)
    temp = _new_temp(target)
    try:
        try:
            yield temp
        except OSError as error:  # the block could not write the temp file (a full disk...)
            forget_failed_writer(error)
            raise os_problem(target, "write it", error) from None
        try:
            temp.chmod(final_mode(target))
            temp.replace(target)  # atomic: the old file stays whole until this point
        except OSError as error:
            raise os_problem(target, "replace it", error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_with(target: Path, write: Callable[[Path], R]) -> R:
    """Run ``write`` on a temp file beside ``target``, then move it over ``target``.

    The way to write an output through a library (openpyxl, csv, matplotlib): on any failure
    the old ``target`` stays whole, the temp file is removed, and an ``OSError`` becomes a
    one-line :class:`FileProblem` without the "Exception ignored" noise a half-done writer
    leaves (:func:`forget_failed_writer`).

    Returns:
        What ``write`` returned.
    """
    with staged(target) as temp:
        try:
            return write(temp)
        except OSError as error:
            # Caught here, not in staged(): the traceback is still the only way to the writer.
            forget_failed_writer(error)
            raise os_problem(target, "write it", error) from None


def forget_failed_writer(error: BaseException) -> None:
    """Let go of what a failed writer left half-done, without "Exception ignored" on stderr.

    A writer stopped by a full disk (openpyxl's zip file, its row generators) keeps objects
    whose finalizers write again and fail; Python prints each of those failures as an
    "Exception ignored" traceback when the objects go. They are only reachable through the
    error's traceback: it is dropped here, and the objects finalized now, quietly.
    """
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = previous


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temp file and an atomic move."""
    with staged(target) as temp:
        _write(temp, target, data)


def _write(temp: Path, target: Path, data: bytes) -> None:
    try:
        with temp.open("wb") as out:
            out.write(data)
    except OSError as error:
        raise os_problem(target, "write it", error) from None


class Batch:
    """Files that belong together, replaced all at once or not at all.

    :meth:`write` stages each file beside its target (nothing is replaced yet); :meth:`commit`
    then keeps each old file as a hard link (a renamed copy where the file system has no links),
    moves every new file over its target in order, and removes the kept copies only once every
    move succeeded. When a move fails, the files already replaced get their old version back and
    the new files are removed: the folder holds the old set. Use it as a context manager, which
    commits when the block succeeds and removes every temp file otherwise::

        with Batch() as batch:
            batch.write(folder / "a.docx", data_a)
            batch.write(folder / "manifest.json", manifest)   # last: it describes the others
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temp, target), in the order of the moves

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def write(self, target: Path, data: bytes) -> None:
        """Stage ``data`` for ``target`` (refused if ``target`` is a device, a pipe or a folder)."""
        refuse_special(target)
        temp = _new_temp(target)
        self._staged.append((temp, target))
        _write(temp, target, data)
        try:
            temp.chmod(final_mode(target))
        except OSError as error:
            raise os_problem(target, "write it", error) from None

    def discard(self) -> None:
        """Remove every staged temp file; no target is touched."""
        for temp, _target in self._staged:
            with contextlib.suppress(OSError):
                temp.unlink()
        self._staged = []

    def commit(self) -> None:
        """Move every staged file over its target: all of them, or none (see the class)."""
        kept = [_Kept(target, *_keep(target)) for _temp, target in self._staged]
        done: list[_Kept] = []
        lost: list[Path] = []
        try:
            for (temp, target), keep in zip(self._staged, kept, strict=True):
                aside = keep.old if not keep.linked else None
                if aside is not None:  # no hard links here: the old file steps aside just before
                    target.replace(aside)
                try:
                    temp.replace(target)
                except BaseException:
                    if aside is not None and not _restore(keep):
                        lost.append(aside)
                    raise
                done.append(keep)
        except BaseException as error:
            lost += _put_back(done)
            for keep in kept:
                if keep.linked and keep not in done:
                    _remove(keep.old)
            self.discard()
            if lost:
                names = ", ".join(display_name(p) for p in lost)
                raise FileProblem(
                    f"cannot put the earlier files back after a failed write; they are kept as {names}"
                ) from None
            if isinstance(error, OSError):  # the move onto kept[len(done)] failed
                raise os_problem(kept[len(done)].target, "replace it", error) from None
            raise
        for keep in kept:
            _remove(keep.old)
        self._staged = []


@dataclass(frozen=True, eq=False)
class _Kept:
    """How the old version of one target is kept until the whole batch is in place."""

    target: Path
    old: Path | None  # where the old version is kept; None when there was no old file
    linked: bool  # True: a hard link (the target stays in place); False: renamed just before


def _keep(target: Path) -> tuple[Path | None, bool]:
    """A hard link to the current ``target`` beside it, so that it can be put back.

    Returns ``(copy, True)``; ``(name, False)`` when the file system has no hard links (the old
    file is then renamed to ``name`` just before its replacement); ``(None, False)`` when there is
    no old file.
    """
    try:
        if not target.exists() and not target.is_symlink():
            return None, False
    except OSError:
        pass  # cannot tell: keep it by renaming, which reports the error if there is one
    old = target.with_name(f".{target.stem}-{uuid.uuid4().hex[:12]}.old{target.suffix}")
    try:
        os.link(target, old, follow_symlinks=False)
    except (OSError, NotImplementedError):  # no hard links on this file system (or platform)
        return old, False
    return old, True


def _restore(keep: _Kept) -> bool:
    """Put the old version of one target back (or remove the new file); False if impossible."""
    try:
        if keep.old is None:
            keep.target.unlink(missing_ok=True)
        else:
            keep.old.replace(keep.target)
    except OSError:
        return False
    return True


def _remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _put_back(done: list[_Kept]) -> list[Path]:
    """Undo the moves already made (latest first); return the old copies that could not go back."""
    return [keep.old for keep in reversed(done) if not _restore(keep) and keep.old is not None]


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A new folder beside ``target``, filled by the block, then moved to ``target`` in one step.

    ``target`` must not exist or be an empty folder. When the block fails, the new folder and
    everything in it are removed: ``target`` is left as it was.
    """
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        made = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}-"))
    except OSError as error:
        raise os_problem(error.filename or parent, "create a folder here", error) from None
    try:
        try:
            yield made
        except OSError as error:  # a file of the new folder could not be written
            forget_failed_writer(error)
            raise os_problem(target, "create it", error) from None
        try:
            made.chmod(0o777 & ~_umask())
            if os.name == "nt" and target.is_dir():  # pragma: no cover - rename does not replace
                target.rmdir()
            made.replace(target)  # POSIX: an empty folder is replaced in one step
        except OSError as error:
            raise os_problem(target, "create the folder", error) from None
    except BaseException:
        shutil.rmtree(made, ignore_errors=True)
        raise


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are the same file (links followed), or would be once ``a`` exists."""
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
        return a.resolve() == b.resolve()
    except (OSError, ValueError, RuntimeError):
        return False


def refuse_inputs(
    target: Path,
    inputs: Iterable[Path] | Mapping[Path, str],
    option: str = "",
    *,
    instead: str = "another output file",
) -> None:
    """Refuse an output path that is one of the inputs (the engagement, its side files, templates).

    Args:
        target: the output, as the user gave it.
        inputs: the input files, or a mapping of each input to what it is ("the catalog").
        option: the option that named ``target`` (``--png``), for the message.
        instead: what the message asks for instead.

    Raises:
        FileProblem: one line naming the option, the path and the input it would replace.
    """
    roles = inputs if isinstance(inputs, Mapping) else dict.fromkeys(inputs, "")
    for source, role in roles.items():
        if same_file(target, source):
            flag = f"{option} " if option else ""
            shown, original = display_name(target), display_name(source)
            what = " ".join(part for part in (role, "" if shown == original else original) if part)
            raise FileProblem(
                f"{flag}{shown}: is an input of this engagement"
                f"{f' ({what})' if what else ''}; choose {instead}"
            )
