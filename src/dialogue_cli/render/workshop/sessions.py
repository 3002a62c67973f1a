"""The sessions of the kit: each workshop and the creativity session, chosen by id.

Pure: the engagement in, frozen values out. A session's *code* names its folder and its files
(``ateliers/AT-ELUS/diaporama-AT-ELUS.pptx``) and starts every line code of its capture sheets;
a workshop's code is its id, the creativity session's is ``creativite`` (``creativity`` in
English).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ...common.errors import FileProblem

if TYPE_CHECKING:
    from ...engagement.model import Creativity, Engagement, Workshop

# Minutes of a session whose `duration` is not given.
DEFAULT_MINUTES = {"workshop": 120, "creativity": 180}
CREATIVITY_CODE = {"fr": "creativite", "en": "creativity"}
# What `dialogue workshop PATH ID` accepts for the creativity session (compared case-folded,
# accents stripped).
CREATIVITY_NAMES = (
    "creativite",
    "creativity",
    "crea",
    "seance-de-creativite",
    "creativity-session",
)

Kind = Literal["workshop", "creativity"]


@dataclass(frozen=True)
class Session:
    """One session of the kit: a workshop (``workshop`` set) or the creativity session."""

    code: str
    kind: Kind
    group: str | None
    workshop: Workshop | None
    creativity: Creativity | None

    @property
    def model(self) -> Workshop | Creativity:
        """The session's part of the engagement file (date, time, duration, place...)."""
        found = self.workshop if self.workshop is not None else self.creativity
        assert found is not None
        return found

    @property
    def minutes(self) -> int:
        """Its length: ``duration`` when given, else 120 (workshop) or 180 (creativity)."""
        return self.model.duration or DEFAULT_MINUTES[self.kind]

    @property
    def duration_given(self) -> bool:
        return self.model.duration is not None


def all_sessions(engagement: Engagement) -> list[Session]:
    """The workshops in the order of the file, then the creativity session."""
    from ...engagement.model.base import fold

    code = CREATIVITY_CODE.get(engagement.language, CREATIVITY_CODE["fr"])
    sessions = [Session(w.id, "workshop", w.group, w, None) for w in engagement.workshops]
    clash = [s.code for s in sessions if fold(s.code) in CREATIVITY_NAMES]
    if clash:
        raise FileProblem(
            f"workshop {clash[0]}: this id names the creativity session's folder in the kit; "
            "give the workshop another id"
        )
    folded: dict[str, str] = {}
    for session in sessions:
        other = folded.setdefault(session.code.casefold(), session.code)
        if other != session.code:
            raise FileProblem(
                f"workshops {other} and {session.code}: ids that differ only by case would share "
                "a folder on Windows and macOS; give one of them another id"
            )
    return [*sessions, Session(code, "creativity", None, None, engagement.creativity)]


def select(engagement: Engagement, wanted: Sequence[str]) -> list[Session]:
    """The sessions named in ``wanted`` (all when empty), in the order of :func:`all_sessions`.

    A workshop is named by its id (case does not matter); the creativity session by
    ``creativite`` or ``creativity``.

    Raises:
        FileProblem: a name that is no session, with a suggestion and the choices.
    """
    from ...common.suggest import suggest
    from ...engagement.model.base import fold

    sessions = all_sessions(engagement)
    if not wanted:
        return sessions
    chosen: set[str] = set()
    for raw in wanted:
        name = raw.strip()
        found = next((s for s in sessions if s.code.casefold() == name.casefold()), None)
        if found is None and fold(name) in CREATIVITY_NAMES:
            found = sessions[-1]
        if found is None:
            codes = [s.code for s in sessions]
            raise FileProblem(
                f"{name}: no such session{suggest(name, codes)}; choose from {', '.join(codes)}"
            )
        chosen.add(found.code)
    return [s for s in sessions if s.code in chosen]
