"""The stakeholder map of the preparation phase: Mendelow quadrants, participation levels, salience."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..common.spreadsheet import neutralise
from ..engagement.model.base import GROUPS, WORKSHOP_GROUPS, fold

if TYPE_CHECKING:
    from ..engagement.model import Engagement
    from ..engagement.model.stakeholders import Stakeholder

Quadrant = Literal["manage_closely", "keep_satisfied", "keep_informed", "monitor"]
Salience = Literal[
    "dormant", "discretionary", "demanding", "dominant", "dangerous", "dependent", "definitive"
]

# Order of the table, the legend and the JSON: from the most to the least involved.
QUADRANTS: tuple[Quadrant, ...] = ("manage_closely", "keep_satisfied", "keep_informed", "monitor")

# Recommended participation level per quadrant (docs/map.md explains the choice). Interest says how
# much time an actor will give to the dialogue; influence, how much their buy-in is needed.
RECOMMENDED_LEVEL: Mapping[Quadrant, str] = {
    "manage_closely": "coconstruire",
    "keep_satisfied": "consulter",
    "keep_informed": "concerter",
    "monitor": "informer",
}

# Mitchell, Agle & Wood (1997): (power, legitimacy, urgency) -> class; no attribute -> None.
_SALIENCE: Mapping[tuple[bool, bool, bool], Salience] = {
    (True, False, False): "dormant",
    (False, True, False): "discretionary",
    (False, False, True): "demanding",
    (True, True, False): "dominant",
    (True, False, True): "dangerous",
    (False, True, True): "dependent",
    (True, True, True): "definitive",
}


def quadrant(influence: int, interest: int, threshold: int = 3) -> Quadrant:
    """The Mendelow quadrant of an actor; a score equal to the threshold counts as high.

    Args:
        influence: Power over the decision, 1 to 5.
        interest: How much the stake matters to the actor, 1 to 5.
        threshold: Score from which influence or interest is high.

    Returns:
        ``manage_closely``, ``keep_satisfied``, ``keep_informed`` or ``monitor``.
    """
    powerful, interested = influence >= threshold, interest >= threshold
    if powerful and interested:
        return "manage_closely"
    if powerful:
        return "keep_satisfied"
    if interested:
        return "keep_informed"
    return "monitor"


def salience(power: bool, legitimacy: bool | None, urgency: bool | None) -> Salience | None:
    """The Mitchell salience class, or None when legitimacy and urgency were not assessed.

    Args:
        power: Whether the actor's influence reaches the map threshold.
        legitimacy: Whether the actor's claim is legitimate; None when not assessed.
        urgency: Whether the actor's claim is urgent; None when not assessed.

    Returns:
        One of the seven classes; None when neither legitimacy nor urgency is given, or when the
        actor has no attribute at all (Mitchell's "non-stakeholder"). A missing one of the two
        counts as absent.
    """
    if legitimacy is None and urgency is None:
        return None
    return _SALIENCE.get((power, bool(legitimacy), bool(urgency)))


@dataclass(frozen=True)
class MappedStakeholder:
    """A stakeholder placed on the map."""

    id: str
    name: str
    group: str | None
    role: str
    influence: int
    interest: int
    position: int
    quadrant: Quadrant
    level: str
    level_is_set: bool
    salience: Salience | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "influence": self.influence,
            "interest": self.interest,
            "quadrant": self.quadrant,
            "level": self.level,
            "salience": self.salience,
        }


@dataclass(frozen=True)
class MapWarning:
    """A coverage gap the consultant should close before the workshops."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class StakeholderMap:
    """Every stakeholder placed on the power/interest grid, with group counts and warnings."""

    threshold: int
    stakeholders: tuple[MappedStakeholder, ...]
    groups: Mapping[str, int]
    warnings: tuple[MapWarning, ...]

    def by_quadrant(self) -> dict[Quadrant, list[MappedStakeholder]]:
        """The stakeholders of each quadrant (every quadrant present), in the engagement's order."""
        result: dict[Quadrant, list[MappedStakeholder]] = {q: [] for q in QUADRANTS}
        for item in self.stakeholders:
            result[item.quadrant].append(item)
        return result

    def to_json(self) -> dict[str, Any]:
        """The shape printed by ``dialogue map --json``."""
        return {
            "threshold": self.threshold,
            "stakeholders": [item.to_json() for item in self.stakeholders],
            "groups": dict(self.groups),
            "warnings": [warning.message for warning in self.warnings],
        }


def place(stakeholder: Stakeholder, threshold: int) -> MappedStakeholder:
    """Place one stakeholder: quadrant, level (recommended unless set) and salience."""
    where = quadrant(stakeholder.influence, stakeholder.interest, threshold)
    return MappedStakeholder(
        id=stakeholder.id,
        name=stakeholder.name,
        group=stakeholder.group,
        role=stakeholder.role,
        influence=stakeholder.influence,
        interest=stakeholder.interest,
        position=stakeholder.position,
        quadrant=where,
        level=stakeholder.level or RECOMMENDED_LEVEL[where],
        level_is_set=stakeholder.level is not None,
        salience=salience(
            stakeholder.influence >= threshold, stakeholder.legitimacy, stakeholder.urgency
        ),
    )


def _has_contact(stakeholder: Stakeholder) -> bool:
    contact = stakeholder.contact
    return contact is not None and bool(contact.email or contact.phone)


def coverage_warnings(
    stakeholders: Iterable[Stakeholder], placed: Iterable[MappedStakeholder]
) -> list[MapWarning]:
    """What the map misses before the workshops: groups, critical voices, citizens, data quality.

    Args:
        stakeholders: The stakeholders as declared in the engagement.
        placed: The same stakeholders, placed on the map, in the same order.

    Returns:
        The warnings, in a fixed order: empty workshop groups, no critical voice, every citizen
        in ``monitor``, contact data without a group, duplicate names.
    """
    declared, mapped = list(stakeholders), list(placed)
    warnings: list[MapWarning] = []
    present = {item.group for item in mapped}
    for group in WORKSHOP_GROUPS:
        if group not in present:
            warnings.append(
                MapWarning(
                    "empty_group",
                    f"no stakeholder in group '{group}': the {group} workshop has no one mapped",
                )
            )
    if declared and not any(item.position < 0 for item in declared):
        warnings.append(
            MapWarning(
                "no_critical_voice",
                "no opponent or critical voice (no stakeholder with a position below 0)",
            )
        )
    citizens = [item for item in mapped if item.group == "citoyens"]
    if citizens and all(item.quadrant == "monitor" for item in citizens):
        warnings.append(
            MapWarning(
                "citizens_monitor",
                f"every citizen stakeholder ({len(citizens)}) is in 'monitor': "
                "the citizens would only be informed",
            )
        )
    for item in declared:
        if item.group is None and _has_contact(item):
            warnings.append(
                MapWarning(
                    "contact_without_group",
                    f"{item.id} ({item.name}) has contact data but no group",
                )
            )
    by_name: defaultdict[str, list[str]] = defaultdict(list)
    for item in declared:
        by_name[fold(" ".join(item.name.split()))].append(item.id)
    for item in declared:
        ids = by_name.pop(fold(" ".join(item.name.split())), [])
        if len(ids) > 1:
            warnings.append(
                MapWarning("duplicate_name", f"duplicate name '{item.name}': {', '.join(ids)}")
            )
    return warnings


def build_map(engagement: Engagement) -> StakeholderMap:
    """Place every stakeholder of the engagement on the map.

    Args:
        engagement: The validated engagement.

    Returns:
        The frozen map: threshold, placed stakeholders in the engagement's order, the number of
        stakeholders per group (every group present, ungrouped ones not counted) and warnings.
    """
    threshold = engagement.map.threshold
    declared = engagement.stakeholders
    placed = tuple(place(item, threshold) for item in declared)
    counts = Counter(item.group for item in placed)
    return StakeholderMap(
        threshold=threshold,
        stakeholders=placed,
        groups={group: counts.get(group, 0) for group in GROUPS},
        warnings=tuple(coverage_warnings(declared, placed)),
    )


# -- Client-facing wording (follows engagement.language) --

QUADRANT_LABELS: Mapping[str, Mapping[Quadrant, str]] = {
    "fr": {
        "manage_closely": "Acteurs clés — associer étroitement",
        "keep_satisfied": "Maintenir satisfaits",
        "keep_informed": "Tenir informés",
        "monitor": "Garder en veille",
    },
    "en": {
        "manage_closely": "Key players — manage closely",
        "keep_satisfied": "Keep satisfied",
        "keep_informed": "Keep informed",
        "monitor": "Monitor",
    },
}

LEVEL_LABELS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "informer": "informer",
        "consulter": "consulter",
        "concerter": "concerter",
        "coconstruire": "co-construire",
        "codecider": "co-décider",
    },
    # IAP2 Spectrum names (domain brief 1.1).
    "en": {
        "informer": "inform",
        "consulter": "consult",
        "concerter": "involve",
        "coconstruire": "collaborate",
        "codecider": "empower",
    },
}

