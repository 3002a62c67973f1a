"""Decidim: comments, proposals and survey answers, in CSV, JSON or XLSX (the kind told by the columns).

Read from Decidim's serializers (platforms.md): nested keys flattened with ``/``, multilingual
fields as ``title/fr``; comments carry ``alignment`` (1 in favour, -1 against, 0 none), ``depth``
(replies) and ``root_commentable_url`` (``.../processes/<slug>/f/<component>/proposals/<id>``);
proposals ``title/<locale>``, ``body/<locale>``, their category or taxonomies and votes; survey
answers one row per respondent, one column per question headed ``"<position>. <question>"``.

Mapping keys: ``component``, ``proposal``, ``space`` (the process slug), ``category``,
``taxonomy``, ``scope``, ``state``, ``question``, and any column by its header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..common.errors import FileProblem
from .context import Context
from .reading import Export, Table, table
from .records import Record, Skipped, cell, iso_date, to_int
from .surveys import Question, answers

NAME = "decidim"
LABEL = "Decidim"
PREFIX = "DEC"

_COMPONENT = re.compile(r"/f/(\d+)(?:/|$)")
_PROPOSAL = re.compile(r"/proposals/(\d+)")
_SPACE = re.compile(
    r"/(?:processes|assemblies|conferences|initiatives|participatory_processes)/([^/?#]+)"
)
_QUESTION = re.compile(r"^\s*(\d+)\.\s+(.+)$", re.DOTALL)
_RESPONSE_ID = (
    "id",
    "id de reponse",
    "id de réponse",
    "response id",
    "answer id",
    "id de la réponse",
)
_ANSWERED_AT = (
    "created_at",
    "répondu le",
    "repondu le",
    "answered on",
    "responded on",
    "answered at",
)


def detect(header: list[str]) -> str:
    """``comments``, ``proposals`` or ``survey answers``, from the columns."""
    keys = set(header)
    if any(_QUESTION.match(h) for h in header):
        return "survey answers"
    if keys & {"commentable_id", "commentable_type", "root_commentable_url", "alignment", "depth"}:
        return "comments"
    has_title = any(h == "title" or h.startswith("title/") for h in header)
    if has_title and keys & {
        "votes",
        "state",
        "reference",
        "component/id",
        "published_at",
        "supports",
        "endorsements/total_count",
        "answer",
    }:
        return "proposals"
    if has_title or any(h.startswith("body/") for h in header):
        return "proposals"
    found = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
    raise FileProblem(
        f"not a Decidim comments, proposals or survey answers export (found columns: {found})"
    )


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    try:
        ctx.kind = detect(tab.header)
    except FileProblem as error:
        raise FileProblem(f"{ctx.name}: {error}") from None
    if ctx.kind == "comments":
        ctx.primary_keys = ("proposal", "component")  # the first key that maps a row decides
        return _comments(tab, ctx)
    if ctx.kind == "proposals":
        ctx.primary_keys = ("category", "taxonomy", "component")
        return _proposals(tab, ctx)
    ctx.primary_keys = ("question",)
    return _answers(tab, ctx)


_PLACES: dict[str, tuple[tuple[str, str], ...]] = {}


def _place(cells: dict[str, str], url: str) -> None:
    """The component, proposal and space a URL points at, as keys (URLs repeat: remembered)."""
    if not url:
        return
    found = _PLACES.get(url)
    if found is None:
        pairs = []
        for key, pattern in (("component", _COMPONENT), ("proposal", _PROPOSAL), ("space", _SPACE)):
            match = pattern.search(url)
            if match:
                pairs.append((key, match.group(1)))
        found = tuple(pairs)
        if len(_PLACES) < 50_000:
            _PLACES[url] = found
    for key, value in found:
        cells.setdefault(key, value)


def _comments(tab: Table, ctx: Context) -> Iterator[Record | Skipped]:
    pick = ctx.pick
    for number, cells, identity in tab.rows:
        url = cell(cells, "root_commentable_url", "url")
        kind_of_parent = cells.get("commentable_type", "")
        if kind_of_parent.endswith("Proposal") and cells.get("commentable_id"):
            cells["proposal"] = cells["commentable_id"].strip()
        _place(cells, url)
        alignment = cells.get("alignment", "").strip()
        stance = {"1": "+", "-1": "-", "0": "", "": ""}.get(alignment)
        if stance is None:
            ctx.problems.add(
                number, "alignment", f"{alignment!r} is not 1, 0 or -1: no polarity read from it"
            )
            stance = ""
        depth = to_int(cells.get("depth", "")) or 0
        reply = depth > 0 or kind_of_parent.endswith("Comments::Comment")
        yield Record(
            number,
            "comment",
            cell(cells, "id"),
            pick(cells, "body"),
            cells,
            url=url,
            date=iso_date(cells.get("created_at", "")),
            stance=stance,
            contributor=identity,
            reply=reply,
            tag="C",
        )


def _first(cells: dict[str, str], ctx: Context, *bases: str) -> str:
    for base in bases:
        value = ctx.pick(cells, base)
        if value:
            return value
    return ""


def _proposals(tab: Table, ctx: Context) -> Iterator[Record | Skipped]:
    for number, cells, identity in tab.rows:
        if cells.get("withdrawn", "").strip().lower() in ("true", "1", "oui", "yes"):
            yield Skipped(number, "withdrawn by its author")
            continue
        url = cell(cells, "url", "participatory_space/url")
        if cells.get("component/id"):
            cells.setdefault("component", cells["component/id"].strip())
        _place(cells, url)
        category = _first(cells, ctx, "category/name", "category")
        taxonomy = _first(
            cells, ctx, "taxonomies/names", "taxonomies/0/name", "taxonomies/name", "taxonomies"
        )
        if category:
            cells.setdefault("category", category)
        if taxonomy:
            cells.setdefault("taxonomy", taxonomy)
        scope = _first(cells, ctx, "scope/name", "scope")
        if scope:
            cells.setdefault("scope", scope)
        title, body = ctx.pick(cells, "title"), ctx.pick(cells, "body")
        text = (
            f"{title.strip()} — {body.strip()}" if title.strip() and body.strip() else title or body
        )
        votes = to_int(
            cell(
                cells,
                "votes",
                "supports",
                "proposal_votes_count",
                "likes/total_count",
                "endorsements/total_count",
            )
        )
        yield Record(
            number,
            "proposal",
            cell(cells, "id"),
            text,
            cells,
            url=url,
            date=iso_date(cell(cells, "published_at", "created_at")),
            votes=votes,
            contributor=identity,
            theme=category or taxonomy,
            tag="P",
        )


def _answers(tab: Table, ctx: Context) -> Iterator[Record | Skipped]:
    """One record per answered question of each respondent."""
    questions: list[Question] = []
    per_number: dict[str, int] = {}
    for header in tab.header:
        match = _QUESTION.match(header)
        if not match or ctx.personal.kind(header) is not None:
            continue
        number = match.group(1)
        per_number[number] = per_number.get(number, 0) + 1
        key = number if per_number[number] == 1 else f"{number}.{per_number[number]}"
        ctx.questions[key] = header
        questions.append(Question(header, key, match.group(2).strip(), key))
    lowered = {h.casefold(): h for h in tab.header}
    response = next((lowered[n] for n in _RESPONSE_ID if n in lowered), "")
    answered = next((lowered[n] for n in _ANSWERED_AT if n in lowered), "")
    return answers(tab.rows, questions, response, answered)
