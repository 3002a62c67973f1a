"""`dialogue map` on real files: table, JSON, CSV register, PNG and SVG pictures."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from dialogue_cli.cli import app

EXAMPLE_IDS = [f"ST{i:02d}" for i in range(1, 16)]


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["map", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def set_language(folder: Path, language: str) -> None:
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("language: fr", f"language: {language}", 1), encoding="utf-8")


SMALL = """
    version: 1
    language: {language}
    engagement: {{title: Petite ville}}
    client: {{name: Ville de Test}}
    stakeholders:
      - {{id: A, name: "=HYPERLINK(\\"http://evil\\")", group: elus, influence: 4, interest: 4,
         contact: {{email: a@example.org, phone: "+33 6 00 00 00 00"}}}}
      - {{id: B, name: Sans groupe, influence: 1, interest: 1, contact: {{email: b@example.org}}}}
      - {{id: C, name: sans  Groupe, group: citoyens, influence: 1, interest: 2, level: concertation}}
"""


def small(write: Callable[[str, str], Path], language: str = "fr") -> Path:
    return write("small/engagement.yaml", SMALL.format(language=language))


# -- Table --


def test_table_groups_by_quadrant_in_french(runner: CliRunner, example: Path) -> None:
    out = run(runner, str(example))
    assert "Cartographie des parties prenantes" in out
    headings = [
        "Acteurs clés — associer étroitement (5)",
        "Maintenir satisfaits (3)",
        "Tenir informés (7)",
        "Garder en veille (0)",
    ]
    positions = [out.index(heading) for heading in headings]
    assert positions == sorted(positions)
    # The Maire is a key player; the opposition councillor is kept informed.
    key_players = out[positions[0] : positions[1]]
    informed = out[positions[2] : positions[3]]
    assert "Maire" in key_players and "co-construire" in key_players
    assert "Conseiller municipal d'opposition" in informed and "concerter" in informed
    assert "dépendant" in informed  # ST04: legitimacy + urgency, no power
    assert "Warning" not in out


def test_table_in_english(runner: CliRunner, example: Path) -> None:
    set_language(example, "en")
    out = run(runner, str(example))
    assert "Key players — manage closely (5)" in out
    assert "collaborate" in out and "Monitor (0)" in out
    assert "Elected members" in out


def test_table_prints_warnings_and_set_levels(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    out = run(runner, str(small(write)))
    assert "Warning: no stakeholder in group 'services'" in out
    assert "Warning: no opponent or critical voice" in out
    assert "Warning: every citizen stakeholder (1) is in 'monitor'" in out
    assert "Warning: B (Sans groupe) has contact data but no group" in out
    assert "Warning: duplicate name 'Sans groupe': B, C" in out
    assert "concerter*" in out and "niveau fixé" in out


# -- JSON --


def test_json(runner: CliRunner, example: Path) -> None:
    data = json.loads(run(runner, str(example), "--json"))
    assert data["threshold"] == 3
    assert [item["id"] for item in data["stakeholders"]] == EXAMPLE_IDS
    assert data["groups"] == {"elus": 4, "citoyens": 5, "services": 5, "partenaires": 1}
    assert data["warnings"] == []
    by_id = {item["id"]: item for item in data["stakeholders"]}
    assert by_id["ST01"] == {
        "id": "ST01",
        "name": "Maire",
        "group": "elus",
        "influence": 5,
        "interest": 4,
        "quadrant": "manage_closely",
        "level": "coconstruire",
        "salience": "dominant",
    }
    # ST08: influence 3 (= threshold), interest 2, not legitimate but urgent: power + urgency.
    assert (by_id["ST08"]["quadrant"], by_id["ST08"]["salience"]) == (
        "keep_satisfied",
        "dangerous",
    )
    assert by_id["ST13"]["quadrant"] == "keep_informed"  # interest 3 = threshold


def test_json_follows_the_threshold(runner: CliRunner, example: Path) -> None:
    path = example / "engagement.yaml"
    path.write_text(path.read_text().replace("threshold: 3", "threshold: 4", 1))
    data = json.loads(run(runner, str(example), "--json"))
    quadrants = {item["id"]: item["quadrant"] for item in data["stakeholders"]}
    assert data["threshold"] == 4
    assert quadrants["ST01"] == "manage_closely"  # 5 / 4
    assert quadrants["ST05"] == "keep_satisfied"  # 4 / 3
    assert quadrants["ST07"] == "monitor"  # 3 / 3


def test_json_with_files_keeps_stdout_parseable(runner: CliRunner, example: Path) -> None:
    target = example / "carte.png"
    result = runner.invoke(app, ["map", str(example), "--json", "--png", str(target)])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    assert f"Wrote {target}" in result.stderr


# -- CSV register --


def read_register(path: Path, delimiter: str = ";") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_register_without_contacts(runner: CliRunner, example: Path) -> None:
    target = example / "registre.csv"
    out = run(runner, str(example), "--csv", str(target))
    assert f"Wrote {target}" in out
    rows = read_register(target)
    assert rows[0][:6] == ["id", "nom", "groupe", "rôle", "influence", "intérêt"]
    assert [row[0] for row in rows[1:]] == EXAMPLE_IDS
    assert rows[1][9:11] == ["Acteurs clés — associer étroitement", "co-construire"]
    assert rows[3][6] == "-1"  # a position is a number, not neutralised
    assert "@" not in target.read_text(encoding="utf-8-sig")  # no e-mail address


def test_csv_register_with_contacts_and_formulas(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = small(write, language="en")
    target = path.parent / "register.csv"
    run(runner, str(path), "--csv", str(target), "--with-contacts")
    rows = read_register(target, delimiter=",")
    assert rows[0][-2:] == ["email", "phone"]
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert rows[1][-2:] == ["a@example.org", "'+33 6 00 00 00 00"]
    assert rows[3][10:12] == ["involve", "yes"]  # level set in the file


def test_csv_register_follows_the_shared_spreadsheet_rule(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    text = (
        SMALL.format(language="fr")
        .replace("name: Sans groupe,", 'name: Sans groupe, role: "-",')
        .replace("name: sans  Groupe,", 'name: sans  Groupe, role: "@mairie",')
    )
    path = write("small/engagement.yaml", text)
    target = path.parent / "registre.csv"
    run(runner, str(path), "--csv", str(target))
    rows = read_register(target)
    # dialogue_cli.common.spreadsheet.neutralise: a lone dash is text to a spreadsheet, "@" is not
    assert [row[3] for row in rows[1:]] == ["", "-", "'@mairie"]


def test_with_contacts_needs_csv(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["map", str(example), "--with-contacts"])
    assert result.exit_code == 1
    assert result.stderr == "--with-contacts: only applies to --csv FILE (the register)\n"


# -- Pictures --


def test_png_is_a_sensible_image(runner: CliRunner, example: Path) -> None:
    target = example / "carte.png"
    run(runner, str(example), "--png", str(target))
    with Image.open(target) as image:
        assert image.format == "PNG"
        # Drawn at its printed size: 17 cm wide; 8 inches tall for the example's names to fit.
        assert image.size == (1338, 1600)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50  # not a blank page
    small_png = example / "small.png"
    run(runner, str(example), "--png", str(small_png), "--dpi", "100")
    with Image.open(small_png) as image:
        assert image.size == (669, 800)


def test_svg_has_every_label(runner: CliRunner, example: Path) -> None:
    target = example / "carte.svg"
    run(runner, str(example), "--svg", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml")
    for stakeholder_id in EXAMPLE_IDS:
        assert f'id="stakeholder-{stakeholder_id}"' in text
    # Text is drawn as paths; matplotlib keeps each string as a comment.
    for fragment in ("Maire", "DGS", "Acteurs clés — associer étroitement", "Garder en veille"):
        assert fragment in text
    assert "Responsable des" in text and "Élus (4)" in text


def test_pictures_are_deterministic(runner: CliRunner, example: Path) -> None:
    first, second = example / "a.svg", example / "b.svg"
    run(runner, str(example), "--svg", str(first))
    run(runner, str(example), "--svg", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert b"<dc:date>" not in first.read_bytes()
    png_a, png_b = example / "a.png", example / "b.png"
    run(runner, str(example), "--png", str(png_a))
    run(runner, str(example), "--png", str(png_b))
    assert png_a.read_bytes() == png_b.read_bytes()


def test_english_picture_labels(runner: CliRunner, example: Path) -> None:
    set_language(example, "en")
    target = example / "map.svg"
    run(runner, str(example), "--svg", str(target))
    text = target.read_text(encoding="utf-8")
    assert "Key players — manage closely" in text and "Stakeholder map" in text
    assert "Acteurs clés" not in text


# -- Errors --


def test_missing_output_folder_is_a_clean_error(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(app, ["map", str(example), "--png", str(example / "nope" / "x.png")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_invalid_engagement_is_located(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write(
        "bad/engagement.yaml",
        """
        client: {name: Ville}
        stakeholders:
          - {id: A, name: A, influence: 7, interest: 2}
        """,
    )
    result = runner.invoke(app, ["map", str(path)])
    assert result.exit_code == 1
    assert "engagement.yaml:3:" in result.stderr and "influence" in result.stderr
    assert "Traceback" not in result.output


def test_importing_the_cli_does_not_load_matplotlib() -> None:
    code = (
        "import sys, dialogue_cli.cli; "
        "heavy = [m for m in ('matplotlib', 'PIL') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_unwritable_target_is_a_clean_error(runner: CliRunner, example: Path) -> None:
    target = example / "engagement.yaml" / "carte.png"  # its "folder" is a file
    result = runner.invoke(app, ["map", str(example), "--png", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"--png {target}: {target.parent} is not a folder\n"
    assert "Traceback" not in result.output


def test_names_are_printed_literally(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write(
        "markup/engagement.yaml",
        """
        client: {name: Ville}
        engagement: {title: "Plan [bold]vélo[/bold]"}
        stakeholders:
          - {id: A, name: "Collectif [/red] des Tilleuls", influence: 3, interest: 3}
          - {id: B, name: "Collectif [/red] des Tilleuls", influence: 1, interest: 1}
        """,
    )
    out = run(runner, str(path))
    assert "Plan [bold]vélo[/bold]" in out
    assert "Collectif [/red] des Tilleuls" in out
    assert "duplicate name 'Collectif [/red] des Tilleuls': A, B" in out
