"""The command line's own Typer classes: one help style, one exit-code contract, light parsing.

- **Exit codes.** 0: done. 1: the user's data, or a value given on the command line, is wrong;
  one line says which (``--population abc: not a whole number``), never click's usage block.
  2: the command line itself is malformed (an unknown option or command, a missing argument,
  an option without its value), with click's usage block.
- **Help.** One placeholder style (``FILE``, ``DIR``, ``PATH``, ``TEXT``, ``N``,
  ``YYYY-MM-DD``: upper case, as sqlite-utils and click write them), the whole one-line summary
  of each command in ``dialogue --help`` (never cut with "..."), and the ``Example:`` paragraph
  of a docstring printed as written (a command line is never re-wrapped).
- **Parsing without pydantic.** Typer 0.29 builds a pydantic ``TypeAdapter`` for each parameter
  of the command being run (about 5 ms each once pydantic is loaded, and the import of
  ``pydantic.types`` with it). The parameters here are of six simple kinds (text, path, whole
  number, yes/no, date, list of text); :class:`_Value` converts them directly, with messages in
  words. With another Typer whose parameters lack the hook, Typer converts as usual and the
  exit code and messages are still the ones above.

Every Typer of the package is a :class:`DialogueTyper`; a command or group added with plain
``typer.Typer`` is upgraded to these classes when the root group is built.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import shlex
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import IO, Any

import typer
from typer import _click as click  # the click Typer vendors: its exceptions and formatter
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

# Paragraphs of a docstring printed as written: examples are command lines, never re-wrapped.
_VERBATIM = re.compile(r"^(Example|Examples)s?:", re.MULTILINE)


class BadValue(click.exceptions.ClickException):
    """A value given on the command line is wrong: one line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        from ..common.terminal import printable

        typer.echo(printable(self.format_message(), one_line=True), err=True)


def option_label(param: click.core.Parameter | None, fallback: str = "") -> str:
    """How a message names a parameter: its longest option (``--population``) or metavar."""
    if param is None:
        return fallback
    if isinstance(param, TyperOption) or param.param_type_name == "option":
        opts = [o for o in param.opts if o.startswith("--")] or list(param.opts)
        return max(opts, key=len) if opts else fallback
    return placeholder(param)


def quoted(value: object) -> str:
    """A value as the user typed it, quoted for a shell only when it needs to be."""
    text = str(value)
    return shlex.quote(text) if text else "''"


# ---------------------------------------------------------------- values without pydantic


class _Value:
    """Converts one parameter's value from the command line (see the module's docstring).

    It answers Typer's runtime-parameter protocol: ``coerce(value, param, ctx)``.
    """

    def __init__(self, kind: str, item: str, minimum: float | None, maximum: float | None,
                 formats: Sequence[str] | None) -> None:  # fmt: skip
        self.kind, self.item = kind, item
        self.minimum, self.maximum, self.formats = minimum, maximum, formats

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None
        if self.kind == "list" or many:
            values = value if isinstance(value, (list, tuple)) else [value]
            return [self._one(item, param) for item in values]
        return self._one(value, param)

    def _one(self, value: Any, param: Any) -> Any:
        kind = self.item
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "y", "on"):
                return True
            if text in ("", "0", "false", "no", "n", "off"):
                return False
            raise BadValue(f"{option_label(param)} {quoted(value)}: not yes or no")
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if kind == "str":
            return str(value)
        if kind == "path":
            return value if isinstance(value, Path) else Path(value)
        if kind == "int":
            return self._int(value, param)
        if kind == "datetime":
            return self._date(value, param)
        raise AssertionError(kind)  # pragma: no cover - kinds come from :func:`_kind_of`

    def _int(self, value: Any, param: Any) -> int:
        label = f"{option_label(param)} {quoted(value)}"
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip().replace("_", "")
            if not re.fullmatch(r"[+-]?\d{1,18}", text):
                raise BadValue(f"{label}: not a whole number{_range(self.minimum, self.maximum)}")
            number = int(text)
        low, high = self.minimum, self.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            raise BadValue(f"{label}: give a whole number{_range(low, high)}")
        return number

    def _date(self, value: Any, param: Any) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        from ..common.dates import parse_date

        try:
            day = parse_date(str(value))
        except ValueError as error:
            raise BadValue(f"{option_label(param)} {quoted(value)}: {error}") from None
        return dt.datetime(day.year, day.month, day.day)


def _range(low: float | None, high: float | None) -> str:
    """`` from 50 to 600``, `` of 0 or more``: the bounds of a whole number, in words."""
    if low is not None and high is not None:
        return f" from {low:g} to {high:g}"
    if low is not None:
        return f" of {low:g} or more"
    if high is not None:
        return f" of at most {high:g}"
    return ""


def _kind_of(annotation: Any) -> str | None:
    """The kind :class:`_Value` converts an annotation to, or None (Typer converts it)."""
    if annotation is bool:
        return "bool"
    if annotation is str:
        return "str"
    if annotation is int:
        return "int"
    if annotation is dt.datetime:
        return "datetime"
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "path"
    return None


