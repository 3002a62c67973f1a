"""CONSUL Democracy: the admin CSV of proposals, debates or budget investments, with their comments.

Read from ``csv_exporter.rb`` (platforms.md): one row per comment with the parent's columns
repeated (a parent without comments: one row, comment cells empty); comma-separated; headers are
the admin's language (``ID, Title, Author, Summary, Created at`` then ``Comment ID, Comment
Author, Comment Content, Comment Parent, Comment Created at``, or their French and Spanish
labels). The author columns hold e-mails: always dropped. Each parent becomes one item (an
idea), each comment one more (``?`` unless mapped; a comment with a parent is a reply).

Mapping keys: ``record`` (the parent's id), ``title``, ``geozone``, and any column.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..common.errors import FileProblem
from ..engagement.model.base import fold
from .context import Context
from .personal import identity_of
from .reading import Export, table
from .records import Record, Skipped, iso_date

NAME = "consul"
LABEL = "CONSUL"
PREFIX = "CON"

COMMENT_WORDS = ("comment ", "commentaire ", "comentario ", "comentari ")


def _roles(header: list[str]) -> dict[str, str]:
    """Which header holds the parent's and the comment's id, title, text, parent and date."""
    roles: dict[str, str] = {}
    for name in header:
        key = fold(name)
        comment = key.startswith(COMMENT_WORDS)
        rest = key.split(" ", 1)[1] if comment and " " in key else key
        role = None
        if rest in ("id", "identifiant"):
            role = "id"
        elif rest in ("title", "titre", "titulo"):
            role = "title"
        elif rest in ("summary", "resume", "resumen"):
            role = "summary"
        elif rest in ("description", "descripcion"):
            role = "description"
        elif any(word in rest for word in ("content", "contenu", "contenido", "texte", "body")):
            role = "content"
        elif any(word in rest for word in ("parent", "padre", "pare")):
            role = "parent"
        elif any(word in rest for word in ("created", "cree", "creado", "fecha", "date")):
            role = "date"
        if role:
            roles.setdefault(("comment " if comment else "") + role, name)
    return roles


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    roles = _roles(tab.header)
    if "id" not in roles or not ({"title", "comment content"} & set(roles)):
        found = ", ".join(tab.header[:12])
        raise FileProblem(
            f"{ctx.name}: not a CONSUL export (no ID and Title or Comment columns; found: {found})"
        )
    ctx.kind = (
        "proposals or debates, with comments"
        if "comment content" in roles
        else "proposals or debates"
    )
    ctx.primary_keys = ("record", "title")
    return _rows(tab.rows, roles, ctx)


def _authors(ctx: Context) -> tuple[str, str]:
    """The identities of the parent's and the comment's authors in the row just read."""
    parent: dict[str, str] = {}
    comment: dict[str, str] = {}
    for header, value in ctx.personal.row.items():
        kind = ctx.personal.kind(header) or ""
        target = comment if fold(header).startswith(COMMENT_WORDS) else parent
        target.setdefault(kind, value)
    return identity_of(parent), identity_of(comment)


def _rows(
    rows: Iterator[tuple[int, dict[str, str], str]], roles: dict[str, str], ctx: Context
) -> Iterator[Record | Skipped]:
    def get(cells: dict[str, str], role: str) -> str:
        header = roles.get(role)
        return cells.get(header, "").strip() if header else ""

    seen: set[str] = set()
    for number, cells, _identity in rows:
        parent_author, comment_author = _authors(ctx)
        parent = get(cells, "id")
        title = get(cells, "title")
        cells["record"] = parent
        cells["title"] = title
        if parent and parent not in seen:
            seen.add(parent)
            body = get(cells, "summary") or get(cells, "description")
            text = f"{title} — {body}" if title and body else title or body
            yield Record(
                number,
                "record",
                parent,
                text,
                cells,
                date=iso_date(get(cells, "date")),
                contributor=parent_author,
                tag="P",
            )
        comment = get(cells, "comment id")
        content = roles.get("comment content")
        if comment or (content and cells.get(content, "").strip()):
            yield Record(
                number,
                "comment",
                comment,
                cells.get(content, "") if content else "",
                cells,
                date=iso_date(get(cells, "comment date")),
                contributor=comment_author,
                reply=bool(get(cells, "comment parent")),
                tag="C",
            )
