"""Problems found in content or catalogs, reported together with file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The n-th entry of a list, counting from 1, in the webmaster's words.
ENTRY_NAMES = {
    "executives": "ผู้บริหารคนที่", "documents": "เอกสารที่", "entries": "รายการที่", "components": "องค์ประกอบที่",
    "groups": "กลุ่มที่", "measures": "มาตรการที่", "results": "ผลการดำเนินงานที่", "purchases": "รายการจัดซื้อจัดจ้างที่",
    "statistics": "แถวสถิติที่", "projects": "โครงการที่", "qa": "ช่องทางที่", "social": "ช่องทางที่",
    "eservices": "ช่องทางที่", "complaint": "ช่องทางที่", "risks": "ความเสี่ยงที่", "gifts": "รายการที่",
    "sign_off": "ผู้ลงนามคนที่", "signers": "ผู้ลงนามคนที่", "working_group": "คณะทำงานคนที่",
    "responsible": "ผู้รับผิดชอบคนที่", "indicators": "ตัวชี้วัดที่", "weak_points": "ประเด็นที่",
    "improvements": "ประเด็นที่", "items": "รายการที่", "evidence": "หลักฐานที่", "bids": "ผู้เสนอราคารายที่", "units": "หน่วยงานที่",
    "duties": "อำนาจหน้าที่ข้อที่",
}
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def place(field: str) -> str:
    """A field path as the webmaster reads it, counting from 1:
    'executives[1].photo' → 'ผู้บริหารคนที่ 2 · ช่อง photo'."""
    catalog_item = re.fullmatch(r"O(\d+)\.(\w+)", field or "")
    if catalog_item:  # catalog problems name the item and its part
        return f"ข้อ O{catalog_item.group(1)} · {catalog_item.group(2)}"
    if not field or not re.fullmatch(r"(?:[A-Za-z_][\w-]*|\[\d+\])(?:\.?(?:[A-Za-z_][\w-]*|\[\d+\]))*", field):
        return f"ช่อง {field}" if field else ""
    parts: list[str] = []
    names: list[str] = []
    last = None
    for name, index in _PART.findall(field):
        if index:
            noun = ENTRY_NAMES.get(last or "")
            if names and names != [last]:
                parts.append(f"ช่อง {'.'.join(names)}")
            parts.append(f"{noun or 'รายการที่'} {int(index) + 1}" if noun or last is None else f"รายการที่ {int(index) + 1} ของ {last}")
            names = []
        else:
            names.append(name)
            last = name
    if names:
        parts.append(f"ช่อง {'.'.join(names)}")
    return " · ".join(parts)


def location(file: Path | str, line: int | None, field: str = "") -> str:
    """'content/executives.yml บรรทัดที่ 10 · ผู้บริหารคนที่ 2 · ช่อง photo'."""
    where = f"{file} บรรทัดที่ {line}" if line else f"{file}"
    spot = place(field)
    return f"{where} · {spot}" if spot else where


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: shown to the webmaster as
    `file บรรทัดที่ line · the entry counted from 1 · ช่อง field: message`."""

    file: Path | str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return f"{location(self.file, self.line, self.field)}: {self.message}"


class ContentError(Exception):
    """Every problem of one load, so the webmaster fixes them all in one round."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"พบข้อผิดพลาดในข้อมูล {count} รายการ (found {count} problem(s) in the data):"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class ProblemList:
    """Collects problems across files; `raise_if_any` ends a load that found some.

    Warnings are kept apart: they do not stop the load, the build reports them like gaps.
    """

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, file: Path | str, line: int | None, field: str, message: str) -> None:
        self.items.append(Problem(file, line, field, message))

    def warn(self, file: Path | str, line: int | None, field: str, message: str) -> None:
        self.warnings.append(Problem(file, line, field, message))

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)