def _light_value(param: Any) -> _Value | None:
    """The converter of a Typer parameter, or None when Typer must convert it itself."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not hasattr(param, "_runtime_param"):
        return None
    info = descriptor.parameter_info
    if getattr(info, "parser", None) is not None or descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    origin = getattr(annotation, "__origin__", None)
    if origin is list:
        args: tuple[Any, ...] = getattr(annotation, "__args__", ())
        item = _kind_of(args[0]) if len(args) == 1 else None
        if item is None:
            return None
        return _Value("list", item, info.min, info.max, info.formats)
    kind = _kind_of(annotation)
    if kind is None:
        return None
    if kind == "datetime" and not info.formats:
        return None
    return _Value(kind, kind, info.min, info.max, info.formats)


# ---------------------------------------------------------------- help


def placeholder(param: click.core.Parameter) -> str:
    """The parameter's placeholder in help and usage: its metavar, else its kind in capitals."""
    if param.metavar:
        return param.metavar
    descriptor = getattr(param, "type_descriptor", None)
    annotation: Any = getattr(descriptor, "annotation", None)
    if getattr(annotation, "__origin__", None) is list:
        annotation = annotation.__args__[0]
    names = {str: "TEXT", int: "N", float: "NUMBER", dt.datetime: "YYYY-MM-DD"}
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "PATH"
    if isinstance(annotation, type) and annotation in names:
        return names[annotation]
    return (param.name or "VALUE").upper()


