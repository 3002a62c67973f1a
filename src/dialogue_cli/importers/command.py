"""`dialogue feedback import` end to end: paths and refusals, the import, the writes, ``--add``.

The command line parses the options and prints; this module decides where files go, refuses what
would lose work (an input as output, an existing file without ``--force``, a hand-made feedback
file of the engagement even with it), checks that no imported id is already used elsewhere in the
engagement, writes the files atomically and, when asked, references the new file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.atomic import refuse_inputs, same_file, staged, write_atomic
from ..common.errors import DialogueError, FileProblem
from ..common.files import display_name
from ..engagement.model import Workshop
from . import summary
from .mapping import Mapping, load_mapping

if TYPE_CHECKING:
    from ..engagement.loader import Project
    from .convert import Item
    from .run import Outcome

UNCLASSIFIED_SUFFIX = "-unclassified"


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked for, as the options gave it."""

    project: Project
    source: str
    file: Path
    workshop: str
    mapping: Path | None = None
    out: Path | None = None
    force: bool = False
    keep_hash: bool = False
    add: bool = False


@dataclass
class ImportResult:
    """What to print: the summary (lines or JSON) and the problems met in the export."""

    outcome: Outcome
    lines: list[str]
    json: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def find_workshop(project: Project, wanted: str) -> Workshop:
    """The workshop ``wanted`` names: its id, else its group when one workshop has that group."""
    from ..common.suggest import suggest
    from ..engagement.model.base import normalize_group

    workshops = project.engagement.workshops
    for workshop in workshops:
        if workshop.id == wanted:
            return workshop
    same = [w for w in workshops if w.id.casefold() == wanted.casefold()]
    if len(same) == 1:
        return same[0]
    group = normalize_group(wanted)
    of_group = [w for w in workshops if w.group == group]
    if len(of_group) == 1:
        return of_group[0]
    ids = [w.id for w in workshops]
    if len(of_group) > 1:
        raise FileProblem(
            f"--workshop {wanted}: {len(of_group)} workshops of group {group} "
            f"({', '.join(w.id for w in of_group)}): give its id"
        )
    raise FileProblem(
        f"--workshop {wanted}: no such workshop{suggest(wanted, ids)} "
        f"(workshops: {', '.join(ids) or 'none yet'}); add it under workshops: in {project.name}"
    )


def default_output(project: Project, workshop: Workshop, source: str) -> Path:
    """``feedback/<workshop>-<source>.csv`` next to the engagement file (the folder made if needed)."""
    folder = project.base_dir / "feedback"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        reason = "a file has that name" if folder.is_file() else error.strerror
        raise FileProblem(
            f"{display_name(folder)}: cannot create the folder ({reason}); give the file with --out"
        ) from None
    return folder / f"{workshop.id}-{source}.csv"


def unclassified_path(output: Path) -> Path:
    """Where the items without a scenario go: ``<output>-unclassified.<suffix>``."""
    return output.with_name(output.stem + UNCLASSIFIED_SUFFIX + output.suffix)


def check_target(request: ImportRequest, target: Path, option: str) -> None:
    """Refuse a target that is an input, or that exists without ``--force``.

    The inputs are the engagement's own (:func:`~dialogue_cli.engagement.inputs.project_inputs`:
    its file, feedback files, catalog, logo, templates), those of any engagement the target is
    aimed into, the export and the mapping. One exception: a feedback file that an earlier
    import wrote (it has the provenance columns) may be replaced with ``--force``, since
    re-importing is how a mapping is refined; a file typed by hand never is.
    """
    from ..common.atomic import refuse_special
    from ..engagement.inputs import inputs_near, project_inputs
    from .writer import has_provenance, read_header

    project = request.project
    refuse_special(target, option)
    sources = {request.file: "the export being imported"}
    if request.mapping is not None:
        sources[request.mapping] = "the mapping file"
    refuse_inputs(target, sources, option)
    inputs = project_inputs(project)
    for path, role in inputs_near([target], skip=project.path).items():
        inputs.setdefault(path, role)
    if target.exists() and has_provenance(read_header(target)):
        inputs = {p: role for p, role in inputs.items() if not role.startswith("the feedback file")}
    refuse_inputs(target, inputs, option)
    if target.exists() and not request.force:
        raise FileProblem(f"{display_name(target)}: already exists; use --force to overwrite it")


def taken_ids(project: Project, replaced: Path) -> dict[str, str]:
    """Feedback ids used in the engagement (inline and in files), except in ``replaced``.

    Files with problems give the ids of their good rows (``check`` reports the rest).
    """
    from ..engagement.feedback import References, feedback_path, inline_items, read_file

    engagement = project.engagement
    taken: dict[str, str] = {}
    for workshop in engagement.workshops:
        for item in inline_items(engagement, workshop, project.name):
            taken.setdefault(item.id, f"{project.name}, workshop {workshop.id}")
        path = feedback_path(project.base_dir, workshop)
        if path is None or not path.is_file() or same_file(path, replaced):
            continue
        with contextlib.suppress(DialogueError):
            for item in read_file(path, workshop, References.of(engagement), display_name(path)):
                taken.setdefault(item.id, item.source)
    return taken


def _mapping(request: ImportRequest) -> Mapping:
    if request.mapping is None:
        return Mapping()
    return load_mapping(
        request.mapping,
        display_name(request.mapping),
        request.project.engagement,
        request.source,
    )


