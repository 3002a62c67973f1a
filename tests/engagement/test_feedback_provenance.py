"""The provenance columns an import writes are accepted and ignored by the feedback reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue_cli.engagement.feedback import (
    HEADER_ALIASES,
    IGNORED_HEADERS,
    PROVENANCE_HEADERS,
    map_header,
)
from dialogue_cli.engagement.loader import load

ENGAGEMENT = """\
client: {name: Ville de Test}
scenarios:
  - {id: BP, title: Budget participatif}
grid:
  criteria:
    - {id: RETOUR, label: Retour, weight: 20, conditions: [citoyens]}
workshops:
  - {id: AT-CIT, group: citoyens, feedback_file: f.csv}
"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_file_with_provenance_columns_reads_as_without(tmp_path: Path, language: str) -> None:
    (tmp_path / "engagement.yaml").write_text(ENGAGEMENT, encoding="utf-8")
    header = ";".join(("id", "scenario", "polarite", "intensite", "criteres", "theme", "verbatim", "auteur",
                       *PROVENANCE_HEADERS[language]))  # fmt: skip
    row = "DEC-C1;BP;+;2;RETOUR;;Oui;;decidim;812;https://x.example/f/12;2027-03-01 10:23"
    (tmp_path / "f.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    [item] = load(tmp_path).feedback()
    assert (item.id, item.scenario, item.polarity, item.intensity, item.criteria, item.text) == (
        "DEC-C1", "BP", "+", 2, ("RETOUR",), "Oui",
    )  # fmt: skip


def test_a_provenance_header_is_never_taken_for_a_column(monkeypatch: pytest.MonkeyPatch) -> None:
    # Were an alias ever to match one ("source" for the platform, "lien" for a link...), the
    # provenance columns would still be ignored, not read as the id.
    monkeypatch.setitem(HEADER_ALIASES, "id_source", "id")
    monkeypatch.setitem(HEADER_ALIASES, "source_id", "id")
    assert map_header(["id_source", "source_id", "scenario", "polarite", "id"], "f.csv")["id"] == 4
    assert {h for names in PROVENANCE_HEADERS.values() for h in names} == IGNORED_HEADERS
