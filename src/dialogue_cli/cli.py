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

# Commands register themselves on `app` when imported, in the order of the method (and of --help).
from .commands import init as _init  # noqa: F401  isort: skip
from .commands import check as _check  # noqa: F401  isort: skip
from .commands import map as _map  # noqa: F401  isort: skip
from .commands import workshop as _workshop  # noqa: F401  isort: skip
from .commands import score as _score  # noqa: F401  isort: skip
from .commands import feedback as _feedback  # noqa: F401  isort: skip
from .commands import quote as _quote  # noqa: F401  isort: skip
from .commands import invoice as _invoice  # noqa: F401  isort: skip
from .commands import plan as _plan  # noqa: F401  isort: skip
from .commands import render as _render  # noqa: F401  isort: skip
from .commands import templates as _templates  # noqa: F401  isort: skip
from .commands import schema as _schema  # noqa: F401  isort: skip


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
