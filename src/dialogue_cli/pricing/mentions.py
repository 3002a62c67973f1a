"""The quote's legal mentions: provider identity, payment terms by client kind, bank and Chorus Pro data."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..engagement.model.identity import format_siret

if TYPE_CHECKING:
    from ..engagement.model import Client, Consultant, Pricing
    from .quote import Quote

__all__ = ["acceptance_lines", "bank_line", "chorus_line", "discount_label", "format_siret",
           "mentions", "provider_line"]  # fmt: skip

_KIND_LABELS = {
    "fr": {"commune": "commune", "intercommunalite": "intercommunalité", "departement": "département",
           "region": "région", "autre": "personne publique", "prive": "client privé"},
    "en": {"commune": "municipality", "intercommunalite": "inter-municipal body",
           "departement": "département", "region": "region", "autre": "public body",
           "prive": "private client"},
}  # fmt: skip


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


def discount_label(percent: Decimal, language: str) -> str:
    """The one label of the discount, in the terminal, the devis, the DPGF/DQE and invoices."""
    from ..common.formatting import percent as pct

    rate = pct(percent, "en" if language == "en" else "fr")
    return f"Discount on fees ({rate})" if language == "en" else f"Remise sur honoraires ({rate})"


def bank_line(consultant: Consultant | None, language: str) -> str:
    """``IBAN FR76 3000 ... – BIC AGRIFRPP``, or "" when no IBAN is known."""
    from ..engagement.model.identity import format_iban

    if consultant is None or not consultant.iban:
        return ""
    text = f"IBAN {format_iban(consultant.iban)}"
    if consultant.bic:
        text += f" – BIC {consultant.bic}"
    return text


def chorus_line(client: Client | None, engagement_number: str, language: str) -> str:
    """The data Chorus Pro may require of a public buyer's invoices, as far as they are known."""
    from ..engagement.model.identity import format_siret

    fr = language != "en"
    parts = []
    if client is not None and client.siret:
        parts.append(
            ("SIRET du destinataire " if fr else "Recipient's SIRET ") + format_siret(client.siret)
        )
    if client is not None and client.service_code:
        parts.append(("code service " if fr else "service code ") + client.service_code)
    if engagement_number:
        parts.append(("n° d'engagement " if fr else "engagement number ") + engagement_number)
    if not parts:
        return ""
    return ("Chorus Pro : " if fr else "Chorus Pro: ") + ", ".join(parts) + "."


def mentions(
    quote: Quote,
    client: Client | None,
    *,
    pricing: Pricing | None = None,
    consultant: Consultant | None = None,
) -> list[str]:
    """The commercial and legal terms of the devis, in the quote's language.

    Validity; payment terms by client kind (a public buyer: no deposit, an avance when the
    engagement sets one, acomptes for services performed; a private client: its deposit);
    the bank details; late payment (public buyer: intérêts moratoires; otherwise Code de
    commerce penalties) with the 40 € recovery indemnity; the discount; the VAT exemption when
    the rate is 0; the Chorus Pro data; the engagement's notes. The provider's identity and the
    acceptance block are apart (:func:`provider_line`, :func:`acceptance_lines`).
    """
    from ..common.formatting import date, money, percent

    fr = quote.language != "en"
    lang = "fr" if fr else "en"
    out: list[str] = []
    notes = pricing.notes if pricing is not None else ""

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

    def eur(amount: Decimal) -> str:
        return money(amount, lang, quote.currency)

    # Payment terms, by client kind.
    if quote.public:
        out.append(
            "Aucun acompte à la commande : la collectivité paie après service fait (décret n° 2012-1246 "
            "du 7 novembre 2012, art. 33). Les prestations exécutées sont réglées par acomptes, à "
            "l'achèvement de chaque phase, puis par un solde à la remise des livrables (code de la "
            "commande publique, art. R2191-20 et suivants), selon l'échéancier prévisionnel du devis."
            if fr else
            "No deposit on order: a public body pays after the service is done (décret n° 2012-1246 "
            "of 7 November 2012, art. 33). Services performed are paid by instalments (acomptes) as "
            "each phase is completed, then a balance on delivery (code de la commande publique, "
            "art. R2191-20 and following), as the devis' payment schedule sets out."
        )  # fmt: skip
        if quote.advance > 0 and pricing is not None and pricing.advance is not None:
            start = percent(pricing.advance.recovery_from, lang)
            end = percent(pricing.advance.recovery_until, lang)
            out.append(
                f"Avance de {percent(quote.advance_percent, lang)} du montant du marché, soit "
                f"{eur(quote.advance)} TTC, versée à la notification du marché et remboursée par "
                f"précompte sur les acomptes et le solde, à partir de {start} et jusqu'à {end} du "
                f"montant des prestations exécutées (code de la commande publique, art. R2191-3 et "
                f"suivants)."
                if fr else
                f"Advance (avance) of {percent(quote.advance_percent, lang)} of the contract, i.e. "
                f"{eur(quote.advance)} incl. VAT, paid on notification of the contract and recovered "
                f"from the instalments and the balance between {start} and {end} of the services "
                f"performed (code de la commande publique, art. R2191-3 and following)."
            )  # fmt: skip
    elif quote.deposit > 0:
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
    bank = bank_line(consultant, lang)
    if fr:
        out.append(f"Paiement par virement {when}" + (f", sur le compte {bank}." if bank else "."))
    else:
        out.append(f"Payment by bank transfer {when}" + (f", to {bank}." if bank else "."))
    indemnity = eur(Decimal(40))
    if quote.public:
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
        chorus = chorus_line(client, pricing.engagement_number if pricing else "", lang)
        if chorus:
            out.append(chorus)
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
        label = discount_label(quote.discount_percent, lang)
        out.append(
            f"{label} : sur les honoraires, frais exclus."
            if fr else f"{label}: on fees, expenses excluded."
        )  # fmt: skip
    if quote.vat_exemption:
        out.append(quote.vat_exemption)
    if notes.strip():
        out.append(" ".join(notes.split()))

    return out
