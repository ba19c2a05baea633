"""Completeness: for each item of a year, which components the content satisfies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from . import periods, thai
from .models.catalog import (
    AnyCheck,
    Catalog,
    Component,
    DocumentsCheck,
    FieldsCheck,
    Item,
    MeasuresCheck,
    RecordsCheck,
    RolesCheck,
    SettingCheck,
    simple_checks,
)
from .models.content import Content
from .models.evidence import Document
from .models.organisation import Executive
from .status import Status

FIELD_LABELS = {
    "name": "ชื่อ-นามสกุล", "position": "ตำแหน่ง", "photo": "รูปถ่าย", "phone": "โทรศัพท์",
    "email": "อีเมล", "fax": "โทรสาร", "address": "ที่อยู่", "map_url": "แผนที่", "hours": "เวลาทำการ",
    "political": "ฝ่ายการเมือง", "staff": "ฝ่ายข้าราชการประจำ", "duties": "อำนาจหน้าที่",
    "qa": "ช่องทางถาม-ตอบ", "social": "เครือข่ายสังคมออนไลน์", "eservices": "E-Service",
    "complaint": "ช่องทางร้องเรียน", "itas_code": "รหัส ITAS", "law": "กฎหมายที่กำหนด",
    "working_group": "คณะทำงานจริยธรรม", "dos": "Dos", "donts": "Don'ts",
}
# What each content list is, in the words of the public page and of the log.
PATH_LABELS = {
    "news.entries": "ข่าวประชาสัมพันธ์", "participation.entries": "กิจกรรมการเปิดโอกาสให้มีส่วนร่วม",
    "no_gift.entries": "กิจกรรมตามนโยบาย No Gift Policy", "ethics.entries": "กิจกรรมส่งเสริมจริยธรรม",
    "risk.entries": "การดำเนินการเพื่อจัดการความเสี่ยง", "services.statistics": "ข้อมูลสถิติการให้บริการ",
    "complaints.statistics": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", "risk.risks": "ผลการประเมินความเสี่ยง",
    "plans.projects": "โครงการตามแผนดำเนินงาน", "hr.projects": "โครงการตามแผนบริหารทรัพยากรบุคคล",
    "anti_corruption.projects": "โครงการตามแผนปฏิบัติการป้องกันการทุจริต", "no_gift.gifts": "รายงานการรับของขวัญ",
    "contact.qa": "ช่องทางถาม-ตอบ (Q&A)", "contact.social": "เครือข่ายสังคมออนไลน์",
    "contact.eservices": "บริการออนไลน์ (E-Service)", "contact.complaint": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
    "executives.executives": "ข้อมูลผู้บริหาร", "ethics.working_group": "คณะทำงานขับเคลื่อนจริยธรรม",
    "structure.duties": "อำนาจหน้าที่", "contact": "ข้อมูลการติดต่อ", "structure": "แผนผังโครงสร้าง",
    "ethics": "แนวปฏิบัติ (Dos & Don'ts)",
}
# The place of the n-th entry of a list, counting from 1, for the log.
ENTRY_NAMES = {"executives.executives": "ผู้บริหารคนที่", "ethics.working_group": "คณะทำงานคนที่"}
# An example value the webmaster can copy, per field.
FIELD_EXAMPLES = {
    "photo": "photo: people/deputy-mayor.jpg (ไฟล์อยู่ใน content/files/people/)",
    "phone": "phone: 0 5499 0100", "email": "email: saraban@example.go.th", "fax": "fax: 0 5499 0101",
    "url": "url: https://line.me/R/ti/p/@example", "name": "name: Line Official Account",
    "map_url": "map_url: https://maps.google.com/?q=…", "position": "position: รองนายกเทศมนตรี",
    "itas_code": "itas_code: AbC123 (รหัสหรือลิงก์แบบวัด EIT จากระบบ ITAS)",
    "text": "text: (ข้อความอธิบายหน้าที่และอำนาจ)",
    "political": "political: [{name: นายกเทศมนตรี, units: [{name: รองนายกเทศมนตรี}]}]",
    "staff": "staff: [{name: ปลัดเทศบาล, units: [{name: กองคลัง, head: ผู้อำนวยการกองคลัง}]}]",
    "address": "address: {line: เลขที่ 99 หมู่ที่ 4, subdistrict: …, district: …, province: …, postcode: 52130}",
    "dos": "dos: [ให้บริการตามลำดับคิว]", "donts": "donts: [รับเงินหรือสิ่งของจากผู้มาติดต่อ]",
}
SETTING_PUBLIC = {"itas_code": "QR Code แบบวัด EIT"}
ROLE_LABELS = {
    "top": "ผู้บริหารสูงสุด", "deputy": "รองผู้บริหารสูงสุด", "council": "ประธานสภา",
    "secretary": "เลขานุการ", "staff_head": "ปลัด", "other": "ผู้บริหาร",
}


# Where in a content file something lives: (file shown to the webmaster, path inside it) → line.
Locate = Callable[[str, tuple], "int | None"]


@dataclass(frozen=True)
class Gap:
    """One missing piece, said twice: `public` for the pages (plain Thai: what is not published,
    no file, field or code), `webmaster` for the build log and `ita check` (file, line, place,
    field, what is wrong, what to do, an example)."""

    public: str
    webmaster: str


@dataclass
class Finding:
    """One component's result: `ok` None means a person verifies it (no machine rule)."""

    component: Component
    ok: bool | None
    gaps: list[Gap] = field(default_factory=list)
    evidence: list[Any] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        """The webmaster's sentences (log, `ita check`)."""
        return [g.webmaster for g in self.gaps]

    @property
    def public(self) -> list[str]:
        """The public sentences (item pages, the measures report)."""
        return [g.public for g in self.gaps]


