"""Drawing the stakeholder map of 200 actors: `draw_map` against a bare matplotlib scatter.

Builds a map of N stakeholders (seeded; scores spread around the middle of the grid, French
names, every group), then measures in this process, after one untimed warm-up:

- ``draw_map png``: the picture `dialogue map --png` writes (8 x 7 in, 200 dpi);
- ``draw_map svg``: the same as SVG;
- ``baseline``: a bare matplotlib scatter of the same points with one plain id label each, same
  size and dpi, no layout (what any chart costs);

and, in a fresh process, ``dialogue map FILE --png`` as a user runs it (start-up and imports
included). Prints the median of the repetitions and the ratio to the baseline measured in the same
run. Target: the map of 200 actors draws in under 2 s.

Run: python benchmarks/bench_map.py [--stakeholders 200] [--repeat 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ["elus", "citoyens", "services", "partenaires"]
KINDS = ["Association", "Collectif", "Conseil de quartier", "Direction", "Comité", "Union"]
PLACES = ["des Tilleuls", "du centre", "de la gare", "du Val d'Orme", "des Aubépines"]


def score(rng: random.Random) -> int:
    return min(5, max(1, round(rng.gauss(3, 1.1))))


def stakeholders_yaml(count: int, seed: int = 4) -> str:
    """The ``stakeholders:`` section of an engagement with ``count`` actors."""
    rng = random.Random(seed)
    lines = ["stakeholders:"]
    for index in range(1, count + 1):
        name = f"{rng.choice(KINDS)} {rng.choice(PLACES)} n° {index}"
        lines.append(
            f'  - {{id: ST{index:03d}, name: "{name}", group: {rng.choice(GROUPS)}, '
            f"influence: {score(rng)}, interest: {score(rng)}, position: {rng.randint(-2, 2)}, "
            f"legitimacy: {str(rng.random() < 0.6).lower()}, "
            f"urgency: {str(rng.random() < 0.4).lower()}}}"
        )
    return "\n".join(lines) + "\n"


def write_engagement(folder: Path, count: int) -> Path:
    path = folder / "engagement.yaml"
    header = "version: 1\nlanguage: fr\nengagement: {title: Carte de 200 acteurs}\n"
    path.write_text(header + "client: {name: Ville}\n" + stakeholders_yaml(count), encoding="utf-8")
    return path


def median_time(action: object, repeat: int) -> float:
    assert callable(action)
    action()  # warm-up: font cache, first canvas
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stakeholders", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the engagement and the pictures here.")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    try:
        path = write_engagement(folder, args.stakeholders)

        start = time.perf_counter()
        from matplotlib.figure import Figure

        from dialogue_cli.analysis.stakeholder_map import build_map
        from dialogue_cli.charts.stakeholder_chart import cell_size, draw_map, layout
        from dialogue_cli.engagement.loader import load

        imports = time.perf_counter() - start
        project = load(path)
        smap = build_map(project.engagement)
        title = project.engagement.engagement.title

        def baseline(fmt: str = "png") -> bytes:
            fig = Figure(figsize=(8.0, 7.0))
            ax = fig.add_subplot()
            xs = [item.interest for item in smap.stakeholders]
            ys = [item.influence for item in smap.stakeholders]
            ax.scatter(xs, ys, s=30)
            for item in smap.stakeholders:
                ax.text(item.interest, item.influence, item.id, fontsize=6)
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, dpi=200)
            return buffer.getvalue()

        png = median_time(lambda: draw_map(smap, title, "fr", "png", 200), args.repeat)
        svg = median_time(lambda: draw_map(smap, title, "fr", "svg"), args.repeat)
        base = median_time(baseline, args.repeat)
        base_svg = median_time(lambda: baseline("svg"), args.repeat)
        placed = layout(smap, *cell_size(smap.threshold))

        picture = folder / "carte.png"
        command = [sys.executable, "-m", "dialogue_cli", "map", str(path), "--png", str(picture)]
        cli_times = []
        for _ in range(max(1, args.repeat // 2)):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            cli_times.append(time.perf_counter() - start)
        cli = statistics.median(cli_times)

        print(
            f"stakeholders: {len(smap.stakeholders)}  (labels: {placed.mode}, "
            f"{placed.font_size} pt, hidden: {sum(n.count for n in placed.overflow)})"
        )
        print(f"imports (matplotlib, dialogue): {imports * 1000:7.0f} ms")
        print(
            f"draw_map png, 200 dpi:          {png * 1000:7.0f} ms   "
            f"ratio to baseline {png / base:4.2f}x"
        )
        print(
            f"draw_map svg:                   {svg * 1000:7.0f} ms   "
            f"ratio to baseline {svg / base_svg:4.2f}x"
        )
        print(f"baseline scatter png, 200 dpi:  {base * 1000:7.0f} ms")
        print(f"baseline scatter svg:           {base_svg * 1000:7.0f} ms")
        print(
            f"dialogue map --png (fresh process, median of {len(cli_times)}): {cli * 1000:.0f} ms"
        )
        verdict = "OK" if png < 2.0 and cli < 2.0 else "SLOWER THAN TARGET"
        print(f"target: under 2 s -> {verdict}")
        from run_all import figure, write_summary

        write_summary(
            [
                figure(
                    f"draw_map png, {len(smap.stakeholders)} stakeholders",
                    png,
                    "s",
                    target=2.0,
                    baseline_name="bare scatter png",
                    baseline_value=base,
                ),
                figure(
                    f"draw_map svg, {len(smap.stakeholders)} stakeholders",
                    svg,
                    "s",
                    target=2.0,
                    baseline_name="bare scatter svg",
                    baseline_value=base_svg,
                ),
                figure("dialogue map --png (cli)", cli, "s", target=2.0),
            ]
        )
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, args.keep / "engagement.yaml")
            shutil.copy(picture, args.keep / "carte.png")
            (args.keep / "baseline.png").write_bytes(baseline())
            (args.keep / "carte.svg").write_bytes(draw_map(smap, title, "fr", "svg"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
