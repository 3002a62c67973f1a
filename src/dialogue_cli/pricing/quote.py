"""Price an engagement as a French devis: package, options, expenses, VAT, deposit, to the cent.

:func:`compute` is pure (no files, no terminal); :func:`build_quote` loads the catalog of a
project, locates bad input in the engagement file, and calls it. The rules are explained
with the Ormessac numbers in ``docs/quote.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import TYPE_CHECKING, Any, Literal

from ..common.errors import DialogueError
from .mentions import acceptance_lines, mentions, provider_line

if TYPE_CHECKING:
    from ..engagement.loader import Project
    from ..engagement.model import Client, Consultant, Engagement, Option, Pricing
    from .catalog import Catalog, CatalogEntry

CENT = Decimal("0.01")
LineKind = Literal["package", "option", "expense"]
Loc = tuple[int | str, ...]

# A private client's deposit at order when pricing.deposit_percent is not set.
DEFAULT_PRIVATE_DEPOSIT = Decimal("30")

_WORDS = {
    "fr": {"lump": "forfait", "unit": "unité", "day": "jour", "days": "jours"},
    "en": {"lump": "package", "unit": "unit", "day": "day", "days": "days"},
}
_DAY_UNITS = frozenset({"jour", "jours", "j", "day", "days", "journee", "journée"})


def unit_label(unit: str, quantity: Decimal | int, language: str = "fr") -> str:
    """The unit as printed next to its quantity: ``entretien`` -> ``entretiens`` for 4.

    French puts a noun in the plural from 2 (``1,5 jour``, ``2 jours``) and adds ``s`` unless
    the word already ends in s, x or z (``3 forfaits``, ``2 prix``); English pluralises every
    quantity but 1 (``s``, or ``es`` after s, x, z, ch, sh; ``y`` after a consonant -> ``ies``).
    In a unit of several words (``heure de conseil``) the first word takes the mark; an
    abbreviation (``j``, ``h.``), ``jours``/``days`` and an empty unit are left as is.

    Args:
        unit: the unit in the singular, as the catalog or the engagement writes it.
        quantity: how many.
        language: ``fr`` (default) or ``en``.

    Returns:
        The unit, in the plural when the quantity needs it.
    """
    text = unit.strip()
    english = language == "en"
    singular = quantity == 1 if english else quantity < 2
    if singular or not text:
        return unit
    words = text.split(" ")
    index = 0 if len(words) > 1 and words[1] in ("de", "d'", "of", "per", "à") else len(words) - 1
    word = words[index]
    if len(word) < 2 or not word[-1].isalpha() or word.lower() in ("jours", "days"):
        return unit
    if english:
        if word.endswith(("s", "x", "z", "ch", "sh")):
            word += "es"
        elif word.endswith("y") and word[-2] not in "aeiou":
            word = word[:-1] + "ies"
        else:
            word += "s"
    elif not word.endswith(("s", "x", "z")):
        word += "s"
    words[index] = word
    return " ".join(words)


def cents(value: Decimal) -> Decimal:
    """Round to the cent, half up (``0.005`` -> ``0.01``), as French invoices do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_of(amount_ht: Decimal, vat_rate: Decimal) -> Decimal:
    """The VAT of an amount HT, rounded half up to the cent (EN 16931 BR-S-09)."""
    with localcontext() as context:
        context.prec = 60
        return cents(amount_ht * vat_rate / 100)


