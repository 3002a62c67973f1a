"""Start-up and loading cost: `dialogue --help`, `check` and `quote` on the example, XLSX feedback.

Prints the median wall time of each command over N fresh processes, interleaved, beside
`python -c pass` measured in the same run, and their ratios (issue 18: `check` and `quote` at
most 20x `python -c pass`, so their targets are 20 times the baseline of the same run), and
beside each the import of the libraries it cannot do without (its floor). The
example is also checked with its feedback files converted to XLSX, beside the CSV original
(target: at most 1.5x). The measured processes run with bytecode caching on, as an installed
`dialogue` does (see :func:`installed_env`). Then times the loader on an
engagement with 2 000 inline feedback items: the fast path (safe C parser, used for every valid
file) against a round-trip parse (what positions cost), measured in the same run.

Run: python benchmarks/bench_startup.py [--runs 15] [--summary-json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import dialogue_binary  # noqa: E402

# What `check` cannot do without: the CLI (typer), the model (pydantic), the YAML (ruamel) and the
# identity numbers (python-stdnum). Their import alone is the floor of a run, printed beside it.
LIBRARIES = (
    "import typer, typer.main, pydantic, pydantic.fields, ruamel.yaml, "
    "stdnum.fr.siren, stdnum.fr.siret, stdnum.iban, stdnum.bic"
)
# What `quote` adds to them: its amounts and dates in the client's language (Babel, with the
# French locale data it loads on the first amount) and its tables (rich).
QUOTE_LIBRARIES = (
    f"{LIBRARIES}, rich.console, rich.table; "
    "from babel.numbers import format_decimal; format_decimal(1, locale='fr_FR')"
)


def installed_env() -> dict[str, str]:
    """The environment of the measured processes: the caller's, with bytecode caching on.

    ``pip install`` compiles every module to bytecode, and Python caches what it compiles, so a
    user's ``dialogue`` never compiles its sources at start-up. A shell with
    ``PYTHONDONTWRITEBYTECODE`` set (some containers and CI images set it) would make every run
    of an editable install compile ~60 modules again (about 110 ms on a 2-core machine), which no
    user pays: the warm-up run below writes the cache, as a first run does on a user's machine.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_commands(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    env = installed_env()
    for command in commands.values():  # warm-up (pycache, disk cache)
        subprocess.run(command, capture_output=True, check=False, env=env)
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=env)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def big_engagement(folder: Path, items: int) -> Path:
    text = (EXAMPLE / "engagement.yaml").read_text(encoding="utf-8")
    lines = ["  - id: AT-BENCH", "    group: citoyens", "    feedback:"]
    for i in range(items):
        lines.append(
            f"      - {{id: B{i}, scenario: BP, polarity: '+', intensity: 2, criteria: [RETOUR, INCLUSION],"
            f' theme: test, text: "Un verbatim assez long, avec des accents : é à ç, numéro {i}."}}'
        )
    text = text.replace("\nworkshops:\n", "\nworkshops:\n" + "\n".join(lines) + "\n", 1)
    path = folder / "engagement.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(EXAMPLE / "feedback", folder / "feedback")
    return path


def xlsx_example(folder: Path) -> Path:
    """The example with its feedback files converted to XLSX (same rows, same columns)."""
    import csv

    from openpyxl import Workbook

    target = folder / "ormessac-xlsx"
    shutil.copytree(EXAMPLE, target)
    for source in sorted((target / "feedback").glob("*.csv")):
        book = Workbook()
        sheet = book.active
        with source.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle, delimiter=";"):
                sheet.append(row)
        book.save(source.with_suffix(".xlsx"))
        source.unlink()
    path = target / "engagement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(".csv", ".xlsx"), encoding="utf-8")
    return target


