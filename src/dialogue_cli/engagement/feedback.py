"""Workshop feedback as plain records, from the YAML or from CSV/XLSX files, validated as read.

Files are streamed row by row and never materialised as models: scoring a million rows only
keeps the aggregates (see benchmarks/bench_score.py). Each raw cell value is checked once and
the verdict cached, so a row costs a few dict look-ups.

Longer than 600 lines: the header mapping, the cached checks of each cell and the one loop that
validates a row of a CSV or XLSX file belong together (the loop is the hot path of a million
rows, and splitting it across modules would cost a call per row).

A row that holds only what a capture sheet pre-prints (its id, scenario and workshop) and
nothing yet in the columns a transcriber fills (polarity, intensity, criteria, theme, verbatim,
author) is *not transcribed yet*: it is skipped, not refused, and counted per workshop in
``References.pending`` (``dialogue check`` reports the count). A row with anything typed in
those columns is validated as any other: a verbatim without a polarity is still an error.

A CSV file's messages give the line a text editor shows (a verbatim with line breaks takes
several lines for one row). A quote that opens a cell and runs over rows that look like rows of
the file (a stray ``"``, which would silently swallow them) is reported where it opens.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol, TypeVar

from ..common.errors import LocatedError, Problem, shown
from ..common.suggest import suggest

# The header vocabulary lives in feedback_columns; these names are read from here too.
from .feedback_columns import COLUMNS as COLUMNS
from .feedback_columns import HEADER_ALIASES as HEADER_ALIASES
from .feedback_columns import IGNORED_HEADERS as IGNORED_HEADERS
from .feedback_columns import PROVENANCE_HEADERS as PROVENANCE_HEADERS
from .feedback_columns import REQUIRED_COLUMNS as REQUIRED_COLUMNS
from .feedback_columns import TEMPLATE_HEADERS as TEMPLATE_HEADERS
from .feedback_columns import map_header as map_header
from .feedback_limits import FIELD_LIMIT, ID_LENGTH, LINE_LENGTH, TEXT_LENGTH, RowShape, too_long
from .model import POLARITIES, Engagement, Workshop, fold, normalize_polarity

MAX_PROBLEMS_PER_FILE = 50
# Bytes of one line of a CSV file: two cells at the field limit.
LINE_LIMIT = 2 * FIELD_LIMIT
CACHE_LIMIT = 10_000  # distinct raw values remembered per column

T = TypeVar("T")
_INTENSITIES = {"": 1, "1": 1, "2": 2, "3": 3, "1.0": 1, "2.0": 2, "3.0": 3}
# A publish cell: yes or no (empty: the workshop's default), in French or English.
PUBLISH_VALUES: dict[str, bool | None] = {
    "": None, "oui": True, "o": True, "yes": True, "y": True, "true": True, "vrai": True,
    "1": True, "x": True, "non": False, "n": False, "no": False, "false": False, "faux": False,
    "0": False,
}  # fmt: skip


class Feedback(NamedTuple):
    """One feedback item, validated. ``source`` says where it was read (``file:line``)."""

    id: str
    workshop: str
    group: str
    scenario: str
    polarity: str
    intensity: int
    criteria: tuple[str, ...]
    theme: str
    text: str
    author: str
    source: str
    # Whether its author agreed to its publication (the item's own answer, else its workshop's).
    publish: bool = False


@dataclass
class References:
    """The ids feedback may point to, taken once from the engagement."""

    scenarios: frozenset[str]
    criteria: frozenset[str]
    seen_ids: set[str] = field(default_factory=set)
    # Files that several workshops read: each row must then say whose it is (atelier column).
    shared_files: frozenset[Path] = frozenset()
    reported: set[str] = field(default_factory=set)  # shared files already checked once
    # What is odd but not wrong (a header that looks like a misspelt column), for `check`.
    warnings: list[Problem] = field(default_factory=list)
    # Pre-printed rows not transcribed yet (see the module's docstring), per workshop id.
    pending: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, engagement: Engagement) -> References:
        """The scenario and criterion ids of ``engagement``."""
        return cls(
            frozenset(s.id for s in engagement.scenarios),
            frozenset(c.id for c in engagement.grid.criteria),
        )


def inline_items(engagement: Engagement, workshop: Workshop, source: str) -> Iterator[Feedback]:
    """The feedback written in the YAML (already validated by the model and the reference check)."""
    for number, item in enumerate(workshop.feedback, start=1):
        yield Feedback(
            item.id or f"{workshop.id}-{number}",
            workshop.id,
            workshop.group,
            item.scenario,
            item.polarity,
            item.intensity,
            tuple(item.criteria),
            item.theme,
            item.text,
            item.author,
            source,
            workshop.publish if item.publish is None else item.publish,
        )


def feedback_path(base_dir: Path, workshop: Workshop) -> Path | None:
    """The resolved feedback file of a workshop, or ``None`` when it has none."""
    if not workshop.feedback_file:
        return None
    return (base_dir / workshop.feedback_file).resolve()


def iter_workshop(
    engagement: Engagement,
    workshop: Workshop,
    base_dir: Path,
    refs: References,
    display: Callable[[Path], str] = str,
    engagement_source: str = "engagement.yaml",
) -> Iterator[Feedback]:
    """Every feedback item of a workshop: inline first, then its file, validated row by row.

    Bad rows are collected; once the file is read, a LocatedError lists them (at most
    ``MAX_PROBLEMS_PER_FILE``, then a count of the rest).
    """
    inline = _remember(inline_items(engagement, workshop, engagement_source), refs.seen_ids)
    path = feedback_path(base_dir, workshop)
    if path is None:
        return inline
    return chain(inline, read_file(path, workshop, refs, display(path)))


def _remember(items: Iterator[Feedback], seen: set[str]) -> Iterator[Feedback]:
    for item in items:
        seen.add(item.id)
        yield item


def iter_all(
    engagement: Engagement,
    base_dir: Path,
    display: Callable[[Path], str] = str,
    engagement_source: str = "engagement.yaml",
    *,
    warnings: list[Problem] | None = None,
    pending: Counter[str] | None = None,
) -> Iterator[Feedback]:
    """Every feedback item of every workshop, collecting the problems of all files before raising.

    ``warnings``, when given, receives what is odd but not wrong (see :func:`map_header`);
    ``pending`` counts the rows not transcribed yet, per workshop id.
    """
    refs = References.of(engagement)
    if warnings is not None:
        refs.warnings = warnings
    if pending is not None:
        refs.pending = pending
    readers = Counter(feedback_path(base_dir, w) for w in engagement.workshops)
    refs.shared_files = frozenset(p for p, n in readers.items() if p is not None and n > 1)
    errors: list[LocatedError] = []
    for workshop in engagement.workshops:
        try:
            yield from iter_workshop(
                engagement, workshop, base_dir, refs, display, engagement_source
            )
        except LocatedError as error:
            errors.append(error)
    if errors:
        raise LocatedError.merge(errors)


def read_file(path: Path, workshop: Workshop, refs: References, name: str) -> Iterator[Feedback]:
    """Validated rows of a CSV or XLSX feedback file (checks of the file itself happen now)."""
    from ..common.files import not_regular

    def fail(message: str, column: str = "") -> LocatedError:
        return LocatedError([Problem(name, 0, 0, column, message)])

    problem = not_regular(path)
    if problem == "not found":
        raise fail("feedback file not found")
    if problem == "is a folder":
        raise fail("is a folder, not a feedback file")
    if problem is not None:
        raise fail(problem)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        shared = path in refs.shared_files
        found: list[Problem] = []
        # Problems of the file itself are told once, by the first workshop reading it.
        told = found if not shared or name not in refs.reported else []
        from .feedback_xlsx import xlsx_rows

        rows = xlsx_rows(path, workshop.sheet, name, told)
        return _validate_rows(rows, workshop, refs, name, shared, found)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, workshop, refs, name)
    raise fail(f"unsupported feedback file type {suffix!r}: use .csv or .xlsx")


def _read_csv(path: Path, workshop: Workshop, refs: References, name: str) -> Iterator[Feedback]:
    import io

    from ..common.errors import FileProblem
    from ..common.files import open_regular

    try:
        raw = open_regular(path, name, "feedback")
    except FileProblem as error:
        raise LocatedError(
            [Problem(name, 0, 0, "", str(error).removeprefix(f"{name}: "))]
        ) from None
    with raw:
        # Excel's "Unicode text" is UTF-16 with a byte-order mark (and tabs): read it as such.
        encoding = "utf-16" if raw.read(2) in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        raw.seek(0)
        _check_line_lengths(raw, name)
        handle = io.TextIOWrapper(raw, encoding=encoding, newline="")
        delimiter = _delimiter(handle, name)
        if csv.field_size_limit() < FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        reader = csv.reader(handle, delimiter=delimiter)
        yield from _validate_rows(
            reader, workshop, refs, name, path in refs.shared_files, lines=reader
        )


def _check_line_lengths(raw: IO[bytes], name: str) -> None:
    """Refuse a file with a line of more than :data:`LINE_LIMIT` bytes; rewinds it.

    The csv module reads whole lines before it splits them: a file of 2 GB without a line break
    would be one string of 2 GB. One pass over the bytes (about 1 s per GB) finds such a line
    before any is decoded.
    """
    gap = 0  # bytes since the last line break
    lines = 1
    while chunk := raw.read(1 << 20):
        last = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        if last < 0:
            gap += len(chunk)
        else:
            firsts = [at for at in (chunk.find(b"\n"), chunk.find(b"\r")) if at >= 0]
            if gap + min(firsts) > LINE_LIMIT:
                break
            lines += chunk.count(b"\n") or chunk.count(b"\r")
            gap = len(chunk) - last - 1
        if gap > LINE_LIMIT:
            break
    else:
        raw.seek(0)
        return
    raise LocatedError(
        [
            Problem(
                name,
                lines,
                0,
                "",
                f"a line of more than {LINE_LIMIT:,} bytes: a row of a feedback file is far "
                "shorter; is it a CSV file?",
            )
        ]
    )


def _delimiter(handle: IO[str], name: str) -> str:
    """``;``, ``,`` or a tab, whichever the header line holds most of; rewinds the file."""
    try:
        first = handle.readline(LINE_LIMIT)
    except UnicodeDecodeError as error:
        raise LocatedError([Problem(name, 0, 0, "", _not_utf8(error))]) from None
    if "\x00" in first:
        raise LocatedError([Problem(name, 0, 0, "", "is a binary file, not a CSV")])
    handle.seek(0)  # the utf-8-sig decoder is reset: the BOM is skipped again
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _not_utf8(error: UnicodeDecodeError) -> str:
    return (
        f"not UTF-8 text (byte 0x{error.object[error.start]:02x}): "
        "save it as 'CSV UTF-8' (Excel) or UTF-8 text"
    )


class _Checks:
    """The verdict on each raw cell value, computed once: canonical value, or an error message."""

    def __init__(self, refs: References) -> None:
        self.scenarios = refs.scenarios
        self.criteria = refs.criteria
        self.folded_scenarios = {s.casefold(): s for s in refs.scenarios}
        self.folded_criteria = {c.casefold(): c for c in refs.criteria}
        self.scenario_ok: dict[str, str] = {s: s for s in refs.scenarios}
        self.polarity_ok: dict[str, str] = {p: p for p in POLARITIES}
        self.intensity_ok: dict[str, int] = dict(_INTENSITIES)
        self.criteria_ok: dict[str, tuple[str, ...]] = {"": ()}
        self.criteria_ok.update({c: (c,) for c in refs.criteria})
        self.publish_ok: dict[str, bool | None] = dict(PUBLISH_VALUES)

    @staticmethod
    def _remember(cache: dict[str, T], raw: str, value: T) -> None:
        if len(cache) < CACHE_LIMIT:
            cache[raw] = value

    def scenario(self, raw: str) -> str | Problem:
        value = raw.strip()
        found = value if value in self.scenarios else self.folded_scenarios.get(value.casefold())
        if found is None:
            if not value:
                return Problem("", 0, 0, "scenario", "empty: which scenario is this about?")
            return Problem(
                "",
                0,
                0,
                "scenario",
                f"unknown scenario {shown(value)}{_suggest(value, self.scenarios)}",
            )
        self._remember(self.scenario_ok, raw, found)
        return found

    def polarity(self, raw: str) -> str | Problem:
        value = normalize_polarity(raw)
        if not raw.strip():
            return Problem("", 0, 0, "polarity", "empty: one of +, -, ?, idee")
        if value not in POLARITIES:
            return Problem("", 0, 0, "polarity", f"{shown(raw)} is not one of +, -, ?, idee")
        self._remember(self.polarity_ok, raw, value)
        return str(value)

    def intensity(self, raw: str) -> int | Problem:
        value = _INTENSITIES.get(raw.strip())
        if value is None:
            return Problem("", 0, 0, "intensity", f"{shown(raw)} is not an intensity from 1 to 3")
        self._remember(self.intensity_ok, raw, value)
        return value

    def publish(self, raw: str) -> bool | Problem | None:
        value = raw.strip().lower()
        if value not in PUBLISH_VALUES:
            return Problem(
                "", 0, 0, "publish", f"{shown(raw)} is not oui or non (may it be published?)"
            )
        self._remember(self.publish_ok, raw, PUBLISH_VALUES[value])
        return PUBLISH_VALUES[value]

    def criteria_of(self, raw: str) -> tuple[str, ...] | Problem:
        parts = [p.strip() for p in raw.replace("|", ";").replace(",", ";").split(";")]
        found = []
        for part in parts:
            if not part:
                continue
            crit = part if part in self.criteria else self.folded_criteria.get(part.casefold())
            if crit is None:
                return Problem(
                    "",
                    0,
                    0,
                    "criteria",
                    f"unknown criterion {shown(part)}{_suggest(part, self.criteria)}",
                )
            if crit not in found:
                found.append(crit)
        value = tuple(found)
        self._remember(self.criteria_ok, raw, value)
        return value


class _Reader(Protocol):
    """What the row validation asks of a ``csv.reader``: the lines read so far, the delimiter."""

    @property
    def line_num(self) -> int: ...

    @property
    def dialect(self) -> Any: ...


def _validate_rows(
    rows: Iterator[list[str]],
    workshop: Workshop,
    refs: References,
    name: str,
    shared: bool = False,
    problems: list[Problem] | None = None,
    lines: _Reader | None = None,
) -> Iterator[Feedback]:
    """Check each row as it is read; yield the good ones, raise every problem at the end.

    ``problems`` may be shared with the reader of ``rows``, which adds its own as it reads.
    ``lines`` (the ``csv.reader`` of a CSV file) gives each row the line it starts on, which
    messages and sources cite; without it (XLSX) a row's number is its line.
    """
    problems = [] if problems is None else problems
    extra = 0

    written: dict[str, str] = {}  # column -> its header as written in the file

    def problem(row: int, found: Problem) -> None:
        nonlocal extra
        if len(problems) < MAX_PROBLEMS_PER_FILE:
            column = written.get(found.path) or found.path
            problems.append(Problem(name, row, 0, column, found.message))
        else:
            extra += 1

    number = 1  # the row (a spreadsheet's numbering): generated ids use it
    line = last = 1  # the line the current row starts on, the last line read (CSV)
    # A quote that swallowed rows: (its problem's index, the row, whether its cell ran to the
    # end of the file); once the file is read, it tells whether the quote ever closes.
    swallowed: tuple[int, int, bool] | None = None
    try:
        header = next(rows, None)
        if header is None:
            raise LocatedError(
                [Problem(name, 0, 0, "", "empty file: it needs at least a header row")]
            )
        index = map_header(header, name, refs)
        written.update({column: header[at].strip() for column, at in index.items()})
        width = len(header)
        # A missing optional column reads as one extra empty cell at the end of every row.
        padded = any(column not in index for column in (*COLUMNS, "workshop"))
        cells = itemgetter(*(index.get(c, width) for c in (*COLUMNS, "workshop")))
        full = width + 1 if padded else width
        accepted_workshops = {fold(workshop.id), workshop.group}
        first_reader = shared and name not in refs.reported
        refs.reported.add(name)
        workshop_id, group = workshop.id, workshop.group
        checks = _Checks(refs)
        scenario_ok, polarity_ok = checks.scenario_ok, checks.polarity_ok
        intensity_ok, criteria_ok = checks.intensity_ok, checks.criteria_ok
        publish_ok = checks.publish_ok
        default_publish = workshop.publish
        seen = refs.seen_ids
        add_seen = seen.add
        pending = refs.pending
        make = Feedback._make
        filter_rows = "workshop" in index
        if shared and not filter_rows:
            raise LocatedError(
                [
                    Problem(
                        name,
                        1,
                        0,
                        "header",
                        "several workshops read this file: add an 'atelier' column saying "
                        "whose each row is (elus, citoyens, services or a workshop id)",
                    )
                ]
            )
        unowned = Problem(
            "", 0, 0, "workshop", "empty, but several workshops read this file: whose row is it?"
        )
        looks_like_a_row = RowShape(
            lines.dialect.delimiter if lines is not None else ";",
            width,
            index,
            checks.folded_scenarios,
        )
        if lines is not None:
            last = lines.line_num

        for row in rows:
            number += 1
            if lines is None:
                line = number
            else:
                line, last = last + 1, lines.line_num
                if last != line:  # a cell holds line breaks (or a quote swallowed rows)
                    swallowing = looks_like_a_row.swallowing(row, line)
                    if swallowing is not None:
                        found, to_the_end = swallowing
                        if len(problems) < MAX_PROBLEMS_PER_FILE:
                            swallowed = (len(problems), number, to_the_end)
                        problem(found.line, found)
                        continue
            short = full - len(row)
            if short > 0:
                if short == 1:
                    row.append("")
                elif not any(row):
                    continue  # an empty line
                else:
                    row.extend([""] * short)
            raw_id, raw_scen, raw_pol, raw_int, raw_crit, theme, text, author, raw_pub, owner = (
                cells(row)
            )
            if filter_rows:
                owner = owner.strip()
                if not owner:
                    if shared and any(cell.strip() for cell in row):
                        if first_reader:
                            problem(line, unowned)
                        continue
                elif fold(owner) not in accepted_workshops and _group_of(owner) != group:
                    continue  # a shared file: this row belongs to another workshop
            scenario = scenario_ok.get(raw_scen)
            polarity = polarity_ok.get(raw_pol)
            intensity = intensity_ok.get(raw_int)
            criteria = criteria_ok.get(raw_crit)
            if scenario is None or polarity is None or intensity is None or criteria is None:
                # Slow path, once per distinct raw value: check, explain, remember.
                if not any(cell.strip() for cell in row):
                    continue  # a blank row
                if not raw_pol.strip() and not any(
                    cell.strip() for cell in (raw_int, raw_crit, theme, text, author)
                ):
                    pending[workshop_id] += 1  # pre-printed, not transcribed yet
                    continue
                s_v = checks.scenario(raw_scen) if scenario is None else scenario
                p_v = checks.polarity(raw_pol) if polarity is None else polarity
                i_v = checks.intensity(raw_int) if intensity is None else intensity
                c_v = checks.criteria_of(raw_crit) if criteria is None else criteria
                bad = [v for v in (s_v, p_v, i_v, c_v) if isinstance(v, Problem)]
                if bad:
                    for found in bad:
                        problem(line, found)
                    continue
                assert not isinstance(s_v, Problem) and not isinstance(p_v, Problem)
                assert not isinstance(i_v, Problem) and not isinstance(c_v, Problem)
                scenario, polarity, intensity, criteria = s_v, p_v, i_v, c_v
            if raw_pub in publish_ok:
                publish = publish_ok[raw_pub]
            else:
                checked = checks.publish(raw_pub)
                if isinstance(checked, Problem):
                    problem(line, checked)
                    continue
                publish = checked
            if (
                len(text) > TEXT_LENGTH
                or len(theme) > LINE_LENGTH
                or len(author) > LINE_LENGTH
                or len(raw_id) > ID_LENGTH
            ):
                for found in too_long(raw_id, theme, text, author):
                    problem(line, found)
                continue
            item_id = raw_id.strip()
            if not item_id:
                item_id = f"{workshop_id}-{number}"
            known = len(seen)
            add_seen(item_id)
            if len(seen) == known:  # one hash instead of two: `in` then `add`
                problem(line, Problem("", 0, 0, "id", f"duplicate feedback id {shown(item_id)}"))
                continue
            yield make(
                (
                    item_id,
                    workshop_id,
                    group,
                    scenario,
                    polarity,
                    intensity,
                    criteria,
                    theme.strip(),
                    text,
                    author.strip(),
                    f"{name}:{line}",
                    default_publish if publish is None else publish,
                )
            )
        if swallowed is not None and swallowed[1:] == (number, True):
            # The last row's cell ran to the end of the file: its quote never closes.
            at = swallowed[0]
            problems[at] = Problem(
                name,
                problems[at].line,
                0,
                "",
                "a quote opened here is never closed, so every line after it is read as one "
                'cell: remove the stray " (or write it "")',
            )
    except UnicodeDecodeError as error:
        # Text is decoded by blocks: the line is where the bad block starts, not the exact line.
        where = last + 1 if lines is not None else number + 1
        problems.append(Problem(name, 0, 0, "", f"{_not_utf8(error)}; from about line {where}"))
    except csv.Error as error:
        where = last + 1 if lines is not None else number + 1
        if "field larger than field limit" in str(error):
            message = (
                f"a cell of more than {FIELD_LIMIT:,} characters starts on this row, where a "
                f"verbatim has at most {TEXT_LENGTH:,}: is a quote left open?"
            )
        else:
            message = f"not a readable CSV file: {error}"
        problems.append(Problem(name, where, 0, "", message))
    if problems:
        # The first MAX_PROBLEMS_PER_FILE are listed; the rest are counted.
        raise LocatedError(problems, hidden=extra)


def _suggest(value: str, choices: frozenset[str]) -> str:
    """A did-you-mean for a value of reasonable length (difflib is quadratic in it)."""
    return suggest(value, choices) if len(value) <= 64 else ""


def _group_of(value: str) -> str:
    from ..engagement.model.base import normalize_group

    normalized = normalize_group(value)
    return normalized if isinstance(normalized, str) else value


def write_template(path: Path, language: str = "fr") -> None:
    """An empty feedback file (header row only), CSV (``;``, UTF-8 with BOM for Excel) or XLSX."""
    headers = TEMPLATE_HEADERS.get(language, TEMPLATE_HEADERS["fr"])
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "retours"
        sheet.append(list(headers))
        book.save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerow(headers)
