"""`dialogue render`: the six deliverables of the example, the overhead over bare docxtpl, 10 000 items.

Figures, all measured in this run:

- ``render six, cold (cli)``: ``dialogue render examples/ormessac`` in a fresh process with an
  empty chart cache, as a user runs it the first time (interpreter, imports, scores, the two
  charts drawn at 200 dpi with matplotlib, the six deliverables, strict checks: eight
  documents, the communication externe bringing its press release and easy-to-read draft).
- ``render six, charts cached (cli)``: the same when the charts did not change since the last
  render (their PNGs come from the cache; matplotlib is not even imported).
- ``render six (in-process)``: ``render_documents`` on an already loaded project in a warm
  process, charts drawn each time (no cache); median of the repetitions.
- ``bare docxtpl``: the baseline: docxtpl rendering the same six templates (without the two companions) with the same
  (pre-built) contexts, a plain Jinja environment with ``autoescape=True``, then ``save``; no context
  building, charts, sandbox, variable check, XML check or manifest. The ratio is our overhead.
- ``report 10k (cli)``: ``dialogue render --only synthese-ateliers`` on the example whose three
  workshops read 10 000 feedback items in all, in a fresh process.

Targets (2-core machine): six documents under 2 s, the 10 000-item report under 5 s.

Run: python benchmarks/bench_render.py [--repeat 5] [--summary-json FILE]
"""

from __future__ import annotations

import csv
import os
import random
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cli import bench_parser, dialogue_binary  # noqa: E402

SCENARIOS = ["BP", "CQ", "PN", "PC", "TR"]
CRITERIA = ["MANDAT", "CHARGE", "UTILITE", "RETOUR", "INCLUSION", "COUT"]
POLARITIES = ["+"] * 35 + ["-"] * 35 + ["?"] * 15 + ["idee"] * 15
TEXTS = [
    "Enfin un dispositif où l'on voit le résultat : on propose, on vote, et c'est réalisé.",
    "Des réunions à 18h30 en semaine, c'est impossible avec deux enfants ; et le samedi ?",
    "Qui décide si un projet est faisable ? On aimerait comprendre pourquoi il est écarté.",
    "Les services sont déjà à flux tendu : « pas d'usine à gaz », s'il vous plaît.",
]


def big_example(folder: Path, rows: int, seed: int = 11) -> Path:
    """The example with its three workshops reading ``rows`` items in all from CSV files."""
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("livrables"))
    rng = random.Random(seed)
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nworkshops:\n"), text.index("\ncreativity:\n")
    lines = ["workshops:"]
    for n, group in enumerate(("elus", "citoyens", "services")):
        count = rows // 3 if n < 2 else rows - 2 * (rows // 3)
        lines += [
            f"  - id: AT-{group.upper()}",
            f"    group: {group}",
            "    participants: 40",
            f"    feedback_file: feedback/{group}.csv",
        ]
        with (folder / "feedback" / f"{group}.csv").open(
            "w", encoding="utf-8", newline=""
        ) as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(
                ["id", "scenario", "polarite", "intensite", "critere", "verbatim", "auteur"]
            )
            for i in range(count):
                writer.writerow(
                    [f"{group[:2].upper()}-{i:06d}", rng.choice(SCENARIOS), rng.choice(POLARITIES), rng.randint(1, 3),
                     ";".join(rng.sample(CRITERIA, rng.randint(1, 3))), f"{rng.choice(TEXTS)} ({i})", f"P{i}"]
                )  # fmt: skip
    (folder / "engagement.yaml").write_text(
        text[:start] + "\n" + "\n".join(lines) + text[end:], encoding="utf-8"
    )
    return folder


def bare_pictures(value: object, tpl: object) -> object:
    """The baseline's pictures: docxtpl's own InlineImage, bound to the template (no sandbox)."""
    import io

    from docx.shared import Mm
    from docxtpl import InlineImage

    from dialogue_cli.render.results import Picture

    if isinstance(value, Picture):
        return InlineImage(tpl, io.BytesIO(value.data), width=Mm(value.width_mm)) if value else ""
    if isinstance(value, dict):
        return {key: bare_pictures(item, tpl) for key, item in value.items()}
    if isinstance(value, list):
        return [bare_pictures(item, tpl) for item in value]
    return value


def plain_environment() -> object:
    """The baseline's Jinja: no sandbox, autoescape on, and a mapping's keys read before its
    methods, as the templates expect (``faq.items`` is the FAQ's items, not ``dict.items``)."""
    from jinja2 import Environment

    class Plain(Environment):
        def getattr(self, obj: object, attribute: str) -> object:
            if isinstance(obj, dict) and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

    return Plain(autoescape=True)