SALIENCE_LABELS: Mapping[str, Mapping[Salience, str]] = {
    "fr": {
        "dormant": "dormant",
        "discretionary": "discrétionnaire",
        "demanding": "exigeant",
        "dominant": "dominant",
        "dangerous": "dangereux",
        "dependent": "dépendant",
        "definitive": "définitif",
    },
    "en": {
        "dormant": "dormant",
        "discretionary": "discretionary",
        "demanding": "demanding",
        "dominant": "dominant",
        "dangerous": "dangerous",
        "dependent": "dependent",
        "definitive": "definitive",
    },
}


def _lang(language: str) -> str:
    return "en" if language == "en" else "fr"


def quadrant_label(value: Quadrant, language: str = "fr") -> str:
    """``manage_closely`` -> ``Acteurs clés — associer étroitement`` in French."""
    return QUADRANT_LABELS[_lang(language)][value]


def level_label(value: str, language: str = "fr") -> str:
    """``coconstruire`` -> ``co-construire`` in French, ``collaborate`` in English."""
    return LEVEL_LABELS[_lang(language)].get(value, value)


def salience_label(value: Salience | None, language: str = "fr") -> str:
    """``demanding`` -> ``exigeant`` in French; an em dash when there is no class."""
    return "—" if value is None else SALIENCE_LABELS[_lang(language)][value]


