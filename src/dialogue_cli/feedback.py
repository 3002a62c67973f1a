"""Workshop feedback as plain records, from the YAML or from CSV/XLSX files, validated as read.

Files are streamed row by row and never materialised as models: scoring a million rows only
keeps the aggregates (see benchmarks/bench_score.py).
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .errors import LocatedError, Problem
from .model import POLARITIES, Engagement, Workshop, fold, normalize_polarity

MAX_PROBLEMS_PER_FILE = 50

COLUMNS = ("id", "scenario", "polarity", "intensity", "criteria", "theme", "text", "author")
REQUIRED_COLUMNS = ("scenario", "polarity")
# Headers accepted for each column, compared after `fold` (lower case, no accents, no spaces).
HEADER_ALIASES: dict[str, str] = {
    "id": "id", "identifiant": "id", "ref": "id", "reference": "id",
    "scenario": "scenario", "scenarios": "scenario", "scenario_id": "scenario", "option": "scenario",
    "polarity": "polarity", "polarite": "polarity", "avis": "polarity", "type": "polarity",
    "intensity": "intensity", "intensite": "intensity", "force": "intensity",
    "criteria": "criteria", "criterion": "criteria", "critere": "criteria",
    "criteres": "criteria", "grille": "criteria",
    "theme": "theme", "themes": "theme", "sujet": "theme",
    "text": "text", "verbatim": "text", "texte": "text", "commentaire": "text", "propos": "text",
    "author": "author", "auteur": "author", "participant": "author",
    "atelier": "workshop", "workshop": "workshop", "groupe": "workshop", "group": "workshop",
}  # fmt: skip
# What `dialogue feedback template` writes, per language.
TEMPLATE_HEADERS = {
    "fr": ("id", "scenario", "polarite", "intensite", "criteres", "theme", "verbatim", "auteur"),
    "en": COLUMNS,
}


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


def suggest(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass
class References:
    """The ids feedback may point to, taken once from the engagement."""

    scenarios: frozenset[str]
    criteria: frozenset[str]
    seen_ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, engagement: Engagement) -> References:
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
        )


def feedback_path(base_dir: Path, workshop: Workshop) -> Path | None:
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
    for item in inline_items(engagement, workshop, engagement_source):
        refs.seen_ids.add(item.id)
        yield item
    path = feedback_path(base_dir, workshop)
    if path is not None:
        yield from read_file(path, workshop, refs, display(path))


def iter_all(
    engagement: Engagement,
    base_dir: Path,
    display: Callable[[Path], str] = str,
    engagement_source: str = "engagement.yaml",
) -> Iterator[Feedback]:
    """Every feedback item of every workshop, collecting the problems of all files before raising."""
    refs = References.of(engagement)
    problems: list[Problem] = []
    for workshop in engagement.workshops:
        try:
            yield from iter_workshop(engagement, workshop, base_dir, refs, display, engagement_source)
        except LocatedError as error:
            problems.extend(error.problems)
    if problems:
        raise LocatedError(problems)


def read_file(path: Path, workshop: Workshop, refs: References, name: str) -> Iterator[Feedback]:
    """Validated rows of a CSV or XLSX feedback file."""
    if not path.exists():
        raise LocatedError([Problem(name, 0, 0, "", "feedback file not found")])
    if path.is_dir():
        raise LocatedError([Problem(name, 0, 0, "", "is a folder, not a feedback file")])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, workshop.sheet, name)
    elif suffix in (".csv", ".txt", ".tsv"):
        rows = _csv_rows(path, name)
    else:
        raise LocatedError([Problem(name, 0, 0, "", f"unsupported feedback file type {suffix!r}: use .csv or .xlsx")])
    yield from _validate_rows(rows, workshop, refs, name)


def _csv_rows(path: Path, name: str) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            if "\x00" in first:
                raise LocatedError([Problem(name, 0, 0, "", "is a binary file, not a CSV")])
            counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
            delimiter = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
            handle.seek(0)
            if handle.read(1) != "\ufeff":
                handle.seek(0)
            try:
                yield from csv.reader(handle, delimiter=delimiter)
            except csv.Error as error:
                raise LocatedError([Problem(name, 0, 0, "", f"not a readable CSV file: {error}")]) from None
    except UnicodeDecodeError as error:
        raise LocatedError(
            [Problem(name, 0, 0, "", f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset "
                     f"{error.start}): save it as 'CSV UTF-8'")]
        ) from None
    except OSError as error:
        raise LocatedError([Problem(name, 0, 0, "", f"cannot be read: {error.strerror}")]) from None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path, sheet: str | None, name: str) -> Iterator[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise LocatedError([Problem(name, 0, 0, "", f"not a valid XLSX file ({type(error).__name__})")]) from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise LocatedError([Problem(
                    name, 0, 0, "sheet",
                    f"no sheet {sheet!r}{suggest(sheet, book.sheetnames)}; sheets: {', '.join(book.sheetnames)}",
                )])
            worksheet = book[sheet]
        else:
            worksheet = book.worksheets[0]
        for row in worksheet.iter_rows(values_only=True):
            yield [_cell(value) for value in row]
    finally:
        book.close()


def map_header(header: list[str], name: str) -> dict[str, int]:
    """Column name -> index, from a header row in English or French."""
    index: dict[str, int] = {}
    for position, raw in enumerate(header):
        key = fold(raw).replace(" ", "_").replace("-", "_")
        column = HEADER_ALIASES.get(key) or HEADER_ALIASES.get(key.rstrip("s"))
        if column and column not in index:
            index[column] = position
    missing = [column for column in REQUIRED_COLUMNS if column not in index]
    if missing:
        if not any(cell.strip() for cell in header):
            message = "no header row: the first row must name the columns (scenario, polarite, ...)"
        else:
            message = "missing column " + ", ".join(repr(m) for m in missing) + (
                f"; found: {', '.join(h for h in header if h)}"
            )
        raise LocatedError([Problem(name, 1, 0, "header", message)])
    return index


def _validate_rows(
    rows: Iterator[list[str]], workshop: Workshop, refs: References, name: str
) -> Iterator[Feedback]:
    problems: list[Problem] = []
    extra = 0

    def problem(row: int, column: str, message: str) -> None:
        nonlocal extra
        if len(problems) < MAX_PROBLEMS_PER_FILE:
            problems.append(Problem(name, row, 0, column, message))
        else:
            extra += 1

    header = next(rows, None)
    if header is None:
        raise LocatedError([Problem(name, 0, 0, "", "empty file: it needs at least a header row")])
    index = map_header(header, name)
    get_id, get_scenario, get_polarity = index.get("id"), index["scenario"], index["polarity"]
    get_intensity, get_criteria = index.get("intensity"), index.get("criteria")
    get_theme, get_text, get_author = index.get("theme"), index.get("text"), index.get("author")
    get_workshop = index.get("workshop")
    accepted_workshops = {fold(workshop.id), workshop.group}
    scenarios, criteria_ids, seen = refs.scenarios, refs.criteria, refs.seen_ids
    polarities = set(POLARITIES)
    intensities = {"": 1, "1": 1, "2": 2, "3": 3}
    width = len(header)

    for number, row in enumerate(rows, start=2):
        if len(row) < width:
            if not any(row):
                continue
            row = row + [""] * (width - len(row))
        if get_workshop is not None:
            owner = row[get_workshop].strip()
            if owner and fold(owner) not in accepted_workshops and _group_of(owner) != workshop.group:
                continue  # a shared file: this row belongs to another workshop
        ok = True
        scenario = row[get_scenario].strip()
        if not scenario:
            problem(number, "scenario", "empty: which scenario is this about?")
            ok = False
        elif scenario not in scenarios:
            problem(number, "scenario", f"unknown scenario {scenario!r}{suggest(scenario, scenarios)}")
            ok = False
        raw_polarity = row[get_polarity]
        polarity = raw_polarity if raw_polarity in polarities else normalize_polarity(raw_polarity)
        if polarity not in polarities:
            problem(number, "polarity", f"{raw_polarity!r} is not one of +, -, ?, idee")
            ok = False
        intensity = 1
        if get_intensity is not None:
            raw = row[get_intensity].strip()
            value = intensities.get(raw)
            if value is None:
                value = intensities.get(raw.removesuffix(".0"))
            if value is None:
                problem(number, "intensity", f"{raw!r} is not an intensity from 1 to 3")
                ok = False
            else:
                intensity = value
        crits: tuple[str, ...] = ()
        if get_criteria is not None:
            raw = row[get_criteria]
            if raw:
                if ";" not in raw and "," not in raw and "|" not in raw:
                    crits = (raw.strip(),) if raw.strip() else ()
                else:
                    crits = tuple(
                        p.strip() for p in raw.replace("|", ";").replace(",", ";").split(";") if p.strip()
                    )
                for crit in crits:
                    if crit not in criteria_ids:
                        problem(number, "criteria", f"unknown criterion {crit!r}{suggest(crit, criteria_ids)}")
                        ok = False
        item_id = row[get_id].strip() if get_id is not None else ""
        if not item_id:
            item_id = f"{workshop.id}-{number}"
        elif item_id in seen:
            problem(number, "id", f"duplicate feedback id {item_id!r}")
            ok = False
        if ok:
            seen.add(item_id)
            yield Feedback(
                item_id,
                workshop.id,
                workshop.group,
                scenario,
                polarity,
                intensity,
                crits,
                row[get_theme].strip() if get_theme is not None else "",
                row[get_text] if get_text is not None else "",
                row[get_author].strip() if get_author is not None else "",
                f"{name}:{number}",
            )
    if problems:
        if extra:
            problems.append(Problem(name, 0, 0, "", f"{extra} more problems not shown (the first {MAX_PROBLEMS_PER_FILE} follow)"))
        raise LocatedError(problems)


def _group_of(value: str) -> str:
    from .model.base import normalize_group

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
