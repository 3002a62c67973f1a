"""Run every benchmark in benchmarks/ and print one table of figures, targets and ratios.

The convention every ``benchmarks/bench_*.py`` script follows
---------------------------------------------------------------
A script is a standalone program (``python benchmarks/bench_x.py``) that prints its own detailed
report. To appear in this table it also writes a **summary**: a JSON list of objects, one per
headline figure, to the file named either by

* the option ``--summary-json FILE`` (run_all passes it when the text ``--summary-json`` occurs
  in the script's source), or
* the environment variable ``DIALOGUE_BENCH_SUMMARY`` (always set by run_all).

Each object has exactly these keys::

    {
      "name": "dialogue --help",      # the figure, unique within the script
      "value": 72.4,                  # the measurement (a number)
      "unit": "ms",                   # unit of value, target and baseline_value
      "target": 150,                  # the goal, same unit; null when there is none
      "baseline_name": "python -c pass",  # what it is compared with; null when nothing
      "baseline_value": 11.2,         # the baseline, measured in the SAME run; null if none
      "ratio": 6.46                   # value / baseline_value; null if no baseline
    }

An optional ``"better": "higher"`` marks a figure where more is better (a throughput); the
default is ``"lower"`` (times, memory), so a figure meets its target when ``value <= target``.

run_all also sets ``DIALOGUE_BENCH_QUICK=1`` when given ``--quick``: a script may then use
fewer repetitions or smaller inputs (it should say so in its own output).

A script that writes no summary still runs; its line in the table says ``no summary``. A script
that exits with a non-zero status is reported as ``failed`` with the end of its stderr.

A script can write its summary with :func:`write_summary` (``from run_all import write_summary``
works because Python puts the script's folder on ``sys.path``), or with a few lines of its own.

Run: python benchmarks/run_all.py [--only NAME] [--quick] [--check] [--json FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENV_SUMMARY = "DIALOGUE_BENCH_SUMMARY"
ENV_QUICK = "DIALOGUE_BENCH_QUICK"
FLAG = "--summary-json"
KEYS = ("name", "value", "unit", "target", "baseline_name", "baseline_value", "ratio")


def summary_file(argv: Sequence[str] | None = None) -> Path | None:
    """Where this script should write its summary: ``--summary-json FILE`` or the env var."""
    args = list(sys.argv[1:] if argv is None else argv)
    for index, arg in enumerate(args):
        if arg == FLAG and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith(FLAG + "="):
            return Path(arg.split("=", 1)[1])
    env = os.environ.get(ENV_SUMMARY)
    return Path(env) if env else None


def figure(
    name: str,
    value: float,
    unit: str,
    target: float | None = None,
    baseline_name: str | None = None,
    baseline_value: float | None = None,
    better: str = "lower",
) -> dict[str, Any]:
    """One summary row, with ``ratio`` computed from the baseline."""
    ratio = value / baseline_value if baseline_value else None
    row: dict[str, Any] = {
        "name": name,
        "value": value,
        "unit": unit,
        "target": target,
        "baseline_name": baseline_name,
        "baseline_value": baseline_value,
        "ratio": ratio,
    }
    if better != "lower":
        row["better"] = better
    return row


def write_summary(rows: Iterable[dict[str, Any]], argv: Sequence[str] | None = None) -> None:
    """Write ``rows`` where :func:`summary_file` says, if anywhere (a no-op otherwise)."""
    target = summary_file(argv)
    if target is not None:
        target.write_text(json.dumps(list(rows), indent=2, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The runner.


@dataclass
class Result:
    """What one script gave: its rows, or why there are none."""

    script: str
    seconds: float
    status: str  # "ok", "no summary", "failed (exit N)", "timed out", "bad summary"
    rows: list[dict[str, Any]] = field(default_factory=list)
    detail: str = ""


def discover(only: Sequence[str]) -> list[Path]:
    scripts = sorted(HERE.glob("bench_*.py"))
    if only:
        scripts = [s for s in scripts if any(o in s.name for o in only)]
    return scripts


def _valid(rows: Any) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise ValueError("the summary is not a JSON list")
    checked = []
    for row in rows:
        if not isinstance(row, dict) or "name" not in row or "value" not in row:
            raise ValueError(f"a row lacks 'name' or 'value': {row!r}")
        full = {key: row.get(key) for key in KEYS}
        full["better"] = row.get("better", "lower")
        if full["ratio"] is None and full["baseline_value"]:
            full["ratio"] = float(full["value"]) / float(full["baseline_value"])
        checked.append(full)
    return checked


def run(script: Path, quick: bool, extra: list[str], timeout: float, verbose: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix="dialogue-bench-") as tmp:
        summary = Path(tmp) / "summary.json"
        env = dict(os.environ, **{ENV_SUMMARY: str(summary)})
        if quick:
            env[ENV_QUICK] = "1"
        command = [sys.executable, str(script), *extra]
        if FLAG in script.read_text(encoding="utf-8"):
            command += [FLAG, str(summary)]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                env=env,
                cwd=HERE.parent,
                timeout=timeout,
                text=True,
                stdout=None if verbose else subprocess.PIPE,
                stderr=None if verbose else subprocess.PIPE,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Result(
                script.name, time.perf_counter() - started, f"timed out ({timeout:.0f} s)"
            )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            tail = "\n".join((done.stderr or "").strip().splitlines()[-15:])
            return Result(script.name, seconds, f"failed (exit {done.returncode})", detail=tail)
        if not summary.exists():
            return Result(script.name, seconds, "no summary")
        try:
            rows = _valid(json.loads(summary.read_text(encoding="utf-8")))
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            return Result(script.name, seconds, "bad summary", detail=str(error))
        return Result(script.name, seconds, "ok", rows)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return str(value)
    magnitude = abs(value)
    if magnitude >= 100 or value == int(value):
        return f"{value:,.0f}".replace(",", " ")
    if magnitude >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def meets(row: dict[str, Any]) -> bool | None:
    """Whether a row meets its target (None when it has none)."""
    target, value = row.get("target"), row.get("value")
    if not isinstance(target, int | float) or not isinstance(value, int | float):
        return None
    return value >= target if row.get("better") == "higher" else value <= target


def table(results: Sequence[Result]) -> str:
    """The one table: script, figure, value, target, baseline, ratio, verdict."""
    header = ("script", "figure", "value", "target", "baseline (same run)", "ratio", "met")
    lines: list[tuple[str, ...]] = []
    for result in results:
        if result.status != "ok":
            lines.append((result.script, f"[{result.status}]", "", "", "", "", ""))
            continue
        for row in result.rows:
            unit = f" {row['unit']}" if row.get("unit") else ""
            target = row.get("target")
            sign = "≥" if row.get("better") == "higher" else "≤"
            baseline = ""
            if row.get("baseline_name"):
                baseline = f"{row['baseline_name']}: {_fmt(row.get('baseline_value'))}{unit}"
            verdict = {True: "ok", False: "MISSED", None: ""}[meets(row)]
            ratio = row.get("ratio")
            lines.append(
                (
                    result.script,
                    str(row["name"]),
                    f"{_fmt(row['value'])}{unit}",
                    f"{sign} {_fmt(target)}{unit}" if target is not None else "–",
                    baseline or "–",
                    f"{ratio:.2f}x" if isinstance(ratio, int | float) else "–",
                    verdict,
                )
            )
    widths = [
        max(len(h), *(len(line[i]) for line in lines)) if lines else len(h)
        for i, h in enumerate(header)
    ]
    rule = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(), rule]
    numeric = {2, 3, 5}
    for line in lines:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def _extra_args(pairs: Sequence[str]) -> dict[str, list[str]]:
    extra: dict[str, list[str]] = {}
    for pair in pairs:
        name, _, args = pair.partition("=")
        extra[name if name.endswith(".py") else f"{name}.py"] = shlex.split(args)
    return extra


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only scripts whose name contains NAME (repeatable)",
    )
    parser.add_argument("--quick", action="store_true", help=f"set {ENV_QUICK}=1 for every script")
    parser.add_argument(
        "--args",
        action="append",
        default=[],
        metavar="SCRIPT=ARGS",
        help="extra arguments for one script, e.g. bench_score='--rows 100000'",
    )
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per script (1800)")
    parser.add_argument("--json", type=Path, default=None, help="also write every row to this file")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a script fails or a figure misses its target",
    )
    parser.add_argument("--verbose", action="store_true", help="show each script's own output")
    args = parser.parse_args(argv)

    scripts = discover(args.only)
    if not scripts:
        print("no benchmark script matches", file=sys.stderr)
        return 1
    extra = _extra_args(args.args)
    results = []
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        result = run(script, args.quick, extra.get(script.name, []), args.timeout, args.verbose)
        print(f"  {result.status} in {result.seconds:.1f} s", file=sys.stderr, flush=True)
        if result.detail:
            print("  " + result.detail.replace("\n", "\n  "), file=sys.stderr)
        results.append(result)

    print(table(results))
    if args.json is not None:
        data = [
            {"script": r.script, "status": r.status, "seconds": round(r.seconds, 3), "rows": r.rows}
            for r in results
        ]
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    failed = any(r.status not in ("ok", "no summary") for r in results)
    missed = any(meets(row) is False for r in results for row in r.rows)
    return 1 if args.check and (failed or missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