@dataclass
class ItemStatus:
    item: Item
    findings: list[Finding]
    documents: list[Document]

    @property
    def status(self) -> Status:
        checked = [f for f in self.findings if f.ok is not None]
        if checked and all(f.ok for f in checked):
            return Status.COMPLETE
        if not self.documents and not any(f.evidence for f in self.findings):
            return Status.EMPTY
        return Status.INCOMPLETE

    @property
    def missing(self) -> list[tuple[Finding, str]]:
        return [(f, m) for f in self.findings if f.ok is False for m in f.missing]


def resolve(content: Content, path: str) -> Any:
    value: Any = content
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def in_office(person: Executive, year: int) -> bool:
    start, end = thai.fiscal_year_start(year), thai.fiscal_year_end(year)
    return (person.since is None or person.since <= end) and (person.until is None or person.until >= start)


def executives_of(content: Content, year: int) -> list[Executive]:
    return [p for p in content.executives.executives if in_office(p, year)]


def _name_of(entry: Any, index: int) -> str:
    for attr in ("name", "title", "event", "service"):
        value = getattr(entry, attr, None)
        if value:
            position = getattr(entry, "position", None)
            return f"{value} ({position})" if position else str(value)
    return f"รายการที่ {index + 1}"


def _span_of(entry: Any):
    return getattr(entry, "covers", None)


def _day_of(entry: Any) -> date | None:
    return getattr(entry, "date", None)


def not_published(what: str) -> str:
    """'ยังไม่ได้เผยแพร่…', with a space before an English word (QR Code, E-Service)."""
    return f"ยังไม่ได้เผยแพร่{' ' if what[:1].isascii() else ''}{what}"


def where(file: str, locate: Locate | None, loc: tuple = (), place: str = "", field: str = "") -> str:
    """The webmaster's address of a spot: file, line, the entry counted from 1, the field."""
    line = locate(file, loc) if locate else None
    parts = [f"{file} บรรทัดที่ {line}" if line else file]
    if place:
        parts.append(place)
    if field:
        parts.append(f"ช่อง {field}")
    return " · ".join(parts)


def period_example(rule: str, year: int) -> str:
    """How the webmaster dates evidence so that the rule counts it."""
    if rule == "covers_year":
        return f"covers: {year}"
    if rule == "previous_year":
        return f"covers: {year - 1}"
    if rule == "first_half":
        return f"covers: {{from: {year - 1}-10-01, to: {year}-03-31}}"
    if rule == "in_year":
        return f"date: {year - 1}-12-15 (วันที่ใดก็ได้ระหว่าง 1 ตุลาคม {year - 1} – 30 กันยายน {year})"
    return ""


