"""The mapping applied to records, rule by rule, with values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from dialogue_cli.engagement.loader import load
from dialogue_cli.engagement.model import Engagement
from dialogue_cli.importers.convert import Converter, Item
from dialogue_cli.importers.mapping import Mapping
from dialogue_cli.importers.records import Record, Skipped

from ..conftest import EXAMPLE


@pytest.fixture(scope="module")
def engagement() -> Engagement:
    return load(EXAMPLE).engagement


def convert(
    engagement: Engagement, rules: dict[str, Any], *records: Record, salt: bytes | None = None
) -> tuple[Converter, list[Item | Skipped]]:
    converter = Converter(
        Mapping.model_validate(rules), engagement, "decidim", "DEC", "fr", ("component",), salt
    )
    return converter, [converter.convert(r) for r in records]


def record(text: str = "Un texte", **fields: Any) -> Record:
    keys = fields.pop("keys", {})
    return Record(
        fields.pop("row", 2),
        fields.pop("kind", "comment"),
        fields.pop("source_id", "1"),
        text,
        keys,
        **fields,
    )


def test_scenario_keys_in_order_then_default(engagement: Engagement) -> None:
    rules = {"scenario": {"by": {"proposal": {"145": "PN"}, "component": {"12": "BP", "13": None}}}}
    _c, items = convert(
        engagement,
        rules,
        record(source_id="1", keys={"proposal": "145", "component": "12"}),
        record(source_id="2", keys={"proposal": "146", "component": "12"}),
        record(source_id="3", keys={"component": "13"}),
        record(source_id="4"),
    )
    assert [i.scenario for i in items if isinstance(i, Item)] == ["PN", "BP", "", ""]
    assert [i.unmatched for i in items if isinstance(i, Item)] == [
        "",
        "",
        "component 13",  # a value beats an empty key
        "proposal empty",
    ]
    _c, items = convert(
        engagement,
        {**rules, "scenario": {**rules["scenario"], "default": "TR"}},
        record(keys={"component": "99"}),
    )
    assert isinstance(items[0], Item) and items[0].scenario == "TR"


def test_values_compare_without_case_accents_and_by_parts(engagement: Engagement) -> None:
    rules = {"scenario": {"by": {"Catégorie": {"Mobilité": "PN", "budget": "BP"}}}}
    _c, items = convert(
        engagement,
        rules,
        record(source_id="1", keys={"categorie": " MOBILITE "}),
        record(source_id="2", keys={"categorie": "Vélo, Budget"}),
    )
    assert [i.scenario for i in items if isinstance(i, Item)] == ["PN", "BP"]


def test_polarity_order(engagement: Engagement) -> None:
    rules = {"polarity": {"by": {"Couleur": {"vert": "+", "gris": None}}, "default": "idee"}}
    _c, items = convert(
        engagement,
        rules,
        record(
            source_id="1", keys={"Couleur": "Vert"}, stance="-"
        ),  # the mapping before the stance
        record(source_id="2", keys={"Couleur": "gris"}, stance="-"),  # a ~ value falls through
        record(source_id="3", kind="proposal"),  # an idea by nature
        record(source_id="4"),  # the default
    )
    assert [i.polarity for i in items if isinstance(i, Item)] == ["+", "-", "idee", "idee"]


def test_question_rules(engagement: Engagement) -> None:
    rules = {
        "questions": {
            "2": {"scenario": "PN", "polarity": "likert", "criteria": ["RETOUR"]},
            "3": {"scenario": "BP", "polarity": {"Oui": "+", "Non": "-"}},
            "4": "skip",
            "Quel est votre avis sur le panel ?": "PC",
        }
    }
    converter, items = convert(
        engagement,
        rules,
        record("Plutôt d'accord", source_id="1", kind="answer", question="2"),
        record("Peut-être", source_id="2", kind="answer", question="3"),
        record("Non", source_id="3", kind="answer", question="3"),
        record("x", source_id="4", kind="answer", question="4"),
        record("Bien", source_id="5", kind="answer", question="5"),
    )
    assert [(i.scenario, i.polarity, i.criteria) for i in items if isinstance(i, Item)] == [
        ("PN", "+", ("RETOUR",)), ("BP", "?", ()), ("BP", "-", ()), ("", "idee", ()),
    ]  # fmt: skip
    assert isinstance(items[3], Skipped) and items[3].reason == "question 4: skip"
    assert dict(converter.tally.polarity_unmapped) == {"3": 1}
    # A question named by its text: found from its header.
    found = converter.convert(
        record("Bien", source_id="6", kind="answer", question="c9"),
        "Quel est votre avis sur le panel ?",
    )
    assert isinstance(found, Item) and (found.scenario, found.polarity) == ("PC", "idee")


def test_intensity_from_votes(engagement: Engagement) -> None:
    rules = {"intensity": {"default": 1, "votes": {2: 5, 3: 20}}}
    _c, items = convert(
        engagement,
        rules,
        *(record(source_id=str(n), votes=v) for n, v in enumerate([None, 0, 4, 5, 19, 20, 500])),
    )
    assert [i.intensity for i in items if isinstance(i, Item)] == [1, 1, 1, 2, 2, 3, 3]
    _c, items = convert(
        engagement,
        {"intensity": {"votes": {3: 10}, "column": "Likes"}},
        record(keys={"Likes": "12"}),
    )
    assert isinstance(items[0], Item) and items[0].intensity == 3


def test_criteria_keywords_at_the_start_of_words(engagement: Engagement) -> None:
    rules = {"criteria": {"COUT": ["budget", "coût"], "MANDAT": ["élus"], "INCLUSION": ["cœur"]}}
    _c, items = convert(
        engagement,
        rules,
        record("Les ÉLUS votent le budgétaire", source_id="1"),
        record("Un surcoût", source_id="2"),  # « coût » inside a word: no
        record("Au cœur des quartiers, le COUT", source_id="3"),
    )
    assert [i.criteria for i in items if isinstance(i, Item)] == [
        ("MANDAT", "COUT"),
        (),
        ("INCLUSION", "COUT"),
    ]


def test_skips_and_ids(engagement: Engagement) -> None:
    rules = {"exclude": [2109], "replies": "skip", "only": ["comments"]}
    converter, items = convert(
        engagement,
        rules,
        record(source_id="2109"),
        record(source_id="7", reply=True),
        record(source_id="8", kind="proposal"),
        record("  <p> </p> ", source_id="9"),
        record(source_id="10", tag="C"),
        record(source_id="10", tag="C"),
        record(source_id="a b/c"),
    )
    assert [getattr(i, "reason", None) or i.id for i in items] == [  # type: ignore[union-attr]
        "excluded by the mapping", "a reply (replies: skip)", "a proposal (not listed in only:)",
        "empty text", "DEC-C10", "a repeated row (same id as an earlier row)", "DEC-a.b.c",
    ]  # fmt: skip
    assert converter.tally.replies == 1


def test_texts_without_ids_get_stable_hashes(engagement: Engagement) -> None:
    _c, first = convert(
        engagement, {}, record("Même texte", source_id=""), record("Même texte", source_id="")
    )
    _c, again = convert(
        engagement, {}, record("Même texte", source_id=""), record("Même texte", source_id="")
    )
    ids = [i.id for i in first if isinstance(i, Item)]
    assert ids == [i.id for i in again if isinstance(i, Item)]
    assert ids[1] == ids[0] + "-2" and len(ids[0]) == len("DEC-") + 10


def test_authors_are_salted_hashes_only_when_asked(engagement: Engagement) -> None:
    _c, plain = convert(engagement, {}, record(contributor="user id:377"))
    _c, hashed = convert(engagement, {}, record(contributor="user id:377"), salt=b"s" * 32)
    assert isinstance(plain[0], Item) and plain[0].author == ""
    assert isinstance(hashed[0], Item) and hashed[0].author.startswith("c-")
