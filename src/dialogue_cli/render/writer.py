"""Write rendered documents without ever losing work: strict check, then all files at once.

A manifest (``.dialogue-manifest.json`` in the output folder) keeps the SHA-256 of what the tool
last wrote (documents and PDFs), so that a file edited by hand since is never overwritten without
``--force``. The documents, their PDFs and the manifest are replaced together or not at all
(:func:`write_recorded`). Every operating-system failure becomes a one-line :class:`FileProblem`.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from ..common.atomic import Batch, os_problem, refuse_special
from ..common.errors import DialogueError, FileProblem
from ..common.files import display_name, read_bytes

MANIFEST = ".dialogue-manifest.json"


class InvalidOutput(DialogueError):
    """A rendered document failed its check; nothing was written in its place."""


class EditedOutput(DialogueError):
    """Outputs edited since dialogue last wrote them: refuse to overwrite them without --force."""

    def __init__(self, paths: Iterable[Path]) -> None:
        from ..common.files import display_name

        self.paths = sorted(paths)
        names = ", ".join(display_name(p) for p in self.paths)
        super().__init__(
            f"{names}: edited since dialogue last wrote {'it' if len(self.paths) == 1 else 'them'}; "
            "move the edits into a template, or use --force to overwrite"
        )


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def prepare_folder(folder: Path) -> None:
    """Create the output folder (and its parents); a clear error when it cannot be one."""
    try:
        if folder.exists() and not folder.is_dir():
            raise FileProblem(f"{folder}: exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise os_problem(error.filename or folder, "create the output folder", error) from None


class Manifest:
    """The hashes of the files dialogue wrote into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.hashes: dict[str, str] = {}
        if not self.path.exists():
            return
        refuse_special(self.path)  # a pipe or a device in its place: refused, never read
        try:
            text = read_bytes(self.path, display_name(self.path), "manifest").decode("utf-8")
        except FileProblem as problem:
            raise FileProblem(f"{problem} (the manifest)") from None
        except ValueError:
            return  # not UTF-8: treat every existing file as edited
        try:
            data = json.loads(text)
        except ValueError:
            return  # unreadable manifest: treat every existing file as edited
        files = data.get("files", {}) if isinstance(data, dict) else {}
        if isinstance(files, dict):
            self.hashes = {str(k): str(v) for k, v in files.items()}

    def edited(self, names: Iterable[str]) -> list[Path]:
        """The existing outputs among ``names`` whose content is not what dialogue last wrote.

        Raises:
            FileProblem: an output is a device, a named pipe or a folder (refused before it is
                read: hashing ``/dev/zero`` would never end).
        """
        out = []
        for name in names:
            target = self.folder / name
            refuse_special(target)
            try:
                if target.exists() and self.hashes.get(name) != sha256(target):
                    out.append(target)
            except OSError as error:
                raise os_problem(target, "read it", error) from None
        return out

    def content(self, hashes: Mapping[str, str] | None = None) -> bytes:
        """The manifest file's bytes for ``hashes`` (by default, the hashes held now)."""
        files = self.hashes if hashes is None else hashes
        data = {"tool": "dialogue", "files": dict(sorted(files.items()))}
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def refuse_overwrites(manifest: Manifest, names: Iterable[str], force: bool) -> None:
    """Refuse, before anything is written into the manifest's folder, an output name that is a
    folder, and (without ``force``) an existing output edited since dialogue wrote it.

    Raises:
        FileProblem: an output is a folder (or, read for its hash, a device or a pipe).
        EditedOutput: outputs edited by hand, all of them named.
    """
    names = list(names)
    for name in names:
        if (manifest.folder / name).is_dir():
            raise FileProblem(f"{display_name(manifest.folder / name)}: is a folder, not a file")
    if not force:
        edited = manifest.edited(names)
        if edited:
            raise EditedOutput(edited)


