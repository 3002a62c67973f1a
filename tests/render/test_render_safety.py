"""`dialogue render` never leaves a half-written set: clear file errors, all or nothing, modes, PDFs."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.common import atomic
from dialogue_cli.render import environment, pdf, templates, writer
from dialogue_cli.render.catalog import NAMES
from dialogue_cli.render.templates import Source, check_file, packaged_dir
from dialogue_cli.render.writer import InvalidOutput, malformed_parts, validate_docx

FILES = [f"{name}.docx" for name in NAMES]
MANIFEST = ".dialogue-manifest.json"


@pytest.fixture(autouse=True)
def _chart_cache_and_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Charts cached out of the user's folder; a known umask (0o022) for the mode tests."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _one_line_error(result: Any) -> str:
    """The single stderr line of a failed run that printed no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    lines: list[str] = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file of ``folder`` (hidden ones too): inode and content; a replaced file changes inode."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.iterdir() if p.is_file()}


def _break_devis(example: Path) -> None:
    """A syntax error in the override of the quote, the last deliverable rendered."""
    broken = Document()
    broken.add_paragraph("{{ quote.total_ht }} {% if %}")
    (example / "templates").mkdir()
    broken.save(str(example / "templates" / "devis.docx"))


# ---------------------------------------------------------------- 1. file errors, one line


def test_output_folder_under_a_regular_file_is_one_line(runner: CliRunner, example: Path) -> None:
    out = example / "engagement.yaml" / "livrables"
    line = _one_line_error(runner.invoke(app, ["render", str(example), "--out", str(out)]))
    assert "engagement.yaml" in line
    assert "cannot create the output folder" in line
    assert line.endswith(": Not a directory")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_output_folder_in_proc_is_one_line(runner: CliRunner, example: Path) -> None:
    line = _one_line_error(runner.invoke(app, ["render", str(example), "--out", "/proc/x/y"]))
    assert line.startswith("/proc/x")
    assert line.endswith(": No such file or directory")


def test_manifest_that_is_a_folder_stops_before_any_document_is_replaced(
    runner: CliRunner, example: Path
) -> None:
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    out = example / "livrables"
    (out / MANIFEST).unlink()
    (out / MANIFEST).mkdir()
    before = _snapshot(out)
    line = _one_line_error(runner.invoke(app, ["render", str(example), "--force"]))
    assert line.endswith(f"livrables/{MANIFEST}: is a folder, not a file")
    assert _snapshot(out) == before


def test_manifest_that_is_a_folder_in_a_new_folder_writes_no_document(
    runner: CliRunner, example: Path
) -> None:
    out = example / "livrables"
    (out / MANIFEST).mkdir(parents=True)
    line = _one_line_error(runner.invoke(app, ["render", str(example)]))
    assert line.endswith(f"livrables/{MANIFEST}: is a folder, not a file")
    assert [p.name for p in out.iterdir()] == [MANIFEST]


