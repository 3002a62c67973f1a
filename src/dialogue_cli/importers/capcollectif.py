"""Cap Collectif: a consultation step's contributions, or a questionnaire (the Grand Débat's too).

Read from cap-collectif's export normalizers and test snapshots (platforms.md): one file mixes
the contribution types, told by ``contribution_type`` (``export_contribution_type_opinion``,
``..._argument``, ``..._vote``, ``..._opinion_version``, ``..._source``); headers are the keys
``export_contribution_*`` (``export_`` is optional here). An opinion is an idea, an argument is
``+`` (type 1, pour) or ``-`` (type 0, contre) and inherits its opinion's section, a version is an
idea, a source a ``?``; votes carry no text and are counted as skipped. Argument bodies are HTML.

A file without ``contribution_type`` is a questionnaire: one row per respondent, one column per
question (the Grand Débat's ``"Q<id> - <question>"``, choices joined with ``|``); the author's
e-mail, phone, zip code and id are dropped.

Mapping keys: ``section``, ``consultation``, ``opinion`` (its id), ``contribution_type``,
``agreement`` (an opinion's votes: d'accord against pas d'accord, as for Make.org), ``question``,
and any column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..engagement.model.base import fold
from .context import Context
from .reading import Export, Table, table
from .records import Record, Skipped, agreement, iso_date, to_int
from .surveys import Question, answers

NAME = "cap-collectif"
LABEL = "Cap Collectif"
PREFIX = "CAP"

_GRAND_DEBAT = re.compile(r"^Q(\w+)\s+-\s+(.+)$", re.DOTALL)
META = frozenset(
    (
        "id", "reference", "title", "createdat", "publishedat", "updatedat", "published",
        "trashed", "authortype", "created_at", "updated_at", "published_at", "anonymous",
        "draft", "reply_id", "account", "step", "questionnaire_title",
    )
)  # fmt: skip
# What a contribution type says, tested in this order ("opinion_version" is a version).
TYPES = (
    ("report", "report"), ("signalement", "report"), ("vote", "vote"), ("version", "version"),
    ("amendement", "version"), ("argument", "argument"), ("source", "source"),
    ("opinion", "opinion"), ("proposition", "opinion"), ("proposal", "opinion"),
)  # fmt: skip


def _key(header: str) -> str:
    key = fold(header).replace(" ", "_")
    return key[len("export_") :] if key.startswith("export_") else key


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    tab = table(export, ctx.personal, ctx.renames)
    if not tab.header:
        return iter(())
    columns = {_key(h): h for h in tab.header}
    if "contribution_type" in columns:
        ctx.kind = "consultation contributions"
        ctx.primary_keys = ("section", "consultation")
        return _consultation(tab, columns)
    ctx.kind = "questionnaire answers"
    ctx.primary_keys = ("question",)
    return _questionnaire(tab, ctx)


def _kind(value: str) -> str:
    folded = fold(value)
    return next((kind for word, kind in TYPES if word in folded), "")


def _consultation(tab: Table, columns: dict[str, str]) -> Iterator[Record | Skipped]:
    def get(cells: dict[str, str], *keys: str) -> str:
        for key in keys:
            header = columns.get(key)
            if header:
                value = cells.get(header, "").strip()
                if value:
                    return value
        return ""

    opinions: dict[str, dict[str, str]] = {}  # opinion id -> its section and consultation
    current: dict[str, str] = {}
    for number, cells, identity in tab.rows:
        raw_type = get(cells, "contribution_type")
        kind = _kind(raw_type)
        if kind == "opinion":
            place = {
                "opinion": get(cells, "contribution_id"),
                "section": get(cells, "contribution_section_title"),
                "consultation": get(cells, "contribution_consultation_title"),
            }
            opinions[place["opinion"]] = current = place
            cells.update(place)
            cells["agreement"] = agreement(
                to_int(get(cells, "contribution_votes_count_ok")),
                to_int(get(cells, "contribution_votes_count_nok")),
            )
            title = get(cells, "contribution_title")
            body = get(cells, "contribution_body_text", "contribution_body")
            yield Record(
                number,
                "opinion",
                place["opinion"],
                f"{title} — {body}" if title and body else title or body,
                cells,
                url=get(cells, "contribution_url"),
                date=iso_date(get(cells, "contributions_created_at", "contribution_created_at")),
                votes=to_int(get(cells, "contribution_votes_count")),
                contributor=identity,
                theme=place["section"],
            )
        elif kind in ("argument", "source", "version"):
            prefix = {"argument": "arguments", "source": "sources", "version": "versions"}[kind]
            related = get(cells, f"contribution_{prefix}_related_id")
            cells.update(opinions.get(related, current))
            stance = ""
            if kind == "argument":
                stance = {"1": "+", "0": "-", "-1": "-"}.get(
                    get(cells, "contribution_arguments_type"), ""
                )
                text = get(cells, "contribution_arguments_body")
            elif kind == "source":
                text = get(cells, "contribution_sources_body")
            else:
                title = get(cells, "contribution_versions_title")
                body = get(
                    cells, "contribution_versions_explanation", "contribution_versions_body_text"
                )
                text = f"{title} — {body}" if title and body else title or body
            yield Record(
                number,
                kind,
                get(cells, f"contribution_{prefix}_id"),
                text,
                cells,
                url=get(cells, f"contribution_{prefix}_url"),
                date=iso_date(get(cells, f"contribution_{prefix}_created_at")),
                stance=stance,
                votes=to_int(get(cells, f"contribution_{prefix}_votes_count")),
                contributor=identity,
                theme=cells.get("section", ""),
            )
        elif kind == "vote":
            yield Skipped(number, "a vote (no text)")
        elif kind == "report":
            yield Skipped(number, "a report to the moderators")
        else:
            yield Skipped(number, f"an unknown contribution type {raw_type[:40]!r}")


def _questionnaire(tab: Table, ctx: Context) -> Iterator[Record | Skipped]:
    questions: list[Question] = []
    for at, header in enumerate(tab.header, start=1):
        if fold(header).replace(" ", "") in META or ctx.personal.kind(header) is not None:
            continue
        match = _GRAND_DEBAT.match(header)
        key, text = (f"Q{match.group(1)}", match.group(2).strip()) if match else (header, header)
        if key in ctx.questions:
            key = f"{key}.{at}"
        ctx.questions[key] = header
        questions.append(Question(header, key, text, f"c{at}"))
    by_key = {fold(h): h for h in tab.header}
    id_column = by_key.get("id") or by_key.get("reference") or ""
    date_column = (
        by_key.get("createdat") or by_key.get("created_at") or by_key.get("publishedat") or ""
    )
    return answers(tab.rows, questions, id_column, date_column)
