"""Issue an invoice: compute it, render its PDF/A-3 from a Word template, attach its CII XML, record it.

The route, and why: the invoice is a document of the consultant like the devis, so it is drawn
from a Word template (``facture.docx``, built by ``scripts/build_templates.py``, overridable by a
``templates/facture.docx`` beside the engagement or ``--templates``) through the same sandboxed
docxtpl render as the deliverables; LibreOffice then exports it as **PDF/A-3b** (its
``SelectPdfVersion`` filter option), fonts embedded; the ``factur-x`` library checks the CII XML
against the EN 16931 XSD, attaches it as ``factur-x.xml`` (AFRelationship *Data*) and writes the
Factur-X XMP metadata that declares PDF/A-3 and the profile. One template engine for every
document, and a PDF made by a tool that knows PDF/A, rather than a second layout engine.

The order of operations keeps the ledger and the files in step: the ledger is locked; the
invoice is computed from what the ledger says; its PDF is rendered in memory; the PDF is staged
beside its target, the ledger line appended (atomically: a temp file and a move), then the PDF
moved into place. An invoice PDF is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.errors import DialogueError, FileProblem
from .catalog import Deliverable
from .pdf import TIMEOUT_SECONDS, PdfError, find_soffice

if TYPE_CHECKING:
    from ..engagement.loader import Project
    from ..engagement.model import Engagement
    from ..pricing.invoice import Invoice, Record, Stage
    from .values import Fmt

INVOICE = Deliverable("facture", "Facture", "Invoice", "Facture électronique Factur-X",
                      "Factur-X electronic invoice", "invoice")  # fmt: skip
# LibreOffice's PDF export options: PDF/A-3b (SelectPdfVersion 3), tagged, fonts embedded.
PDFA3_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"3"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)


@dataclass(frozen=True)
class Issued:
    """An invoice issued: what it says, where its PDF is, the ledger line recorded."""

    invoice: Invoice
    path: Path
    record: Record
    xml: bytes


# ---------------------------------------------------------------- the context


def invoice_context(
    invoice: Invoice, engagement: Engagement, f: Fmt, logo: Any = ""
) -> dict[str, Any]:
    """The plain-data context of ``facture.docx``: every value ready to print."""
    from ..engagement.model.identity import format_siren, format_siret
    from ..pricing.invoice_mentions import invoice_notes, invoice_title
    from ..pricing.mentions import discount_label
    from ..pricing.quote import unit_label
    from .contexts.shared import consultant_identity

    quote = invoice.quote
    c = engagement.consultant
    client = engagement.client
    pricing = engagement.pricing
    title = invoice_title(invoice)
    brand_name = engagement.brand.name or c.company or c.name

    def eur(value: Any) -> str:
        return f.money(value, quote.currency)

    notes = [text for _code, text in invoice_notes(invoice, c, client, pricing)]
    lines = [
        {
            "label": f.t(line.label),
            "description": f.t(line.description),
            "quantity": f.number(abs(line.quantity))
            if line.quantity >= 0
            else "\u2212" + f.number(-line.quantity),
            "unit": f.t(unit_label(line.unit, abs(line.quantity), quote.language)),
            "unit_price": eur(line.unit_price),
            "amount": ("\u2212" + eur(-line.amount)) if line.amount < 0 else eur(line.amount),
        }
        for line in invoice.lines
    ]
    return {
        "doc": {
            "name": "facture",
            "title": f.t(title),
            "audience": "",
            "subject": f.t(engagement.engagement.title),
            "date": f.date(invoice.date),
            "reference": f.t(invoice.number),
            "language": f.language,
        },
        "client": {
            "name": f.t(client.name),
            "address": f.t(client.address),
            "siren": format_siren(client.siren) if client.siren else "",
            "siret": format_siret(client.siret) if client.siret else "",
            "service_code": f.t(client.service_code),
            "public": client.public,
        },
        "brand": {
            "name": f.t(brand_name),
            "color": engagement.brand.primary_color.lstrip("#").upper(),
            "logo": logo,
        },
        "consultant": consultant_identity(c, f),
        "invoice": {
            "title": f.t(title),
            "number": f.t(invoice.number),
            "date": f.date(invoice.date),
            "due": "" if invoice.kind == "credit_note" else f.date(invoice.due),
            "quote_number": f.t(quote.number),
            "quote_date": f.date(quote.date),
            "engagement_number": f.t(pricing.engagement_number),
            "period": (f.date(invoice.period[0]) + " – " + f.date(invoice.period[1]))
            if invoice.period
            else "",
            "lines": lines,
            "allowance_label": f.t(discount_label(quote.discount_percent, quote.language))
            if invoice.allowance
            else "",
            "allowance": ("\u2212" + eur(invoice.allowance)) if invoice.allowance else "",
            "ht": eur(invoice.ht),
            "vat_rate": f.percent(quote.vat_rate),
            "vat": eur(invoice.vat),
            "vat_exemption": f.t(quote.vat_exemption or ""),
            "ttc": eur(invoice.ttc),
            "due_amount": eur(invoice.ttc),
            "solde": invoice.stage == "solde" and invoice.kind == "invoice",
            "contract_ht": eur(invoice.contract_ht),
            "contract_vat": eur(invoice.contract_vat),
            "contract_ttc": eur(invoice.contract_ttc),
            "deducted_ttc": eur(sum((r.ttc for r in invoice.deductions), Decimal(0))),
            "credit_note": invoice.kind == "credit_note",
            "mentions": [f.t(text) for text in notes],
        },
    }


# ---------------------------------------------------------------- PDF/A-3 and Factur-X


def to_pdfa(docx: bytes, name: str, soffice: str | None = None) -> bytes:
    """A Word document's PDF/A-3b export by LibreOffice (own throw-away profile), as bytes.

    Raises:
        PdfError: LibreOffice is missing, too slow, or produced no PDF.
    """
    binary = soffice or find_soffice()
    with tempfile.TemporaryDirectory(prefix="dialogue-invoice-") as scratch:
        folder = Path(scratch)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        profile = folder / f"profile-{uuid.uuid4().hex}"
        out = folder / "out"
        out.mkdir()
        from .fonts import environment, fontconfig_file

        env = environment(fontconfig_file(folder))  # the fonts shipped with dialogue too
        command = [binary, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                   f"-env:UserInstallation={profile.as_uri()}", "--convert-to", PDFA3_FILTER,
                   "--outdir", str(out), str(source)]  # fmt: skip
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env=env,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice did not finish within {TIMEOUT_SECONDS} s; no invoice written"
            ) from None
        except OSError as error:
            raise PdfError(f"cannot run {binary}: {error}") from None
        pdf = out / f"{name}.pdf"
        if not pdf.exists() or pdf.stat().st_size < 1000:
            detail = (result.stderr or result.stdout).strip().splitlines()
            hint = f": {detail[-1]}" if detail else ""
            raise PdfError(f"{name}: LibreOffice produced no PDF (exit {result.returncode}){hint}")
        return pdf.read_bytes()


def facturx_pdf(pdf: bytes, xml: bytes, invoice: Invoice, seller: str) -> bytes:
    """``pdf`` with ``xml`` attached as a Factur-X EN 16931 invoice (checked against the XSD).

    Raises:
        DialogueError: the XML fails the profile's XSD (a bug of dialogue: reported whole).
    """
    import logging

    from facturx import generate_from_binary

    logging.getLogger("factur-x").setLevel(logging.ERROR)
    from ..pricing.invoice_mentions import invoice_title

    title = f"{seller}: {invoice_title(invoice)} {invoice.number}"
    metadata = {
        "author": seller,
        "keywords": "Factur-X, " + ("Avoir" if invoice.kind == "credit_note" else "Facture"),
        "title": title,
        "subject": f"{invoice_title(invoice)} {invoice.number} du {invoice.date.isoformat()}",
    }
    lang = "en-GB" if invoice.quote.language == "en" else "fr-FR"
    try:
        return bytes(generate_from_binary(pdf, xml, flavor="factur-x", level="en16931",
                                          check_xsd=True, pdf_metadata=metadata, lang=lang))  # fmt: skip
    except Exception as error:  # factur-x raises a bare Exception on an XSD failure
        raise DialogueError(f"the invoice's Factur-X XML was refused: {error}") from None


# ---------------------------------------------------------------- issuing


@contextlib.contextmanager
def _locked(ledger: Path) -> Iterator[None]:
    """Hold an exclusive lock on the ledger's lock file (POSIX), so that two runs cannot both
    take the same number; elsewhere no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock = ledger.with_name(f".{ledger.name}.lock")
    try:
        handle = lock.open("a")
    except OSError as error:
        from ..common.atomic import os_problem

        raise os_problem(lock, "create the ledger's lock file", error) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_ledger(project: Project) -> tuple[Path, str, list[Record]]:
    """The ledger's path, text and records (an absent ledger is empty)."""
    from ..common.files import display_name, read_bytes
    from ..pricing.ledger import parse_ledger

    path = project.base_dir / project.engagement.pricing.ledger
    if not path.exists():
        return path, "", []
    name = display_name(path)
    data = read_bytes(path, name, "ledger")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FileProblem(
            f"{name}: the ledger is not UTF-8 text; restore it from a backup"
        ) from None
    return path, text, parse_ledger(text, name)


