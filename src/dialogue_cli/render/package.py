"""A template's .docx package, bounded before anything is inflated: parts, sizes, compression.

A .docx is a zip. A hostile one can declare a ``word/document.xml`` of 1.5 GB in 1.5 MB, a
million entries, a ZIP64 directory, or entry sizes that lie. :func:`checked_package` reads the
zip directory first and refuses what no Word template needs, then inflates each part in bounded
reads and packs what it read into a fresh zip: python-docx and docxtpl only ever open that copy,
whose sizes are the ones checked. Standard library only (this runs before docxtpl is imported).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections import Counter

from .environment import TemplateProblem

MiB = 1 << 20

# Bounds of a template package (a default template: 19 parts, 0.9 MB inflated, its largest XML
# part 0.4 MB). Generous for a real Word file with pictures, far below what hurts a laptop.
MAX_ENTRIES = 1_000  # parts in the zip
MAX_DIRECTORY = 1 * MiB  # bytes of the zip's central directory
MAX_XML_PART = 3 * MiB  # one .xml or .rels part, inflated (it is parsed and rendered)
MAX_PART = 20 * MiB  # any other part (a picture), inflated
MAX_TOTAL = 64 * MiB  # all parts, inflated
_CHUNK = 1 * MiB

_END = b"PK\x05\x06"  # end of central directory record
_END64_LOCATOR = b"PK\x06\x07"
_END_SIZE = 22


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n:,} bytes".replace(",", " ")


def _directory(data: bytes, name: str) -> None:
    """Read the end of the zip by hand: no ZIP64, few entries, a small directory."""
    tail = data[-(_END_SIZE + 0xFFFF) :]
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise TemplateProblem(name, "not a Word .docx file (no zip directory)")
    _sig, _disk, _start, _here, entries, size, offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + _END_SIZE]
    )
    absolute = len(data) - len(tail) + at
    is_zip64 = 0xFFFF in (entries, _here) or 0xFFFFFFFF in (size, offset)
    if is_zip64 or data[max(absolute - 20, 0) : absolute].startswith(_END64_LOCATOR):
        raise TemplateProblem(name, "a ZIP64 archive: Word never writes one for a template")
    if entries > MAX_ENTRIES:
        raise TemplateProblem(
            name, f"{entries} parts in the package, more than the {MAX_ENTRIES} a template may have"
        )
    if size > MAX_DIRECTORY:
        raise TemplateProblem(
            name, f"a zip directory of {_size(size)}, more than the {_size(MAX_DIRECTORY)} allowed"
        )


def _limit(entry: str) -> int:
    return MAX_XML_PART if entry.endswith((".xml", ".rels")) else MAX_PART


def checked_package(data: bytes, name: str) -> bytes:
    """``data`` (a .docx) repacked after checking its directory and inflating it within bounds.

    Raises:
        TemplateProblem: not a zip, ZIP64, too many parts, a part or the whole too large once
            inflated (checked on the declared sizes before inflating, then on the real ones),
            encrypted parts, a compression Word does not use, duplicate parts, or damaged data.
    """
    _directory(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise TemplateProblem(name, f"not a Word .docx file ({error})") from None
    with archive:
        infos = archive.infolist()
        duplicates = sorted(
            n for n, count in Counter(i.filename for i in infos).items() if count > 1
        )
        if duplicates:
            raise TemplateProblem(name, f"duplicate zip entries: {', '.join(duplicates)}")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise TemplateProblem(name, f"{info.filename} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise TemplateProblem(
                    name, f"{info.filename} uses a compression Word does not write"
                )
            limit = _limit(info.filename)
            if info.file_size > limit:
                raise TemplateProblem(
                    name,
                    f"{info.filename} inflates to {_size(info.file_size)}, more than the "
                    f"{_size(limit)} a part may have",
                )
            total += info.file_size
            if total > MAX_TOTAL:
                raise TemplateProblem(
                    name,
                    f"the parts inflate to more than {_size(MAX_TOTAL)}, "
                    "the most a template may have",
                )
        return _repack(archive, infos, name)


def _repack(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> bytes:
    """Inflate each part in bounded reads (never past its declared size) into a fresh zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as fresh:
        for info in infos:
            if info.is_dir():
                continue
            chunks = []
            try:
                with archive.open(info) as handle:
                    # Reads stop at the declared size: a part that lies about it is cut there
                    # and fails its CRC, never inflated in full.
                    while chunk := handle.read(_CHUNK):
                        chunks.append(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
                raise TemplateProblem(name, f"{info.filename} is damaged ({error})") from None
            copy = zipfile.ZipInfo(info.filename)
            copy.compress_type = zipfile.ZIP_DEFLATED
            fresh.writestr(copy, b"".join(chunks))
    return out.getvalue()


# What Word fetches or runs when a document is opened, when a template carries it: a remote
# attached template, a linked picture, frame or object, fields that include or run something.
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*>", re.S)
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_FIELD_TEXT = re.compile(rb"<w:instrText\b[^>]*>([^<]*)</w:instrText>|\bw:instr=\"([^\"]*)\"")
_ACTIVE_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|DDE|LINK|IMPORT)\b", re.I)


def outside_content(data: bytes) -> list[str]:
    """What a (checked) package would make Word fetch or run from elsewhere once opened.

    Hyperlinks are fine (Word opens them only when clicked). Everything else that points
    outside the file (a remote attached template, a linked picture, frame, object or
    sub-document), and the fields that pull content in or run it (INCLUDEPICTURE,
    INCLUDETEXT, DDE, DDEAUTO, LINK, IMPORT), is listed, one line each.
    """
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.namelist():
            blob = archive.read(entry)
            if entry.endswith(".rels"):
                for match in _EXTERNAL.finditer(blob):
                    attributes = dict(_ATTRIBUTE.findall(match.group(0)))
                    if attributes.get(b"TargetMode", b"").lower() != b"external":
                        continue
                    kind = (
                        attributes.get(b"Type", b"").decode("utf-8", "replace").rsplit("/", 1)[-1]
                    )
                    if kind == "hyperlink":
                        continue
                    target = attributes.get(b"Target", b"").decode("utf-8", "replace")[:80]
                    found.append(f"{entry} points outside the file ({kind}: {target})")
            elif entry.startswith("word/") and entry.endswith(".xml"):
                codes = b" ".join(a or b for a, b in _FIELD_TEXT.findall(blob)).decode(
                    "utf-8", "replace"
                )
                for name in sorted({m.upper() for m in _ACTIVE_FIELDS.findall(codes)}):
                    found.append(
                        f"{entry} holds a field {name}, which Word runs or fetches on opening"
                    )
    return found