def time_loader(items: int, repeats: int) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT / "src"))
    from dialogue_cli.engagement.loader import load
    from dialogue_cli.engagement.yamlio import roundtrip_load

    with tempfile.TemporaryDirectory() as folder:
        path = big_engagement(Path(folder), items)
        text = path.read_text(encoding="utf-8")
        fast, slow = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            load(path)
            fast.append(time.perf_counter() - start)
            start = time.perf_counter()
            roundtrip_load(text, "engagement.yaml")
            slow.append(time.perf_counter() - start)
    return statistics.median(fast), statistics.median(slow)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--summary-json", type=Path, default=None)
    args = parser.parse_args()

    dialogue = dialogue_binary()
    with tempfile.TemporaryDirectory() as folder:
        xlsx = xlsx_example(Path(folder))
        check = subprocess.run([*dialogue, "check", str(xlsx)], capture_output=True, check=False)
        assert check.returncode == 0, check.stderr  # the XLSX example must check as the CSV one
        medians = time_commands(
            {
                "python -c pass": [sys.executable, "-c", "pass"],
                "dialogue --help": [*dialogue, "--help"],
                "dialogue check example": [*dialogue, "check", str(EXAMPLE)],
                "dialogue quote example": [*dialogue, "quote", str(EXAMPLE)],
                "dialogue check example (XLSX)": [*dialogue, "check", str(xlsx)],
                "libraries of check alone": [sys.executable, "-c", LIBRARIES],
                "libraries of quote alone": [sys.executable, "-c", QUOTE_LIBRARIES],
            },
            args.runs,
        )
    base = medians["python -c pass"]
    csv_check = medians["dialogue check example"]
    print(f"Start-up, median of {args.runs} fresh processes each (interleaved, bytecode cached):")
    print(f"  {'command':<30} {'ms':>8} {'x python -c pass':>18}")
    for name, value in medians.items():
        print(f"  {name:<30} {value * 1000:>8.1f} {value / base:>18.1f}")
    xlsx_check = medians["dialogue check example (XLSX)"]
    print(f"  XLSX feedback / CSV feedback: {xlsx_check / csv_check:.2f}x (target 1.5x)")
    floor = medians["libraries of check alone"]
    print(
        f"  of check's {csv_check * 1000:.0f} ms, {floor * 1000:.0f} ms import typer, pydantic,"
        f" ruamel.yaml and python-stdnum ({LIBRARIES!r})"
    )
    quote_floor = medians["libraries of quote alone"]
    quote = medians["dialogue quote example"]
    print(
        f"  of quote's {quote * 1000:.0f} ms, {quote_floor * 1000:.0f} ms import those, Babel with"
        f" its French data, and rich's tables: {quote_floor / base:.1f}x python -c pass before"
        " quote reads a line"
    )

    fast, slow = time_loader(2000, 3)
    print("\nLoader, engagement with 2 000 inline feedback items (median of 3, in process):")
    print(f"  load() (safe C parser + validation)  {fast * 1000:8.1f} ms")
    print(
        f"  round-trip parse alone (positions)   {slow * 1000:8.1f} ms   ratio {slow / fast:.1f}x"
    )

    if args.summary_json:
        rows = [
            {"name": "dialogue --help", "value": medians["dialogue --help"] * 1000, "unit": "ms",
             "target": 150, "baseline_name": "python -c pass", "baseline_value": base * 1000,
             "ratio": medians["dialogue --help"] / base},
            *(
                {"name": f"{name} (x python -c pass)", "value": medians[name] * 1000, "unit": "ms",
                 "target": 20 * base * 1000, "baseline_name": "python -c pass",
                 "baseline_value": base * 1000, "ratio": medians[name] / base}
                for name in ("dialogue check example", "dialogue quote example")
            ),
            {"name": "libraries of check alone (floor)", "value": floor * 1000, "unit": "ms",
             "target": None, "baseline_name": "python -c pass", "baseline_value": base * 1000,
             "ratio": floor / base},
            {"name": "libraries of quote alone (floor)", "value": quote_floor * 1000,
             "unit": "ms", "target": None, "baseline_name": "python -c pass",
             "baseline_value": base * 1000, "ratio": quote_floor / base},
            {"name": "check, XLSX feedback (x CSV)", "value": xlsx_check * 1000, "unit": "ms",
             "target": 1.5 * csv_check * 1000, "baseline_name": "dialogue check example (CSV)",
             "baseline_value": csv_check * 1000, "ratio": xlsx_check / csv_check},
            {"name": "load 2000 inline items", "value": fast * 1000, "unit": "ms", "target": 1000,
             "baseline_name": "round-trip parse", "baseline_value": slow * 1000, "ratio": fast / slow},
        ]  # fmt: skip
        args.summary_json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
