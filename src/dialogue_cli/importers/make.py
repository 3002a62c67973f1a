"""Make.org: the proposals CSV of a consultation (``Theme, Operation, Tags, Content, ...``).

Read from makeorg/main-api (platforms.md): comma-separated, every value quoted but inner quotes
not doubled, so a line is split on ``","`` when that gives the header's number of cells. Each
proposal (« Il faut… ») is an idea; ``Total votes`` gives the votes, and ``agreement`` compares
``Agree`` with ``Disagree``: ``agree`` from 60 % of those votes, ``disagree`` up to 40 %, else
``mixed`` (``none`` without votes), for a mapping that wants a polarity from the vote. The user's
first name, postal code, age and id are dropped.

Mapping keys: ``theme``, ``operation``, ``tags``, ``labels``, ``agreement``, and any column.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..common.errors import FileProblem
from ..engagement.model.base import fold
from .context import Context
from .reading import Export, table
from .records import Record, Skipped, agreement, iso_date, to_int

NAME = "make"
LABEL = "Make.org"
PREFIX = "MAKE"


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    by_key = {fold(h): h for h in tab.header}
    content = by_key.get("content") or by_key.get("contenu") or by_key.get("proposal")
    if content is None:
        found = ", ".join(tab.header[:12])
        raise FileProblem(
            f"{ctx.name}: not a Make.org proposals export (no Content column; found: {found})"
        )
    ctx.kind = "proposals"
    ctx.primary_keys = ("tags", "theme", "operation")

    def column(*names: str) -> str:
        return next((by_key[n] for n in names if n in by_key), "")

    total, agree, disagree = column("total votes"), column("agree"), column("disagree")
    created, theme = column("created at"), column("theme")
    keys = {
        "theme": theme,
        "operation": column("operation"),
        "tags": column("tags"),
        "labels": column("labels"),
    }

    def rows() -> Iterator[Record | Skipped]:
        for number, cells, identity in tab.rows:
            for key, header in keys.items():
                if header and key not in cells:
                    cells[key] = cells.get(header, "")
            votes_for = to_int(cells.get(agree, "")) if agree else None
            votes_against = to_int(cells.get(disagree, "")) if disagree else None
            cells["agreement"] = agreement(votes_for, votes_against)
            yield Record(
                number,
                "proposal",
                "",
                cells.get(content, ""),
                cells,
                date=iso_date(cells.get(created, "")) if created else "",
                votes=to_int(cells.get(total, "")) if total else None,
                contributor=identity,
                theme=cells.get(theme, "").strip() if theme else "",
            )

    return rows()
