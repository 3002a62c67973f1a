"""The invoices that follow an accepted devis: avance, deposit, acomptes by phase, solde, credit notes.

Pure: :func:`compute_invoice` takes the accepted quote (its :class:`Basis`), what the ledger
says was already issued (:class:`Record`) and the stage asked for, and returns the invoice.
Each stage deducts what earlier ones invoiced, so that the invoices of an engagement (credit
notes cancelling some of them aside) add up exactly, to the cent, to the devis' total TTC:

* **avance** (public buyer, ``pricing.advance``): ``percent`` of the total HT, its VAT added
  (code de la commande publique, art. R2191-3 and following);
* **deposit** (private client, ``--stage acompte`` without phases): ``deposit_percent`` of the
  total HT, its VAT added;
* **acompte** for phases performed (``--phases``): each phase at its share of the package
  (the DPGF's amounts), less the discount, less the avance recovered on it (CCP R2191-20 and
  following);
* **solde**: the whole devis, less every earlier invoice, HT and VAT apart: its VAT is the
  devis' VAT less the VAT already invoiced;
* a **credit note** cancels the last invoice still standing, for its whole amount.

The rules, with their articles, are in ``docs/quote.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Literal

from ..common.errors import DialogueError
from .quote import cents, vat_of

if TYPE_CHECKING:
    from ..engagement.model import Advance
    from .quote import Quote

Stage = Literal["avance", "acompte", "solde"]
Kind = Literal["invoice", "credit_note"]
STAGES: tuple[Stage, ...] = ("avance", "acompte", "solde")
ZERO = Decimal("0.00")

# UNTDID 1001 document type codes (EN 16931 BT-3).
PREPAYMENT, COMMERCIAL, CREDIT_NOTE = "386", "380", "381"


class InvoiceRefused(DialogueError):
    """An invoice that cannot be issued (a second solde, a phase already invoiced...)."""


@dataclass(frozen=True)
class PhaseShare:
    """One phase of the package, its share of the package price (HT) and its planned dates."""

    name: str
    label: str
    days: Decimal
    amount: Decimal
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Basis:
    """What the invoices of an engagement are computed from: the accepted devis and its plan."""

    quote: Quote
    phases: tuple[PhaseShare, ...]
    advance: Advance | None = None

    @property
    def public(self) -> bool:
        return self.quote.public

    def phase(self, name: str) -> PhaseShare | None:
        return next((phase for phase in self.phases if phase.name == name), None)


@dataclass(frozen=True)
class Record:
    """One line of the ledger: an invoice or credit note as it was issued (never recomputed).

    ``services_ht`` is the value invoiced before the avance recovered on it (after the
    discount); ``recovery_ht`` the avance recovered; ``ht``, ``vat`` and ``ttc`` what the
    document itself bears. ``stage`` is ``deposit`` for a private client's deposit.
    """

    number: str
    kind: Kind
    stage: str
    date: dt.date
    quote: str
    quote_total_ttc: Decimal
    ht: Decimal
    vat: Decimal
    ttc: Decimal
    phases: tuple[str, ...] = ()
    services_ht: Decimal = ZERO
    recovery_ht: Decimal = ZERO
    cancels: str | None = None
    file: str = ""
    sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "stage": self.stage,
            "date": self.date.isoformat(),
            "quote": self.quote,
            "quote_total_ttc": f"{self.quote_total_ttc:.2f}",
            "ht": f"{self.ht:.2f}",
            "vat": f"{self.vat:.2f}",
            "ttc": f"{self.ttc:.2f}",
            "phases": list(self.phases),
            "services_ht": f"{self.services_ht:.2f}",
            "recovery_ht": f"{self.recovery_ht:.2f}",
            "cancels": self.cancels,
            "file": self.file,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class InvoiceLine:
    """One line of an invoice, HT. Deductions (earlier invoices, avance recovered) are negative."""

    label: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    kind: Literal["service", "advance", "deposit", "recovery", "deduction", "cancel"]
    description: str = ""
    days: Decimal | None = None


@dataclass(frozen=True)
class Invoice:
    """An invoice or credit note ready to print and to record; amounts in cents.

    ``lines`` add up to ``lines_total``; ``allowance`` is the discount on this invoice's fees
    (a document-level allowance); ``ht = lines_total - allowance``. A solde also carries the
    devis' totals (``contract_*``) that its deductions are taken from.
    """

    number: str
    kind: Kind
    stage: str
    date: dt.date
    due: dt.date
    type_code: str
    lines: tuple[InvoiceLine, ...]
    allowance: Decimal
    ht: Decimal
    vat: Decimal
    quote: Quote
    phases: tuple[str, ...] = ()
    services_ht: Decimal = ZERO
    recovery_ht: Decimal = ZERO
    cancels: Record | None = None
    deductions: tuple[Record, ...] = ()
    period: tuple[dt.date, dt.date] | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def ttc(self) -> Decimal:
        return self.ht + self.vat

    @property
    def lines_total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def contract_ht(self) -> Decimal:
        return self.quote.total_ht

    @property
    def contract_vat(self) -> Decimal:
        return self.quote.vat

    @property
    def contract_ttc(self) -> Decimal:
        return self.quote.total_ttc

    def record(self, file: str = "", sha256: str = "") -> Record:
        """The ledger line of this invoice."""
        return Record(
            number=self.number, kind=self.kind, stage=self.stage, date=self.date,
            quote=self.quote.number, quote_total_ttc=self.quote.total_ttc, ht=self.ht,
            vat=self.vat, ttc=self.ttc, phases=self.phases, services_ht=self.services_ht,
            recovery_ht=self.recovery_ht, cancels=self.cancels.number if self.cancels else None,
            file=file, sha256=sha256,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape: amounts as strings with two decimals."""

        def money(value: Decimal) -> str:
            return f"{value:.2f}"

        return {
            "number": self.number,
            "kind": self.kind,
            "stage": self.stage,
            "type_code": self.type_code,
            "date": self.date.isoformat(),
            "due": self.due.isoformat(),
            "quote": self.quote.number,
            "phases": list(self.phases),
            "lines": [
                {
                    "label": line.label,
                    "quantity": format(line.quantity.normalize(), "f"),
                    "unit": line.unit,
                    "unit_price": money(line.unit_price),
                    "amount": money(line.amount),
                    "kind": line.kind,
                }
                for line in self.lines
            ],
            "allowance": money(self.allowance),
            "ht": money(self.ht),
            "vat": money(self.vat),
            "ttc": money(self.ttc),
            "recovery_ht": money(self.recovery_ht),
            "cancels": self.cancels.number if self.cancels else None,
            "contract": {
                "ht": money(self.contract_ht),
                "vat": money(self.contract_vat),
                "ttc": money(self.contract_ttc),
            },
            "deductions": [record.number for record in self.deductions],
        }