def _period_result(entries: list[Any], rule: str, year: int, minimum: int, what: str,
                   fix: str) -> tuple[bool, list[Gap], list[Any]]:
    """`what` names the evidence in plain Thai; `fix` tells the webmaster where to add it."""
    matching = [e for e in entries if periods.relevant(_day_of(e), _span_of(e), rule, year)]
    when = periods.describe(rule, year)
    example = period_example(rule, year)
    how = f" {fix}" + (f" เช่น {example}" if example else "")
    if rule in ("first_half", "covers_year", "previous_year"):
        start, end = periods.required_span(rule, year)  # type: ignore[misc]
        spans = [_span_of(e) for e in matching if _span_of(e) is not None]
        if not periods.covers(spans, start, end):
            return False, [Gap(f"{not_published(what)} ที่{when}", f"ไม่มี{what} ที่{when}{how}")], matching
        return True, [], matching
    if len(matching) < minimum:
        need = f" อย่างน้อย {minimum} รายการ" if minimum > 1 else ""
        at = f" ที่{when}" if when else ""
        return False, [Gap(f"{not_published(what)}{at}{need}",
                           f"ไม่มี{what}{at}{need} (พบ {len(matching)} รายการ){how}")], matching
    return True, [], matching


def _signed_by_top(doc: Document, content: Content) -> bool:
    day = doc.day
    tops = [p for p in content.executives.executives
            if p.role == "top" and (p.since is None or p.since <= day) and (p.until is None or p.until >= day)]
    return any(doc.signed_by and p.name in doc.signed_by for p in tops)


def check_documents(check: DocumentsCheck, content: Content, year: int, kinds: dict) -> tuple[bool, list[Gap], list[Any]]:
    docs = [d for d in content.documents() if d.kind in check.kinds]
    if check.language:
        docs = [d for d in docs if d.language == check.language]
    if check.signed:
        docs = [d for d in docs if d.signed_by]
    unsigned = []
    if check.signed_by_role == "top":
        unsigned = [d for d in docs if not _signed_by_top(d, content)]
        docs = [d for d in docs if d not in unsigned]
    names = " หรือ ".join(kinds[k].title if k in kinds else k for k in check.kinds)
    language = " ฉบับภาษาอังกฤษ" if check.language == "en" else (" ฉบับภาษาไทย" if check.language == "th" else "")
    signer = " ที่ลงนามโดยผู้บริหารสูงสุด" if check.signed_by_role == "top" else ""
    files = sorted({f"content/{kinds[k].topic}.yml" for k in check.kinds if k in kinds and getattr(kinds[k], "topic", None)})
    fix = (f"ให้เพิ่มเอกสารใน {' หรือ '.join(files) or 'ไฟล์หัวข้อใน content/'} ระบุ kind: {check.kinds[0]}"
           + (f" language: {check.language}" if check.language else "") + (" และ signed_by" if check.signed or signer else ""))
    ok, gaps, matching = _period_result(docs, check.period, year, check.min, f"เอกสาร{names}{language}{signer}", fix)
    if not ok and unsigned:
        titles = " ".join(f"'{d.title}'" for d in unsigned)
        gaps.append(Gap(f"เอกสาร{names}{language}ที่เผยแพร่ไม่ได้ลงนามโดยผู้บริหารสูงสุดที่ดำรงตำแหน่งในวันที่ลงนาม",
                        f"ผู้ลงนาม (signed_by) ของ {titles} ไม่ใช่ผู้บริหารสูงสุดที่ดำรงตำแหน่งในวันที่ลงนาม "
                        f"ให้ตรวจช่อง signed_by และ date ของเอกสารกับช่อง since/until ใน content/executives.yml"))
    return ok, gaps, sorted(matching, key=lambda d: d.day, reverse=True)


def check_records(check: RecordsCheck, content: Content, year: int) -> tuple[bool, list[Gap], list[Any]]:
    entries = resolve(content, check.path)
    topic, _, name = check.path.partition(".")
    dated = "covers" if check.period in ("first_half", "covers_year", "previous_year") else "date"
    fix = f"ให้เพิ่มรายการในช่อง {name} ของ content/{topic}.yml พร้อมช่อง {dated}"
    return _period_result(list(entries), check.period, year, check.min, PATH_LABELS.get(check.path, "ข้อมูล"), fix)


