"""One import, start to end: open the export, read it with its platform's module, apply the mapping.

Nothing is written here: :func:`import_export` returns the items (classified and not) and what
was seen on the way; :mod:`.writer` writes them and :mod:`.reference` references the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..engagement.model import Engagement
from . import capcollectif, consul, decidim, framaforms, generic, limesurvey, make
from .context import Context
from .convert import Converter, Item, Tally
from .mapping import Mapping
from .personal import NameScrubber, PersonalData
from .reading import Export, Problems, open_export
from .records import Record, Skipped

PLATFORMS: dict[str, ModuleType] = {
    "decidim": decidim,
    "consul": consul,
    "cap-collectif": capcollectif,
    "make": make,
    "limesurvey": limesurvey,
    "framaforms": framaforms,
    "csv": generic,
}


@dataclass
class Outcome:
    """What one import read, kept, left unclassified and dropped."""

    source: str
    label: str  # "Decidim"
    kind: str  # "comments"
    file: str
    format: str
    encoding: str
    separator: str
    items: list[Item]
    unclassified: list[Item]
    tally: Tally
    problems: Problems
    personal: PersonalData
    questions: dict[str, str]
    notes: list[str]
    rows: int = 0
    # How many texts held each kind masked: "mention", "email", "phone", "address", "name",
    # and "contributor's name" (a name the export gave, found in a text).
    masked: dict[str, int] = field(default_factory=dict)
    truncated: int = 0


def _open(path: Path, name: str, source: str, mapping: Mapping) -> Export:
    return open_export(
        path,
        name,
        encoding=mapping.encoding,
        separator=mapping.separator,
        sheet=mapping.sheet,
        tolerant_quotes=source == "make",  # Make.org does not double the quotes inside a value
    )


def read_records(
    path: Path, name: str, source: str, mapping: Mapping, language: str
) -> tuple[Context, list[Record | Skipped]]:
    """Every record of an export, unconverted (what ``--init-map`` summarises)."""
    export = _open(path, name, source, mapping)
    context = Context(name, mapping.language or language, mapping, export.problems)
    try:
        records = list(PLATFORMS[source].read(export, context))
    finally:
        export.close()
    return context, records


def import_export(
    path: Path,
    name: str,
    source: str,
    engagement: Engagement,
    mapping: Mapping,
    salt: bytes | None = None,
) -> Outcome:
    """Read an export and turn its rows into feedback items by ``mapping``.

    Args:
        path: the export file.
        name: how messages name it.
        source: a key of :data:`PLATFORMS`.
        engagement: gives the scenario and criterion ids, and the language.
        mapping: the mapping (an empty one leaves every item unclassified).
        salt: when given, each item's author is a salted hash of its contributor.

    Raises:
        FileProblem: the export cannot be opened or is not of this source.
    """
    module = PLATFORMS[source]
    language = mapping.language or engagement.language
    export = _open(path, name, source, mapping)
    context = Context(name, language, mapping, export.problems)
    items: list[Item] = []
    unclassified: list[Item] = []
    try:
        records = module.read(export, context)
        converter = Converter(
            mapping,
            engagement,
            source,
            mapping.id_prefix or module.PREFIX,
            language,
            context.primary_keys,
            salt,
        )
        questions = context.questions
        convert = converter.convert
        tally = converter.tally
        for record in records:
            if isinstance(record, Skipped):
                tally.skipped[record.reason] += 1
                continue
            result = convert(record, questions.get(record.question, "") if record.question else "")
            if isinstance(result, Item):
                (items if result.scenario else unclassified).append(result)
    finally:
        export.close()
    cleaner = converter.cleaner
    scrub = NameScrubber(context.personal.names, cleaner.person)
    if scrub:
        for item in (*items, *unclassified):
            item.text = scrub(item.text)
    return Outcome(
        source,
        module.LABEL,
        context.kind,
        name,
        export.format,
        export.encoding,
        export.separator,
        items,
        unclassified,
        tally,
        export.problems,
        context.personal,
        context.questions,
        context.notes,
        export.rows,
        {**cleaner.masked, "contributor's name": scrub.changed},
        cleaner.truncated,
    )