# ---------------------------------------------------------------- the ledger's state


def standing(history: Sequence[Record]) -> list[Record]:
    """The invoices still standing: not credit notes, not cancelled by one, in issue order."""
    cancelled = {record.cancels for record in history if record.kind == "credit_note"}
    return [r for r in history if r.kind == "invoice" and r.number not in cancelled]


def next_number(history: Sequence[Record], prefix: str) -> str:
    """The next number of the one continuous sequence of the ledger: ``FAC-0004`` after 3 lines.

    Numbers are never reused: the sequence counts every line ever recorded, credit notes too.
    """
    return f"{prefix}{len(history) + 1:04d}"


# ---------------------------------------------------------------- computation


def _words(language: str) -> dict[str, str]:
    if language == "en":
        return {"lump": "package", "unit": "unit", "day": "day"}
    return {"lump": "forfait", "unit": "unité", "day": "jour"}


def _days(days: Decimal, language: str) -> str:
    from ..common.formatting import number

    singular = days < 2 if language != "en" else days == 1
    word = (
        ("day" if singular else "days") if language == "en" else ("jour" if singular else "jours")
    )
    return f"{number(days, language)} {word}"


def _recovered_until(
    advance_ht: Decimal, advance: Advance, done: Decimal, total: Decimal
) -> Decimal:
    """How much of the avance (HT) is recovered once services worth ``done`` of ``total`` HT
    are invoiced: nothing below ``recovery_from`` %, all of it from ``recovery_until`` %,
    in proportion between the two; rounded half up to the cent."""
    if total <= 0 or advance_ht <= 0:
        return ZERO
    with localcontext() as context:
        context.prec = 60
        ratio = done / total * 100
        start, end = advance.recovery_from, advance.recovery_until
        if ratio >= end:
            return advance_ht
        if ratio < start or end == start:
            return ZERO
        return cents(advance_ht * (ratio - start) / (end - start))


