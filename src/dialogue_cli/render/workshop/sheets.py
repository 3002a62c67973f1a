"""The contexts of the kit's Word templates: capture sheets, solution sheets, attendance, run sheet.

Each context is a plain dict of printable strings, like a deliverable's (``doc``, ``client``,
``brand`` and ``session`` for all four, then each one's own values); ``schema.py`` documents it.
Pure: the worded session in, the dict out. The attendance sheet carries no name: its rows are
numbers only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .catalog import Piece
from .info import SessionInfo, challenge, verdict_text
from .notice import build_notice
from .runsheet import ROWS_PER_PAGE, attendance_rows, run_context

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt
    from .slides import Deck


def common(piece: Piece, info: SessionInfo, results: Results, f: Fmt) -> dict[str, Any]:
    """``doc``, ``client`` and ``brand`` as the deliverables have them, and ``session``."""
    from ..contexts.shared import _common

    context = _common("synthese-ateliers", results, f)
    name = piece.template.removesuffix(".docx") if piece.template else piece.key
    title = piece.title_en if f.language == "en" else piece.title_fr
    context["doc"].update({"name": name, "title": f.t(title), "audience": info.label})
    context["session"] = {
        "code": info.code,
        "kind": info.kind,
        "label": info.label,
        "date": info.date,
        "time": info.time,
        "when": info.when(),
        "place": info.place,
        "access": info.access,
        "participants": (
            f.t(str(info.words["participants"]).format(n=f.number(info.participants)))
            if info.participants
            else str(info.words["participants_unknown"])
        ),
        "duration": str(info.words["duration"]).format(n=info.minutes),
    }
    return context


def capture_context(
    piece: Piece,
    info: SessionInfo,
    results: Results,
    f: Fmt,
    codes: dict[str, list[str]],
    feedback_file: str,
) -> dict[str, Any]:
    """One sheet per scenario, each line with its pre-printed code; the grid's criteria as the
    tick columns."""
    w = info.words
    context = common(piece, info, results, f)
    criteria = results.engagement.grid.criteria
    context.update(
        {
            "legend": f.t(w["legend"]),
            "transcribe": f.t(str(w["transcribe"]).format(file=feedback_file)),
            "columns": {key: f.t(value) for key, value in w["columns"].items()},
            "criteria": [{"id": c.id, "label": f.t(c.label)} for c in criteria],
            "sheets": [
                {
                    "code": item.id,
                    "title": f.t(str(w["sheet_title"]).format(code=item.id, title=item.title)),
                    "line": f.t(
                        str(w["sheet_line"]).format(
                            session=info.label, date=info.date, code=item.id
                        )
                    ),
                    "rows": [{"code": code} for code in codes[item.id]],
                }
                for item in info.items
            ],
        }
    )
    return context


def solutions_context(
    piece: Piece, info: SessionInfo, results: Results, f: Fmt, codes: dict[str, list[str]]
) -> dict[str, Any]:
    """One sheet per option (rank order), with its verdict and challenge; each line a solution,
    what it changes, and each group's test (+ = −)."""
    from ..words import CONDITION_ORDER

    w = info.words
    context = common(piece, info, results, f)
    symbols = f.words["test_symbols"]
    context.update(
        {
            "legend": f.t(w["legend_creativity"]),
            "transcribe": f.t(w["transcribe_creativity"]),
            "columns": {key: f.t(value) for key, value in w["columns"].items()},
            "groups": {g: str(f.words["groups"][g]) for g in CONDITION_ORDER},
            "symbols": {"plus": symbols["+"], "equal": symbols["="], "minus": symbols["-"]},
            "sheets": [
                {
                    "code": item.id,
                    "title": f.t(str(w["sheet_title"]).format(code=item.id, title=item.title)),
                    "line": f.t(
                        str(w["sheet_line_creativity"]).format(
                            session=info.label, date=info.date, code=item.id
                        )
                    ),
                    "verdict": f.t(str(w["verdict"]).format(verdict=verdict_text(item, f))),
                    "challenge": challenge(item, f),
                    "rows": [{"code": code} for code in codes[item.id]],
                }
                for item in info.options
            ],
        }
    )
    return context


def attendance_context(piece: Piece, info: SessionInfo, results: Results, f: Fmt) -> dict[str, Any]:
    """Pages of numbered empty rows (no name is ever pre-filled), each with the session and the
    personal-data notice, so that a page passed round alone still informs who signs it."""
    w = info.words
    context = common(piece, info, results, f)
    notice = build_notice(results, f)
    number, name, structure, signature = w["attendance_columns"]
    rows = attendance_rows(info.participants)
    context.update(
        {
            "intro": f.t(w["attendance_intro"]),
            "columns": {
                "number": number,
                "name": name,
                "structure": structure,
                "signature": signature,
            },
            "pages": [
                {
                    "rows": [
                        {"number": str(n)}
                        for n in range(first, min(first + ROWS_PER_PAGE, rows + 1))
                    ]
                }
                for first in range(1, rows + 1, ROWS_PER_PAGE)
            ],
            "notice": {
                "title": notice.title,
                "intro": f.t(notice.intro),
                "rows": [{"label": label, "text": text} for label, text in notice.rows],
            },
        }
    )
    return context


def runsheet_context(
    piece: Piece,
    info: SessionInfo,
    deck: Deck,
    results: Results,
    f: Fmt,
    files: dict[str, str],
    lines: int,
) -> dict[str, Any]:
    """The run sheet: :func:`~.runsheet.run_context` beside the common values."""
    context = common(piece, info, results, f)
    context.update(run_context(info, deck, results, f, files, lines))
    return context
