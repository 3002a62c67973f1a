"""Stopping cleanly: a run interrupted by a signal leaves no child process and no scratch folder.

The command line turns SIGINT, SIGTERM and SIGHUP into an exception (:class:`Terminated`, or
``KeyboardInterrupt`` for SIGINT) raised in the main thread, after killing the children that
registered with :func:`killed_on_termination` (the forked chart process, LibreOffice): every
``finally`` and ``with`` block then runs as on any error, so temp files and scratch folders go.
The command exits with the shell's status for the signal (130, 143, 129).

A ``kill -9`` runs no handler at all. What is left then is handled by the children themselves
(:func:`die_with_parent`: the kernel kills the chart child when its parent dies) and by the next
run (``render.pdf`` removes the scratch folders and LibreOffice processes of dead runs).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType

HANDLED = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

_cleanups: dict[int, Callable[[], None]] = {}
_next_key = 0


class Terminated(BaseException):
    """The run was stopped by a signal (SIGTERM, SIGHUP); unwinds like KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def exit_status(signum: int) -> int:
    """The status a shell reports for a process stopped by ``signum``: 128 + its number."""
    return 128 + signum


@contextlib.contextmanager
def killed_on_termination(kill: Callable[[], None]) -> Iterator[None]:
    """Run ``kill`` first when a handled signal arrives while the block runs.

    ``kill`` must be quick and must not raise (send a signal to a child, nothing more): the
    block's own ``finally`` then waits for the child and removes what it left.
    """
    key = register(kill)
    try:
        yield
    finally:
        unregister(key)


def register(kill: Callable[[], None]) -> int:
    """Run ``kill`` first when a handled signal arrives, until :func:`unregister` (returns a key)."""
    global _next_key
    key = _next_key
    _next_key += 1
    _cleanups[key] = kill
    return key


def unregister(key: int) -> None:
    """Forget the ``kill`` registered under ``key`` (the child it stops is gone)."""
    _cleanups.pop(key, None)


def kill_children() -> None:
    """Run every registered ``kill`` (latest first); errors are ignored."""
    for key in sorted(_cleanups, reverse=True):
        kill = _cleanups.get(key)
        if kill is not None:
            with contextlib.suppress(Exception):
                kill()


@contextlib.contextmanager
def signals_unwind() -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM/SIGHUP kill the registered children and unwind the stack.

    The first signal raises ``KeyboardInterrupt`` (SIGINT) or :class:`Terminated`; later ones
    only kill the children again, so that the cleanup that follows is not cut short. Outside the
    main thread (where Python cannot set handlers) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def handle(signum: int, _frame: FrameType | None) -> None:
        nonlocal raised
        kill_children()
        if raised:
            return
        raised = True
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)

    previous = {signum: signal.signal(signum, handle) for signum in HANDLED}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def reset_in_child(parent: int) -> None:
    """In a forked child: default signal handling, no inherited cleanups, die with ``parent``.

    Args:
        parent: the parent's pid, read before the fork.
    """
    _cleanups.clear()
    for signum in HANDLED:
        signal.signal(signum, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; elsewhere nothing).

    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: even a ``kill -9`` of the parent, which runs no handler,
    then takes this child with it. If the parent died before the call, exit at once.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl: the next run cleans up instead
        return
    if os.getppid() != parent:  # the parent is already gone: the signal will never come
        os._exit(1)
