"""`dialogue render` on the Ormessac example: six documents, their content, safe overwrites."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.catalog import NAMES

FILES = [f"{name}.docx" for name in NAMES]


@pytest.fixture(autouse=True)
def _chart_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the chart cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "cache"))


def docx_text(path: Path) -> str:
    """Every paragraph of the body, tables, headers and footers, opened with python-docx."""
    document = Document(str(path))
    chunks: list[str] = []

    def paragraphs(container: object) -> None:
        for paragraph in container.paragraphs:  # type: ignore[attr-defined]
            chunks.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    paragraphs(cell)

    paragraphs(document)
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            paragraphs(part)
    props = document.core_properties
    chunks += [
        props.title or "",
        props.subject or "",
        props.author or "",
        props.comments or "",
        props.keywords or "",
    ]
    return "\n".join(chunks)


def raw_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rendered once for the content tests of this module."""
    import shutil

    from tests.conftest import EXAMPLE

    folder = tmp_path_factory.mktemp("render") / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables"))
    env = {"DIALOGUE_CACHE": str(folder.parent / "cache")}
    result = CliRunner().invoke(app, ["render", str(folder)], env=env)
    assert result.exit_code == 0, result.output
    return folder / "livrables"


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The finished example (examples/val-d-orme) rendered once: its livrables folder."""
    import shutil

    from tests.conftest import FINISHED

    folder = tmp_path_factory.mktemp("render") / "val-d-orme"
    shutil.copytree(FINISHED, folder, ignore=shutil.ignore_patterns("livrables"))
    env = {"DIALOGUE_CACHE": str(folder.parent / "cache")}
    result = CliRunner().invoke(app, ["render", str(folder)], env=env)
    assert result.exit_code == 0, result.output
    return folder / "livrables"


def test_render_writes_the_six_documents_and_lists_them(rendered: Path) -> None:
    assert sorted(p.name for p in rendered.glob("*.docx")) == sorted(FILES)
    manifest = json.loads((rendered / ".dialogue-manifest.json").read_text(encoding="utf-8"))
    for name in FILES:
        digest = hashlib.sha256((rendered / name).read_bytes()).hexdigest()
        assert manifest["files"][name] == digest


@pytest.mark.parametrize("name", FILES)
def test_every_document_names_the_client_and_leaves_no_tag(rendered: Path, name: str) -> None:
    text = docx_text(rendered / name)
    assert "Ville d’Ormessac" in text
    xml = raw_xml(rendered / name)
    assert "{{" not in xml and "{%" not in xml and "{#" not in xml
    document = Document(str(rendered / name))
    assert document.core_properties.language == "fr-FR"
    assert document.core_properties.author == "Marchal Concertation"
    assert "Ville d’Ormessac" in document.core_properties.title
    # Page numbers are fields that Word and LibreOffice compute.
    assert "NUMPAGES" in xml and " PAGE " in xml


def test_workshop_report_ranks_the_options_with_scores(rendered: Path) -> None:
    text = docx_text(rendered / "synthese-ateliers.docx")
    project = load(Path(rendered.parent))
    from dialogue_cli.analysis.scoring import score_project

    report = score_project(project)
    ranked = [s.title for s in report.options]
    positions = [text.index(title) for title in ranked]
    assert positions == sorted(positions), "options must appear in rank order in the ranking table"
    assert "Panel citoyen tiré au sort" in text
    assert "Viable" in text
    # Heatmap and anonymised verbatims, French quotes with their no-break spaces.
    assert len(Document(str(rendered / "synthese-ateliers.docx")).inline_shapes) == 1
    assert "«\u00a0Un panel tiré au sort" in text
    assert "Nadia B." not in text


def test_quote_shows_lines_totals_and_mentions_in_french(rendered: Path) -> None:
    text = docx_text(rendered / "devis.docx")
    # 10 000 + 2 400 + 4 x 350 + 2 x 900 + 380 = 15 980 HT; VAT 20 % = 3 196; TTC 19 176; a commune
    # pays no deposit: the avance of 5 % is 958,80 TTC, the solde of the échéancier 8 217,20.
    for amount in (
        "15\u202f980,00\u00a0€",
        "3\u202f196,00\u00a0€",
        "19\u202f176,00\u00a0€",
        "958,80\u00a0€",
        "8\u202f217,20\u00a0€",
    ):
        assert amount in text, amount
    assert "DEV-2027-004" in text
    assert "Bon pour accord" in text
    assert "4 janvier 2027" in text and "4 avril 2027" in text
    assert "Chorus Pro" in text
    assert "TVA 20\u00a0%" in text
    assert "Acompte à la commande" not in text and "Aucun acompte à la commande" in text
    assert "16 jours d’intervention (12 jours du forfait et 4 jours pour les options)" in text
    assert "du 11 janvier 2027 au 12 mars 2027" in text
    nb = "\u00a0"  # groups of digits never split across lines
    assert f"IBAN FR76{nb}3000{nb}6000{nb}0112{nb}3456{nb}7890{nb}189" in text
    assert f"SIRET 214{nb}909{nb}996{nb}00016" in text
    # No English word in a French quote, and French spacing before the colon.
    assert not re.search(r"\b(Total excl|VAT|Quote|Deposit|Balance)\b", text)
    assert "Objet\u00a0:" in text


def test_specification_has_the_map_picture_and_the_sections(rendered: Path) -> None:
    path = rendered / "cahier-des-charges.docx"
    document = Document(str(path))
    assert len(document.inline_shapes) == 2  # the map, then the Gantt chart of the calendar
    widths = [round(shape.width.mm) for shape in document.inline_shapes]
    assert widths == [
        170,
        170,
    ]  # the map and the Gantt take the whole text width (A4, 2 cm margins)
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert media and all(n.endswith(".png") for n in media)
    text = docx_text(path)
    for heading in (
        "Contexte et enjeux",
        "Gouvernance",
        "Le dispositif retenu",
        "Calendrier",
        "Évaluation",
    ):
        assert heading in text
    # The creativity session is to come on the document date: nothing is told as retained.
    assert (
        "À compléter\u00a0: le dispositif retenu sortira de la séance de créativité du mardi 9 mars 2027"
        in text
    )
    assert "Adjointe à la démocratie locale" in text  # stakeholder table
    assert "Co-décider" in text and "7\u00a0jours" not in text and "7 jours" in text


def _table(document: object, heading: str) -> list[list[str]]:
    """The rows of the first table whose first heading cell reads ``heading``."""
    for table in document.tables:  # type: ignore[attr-defined]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and rows[0][0] == heading:
            return rows
    raise AssertionError(f"no table headed {heading!r}")


def test_specification_calendar_comes_from_the_computed_plan(rendered: Path) -> None:
    path = rendered / "cahier-des-charges.docx"
    document = Document(str(path))
    phases = {row[0]: row[1:] for row in _table(document, "Phase")}
    # Worked out by hand on the working days of 2027: cadrage Mon 11 Jan (1 day), preparation
    # 2.5 days from Tue 12 to Thu 14 Jan at midday; ateliers moves to its first workshop (Tue 2
    # Feb) and stretches to its last (Tue 9 Feb); analyse Wed 10 and Thu 11 Feb; creativite 1.5
    # days from the session (Tue 9 Mar) to Wed 10 Mar at midday; livrables 2 days from Wed 10 Mar
    # in the afternoon (four half days) to Fri 12 Mar at midday.
    assert phases["Cadrage"] == ["1", "11 janvier 2027", "11 janvier 2027", "Terminée"]
    assert phases["Préparation"] == ["2,5", "12 janvier 2027", "14 janvier 2027 (midi)", "Terminée"]
    assert phases["Ateliers"][1:3] == ["2 février 2027", "9 février 2027"]
    assert phases["Analyse"][3] == "En cours"
    assert phases["Livrables"] == [
        "2",
        "10 mars 2027 (après-midi)",
        "12 mars 2027 (midi)",
        "À venir",
    ]
    assert phases["Total"][0] == "12"
    from dialogue_cli.common.formatting import date
    from dialogue_cli.planning.plan import build_plan

    livrables = build_plan(load(rendered.parent).engagement).phase("livrables")
    assert phases["Livrables"][2] == f"{date(livrables.end)} (midi)"

    events = {row[0]: row[1:] for row in _table(document, "Temps de travail")}
    assert "2 février 2027" in events["Atelier des élus"][0]
    assert events["Atelier des élus"] == [
        "mardi 2 février 2027",
        "Salle du conseil, hôtel de ville",
        "Tenu",  # before the document date (11 February 2027)
    ]
    assert events["Séance de créativité"][0] == "mardi 9 mars 2027"
    assert events["Séance de créativité"][2] == "À venir"
    assert list(events)[1:] == [
        "Atelier des élus",
        "Atelier des citoyens",
        "Atelier des services",
        "Séance de créativité",
    ]  # in date order
    text = docx_text(path)
    assert "La mission se déroule du 11 janvier 2027 au 12 mars 2027, soit 45 jours ouvrés" in text
    assert "12 jours d’intervention, conformément au forfait de 12 jours" in text
    assert "Calendrier indicatif" not in text  # engagement.start is set

    # The Gantt chart is a picture of its own in word/media: the one drawn into the chart cache.
    gantt = list((rendered.parent.parent / "cache" / "charts").glob("gantt-*.png"))
    assert len(gantt) == 1
    with zipfile.ZipFile(path) as archive:
        pictures = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert gantt[0].read_bytes() in pictures
    assert len(pictures) == 2


def test_calendar_without_a_start_is_indicative_and_keeps_plan_warnings_out(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  start: 2027-01-11\n", "").replace("start: 2027-01-11, ", "")
    text = text.replace("livrables: {days: 2,", "livrables: {days: 3,")
    path.write_text(text, encoding="utf-8")
    plan = runner.invoke(app, ["plan", str(example)])
    assert "pricing.package.days" in plan.output + plan.stderr  # the consultant is warned...
    result = runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"])
    assert result.exit_code == 0, result.output
    assert "(pricing.package.days)\n" in result.stderr  # render warns the same way
    document = example / "livrables" / "cahier-des-charges.docx"
    shown = docx_text(document)
    assert "Calendrier indicatif\u00a0: la date de démarrage n’est pas encore arrêtée" in shown
    assert "13 jours d’intervention, pour un forfait de 12 jours" in shown
    # ...but the client's document carries none of the plan's warnings.
    for word in ("engagement.start", "pricing.package", "phases.", "warning"):
        assert word not in shown
    phases = {row[0]: row[1:] for row in _table(Document(str(document)), "Phase")}
    assert phases["Total"][0] == "13"


def test_english_calendar_marks_half_days_in_english(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8"
    )
    result = runner.invoke(app, ["render", str(example), "--only", "specification"])
    assert result.exit_code == 0, result.output
    document = Document(str(example / "livrables" / "specification.docx"))
    phases = {row[0]: row[1:] for row in _table(document, "Phase")}
    assert phases["Preparation"] == ["2.5", "12 January 2027", "14 January 2027 (midday)", "Done"]
    assert phases["Deliverables"][1:] == [
        "10 March 2027 (afternoon)",
        "12 March 2027 (midday)",
        "To come",
    ]
    events = {row[0]: row[1:] for row in _table(document, "Session")}
    assert events["Elected members’ workshop"][0] == "Tuesday, 2 February 2027"
    assert events["Elected members’ workshop"][2] == "Held"
    assert len(document.inline_shapes) == 2


def test_external_document_holds_no_personal_data(rendered: Path) -> None:
    project = load(Path(rendered.parent))
    e = project.engagement
    secrets = {item.author for item in project.feedback() if len(item.author) >= 4}
    secrets |= {
        e.client.contact.email,
        e.client.contact.phone,
        e.consultant.email,
        e.consultant.phone,
    }
    for stakeholder in e.stakeholders:
        if stakeholder.contact:
            secrets |= {stakeholder.contact.email, stakeholder.contact.phone}
        if stakeholder.notes:
            secrets.add(stakeholder.notes)
    secrets.discard("")
    assert len(secrets) > 10  # the example does carry authors, e-mails and phones
    path = rendered / "communication-externe.docx"
    everything = docx_text(path) + raw_xml(path)
    leaked = sorted(s for s in secrets if s in everything)
    assert leaked == []
    # Nothing retained yet on the document date: the section says what comes next.
    assert "Ce que deviennent vos contributions" in everything
    assert "Vous avez dit, nous avons fait" not in everything


def test_internal_kit_builds_its_faq_from_the_questions(rendered: Path) -> None:
    text = docx_text(rendered / "communication-interne.docx")
    assert "Foire aux questions" in text
    assert "Qui décide si un projet est faisable\u202f? On aimerait" in text  # French spacing
    assert "Agent 10" not in text


def test_roi_kit_has_grid_blank_sheet_and_worked_example(rendered: Path) -> None:
    path = rendered / "kit-roi-citoyen.docx"
    text = docx_text(path)
    assert "Fiche de codage" in text and "Tableau 3 – Fiche de codage des avis" in text
    assert "MANDAT" in text and "100" in text  # weights total
    assert "Panel citoyen tiré au sort" in text
    assert "Résultats provisoires\u00a0: l’analyse est en cours au 11 février 2027" in text


def test_only_renders_a_subset(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(
        app, ["render", str(example), "--only", "devis", "--out", str(example / "out")]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in (example / "out").glob("*.docx")] == ["devis.docx"]
    assert "1 document in" in result.stdout


def test_only_rejects_an_unknown_name_with_a_suggestion(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["render", str(example), "--only", "devi"])
    assert result.exit_code == 1
    assert "did you mean 'devis'" in result.stderr


def test_an_edited_output_is_not_overwritten_without_force(
    runner: CliRunner, example: Path
) -> None:
    assert runner.invoke(app, ["render", str(example), "--only", "devis"]).exit_code == 0
    target = example / "livrables" / "devis.docx"
    document = Document(str(target))
    document.add_paragraph("Ajout manuel du consultant")
    document.save(str(target))
    edited = target.read_bytes()
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 1
    assert "devis.docx" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == edited
    forced = runner.invoke(app, ["render", str(example), "--only", "devis", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "Ajout manuel" not in docx_text(target)


def test_a_failing_template_leaves_earlier_files_intact(runner: CliRunner, example: Path) -> None:
    assert runner.invoke(app, ["render", str(example)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in (example / "livrables").glob("*.docx")}
    broken = Document()
    broken.add_paragraph("{{ quote.total_ht }} {% if %}")
    (example / "templates").mkdir()
    broken.save(str(example / "templates" / "devis.docx"))
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 1
    assert "devis.docx" in result.stderr and "syntax error" in result.stderr
    after = {p.name: p.read_bytes() for p in (example / "livrables").glob("*.docx")}
    assert after["devis.docx"] == before["devis.docx"]
    assert not list((example / "livrables").glob(".*.docx")), "no temp file left behind"


def test_an_override_template_takes_precedence(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    custom = Document()
    custom.add_paragraph("Devis personnalisé pour {{ client.name }} : {{ quote.total_ttc }}")
    folder = tmp_path / "mine"
    folder.mkdir()
    custom.save(str(folder / "devis.docx"))
    result = runner.invoke(
        app, ["render", str(example), "--only", "devis", "--templates", str(folder)]
    )
    assert result.exit_code == 0, result.output
    text = docx_text(example / "livrables" / "devis.docx")
    assert "Devis personnalisé pour Ville d’Ormessac : 19\u202f176,00\u00a0€" in text


def test_brand_colour_recolours_the_default_templates(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'primary_color: "1F4E79"', 'primary_color: "8A1538"'
        ),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["render", str(example), "--only", "devis"]).exit_code == 0
    xml = raw_xml(example / "livrables" / "devis.docx")
    assert "8A1538" in xml and "1F4E79" not in xml


def test_brand_logo_lands_on_the_cover(runner: CliRunner, example: Path) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), "#8A1538").save(buffer, format="PNG")
    (example / "logo.png").write_bytes(buffer.getvalue())
    path = example / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("brand:\n", "brand:\n  logo: logo.png\n"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["render", str(example), "--only", "communication-externe"])
    assert result.exit_code == 0, result.output
    shapes = Document(str(example / "livrables" / "communication-externe.docx")).inline_shapes
    assert len(shapes) == 1 and abs(shapes[0].width.mm - 40) < 0.5


def test_english_engagement_gets_english_values(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8"
    )
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (example / "livrables").glob("*.docx")] == ["quote.docx"]
    document = Document(str(example / "livrables" / "quote.docx"))
    assert document.core_properties.language == "en-GB"
    text = docx_text(example / "livrables" / "quote.docx")
    assert "€15,980.00" in text
    assert "Quote no. DEV-2027-004" in text and "Total incl. VAT" in text
    assert "Désignation" not in text and "Bon pour accord" not in text.replace(
        "(“bon pour accord”)", ""
    )


def test_help_does_not_import_heavy_libraries() -> None:
    import subprocess
    import sys

    code = "import sys, dialogue_cli.cli; print(any(m in sys.modules for m in ('docx', 'docxtpl', 'jinja2', 'matplotlib', 'lxml')))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_charts_are_cached_and_redrawn_when_their_inputs_change(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache" / "charts"
    assert (
        runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"]).exit_code == 0
    )
    first = sorted(p.name for p in cache.glob("*.png"))
    assert len(first) == 2 and first[0].startswith("gantt-") and first[1].startswith("map-")
    assert (
        runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"]).exit_code == 0
    )
    assert sorted(p.name for p in cache.glob("*.png")) == first  # reused, not redrawn
    path = example / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Maire,", "name: Maire d'Ormessac,"),
        encoding="utf-8",
    )
    assert (
        runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"]).exit_code == 0
    )
    assert len(list(cache.glob("map-*.png"))) == 2  # the changed map got its own picture
    assert len(list(cache.glob("gantt-*.png"))) == 1  # the plan did not change
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "livrables: {days: 2, status: todo}", "livrables: {days: 2, status: doing}"
        ),
        encoding="utf-8",
    )
    assert (
        runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"]).exit_code == 0
    )
    assert len(list(cache.glob("gantt-*.png"))) == 2  # a new status, a new Gantt chart


ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "with",
    "is",
    "for",
    "staff",
    "workshop",
    "quote",
    "deposit",
    "balance",
}
ENGLISH_WORDS |= {"excl", "incl", "vat", "scheme", "commitment", "elected", "citizens", "page of"}


@pytest.mark.parametrize("name", FILES)
def test_no_english_word_in_a_french_document(rendered: Path, name: str) -> None:
    words = set(re.findall(r"[a-zà-ÿ']+", docx_text(rendered / name).lower()))
    assert words & ENGLISH_WORDS == set()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", b"\x89PNG\r\n\x1a\ngarbage"),  # a PNG signature, then nothing readable
        ("logo.bmp", b"BM text"),  # the first bytes of a BMP, then text
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("logo.png", b""),
    ],
)
def test_a_logo_that_is_not_a_readable_picture_is_located_at_brand_logo(
    runner: CliRunner, example: Path, name: str, content: bytes
) -> None:
    (example / name).write_bytes(content)
    _edit(example, ("brand:\n", f"brand:\n  logo: {name}\n"))
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # the error boundary, not a crash
    # the logo line inserted right under "brand:"
    line = (example / "engagement.yaml").read_text(encoding="utf-8").splitlines().index(
        "brand:"
    ) + 2
    expected = (
        f"engagement.yaml:{line}:9: brand.logo: {name}: "
        "not a readable picture (PNG, JPEG, GIF, BMP or TIFF)"
    )
    assert expected in result.stderr
    message = result.stderr.split("brand.logo:", 1)[1]
    assert str(example) not in message  # the logo as the file writes it, not an absolute path
    assert "SVG" not in result.stderr
    assert not (example / "livrables" / "devis.docx").exists()


def test_a_damaged_cached_chart_is_drawn_again(tmp_path: Path) -> None:
    from dialogue_cli.render.chart_cache import cached_chart, is_complete_png

    good = _png()
    assert is_complete_png(good) and not is_complete_png(good[:-5]) and not is_complete_png(b"")
    cache = tmp_path / "charts"
    drawn: list[int] = []

    def draw() -> bytes:
        drawn.append(1)
        return good

    assert cached_chart("map", "inputs", draw, cache) == good
    (path,) = cache.glob("map-*.png")
    assert cached_chart("map", "inputs", draw, cache) == good and len(drawn) == 1  # a hit
    path.write_bytes(good[: len(good) // 2])  # truncated, as by a full disk
    assert cached_chart("map", "inputs", draw, cache) == good and len(drawn) == 2
    assert path.read_bytes() == good  # repaired for the next render
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # right start, no end
    assert cached_chart("map", "inputs", draw, cache) == good and len(drawn) == 3


def test_a_damaged_cached_chart_does_not_break_later_renders(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache" / "charts"
    assert (
        runner.invoke(app, ["render", str(example), "--only", "synthese-ateliers"]).exit_code == 0
    )
    (heatmap,) = cache.glob("heatmap-*.png")
    heatmap.write_bytes(heatmap.read_bytes()[:300])
    result = runner.invoke(app, ["render", str(example), "--only", "synthese-ateliers", "--force"])
    assert result.exit_code == 0, result.output
    document = Document(str(example / "livrables" / "synthese-ateliers.docx"))
    assert len(document.inline_shapes) == 1
    assert heatmap.read_bytes().endswith(b"IEND\xaeB`\x82")


def test_a_cache_that_cannot_be_written_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialogue_cli.render.chart_cache import cached_chart

    def refuse(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    cache = tmp_path / "charts"
    assert cached_chart("map", "inputs", _png, cache) == _png()
    assert list(cache.iterdir()) == []


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#8A1538").save(buffer, format="PNG")
    return buffer.getvalue()


# ---------------------------------------------------------------------- drafts: the bare scaffold


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A fresh `dialogue init --yes` rendered once: its folder and the render's stderr."""
    folder = tmp_path_factory.mktemp("draft") / "brouillon"
    runner = CliRunner()
    env = {"DIALOGUE_CACHE": str(folder.parent / "cache")}
    created = runner.invoke(app, ["init", str(folder), "--yes"], env=env)
    assert created.exit_code == 0, created.output
    result = runner.invoke(app, ["render", str(folder)], env=env)
    assert result.exit_code == 0, result.output
    return folder, result.stderr


