"""`dialogue init`: scaffold a new engagement folder."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path

import typer

from ._common import app, reports_errors


@app.command()
@reports_errors
def init(
    folder: Path = typer.Argument(
        ..., help="The new engagement's folder (created; must be empty)."
    ),
    client: str | None = typer.Option(None, help="The client's name, e.g. \"Ville d'Ormessac\"."),
    kind: str | None = typer.Option(
        None, help="commune, intercommunalite, departement, region or autre."
    ),
    population: int | None = typer.Option(None, min=0, help="Inhabitants."),
    start: str | None = typer.Option(None, help="Start date, YYYY-MM-DD."),
    language: str | None = typer.Option(None, help="Language of the client's documents: fr or en."),
    reference: str = typer.Option("", help="Engagement reference, e.g. ORM-2027-01."),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Never prompt; use defaults for what is missing."
    ),
) -> None:
    """Scaffold a new engagement: a commented engagement.yaml, its JSON schema, feedback templates.

    Prompts for missing values only in a terminal; --yes never prompts.

    Example: dialogue init ormessac --client "Ville d'Ormessac" --population 25400 --start 2027-01-11
    """
    from ..common.atomic import staged_folder
    from ..common.errors import DialogueError, FileProblem
    from ..engagement.scaffold import KINDS, ScaffoldOptions, scaffold

    interactive = not yes and sys.stdin.isatty()
    default_client = (
        folder.resolve().name.replace("-", " ").replace("_", " ").strip().title() or "Collectivité"
    )
    if client is None:
        client = (
            typer.prompt("Client name", default=default_client) if interactive else default_client
        )
    client = client.strip()
    if not client:
        raise DialogueError("--client: the client's name cannot be empty")
    if kind is None:
        kind = (
            typer.prompt(f"Client kind ({', '.join(KINDS)})", default="commune")
            if interactive
            else "commune"
        )
    if kind not in KINDS:
        raise DialogueError(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")
    if population is None and interactive:
        answer = typer.prompt("Population (empty if unknown)", default="", show_default=False)
        population = int(answer) if answer.strip().isdigit() else None
    if start is None and interactive:
        start = (
            typer.prompt("Start date YYYY-MM-DD (empty if unknown)", default="", show_default=False)
            or None
        )
    start_date = None
    if start:
        try:
            start_date = dt.date.fromisoformat(start)
        except ValueError:
            raise DialogueError(f"--start: {start!r} is not a date like 2027-01-11") from None
    if language is None:
        language = typer.prompt("Language (fr or en)", default="fr") if interactive else "fr"
    if language not in ("fr", "en"):
        raise DialogueError(f"--language: {language!r} is not fr or en")
    options = ScaffoldOptions(client, kind, population, start_date, language, reference)
    if folder.exists() and not folder.is_dir():
        raise FileProblem(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise FileProblem(f"{folder}: is not empty; `dialogue init` only creates new engagements")
    # Scaffolded beside FOLDER, then moved in one step: a full disk leaves no half engagement.
    with staged_folder(folder) as staging:
        written = [path.relative_to(staging) for path in scaffold(staging, options)]
    typer.echo(f"Created {folder}/ with:")
    for path in written:
        typer.echo(f"  {path}")
    typer.echo(
        f"Next: edit {shlex.quote(str(folder / 'engagement.yaml'))}, "
        f"then run: dialogue check {shlex.quote(str(folder))}"
    )
