"""PDF copies through LibreOffice headless, each run with its own throw-away user profile.

LibreOffice returns 0 on many failures and hands work to an already running instance that
shares its profile, so each conversion uses a fresh profile and the output is checked. The PDFs
land beside their documents like them: through a temp file in the output folder and an atomic
move, recorded in the manifest, never over a PDF edited since dialogue wrote it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from ..common.errors import DialogueError

TIMEOUT_SECONDS = 180
INSTALL_HINT = (
    "LibreOffice is needed for --pdf and `soffice` was not found: install it "
    "(Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice)"
)


class PdfError(DialogueError):
    """LibreOffice is missing or could not convert a document."""


def find_soffice() -> str:
    """The path of ``soffice`` (or ``libreoffice``); a clear error naming the package otherwise."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(INSTALL_HINT)


def convert(
    documents: list[Path], out_dir: Path, soffice: str | None = None, *, force: bool = False
) -> list[Path]:
    """Convert ``documents`` to PDF into ``out_dir`` with one LibreOffice run; return the PDFs.

    Either every PDF is written or none: all are converted and checked before the first one
    replaces its earlier copy.

    Raises:
        PdfError: LibreOffice is missing, too slow, or produced no PDF for a document.
        EditedOutput: a PDF was edited since dialogue wrote it (and ``force`` is false).
        FileProblem: the output folder cannot take the PDFs.
    """
    from .writer import EditedOutput, Manifest, prepare_folder, write_recorded

    if not documents:
        return []
    binary = soffice or find_soffice()
    prepare_folder(out_dir)
    manifest = Manifest(out_dir)
    targets = [out_dir / f"{document.stem}.pdf" for document in documents]
    if not force:
        edited = manifest.edited(target.name for target in targets)
        if edited:
            raise EditedOutput(edited)
    with tempfile.TemporaryDirectory(prefix="dialogue-lo-") as scratch:
        profile = Path(scratch) / f"profile-{uuid.uuid4().hex}"
        staging = Path(scratch) / "out"
        staging.mkdir()
        command = [
            binary,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(staging),
            *(str(d) for d in documents),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice did not finish within {TIMEOUT_SECONDS} s; no PDF written"
            ) from None
        except OSError as error:
            raise PdfError(f"cannot run {binary}: {error}") from None
        produced = [staging / f"{document.stem}.pdf" for document in documents]
        for document, pdf in zip(documents, produced, strict=True):
            if not pdf.exists() or pdf.stat().st_size < 1000:
                detail = (result.stderr or result.stdout).strip().splitlines()
                hint = f": {detail[-1]}" if detail else ""
                raise PdfError(
                    f"{document.name}: LibreOffice produced no PDF (exit {result.returncode}){hint}"
                )
        manifest.save()  # fails before any PDF is replaced when the folder takes no file
        for pdf, target in zip(produced, targets, strict=True):
            # A temp file in the output folder, then an atomic move (never a cross-device copy).
            write_recorded(target, pdf.read_bytes(), manifest)
        return targets


def page_count(pdf: Path) -> int | None:
    """Pages of a PDF, read from its /Type /Page objects (good enough for LibreOffice output)."""
    import re

    try:
        data = pdf.read_bytes()
    except OSError:
        return None
    count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    return count or None


def stale_pdfs(documents: list[Path]) -> list[tuple[Path, Path]]:
    """The PDFs beside ``documents`` that are older than their document, as (pdf, document) pairs.

    ``dialogue render`` without ``--pdf`` leaves an earlier PDF copy in place; it is the user's
    file, so it is only reported, never deleted.
    """
    stale = []
    for document in documents:
        pdf = document.with_suffix(".pdf")
        try:
            if pdf.stat().st_mtime_ns < document.stat().st_mtime_ns:
                stale.append((pdf, document))
        except FileNotFoundError:
            continue
    return stale
