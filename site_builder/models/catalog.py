"""An assessment year's OIT catalog: items, their components and the rule that checks each."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Model, Text

# Which span of the assessed fiscal year Y a rule asks for.
#   any           no date condition
#   in_force      not expired before FY Y begins (codes, manuals, laws)
#   in_year       dated within FY Y (news, activities, announcements)
#   first_half    together covering 1 Oct (Y-1) – 31 Mar Y (six-month reports, monthly summaries)
#   covers_year   together covering all of FY Y (annual plans; multi-year plans that include Y)
#   previous_year together covering all of FY Y-1 (annual reports)
PeriodRule = Literal["any", "in_force", "in_year", "first_half", "covers_year", "previous_year"]


class DocumentsCheck(Model):
    """At least `min` documents of these kinds, for the period, optionally in a language or signed."""

    type: Literal["documents"]
    kinds: list[Text] = Field(min_length=1)
    period: PeriodRule = "any"
    min: int = Field(1, ge=1)
    language: Literal["th", "en"] | None = None
    signed: bool = Field(False, description="ต้องระบุผู้ลงนาม (signed_by)")
    signed_by_role: Literal["top"] | None = Field(None, description="ผู้ลงนามต้องเป็นผู้บริหารสูงสุด")


class RecordsCheck(Model):
    """At least `min` dated records (entries, statistics rows) at `path`, for the period."""

    type: Literal["records"]
    path: Text = Field(description="topic.field เช่น news.entries, complaints.statistics")
    period: PeriodRule = "any"
    min: int = Field(1, ge=1)


class FieldsCheck(Model):
    """The object or every entry of the list at `path` has these fields ('phone|email': either)."""

    type: Literal["fields"]
    path: Text = Field(description="topic หรือ topic.field เช่น contact, executives.executives")
    fields: list[Text] = Field(min_length=1)
    min: int = Field(1, ge=0, description="จำนวนรายการขั้นต่ำเมื่อ path เป็นรายการ")


class RolesCheck(Model):
    """Executives in office include these roles."""

    type: Literal["roles"]
    roles: list[Literal["top", "deputy", "council", "secretary", "staff_head", "other"]] = Field(min_length=1)


class SettingCheck(Model):
    """An agency setting is filled in (e.g. itas_code for the EIT survey link)."""

    type: Literal["setting"]
    field: Text


class MeasuresCheck(Model):
    """The integrity measures of content/measures/<year>.yml have this part."""

    type: Literal["measures"]
    part: Literal["analysis", "measures", "results"]
    year_offset: Literal[0, -1] = Field(0, description="-1: ของปีประเมินก่อนหน้า (รายงานผลของปีที่แล้ว)")


SimpleCheck = Annotated[
    DocumentsCheck | RecordsCheck | FieldsCheck | RolesCheck | SettingCheck | MeasuresCheck,
    Field(discriminator="type"),
]


class AnyCheck(Model):
    """Satisfied when one of these is: e.g. monthly summaries as PDF documents or as rows."""

    type: Literal["any"]
    checks: list[SimpleCheck] = Field(min_length=2)


Check = Annotated[
    DocumentsCheck | RecordsCheck | FieldsCheck | RolesCheck | SettingCheck | MeasuresCheck | AnyCheck,
    Field(discriminator="type"),
]


def simple_checks(check: object) -> list:
    """The plain rules inside a check (the alternatives of an `any`), for validation and listing."""
    if check is None:
        return []
    if isinstance(check, AnyCheck):
        return list(check.checks)
    return [check]


class Component(Model):
    """One required component (องค์ประกอบ). Without `check` it is guidance a person verifies."""

    id: str = Field(pattern=r"^[a-z0-9_]+$", description="ชื่อสั้นภาษาอังกฤษ ใช้ในคำเตือน")
    text: Text = Field(description="ถ้อยคำตามคู่มือการประเมิน")
    check: Check | None = None


Confidence = Literal["confirmed", "title_confirmed", "unconfirmed"]


class Item(Model):
    number: int = Field(ge=1, le=99)
    title: Text
    title_en: str | None = None
    sub_indicator: Text = Field(description="ตัวชี้วัดย่อย เช่น 9.1")
    group: str | None = Field(None, description="หัวข้อภายในตัวชี้วัดย่อย เช่น ข้อมูลพื้นฐาน")
    period: PeriodRule = "any"
    period_text: str | None = Field(None, description="คำอธิบายปีของข้อมูลที่ต้องแสดง")
    confidence: Confidence = "unconfirmed"
    # Provenance for the webmaster (listed by `ita check --sources`, never on public pages):
    # where the number, title and wording were seen, and what is still in doubt.
    source: str | None = Field(None, description="ที่มาของชื่อข้อและถ้อยคำ (แสดงใน ita check --sources)")
    doubts: list[Text] = Field([], description="สิ่งที่ยังไม่แน่ใจ ควรตรวจกับคู่มือการประเมิน (ไม่แสดงบนหน้าเว็บ)")
    sections: list[Text] = Field([], description="ส่วนที่แสดงบนหน้า (templates/sections/<name>.md.j2)")
    also_show: list[Text] = Field([], description="ชนิดเอกสารที่แสดงในหน้าด้วยแม้ไม่มีกฎตรวจ (เช่น org_chart)")
    components: list[Component] = Field(min_length=1)

    @property
    def code(self) -> str:
        """The stable URL key: o01 … o99."""
        return f"o{self.number:02d}"

    @property
    def label(self) -> str:
        return f"O{self.number}"

    @model_validator(mode="after")
    def _unique_components(self) -> "Item":
        ids = [c.id for c in self.components]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"รหัสองค์ประกอบซ้ำ: {', '.join(dupes)}")
        return self


class SubIndicator(Model):
    id: Text
    title: Text


class ResultLevels(Model):
    """The level words the NACC reports beside the score in this year, highest first.
    Stored as given, never computed: from 2568 a level also depends on the EIT, not on the total alone."""

    levels: list[Text] = Field(min_length=1, description="ระดับผลการประเมิน เรียงจากสูงไปต่ำ เช่น ผ่านดีเยี่ยม ผ่านดี ผ่าน ไม่ผ่าน")
    source: Text = Field(description="ที่มาของระดับผลการประเมิน")
    doubts: list[Text] = []


class Catalog(Model):
    """data/ita/<year>.yml."""

    year: int = Field(ge=2560, le=2700, description="ปีงบประมาณที่ประเมิน (พ.ศ.)")
    title: Text
    provisional: bool = Field(description="true เมื่อแหล่งที่มาไม่ใช่คู่มือการประเมินของ ป.ป.ช. เอง")
    source: Text = Field(description="ที่มาของรายการ")
    replace: bool = Field(False, description="ในไฟล์ data/ita/<ปี>.yml ของเว็บไซต์: true = ใช้ไฟล์นี้ทั้งไฟล์แทนรายการของโปรแกรม "
                                             "false = แทนหรือเพิ่มเฉพาะข้อที่ระบุ (a site's file replaces the package's "
                                             "catalog, or only its items of the same number)")
    result_levels: ResultLevels | None = Field(None, description="ระดับผลการประเมินของปีนี้")
    sub_indicators: list[SubIndicator] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Catalog":
        # Item numbers are unique: checked by the loader, which names the lines of both.
        known = {s.id for s in self.sub_indicators}
        for item in self.items:
            if item.sub_indicator not in known:
                raise ValueError(f"O{item.number}: ไม่มีตัวชี้วัดย่อย '{item.sub_indicator}' ใน sub_indicators")
        return self
