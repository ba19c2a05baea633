"""The cells of a measures report's tables: their kinds, the standard column headers, and
how a field's value becomes a cell (unescaped text; `measures.md.j2` escapes it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .models.measures import Result
from .render import Renderer

STATUS_TEXT = {
    "not_started": "ยังไม่ได้ดำเนินการ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
}


ROUND_TEXT = {6: "รอบ 6 เดือน", 12: "รอบ 12 เดือน"}


MEASURE_COLUMNS: dict[str, str] = {
    "number": "ลำดับ",
    "name": "มาตรการ/กิจกรรม",
    "questions": "ข้อคำถาม",
    "finding": "ข้อค้นพบ",
    "guideline": "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "steps": "ขั้นตอน/วิธีการปฏิบัติ",
    "target": "เป้าหมาย/ตัวชี้วัด",
    "budget": "งบประมาณ (บาท)",
    "period": "ระยะเวลาดำเนินการ",
    "responsible": "ผู้รับผิดชอบ",
    "monitoring": "การติดตามประเมินผล",
    "note": "หมายเหตุ",
}


RESULT_COLUMNS: dict[str, str] = {
    "number": "ลำดับ",
    "measure": "มาตรการ/กิจกรรม",
    "round": "รอบการรายงาน",
    "status": "สถานะ",
    "method": "วิธีดำเนินการ",
    "summary": "สรุปผลการดำเนินการ",
    "outputs": "ผลผลิต",
    "outcomes": "ผลลัพธ์",
    "problems": "ปัญหา/อุปสรรค",
    "recommendations": "ข้อเสนอแนะ",
    "date": "วันที่",
    "evidence": "หลักฐาน",
}


INDICATOR_COLUMNS: dict[str, str] = {
    "indicator": "ตัวชี้วัด",
    "score": "คะแนน",
    "guideline": "แนวทางในการยกระดับผลการประเมิน",
    "responsible": "ผู้รับผิดชอบ",
    "period": "ระยะเวลา",
    "status": "สถานะ",
    "progress": "ความก้าวหน้าผลการดำเนินการ",
}


OIT_COLUMNS: dict[str, str] = {
    "item": "ข้อ",
    "title": "ข้อมูล",
    "components": "องค์ประกอบด้านข้อมูล",
    "responsible": "ผู้รับผิดชอบ",
    "status": "สถานะ",
    "missing": "องค์ประกอบที่ยังขาด",
    "note": "ผลการดำเนินการ",
}


SCORE_COLUMNS: dict[str, str] = {
    "indicator": "ตัวชี้วัด",
    "tool": "เครื่องมือ",
    "score": "คะแนน",
    "note": "หมายเหตุ",
}


# Headers of fields that only a declared table shows (docs/measures.md, "Tables as the source has them").
FIELD_HEADERS: dict[str, str] = {
    **MEASURE_COLUMNS, "group": "ประเด็น",
    **{f"result.{k}": v for k, v in RESULT_COLUMNS.items()},
    "result.period": "ระยะเวลาดำเนินการ", "result.responsible": "ผู้รับผิดชอบ",
}


# A list item that carries its own marker: "1.", "๑)", "(2)", "-", "•", "ก."
_MARKER = re.compile(r"^\s*(?:[-–•*]|\(?[0-9๐-๙]{1,3}[.)]|\([0-9๐-๙]{1,3}\)|[ก-ฮ][.)])")


@dataclass
class Cell:
    """One table cell or block of text, unescaped.

    kind: text (one line), lines (line breaks), list (bulleted; `plain` when every item
    carries its own number or dash), links ((label, href) pairs), status (text + `css`).
    """

    kind: str = "text"
    items: list[Any] = field(default_factory=list)
    plain: bool = False
    css: str = ""
    rowspan: int = 1  # a declared table's cell merged over the rows it belongs to

    def __bool__(self) -> bool:
        return any(self.items)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    keys: list[str] = field(default_factory=list)


def has_data(value: Any) -> bool:
    """True for a value worth a column: not None, not blank, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Cell):
        return bool(value)
    if isinstance(value, (list, tuple, set, dict)):
        return any(has_data(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def lines_cell(value: str | list[str] | None) -> Cell:
    """Text as written: a string keeps its line breaks; a list becomes a list."""
    if value is None or not has_data(value):
        return Cell()
    if isinstance(value, str):
        lines = [line.strip() for line in value.replace("\r", "").split("\n") if line.strip()]
        return Cell("text" if len(lines) == 1 else "lines", lines)
    items = [str(v).strip() for v in value if has_data(v)]
    if len(items) == 1:
        return Cell("text", items)
    return Cell("list", items, plain=all(_MARKER.match(i) for i in items))


def text_cell(value: Any) -> Cell:
    return Cell("text", [str(value)]) if has_data(value) else Cell()


def score_cell(value: float | None) -> Cell:
    return Cell("text", [f"{value:.2f}"]) if value is not None else Cell()


def period_cell(text: str | None, covers: Any, renderer: Renderer) -> Cell:
    parts = [p for p in (text, covers.label(renderer.style) if covers is not None else None) if has_data(p)]
    return Cell("text" if len(parts) <= 1 else "lines", parts)


def status_cell(status: str | None) -> Cell:
    if not status:
        return Cell()
    return Cell("status", [STATUS_TEXT[status]], css=status.replace("_", "-"))


def table_of(columns: Mapping[str, str], labels: Mapping[str, str], rows: list[dict[str, Cell]]) -> Table:
    keys = [k for k in columns if any(row.get(k) for row in rows)]
    headers = [labels.get(k) or columns[k] for k in keys]
    return Table(headers, [[row.get(k) or Cell() for k in keys] for row in rows], keys)


def evidence_cell(result: Result, item_url: Callable[[int], str | None], file_url: Callable[[str], str],
                   titles: Mapping[int, str]) -> Cell:
    links = []
    for e in result.evidence:
        if e.item is not None:
            label = e.title or " ".join(p for p in (f"O{e.item}", titles.get(e.item, "")) if p)
            links.append((label, item_url(e.item)))  # no page (a year without a catalog): text only
        elif e.file is not None:
            links.append((e.title or e.file.rsplit("/", 1)[-1], file_url(e.file)))
        else:
            links.append((e.title or str(e.url), str(e.url)))
    return Cell("links", links) if links else Cell()


def questions_cell(questions: list[Any]) -> Cell:
    labels = [q.label for q in questions]
    if len(labels) > 1:
        return Cell("list", labels, plain=True)  # the codes mark the items
    return lines_cell(labels)
