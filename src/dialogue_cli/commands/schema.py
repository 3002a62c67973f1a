"""`dialogue schema`: the JSON Schema of engagement.yaml, for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import app, reports_errors, write_output


@app.command()
@reports_errors
def schema(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of stdout."
    ),
) -> None:
    """Print the JSON Schema of engagement.yaml, so that editors validate and complete it.

    Example: dialogue schema -o engagement.schema.json
    """
    from ..engagement.schema import schema_text

    text = schema_text()
    if output is None:
        typer.echo(text)
    else:
        write_output(output, lambda: output.write_text(text + "\n", encoding="utf-8"))
