"""`dialogue init`: scaffold a new engagement folder."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from . import _complete as complete
from ._common import app, reports_errors

T = TypeVar("T")


@app.command()
@reports_errors
def init(
    folder: Path = typer.Argument(
        ..., metavar="DIR", help="The new engagement's folder (created; must be empty)."
    ),
    client: str | None = typer.Option(
        None, metavar="NAME", help="The client's name, e.g. \"Ville d'Ormessac\"."
    ),
    kind: str | None = typer.Option(
        None,
        metavar="KIND",
        help="commune, intercommunalite, departement, region, autre or prive "
        "(default: guessed from the client's name).",
        autocompletion=complete.kinds,
    ),
    population: str | None = typer.Option(None, metavar="N", help="Inhabitants (a whole number)."),
    start: str | None = typer.Option(
        None, metavar="YYYY-MM-DD", help="Start date of the engagement."
    ),
    language: str | None = typer.Option(
        None,
        metavar="LANGUAGE",
        help="Language of the client's documents: fr or en.",
        autocompletion=complete.languages,
    ),
    reference: str = typer.Option(
        "", metavar="TEXT", help="Engagement reference, e.g. ORM-2027-01."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Never prompt; use defaults for what is missing."
    ),
) -> None:
    """Scaffold a new engagement: YAML, JSON schema, feedback files.

    In a terminal, asks for what the options did not give, and asks again until the answer is
    one engagement.yaml accepts (Ctrl-C stops, nothing created); --yes never asks. The kind of
    client is guessed from its name (Communauté de communes: intercommunalite).

    Example: dialogue init bellerive --client "Ville de Bellerive" --population 18200 --start 2027-03-01 --yes
    """
    from ..common.atomic import staged_folder
    from ..common.errors import FileProblem
    from ..engagement import answers
    from ..engagement.scaffold import KINDS, ScaffoldOptions, scaffold

    if folder.exists() and not folder.is_dir():
        raise FileProblem(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise FileProblem(f"{folder}: is not empty; `dialogue init` only creates new engagements")
    interactive = not yes and sys.stdin.isatty()
    default_client = (
        folder.resolve().name.replace("-", " ").replace("_", " ").strip().title() or "Collectivité"
    )
    name = _given("--client", client, answers.read_client)
    if name is None:
        name = _ask("Client name", default_client, answers.read_client, interactive)
    guessed = answers.guess_kind(name)
    chosen_kind = _given("--kind", kind, answers.read_kind)
    if chosen_kind is None:
        chosen_kind = _ask(f"Client kind ({', '.join(KINDS)})", guessed, answers.read_kind,
                           interactive)  # fmt: skip
    inhabitants = _given("--population", population, answers.read_population)
    if population is None:
        inhabitants = _ask("Population (empty if unknown)", "", answers.read_population,
                           interactive)  # fmt: skip
    start_date = _given("--start", start, answers.read_start)
    if start is None:
        start_date = _ask("Start date YYYY-MM-DD (empty if unknown)", "", answers.read_start,
                          interactive)  # fmt: skip
    chosen_language = _given("--language", language, answers.read_language)
    if chosen_language is None:
        chosen_language = _ask("Language of the documents (fr or en)", "fr",
                               answers.read_language, interactive)  # fmt: skip
    options = ScaffoldOptions(
        name, chosen_kind, inhabitants, start_date, chosen_language, reference
    )
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


def _given(option: str, text: str | None, read: Callable[[str], T]) -> T | None:
    """An option's value read by the file's rule; a wrong one stops here (exit status 1)."""
    from ._common import bad_value

    if text is None:
        return None
    try:
        return read(text)
    except ValueError as error:
        bad_value(option, text, str(error).removeprefix(f"{text.strip()!r}: "))


def _ask(question: str, default: str, read: Callable[[str], T], interactive: bool) -> T:
    """The answer to ``question``, asked again until ``read`` accepts it (the default if quiet).

    A wrong answer is said in words on the next line, and the question comes again; Ctrl-C or
    the end of input stops ``init`` before anything is created.
    """
    if not interactive:
        return read(default)

    def check(text: str) -> T:
        try:
            return read(text)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    try:
        value: T = typer.prompt(
            question, default=default, show_default=bool(default), value_proc=check
        )
    except typer.Abort:  # click's word for Ctrl-C, or the end of input, at a prompt
        raise KeyboardInterrupt from None
    return value
