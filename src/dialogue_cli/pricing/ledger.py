"""The ledger of issued invoices: one JSON object per line, only ever appended to.

Pure text in, text out: :func:`parse_ledger` reads the ledger's text (a line that is not what
dialogue wrote is reported with its line number), :func:`append` returns the text with one
more line and checks that the old text is kept byte for byte. The file itself is read, locked
and replaced atomically by the caller (``render/invoice.py``), never here.

Why JSON Lines: each invoice is one line that a text editor, ``grep`` and a spreadsheet can read;
a line once written is never changed, so an invoice number is never reused and the history is
whole. A credit note is a line of its own, ``"kind": "credit_note"``, that names the invoice it
cancels.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from ..common.errors import LocatedError, Problem
from .invoice import Record

_REQUIRED = ("number", "kind", "stage", "date", "quote", "quote_total_ttc", "ht", "vat", "ttc")


def _money(value: Any, field: str) -> Decimal:
    if not isinstance(value, str):
        raise ValueError(f'{field}: expected an amount as a string such as "100.00"')
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{field}: {value!r} is not an amount") from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"{field}: {value!r} is not an amount in cents")
    return amount.quantize(Decimal("0.01"))


def _record(data: Any) -> Record:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if data["kind"] not in ("invoice", "credit_note"):
        raise ValueError(f"kind: {data['kind']!r} is neither 'invoice' nor 'credit_note'")
    try:
        date = dt.date.fromisoformat(str(data["date"]))
    except ValueError:
        raise ValueError(f"date: {data['date']!r} is not a date YYYY-MM-DD") from None
    phases = data.get("phases") or []
    if not isinstance(phases, list) or not all(isinstance(p, str) for p in phases):
        raise ValueError("phases: expected a list of phase names")
    return Record(
        number=str(data["number"]),
        kind=data["kind"],
        stage=str(data["stage"]),
        date=date,
        quote=str(data["quote"]),
        quote_total_ttc=_money(data["quote_total_ttc"], "quote_total_ttc"),
        ht=_money(data["ht"], "ht"),
        vat=_money(data["vat"], "vat"),
        ttc=_money(data["ttc"], "ttc"),
        phases=tuple(phases),
        services_ht=_money(data.get("services_ht", "0.00"), "services_ht"),
        recovery_ht=_money(data.get("recovery_ht", "0.00"), "recovery_ht"),
        cancels=str(data["cancels"]) if data.get("cancels") else None,
        file=str(data.get("file") or ""),
        sha256=str(data.get("sha256") or ""),
    )


def parse_ledger(text: str, name: str) -> list[Record]:
    """Every record of a ledger's text, in order.

    Raises:
        LocatedError: a line is not a record dialogue wrote (``factures.jsonl:3: ...``), or a
            number appears twice.
    """
    problems: list[Problem] = []
    records: list[Record] = []
    seen: dict[str, int] = {}
    for index, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _record(json.loads(line, parse_float=str, parse_int=str))
        except ValueError as error:
            problems.append(Problem(name, index, 0, "", f"not an invoice record: {error}"))
            continue
        if record.number in seen:
            problems.append(
                Problem(
                    name,
                    index,
                    0,
                    "number",
                    f"{record.number} is already on line {seen[record.number]}: a number is "
                    "never reused",
                )
            )
        seen.setdefault(record.number, index)
        records.append(record)
    if problems:
        raise LocatedError(problems)
    return records


def line_of(record: Record) -> str:
    """The ledger line of ``record`` (keys in a fixed order, UTF-8, no trailing spaces)."""
    return json.dumps(record.to_json(), ensure_ascii=False, separators=(", ", ": ")) + "\n"


def append(old: str, record: Record, history: Sequence[Record]) -> str:
    """``old`` with ``record``'s line added at the end; the old lines are kept as they are.

    Raises:
        ValueError: ``record`` reuses a number of ``history`` (a programming error: the
            number comes from :func:`~.invoice.next_number`).
    """
    if any(item.number == record.number for item in history):
        raise ValueError(f"invoice number {record.number} is already in the ledger")
    if old and not old.endswith("\n"):
        old += "\n"
    new = old + line_of(record)
    assert new.startswith(old)
    return new


def for_quote(history: Sequence[Record], quote_number: str) -> list[Record]:
    """The records that follow one devis (a ledger may be shared by several engagements)."""
    return [record for record in history if record.quote == quote_number]
