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


def test_session_times_and_lengths() -> None:
    import datetime as dt

    import pytest
    from pydantic import ValidationError

    from dialogue_cli.engagement.model import Creativity, Workshop

    for text in ("18:30", "18h30", "18 h 30"):
        assert Workshop(id="A", group="elus", time=text).time == dt.time(18, 30)
    assert Workshop(id="A", group="elus", time="9h").time == dt.time(9, 0)
    assert Creativity(duration=180, access="Tram A").duration == 180
    for bad in ({"time": 18}, {"time": "25:00"}, {"duration": 5}, {"duration": True}):
        with pytest.raises(ValidationError):
            Workshop(id="A", group="elus", **bad)


def test_privacy_and_public_contact_default_to_empty() -> None:
    from dialogue_cli.engagement.model import Client, Privacy

    assert Privacy().controller.name == "" and Privacy().purposes == []
    client = Client(
        name="Ville", public_contact={"email": "participation@ville.fr", "hours": "9 h – 17 h"}
    )
    assert client.public_contact.email == "participation@ville.fr"


def test_each_section_default_is_what_validating_an_empty_section_gives() -> None:
    # Section defaults are built without validation (Model.model_construct()), so that importing
    # the model builds no validator; they must equal what `section: {}` in a file gives.
    from pydantic import BaseModel

    from dialogue_cli.engagement.model import base

    def models(cls: type[BaseModel]) -> list[type[BaseModel]]:
        found = []
        for sub in cls.__subclasses__():
            found += [sub, *models(sub)]
        return found

    checked = 0
    for model in models(base.Strict):
        for name, info in model.model_fields.items():
            default = info.default
            if isinstance(default, BaseModel):
                validated = type(default).model_validate({})
                assert default == validated, f"{model.__name__}.{name}"
                assert default.model_dump() == validated.model_dump(), f"{model.__name__}.{name}"
                checked += 1
    assert checked >= 20  # every section of the engagement with a default, and their parts
