"""`dialogue invoice` on the example: Factur-X PDFs checked by factur-x, pikepdf and the EN 16931 schematron."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dialogue_cli.cli import app

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is needed to draw the invoice PDF",
)


def invoice(runner: CliRunner, folder: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["invoice", str(folder), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def schematron_failures(xml: bytes) -> list[str]:
    """The EN 16931 schematron that factur-x ships, run offline with SaxonC (factur-x's own
    xml_check_schematron posts it to a Saxon server). Returns the fatal failures."""
    import importlib.resources

    from lxml import etree
    from saxonche import PySaxonProcessor

    base = (
        Path(str(importlib.resources.files("facturx"))) / "xsd_and_schematron" / "facturx-en16931"
    )
    xsl = (base / "FACTUR-X_EN16931.xslt").read_text(encoding="utf-8")
    codedb = base / "FACTUR-X_EN16931_codedb.xml"
    xsl = xsl.replace(codedb.name, codedb.as_uri())
    with PySaxonProcessor(license=False) as processor:
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=xsl)
        report = executable.transform_to_string(
            xdm_node=processor.parse_xml(xml_text=xml.decode("utf-8"))
        )
    root = etree.fromstring(report.encode("utf-8"))
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    assert root.xpath("//svrl:fired-rule", namespaces=ns), "the schematron ran no rule"
    return [
        f"{node.get('id')}: {' '.join(node.xpath('string(svrl:text)', namespaces=ns).split())}"
        for node in root.xpath("//svrl:failed-assert", namespaces=ns)
        if node.get("flag") != "warning"
    ]


def check_facturx(pdf_path: Path) -> Any:
    """The PDF carries its CII XML (factur-x's own XSD check passes) and declares PDF/A-3."""
    import pikepdf
    from facturx import get_facturx_xml_from_pdf, xml_check_xsd
    from lxml import etree

    data = pdf_path.read_bytes()
    with pikepdf.open(pdf_path) as pdf:
        assert list(pdf.attachments) == ["factur-x.xml"]
        spec = pdf.Root.AF[0]
        assert str(spec.AFRelationship) == "/Data" and str(spec.F) == "factur-x.xml"
        assert "/OutputIntents" in pdf.Root  # the PDF/A output intent LibreOffice writes
        with pdf.open_metadata() as meta:
            assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("3", "B")
        xmp = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")
        assert "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>" in xmp
    name, xml = get_facturx_xml_from_pdf(data, check_xsd=False)
    assert name == "factur-x.xml"
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931") is True
    assert schematron_failures(xml) == []
    return etree.fromstring(xml)


RAM = "{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}"


def amount(root: Any, name: str) -> D:
    return D(root.find(f".//{RAM}SpecifiedTradeSettlementHeaderMonetarySummation/{RAM}{name}").text)


def ledger_lines(example: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in (example / "factures.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def test_avance_acomptes_and_solde_add_up_to_the_devis(runner: CliRunner, example: Path) -> None:
    code, out, err = invoice(runner, example, "--stage", "avance", "--date", "2027-01-11")
    assert code == 0, err
    assert "Facture d'avance n° FAC-0001 du 11 janvier 2027" in out
    assert "Wrote" in out and "factures/FAC-0001.pdf" in out
    root = check_facturx(example / "factures" / "FAC-0001.pdf")
    assert (amount(root, "TaxBasisTotalAmount"), amount(root, "GrandTotalAmount")) == (
        D("799.00"),
        D("958.80"),
    )
    assert (
        root.find(f".//{RAM}BuyerReference").text == "DEMOCRATIE-LOCALE"
    )  # Chorus Pro service code
    assert (
        root.find(f".//{RAM}BuyerTradeParty/{RAM}SpecifiedLegalOrganization/{RAM}ID").text
        == "21490999600016"
    )
    assert (
        root.find(f".//{RAM}BuyerOrderReferencedDocument/{RAM}IssuerAssignedID").text
        == "EJ-2027-0042"
    )
    assert root.find(f".//{RAM}IBANID").text == "FR7630006000011234567890189"
    notes = [n.text for n in root.iter(f"{RAM}Content")]
    assert "Catégorie d'opération : prestation de services." in notes
    assert any("40,00\u00a0€" in note for note in notes)

    code, out, err = invoice(runner, example, "--stage", "acompte", "--phases", "cadrage,preparation",
                             "--date", "2027-01-15", "--json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)  # stdout is pure JSON
    assert (data["number"], data["ht"], data["vat"], data["ttc"]) == (
        "FAC-0002",
        "2916.66",
        "583.33",
        "3499.99",
    )
    check_facturx(example / "factures" / "FAC-0002.pdf")
    before = (example / "factures.jsonl").read_text(encoding="utf-8")

    code, out, err = invoice(runner, example, "--stage", "solde", "--date", "2027-03-15")
    assert code == 0, err
    root = check_facturx(example / "factures" / "FAC-0003.pdf")
    # 15 980 - 799 - 2 916.66 = 12 264.34 HT; 3 196 - 159.80 - 583.33 = 2 452.87 VAT; 14 717.21 TTC
    assert (amount(root, "TaxBasisTotalAmount"), amount(root, "TaxTotalAmount"), amount(root, "DuePayableAmount")) == (
        D("12264.34"), D("2452.87"), D("14717.21"))  # fmt: skip
    assert amount(root, "LineTotalAmount") == D("12264.34")  # the deductions are negative lines
    lines = ledger_lines(example)
    assert (
        (example / "factures.jsonl").read_text(encoding="utf-8").startswith(before)
    )  # appended only
    assert [line["number"] for line in lines] == ["FAC-0001", "FAC-0002", "FAC-0003"]
    assert sum(D(line["ttc"]) for line in lines) == D(
        "19176.00"
    )  # the devis' total TTC, to the cent
    assert lines[2]["file"] == "factures/FAC-0003.pdf" and len(lines[2]["sha256"]) == 64

    # a second solde is refused, and nothing is written
    files = sorted(p.name for p in (example / "factures").iterdir())
    ledger = (example / "factures.jsonl").read_bytes()
    code, out, err = invoice(runner, example, "--stage", "solde", "--date", "2027-03-16")
    assert code == 1 and "already invoiced (FAC-0003)" in err and out == ""
    assert sorted(p.name for p in (example / "factures").iterdir()) == files
    assert (example / "factures.jsonl").read_bytes() == ledger

    # a credit note cancels the solde; the solde can then be issued again under a new number
    code, out, err = invoice(runner, example, "--credit-note", "FAC-0003", "--date", "2027-03-20")
    assert code == 0, err
    assert "Avoir n° FAC-0004" in out
    root = check_facturx(example / "factures" / "FAC-0004.pdf")
    assert root.find(".//{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}ExchangedDocument/"
                     f"{RAM}TypeCode").text == "381"  # fmt: skip
    assert root.find(f".//{RAM}InvoiceReferencedDocument/{RAM}IssuerAssignedID").text == "FAC-0003"
    code, out, err = invoice(runner, example, "--stage", "solde", "--date", "2027-03-21", "--out",
                             str(example / "solde.pdf"))  # fmt: skip
    assert code == 0, err
    check_facturx(example / "solde.pdf")
    lines = ledger_lines(example)
    assert [(line["number"], line["kind"], line["cancels"]) for line in lines[3:]] == [
        ("FAC-0004", "credit_note", "FAC-0003"), ("FAC-0005", "invoice", None)]  # fmt: skip
    standing = [
        line for line in lines if line["kind"] == "invoice" and line["number"] != "FAC-0003"
    ]
    assert sum(D(line["ttc"]) for line in standing) == D("19176.00")


def test_bad_requests_write_nothing(runner: CliRunner, example: Path) -> None:
    for args, words in (
        (("--stage", "deposit"), "--stage deposit: not a stage: avance, acompte or solde"),
        ((), "say which invoice"),
        (("--stage", "acompte"), "a public client pays only for services performed"),
        (("--stage", "acompte", "--phases", "cadrag"), "did you mean 'cadrage'?"),
        (("--stage", "solde", "--out", "facture.docx"), "an invoice is a .pdf file"),
        (
            ("--stage", "solde", "--out", str(example / "engagement.yaml")),
            "an invoice is a .pdf file",
        ),
        (("--credit-note", "FAC-0001", "--stage", "solde"), "without --stage"),
        (("--credit-note", "FAC-0001"), "no such invoice in the ledger"),
    ):
        code, _out, err = invoice(runner, example, *args)
        assert code == 1 and words in err, (args, err)
    assert not (example / "factures.jsonl").exists() and not (example / "factures").exists()


def test_a_public_client_with_a_deposit_is_warned_by_check(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  discount_percent: 0\n", "  discount_percent: 0\n  deposit_percent: 30\n"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  deposit_percent: 30") + 1
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: ")
    assert (
        f"engagement.yaml:{line}:20: pricing.deposit_percent: a public client (commune)"
        in result.stderr
    )
    assert "R2191-3" in result.stderr
    # the quote leaves the deposit out all the same
    result = runner.invoke(app, ["quote", str(example), "--json"])
    assert json.loads(result.stdout)["deposit"] == "0.00"


def test_a_private_client_under_the_franchise_pays_a_deposit(
    runner: CliRunner, example: Path
) -> None:
    path = example / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("  kind: commune\n", "  kind: prive\n")
        .replace(
            "  vat_rate: 20\n",
            '  vat_rate: 0\n  vat_exemption: "TVA non applicable, art. 293 B du CGI"\n',
        )
        .replace("  advance: {percent: 5}\n", "")
    )
    text = text.replace("  vat_number: FR44732829320\n", "")
    path.write_text(text, encoding="utf-8")
    code, out, err = invoice(
        runner, example, "--stage", "acompte", "--date", "2027-01-05", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    # 15 980 HT, no VAT: the deposit is 30 % = 4 794.00, a prepayment invoice
    assert (data["stage"], data["type_code"], data["ht"], data["vat"], data["ttc"]) == (
        "deposit", "386", "4794.00", "0.00", "4794.00")  # fmt: skip
    root = check_facturx(example / "factures" / "FAC-0001.pdf")
    assert (
        root.find(
            f".//{RAM}ApplicableHeaderTradeSettlement/{RAM}ApplicableTradeTax/{RAM}CategoryCode"
        ).text
        == "E"
    )
    assert root.find(f".//{RAM}ExemptionReason").text == "TVA non applicable, art. 293 B du CGI"
    notes = [n.text for n in root.iter(f"{RAM}Content")]
    assert any("L441-10" in note for note in notes) and not any("Chorus" in note for note in notes)
    code, out, err = invoice(runner, example, "--stage", "solde", "--date", "2027-03-15", "--json")
    assert code == 0, err
    assert json.loads(out)["ttc"] == "11186.00"  # 15 980 - 4 794
    check_facturx(example / "factures" / "FAC-0002.pdf")
