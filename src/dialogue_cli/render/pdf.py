"""PDF copies through LibreOffice headless, each run with its own throw-away user profile.

LibreOffice returns 0 on many failures and hands work to an already running instance that
shares its profile, so each conversion uses a fresh profile in a scratch folder
(``dialogue-lo-*`` in the temporary directory) and the output is checked. The PDFs land beside
their documents like them: staged in the output folder and moved together with the documents
and the manifest, never over a PDF edited since dialogue wrote it.

A run stopped by a signal kills LibreOffice (its whole process group) and removes its scratch
folder. A run killed outright (``kill -9``) cannot: the scratch folder holds a lock that dies with
its run, and the next conversion removes the folders whose lock is free and stops the LibreOffice
processes started with a profile inside them (found by that profile path in their command line;
a LibreOffice the user started never has one).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..common.atomic import os_problem
from ..common.errors import DialogueError
from ..common.termination import killed_on_termination

TIMEOUT_SECONDS = 180
SCRATCH_PREFIX = "dialogue-lo-"
LOCK_NAME = ".lock"
# A scratch folder without its lock is being created, or was left by a run killed at that very
# moment: after this long it is a leftover.
UNLOCKED_GRACE_SECONDS = 600
INSTALL_HINT = (
    "LibreOffice is needed for --pdf and `soffice` was not found: install it "
    "(Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui libreoffice-impress-nogui; "
    "macOS: brew install --cask libreoffice)"
)


# LibreOffice's PDF export options (writer_pdf_Export, as JSON since LibreOffice 7.4): tagged,
# PDF/UA (its title shown, its structure checked by LibreOffice), bookmarks from the headings.
PDFA_VERSION = 2  # --pdfa: PDF/A-2b, the archival level public bodies' records offices take


def export_filter(pdfa: bool = False) -> str:
    """The ``--convert-to`` argument: tagged PDF/UA, and PDF/A-2b with ``pdfa``."""
    import json

    options: dict[str, dict[str, str]] = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "PDFUACompliance": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "ExportNotes": {"type": "boolean", "value": "false"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": str(PDFA_VERSION)}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


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
    documents: list[Path],
    out_dir: Path,
    soffice: str | None = None,
    *,
    force: bool = False,
    pdfa: bool = False,
) -> list[Path]:
    """Convert ``documents`` to PDF into ``out_dir`` with one LibreOffice run; return the PDFs.

    Either every PDF is written or none: all are converted and checked before the first one
    replaces its earlier copy, and they replace them together (with the manifest).

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
    if not force:
        edited = manifest.edited(f"{document.stem}.pdf" for document in documents)
        if edited:
            raise EditedOutput(edited)
    contents = {}
    for document in documents:
        try:
            contents[document.name] = document.read_bytes()
        except OSError as error:
            raise os_problem(document, "read it", error) from None
    return write_recorded(to_pdf(contents, binary, pdfa=pdfa), manifest)


def to_pdf(
    documents: Mapping[str, bytes],
    soffice: str | None = None,
    *,
    pdfa: bool = False,
    on_warning: Callable[[str], None] | None = None,
    export: str | None = None,
) -> dict[str, bytes]:
    """The PDF of each document (file name to .docx bytes), by one LibreOffice run.

    The documents are converted in a scratch folder of their own; the result maps each PDF's
    name (``devis.pdf``) to its bytes, in the order of ``documents``. Scratch folders and
    LibreOffice processes left by killed runs are removed first (:func:`clean_stale_runs`).
    The PDFs are tagged PDF/UA (:func:`export_filter`; PDF/A-2b too with ``pdfa``; ``export``
    replaces the whole filter argument). LibreOffice gets the fonts shipped with dialogue
    (:mod:`.fonts`); before it starts, ``on_warning`` is called once with one line naming the
    fonts the documents ask for that it would replace, if any.

    Raises:
        PdfError: LibreOffice is missing, too slow, or produced no PDF for a document.
    """
    if not documents:
        return {}
    binary = soffice or find_soffice()
    clean_stale_runs()
    with scratch_folder() as scratch:
        profile = scratch / f"profile-{uuid.uuid4().hex}"
        sources = scratch / "in"
        staging = scratch / "out"
        try:
            sources.mkdir()
            staging.mkdir()
        except OSError as error:
            raise os_problem(scratch, "create a folder here", error) from None
        from .fonts import check_documents, environment, fontconfig_file

        try:
            config = fontconfig_file(scratch)
        except OSError as error:
            raise os_problem(scratch, "write the fonts' configuration", error) from None
        if on_warning is not None:
            warning = check_documents(documents, config)
            if warning:
                on_warning(warning)
        paths = []
        for name, data in documents.items():
            path = sources / name
            try:
                path.write_bytes(data)
            except OSError as error:  # a full temporary folder
                raise os_problem(scratch, "write the documents to convert", error) from None
            paths.append(path)
        command = [
            binary,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            export or export_filter(pdfa),
            "--outdir",
            str(staging),
            *(str(path) for path in paths),
        ]
        returncode, output = _run(command, binary, environment(config))
        pdfs = {}
        for path in paths:
            pdf = staging / f"{path.stem}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            if len(data) < 1000:
                detail = output.strip().splitlines()
                hint = f": {detail[-1]}" if detail else ""
                if path.suffix == ".pptx":  # slides need Impress, which Writer alone lacks
                    hint += " (slides need LibreOffice Impress: libreoffice-impress-nogui)"
                raise PdfError(
                    f"{path.name}: LibreOffice produced no PDF (exit {returncode}){hint}"
                )
            pdfs[pdf.name] = data
        return pdfs


