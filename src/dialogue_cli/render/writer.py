"""Write a rendered document without ever losing work: temp file, strict check, atomic move.

A manifest (``.dialogue-manifest.json`` in the output folder) keeps the SHA-256 of what the tool
last wrote, so that a document edited by hand since is never overwritten without ``--force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import DialogueError, FileProblem

MANIFEST = ".dialogue-manifest.json"


class InvalidOutput(DialogueError):
    """A rendered document failed its check; nothing was written in its place."""


class EditedOutput(DialogueError):
    """Outputs edited since dialogue last wrote them: refuse to overwrite them without --force."""

    def __init__(self, paths: Iterable[Path]) -> None:
        from ..loader import display_name

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


class Manifest:
    """The hashes of the files dialogue wrote into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.hashes: dict[str, str] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                files = data.get("files", {}) if isinstance(data, dict) else {}
                self.hashes = (
                    {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
                )
            except (OSError, ValueError):
                self.hashes = {}  # unreadable manifest: treat every existing file as edited

    def edited(self, names: Iterable[str]) -> list[Path]:
        """The existing outputs among ``names`` whose content is not what dialogue last wrote."""
        out = []
        for name in names:
            target = self.folder / name
            if target.exists() and self.hashes.get(name) != sha256(target):
                out.append(target)
        return out

    def record(self, name: str, digest: str) -> None:
        self.hashes[name] = digest
        data = {"tool": "dialogue", "files": dict(sorted(self.hashes.items()))}
        _atomic_write_bytes(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temp.replace(path)  # atomic on POSIX and Windows
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def validate_docx(path: Path, label: str) -> None:
    """Every XML part parses strictly and python-docx reopens the file; raise InvalidOutput if not."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.namelist():
                if entry.endswith((".xml", ".rels")):
                    try:
                        etree.fromstring(archive.read(entry), parser)
                    except etree.XMLSyntaxError as error:
                        raise InvalidOutput(
                            f"{label}: rendered part {entry} is not valid XML ({error})"
                        ) from None
    except zipfile.BadZipFile as error:
        raise InvalidOutput(f"{label}: rendered file is not a valid package ({error})") from None
    from docx import Document

    try:
        Document(str(path))
    except Exception as error:  # python-docx raises many types on a damaged package
        raise InvalidOutput(
            f"{label}: python-docx cannot reopen the rendered file ({error})"
        ) from None


def write_checked(target: Path, save: Callable[[Path], None], manifest: Manifest) -> str:
    """Save through ``save`` into a temp file beside ``target``, check it, then move it into place.

    Returns the SHA-256 recorded in the manifest. On any failure the temp file is removed and
    ``target`` is left as it was.
    """
    if not target.parent.is_dir():
        raise FileProblem(f"{target.parent}: output folder does not exist")
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.stem}-", suffix=target.suffix
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        save(temp)
        if target.suffix == ".docx":
            validate_docx(temp, target.name)
        digest = sha256(temp)
        temp.replace(target)  # atomic: the old file stays whole until this point
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    manifest.record(target.name, digest)
    return digest