# -- The register (CSV export) --

_REGISTER_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "fr": (
        "id", "nom", "groupe", "rôle", "influence", "intérêt", "position", "légitimité",
        "urgence", "quadrant", "niveau", "niveau fixé", "saillance",
    ),
    "en": (
        "id", "name", "group", "role", "influence", "interest", "position", "legitimacy",
        "urgency", "quadrant", "level", "level set", "salience",
    ),
}  # fmt: skip
_CONTACT_HEADINGS: Mapping[str, tuple[str, str]] = {
    "fr": ("e-mail", "téléphone"),
    "en": ("email", "phone"),
}
_YES_NO: Mapping[str, tuple[str, str]] = {"fr": ("oui", "non"), "en": ("yes", "no")}


def register_rows(
    smap: StakeholderMap, engagement: Engagement, with_contacts: bool = False
) -> list[list[str | int]]:
    """The register as rows for a spreadsheet: a heading row, then one row per stakeholder.

    Headings and values follow ``engagement.language``. Scores are numbers; every text cell goes
    through :func:`dialogue_cli.common.spreadsheet.neutralise`. Contact columns are added only with ``with_contacts``.
    """
    from ..common.labels import group_names

    language = _lang(engagement.language)
    groups = group_names(language)
    yes, no = _YES_NO[language]
    contacts = {item.id: item.contact for item in engagement.stakeholders}
    declared = {item.id: item for item in engagement.stakeholders}

    def flag(value: bool | None) -> str:
        return "" if value is None else (yes if value else no)

    heading: list[str | int] = list(_REGISTER_HEADINGS[language])
    if with_contacts:
        heading.extend(_CONTACT_HEADINGS[language])
    rows: list[list[str | int]] = [heading]
    for item in smap.stakeholders:
        source = declared[item.id]
        texts = [
            item.id,
            item.name,
            groups[item.group or "none"],
            item.role,
        ]
        row: list[str | int] = [neutralise(text) for text in texts]
        row += [item.influence, item.interest, item.position]
        row += [
            neutralise(text)
            for text in (
                flag(source.legitimacy),
                flag(source.urgency),
                quadrant_label(item.quadrant, language),
                level_label(item.level, language),
                yes if item.level_is_set else no,
                "" if item.salience is None else salience_label(item.salience, language),
            )
        ]
        if with_contacts:
            contact = contacts[item.id]
            row += [
                neutralise(contact.email if contact else ""),
                neutralise(contact.phone if contact else ""),
            ]
        rows.append(row)
    return rows
