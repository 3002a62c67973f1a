"""`dialogue quote` on real files: table, --json, --dpgf/--bpu read back, and every bad input located."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app

NNBSP, NBSP = "\u202f", "\u00a0"


def invoke(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["quote", *map(str, args)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def french(value: str) -> D:
    return D(value.replace(",", "."))


# ---------------------------------------------------------------- the example


def test_table_of_the_example(runner: CliRunner, example: Path) -> None:
    code, out, err = invoke(runner, example)
    assert code == 0, err
    assert "Devis DEV-2027-004 du 4 janvier 2027 (valable jusqu'au 4 avril 2027)" in out
    for text in (
        "Désignation",
        "PU HT",
        "Montant HT",
        "Entretien complémentaire",
        "Frais de déplacement",
    ):
        assert text in out
    # amounts the French way, by Babel: narrow no-break space for thousands, no-break space before €
    assert f"10{NNBSP}000,00{NBSP}€" in out
    assert f"19{NNBSP}176,00{NBSP}€" in out
    assert "TVA 20" in out and "Total TTC" in out
    assert "SIRET 732 829 320 00074" in out and "Bon pour accord" in out
    assert "Nom, qualité, signature et cachet" in out
    # a commune: no deposit; the avance of 5 % (799 HT + 159.80 VAT) and the échéancier by phase
    assert "Acompte 30" not in out and "Aucun acompte à la commande" in out
    flat = " ".join(out.split())
    assert "Durée totale : 16 jours d'intervention (12 du forfait" in flat
    assert "période d'exécution prévue du 11 janvier 2027 au 12 mars 2027" in flat
    assert f"958,80{NBSP}€" in out and f"8{NNBSP}217,20{NBSP}€" in out
    assert "IBAN FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP" in flat
    assert "code service DEMOCRATIE-LOCALE, n° d'engagement EJ-2027-0042" in flat
    assert err == ""


def test_the_table_puts_units_in_the_plural_and_json_keeps_them_singular(
    runner: CliRunner, example: Path
) -> None:
    code, out, err = invoke(runner, example)
    assert code == 0, err
    rows = {line.split("│")[1].strip(): line.split("│")[3].strip() for line in out.splitlines()
            if line.startswith("│") and line.count("│") == 6}  # fmt: skip
    assert rows["Entretien complémentaire"] == "entretiens"  # 4 of them
    assert rows["Formation à la posture de dialogue citoyen"] == "sessions"  # 2
    assert rows["Enquête terrain auprès des habitants"] == "forfait"  # 1
    code, out, err = invoke(runner, example, "--json")
    units = {line["label"]: (line["quantity"], line["unit"]) for line in json.loads(out)["lines"]}
    assert units["Entretien complémentaire"] == ("4", "entretien")
    assert units["Formation à la posture de dialogue citoyen"] == ("2", "session")


def test_json_of_the_example(runner: CliRunner, example: Path) -> None:
    code, out, _err = invoke(runner, example, "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["number"], data["date"], data["valid_until"], data["currency"]) == (
        "DEV-2027-004",
        "2027-01-04",
        "2027-04-04",
        "EUR",
    )
    assert [line["amount"] for line in data["lines"]] == [
        "10000.00",
        "2400.00",
        "1400.00",
        "1800.00",
        "380.00",
    ]
    assert data["lines"][2] == {"label": "Entretien complémentaire", "quantity": "4", "unit": "entretien",
                                "unit_price": "350.00", "amount": "1400.00", "days": "1", "basis": ""}  # fmt: skip
    assert {k: data[k] for k in ("fees", "discount", "expenses", "total_ht", "vat", "total_ttc", "deposit",
                                 "balance", "advance")} == {
        "fees": "15600.00", "discount": "0.00", "expenses": "380.00", "total_ht": "15980.00",
        "vat": "3196.00", "total_ttc": "19176.00", "deposit": "0.00", "balance": "19176.00",
        "advance": "958.80",
    }  # fmt: skip
    assert (data["vat_rate"], data["days"], data["package_days"]) == ("20", "16", "12")
    assert data["period"] == {"start": "2027-01-11", "end": "2027-03-12"}
    # the échéancier: avance, one acompte per phase but the last, the solde; it adds up to the TTC
    schedule = data["schedule"]
    assert [item["stage"] for item in schedule] == ["avance"] + ["acompte"] * 5 + ["solde"]
    assert [item["ttc"] for item in schedule] == ["958.80", "1000.00", "2500.00", "3000.00", "2000.00",
                                                  "1500.00", "8217.20"]  # fmt: skip
    assert sum(D(item["ttc"]) for item in schedule) == D("19176.00")
    assert any("40,00" in mention for mention in data["mentions"])


def test_date_option_overrides_pricing_date(runner: CliRunner, example: Path) -> None:
    code, out, _err = invoke(runner, example, "--json", "--date", "2027-02-01")
    assert code == 0
    data = json.loads(out)
    assert (data["date"], data["valid_until"]) == ("2027-02-01", "2027-05-02")
    code, _out, err = invoke(runner, example, "--date", "1er février")
    assert (code, err) == (
        1,
        "--date '1er février': not a date: write it YYYY-MM-DD, e.g. 2027-01-11\n",
    )


ORMESSAC_DPGF = [
    ["N°", "Désignation", "Unité", "Quantité", "Prix unitaire HT", "Montant HT"],
    ["1", f"Stratégie de dialogue citoyen{NBSP}: forfait 12 jours", "", "", "", ""],
    ["1.1", "Cadrage (1 jour)", "forfait", "1", "833,33", "833,33"],
    ["1.2", "Préparation (2,5 jours)", "forfait", "1", "2083,33", "2083,33"],
    ["1.3", "Ateliers (3 jours)", "forfait", "1", "2500,00", "2500,00"],
    ["1.4", "Analyse (2 jours)", "forfait", "1", "1666,67", "1666,67"],
    ["1.5", "Séance de créativité (1,5 jour)", "forfait", "1", "1250,00", "1250,00"],
    ["1.6", "Livrables (2 jours)", "forfait", "1", "1666,67", "1666,67"],
    ["2", "Enquête terrain auprès des habitants", "forfait", "1", "2400,00", "2400,00"],
    ["3", "Entretien complémentaire", "entretien", "4", "350,00", "1400,00"],
    ["4", "Formation à la posture de dialogue citoyen", "session", "2", "900,00", "1800,00"],
    ["5", "Frais de déplacement (Angers – Ormessac)", "forfait", "1", "380,00", "380,00"],
    ["", "Total HT", "", "", "", "15980,00"],
    ["", f"TVA 20{NBSP}%", "", "", "", "3196,00"],
    ["", "Total TTC", "", "", "", "19176,00"],
]


def xlsx_as_csv(path: Path, money_from: int) -> list[list[str]]:
    """The rows of an XLSX price document written as the French CSV writes them."""
    from openpyxl import load_workbook

    out = []
    for row in load_workbook(path).active.iter_rows(values_only=True):
        cells = []
        for index, value in enumerate(row):
            if value is None:
                cells.append("")
            elif isinstance(value, int | float) and index >= money_from:
                cells.append(f"{value:.2f}".replace(".", ","))
            elif isinstance(value, int | float):
                cells.append(f"{value:g}".replace(".", ","))
            else:
                cells.append(str(value))
        out.append(cells)
    return out


def check_price_rows(rows: list[list[str]], quantity: int, price: int, amount: int) -> None:
    """Every priced row is exactly Q x PU; the numbered rows add up to the total HT."""
    body = [row for row in rows[1:] if row[0]]
    for row in body:
        if row[quantity]:
            assert french(row[quantity]) * french(row[price]) == french(row[amount]), row
    total = next(row for row in rows if row[1] == "Total HT")
    discount = sum((french(row[amount]) for row in rows if row[1].startswith("Remise")), D(0))
    assert sum((french(row[amount]) for row in body if row[amount]), D(0)) + discount == french(
        total[amount]
    )


def test_dpgf_csv_read_back(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "dpgf.csv"
    code, _out, err = invoke(runner, example, "--dpgf", target)
    assert code == 0 and f"Wrote {target}" in _out + err
    rows = read_csv(target)
    # every row and every column, worked out by hand: 10 000 over 12 days does not divide into
    # cents, so the phases are lump sums of their shares (largest remainders, docs/quote.md)
    assert rows == ORMESSAC_DPGF
    check_price_rows(rows, 3, 4, 5)


def test_dpgf_xlsx_read_back(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "dpgf.xlsx"
    code, _out, _err = invoke(runner, example, "--json", "--dpgf", target)
    assert code == 0
    json.loads(_out)  # stdout stays pure JSON; "Wrote" goes to stderr
    sheet = load_workbook(target).active
    assert sheet.title == "DPGF"
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    as_text = [[f"{v:.2f}".replace(".", ",") if isinstance(v, int | float) and i >= 4 else
                (f"{v:g}".replace(".", ",") if isinstance(v, int | float) else v)
                for i, v in enumerate(row)] for row in rows]  # fmt: skip
    assert as_text == ORMESSAC_DPGF
    assert sheet["E3"].number_format == "#,##0.00" and sheet["D3"].number_format == "General"


def test_dqe_csv_and_xlsx(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, _out, err = invoke(runner, example, "--dqe", tmp_path / "dqe.csv")
    assert code == 0, err
    rows = read_csv(tmp_path / "dqe.csv")
    assert rows == [
        ["N°", "Code", "Désignation", "Unité", "Quantité estimée", "Prix unitaire HT", "Montant HT"],
        ["1", "enquete-terrain", "Enquête terrain auprès des habitants", "forfait", "1", "2400,00", "2400,00"],
        ["2", "entretien-complementaire", "Entretien complémentaire", "entretien", "4", "350,00", "1400,00"],
        ["3", "atelier-roi-citoyen", "Atelier « R.O.I. citoyen »".replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»"),
         "atelier", "0", "1200,00", "0,00"],
        ["4", "formation-posture", "Formation à la posture de dialogue citoyen", "session", "2", "900,00", "1800,00"],
        ["5", "animation-jour", "Animation de dispositifs citoyens", "jour", "0", "850,00", "0,00"],
        ["", "", "Total HT", "", "", "", "5600,00"],
        ["", "", f"TVA 20{NBSP}%", "", "", "", "1120,00"],
        ["", "", "Total TTC", "", "", "", "6720,00"],
    ]  # fmt: skip
    check_price_rows([[row[0], row[2], *row[3:]] for row in rows], 3, 4, 5)
    code, _out, err = invoke(runner, example, "--dqe", tmp_path / "dqe.xlsx")
    assert code == 0, err
    sheet = load_workbook(tmp_path / "dqe.xlsx").active
    assert sheet.title == "DQE"
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[4], row[5], row[6]) for row in values[:5]] == [
        ("1", 1, 2400, 2400), ("2", 4, 350, 1400), ("3", 0, 1200, 0), ("4", 2, 900, 1800),
        ("5", 0, 850, 0),
    ]  # fmt: skip
    assert values[-1][2] == "Total TTC" and values[-1][6] == 6720


def test_price_documents_with_a_discount_expenses_and_days(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write("disc/engagement.yaml", HEAD + (
        "  day_rate: 850\n  package: {price: 10200, days: 12}\n  discount_percent: 5\n"
        "  options:\n    - {label: Atelier sur mesure, days: 1.5, quantity: 2}\n"
        "    - {id: animation-jour, quantity: 2.5}\n"
        "  expenses: [{label: Déplacements, amount: 380}, {label: Impressions, amount: 99.99}]\n"
    ))  # fmt: skip
    target = path.parent / "dpgf.csv"
    code, _out, err = invoke(runner, path, "--dpgf", target, "--dqe", path.parent / "dqe.csv")
    assert code == 0, err
    rows = read_csv(target)
    # 10 200 over the 12 default days is 850.00 a day: the phases in days. Options: 2 x 1.5 days
    # at 850 = 2 x 1 275; 2.5 days of facilitation at 850 = 2 125. Fees 10 200 + 2 550 + 2 125 =
    # 14 875; discount 5 % = 743.75; expenses 479.99; HT 14 611.24; VAT 2 922.248 -> 2 922.25.
    assert [row[0] for row in rows[1:] if row[0]] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
                                                      "2", "3", "4", "5"]  # fmt: skip
    assert rows[2] == ["1.1", "Cadrage", "jour", "1", "850,00", "850,00"]
    assert rows[3] == ["1.2", "Préparation", "jour", "2,5", "850,00", "2125,00"]
    assert rows[8:] == [
        ["2", "Atelier sur mesure", "forfait", "2", "1275,00", "2550,00"],
        ["3", "Animation de dispositifs citoyens", "jour", "2,5", "850,00", "2125,00"],
        ["", "Total des honoraires HT", "", "", "", "14875,00"],
        ["", f"Remise sur honoraires (5{NBSP}%)", "", "", "", "-743,75"],
        ["4", "Déplacements", "forfait", "1", "380,00", "380,00"],
        ["5", "Impressions", "forfait", "1", "99,99", "99,99"],
        ["", "Total HT", "", "", "", "14611,24"],
        ["", f"TVA 20{NBSP}%", "", "", "", "2922,25"],
        ["", "Total TTC", "", "", "", "17533,49"],
    ]
    check_price_rows(rows, 3, 4, 5)
    # the XLSX holds the very same rows, cell for cell (numbers as numbers)
    code, _out, err = invoke(runner, path, "--dpgf", path.parent / "dpgf.xlsx", "--dqe", path.parent / "dqe.xlsx",
                             "--bpu", path.parent / "bpu.xlsx")  # fmt: skip
    assert code == 0, err
    assert xlsx_as_csv(path.parent / "dpgf.xlsx", money_from=4) == rows
    assert xlsx_as_csv(path.parent / "dqe.xlsx", money_from=5) == read_csv(path.parent / "dqe.csv")
    bpu = xlsx_as_csv(path.parent / "bpu.xlsx", money_from=5)
    assert [row[0] for row in bpu[1:]] == ["1", "2", "3", "4", "5"] and bpu[5][5] == "850,00"
    dqe = read_csv(path.parent / "dqe.csv")
    # the DQE: 2.5 days of animation-jour at the BPU's 850 = 2 125; discount 5 % = 106.25
    assert dqe[5][4:] == ["2,5", "850,00", "2125,00"]
    assert [row[2:] for row in dqe[6:]] == [
        ["Sous-total HT", "", "", "", "2125,00"], [f"Remise sur honoraires (5{NBSP}%)", "", "", "", "-106,25"],
        ["Total HT", "", "", "", "2018,75"], [f"TVA 20{NBSP}%", "", "", "", "403,75"],
        ["Total TTC", "", "", "", "2422,50"],
    ]  # fmt: skip


def test_bpu_csv_and_xlsx(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, _out, _err = invoke(
        runner, example, "--bpu", tmp_path / "bpu.csv", "--bpu", tmp_path / "bpu.xlsx"
    )
    assert code == 0
    # the last --bpu wins (Typer keeps one value): the xlsx
    sheet = load_workbook(tmp_path / "bpu.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("N°", "Code", "Désignation", "Description", "Unité", "Prix unitaire HT")
    assert [(row[1], row[4], row[5]) for row in rows[1:]] == [
        ("enquete-terrain", "forfait", 2400), ("entretien-complementaire", "entretien", 350),
        ("atelier-roi-citoyen", "atelier", 1200), ("formation-posture", "session", 900), ("animation-jour", "jour", 850),
    ]  # fmt: skip
    code, _out, _err = invoke(runner, example, "--bpu", tmp_path / "bpu.csv")
    assert code == 0
    rows_csv = read_csv(tmp_path / "bpu.csv")
    assert rows_csv[5][1:3] == ["animation-jour", "Animation de dispositifs citoyens"]
    assert rows_csv[5][5] == "850,00"
    assert all(len(row) == 6 for row in rows_csv)


def test_own_catalog_replaces_the_default(runner: CliRunner, example: Path) -> None:
    (example / "tarifs.yaml").write_text(
        "version: 1\noptions:\n"
        "  - {id: enquete-terrain, label: Enquête, unit: forfait, unit_price: 3000}\n"
        "  - {id: entretien-complementaire, label: Entretien, unit: entretien, unit_price: 400}\n"
        "  - {id: formation-posture, label: Formation, unit: session, days: 0.5}\n",
        encoding="utf-8",
    )
    engagement = example / "engagement.yaml"
    engagement.write_text(engagement.read_text(encoding="utf-8").replace(
        "pricing:\n", "pricing:\n  catalog: tarifs.yaml\n"), encoding="utf-8")  # fmt: skip
    code, out, err = invoke(runner, example, "--json")
    assert code == 0, err
    data = json.loads(out)
    # 10 000 + 3 000 + 4 x 400 + 2 x 0.5 day x 850 = 15 450; + 380 = 15 830 HT
    assert [line["amount"] for line in data["lines"]] == [
        "10000.00",
        "3000.00",
        "1600.00",
        "850.00",
        "380.00",
    ]
    assert (data["total_ht"], data["days"]) == ("15830.00", "13")


def test_english_engagement(runner: CliRunner, example: Path) -> None:
    engagement = example / "engagement.yaml"
    engagement.write_text(
        engagement.read_text(encoding="utf-8").replace("language: fr", "language: en"),
        encoding="utf-8",
    )
    code, out, _err = invoke(runner, example)
    assert code == 0
    assert (
        "Quote DEV-2027-004 of 4 January 2027" in out
        and "Total incl. VAT" in out
        and "€19,176.00" in out
    )


def test_procurement_note_above_the_threshold(runner: CliRunner, example: Path) -> None:
    engagement = example / "engagement.yaml"
    engagement.write_text(engagement.read_text(encoding="utf-8").replace("    price: 10000\n", "    price: 60000\n"),
                          encoding="utf-8")  # fmt: skip
    code, out, _err = invoke(runner, example)
    assert code == 0
    assert "Note" in out and "R2122-8" in out and "MAPA" in out


def test_quote_does_not_import_openpyxl_or_docx(example: Path) -> None:
    script = (
        "import sys\nfrom typer.testing import CliRunner\nfrom dialogue_cli.cli import app\n"
        f"result = CliRunner().invoke(app, ['quote', {str(example)!r}, '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('openpyxl', 'docx', 'docxtpl', 'matplotlib') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- bad input: located, exit 1, nothing written

HEAD = """\
client:
  name: Ville d'Essai
