"""What every command shares: the Typer app, the error boundary, the path argument, output helpers."""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from ..engagement.loader import Project

from ._typer import DialogueTyper, quoted

app = DialogueTyper(
    name="dialogue",
    no_args_is_help=True,
    # Plain help keeps `dialogue --help` from importing rich (about 80 ms).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


# The cycle collector's thresholds. CPython's own ones, as the interpreter started:
_GC_DEFAULTS = gc.get_threshold()
# A short run (check, quote, plan...) allocates in bursts (pydantic's schemas, a YAML document, a
# table): with CPython's thresholds the collector runs 100 to 130 times in `check` or `quote` on
# the example, 20 to 70 ms of a run, to find almost nothing (reference counting frees the rest).
# mypy raises its thresholds the same way.
SHORT_RUN_GC = (200_000, 30, 30)


def short_run_gc() -> None:
    """Raise the collector's thresholds for the whole run (the CLI's entry point does)."""
    gc.set_threshold(*SHORT_RUN_GC)


def documents_gc() -> None:
    """CPython's thresholds again, before writing documents: docx, charts and slides leave
    cycles behind, and the raised thresholds let them pile up (a render of the example peaked
    at 156 MiB instead of 103)."""
    gc.set_threshold(*_GC_DEFAULTS)


def sub_app(name: str, help: str) -> DialogueTyper:
    """A group of subcommands (``dialogue feedback ...``) registered on :data:`app`."""
    group = DialogueTyper(name=name, help=help, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group


P = ParamSpec("P")
R = TypeVar("R")

PATH_HELP = "The engagement file, or the folder holding engagement.yaml."


def bad_value(option: str, value: object, message: str) -> NoReturn:
    """Stop on a wrong value given on the command line: ``--kind interco: not a kind...``.

    One line on stderr and exit status 1, like every mistake in the user's data (exit status
    2 is for a malformed command line only; see the README).
    """
    from ..common.errors import DialogueError

    raise DialogueError(f"{option} {quoted(value)}: {message}" if option else message)


def engagement_argument() -> Any:
    return typer.Argument(Path(), metavar="PATH", help=PATH_HELP, show_default="current folder")


def reports_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """The error boundary: a user's error (DialogueError) becomes its lines on stderr and exit 1.

    Every line is made printable (a control character from the user's files is shown as
    ``\\x1b``, never sent to the terminal). SIGINT, SIGTERM and SIGHUP stop the command cleanly
    (children killed, temp files and scratch folders removed) with the status 130, 143 or 129.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from ..common.errors import DialogueError, LocatedError
        from ..common.terminal import printable
        from ..common.termination import Terminated, exit_status, signals_unwind

        try:
            with signals_unwind():
                return fn(*args, **kwargs)
        except DialogueError as error:
            lines = error.lines()
            for line in lines:
                typer.echo(printable(line, one_line=True), err=True)
            if isinstance(error, LocatedError) and error.count > 1:
                files = sorted({p.file for p in error.problems})
                typer.echo(printable(f"{error.count} problems in {', '.join(files)}"), err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo(f"\n{INTERRUPTED} (SIGINT)", err=True)
            raise typer.Exit(130) from None
        except Terminated as stop:
            typer.echo(f"{INTERRUPTED} ({stop})", err=True)
            raise typer.Exit(exit_status(stop.signum)) from None

    return wrapper


INTERRUPTED = "interrupted: stopped, no file left half-written"


def say(text: str, *, err: bool = False) -> None:
    """Print a line that holds text from the user's files, control characters escaped."""
    from ..common.terminal import printable

    typer.echo(printable(text), err=err)


def markup(text: object) -> str:
    """User text for a rich markup string or table cell: controls escaped, then markup escaped."""
    from rich.markup import escape

    from ..common.terminal import printable

    return escape(printable(str(text), one_line=True))


def plain(text: object) -> str:
    """User text for a rich ``Text`` (no markup), control characters escaped; newlines kept."""
    from ..common.terminal import printable

    return printable(str(text))


def load_project(path: Path) -> Project:
    from ..engagement.loader import load

    return load(path)


def console(stderr: bool = False) -> Console:
    """A rich console; plain (no colours) when not writing to a terminal."""
    from rich.console import Console

    return Console(
        stderr=stderr, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120
    )


def progress() -> Progress:
    """The progress bar of a command that writes documents: on stderr, shown only in a
    terminal, gone once done (the table of what was written follows)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    err = console(stderr=True)
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def print_json(data: Any) -> None:
    """JSON on stdout; characters a terminal would act on are written as JSON escapes."""
    from ..common.terminal import json_printable

    typer.echo(json_printable(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


def output_path(path: Path, option: str = "") -> Path:
    """Check an output path: its folder exists, it is not a folder, a device or a named pipe.

    Nothing is read from an existing output: a ``/dev/zero`` in place of a file is refused
    from its type alone.
    """
    from ..common.atomic import refuse_special
    from ..common.errors import FileProblem

    flag = f"{option} " if option else ""
    if not path.parent.exists():
        raise FileProblem(f"{flag}{path}: folder {path.parent} does not exist")
    if not path.parent.is_dir():
        raise FileProblem(f"{flag}{path}: {path.parent} is not a folder")
    if path.is_dir():
        raise FileProblem(f"{flag}{path}: is a folder; give a file name")
    refuse_special(path, option)
    return path


def guard_outputs(
    outputs: Mapping[str, Path | None] | Iterable[tuple[str, Path | None]],
    project: Project | None = None,
    *,
    templates: Path | None = None,
    instead: str = "another output file",
    check_path: bool = True,
    with_templates: bool = True,
) -> None:
    """Refuse, before anything is computed, every output that would replace an input.

    The inputs are the project's (:func:`~dialogue_cli.engagement.inputs.project_inputs`) and
    those of any other engagement the outputs are aimed at, or that sits in the current folder
    (:func:`~dialogue_cli.engagement.inputs.inputs_near`): links are followed, ``./`` and ``..``
    resolved. Each output is also checked with :func:`output_path`.

    Args:
        outputs: each option (``--png``, or "" for an argument) and its path; ``None`` when the
            option was not given.
        project: the command's engagement, when it has one.
        templates: the ``--templates`` folder of a render.
        instead: what the refusal asks for ("another output folder").
        check_path: also check the folder and the kind of file (:func:`output_path`).
        with_templates: count the Word templates as inputs (not for ``templates export``).

    Raises:
        FileProblem: one line naming the option, the path and the input.
    """
    from ..common.atomic import refuse_inputs
    from ..engagement.inputs import inputs_near, project_inputs

    pairs = outputs.items() if isinstance(outputs, Mapping) else outputs
    given = [(option, path) for option, path in pairs if path is not None]
    if not given:
        return
    if check_path:
        for option, path in given:
            output_path(path, option)
    inputs: dict[Path, str] = {}
    if project is not None:
        inputs.update(project_inputs(project, templates, with_templates=with_templates))
    skip = project.path if project is not None else None
    near = inputs_near([path for _option, path in given], skip=skip, with_templates=with_templates)
    for path, role in near.items():
        inputs.setdefault(path, role)
    for option, path in given:
        refuse_inputs(path, inputs, option, instead=instead)


def write_output(
    target: Path,
    write: Callable[[Path], R],
    *,
    quiet: bool = False,
    what: str = "",
    announce: bool = True,
) -> R:
    """Write ``target`` atomically: ``write`` fills a temp file beside it, then it replaces it.

    On any failure (a full disk, an interrupted run) the old ``target`` is left whole and the
    temp file is removed; an OS error becomes one line.

    Args:
        target: the output file.
        write: writes the content into the path it is given (the temp file).
        quiet: say "Wrote ..." on stderr (keeps --json output parseable on stdout).
        what: added after the file name, e.g. "(10 events)".
        announce: say "Wrote ..." (False when the caller reports it later).

    Returns:
        What ``write`` returned (e.g. how many rows it wrote).
    """
    from ..common.atomic import write_with

    output_path(target)
    result = write_with(target, write)
    if announce:
        typer.echo(f"Wrote {target}{' ' + what if what else ''}", err=quiet)
    return result


def write_bytes(data: bytes) -> Callable[[Path], None]:
    """A ``write`` for :func:`write_output` that writes ``data``."""

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    return write
