"""The pricing section: the flat package, options, expenses and the terms of the quote."""

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import Date, Days, Identifier, Int, Label, Line, Number, RelativePath, Strict, Text

Price = Annotated[
    Decimal,
    Number,
    Field(
        gt=0,
        le=Decimal("100000000"),
        decimal_places=2,
        description="EUR HT, > 0, in cents at most.",
    ),
]
Percent = Annotated[Decimal, Number, Field(ge=0, le=100, decimal_places=2)]


class Package(Strict):
    """The flat package (forfait) of the offer."""

    label: Label = "Stratégie de dialogue citoyen : forfait"
    description: Text = ""
    price: Price = Decimal("10000")
    days: Days = Field(default=Decimal("12"), gt=0, le=1000)
    workshops: Int = Field(default=4, ge=0, le=100)
    deliverables: Int = Field(default=4, ge=0, le=100)


class Option(Strict):
    """An option of the quote: from the catalog (``id``) or ad hoc (``label`` + a price)."""

    id: Identifier | None = None
    label: Label | None = None
    description: Text = ""
    unit: Line | None = None
    # unit_price and days come before quantity: its check needs them.
    unit_price: Price | None = None
    days: Days | None = Field(default=None, gt=0, le=1000)
    effort_days: Days | None = Field(
        default=None,
        ge=0,
        le=1000,
        description="Consultant days one unit of a per-unit option takes (duration only).",
    )
    quantity: Annotated[Decimal, Number] = Field(
        default=Decimal("1"), gt=0, le=100000, decimal_places=2
    )

    @field_validator("quantity")
    @classmethod
    def _check_whole(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        if info.data.get("unit_price") is not None and value != value.to_integral_value():
            raise ValueError(
                f"quantity {value} is fractional for a per-unit line: use a whole number"
            )
        return value

    @model_validator(mode="after")
    def _check_priced(self) -> Self:
        if self.id is None:
            if not self.label:
                raise ValueError("an option needs a catalog 'id' or a 'label' with a price")
            if self.unit_price is None and self.days is None:
                raise ValueError(f"option {self.label!r} needs 'unit_price' or 'days'")
        if self.unit_price is not None and self.days is not None:
            raise ValueError("give 'unit_price' or 'days', not both")
        return self


class Expense(Strict):
    """Expenses re-invoiced at cost (travel, printing...): never discounted."""

    label: Label
    amount: Price


class Advance(Strict):
    """The avance a public buyer pays before the work starts (code de la commande publique,
    art. R2191-3 and following), and how it is recovered on the later invoices."""

    percent: Percent = Field(
        gt=0, description="The avance, in percent of the contract's initial amount TTC."
    )
    recovery_from: Percent = Field(
        default=Decimal("65"),
        description="Recovery starts when the services invoiced reach this share of the total "
        "(percent): 65 by the code for an avance of at most 30 %, 0 (the first invoice) above "
        "(R2191-11); set it as the contract does.",
    )
    recovery_until: Percent = Field(
        default=Decimal("80"),
        description="Recovery is complete when the services invoiced reach this share (percent).",
    )

    @model_validator(mode="after")
    def _check_window(self) -> Self:
        if "recovery_from" not in self.model_fields_set and self.percent > 30:
            # R2191-11: an avance above 30 % is recovered from the first payment on.
            object.__setattr__(self, "recovery_from", Decimal("0"))
        if self.recovery_until < self.recovery_from:
            raise ValueError(
                f"recovery_until ({self.recovery_until}) comes before recovery_from "
                f"({self.recovery_from}): recovery ends after it starts"
            )
        return self


Column = Annotated[str, Field(pattern=r"^[A-Z]{1,3}$", description="A column letter: A, F, AB.")]


class BuyerSheet(Strict):
    """The buyer's own price workbook and where our figures go in it (`quote --fill`)."""

    file: str = Field(min_length=1, description="The buyer's .xlsx, relative to engagement.yaml.")
    document: Literal["dpgf", "bpu", "dqe"] = "dpgf"
    sheet: str = Field(default="", description="The sheet to fill (default: the first one).")
    number_column: Column = "A"
    quantity_column: Column | None = None
    unit_price_column: Column | None = None
    amount_column: Column | None = None

    @model_validator(mode="after")
    def _check_columns(self) -> Self:
        targets = [self.quantity_column, self.unit_price_column, self.amount_column]
        if not any(targets):
            raise ValueError(
                "say where the figures go: quantity_column, unit_price_column and/or amount_column"
            )
        used = [column for column in (self.number_column, *targets) if column]
        if len(set(used)) != len(used):
            raise ValueError(f"two fields share a column ({', '.join(used)})")
        return self


class Pricing(Strict):
    """How the engagement is priced; `dialogue quote` turns it into a devis."""

    currency: str = Field(default="EUR", pattern="^[A-Z]{3}$")
    vat_exemption: Line | None = None
    # After vat_exemption, so that its validator sees the exemption (and points at the rate).
    vat_rate: Percent = Field(default=Decimal("20"), validate_default=True)
    day_rate: Price = Decimal("850")
    package: Package = Package.model_construct()
    catalog: RelativePath | None = Field(
        default=None, description="The consultant's price list, relative path."
    )
    options: list[Option] = []
    expenses: list[Expense] = []
    discount_percent: Percent = Decimal("0")
    deposit_percent: Percent | None = Field(
        default=None,
        description="Deposit at order, percent of the total TTC: private clients only "
        "(default 30); a public buyer pays after the service is done.",
    )
    advance: Advance | None = Field(
        default=None, description="The avance of a public contract (CCP R2191-3 and following)."
    )
    engagement_number: Line = Field(
        default="",
        max_length=50,
        description="The buyer's engagement (order) number, printed for Chorus Pro when known.",
    )
    vat_on_debits: bool = Field(
        default=False,
        description="The consultant opted to pay VAT on debits (CGI art. 269): invoices say so.",
    )
    invoice_prefix: str = Field(
        default="FAC-",
        max_length=20,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-/]*$",
        description="Invoice numbers are this prefix and a 4-digit sequence: FAC-0001.",
    )
    buyer_sheet: BuyerSheet | None = Field(
        default=None, description="The buyer's own DPGF/BPU/DQE workbook to fill (`quote --fill`)."
    )
    ledger: RelativePath = Field(
        default="factures.jsonl",
        description="The ledger of issued invoices, relative to engagement.yaml; several "
        "engagements may share one to keep one numbering sequence.",
    )
    validity_days: Int = Field(default=90, ge=1, le=730)
    payment_days: Int = Field(default=30, ge=0, le=60)
    number: Line | None = None
    date: Date | None = None
    notes: Text = ""

    @field_validator("vat_rate")
    @classmethod
    def _check_vat(cls, rate: Decimal, info: ValidationInfo) -> Decimal:
        exemption = (info.data.get("vat_exemption") or "").strip()
        if rate == 0 and not exemption:
            raise ValueError(
                "a 0 % VAT rate needs 'vat_exemption', e.g. \"TVA non applicable, art. 293 B du CGI\""
            )
        if rate != 0 and exemption:
            raise ValueError(
                f"'vat_exemption' is set but the VAT rate is {rate} %: set 'vat_rate: 0' "
                "(exempt) or remove 'vat_exemption'"
            )
        return rate
