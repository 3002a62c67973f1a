"""The `dialogue` command line: parse arguments, call the core, print. Nothing heavy at import.

Each command lives in ``commands/<name>.py`` and registers itself on :data:`app`; heavy
libraries (docx, matplotlib, openpyxl) are imported inside the commands that need them.
"""

from __future__ import annotations

import gc
import os
import sys
import types

import typer

from . import __version__
from .commands._common import app, short_run_gc
from .commands._typer import lazy_commands

# The commands, in the order of the method (and of --help), and the module that registers each on
# `app`: a run imports the module of the command it runs, --help and completion all of them.
lazy_commands(
    app,
    {
        name: f"{__package__}.commands.{name}"
        for name in ("init", "check", "map", "workshop", "score", "quote", "invoice", "plan",
                     "render", "schema", "feedback", "templates")
    },
)  # fmt: skip


class _NoPydanticPlugins:
    """Answers pydantic's import of its plugin loader with a loader that finds none.

    On its first model, pydantic imports ``importlib.metadata`` and reads the entry points of
    every installed package, looking for plugins (observability tools hook in this way): about
    25 ms of each run, for plugins dialogue never uses. ``PYDANTIC_DISABLE_PLUGINS`` skips the
    reading but not the import. This finder serves ``pydantic.plugin._loader`` itself, as a
    module whose ``get_plugins`` returns nothing; ``DIALOGUE_PYDANTIC_PLUGINS=1`` turns it off.
    """

    name = "pydantic.plugin._loader"

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != self.name:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(fullname, self)  # type: ignore[arg-type]  # a Loader by protocol

    def create_module(self, spec: object) -> types.ModuleType:
        module = types.ModuleType(self.name, "dialogue: pydantic plugins are not searched for")
        module.get_plugins = tuple  # type: ignore[attr-defined]
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def _without_pydantic_plugins() -> None:
    if (
        os.environ.get("DIALOGUE_PYDANTIC_PLUGINS") != "1"
        and _NoPydanticPlugins.name not in sys.modules
    ):
        sys.meta_path.insert(0, _NoPydanticPlugins())  # type: ignore[arg-type]  # by protocol


# Before any command runs (the commands import pydantic lazily, this module never does).
_without_pydantic_plugins()

# The collector's thresholds raised for a short run; `render` and `workshop` put them back.
short_run_gc()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dialogue {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Run a citizen-dialogue strategy engagement (stratégie de dialogue citoyen) from one YAML file.

    Every command takes the engagement file, or the folder that holds engagement.yaml
    (default: the current folder). Exit status: 0 done, 1 a problem in the engagement's files
    or in a value given on the command line (one line per problem), 2 a malformed command line.

    Examples:
        dialogue init bellerive --client "Ville de Bellerive"
        dialogue check examples/ormessac
        dialogue render examples/ormessac --only devis
    """


def main() -> None:
    """Console-script entry point.

    Once the command is done, every object still alive is handed to the permanent generation
    (:func:`gc.freeze`): the interpreter's shutdown then skips its last collection over them
    (all of pydantic's schemas, the document, the tables), 50 to 90 ms of a `check` on a 2-core
    machine, for memory the process is about to give back. Exit handlers still run.
    """
    try:
        app()
    finally:
        gc.freeze()