pricing:
  date: 2027-01-04
"""

# (name, pricing lines after HEAD, expected "line:col: field:", words); HEAD is lines 1-4
BAD_CASES = [
    ("unknown-id", "  options:\n    - {id: entretiens-complementaires, quantity: 4}\n",
     ":6:12: pricing.options[0].id:", "did you mean 'entretien-complementaire'?"),
    ("fractional-catalog", "  options:\n    - {id: atelier-roi-citoyen, quantity: 1.5}\n",
     ":6:43: pricing.options[0].quantity:", "fractional for a per-unit line"),
    ("fractional-ad-hoc", "  options:\n    - {label: Expo, unit_price: 1800, quantity: 2.5}\n",
     ":6:49: pricing.options[0].quantity:", "fractional for a per-unit line"),
    ("negative-price", "  options:\n    - {label: Expo, unit_price: -1800}\n",
     ":6:33: pricing.options[0].unit_price:", "greater than 0"),
    ("zero-price", "  package:\n    price: 0\n", ":6:12: pricing.package.price:", "greater than 0"),
    ("zero-quantity", "  options:\n    - {id: animation-jour, quantity: 0}\n",
     ":6:38: pricing.options[0].quantity:", "greater than 0"),
    ("vat-over-100", "  vat_rate: 120\n", ":5:13: pricing.vat_rate:", "less than or equal to 100"),
    ("vat-negative", "  vat_rate: -5\n", ":5:13: pricing.vat_rate:", "greater than or equal to 0"),
    ("vat-zero-no-exemption", "  vat_rate: 0\n", ":5:13: pricing.vat_rate:", "vat_exemption"),
    ("discount-over-100", "  discount_percent: 120\n", ":5:21: pricing.discount_percent:", "less than or equal to 100"),
    ("missing-catalog", "  catalog: tarifs.yaml\n", ":5:12: pricing.catalog:", "catalog not found"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "where", "words"), BAD_CASES, ids=[c[0] for c in BAD_CASES]
)
def test_bad_input_is_located_and_nothing_written(
    runner: CliRunner,
    write: Callable[[str, str], Path],
    name: str,
    text: str,
    where: str,
    words: str,
) -> None:
    path = write(f"{name}/engagement.yaml", HEAD + text)
    target = path.parent / "dpgf.csv"
    code, out, err = invoke(runner, path, "--dpgf", target, "--bpu", path.parent / "bpu.xlsx")
    assert code == 1
    first = err.splitlines()[0]
    assert f"{name}/engagement.yaml{where}" in first, err
    assert words in first, err
    assert out == ""
    assert not target.exists() and not (path.parent / "bpu.xlsx").exists()


CATALOG_CASES = [
    ("broken-yaml", "options:\n  - {id: a, label: [A\n", "tarifs.yaml:2:20:", "opened here"),
    ("unknown-key", "options:\n  - id: a\n    label: A\n    prix: 10\n", "tarifs.yaml:4:5: options[0].prix:",
     "unknown key 'prix'"),
    ("no-price", "options:\n  - id: a\n    label: A\n", "tarifs.yaml:2:5: options[0]:", "'unit_price'"),
    ("negative", "options:\n  - {id: a, label: A, unit_price: -3}\n", "tarifs.yaml:2:35: options[0].unit_price:",
     "greater than 0"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "catalog", "where", "words"), CATALOG_CASES, ids=[c[0] for c in CATALOG_CASES]
)
def test_broken_catalog_is_located_in_the_catalog(
    runner: CliRunner,
    write: Callable[[str, str], Path],
    name: str,
    catalog: str,
    where: str,
    words: str,
) -> None:
    write(f"{name}/tarifs.yaml", catalog)
    path = write(f"{name}/engagement.yaml", HEAD + "  catalog: tarifs.yaml\n")
    code, out, err = invoke(runner, path, "--dpgf", path.parent / "dpgf.csv")
    assert code == 1
    first = err.splitlines()[0]
    assert f"{name}/{where}" in first, err
    assert words in first, err
    assert out == "" and not (path.parent / "dpgf.csv").exists()


def test_several_problems_reported_at_once(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write(
        "many/engagement.yaml",
        HEAD
        + "  options:\n    - {id: enquete}\n    - {id: entretien-complementaire, quantity: 0.5}\n",
    )
    code, _out, err = invoke(runner, path)
    assert code == 1
    lines = err.splitlines()
    assert "engagement.yaml:6:12: pricing.options[0].id: unknown catalog id 'enquete'" in lines[0]
    assert "did you mean 'enquete-terrain'?" in lines[0]
    assert "engagement.yaml:7:48: pricing.options[1].quantity:" in lines[1]
    assert lines[2].startswith("2 problems in ") and lines[2].endswith("many/engagement.yaml")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("dpgf.pdf", "dpgf.pdf: give the file a .csv or .xlsx name"),
        ("missing/dpgf.csv", "does not exist"),
    ],
)
def test_bad_output_path(
    runner: CliRunner, example: Path, tmp_path: Path, name: str, words: str
) -> None:
    code, out, err = invoke(
        runner, example, "--bpu", tmp_path / "bpu.csv", "--dpgf", tmp_path / name
    )
    assert code == 1
    assert words in err
    assert out == "" and not (tmp_path / "bpu.csv").exists()


def test_warnings_go_to_stderr(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write("warn/engagement.yaml", HEAD + "  package: {price: 9000, days: 10}\n")
    code, out, err = invoke(runner, path, "--json", "--dpgf", path.parent / "dpgf.csv")
    assert code == 0
    json.loads(out)
    assert "warning: consultant.siret is empty" in err
    # the default phases plan 12 days, the package 10: the DPGF spreads 9 000 over 12 days
    assert "warning: the phases plan 12 days but the package has 10" in err
    rows = read_csv(path.parent / "dpgf.csv")
    # 9 000 over 12 days is exactly 750.00 a day: phases in days
    assert rows[2][2:5] == ["jour", "1", "750,00"] and sum(
        french(row[5]) for row in rows[2:8]
    ) == D("9000")