def issue(
    project: Project,
    *,
    stage: Stage | None,
    phases: Sequence[str] = (),
    on: dt.date | None = None,
    out: Path | None = None,
    credit_note: str | None = None,
    templates_dir: Path | None = None,
    soffice: str | None = None,
) -> Issued:
    """Issue the next invoice (or credit note) of the project and record it in the ledger.

    Raises:
        InvoiceRefused: the stage is not possible (a second solde, a phase already invoiced...).
        FileProblem: the PDF exists already, the ledger cannot be read or written.
        PdfError: LibreOffice failed.
    """
    from ..common.atomic import os_problem, refuse_inputs, staged, write_atomic
    from ..common.files import display_name
    from ..engagement.inputs import project_inputs
    from ..planning.plan import build_plan
    from ..pricing.facturx_xml import cii_xml
    from ..pricing.invoice import InvoiceRefused, compute_invoice, next_number
    from ..pricing.invoice_mentions import invoice_notes
    from ..pricing.ledger import append, for_quote
    from ..pricing.quote import build_quote
    from .documents import render_one
    from .invoice_basis import build_basis
    from .results import Results
    from .templates import locate
    from .values import Fmt
    from .writer import to_bytes, validate_docx

    engagement = project.engagement
    date = on or dt.date.today()
    quote = build_quote(project)
    _check_parties(engagement, quote.vat_rate > 0)
    basis = build_basis(engagement, quote, build_plan(engagement))
    ledger = project.base_dir / engagement.pricing.ledger
    refuse_inputs(ledger, [project.path], "pricing.ledger")
    with _locked(ledger):
        _path, old, history = read_ledger(project)
        last = max((record.date for record in history), default=None)
        if last is not None and date < last:
            raise InvoiceRefused(
                f"--date {date.isoformat()} is before the last line of {display_name(ledger)} "
                f"({last.isoformat()}): invoices are numbered in the order of their dates"
            )
        number = next_number(history, engagement.pricing.invoice_prefix)
        invoice = compute_invoice(basis, for_quote(history, quote.number), stage=stage,
                                  number=number, date=date, phases=phases,
                                  credit_note=credit_note)  # fmt: skip
        target = out or project.base_dir / "factures" / f"{number}.pdf"
        refuse_inputs(target, project_inputs(project, templates_dir), "--out")
        if target.exists():
            raise FileProblem(
                f"{display_name(target)}: exists already; an invoice is never overwritten "
                "(choose another --out)"
            )
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_problem(target.parent, "create the folder", error) from None
        f = Fmt(engagement.language)
        results = Results(project, today=date, cache=None)
        context = invoice_context(invoice, engagement, f, results.logo)
        source = locate(INVOICE, templates_dir, project.base_dir, engagement.language)
        docx = to_bytes(render_one(source, context, project).save)
        validate_docx(docx, INVOICE.filename)
        notes = invoice_notes(invoice, engagement.consultant, engagement.client, engagement.pricing)
        xml = cii_xml(invoice, engagement.consultant, engagement.client, engagement.pricing, notes)
        seller = engagement.consultant.company or engagement.consultant.name or "dialogue"
        pdf = facturx_pdf(to_pdfa(docx, number, soffice), xml, invoice, seller)
        digest = hashlib.sha256(pdf).hexdigest()
        try:
            shown = target.resolve().relative_to(ledger.resolve().parent).as_posix()
        except ValueError:
            shown = str(target.resolve())
        record = invoice.record(file=shown, sha256=digest)
        with staged(target) as temp:
            try:
                temp.write_bytes(pdf)
            except OSError as error:
                raise os_problem(target, "write it", error) from None
            write_atomic(ledger, append(old, record, history).encode("utf-8"))
        return Issued(invoice, target, record, xml)


def _check_parties(engagement: Engagement, vat: bool) -> None:
    """What an invoice cannot do without: the seller's identity, and its VAT number with VAT."""
    from ..pricing.invoice import InvoiceRefused

    c = engagement.consultant
    missing = [name for name, value in (("consultant.company (or name)", c.company or c.name),
                                        ("consultant.siret", c.siret),
                                        ("consultant.address", c.address),
                                        ("client.address", engagement.client.address)) if not value]  # fmt: skip
    if vat and not c.vat_number:
        missing.append("consultant.vat_number (the invoice charges VAT)")
    if missing:
        raise InvoiceRefused(f"an invoice needs {', '.join(missing)}: fill them in engagement.yaml")


def invoice_warnings(engagement: Engagement) -> list[str]:
    """What the consultant should know about an invoice to a public buyer (Chorus Pro data)."""
    out = []
    client = engagement.client
    if client.public and not client.siret:
        out.append("client.siret is empty: Chorus Pro identifies the buyer by its SIRET")
    if not engagement.consultant.iban:
        out.append("consultant.iban is empty: the invoice gives no bank details for the transfer")
    return out
