"""Completeness: for each item of a year, which components the content satisfies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from . import periods, thai
from .models.catalog import (
    AnyCheck, Catalog, Component, DocumentsCheck, FieldsCheck, Item, MeasuresCheck, RecordsCheck, RolesCheck,
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
ROLE_LABELS = {
    "top": "ผู้บริหารสูงสุด", "deputy": "รองผู้บริหารสูงสุด", "council": "ประธานสภา",
    "secretary": "เลขานุการ", "staff_head": "ปลัด", "other": "ผู้บริหาร",
}



@dataclass
class Finding:
    """One component's result: `ok` None means a person verifies it (no machine rule)."""

    component: Component
    ok: bool | None
    missing: list[str] = field(default_factory=list)
    evidence: list[Any] = field(default_factory=list)


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


def _period_result(entries: list[Any], rule: str, year: int, minimum: int, what: str) -> tuple[bool, list[str], list[Any]]:
    matching = [e for e in entries if periods.relevant(_day_of(e), _span_of(e), rule, year)]
    if rule in ("first_half", "covers_year", "previous_year"):
        start, end = periods.required_span(rule, year)  # type: ignore[misc]
        spans = [_span_of(e) for e in matching if _span_of(e) is not None]
        if not periods.covers(spans, start, end):
            return False, [f"ไม่มี{what} ที่{periods.describe(rule, year)}"], matching
        return True, [], matching
    if len(matching) < minimum:
        need = f" อย่างน้อย {minimum} รายการ" if minimum > 1 else ""
        when = periods.describe(rule, year)
        return False, [f"ไม่มี{what}{(' ที่' + when) if when else ''}{need} (พบ {len(matching)})"], matching
    return True, [], matching


def _signed_by_top(doc: Document, content: Content) -> bool:
    day = doc.day
    tops = [p for p in content.executives.executives
            if p.role == "top" and (p.since is None or p.since <= day) and (p.until is None or p.until >= day)]
    return any(doc.signed_by and p.name in doc.signed_by for p in tops)


def check_documents(check: DocumentsCheck, content: Content, year: int, kinds: dict) -> tuple[bool, list[str], list[Any]]:
    docs = [d for d in content.documents() if d.kind in check.kinds]
    if check.language:
        docs = [d for d in docs if d.language == check.language]
    if check.signed:
        docs = [d for d in docs if d.signed_by]
    unsigned = []
    if check.signed_by_role == "top":
        unsigned = [d for d in docs if not _signed_by_top(d, content)]
        docs = [d for d in docs if d not in unsigned]
    names = " / ".join(kinds[k].title if k in kinds else k for k in check.kinds)
    language = " ฉบับภาษาอังกฤษ" if check.language == "en" else (" ฉบับภาษาไทย" if check.language == "th" else "")
    ok, missing, matching = _period_result(docs, check.period, year, check.min, f"เอกสาร '{names}'{language}")
    if not ok and unsigned:
        missing.append(f"ผู้ลงนามของ {', '.join(repr(d.title) for d in unsigned)} ไม่ใช่ผู้บริหารสูงสุดที่ดำรงตำแหน่งในวันที่ลงนาม")
    return ok, missing, sorted(matching, key=lambda d: d.day, reverse=True)


def check_records(check: RecordsCheck, content: Content, year: int) -> tuple[bool, list[str], list[Any]]:
    entries = resolve(content, check.path)
    return _period_result(list(entries), check.period, year, check.min, f"ข้อมูล '{check.path}'")


