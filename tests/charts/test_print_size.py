"""Charts read on paper: drawn at their printed width, no text under 8 pt, no label cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue_cli.charts import style
from dialogue_cli.charts.gantt import gantt_figure
from dialogue_cli.charts.heatmap import heatmap_figure
from dialogue_cli.charts.stakeholder_chart import map_figure
from dialogue_cli.engagement.loader import load
from dialogue_cli.render.results import Results

from ..conftest import EXAMPLE, FINISHED


def figures(folder: Path, language: str) -> dict[str, tuple[object, float]]:
    results = Results(load(folder), cache=None)
    title = results.engagement.engagement.title
    return {
        "map": (map_figure(results.map, title, language), style.MAP_WIDTH_MM),
        "heatmap": (heatmap_figure(results.scores, language), style.HEATMAP_WIDTH_MM),
        "gantt": (gantt_figure(results.plan, title, language), style.GANTT_WIDTH_MM),
    }


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("folder", [EXAMPLE, FINISHED], ids=["ormessac", "val-d-orme"])
def test_every_text_is_at_least_8_pt_on_paper_and_whole(folder: Path, language: str) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    for kind, (figure, printed_mm) in figures(folder, language).items():
        width_in = figure.get_figwidth()  # type: ignore[attr-defined]
        assert width_in == pytest.approx(printed_mm / 25.4), kind  # drawn at its printed size
        canvas = FigureCanvasAgg(figure)  # type: ignore[arg-type]
        canvas.draw()
        renderer = canvas.get_renderer()
        bounds = figure.bbox  # type: ignore[attr-defined]
        texts = [
            t for t in figure.findobj(Text)  # type: ignore[attr-defined]
            if t.get_visible() and t.get_text().strip()
        ]  # fmt: skip
        assert len(texts) > 10, kind
        for text in texts:
            assert text.get_fontsize() >= style.MIN_TEXT_PT, (kind, text.get_text())
            assert "…" not in text.get_text(), (kind, text.get_text())  # wrapped, never cut
            box = text.get_window_extent(renderer)
            assert box.x0 >= bounds.x0 - 1 and box.x1 <= bounds.x1 + 1, (kind, text.get_text())
            assert box.y0 >= bounds.y0 - 1 and box.y1 <= bounds.y1 + 1, (kind, text.get_text())


def test_the_charts_use_the_documents_font_and_name_what_it_cannot_draw() -> None:
    from matplotlib.font_manager import FontProperties, findfont

    style.new_figure(1, 1)
    assert Path(findfont(FontProperties(family=style.FAMILY))).name == "Carlito-Regular.ttf"
    assert style.label("Collectif Vélo 🚲 l'été", "fr") == "Collectif Vélo [vélo] l’été"
    assert style.label("Bike club 🚲", "en") == "Bike club [bicycle]"
