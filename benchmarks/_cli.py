"""What the CLI benchmarks share: how to start `dialogue` and how to time one run of it.

Not a benchmark itself (run_all.py runs only ``bench_*.py``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def dialogue_binary() -> list[str]:
    """The `dialogue` script beside this Python, else ``python -m dialogue_cli``."""
    found = Path(sys.executable).with_name("dialogue")
    return [str(found)] if found.exists() else [sys.executable, "-m", "dialogue_cli"]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds one run of ``command`` takes, in a fresh process (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start