def check_fields(check: FieldsCheck, content: Content, year: int) -> tuple[bool, list[str], list[Any]]:
    value = resolve(content, check.path)
    if check.path == "executives.executives":
        value = executives_of(content, year)
    targets = value if isinstance(value, list) else [value]
    missing = []
    if isinstance(value, list) and len(value) < check.min:
        missing.append(f"ไม่มีข้อมูล '{check.path}'" if not value else f"'{check.path}' มีน้อยกว่า {check.min} รายการ")
    for index, target in enumerate(targets):
        for spec in check.fields:
            options = spec.split("|")
            if not any(_filled(getattr(target, name, None)) for name in options):
                label = " หรือ ".join(FIELD_LABELS.get(n, n) for n in options)
                owner = f"{_name_of(target, index)}: " if isinstance(value, list) else ""
                lost = getattr(target, "missing_photo", None) if "photo" in options else None
                gone = f" ไม่พบไฟล์ content/files/{lost}" if lost else ""
                missing.append(f"{owner}ไม่มี{label} ({spec}){gone}")
    evidence = [t for t in targets if isinstance(t, BaseModel) and any(_filled(getattr(t, f.split('|')[0], None)) for f in check.fields)]
    return not missing, missing, evidence


def check_roles(check: RolesCheck, content: Content, year: int) -> tuple[bool, list[str], list[Any]]:
    people = executives_of(content, year)
    missing = [f"ไม่มีข้อมูล{ROLE_LABELS[r]} (role: {r})" for r in check.roles if not any(p.role == r for p in people)]
    return not missing, missing, [p for p in people if p.role in check.roles]


def check_setting(check: SettingCheck, content: Content) -> tuple[bool, list[str], list[Any]]:
    value = getattr(content.agency, check.field, None)
    if _filled(value):
        return True, [], [value]
    return False, [f"ยังไม่ได้ตั้งค่า {FIELD_LABELS.get(check.field, check.field)} ใน agency.yml ({check.field})"], []


MEASURE_PARTS = {"analysis": "การวิเคราะห์ผลการประเมิน", "measures": "มาตรการ", "results": "รายงานผลการดำเนินการตามมาตรการ"}


def check_measures(check: MeasuresCheck, content: Content, year: int) -> tuple[bool, list[str], list[Any]]:
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
    # Public text (item pages, the OIT table): no repository path; the build log names the item.
    return False, [f"ยังไม่มี{MEASURE_PARTS[check.part]}ของปี {target}"], []


def _evaluate(check: object, content: Content, year: int, kinds: dict) -> tuple[bool, list[str], list[Any]]:
    if isinstance(check, DocumentsCheck):
        return check_documents(check, content, year, kinds)
    if isinstance(check, RecordsCheck):
        return check_records(check, content, year)
    if isinstance(check, FieldsCheck):
        return check_fields(check, content, year)
    if isinstance(check, RolesCheck):
        return check_roles(check, content, year)
    if isinstance(check, MeasuresCheck):
        return check_measures(check, content, year)
    if isinstance(check, AnyCheck):
        results = [_evaluate(c, content, year, kinds) for c in check.checks]
        for ok, _, evidence in results:
            if ok:
                return True, [], evidence
        missing = " หรือ ".join("; ".join(m) for _, m, _ in results)
        return False, [missing], [e for _, _, found in results for e in found]
    assert isinstance(check, SettingCheck)
    return check_setting(check, content)


def check_component(component: Component, content: Content, year: int, kinds: dict) -> Finding:
    if component.check is None:
        return Finding(component, None)
    ok, missing, evidence = _evaluate(component.check, content, year, kinds)
    return Finding(component, ok, missing, evidence)


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


def item_documents(item: Item, content: Content, year: int) -> list[Document]:
    """The documents an item's page lists: its kinds, relevant to the year, newest first."""
    wanted = document_rules(item)
    docs = [d for d in content.documents()
            if d.kind in wanted and periods.relevant(d.date, d.covers, wanted[d.kind], year)]
    return sorted(docs, key=lambda d: (d.day, d.title), reverse=True)


def check_item(item: Item, content: Content, year: int, kinds: dict) -> ItemStatus:
    findings = [check_component(c, content, year, kinds) for c in item.components]
    return ItemStatus(item, findings, item_documents(item, content, year))


def check_catalog(catalog: Catalog, content: Content, kinds: dict) -> list[ItemStatus]:
    return [check_item(item, content, catalog.year, kinds) for item in catalog.items]
