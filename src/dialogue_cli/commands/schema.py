"""`dialogue schema`: the JSON Schema of engagement.yaml, for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import app, guard_outputs, reports_errors, write_bytes, write_output


@app.command()
@reports_errors
def schema(
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to this file instead of stdout."
    ),
) -> None:
    """Print the JSON Schema of engagement.yaml, for editors.

    Editors (VS Code's YAML extension and others) validate and complete the file with it.

    The file given with -o never replaces an input of the engagement beside it or in the
    current folder (engagement.yaml, feedback files, catalog, logo, templates).

    Example: dialogue schema -o engagement.schema.json
    """
    from ..engagement.schema import schema_text

    guard_outputs({"--output": output})
    text = schema_text()
    if output is None:
        typer.echo(text)
    else:
        write_output(output, write_bytes((text + "\n").encode("utf-8")))
