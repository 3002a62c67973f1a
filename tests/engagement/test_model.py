"""Focused rules of the engagement model that the scores and the quote depend on."""

from __future__ import annotations

from dialogue_cli.engagement.model import Criterion, FeedbackItem


def test_a_condition_listed_twice_counts_once() -> None:
    criterion = Criterion.model_validate(
        {
            "id": "MANDAT",
            "label": "Mandat",
            "weight": 20,
            "conditions": ["elus", "élus", "services"],
        }
    )
    assert criterion.conditions == ["elus", "services"]


def test_a_criterion_listed_twice_on_an_item_counts_once() -> None:
    inline = FeedbackItem.model_validate(
        {"scenario": "BP", "polarity": "+", "criteria": ["UTILITE", "UTILITE", "RETOUR"]}
    )
    assert inline.criteria == ["UTILITE", "RETOUR"]
    text = FeedbackItem.model_validate(
        {"scenario": "BP", "polarity": "+", "criteria": "UTILITE; UTILITE"}
    )
    assert text.criteria == ["UTILITE"]
