"""`--add`: one line added to engagement.yaml, every other byte kept, or nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue_cli.common.errors import FileProblem
from dialogue_cli.engagement.yamlio import safe_load
from dialogue_cli.importers.reference import add_feedback_file

HEAD = "# Mission de test\nclient: {name: Ville}  # le client\nworkshops:\n"


def add(
    tmp_path: Path,
    body: str,
    workshop: str = "W",
    relative: str = "feedback/w-decidim.csv",
    raw: bytes | None = None,
) -> str:
    path = tmp_path / "engagement.yaml"
    path.write_bytes(raw if raw is not None else (HEAD + body).encode())
    add_feedback_file(path, "engagement.yaml", workshop, relative)
    return path.read_bytes().decode("utf-8")


def test_a_block_workshop_gets_one_line_after_its_last_plain_key(tmp_path: Path) -> None:
    body = (
        "  - id: W   # en ligne\n"
        "    group: citoyens\n"
        "    # le lieu\n"
        "    place: >-\n"
        "      la plateforme\n"
        "      de l'agglomération\n"
        "    feedback:\n"
        "      - {scenario: BP, polarity: '+'}\n"
        "  - id: X\n"
        "    group: elus\n"
    )
    text = add(tmp_path, body)
    assert text == HEAD + body.replace(
        "    group: citoyens\n", "    group: citoyens\n    feedback_file: feedback/w-decidim.csv\n"
    )


def test_a_flow_workshop_gets_the_key_before_its_brace(tmp_path: Path) -> None:
    body = "  - {id: W, group: citoyens,\n     place: « en ligne » }   # fin\n"
    text = add(tmp_path, body, relative="retours/w 2.csv")
    assert (
        text
        == HEAD
        + '  - {id: W, group: citoyens,\n     place: « en ligne », feedback_file: "retours/w 2.csv" }   # fin\n'
    )
    assert safe_load(text, "x")["workshops"][0]["feedback_file"] == "retours/w 2.csv"


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    raw = (
        b"\xef\xbb\xbf"
        + (HEAD + "  - id: W\r\n    group: citoyens\r\n")
        .replace("\n", "\r\n")
        .replace("\r\r", "\r")
        .encode()
    )
    text = add(tmp_path, "", raw=raw)
    assert text.startswith("\ufeff# Mission de test\r\n")
    assert text.endswith("    group: citoyens\r\n    feedback_file: feedback/w-decidim.csv\r\n")


def test_a_workshop_already_reading_a_file(tmp_path: Path) -> None:
    body = "  - {id: W, group: citoyens, feedback_file: feedback/w-decidim.csv}\n"
    path = tmp_path / "engagement.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    assert (
        add_feedback_file(path, "e", "W", "feedback/w-decidim.csv")
        == "workshop W already reads feedback/w-decidim.csv"
    )
    with pytest.raises(
        FileProblem,
        match=r"workshop W already reads feedback/w-decidim\.csv; a workshop reads one file",
    ):
        add_feedback_file(path, "e", "W", "feedback/other.csv")
    assert path.read_text(encoding="utf-8") == HEAD + body


def test_nothing_is_written_when_the_edit_cannot_be_kept_to_one_line(tmp_path: Path) -> None:
    body = "  - {id: W, group: citoyens  # un commentaire dans l'accolade\n     }\n"
    path = tmp_path / "engagement.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(
        FileProblem, match=r"add to workshop W: feedback_file: feedback/w-decidim\.csv"
    ):
        add_feedback_file(path, "engagement.yaml", "W", "feedback/w-decidim.csv")
    assert path.read_text(encoding="utf-8") == HEAD + body


def test_an_unknown_workshop(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="no workshop 'Z'"):
        add(tmp_path, "  - {id: W, group: citoyens}\n", workshop="Z")
