"""content/measures/<year>.yml: the integrity measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน).

One file per assessment year holds what agencies write by hand every year: the analysis of the
previous ITA result, the measures (grouped by the seven issues, by indicator or free-form), what
was done under each measure (6- and 12-month rounds), optional indicator tables, who is
responsible for each OIT item, and the sign-off. Every field but a few is optional: agencies
organise these reports differently and the page shows only the columns that have data.

The OIT progress *status* is never written here: it is computed from the completeness check.
"""

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, HttpUrl, field_validator, model_validator

from .base import Model, PeriodField, Text, ThaiDate
from .report_layout import OUTSIDE_SECTIONS, Body

# The seven issues (ประเด็น) the NACC uses from 2567 to organise the measures.
ISSUES: dict[int, str] = {
    1: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    2: "การให้บริการและระบบ E-Service",
    3: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    4: "กระบวนการการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    5: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
    6: "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
    7: "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
}

Status = Literal["not_started", "in_progress", "done"]


def _as_text(value: Any) -> Any:
    """Numbers written without quotes (`number: 1`, `period: 2567`) are text here."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    return value


def _as_list(value: Any) -> Any:
    """One value or a list of them: `responsible: กองคลัง` or `responsible: [กองคลัง, สำนักปลัด]`."""
    if value is None:
        return []
    if isinstance(value, (str, int, float, dict)):
        return [value]
    return value


FreeText = Annotated[str, BeforeValidator(_as_text)]

Lines = Annotated[
    str | list[Annotated[Text, BeforeValidator(_as_text)]],
    BeforeValidator(_as_text),
    Field(description="ข้อความ (หลายบรรทัดได้) หรือรายการข้อ ๆ"),
]
"""Text shown in a cell or paragraph: a string (line breaks kept) or a list of points."""

People = Annotated[
    list[Annotated[Text, BeforeValidator(_as_text)]],
    BeforeValidator(_as_list),
    Field(description="ผู้รับผิดชอบ: ข้อความเดียว หรือรายการ"),
]

_CODE = re.compile(r"^([IEOieo])\s*(\d{1,3})$")
_CODE_AND_TEXT = re.compile(r"^([IEOieo]\s*\d{1,3})(?:\s+(.*))?$", re.S)


def _code_error(text: str) -> ValueError:
    head = str(text).split()[0] if str(text).split() else str(text)
    hint = ""
    if re.fullmatch(r"1\d{1,3}", head):  # OCR: "119" for "I19"
        hint = f" หมายถึง 'I{head[1:]}' หรือไม่? (did you mean 'I{head[1:]}'?)"
    return ValueError(
        f"ข้อคำถาม '{text}' ต้องขึ้นต้นด้วยรหัสข้อคำถาม เช่น I1, E11, O12 "
        f"(a survey question code: I = IIT, E = EIT, O = OIT){hint}"
    )


class Question(Model):
    """A survey question behind a measure: `I19` or `I19 ท่านรู้แนวปฏิบัติ...` or {code, text, score}."""

    code: str = Field(description="รหัสข้อคำถาม เช่น I1, E11, O12")
    text: str | None = Field(None, description="ถ้อยคำของข้อคำถาม")
    score: float | None = Field(None, ge=0, le=100, description="คะแนนของข้อคำถาม")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _CODE_AND_TEXT.match(value.strip())
            if not match:
                raise _code_error(value)
            return {"code": match[1], "text": match[2]} if match[2] else {"code": match[1]}
        return value

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        match = _CODE.match(str(value).strip())
        if not match:
            raise _code_error(value)
        return f"{match[1].upper()}{int(match[2])}"

    @property
    def label(self) -> str:
        return f"{self.code} {self.text}" if self.text else self.code


Questions = Annotated[list[Question], BeforeValidator(_as_list)]


class EvidenceLink(Model):
    """A link to evidence: `item: 12` (that OIT item's page of the year), `file:` or `url:`."""

    item: int | None = Field(None, ge=1, le=99, description="หมายเลขข้อ OIT ของปีนี้ เช่น 12 → หน้า O12")
    file: str | None = Field(None, description="ไฟล์ใต้ content/files/ เช่น measures/report-6m.pdf")
    url: HttpUrl | None = Field(None, description="ลิงก์ภายนอก")
    title: str | None = Field(None, description="ข้อความของลิงก์")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return {"item": value}
        return value

    @field_validator("file")
    @classmethod
    def _relative(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = value.replace("\\", "/").split("/")
        if value.startswith("/") or ".." in parts or re.match(r"^[a-z]+:", value, re.I):
            raise ValueError(f"file '{value}' ต้องเป็นพาธใต้ content/files/ เช่น measures/report.pdf")
        return value

    @model_validator(mode="after")
    def _one_target(self) -> "EvidenceLink":
        targets = [t for t in (self.item, self.file, self.url) if t is not None]
        if len(targets) != 1:
            raise ValueError("หลักฐานต้องระบุอย่างใดอย่างหนึ่ง: item (หมายเลขข้อ), file หรือ url")
        return self


Cells = Annotated[dict[str, Lines | None], Field(
    description="ค่าของคอลัมน์อิสระ (key ของคอลัมน์ใน body) เช่น {remark: ...}")]


class Result(Model):
    """What was done under a measure in one reporting round."""

    number: FreeText | None = Field(None, description="ลำดับในตารางผล (เมื่อต่างจากแผน)")
    name: str | None = Field(None, description="ชื่อแถวในตารางผล (เมื่อต่างจากชื่อมาตรการในแผน)")
    round: Literal[6, 12] | None = Field(None, description="รอบการรายงาน: 6 หรือ 12 เดือน")
    status: Status | None = Field(None, description="not_started ยังไม่ได้ดำเนินการ, in_progress อยู่ระหว่างดำเนินการ, done ดำเนินการแล้ว")
    method: Lines | None = Field(None, description="วิธีดำเนินการ")
    summary: Lines | None = Field(None, description="สรุปผลการดำเนินการ")
    outputs: Lines | None = Field(None, description="ผลผลิต")
    outcomes: Lines | None = Field(None, description="ผลลัพธ์/ผลสำเร็จ")
    problems: Lines | None = Field(None, description="ปัญหา/อุปสรรค")
    recommendations: Lines | None = Field(None, description="ข้อเสนอแนะ")
    date: ThaiDate | None = Field(None, description="วันที่ดำเนินการหรือรายงาน")
    covers: PeriodField | None = Field(None, description="ช่วงเวลาที่รายงาน")
    period: FreeText | None = Field(None, description="ระยะเวลาดำเนินการตามที่เขียนในตารางผล")
    responsible: People = []
    evidence: list[EvidenceLink] = Field([], description="หลักฐาน: item (ข้อ OIT), file หรือ url")
    cells: Cells = {}

    @field_validator("round", mode="before")
    @classmethod
    def _round(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        return value


class Measure(Model):
    """One measure (มาตรการ/กิจกรรม). Only what the agency uses needs to be filled."""

    number: FreeText | None = Field(None, description="ลำดับตามเอกสาร เช่น 1 หรือ ๑")
    name: str | None = Field(None, description="ชื่อมาตรการ/กิจกรรม")
    questions: Questions = Field([], description="ข้อคำถามที่เกี่ยวข้อง เช่น I19 หรือ 'I19 ถ้อยคำ'")
    finding: Lines | None = Field(None, description="ข้อค้นพบ")
    guideline: Lines | None = Field(None, description="แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ")
    steps: Lines | None = Field(None, description="ขั้นตอน/วิธีการปฏิบัติ")
    target: Lines | None = Field(None, description="เป้าหมาย/ตัวชี้วัดความสำเร็จ")
    budget: Decimal | str | None = Field(None, description="งบประมาณ (บาท) หรือข้อความ เช่น ไม่ใช้งบประมาณ")
    period: FreeText | None = Field(None, description="ระยะเวลาดำเนินการ (ข้อความ) เช่น ไตรมาส 1-4")
    covers: PeriodField | None = Field(None, description="ระยะเวลาดำเนินการเป็นวันที่ หรือปีงบประมาณ")
    responsible: People = []
    monitoring: Lines | None = Field(None, description="การติดตามประเมินผล เช่น รายงานผลรอบ 6 และ 12 เดือน")
    note: Lines | None = Field(None, description="หมายเหตุ")
    cells: Cells = {}
    results: list[Result] = Field([], description="ผลการดำเนินการ รายรอบ")

    @model_validator(mode="after")
    def _something(self) -> "Measure":
        if not any((self.name, self.steps, self.guideline, self.finding)):
            raise ValueError("มาตรการต้องมีอย่างน้อยหนึ่งอย่าง: name, steps, guideline หรือ finding")
        rounds = [r.round for r in self.results if r.round is not None]
        dupes = sorted({r for r in rounds if rounds.count(r) > 1})
        if dupes:
            raise ValueError(f"รอบการรายงานซ้ำ: {', '.join(f'{r} เดือน' for r in dupes)}")
        return self


class Group(Model):
    """Measures under one heading: an issue (1–7), an indicator, or a free-form title."""

    issue: int | None = Field(None, ge=1, le=7, description="ประเด็นที่ 1–7")
    indicator: FreeText | None = Field(None, description="ตัวชี้วัด เช่น 9.4 หรือ 4")
    title: str | None = Field(None, description="ชื่อหัวข้อ (ถ้าไม่ระบุและมี issue จะใช้ชื่อประเด็นมาตรฐาน)")
    description: Lines | None = None
    measures: list[Measure] = Field(min_length=1)

    @property
    def heading(self) -> str:
        """The group's heading text ('' when the group has no heading)."""
        if self.issue is not None:
            return f"ประเด็นที่ {self.issue} {self.title or ISSUES[self.issue]}"
        if self.indicator is not None:
            label = self.indicator if self.indicator.startswith("ตัวชี้วัด") else f"ตัวชี้วัดที่ {self.indicator}"
            return f"{label} {self.title}" if self.title else label
        return self.title or ""


class Point(Model):
    """A weak point or a point to improve: text, optionally with its indicator, questions, score."""

    text: Text
    indicator: FreeText | None = None
    questions: Questions = []
    score: float | None = Field(None, ge=0, le=100)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class IndicatorScore(Model):
    """The score of one indicator in the assessment being analysed."""

    code: FreeText | None = Field(None, description="เลขตัวชี้วัด เช่น 1 หรือ 9.1")
    name: Text = Field(description="ชื่อตัวชี้วัด")
    tool: Literal["IIT", "EIT", "OIT"] | None = None
    score: float | None = Field(None, ge=0, le=100)
    note: str | None = None


class Analysis(Model):
    """The analysis of the previous assessment's result."""

    year: int | None = Field(None, ge=2560, le=2700, description="ปีที่ประเมินซึ่งนำมาวิเคราะห์ (พ.ศ.)")
    score: float | None = Field(None, ge=0, le=100, description="คะแนนรวม")
    level: str | None = Field(None, description="ระดับผลการประเมินตามที่ได้รับ เช่น A, ผ่าน (ไม่คำนวณ)")
    summary: Lines | None = Field(None, description="บทสรุปการวิเคราะห์")
    indicators: list[IndicatorScore] = Field([], description="คะแนนรายตัวชี้วัด")
    weak_points: list[Point] = Field([], description="ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน")
    improvements: list[Point] = Field([], description="ประเด็นที่ต้องพัฒนาให้ดีขึ้น")
    limits: list[Annotated[Text, BeforeValidator(_as_text)]] = Field([], description="ข้อจำกัดของหน่วยงาน")


class IndicatorRow(Model):
    """A row of the IIT (or EIT) indicator table: how the agency lifts an indicator."""

    indicator: Text = Field(description="ตัวชี้วัด เช่น ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่")
    score: float | None = Field(None, ge=0, le=100)
    guideline: Lines | None = Field(None, description="แนวทางในการยกระดับ")
    responsible: People = []
    period: FreeText | None = None
    covers: PeriodField | None = None
    status: Status | None = None
    progress: Lines | None = Field(None, description="ความก้าวหน้าผลการดำเนินการ")


class OitOverride(Model):
    """Who is responsible for an OIT item, and an optional note of what was done.
    The status is computed from the completeness check, never written here."""

    item: int = Field(ge=1, le=99, description="หมายเลขข้อ OIT")
    responsible: People = []
    note: Lines | None = Field(None, description="ผลการดำเนินการ (ข้อความประกอบ)")


class Signer(Model):
    role: str | None = Field(None, description="บทบาทตามเอกสาร เช่น ผู้รายงาน, ผู้ตรวจสอบ")
    name: str | None = None
    position: str | None = None
    unit: str | None = Field(None, description="ส่วนราชการ เมื่อจัดทำในนามหน่วยงาน")
    date: ThaiDate | None = None
    comment: Lines | None = Field(None, description="ข้อความเหนือลายมือชื่อ เช่น รายงาน, เพื่อโปรดทราบ, เห็นควรอนุมัติ")

    @model_validator(mode="after")
    def _who(self) -> "Signer":
        if not (self.name or self.position or self.unit):
            raise ValueError("ผู้ลงนามต้องมี name, position หรือ unit อย่างน้อยหนึ่งอย่าง")
        return self


Signers = Annotated[list[Signer], BeforeValidator(_as_list)]


class SignOff(Model):
    """Who signs: prepared / reviewed / approved, or (a list) signers in the document's order,
    each with the role label and wording the document has."""

    prepared: Signers = Field([], description="ผู้จัดทำ")
    reviewed: Signers = Field([], description="ผู้ตรวจสอบ/เสนอความเห็น")
    approved: Signers = Field([], description="ผู้อนุมัติ")
    signers: Signers = Field([], description="ผู้ลงนามตามลำดับในเอกสาร (role และ comment ตามเอกสาร)")

    @model_validator(mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> Any:
        return {"signers": value} if isinstance(value, list) else value


class Memo(Model):
    """The heading of an official memo (บันทึกข้อความ)."""

    department: str | None = Field(None, description="ส่วนราชการ")
    number: FreeText | None = Field(None, description="ที่ (เลขที่หนังสือ)")
    date: ThaiDate | None = None
    subject: str | None = Field(None, description="เรื่อง")
    to: str | None = Field(None, description="เรียน")


MeasureColumn = Literal[
    "number", "name", "questions", "finding", "guideline", "steps", "target", "budget",
    "period", "responsible", "monitoring", "note",
]
ResultColumn = Literal[
    "number", "measure", "round", "status", "method", "summary", "outputs", "outcomes",
    "problems", "recommendations", "date", "evidence",
]
IndicatorColumn = Literal["indicator", "score", "guideline", "responsible", "period", "status", "progress"]
OitColumn = Literal["item", "title", "components", "responsible", "status", "missing", "note"]


class Labels(Model):
    """Column headers in the agency's own words, e.g. {measures: {steps: วิธีดำเนินการ}}."""

    measures: dict[MeasureColumn, Text] = {}
    results: dict[ResultColumn, Text] = {}
    iit: dict[IndicatorColumn, Text] = {}
    eit: dict[IndicatorColumn, Text] = {}
    oit: dict[OitColumn, Text] = {}


class Measures(Model):
    """content/measures/<year>.yml."""

    year: int = Field(ge=2560, le=2700, description="ปีที่ประเมินซึ่งมาตรการนี้จัดทำขึ้นสำหรับ (พ.ศ.)")
    title: str | None = Field(None, description="ชื่อเอกสาร (ถ้าไม่ระบุ ใช้ชื่อมาตรฐาน)")
    intro: Lines | None = Field(None, description="ข้อความนำ")
    memo: Memo | None = None
    labels: Labels = Labels()
    analysis: Analysis | None = None
    groups: list[Group] = Field([], description="มาตรการ จัดกลุ่มตามประเด็น/ตัวชี้วัด/หัวข้ออิสระ")
    measures: list[Measure] = Field([], description="มาตรการที่ไม่จัดกลุ่ม (ใช้แทน groups)")
    iit: list[IndicatorRow] = Field([], description="ตาราง IIT รายตัวชี้วัด")
    eit: list[IndicatorRow] = Field([], description="ตาราง EIT รายตัวชี้วัด")
    oit: list[OitOverride] = Field([], description="ผู้รับผิดชอบ (และหมายเหตุ) รายข้อ OIT")
    sign_off: SignOff | None = None
    body: Body | None = Field(None, description="เนื้อหาตามลำดับในเอกสาร: ข้อความ หัวข้อ ตาราง ส่วนมาตรฐาน")
    after_report: list[Literal["oit_progress", "eit_survey"]] | None = Field(
        None, description="ส่วนที่แสดงต่อท้ายรายงาน นอกเอกสารที่ลงนาม (ไม่ระบุ = ทั้งสองส่วนที่ไม่ได้วางใน body; [] = ไม่แสดง)")

    @model_validator(mode="after")
    def _consistent(self) -> "Measures":
        if self.groups and self.measures:
            raise ValueError("ใช้ groups หรือ measures อย่างใดอย่างหนึ่ง (measures = มาตรการที่ไม่จัดกลุ่ม)")
        if self.analysis and self.analysis.year and self.analysis.year > self.year:
            raise ValueError(f"analysis.year ({self.analysis.year}) ต้องไม่เกินปีของมาตรการ ({self.year})")
        items = [o.item for o in self.oit]
        dupes = sorted({i for i in items if items.count(i) > 1})
        if dupes:
            raise ValueError(f"ข้อ OIT ซ้ำใน oit: {', '.join(f'O{i}' for i in dupes)}")
        self._check_body()
        return self

    def _check_body(self) -> None:
        """What a declared body would leave out or show twice is an error, never dropped."""
        tables = [b.table for b in self.body or [] if b.table]
        declared = {k for t in tables for k in t.keys()}  # noqa: SIM118 (a table layout model, not a dict)
        for measure in self.all_measures():
            used = set(measure.cells).union(*(r.cells for r in measure.results))
            unknown = sorted(used - declared)
            if unknown:
                raise ValueError(f"cells: {', '.join(repr(k) for k in unknown)} ไม่ตรงกับ key ของคอลัมน์ใดใน body "
                                 "(ประกาศคอลัมน์ {key: ..., header: ...} ในตารางของ body)")
        for table in tables:
            if table.rows != "measures" or table.round is not None:
                continue
            if any(c.show and c.show.startswith("result.") for c in table.leaves()):
                for measure in self.all_measures():
                    if len(measure.results) > 1:
                        raise ValueError(
                            f"ตารางที่แสดงผล (result.*) หนึ่งแถวต่อมาตรการ ต้องระบุ round: 6 หรือ 12 "
                            f"เพราะ '{measure.name or measure.number}' มีรายงานผลหลายรอบ")
        ids = [t.id for t in tables if t.id]
        for ident in ids:
            if ids.count(ident) > 1:
                raise ValueError(f"id '{ident}' ใช้กับตารางมากกว่าหนึ่งตาราง ให้ตั้งชื่อไม่ซ้ำกัน")
        placed = [b.section for b in self.body or [] if b.section]
        dupes = sorted({s for s in placed if placed.count(s) > 1})
        if dupes:
            raise ValueError(f"body: ส่วน {', '.join(dupes)} ซ้ำ")
        twice = sorted(set(placed) & set(self.after_report or ()))
        if twice:
            raise ValueError(f"{', '.join(twice)} อยู่ทั้งใน body และ after_report: เลือกที่เดียว")

    def placed_sections(self) -> list[str]:
        return [b.section for b in self.body or [] if b.section]

    def outside_sections(self) -> list[str]:
        """The derived sections shown after the signed document (never printed with it)."""
        if self.after_report is not None:
            return list(self.after_report)
        return [s for s in OUTSIDE_SECTIONS if s not in self.placed_sections()]

    def all_groups(self) -> list[Group]:
        """The groups; ungrouped `measures` form one group without a heading."""
        if self.measures:
            return [Group(measures=self.measures)]
        return list(self.groups)

    def all_measures(self) -> list[Measure]:
        return [m for g in self.all_groups() for m in g.measures]
