"""The quote's legal mentions: provider identity line, acceptance block, payment and procurement notes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engagement.model import Client, Consultant
    from .quote import Quote


PUBLIC_CLIENT_KINDS = frozenset({"commune", "intercommunalite", "departement", "region", "autre"})

_KIND_LABELS = {
    "fr": {"commune": "commune", "intercommunalite": "intercommunalité", "departement": "département",
           "region": "région", "autre": "personne publique"},
    "en": {"commune": "municipality", "intercommunalite": "inter-municipal body",
           "departement": "département", "region": "region", "autre": "public body"},
}  # fmt: skip


def format_siret(siret: str) -> str:
    """``73282932000074`` -> ``732 829 320 00074`` (SIREN, then the establishment's NIC)."""
    digits = siret.replace(" ", "")
    if len(digits) != 14:
        return siret
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


def provider_line(consultant: Consultant | None, vat_rate: Decimal, language: str) -> str:
    """Who sells, on one line: name, legal form and capital, address, SIRET, RCS, VAT number.

    What the law requires and the engagement lacks reads "à compléter" ("to be completed").
    """
    fr = language != "en"
    todo = "à compléter" if fr else "to be completed"
    who = consultant
    identity = (who.company or who.name) if who else ""
    parts = [identity or (f"Prestataire : {todo}" if fr else f"Provider: {todo}")]
    if who and who.legal_form:
        capital = (
            (f" au capital de {who.capital}" if fr else f" with a share capital of {who.capital}")
            if who.capital
            else ""
        )
        parts[0] += f", {who.legal_form}{capital}"
    if who and who.address:
        parts.append(who.address)
    parts.append(
        f"SIRET {format_siret(who.siret)}"
        if who and who.siret
        else f"SIRET : {todo}"
        if fr
        else f"SIRET: {todo}"
    )
    if who and who.rcs:
        parts.append(who.rcs)
    if who and who.vat_number:
        parts.append(
            f"N° TVA intracommunautaire {who.vat_number}"
            if fr
            else f"EU VAT number {who.vat_number}"
        )
    elif vat_rate > 0:
        parts.append(f"N° TVA intracommunautaire : {todo}" if fr else f"EU VAT number: {todo}")
    return " – ".join(parts)


def acceptance_lines(language: str) -> list[str]:
    """The "Bon pour accord" block the client fills in and signs, line by line."""
    if language != "en":
        return ["Bon pour accord", "Date : ____________________",
                "Nom, qualité, signature et cachet : ____________________"]  # fmt: skip
    return ["Approved (\u201cbon pour accord\u201d)", "Date: ____________________",
            "Name, position, signature and stamp: ____________________"]  # fmt: skip


def mentions(quote: Quote, client: Client | None, notes: str = "") -> list[str]:
    """The commercial and legal terms of the devis, in the quote's language.

    Validity, payment terms, late payment (public buyer: intérêts moratoires; otherwise Code de
    commerce penalties) with the 40 € recovery indemnity, the discount, the VAT exemption when
    the rate is 0, and the engagement's notes. The provider's identity and the acceptance block
    are apart (:func:`provider_line`, :func:`acceptance_lines`).
    """
    from ..common.formatting import date, money, percent

    fr = quote.language != "en"
    lang = "fr" if fr else "en"
    out: list[str] = []

    # Validity.
    issued, until = date(quote.date, lang), date(quote.valid_until, lang)
    if fr:
        out.append(
            f"Devis n° {quote.number} du {issued}, valable {quote.validity_days} jours, soit jusqu'au {until}."
        )
    else:
        out.append(
            f"Quote {quote.number} of {issued}, valid for {quote.validity_days} days, until {until}."
        )

    # Payment terms.
    def eur(amount: Decimal) -> str:
        return money(amount, lang, quote.currency)

    if quote.deposit > 0:
        out.append(
            f"Acompte de {percent(quote.deposit_percent, lang)} à la commande, soit {eur(quote.deposit)} TTC ; "
            f"solde de {eur(quote.balance)} TTC à la fin de la mission."
            if fr else
            f"Deposit of {percent(quote.deposit_percent, lang)} on order, i.e. {eur(quote.deposit)} incl. VAT; "
            f"balance of {eur(quote.balance)} incl. VAT at the end of the engagement."
        )  # fmt: skip
    when = (
        ("à réception de la facture" if quote.payment_days == 0 else
         f"à {quote.payment_days} jours à compter de la réception de la facture")
        if fr else
        ("on receipt of the invoice" if quote.payment_days == 0 else
         f"within {quote.payment_days} days of receipt of the invoice")
    )  # fmt: skip
    out.append(f"Paiement par virement {when}." if fr else f"Payment by bank transfer {when}.")
    public = client is None or client.kind in PUBLIC_CLIENT_KINDS
    indemnity = eur(Decimal(40))
    if public:
        kind = _KIND_LABELS[lang].get(
            client.kind if client else "autre", _KIND_LABELS[lang]["autre"]
        )
        out.append(
            f"Client public ({kind}) : factures déposées sur Chorus Pro. Tout retard de paiement fait courir "
            f"de plein droit des intérêts moratoires au taux de la Banque centrale européenne majoré de "
            f"8 points et une indemnité forfaitaire pour frais de recouvrement de {indemnity} "
            f"(code de la commande publique, art. R2192-31 à R2192-36)."
            if fr else
            f"Public client ({kind}): invoices are filed on Chorus Pro. Any late payment automatically "
            f"bears late-payment interest (intérêts moratoires) at the European Central Bank rate plus "
            f"8 points and a fixed recovery indemnity of {indemnity} "
            f"(code de la commande publique, art. R2192-31 to R2192-36)."
        )  # fmt: skip
    else:
        out.append(
            f"Pénalités de retard : taux de refinancement de la Banque centrale européenne majoré de "
            f"10 points (C. com., art. L441-10) ; indemnité forfaitaire pour frais de recouvrement de "
            f"{indemnity} (C. com., art. D441-5)."
            if fr else
            f"Late-payment penalties: European Central Bank refinancing rate plus 10 points (C. com. "
            f"art. L441-10); fixed recovery indemnity of {indemnity} (C. com. art. D441-5)."
        )  # fmt: skip
    out.append("Pas d'escompte pour paiement anticipé." if fr else "No discount for early payment.")
    if quote.discount > 0:
        out.append(
            f"Remise de {percent(quote.discount_percent, lang)} sur les honoraires, frais exclus."
            if fr else f"Discount of {percent(quote.discount_percent, lang)} on fees, expenses excluded."
        )  # fmt: skip
    if quote.vat_exemption:
        out.append(quote.vat_exemption)
    if notes.strip():
        out.append(" ".join(notes.split()))

    return out
