"""What an import says when it is done: a table for the terminal, the same facts as JSON.

Only counts, column headers, keys and file names: never a cell of a personal column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .run import Outcome

POLARITY_ORDER = ("+", "-", "?", "idee")


@dataclass(frozen=True)
class Outputs:
    """Where the import wrote, as messages name the files."""

    feedback: str
    unclassified: str = ""  # "" when every item has a scenario
    reference: str = ""  # what --add did, or ""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def skipped(outcome: Outcome) -> Counter[str]:
    """Why rows were not imported, with the unreadable ones."""
    reasons = Counter(outcome.tally.skipped)
    if outcome.problems.skipped:
        reasons["unreadable"] += outcome.problems.skipped
    return reasons


def without_criteria(outcome: Outcome) -> int:
    """Imported ``+`` and ``-`` items without a criterion: counted, not scored, until coded."""
    return sum(1 for item in outcome.items if item.polarity in ("+", "-") and not item.criteria)


def to_json(outcome: Outcome, outputs: Outputs) -> dict[str, Any]:
    """The summary as plain data (``--json``)."""
    by_scenario = Counter(item.scenario for item in outcome.items)
    by_polarity = Counter(item.polarity for item in outcome.items)
    return {
        "source": outcome.source,
        "kind": outcome.kind,
        "file": outcome.file,
        "format": outcome.format,
        "encoding": outcome.encoding or None,
        "separator": outcome.separator or None,
        "rows": outcome.rows,
        "items": outcome.tally.records,
        "imported": len(outcome.items),
        "unclassified": len(outcome.unclassified),
        "skipped": dict(skipped(outcome).most_common()),
        "problems": [str(p) for p in outcome.problems.listed],
        "problems_not_listed": outcome.problems.hidden,
        "by_scenario": dict(sorted(by_scenario.items())),
        "by_polarity": {p: by_polarity[p] for p in POLARITY_ORDER if by_polarity[p]},
        "replies": outcome.tally.replies,
        "contributors": len(outcome.tally.contributors) or None,
        "personal_columns_dropped": [
            {"column": column, "kind": kind} for column, kind in outcome.personal.dropped.items()
        ],
        "masked_in_texts": {k: v for k, v in outcome.masked.items() if v},
        "texts_cut": outcome.truncated,
        "unclassified_by": dict(outcome.tally.unclassified.most_common()),
        "answers_without_polarity": dict(outcome.tally.polarity_unmapped.most_common()),
        "without_criteria": without_criteria(outcome),
        "notes": outcome.notes,
        "output": outputs.feedback,
        "unclassified_output": outputs.unclassified or None,
        "reference": outputs.reference or None,
    }


def _counts(counter: Counter[str], limit: int = 8) -> str:
    shown = [f"{key} ({count})" for key, count in counter.most_common(limit)]
    more = len(counter) - limit
    return ", ".join(shown) + (f", and {more} more" if more > 0 else "")


def lines(outcome: Outcome, outputs: Outputs) -> list[str]:
    """The summary table and its notes, for the terminal."""
    where = [outcome.format]
    if outcome.encoding:
        where.append(outcome.encoding)
    if outcome.separator:
        where.append(
            "separator " + ("tab" if outcome.separator == "\t" else repr(outcome.separator))
        )
    out = [f"Read {outcome.file}: {outcome.label} {outcome.kind or 'export'} ({', '.join(where)})"]
    rows: list[tuple[str, str, str]] = [("rows read", str(outcome.rows), "")]
    if outcome.tally.records > outcome.rows:
        rows.append(("items found", str(outcome.tally.records), "one row may hold several"))
    rows.append(("imported", str(len(outcome.items)), outputs.feedback))
    rows.append(("unclassified", str(len(outcome.unclassified)), outputs.unclassified or "–"))
    reasons = skipped(outcome)
    shown = _counts(reasons).replace("unreadable (", "unreadable, listed above (")
    rows.append(("skipped", str(sum(reasons.values())), shown or "–"))
    by_scenario = Counter(item.scenario for item in outcome.items)
    if by_scenario:
        rows.append(
            ("by scenario", "", ", ".join(f"{k} {v}" for k, v in sorted(by_scenario.items())))
        )
    by_polarity = Counter(item.polarity for item in outcome.items)
    if by_polarity:
        rows.append(
            (
                "by polarity",
                "",
                ", ".join(f"{p} {by_polarity[p]}" for p in POLARITY_ORDER if by_polarity[p]),
            )
        )
    if outcome.tally.replies:
        rows.append(("replies", str(outcome.tally.replies), ""))
    if outcome.tally.contributors:
        rows.append(("distinct contributors", str(len(outcome.tally.contributors)), ""))
    width = max(len(label) for label, _, _ in rows)
    for label, count, detail in rows:
        out.append(f"  {label.ljust(width)}  {count.rjust(6)}  {detail}".rstrip())
    dropped = outcome.personal.dropped
    if dropped:
        out.append("Personal data dropped: " + ", ".join(f"{c} ({k})" for c, k in dropped.items()))
    else:
        out.append("Personal data dropped: none found in the columns")
    masked = {k: v for k, v in outcome.masked.items() if v}
    if masked:
        words = {
            "contributor's name": "a contributor's name",
            "mention": "a mention of a participant",
            "email": "an e-mail address",
            "phone": "a phone number",
            "address": "a postal address",
            "name": "a civility and a name",
        }
        out.append(
            "Masked in the texts: "
            + ", ".join(f"{words.get(k, k)} in {_plural(v, 'text')}" for k, v in masked.items())
        )
    if outcome.truncated:
        out.append(f"Cut to 20 000 characters: {_plural(outcome.truncated, 'text')}")
    if outcome.tally.unclassified:
        out.append("No scenario for: " + _counts(outcome.tally.unclassified))
    if outcome.tally.polarity_unmapped:
        out.append(
            "Answers not in their question's polarity table (read as the default): "
            + _counts(outcome.tally.polarity_unmapped)
        )
    missing = without_criteria(outcome)
    if missing:
        out.append(
            f"{_plural(missing, 'item')} + or - without a criterion: counted, not scored until "
            "coded (criteria keywords in the mapping, or the criteres column)"
        )
    out.extend(outcome.notes)
    return out
