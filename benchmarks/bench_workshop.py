"""`dialogue workshop`: the kit of every session of the example, beside `render` of the same example.

Figures, all measured in this run on the Ormessac example, each in a fresh process (charts
cached, so that `render` costs its documents, not matplotlib):

- ``workshop kit, 4 sessions (cli)``: ``dialogue workshop examples/ormessac``: 19 files (four
  decks, eleven Word sheets, three pre-filled feedback files), each checked before any is written.
- ``workshop kit, 1 session (cli)``: ``dialogue workshop examples/ormessac AT-ELUS``: five files.
- ``render six (cli)``, the baseline: ``dialogue render examples/ormessac``, the six deliverables.

The kit has no target of its own: it should cost about what `render` costs (both are docxtpl
renders of templates of the same kind; the decks are python-pptx), which the ratio shows.

Run: python benchmarks/bench_workshop.py [--repeat 3] [--summary-json FILE]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ormessac"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import bench_parser, dialogue_binary, timed  # noqa: E402


def main() -> None:
    args = bench_parser(__doc__.splitlines()[0]).parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-workshop-") as scratch:
        root = Path(scratch)
        project = root / "ormessac"
        shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("livrables", "ateliers"))
        env = {**os.environ, "DIALOGUE_CACHE": str(root / "cache")}
        binary = dialogue_binary()
        render = [*binary, "render", str(project), "--out", str(root / "livrables"), "--force"]
        kit = [*binary, "workshop", str(project), "--out", str(root / "ateliers"), "--force"]
        one = [*kit, "AT-ELUS"]
        subprocess.run(render, check=True, capture_output=True, env=env)  # charts into the cache
        subprocess.run(kit, check=True, capture_output=True, env=env)
        written = sorted((root / "ateliers").glob("*/*.*"))
        assert len(written) == 19, written
        kits, singles, renders = [], [], []
        for _ in range(args.repeat):
            kits.append(timed(kit, env))
            singles.append(timed(one, env))
            renders.append(timed(render, env))

    kit_s, one_s, render_s = (statistics.median(v) for v in (kits, singles, renders))
    print(f"bench_workshop: median of {args.repeat} run(s), {os.cpu_count()} CPU(s)")
    print(f"  {'workshop kit, 4 sessions, 19 files (cli)':<44} {kit_s:6.2f} s")
    print(f"  {'workshop kit, 1 session, 5 files (cli)':<44} {one_s:6.2f} s")
    print(f"  {'render six (cli)':<44} {render_s:6.2f} s   baseline")
    print(f"  the whole kit costs {kit_s / render_s:.2f} x render")

    from run_all import figure, write_summary  # type: ignore[import-not-found]

    write_summary(
        [
            figure("workshop kit, 4 sessions (cli)", round(kit_s, 3), "s", None, "render six (cli)", round(render_s, 3)),
            figure("workshop kit, 1 session (cli)", round(one_s, 3), "s", None, "render six (cli)", round(render_s, 3)),
        ],
        ["--summary-json", args.summary_json] if args.summary_json else None,
    )  # fmt: skip


if __name__ == "__main__":
    main()