def compute_invoice(
    basis: Basis,
    history: Sequence[Record],
    *,
    stage: Stage | None,
    number: str,
    date: dt.date,
    phases: Sequence[str] = (),
    credit_note: str | None = None,
) -> Invoice:
    """The next invoice of the engagement (pure: the ledger's lines are passed in).

    Args:
        basis: the accepted devis and its phases.
        history: every line of the ledger for this devis, in order.
        stage: avance, acompte or solde (None with ``credit_note``).
        number: the number the invoice will bear (:func:`next_number`).
        date: its date of issue.
        phases: for an acompte, the phases performed that it invoices.
        credit_note: the number of the invoice to cancel; the result is then a credit note.

    Raises:
        InvoiceRefused: the stage is not possible given the client or what was issued.
    """
    quote = basis.quote
    due = date + dt.timedelta(days=quote.payment_days)
    last = max((record.date for record in history), default=None)
    if last is not None and date < last:
        raise InvoiceRefused(
            f"--date {date.isoformat()} is before the last invoice of the ledger "
            f"({last.isoformat()}): invoices are numbered in the order of their dates"
        )
    for record in history:
        if record.quote_total_ttc != quote.total_ttc:
            raise InvoiceRefused(
                f"invoice {record.number} followed devis {record.quote} at {record.quote_total_ttc} € TTC, "
                f"but the devis now totals {quote.total_ttc} € TTC: an accepted devis does not change "
                "(restore its pricing, or cancel the invoices with credit notes and issue a new devis)"
            )
    alive = standing(history)
    if credit_note is not None:
        return _credit_note(basis, history, alive, credit_note, number, date, due)
    if stage is None:
        raise InvoiceRefused("say which invoice: --stage avance, acompte or solde")
    if any(record.stage == "solde" for record in alive):
        raise InvoiceRefused(
            f"the solde of devis {quote.number} is already invoiced ({_solde(alive).number}): "
            "nothing is left to invoice; a credit note (--credit-note NUMBER) cancels an invoice"
        )
    if stage == "avance":
        invoice = _advance(basis, alive, number, date, due)
    elif stage == "acompte":
        invoice = _acompte(basis, alive, phases, number, date, due)
    else:
        if phases:
            raise InvoiceRefused("--phases is for an acompte; the solde invoices all that is left")
        invoice = _solde_invoice(basis, alive, number, date, due)
    issued = sum((record.ttc for record in alive), ZERO) + invoice.ttc
    if issued > quote.total_ttc or invoice.ttc < 0:
        raise InvoiceRefused(
            f"this invoice would bring the invoices of devis {quote.number} to {issued} € TTC, "
            f"more than its total of {quote.total_ttc} € TTC"
        )
    return invoice


def _solde(alive: Sequence[Record]) -> Record:
    return next(record for record in alive if record.stage == "solde")


