"""The structured half of a Factur-X invoice: its CII XML (UN/CEFACT Cross Industry Invoice), EN 16931.

:func:`cii_xml` turns a computed :class:`~.invoice.Invoice` and the parties into the XML that
``render/invoice.py`` attaches to the PDF; the ``factur-x`` library checks it against the
profile's XSD there. Built with lxml, element by element, in the order the XSD sets; each
element is named with its EN 16931 business term (BT-...) where it carries one. The mapping of
the French and Chorus Pro data:

* the buyer's SIRET is its legal registration identifier (BT-47, scheme 0009), its Chorus Pro
  service code the buyer reference (BT-10), the engagement number the purchase order
  reference (BT-13);
* the seller's SIRET is BT-30 (scheme 0009), its VAT number BT-31; under the franchise en
  base (art. 293 B du CGI) the lines are VAT category E with the exemption text (BT-120) and
  the SIRET is the seller's tax registration (BT-32);
* the payment by transfer is means code 58 (SEPA credit transfer) with the IBAN (BT-84) and
  BIC (BT-86); the due date is BT-9;
* notes (BT-22) carry the category of operation (*prestation de services*), the
  late-payment penalties and the 40 € indemnity, the VAT-on-debits option where chosen.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engagement.model import Client, Consultant, Pricing
    from .invoice import Invoice

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
EN16931 = "urn:cen.eu:en16931:2017"

# UN/ECE Recommendation 20 unit codes for the units a quote uses.
_UNIT_CODES = {"jour": "DAY", "jours": "DAY", "day": "DAY", "days": "DAY", "heure": "HUR",
               "hour": "HUR", "forfait": "LS", "package": "LS"}  # fmt: skip


def split_address(address: str) -> tuple[str, str, str]:
    """``"12 rue des Lices, 49100 Angers"`` -> ``("12 rue des Lices", "49100", "Angers")``.

    The last ``NNNNN City`` of a French address is its postcode and town; what comes before is
    the street. An address without a postcode is kept whole as the street.
    """
    text = " ".join(address.split())
    match = re.search(r"(?:^|,\s*)(\d{5})\s+([^,]+)$", text)
    if not match:
        return text, "", ""
    return text[: match.start()].strip(" ,"), match.group(1), match.group(2).strip()


def amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _quantity(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def cii_xml(
    invoice: Invoice,
    consultant: Consultant,
    client: Client,
    pricing: Pricing,
    notes: list[tuple[str, str]],
) -> bytes:
    """The CII XML of ``invoice``, profile EN 16931, UTF-8.

    Args:
        invoice: the computed invoice or credit note.
        consultant: the seller.
        client: the buyer.
        pricing: for the engagement number and the VAT-on-debits option.
        notes: ``(UNTDID 4451 subject code, text)`` pairs, e.g. ``("PMD", "Pénalités...")``.
    """
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    nsmap = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}

    def el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        prefix, name = tag.split(":")
        node = etree.SubElement(parent, f"{{{nsmap[prefix]}}}{name}", **attrs)
        if text is not None:
            node.text = text
        return node

    def date(parent: Any, tag: str, value: Any) -> None:
        holder = el(parent, tag)
        el(holder, "udt:DateTimeString", value.strftime("%Y%m%d"), format="102")

    quote = invoice.quote
    exempt = quote.vat_rate == 0
    category = "E" if exempt else "S"
    rate = amount(quote.vat_rate)

    def tax(parent: Any, tag: str, with_amounts: bool = False, basis: Decimal | None = None,
            calculated: Decimal | None = None) -> None:  # fmt: skip
        node = el(parent, tag)
        if with_amounts:
            el(node, "ram:CalculatedAmount", amount(calculated or Decimal(0)))
        el(node, "ram:TypeCode", "VAT")
        if with_amounts and exempt:
            el(node, "ram:ExemptionReason", quote.vat_exemption or "TVA non applicable")
        if with_amounts:
            el(node, "ram:BasisAmount", amount(basis or Decimal(0)))
        el(node, "ram:CategoryCode", category)
        if with_amounts and exempt:
            el(node, "ram:ExemptionReasonCode", "VATEX-FR-FRANCHISE")
        if with_amounts and not exempt:
            # BT-8: VAT on payments received (72) unless the seller opted for debits (5).
            el(node, "ram:DueDateTypeCode", "5" if pricing.vat_on_debits else "72")
        el(node, "ram:RateApplicablePercent", rate)

    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=nsmap)
    context = el(root, "rsm:ExchangedDocumentContext")
    el(el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", EN16931)
    document = el(root, "rsm:ExchangedDocument")
    el(document, "ram:ID", invoice.number)  # BT-1
    el(document, "ram:TypeCode", invoice.type_code)  # BT-3
    date(document, "ram:IssueDateTime", invoice.date)  # BT-2
    for code, text in notes:  # BG-1
        note = el(document, "ram:IncludedNote")
        el(note, "ram:Content", text)
        if code:
            el(note, "ram:SubjectCode", code)

    transaction = el(root, "rsm:SupplyChainTradeTransaction")
    for index, line in enumerate(invoice.lines, start=1):  # BG-25
        item = el(transaction, "ram:IncludedSupplyChainTradeLineItem")
        el(el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(index))
        product = el(item, "ram:SpecifiedTradeProduct")
        el(product, "ram:Name", line.label)  # BT-153
        if line.description:
            el(product, "ram:Description", line.description)
        agreement = el(item, "ram:SpecifiedLineTradeAgreement")
        price = el(agreement, "ram:NetPriceProductTradePrice")
        el(price, "ram:ChargeAmount", amount(line.unit_price))  # BT-146, never negative
        delivery = el(item, "ram:SpecifiedLineTradeDelivery")
        unit = _UNIT_CODES.get(line.unit.lower(), "C62")
        el(delivery, "ram:BilledQuantity", _quantity(line.quantity), unitCode=unit)  # BT-129
        settlement = el(item, "ram:SpecifiedLineTradeSettlement")
        tax(settlement, "ram:ApplicableTradeTax")
        summation = el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        el(summation, "ram:LineTotalAmount", amount(line.amount))  # BT-131

    agreement = el(transaction, "ram:ApplicableHeaderTradeAgreement")
    if client.service_code:
        el(agreement, "ram:BuyerReference", client.service_code)  # BT-10
    seller = el(agreement, "ram:SellerTradeParty")
    el(seller, "ram:Name", consultant.company or consultant.name)  # BT-27
    if consultant.siret:
        legal = el(seller, "ram:SpecifiedLegalOrganization")
        el(legal, "ram:ID", consultant.siret, schemeID="0009")  # BT-30
    _address(el, seller, consultant.address)
    if consultant.email:
        uri = el(seller, "ram:URIUniversalCommunication")
        el(uri, "ram:URIID", consultant.email, schemeID="EM")  # BT-34
    if consultant.vat_number:
        el(el(seller, "ram:SpecifiedTaxRegistration"), "ram:ID", consultant.vat_number,
           schemeID="VA")  # BT-31  # fmt: skip
    elif consultant.siret:
        el(el(seller, "ram:SpecifiedTaxRegistration"), "ram:ID", consultant.siret,
           schemeID="FC")  # BT-32  # fmt: skip
    buyer = el(agreement, "ram:BuyerTradeParty")
    el(buyer, "ram:Name", client.name)  # BT-44
    if client.siret or client.siren:
        legal = el(buyer, "ram:SpecifiedLegalOrganization")
        if client.siret:
            el(legal, "ram:ID", client.siret, schemeID="0009")  # BT-47
        else:
            el(legal, "ram:ID", client.siren, schemeID="0002")
    _address(el, buyer, client.address)
    if pricing.engagement_number:
        order = el(agreement, "ram:BuyerOrderReferencedDocument")
        el(order, "ram:IssuerAssignedID", pricing.engagement_number)  # BT-13
    contract = el(agreement, "ram:ContractReferencedDocument")
    el(contract, "ram:IssuerAssignedID", quote.number)  # BT-12: the accepted devis

    delivery = el(transaction, "ram:ApplicableHeaderTradeDelivery")
    if invoice.period is not None:
        event = el(delivery, "ram:ActualDeliverySupplyChainEvent")
        date(event, "ram:OccurrenceDateTime", invoice.period[1])  # BT-72

    settlement = el(transaction, "ram:ApplicableHeaderTradeSettlement")
    el(settlement, "ram:InvoiceCurrencyCode", quote.currency)  # BT-5
    if consultant.iban:
        means = el(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        el(means, "ram:TypeCode", "58")  # BT-81: SEPA credit transfer
        account = el(means, "ram:PayeePartyCreditorFinancialAccount")
        el(account, "ram:IBANID", consultant.iban)  # BT-84
        if consultant.bic:
            bank = el(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
            el(bank, "ram:BICID", consultant.bic)  # BT-86
    tax(settlement, "ram:ApplicableTradeTax", True, invoice.ht, invoice.vat)  # BG-23
    if invoice.period is not None:
        period = el(settlement, "ram:BillingSpecifiedPeriod")  # BG-14
        date(period, "ram:StartDateTime", invoice.period[0])
        date(period, "ram:EndDateTime", invoice.period[1])
    if invoice.allowance:
        allowance = el(settlement, "ram:SpecifiedTradeAllowanceCharge")  # BG-20
        el(el(allowance, "ram:ChargeIndicator"), "udt:Indicator", "false")
        el(allowance, "ram:ActualAmount", amount(invoice.allowance))  # BT-92
        el(allowance, "ram:ReasonCode", "95")  # BT-98: discount
        from .mentions import discount_label

        el(allowance, "ram:Reason", discount_label(quote.discount_percent, quote.language))
        tax(allowance, "ram:CategoryTradeTax")
    terms = el(settlement, "ram:SpecifiedTradePaymentTerms")
    when = (f"Payment by bank transfer within {quote.payment_days} days"
            if quote.language == "en" else
            f"Paiement par virement à {quote.payment_days} jours")  # fmt: skip
    el(terms, "ram:Description", when)  # BT-20
    date(terms, "ram:DueDateDateTime", invoice.due)  # BT-9
    total = el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    el(total, "ram:LineTotalAmount", amount(invoice.lines_total))  # BT-106
    el(total, "ram:ChargeTotalAmount", amount(Decimal(0)))  # BT-108
    el(total, "ram:AllowanceTotalAmount", amount(invoice.allowance))  # BT-107
    el(total, "ram:TaxBasisTotalAmount", amount(invoice.ht))  # BT-109
    el(total, "ram:TaxTotalAmount", amount(invoice.vat), currencyID=quote.currency)  # BT-110
    el(total, "ram:GrandTotalAmount", amount(invoice.ttc))  # BT-112
    el(total, "ram:TotalPrepaidAmount", amount(Decimal(0)))  # BT-113
    el(total, "ram:DuePayableAmount", amount(invoice.ttc))  # BT-115
    if invoice.cancels is not None:
        referenced = el(settlement, "ram:InvoiceReferencedDocument")  # BG-3
        el(referenced, "ram:IssuerAssignedID", invoice.cancels.number)  # BT-25
        issued = el(referenced, "ram:FormattedIssueDateTime")  # BT-26
        el(issued, "qdt:DateTimeString", invoice.cancels.date.strftime("%Y%m%d"), format="102")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _address(el: Any, party: Any, address: str) -> None:
    street, postcode, city = split_address(address)
    node = el(party, "ram:PostalTradeAddress")
    if postcode:
        el(node, "ram:PostcodeCode", postcode)  # BT-38 / BT-53
    if street:
        el(node, "ram:LineOne", street)
    if city:
        el(node, "ram:CityName", city)
    el(node, "ram:CountryID", "FR")  # BT-40 / BT-55