def malformed_parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """Each XML part of a Word package that a strict (non-recovering) parser rejects, with why.

    The one strict check of the project: `templates check` runs it on templates, the render on
    every document before it is written.
    """
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
    for entry in archive.namelist():
        if entry.endswith((".xml", ".rels")):
            try:
                etree.fromstring(archive.read(entry), parser)
            except etree.XMLSyntaxError as error:
                yield entry, str(error)


def validate_docx(data: bytes, label: str) -> None:
    """Every XML part parses strictly and python-docx reopens the package; raise InvalidOutput if not."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry, error in malformed_parts(archive):
                raise InvalidOutput(f"{label}: rendered part {entry} is not valid XML ({error})")
    except zipfile.BadZipFile as error:
        raise InvalidOutput(f"{label}: rendered file is not a valid package ({error})") from None
    from docx import Document

    try:
        Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types on a damaged package
        raise InvalidOutput(
            f"{label}: python-docx cannot reopen the rendered file ({error})"
        ) from None


def to_bytes(save: Callable[[io.BytesIO], None]) -> bytes:
    """What ``save`` writes into a memory buffer."""
    buffer = io.BytesIO()
    save(buffer)
    return buffer.getvalue()


def write_recorded(files: Mapping[str, bytes], manifest: Manifest) -> list[Path]:
    """Write ``files`` (name to checked bytes) into the manifest's folder, all or none.

    A name may hold a sub-folder (``AT-ELUS/deroule-AT-ELUS.docx``): the sub-folder must exist.

    Every file and then the manifest holding their hashes are staged beside their targets,
    then moved together (:class:`~dialogue_cli.common.atomic.Batch`): a failure at any point,
    a full disk or a move that fails half-way, leaves the folder with its old files and its old
    manifest, never a mix. Returns the paths written, in the order of ``files``.

    Raises:
        FileProblem: a file cannot be staged or moved (the folder is then as it was).
    """
    targets = [manifest.folder / name for name in files]
    hashes = dict(manifest.hashes)
    with Batch() as batch:
        for (name, data), target in zip(files.items(), targets, strict=True):
            batch.write(target, data)
            # Keyed by the name as given: a file in a sub-folder (the workshop kit's
            # ``AT-ELUS/diaporama-AT-ELUS.pptx``) by its path inside the manifest's folder.
            hashes[name] = hashlib.sha256(data).hexdigest()
        batch.write(manifest.path, manifest.content(hashes))  # last: it describes the others
    manifest.hashes = hashes  # only once the files it describes are in place
    return targets


def exported_templates() -> list[str]:
    """The file names `templates export` copies: the six deliverables' and their public forms'
    (press release, easy-to-read draft), then the workshop kit's."""
    from .catalog import DOCUMENTS
    from .workshop.catalog import TEMPLATE_FILES

    return [*(d.filename for d in DOCUMENTS.values()), *TEMPLATE_FILES]


def export_defaults(target: Path, overwrite: bool = False, language: str = "fr") -> list[Path]:
    """Copy the default templates (:func:`exported_templates`) into ``target`` for editing: all
    of them, or none (the six deliverables, the press release and easy-to-read draft that come
    with the communication externe, so that the collectivité can brand every public document,
    and the workshop kit's).

    Never over an existing template without ``overwrite``; the copies are staged beside their
    targets and moved together (:class:`~dialogue_cli.common.atomic.Batch`).

    Raises:
        FileProblem: ``target`` is not a folder, already holds templates, or cannot take them.
    """
    from .templates import packaged_dir

    if target.exists() and not target.is_dir():
        raise FileProblem(f"{target}: exists and is not a folder")
    names = exported_templates()
    existing = [target / name for name in names if (target / name).exists()]
    if existing and not overwrite:
        shown = ", ".join(p.name for p in existing)
        raise FileProblem(f"{target}: already holds {shown}; use --force to overwrite")
    source = packaged_dir(language)
    files = [(target / name, read_bytes(source / name, name, "template")) for name in names]
    prepare_folder(target)
    with Batch() as batch:
        for path, data in files:
            batch.write(path, data)
    return [path for path, _data in files]