def _advance(
    basis: Basis, alive: Sequence[Record], number: str, date: dt.date, due: dt.date
) -> Invoice:
    from ..common.formatting import money, percent

    quote = basis.quote
    lang = quote.language
    if not basis.public:
        raise InvoiceRefused(
            "an avance is a public-procurement payment (CCP R2191-3); a private client pays a "
            "deposit: --stage acompte without --phases"
        )
    if basis.advance is None or quote.advance_ht <= 0:
        raise InvoiceRefused(
            "the engagement sets no avance: add pricing.advance.percent (as the contract does) "
            "to invoice one"
        )
    if alive:
        raise InvoiceRefused(
            f"the avance is paid before any other invoice, and {alive[0].number} "
            f"({alive[0].stage}) is already issued"
        )
    rate = percent(quote.advance_percent, lang)
    label = (
        f"Avance of {rate} on the contract (devis {quote.number}, {money(quote.total_ttc, lang)} incl. VAT)"
        if lang == "en" else
        f"Avance de {rate} sur le marché (devis {quote.number}, {money(quote.total_ttc, lang)} TTC)"
    )  # fmt: skip
    line = InvoiceLine(label, Decimal(1), _words(lang)["lump"], quote.advance_ht,
                       quote.advance_ht, "advance")  # fmt: skip
    return Invoice(number, "invoice", "avance", date, due, PREPAYMENT, (line,), ZERO,
                   quote.advance_ht, quote.advance_vat, quote,
                   services_ht=quote.advance_ht)  # fmt: skip


def _deposit(
    basis: Basis, alive: Sequence[Record], number: str, date: dt.date, due: dt.date
) -> Invoice:
    from ..common.formatting import percent

    quote = basis.quote
    lang = quote.language
    if quote.deposit <= 0:
        raise InvoiceRefused(
            "the devis asks no deposit (pricing.deposit_percent is 0): an acompte needs --phases"
        )
    if alive:
        raise InvoiceRefused(
            f"the deposit is invoiced on order, before any other invoice, and {alive[0].number} "
            "is already issued"
        )
    ht = quote.deposit_ht
    vat = quote.deposit - ht
    rate = percent(quote.deposit_percent, lang)
    label = (
        f"Deposit of {rate} on order (quote {quote.number})"
        if lang == "en" else f"Acompte de {rate} à la commande (devis {quote.number})"
    )  # fmt: skip
    line = InvoiceLine(label, Decimal(1), _words(lang)["lump"], ht, ht, "deposit")
    return Invoice(number, "invoice", "deposit", date, due, PREPAYMENT, (line,), ZERO, ht, vat,
                   quote, services_ht=ht)  # fmt: skip


