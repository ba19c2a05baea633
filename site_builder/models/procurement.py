"""Procurement (การจัดซื้อจัดจ้าง): the plan and notices as documents, and one row per
purchase with the fields of the monthly summary form สขร.1."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .. import thai
from .base import Model, Period, Text, ThaiDate
from .topics import Topic

ProgressStatus = Literal["not_signed", "in_contract", "delivered", "paid", "cancelled"]


class Bid(Model):
    bidder: Text = Field(description="ผู้เสนอราคา")
    price: Decimal = Field(ge=0, description="ราคาที่เสนอ (บาท)")


class Purchase(Model):
    """One purchase: the สขร.1 columns, plus progress for the 31 March report."""

    work: Text = Field(description="งานที่ซื้อหรือจ้าง")
    budget: Decimal = Field(ge=0, description="วงเงินที่จะซื้อหรือจ้าง (บาท)")
    reference_price: Decimal | None = Field(None, ge=0, description="ราคากลาง (บาท)")
    method: Text = Field(description="วิธีซื้อหรือจ้าง เช่น เฉพาะเจาะจง, e-bidding")
    bids: list[Bid] = Field([], description="รายชื่อผู้เสนอราคาและราคาที่เสนอ")
    winner: Text = Field(description="ผู้ได้รับการคัดเลือก")
    price: Decimal = Field(ge=0, description="ราคาที่ตกลงซื้อหรือจ้าง (บาท)")
    reason: Text = Field(description="เหตุผลที่คัดเลือกโดยสรุป")
    contract_no: Text = Field(description="เลขที่สัญญาหรือข้อตกลง")
    date: ThaiDate = Field(description="วันที่ของสัญญาหรือข้อตกลง")
    status: ProgressStatus | None = Field(None, description="ความก้าวหน้า ณ วันรายงาน")
    note: str | None = None

    @property
    def month(self) -> tuple[int, int]:
        return self.date.year, self.date.month


class QuietMonth(Model):
    """A month with no purchase: still published, since assessors look for every month."""

    month: Text = Field(description="เดือน ปปปป-ดด เช่น 2566-11")
    note: Text = "ไม่มีการจัดซื้อจัดจ้าง"

    @field_validator("month")
    @classmethod
    def _real_month(cls, value: str) -> str:
        # The same reading as every date (BE from 2400), so 2567-13 is an error with its line.
        if not re.fullmatch(r"\d{4}-\d{2}", value):
            raise ValueError(f"เดือน '{value}' ต้องเขียนเป็น ปปปป-ดด เช่น 2566-11 (a month is YYYY-MM)")
        try:
            thai.parse_date(f"{value}-01")
        except ValueError:
            raise ValueError(f"ไม่มีเดือน '{value}' ในปฏิทิน: เดือนต้องเป็น 01 ถึง 12 (impossible month)") from None
        return value

    @property
    def start(self) -> date:
        return thai.parse_date(f"{self.month}-01")


@dataclass(frozen=True)
class MonthSummary:
    """The summary of one calendar month: its purchases (maybe none)."""

    covers: Period
    purchases: tuple[Purchase, ...]
    note: str | None = None

    @property
    def total(self) -> Decimal:
        return sum((p.price for p in self.purchases), Decimal(0))


def _month_span(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return Period(start=start, end=end)


class Procurement(Topic):
    """procurement.yml: documents (plan, notices, reports) and purchases (YAML rows here,
    and rows of every CSV file under content/procurement/)."""

    purchases: list[Purchase] = []
    quiet_months: list[QuietMonth] = []

    @model_validator(mode="after")
    def _unique_quiet_months(self) -> "Procurement":
        months = [q.month for q in self.quiet_months]
        if len(set(months)) != len(months):
            raise ValueError("quiet_months มีเดือนซ้ำ")
        return self

    @property
    def monthly(self) -> list[MonthSummary]:
        """One summary per month that has purchases or is declared quiet, oldest first."""
        groups: dict[tuple[int, int], list[Purchase]] = {}
        for purchase in self.purchases:
            groups.setdefault(purchase.month, []).append(purchase)
        notes = {(q.start.year, q.start.month): q.note for q in self.quiet_months}
        keys = sorted(set(groups) | set(notes))
        return [
            MonthSummary(_month_span(*key), tuple(sorted(groups.get(key, []), key=lambda p: p.date)),
                         None if key in groups else notes[key])
            for key in keys
        ]
