"""The stakeholder map's rules: quadrants, levels, salience, warnings, register and label layout."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_cli.analysis.stakeholder_map import (
    MappedStakeholder,
    StakeholderMap,
    build_map,
    neutralise,
    quadrant,
    register_rows,
    salience,
)
from dialogue_cli.charts.stakeholder_chart import FIG_H, cell_size, fit, layout, map_figure
from dialogue_cli.engagement.model import Engagement


def engagement(*stakeholders: dict[str, Any], threshold: int = 3, **extra: Any) -> Engagement:
    """An engagement holding these stakeholders (ids ST1, ST2... unless given)."""
    items = [
        {"id": f"ST{index}", "name": f"Acteur {index}", **item}
        for index, item in enumerate(stakeholders, start=1)
    ]
    return Engagement.model_validate(
        {
            "client": {"name": "Ville"},
            "map": {"threshold": threshold},
            "stakeholders": items,
            **extra,
        }
    )


def person(influence: int = 3, interest: int = 3, **fields: Any) -> dict[str, Any]:
    return {"influence": influence, "interest": interest, **fields}


# -- Quadrants --


@pytest.mark.parametrize(
    ("influence", "interest", "threshold", "expected"),
    [
        (3, 3, 3, "manage_closely"),  # both equal to the threshold: high
        (3, 2, 3, "keep_satisfied"),
        (2, 3, 3, "keep_informed"),
        (2, 2, 3, "monitor"),
        (5, 5, 3, "manage_closely"),
        (1, 1, 3, "monitor"),
        (4, 3, 4, "keep_satisfied"),  # custom threshold 4: interest 3 is low
        (3, 4, 4, "keep_informed"),
        (4, 4, 4, "manage_closely"),
        (5, 4, 5, "keep_satisfied"),
        (1, 1, 1, "manage_closely"),  # threshold 1: everything is high
        (1, 5, 2, "keep_informed"),
    ],
)
def test_quadrant_boundaries(influence: int, interest: int, threshold: int, expected: str) -> None:
    assert quadrant(influence, interest, threshold) == expected


def test_quadrant_threshold_comes_from_the_engagement() -> None:
    smap = build_map(engagement(person(4, 4), person(3, 3), threshold=4))
    assert [item.quadrant for item in smap.stakeholders] == ["manage_closely", "monitor"]
    assert smap.threshold == 4


def test_default_threshold_is_three() -> None:
    data = {"client": {"name": "Ville"}, "stakeholders": [{"id": "A", "name": "A", **person(3, 2)}]}
    smap = build_map(Engagement.model_validate(data))
    assert smap.threshold == 3
    assert smap.stakeholders[0].quadrant == "keep_satisfied"


# -- Levels --


def test_recommended_level_per_quadrant() -> None:
    smap = build_map(engagement(person(4, 4), person(4, 1), person(1, 4), person(1, 1)))
    assert [(i.quadrant, i.level) for i in smap.stakeholders] == [
        ("manage_closely", "coconstruire"),
        ("keep_satisfied", "consulter"),
        ("keep_informed", "concerter"),
        ("monitor", "informer"),
    ]
    assert not any(item.level_is_set for item in smap.stakeholders)


def test_level_set_on_a_stakeholder_wins() -> None:
    smap = build_map(engagement(person(1, 1, level="co-décider"), person(5, 5, level="informer")))
    assert [(i.level, i.level_is_set) for i in smap.stakeholders] == [
        ("codecider", True),
        ("informer", True),
    ]


# -- Mitchell salience --


@pytest.mark.parametrize(
    ("power", "legitimacy", "urgency", "expected"),
    [
        (True, False, False, "dormant"),
        (False, True, False, "discretionary"),
        (False, False, True, "demanding"),
        (True, True, False, "dominant"),
        (True, False, True, "dangerous"),
        (False, True, True, "dependent"),
        (True, True, True, "definitive"),
        (False, False, False, None),  # no attribute: not a stakeholder in Mitchell's sense
        (True, None, None, None),  # not assessed
        (True, True, None, "dominant"),  # urgency not given counts as absent
        (False, None, True, "demanding"),
    ],
)
def test_salience_classes(
    power: bool, legitimacy: bool | None, urgency: bool | None, expected: str | None
) -> None:
    assert salience(power, legitimacy, urgency) == expected


def test_salience_power_is_influence_at_threshold() -> None:
    smap = build_map(
        engagement(
            person(3, 1, legitimacy=True, urgency=False),  # influence == threshold: power
            person(2, 1, legitimacy=True, urgency=False),  # just below: no power
            person(4, 1, legitimacy=True, urgency=True),
            threshold=3,
        )
    )
    assert [item.salience for item in smap.stakeholders] == [
        "dominant",
        "discretionary",
        "definitive",
    ]
    raised = build_map(engagement(person(3, 1, legitimacy=True, urgency=False), threshold=4))
    assert raised.stakeholders[0].salience == "discretionary"


# -- Groups and warnings --


def codes(smap: StakeholderMap) -> list[str]:
    return [warning.code for warning in smap.warnings]


def covered(**extra: Any) -> list[dict[str, Any]]:
    """One stakeholder per workshop group, one of them critical: no warning."""
    return [
        person(5, 5, group="élus", position=-1),
        person(2, 4, group="citoyens"),
        person(3, 3, group="services"),
    ]


def test_group_counts_cover_every_group() -> None:
    smap = build_map(engagement(*covered(), person(1, 1, group="citoyens"), person(1, 1)))
    assert smap.groups == {"elus": 1, "citoyens": 2, "services": 1, "partenaires": 0}
    assert smap.warnings == ()


def test_warning_for_an_empty_workshop_group() -> None:
    smap = build_map(engagement(person(group="elus", position=-2), person(group="partenaires")))
    assert codes(smap) == ["empty_group", "empty_group"]
    assert "'citoyens'" in smap.warnings[0].message
    assert "'services'" in smap.warnings[1].message


def test_warning_without_a_critical_voice() -> None:
    items = [{**item, "position": 0} for item in covered()]
    smap = build_map(engagement(*items, person(group="citoyens", position=2)))
    assert codes(smap) == ["no_critical_voice"]


def test_warning_when_every_citizen_is_in_monitor() -> None:
    items = [item for item in covered() if item["group"] != "citoyens"]
    smap = build_map(
        engagement(*items, person(2, 2, group="citoyens"), person(1, 2, group="citoyen"))
    )
    assert codes(smap) == ["citizens_monitor"]
    assert "(2)" in smap.warnings[0].message
    # One citizen out of monitor is enough.
    smap = build_map(
        engagement(*items, person(2, 2, group="citoyens"), person(2, 3, group="citoyens"))
    )
    assert codes(smap) == []


def test_warning_for_contact_data_without_group() -> None:
    smap = build_map(
        engagement(
            *covered(),
            person(name="Sans groupe", contact={"email": "x@example.org"}),
            person(contact={"email": "", "phone": ""}),  # empty contact: nothing personal
        )
    )
    assert codes(smap) == ["contact_without_group"]
    assert smap.warnings[0].message == "ST4 (Sans groupe) has contact data but no group"


def test_warning_for_duplicate_names_ignores_case_accents_and_spaces() -> None:
    smap = build_map(
        engagement(
            *covered(),
            person(name="Élus de quartier"),
            person(name="elus  de Quartier"),
            person(name="Autre"),
        )
    )
    assert codes(smap) == ["duplicate_name"]
    assert smap.warnings[0].message == "duplicate name 'Élus de quartier': ST4, ST5"


def test_an_empty_map_warns_about_groups_only() -> None:
    smap = build_map(engagement())
    assert codes(smap) == ["empty_group"] * 3
    assert smap.to_json()["stakeholders"] == []


def test_json_shape() -> None:
    smap = build_map(engagement(person(4, 2, group="elus", legitimacy=True, position=-1)))
    data = smap.to_json()
    assert list(data) == ["threshold", "stakeholders", "groups", "warnings"]
    assert data["stakeholders"] == [
        {
            "id": "ST1",
            "name": "Acteur 1",
            "group": "elus",
            "influence": 4,
            "interest": 2,
            "quadrant": "keep_satisfied",
            "level": "consulter",
            "salience": "dominant",
        }
    ]
    assert data["groups"] == {"elus": 1, "citoyens": 0, "services": 0, "partenaires": 0}
    assert all(isinstance(message, str) for message in data["warnings"])


# -- Register --


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Maire", "Maire"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_register_rows_without_contacts() -> None:
    eng = engagement(
        person(4, 2, name="=cmd|' /C calc'!A0", group="elus", role="@role", position=-1,
               legitimacy=True, contact={"email": "a@example.org"}),
    )  # fmt: skip
    rows = register_rows(build_map(eng), eng)
    assert rows[0][:4] == ["id", "nom", "groupe", "rôle"]
    assert "e-mail" not in rows[0]
    assert rows[1] == [
        "ST1", "'=cmd|' /C calc'!A0", "Élus", "'@role", 4, 2, -1, "oui", "",
        "Maintenir satisfaits", "consulter", "non", "dominant",
    ]  # fmt: skip
    assert not any("example.org" in str(cell) for row in rows for cell in row)


def test_register_rows_with_contacts_in_english() -> None:
    eng = engagement(
        person(contact={"email": "a@example.org", "phone": "+33 6 00 00 00 00"}), person(),
        language="en",
    )  # fmt: skip
    rows = register_rows(build_map(eng), eng, with_contacts=True)
    assert rows[0][-2:] == ["email", "phone"]
    assert rows[0][1] == "name"
    assert rows[1][-2:] == ["a@example.org", "'+33 6 00 00 00 00"]
    assert rows[2][-2:] == ["", ""]
    assert rows[1][9:11] == ["Key players — manage closely", "collaborate"]


# -- Label layout --


def make_map(points: list[tuple[int, int]], names: list[str] | None = None) -> StakeholderMap:
    items = tuple(
        MappedStakeholder(
            id=f"ST{index:03d}",
            name=names[index] if names else f"Acteur {index}",
            group="citoyens",
            role="",
            influence=influence,
            interest=interest,
            position=0,
            quadrant=quadrant(influence, interest),
            level="informer",
            level_is_set=False,
            salience=None,
        )
        for index, (influence, interest) in enumerate(points)
    )
    return StakeholderMap(3, items, {}, ())


scores = st.integers(min_value=1, max_value=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(scores, scores), max_size=200))
def test_layout_keeps_every_label_in_its_cell(points: list[tuple[int, int]]) -> None:
    cell_w, cell_h = cell_size()
    placed = layout(make_map(points), cell_w, cell_h)
    shown = {label.item.id for label in placed.labels}
    hidden = sum(note.count for note in placed.overflow)
    assert len(shown) + hidden == len(points)
    if len(points) <= 200:
        assert hidden == 0  # 200 actors still fit, as ids
    for label in placed.labels:
        x, y = label.item.interest, label.item.influence
        assert x - 0.5 < label.x < label.text_x < x + 0.5
        assert y - 0.5 < label.y < y + 0.5
        assert label.text_y < y + 0.5
    # Labels in the same cell do not share a line.
    spots = [(round(label.text_x, 6), round(label.text_y, 6)) for label in placed.labels]
    assert len(set(spots)) == len(spots)


def test_layout_uses_names_then_ids() -> None:
    cell_w, cell_h = cell_size()
    few = layout(make_map([(3, 3)] * 3), cell_w, cell_h)
    assert few.mode == "names"
    assert [label.text for label in few.labels] == ["Acteur 0", "Acteur 1", "Acteur 2"]
    crowded = layout(make_map([(3, 3)] * 12), cell_w, cell_h)
    assert crowded.mode == "ids"
    assert crowded.labels[0].text == "ST000"


def test_long_names_are_wrapped_not_cut_when_there_is_room() -> None:
    name = "Responsable des services techniques et de la voirie"
    cell_w, cell_h = cell_size()
    placed = layout(make_map([(2, 3)], [name]), cell_w, cell_h)
    text = placed.labels[0].text
    assert "\n" in text
    assert " ".join(text.split()) == name


def test_a_crowded_map_grows_taller_before_names_give_way() -> None:
    # Names are never smaller than 8 pt on paper: three long names fill a cell of the tallest page.
    names = [f"Conseil de quartier des Tilleuls numéro {i}" for i in range(3)]
    smap = make_map([(3, 3)] * 3, names)
    assert layout(smap, *cell_size()).mode == "ids"  # at the usual height, names do not fit
    height, placed = fit(smap)
    assert height > FIG_H
    assert placed.mode == "names"
    assert [" ".join(label.text.split()) for label in placed.labels] == names
    # Six such names do not fit on any page: ids, at the usual height.
    assert fit(make_map([(3, 3)] * 6, names * 2))[0] == FIG_H


def rendered_boxes(smap: StakeholderMap) -> dict[str, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = map_figure(smap, "Titre", "fr")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return {
        text.get_gid(): text.get_window_extent(renderer)
        for ax in fig.axes
        for text in ax.texts
        if (text.get_gid() or "").startswith("stakeholder-")
    }


@pytest.mark.parametrize(
    "points",
    [
        # The Ormessac example's crowded cell, and long names side by side.
        [(2, 4), (2, 4), (2, 4), (2, 5), (2, 5), (3, 2), (3, 2), (5, 4)],
        # 200 actors around the middle of the grid.
        [((i * 7) % 5 + 1, (i * 3 + i // 5) % 5 + 1) for i in range(200)],
        # Wide capitals in every cell, two per cell: nothing spills into the next cell.
        [(i % 5 + 1, (i // 5) % 5 + 1) for i in range(50)],
    ],
)
def test_rendered_labels_do_not_overlap(points: list[tuple[int, int]]) -> None:
    names = [
        "Responsable des services techniques et de la voirie",
        "Conseil citoyen des Tilleuls (QPV)",
        "Directeur du centre social des Tilleuls",
        "Collectif « Ormessac à vélo »",
        "Chargée de mission participation",
        "Service participation de l'agglomération",
        "Union des commerçants du centre",
        "Adjointe à la démocratie locale",
    ]
    if len(points) == 50:
        names = [f"MAIRIE ANNEXE WWW {i} DU QUARTIER MMM NORD" for i in range(50)]
    smap = make_map(points, names if len(points) in (len(names), 50) else None)
    boxes = rendered_boxes(smap)
    assert len(boxes) == len(points)
    ordered = sorted(boxes.items())
    for index, (first, box) in enumerate(ordered):
        for second, other in ordered[index + 1 :]:
            assert not box.overlaps(other), f"{first} overlaps {second}"
