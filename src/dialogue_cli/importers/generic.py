"""Any other CSV or XLSX (a board's sticky notes, a spreadsheet of remarks), driven by the mapping.

One row is one note. The text is the column the mapping names (``columns: {text: Note}``), else
the first column headed like a text (``text``, ``texte``, ``contenu``, ``content``, ``note``,
``verbatim``, ``commentaire``, ``message``, ``idée``...). ``columns:`` may also name ``id``,
``url``, ``date`` and ``votes``. Authors ("Auteur", "Created by") are dropped.

Mapping keys: every column, by its header: a board's frame, column or colour.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..common.errors import FileProblem
from ..engagement.model.base import fold
from .context import Context
from .reading import Export, table
from .records import Record, Skipped, iso_date, to_int

NAME = "csv"
LABEL = "CSV"
PREFIX = "NOTE"

TEXT_HEADERS = (
    "text", "texte", "contenu", "content", "note", "notes", "verbatim", "commentaire",
    "commentaires", "comment", "body", "message", "idee", "idea", "contribution", "avis",
    "post-it", "postit", "sticky note", "description", "propos", "remarque",
)  # fmt: skip


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    by_key = {fold(h): h for h in tab.header}
    text = (
        "text"
        if "text" in tab.header
        else next((by_key[h] for h in TEXT_HEADERS if h in by_key), None)
    )
    if text is None:
        found = ", ".join(tab.header[:15])
        raise FileProblem(
            f"{ctx.name}: which column holds the text? name it in the mapping "
            f"(columns: {{text: <header>}}); found: {found}"
        )
    ctx.kind = "rows"

    def column(*names: str) -> str:
        return next((by_key[n] for n in names if n in by_key), "")

    ident = "id" if "id" in tab.header else column("id", "identifiant", "ref")
    url = "url" if "url" in tab.header else column("url", "link", "lien")
    date = (
        "date"
        if "date" in tab.header
        else column("date", "created at", "created", "cree le", "date de creation")
    )
    votes = "votes" if "votes" in tab.header else column("votes", "likes", "score")

    def rows() -> Iterator[Record | Skipped]:
        for number, cells, identity in tab.rows:
            yield Record(
                number,
                "note",
                cells.get(ident, "").strip() if ident else "",
                cells.get(text, ""),
                cells,
                url=cells.get(url, "").strip() if url else "",
                date=iso_date(cells.get(date, "")) if date else "",
                votes=to_int(cells.get(votes, "")) if votes else None,
                contributor=identity,
            )

    return rows()
