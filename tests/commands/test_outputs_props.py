"""Random output paths drawn among the inputs, fed to every writing command: no input changes.

Each input of a full engagement (engagement file, feedback files, catalog, logo, template) is
reached through a random form of its path: absolute, relative, ``./``, ``..``, a symbolic link
with the suffix the option wants, a hard link, a link to the engagement's folder. Every writing
command is given it; whatever the command says, the inputs stay byte for byte the same and
the run fails; when the path gets past the option's own checks (its suffix), the message is
the refusal.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app

INPUTS = (
    "engagement.yaml",
    "feedback/citoyens.csv",
    "feedback/services.csv",
    "catalogue.yaml",
    "logo.png",
    "templates/devis.docx",
)
FORMS = ("absolute", "relative", "dot", "dotdot", "symlink", "hardlink", "folder-link")
ANY = ("",)
_COUNTER = itertools.count()


@dataclass(frozen=True)
class Writer:
    """One output option of one command: how to call it and the suffixes it accepts."""

    name: str
    command: Callable[[str], list[str]]
    suffixes: tuple[str, ...] = ANY  # ("",): any name

    @property
    def has_project(self) -> bool:
        return "E" in self.command("x")


FILE_WRITERS = [
    Writer("map --png", lambda p: ["map", "E", "--png", p]),
    Writer("map --svg", lambda p: ["map", "E", "--svg", p]),
    Writer("map --csv", lambda p: ["map", "E", "--csv", p]),
    Writer("plan --ics", lambda p: ["plan", "E", "--ics", p]),
    Writer("plan --gantt", lambda p: ["plan", "E", "--gantt", p], (".png", ".svg", ".pdf")),
    Writer("schema -o", lambda p: ["schema", "-o", p]),
    Writer("quote --dpgf", lambda p: ["quote", "E", "--dpgf", p], (".csv", ".xlsx")),
    Writer("quote --bpu", lambda p: ["quote", "E", "--bpu", p], (".xlsx", ".csv")),
    Writer("score --export", lambda p: ["score", "E", "--export", p], (".csv", ".xlsx")),
    Writer("score --heatmap", lambda p: ["score", "E", "--heatmap", p], (".svg", ".png")),
    Writer(
        "feedback template -o",
        lambda p: ["feedback", "template", "E", "-g", "elus", "-o", p, "--force"],
        (".csv", ".xlsx"),
    ),
]
FOLDER_WRITERS = [
    Writer("render --out", lambda p: ["render", "E", "--out", p, "--force"]),
    Writer("templates export", lambda p: ["templates", "export", p, "--force"]),
]


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in INPUTS}


def _file_form(root: Path, name: str, form: str, suffix: str) -> str:
    """A path leading to the input ``name`` of ``root/E``, in the given form (cwd is ``root``)."""
    engagement = root / "E"
    source = engagement / name
    stem = name.replace("/", "-")
    if form == "absolute":
        return str(source)
    if form == "relative":
        return f"E/{name}"
    if form == "dot":
        return f"./E/./{name}"
    if form == "dotdot":
        return f"E/feedback/../{name}"
    if form == "folder-link":
        return f"E-link/{name}"
    unique = next(_COUNTER)  # a fresh link each time: an earlier run may have replaced one
    if form == "symlink":
        link = root / "links" / f"{stem}-{unique}{suffix}"
        link.symlink_to(source)
        return str(link.relative_to(root))
    link = root / "hard" / f"{stem}-{unique}{suffix}"
    os.link(source, link)
    return str(link)


def _folder_form(root: Path, name: str, form: str) -> str:
    """A folder where the default ``devis.docx`` would be written onto the input ``name``."""
    if name == "templates/devis.docx":  # the templates folder itself, in the given form
        return {
            "absolute": str(root / "E" / "templates"),
            "relative": "E/templates",
            "dot": "./E/./templates",
            "dotdot": "E/feedback/../templates",
            "folder-link": "E-link/templates",
        }.get(form, "E/templates")
    # A folder inside the engagement holding a devis.docx that leads to the input.
    trap = root / "E" / "pieges" / f"{form}-{name.replace('/', '-')}-{next(_COUNTER)}"
    trap.mkdir(parents=True)
    target = trap / "devis.docx"
    if form == "hardlink":
        os.link(root / "E" / name, target)
    else:
        target.symlink_to(root / "E" / name)
    return str(trap.relative_to(root))


@pytest.fixture
def world(full_example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``E`` (the full example), its links, run from its parent folder; charts cached aside."""
    engagement = tmp_path / "E"
    shutil.move(full_example, engagement)
    (tmp_path / "links").mkdir()
    (tmp_path / "hard").mkdir()
    (tmp_path / "E-link").symlink_to(engagement, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))
    return tmp_path


def _check(
    root: Path, before: dict[str, str], result: object, reached: bool, refused: bool = True
) -> None:
    assert _digests(root / "E") == before, "an input changed"
    if not refused:  # see below: written, and the input untouched all the same
        assert getattr(result, "exit_code", 1) == 0, getattr(result, "output", "")
        return
    assert getattr(result, "exit_code", 0) != 0, getattr(result, "output", "")
    stderr = str(getattr(result, "stderr", ""))
    assert "Traceback" not in stderr
    if reached:
        assert "is an input of this engagement" in stderr, stderr
    leftovers = [p for p in (root / "E").rglob(".*") if p.is_file()]
    assert leftovers == [], "no temp file"


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    writer=st.sampled_from(FILE_WRITERS),
    name=st.sampled_from(INPUTS),
    form=st.sampled_from(FORMS),
    pick=st.integers(min_value=0, max_value=2),
)
def test_no_file_option_ever_replaces_an_input(
    runner: CliRunner, world: Path, writer: Writer, name: str, form: str, pick: int
) -> None:
    before = _digests(world / "E")
    linked = form in ("symlink", "hardlink")
    suffix = writer.suffixes[pick % len(writer.suffixes)] or ".out"
    path = _file_form(world, name, form, suffix if linked else "")
    result = runner.invoke(app, writer.command(path))
    own = Path(name).suffix
    reached = linked or writer.suffixes == ANY or own in writer.suffixes
    # A hard link outside any engagement's folder cannot be told from a new file by a command
    # without an engagement (schema -o): it is replaced by the new file (a new inode), and the
    # input it shared its content with stays as it was.
    refused = writer.has_project or form != "hardlink"
    _check(world, before, result, reached, refused)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    writer=st.sampled_from(FOLDER_WRITERS),
    name=st.sampled_from(INPUTS),
    form=st.sampled_from(FORMS),
)
def test_no_folder_option_ever_replaces_an_input(
    runner: CliRunner, world: Path, writer: Writer, name: str, form: str
) -> None:
    if writer.name == "templates export" and name == "templates/devis.docx":
        return  # replacing the templates is what `templates export --force` is for
    before = _digests(world / "E")
    result = runner.invoke(app, writer.command(_folder_form(world, name, form)))
    _check(world, before, result, reached=True)
