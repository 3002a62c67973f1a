"""The `dialogue` command line: parse arguments, call the core, print. Nothing heavy at import.

Each command lives in ``commands/<name>.py`` and registers itself on :data:`app`; heavy
libraries (docx, matplotlib, openpyxl) are imported inside the commands that need them.
"""

from __future__ import annotations

import typer

from . import __version__
from .commands._common import app

# Commands register themselves on `app` when imported, in the order of the method (and of --help).
from .commands import init as _init  # noqa: F401  isort: skip
from .commands import check as _check  # noqa: F401  isort: skip
from .commands import map as _map  # noqa: F401  isort: skip
from .commands import score as _score  # noqa: F401  isort: skip
from .commands import feedback as _feedback  # noqa: F401  isort: skip
from .commands import quote as _quote  # noqa: F401  isort: skip
from .commands import invoice as _invoice  # noqa: F401  isort: skip
from .commands import plan as _plan  # noqa: F401  isort: skip
from .commands import render as _render  # noqa: F401  isort: skip
from .commands import templates as _templates  # noqa: F401  isort: skip
from .commands import schema as _schema  # noqa: F401  isort: skip


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
    """Console-script entry point."""
    app()
