"""Framaforms (Drupal Webform): the submissions export, with its three header rows.

Read from Webform 7.x-3.x (platforms.md; Framaforms runs 7.x-4.x): a first row with the form's
title, a second with "Submission Details" and the components' names, a third with the column
labels (``Serial, SID, Time, Draft, IP Address, UID, Username``, then the components); the
separator is the user's choice and the file may be UTF-16LE (both detected). A select exported
"separate" has one column per option marked ``X``: the marked options become one answer, joined
with ", ". IP address, UID and username are dropped, with any question asking for identity.

Mapping keys: ``question`` (the component's name), and any column.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from ..engagement.model.base import fold
from .context import Context
from .reading import Export, dict_rows, unique_header
from .records import Record, Skipped
from .surveys import Question, answers

NAME = "framaforms"
LABEL = "Framaforms"
PREFIX = "FF"

LABELS = frozenset(
    ("serial", "sid", "time", "draft", "ip address", "uid", "username", "submitted", "completed",
     "modified", "numero de serie", "n° de serie", "heure", "brouillon", "adresse ip",
     "nom d'utilisateur", "soumis", "date de soumission")
)  # fmt: skip
DETAILS = ("submission details", "details de la soumission", "details de soumission")
MARKS = frozenset(("x", "✓", "oui", "yes", "1"))
SNIFF_ROWS = 200  # data rows read ahead to tell option columns from text columns


def read(export: Export, ctx: Context) -> Iterator[Record | Skipped]:
    ctx.kind = "submissions"
    ctx.primary_keys = ("question",)
    if export.raw is None:
        return iter(())
    raw = export.raw
    first_rows: list[tuple[int, list[str]]] = []
    labels_at = None
    for number, cells in raw:
        first_rows.append((number, cells))
        if sum(fold(c) in LABELS for c in cells) >= 2:
            labels_at = len(first_rows) - 1
            break
        if len(first_rows) >= 5:
            break
    if not first_rows:
        return iter(())
    if labels_at is None:  # a one-row header: an export from elsewhere, read as a plain table
        labels, above, rest = first_rows[0][1], [], first_rows[1:]
    else:
        labels, rest = first_rows[labels_at][1], []
        above = first_rows[labels_at - 1][1] if labels_at >= 1 else []
        if sum(bool(c.strip()) for c in above) < 2:
            above = []  # the form's title alone: no components' row
    buffer = rest + list(islice(raw, SNIFF_ROWS))
    groups = _groups(above, labels, buffer)
    names = [
        f"{g} / {lab}" if g and lab else (lab or g) for g, lab in zip(groups, labels, strict=True)
    ]
    header = unique_header(names, ctx.renames)
    rows = dict_rows(header, _chain(buffer, raw), ctx.personal, export)
    return _answers(header, groups, labels, rows, ctx)


def _groups(above: list[str], labels: list[str], buffer: list[tuple[int, list[str]]]) -> list[str]:
    """The multi-column component each column belongs to ("" for a column of its own).

    The components' row names a component at its first column only, and a one-column component
    may have an empty cell there too: a column belongs to the component named on its left only
    while the answers below are option marks (``X``).
    """

    def marks_only(at: int) -> bool:
        values = [r[at].strip() for _, r in buffer if at < len(r) and r[at].strip()]
        return all(fold(v) in MARKS for v in values)

    groups: list[str] = []
    current = ""
    for at in range(len(labels)):
        top = above[at].strip() if at < len(above) else ""
        if fold(top) in DETAILS or fold(labels[at]) in LABELS:
            current = ""
            groups.append("")
        elif top:
            current = top if marks_only(at) else ""
            groups.append(current)
        elif current and marks_only(at):
            groups.append(current)
        else:
            current = ""
            groups.append("")
    return groups


def _chain(
    first: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield from first
    yield from rest


def _answers(
    header: list[str],
    groups: list[str],
    labels: list[str],
    rows: Iterator[tuple[int, dict[str, str], str]],
    ctx: Context,
) -> Iterator[Record | Skipped]:
    """Components as questions: a multi-column component's marked options joined as one answer."""
    components: dict[str, list[tuple[str, str]]] = {}  # name -> [(header, option label)]
    respondent = submitted = ""
    for name, group, label in zip(header, groups, labels, strict=True):
        key = fold(label)
        if key == "sid" and not respondent:
            respondent = name
        if key in ("time", "heure", "submitted", "soumis", "date de soumission") and not submitted:
            submitted = name
        if key in LABELS or ctx.personal.kind(name) is not None:
            continue
        component = group or label or name
        if ctx.personal.kind(component) is not None:
            continue
        components.setdefault(component, []).append((name, label))
    questions = []
    for position, (component, columns) in enumerate(components.items(), start=1):
        ctx.questions[component] = component
        questions.append(Question(columns[0][0], component, component, f"q{position}"))
    multi = {component: columns for component, columns in components.items() if len(columns) > 1}

    def joined(
        rows: Iterator[tuple[int, dict[str, str], str]],
    ) -> Iterator[tuple[int, dict[str, str], str]]:
        for number, cells, identity in rows:
            for columns in multi.values():
                marked = []
                for name, label in columns:
                    value = cells.get(name, "").strip()
                    if fold(value) in MARKS:
                        marked.append(label)
                    elif value:
                        marked.append(value)  # an "other" option's text
                cells[columns[0][0]] = ", ".join(marked)
            yield number, cells, identity

    return answers(joined(rows), questions, respondent, submitted)
