"""`dialogue quote --fill`: the buyer's own DPGF workbook filled with our figures, its layout untouched."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from typer.testing import CliRunner

from dialogue_cli.cli import app

NUMBERS = ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", 2, 3, 4, 5, 6]


def buyer_workbook(path: Path, numbers: list[str | int]) -> None:
    """A buyer's DPGF as buyers send them: a merged title, styled headings, formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "DPGF lot 1"
    sheet["A1"] = "Marché 2027-12 – Stratégie de dialogue citoyen – DPGF"
    sheet.merge_cells("A1:F1")
    sheet["A1"].font = Font(bold=True, size=14)
    for column, heading in zip("ABCDEF", ["N°", "Désignation de l'acheteur", "U", "Qté", "PU HT", "Total HT"],
                               strict=True):  # fmt: skip
        cell = sheet[f"{column}3"]
        cell.value = heading
        cell.fill = PatternFill("solid", fgColor="FFCC00")
    for offset, number in enumerate(numbers):
        row = 4 + offset
        sheet[f"A{row}"] = number
        sheet[f"B{row}"] = f"Poste {number} (libellé de l'acheteur)"
        sheet[f"F{row}"] = f"=D{row}*E{row}"
    last = 3 + len(numbers)
    sheet[f"B{last + 1}"] = "Total HT"
    sheet[f"F{last + 1}"] = f"=SUM(F4:F{last})"
    sheet.column_dimensions["B"].width = 48
    book.save(path)


def add_mapping(example: Path, mapping: str) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  validity_days: 90\n", f"  validity_days: 90\n{mapping}"), encoding="utf-8"
    )


MAPPING = (
    "  buyer_sheet:\n    file: dpgf-acheteur.xlsx\n    sheet: DPGF lot 1\n    number_column: A\n"
    "    quantity_column: D\n    unit_price_column: E\n    amount_column: F\n"
)


def test_fill_writes_only_the_mapped_cells(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    buyer_workbook(example / "dpgf-acheteur.xlsx", NUMBERS)
    before = (example / "dpgf-acheteur.xlsx").read_bytes()
    add_mapping(example, MAPPING)
    target = tmp_path / "dpgf-rempli.xlsx"
    result = runner.invoke(app, ["quote", str(example), "--fill", str(target)])
    assert result.exit_code == 0, result.output
    # 10 priced rows (1.1 to 1.6, 2 to 5) x quantity and unit price; the amounts are formulas
    assert f"Wrote {target} (20 cells filled)" in result.stdout
    assert "kept the buyer's formulas in F5, F6" in result.stderr  # the amounts stay the buyer's
    assert "the buyer's rows 6 have no figure of ours" in result.stderr
    assert (example / "dpgf-acheteur.xlsx").read_bytes() == before  # the buyer's file untouched
    sheet = load_workbook(target)["DPGF lot 1"]
    # the layout: merged title, styled headings, widths, the buyer's labels and formulas
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:F1"]
    assert sheet["A1"].font.bold and sheet["C3"].fill.fgColor.rgb.endswith("FFCC00")
    assert sheet.column_dimensions["B"].width == 48
    assert sheet["B5"].value == "Poste 1.1 (libellé de l'acheteur)"
    assert sheet["F5"].value == "=D5*E5" and sheet["F16"].value == "=SUM(F4:F15)"
    # our figures: 1.1 Cadrage 1 x 833.33; 2 the survey 1 x 2 400; 3 the interviews 4 x 350
    rows = {
        sheet[f"A{r}"].value: (sheet[f"D{r}"].value, sheet[f"E{r}"].value) for r in range(4, 16)
    }
    assert rows["1"] == (None, None)  # the package's heading row has no figures
    assert rows["1.1"] == (1, 833.33) and rows["1.4"] == (1, 1666.67)
    assert rows[3] == (4, 350) and rows[5] == (1, 380)
    assert rows[6] == (None, None)
    # what the buyer's formulas will compute adds up to our total HT
    total = sum(D(str(q)) * D(str(p)) for q, p in rows.values() if q is not None)
    assert total == D("15980.00")


def test_fill_refuses_a_sheet_without_our_rows_and_writes_nothing(
    runner: CliRunner, example: Path, tmp_path: Path
) -> None:
    buyer_workbook(example / "dpgf-acheteur.xlsx", ["1", "1.1", "1.2", 2, 3])
    add_mapping(example, MAPPING)
    target = tmp_path / "out.xlsx"
    result = runner.invoke(
        app, ["quote", str(example), "--fill", str(target), "--dpgf", str(tmp_path / "d.csv")]
    )
    assert result.exit_code == 1
    assert (
        "no row numbered 1.3, 1.4, 1.5, 1.6, 4, 5 in column A of sheet 'DPGF lot 1'"
        in result.stderr
    )
    assert not target.exists() and not (tmp_path / "d.csv").exists()
    # over the buyer's own file: refused
    result = runner.invoke(
        app, ["quote", str(example), "--fill", str(example / "dpgf-acheteur.xlsx")]
    )
    assert result.exit_code == 1 and "is an input of this engagement" in result.stderr


def test_fill_needs_a_mapping(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["quote", str(example), "--fill", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 1 and "--fill needs pricing.buyer_sheet" in result.stderr
    original = (example / "engagement.yaml").read_text(encoding="utf-8")
    add_mapping(example, "  buyer_sheet:\n    file: absent.xlsx\n    amount_column: F\n")
    result = runner.invoke(app, ["quote", str(example), "--fill", str(tmp_path / "out.xlsx")])
    assert (
        result.exit_code == 1
        and "pricing.buyer_sheet.file: the buyer's workbook is not found" in result.stderr
    )
    (example / "engagement.yaml").write_text(original, encoding="utf-8")
    add_mapping(example, "  buyer_sheet:\n    file: x.xlsx\n")
    result = runner.invoke(app, ["quote", str(example)])
    assert result.exit_code == 1 and "say where the figures go" in result.stderr
