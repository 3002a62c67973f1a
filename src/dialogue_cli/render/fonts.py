"""The fonts LibreOffice gets, and the check that each font a document names is really there.

LibreOffice finds its fonts through fontconfig (Linux, BSD). Each conversion gets a fontconfig
file of its own (:func:`fontconfig_file`) that reads the user's configuration (``$FONTCONFIG_FILE``
when set, else the system's) and adds the fonts shipped with dialogue: Carlito is there even
where ``fonts-crosextra-carlito`` is not installed. Before converting, :func:`missing_fonts` asks
``fc-match``, with that same file, what each font a document names resolves to; a font that does
not resolve to itself (or to its metric-compatible twin: Calibri and Carlito, Arial and
Liberation Sans) would be silently replaced, and :func:`font_warning` says which, and what to
install, in one line.

Where ``fc-match`` is missing (macOS, Windows: LibreOffice does not use fontconfig there) the
check says nothing: install the fonts the README names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

from ..common.fonts import FONTS_DIR, METRIC_TWINS, PACKAGES

CONFIG_NAME = "dialogue-fonts.conf"
FC_TIMEOUT_SECONDS = 20


def fontconfig_file(folder: Path, environ: Mapping[str, str] | None = None) -> Path:
    """Write, in ``folder``, a fontconfig file: the user's configuration plus dialogue's fonts."""
    environ = os.environ if environ is None else environ
    user = environ.get("FONTCONFIG_FILE", "")
    # A relative name is looked for in fontconfig's own folder (/etc/fonts and the like).
    include = escape(str(Path(user).resolve())) if user else "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f'  <include ignore_missing="yes">{include}</include>\n'
        f"  <dir>{escape(str(FONTS_DIR))}</dir>\n"
        "</fontconfig>\n"
    )
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def environment(config: Path, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a LibreOffice or fc-match run that reads ``config``."""
    env = dict(os.environ if environ is None else environ)
    env["FONTCONFIG_FILE"] = str(config)
    return env


# ---------------------------------------------------------------- what a document names

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_STYLE_REFERENCE = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"')
_SYMBOL_FONTS = {"symbol", "wingdings", "opensymbol"}


