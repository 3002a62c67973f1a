"""Hostile templates (issue 11): how long each payload takes to be refused, and its peak memory.

Each payload is a template in ``templates/`` beside a copy of the example, rendered with
``dialogue render --only NAME`` in a fresh process (and, for the zip bomb, checked with
``dialogue templates check``). The baseline, measured in the same run, is the same command with
the default template. Each payload must exit 1 with its one-line message; the figures are its
wall time and the peak resident memory of its process (``wait4``'s ``ru_maxrss``, measured by
a small interpreter that spawns it, so that nothing of this script's memory is counted).

Targets: refused in under 5 s, under 300 MiB.

Run: python benchmarks/bench_template_payloads.py [--repeat 3] [--summary-json FILE]
"""

from __future__ import annotations

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
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import bench_parser  # noqa: E402

PAYLOADS: list[tuple[str, str, str, str]] = [
    # (figure, deliverable, template body, expected in the message)
    ("heatmap.tpl.render + popen", "synthese-ateliers",
     "{% if client is number %}{{ cycler.__init__.__globals__.os.popen('id > pwned.txt').read() }}"
     "{% endif %}{{ heatmap.tpl.render({'client': 1}) }}", "forbidden in a template"),
    ("heatmap.tpl.save", "synthese-ateliers", "{{ heatmap.tpl.save('/tmp/any/path.docx') }}",
     "forbidden in a template"),
    ('"x"|center(1e9)', "devis", '{{ "x"|center(1000000000) }}', "center would build"),
    ('"%1000000000s"|format', "devis", '{{ "%1000000000s"|format("x") }}', "a width or precision"),
    ("string doubled in a loop", "devis",
     '{% set s = "x" * 1000000 %}{% for i in range(64) %}{% set s = s ~ s %}{% endfor %}',
     "~ would build"),
    ('range(1e5) x "x"*1e6', "devis", '{% for i in range(100000) %}{{ "x"*1000000 }}{% endfor %}',
     "the output limit"),
    ("nested loops, no output", "devis",
     "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "the loop limit"),
]  # fmt: skip
MiB = 1 << 20


def dialogue() -> list[str]:
    found = Path(sys.executable).with_name("dialogue")
    return [str(found)] if found.exists() else [sys.executable, "-m", "dialogue_cli"]


# A forked child starts with its parent's high-water mark (and exec keeps it): this script,
# grown by python-docx, would floor every figure. A small interpreter spawns the command and
# reports the peak of that grandchild, whose parent is small.
_MEASURE = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_pid, status, usage = os.wait4(child.pid, 0)
sys.stderr.write(f"\\nDIALOGUE-MAXRSS-KB {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak MiB, exit status and stderr of one fresh `dialogue` process."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-S", "-c", _MEASURE, *dialogue(), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - start
    stderr, _, peak = result.stderr.decode("utf-8", "replace").rpartition("DIALOGUE-MAXRSS-KB ")
    return seconds, int(peak) / 1024, result.returncode, stderr.rstrip()


def template(folder: Path, name: str, body: str) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(body)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.docx"):
        old.unlink()
    document.save(str(folder / f"{name}.docx"))


def main() -> None:
    args = bench_parser(__doc__.splitlines()[0]).parse_args()

    from tests.render.test_package import _bomb

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-payloads-") as scratch:
        tmp = Path(scratch)
        example = tmp / "ormessac"
        shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("livrables"))
        env = {**os.environ, "DIALOGUE_CACHE": str(tmp / "cache")}
        folder = example / "templates"
        subprocess.run(
            [*dialogue(), "render", str(example)], env=env, check=True, capture_output=True
        )

        def measure(label: str, command: list[str], expected: str | None) -> tuple[float, float]:
            samples = [run(command, env) for _ in range(args.repeat)]
            for _seconds, _mib, code, stderr in samples:
                if expected is not None and (code != 1 or expected not in stderr):
                    raise SystemExit(f"{label}: exit {code}, {stderr!r}")
                if expected is None and code != 0:
                    raise SystemExit(f"{label}: baseline failed: {stderr}")
            seconds = statistics.median(s[0] for s in samples)
            mib = max(s[1] for s in samples)
            message = samples[0][3].strip().splitlines()[-1] if expected else ""
            rows.append((label, seconds, mib, message.split(": ", 1)[-1][:90]))
            return seconds, mib

        shutil.rmtree(folder, ignore_errors=True)
        render = ["render", str(example), "--only", "devis", "--force"]
        base_s, base_m = measure("default devis (baseline)", render, None)
        base_syn = measure(
            "default synthese-ateliers (baseline)",
            ["render", str(example), "--only", "synthese-ateliers", "--force"],
            None,
        )
        for label, name, body, expected in PAYLOADS:
            template(folder, name, body)
            measure(label, ["render", str(example), "--only", name, "--force"], expected)
        template(folder, "devis", "x")
        _bomb(folder / "devis.docx", 1500)
        measure("1.5 GB document.xml, render", render, "inflates to 1500.0 MB")
        measure(
            "1.5 GB document.xml, templates check",
            ["templates", "check", str(folder)],
            "inflates to 1500.0 MB",
        )

    print(f"bench_template_payloads: median of {args.repeat} run(s), {os.cpu_count()} CPU(s)")
    print(f"  {'payload':<40} {'time':>7} {'peak':>9}   message")
    for label, seconds, mib, message in rows:
        print(f"  {label:<40} {seconds:6.2f}s {mib:7.0f}MiB   {message}")

    from run_all import figure, write_summary  # type: ignore[import-not-found]

    summary = []
    for label, seconds, mib, _message in rows[2:]:
        baseline = base_syn if label.startswith("heatmap") else (base_s, base_m)
        name = "synthese" if label.startswith("heatmap") else "devis"
        summary.append(figure(f"{label} (time)", round(seconds, 3), "s", 5.0,
                              f"default {name}", round(baseline[0], 3)))  # fmt: skip
        summary.append(figure(f"{label} (peak)", round(mib, 1), "MiB", 300.0,
                              f"default {name}", round(baseline[1], 1)))  # fmt: skip
    write_summary(summary, ["--summary-json", args.summary_json] if args.summary_json else None)


if __name__ == "__main__":
    main()
