"""End-to-end scoring of 100 000 and 1 000 000 feedback rows: `dialogue` against pandas.

Generates, in a temporary folder, the Ormessac engagement with its three workshops reading CSV
files that hold N rows in all (ids, ``;``-separated, French text with accents, 1 to 3 criteria,
every polarity). Then, each in a fresh process so that peak memory is its own:

- ``stream``: ``load`` + ``scoring.score_project`` (read, validate every row, score), the core
  of ``dialogue score``;
- ``cli``: ``dialogue score PATH --json`` as a user runs it (interpreter start-up included);
- ``pandas``: ``read_csv`` + the same group scores S(s, g) with ``str.split``/``explode``/
  ``groupby`` (no validation, no condition or criterion scores), when pandas is installed.

It prints wall time and peak RSS for each, the ratio to pandas measured in the same run, and
checks that pandas finds the same group scores. Targets (2-core machine): 1M rows under 5 s and
under 500 MB peak.

Run: python benchmarks/bench_score.py [--rows 100000 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
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
HEADER = ["id", "scenario", "polarite", "intensite", "theme", "critere", "verbatim", "auteur"]
GROUP_FILES = {"elus": "AT-ELUS", "citoyens": "AT-CITOYENS", "services": "AT-SERVICES"}
SCENARIOS = ["BP", "CQ", "PN", "PC", "TR"]
CRITERIA = ["MANDAT", "CHARGE", "UTILITE", "RETOUR", "INCLUSION", "COUT"]
WEIGHTS = {"MANDAT": 20, "CHARGE": 20, "UTILITE": 15, "RETOUR": 20, "INCLUSION": 15, "COUT": 10}
POLARITIES = ["+"] * 35 + ["-"] * 35 + ["?"] * 15 + ["idee"] * 15
THEMES = ["confiance", "charge", "equite", "delais", "mandat", "cout", "suivi", "proximite"]
TEXTS = [
    "Enfin un dispositif où l'on voit le résultat : on propose, on vote, et c'est réalisé.",
    "Des réunions à 18h30 en semaine, c'est impossible avec deux enfants ; et le samedi ?",
    "Qui décide si un projet est faisable ? On aimerait comprendre pourquoi il est écarté.",
    "Les services sont déjà à flux tendu : « pas d'usine à gaz », s'il vous plaît.",
    "Ça peut redonner du sens ; les agents de terrain connaissent les aménagements manquants.",
]


def generate(folder: Path, rows: int, seed: int = 7) -> Path:
    """The example engagement whose three workshops read ``rows`` CSV rows in all."""
    rng = random.Random(seed)
    text = (EXAMPLE / "engagement.yaml").read_text(encoding="utf-8")
    start = text.index("\nworkshops:\n")
    end = text.index("\ncreativity:\n")
    workshops = ["workshops:"]
    (folder / "feedback").mkdir(parents=True)
    per_file = rows // 3
    for n, (group, workshop) in enumerate(GROUP_FILES.items()):
        count = per_file if n < 2 else rows - 2 * per_file
        workshops += [
            f"  - id: {workshop}",
            f"    group: {group}",
            f"    feedback_file: feedback/{group}.csv",
        ]
        prefix = workshop[3:5]
        with (folder / "feedback" / f"{group}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(HEADER)
            for i in range(count):
                crits = ";".join(rng.sample(CRITERIA, rng.randint(1, 3)))
                writer.writerow(
                    [
                        f"{prefix}-{i:07d}",
                        rng.choice(SCENARIOS),
                        rng.choice(POLARITIES),
                        rng.randint(1, 3),
                        rng.choice(THEMES),
                        crits,
                        f"{rng.choice(TEXTS)} ({i})",
                        f"Participant {i % 500}",
                    ]
                )
    path = folder / "engagement.yaml"
    path.write_text(text[:start] + "\n" + "\n".join(workshops) + text[end:], encoding="utf-8")
    return path


# ---------------------------------------------------------------- children (one process each)


def child_stream(path: Path) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "src"))
    from dialogue_cli.analysis.scoring import score_project
    from dialogue_cli.engagement.loader import load

    start = time.perf_counter()
    report = score_project(load(path))
    seconds = time.perf_counter() - start
    scores = {f"{s.id}/{g}": cell.shown for s in report.scenarios for g, cell in s.groups.items()}
    return {"seconds": seconds, "scores": scores}


def child_pandas(path: Path) -> dict[str, object]:
    import pandas as pd

    start = time.perf_counter()
    frames = []
    for group in GROUP_FILES:
        frame = pd.read_csv(
            path.parent / "feedback" / f"{group}.csv",
            sep=";",
            usecols=["scenario", "polarite", "intensite", "critere"],
            dtype={"scenario": "category", "polarite": "category", "critere": "string"},
        )
        frame["group"] = group
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    data = data[data["polarite"].isin(["+", "-"]) & data["critere"].notna()]
    data = data.assign(critere=data["critere"].str.split(";")).explode("critere")
    weight = data["critere"].map(WEIGHTS).astype("float64") * data["intensite"]
    sign = data["polarite"].map({"+": 1.0, "-": -1.0}).astype("float64")
    data = data.assign(num=sign * weight, den=weight)
    sums = data.groupby(["scenario", "group"], observed=True)[["num", "den"]].sum()
    result = sums["num"] / sums["den"]
    seconds = time.perf_counter() - start
    scores = {f"{s}/{g}": round(float(v), 4) for (s, g), v in result.items()}
    return {"seconds": seconds, "scores": scores}


def run_child(kind: str, path: Path) -> dict[str, object]:
    """Run one measurement in a fresh process; wall time and peak RSS measured from here."""
    from _cli import dialogue_binary

    if kind == "cli":
        command = [*dialogue_binary(), "score", str(path), "--json"]
    else:
        command = [sys.executable, __file__, "--child", kind, str(path)]
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out_file, stderr=err_file)
        _pid, status, usage = os.wait4(process.pid, 0)  # reap it here to read its own peak RSS
        wall = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{kind} failed:\n{err.decode()[-2000:]}")
    result: dict[str, object] = {"wall": wall, "peak_mb": usage.ru_maxrss / 1024}
    if kind == "cli":
        data = json.loads(out)
        result["scores"] = {
            f"{s['id']}/{g}": v["score"] for s in data["scenarios"] for g, v in s["groups"].items()
        }
    else:
        result.update(json.loads(out))
    return result


def main() -> None:
    from run_all import figure, write_summary

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, help="Generate the data in this folder and keep it.")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        run = child_stream if kind == "stream" else child_pandas
        print(json.dumps(run(Path(path))))
        return

    has_pandas = importlib.util.find_spec("pandas") is not None
    if not has_pandas:
        print("note: pandas is not installed; the pandas column is skipped.")
    kinds = ["stream", "cli"] + (["pandas"] if has_pandas else [])
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    header = (
        f"{'rows':>9}  {'run':<8}{'in-process s':>13}{'wall s':>9}{'peak MB':>9}{'vs pandas':>11}"
    )
    print(header)
    summary: list[dict[str, object]] = []
    for rows in args.rows:
        folder = Path(tempfile.mkdtemp(prefix="bench_score_")) if not args.keep else args.keep
        try:
            path = generate(folder / f"rows{rows}", rows)
            size = sum(f.stat().st_size for f in (path.parent / "feedback").iterdir()) / 1e6
            print(f"{rows:>9}  data: {size:.0f} MB of CSV")
            results = {kind: run_child(kind, path) for kind in kinds}
            base = results.get("pandas")
            for kind, result in results.items():
                inner = result.get("seconds")
                inner_text = f"{inner:13.2f}" if isinstance(inner, float) else f"{'-':>13}"
                ratio = ""
                if base is not None and kind != "pandas":
                    ratio = f"{float(str(result['wall'])) / float(str(base['wall'])):10.2f}x"
                print(
                    f"{'':>9}  {kind:<8}{inner_text}{result['wall']:9.2f}"
                    f"{result['peak_mb']:9.0f}{ratio:>11}"
                )
            label = f"{rows // 1000}k" if rows < 1_000_000 else f"{rows // 1_000_000}M"
            cli = results["cli"]
            target_s, target_mb = (5.0, 500.0) if rows >= 1_000_000 else (None, None)
            summary.append(figure(
                f"score {label} rows (cli, wall)", float(str(cli["wall"])), "s", target=target_s,
                baseline_name="pandas" if base else None,
                baseline_value=float(str(base["wall"])) if base else None,
            ))  # fmt: skip
            summary.append(figure(
                f"score {label} rows (cli, peak memory)", float(str(cli["peak_mb"])), "MB",
                target=target_mb, baseline_name="pandas" if base else None,
                baseline_value=float(str(base["peak_mb"])) if base else None,
            ))  # fmt: skip
            if base is not None:
                ours = results["stream"]["scores"]
                theirs = base["scores"]
                assert isinstance(ours, dict) and isinstance(theirs, dict)
                same = all(ours.get(k) == v for k, v in theirs.items()) and len(theirs) == sum(
                    v is not None for v in ours.values()
                )
                print(f"{'':>9}  group scores identical to pandas: {same}")
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    write_summary(summary)


if __name__ == "__main__":
    main()