def run_import(request: ImportRequest) -> ImportResult:
    """Import, refuse what would clash, write, reference; return what to print."""
    from ..engagement.feedback import References, read_file
    from .run import import_export
    from .salt import salt_for
    from .writer import has_provenance, read_header, write_to

    project = request.project
    workshop = find_workshop(project, request.workshop)
    target = (
        request.out
        if request.out is not None
        else default_output(project, workshop, request.source)
    )
    if not target.parent.is_dir():
        raise FileProblem(
            f"{display_name(target)}: folder {display_name(target.parent)} does not exist"
        )
    spare = unclassified_path(target)
    check_target(request, target, "--out")
    check_target(request, spare, "")
    if request.add and workshop.feedback_file:
        current = project.base_dir / workshop.feedback_file
        if not same_file(current, target):
            raise FileProblem(
                f"--add: workshop {workshop.id} already reads {workshop.feedback_file}; a workshop "
                "reads one file: add a workshop for this source (same group) and import into it"
            )
    mapping = _mapping(request)
    salt = salt_for(project.base_dir) if request.keep_hash else None
    outcome = import_export(
        request.file, display_name(request.file), request.source, project.engagement, mapping, salt
    )
    if request.mapping is None:
        outcome.notes.append(
            "No mapping: every item is unclassified. Write one with --init-map, then import with --map."
        )
    taken = taken_ids(project, target)
    _refuse_clashes([*outcome.items, *outcome.unclassified], taken)
    language = mapping.language or project.engagement.language
    name = display_name(target)

    def check(staged_file: Path) -> None:
        refs = References.of(project.engagement)
        refs.seen_ids = set(taken)
        for _item in read_file(staged_file, workshop, refs, name):
            pass

    with staged(target) as main:
        write_to(main, target, outcome.items, language, request.source)
        check(main)
        if outcome.unclassified:
            with staged(spare) as other:
                write_to(other, spare, outcome.unclassified, language, request.source)
    notes = []
    if not outcome.unclassified and spare.exists():
        if request.force and has_provenance(read_header(spare)):
            with contextlib.suppress(OSError):
                spare.unlink()
                notes.append(f"Removed {display_name(spare)}: no item is unclassified now")
        else:
            notes.append(
                f"{display_name(spare)} is from an earlier import: no item is unclassified now"
            )
    outcome.notes.extend(notes)
    reference = ""
    if request.add:
        from .reference import add_feedback_file

        relative = Path(os.path.relpath(target.resolve(), project.base_dir)).as_posix()
        reference = add_feedback_file(project.path, project.name, workshop.id, relative)
        outcome.notes.append(reference[:1].upper() + reference[1:])
    outputs = summary.Outputs(name, display_name(spare) if outcome.unclassified else "", reference)
    problems = [str(p) for p in outcome.problems.listed]
    if outcome.problems.hidden:
        problems.append(f"... and {outcome.problems.hidden} more problems not listed")
    return ImportResult(
        outcome, summary.lines(outcome, outputs), summary.to_json(outcome, outputs), problems
    )


def _refuse_clashes(items: list[Item], taken: dict[str, str]) -> None:
    clashes = [(item, taken[item.id]) for item in items if item.id in taken]
    if not clashes:
        return
    shown = "; ".join(f"{item.id} (also in {where})" for item, where in clashes[:3])
    more = f", and {len(clashes) - 3} more" if len(clashes) > 3 else ""
    raise FileProblem(
        f"{len(clashes)} imported id{'s are' if len(clashes) > 1 else ' is'} already used in "
        f"this engagement: {shown}{more}. Set another id_prefix in the mapping (e.g. id_prefix: "
        f"{clashes[0][0].id.split('-')[0]}2)"
    )


def write_scaffold(request: ImportRequest) -> tuple[Path, str]:
    """``--init-map``: write the scaffold; return its path and what it lists."""
    from .records import Record
    from .run import read_records
    from .scaffold import build

    project = request.project
    workshop = find_workshop(project, request.workshop)
    if request.mapping is not None:
        target = request.mapping
    else:
        base = (
            request.out
            if request.out is not None
            else default_output(project, workshop, request.source)
        )
        target = base.with_name(base.stem + ".map.yaml")
    from ..engagement.inputs import project_inputs

    inputs = {request.file: "the export being imported", **project_inputs(project)}
    refuse_inputs(target, inputs, "--map")
    if target.exists() and not request.force:
        raise FileProblem(f"{display_name(target)}: already exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise FileProblem(
            f"{display_name(target)}: folder {display_name(target.parent)} does not exist"
        )
    context, records = read_records(
        request.file,
        display_name(request.file),
        request.source,
        Mapping(),
        project.engagement.language,
    )
    command = (
        f"dialogue feedback import {request.source} {display_name(request.file)} "
        f"--workshop {workshop.id} --map {display_name(target)}"
    )
    if not same_file(project.path.parent, Path.cwd()):
        command += f" -e {display_name(project.path.parent)}"
    text = build(context, records, project.engagement, request.source, command)
    write_atomic(target, text.encode("utf-8"))
    found = sum(1 for r in records if isinstance(r, Record))
    listed = (
        f"{len(context.questions)} questions"
        if context.questions
        else f"keys: {', '.join(context.primary_keys) or 'the columns'}"
    )
    return target, f"{context.kind or 'export'}, {found} items; {listed}"
