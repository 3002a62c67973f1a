"""The files an engagement reads, so that no output ever replaces one of them.

:func:`project_inputs` lists them for a loaded project: the engagement file, every feedback file,
the catalog, the logo, the scenarios' pictures and the templates a render or the workshop kit
would use. :func:`inputs_near` finds the
engagements an output path could belong to (``engagement.yaml`` in the current folder, or in the
output's folder or any folder above it, links followed) for the commands that run without one
(``schema -o``, ``templates export``), and for an output aimed into another engagement's
folder. Each input is mapped to what it is, for the message that refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..common.errors import DialogueError
from ..common.files import is_regular

if TYPE_CHECKING:
    from .loader import Project

ENGAGEMENT_FILE = "engagement.yaml"
TEMPLATE_FOLDER = "templates"
_TEMPLATE_SUFFIXES = (".docx", ".dotx", ".pptx", ".potx")


def project_inputs(
    project: Project, templates_dir: Path | None = None, *, with_templates: bool = True
) -> dict[Path, str]:
    """Every file ``project`` reads, each mapped to what it is ("the catalog").

    Args:
        project: a loaded engagement.
        templates_dir: the ``--templates`` folder of a render, if any.
        with_templates: count the Word templates in ``templates/`` (and ``templates_dir``);
            ``templates export --force`` is the one writer allowed to replace them.

    Returns:
        The paths as the engagement names them (not resolved: compare them with
        :func:`dialogue_cli.common.atomic.same_file`, which follows links).
    """
    engagement = project.engagement
    base = project.base_dir
    inputs: dict[Path, str] = {project.path: "the engagement file"}
    for workshop in engagement.workshops:
        if workshop.feedback_file:
            inputs.setdefault(
                base / workshop.feedback_file, f"the feedback file of workshop {workshop.id}"
            )
    if engagement.pricing.catalog:
        inputs.setdefault(base / engagement.pricing.catalog, "the catalog")
    if engagement.brand.logo:
        inputs.setdefault(base / engagement.brand.logo, "the logo")
    for scenario in engagement.scenarios:
        if scenario.picture:
            inputs.setdefault(base / scenario.picture, f"the picture of scenario {scenario.id}")
    if engagement.pricing.buyer_sheet is not None:
        inputs.setdefault(base / engagement.pricing.buyer_sheet.file, "the buyer's workbook")
    inputs.setdefault(base / engagement.pricing.ledger, "the ledger of invoices")
    for folder in (templates_dir, base / TEMPLATE_FOLDER) if with_templates else ():
        for template in _templates(folder):
            inputs.setdefault(template, "a template")
    return inputs


def _templates(folder: Path | None) -> list[Path]:
    """The Word templates in ``folder`` (not below it); none when it is not a folder."""
    if folder is None:
        return []
    try:
        return sorted(
            p for p in folder.iterdir() if p.suffix.lower() in _TEMPLATE_SUFFIXES and is_regular(p)
        )
    except OSError:
        return []


def engagement_files_near(targets: Iterable[Path], cwd: Path | None = None) -> list[Path]:
    """The ``engagement.yaml`` files an output could belong to, each once.

    Looked for in the current folder, and for each target in its folder and every folder above
    it (``E/feedback/x.csv`` belongs to ``E/engagement.yaml``), the target's path taken as
    given and with its links followed (a link to ``E/catalog.yaml`` leads into ``E``).
    """
    folders = [cwd or Path.cwd()]
    for target in targets:
        for path in (Path(target).absolute(), _resolved(Path(target))):
            if path is not None:
                folders += list(path.parents)
    found: list[Path] = []
    for folder in folders:
        candidate = folder / ENGAGEMENT_FILE
        if is_regular(candidate) and not any(_same(candidate, known) for known in found):
            found.append(candidate)
    return found


def inputs_near(
    targets: Iterable[Path],
    skip: Path | None = None,
    cwd: Path | None = None,
    *,
    with_templates: bool = True,
) -> dict[Path, str]:
    """The inputs of the engagements found near ``targets`` (see :func:`engagement_files_near`).

    An engagement that does not load still protects its own file; one that loads protects its
    side files too.

    Args:
        targets: the output paths.
        skip: an engagement file already accounted for (the command's own project).
        cwd: the current folder (for tests).
        with_templates: see :func:`project_inputs`.
    """
    from .loader import load

    inputs: dict[Path, str] = {}
    for file in engagement_files_near(list(targets), cwd):
        if skip is not None and _same(file, skip):
            continue
        inputs[file] = "the engagement file"
        try:
            project = load(file)
        except DialogueError:
            continue  # not a valid engagement: its file is still protected
        except Exception:  # a crash on someone else's file must not stop this command
            continue
        for path, role in project_inputs(project, with_templates=with_templates).items():
            inputs.setdefault(path, role)
    return inputs


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
