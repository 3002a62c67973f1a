"""The codes pre-printed on the capture sheets, and the feedback file pre-filled with them.

Every line of a capture sheet carries a code: the session, the scenario and the line number,
``AT-ELUS-BP-07``. The workshop's feedback file (the project's own CSV format, as `dialogue
feedback template` writes it, with an ``atelier`` column) holds one row per code, in the order
of the sheets, with only the id, the workshop and the scenario filled in: transcription follows
the sheet line by line, and `dialogue check` skips a row until its polarity is typed (such rows
are counted as not transcribed yet, see ``engagement/feedback.py``). Pure: bytes out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from ...common.errors import FileProblem
from ...engagement.feedback import TEMPLATE_HEADERS
from ...engagement.feedback_limits import ID_LENGTH

# Lines per scenario: one landscape A4 page of the capture sheets.
DEFAULT_LINES = 12
# Lines per option of the creativity session's solution sheets: one landscape A4 page.
SOLUTION_LINES = 8
MAX_LINES = 200
WORKSHOP_HEADER = {"fr": "atelier", "en": "workshop"}


def line_code(session: str, scenario: str, number: int, lines: int = DEFAULT_LINES) -> str:
    """``AT-ELUS-BP-07``: the session, the scenario and the line, zero-padded to ``lines``."""
    width = max(2, len(str(lines)))
    return f"{session}-{scenario}-{number:0{width}d}"


def capture_codes(session: str, scenarios: Sequence[str], lines: int) -> dict[str, list[str]]:
    """The codes of every line of every scenario's sheet, in order.

    Raises:
        FileProblem: ``lines`` out of bounds, or a code longer than a feedback id may be.
    """
    if not 1 <= lines <= MAX_LINES:
        raise FileProblem(f"--lines {lines}: give a number of lines from 1 to {MAX_LINES}")
    codes = {s: [line_code(session, s, n, lines) for n in range(1, lines + 1)] for s in scenarios}
    for scenario, found in codes.items():
        if found and len(found[-1]) > ID_LENGTH:
            raise FileProblem(
                f"{found[-1]}: the line codes of session {session} and scenario {scenario} are "
                f"longer than the {ID_LENGTH} characters of a feedback id; shorten their ids"
            )
    return codes


def headers(language: str) -> list[str]:
    """The feedback file's columns, ``atelier`` after ``id`` (``dialogue feedback template``'s)."""
    names = list(TEMPLATE_HEADERS.get(language, TEMPLATE_HEADERS["fr"]))
    return [names[0], WORKSHOP_HEADER.get(language, "atelier"), *names[1:]]


def prefilled_feedback(workshop: str, codes: Mapping[str, Sequence[str]], language: str) -> bytes:
    """The feedback file of ``workshop``: a row per code, id, workshop and scenario filled in.

    CSV separated by ``;``, UTF-8 with a byte-order mark (Excel opens it as it should), like
    ``dialogue feedback template``.
    """
    columns = headers(language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    blank = [""] * (len(columns) - 3)
    for scenario, found in codes.items():
        for code in found:
            writer.writerow([code, workshop, scenario, *blank])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
