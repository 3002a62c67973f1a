"""`dialogue render` of an engagement with 100 000 feedback items, beside the same with 1 000.

Generates (with ``bench_score.generate``: the Ormessac engagement whose three workshops read N
CSV rows in all, every polarity, 1 to 3 criteria, French text) one engagement of 1 000 items and
one of 100 000, then runs ``dialogue render PATH --out DIR --format docx,html,md`` on each, in a
fresh process, and reads its wall time and peak resident memory (``wait4``'s ``ru_maxrss``).
The documents select what they show (the most telling verbatims per option and group, the
questions grouped by theme with counts of the rest), so the 100 000-item render costs about the
1 000-item one plus the scoring pass over the items.

Targets (issue 18, 2-core machine): 100 000 items in at most 10 s and 500 MB. With
``--million`` it also renders 1 000 000 items, which must succeed (no document over the
per-document limit); its time is printed without a target.

Run: python benchmarks/bench_render_scale.py [--rows 100000] [--million] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import dialogue_binary
from bench_score import generate

BASELINE_ROWS = 1_000


def render(path: Path, out: Path, cache: Path) -> dict[str, float]:
    """One ``dialogue render`` in its own process: wall seconds, peak MiB, biggest file."""
    env = {**os.environ, "DIALOGUE_CACHE": str(cache)}
    args = [*dialogue_binary(), "render", str(path.parent), "--out", str(out)]
    args += ["--format", "docx,html,md", "--force"]
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)  # reap it here to read its own peak RSS
    wall = time.perf_counter() - start
    stdout = process.stdout.read().decode() if process.stdout else ""
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"render failed on {path}:\n{stdout}\n{stderr}")
    biggest = max(p.stat().st_size for p in out.iterdir() if p.is_file())
    return {"wall": wall, "peak_mb": usage.ru_maxrss / 1024, "biggest_kb": biggest / 1024}


def figure(
    name: str, value: float, unit: str, target: float | None, base: str | None, bv: float | None
) -> dict[str, object]:
    ratio = round(value / bv, 2) if bv else None
    return {"name": name, "value": value, "unit": unit, "target": target,
            "baseline_name": base, "baseline_value": bv, "ratio": ratio}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="render 1 000 000 items too")
    parser.add_argument("--keep", type=Path, help="keep the generated engagements here")
    parser.add_argument("--summary-json", type=Path)
    args = parser.parse_args()
    quick = os.environ.get("DIALOGUE_BENCH_QUICK") == "1"
    rows = [BASELINE_ROWS, args.rows] + ([1_000_000] if args.million and not quick else [])
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="dialogue-render-scale-"))
    cache = tmp / "cache"
    results: dict[int, dict[str, float]] = {}
    try:
        for n in rows:
            path = generate(tmp / f"rows-{n}", n)
            render(path, tmp / f"warm-{n}", cache)  # the chart cache and the OS file cache
            results[n] = render(path, tmp / f"out-{n}", cache)
            r = results[n]
            print(
                f"render {n:>9,} items: {r['wall']:6.2f} s, peak {r['peak_mb']:6.1f} MiB, "
                f"largest file {r['biggest_kb']:,.0f} KiB"
            )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    base, big = results[BASELINE_ROWS], results[args.rows]
    print(
        f"{args.rows:,} / {BASELINE_ROWS:,} items: time x{big['wall'] / base['wall']:.2f}, "
        f"memory x{big['peak_mb'] / base['peak_mb']:.2f} (targets: <= 10 s, <= 500 MiB)"
    )
    label = f"render {args.rows} items"
    summary = [
        figure(label, round(big["wall"], 2), "s", 10.0, f"render {BASELINE_ROWS} items",
               round(base["wall"], 2)),
        figure(f"{label}, peak RSS", round(big["peak_mb"], 1), "MiB", 500.0,
               f"render {BASELINE_ROWS} items, peak RSS", round(base["peak_mb"], 1)),
    ]  # fmt: skip
    if 1_000_000 in results:
        million = results[1_000_000]
        summary.append(
            figure("render 1000000 items", round(million["wall"], 2), "s", None,
                   f"render {BASELINE_ROWS} items", round(base["wall"], 2))
        )  # fmt: skip
    target = args.summary_json or os.environ.get("DIALOGUE_BENCH_SUMMARY")
    if target:
        Path(target).write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
