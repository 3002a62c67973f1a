"""The documents a collectivité publishes and circulates as they are (issue 13).

Each document is opened and its new parts asserted: the contact block and the RGPD notice of the
communication externe (docx, web page, press release, easy-to-read draft), the memo's header and
FAQ, the synthèse's executive summary and legend, the cahier des charges' table of contents.
Then the rules that must never break: no consultant in the collectivité's documents unless
asked, no closed session offered to residents, and no author nor unpublishable text in a public
document, whatever the feedback (hypothesis).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.contexts import build_context
from dialogue_cli.render.results import Results
from tests.conftest import EXAMPLE, FINISHED

PUBLIC_DOCX = ("communication-externe.docx", "communique-de-presse.docx", "facile-a-lire.docx")
WEB = ("communication-externe.html", "communication-externe.md")


def docx_text(path: Path) -> str:
    """Every text of a .docx (body with its tables, headers, footers), tags removed."""
    with zipfile.ZipFile(path) as package:
        xml = " ".join(
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)
        )
    return "\n".join(
        "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in xml.split("</w:p>")
    )


def render(source: Path, folder: Path, *args: str) -> Path:
    project = folder / source.name
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("livrables"))
    result = CliRunner().invoke(
        app,
        ["render", str(project), "--format", "docx,html,md", *args],
        env={"DIALOGUE_CACHE": str(folder / "cache")},
    )
    assert result.exit_code == 0, result.output
    return project / "livrables"


@pytest.fixture(scope="module")
def ormessac(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(EXAMPLE, tmp_path_factory.mktemp("public"))


@pytest.fixture(scope="module")
def val_d_orme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(FINISHED, tmp_path_factory.mktemp("public"))


# ---------------------------------------------------------------- the communication externe


def test_the_collectivite_gives_its_contact_and_its_meetings(ormessac: Path) -> None:
    for name in ("communication-externe.docx", *WEB):
        path = ormessac / name
        text = docx_text(path) if name.endswith(".docx") else path.read_text(encoding="utf-8")
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
        for part in (
            "Nous contacter",
            "1 place de la République, 49000 Ormessac",
            "participation@ormessac.example",
            "www.ormessac.example/a-vous-la-parole",
            "du lundi au vendredi de 8 h 30 à 12 h",
            "Stand « À vous la parole » au marché des Tilleuls",
            "samedi 27 février 2027, de 9 h à 12 h",
            "Bus ligne 2, arrêt Tilleuls",
            "Les mots de la démarche",  # the glossary
            "Tirage au sort",
        ):
            assert part in text, (name, part)


def test_the_privacy_notice_names_every_item_of_article_13(ormessac: Path) -> None:
    for name in ("communication-externe.docx", "cahier-des-charges.docx", *WEB):
        path = ormessac / name
        text = docx_text(path) if name.endswith(".docx") else path.read_text(encoding="utf-8")
        for part in (
            "Ville d’Ormessac, représentée par son maire",  # the controller
            "dpo@valdorme.example",  # the DPO
            "organiser les ateliers et les rendez-vous",  # the purposes
            "article 6, paragraphe 1, point e du RGPD",  # the legal basis
            "sous-traitant",  # the consultant as processor
            "31 décembre 2027",  # the retention
            "rectifier",  # the rights
            "CNIL",
        ):
            assert part in text, (name, part)


def test_check_warns_when_the_privacy_section_is_missing(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nprivacy:\n")
    end = re.search(r"\n[a-z_]+:", text[start + 2 :])
    assert end is not None
    path.write_text(text[:start] + text[start + 2 + end.start() :], encoding="utf-8")
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 0, result.output
    assert "privacy" in result.output.lower()


def test_no_consultant_in_the_collectivites_documents_unless_asked(
    ormessac: Path, tmp_path: Path
) -> None:
    for name in (*PUBLIC_DOCX, *WEB, "communication-interne.docx"):
        path = ormessac / name
        text = docx_text(path) if name.endswith(".docx") else path.read_text(encoding="utf-8")
        for consultant in ("Marchal", "ORM-2027-01", "Document préparé par"):
            assert consultant not in text, (name, consultant)
    # communication.credit: one discreet line, at the end
    source = tmp_path / "src" / "ormessac"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("livrables"))
    path = source / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("communication:\n", "communication:\n  credit: true\n"), "utf-8")
    out = render(source, tmp_path / "credited")
    lines = docx_text(out / "communication-externe.docx").splitlines()
    named = [line for line in lines if "Marchal Concertation" in line]
    credit = [line for line in named if not line.startswith("Qui les reçoit")]  # the processor
    assert credit == ["Démarche accompagnée par Marchal Concertation."]
    assert lines.index(credit[0]) > len(lines) // 2


def test_closed_sessions_are_never_offered_to_residents(ormessac: Path, val_d_orme: Path) -> None:
    for out in (ormessac, val_d_orme):
        html = (out / "communication-externe.html").read_text(encoding="utf-8")
        meetings = html[html.index('id="rendez-vous"') :]
        meetings = meetings[: meetings.index("</section>")]
        for closed in ("Réunion de travail", "Atelier des élus", "Atelier des services"):
            assert closed not in meetings, closed
        assert "Quand" in meetings
        paragraphs = [p.text for p in Document(str(out / "communication-externe.docx")).paragraphs]
        steps = [t for t in paragraphs if t.startswith("Réunion de travail")]
        assert steps and all("non ouverte au public" in t for t in steps)


def test_the_press_release_has_its_chapo_date_and_press_contact(ormessac: Path) -> None:
    text = docx_text(ormessac / "communique-de-presse.docx")
    assert "Communiqué de presse" in text
    assert "Ormessac, le 11 février 2027" in text or "11 février 2027" in text
    assert "Laure Besnard" in text and "presse@ormessac.example" in text
    assert "Nous ne voulons pas d’une concertation de façade" in text


def test_the_easy_read_draft_says_so_and_carries_no_logo(ormessac: Path, tmp_path: Path) -> None:
    path = ormessac / "facile-a-lire.docx"
    assert "Brouillon à faire vérifier" in docx_text(path)
    assert not Document(str(path)).inline_shapes
    # validated: the draft mention goes and the logo comes
    import io

    from PIL import Image

    source = tmp_path / "src" / "ormessac"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("livrables"))
    buffer = io.BytesIO()
    Image.new("RGB", (120, 120), "#1F4E79").save(buffer, format="PNG")
    (source / "falc.png").write_bytes(buffer.getvalue())
    engagement = source / "engagement.yaml"
    text = engagement.read_text(encoding="utf-8").replace(
        '  falc_validated_by: ""',
        "  falc_validated_by: Atelier FALC de l'ESAT des Coteaux, le 2 mars 2027\n"
        "  falc_logo: falc.png",
    )
    engagement.write_text(text, encoding="utf-8")
    out = render(source, tmp_path / "validated")
    validated = out / "facile-a-lire.docx"
    assert "Brouillon" not in docx_text(validated)
    assert "ESAT des Coteaux" in docx_text(validated)
    assert len(Document(str(validated)).inline_shapes) == 1


# ---------------------------------------------------------------- the web page


def test_the_web_page_is_valid_accessible_html(ormessac: Path, val_d_orme: Path) -> None:
    import html5lib

    for out in (ormessac, val_d_orme):
        source = (out / "communication-externe.html").read_text(encoding="utf-8")
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        fragment = parser.parseFragment(source)  # raises on any parse error
        assert parser.errors == []
        article = fragment.find("article")
        assert article is not None and article.get("lang") == "fr"
        levels = [int(el.tag[1]) for el in article.iter() if re.fullmatch(r"h[1-6]", el.tag)]
        assert levels[0] == 2  # the site's page holds the h1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
        assert all(img.get("alt") for img in article.iter("img"))
        for section in article.iter("section"):
            label = section.get("aria-labelledby")
            assert label and any(el.get("id") == label for el in section.iter())
        ids = [el.get("id") for el in article.iter() if el.get("id")]
        assert len(ids) == len(set(ids))


def test_the_markdown_page_has_one_title_and_skips_no_level(ormessac: Path) -> None:
    text = (ormessac / "communication-externe.md").read_text(encoding="utf-8")
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", text, re.M)]
    assert levels[0] == 1 and levels.count(1) == 1  # a page of its own: one title
    assert levels[1] == 2
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert "{{" not in text and "<script" not in text


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_the_web_page_opens_in_a_headless_browser(ormessac: Path, tmp_path: Path) -> None:
    fragment = (ormessac / "communication-externe.html").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Ormessac</title>'
        f"</head><body><h1>Ormessac, à vous la parole</h1>{fragment}</body></html>",
        encoding="utf-8",
    )
    shot = tmp_path / "page.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
         "--window-size=1200,2000", str(page)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 20_000


# ---------------------------------------------------------------- the internal documents


def test_the_memo_has_its_header_signatory_and_answered_faq(ormessac: Path) -> None:
    document = Document(str(ormessac / "communication-interne.docx"))
    header = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert list(header) == ["De", "À", "Objet", "Date"]
    assert header["De"] == "Marie Lenoir, Directrice générale des services"
    assert header["Date"] == "11 février 2027"
    text = docx_text(ormessac / "communication-interne.docx")
    assert "Les messages clés" in text
    assert "participation@ormessac.example" in text  # the mission's contact
    assert "Le calendrier des agents" in text
    assert "Rien n’est engagé sur le budget 2027." in text  # an answer
    assert "réponse à valider" not in text  # every question in scope is answered


def test_an_unanswered_question_reads_reponse_a_valider_and_check_counts_it(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    answer = text.index("      answer: >-\n        Oui : deux sessions")
    end = text.index("dates aux directions.\n") + len("dates aux directions.\n")
    path.write_text(text[:answer] + text[end:], encoding="utf-8")
    result = runner.invoke(app, ["render", str(example), "--only", "communication-interne"])
    assert result.exit_code == 0, result.output
    memo = docx_text(example / "livrables" / "communication-interne.docx")
    question = memo.index("Les agents seront-ils formés")
    assert "réponse à valider" in memo[question:].lower()
    check = runner.invoke(app, ["check", str(example)])
    assert re.search(r"1 (FAQ )?question", check.output), check.output


def test_the_synthese_opens_with_its_summary_and_explains_its_columns(ormessac: Path) -> None:
    document = Document(str(ormessac / "synthese-ateliers.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "L’essentiel"
    for part in ("Le recrutement", "Le codage des contributions", "Les limites",
                 "5. Des conclusions aux solutions retenues"):  # fmt: skip
        assert part in headings
    text = docx_text(ormessac / "synthese-ateliers.docx")
    assert (
        "Part.\u00a0: participants\u202f; +\u00a0: avis positifs\u202f; –\u00a0: avis négatifs"
        in text
    )
    assert "Âge\u00a0: 18–29 ans 4" in text  # the participants' profile


def test_the_cahier_des_charges_is_complete(ormessac: Path) -> None:
    path = ormessac / "cahier-des-charges.docx"
    headings = [p.text for p in Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    text = docx_text(path)
    contents = text[text.index("Sommaire") :].splitlines()[1 : len(headings)]
    assert contents == headings[1:]  # the table of contents lists every part, in order
    for part in ("Sommaire", "7. Règles du jeu et engagements de la collectivité",
                 "8. Données personnelles", "9. Moyens et budget du dispositif",
                 "12. Évaluation", "14. Livrables attendus"):  # fmt: skip
        assert part in headings
    assert "Version 0.2 du 11 février 2027" in text
    tables = {t.rows[0].cells[0].text: t for t in Document(str(path)).tables}
    assert tables["Version"].rows[0].cells[1].text == "Version 0.2 du 11 février 2027"
    assert [c.text for c in tables["Pour"].rows[0].cells] == [
        "Pour", "Indicateur", "Situation de départ", "Cible", "Source"]  # fmt: skip
    assert [c.text for c in tables["Moyen"].rows[0].cells][2] == "Montant"  # the scheme's budget
    for table in (tables["Pour"], tables["Moyen"], tables["Livrable"]):
        assert len(table.rows) > 1
        assert all(cell.text.strip() for row in table.rows for cell in row.cells)  # never blank


# ---------------------------------------------------------------- verbatims: consent, never authors

TEXTS = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" '-"),
    min_size=12,
    max_size=60,
).map(lambda t: "Z" + t.strip() + "Q")  # never empty, never a word of the documents
NAMES = st.text(alphabet="ABCDEFGHJKMNPQRSTUVWXYZ", min_size=8, max_size=12).map(
    lambda t: "Auteur" + t
)
ITEMS = st.lists(
    st.tuples(
        st.sampled_from(["BP", "CQ", "PN", "PC"]),
        st.sampled_from(["+", "-", "?", "idee"]),
        st.integers(1, 3),
        TEXTS,
        NAMES,
        st.booleans(),
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda row: row[3],
)


def _public_texts(results: Results) -> str:
    from dialogue_cli.render.html_page import page as html_page
    from dialogue_cli.render.markdown_page import page as md_page

    external = build_context("communication-externe", results)
    parts = [repr(external), html_page(external), md_page(external)]
    parts += [repr(build_context(n, results)) for n in ("communique-de-presse", "facile-a-lire")]
    return "\n".join(parts)


def _write_feedback(folder: Path, rows: list[tuple[str, str, int, str, str, bool]]) -> None:
    with (folder / "feedback" / "citoyens.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["id", "scenario", "polarite", "intensite", "theme", "critere",
                         "verbatim", "auteur", "publier"])  # fmt: skip
        for n, (scenario, polarity, intensity, text, author, publish) in enumerate(rows):
            crit = "RETOUR" if polarity in "+-" else ""
            writer.writerow([f"CI-{n:03d}", scenario, polarity, intensity, "suivi", crit, text,
                             author, "oui" if publish else "non"])  # fmt: skip


@pytest.fixture(scope="module")
def consent_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("consent") / "ormessac"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables"))
    yield folder


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ITEMS)
def test_no_author_and_no_unpublishable_text_ever_reaches_a_public_document(
    consent_project: Path, rows: list[tuple[str, str, int, str, str, bool]]
) -> None:
    _write_feedback(consent_project, rows)
    results = Results(load(consent_project), today=dt.date(2027, 2, 11))
    public = _public_texts(results)
    for _scenario, _polarity, _intensity, text, author, publish in rows:
        assert author not in public
        if not publish:
            assert text not in public
    # the internal synthèse may quote every item, the authors never
    internal = repr(build_context("synthese-ateliers", results))
    assert not [author for *_, author, _ in rows if author in internal]


def test_the_rendered_public_files_quote_only_consenting_citizens(
    runner: CliRunner, example: Path
) -> None:
    import random

    rng = random.Random(13)
    rows = [
        (rng.choice(["BP", "CQ", "PN", "PC"]), rng.choice(["+", "-"]), 3,
         f"Zverbatim{n:03d} {'accord' if n % 2 else 'refus'} Q", f"AuteurSecret{n:03d}", n % 2 == 1)
        for n in range(40)
    ]  # fmt: skip
    _write_feedback(example, rows)
    result = runner.invoke(app, ["render", str(example), "--format", "docx,html,md"])
    assert result.exit_code == 0, result.output
    out = example / "livrables"
    public = "\n".join(
        docx_text(out / name) if name.endswith(".docx") else (out / name).read_text("utf-8")
        for name in (*PUBLIC_DOCX, *WEB)
    )
    quoted = re.findall(r"Zverbatim\d{3} (\w+) Q", public)
    assert quoted and set(quoted) == {"accord"}
    assert "AuteurSecret" not in public
    assert "AuteurSecret" not in docx_text(out / "synthese-ateliers.docx")
    check = runner.invoke(app, ["check", str(example)])
    assert re.search(r"Public documents: \d+ verbatims? quoted, from the 20 items", check.output)
