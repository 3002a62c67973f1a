"""PDF copies through LibreOffice headless, each run with its own throw-away user profile.

LibreOffice returns 0 on many failures and hands work to an already running instance that
shares its profile, so each conversion uses a fresh profile and the output is checked.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from ..errors import DialogueError

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


def convert(documents: list[Path], out_dir: Path, soffice: str | None = None) -> list[Path]:
    """Convert ``documents`` to PDF into ``out_dir`` with one LibreOffice run; return the PDFs."""
    if not documents:
        return []
    binary = soffice or find_soffice()
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
        written = []
        for document in documents:
            produced = staging / f"{document.stem}.pdf"
            if not produced.exists() or produced.stat().st_size < 1000:
                detail = (result.stderr or result.stdout).strip().splitlines()
                hint = f": {detail[-1]}" if detail else ""
                raise PdfError(
                    f"{document.name}: LibreOffice produced no PDF (exit {result.returncode}){hint}"
                )
            target = out_dir / produced.name
            shutil.move(str(produced), target)
            written.append(target)
        return written


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
