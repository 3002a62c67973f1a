"""What the survey readers share: one record per answered question of each respondent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .records import Record, iso_date

NO_ANSWER = frozenset(("", "n/a", "-oth-"))


@dataclass(frozen=True)
class Question:
    """A question column: where it is, the key a mapping names it by, and its text."""

    header: str
    key: str  # "Q2[SQ001]", "3", the component's name
    text: str  # the question as the form wrote it (the items' default theme)
    id_part: str  # what the item id uses: the key, or the column's position when the key is long


def answers(
    rows: Iterator[tuple[int, dict[str, str], str]],
    questions: list[Question],
    respondent: str,
    submitted: str,
) -> Iterator[Record]:
    """For each respondent (``respondent`` column, else the row), a record per non-empty answer."""
    for number, cells, identity in rows:
        who = (cells.get(respondent, "") if respondent else "").strip() or f"r{number}"
        date = iso_date(cells.get(submitted, "")) if submitted else ""
        for question in questions:
            answer = cells.get(question.header, "")
            if answer.strip().lower() in NO_ANSWER:
                continue
            yield Record(
                number,
                "answer",
                f"{who}-{question.id_part}",
                answer,
                cells,
                date=date,
                contributor=identity,
                question=question.key,
                theme=question.text,
                tag="R",
            )
