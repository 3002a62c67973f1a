"""The scoring method on small cases worked out by hand, and on the Ormessac example."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from dialogue_cli.analysis.explain import explain
from dialogue_cli.analysis.scoring import (
    Accumulator,
    ScenarioScore,
    Weights,
    rank,
    score,
    score_project,
)
from dialogue_cli.engagement.feedback import Feedback
from dialogue_cli.engagement.loader import load
from dialogue_cli.engagement.model import Engagement

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ormessac"


def engagement(threshold: float = 0.0, scenarios: tuple[str, ...] = ("A", "B")) -> Engagement:
    """Criteria M (weight 2, elus), C (1, services), R (3, citoyens), X (1, all three)."""
    return Engagement.model_validate(
        {
            "client": {"name": "Ville de Test"},
            "scenarios": [
                *({"id": s, "title": f"Scénario {s}"} for s in scenarios),
                {"id": "T", "title": "Transversal", "transversal": True},
            ],
            "grid": {
                "threshold": threshold,
                "criteria": [
                    {"id": "M", "label": "Mandat", "weight": 2, "conditions": ["elus"]},
                    {"id": "C", "label": "Charge", "weight": 1, "conditions": ["services"]},
                    {"id": "R", "label": "Retour", "weight": 3, "conditions": ["citoyens"]},
                    {
                        "id": "X",
                        "label": "Coût",
                        "weight": 1,
                        "conditions": ["elus", "services", "citoyens"],
                    },
                ],
            },
        }
    )


def fb(
    item_id: str,
    group: str,
    scenario: str,
    polarity: str,
    intensity: int = 1,
    criteria: tuple[str, ...] = (),
    text: str = "",
    author: str = "",
) -> Feedback:
    return Feedback(
        item_id, f"AT-{group}", group, scenario, polarity, intensity, criteria, "theme", text,
        author, "test",
    )  # fmt: skip


# Scenario A, worked by hand (w: M=2, C=1, R=3, X=1):
#   e1 elus     + i2 [M]     -> +4 / 4
#   e2 elus     - i1 [M, X]  -> -(2+1) / 3
#   c1 citoyens + i3 [R]     -> +9 / 9
#   c2 citoyens ?            -> a question, not scored
#   c3 citoyens idee         -> an idea, not scored
#   c4 citoyens + i1 []      -> unclassified, not scored
ITEMS_A = [
    fb("e1", "elus", "A", "+", 2, ("M",)),
    fb("e2", "elus", "A", "-", 1, ("M", "X")),
    fb("c1", "citoyens", "A", "+", 3, ("R",)),
    fb("c2", "citoyens", "A", "?", 2, ("R",), text="Qui décide ?", author="Nadia"),
    fb("c3", "citoyens", "A", "idee", 1, (), text="Le samedi matin", author="Paul"),
    fb("c4", "citoyens", "A", "+", 1, ()),
]


def test_group_scores_by_hand() -> None:
    a = score(engagement(), ITEMS_A).scenario("A")
    assert a.groups["elus"].score == pytest.approx((4 - 3) / (4 + 3))
    assert a.groups["elus"].shown == 0.1429
    assert a.groups["citoyens"].score == 1.0
    assert a.groups["services"].score is None  # no item: null, not 0
    assert (a.groups["elus"].positive, a.groups["elus"].negative) == (1, 1)
    assert (a.groups["citoyens"].positive, a.groups["citoyens"].negative) == (1, 0)
    assert (a.groups["citoyens"].questions, a.groups["citoyens"].ideas) == (1, 1)
    assert set(a.groups["elus"].items) == {"e1", "e2"}
    assert a.groups["citoyens"].items == ("c1",)


def test_overall_and_divergence_by_hand() -> None:
    a = score(engagement(), ITEMS_A).scenario("A")
    # O = mean of the two known group scores (services has none): (1/7 + 1) / 2 = 4/7
    assert a.overall == pytest.approx(4 / 7)
    # D = 1 - 1/7 = 6/7
    assert a.divergence == pytest.approx(6 / 7)


def test_condition_scores_by_hand() -> None:
    a = score(engagement(), ITEMS_A).scenario("A")
    # elus: criteria M and X -> e1 M +4, e2 M -2 and X -1 -> (4 - 3) / 7
    assert a.conditions["elus"].score == pytest.approx(1 / 7)
    # services: C and X -> only e2's X: -1 / 1
    assert a.conditions["services"].score == -1.0
    # citoyens: R and X -> c1 R +9, e2 X -1 -> 8 / 10
    assert a.conditions["citoyens"].score == pytest.approx(0.8)
    assert set(a.conditions["citoyens"].items) == {"c1", "e2"}


def test_criterion_matrix_by_hand() -> None:
    a = score(engagement(), ITEMS_A).scenario("A")
    # M for elus: e1 +2*2, e2 -1*2 -> 2 / 6
    assert a.criteria["M"]["elus"].score == pytest.approx(1 / 3)
    assert a.criteria["X"]["elus"].score == -1.0
    assert a.criteria["R"]["citoyens"].score == 1.0
    assert a.criteria["C"]["services"].score is None


def test_blocked_scenario_names_the_failing_and_missing_conditions() -> None:
    report = score(engagement(), ITEMS_A)
    a = report.scenario("A")
    assert not a.viable
    assert a.blocking == ("services",)  # K(services) = -1 < 0
    b = report.scenario("B")  # no feedback at all
    assert b.overall is None and b.divergence is None
    assert not b.viable
    assert b.blocking == ("elus", "services", "citoyens")  # no evidence for any


def test_viable_when_every_condition_reaches_the_threshold() -> None:
    items = [
        fb("1", "elus", "A", "+", 1, ("X",)),
        fb("2", "services", "A", "-", 1, ("M",)),
    ]
    # K elus = (1 - 2) / 3 = -1/3; K services = K citoyens = 1 (only X)
    assert score(engagement(threshold=-0.5), items).scenario("A").viable
    low = score(engagement(threshold=-0.3), items).scenario("A")
    assert not low.viable and low.blocking == ("elus",)


def test_questions_ideas_and_unclassified_are_listed_not_scored() -> None:
    report = score(engagement(), ITEMS_A)
    a = report.scenario("A")
    assert [q.id for q in a.questions] == ["c2"]
    assert a.questions[0].text == "Qui décide ?"
    assert a.questions[0].group == "citoyens"
    assert not hasattr(a.questions[0], "author")
    assert report.authors == {"c2": "Nadia", "c3": "Paul"}
    assert [i.text for i in report.ideas] == ["Le samedi matin"]
    assert a.unclassified == ("c4",)
    assert report.unclassified == 1


def test_transversal_is_scored_but_not_ranked() -> None:
    items = [fb("t1", "elus", "T", "+", 1, ("M",)), fb("a1", "elus", "A", "-", 1, ("M",))]
    report = score(engagement(), items)
    assert [s.id for s in report.options] == ["A", "B"]
    t = report.scenario("T")
    assert t.rank is None and t.groups["elus"].score == 1.0
    assert report.scenarios[-1].id == "T"


def _scenario(
    sid: str, viable: bool, overall: float | None, divergence: float | None
) -> ScenarioScore:
    return ScenarioScore(
        id=sid, title=sid, transversal=False, rank=None, groups={}, conditions={}, criteria={},
        overall=overall, divergence=divergence, viable=viable, blocking=(),
    )  # fmt: skip


def test_ranking_rules_and_ties() -> None:
    scenarios = [
        _scenario("E", False, 0.9, 0.1),  # best overall, but not viable: after every viable one
        _scenario("D", True, None, None),  # viable, overall unknown: last of the viable
        _scenario("C", True, 0.5, 0.3),
        _scenario("B", True, 0.5, 0.1),  # same overall as C, smaller gap: before C
        _scenario("A", True, 0.5, 0.1),  # same overall and gap as B: by id
        _scenario("F", True, 0.50004, 0.1),  # equal to 0.5 at 4 decimals: a tie, not a win
        _scenario("G", True, 0.6, 0.9),
    ]
    ranked = rank(scenarios)
    assert [s.id for s in ranked] == ["G", "A", "B", "F", "C", "D", "E"]
    assert [s.rank for s in ranked] == [1, 2, 3, 4, 5, 6, 7]


def test_identical_feedback_ties_are_broken_by_id() -> None:
    items = [
        fb("b", "elus", "B", "+", 1, ("X",)),
        fb("a", "elus", "A", "+", 1, ("X",)),
    ]
    report = score(engagement(), items)
    assert [(s.id, s.rank) for s in report.options] == [("A", 1), ("B", 2)]


def test_tension_is_a_gap_of_more_than_one() -> None:
    items = [
        fb("1", "elus", "A", "+", 1, ("M",)),
        fb("2", "citoyens", "A", "-", 1, ("R",)),  # elus +1, citoyens -1: gap 2
        fb("3", "elus", "B", "+", 1, ("M",)),
        fb("4", "services", "B", "+", 1, ("C",)),
        fb("5", "services", "B", "-", 1, ("C",)),  # elus +1, services 0: gap exactly 1
    ]
    tensions = score(engagement(), items).tensions
    assert [(t.scenario, t.high_group, t.low_group, t.gap) for t in tensions] == [
        ("A", "elus", "citoyens", 2.0)
    ]


def test_streaming_accumulator_equals_one_batch() -> None:
    acc = Accumulator(engagement())
    for item in ITEMS_A:
        acc.add(item)
    assert acc.report().to_json() == score(engagement(), iter(ITEMS_A)).to_json()


def test_json_shape_rounds_to_four_decimals_and_uses_null() -> None:
    data = score(engagement(), ITEMS_A).to_json()
    assert set(data) >= {"threshold", "unclassified", "scenarios"}
    a = data["scenarios"][0] if data["scenarios"][0]["id"] == "A" else data["scenarios"][1]
    assert a["groups"]["elus"] == {
        "score": 0.1429, "positive": 1, "negative": 1, "questions": 0, "ideas": 0,
        "items": 2, "weak": True,
    }  # fmt: skip
    assert a["groups"]["services"]["score"] is None
    assert a["groups"]["services"]["weak"] is False  # no score is a gap, not weak evidence
    assert a["conditions"] == {"elus": 0.1429, "services": -1.0, "citoyens": 0.8}
    assert data["min_items"] == 3
    assert a["criteria"]["M"] == {"elus": 0.3333, "citoyens": None, "services": None}
    assert a["overall"] == 0.5714 and a["divergence"] == 0.8571


def test_explain_contributions_add_up_to_each_number() -> None:
    eng = engagement()
    report = score(eng, ITEMS_A)
    explanation = explain(eng, report, "A", ITEMS_A)
    elus = explanation.groups["elus"]
    assert [(c.item.id, c.signed, c.weight) for c in elus.items] == [("e1", 4, 4), ("e2", -3, 3)]
    assert (elus.numerator, elus.denominator, elus.shown) == (1, 7, 0.1429)  # 4 - 3 / 4 + 3
    services = explanation.conditions["services"]
    assert [(c.item.id, c.signed, c.criteria) for c in services.items] == [("e2", -1, ("X",))]
    assert (services.numerator, services.denominator) == (-1, 1)
    # K(A, elus): e1 +4 on M; e2 -(2 + 1) on M and X -> 1 / 7
    k_elus = explanation.conditions["elus"]
    assert [(c.item.id, c.criteria) for c in k_elus.items] == [("e1", ("M",)), ("e2", ("M", "X"))]
    assert (k_elus.numerator, k_elus.denominator) == (1, 7)
    m_elus = explanation.criteria["M"]["elus"]
    assert (m_elus.numerator, m_elus.denominator) == (2, 6)  # e1 +4 / 4, e2 -2 / 2 on M
    assert [q.id for q in explanation.questions] == ["c2"]
    assert [u.id for u in explanation.unclassified] == ["c4"]


def test_weights_share_is_split_by_criterion_and_condition() -> None:
    share = Weights(engagement()).share(2, ("M", "X"))  # M weighs 2 (elus), X 1 (all three)
    assert share.total == 6  # 2 x 2 + 2 x 1
    assert share.criteria == (("M", 4), ("X", 2))
    assert dict(share.conditions) == {
        "elus": (6, ("M", "X")),
        "services": (2, ("X",)),
        "citoyens": (2, ("X",)),
    }


def _explained_cells(explanation: Any) -> list[Any]:
    return [
        *explanation.groups.values(),
        *explanation.conditions.values(),
        *(cell for cells in explanation.criteria.values() for cell in cells.values()),
    ]


@pytest.mark.parametrize("scenario", ["BP", "CQ", "PN", "PC", "TR"])
def test_explain_and_the_report_agree_on_every_number(scenario: str) -> None:
    project = load(EXAMPLE)
    report = score_project(project)
    explanation = explain(project.engagement, report, scenario, project.feedback())
    cells = _explained_cells(explanation)
    assert any(cell.items for cell in cells)
    for cell in cells:
        assert cell.numerator == pytest.approx(sum(c.signed for c in cell.items))
        assert cell.denominator == pytest.approx(sum(c.weight for c in cell.items))
        assert {c.item.id for c in cell.items} == set(cell.cell.items)


# ---------------------------------------------------------------- the Ormessac example


def _independent_group_scores(project_dir: Path) -> dict[tuple[str, str], float]:
    """S(s, g) straight from the files, with the formula written out once more."""
    project = load(project_dir)
    weights = {c.id: c.weight for c in project.engagement.grid.criteria}
    rows: list[tuple[str, str, str, int, list[str]]] = []
    for workshop in project.engagement.workshops:
        for item in workshop.feedback:
            rows.append((workshop.group, item.scenario, item.polarity, item.intensity,
                         list(item.criteria)))  # fmt: skip
        if workshop.feedback_file:
            with (project_dir / workshop.feedback_file).open(encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle, delimiter=";"):
                    rows.append((workshop.group, row["scenario"], row["polarite"],
                                 int(row["intensite"]), row["critere"].split(";")))  # fmt: skip
    num: dict[tuple[str, str], float] = {}
    den: dict[tuple[str, str], float] = {}
    for group, scenario, polarity, intensity, crits in rows:
        if polarity not in "+-" or not crits:
            continue
        for crit in crits:
            key = (scenario, group)
            num[key] = num.get(key, 0) + (1 if polarity == "+" else -1) * intensity * weights[crit]
            den[key] = den.get(key, 0) + intensity * weights[crit]
    return {key: num[key] / den[key] for key in num}


def test_example_ranking_and_tensions() -> None:
    report = score_project(load(EXAMPLE))
    expected = _independent_group_scores(EXAMPLE)
    for scenario in report.scenarios:
        for group, cell in scenario.groups.items():
            assert cell.score == pytest.approx(expected.get((scenario.id, group))), (
                scenario.id,
                group,
            )
    # By hand, BP élus: EL-01 +3 UTILITE (15) +45, EL-02 -2 MANDAT (20) -40,
    # EL-03 -2 COUT (10) -20, EL-04 +2 INCLUSION (15) +30 -> 15 / 135.
    assert report.scenario("BP").groups["elus"].score == pytest.approx(15 / 135)
    # PC, condition élus (MANDAT, UTILITE, COUT): EL-13 +45, EL-14 -60, EL-15 -10, SV-15 +30
    # -> 5 / 145 >= 0; services and citoyens are positive too: the one viable option.
    pc = report.scenario("PC")
    assert pc.conditions["elus"].score == pytest.approx(5 / 145)
    assert pc.viable
    assert [(s.id, s.rank) for s in report.options] == [("PC", 1), ("BP", 2), ("CQ", 3), ("PN", 4)]
    assert report.scenario("BP").blocking == ("elus", "services", "citoyens")
    assert report.scenario("CQ").blocking == ("citoyens",)
    assert report.scenario("TR").rank is None
    # Largest gap between two groups is PC's 0.58: no point of tension in the example.
    assert max(s.divergence or 0 for s in report.scenarios) == pytest.approx(0.5774, abs=1e-4)
    assert report.tensions == ()
    assert len(report.questions) == 11 and len(report.ideas) == 13
    assert report.unclassified == 0


def test_example_with_an_extra_disagreement_shows_a_tension(example: Path) -> None:
    csv_path = example / "feedback" / "citoyens.csv"
    with csv_path.open("a", encoding="utf-8") as handle:
        for n in range(20):
            handle.write(f"CI-X{n};CQ;+;3;test;RETOUR;Très bien;\n")
    report = score_project(load(example))
    # CQ citoyens was -50 / 130 (CI-06 -60, CI-07 +40, CI-08 -30); 20 x (+3 RETOUR 20) = +1200
    # -> 1150 / 1330 = 0.8647, against élus -0.2: a gap of 1.0647.
    cq = report.scenario("CQ")
    assert cq.groups["citoyens"].score == pytest.approx(1150 / 1330)
    assert [(t.scenario, t.high_group, t.low_group, t.gap) for t in report.tensions] == [
        ("CQ", "citoyens", "elus", 1.0647)
    ]


def test_a_report_does_not_change_when_the_accumulator_goes_on() -> None:
    acc = Accumulator(engagement()).consume(ITEMS_A[:1])
    first = acc.report()
    acc.consume(ITEMS_A[1:])
    assert first.scenario("A").groups["elus"].items == ("e1",)
    assert acc.report().scenario("A").groups["elus"].items == ("e1", "e2")
