"""The personal-data notice of an attendance sheet (RGPD art. 13): the public documents' notice.

One notice for the whole engagement: :func:`dialogue_cli.render.contexts.public.privacy` builds
it from ``privacy`` with the public body's defaults (the collectivité and its public contact as
controller, art. 6-1-e, the consultant as processor, the rights exercised with the DPO, the
CNIL), so that the attendance sheet tells the person who signs it what the communication
externe and the cahier des charges tell residents. The sheet names the consultant (who hands it
round); the parts the file does not give yet read « À compléter », and :attr:`Notice.missing`
names their ``privacy`` fields for the consultant's warning. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import KIT_WORDS

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt


@dataclass(frozen=True)
class Notice:
    """The notice's lines (label, text), and the ``privacy`` fields still empty."""

    title: str
    intro: str
    rows: tuple[tuple[str, str], ...]
    missing: tuple[str, ...]


def build_notice(results: Results, f: Fmt) -> Notice:
    """The notice of the engagement, in its language: the public documents' rows, each under
    its formal label (« Responsable du traitement » where residents read « Qui est responsable »)."""
    from ..contexts.public import privacy

    words = KIT_WORDS[f.language]["notice"]
    public = privacy(results, f, named=True)
    rows = tuple((str(words[r["key"]]), str(r["value"])) for r in public["rows"])
    missing = tuple(f"privacy.{r['key']}" for r in public["rows"] if r["missing"])
    return Notice(
        title=str(words["title"]),
        intro=str(words["intro"]),
        rows=rows,
        missing=missing,
    )
