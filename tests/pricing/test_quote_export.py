"""DPGF/BPU files a client opens: no formula run, no crash on control characters, French spacing."""

from __future__ import annotations

import csv
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app
from dialogue_cli.engagement.model import Pricing
from dialogue_cli.pricing.catalog import default_catalog, parse_catalog
from dialogue_cli.pricing.quote import compute
from dialogue_cli.pricing.quote_export import bpu_rows, dpgf_rows, write_table

PHASES = [("cadrage", D("1")), ("ateliers", D("3"))]
NBSP, NNBSP = "\u00a0", "\u202f"


def quote_with(expenses: list[dict[str, Any]], language: str = "fr") -> Any:
    pricing = Pricing.model_validate({"date": "2027-01-04", "expenses": expenses})
    return compute(pricing, default_catalog(language), language=language)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def labels_of_xlsx(path: Path) -> list[Any]:
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_formula_label_is_text_in_csv_and_xlsx(tmp_path: Path) -> None:
    rows = dpgf_rows(quote_with([{"label": "=1+1", "amount": 10}]), PHASES)
    write_table(tmp_path / "dpgf.csv", "dpgf", rows, "fr")
    write_table(tmp_path / "dpgf.xlsx", "dpgf", rows, "fr")
    # rows: 1 the package, 1.1 and 1.2 its phases, 2 the expense
    assert read_csv(tmp_path / "dpgf.csv")[4][:2] == ["2", "'=1+1"]
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "dpgf.xlsx").active["B5"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")  # text, not a formula


def test_control_character_in_label_is_dropped_from_xlsx(tmp_path: Path) -> None:
    rows = dpgf_rows(quote_with([{"label": "Frais\x01 bizarre", "amount": 10}]), PHASES)
    write_table(tmp_path / "dpgf.xlsx", "dpgf", rows, "fr")  # raised IllegalCharacterError
    assert "Frais bizarre" in labels_of_xlsx(tmp_path / "dpgf.xlsx")


def test_phase_labels_come_from_the_shared_labels() -> None:
    rows = dpgf_rows(quote_with([]), [("creativite", D("1")), ("ateliers", D("2"))])
    # 10 000 over 3 days does not divide into cents: lump sums, the days in the designation
    assert [row.label for row in rows[1:3]] == [
        "Séance de créativité (1 jour)",
        "Ateliers (2 jours)",
    ]
    rows_en = dpgf_rows(quote_with([], "en"), [("creativite", D("1"))])
    # 10 000 over 1 day divides: a row in days
    assert (rows_en[1].label, rows_en[1].unit) == ("Creativity session", "day")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_french_spacing_in_labels(tmp_path: Path, suffix: str) -> None:
    rows = dpgf_rows(quote_with([{"label": "Frais : trajet ; repas !", "amount": 10}]), PHASES)
    target = tmp_path / f"dpgf{suffix}"
    write_table(target, "dpgf", rows, "fr")
    labels = (
        [row[1] for row in read_csv(target)[1:]] if suffix == ".csv" else labels_of_xlsx(target)
    )
    assert f"Frais{NBSP}: trajet{NNBSP}; repas{NNBSP}!" in labels
    assert f"TVA 20{NBSP}%" in labels  # already spaced by formatting.percent


def test_english_labels_keep_their_spacing(tmp_path: Path) -> None:
    rows = dpgf_rows(quote_with([{"label": "Travel: trains", "amount": 10}], "en"), PHASES)
    write_table(tmp_path / "dpgf.csv", "dpgf", rows, "en")
    with (tmp_path / "dpgf.csv").open(encoding="utf-8-sig", newline="") as handle:
        labels = [row[1] for row in csv.reader(handle)]
    assert "Travel: trains" in labels


def test_bpu_description_is_neutralised_and_spaced(tmp_path: Path) -> None:
    catalog = parse_catalog(
        "version: 1\noptions:\n"
        '  - {id: x, label: "@atelier", unit: forfait, unit_price: 100,\n'
        "     description: 'Animation : deux heures'}\n",
        "catalog.yaml",
    )
    rows = bpu_rows(catalog, D("800"))
    write_table(tmp_path / "bpu.csv", "bpu", rows, "fr")
    assert read_csv(tmp_path / "bpu.csv")[1] == [
        "1", "x", "'@atelier", f"Animation{NBSP}: deux heures", "forfait", "100,00",
    ]  # fmt: skip


def test_cli_dpgf_with_hostile_expenses(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    yaml = example / "engagement.yaml"
    text = yaml.read_text(encoding="utf-8")
    assert "  expenses:" in text
    text = text.replace(
        "  expenses:\n",
        '  expenses:\n    - {label: "=1+1", amount: 5}\n    - {label: "Frais\\x01 bizarre", amount: 7}\n',
        1,
    )
    yaml.write_text(text, encoding="utf-8")
    target = tmp_path / "dpgf.xlsx"
    result = runner.invoke(app, ["quote", str(example), "--dpgf", str(target)])
    assert result.exit_code == 0, result.output
    labels = labels_of_xlsx(target)
    assert "'=1+1" in labels and "Frais bizarre" in labels
