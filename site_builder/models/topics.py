"""Topic files other than the agency's own identity: each holds documents and dated
entries, and some hold tables (projects, statistics, risks)."""

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from .base import Model, PeriodField, Text, ThaiDate
from .evidence import Document, Entry


class Topic(Model):
    """Any topic: evidence documents and dated entries (news, activities, meetings)."""

    documents: list[Document] = []
    entries: list[Entry] = []


Status = Literal["not_started", "in_progress", "done", "cancelled"]


class Project(Model):
    """A row of a plan: project or activity, budget, period, status."""

    name: Text
    budget: Decimal | None = Field(None, ge=0, description="งบประมาณ (บาท)")
    spent: Decimal | None = Field(None, ge=0, description="ใช้จ่ายแล้ว (บาท)")
    covers: PeriodField | None = None
    status: Status | None = None
    progress: str | None = Field(None, description="ความก้าวหน้า/ผลการดำเนินงาน")
    unit: str | None = Field(None, description="หน่วยงานที่รับผิดชอบ")


class Plans(Topic):
    """plans.yml, hr.yml, anti_corruption.yml: documents and the projects of a plan."""

    projects: list[Project] = []


class ServiceCount(Model):
    service: Text
    covers: PeriodField
    count: int = Field(ge=0)


class Services(Topic):
    """services.yml: service statistics and satisfaction surveys."""

    statistics: list[ServiceCount] = []


class ComplaintCount(Model):
    covers: PeriodField
    received: int = Field(ge=0, description="จำนวนเรื่องร้องเรียน")
    finished: int = Field(ge=0, description="ดำเนินการแล้วเสร็จ")
    in_progress: int = Field(ge=0, description="อยู่ระหว่างดำเนินการ")
    note: str | None = None

    @model_validator(mode="after")
    def _adds_up(self) -> "ComplaintCount":
        if self.finished + self.in_progress > self.received:
            raise ValueError("เสร็จ + กำลังดำเนินการ มากกว่าจำนวนเรื่องที่รับ (finished + in_progress > received)")
        return self


class Complaints(Topic):
    """complaints.yml: guideline documents and complaint statistics (zero counts included)."""

    statistics: list[ComplaintCount] = []


class Risk(Model):
    event: Text = Field(description="เหตุการณ์ความเสี่ยง")
    process: str | None = Field(None, description="กระบวนงานที่เกี่ยวข้อง")
    level: Literal["low", "medium", "high", "very_high"]
    measures: Text = Field(description="มาตรการควบคุม")
    progress: str | None = None
    covers: PeriodField


class Risks(Topic):
    risks: list[Risk] = []


class Member(Model):
    name: Text
    position: Text
    role: str | None = Field(None, description="บทบาทในคณะทำงาน เช่น ประธาน")


class Ethics(Topic):
    """ethics.yml: code of ethics documents, working group, Dos & Don'ts, activities."""

    working_group: list[Member] = []
    dos: list[Text] = []
    donts: list[Text] = []


class Gift(Model):
    date: ThaiDate
    giver: Text
    item: Text
    value: Decimal = Field(ge=0)
    action: Text = Field(description="การดำเนินการ เช่น ส่งคืน")


class NoGift(Topic):
    """no_gift.yml: announcements, culture-building activities, gifts received."""

    gifts: list[Gift] = []