def check_fields(check: FieldsCheck, content: Content, year: int,
                 locate: Locate | None = None) -> tuple[bool, list[Gap], list[Any]]:
    value = resolve(content, check.path)
    whole = value
    if check.path == "executives.executives":
        value = executives_of(content, year)
    targets = value if isinstance(value, list) else [value]
    topic, _, rest = check.path.partition(".")
    file = f"content/{topic}.yml"
    loc = tuple(rest.split(".")) if rest else ()
    label = PATH_LABELS.get(check.path, FIELD_LABELS.get(rest, "ข้อมูล"))
    gaps = []
    if isinstance(value, list) and len(value) < check.min:
        fields = ", ".join(f.split("|")[0] for f in check.fields)
        count = f"อย่างน้อย {check.min} รายการ"
        gaps.append(Gap(not_published(label) if not value else f"{label}มีน้อยกว่า {check.min} รายการ",
                        f"{where(file, locate, loc, field=rest)}: ยังไม่มี{label}{'ในปีงบประมาณ ' + str(year) if whole is not value else ''} "
                        f"ให้เพิ่ม{count} แต่ละรายการมีช่อง {fields}"))
    for index, target in enumerate(targets):
        for spec in check.fields:
            options = spec.split("|")
            if not any(_filled(getattr(target, name, None)) for name in options):
                what = " หรือ ".join(FIELD_LABELS.get(n, n) for n in options)
                example = " หรือ ".join(FIELD_EXAMPLES[n] for n in options if n in FIELD_EXAMPLES)
                hint = f" เช่น {example}" if example else ""
                lost = getattr(target, "missing_photo", None) if "photo" in options else None
                if isinstance(value, list):
                    position = whole.index(target) if isinstance(whole, list) and target in whole else index
                    owner = _name_of(target, index)
                    name = getattr(target, "name", None) or getattr(target, "title", None)
                    place = f"{ENTRY_NAMES.get(check.path, 'รายการที่')} {position + 1}" + (f" {name}" if name else "")
                    at = where(file, locate, loc + (position,), place, spec)
                    public = f"{owner}: {not_published(what)}"
                else:
                    at = where(file, locate, loc, field=".".join((*loc, spec)) if loc else spec)
                    public = not_published(what)
                if lost:
                    problem = f"ไม่พบไฟล์รูป content/files/{lost} ให้วางไฟล์รูปไว้ที่นั่น หรือแก้ชื่อไฟล์ในช่อง photo ให้ตรงกับไฟล์ที่มี"
                else:
                    problem = f"ยังไม่ได้ใส่{what} ให้เพิ่มช่อง {' หรือ '.join(options)}{hint}"
                gaps.append(Gap(public, f"{at}: {problem}"))
    evidence = [t for t in targets if isinstance(t, BaseModel) and any(_filled(getattr(t, f.split('|')[0], None)) for f in check.fields)]
    return not gaps, gaps, evidence


def check_roles(check: RolesCheck, content: Content, year: int,
                locate: Locate | None = None) -> tuple[bool, list[Gap], list[Any]]:
    people = executives_of(content, year)
    at = where("content/executives.yml", locate, ("executives",), field="role")
    gaps = [Gap(f"ยังไม่ได้เผยแพร่ข้อมูล{ROLE_LABELS[r]}",
                f"{at}: ไม่มีผู้บริหารที่เป็น{ROLE_LABELS[r]} (role: {r}) ซึ่งดำรงตำแหน่งในปีงบประมาณ {year} "
                f"ให้เพิ่มผู้บริหาร หรือแก้ช่อง role since until ของผู้ที่มีอยู่ เช่น role: {r}")
            for r in check.roles if not any(p.role == r for p in people)]
    return not gaps, gaps, [p for p in people if p.role in check.roles]


def check_setting(check: SettingCheck, content: Content,
                  locate: Locate | None = None) -> tuple[bool, list[Gap], list[Any]]:
    value = getattr(content.agency, check.field, None)
    if _filled(value):
        return True, [], [value]
    label = FIELD_LABELS.get(check.field, check.field)
    example = f" เช่น {FIELD_EXAMPLES[check.field]}" if check.field in FIELD_EXAMPLES else ""
    return False, [Gap(f"{not_published(SETTING_PUBLIC.get(check.field, label))}",
                       f"{where('content/agency.yml', locate, (check.field,), field=check.field)}: "
                       f"ยังไม่ได้ใส่{label} ให้เพิ่ม{example}")], []