def _run(command: list[str], binary: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run LibreOffice in a process group of its own; kill the whole group if we stop early.

    ``soffice`` is a script that starts ``oosplash``, which starts ``soffice.bin``: killing the
    first alone would leave the others running. The group is killed on a timeout, on a signal
    (:func:`~dialogue_cli.common.termination.killed_on_termination`) and on any error.
    """
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
            start_new_session=True,  # POSIX: its own process group, out of the terminal's reach
        )
    except OSError as error:
        raise PdfError(f"cannot run {binary}: {error}") from None

    def kill() -> None:
        _kill_group(process)

    with killed_on_termination(kill):
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            kill()
            process.communicate()
            raise PdfError(
                f"LibreOffice did not finish within {TIMEOUT_SECONDS} s; no PDF written"
            ) from None
        except BaseException:  # a signal, an interrupt: LibreOffice goes with us
            kill()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
            process.wait()
            raise
    return process.returncode, stderr or stdout


def _kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL to the process group of ``process`` (its leader not reaped yet), else to it alone."""
    if process.returncode is not None:
        return
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except OSError:
        pass


# ---------------------------------------------------------------- scratch folders


@contextlib.contextmanager
def scratch_folder(root: Path | None = None) -> Iterator[Path]:
    """A ``dialogue-lo-*`` folder in the temporary directory, locked while it is in use.

    The lock (``flock`` on ``.lock``) is released by the kernel when the process dies, however
    it dies: a folder whose lock can be taken belongs to no living run. The folder is removed
    when the block ends, on an error or a signal too.
    """
    try:
        folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=root))
    except OSError as error:
        raise os_problem(root or tempfile.gettempdir(), "create a scratch folder", error) from None
    lock = None
    try:
        lock = _take_lock(folder / LOCK_NAME, wait=True)
        yield folder
    finally:
        _remove(folder)
        if lock is not None:
            os.close(lock)


def _remove(folder: Path, attempts: int = 40, pause: float = 0.05) -> None:
    """Remove ``folder``, again for up to two seconds if something still wrote into it.

    A LibreOffice killed on a signal may finish a write in its profile after the SIGKILL was
    sent and before the kernel ends it: the first pass then finds the folder not empty.
    """
    for _ in range(attempts):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(pause)


def _take_lock(path: Path, *, wait: bool) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``; None if another process holds it.

    None too when the lock file cannot be opened, and where ``fcntl`` is missing (Windows).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # another user's folder, a full disk: leave it to its owner
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        os.close(fd)
        return None
    return fd


def _is_stale(folder: Path) -> bool:
    """True when ``folder`` (a scratch folder) belongs to no living run."""
    lock = folder / LOCK_NAME
    if not lock.exists():
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNLOCKED_GRACE_SECONDS
    held = _take_lock(lock, wait=False)
    if held is None:
        return False  # a living run holds it (or locks are not available: leave it)
    os.close(held)
    return True


def clean_stale_runs(root: Path | None = None, proc: Path = Path("/proc")) -> list[Path]:
    """Remove what runs killed outright left: LibreOffice processes, then scratch folders.

    Only folders named ``dialogue-lo-*`` in the temporary directory ``root`` whose lock is free,
    and only processes of this user whose command line names a profile inside such a folder (or
    inside one that no longer exists) are touched. Returns the folders removed.
    """
    base = Path(root or tempfile.gettempdir())
    try:
        candidates = [
            p for p in base.glob(f"{SCRATCH_PREFIX}*") if p.is_dir() and not p.is_symlink()
        ]
    except OSError:
        return []
    stale = [folder for folder in candidates if _is_stale(folder)]
    living = {folder.name for folder in candidates if folder not in stale}
    for pid in _leftover_processes(base, living, proc):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale


def _leftover_processes(base: Path, living: set[str], proc: Path) -> list[int]:
    """Processes of this user started with a profile in a scratch folder of no living run."""
    if not proc.is_dir():
        return []
    uid = os.getuid() if hasattr(os, "getuid") else None
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if uid is not None and entry.stat().st_uid != uid:
                continue
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        folder = _scratch_of(arguments, base)
        if folder is not None and folder not in living:
            found.append(int(entry.name))
    return found


def _scratch_of(arguments: list[bytes], base: Path) -> str | None:
    """The scratch folder name named by a ``-env:UserInstallation=file://...`` argument, if any."""
    prefix = b"-env:UserInstallation="
    for argument in arguments:
        if not argument.startswith(prefix):
            continue
        uri = argument[len(prefix) :].decode("utf-8", "replace")
        profile = Path(unquote(urlparse(uri).path))
        folder = profile.parent
        if folder.parent == base and folder.name.startswith(SCRATCH_PREFIX):
            return folder.name
    return None


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
