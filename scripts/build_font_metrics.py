"""Write ``src/dialogue_cli/fonts/metrics.json``: the advance widths of the documents' fonts.

Run from the repository root after changing a shipped font or matplotlib's DejaVu:
``python scripts/build_font_metrics.py``. :mod:`dialogue_cli.common.fonts` measures table text
with this table instead of parsing the fonts at every render (fontTools costs half a second to
import and read one font). Each face maps to its units per em and runs of consecutive code
points: ``[first, [advance, advance, ...]]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dialogue_cli.common.fonts import FACES, FALLBACK, FAMILY, font_file  # noqa: E402

LAST = 0x2BFF  # Latin, Greek, Cyrillic, punctuation, currency, arrows, math, shapes, dingbats


def face_metrics(path: Path) -> dict[str, object]:
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    runs: list[list[object]] = []
    for code in sorted(c for c in cmap if c <= LAST):
        advance = hmtx[cmap[code]][0]
        if runs and runs[-1][0] + len(runs[-1][1]) == code:  # type: ignore[operator, arg-type]
            runs[-1][1].append(advance)  # type: ignore[union-attr]
        else:
            runs.append([code, [advance]])
    return {"units_per_em": font["head"].unitsPerEm, "runs": runs}


def main() -> None:
    table = {}
    for family in (FAMILY, FALLBACK):
        for face in FACES:
            path = font_file(family, face)
            if path is None:
                raise SystemExit(f"missing font file: {family} {face}")
            table[f"{family}/{face.key}"] = face_metrics(path)
    out = ROOT / "src" / "dialogue_cli" / "fonts" / "metrics.json"
    out.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
