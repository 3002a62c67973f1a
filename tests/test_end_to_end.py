"""A whole engagement, lived as a consultant would: init, fill, import feedback, check, produce."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from dialogue_cli.cli import app

HEADER = ["id", "scenario", "polarite", "intensite", "criteres", "theme", "verbatim", "auteur"]


def invoke(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, f"dialogue {' '.join(args)}\n{result.output}"
    assert "Traceback" not in result.output
    return result


def status(runner: CliRunner, folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(invoke(runner, "check", str(folder), "--json").stdout)
    return data


def edit(path: Path, change: Any) -> None:
    """Edit the engagement through a ruamel round trip, as a script or an editor plugin would."""
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)


def test_an_engagement_from_init_to_render(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "bellerive"
    invoke(runner, "init", str(folder), "--yes", "--client", "Ville de Bellerive",
           "--population", "18200", "--start", "2027-03-01", "--reference", "BEL-2027")  # fmt: skip
    path = folder / "engagement.yaml"
    first = status(runner, folder)
    assert first["current_phase"] == "cadrage"
    assert "aucune partie prenante cartographiée (stakeholders)" in [
        t["message"] for t in first["todo"]
    ]

    # Phases 1-2: framing and preparation.
    def prepare(data: Any) -> None:
        data["consultant"].update({"name": "Hélène Marchal", "company": "Marchal Concertation",
                                   "siret": "73282932000074"})  # fmt: skip
        data["client"]["contact"]["name"] = "Claire Fontaine"
        data["phases"]["cadrage"]["status"] = "done"
        data["phases"]["preparation"]["status"] = "doing"
        data["objectives"].append({"id": "OBJ1", "label": "Toucher ceux qui ne viennent jamais"})
        data["means"].append({"id": "M1", "label": "Chargée de mission participation"})
        data["state_of_the_art"].append({"id": "E1", "label": "Conseils de quartier depuis 2012"})
        data["stakeholders"].extend([
            {"id": "S1", "name": "Maire", "group": "élus", "influence": 5, "interest": 4, "position": 1},
            {"id": "S2", "name": "Opposition", "group": "elus", "influence": 2, "interest": 4, "position": -1},
            {"id": "S3", "name": "DGS", "group": "services", "influence": 4, "interest": 3},
            {"id": "S4", "name": "Conseil citoyen", "group": "citoyens", "influence": 2, "interest": 5,
             "contact": {"email": "conseil@bellerive.example"}},
        ])  # fmt: skip
        data["scenarios"].extend([
            {"id": "BP", "title": "Budget participatif"},
            {"id": "PC", "title": "Panel citoyen"},
            {"id": "TR", "title": "Remarques transversales", "transversal": True},
        ])  # fmt: skip

    edit(path, prepare)
    text = path.read_text(encoding="utf-8")
    assert "# Phase 2 : la cartographie des parties prenantes." in text  # comments survived
    assert text.startswith("# yaml-language-server: $schema=engagement.schema.json")
    second = status(runner, folder)
    assert second["current_phase"] == "preparation"
    assert second["counts"]["stakeholders"]["total"] == 4

    # Phase 3: the three workshops, feedback in three CSVs and one XLSX.
    fb = folder / "feedback"
    write_csv(fb / "elus.csv", [
        ["", "BP", "+", "3", "UTILITE", "visibilite", "On voit le résultat, c'est concret.", "M. Dupont"],
        ["", "BP", "-", "2", "MANDAT", "mandat", "Le conseil doit garder le dernier mot.", "Mme Roy"],
        ["", "PC", "+", "2", "MANDAT;UTILITE", "legitimite", "Un avis que personne ne pourra contester.", ""],
        ["", "PC", "?", "1", "", "cout", "Combien coûte l'indemnisation ?", ""],
    ])  # fmt: skip
    write_csv(fb / "citoyens.csv", [
        ["", "BP", "+", "3", "RETOUR", "concret", "Enfin on voit ce qu'on vote.", "Nadia B."],
        ["", "PC", "+", "3", "INCLUSION", "diversite", "Le tirage au sort, c'est pour tout le monde.", ""],
        ["", "PC", "idee", "2", "RETOUR", "restitution", "Que le panel présente son avis au conseil.", ""],
    ])  # fmt: skip
    write_csv(fb / "services.csv", [
        ["", "BP", "-", "3", "CHARGE", "charge", "Instruire cent projets à deux, impossible.", "Agent 1"],
        ["", "PC", "+", "2", "UTILITE", "qualite", "Des avis argumentés, faciles à traiter.", ""],
    ])  # fmt: skip
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["", "BP", "+", 2, "INCLUSION", "equite", "Une part réservée aux Tilleuls.", ""])
    sheet.append(["", "PC", "-", 1, "COUT", "cout", "Indemniser coûte cher.", ""])
    book.save(fb / "citoyens-2.xlsx")

    def workshops(data: Any) -> None:
        data["phases"]["preparation"]["status"] = "done"
        data["phases"]["ateliers"]["status"] = "doing"
        for workshop, day in zip(
            data["workshops"], ("2027-03-23", "2027-03-25", "2027-03-30"), strict=True
        ):
            workshop["date"] = day
            workshop["participants"] = 12
        data["workshops"].append({"id": "AT-CITOYENS-2", "group": "citoyens", "date": "2027-04-01",
                                  "participants": 9, "feedback_file": "feedback/citoyens-2.xlsx"})  # fmt: skip

    edit(path, workshops)
    third = status(runner, folder)
    assert third["counts"]["workshops"] == {
        "AT-ELUS": 4,
        "AT-CITOYENS": 3,
        "AT-SERVICES": 2,
        "AT-CITOYENS-2": 2,
    }
    assert not any("aucun retour saisi" in t["message"] for t in third["todo"])

    # Phases 4-6: analysis, creativity, deliverables.
    def finish(data: Any) -> None:
        for name in ("ateliers", "analyse", "creativite"):
            data["phases"][name]["status"] = "done"
        data["phases"]["livrables"]["status"] = "doing"
        data["creativity"]["date"] = "2027-04-20"
        data["creativity"]["solutions"].append({
            "id": "SOL1", "title": "Budget participatif à pas mesurés", "scenarios": ["BP"], "retained": True,
            "tests": [{"group": g, "verdict": "+"} for g in ("elus", "citoyens", "services")],
        })  # fmt: skip
        data["commitments"] = [
            {"id": "C1", "label": "Réponse à chaque proposition", "delay_days": 60}
        ]
        data["indicators"] = [{"id": f"I{i}", "group": g, "label": f"Indicateur {g}"}
                              for i, g in enumerate(("elus", "services", "citoyens"))]  # fmt: skip
        data["governance"] = {"sponsor": "Claire Fontaine"}

    edit(path, finish)
    last = status(runner, folder)
    assert last["current_phase"] == "livrables"
    assert last["next"] == []

    png = tmp_path / "carte.png"
    invoke(runner, "map", str(folder), "--png", str(png))
    assert png.read_bytes().startswith(b"\x89PNG")

    scores = json.loads(invoke(runner, "score", str(folder), "--json").stdout)
    ranked = {s["id"]: s for s in scores["scenarios"]}
    assert set(ranked) == {"BP", "PC"}
    assert ranked["PC"]["groups"]["elus"]["questions"] == 1

    quote = json.loads(invoke(runner, "quote", str(folder), "--json").stdout)
    assert quote["total_ht"] == "10000.00" and quote["total_ttc"] == "12000.00"

    ics = tmp_path / "plan.ics"
    invoke(runner, "plan", str(folder), "--ics", str(ics))
    from icalendar import Calendar

    events = [c for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(events) >= 5  # four workshops and the creativity session at least

    invoke(runner, "render", str(folder))
    out = folder / "livrables"
    produced = sorted(p.name for p in out.glob("*.docx"))
    assert produced == sorted([
        "cahier-des-charges.docx", "communication-interne.docx", "communication-externe.docx",
        "kit-roi-citoyen.docx", "synthese-ateliers.docx", "devis.docx",
        "communique-de-presse.docx", "facile-a-lire.docx",
    ])  # fmt: skip

    # The consultant edits one document by hand: a second render must not overwrite it.
    from docx import Document

    edited = out / "cahier-des-charges.docx"
    document = Document(str(edited))
    document.add_paragraph("Note ajoutée à la main par la consultante.")
    document.save(str(edited))
    before = edited.read_bytes()
    again = runner.invoke(app, ["render", str(folder)])
    assert again.exit_code == 1
    assert "cahier-des-charges.docx" in again.output
    assert "Traceback" not in again.output
    assert edited.read_bytes() == before
