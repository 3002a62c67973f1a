"""Every deliverable, in both languages, of both shipped examples, is accessible and unbroken.

For each document of the catalog (:data:`~dialogue_cli.render.catalog.DELIVERABLES`: a new
document joins these tests by joining the catalog):

- Word: every picture has an alternative text, heading levels never skip, heading rows marked;
- PDF (LibreOffice, read back with pikepdf): tagged with a structure tree, /Lang and the title
  set (shown as the window title), every figure with its /Alt;
- no word broken in a table: the words of each heading row are whole in ``pdftotext -layout``
  and no piece of a word appears there that the document does not hold. Checked with the
  documents' font (Carlito, shipped) and with the fallback LibreOffice takes where it is missing
  (Carlito hidden from fontconfig): then ``render --pdf`` also says, once, which font is missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.render.accessibility import problems
from dialogue_cli.render.catalog import DELIVERABLES, Deliverable

from ..conftest import EXAMPLE, FINISHED

pikepdf = pytest.importorskip("pikepdf")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_pdf = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None or shutil.which("fc-match") is None,
    reason="LibreOffice, poppler's pdftotext and fontconfig are needed",
)
pytestmark = [pytest.mark.slow, needs_pdf]

EXAMPLES = {"ormessac": EXAMPLE, "val-d-orme": FINISHED}
LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}
# A fontconfig file that hides Carlito (the shipped copy and any installed one), as on a machine
# where LibreOffice never gets it.
WITHOUT_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">{system}</include>
  <selectfont>
    <rejectfont>
      <glob>*Carlito*</glob>
      <pattern><patelt name="family"><string>Carlito</string></patelt></pattern>
    </rejectfont>
  </selectfont>
</fontconfig>
"""


class Rendered:
    """The six documents of one example in one language, rendered with --pdf."""

    def __init__(self, folder: Path, language: str, output: str) -> None:
        self.folder = folder
        self.language = language
        self.output = output  # what render printed (stdout and stderr)

    def docx(self, deliverable: Deliverable) -> bytes:
        return (self.folder / deliverable.output_name(self.language)).read_bytes()

    def pdf(self, deliverable: Deliverable) -> Path:
        return (self.folder / deliverable.output_name(self.language)).with_suffix(".pdf")


_RENDERS: dict[tuple[str, str, str], Rendered] = {}


def _system_config() -> str:
    return os.environ.get("FONTCONFIG_FILE") or "fonts.conf"