def _record(param: click.core.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """One line of the Arguments or Options section: ``--out DIR`` and its help."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        name = placeholder(param)
    else:
        assert isinstance(param, TyperOption)
        opts = ", ".join(sorted(param.opts, key=len))
        if param.secondary_opts:
            opts += " / " + ", ".join(param.secondary_opts)
        name = opts if param.is_flag or param.count else f"{opts} {placeholder(param)}"
    help_text = getattr(param, "help", None) or ""
    extra = []
    show = getattr(param, "show_default", None)
    if isinstance(show, str):
        extra.append(f"default: {show}")
    elif show is not False and not getattr(param, "is_flag", False):
        default = param.default
        if default not in (None, (), [], "") and not callable(default):
            text = ", ".join(map(str, default)) if isinstance(default, (list, tuple)) else default
            extra.append(f"default: {text}")
    minimum, maximum = getattr(param, "min", None), getattr(param, "max", None)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        minimum = descriptor.parameter_info.min
        maximum = descriptor.parameter_info.max
    if minimum is not None and maximum is not None:
        extra.append(f"{minimum:g} to {maximum:g}")
    elif minimum is not None:
        extra.append(f"{minimum:g} or more")
    if param.required:
        extra.append("required")
    if extra:
        help_text = f"{help_text}  [{'; '.join(extra)}]" if help_text else f"[{'; '.join(extra)}]"
    return name, help_text


def _format_params(command: click.core.Command, ctx: click.Context,
                   formatter: click.HelpFormatter) -> None:  # fmt: skip
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = _record(param, ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


def _format_text(text: str | None, formatter: click.HelpFormatter) -> None:
    """The docstring: paragraphs re-wrapped to the terminal, examples printed as written."""
    if not text:
        return
    import inspect

    text = inspect.cleandoc(text).split("\f", 1)[0]
    formatter.write_paragraph()
    with formatter.indentation():
        for index, block in enumerate(re.split(r"\n\s*\n", text)):
            if index:
                formatter.write_paragraph()
            if _VERBATIM.match(block):
                first, _, rest = block.partition("\n")
                heading, _, inline = first.partition(":")
                formatter.write_text(f"{heading}:")
                lines = ([inline.strip()] if inline.strip() else []) + [
                    line.strip() for line in rest.splitlines() if line.strip()
                ]
                with formatter.indentation():
                    for line in lines:
                        formatter.write(f"{'':>{formatter.current_indent}}{line}\n")
            else:
                formatter.write_text(block)


def summary(command: click.core.Command) -> str:
    """A command's one-line summary: its short help, else its docstring's first paragraph."""
    if command.short_help:
        return command.short_help
    text = command.help or ""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    return " ".join(first.split())


def _usage_pieces(command: click.core.Command, ctx: click.Context) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        name = placeholder(param) + ("..." if param.nargs != 1 else "")
        pieces.append(name if param.required else f"[{name}]")
    return pieces


# ---------------------------------------------------------------- the classes


class DialogueCommand(TyperCommand):
    """A command in the house style (see the module's docstring)."""

    def get_params(self, ctx: click.Context) -> list[click.core.Parameter]:
        return _with_values(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_text(self.help, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_params(self, ctx, formatter)


class DialogueGroup(TyperGroup):
    """A group of commands in the house style; the root one also keeps the exit-code contract."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _upgrade(self)

    def get_params(self, ctx: click.Context) -> list[click.core.Parameter]:
        # The help option is made on demand; the completion options are added late.
        return _with_values(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*_usage_pieces(self, ctx), self.subcommand_metavar]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_text(self.help, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, summary(command))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.MissingParameter:
            raise  # a malformed command line: usage and exit status 2
        except click.exceptions.BadParameter as error:
            raise BadValue(_value_message(error)) from None


def _value_message(error: Any) -> str:
    """A BadParameter (from Typer's own conversion, or click's) as one line naming the option."""
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = option_label(error.param)
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    message = str(error.message).strip()
    return f"{hint}: {message}" if hint else message


def _upgrade(group: TyperGroup) -> None:
    """Make every command below ``group`` one of these classes, with the light converters.

    A command another module builds with plain ``typer.Typer`` gets the same help and exit
    codes: its instance's class is swapped for the subclass, which adds no state.
    """
    for command in group.commands.values():
        _upgrade_command(command)
    _install_values(group)


def _upgrade_command(command: click.core.Command) -> None:
    if type(command) is TyperCommand:
        command.__class__ = DialogueCommand
    elif type(command) is TyperGroup:
        command.__class__ = DialogueGroup
    if isinstance(command, TyperGroup):
        _upgrade(command)
    _install_values(command)


def _install_values(command: click.core.Command) -> None:
    _with_values(command.params)


def _with_values(params: list[click.core.Parameter]) -> list[click.core.Parameter]:
    """``params``, each with its light converter (see :class:`_Value`) when it can have one."""
    for param in params:
        if isinstance(param, (TyperArgument, TyperOption)) and param._runtime_param is None:
            value = _light_value(param)
            if value is not None:
                param._runtime_param = value  # type: ignore[assignment]
    return params


class _Commands(MutableMapping[str, click.core.Command]):
    """The root group's commands, each built the first time it is looked up.

    Iterating gives the names (the order of :func:`lazy_commands`, then any command registered
    eagerly) without importing anything; looking a name up imports the module of that command
    and builds it. A run of ``dialogue check`` thus imports and builds ``check`` alone, not
    the eleven other commands and their parameters (about 9 ms on a 2-core machine), while
    ``--help``, completion and the did-you-mean of an unknown command see every name.
    """

    def __init__(self, built: MutableMapping[str, click.core.Command], names: Sequence[str],
                 build: Callable[[str], click.core.Command | None]) -> None:  # fmt: skip
        self._built = dict(built)
        self._names = list(names)
        self._build = build

    def __getitem__(self, name: str) -> click.core.Command:
        if name not in self._built and name in self._names:
            command = self._build(name)
            if command is not None:
                self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: click.core.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._built.pop(name, None)
        if name in self._names:
            self._names.remove(name)

    def __iter__(self) -> Iterator[str]:
        yield from self._names
        yield from (name for name in self._built if name not in self._names)

    def __len__(self) -> int:
        return len(self._names) + sum(1 for name in self._built if name not in self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names or name in self._built


def lazy_commands(app: typer.Typer, modules: Mapping[str, str]) -> None:
    """Give ``app``'s root group its commands by name: ``{"check": "dialogue_cli.commands.check"}``.

    Each module registers its command (or group) on ``app`` when imported; the import happens
    when the command is first looked up (see :class:`_Commands`), in a run or for ``--help``.
    The order of ``modules`` is the order of ``dialogue --help``.
    """
    names = list(modules)

    def build(name: str) -> click.core.Command | None:
        importlib.import_module(modules[name])
        return _built_command(app, name)

    class RootGroup(DialogueGroup):
        def __init__(self, **attrs: Any) -> None:
            super().__init__(**attrs)
            self.commands = _Commands(self.commands, names, build)

        def list_commands(self, ctx: click.Context) -> list[str]:
            return list(self.commands)

    app.info.cls = RootGroup


def _built_command(app: typer.Typer, name: str) -> click.core.Command | None:
    """The click command of ``app``'s command or group ``name``, as Typer builds it."""
    from typer.main import get_command_from_info, get_command_name, get_group_from_info

    command: click.core.Command | None = None
    for info in app.registered_commands:
        if (
            info.callback is not None
            and (info.name or get_command_name(info.callback.__name__)) == name
        ):
            command = get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                            rich_markup_mode=app.rich_markup_mode)  # fmt: skip
    for group_info in app.registered_groups:
        if group_info.name == name:
            command = get_group_from_info(group_info, pretty_exceptions_short=app.pretty_exceptions_short,
                                          rich_markup_mode=app.rich_markup_mode,
                                          suggest_commands=app.suggest_commands)  # fmt: skip
    if command is not None:
        _upgrade_command(command)
    return command


class DialogueTyper(typer.Typer):
    """A Typer whose groups and commands are :class:`DialogueGroup` and :class:`DialogueCommand`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", DialogueGroup)
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", DialogueCommand)
        return super().command(name, **kwargs)
