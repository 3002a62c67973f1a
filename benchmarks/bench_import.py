"""Importing 100 000 Decidim comments: `dialogue feedback import` beside the csv module alone.

Generates, in a temporary folder, the Ormessac engagement with one more workshop and a Decidim
comments export of N rows (``;``, UTF-8, the documented columns; French texts of which some
carry HTML, Markdown, gid mention tokens, e-mails or phones; 2 000 authors; three components),
and a mapping (components to scenarios, a few criteria keywords). Then, each in a fresh process
so that peak memory is its own:

- ``csv``: the file read with the csv module alone (every cell touched), the baseline;
- ``core``: :func:`dialogue_cli.importers.run.import_export` and the feedback file written;
- ``cli``: ``dialogue feedback import decidim ... --force`` as a user runs it (start-up,
  engagement loading, reading the other workshops' ids, the read-back check included).

It prints wall time, CPU time and peak RSS for each, and the ratio to ``csv`` measured in the
same run.
Wall time grows with the machine's load: CPU time (user + system, from ``wait4``) is printed
beside it and carries the target. Targets (2-core machine): 100 000 comments in under 15 s of
CPU and under 400 MB.

Run: python benchmarks/bench_import.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"
HEADER = [
    "id", "created_at", "body", "locale", "author/id", "author/name", "alignment", "depth",
    "user_group/id", "user_group/name", "commentable_id", "commentable_type", "root_commentable_url",
]  # fmt: skip
TEXTS = [
    "Il manque des pistes cyclables entre les Tilleuls et le centre, c'est dangereux le soir.",
    "Le conseil municipal doit garder le vote final : sinon à quoi servent les élus ?",
    "<p>Je suis <strong>d'accord</strong> avec cette proposition&nbsp;: enfin du concret.</p>",
    "**Attention** au coût d'entretien : _qui paiera_ dans cinq ans ? [le budget](https://x.example/b)",
    "Merci gid://ormessac/Decidim::User/377 pour cette idée, on en parle au centre social ?",
    "- des permanences le samedi\n- une réponse écrite à chaque proposition",
    "Écrivez-moi à habitant.tilleuls@mail.example ou au 06 12 34 56 78 pour en parler.",
    "Trop de réunions en semaine, avec des enfants c'est impossible ; et le samedi matin ?",
]
MAPPING = """\
source: decidim
scenario:
  by:
    component: {"12": BP, "13": PN, "14": CQ}
criteria:
  COUT: [coût, budget, paiera]
  INCLUSION: [tilleuls, centre social, enfants]
  MANDAT: [conseil municipal, élus, vote final]