def timed_cli(args: list[str], cache: Path) -> float:
    env = {**os.environ, "DIALOGUE_CACHE": str(cache)}
    start = time.perf_counter()
    result = subprocess.run(
        [*dialogue_binary(), *args], capture_output=True, text=True, check=False, env=env
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"dialogue {' '.join(args)} failed:\n{result.stderr}")
    return seconds


def main() -> None:
    parser = bench_parser(__doc__.splitlines()[0], repeat=5)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    from docxtpl import DocxTemplate

    from dialogue_cli.engagement.loader import load
    from dialogue_cli.render.catalog import DELIVERABLES
    from dialogue_cli.render.contexts import build_context
    from dialogue_cli.render.documents import render_documents
    from dialogue_cli.render.results import Results
    from dialogue_cli.render.templates import packaged_dir

    with tempfile.TemporaryDirectory(prefix="bench-render-") as scratch:
        tmp = Path(scratch)
        example = tmp / "ormessac"
        shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("livrables"))

        six = ["render", str(example), "--out", str(tmp / "cli"), "--force"]
        timed_cli(six, tmp / "cache")  # pycache, fonts, and fills the chart cache
        cli_cold = [timed_cli(six, tmp / f"empty-{n}") for n in range(args.repeat)]
        cli_six = [timed_cli(six, tmp / "cache") for _ in range(args.repeat)]

        project = load(example)
        render_documents(project, tmp / "warm", force=True, use_cache=False)
        ours = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            render_documents(project, tmp / "in", force=True, use_cache=False)
            ours.append(time.perf_counter() - start)

        render_documents(project, tmp / "warm", force=True)  # fills the chart cache
        cached = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            render_documents(project, tmp / "in", force=True)
            cached.append(time.perf_counter() - start)

        results = Results(project)
        contexts = {d.name: build_context(d.name, results) for d in DELIVERABLES}
        bare = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for d in DELIVERABLES:
                tpl = DocxTemplate(packaged_dir() / d.filename)
                tpl.render(bare_pictures(contexts[d.name], tpl), jinja_env=plain_environment())
                tpl.save(tmp / f"bare-{d.filename}")
            bare.append(time.perf_counter() - start)

        big = big_example(tmp / "big", args.rows)
        report_args = [
            "render",
            str(big),
            "--only",
            "synthese-ateliers",
            "--out",
            str(tmp / "bigout"),
            "--force",
        ]
        cli_big = [
            timed_cli(report_args, tmp / f"big-empty-{n}") for n in range(max(1, args.repeat // 2))
        ]
        big_size = (tmp / "bigout" / "synthese-ateliers.docx").stat().st_size

    cold, six_cli, six_in, six_cached, six_bare, report = (
        statistics.median(x) for x in (cli_cold, cli_six, ours, cached, bare, cli_big)
    )
    lines = [
        ("render the six deliverables, CLI, charts drawn (cold)", cold, "target < 2 s"),
        ("render the six deliverables, CLI, charts cached", six_cli, "target < 2 s"),
        (
            "render the six deliverables, in-process, charts drawn",
            six_in,
            f"x{six_in / six_bare:.1f} bare",
        ),
        (
            "render the six deliverables, in-process, charts cached",
            six_cached,
            f"x{six_cached / six_bare:.1f} bare",
        ),
        ("bare docxtpl, same templates and contexts", six_bare, "baseline"),
        (
            f"workshop report of {args.rows:,} items, CLI, cold",
            report,
            f"target < 5 s ({big_size // 1024} KB)",
        ),
    ]
    print(f"bench_render: median of {args.repeat} run(s), {os.cpu_count()} CPU(s)")
    for label, seconds, note in lines:
        print(f"  {label:<56} {seconds:6.2f} s   {note}")

    from run_all import figure, write_summary  # type: ignore[import-not-found]

    write_summary(
        [
            figure("render six, cold (cli)", round(cold, 3), "s", 2.0, None, None),
            figure("render six, charts cached (cli)", round(six_cli, 3), "s", 2.0, None, None),
            figure(
                "render six (in-process)",
                round(six_in, 3),
                "s",
                None,
                "bare docxtpl",
                round(six_bare, 3),
            ),
            figure(
                "render six, charts cached (in-process)",
                round(six_cached, 3),
                "s",
                None,
                "bare docxtpl",
                round(six_bare, 3),
            ),
            figure(f"report {args.rows} items (cli)", round(report, 3), "s", 5.0, None, None),
        ],
        ["--summary-json", args.summary_json] if args.summary_json else None,
    )


if __name__ == "__main__":
    main()