def render(tmp_root: Path, example: str, language: str, fonts: str) -> Rendered:
    """Render (once per session) ``example`` in ``language`` with the ``fonts`` set-up."""
    key = (example, language, fonts)
    if key in _RENDERS:
        return _RENDERS[key]
    folder = tmp_root / "-".join(key)
    project = folder / "project"
    shutil.copytree(EXAMPLES[example], project, ignore=shutil.ignore_patterns("livrables"))
    engagement = project / "engagement.yaml"
    text = engagement.read_text(encoding="utf-8")
    engagement.write_text(text.replace("language: fr", f"language: {language}"), encoding="utf-8")
    saved = {name: os.environ.get(name) for name in ("FONTCONFIG_FILE", "DIALOGUE_CACHE")}
    os.environ["DIALOGUE_CACHE"] = str(tmp_root / "cache")
    if fonts == "fallback":
        config = folder / "without-carlito.conf"
        config.write_text(WITHOUT_CARLITO.format(system=_system_config()), encoding="utf-8")
        os.environ["FONTCONFIG_FILE"] = str(config)
    try:
        result = CliRunner().invoke(
            app, ["render", str(project), "--out", str(folder / "out"), "--pdf"]
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert result.exit_code == 0, result.output
    rendered = Rendered(folder / "out", language, result.output)
    _RENDERS[key] = rendered
    return rendered


@pytest.fixture(scope="session")
def renders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("accessibility")


CASES = [
    pytest.param(example, language, d, id=f"{example}-{language}-{d.name}")
    for example in EXAMPLES
    for language in LANGUAGES
    for d in DELIVERABLES
]


# ---------------------------------------------------------------- what the checks read


def docx_text(docx: bytes) -> str:
    """All the text of a .docx: body, headers and footers."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = " ".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name)
        )
    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def heading_rows(docx: bytes) -> list[list[str]]:
    """The cells' text of every table heading row (``w:tblHeader``), row by row."""
    from docx import Document

    document = Document(io.BytesIO(docx))
    rows = []
    for table in document.tables:
        for row in table.rows:
            if row._tr.find(".//{*}tblHeader") is not None:
                rows.append([cell.text for cell in row.cells])
    return rows


def words(text: str) -> list[str]:
    """The words of a text (letters and digits), as pdftotext or the XML gives them."""
    import html

    return re.findall(r"\w+", html.unescape(text))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# A heading cell wraps on at most this many lines.
HEADING_LINES = 3
_SPACES = re.compile(r"[ \t\n]+")  # where a line may break; no-break spaces join a word
_OTHER_SPACES = re.compile(r"\s")


def cell_words(text: str) -> list[str]:
    """The words of a cell as a line may break them: no-break spaces keep « p × i × w » whole."""
    return [_OTHER_SPACES.sub("", word) for word in _SPACES.split(text) if word.strip()]


def line_words(line: str) -> set[str]:
    """The words of a line of pdftotext, and each run of 2-5 of them joined (pdftotext prints a
    no-break space as a space or drops it)."""
    parts = line.split()
    found = set(parts)
    for size in range(2, 6):
        found.update("".join(parts[i : i + size]) for i in range(len(parts) - size + 1))
    return found


def broken_words(docx: bytes, pdf: Path) -> list[str]:
    """Words of heading rows not whole in the PDF, and pieces of words the document never holds.

    Each heading row is looked for in ``pdftotext -layout``: a line that holds the first word
    of most of its cells (cells start on the row's first line), with the lines its cells wrap
    onto. Each of its words, punctuation included (« Part. »), must stand there whole;
    « Influen » and « ce » instead of « Influence » is a broken word. Then anywhere in the PDF,
    a word the document does not hold is a piece of a broken one (page numbers, computed
    fields, are left out).
    """
    text = pdf_text(pdf)
    lines = [line_words(line) for line in text.splitlines()]
    broken: list[str] = []
    for row in heading_rows(docx):
        cells = [cell_words(cell) for cell in row]
        firsts = [cell[0] for cell in cells if cell]
        if not firsts:
            continue
        found_row = False
        for index, line in enumerate(lines):
            if sum(first in line for first in firsts) * 10 < len(firsts) * 6:
                continue  # fewer than 60 % of the cells start here: not this row
            window = set().union(*lines[index : index + HEADING_LINES])
            found_row = True
            for cell in cells:
                missing = [word for word in cell if word not in window]
                if missing and "".join(cell) not in window:  # « p×i×w »: pdftotext glued it
                    broken += missing
        if not found_row:
            broken.append(f"(heading row not found: {' | '.join(row)})")
    known = set(words(docx_text(docx)))
    broken += sorted({w for w in words(text) if w not in known and not w.isdigit()})
    return broken


def structure(pdf: object) -> Iterator[object]:
    """Every structure element of a tagged PDF, depth first."""
    root = pdf.Root.get("/StructTreeRoot")  # type: ignore[attr-defined]
    stack = [root.get("/K")] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                stack.append(node.K)


# ---------------------------------------------------------------- the checks


@pytest.mark.parametrize(("example", "language", "deliverable"), CASES)
def test_word_document_is_accessible(
    renders: Path, example: str, language: str, deliverable: Deliverable
) -> None:
    docx = render(renders, example, language, "intended").docx(deliverable)
    assert problems(docx) == []


@pytest.mark.parametrize(("example", "language", "deliverable"), CASES)
def test_pdf_is_tagged_with_language_title_and_figure_texts(
    renders: Path, example: str, language: str, deliverable: Deliverable
) -> None:
    rendered = render(renders, example, language, "intended")
    docx = rendered.docx(deliverable)
    with pikepdf.open(rendered.pdf(deliverable)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in root and len(list(structure(pdf))) > 10
        assert str(root.Lang) == LANGUAGES[language]
        assert root.ViewerPreferences.DisplayDocTitle is True
        title = str(pdf.docinfo.get("/Title", ""))
        assert title.startswith(deliverable.title(language).replace("'", "’")), title
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
            assert meta.get("dc:title") == title
        figures = [node for node in structure(pdf) if node.S == "/Figure"]
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            pictures = package.read("word/document.xml").count(b"<wp:docPr ")
        assert len(figures) == pictures
        for figure in figures:
            alt = str(figure.get("/Alt", ""))
            assert len(alt) > 10, alt
        kinds = {str(node.S) for node in structure(pdf)}
        assert "/H1" in kinds
        if heading_rows(docx):
            assert "/TH" in kinds  # heading rows are tagged as table headers


@pytest.mark.parametrize("fonts", ["intended", "fallback"])
@pytest.mark.parametrize(("example", "language", "deliverable"), CASES)
def test_no_word_is_broken_in_a_table(
    renders: Path, example: str, language: str, deliverable: Deliverable, fonts: str
) -> None:
    rendered = render(renders, example, language, fonts)
    assert broken_words(rendered.docx(deliverable), rendered.pdf(deliverable)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fonts_used_are_the_intended_ones_or_named_once(renders: Path, language: str) -> None:
    intended = render(renders, "ormessac", language, "intended")
    assert "font" not in intended.output.lower().replace("fonts", "")
    for deliverable in DELIVERABLES:
        fonts = subprocess.run(
            ["pdffonts", str(intended.pdf(deliverable))], capture_output=True, text=True, check=True
        ).stdout
        used = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:]}
        assert used <= {"Carlito", "OpenSymbol"}, (deliverable.name, used)
    fallback = render(renders, "ormessac", language, "fallback")
    lines = [line for line in fallback.output.splitlines() if "missing for the PDF" in line]
    assert len(lines) == 1, fallback.output
    assert "Carlito" in lines[0] and "fonts-crosextra-carlito" in lines[0]


# ---------------------------------------------------------------- the pieces


def test_the_alternative_texts_say_what_the_charts_show() -> None:
    from dialogue_cli.engagement.loader import load
    from dialogue_cli.render.results import Results

    results = Results(load(EXAMPLE), cache=None)
    described = results.describe("map")
    assert described.startswith("Carte des parties prenantes\u00a0: 15 acteurs placés")
    assert (
        "5 acteurs clés à associer étroitement (Maire, Adjointe à la démocratie locale" in described
    )
    heatmap = results.describe("heatmap")
    first = results.scores.scenarios[0]
    assert (
        f"{first.title} (rang 1)" in heatmap and "les élus, les citoyens et les services" in heatmap
    )
    gantt = results.describe("gantt")
    assert "en 6 phases" in gantt and "Cadrage (11 janvier 2027)" in gantt


def _narrow_table(fit: bool) -> bytes:
    """A document whose first column (1 cm) is narrower than its heading « Influence »."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm

    from dialogue_cli.render.columns import fit_columns

    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    grid = table._tbl.find(qn("w:tblGrid"))
    for col, width in zip(grid.findall(qn("w:gridCol")), (Cm(1.0), Cm(12.0)), strict=True):
        col.set(qn("w:w"), str(width.twips))
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(1.0), Cm(12.0)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(header.makeelement(qn("w:tblHeader"), {}))
    table.rows[0].cells[0].paragraphs[0].add_run("Influence").bold = True
    table.rows[0].cells[1].paragraphs[0].add_run("Promesse faite au public").bold = True
    table.rows[1].cells[0].text = "5"
    table.rows[1].cells[1].text = "Nous mettrons en œuvre ce que vous déciderez."
    if fit:
        fit_columns(document.element.body, document.styles.element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_check_sees_a_word_cut_by_its_column_and_the_fitting_mends_it(tmp_path: Path) -> None:
    from dialogue_cli.render.pdf import to_pdf

    documents = {"cut.docx": _narrow_table(fit=False), "fitted.docx": _narrow_table(fit=True)}
    for name, data in to_pdf(documents).items():
        (tmp_path / name).write_bytes(data)
    cut = broken_words(documents["cut.docx"], tmp_path / "cut.pdf")
    assert cut and "Influence" not in words(pdf_text(tmp_path / "cut.pdf")), cut  # « In|flu|ence »
    assert broken_words(documents["fitted.docx"], tmp_path / "fitted.pdf") == []


def test_pdfa_adds_pdf_a_2b_to_the_tagged_pdf(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["render", str(example), "--only", "devis", "--pdfa"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(example / "livrables" / "devis.pdf") as pdf:
        assert "/StructTreeRoot" in pdf.Root and str(pdf.Root.Lang) == "fr-FR"
        with pdf.open_metadata() as meta:
            assert meta.get("pdfaid:part") == "2" and meta.get("pdfaid:conformance") == "B"
            assert meta.get("pdfuaid:part") == "1"