"""


def generate(folder: Path, rows: int, seed: int = 11) -> tuple[Path, Path, Path]:
    """The engagement (with workshop AT-EN-LIGNE), the export and the mapping."""
    rng = random.Random(seed)
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables"))
    engagement = folder / "engagement.yaml"
    text = engagement.read_text(encoding="utf-8")
    extra = "  - id: AT-EN-LIGNE\n    group: citoyens\n"
    engagement.write_text(
        text.replace("\ncreativity:\n", "\n" + extra + "\ncreativity:\n", 1), encoding="utf-8"
    )
    export = folder / "comments.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for i in range(rows):
            component = rng.choice(("12", "12", "13", "14"))
            proposal = rng.randint(100, 400)
            author = rng.randint(1, 2000)
            depth = rng.choice((0, 0, 0, 1))
            writer.writerow([
                i + 1, f"2027-03-{1 + i % 28:02d} 10:{i % 60:02d}:00 +0100", f"{rng.choice(TEXTS)} ({i})",
                "fr", author, f"Participant{author} Nom{author}", rng.choice(("1", "0", "-1", "0")), depth,
                "", "", proposal, "Decidim::Comments::Comment" if depth else "Decidim::Proposals::Proposal",
                f"https://participer.ormessac.example/processes/dialogue-2027/f/{component}/proposals/{proposal}",
            ])  # fmt: skip
    mapping = folder / "decidim.map.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return engagement, export, mapping


# ---------------------------------------------------------------- children (one process each)


def child_csv(export: Path) -> dict[str, object]:
    start = time.perf_counter()
    rows = cells = 0
    with export.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";"):
            rows += 1
            cells += sum(len(cell) for cell in row)
    return {"seconds": time.perf_counter() - start, "rows": rows - 1}


def child_core(engagement: Path, export: Path, mapping: Path) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "src"))
    from dialogue_cli.engagement.loader import load
    from dialogue_cli.importers.mapping import load_mapping
    from dialogue_cli.importers.run import import_export
    from dialogue_cli.importers.writer import write

    project = load(engagement)
    rules = load_mapping(mapping, mapping.name, project.engagement, "decidim")
    start = time.perf_counter()
    outcome = import_export(export, export.name, "decidim", project.engagement, rules)
    write(export.parent / "core-out.csv", outcome.items, "fr", "decidim")
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "imported": len(outcome.items),
        "unclassified": len(outcome.unclassified),
    }


def run_child(kind: str, engagement: Path, export: Path, mapping: Path) -> dict[str, object]:
    """Run one measurement in a fresh process; wall time and peak RSS measured from here."""
    from _cli import dialogue_binary

    if kind == "cli":
        out = engagement.parent / "feedback" / "AT-EN-LIGNE-decidim.csv"
        command = [*dialogue_binary(), "feedback", "import", "decidim", str(export), "-w", "AT-EN-LIGNE",
                   "--map", str(mapping), "--out", str(out), "--force", "-e", str(engagement), "--json"]  # fmt: skip
    else:
        command = [
            sys.executable,
            __file__,
            "--child",
            kind,
            str(engagement),
            str(export),
            str(mapping),
        ]
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out_file, stderr=err_file)
        _pid, status, usage = os.wait4(process.pid, 0)  # reap it here to read its own peak RSS
        wall = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        stdout, stderr = out_file.read(), err_file.read()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{kind} failed:\n{stderr.decode()[-2000:]}")
    result: dict[str, object] = {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
    }
    data = json.loads(stdout)
    if kind == "cli":
        result.update({"imported": data["imported"], "unclassified": data["unclassified"]})
    else:
        result.update(data)
    return result


def main() -> None:
    from run_all import figure, write_summary

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Generate the data in this folder and keep it.")
    parser.add_argument(
        "--child", nargs=4, metavar=("KIND", "ENGAGEMENT", "EXPORT", "MAP"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        kind, engagement, export, mapping = args.child
        if kind == "csv":
            print(json.dumps(child_csv(Path(export))))
        else:
            print(json.dumps(child_core(Path(engagement), Path(export), Path(mapping))))
        return

    rows = 20_000 if os.environ.get("DIALOGUE_BENCH_QUICK") else args.rows
    if rows != args.rows:
        print(f"quick run: {rows} rows")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    base = args.keep if args.keep else Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        engagement, export, mapping = generate(base / f"rows{rows}", rows)
        print(f"{rows} Decidim comments: {export.stat().st_size / 1e6:.1f} MB of CSV")
        results = {
            kind: run_child(kind, engagement, export, mapping) for kind in ("csv", "core", "cli")
        }
        baseline = results["csv"]
        print(
            f"{'run':<6}{'in-process s':>13}{'wall s':>9}{'cpu s':>8}{'peak MB':>9}{'vs csv (cpu)':>14}  items"
        )
        for kind, result in results.items():
            inner = result.get("seconds")
            inner_text = f"{float(str(inner)):13.2f}" if inner is not None else f"{'-':>13}"
            ratio = float(str(result["cpu"])) / float(str(baseline["cpu"]))
            items = (
                f"{result['imported']} + {result['unclassified']} unclassified"
                if "imported" in result
                else f"{result['rows']} rows"
            )
            print(
                f"{kind:<6}{inner_text}{float(str(result['wall'])):9.2f}"
                f"{float(str(result['cpu'])):8.2f}{float(str(result['peak_mb'])):9.0f}"
                f"{ratio:13.1f}x  {items}"
            )
        label = f"{rows // 1000}k"
        cli = results["cli"]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs (wall time grows with it)"
        )
        small = rows <= 100_000
        write_summary([
            figure(f"import {label} Decidim comments (cli, cpu)", float(str(cli["cpu"])), "s",
                   target=15.0 if small else None, baseline_name="csv module alone",
                   baseline_value=float(str(baseline["cpu"]))),
            figure(f"import {label} Decidim comments (cli, wall)", float(str(cli["wall"])), "s",
                   baseline_name="csv module alone", baseline_value=float(str(baseline["wall"]))),
            figure(f"import {label} Decidim comments (cli, peak memory)", float(str(cli["peak_mb"])), "MB",
                   target=400.0 if small else None, baseline_name="csv module alone",
                   baseline_value=float(str(baseline["peak_mb"]))),
        ])  # fmt: skip
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
