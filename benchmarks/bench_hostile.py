"""Hostile inputs of issue 11: how long `dialogue check` takes to refuse each, and its peak memory.

Each payload is written in a temporary folder and checked in a fresh process; the child reports
its own peak resident memory (``VmHWM``). The baseline, measured in the same run, is `dialogue
check` of the Ormessac example (a valid engagement with three feedback files). Before the bounds,
the billion-laughs file exhausted memory, 30 000 brackets crashed the interpreter, the far XLSX
cell ran for more than 10 minutes and 5 million shared strings took 925 MB.

Targets: each answer within 3 s and 150 MB on a 2-core machine (checking the example takes
about 1 s and 60 MB).

Run: python benchmarks/bench_hostile.py [--runs 3] [--summary-json FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from run_all import figure, write_summary

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"
TARGET_MS = 3000.0
TARGET_MB = 150.0
CHILD = """
import json, sys
from dialogue_cli.cli import main
sys.argv = ["dialogue", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else 1
with open("/proc/self/status") as status:
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
sys.stderr.write(f"@peak {peak}")
sys.exit(code)
"""
HEAD = """\
client: {name: Ville de Test}
scenarios:
  - {id: BP, title: Budget participatif}
grid:
  criteria:
    - {id: MANDAT, label: Mandat, weight: 20, conditions: [elus]}
"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def laughs(folder: Path) -> None:
    lines = ["client: {name: Ville de Test}", "stakeholders:"]
    lines.append("  - &a0 [" + ", ".join(["lol" * 560] * 10) + "]")
    for level in range(1, 10):
        lines.append(f"  - &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    (folder / "engagement.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def brackets(folder: Path) -> None:
    text = "client: " + "[" * 30_000 + "]" * 30_000 + "\n"
    (folder / "engagement.yaml").write_text(text, encoding="utf-8")


def stray_quote(folder: Path) -> None:
    engagement = HEAD + "workshops:\n  - {id: AT-CITOYENS, group: citoyens, feedback_file: f.csv}\n"
    (folder / "engagement.yaml").write_text(engagement, encoding="utf-8")
    rows = ["id;scenario;polarite;intensite;criteres;theme;verbatim;auteur"]
    rows.append('C1;BP;+;1;MANDAT;t;"Il a dit non;Bob')
    rows += [f"C{i};BP;-;1;MANDAT;t;texte {i};" for i in range(2, 200_000)]
    (folder / "f.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def workbook(
    folder: Path, sheet: bytes, strings: bytes | None = None, dimension: str = "A1:B2"
) -> None:
    """A minimal XLSX with ``sheet`` inside <sheetData> and optional shared strings."""
    engagement = HEAD + "workshops:\n  - {id: AT, group: citoyens, feedback_file: f.xlsx}\n"
    (folder / "engagement.yaml").write_text(engagement, encoding="utf-8")
    sst = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + (
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sst}"/>'
                if strings
                else ""
            )
            + "</Types>"
        ).encode(),
        "_rels/.rels": (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            b"</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="retours" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            b"</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        "<sheetData>".encode()
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>scenario</t></is></c>'
        + b'<c r="B1" t="inlineStr"><is><t>polarite</t></is></c></row>'
        + sheet
        + b"</sheetData></worksheet>",
    }
    if strings:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">'.encode() + strings + b"</sst>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (folder / "f.xlsx").write_bytes(out.getvalue())


def far_cell(folder: Path) -> None:
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    workbook(folder, far, dimension="A1:XFD1048576")


def inline_string(folder: Path) -> None:
    cell = (
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"x" * 500_000_000 + b"</t></is></c></row>"
    )
    workbook(folder, cell)


def shared_strings(folder: Path) -> None:
    workbook(folder, b"", b"".join(b"<si><t>s%d</t></si>" % i for i in range(5_000_000)))


def dev_zero(folder: Path) -> None:
    (folder / "engagement.yaml").symlink_to("/dev/zero")


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "engagement.yaml")


PAYLOADS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "billion laughs (17 KB, 9 levels)": ("yaml", laughs),
    "30 000 nested brackets": ("yaml", brackets),
    "stray quote in a 200 000-row CSV": ("csv", stray_quote),
    "XLSX with one cell at XFD1048576": ("xlsx", far_cell),
    "XLSX with a 500 MB inline string": ("xlsx", inline_string),
    "XLSX with 5 million shared strings": ("xlsx", shared_strings),
    "engagement.yaml linked to /dev/zero": ("file", dev_zero),
    "engagement.yaml as a FIFO": ("file", fifo),
}


def run(folder: Path) -> tuple[float, float, int, str]:
    """Wall time (ms), peak memory (MiB), exit code and first stderr line of `dialogue check`."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(["check", str(folder)])],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    elapsed = (time.perf_counter() - start) * 1000
    body, _, peak = done.stderr.rpartition("@peak ")
    return (
        elapsed,
        int(peak or 0) / 1024,
        done.returncode,
        (body.strip().splitlines() or [""])[0][:110],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=1 if os.environ.get("DIALOGUE_BENCH_QUICK") else 3
    )
    parser.add_argument("--summary-json", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        example = base / "ormessac"
        shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("livrables"))
        baseline = [run(example) for _ in range(args.runs)]
        base_ms = min(r[0] for r in baseline)
        base_mb = max(r[1] for r in baseline)
        print(f"baseline: dialogue check examples/ormessac  {base_ms:7.0f} ms  {base_mb:5.0f} MB")
        rows = []
        for name, (_kind, make) in PAYLOADS.items():
            folder = base / name.replace(" ", "-").replace("/", "_")
            folder.mkdir()
            make(folder)
            results = [run(folder) for _ in range(args.runs)]
            ms = min(r[0] for r in results)
            mb = max(r[1] for r in results)
            code, message = results[0][2], results[0][3]
            print(f"{name:40} {ms:7.0f} ms ({ms / base_ms:4.1f}x)  {mb:5.0f} MB  exit {code}")
            print(f"    {message}")
            rows.append(figure(f"{name}: time", ms, "ms", TARGET_MS, "check the example", base_ms))
            rows.append(figure(f"{name}: peak", mb, "MiB", TARGET_MB, "check the example", base_mb))
            shutil.rmtree(folder)
    write_summary(rows)


if __name__ == "__main__":
    main()
