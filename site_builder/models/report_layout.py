"""The shape of a measures report as the agency signed it: its blocks in order (text, headings,
tables, the standard sections) and its tables' columns (`body:` in content/measures/<year>.yml).

A report without `body:` keeps the standard layout; these models only describe a layout
that the agency declares. Field names a column may show are listed in `FIELDS`.
"""

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .base import Model, Text

# What a cell may show: a field of the measure, or (prefixed `result.`) of its report of results.
MEASURE_FIELDS = (
    "number", "name", "group", "questions", "finding", "guideline", "steps", "target", "budget",
    "period", "responsible", "monitoring", "note",
)
RESULT_FIELDS = (
    "round", "status", "method", "summary", "outputs", "outcomes", "problems", "recommendations",
    "date", "period", "responsible", "evidence",
)
FIELDS = MEASURE_FIELDS + tuple(f"result.{f}" for f in RESULT_FIELDS)
ShownField = Literal[FIELDS]  # type: ignore[valid-type]

# The standard sections a body may place (each shows only when it has data).
Section = Literal["analysis", "measures", "results", "iit", "eit", "oit_progress", "eit_survey", "sign_off"]
OUTSIDE_SECTIONS = ("oit_progress", "eit_survey")

# Anchors the page gives itself: a table's `id:` must not take one (an id is unique on a page).
RESERVED_IDS = re.compile(
    r"^(report|analysis|analysis-scores|weak-points|improvements|limits|measures|results|iit|eit|"
    r"oit-progress|eit-survey|sign-off|signatures|top|(part|table|measures|results|oit)-.*)$")

def _as_text(value: Any) -> Any:
    """Numbers in a cell (a score, a count) are text as written."""
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


# A cell of a literal table: text (line breaks kept), a list of points, or empty.
LiteralCell = Annotated[str | list[Annotated[str, BeforeValidator(_as_text)]] | None, BeforeValidator(_as_text)]

_KEY = re.compile(r"^[A-Za-z0-9_\u0e00-\u0e7f-]+$")


class Column(Model):
    """One column: its header, and what each cell shows (`show:` a field, `key:` the row's own
    `cells:` value, or neither for a column the source prints empty such as หมายเหตุ).
    `columns:` puts columns under this header (a two-level header)."""

    header: str = Field("", description="หัวคอลัมน์ตามเอกสาร (ไม่ระบุ = หัวมาตรฐานของข้อมูลที่แสดง)")
    show: ShownField | None = Field(None, description="ข้อมูลที่แสดง เช่น name, steps, result.summary")
    key: str | None = Field(None, description="คอลัมน์อิสระ: ค่าจาก cells: {key: ข้อความ} ของแต่ละแถว")
    columns: list["Column"] = Field([], description="คอลัมน์ย่อยใต้หัวนี้ (หัวตารางสองชั้น)")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"show": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_source(self) -> "Column":
        if sum(bool(x) for x in (self.show, self.key, self.columns)) > 1:
            raise ValueError("คอลัมน์ระบุได้อย่างใดอย่างหนึ่ง: show, key หรือ columns")
        if self.key is not None and not _KEY.match(self.key):
            raise ValueError(f"key '{self.key}' ต้องเป็นตัวอักษร ตัวเลข _ หรือ - โดยไม่มีช่องว่าง")
        if self.columns and not self.header:
            raise ValueError("คอลัมน์ที่มี columns ต้องมี header (หัวตารางชั้นบน)")
        if any(c.columns for c in self.columns):
            raise ValueError("หัวตารางซ้อนได้ไม่เกินสองชั้น")
        return self

    def leaves(self) -> list["Column"]:
        return list(self.columns) if self.columns else [self]


class TableSpec(Model):
    """A table of the report, with its columns in the source's order."""

    id: str | None = Field(None, pattern=r"^[a-z][a-z0-9-]*$", description="anchor ภาษาอังกฤษ เช่น plan")
    rows: Literal["measures", "results"] = Field(
        "measures", description="measures = หนึ่งแถวต่อมาตรการ; results = หนึ่งแถวต่อรายงานผลแต่ละรอบ")
    round: Literal[6, 12] | None = Field(None, description="แสดงผลของรอบนี้ (6 หรือ 12 เดือน)")
    groups: Literal["rows", "headings", "none"] = Field(
        "rows", description="หัวกลุ่ม (ประเด็น): rows = แถวคั่นในตาราง, headings = หัวข้อเหนือตารางของแต่ละกลุ่ม, none = ไม่แสดง")
    columns: list[Column] = Field(min_length=1)
    data: list[Annotated[str, BeforeValidator(_as_text)] | list[LiteralCell]] | None = Field(
        None, description="ตารางที่ไม่ได้มาจากมาตรการ: แถวของข้อความตามเอกสาร; ข้อความเดียว = แถวหัวกลุ่มเต็มความกว้าง")

    @model_validator(mode="after")
    def _free_id(self) -> "TableSpec":
        if self.id and RESERVED_IDS.match(self.id):
            raise ValueError(f"id '{self.id}' ซ้ำกับ anchor อื่นของหน้า ให้ตั้งชื่ออื่น เช่น plan, report-table")
        if self.data is not None:
            if any(c.show or c.key for c in self.leaves()):
                raise ValueError("ตารางที่มี data ระบุคอลัมน์ได้เฉพาะ header (และ columns ของหัวสองชั้น)")
            width = len(self.leaves())
            for n, row in enumerate(self.data, 1):
                if isinstance(row, list) and len(row) != width:
                    raise ValueError(f"data แถวที่ {n} มี {len(row)} ช่อง แต่ตารางมี {width} คอลัมน์")
        return self

    def leaves(self) -> list[Column]:
        return [leaf for c in self.columns for leaf in c.leaves()]

    def keys(self) -> set[str]:
        return {c.key for c in self.leaves() if c.key}


def _block_shorthand(value: Any) -> Any:
    return {"section": value} if isinstance(value, str) else value


class Block(Model):
    """One block of the report, in order: a heading, text, a table, or a standard section."""

    heading: str | None = Field(None, description="หัวข้อตามเอกสาร")
    level: Literal[2, 3, 4] = Field(2, description="ระดับหัวข้อ")
    text: Annotated[str | list[Annotated[Text, BeforeValidator(_as_text)]], BeforeValidator(_as_text)] | None = Field(
        None, description="ข้อความ: ย่อหน้า (ขึ้นบรรทัดใหม่ได้) หรือรายการข้อ ๆ")
    table: TableSpec | None = None
    section: Section | None = Field(None, description="ส่วนมาตรฐาน เช่น analysis, sign_off, oit_progress")

    @model_validator(mode="after")
    def _one_thing(self) -> "Block":
        if sum(x is not None for x in (self.text, self.table, self.section)) > 1:
            raise ValueError("แต่ละบล็อกมีได้อย่างใดอย่างหนึ่ง: text, table หรือ section (heading ใส่คู่กับอย่างใดก็ได้)")
        if self.heading is None and self.text is None and self.table is None and self.section is None:
            raise ValueError("บล็อกต้องมี heading, text, table หรือ section")
        return self


Body = Annotated[list[Annotated[Block, BeforeValidator(_block_shorthand)]], Field(
    description="เนื้อหาของรายงานตามลำดับในเอกสาร")]
