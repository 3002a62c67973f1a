"""What every platform reader is given: the mapping, the language, where personal data go."""

from __future__ import annotations

from dataclasses import dataclass, field

from .mapping import Mapping
from .personal import PersonalData
from .reading import Problems
from .records import Picker


@dataclass
class Context:
    """The state one import shares between the reading layer and a platform module."""

    name: str  # the export, as messages name it
    language: str  # the engagement's (or the mapping's): picks multilingual fields
    mapping: Mapping
    problems: Problems
    personal: PersonalData = field(default_factory=PersonalData)
    kind: str = ""  # what the platform module found: "comments", "survey answers"...
    primary_keys: tuple[str, ...] = ()  # the keys worth mapping, for the summary and --init-map
    questions: dict[str, str] = field(default_factory=dict)  # survey: key -> question text
    notes: list[str] = field(default_factory=list)  # said once in the summary

    def __post_init__(self) -> None:
        self.pick = Picker(self.language)

    @property
    def renames(self) -> dict[str, str]:
        """The mapping's ``columns:`` (role -> header) as header -> role."""
        return {header: role for role, header in self.mapping.columns.items()}
