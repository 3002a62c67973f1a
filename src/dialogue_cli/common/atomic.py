"""Writing outputs without ever losing work: a temp file beside the target, then an atomic move.

Every file dialogue writes (documents, PDFs, CSV, XLSX, PNG, SVG, ICS, JSON, schema) goes
through :func:`staged` or :func:`write_atomic`: until the move, the old file stays whole, and on
any failure (a full disk, a killed run) the temp file is removed. :func:`refuse_inputs` keeps an
output option from pointing at one of the user's own input files.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import FileProblem
from .files import display_name


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


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temp file beside ``target``, moved over it when the block succeeds, removed otherwise.

    The temp file gets the mode of the file it replaces (or the usual mode of a new file), and
    every system error becomes a :class:`FileProblem` naming ``target``'s folder or ``target``.
    """
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=target.suffix)
    except OSError as error:
        raise os_problem(folder, "create a file in this folder", error) from None
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        try:
            temp.chmod(final_mode(target))
            temp.replace(target)  # atomic: the old file stays whole until this point
        except OSError as error:
            raise os_problem(target, "replace it", error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temp file and an atomic move."""
    with staged(target) as temp:
        try:
            with temp.open("wb") as out:
                out.write(data)
        except OSError as error:
            raise os_problem(target, "write it", error) from None


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are the same file (links followed), or would be once ``a`` exists."""
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
        return a.resolve() == b.resolve()
    except (OSError, ValueError):
        return False


def refuse_inputs(target: Path, inputs: Iterable[Path], option: str = "") -> None:
    """Refuse an output path that is one of the inputs (the engagement, its side files, templates).

    Raises:
        FileProblem: one line naming the option, the path and the input it would replace.
    """
    for source in inputs:
        if same_file(target, source):
            flag = f"{option} " if option else ""
            raise FileProblem(
                f"{flag}{display_name(target)}: is an input of this engagement "
                f"({display_name(source)}); choose another output file"
            )
