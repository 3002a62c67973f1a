"""The Word devis says what the terminal says: the day basis, one discount label, duration, period."""

from __future__ import annotations

import csv
from pathlib import Path

from docx import Document
from typer.testing import CliRunner

from dialogue_cli.cli import app

NBSP, NNBSP = "\u00a0", "\u202f"


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_same_lines_labels_and_basis_everywhere(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  discount_percent: 0\n", "  discount_percent: 5\n").replace(
        "    - {id: formation-posture, quantity: 2}\n",
        "    - {id: formation-posture, quantity: 2}\n    - {label: Atelier sur mesure, days: 1.5}\n",
    )
    path.write_text(text, encoding="utf-8")
    terminal = runner.invoke(app, ["quote", str(example), "--dpgf", str(tmp_path / "dpgf.csv")])
    assert terminal.exit_code == 0, terminal.output
    rendered = runner.invoke(app, ["render", str(example), "--only", "devis"])
    assert rendered.exit_code == 0, rendered.output
    word = docx_text(example / "livrables" / "devis.docx")
    with (tmp_path / "dpgf.csv").open(encoding="utf-8-sig", newline="") as handle:
        dpgf = [row[1] for row in csv.reader(handle, delimiter=";")]
    label = f"Remise sur honoraires (5{NBSP}%)"
    # one label for the discount: terminal, Word, DPGF
    assert label in terminal.stdout and label in word and label in dpgf
    assert "Remise 5" not in terminal.stdout and "Remise sur les honoraires" not in word
    # the basis of the day-priced line: 1.5 days at 850 = 1 275, in the terminal and in Word
    basis = f"1,5 jour à 850,00{NBSP}€"
    assert basis in terminal.stdout and basis in word
    # fees 10 000 + 2 400 + 1 400 + 1 800 + 1 275 = 16 875; discount 5 % = 843.75;
    # HT 16 875 - 843.75 + 380 = 16 411.25; VAT 3 282.25; TTC 19 693.50
    for amount in (f"843,75{NBSP}€", f"16{NNBSP}411,25{NBSP}€", f"19{NNBSP}693,50{NBSP}€"):
        assert amount in word and amount in terminal.stdout, amount
    # duration with the options' days: 12 + 2 + 4 x 0.25 + 2 x 0.5 + 1.5 = 17.5
    assert "17,5 jours d’intervention (12 jours du forfait et 5,5 jours pour les options)" in word
    assert "Durée totale : 17,5 jours d'intervention" in " ".join(terminal.stdout.split())
    assert "Période d’exécution prévue\u00a0: du 11 janvier 2027 au 12 mars 2027" in word
    assert "Contenu du forfait" in word and "atelier élus (2 février 2027)" in word
    assert "Échéancier prévisionnel" in word
