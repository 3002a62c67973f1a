"""Reading the user's files within bounds: regular files only, a size cap per kind of file.

Every file dialogue reads (engagement, feedback, catalog, logo, templates, platform exports) goes
through :func:`open_regular` or :func:`read_bytes`: a FIFO, a device (``/dev/zero``), a socket or a
folder is refused with one line before anything is read, and a file larger than the cap of its
kind is refused instead of filling the memory. Symbolic links are followed: what counts is the
file they lead to.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import FileProblem

MiB = 1 << 20

# The largest file of each kind dialogue reads (bytes). Generous for real work, small enough that
# a hostile file cannot exhaust a laptop: a feedback CSV of a million rows is about 150 MB.
LIMITS: dict[str, int] = {
    "engagement": 50 * MiB,
    "catalog": 5 * MiB,
    "feedback": 2048 * MiB,  # streamed row by row, never held whole
    "workbook": 200 * MiB,  # XLSX, compressed; its parts are bounded when read
    "picture": 20 * MiB,
    "template": 50 * MiB,
    "export": 2048 * MiB,  # a platform's export, streamed
    "ledger": 20 * MiB,
    "manifest": 5 * MiB,
}


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _size(size: int) -> str:
    if size >= MiB:
        return f"{size / MiB:.0f} MB"
    return f"{size} bytes"


def _article(kind: str) -> str:
    return "an" if kind[:1] in "aeiou" else "a"


def open_regular(path: Path, name: str, kind: str) -> BinaryIO:
    """Open ``path`` for binary reading if it is a regular file within the cap of ``kind``.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and
    checked on the opened descriptor, so that a file swapped after the check is still the one
    checked.

    Args:
        path: the file.
        name: how messages name it (usually relative to the engagement).
        kind: a key of :data:`LIMITS`.

    Raises:
        FileProblem: missing, unreadable, not a regular file, or over the cap.
    """
    limit = LIMITS[kind]
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(f"{name}: no such file") from None
    except IsADirectoryError:
        raise FileProblem(f"{name}: is a folder") from None
    except PermissionError:
        raise FileProblem(f"{name}: permission denied") from None
    except OSError as error:
        raise FileProblem(f"{name}: cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(f"{name}: {_kind_of(info.st_mode)}")
        if info.st_size > limit:
            raise FileProblem(
                f"{name}: {_size(info.st_size)}, more than the {_size(limit)} "
                f"{_article(kind)} {kind} file may have"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, name: str, kind: str) -> bytes:
    """The whole content of a regular file within the cap of ``kind`` (see :func:`open_regular`).

    Reads at most the cap plus one byte, so that a file growing while it is read is refused too.
    """
    limit = LIMITS[kind]
    with open_regular(path, name, kind) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileProblem(f"{name}: cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise FileProblem(
            f"{name}: more than the {_size(limit)} {_article(kind)} {kind} file may have"
        )
    return data


def is_regular(path: Path) -> bool:
    """True when ``path`` leads (through links) to a regular file; never blocks, never raises."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def display_name(path: Path) -> str:
    """A path as messages show it: relative to the current folder when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, in words that follow its name; None if it can.

    For checks made before reading (the engagement's references to its side files): ``"not
    found"``, ``"is a folder"``, ``"is a named pipe, not a regular file"``... Never blocks,
    never raises.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return "not found"
    except PermissionError:
        return "cannot be read (permission denied)"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    except ValueError:  # a NUL character in the name
        return "cannot be read (its name holds a NUL character)"
    return None if stat.S_ISREG(info.st_mode) else _kind_of(info.st_mode)
