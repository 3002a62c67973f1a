"""Whatever names, e-mails and phones an export carries, none reaches the output or the summary."""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogue_cli.cli import app

from ..conftest import EXAMPLE

FIRST = [
    "Camille",
    "Jean-Marc",
    "Hélène",
    "Léa",
    "Nadia",
    "Karim",
    "Zoé",
    "François",
    "Anaïs",
    "Théo",
]
SENTENCE = (
    "le budget participatif est une bonne idée mais il faut des règles claires pour les "
    "quartiers et une réponse écrite à chaque proposition du conseil"
)
WORDS = re.findall(r"\w+", SENTENCE)
PLAIN = str.maketrans("éëçï", "eeci")


def _person(first: str, last: str, nick: int, mail: str, digits: str, style: int) -> dict[str, str]:
    pairs = [digits[1:3], digits[3:5], digits[5:7], digits[7:9]]
    phone = [
        f"0{digits[0]} " + " ".join(pairs),
        f"+33 {digits[0]} " + " ".join(pairs),
        f"0{digits[0]}." + ".".join(pairs),
    ][style]
    return {
        "name": f"{first} {last}",
        "nick": f"{last.lower()}{nick}",
        "email": f"{first.lower().translate(PLAIN)}.{last.lower()}@{mail}.example",
        "phone": phone,
    }


last_name = st.text(alphabet="bcdfghjklmnprstvz", min_size=3, max_size=8).map(str.capitalize)
person = st.builds(
    _person,
    st.sampled_from(FIRST),
    last_name,
    st.integers(1, 99),
    st.sampled_from(["mail", "courriel", "ormessac"]),
    st.text(alphabet="123456789", min_size=9, max_size=9),
    st.integers(0, 2),
)


@st.composite
def export(draw: st.DrawFn) -> tuple[list[dict[str, str]], list[str]]:
    people = draw(st.lists(person, min_size=1, max_size=5))
    count = draw(st.integers(len(people), 8))  # row n is written by people[n % len(people)]
    bodies = []
    for _ in range(count):
        parts = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        for who in draw(st.lists(st.sampled_from(people), max_size=3)):
            what = draw(st.sampled_from(["name", "email", "phone", "name"]))
            parts.insert(draw(st.integers(0, len(parts))), who[what])
        bodies.append(" ".join(parts))
    return people, bodies


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


@pytest.fixture(scope="module")
def engagement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("privacy") / "ormessac"
    shutil.copytree(EXAMPLE, folder)
    (folder / "all.map.yaml").write_text("scenario: {default: TR}\n", encoding="utf-8")
    return folder


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=export(), source=st.sampled_from(["decidim", "csv"]))
def test_no_personal_datum_reaches_the_output(
    engagement: Path, data: tuple[list[dict[str, str]], list[str]], source: str
) -> None:
    people, bodies = data
    path = engagement / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        if source == "decidim":
            out.writerow(["id", "created_at", "body", "author/id", "author/name", "alignment", "depth",
                          "commentable_id", "commentable_type", "root_commentable_url"])  # fmt: skip
            for n, body in enumerate(bodies):
                who = people[n % len(people)]
                out.writerow([n + 1, "2027-03-01 10:00:00 +0100", body, 300 + n, who["name"], 0, 0,
                              145, "Decidim::Proposals::Proposal", "https://x.example/f/12/proposals/145"])  # fmt: skip
        else:
            out.writerow(["Contenu", "Auteur", "Pseudo", "E-mail", "Téléphone", "Colonne"])
            for n, body in enumerate(bodies):
                who = people[n % len(people)]
                out.writerow([body, who["name"], who["nick"], who["email"], who["phone"], "Idées"])
    runner = CliRunner()
    results = [
        runner.invoke(
            app,
            [
                "feedback",
                "import",
                source,
                str(path),
                "-w",
                "AT-CITOYENS",
                "--map",
                str(engagement / "all.map.yaml"),
                "-o",
                str(engagement / "out.csv"),
                "--force",
                "--keep-contributor-hash",
                "-e",
                str(engagement),
                *flag,
            ],
        )
        for flag in ([], ["--json"])
    ]
    assert all(r.exit_code == 0 for r in results), results[0].output
    written = (engagement / "out.csv").read_text(encoding="utf-8-sig")
    assert len(list(csv.reader(written.splitlines(), delimiter=";"))) == len(bodies) + 1
    everything = written + "".join(r.stdout + r.stderr for r in results)
    haystack = words(everything)
    for who in people:
        assert words(who["name"]) not in haystack, who["name"]
        assert who["email"].lower() not in everything.lower()
        assert who["phone"] not in everything
        assert who["phone"].replace(" ", "").replace(".", "") not in everything
        if source == "csv":
            assert f" {who['nick']} " not in haystack
