"""Evidence that items point at: documents, dated entries, links."""

import datetime
from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from .base import Model, PeriodField, Text, ThaiDate


class Document(Model):
    """An evidence document (usually a PDF under content/files/) or a link to one."""

    title: Text
    kind: Text = Field(description="ชนิดเอกสาร จาก data/kinds.yml เช่น annual_plan")
    file: str | None = Field(None, description="ไฟล์ใต้ content/files/ เช่น plans/annual-2567.pdf")
    url: HttpUrl | None = Field(None, description="ลิงก์ภายนอก เมื่อเอกสารอยู่ที่อื่น (เช่น e-GP)")
    date: ThaiDate | None = Field(None, description="วันที่ลงนามหรือเผยแพร่")
    covers: PeriodField | None = Field(None, description="ช่วงเวลาที่เอกสารครอบคลุม")
    language: Literal["th", "en"] = "th"
    signed_by: str | None = Field(None, description="ผู้ลงนาม (ชื่อ-ตำแหน่ง)")
    description: str | None = None

    @model_validator(mode="after")
    def _has_target(self) -> "Document":
        if not self.file and not self.url:
            raise ValueError("เอกสารต้องมี file (ไฟล์ใต้ content/files/) หรือ url")
        if self.date is None and self.covers is None:
            raise ValueError("เอกสารต้องมี date (วันที่) หรือ covers (ช่วงเวลาที่ครอบคลุม) อย่างน้อยหนึ่งอย่าง")
        return self

    @property
    def day(self) -> datetime.date:  # `date` is also a field here
        """The date the document is filed under: its own date, else the end of what it covers."""
        return self.date or self.covers.end  # type: ignore[union-attr]


class Entry(Model):
    """A dated record: a news item, an activity, a meeting."""

    title: Text
    date: ThaiDate
    summary: str | None = None
    url: HttpUrl | None = None
    file: str | None = Field(None, description="ไฟล์ใต้ content/files/")
    participants: int | None = Field(None, ge=0, description="จำนวนผู้เข้าร่วม")

    @property
    def day(self) -> datetime.date:
        return self.date


class Link(Model):
    """A channel the public can use: Q&A, social network, e-service, complaint form."""

    name: Text
    url: HttpUrl
    description: str | None = None
