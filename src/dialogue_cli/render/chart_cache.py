"""Chart pictures cached on disk, keyed on their inputs and on the source of the chart code."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


def chart_cache_dir() -> Path:
    """Where chart pictures are cached: ``$DIALOGUE_CACHE``, else the user's cache folder."""
    explicit = os.environ.get("DIALOGUE_CACHE")
    if explicit:
        return Path(explicit) / "charts"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dialogue" / "charts"


def cached_chart(kind: str, inputs: str, draw: Callable[[], bytes], cache: Path | None) -> bytes:
    """The PNG of a chart, from the cache when its inputs and the chart code are unchanged.

    Drawing a chart costs the pyplot import (about 0.5 s) plus about 0.2 s a picture; a render
    whose charts did not change skips both. The key covers the inputs and the chart modules'
    source, so a new version of the drawing code never reuses an old picture.
    """
    if cache is None:
        return draw()
    path = chart_path(kind, inputs, cache)
    try:
        cached = path.read_bytes()
    except OSError:
        cached = b""
    if is_complete_png(cached):
        return cached
    data = draw()  # not cached, or a damaged file (a full disk, a killed run): drawn again
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        temp.replace(path)
        old = sorted(cache.glob("*.png"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-64]:  # keep the cache small
            stale.unlink(missing_ok=True)
    except OSError:
        # A read-only or full cache only costs time; never leave a partial file behind.
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return data


def _nothing() -> None:
    """A ``join`` with nothing to wait for."""


def _warm_up_matplotlib() -> None:
    """Import matplotlib and load its fonts by drawing a tiny figure (the first draw is slow)."""
    from ..charts.style import new_figure, save

    figure = new_figure(1.0, 1.0)
    figure.text(0.5, 0.5, "Éé 1,0")
    save(figure, "png", dpi=20)


def chart_path(kind: str, inputs: str, cache: Path) -> Path:
    """Where the cache keeps a chart: keyed on its inputs and the source of the chart code."""
    import hashlib

    from .. import charts

    digest = hashlib.sha256(f"{kind}\n{inputs}".encode())
    for module in sorted(Path(charts.__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return cache / f"{kind}-{digest.hexdigest()[:32]}.png"


def is_cached(kind: str, inputs: str, cache: Path) -> bool:
    try:
        return is_complete_png(chart_path(kind, inputs, cache).read_bytes())
    except OSError:
        return False


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the IEND chunk: no data, then its CRC


def is_complete_png(data: bytes) -> bool:
    """True when ``data`` starts with the PNG signature and ends with the IEND chunk.

    A truncated or overwritten cache file fails one of the two, and is drawn again.
    """
    return data.startswith(_PNG_SIGNATURE) and data.endswith(_PNG_END)
