"""The kit's text: the deliverables' formatting, and no character the printed kit cannot draw.

The kit is printed and projected: a capture sheet or a slide where an emoji of a scenario's
title comes out as an empty box says nothing. Every text the kit writes goes through
:class:`KitFmt`, which is :class:`~dialogue_cli.render.values.Fmt` plus
:func:`~dialogue_cli.common.fonts.drawable`: a character neither Carlito nor DejaVu Sans (the
fonts the PDF converter has) draws is replaced by its name in brackets, in the engagement's
language (« 🌳 » -> « [arbre à feuilles caduques] »), as in the charts.
"""

from __future__ import annotations

from functools import lru_cache

from ..values import Fmt


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from ...common.fonts import FALLBACK, FAMILY, coverage

    return coverage(FAMILY) | coverage(FALLBACK)


class KitFmt(Fmt):
    """:class:`Fmt` whose text never holds a character the kit's fonts cannot draw."""

    def t(self, value: object) -> str:
        from ...common.fonts import drawable

        return drawable(super().t(value), _covered(), self.language)
