"""What every command shares: the Typer app, the error boundary, the path argument, output helpers."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..engagement.loader import Project

app = typer.Typer(
    name="dialogue",
    no_args_is_help=True,
    # Plain help keeps `dialogue --help` from importing rich (about 80 ms).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

P = ParamSpec("P")
R = TypeVar("R")

PATH_HELP = "The engagement file, or the folder holding engagement.yaml."


def engagement_argument() -> Any:
    return typer.Argument(Path(), help=PATH_HELP, show_default="current folder")


def reports_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a user's error (DialogueError) into its lines on stderr and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from ..common.errors import DialogueError, LocatedError

        try:
            return fn(*args, **kwargs)
        except DialogueError as error:
            lines = error.lines()
            for line in lines:
                typer.echo(line, err=True)
            if isinstance(error, LocatedError) and error.count > 1:
                files = sorted({p.file for p in error.problems})
                typer.echo(f"{error.count} problems in {', '.join(files)}", err=True)
            raise typer.Exit(1) from None

    return wrapper


def load_project(path: Path) -> Project:
    from ..engagement.loader import load

    return load(path)


def console(stderr: bool = False) -> Console:
    """A rich console; plain (no colours) when not writing to a terminal."""
    from rich.console import Console

    return Console(
        stderr=stderr, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120
    )


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def output_path(path: Path) -> Path:
    """Check an output path's folder exists; raise a clear error otherwise."""
    from ..common.errors import FileProblem

    if not path.parent.exists():
        raise FileProblem(f"{path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise FileProblem(f"{path}: is a folder; give a file name")
    return path


def write_output(
    target: Path,
    write: Callable[[], R],
    *,
    quiet: bool = False,
    what: str = "",
    announce: bool = True,
) -> R:
    """Run ``write`` (which writes ``target``); an OS error becomes one line; say what was written.

    Args:
        target: the file being written, for the messages.
        write: does the writing.
        quiet: say "Wrote ..." on stderr (keeps --json output parseable on stdout).
        what: added after the file name, e.g. "(10 events)".
        announce: say "Wrote ..." (False when the caller reports it later).

    Returns:
        What ``write`` returned (e.g. how many rows it wrote).
    """
    from ..common.errors import FileProblem

    output_path(target)
    try:
        result = write()
    except OSError as error:
        raise FileProblem(f"{target}: cannot write: {error.strerror or error}") from None
    if announce:
        typer.echo(f"Wrote {target}{' ' + what if what else ''}", err=quiet)
    return result