def named_fonts(docx: bytes) -> set[str]:
    """The fonts the text of a Word document is set in: its styles in use, its runs, its theme's.

    A style counts when a paragraph, a run or a table of the document, a header or a footer
    uses it (or it is the default paragraph style); its font is the nearest one named along
    the styles it is based on, else the document default. Theme references (``minorHAnsi``)
    are resolved through the document's theme. Symbol fonts (list bullets) do not count.
    """
    import io
    import zipfile

    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    try:
        package = zipfile.ZipFile(io.BytesIO(docx))
        parts = {
            name: package.read(name)
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }
    except (zipfile.BadZipFile, OSError, KeyError):
        return set()
    content = [
        data for name, data in parts.items()
        if re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name)
    ]  # fmt: skip
    theme = next((data for name, data in parts.items() if name.startswith("word/theme/")), b"")
    faces: dict[str, str] = {}
    try:
        if theme:
            root = etree.fromstring(theme)
            for kind in ("major", "minor"):
                latin = root.find(f".//{_A}{kind}Font/{_A}latin")
                if latin is not None and latin.get("typeface"):
                    faces[kind] = latin.get("typeface")
        styles = etree.fromstring(parts["word/styles.xml"]) if "word/styles.xml" in parts else None
        runs = [etree.fromstring(data) for data in content]
    except etree.XMLSyntaxError:
        return set()

    def font_of(r_fonts: object) -> str | None:
        if r_fonts is None:
            return None
        for attribute in ("ascii", "hAnsi"):
            theme_name = r_fonts.get(f"{_W}{attribute}Theme")  # type: ignore[attr-defined]
            if theme_name:
                return faces.get("major" if theme_name.startswith("major") else "minor")
            name = r_fonts.get(f"{_W}{attribute}")  # type: ignore[attr-defined]
            if name:
                return str(name)
        return None

    names: set[str] = set()
    for root in runs:
        for r_fonts in root.iter(f"{_W}rFonts"):
            found = font_of(r_fonts)
            if found:
                names.add(found)
    if styles is not None:
        by_id = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}
        used = {m.decode() for data in content for m in _STYLE_REFERENCE.findall(data)}
        used |= {
            key for key, style in by_id.items()
            if style.get(f"{_W}default") in ("1", "true") and style.get(f"{_W}type") == "paragraph"
        }  # fmt: skip
        default = font_of(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts"))
        for style_id in used:
            found, seen = None, set()
            while style_id in by_id and style_id not in seen and found is None:
                seen.add(style_id)
                style = by_id[style_id]
                found = font_of(style.find(f"{_W}rPr/{_W}rFonts"))
                based = style.find(f"{_W}basedOn")
                style_id = based.get(f"{_W}val") if based is not None else None
            if found or default:
                names.add(found or default or "")
    return {name for name in names if name and name.lower() not in _SYMBOL_FONTS}


# ---------------------------------------------------------------- what fontconfig gives


class Missing(NamedTuple):
    """A font a document names that fontconfig replaces by another."""

    name: str
    used: str

    @property
    def package(self) -> str | None:
        key = self.name.lower()
        return PACKAGES.get(METRIC_TWINS.get(key, key))


def missing_fonts(names: Iterable[str], config: Path) -> list[Missing]:
    """The fonts of ``names`` that fontconfig (with ``config``) replaces; [] without fc-match."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    found = []
    for name in sorted(set(names), key=str.lower):
        used = _resolve(fc_match, name, str(config))
        if used is not None and not _same(name, used):
            found.append(Missing(name, used))
    return found


@lru_cache(maxsize=64)
def _resolve(fc_match: str, name: str, config: str) -> str | None:
    """The family fontconfig draws ``name`` with (``fc-match``), None when it cannot say."""
    try:
        result = subprocess.run(
            [fc_match, "--format=%{family}", name],
            capture_output=True,
            text=True,
            timeout=FC_TIMEOUT_SECONDS,
            env=environment(Path(config)),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    family = result.stdout.strip()
    return family if result.returncode == 0 and family else None


def _same(name: str, used: str) -> bool:
    wanted = name.strip().lower()
    families = [family.strip().lower() for family in used.split(",")]
    twin = METRIC_TWINS.get(wanted)
    twins = {twin} if twin else set()
    twins |= {alias for alias, base in METRIC_TWINS.items() if base == wanted}
    return wanted in families or bool(twins & set(families))


def font_warning(missing: list[Missing]) -> str | None:
    """One line naming the fonts LibreOffice will replace and what to install; None if none."""
    if not missing:
        return None
    parts = []
    for item in missing:
        hint = f", install {item.package}" if item.package else ", install it"
        parts.append(f"{item.name} (LibreOffice would use {item.used}{hint})")
    fonts = "; ".join(parts)
    return f"font{'s' if len(missing) > 1 else ''} missing for the PDF: {fonts}"


def check_documents(documents: Mapping[str, bytes], config: Path) -> str | None:
    """The one-line warning for the fonts ``documents`` (name to .docx or .pptx bytes) name, or None."""
    names: set[str] = set()
    for name, data in documents.items():
        names |= deck_fonts(data) if name.endswith(".pptx") else named_fonts(data)
    return font_warning(missing_fonts(names, config))


_DECK_PART = re.compile(
    r"ppt/(theme/theme|slides/slide|slideLayouts/slideLayout|slideMasters/slideMaster)\d+\.xml$"
)
_LATIN = re.compile(rb'<a:latin typeface="([^"]+)"')


def deck_fonts(pptx: bytes) -> set[str]:
    """The fonts a slide deck's text is set in: its themes' and those its slides, layouts and
    masters name (``+mn-lt``, a reference to the theme, is not a font; symbol fonts do not
    count)."""
    import io
    import zipfile
    from html import unescape

    try:
        with zipfile.ZipFile(io.BytesIO(pptx)) as package:
            parts = [package.read(n) for n in package.namelist() if _DECK_PART.match(n)]
    except (zipfile.BadZipFile, OSError, KeyError):
        return set()
    found = {unescape(m.decode("utf-8", "replace")) for part in parts for m in _LATIN.findall(part)}
    return {f for f in found if not f.startswith("+") and f.lower() not in _SYMBOL_FONTS}