def share(total_ht: Decimal, percent: Decimal, vat_rate: Decimal) -> tuple[Decimal, Decimal]:
    """``percent`` of a total HT, to the cent, and its VAT: ``(HT, VAT)``.

    A deposit or an avance is computed on the HT and its VAT added, so that the invoice that
    asks for it shows a VAT equal to its HT x the rate; its TTC is then ``percent`` of the total
    TTC to within a cent.
    """
    with localcontext() as context:
        context.prec = 60
        amount = cents(total_ht * percent / 100)
    return amount, vat_of(amount, vat_rate)


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal('2.50')`` -> ``'2.5'``."""
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class Line:
    """One line of the devis.

    ``amount`` is ``quantity x unit_price`` rounded to the cent. ``days`` is the consultant
    time the line stands for (package and day-priced options), else None. ``basis`` explains
    a day-priced unit price (``"1,5 jour à 850,00 €"``) and is empty otherwise.
    """

    label: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    kind: LineKind
    days: Decimal | None = None
    id: str | None = None
    basis: str = ""


@dataclass(frozen=True)
class Quote:
    """A computed devis; every amount is a Decimal rounded to the cent.

    The text around the amounts comes in three parts, in reading order: ``provider`` (who
    sells: name, SIRET, RCS, VAT number on one line), ``mentions`` (validity, payment terms,
    late payment, discount, VAT exemption, notes) and ``acceptance`` (the lines of the "Bon
    pour accord" block the client signs). :attr:`all_mentions` joins them.
    """

    number: str
    date: dt.date
    valid_until: dt.date
    currency: str
    language: str
    lines: list[Line]
    fees: Decimal
    discount_percent: Decimal
    discount: Decimal
    expenses: Decimal
    total_ht: Decimal
    vat_rate: Decimal
    vat: Decimal
    total_ttc: Decimal
    deposit_percent: Decimal
    deposit: Decimal
    balance: Decimal
    days: Decimal
    payment_days: int
    validity_days: int
    public: bool = True
    deposit_ht: Decimal = Decimal(0)
    advance_percent: Decimal = Decimal(0)
    advance_ht: Decimal = Decimal(0)
    advance_vat: Decimal = Decimal(0)
    deposit_asked_of_public: bool = False
    mentions: list[str] = field(default_factory=list)
    provider: str = ""
    acceptance: list[str] = field(default_factory=list)
    vat_exemption: str | None = None
    procurement_note: str | None = None

    @property
    def advance(self) -> Decimal:
        """The avance TTC (0 when the engagement sets none)."""
        return self.advance_ht + self.advance_vat

    @property
    def package_days(self) -> Decimal:
        """The days of the package alone (the options' days are in :attr:`days`)."""
        return self.package.days or Decimal(0)

    @property
    def all_mentions(self) -> list[str]:
        """Every mention in reading order: the provider, the terms, the acceptance block."""
        return [*([self.provider] if self.provider else []), *self.mentions, *self.acceptance]

    @property
    def package(self) -> Line:
        """The package line (always the first)."""
        return self.lines[0]

    @property
    def options(self) -> list[Line]:
        return [line for line in self.lines if line.kind == "option"]

    @property
    def expense_lines(self) -> list[Line]:
        return [line for line in self.lines if line.kind == "expense"]

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape; amounts are strings with two decimals (``"10000.00"``)."""

        def money(value: Decimal) -> str:
            return f"{cents(value):.2f}"

        return {
            "number": self.number,
            "date": self.date.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "currency": self.currency,
            "lines": [
                {
                    "label": line.label,
                    "quantity": plain(line.quantity),
                    "unit": line.unit,
                    "unit_price": money(line.unit_price),
                    "amount": money(line.amount),
                    "days": plain(line.days) if line.days is not None else None,
                    "basis": line.basis,
                }
                for line in self.lines
            ],
            "fees": money(self.fees),
            "discount": money(self.discount),
            "expenses": money(self.expenses),
            "total_ht": money(self.total_ht),
            "vat_rate": plain(self.vat_rate),
            "vat": money(self.vat),
            "total_ttc": money(self.total_ttc),
            "deposit": money(self.deposit),
            "balance": money(self.balance),
            "advance": money(self.advance),
            "days": plain(self.days),
            "package_days": plain(self.package_days),
            "mentions": self.all_mentions,
        }


class QuoteInputError(DialogueError):
    """Options that the catalog cannot price; each issue is ``(data path, message)``."""

    def __init__(self, issues: list[tuple[Loc, str]]) -> None:
        from ..engagement.loader import format_loc

        self.issues = issues
        super().__init__("\n".join(f"{format_loc(loc)}: {message}" for loc, message in issues))

    def lines(self) -> list[str]:
        return str(self).splitlines()


# ---------------------------------------------------------------- checks


def check(pricing: Pricing, catalog: Catalog) -> list[tuple[Loc, str]]:
    """What the model alone cannot see: unknown catalog ids, fractional per-unit quantities.

    Args:
        pricing: the engagement's pricing section.
        catalog: the catalog its options cite.

    Returns:
        ``(data path, message)`` for each problem, empty when the quote can be computed.
    """
    from ..common.suggest import suggest

    issues: list[tuple[Loc, str]] = []
    for index, option in enumerate(pricing.options):
        loc: Loc = ("pricing", "options", index)
        if option.id is None:
            continue
        entry = catalog.get(option.id)
        if entry is None:
            issues.append(((*loc, "id"), f"unknown catalog id {option.id!r}{suggest(option.id, catalog.ids())} "
                                         f"(the catalog is {catalog.source})"))  # fmt: skip
            continue
        per_unit = option.unit_price is not None or (option.days is None and entry.per_unit)
        if per_unit and option.quantity != option.quantity.to_integral_value():
            unit = option.unit or entry.unit
            issues.append(((*loc, "quantity"), f"quantity {option.quantity} is fractional for a per-unit line "
                                               f"({unit!r}): use a whole number"))  # fmt: skip
    return issues


# ---------------------------------------------------------------- computation


def compute(
    pricing: Pricing,
    catalog: Catalog,
    *,
    language: str = "fr",
    reference: str = "",
    client: Client | None = None,
    consultant: Consultant | None = None,
    quote_date: dt.date | None = None,
) -> Quote:
    """Compute the devis of ``pricing`` (pure: no file, no terminal, no clock if dated).

    Args:
        pricing: the pricing section (package, options, expenses, rates and terms).
        catalog: the catalog that options with an ``id`` come from.
        language: ``fr`` or ``en``, for units and mentions.
        reference: the engagement reference, from which the quote number is derived.
        client: the client, for the payment mentions (default: a public buyer).
        consultant: the consultant, whose identity the mentions carry.
        quote_date: the quote's date; default ``pricing.date``, then today.

    Returns:
        The quote.

    Raises:
        QuoteInputError: an option cites an unknown id or has a fractional per-unit quantity.
    """
    issues = check(pricing, catalog)
    if issues:
        raise QuoteInputError(issues)
    words = _WORDS.get(language, _WORDS["fr"])
    with localcontext() as context:
        context.prec = 60  # exact products before the single rounding to the cent
        package = pricing.package
        lines = [
            Line(
                label=package.label,
                description=package.description or _package_description(package.days, package.workshops,
                                                                        package.deliverables, language),
                quantity=Decimal(1),
                unit=words["lump"],
                unit_price=package.price,
                amount=package.price,
                kind="package",
                days=package.days,
            )
        ]  # fmt: skip
        for option in pricing.options:
            entry = catalog.get(option.id) if option.id else None
            lines.append(_option_line(option, entry, pricing.day_rate, language, pricing.currency))
        for expense in pricing.expenses:
            lines.append(
                Line(
                    expense.label,
                    "",
                    Decimal(1),
                    words["lump"],
                    expense.amount,
                    cents(expense.amount),
                    "expense",
                )
            )

        fees = sum((line.amount for line in lines if line.kind != "expense"), Decimal(0))
        discount = cents(fees * pricing.discount_percent / 100)
        expenses = sum((line.amount for line in lines if line.kind == "expense"), Decimal(0))
        total_ht = fees - discount + expenses
        vat = cents(total_ht * pricing.vat_rate / 100)
        total_ttc = total_ht + vat
        public = client is None or client.public
        asked = pricing.deposit_percent
        deposit_percent = (
            Decimal(0) if public else (DEFAULT_PRIVATE_DEPOSIT if asked is None else asked)
        )
        deposit_ht, deposit_vat = share(total_ht, deposit_percent, pricing.vat_rate)
        deposit = deposit_ht + deposit_vat
        balance = total_ttc - deposit
        advance_percent = pricing.advance.percent if public and pricing.advance else Decimal(0)
        advance_ht, advance_vat = share(total_ht, advance_percent, pricing.vat_rate)
        days = package.days + sum(
            (line.days for line in lines[1:] if line.days is not None), Decimal(0)
        )

    date = quote_date or pricing.date or dt.date.today()
    quote = Quote(
        number=pricing.number or derive_number(reference, date),
        date=date,
        valid_until=date + dt.timedelta(days=pricing.validity_days),
        currency=pricing.currency,
        language=language,
        lines=lines,
        fees=fees,
        discount_percent=pricing.discount_percent,
        discount=discount,
        expenses=expenses,
        total_ht=total_ht,
        vat_rate=pricing.vat_rate,
        vat=vat,
        total_ttc=total_ttc,
        deposit_percent=deposit_percent,
        deposit=deposit,
        deposit_ht=deposit_ht,
        balance=balance,
        days=days,
        payment_days=pricing.payment_days,
        validity_days=pricing.validity_days,
        vat_exemption=pricing.vat_exemption if pricing.vat_rate == 0 else None,
        public=public,
        advance_percent=advance_percent,
        advance_ht=advance_ht,
        advance_vat=advance_vat,
        deposit_asked_of_public=public and bool(asked),
    )
    from dataclasses import replace

    from .procurement import procurement_note

    return replace(
        quote,
        provider=provider_line(consultant, quote.vat_rate, language),
        mentions=mentions(quote, client, pricing=pricing, consultant=consultant),
        acceptance=acceptance_lines(language),
        procurement_note=procurement_note(total_ht, date, language) if public else None,
    )


def _package_description(days: Decimal, workshops: int, deliverables: int, language: str) -> str:
    from ..common.formatting import number

    def counted(count: Decimal | int, one: str, many: str) -> str:
        singular = count < 2 if language != "en" else count == 1
        return f"{number(count, language)} {one if singular else many}"

    if language == "en":
        return ", ".join(
            (counted(days, "consultant day", "consultant days"),
             counted(workshops, "workshop", "workshops"),
             counted(deliverables, "deliverable", "deliverables"))
        )  # fmt: skip
    return ", ".join(
        (counted(days, "jour d'intervention", "jours d'intervention"),
         counted(workshops, "atelier", "ateliers"),
         counted(deliverables, "livrable", "livrables"))
    )  # fmt: skip


def _option_line(
    option: Option, entry: CatalogEntry | None, day_rate: Decimal, language: str, currency: str
) -> Line:
    """The line of one option; its amount is always exactly its quantity x its unit price.

    A per-unit line has a whole quantity and a price in cents: the product is exact. A
    day-priced line costs ``quantity x days x day_rate``; when that is not a whole number of
    cents (a fractional quantity at an odd rate) it is shown as one lump sum (quantity 1,
    *forfait*) of the exact amount rounded half up, and its basis says so.
    """
    from ..common.formatting import money, number

    words = _WORDS.get(language, _WORDS["fr"])
    label = option.label or (entry.label if entry else "")
    description = option.description or (entry.description if entry else "")
    unit = option.unit or (entry.unit if entry else None)
    quantity = option.quantity
    per_day = (
        option.days
        if option.days is not None
        else (None if option.unit_price is not None else entry.days if entry else None)
    )
    if per_day is None:
        unit_price = (
            option.unit_price
            if option.unit_price is not None
            else entry.unit_price
            if entry
            else None
        )
        assert unit_price is not None  # the model and check() guarantee a price
        effort = (
            option.effort_days
            if option.effort_days is not None
            else (entry.effort_days if entry else None)
        )
        return Line(label, description, quantity, unit or words["unit"], unit_price, quantity * unit_price,
                    "option", days=quantity * effort if effort is not None else None,
                    id=option.id)  # fmt: skip
    unit = unit or (words["day"] if per_day == 1 else words["lump"])
    unit_price = per_day * day_rate
    exact = quantity * unit_price
    total_days = quantity * per_day

    def basis_text(days: Decimal) -> str:
        # French: singular below 2 ("1,5 jour"); English: singular for exactly 1 ("1.5 days").
        singular = days < 2 if language != "en" else days == 1
        days_word = words["day"] if singular else words["days"]
        at = "at" if language == "en" else "à"
        return f"{number(days, language)} {days_word} {at} {money(day_rate, language, currency)}"

    if unit_price == cents(unit_price) and exact == cents(exact):
        basis = "" if per_day == 1 and unit.lower() in _DAY_UNITS else basis_text(per_day)
        return Line(label, description, quantity, unit, unit_price, exact, "option",
                    days=total_days, id=option.id, basis=basis)  # fmt: skip
    rounded = ", rounded to the cent" if language == "en" else ", arrondi au centime"
    return Line(label, description, Decimal(1), words["lump"], cents(exact), cents(exact), "option",
                days=total_days, id=option.id, basis=basis_text(total_days) + rounded)  # fmt: skip


def derive_number(reference: str, date: dt.date) -> str:
    """``ORM-2027-01`` -> ``DEV-ORM-2027-01``; no reference -> ``DEV-20270104`` (the quote date)."""
    reference = "-".join(reference.split())
    if not reference:
        return f"DEV-{date:%Y%m%d}"
    return reference if reference.upper().startswith("DEV-") else f"DEV-{reference}"


# ---------------------------------------------------------------- mentions


# ---------------------------------------------------------------- project


def catalog_for(project: Project) -> Catalog:
    """The catalog a project's quote uses: its ``pricing.catalog`` file, else the default.

    Raises:
        LocatedError: the file is broken (located in the catalog file).
        FileProblem: the file cannot be read at all.
    """
    from ..common.files import display_name
    from .catalog import default_catalog, load_catalog

    relative = project.engagement.pricing.catalog
    if not relative:
        return default_catalog(project.engagement.language)
    # The loader has already reported a missing file at pricing.catalog.
    path = project.base_dir / relative
    return load_catalog(path, display_name(path))


def warnings(
    engagement: Engagement, dpgf: bool, quote: Quote | None = None, dqe: bool = False
) -> list[str]:
    """What the consultant should know before sending the quote (never printed on it).

    Args:
        engagement: the engagement quoted.
        dpgf: a DPGF is being written (it spreads the package over the phases' days).
        quote: the computed quote, for the rules that need its totals.
        dqe: a DQE is being written (at the BPU's prices).
    """
    from ..engagement.loader import format_loc
    from .terms import advance_note, terms_warnings

    out = []
    if not engagement.consultant.siret:
        out.append(
            "consultant.siret is empty: the quote's mentions say the SIRET is to be completed"
        )
    if not engagement.consultant.iban:
        out.append("consultant.iban is empty: the quote gives no bank details for the transfer")
    out += [f"{format_loc(loc)}: {message}" for loc, message in terms_warnings(engagement)]
    if quote is not None:
        note = advance_note(engagement, quote.total_ht)
        if note:
            out.append(f"pricing.advance: {note}")
    total = sum((phase.days for _name, phase in engagement.phases.items()), Decimal(0))
    package_days = engagement.pricing.package.days
    if dpgf and total != package_days:
        out.append(
            f"the phases plan {plain(total)} days but the package has {plain(package_days)}: "
            "the DPGF spreads the package price over the phases' days"
        )
    if dqe:
        overridden = [
            f"pricing.options[{index}]"
            for index, option in enumerate(engagement.pricing.options)
            if option.id and (option.unit_price is not None or option.days is not None)
        ]
        if overridden:
            out.append(
                f"{', '.join(overridden)} override the catalog's price: the DQE, like the BPU, "
                "shows the catalog's prices"
            )
    return out


def build_quote(project: Project, quote_date: dt.date | None = None) -> Quote:
    """Load the project's catalog and compute its quote; bad input is located in its files.

    Args:
        project: the loaded engagement.
        quote_date: overrides ``pricing.date`` (reproducible output).

    Returns:
        The quote.

    Raises:
        LocatedError: an unknown catalog id, a fractional per-unit quantity, a broken catalog.
    """
    from ..engagement.locate import located_error

    engagement = project.engagement
    catalog = catalog_for(project)
    issues = check(engagement.pricing, catalog)
    if issues:
        raise located_error(project, issues)
    return compute(
        engagement.pricing,
        catalog,
        language=engagement.language,
        reference=engagement.engagement.reference,
        client=engagement.client,
        consultant=engagement.consultant,
        quote_date=quote_date,
    )