def _acompte(
    basis: Basis,
    alive: Sequence[Record],
    phases: Sequence[str],
    number: str,
    date: dt.date,
    due: dt.date,
) -> Invoice:
    from ..common.formatting import date as fmt_date
    from ..common.formatting import money
    from ..common.suggest import suggest

    quote = basis.quote
    lang = quote.language
    words = _words(lang)
    if not phases:
        if basis.public:
            raise InvoiceRefused(
                "a public client pays only for services performed: name them, e.g. "
                "--phases cadrage preparation (the phases of the plan)"
            )
        return _deposit(basis, alive, number, date, due)
    names = [phase.name for phase in basis.phases]
    done = {name for record in alive for name in record.phases}
    chosen: list[PhaseShare] = []
    for name in phases:
        share = basis.phase(name)
        if share is None:
            raise InvoiceRefused(
                f"--phases {name}: not a phase of the package with days{suggest(name, names)}; "
                f"choose from {', '.join(names)}"
            )
        if name in done or share in chosen:
            invoiced = next((r.number for r in alive if name in r.phases), "this invoice")
            raise InvoiceRefused(f"--phases {name}: already invoiced ({invoiced})")
        chosen.append(share)
    chosen.sort(key=basis.phases.index)
    lines = []
    for share in chosen:
        description = ""
        if share.start and share.end:
            description = f"{_days(share.days, lang)}, {fmt_date(share.start, lang)} – {fmt_date(share.end, lang)}"
        label = (f"Phase performed: {share.label}" if lang == "en"
                 else f"Phase exécutée : {share.label}")  # fmt: skip
        lines.append(InvoiceLine(label, Decimal(1), words["lump"], share.amount, share.amount,
                                 "service", description, share.days))  # fmt: skip
    gross = sum((line.amount for line in lines), ZERO)
    allowance = cents(gross * quote.discount_percent / 100)
    services = gross - allowance
    recovery = ZERO
    advance = next((record for record in alive if record.stage == "avance"), None)
    if advance is not None and basis.advance is not None:
        before = sum((r.services_ht for r in alive if r.stage == "acompte"), ZERO)
        recovered = sum((r.recovery_ht for r in alive), ZERO)
        target = _recovered_until(advance.ht, basis.advance, before + services, quote.total_ht)
        recovery = min(max(target - recovered, ZERO), services)
    if recovery:
        label = (
            f"Recovery of the avance {advance.number if advance else ''} (deducted)"
            if lang == "en" else
            f"Remboursement de l'avance {advance.number if advance else ''} (précompte)"
        )  # fmt: skip
        lines.append(InvoiceLine(label, Decimal(-1), words["lump"], recovery, -recovery,
                                 "recovery", money(recovery, lang)))  # fmt: skip
    ht = services - recovery
    dates = [d for share in chosen for d in (share.start, share.end) if d is not None]
    return Invoice(number, "invoice", "acompte", date, due, PREPAYMENT, tuple(lines), allowance,
                   ht, vat_of(ht, quote.vat_rate), quote,
                   phases=tuple(share.name for share in chosen), services_ht=services,
                   recovery_ht=recovery,
                   period=(min(dates), max(dates)) if dates else None)  # fmt: skip


def _solde_invoice(
    basis: Basis, alive: Sequence[Record], number: str, date: dt.date, due: dt.date
) -> Invoice:
    from ..common.formatting import date as fmt_date

    quote = basis.quote
    lang = quote.language
    words = _words(lang)
    lines: list[InvoiceLine] = []
    if basis.phases:
        for share in basis.phases:
            label = f"{'Package' if lang == 'en' else 'Forfait'} – {share.label} ({_days(share.days, lang)})"
            lines.append(InvoiceLine(label, Decimal(1), words["lump"], share.amount, share.amount,
                                     "service", days=share.days))  # fmt: skip
    else:
        package = quote.package
        lines.append(InvoiceLine(package.label, Decimal(1), words["lump"], package.amount,
                                 package.amount, "service", package.description))  # fmt: skip
    for line in quote.lines[1:]:
        lines.append(InvoiceLine(line.label, line.quantity, line.unit, line.unit_price, line.amount,
                                 "service", line.basis))  # fmt: skip
    kinds = {"avance": "Avance", "deposit": "Acompte", "acompte": "Acompte"}
    for record in alive:
        if lang == "en":
            label = (
                f"Less invoice {record.number} of {fmt_date(record.date, lang)} ({record.stage})"
            )
        else:
            label = (f"Déduction de la facture n° {record.number} du {fmt_date(record.date, lang)} "
                     f"({kinds.get(record.stage, record.stage).lower()})")  # fmt: skip
        lines.append(InvoiceLine(label, Decimal(-1), words["lump"], record.ht, -record.ht,
                                 "deduction"))  # fmt: skip
    ht = quote.total_ht - sum((record.ht for record in alive), ZERO)
    vat = quote.vat - sum((record.vat for record in alive), ZERO)
    dates = [d for share in basis.phases for d in (share.start, share.end) if d is not None]
    return Invoice(number, "invoice", "solde", date, due, COMMERCIAL, tuple(lines), quote.discount,
                   ht, vat, quote, phases=tuple(share.name for share in basis.phases
                                                if not any(share.name in r.phases for r in alive)),
                   services_ht=ht + sum((r.recovery_ht for r in alive), ZERO),
                   deductions=tuple(alive),
                   period=(min(dates), max(dates)) if dates else None)  # fmt: skip


