"""The personal-data notice of an attendance sheet (RGPD art. 13), from ``engagement.privacy``.

The controller is the collectivité unless ``privacy.controller`` names another; the consultant
is listed among the recipients as processor; a public body's legal basis defaults to art. 6-1-e
(a task in the public interest). Every other field left empty reads « À compléter », and the
notice says which fields those are, for the consultant's warning. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import KIT_WORDS

if TYPE_CHECKING:
    from ...engagement.model import Engagement, PrivacyContact
    from ..values import Fmt


@dataclass(frozen=True)
class Notice:
    """The notice's lines (label, text), and the ``privacy`` fields still empty."""

    title: str
    intro: str
    rows: tuple[tuple[str, str], ...]
    missing: tuple[str, ...]


def _reach(contact: PrivacyContact, f: Fmt) -> str:
    return ", ".join(f.t(v) for v in (contact.email, contact.address, contact.phone) if v.strip())


def build_notice(engagement: Engagement, f: Fmt) -> Notice:
    """The notice of ``engagement``, in its language."""
    words = KIT_WORDS[f.language]["notice"]
    todo = str(words["todo"])
    privacy = engagement.privacy
    missing: list[str] = []

    def given(value: str, field: str) -> str:
        if value.strip():
            return f.t(value)
        missing.append(field)
        return todo

    def listed(values: list[str], field: str) -> str:
        kept = [f.t(v) for v in values if v.strip()]
        if kept:
            return (" ; " if f.language == "fr" else "; ").join(kept)
        missing.append(field)
        return todo

    controller = privacy.controller
    controller_name = f.t(controller.name) or f.t(engagement.client.name)
    controller_reach = _reach(controller, f)
    if not controller_reach:
        missing.append("privacy.controller.email")
    controller_text = f"{controller_name} ({controller_reach or todo.lower()})"
    dpo = privacy.dpo
    dpo_reach = _reach(dpo, f)
    dpo_name = f.t(dpo.name)
    if dpo_name or dpo_reach:
        dpo_text = " ".join(
            part for part in (dpo_name, f"({dpo_reach})" if dpo_reach else "") if part
        )
        if not dpo_reach:
            missing.append("privacy.dpo.email")
    else:
        dpo_text = todo
        missing.append("privacy.dpo")
    if privacy.legal_basis.strip():
        basis = f.t(privacy.legal_basis)
    elif engagement.client.public:
        basis = str(words["public_basis"])
    else:
        basis = todo
        missing.append("privacy.legal_basis")
    consultant = engagement.consultant
    processor = (consultant.company or consultant.name).strip()
    recipients = [f.t(r) for r in privacy.recipients if r.strip()]
    if processor:
        recipients.append(str(words["processor"]).format(name=f.t(processor)))
    if recipients:
        recipients_text = (" ; " if f.language == "fr" else "; ").join(recipients)
    else:
        recipients_text = todo
        missing.append("privacy.recipients")
    if privacy.rights.strip():
        rights = f.t(privacy.rights)
    else:
        if dpo_reach:
            how = str(words["rights_dpo"]).format(contact=dpo_reach)
        else:
            how = str(words["rights_controller"]).format(contact=controller_reach or todo.lower())
        rights = f.t(str(words["rights_text"]).format(how=how))
    rows = (
        (words["controller"], controller_text),
        (words["dpo"], dpo_text),
        (words["purposes"], listed(privacy.purposes, "privacy.purposes")),
        (words["legal_basis"], basis),
        (words["data"], listed(privacy.data, "privacy.data")),
        (words["recipients"], recipients_text),
        (words["retention"], given(privacy.retention, "privacy.retention")),
        (words["rights"], rights),
        (words["complaint"], str(words["complaint_text"])),
    )
    return Notice(
        title=str(words["title"]),
        intro=str(words["intro"]),
        rows=tuple((str(label), f.t(text)) for label, text in rows),
        missing=tuple(missing),
    )
