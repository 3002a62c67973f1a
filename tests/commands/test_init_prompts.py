"""`dialogue init` in a terminal: every answer checked on the spot, asked again until it is valid.

Driven through a pseudo-terminal (pexpect), as a user types: the prompts only appear when
standard input is a terminal.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")


def dialogue() -> list[str]:
    script = shutil.which("dialogue", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "dialogue_cli"]


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    command = dialogue()
    env = {**os.environ, "COLUMNS": "200", "TERM": "dumb"}
    return pexpect.spawn(command[0], [*command[1:], *args], cwd=str(tmp_path), env=env,
                         encoding="utf-8", timeout=60)  # fmt: skip


def answer(child: pexpect.spawn, question: str, text: str) -> None:
    child.expect_exact(question)
    child.expect_exact(": ")
    child.sendline(text)


def error(child: pexpect.spawn) -> str:
    child.expect(r"Error: ([^\r\n]*)\r?\n")
    return str(child.match.group(1))


def test_each_wrong_answer_is_said_and_asked_again(tmp_path: Path) -> None:
    child = spawn(tmp_path, "init", "val")
    answer(child, "Client name", "Communauté de communes du Val d'Orme")
    # The kind is guessed from the name: an intercommunalité.
    child.expect_exact("Client kind (commune, intercommunalite, departement, region, autre, prive)")
    child.expect_exact("[intercommunalite]: ")
    child.sendline("interco")
    assert error(child) == (
        "not a kind of client (did you mean 'intercommunalite'?): "
        "commune, intercommunalite, departement, region, autre, prive"
    )
    answer(child, "Client kind", "")  # the guess
    for wrong, said in (
        ("abc", "not a number of inhabitants: give digits, e.g. 25400"),
        ("-5", "must be 0 or more"),
        ("12.5", "not a whole number of inhabitants"),
    ):
        answer(child, "Population (empty if unknown)", wrong)
        assert error(child) == said
    answer(child, "Population (empty if unknown)", "18 200")
    for wrong, said in (
        ("31/02/2027", "not a date written YYYY-MM-DD, and there is no 31 February 2027 "
         "(February 2027 has 28 days)"),
        ("11/01/2027", "not a date written YYYY-MM-DD: did you mean 2027-01-11?"),
        ("2027-02-31", "there is no 31 February 2027 (February 2027 has 28 days)"),
        ("2300-01-04", "out of range: a date until 2200-12-31"),
    ):  # fmt: skip
        answer(child, "Start date YYYY-MM-DD (empty if unknown)", wrong)
        assert error(child) == said
    answer(child, "Start date YYYY-MM-DD (empty if unknown)", "2027-02-01")
    answer(child, "Language of the documents (fr or en)", "de")
    assert error(child) == "not a language of the documents: fr (French) or en (English)"
    answer(child, "Language of the documents (fr or en)", "en")
    child.expect_exact("Created val/ with:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (tmp_path / "val" / "engagement.yaml").read_text(encoding="utf-8")
    for line in ("  kind: intercommunalite", "  population: 18200", "  start: 2027-02-01",
                 "language: en", 'name: "Communauté de communes du Val d\'Orme"'):  # fmt: skip
        assert line in text, line


def test_ctrl_c_stops_with_nothing_created(tmp_path: Path) -> None:
    child = spawn(tmp_path, "init", "val", "--client", "Ville de Val")
    child.expect_exact("Client kind")
    child.expect_exact("[commune]: ")
    child.sendintr()
    child.expect_exact("interrupted: stopped, no file left half-written (SIGINT)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "val").exists()


def test_options_are_not_asked_again_and_yes_asks_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "init", "ville", "--client", "Département de l'Orme",
                  "--population", "120000", "--start", "2027-01-11", "--language", "fr")  # fmt: skip
    # Only the kind is left to ask; its default comes from the name.
    child.expect_exact("[departement]: ")
    child.sendline("")
    child.expect_exact("Created ville/ with:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "  kind: departement" in (tmp_path / "ville" / "engagement.yaml").read_text("utf-8")
