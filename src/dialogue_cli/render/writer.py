"""Write a rendered document without ever losing work: temp file, strict check, atomic move.

A manifest (``.dialogue-manifest.json`` in the output folder) keeps the SHA-256 of what the tool
last wrote (documents and PDFs), so that a file edited by hand since is never overwritten without
``--force``. Every operating-system failure becomes a one-line :class:`FileProblem`.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..common.atomic import os_problem, write_atomic
from ..common.errors import DialogueError, FileProblem

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
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as error:
            raise os_problem(self.path, "read the manifest", error) from None
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
        """The existing outputs among ``names`` whose content is not what dialogue last wrote."""
        out = []
        for name in names:
            target = self.folder / name
            try:
                if target.exists() and self.hashes.get(name) != sha256(target):
                    out.append(target)
            except OSError as error:
                raise os_problem(target, "read it", error) from None
        return out

    def record(self, name: str, digest: str) -> None:
        """Remember ``digest`` for ``name`` and save the manifest at once."""
        self.hashes[name] = digest
        self.save()

    def save(self) -> None:
        data = {"tool": "dialogue", "files": dict(sorted(self.hashes.items()))}
        write_atomic(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


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


def write_recorded(target: Path, data: bytes, manifest: Manifest) -> str:
    """Write ``data`` (already checked) over ``target`` atomically and record its hash.

    Returns the SHA-256 recorded in the manifest. On any failure ``target`` is left as it was.
    """
    write_atomic(target, data)
    digest = hashlib.sha256(data).hexdigest()
    manifest.record(target.name, digest)
    return digest