def _header_only_tables(document: Any) -> list[str]:
    """Tables with their repeated heading row and nothing under it."""
    empty = []
    for table in document.tables:
        heading = table.rows[0]._tr.find(qn("w:trPr"))
        repeated = heading is not None and heading.find(qn("w:tblHeader")) is not None
        if repeated and len(table.rows) == 1:
            empty.append(" | ".join(cell.text for cell in table.rows[0].cells))
    return empty


@pytest.mark.parametrize("name", FILES)
def test_a_draft_has_no_empty_table_no_tag_and_no_dangling_author(
    scaffold: tuple[Path, str], name: str
) -> None:
    path = scaffold[0] / "livrables" / name
    document = Document(str(path))  # opens
    assert _header_only_tables(document) == []
    xml = raw_xml(path)
    assert "{{" not in xml and "{%" not in xml
    text = docx_text(path)
    assert "Document préparé par" not in text  # no consultant nor brand name yet
    assert "À compléter\u00a0: " in text  # every document says it is a draft, in French spacing


def test_a_draft_specification_says_no_stakeholder_is_mapped(scaffold: tuple[Path, str]) -> None:
    document = Document(str(scaffold[0] / "livrables" / "cahier-des-charges.docx"))
    placeholders = [p for p in document.paragraphs if p.style.name == "Placeholder"]
    texts = [p.text for p in placeholders]
    assert "À compléter\u00a0: aucune partie prenante n’est encore cartographiée." in texts
    assert document.styles["Placeholder"].font.italic is True
    # The section's explanation of the map, which would describe an empty table, is left out.
    assert "Les acteurs sont placés selon leur influence" not in docx_text(
        scaffold[0] / "livrables" / "cahier-des-charges.docx"
    )


