"""Run `dialogue` in a child process and read its peak memory: for the tests of hostile files.

A bound far above what an answer needs and far below what a payload took before the bounds
existed: a limit on resources, not a speed target (those are in benchmarks/bench_hostile.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

# The child runs the CLI in-process, then writes its own peak resident memory on stderr.
CHILD = """
import json, resource, sys
from dialogue_cli.cli import main
sys.argv = ["dialogue", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
# VmHWM is this process's own peak; ru_maxrss would include the parent's at the fork.
try:
    with open("/proc/self/status") as status:
        line = next(l for l in status if l.startswith("VmHWM:"))
    peak = int(line.split()[1]) // 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
sys.stderr.write(f"\\n@peak {peak}\\n")
sys.exit(code)
"""
PEAK_MB = 250  # `dialogue check` of the example peaks at about 60 MB
TIMEOUT = 120  # a hang guard: each payload is answered in about a second


class Bounded(NamedTuple):
    code: int
    stderr: str
    peak_mb: int


def run_bounded(*args: str | Path, cwd: Path) -> Bounded:
    """``dialogue ARGS`` in a child process: exit code, stderr (without the peak), peak MB."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([str(a) for a in args])],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode >= 0, f"killed by signal {-done.returncode}"
    body, _, peak = done.stderr.rpartition("@peak ")
    assert peak, done.stderr[-2000:]
    return Bounded(done.returncode, body.strip(), int(peak))
