"""What the CLI benchmarks share: how to start `dialogue` and how to time one run of it.

Not a benchmark itself (run_all.py runs only ``bench_*.py``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path


def bench_parser(description: str, repeat: int = 3) -> argparse.ArgumentParser:
    """The options every CLI benchmark takes: ``--repeat N`` (1 under ``run_all.py --quick``,
    which sets ``DIALOGUE_BENCH_QUICK=1``) and ``--summary-json FILE``; add the script's own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--repeat", type=int, default=1 if os.environ.get("DIALOGUE_BENCH_QUICK") else repeat
    )
    parser.add_argument("--summary-json", default=None)
    return parser


def dialogue_binary() -> list[str]:
    """The `dialogue` script beside this Python, else ``python -m dialogue_cli``."""
    found = Path(sys.executable).with_name("dialogue")
    return [str(found)] if found.exists() else [sys.executable, "-m", "dialogue_cli"]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds one run of ``command`` takes, in a fresh process (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start
