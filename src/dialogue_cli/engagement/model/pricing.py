"""The pricing section: the flat package, options, expenses and the terms of the quote."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

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


class Pricing(Strict):
    """How the engagement is priced; `dialogue quote` turns it into a devis."""

    currency: str = Field(default="EUR", pattern="^[A-Z]{3}$")
    vat_exemption: Line | None = None
    # After vat_exemption, so that its validator sees the exemption (and points at the rate).
    vat_rate: Percent = Field(default=Decimal("20"), validate_default=True)
    day_rate: Price = Decimal("850")
    package: Package = Package()
    catalog: RelativePath | None = Field(
        default=None, description="The consultant's price list, relative path."
    )
    options: list[Option] = []
    expenses: list[Expense] = []
    discount_percent: Percent = Decimal("0")
    deposit_percent: Percent = Decimal("30")
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
