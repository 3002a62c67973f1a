"""The client's own vocabulary: its assembly and executive, by client.kind, in both languages."""

from __future__ import annotations

import pytest

from dialogue_cli.common.labels import COUNCILS, council


@pytest.mark.parametrize(
    ("kind", "fr", "to_fr", "en"),
    [
        ("commune", "conseil municipal", "au conseil municipal", "municipal council"),
        (
            "intercommunalite",
            "conseil communautaire",
            "au conseil communautaire",
            "community council",
        ),
        (
            "departement",
            "conseil départemental",
            "au conseil départemental",
            "departmental council",
        ),
        ("region", "conseil régional", "au conseil régional", "regional council"),
        ("autre", "assemblée délibérante", "à l'assemblée délibérante", "governing assembly"),
    ],
)
def test_each_kind_names_its_council(kind: str, fr: str, to_fr: str, en: str) -> None:
    assert council(kind)["council"] == fr
    assert council(kind, "fr")["to_council"] == to_fr
    assert council(kind, "en")["council"] == en
    assert council(kind, "en")["to_council"] == f"to the {en}"


def test_executives_and_unknown_kinds() -> None:
    assert council("commune")["executive"] == "le maire"
    assert council("intercommunalite")["executive"] == "le président ou la présidente"
    assert council("commune", "en")["executive"] == "the mayor"
    assert council("syndicat") == council("autre")  # an unknown kind reads as "autre"


def test_one_table_with_the_same_entries_in_both_languages() -> None:
    assert COUNCILS["fr"].keys() == COUNCILS["en"].keys()
    for kind in COUNCILS["fr"]:
        assert COUNCILS["fr"][kind].keys() == COUNCILS["en"][kind].keys()