MEASURE_PARTS = {"analysis": "การวิเคราะห์ผลการประเมิน", "measures": "มาตรการ", "results": "รายงานผลการดำเนินการตามมาตรการ"}
MEASURE_FIELDS = {"analysis": "analysis", "measures": "measures ในช่อง groups", "results": "results ของแต่ละมาตรการ"}


def check_measures(check: MeasuresCheck, content: Content, year: int) -> tuple[bool, list[Gap], list[Any]]:
    target = year + check.year_offset
    measures = content.measures.get(target)
    groups = measures.all_groups() if measures else []
    found = {
        "analysis": bool(measures and measures.analysis),
        "measures": any(g.measures for g in groups),
        "results": any(m.results for g in groups for m in g.measures),
    }[check.part]
    if found:
        return True, [], [measures]
    part = MEASURE_PARTS[check.part]
    file = f"content/measures/{target}.yml"
    fix = (f"ยังไม่มีไฟล์ {file} ให้สร้างไฟล์นี้ (ดูตัวอย่างใน docs/measures.md)" if measures is None
           else f"{file}: ยังไม่มี{part} ให้เพิ่มช่อง {MEASURE_FIELDS[check.part]}")
    return False, [Gap(f"{not_published(part)} ประจำปีงบประมาณ {target}", fix)], []


def _evaluate(check: object, content: Content, year: int, kinds: dict,
              locate: Locate | None = None) -> tuple[bool, list[Gap], list[Any]]:
    if isinstance(check, DocumentsCheck):
        return check_documents(check, content, year, kinds)
    if isinstance(check, RecordsCheck):
        return check_records(check, content, year)
    if isinstance(check, FieldsCheck):
        return check_fields(check, content, year, locate)
    if isinstance(check, RolesCheck):
        return check_roles(check, content, year, locate)
    if isinstance(check, MeasuresCheck):
        return check_measures(check, content, year)
    if isinstance(check, AnyCheck):
        results = [_evaluate(c, content, year, kinds, locate) for c in check.checks]
        for ok, _, evidence in results:
            if ok:
                return True, [], evidence
        gaps = [g for _, found, _ in results for g in found]
        either = Gap(" หรือ ".join(g.public for g in gaps), " หรือ ".join(g.webmaster for g in gaps))
        return False, [either], [e for _, _, found in results for e in found]
    assert isinstance(check, SettingCheck)
    return check_setting(check, content, locate)


def check_component(component: Component, content: Content, year: int, kinds: dict,
                    locate: Locate | None = None) -> Finding:
    if component.check is None:
        return Finding(component, None)
    ok, gaps, evidence = _evaluate(component.check, content, year, kinds, locate)
    return Finding(component, ok, gaps, evidence)


def document_rules(item: Item) -> dict[str, str]:
    """Kind → period rule of every document an item's rules ask for."""
    wanted: dict[str, str] = {}
    for component in item.components:
        for check in simple_checks(component.check):
            if isinstance(check, DocumentsCheck):
                for kind in check.kinds:
                    wanted.setdefault(kind, check.period)
    for kind in item.also_show:
        wanted.setdefault(kind, item.period)
    return wanted


def item_documents(item: Item, findings: list[Finding], content: Content, year: int) -> list[Document]:
    """The documents an item's page lists, newest first: those its checks counted (so the page
    shows what the status was decided on, nothing a rule refused, such as an unsigned copy),
    and those of its `also_show` kinds relevant to the year."""
    docs: dict[int, Document] = {}
    for finding in findings:
        for found in finding.evidence:
            if isinstance(found, Document):
                docs.setdefault(id(found), found)
    for doc in content.documents():
        if doc.kind in item.also_show and periods.relevant(doc.date, doc.covers, item.period, year):
            docs.setdefault(id(doc), doc)
    return sorted(docs.values(), key=lambda d: (d.day, d.title), reverse=True)


def check_item(item: Item, content: Content, year: int, kinds: dict, locate: Locate | None = None) -> ItemStatus:
    findings = [check_component(c, content, year, kinds, locate) for c in item.components]
    return ItemStatus(item, findings, item_documents(item, findings, content, year))


def check_catalog(catalog: Catalog, content: Content, kinds: dict, locate: Locate | None = None) -> list[ItemStatus]:
    """`locate(file, path)` gives the line of a spot in a content file, for the webmaster's messages."""
    return [check_item(item, content, catalog.year, kinds, locate) for item in catalog.items]
