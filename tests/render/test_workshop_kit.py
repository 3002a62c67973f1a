"""The workshop kit as a consultant opens it: the decks, the sheets and the pre-filled file."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.contexts.shared import verdict
from dialogue_cli.render.results import Results
from dialogue_cli.render.values import Fmt
from dialogue_cli.render.workshop.kit import render_kit
from dialogue_cli.render.workshop.sessions import select
from tests.conftest import EXAMPLE, FINISHED

F = Fmt("fr")


def build(folder: Path, *ids: str, **options: object) -> Path:
    """The kit of ``folder``'s engagement, written into ``folder/ateliers``."""
    project = load(folder)
    results = Results(project, cache=None)
    sessions = select(project.engagement, list(ids))
    render_kit(project, folder / "ateliers", sessions, results=results, **options)  # type: ignore[arg-type]
    return folder / "ateliers"


@pytest.fixture(scope="module")
def ormessac(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("kit") / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    build(folder)
    yield folder


def texts(slide: object) -> list[str]:
    return [
        paragraph.text
        for shape in slide.shapes  # type: ignore[attr-defined]
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        if paragraph.text
    ]


def title_of(slide: object) -> str:
    title = slide.shapes.title  # type: ignore[attr-defined]
    return str(title.text) if title is not None else ""


def notes_of(slide: object) -> str:
    return str(slide.notes_slide.notes_text_frame.text)  # type: ignore[attr-defined]


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# ---------------------------------------------------------------- the workshop's deck


def test_a_workshop_deck_has_one_slide_per_scenario_with_its_title_and_description(
    ormessac: Path,
) -> None:
    engagement = load(ormessac).engagement
    deck = Presentation(str(ormessac / "ateliers" / "AT-ELUS" / "diaporama-AT-ELUS.pptx"))
    slides = list(deck.slides)
    for scenario in engagement.scenarios:
        matching = [s for s in slides if title_of(s) == F.t(scenario.title)]
        assert len(matching) == 1, scenario.id
        body = " ".join(texts(matching[0]))
        assert F.t(scenario.description) in body
        assert f"Code à reporter sur vos post-it\u00a0: {scenario.id}" in body
    # Title, agenda, rules, contributions, the question, 4 scenarios and the transversal one,
    # next steps, thanks.
    assert len(slides) == 5 + len(engagement.scenarios) + 2
    assert title_of(slides[0]) == "Atelier des élus"
    assert any("mardi 2 février 2027" in line for line in texts(slides[0]))


def test_the_rules_slide_says_what_is_open_and_what_is_not(ormessac: Path) -> None:
    engagement = load(ormessac).engagement.engagement
    deck = Presentation(str(ormessac / "ateliers" / "AT-CITOYENS" / "diaporama-AT-CITOYENS.pptx"))
    rules = next(s for s in deck.slides if title_of(s) == "Les règles du jeu")
    lines = texts(rules)
    assert "Ouvert à la discussion" in lines
    assert "Déjà décidé\u00a0: hors discussion" in lines
    for item in [*engagement.negotiable, *engagement.non_negotiable]:
        assert F.t(item) in lines
    contributions = next(
        s for s in deck.slides if title_of(s) == "Ce que deviennent vos contributions"
    )
    body = texts(contributions)
    assert "Accuser réception de chaque contribution\u00a0: sous 7 jours" in body
    assert "La décision finale revient au conseil municipal." in body
    question = next(s for s in deck.slides if "semble positif" in title_of(s))
    assert (
        title_of(question)
        == "Qu’est-ce qui vous semble positif\u202f? Qu’est-ce qui vous déplaît\u202f?"
    )


def test_every_slide_has_speaker_notes_with_the_facilitators_prompts(ormessac: Path) -> None:
    deck = Presentation(str(ormessac / "ateliers" / "AT-SERVICES" / "diaporama-AT-SERVICES.pptx"))
    for slide in deck.slides:
        assert slide.has_notes_slide and notes_of(slide).strip(), title_of(slide)
    scenario = next(s for s in deck.slides if title_of(s) == "Budget participatif")
    notes = notes_of(scenario)
    # the session's own time and duration (9 h 30, 150 min): 20 min per option
    assert (
        "Temps prévu\u00a0: 20\u00a0min (9\u00a0h\u00a055\u00a0–\u00a010\u00a0h\u00a015)" in notes
    )
    assert "Relances" in notes
    # The services' own condition comes first among the prompts.
    prompts = [line for line in notes.splitlines() if line.startswith("– ")]
    assert prompts[0].startswith("– La charge de travail est-elle absorbable")
    for criterion in ("MANDAT", "CHARGE", "UTILITE", "RETOUR", "INCLUSION", "COUT"):
        assert f"– {criterion}\u00a0:" in notes


def test_every_slide_carries_the_footer_and_its_number(ormessac: Path) -> None:
    path = ormessac / "ateliers" / "AT-ELUS" / "diaporama-AT-ELUS.pptx"
    deck = Presentation(str(path))
    for slide in deck.slides:
        assert any("Ville d’Ormessac · Atelier des élus" in t for t in texts(slide))
    with zipfile.ZipFile(path) as archive:
        slide_xml = archive.read("ppt/slides/slide3.xml").decode()
    assert 'type="slidenum"' in slide_xml
    assert deck.core_properties.language == "fr-FR"
    assert deck.core_properties.title == "Atelier des élus – Ville d’Ormessac"


# ---------------------------------------------------------------- the creativity session's deck


def test_the_creativity_deck_has_one_slide_per_option_with_its_verdict_and_challenge(
    ormessac: Path,
) -> None:
    project = load(ormessac)
    scores = Results(project, cache=None).scores
    deck = Presentation(str(ormessac / "ateliers" / "creativite" / "diaporama-creativite.pptx"))
    slides = list(deck.slides)
    titles = [title_of(s) for s in slides]
    options = scores.options
    assert titles[5 : 5 + len(options)] == [F.t(o.title) for o in options]  # in rank order
    groups = {"elus": "élus", "citoyens": "citoyens", "services": "services"}
    for option, slide in zip(options, slides[5:], strict=False):
        body = texts(slide)
        assert F.t(f"Verdict de l’analyse : {verdict(option.viable, option.blocking, F)}") in body
        if option.viable:
            expected = (
                "Le défi : comment la mettre en œuvre en gardant l’adhésion des trois groupes ?"
            )
        else:
            blocking = [g for g in ("elus", "citoyens", "services") if g in option.blocking]
            expected = (
                f"Le défi : comment lever la réserve des {F.join(groups[g] for g in blocking)} ?"
            )
        assert F.t(expected) in body
        assert notes_of(slide).startswith("Temps prévu")
    # The ranking as the documents word it, then how the solutions are tested.
    ranking = texts(slides[4])[1:]  # after its title
    assert ranking[0] == F.t(
        f"1. {options[0].title} : {verdict(options[0].viable, options[0].blocking, F)}"
    )
    assert "Tester les solutions" in titles


def test_a_blocked_option_asks_how_to_lift_the_services_reservation(tmp_path: Path) -> None:
    """The example's option blocked by one group only reads as the issue words it."""
    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    services = folder / "feedback" / "services.csv"
    # Services say a strong no on the panel's workload; the other groups are positive.
    services.write_text(
        services.read_text(encoding="utf-8")
        + "".join(f"SV-X{n};PC;-;3;CHARGE;charge;Trop lourd;\n" for n in range(12)),
        encoding="utf-8",
    )
    build(folder, "creativite")
    scores = Results(load(folder), cache=None).scores
    assert scores.scenario("PC").blocking == ("services",)
    deck = Presentation(str(folder / "ateliers" / "creativite" / "diaporama-creativite.pptx"))
    panel = next(s for s in deck.slides if title_of(s) == "Panel citoyen tiré au sort")
    assert "Le défi\u00a0: comment lever la réserve des services\u202f?" in texts(panel)
    assert "Verdict de l’analyse\u00a0: Non viable — services sous le seuil" in texts(panel)


# ---------------------------------------------------------------- a scenario's picture


def test_a_scenario_picture_is_on_its_slide_with_its_alternative_text(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    Image.new("RGB", (400, 200), "orange").save(folder / "bp.png")
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: BP\n    title: Budget participatif\n"
    assert anchor in text
    text = text.replace(
        anchor,
        anchor
        + "    picture: bp.png\n    picture_alt: Un banc construit par le budget participatif\n",
    )
    path.write_text(text, encoding="utf-8")
    build(folder, "AT-ELUS")
    deck = Presentation(str(folder / "ateliers" / "AT-ELUS" / "diaporama-AT-ELUS.pptx"))
    slide = next(s for s in deck.slides if title_of(s) == "Budget participatif")
    pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    assert (
        pictures[0]._element.nvPicPr.cNvPr.get("descr")
        == "Un banc construit par le budget participatif"
    )
    # Its proportions are kept (2:1), inside the layout's picture box.
    assert abs(pictures[0].width / pictures[0].height - 2) < 0.01


def test_a_missing_scenario_picture_is_located_in_the_engagement(
    tmp_path: Path,
) -> None:
    from dialogue_cli.common.errors import LocatedError

    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    path = folder / "engagement.yaml"
    anchor = "  - id: BP\n    title: Budget participatif\n"
    path.write_text(
        path.read_text(encoding="utf-8").replace(anchor, anchor + "    picture: absent.png\n"),
        encoding="utf-8",
    )
    with pytest.raises(LocatedError) as caught:
        load(folder)
    assert "scenarios[0].picture: picture not found" in str(caught.value)


# ---------------------------------------------------------------- capture sheets and feedback file


def test_the_capture_sheets_carry_every_code_of_the_pre_filled_file(ormessac: Path) -> None:
    folder = ormessac / "ateliers" / "AT-ELUS"
    rows = list(
        csv.reader(
            io.StringIO((folder / "retours-AT-ELUS.csv").read_text(encoding="utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0] == ["id", "atelier", "scenario", "polarite", "intensite", "criteres", "theme",
                       "verbatim", "auteur", "publier"]  # fmt: skip
    codes = [row[0] for row in rows[1:]]
    assert len(codes) == 5 * 12  # five scenarios, twelve lines each
    assert codes[:2] == ["AT-ELUS-BP-01", "AT-ELUS-BP-02"] and codes[-1] == "AT-ELUS-TR-12"
    assert all(row[1] == "AT-ELUS" and not any(row[3:]) for row in rows[1:])
    document = Document(str(folder / "fiches-saisie-AT-ELUS.docx"))
    printed = [
        row.cells[0].text
        for table in document.tables
        for row in table.rows
        if row.cells[0].text.startswith("AT-ELUS-")
    ]
    assert printed == codes  # every code, in the order of the file
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Code", "+", "−", "?", "idée", "1", "2", "3", "MANDAT", "CHARGE",
                      "UTILITE", "RETOUR", "INCLUSION", "COUT", "Ce qui a été dit"]  # fmt: skip
    # The table fills the landscape page: its columns add up to 26.7 cm.
    from docx.oxml.ns import qn

    grid = document.tables[0]._tbl.find(qn("w:tblGrid"))
    total = sum(int(c.get(qn("w:w"))) for c in grid)
    assert abs(total - round(26.7 * 567)) <= len(grid)


def test_the_creativity_sheets_carry_each_option_with_its_codes(ormessac: Path) -> None:
    text = docx_text(ormessac / "ateliers" / "creativite" / "fiches-saisie-creativite.docx")
    for option in ("PC", "BP", "CQ", "PN"):
        for line in range(1, 9):
            assert f"creativite-{option}-{line:02d}" in text
    assert "Le défi\u00a0: comment lever la réserve des citoyens\u202f?" in text


# ---------------------------------------------------------------- attendance sheet


def personal_data(folder: Path) -> list[str]:
    """Every name, e-mail and phone the engagement and its feedback hold about people."""
    project = load(folder)
    e = project.engagement
    found = [e.client.contact.name, e.client.contact.email, e.client.contact.phone]
    for stakeholder in e.stakeholders:
        if stakeholder.contact is not None:
            found += [stakeholder.contact.email, stakeholder.contact.phone]
    found += [item.author for item in project.feedback()]
    return [value for value in found if value]


def test_the_attendance_sheet_has_the_notice_and_no_personal_data(ormessac: Path) -> None:
    path = ormessac / "ateliers" / "AT-CITOYENS" / "emargement-AT-CITOYENS.docx"
    text = docx_text(path)
    for label in ("Responsable du traitement", "Délégué à la protection des données", "Finalités",
                  "Base légale", "Destinataires", "Durée de conservation", "Vos droits",
                  "Réclamation"):  # fmt: skip
        assert label in text
    # the example's privacy section, item by item
    assert "Ville d’Ormessac, représentée par son maire, Hôtel de ville" in text
    assert "participation@ormessac.example" in text
    assert "mutualisé du Val d’Orme, Hôtel communautaire, 4 quai des Tanneurs" in text
    assert "Marchal Concertation, prestataire qui anime et analyse la démarche" in text
    assert "article 6, paragraphe 1, point e du RGPD" in text
    assert "détruites au plus tard le 31 décembre 2027" in text
    assert "À compléter" not in text
    for value in personal_data(ormessac):
        assert value not in text, value
    # 23 participants: 23 + 6 spare lines, then the last of three pages filled (36 numbered rows).
    document = Document(str(path))
    numbers = [
        row.cells[0].text
        for table in document.tables
        for row in table.rows[1:]
        if row.cells[0].text.isdigit()
    ]
    assert numbers == [str(n) for n in range(1, 37)]
    assert all(
        not cell.text
        for table in document.tables
        if table.rows[0].cells[0].text == "N°"
        for row in table.rows[1:]
        for cell in row.cells[1:]
    )


def test_the_notice_says_what_the_privacy_section_says(tmp_path: Path) -> None:
    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    privacy = """
privacy:
  controller: {email: rgpd@ormessac.example}
  dpo: {name: Délégué mutualisé du Val d'Orme, email: dpo@valdorme.example}
  purposes: [Attester la tenue des ateliers, Inviter les participants à la restitution]
  data: [Nom et prénom, Structure ou qualité, Signature]
  retention: 1 an après la fin de la démarche
"""
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nprivacy:\n")  # the example's own section, replaced by this one
    end = re.search(r"\n[a-z_]+:", text[start + 2 :])
    assert end is not None
    text = text[:start] + text[start + 2 + end.start() :]
    path.write_text(text + privacy, encoding="utf-8")
    build(folder, "AT-ELUS")
    text = docx_text(folder / "ateliers" / "AT-ELUS" / "emargement-AT-ELUS.docx")
    controller = text.split("Responsable du traitement", 1)[1].split("\n", 2)[1]
    assert controller.startswith("Ville d’Ormessac, ") and "rgpd@ormessac.example" in controller
    assert "Délégué mutualisé du Val d’Orme, dpo@valdorme.example" in text
    assert "Attester la tenue des ateliers\u202f; Inviter les participants à la restitution" in text
    assert "1 an après la fin de la démarche" in text
    assert "écrivez au délégué à la protection des données\xa0: Délégué mutualisé" in text
    assert "À compléter" not in text


def test_the_attendance_sheet_says_what_the_cahier_des_charges_says(
    ormessac: Path, tmp_path: Path
) -> None:
    """One notice for the engagement: every part the cahier des charges gives (the consultant
    named as processor in both) reads the same on the attendance sheet, under its formal label."""
    sheet = docx_text(ormessac / "ateliers" / "AT-CITOYENS" / "emargement-AT-CITOYENS.docx")
    folder = tmp_path / "ormessac"
    shutil.copytree(ormessac, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    result = CliRunner().invoke(app, ["render", str(folder), "--only", "cahier-des-charges"])
    assert result.exit_code == 0, result.output
    cahier = Document(str(folder / "livrables" / "cahier-des-charges.docx"))
    labels = ("Qui est responsable : ", "Délégué à la protection des données : ", "Pourquoi : ",
              "Ce qui est recueilli : ", "Qui les reçoit : ", "Combien de temps : ")  # fmt: skip
    spaces = str.maketrans({"\u202f": " ", "\xa0": " "})
    sheet = sheet.translate(spaces)
    found = 0
    for paragraph in cahier.paragraphs:
        text = paragraph.text.translate(spaces)
        for label in labels:
            if text.startswith(label):
                found += 1
                assert text.removeprefix(label) in sheet, label
    assert found == len(labels)


# ---------------------------------------------------------------- run sheet


def test_the_run_sheet_times_every_sequence_from_the_start_and_duration(tmp_path: Path) -> None:
    folder = tmp_path / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables", "ateliers"))
    path = folder / "engagement.yaml"
    assert "    time: 18:30\n    duration: 150\n" in path.read_text(encoding="utf-8")  # AT-ELUS
    build(folder, "AT-ELUS")
    text = docx_text(folder / "ateliers" / "AT-ELUS" / "deroule-AT-ELUS.docx")
    # 150 minutes: a break; 150 - 60 = 90 for four scenarios: 20 each, 10 to the synthesis.
    assert "18\u00a0h\u00a030\u00a0–\u00a018\u00a0h\u00a040" in text  # welcome
    assert "18\u00a0h\u00a055\u00a0–\u00a019\u00a0h\u00a015" in text  # the first scenario
    assert "mardi 2 février 2027 · 18\u00a0h\u00a030\u00a0–\u00a021\u00a0h" in text
    assert "Pause" in text
    assert "Hélène Marchal" in text  # the facilitator
    assert "Claire Fontaine, adjointe à la démocratie locale" in text  # the opening words
    assert "Post-it de quatre couleurs" in text and "2 bloc(s) de chaque couleur" in text
    assert "retours-AT-ELUS.csv" in text
    assert "Diapositive 6" in text  # the first scenario's slide


# ---------------------------------------------------------------- documented contexts


@pytest.mark.parametrize("source", [EXAMPLE, FINISHED], ids=["ormessac", "val-d-orme"])
def test_the_contexts_have_the_documented_shape(source: Path, tmp_path: Path) -> None:
    from dialogue_cli.render.schema import shape_problems
    from dialogue_cli.render.workshop.catalog import ATTENDANCE, CAPTURE, RUN, SOLUTIONS
    from dialogue_cli.render.workshop.codes import capture_codes
    from dialogue_cli.render.workshop.info import build_info
    from dialogue_cli.render.workshop.schema import KIT_CONTEXTS
    from dialogue_cli.render.workshop.sheets import (
        attendance_context,
        capture_context,
        runsheet_context,
        solutions_context,
    )
    from dialogue_cli.render.workshop.slides import build_deck

    project = load(source)
    results = Results(project, cache=None)
    for session in select(project.engagement, []):
        info = build_info(session, results, F)
        ids = [i.id for i in info.items]
        codes = capture_codes(info.code, ids, 12)
        deck = build_deck(info, results, F)
        contexts = {
            "atelier-emargement": attendance_context(ATTENDANCE, info, results, F),
            "atelier-deroule": runsheet_context(
                RUN, info, deck, results, F, {"deck": "d", "feedback": "f"}, 12
            ),
        }
        if session.kind == "workshop":
            contexts["atelier-fiches-saisie"] = capture_context(
                CAPTURE, info, results, F, codes, "f"
            )
        else:
            contexts["atelier-fiches-solutions"] = solutions_context(
                SOLUTIONS, info, results, F, codes
            )
        for name, context in contexts.items():
            assert shape_problems(context, KIT_CONTEXTS[name]) == [], (session.code, name)


def test_the_command_default_for_lines_is_the_kits() -> None:
    from dialogue_cli.commands.workshop import LINES_DEFAULT
    from dialogue_cli.render.workshop.codes import DEFAULT_LINES

    assert LINES_DEFAULT == DEFAULT_LINES


# ---------------------------------------------------------------- accessible, in the shipped font


def test_every_sheet_is_accessible_and_set_in_the_shipped_font(ormessac: Path) -> None:
    """RGAA as for the deliverables: alt text, headings in order, heading rows marked; Carlito."""
    from dialogue_cli.common.fonts import FAMILY
    from dialogue_cli.render.accessibility import problems, unmarked_heading_rows
    from dialogue_cli.render.fonts import named_fonts

    sheets = sorted((ormessac / "ateliers").glob("*/*.docx"))
    assert len(sheets) == 3 * 3 + 3  # three sheets for each workshop and the creativity session
    for path in sheets:
        data = path.read_bytes()
        assert problems(data) == [], path.name
        assert unmarked_heading_rows(data) == 0
        assert named_fonts(data) == {FAMILY}, path.name


def test_every_deck_names_only_the_shipped_font_and_marks_its_language(ormessac: Path) -> None:
    import re
    import zipfile

    from dialogue_cli.common.fonts import FAMILY
    from dialogue_cli.render.fonts import deck_fonts

    for path in sorted((ormessac / "ateliers").glob("*/*.pptx")):
        with zipfile.ZipFile(path) as archive:
            themes = [archive.read(n).decode() for n in archive.namelist() if "/theme/" in n]
            master = archive.read("ppt/slideMasters/slideMaster1.xml").decode()
        assert len(themes) == 2  # the slides' and the notes pages'
        for theme in themes:
            assert re.findall(r'<a:latin typeface="([^"]*)"', theme) == [FAMILY, FAMILY]
        assert "Arial" not in master and 'lang="fr-FR"' in master
        assert deck_fonts(path.read_bytes()) == {FAMILY}


def test_a_deck_template_in_calibri_is_named_by_its_fonts() -> None:
    """What --pdf checks with fc-match before converting a consultant's own deck."""
    import io

    from pptx import Presentation

    from dialogue_cli.render.fonts import deck_fonts

    buffer = io.BytesIO()
    Presentation().save(buffer)  # python-pptx's own template: Calibri
    assert deck_fonts(buffer.getvalue()) == {"Calibri"}
    assert deck_fonts(b"not a zip") == set()


def test_the_kit_speaks_french_typography_and_no_field_names(ormessac: Path) -> None:
    """’ and « » in what the participants and the facilitator read; no YAML key in English."""
    from pptx import Presentation

    deck = Presentation(str(ormessac / "ateliers" / "AT-ELUS" / "diaporama-AT-ELUS.pptx"))
    slides = "\n".join(t for slide in deck.slides for t in texts(slide))
    run = docx_text(ormessac / "ateliers" / "AT-ELUS" / "deroule-AT-ELUS.docx")
    for text in (slides, run):
        assert "'" not in text and "(time)" not in text and "(duration)" not in text
        assert "qu’est-ce qui vous semble positif" in text.lower()
    assert "«\u00a0Budget participatif\u00a0»" in run
