"""Each platform's export, from the fixtures (written from the documented fields), into items."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dialogue_cli.common.errors import FileProblem
from dialogue_cli.engagement.loader import load
from dialogue_cli.engagement.model import Engagement
from dialogue_cli.importers.convert import Item
from dialogue_cli.importers.mapping import Mapping, load_mapping
from dialogue_cli.importers.run import Outcome, import_export

from ..conftest import EXAMPLE, IMPORT_FIXTURES


@pytest.fixture(scope="module")
def engagement() -> Engagement:
    return load(EXAMPLE).engagement


def run(engagement: Engagement, source: str, name: str, mapping: Mapping | None = None) -> Outcome:
    path = IMPORT_FIXTURES / name
    if mapping is None:
        map_path = path.with_suffix(".map.yaml")
        mapping = load_mapping(map_path, map_path.name, engagement, source)
    return import_export(path, name, source, engagement, mapping)


def table(items: list[Item]) -> list[tuple[str, str, str, int, tuple[str, ...], str]]:
    return [(i.id, i.scenario, i.polarity, i.intensity, i.criteria, i.text) for i in items]


def problems(outcome: Outcome) -> list[str]:
    return [str(p) for p in outcome.problems.listed]


def test_decidim_comments(engagement: Engagement) -> None:
    outcome = run(engagement, "decidim", "decidim-comments.csv")
    assert (outcome.kind, outcome.format, outcome.encoding, outcome.separator) == (
        "comments", "CSV", "UTF-8", ";",
    )  # fmt: skip
    assert table(outcome.items) == [
        ("DEC-C812", "BP", "+", 1, (), "Il manque des pistes cyclables sur le budget participatif"),
        ("DEC-C813", "BP", "-", 1, ("MANDAT",),
         "Je ne suis pas d'accord\u00a0: le conseil municipal doit garder le vote final."),
        ("DEC-C814", "BP", "?", 1, (),
         "Merci [nom masqué] ! [nom masqué] a raison ; écrivez-moi à [adresse électronique masquée] "
         "ou au [téléphone masqué]"),
        ("DEC-C815", "PN", "?", 1, (), "Cliquez ici pour voter (https://evil.example/x)"),
        ("DEC-C817", "PN", "+", 1, ("INCLUSION",),
         "• Une plateforme, oui\n• mais avec un relais au centre social"),
        ("DEC-C819", "BP", "?", 1, (), "-10 % sur la voirie, c'est trop"),
    ]  # fmt: skip
    assert table(outcome.unclassified) == [
        ("DEC-C818", "", "?", 1, ("INCLUSION",), "Et pour les autres quartiers ?")
    ]
    assert dict(outcome.tally.unclassified) == {"component 14": 1}
    assert dict(outcome.tally.skipped) == {
        "empty text": 1, "a repeated row (same id as an earlier row)": 1,
    }  # fmt: skip
    assert outcome.tally.replies == 1 and outcome.rows == 10
    assert [i.reply for i in outcome.items].count(True) == 1
    assert list(outcome.personal.dropped) == [
        "author/id",
        "author/name",
        "user_group/id",
        "user_group/name",
    ]
    assert problems(outcome) == [
        "decidim-comments.csv:9: alignment: '2' is not 1, 0 or -1: no polarity read from it",
        "decidim-comments.csv:11: 16 cells but the header has 13: a separator or a quote inside a value? skipped",
    ]
    assert outcome.masked == {"mention": 1, "email": 1, "phone": 1, "contributor's name": 1}
    assert outcome.truncated == 0
    first = outcome.items[0]
    assert (first.url, first.date, first.source_id) == (
        "https://participer.ormessac.example/processes/dialogue-2027/f/12/proposals/145",
        "2027-03-01 10:23",
        "812",
    )


def test_decidim_comments_in_xlsx_read_the_same(engagement: Engagement, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    with (IMPORT_FIXTURES / "decidim-comments.csv").open(encoding="utf-8", newline="") as handle:
        for row in list(csv.reader(handle, delimiter=";"))[:-1]:  # the broken last row aside
            sheet.append(row)
    path = tmp_path / "comments.xlsx"
    book.save(path)
    mapping_path = IMPORT_FIXTURES / "decidim-comments.map.yaml"
    mapping = load_mapping(mapping_path, "m", engagement, "decidim")
    outcome = import_export(path, "comments.xlsx", "decidim", engagement, mapping)
    assert outcome.format == "XLSX"
    csv_outcome = run(engagement, "decidim", "decidim-comments.csv")
    assert table(outcome.items) == table(csv_outcome.items)


def test_decidim_proposals_in_json(engagement: Engagement) -> None:
    outcome = run(engagement, "decidim", "decidim-proposals.json")
    assert (outcome.kind, outcome.format) == ("proposals", "JSON")
    assert table(outcome.items) == [
        ("DEC-P145", "BP", "idee", 3, (),
         "Des pistes cyclables financées par le budget participatif — Relier les Tilleuls au "
         "centre\u00a0: 2\u00a0km de piste."),
        # The original (English) before a machine translation into French.
        ("DEC-P146", "PN", "idee", 1, (), "An app to report issues — Potholes, broken lights..."),
        ("DEC-P148", "BP", "idee", 2, (), "Un budget réservé aux jeunes"),
    ]  # fmt: skip
    assert [i.theme for i in outcome.items] == [
        "Budget & finances",
        "Numérique",
        "Budget & finances",
    ]
    assert dict(outcome.tally.skipped) == {"withdrawn by its author": 1}
    assert set(outcome.personal.dropped) == {"author/id", "author/name", "author/url"}


def test_decidim_survey_answers(engagement: Engagement) -> None:
    outcome = run(engagement, "decidim", "decidim-survey.csv")
    assert (outcome.kind, outcome.separator) == ("survey answers", ",")
    assert table(outcome.items) == [
        ("DEC-Ra1f3-1", "BP", "idee", 1, ("RETOUR",),
         "Une bonne idée, si les projets sont vraiment réalisés.\nEt suivis."),
        ("DEC-Ra1f3-2", "PN", "+", 1, (), "Plutôt d'accord"),
        ("DEC-Ra1f3-4", "TR", "idee", 1, (), "Les mobilités, Autre (texte libre): les bancs"),
        ("DEC-Rb2e4-2", "PN", "-", 1, (), "Pas du tout d'accord"),
        ("DEC-Rc3d5-1", "BP", "idee", 1, ("RETOUR",),
         "Je crains que ce soient toujours les mêmes associations qui gagnent."),
        ("DEC-Rc3d5-2", "PN", "?", 1, (), "Ni d'accord ni pas d'accord"),
        ("DEC-Rc3d5-4", "TR", "idee", 1, (), "Les écoles"),
    ]  # fmt: skip
    assert outcome.items[1].theme == "Une plateforme en ligne vous semble-t-elle utile ?"
    assert outcome.personal.dropped == {
        "Hachage IP": "IP hash", "3. Votre adresse e-mail (facultatif)": "e-mail",
    }  # fmt: skip


def test_a_decidim_file_of_another_kind_is_refused(engagement: Engagement, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("foo;bar\n1;2\n", encoding="utf-8")
    with pytest.raises(
        FileProblem, match="not a Decidim comments, proposals or survey answers export"
    ):
        import_export(path, "x.csv", "decidim", engagement, Mapping())


def test_consul_records_and_comments(engagement: Engagement) -> None:
    outcome = run(engagement, "consul", "consul-proposals.csv")
    assert table(outcome.items) == [
        ("CON-P12", "PC", "idee", 1, (), "Un panel citoyen tiré au sort — Trente habitants, trois saisines par an."),
        ("CON-C301", "PC", "?", 1, (), "Et qui choisit les sujets ?"),
        ("CON-C302", "PC", "?", 1, (), "Le conseil municipal, comme pour les autres avis."),
        ("CON-P13", "CQ", "idee", 1, (), "Des conseils de quartier avec un vrai budget — 5 000 € par quartier"),
        ("CON-P14", "PN", "idee", 1, (), "Une plateforme de signalement — Signaler les trous dans la chaussée"),
    ]  # fmt: skip
    assert [i.reply for i in outcome.items] == [False, False, True, False, False]
    assert [i.date for i in outcome.items][:2] == ["2027-02-14 10:05", "2027-02-15 08:30"]
    assert outcome.personal.dropped == {"Author": "author", "Comment Author": "author"}
    # Each comment counts its own author, not the proposal's.
    assert len(outcome.tally.contributors) == 4


def test_cap_collectif_consultation(engagement: Engagement) -> None:
    outcome = run(engagement, "cap-collectif", "cap-collectif-consultation.csv")
    assert (outcome.kind, outcome.encoding, outcome.separator) == (
        "consultation contributions", "UTF-8 with BOM", ";",
    )  # fmt: skip
    assert table(outcome.items) == [
        ("CAP-opinion40", "BP", "idee", 1, ("INCLUSION",),
         "Réserver 30 % aux Tilleuls — Le quartier prioritaire doit avoir sa part."),
        ("CAP-argument137", "BP", "-", 1, (), "Une part réservée, c'est diviser la ville."),
        ("CAP-argument162", "BP", "+", 1, ("INCLUSION",), "Enfin une mesure pour ceux qui ne viennent jamais."),
        ("CAP-version3", "BP", "idee", 1, (), "Réserver 20 % seulement — Un compromis."),
        ("CAP-opinion41", "PC", "idee", 1, (), "Indemniser les panélistes"),
    ]  # fmt: skip
    assert dict(outcome.tally.skipped) == {"a vote (no text)": 1}
    assert all(kind == "user id" for kind in outcome.personal.dropped.values())


def test_cap_collectif_grand_debat(engagement: Engagement) -> None:
    outcome = run(engagement, "cap-collectif", "cap-collectif-grand-debat.csv")
    assert outcome.kind == "questionnaire answers"
    assert [(i.scenario, i.polarity, i.criteria, i.text) for i in outcome.items] == [
        ("TR", "idee", (), "Les transports|Les écoles"),
        ("BP", "+", ("MANDAT",), "Oui"),
        ("BP", "-", ("MANDAT",), "Non, les élus sont là pour décider"),
    ]
    assert outcome.items[1].id == "CAP-RUHJvcG9zYWw6MQ.-c10"
    assert outcome.personal.dropped == {"authorId": "user id", "authorZipCode": "postal code"}


def test_make_proposals_with_unescaped_quotes(engagement: Engagement) -> None:
    outcome = run(engagement, "make", "make-proposals.csv")
    assert [(i.scenario, i.polarity, i.intensity, i.text) for i in outcome.items] == [
        ("BP", "+", 3, 'Il faut un "vrai" budget participatif pour les jeunes'),
        ("PN", "-", 2, 'Il faut une plateforme, mais pas que : "des permanences", aussi'),
        ("PC", "idee", 1, "Il faut tirer au sort un panel de citoyens"),
    ]
    assert all(i.id.startswith("MAKE-") and len(i.id) == 15 for i in outcome.items)
    assert set(outcome.personal.dropped) == {
        "User Firstname",
        "User PostalCode",
        "User Age",
        "UserId",
    }
    assert not outcome.problems.listed


def test_limesurvey_responses(engagement: Engagement) -> None:
    outcome = run(engagement, "limesurvey", "limesurvey-responses.csv")
    assert (outcome.encoding, outcome.separator) == ("UTF-8 with BOM", ";")
    assert [(i.id, i.scenario, i.polarity, i.text) for i in outcome.items] == [
        ("LS-R1-Q1", "BP", "+", "Tout à fait d'accord"),
        ("LS-R1-Q2.SQ001", "PN", "+", "Oui"),
        ("LS-R1-Q3.other", "TR", "idee", "Le samedi matin, c'est mieux"),
        ("LS-R2-Q1", "BP", "-", "Pas d'accord"),
        ("LS-R2-Q2.SQ001", "PN", "-", "Non"),
        ("LS-R2-Q3.other", "TR", "idee", "Personne ne nous répond jamais"),
        ("LS-R3-Q1", "BP", "+", "Plutôt d'accord"),
    ]
    assert outcome.personal.dropped == {
        "token": "token",
        "ipaddr": "IP address",
        "refurl": "referrer",
    }
    assert outcome.tally.skipped["question Q4: skip"] == 1  # « -oth- » and « N/A » are no answer


def test_framaforms_three_header_rows_in_utf16(engagement: Engagement) -> None:
    outcome = run(engagement, "framaforms", "framaforms-submissions.tsv")
    assert (outcome.encoding, outcome.separator) == ("UTF-16LE", "\t")
    assert [(i.id, i.scenario, i.text) for i in outcome.items] == [
        ("FF-R101-q1", "TR", "Budget participatif, Plateforme en ligne"),
        ("FF-R101-q2", "BP", "Pour voir les projets se réaliser"),
        ("FF-R102-q1", "TR", "Panel citoyen"),
        ("FF-R102-q2", "BP", "[nom masqué] m'en a parlé : je veux être tirée au sort"),
    ]
    assert outcome.items[0].theme == "Quels dispositifs vous intéressent ?"
    assert outcome.personal.dropped == {
        "IP Address": "IP address", "UID": "user id", "Username": "username", "Votre nom": "name",
    }  # fmt: skip


def test_a_board_in_cp1252(engagement: Engagement) -> None:
    outcome = run(engagement, "csv", "board-notes.csv")
    assert outcome.encoding == "cp1252 (detected)"
    assert [(i.scenario, i.polarity, i.text, i.date) for i in outcome.items] == [
        (
            "BP",
            "+",
            "Le budget participatif, oui, mais avec des règles claires",
            "2027-02-09 14:05",
        ),
        ("TR", "-", "Trop de réunions le soir", "2027-02-09 14:07"),
        ("PN", "?", "Qui répond aux questions posées sur la plateforme ?", "2027-02-09 14:10"),
        ("PN", "idee", "Des permanences au centre social", "2027-02-09 14:12"),
    ]
    assert [i.text for i in outcome.unclassified] == ["Note sans colonne"]
    assert dict(outcome.tally.unclassified) == {"Colonne empty": 1}
    assert outcome.personal.dropped == {"Auteur": "author"}


def test_a_csv_without_a_text_column_asks_for_it(engagement: Engagement, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("A;B\n1;2\n", encoding="utf-8")
    with pytest.raises(FileProblem, match=r"which column holds the text\? name it in the mapping"):
        import_export(path, "x.csv", "csv", engagement, Mapping())
    mapping = Mapping.model_validate({"columns": {"text": "B"}, "scenario": {"default": "TR"}})
    outcome = import_export(path, "x.csv", "csv", engagement, mapping)
    assert [(i.scenario, i.text) for i in outcome.items] == [("TR", "2")]


def test_the_same_file_gives_the_same_ids(engagement: Engagement) -> None:
    for source, name in [
        ("make", "make-proposals.csv"),
        ("csv", "board-notes.csv"),
        ("decidim", "decidim-survey.csv"),
    ]:
        first, second = run(engagement, source, name), run(engagement, source, name)
        assert [i.id for i in first.items] == [i.id for i in second.items]
        assert len({i.id for i in first.items + first.unclassified}) == len(
            first.items + first.unclassified
        )


def test_without_a_mapping_everything_is_unclassified(engagement: Engagement) -> None:
    outcome = run(engagement, "decidim", "decidim-comments.csv", Mapping())
    assert not outcome.items and len(outcome.unclassified) == 7
    assert dict(outcome.tally.unclassified) == {
        "proposal 145": 4,
        "proposal 146": 2,
        "component 14": 1,
    }


def test_a_personal_column_named_in_the_mapping_is_refused(
    engagement: Engagement, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Votre nom;Remarque\nCamille Durand;Oui\n", encoding="utf-8")
    mapping = Mapping.model_validate({"columns": {"text": "Votre nom"}})
    with pytest.raises(
        FileProblem, match=r"columns: text: 'Votre nom' holds personal data \(name\)"
    ):
        import_export(path, "x.csv", "csv", engagement, mapping)


def test_cap_collectif_opinions_take_a_polarity_from_their_votes(
    engagement: Engagement, tmp_path: Path
) -> None:
    header = "export_contribution_type;export_contribution_id;export_contribution_section_title;export_contribution_title;export_contribution_votes_count_ok;export_contribution_votes_count_nok"
    rows = ["export_contribution_type_opinion;o1;Budget participatif;Pour;9;1", "export_contribution_type_opinion;o2;Budget participatif;Contre;2;8",
            "export_contribution_type_opinion;o3;Budget participatif;Partagé;5;5"]  # fmt: skip
    path = tmp_path / "cap.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    mapping = Mapping.model_validate(
        {
            "scenario": {"default": "BP"},
            "polarity": {"by": {"agreement": {"agree": "+", "disagree": "-", "mixed": "?"}}},
        }
    )
    outcome = import_export(path, "cap.csv", "cap-collectif", engagement, mapping)
    assert [(i.id, i.polarity) for i in outcome.items] == [
        ("CAP-o1", "+"),
        ("CAP-o2", "-"),
        ("CAP-o3", "?"),
    ]