def test_folder_that_takes_no_file_is_one_line_and_writes_nothing(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does to mkstemp (root ignores chmod, so the call is made to fail)."""

    def refuse(*_args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    line = _one_line_error(runner.invoke(app, ["render", str(example)]))
    assert line.startswith(str(example / "livrables")) or line.startswith("livrables")
    assert "cannot create a file in this folder: Permission denied" in line
    assert list((example / "livrables").iterdir()) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes into a 0o500 folder"
)
def test_read_only_folder_is_one_line(runner: CliRunner, example: Path) -> None:
    out = example / "livrables"
    out.mkdir()
    out.chmod(0o500)
    try:
        line = _one_line_error(runner.invoke(app, ["render", str(example)]))
    finally:
        out.chmod(0o700)
    assert line.endswith(": Permission denied")


def test_a_failed_replace_names_the_document_and_leaves_no_temp_file(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).name == "devis.docx":
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    line = _one_line_error(runner.invoke(app, ["render", str(example), "--only", "devis"]))
    assert "devis.docx: cannot replace it: Invalid cross-device link" in line
    assert not list((example / "livrables").glob(".devis-*")), "temp file removed"


def test_a_folder_in_place_of_a_document_is_one_line_and_writes_nothing(
    runner: CliRunner, example: Path
) -> None:
    out = example / "livrables"
    (out / "devis.docx").mkdir(parents=True)
    line = _one_line_error(runner.invoke(app, ["render", str(example), "--force"]))
    assert line.endswith("devis.docx: is a folder, not a file")
    assert sorted(p.name for p in out.iterdir()) == ["devis.docx"]


# ---------------------------------------------------------------- 2. all or nothing


def test_a_broken_template_writes_nothing_in_a_new_folder(runner: CliRunner, example: Path) -> None:
    _break_devis(example)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert "devis.docx" in result.stderr and "syntax error" in result.stderr
    out = example / "livrables"
    assert not out.exists() or list(out.iterdir()) == [], "no document, no manifest, no temp file"


def test_a_broken_template_leaves_every_earlier_file_and_the_manifest_untouched(
    runner: CliRunner, example: Path
) -> None:
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    out = example / "livrables"
    before = _snapshot(out)
    assert set(before) == {*FILES, "communique-de-presse.docx", "facile-a-lire.docx", MANIFEST}
    _break_devis(example)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert _snapshot(out) == before  # same inodes: none of the five good ones was replaced


def test_an_invalid_rendered_document_writes_nothing(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialogue_cli.render import documents

    real = documents.validate_docx

    def validate(data: bytes, label: str) -> None:
        if label == "devis.docx":
            raise InvalidOutput(f"{label}: rendered part word/document.xml is not valid XML")
        real(data, label)

    monkeypatch.setattr(documents, "validate_docx", validate)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert "devis.docx: rendered part" in result.stderr
    out = example / "livrables"
    assert not out.exists() or list(out.iterdir()) == []


def test_an_edited_last_document_stops_the_render_before_the_first_is_written(
    runner: CliRunner, example: Path
) -> None:
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    out = example / "livrables"
    document = Document(str(out / "devis.docx"))
    document.add_paragraph("Ajout manuel")
    document.save(str(out / "devis.docx"))
    before = _snapshot(out)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert "devis.docx: edited since dialogue last wrote it" in result.stderr
    assert _snapshot(out) == before


# ---------------------------------------------------------------- 3. file modes


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_files_get_the_usual_mode_and_rewritten_ones_keep_theirs(
    runner: CliRunner, example: Path
) -> None:
    out = example / "livrables"
    assert runner.invoke(app, ["render", str(example), "--only", "devis"]).exit_code == 0
    assert _mode(out / "devis.docx") == 0o644  # 0o666 & ~0o022, not mkstemp's 0o600
    assert _mode(out / MANIFEST) == 0o644
    (out / "devis.docx").chmod(0o640)
    (out / MANIFEST).chmod(0o600)
    os.umask(0o077)
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    assert _mode(out / "devis.docx") == 0o640  # the old file's mode is kept
    assert _mode(out / MANIFEST) == 0o600
    assert _mode(out / "synthese-ateliers.docx") == 0o600  # new file: 0o666 & ~0o077


# ---------------------------------------------------------------- 4. PDFs

FAKE_SOFFICE = """\
import sys
from pathlib import Path

args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for arg in args:
    if arg.endswith(".docx"):
        stem = Path(arg).stem
        if stem == {skip!r}:
            continue
        body = b"%PDF-1.4\\n1 0 obj << /Type /Page >> endobj\\n" + stem.encode() * 200
        (out / (stem + ".pdf")).write_bytes(body)
"""


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, skip: str = "") -> None:
    """A stand-in for LibreOffice that writes a small PDF per document (none for ``skip``)."""
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\n" + FAKE_SOFFICE.format(skip=skip), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: str(script))


def _never_move(*_args: object) -> None:
    raise AssertionError("shutil.move copies across file systems: not atomic")


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")
def test_pdfs_are_staged_in_the_folder_recorded_and_get_the_usual_mode(
    runner: CliRunner, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch)
    monkeypatch.setattr(pdf.shutil, "move", _never_move)
    result = runner.invoke(app, ["render", str(example), "--only", "devis", "--pdf"])
    assert result.exit_code == 0, result.output
    out = example / "livrables"
    target = out / "devis.pdf"
    assert target.read_bytes().startswith(b"%PDF-1.4")
    files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert files["devis.pdf"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert set(files) == {"devis.docx", "devis.pdf"}
    assert _mode(target) == 0o644
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "devis.docx", "devis.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")
def test_an_edited_pdf_is_not_overwritten_without_force(
    runner: CliRunner, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch)
    args = ["render", str(example), "--only", "devis", "--pdf"]
    assert runner.invoke(app, args).exit_code == 0
    out = example / "livrables"
    (out / "devis.pdf").write_bytes(b"%PDF-1.4 annotated by hand")
    before = _snapshot(out)
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(
        "devis.pdf: edited since dialogue last wrote it; "
        "move the edits into a template, or use --force to overwrite"
    )
    assert _snapshot(out) == before  # the .docx was not rewritten either
    # A render without --pdf does not touch the PDF, so it does not refuse.
    assert runner.invoke(app, ["render", str(example), "--only", "devis"]).exit_code == 0
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert (out / "devis.pdf").read_bytes().startswith(b"%PDF-1.4\n1 0 obj")


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")
def test_a_missing_pdf_replaces_no_earlier_pdf(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _fake_soffice(tmp_path, monkeypatch)
    both = ["render", str(example), "--only", "devis", "--only", "kit-roi-citoyen", "--pdf"]
    assert runner.invoke(app, both).exit_code == 0
    out = example / "livrables"
    pdfs = {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.glob("*.pdf")}
    assert set(pdfs) == {"devis.pdf", "kit-roi-citoyen.pdf"}
    _fake_soffice(tmp_path, monkeypatch, skip="devis")  # the later one in the list
    docs = [out / "kit-roi-citoyen.docx", out / "devis.docx"]
    with pytest.raises(pdf.PdfError, match=r"devis\.docx: LibreOffice produced no PDF"):
        pdf.convert(docs, out)
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.glob("*.pdf")} == pdfs
    assert not list(out.glob(".*.pdf")), "no temp file left behind"


# ---------------------------------------------------------------- 5. one strict XML check


def _package_with_a_broken_part(tmp_path: Path) -> Path:
    """The default quote template with an extra XML part that is not well-formed."""
    source = packaged_dir() / "devis.docx"
    target = tmp_path / "devis.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("customXml/item9.xml", "<a><b></a>")
    return target


def test_templates_check_and_the_render_check_share_the_strict_parser(tmp_path: Path) -> None:
    broken = _package_with_a_broken_part(tmp_path)
    with zipfile.ZipFile(broken) as archive:
        found = list(malformed_parts(archive))
    assert [entry for entry, _ in found] == ["customXml/item9.xml"]
    reason = found[0][1]
    errors = [f.message for f in check_file(broken) if f.level == "error"]
    assert errors == [f"customXml/item9.xml is not well-formed XML: {reason}"]
    with pytest.raises(InvalidOutput) as caught:
        validate_docx(broken.read_bytes(), "devis.docx")
    assert str(caught.value) == (
        f"devis.docx: rendered part customXml/item9.xml is not valid XML ({reason})"
    )
    assert templates.malformed_parts is writer.malformed_parts
    assert not hasattr(templates, "_strict_parts")


def test_dead_code_is_gone() -> None:
    assert not hasattr(environment, "MAX_OUTPUT_CHARS")
    assert not hasattr(Source, "origin")