def _credit_note(
    basis: Basis,
    history: Sequence[Record],
    alive: Sequence[Record],
    target: str,
    number: str,
    date: dt.date,
    due: dt.date,
) -> Invoice:
    from ..common.formatting import date as fmt_date

    quote = basis.quote
    lang = quote.language
    record = next((r for r in history if r.number == target), None)
    if record is None:
        known = ", ".join(r.number for r in alive) or "none"
        raise InvoiceRefused(
            f"--credit-note {target}: no such invoice in the ledger (standing: {known})"
        )
    if record.kind == "credit_note":
        raise InvoiceRefused(f"--credit-note {target}: is itself a credit note")
    if record not in alive:
        by = next(r.number for r in history if r.cancels == target)
        raise InvoiceRefused(f"--credit-note {target}: already cancelled by {by}")
    if alive[-1] is not record:
        raise InvoiceRefused(
            f"--credit-note {target}: {alive[-1].number}, issued after it, deducts it; cancel "
            f"{alive[-1].number} first (credit notes go from the last invoice back)"
        )
    label = (
        f"Cancels invoice {record.number} of {fmt_date(record.date, lang)} in full"
        if lang == "en" else
        f"Annulation totale de la facture n° {record.number} du {fmt_date(record.date, lang)}"
    )  # fmt: skip
    line = InvoiceLine(label, Decimal(1), _words(lang)["lump"], record.ht, record.ht, "cancel")
    return Invoice(number, "credit_note", record.stage, date, due, CREDIT_NOTE, (line,), ZERO,
                   record.ht, record.vat, quote, phases=record.phases,
                   services_ht=record.services_ht, recovery_ht=record.recovery_ht,
                   cancels=record)  # fmt: skip


# ---------------------------------------------------------------- the payment schedule


@dataclass(frozen=True)
class Instalment:
    """One row of the devis' échéancier: what will be invoiced, when, for how much."""

    stage: str
    label: str
    when: dt.date | None
    ht: Decimal
    vat: Decimal
    recovery_ht: Decimal = ZERO
    phases: tuple[str, ...] = ()

    @property
    def ttc(self) -> Decimal:
        return self.ht + self.vat


def schedule(basis: Basis, start: dt.date | None = None) -> list[Instalment]:
    """The échéancier of the devis, computed by the very rules of :func:`compute_invoice`.

    A public client: the avance (if any) at the start, one acompte at the end of each phase
    but the last, then the solde (the last phase, the options, the expenses, what is left of
    the avance). A private client: the deposit on order, then the solde. The rows add up to
    the devis' total TTC exactly.
    """
    quote = basis.quote
    history: list[Record] = []
    out: list[Instalment] = []
    days = [quote.date]

    def issue(stage: Stage | None, phases: Sequence[str], when: dt.date | None, label: str) -> None:
        days.append(max(days[-1], when or days[-1]))
        invoice = compute_invoice(basis, history, stage=stage, number=f"#{len(history) + 1}",
                                  date=days[-1], phases=phases)  # fmt: skip
        history.append(invoice.record())
        out.append(Instalment(invoice.stage, label, when, invoice.ht, invoice.vat,
                              invoice.recovery_ht, invoice.phases))  # fmt: skip

    fr = quote.language != "en"
    if basis.public and quote.advance_ht > 0 and basis.advance is not None:
        issue("avance", (), start, "Avance" if fr else "Avance (advance)")
    elif not basis.public and quote.deposit > 0:
        issue("acompte", (), quote.date, "Acompte à la commande" if fr else "Deposit on order")
    if basis.public:
        for share in basis.phases[:-1]:
            label = f"Acompte : {share.label}" if fr else f"Instalment: {share.label}"
            issue("acompte", (share.name,), share.end, label)
    ends = [share.end for share in basis.phases if share.end is not None]
    issue("solde", (), max(ends) if ends else None, "Solde" if fr else "Balance")
    return out
