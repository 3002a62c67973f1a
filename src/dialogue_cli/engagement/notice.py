"""The personal-data notice (RGPD art. 13) and what the public documents need to speak to residents.

:func:`notice` fills the notice from the ``privacy`` section with the defaults a public body
would write (the collectivité as controller, its public contact, art. 6-1-e as legal basis, the
consultant as processor, the rights exercised with the DPO, the CNIL); what the file does not say
and has no default stays empty, for the documents to show « À compléter ». :func:`problems` gives
``dialogue check`` its located warnings: a notice with parts missing, a collectivité residents
cannot reach, a public meeting without its time or its access, an easy-to-read logo that cannot
be printed.

Pure: it reads the model only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Engagement

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Party:
    """Who a participant may write to: a name and how to reach it (each may be empty)."""

    name: str
    email: str = ""
    address: str = ""
    phone: str = ""

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.address or self.phone)


@dataclass(frozen=True)
class Notice:
    """The parts of an art. 13 notice; an empty part is one the file does not give yet."""

    controller: Party
    dpo: Party
    purposes: tuple[str, ...]
    legal_basis: str  # empty: art. 6-1-e (the documents word it)
    data: tuple[str, ...]
    recipients: tuple[str, ...]
    processor: str  # the consultant, processor (sous-traitant), or empty
    retention: str
    rights: str  # how to exercise the rights; empty: write to the DPO, else the controller
    given: bool  # whether the file has a privacy section at all

    @property
    def complete(self) -> bool:
        return not missing_parts(self)


def notice(engagement: Engagement) -> Notice:
    """The notice of ``engagement``, with the public body's defaults (see the module)."""
    p = engagement.privacy
    client = engagement.client
    public = client.public_contact
    controller = Party(
        p.controller.name or client.name,
        p.controller.email or public.email,
        p.controller.address or public.address or client.address,
        p.controller.phone or public.phone,
    )
    dpo = Party(p.dpo.name, p.dpo.email, p.dpo.address, p.dpo.phone)
    consultant = engagement.consultant
    processor = consultant.company or consultant.name
    given = p.model_dump(exclude_defaults=True) != {}
    return Notice(
        controller=controller,
        dpo=dpo,
        purposes=tuple(p.purposes),
        legal_basis=p.legal_basis,
        data=tuple(p.data),
        recipients=tuple(p.recipients),
        processor=processor,
        retention=p.retention,
        rights=p.rights,
        given=given,
    )


def missing_parts(n: Notice) -> list[tuple[str, str]]:
    """The parts the documents cannot write yet: (field of ``privacy``, what it is)."""
    out = []
    if not n.controller.reachable:
        out.append(("controller", "how to reach the controller (e-mail or address)"))
    if not (n.dpo.name and n.dpo.reachable):
        out.append(("dpo", "the data protection officer and how to reach them"))
    if not n.purposes:
        out.append(("purposes", "why the data are collected"))
    if not n.data:
        out.append(("data", "what is collected"))
    if not n.retention:
        out.append(("retention", "how long the data are kept"))
    return out


def problems(engagement: Engagement, on: dt.date) -> list[tuple[Loc, str]]:
    """Located warnings for ``check`` about what the public documents need (see the module)."""
    out: list[tuple[Loc, str]] = []
    n = notice(engagement)
    parts = missing_parts(n)
    if not n.given:
        out.append(
            (
                ("privacy",),
                "no personal-data notice (RGPD art. 13): add a privacy section (controller, DPO, "
                "purposes, data, retention); the public documents read « À compléter » in its place",
            )
        )
    elif parts:
        for key, what in parts:
            out.append(
                (
                    ("privacy", key),
                    f"the personal-data notice lacks {what} (privacy.{key}): the documents read "
                    "« À compléter » there",
                )
            )
    public = engagement.client.public_contact
    if not (public.email or public.phone or public.address or public.website):
        out.append(
            (
                ("client", "public_contact"),
                "residents have no way to reach the collectivité in the public documents: give "
                "client.public_contact (address, email, website, phone, hours)",
            )
        )
    sessions: list[tuple[Loc, str, object]] = [
        (("workshops", i), w.id, w) for i, w in enumerate(engagement.workshops)
    ]
    sessions.append((("creativity",), "the creativity session", engagement.creativity))
    sessions += [
        (("communication", "meetings", i), m.id, m)
        for i, m in enumerate(engagement.communication.meetings)
    ]
    for loc, name, session in sessions:
        day = getattr(session, "date", None)
        who = session.who() if hasattr(session, "who") else "public"
        if day is None or day < on or who == "invitation":
            continue
        lacking = [
            field for field in ("time", "place", "access") if not getattr(session, field, None)
        ]
        if lacking:
            out.append(
                (
                    (*loc, lacking[0]),
                    f"{name} is open to residents on {day.isoformat()} but has no "
                    f"{' and no '.join(lacking)}: the public documents need them",
                )
            )
    c = engagement.communication
    if c.falc_logo and not c.falc_validated_by.strip():
        out.append(
            (
                ("communication", "falc_logo"),
                "the easy-to-read logo is printed only once communication.falc_validated_by says "
                "who checked the text: the easy-to-read version stays a draft without it",
            )
        )
    return out
