"""The decision trail: from an option's verdict to a retained solution, and when check objects."""

from __future__ import annotations

from typing import Any

import pytest

from dialogue_cli.analysis.decisions import problems, trail
from dialogue_cli.analysis.scoring import score
from dialogue_cli.engagement.feedback import Feedback
from dialogue_cli.engagement.model import Engagement


def item(n: int, group: str, scenario: str, polarity: str, criterion: str) -> Feedback:
    return Feedback(f"{group}-{n}", f"AT-{group}", group, scenario, polarity, 1,
                    (criterion,), "", "", "", "test")  # fmt: skip


# Option A is viable (every condition +1); option B is blocked by the services (CHARGE -1).
ITEMS = [
    item(1, "elus", "A", "+", "M"), item(2, "citoyens", "A", "+", "R"),
    item(3, "services", "A", "+", "C"), item(4, "elus", "B", "+", "M"),
    item(5, "citoyens", "B", "+", "R"), item(6, "services", "B", "-", "C"),
]  # fmt: skip


def engagement(*solutions: dict[str, Any]) -> Engagement:
    return Engagement.model_validate(
        {
            "client": {"name": "Ville de Test"},
            "scenarios": [{"id": "A", "title": "Option A"}, {"id": "B", "title": "Option B"}],
            "grid": {"criteria": [
                {"id": "M", "label": "Mandat", "weight": 1, "conditions": ["elus"]},
                {"id": "C", "label": "Charge", "weight": 1, "conditions": ["services"]},
                {"id": "R", "label": "Retour", "weight": 1, "conditions": ["citoyens"]},
            ]},
            "creativity": {"solutions": list(solutions)},
        }
    )  # fmt: skip


def verdicts_of(**verdicts: str) -> list[dict[str, str]]:
    return [{"group": group, "verdict": verdict} for group, verdict in verdicts.items()]


def path_of(solution: dict[str, Any]) -> Any:
    e = engagement(solution)
    return trail(e, score(e, ITEMS)).solutions[0]


@pytest.mark.parametrize(
    ("solution", "basis"),
    [
        # A viable option, nobody against: retained as it is.
        (
            {"scenarios": ["A"], "tests": verdicts_of(elus="+", services="=", citoyens="+")},
            "viable",
        ),
        # A blocked option, tested by the blocking group ("=" is not a rejection): lifted.
        ({"scenarios": ["B"], "tests": verdicts_of(services="=")}, "lifted"),
        # Blocked, not tested by the services: only a rationale can justify it.
        ({"scenarios": ["B"], "tests": verdicts_of(elus="+", citoyens="+")}, "unjustified"),
        ({"scenarios": ["B"], "tests": [], "rationale": "Arbitrage du bureau."}, "rationale"),
        # A "-" test needs a rationale, even on a viable option.
        ({"scenarios": ["A"], "tests": verdicts_of(elus="-", services="+")}, "unjustified"),
        (
            {"scenarios": ["A"], "tests": verdicts_of(elus="-"), "rationale": "Vu en comité."},
            "rationale",
        ),
    ],
)
def test_the_basis_of_a_solution(solution: dict[str, Any], basis: str) -> None:
    path = path_of({"id": "S", "title": "Solution", "retained": True, **solution})
    assert path.basis == basis


def test_the_path_keeps_the_options_verdicts_and_what_the_tests_cover() -> None:
    path = path_of(
        {
            "id": "S",
            "title": "S",
            "scenarios": ["A", "B"],
            "tests": verdicts_of(elus="-", citoyens="+"),
        }
    )
    assert [(o.id, o.rank, o.viable, o.blocking) for o in path.options] == [
        ("A", 1, True, ()), ("B", 2, False, ("services",)),
    ]  # fmt: skip
    assert path.blocking == ("services",) and path.untested == ("services",)
    assert path.rejected_by == ("elus",)


def test_check_warns_at_the_retained_flag_and_at_the_rejecting_test() -> None:
    e = engagement(
        {"id": "S1", "title": "Plateforme", "scenarios": ["B"], "retained": True,
         "tests": verdicts_of(elus="+", citoyens="-")},
        {"id": "S2", "title": "Écartée", "scenarios": ["B"], "tests": verdicts_of(citoyens="-")},
        {"id": "S3", "title": "Motivée", "scenarios": ["B"], "retained": True,
         "rationale": "Décision du bureau communautaire.", "tests": verdicts_of(citoyens="-")},
    )  # fmt: skip
    assert problems(e, trail(e, score(e, ITEMS))) == [
        (
            ("creativity", "solutions", 0, "retained"),
            "S1 is retained but rests on B (services below the threshold), not viable, with "
            "no test from services, and no rationale: test it with that group or write "
            "creativity.solutions[0].rationale",
        ),
        (
            ("creativity", "solutions", 0, "tests", 1, "verdict"),
            "S1 is retained although the citoyens test is '-' and it has no rationale: write "
            "creativity.solutions[0].rationale, or set retained: false",
        ),
    ]  # S2 is not retained, S3 has its rationale: nothing to say