def test_a_draft_in_english_gets_english_placeholders(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "draft"
    assert runner.invoke(app, ["init", str(folder), "--yes", "--language", "en"]).exit_code == 0
    result = runner.invoke(app, ["render", str(folder), "--only", "cahier-des-charges"])
    assert result.exit_code == 0, result.output
    text = docx_text(folder / "livrables" / "specification.docx")
    assert "To be completed: no stakeholder mapped yet." in text
    assert "compléter" not in text and "Prepared by" not in text


def test_render_of_a_draft_prints_the_plan_warnings_and_succeeds(
    runner: CliRunner, scaffold: tuple[Path, str]
) -> None:
    folder, stderr = scaffold
    plan = runner.invoke(app, ["plan", str(folder)])
    expected = [line for line in plan.stderr.splitlines() if line.startswith("warning: ")]
    assert any(line.startswith("warning: engagement.start: not set") for line in expected)
    assert [line for line in stderr.splitlines() if line.startswith("warning: ")] == expected
    # For the consultant only: no document carries them.
    for name in FILES:
        assert "engagement.start" not in docx_text(folder / "livrables" / name)


def test_render_computes_the_plan_once(
    runner: CliRunner, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dialogue_cli.planning.plan

    calls = []
    original = dialogue_cli.planning.plan.build_plan

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(dialogue_cli.planning.plan, "build_plan", counting)
    result = runner.invoke(app, ["render", str(example), "--only", "cahier-des-charges"])
    assert result.exit_code == 0, result.output
    assert len(calls) == 1


@pytest.mark.parametrize("name", FILES)
def test_a_complete_engagement_shows_no_placeholder(finished: Path, name: str) -> None:
    text = docx_text(finished / name)
    assert "compléter" not in text.lower()
    assert "Document préparé par" in text or name == "devis.docx"


# ---------------------------------------------------------------- the client in running text


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_running_text_gives_the_client_its_article(rendered: Path, finished: Path) -> None:
    nbsp = "\u00a0"
    external = _paragraphs(rendered / "communication-externe.docx")
    summary = next(t for t in external if "démarche de dialogue citoyen" in t)
    assert summary.startswith("La Ville d’Ormessac mène avec les habitants")
    external = _paragraphs(finished / "communication-externe.docx")
    summary = next(t for t in external if "démarche de dialogue citoyen" in t)
    assert summary.startswith("La Communauté d’agglomération du Val d’Orme a mené avec")
    # Solution titles are quoted as written, never glued into the sentence.
    assert summary.endswith(
        f"Ce qui a été retenu{nbsp}: «{nbsp}Une convention citoyenne sur les mobilités, avec "
        f"réponse en conseil{nbsp}» et «{nbsp}Une plateforme mutualisée adossée aux mairies{nbsp}»."
    )
    internal = "\n".join(_paragraphs(rendered / "communication-interne.docx"))
    assert "Elle a bien été reçue par la Ville d’Ormessac et sera étudiée" in internal
    kit = "\n".join(_paragraphs(rendered / "kit-roi-citoyen.docx"))
    assert "Les options étudiées avec la Ville d’Ormessac ont été notées" in kit
    # Covers and footers keep the name as it is.
    cover = Document(str(rendered / "cahier-des-charges.docx")).paragraphs
    assert any(p.text == "Ville d’Ormessac" for p in cover)


def _edit(example: Path, *pairs: tuple[str, str]) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_client_in_text_overrides_the_derived_article(runner: CliRunner, example: Path) -> None:
    _edit(
        example,
        ("  name: Ville d'Ormessac\n", "  name: Ormessac\n  in_text: la commune d'Ormessac\n"),
    )
    args = ["render", str(example), "--only", "communication-externe", "--only", "kit-roi-citoyen"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = next(
        t for t in _paragraphs(example / "livrables" / "communication-externe.docx") if "mène" in t
    )
    assert summary.startswith("La commune d’Ormessac mène")
    kit = "\n".join(_paragraphs(example / "livrables" / "kit-roi-citoyen.docx"))
    assert "étudiées avec la commune d’Ormessac ont" in kit


def test_a_proper_name_takes_no_article(runner: CliRunner, example: Path) -> None:
    _edit(example, ("  name: Ville d'Ormessac\n", "  name: Ormessac\n"))
    result = runner.invoke(app, ["render", str(example), "--only", "communication-interne"])
    assert result.exit_code == 0, result.output
    internal = "\n".join(_paragraphs(example / "livrables" / "communication-interne.docx"))
    assert "reçue par Ormessac et" in internal


def test_english_running_text_gives_a_common_noun_its_article(
    runner: CliRunner, example: Path
) -> None:
    _edit(
        example,
        ("language: fr", "language: en"),
        ("name: Ville d'Ormessac\n", "name: Town of Exton\n"),
    )
    result = runner.invoke(app, ["render", str(example), "--only", "communication-externe"])
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(example / "livrables" / "external-communication.docx")
    summary = next(t for t in paragraphs if "citizen dialogue" in t)
    assert summary.startswith("The Town of Exton is running a citizen dialogue")
    assert any("ideas are welcome at the Town of Exton:" in t for t in paragraphs)
    assert "Town of Exton" in paragraphs  # the cover keeps the name as it is
    _edit(example, ("name: Town of Exton\n", "name: Exton\n"))
    assert (
        runner.invoke(
            app, ["render", str(example), "--only", "external-communication", "--force"]
        ).exit_code
        == 0
    )
    paragraphs = _paragraphs(example / "livrables" / "external-communication.docx")
    assert any(t.startswith("Exton is running a citizen dialogue") for t in paragraphs)


# ---------------------------------------------------------------- stale PDFs


def test_render_without_pdf_warns_about_older_pdfs_and_keeps_them(
    runner: CliRunner, example: Path
) -> None:
    import os

    out = example / "livrables"
    out.mkdir(exist_ok=True)
    old = out / "devis.pdf"
    old.write_bytes(b"%PDF-1.4 old copy")
    os.utime(old, (1_000_000_000, 1_000_000_000))  # 2001
    newer = out / "cahier-des-charges.pdf"
    newer.write_bytes(b"%PDF-1.4 newer copy")
    future = 4_000_000_000  # 2096: newer than the document about to be written
    os.utime(newer, (future, future))
    unrelated = out / "notes.pdf"
    unrelated.write_bytes(b"%PDF-1.4 not ours")
    os.utime(unrelated, (1_000_000_000, 1_000_000_000))

    result = runner.invoke(app, ["render", str(example)])

    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if ".pdf" in line]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("warning: ")
    assert warnings[0].endswith("devis.pdf is older than devis.docx: run with --pdf to refresh it")
    assert ".pdf" not in result.stdout
    # Never deleted: the user's files stay as they were.
    assert old.read_bytes() == b"%PDF-1.4 old copy"
    assert newer.exists() and unrelated.exists()


def test_render_only_checks_the_pdfs_of_what_it_wrote(runner: CliRunner, example: Path) -> None:
    import os

    out = example / "livrables"
    out.mkdir(exist_ok=True)
    old = out / "devis.pdf"
    old.write_bytes(b"%PDF-1.4")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    result = runner.invoke(app, ["render", str(example), "--only", "synthese-ateliers"])
    assert result.exit_code == 0, result.output
    assert "devis.pdf" not in result.stderr


# ---------------------------------------------------------------- tables and pages


def _rows_keeping(table: Any) -> list[bool]:
    """For each row: does every paragraph of the row keep with the next?"""
    return [
        all(p._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in cells)
        for cells in ([p for c in row.cells for p in c.paragraphs] for row in table.rows)
    ]


def _find_table(document: Any, heading: str) -> Any:
    for table in document.tables:
        if table.rows[0].cells[0].text == heading:
            return table
    raise AssertionError(f"no table headed {heading!r}")


@pytest.mark.parametrize("name", FILES)
def test_no_table_row_splits_across_pages(rendered: Path, name: str) -> None:
    body = Document(str(rendered / name)).element.body
    rows = list(body.iter(qn("w:tr")))
    assert rows
    for row in rows:
        assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_a_small_table_stays_whole_with_its_heading(rendered: Path) -> None:
    document = Document(str(rendered / "cahier-des-charges.docx"))
    risks = _find_table(document, "Risque")
    assert len(risks.rows) == 3
    assert _rows_keeping(risks) == [True, True, False]
    before = risks._tbl.getprevious()
    assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_a_long_table_may_break_but_leaves_no_row_alone(rendered: Path) -> None:
    document = Document(str(rendered / "cahier-des-charges.docx"))
    actors = _find_table(document, "Acteur")
    keeping = _rows_keeping(actors)
    assert len(keeping) > 8
    # Heading row with the first row, the last two rows together; the rest may break.
    assert keeping[0] and keeping[-2]
    assert not any(keeping[1:-2]) and not keeping[-1]


def test_keep_tables_together_on_a_bare_body() -> None:
    from docx.oxml import parse_xml

    from dialogue_cli.render.layout import keep_tables_together

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    row = "<w:tr><w:tc><w:p/></w:tc></w:tr>"
    body = parse_xml(
        f"<w:body {w}><w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr></w:p>"
        f"<w:tbl>{row * 3}</w:tbl><w:p/><w:tbl>{row * 4}</w:tbl></w:body>"
    )
    keep_tables_together(body, small=3)
    heading, small, gap, big = list(body)
    p_pr = heading.find(qn("w:pPr"))
    # keepNext right after pStyle, as the schema orders them.
    assert [child.tag for child in p_pr] == [qn("w:pStyle"), qn("w:keepNext")]
    keep = f"{qn('w:tc')}/{qn('w:p')}/{qn('w:pPr')}/{qn('w:keepNext')}"
    assert [r.find(keep) is not None for r in small.findall(qn("w:tr"))] == [True, True, False]
    assert [r.find(keep) is not None for r in big.findall(qn("w:tr"))] == [True, False, True, False]
    assert gap.find(qn("w:pPr")) is None  # before a long table: free to break
    for table in (small, big):
        for r in table.findall(qn("w:tr")):
            assert r[0].tag == qn("w:trPr")
            assert len(r[0].findall(qn("w:cantSplit"))) == 1
    keep_tables_together(body, small=3)  # twice: nothing added twice
    assert len(p_pr.findall(qn("w:keepNext"))) == 1
    assert all(len(r[0].findall(qn("w:cantSplit"))) == 1 for r in body.iter(qn("w:tr")))


# ---------------------------------------------------------------------- what the client reads


def test_the_kits_count_the_creativity_session_only_once_it_is_done(
    rendered: Path, finished: Path
) -> None:
    # 11 + 23 + 14 = 48 workshop participants; the creativity session is still to come.
    external = docx_text(rendered / "communication-externe.docx")
    report = docx_text(rendered / "synthese-ateliers.docx")
    assert "3 ateliers ont réuni 48 participants et recueilli 68 contributions" in external
    assert "48 participants et 68 contributions" in report
    assert "créativité avec" not in external
    # 12 + 27 + 15 = 54, then the session (21 participants), counted apart.
    text = docx_text(finished / "communication-externe.docx")
    assert "3 ateliers ont réuni 54 participants et recueilli 53 contributions" in text
    assert ", puis une séance de créativité avec 21 participants\u00a0: voici" in text
    assert "54 participants et 53 contributions" in docx_text(finished / "synthese-ateliers.docx")


def _section(path: Path, start: str, end: str) -> str:
    paragraphs = _paragraphs(path)
    return "\n".join(paragraphs[paragraphs.index(start) : paragraphs.index(end)])


def test_how_to_take_part_gives_meetings_not_the_solutions_again(
    rendered: Path, finished: Path
) -> None:
    section = _section(
        rendered / "communication-externe.docx",
        "Comment participer",
        "Ce qui est ouvert à la discussion",
    )
    # the workshops are held, the creativity session is still to come: it is the next meeting
    assert (
        "Séance de créativité\u00a0: aura lieu le mardi 9 mars 2027, Médiathèque Jules-Verne."
        in section
    )
    assert "Atelier des citoyens" not in section
    assert "auprès de la Ville d’Ormessac\u00a0: chacune reçoit une réponse" in section
    project = load(Path(finished.parent))
    section = _section(
        finished / "communication-externe.docx",
        "Comment participer",
        "Ce qui est ouvert à la discussion",
    )
    solutions = project.engagement.creativity.solutions
    assert solutions and all(s.description.strip() for s in solutions)
    for solution in solutions:
        assert solution.title not in section
        assert solution.description.strip()[:40] not in section
    assert "Tous les rendez-vous prévus ont eu lieu." in section


def test_ranking_tables_name_condition_scores_and_keep_one_group_order(rendered: Path) -> None:
    for name in ("synthese-ateliers.docx", "kit-roi-citoyen.docx"):
        document = Document(str(rendered / name))
        table = _find_table(document, "Rang")
        headings = [cell.text for cell in table.rows[0].cells]
        assert headings[3:6] == ["Condition élus", "Condition citoyens", "Condition services"]
        text = docx_text(rendered / name)
        assert "Condition\u00a0: score de la condition, de −1 à +1" in text
        # what blocks an option is named in the same order as the columns
        assert "Non viable — élus, citoyens et services sous le seuil" in text
        assert "élus, services et citoyens sous" not in text


def test_english_group_names_match_between_tables_and_charts() -> None:
    from dialogue_cli.common.labels import group_names
    from dialogue_cli.render.words import WORDS

    for group in ("elus", "citoyens", "services"):
        assert group_names("en")[group] == WORDS["en"]["groups"][group]
        assert group_names("fr")[group] == WORDS["fr"]["groups"][group]


def test_roi_kit_teaches_the_method_the_scores_use(rendered: Path) -> None:
    text = docx_text(rendered / "kit-roi-citoyen.docx")
    # the computation of docs/scoring.md, not a mark from −2 to +2 per criterion
    assert "−2" not in text and "note × poids" not in text
    assert "p × i × w au numérateur et i × w au dénominateur" in text
    assert "l’absence d’avis n’est pas un accord" in text
    assert "chaque groupe ayant une voix égale" in text
    assert "au moins égal au seuil de 0,00" in text
    assert "moins de 3 avis notés est signalé comme fragile" in text
    captions = [
        t for t in _paragraphs(rendered / "kit-roi-citoyen.docx") if t.startswith("Tableau ")
    ]
    assert [c.split(" – ")[0] for c in captions] == [f"Tableau {n}" for n in range(1, 6)]
    sheet = _find_table(Document(str(rendered / "kit-roi-citoyen.docx")), "N°")
    headings = [c.text for c in sheet.rows[0].cells]
    assert headings[3:] == ["Polarité", "Intensité", "Critères", "p × i × w", "i × w"]
    # the conditions' table names the criteria by their labels, not their codes
    conditions = _find_table(Document(str(rendered / "kit-roi-citoyen.docx")), "Condition")
    assert "Coût et soutenabilité dans la durée" in conditions.rows[1].cells[2].text
    assert "COUT" not in conditions.rows[1].cells[2].text


def test_devis_puts_units_in_the_plural_and_signs_once(rendered: Path) -> None:
    document = Document(str(rendered / "devis.docx"))
    lines = _find_table(document, "Désignation")
    units = {row.cells[0].text.split("\n")[0]: row.cells[2].text for row in lines.rows[1:]}
    assert units["Entretien complémentaire"] == "entretiens"
    assert units["Formation à la posture de dialogue citoyen"] == "sessions"
    assert units["Enquête terrain auprès des habitants"] == "forfait"
    text = docx_text(rendered / "devis.docx")
    assert text.count("Bon pour accord") == 1
    assert text.count("Nom, qualité, signature et cachet") == 1
    assert "Nom, qualité et signature" not in text


def test_devis_prints_the_discount_as_a_negative_amount(runner: CliRunner, example: Path) -> None:
    _edit(example, ("discount_percent: 0", "discount_percent: 10"))
    result = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert result.exit_code == 0, result.output
    text = docx_text(example / "livrables" / "devis.docx")
    # fees 15 600 (10 000 + 2 400 + 1 400 + 1 800): 10 % = 1 560, before the total HT
    assert "Remise sur honoraires (10\u00a0%)\n\u22121\u202f560,00\u00a0€" in text
    assert "15\u202f600,00\u00a0€" not in text.split("Total HT")[1].split("\n")[1]


def test_english_devis_speaks_of_a_package_and_plural_units(
    runner: CliRunner, example: Path
) -> None:
    _edit(example, ("language: fr", "language: en"))
    assert runner.invoke(app, ["render", str(example), "--only", "quote"]).exit_code == 0
    document = Document(str(example / "livrables" / "quote.docx"))
    lines = _find_table(document, "Description")
    units = [row.cells[2].text for row in lines.rows[1:]]
    assert units[0] == "package" and "lump sum" not in docx_text(
        example / "livrables" / "quote.docx"
    )
    text = docx_text(example / "livrables" / "quote.docx")
    assert text.count("Name, position, signature and stamp") == 1


def test_a_cold_render_draws_every_chart_once_into_the_cache(
    runner: CliRunner, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The charts are drawn two at a time (a forked child fills the cache); the documents are
    the same as when they are drawn one after the other, and each picture lands in the cache."""
    from dialogue_cli.render.chart_cache import _nothing, is_complete_png
    from dialogue_cli.render.results import Results

    cache = tmp_path / "cold-cache"
    monkeypatch.setenv("DIALOGUE_CACHE", str(cache))
    result = runner.invoke(app, ["render", str(example), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    pictures = sorted((cache / "charts").glob("*.png"))
    assert sorted(p.name.split("-")[0] for p in pictures) == ["gantt", "heatmap", "map"]
    assert all(is_complete_png(p.read_bytes()) for p in pictures)

    monkeypatch.setenv("DIALOGUE_CACHE", str(tmp_path / "other-cache"))
    monkeypatch.setattr(Results, "prefetch_charts", lambda self, kinds: _nothing)
    result = runner.invoke(app, ["render", str(example), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    for name in ("cahier-des-charges.docx", "kit-roi-citoyen.docx", "synthese-ateliers.docx"):
        with (
            zipfile.ZipFile(tmp_path / "a" / name) as one,
            zipfile.ZipFile(tmp_path / "b" / name) as two,
        ):
            media = sorted(n for n in one.namelist() if n.startswith("word/media/"))
            assert media and media == sorted(
                n for n in two.namelist() if n.startswith("word/media/")
            )
            assert [one.read(n) for n in media] == [two.read(n) for n in media]
