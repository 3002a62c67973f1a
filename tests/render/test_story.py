"""One story across the six deliverables, told from where the engagement stands (issue 12).

Both examples are rendered: Ormessac during its analysis, the Val d'Orme at its end. Each fact
that several documents state (retained solutions and their options' verdicts, participation
figures, the date of every session, the quote's totals and days, the version line) is read back
from the .docx files and compared with the computed results and with the other documents.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.common.formatting import date, money, number
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.catalog import DELIVERABLES
from dialogue_cli.render.results import Results
from dialogue_cli.render.values import Fmt
from tests.conftest import EXAMPLE, FINISHED

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain(text: str) -> str:
    """French spacing folded to ordinary spaces, so that expected strings stay readable."""
    return text.translate(SPACES)


def docx_text(path: Path) -> str:
    document = Document(str(path))
    chunks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            chunks.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:  # the devis has no cover: its number and date are a header
        chunks += [p.text for p in section.header.paragraphs]
    return plain("\n".join(chunks))


def rows(path: Path, heading: str) -> list[list[str]]:
    """The body rows of the first table whose first heading cell is ``heading``."""
    for table in Document(str(path)).tables:
        cells = [[plain(cell.text) for cell in row.cells] for row in table.rows]
        if cells and cells[0][0] == heading:
            return cells[1:]
    raise AssertionError(f"no table headed {heading!r} in {path.name}")


@dataclass
class Story:
    folder: Path
    results: Results
    texts: dict[str, str]

    def path(self, name: str) -> Path:
        return self.folder / "livrables" / f"{name}.docx"


def render(source: Path, target: Path, *args: str) -> Path:
    folder = target / source.name
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("livrables"))
    env = {"DIALOGUE_CACHE": str(target / "cache")}
    result = CliRunner().invoke(app, ["render", str(folder), *args], env=env)
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module", params=[EXAMPLE, FINISHED], ids=["ormessac", "val-d-orme"])
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Story:
    folder = render(request.param, tmp_path_factory.mktemp("story"))
    results = Results(load(folder))
    texts = {d.name: docx_text(folder / "livrables" / d.filename) for d in DELIVERABLES}
    return Story(folder, results, texts)


def test_every_cover_carries_the_same_document_date_and_version(story: Story) -> None:
    e = story.results.engagement.engagement
    line = f"Version {e.version} du {date(e.document_date)}"
    for name, text in story.texts.items():
        if name != "devis":
            assert line in text, name
    quote = story.results.quote  # the devis carries its own date, not the documents' version
    assert f"Devis n° {quote.number} du {date(quote.date)}" in story.texts["devis"]
    assert "Version" not in story.texts["devis"]
    validation = f"Validation : {e.validated_by}" if e.validated_by else "Document de travail"
    for name, text in story.texts.items():
        assert validation in text or name == "devis", name


def test_retained_solutions_and_their_options_verdicts_agree(story: Story) -> None:
    results = story.results
    f = Fmt("fr")
    decided = results.timeline.done("creativite")
    retained = results.decisions.retained if decided else ()
    others = [s for s in results.decisions.solutions if s not in retained]
    count = len(results.scores.options)
    ranking = {
        row[1]: row[-1] for row in rows(story.path("synthese-ateliers"), "Rang")
    }  # option title -> verdict, as the ranking table prints it
    for solution in retained:
        for name in ("cahier-des-charges", "communication-interne", "communication-externe",
                     "synthese-ateliers"):  # fmt: skip
            assert solution.title in story.texts[name], (solution.id, name)
        for option in solution.options:
            verdict = ranking[option.title]
            said = plain(f"{f.quoted(option.title)} (rang {option.rank} sur {count}) : ")
            said += verdict[:1].lower() + verdict[1:]
            for name in ("cahier-des-charges", "communication-interne", "synthese-ateliers"):
                assert said in story.texts[name], (solution.id, name, said)
            if not option.viable:  # residents read the same blocking groups, in plain words
                groups = plain(f.join(f.words["to_groups"][g] for g in ("elus", "citoyens", "services")
                                      if g in option.blocking))  # fmt: skip
                assert f"ne convenait pas {groups}" in story.texts["communication-externe"]
    for solution in others:  # not retained, or not decided yet: no document names it
        for name, text in story.texts.items():
            assert solution.title not in text, (solution.id, name)
    if not decided:  # what is not decided is announced, never told as done
        for name in ("cahier-des-charges", "communication-interne", "synthese-ateliers"):
            assert (
                "À compléter : le dispositif retenu sortira de la séance de créativité"
                in (story.texts[name])
            )
        assert "Vous avez dit, nous avons fait" not in story.texts["communication-externe"]
    else:
        assert "Vous avez dit, nous avons fait" in story.texts["communication-externe"]


def test_both_ranking_tables_say_the_same(story: Story) -> None:
    report = rows(story.path("synthese-ateliers"), "Rang")
    kit = rows(story.path("kit-roi-citoyen"), "Rang")
    assert report == kit
    expected = [(str(s.rank), Fmt("fr").t(s.title)) for s in story.results.scores.options]
    assert [(row[0], row[1]) for row in report] == expected
    brief = story.texts["synthese-ateliers"]
    for row in report:  # and the executive summary lists the same verdicts
        assert f"{row[0]}. {row[1]} : {row[-1]} (score {row[2]})" in brief


def test_participation_figures_agree(story: Story) -> None:
    figures = story.results.participation
    participants, contributions = number(figures.participants), number(figures.contributions)
    assert f"{participants} participants et {contributions} contributions" in plain(
        story.texts["synthese-ateliers"]
    )
    assert (
        f"ont réuni {participants} participants et recueilli {contributions} contributions"
        in (story.texts["communication-externe"])
    )
    table = rows(story.path("synthese-ateliers"), "Atelier")
    assert sum(int(row[3]) for row in table) == figures.participants
    for event in story.results.timeline.workshops:  # each workshop's own figure, in the memo
        if event.held:
            assert f"{event.participants} participants" in story.texts["communication-interne"]


def test_every_session_has_one_date_in_every_document(story: Story) -> None:
    f = Fmt("fr")
    labels = {"elus": "Atelier des élus", "citoyens": "Atelier des citoyens",
              "services": "Atelier des services", None: "Séance de créativité"}  # fmt: skip
    expected = {labels[e.group]: e.date for e in story.results.timeline.events if e.date}
    assert len(expected) == 4
    specification = {
        row[0]: row[1] for row in rows(story.path("cahier-des-charges"), "Temps de travail")
    }
    assert specification == {label: plain(f.day(day)) for label, day in expected.items()}
    memo = story.texts["communication-interne"]
    for label, day in expected.items():
        assert re.search(rf"{label} : (s’est tenue?|aura lieu) le {plain(f.day(day))}\b", memo)
    report = {row[0]: row[1] for row in rows(story.path("synthese-ateliers"), "Atelier")}
    assert report == {k: plain(date(v)) for k, v in expected.items() if k != "Séance de créativité"}
    for event in story.results.timeline.upcoming:  # residents are told the meetings ahead
        assert f"aura lieu le {plain(f.day(event.date))}" in story.texts["communication-externe"]


def test_the_quote_s_totals_and_days_agree(story: Story) -> None:
    quote = story.results.quote
    devis = story.texts["devis"]
    for amount in (quote.total_ht, quote.total_ttc):
        assert plain(money(amount)) in devis
    assert f"Durée totale : {number(quote.days)} jours d’intervention" in devis
    package = story.results.engagement.pricing.package.days
    assert (
        f"conformément au forfait de {number(package)} jours" in story.texts["cahier-des-charges"]
    )
    assert f"{number(package)} jours d’intervention" in devis


# ---------------------------------------------------------------- the tense at the document date


def test_a_past_and_a_future_event_change_tense_with_the_document_date(tmp_path: Path) -> None:
    early = render(FINISHED, tmp_path / "early", "--date", "2026-10-05")
    memo = docx_text(early / "livrables" / "communication-interne.docx")
    # 5 October 2026: the élus met on 1 October, the citizens meet on 6 October.
    assert "Atelier des élus : s’est tenu le jeudi 1er octobre 2026, 12 participants" in memo
    assert "Atelier des citoyens : aura lieu le mardi 6 octobre 2026" in memo
    assert "Séance de créativité : aura lieu le mardi 17 novembre 2026" in memo
    external = docx_text(early / "livrables" / "communication-externe.docx")
    assert (
        "Atelier des citoyens : aura lieu le mardi 6 octobre 2026, Foyer rural de Saint-Lys."
        in external
    )
    assert "Vous avez dit, nous avons fait" not in external  # nothing retained on 5 October
    assert "Une plateforme mutualisée adossée aux mairies" not in external
    specification = docx_text(early / "livrables" / "cahier-des-charges.docx")
    assert "Version 1.0 du 5 octobre 2026" in specification
    assert "La mission se déroule du 7 septembre 2026" in specification
    phases = {
        row[0]: row[-1] for row in rows(early / "livrables" / "cahier-des-charges.docx", "Phase")
    }
    assert phases["Ateliers"] == "En cours" and phases["Analyse"] == "À venir"
    # 1 December 2026, the engagement's own date: both are past, the session too.
    late = render(FINISHED, tmp_path / "late")
    memo = docx_text(late / "livrables" / "communication-interne.docx")
    assert "Atelier des élus : s’est tenu le jeudi 1er octobre 2026, 12 participants" in memo
    assert "Atelier des citoyens : s’est tenu le mardi 6 octobre 2026, 27 participants" in memo
    assert "Séance de créativité : s’est tenue le mardi 17 novembre 2026, 21 participants" in memo
    specification = docx_text(late / "livrables" / "cahier-des-charges.docx")
    assert "La mission s’est déroulée du 7 septembre 2026 au 20 novembre 2026" in specification
    assert "Calendrier de la mission : phases" in specification


def test_the_analysis_under_way_is_provisional(story: Story) -> None:
    note = "Résultats provisoires : l’analyse est en cours au"
    under_way = story.results.timeline.state("analyse") == "ongoing"
    for name in ("synthese-ateliers", "kit-roi-citoyen"):
        assert (note in story.texts[name]) is under_way


# ---------------------------------------------------------------- vocabulary, evidence, kit


def test_the_memo_names_the_client_s_own_council(story: Story) -> None:
    council = {"commune": "au conseil municipal", "intercommunalite": "au conseil communautaire"}
    kind = story.results.engagement.client.kind
    memo = story.texts["communication-interne"]
    assert f"Ne jamais promettre une décision qui appartient {council[kind]}." in memo
    other = council["commune" if kind != "commune" else "intercommunalite"]
    assert f"appartient {other}" not in memo


def test_weak_scores_are_marked_in_words(story: Story) -> None:
    ranking = rows(story.path("synthese-ateliers"), "Rang")
    for row, scored in zip(ranking, story.results.scores.options, strict=True):
        for cell, k in zip(row[3:6], ("elus", "citoyens", "services"), strict=True):
            condition = scored.conditions[k]
            assert f"{condition.count} avis" in cell
            assert ("fragile" in cell) is scored.weak(condition)


def test_the_kit_s_worked_example_can_be_recomputed_from_its_items(story: Story) -> None:
    path = story.path("kit-roi-citoyen")
    table = rows(path, "Avis")
    items, total = table[:-1], table[-1]

    def signed(text: str) -> float:
        return float(text.replace("−", "-").replace("+", "").replace(",", ".").replace(" ", ""))

    numerator = sum(signed(row[5]) for row in items)
    denominator = sum(signed(row[6]) for row in items)
    assert (numerator, denominator) == (signed(total[5]), signed(total[6]))
    match = re.search(
        r"= ([+−]?\d+,\d{4}), arrondi à ([+−]?\d+,\d{2}) dans le classement",
        story.texts["kit-roi-citoyen"],
    )
    assert match, "the formula line"
    assert round(numerator / denominator, 4) == pytest.approx(signed(match.group(1)))
    # ...and that rounded figure is the one the ranking prints for that option and condition.
    example = story.results.worked_example
    assert example is not None
    ranking = {row[1]: row for row in rows(path, "Rang")}
    column = {"elus": 3, "citoyens": 4, "services": 5}[example.condition]
    assert ranking[example.scenario.title][column].startswith(match.group(2))
    # Every item printed is one of the feedback items behind that score.
    assert sorted(row[0] for row in items) == sorted(example.number.cell.items)


# ---------------------------------------------------------------- English, « 1er »


def test_an_english_engagement_is_entirely_in_english(tmp_path: Path) -> None:
    source = tmp_path / "source" / "val-d-orme"
    shutil.copytree(FINISHED, source)
    path = source / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8"
    )
    folder = render(source, tmp_path / "out")
    names = sorted(p.name for p in (folder / "livrables").glob("*.docx"))
    assert names == sorted(f"{n}.docx" for n in (
        "specification", "internal-communication", "external-communication",
        "citizen-roi-kit", "workshop-report", "quote"))  # fmt: skip
    kit = docx_text(folder / "livrables" / "citizen-roi-kit.docx")
    conditions = rows(folder / "livrables" / "citizen-roi-kit.docx", "Condition")
    assert "MANDAT" not in " ".join(row[2] for row in conditions)  # labels, not codes
    assert "Version 1.0, 1 December 2026" in kit and "1er" not in kit
    external = docx_text(folder / "livrables" / "external-communication.docx")
    assert "The Communauté d’agglomération du Val d’Orme has run a citizen dialogue" in external
    memo = docx_text(folder / "livrables" / "internal-communication.docx")
    assert "Never promise a decision that belongs to the community council." in memo
    # Our own words are English; only the engagement's data (titles, verbatims) is French.
    for french in ("Répond à", "avis notés", "s'est tenu", "Ne jamais", "Retenue"):
        assert french not in memo, french


def test_the_first_of_the_month_is_1er_in_documents_quote_and_terminal(tmp_path: Path) -> None:
    finished = render(FINISHED, tmp_path)
    assert "Version 1.0 du 1er décembre 2026" in docx_text(
        finished / "livrables" / "kit-roi-citoyen.docx"
    )
    report = rows(finished / "livrables" / "synthese-ateliers.docx", "Atelier")
    assert report[0][1] == "1er octobre 2026"
    path = finished / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2026-08-24", "date: 2026-09-01"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["render", str(finished), "--only", "devis", "--force"],
                                env={"DIALOGUE_CACHE": str(tmp_path / "cache")})  # fmt: skip
    assert result.exit_code == 0, result.output
    devis = docx_text(finished / "livrables" / "devis.docx")
    assert "Établi le 1er septembre 2026" in devis and "du 1er septembre 2026" in devis
    terminal = CliRunner().invoke(app, ["quote", str(finished)])
    assert "du 1er septembre 2026" in plain(terminal.stdout)
