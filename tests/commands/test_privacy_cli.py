"""Personal data in verbatims: listed by `check`, masked in every document and anonymised export."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from dialogue_cli.cli import app
from tests.render.test_render import docx_text

EMAIL = "nadia.benali@example.org"
PHONE = "07 98 76 54 31"
STREET = "12 rue des Lilas"


def _with_personal_data(example: Path) -> Path:
    """The example with personal data in one CSV verbatim and one inline (YAML) verbatim."""
    path = example / "feedback" / "citoyens.csv"
    text = path.read_text(encoding="utf-8-sig")
    text = text.replace(
        "on propose, on vote, et l'année d'après c'est fait.",
        f"on propose, on vote, et l'année d'après c'est fait. Écrivez-moi : {EMAIL} ou {PHONE}.",
    )
    path.write_text(text, encoding="utf-8-sig")
    yaml = example / "engagement.yaml"
    source = yaml.read_text(encoding="utf-8")
    old = "les gens voient un banc ou une aire de jeux sortir de terre, ça parle."
    assert old in source
    yaml.write_text(source.replace(old, f"{old} M. Dupont habite {STREET}."), encoding="utf-8")
    return example


def test_check_lists_items_with_personal_data(runner: CliRunner, example: Path) -> None:
    _with_personal_data(example)
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 0, result.output
    assert "Personal data: 2 feedback items" in result.output
    assert (
        "feedback/citoyens.csv:2: text: looks like it gives an e-mail address and a phone number: "
        "masked in the documents; edit the item if it should not be kept"
    ) in result.output
    # The inline item is located at its text field in the engagement file.
    line = next(
        n
        for n, text in enumerate((example / "engagement.yaml").read_text().splitlines(), 1)
        if STREET in text
    )
    assert f"engagement.yaml:{line}:" in result.output
    assert "workshops[0].feedback[0].text: looks like it gives a postal address and a name" in (
        result.output
    )
    data = runner.invoke(app, ["check", str(example), "--json"])
    assert '"personal_data": {\n    "count": 2' in data.output


def test_check_is_quiet_without_personal_data(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 0
    assert "Personal data" not in result.output


def test_documents_never_carry_the_personal_data(runner: CliRunner, example: Path) -> None:
    _with_personal_data(example)
    result = runner.invoke(app, ["render", str(example)])
    assert result.exit_code == 0, result.output
    texts = {p.name: docx_text(p) for p in (example / "livrables").glob("*.docx")}
    assert len(texts) == 8  # the six and the press release, the easy-to-read draft
    quoted = [
        name for name, text in texts.items() if "Enfin un truc où on voit le résultat" in text
    ]
    assert quoted, "the verbatim is quoted somewhere"
    for name, text in texts.items():
        for secret in (EMAIL, PHONE, STREET, "Dupont"):
            assert secret not in text, (name, secret)
    assert any("[adresse électronique masquée]" in texts[name] for name in quoted)


def test_anonymised_export_masks_the_text(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    _with_personal_data(example)
    plain, anonymous = tmp_path / "all.csv", tmp_path / "anon.csv"
    assert runner.invoke(app, ["score", str(example), "--export", str(plain)]).exit_code == 0
    assert (
        runner.invoke(
            app, ["score", str(example), "--export", str(anonymous), "--anonymize"]
        ).exit_code
        == 0
    )
    # The consultant's own export keeps the words as written; the anonymised one does not.
    assert EMAIL in plain.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(anonymous.open(encoding="utf-8-sig"), delimiter=";"))
    body = "\n".join(";".join(r) for r in rows)
    assert "author" not in rows[0]
    for secret in (EMAIL, PHONE, STREET, "Dupont"):
        assert secret not in body
    assert "[téléphone masqué]" in body
