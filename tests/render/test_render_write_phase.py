"""`dialogue render` is all or nothing at the write phase too (issue 11, Major 11).

The documents, their PDFs and the manifest are staged, then moved together; a move that fails
half-way puts back the files already moved: the folder holds the old set, never a mix.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render import pdf
from dialogue_cli.render.catalog import DOCUMENTS

MANIFEST = ".dialogue-manifest.json"
FAKE_SOFFICE = """\
import sys
from pathlib import Path

args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
for arg in args:
    if arg.endswith(".docx"):
        stem = Path(arg).stem
        body = b"%PDF-1.4\\n1 0 obj << /Type /Page >> endobj\\n" + {mark!r} + stem.encode() * 200
        (out / (stem + ".pdf")).write_bytes(body)
"""


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mark: bytes) -> None:
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\n" + FAKE_SOFFICE.format(mark=mark), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(pdf.shutil, "which", lambda _name: str(script))


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of ``folder``, hidden ones too: inode and content."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.iterdir())}


def _fail_the_move_onto(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The move of a staged file onto ``name`` fails, as a file system error would."""
    real = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).name == name and self.name.startswith(".") and ".old" not in self.name:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)


def _edit_an_input(example: Path) -> None:
    """A new reference: every document changes, so that old and new sets can be told apart."""
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ORM-2027-01", "ORM-2027-02"), encoding="utf-8")


@pytest.mark.parametrize("last", ["kit-roi-citoyen.docx", "devis.docx", MANIFEST])
def test_a_move_failing_half_way_leaves_the_old_documents_and_manifest(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch, last: str
) -> None:
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    out = example / "livrables"
    before = _snapshot(out)
    assert set(before) == {*(f"{n}.docx" for n in DOCUMENTS), MANIFEST}
    _edit_an_input(example)
    _fail_the_move_onto(monkeypatch, last)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert result.stderr == f"{out / last}: cannot replace it: Input/output error\n"
    assert _snapshot(out) == before, "the very same old files, no temp file, no kept copy"


def test_a_new_folder_is_left_empty_when_a_move_fails(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_the_move_onto(monkeypatch, "synthese-ateliers.docx")
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert list((example / "livrables").iterdir()) == [], "the documents moved are taken back"


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")
def test_documents_and_pdfs_are_replaced_together(
    runner: CliRunner,
    example: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ["render", str(example), "--only", "devis", "--only", "kit-roi-citoyen", "--pdf"]
    _fake_soffice(tmp_path, monkeypatch, b"first")
    assert runner.invoke(app, args).exit_code == 0
    out = example / "livrables"
    before = _snapshot(out)
    assert set(before) == {
        "devis.docx",
        "devis.pdf",
        "kit-roi-citoyen.docx",
        "kit-roi-citoyen.pdf",
        MANIFEST,
    }
    _edit_an_input(example)
    _fake_soffice(tmp_path, monkeypatch, b"second")
    _fail_the_move_onto(monkeypatch, "devis.pdf")  # after both documents were moved
    result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 1
    assert result.stderr.endswith("devis.pdf: cannot replace it: Input/output error\n")
    assert _snapshot(out) == before, "the documents are the old ones too"
    monkeypatch.undo()
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))
    _fake_soffice(tmp_path, monkeypatch, b"second")
    result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    for name in ("devis.docx", "devis.pdf", "kit-roi-citoyen.docx", "kit-roi-citoyen.pdf"):
        assert files[name] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert b"second" in (out / "devis.pdf").read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")
def test_a_failed_conversion_writes_no_document(
    runner: CliRunner, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "broken-soffice"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.exit(0)\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(pdf.shutil, "which", lambda _name: str(script))
    result = runner.invoke(app, ["render", str(example), "--only", "devis", "--pdf"])
    assert result.exit_code == 1
    assert result.stderr == "devis.docx: LibreOffice produced no PDF (exit 0)\n"
    assert not (example / "livrables").exists() or list((example / "livrables").iterdir()) == []
