"""The decision trail: from the options scored in the analysis to the solutions retained.

Phase 4 ranks the options and says which conditions block each one; phase 5 (the creativity
session) turns options into solutions and tests them with the three groups. The rule
(docs/scoring.md, "From an option to a retained solution"):

* a solution may be retained when no group's test is ``-`` and, for every option it answers
  that is not viable, each blocking condition's group has tested it (``+`` or ``=``): the
  solution was shown to lift what blocked the option;
* otherwise it may be retained only with a ``rationale`` written by the consultant.

Pure: :func:`trail` takes the engagement and its :class:`~.scoring.ScoreReport`; the documents
read the result, and :func:`problems` gives ``dialogue check`` its located warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .scoring import CONDITIONS

if TYPE_CHECKING:
    from ..engagement.model import Engagement, SolutionTest
    from .scoring import ScoreReport

Loc = tuple[int | str, ...]
Basis = Literal["viable", "lifted", "rationale", "unjustified"]


@dataclass(frozen=True)
class OptionVerdict:
    """An option a solution answers, as the analysis left it."""

    id: str
    title: str
    rank: int | None
    viable: bool
    blocking: tuple[str, ...]


@dataclass(frozen=True)
class SolutionPath:
    """One solution and the way from its options to the decision on it.

    ``blocking`` gathers the blocking conditions of its options (in the order elus, services,
    citoyens); ``untested`` those whose group did not test the solution; ``rejected_by`` the
    groups whose test is ``-``.
    """

    id: str
    index: int
    title: str
    description: str
    changes: str
    retained: bool
    rationale: str
    options: tuple[OptionVerdict, ...]
    tests: tuple[SolutionTest, ...]
    blocking: tuple[str, ...]
    untested: tuple[str, ...]
    rejected_by: tuple[str, ...]

    @property
    def tested(self) -> bool:
        return bool(self.tests)

    @property
    def basis(self) -> Basis:
        """Why it may be retained: its options were ``viable``; the tests ``lifted`` what
        blocked them; the consultant's ``rationale``; or nothing (``unjustified``)."""
        if not self.rejected_by and not self.untested:
            return "lifted" if self.blocking else "viable"
        return "rationale" if self.rationale.strip() else "unjustified"


@dataclass(frozen=True)
class Trail:
    """Every solution of the creativity session with its path (:func:`trail`)."""

    solutions: tuple[SolutionPath, ...]

    @property
    def retained(self) -> tuple[SolutionPath, ...]:
        return tuple(s for s in self.solutions if s.retained)

    def solution(self, solution_id: str) -> SolutionPath:
        for path in self.solutions:
            if path.id == solution_id:
                return path
        raise KeyError(solution_id)


def trail(engagement: Engagement, report: ScoreReport) -> Trail:
    """The path of each solution from the options it answers (see the module's rule)."""
    scored = {s.id: s for s in report.scenarios}
    titles = {s.id: s.title for s in engagement.scenarios}
    paths = []
    for index, solution in enumerate(engagement.creativity.solutions):
        options = []
        for ref in solution.scenarios:
            s = scored.get(ref)
            if s is None:  # the loader refuses unknown ids; an empty report has none
                options.append(OptionVerdict(ref, titles.get(ref, ref), None, False, CONDITIONS))
            else:
                options.append(OptionVerdict(s.id, s.title, s.rank, s.viable, tuple(s.blocking)))
        blocking = tuple(k for k in CONDITIONS if any(k in o.blocking for o in options))
        tested = {t.group for t in solution.tests}
        paths.append(
            SolutionPath(
                id=solution.id,
                index=index,
                title=solution.title,
                description=solution.description,
                changes=solution.changes,
                retained=solution.retained,
                rationale=solution.rationale,
                options=tuple(options),
                tests=tuple(solution.tests),
                blocking=blocking,
                untested=tuple(k for k in blocking if k not in tested),
                rejected_by=tuple(
                    k
                    for k in CONDITIONS
                    if any(t.group == k and t.verdict == "-" for t in solution.tests)
                ),
            )
        )
    return Trail(tuple(paths))


def problems(engagement: Engagement, path_of: Trail) -> list[tuple[Loc, str]]:
    """Retained solutions the rule does not allow, each located in the file, for ``check``.

    Two warnings: a retained solution answering an option that is not viable, with no test
    from each blocking group and no rationale; and a retained solution that a group rejected
    (a ``-`` test) with no rationale.
    """
    out: list[tuple[Loc, str]] = []
    for path in path_of.retained:
        if path.rationale.strip():
            continue
        where = f"creativity.solutions[{path.index}]"
        if path.untested:
            blocked = [o for o in path.options if not o.viable]
            options = _and(
                [f"{o.id} ({_and(o.blocking) or 'no score'} below the threshold)" for o in blocked]
            )
            out.append(
                (
                    ("creativity", "solutions", path.index, "retained"),
                    f"{path.id} is retained but rests on {options}, not viable, with no test "
                    f"from {_and(path.untested, 'or')}, and no rationale: test it with "
                    f"{'that group' if len(path.untested) == 1 else 'those groups'} or write "
                    f"{where}.rationale",
                )
            )
        solution = engagement.creativity.solutions[path.index]
        for t_index, test in enumerate(solution.tests):
            if test.verdict == "-":
                out.append(
                    (
                        ("creativity", "solutions", path.index, "tests", t_index, "verdict"),
                        f"{path.id} is retained although the {test.group} test is '-' and it "
                        f"has no rationale: write {where}.rationale, or set retained: false",
                    )
                )
    return out


def _and(words: tuple[str, ...] | list[str], last: str = "and") -> str:
    """``elus, services and citoyens`` (or ``elus or services`` with ``last="or"``)."""
    return f"{', '.join(words[:-1])} {last} {words[-1]}" if len(words) > 1 else "".join(words)
