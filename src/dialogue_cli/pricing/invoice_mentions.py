"""The mentions an invoice must carry, in the engagement's language, for the PDF and the XML notes.

Between professionals (C. com. art. L441-9; CGI art. 242 nonies A of annex II): number in one
continuous sequence, date, the parties' identity (the client's SIREN being one of the mentions
added by the e-invoicing reform, décret n° 2022-1299), the category of operation (*prestation
de services*), the VAT-on-debits option where chosen, the services with their quantities and
prices, the totals HT, VAT and TTC (or the 293 B exemption), the due date, the late-payment
penalties and the 40 € recovery indemnity (the amount written out, C. com. D441-5; for a public
buyer, CCP R2192-31 to R2192-36), the early-payment discount terms, and for a public buyer the
Chorus Pro data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engagement.model import Client, Consultant, Pricing
    from .invoice import Invoice


def invoice_title(invoice: Invoice) -> str:
    """``Facture d'acompte``, ``Facture de solde``, ``Avoir``... in the invoice's language."""
    en = invoice.quote.language == "en"
    if invoice.kind == "credit_note":
        return "Credit note" if en else "Avoir"
    titles = {
        "avance": ("Invoice for the avance", "Facture d'avance"),
        "deposit": ("Deposit invoice", "Facture d'acompte"),
        "acompte": ("Interim invoice", "Facture d'acompte"),
        "solde": ("Final invoice", "Facture de solde"),
    }
    english, french = titles.get(invoice.stage, ("Invoice", "Facture"))
    return english if en else french


def invoice_notes(
    invoice: Invoice, consultant: Consultant, client: Client, pricing: Pricing
) -> list[tuple[str, str]]:
    """``(UNTDID 4451 subject code, text)``: the mentions, as the XML notes (BT-21, BT-22) and the
    PDF print them. ``AAI`` general information, ``PMD`` penalties, ``PMT`` the indemnity,
    ``AAB`` early-payment discount, ``TXD`` tax declaration."""
    from ..common.formatting import date, money
    from .mentions import bank_line, chorus_line

    quote = invoice.quote
    lang = "en" if quote.language == "en" else "fr"
    fr = lang == "fr"
    out: list[tuple[str, str]] = []

    def eur(value: Decimal) -> str:
        return money(value, lang, quote.currency)

    out.append(("AAI", "Catégorie d'opération : prestation de services." if fr
                else "Category of operation: supply of services."))  # fmt: skip
    reference = (
        f"Suivant le devis n° {quote.number} du {date(quote.date, lang)} "
        f"({eur(quote.total_ttc)} TTC)."
        if fr else
        f"Following quote {quote.number} of {date(quote.date, lang)} "
        f"({eur(quote.total_ttc)} incl. VAT)."
    )  # fmt: skip
    out.append(("AAI", reference))
    if invoice.kind == "credit_note" and invoice.cancels is not None:
        out.append(("AAI", (
            f"Avoir annulant la facture n° {invoice.cancels.number} du "
            f"{date(invoice.cancels.date, lang)} pour son montant total ({eur(invoice.cancels.ttc)} TTC)."
            if fr else
            f"Credit note cancelling invoice {invoice.cancels.number} of "
            f"{date(invoice.cancels.date, lang)} in full ({eur(invoice.cancels.ttc)} incl. VAT)."
        )))  # fmt: skip
    elif invoice.stage == "avance":
        out.append(("AAI", (
            "Avance prévue au marché (code de la commande publique, art. R2191-3 et suivants), "
            "remboursée par précompte sur les acomptes et le solde."
            if fr else
            "Avance provided for by the contract (code de la commande publique, art. R2191-3 and "
            "following), recovered from the instalments and the balance."
        )))  # fmt: skip
    elif invoice.stage == "acompte":
        out.append(("AAI", (
            "Acompte pour les prestations exécutées (code de la commande publique, art. R2191-20 "
            "et suivants) ; il sera déduit de la facture de solde."
            if fr and quote.public else
            "Acompte pour les prestations exécutées ; il sera déduit de la facture de solde."
            if fr else
            "Instalment for the services performed; it will be deducted from the final invoice."
        )))  # fmt: skip
    elif invoice.stage == "solde":
        out.append(("AAI", (
            "Facture de solde : le montant total du devis, moins les factures déjà émises."
            if fr else "Final invoice: the total of the quote, less the invoices already issued."
        )))  # fmt: skip
    if pricing.vat_on_debits and quote.vat_rate > 0:
        out.append(("TXD", "Option pour le paiement de la taxe d'après les débits." if fr
                    else "Option for payment of VAT on debits."))  # fmt: skip
    if quote.vat_exemption:
        out.append(("TXD", quote.vat_exemption))
    bank = bank_line(consultant, lang)
    due = date(invoice.due, lang)
    if invoice.kind == "invoice":
        when = (f"Échéance : {due}, soit {quote.payment_days} jours ; paiement par virement"
                if fr else f"Due date: {due} ({quote.payment_days} days); payment by bank transfer")  # fmt: skip
        out.append(
            ("AAI", f"{when}{(' sur le compte ' if fr else ' to ') + bank if bank else ''}.")
        )
    indemnity = eur(Decimal(40))
    if quote.public:
        out.append(("PMD", (
            "Tout retard de paiement fait courir de plein droit des intérêts moratoires au taux "
            "de la Banque centrale européenne majoré de 8 points (code de la commande publique, "
            "art. R2192-31 à R2192-36)."
            if fr else
            "Late payment automatically bears late-payment interest at the European Central Bank "
            "rate plus 8 points (code de la commande publique, art. R2192-31 to R2192-36)."
        )))  # fmt: skip
        out.append(("PMT", (
            f"Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : "
            f"{indemnity}, due de plein droit (code de la commande publique, art. R2192-31 à R2192-36)."
            if fr else
            f"Fixed recovery indemnity on late payment: {indemnity}, due automatically (code de la "
            "commande publique, art. R2192-31 to R2192-36)."
        )))  # fmt: skip
        chorus = chorus_line(client, pricing.engagement_number, lang)
        if chorus:
            out.append(("AAI", chorus))
    else:
        out.append(("PMD", (
            "Pénalités de retard : taux de refinancement de la Banque centrale européenne majoré "
            "de 10 points (C. com., art. L441-10)."
            if fr else
            "Late-payment penalties: European Central Bank refinancing rate plus 10 points "
            "(C. com. art. L441-10)."
        )))  # fmt: skip
        out.append(("PMT", (
            f"Indemnité forfaitaire pour frais de recouvrement : {indemnity} (C. com., art. D441-5)."
            if fr else f"Fixed recovery indemnity: {indemnity} (C. com. art. D441-5)."
        )))  # fmt: skip
    out.append(("AAB", "Pas d'escompte pour paiement anticipé." if fr
                else "No discount for early payment."))  # fmt: skip
    return out
