"""Personal data that should not be published: a scan of the raw content YAML.

Evidence lists, complaint statistics and procurement notices are public, but the people
named in them are protected by the Personal Data Protection Act B.E. 2562 (PDPA) and by
§15(5) of the Official Information Act. The two slips webmasters make most are caught here:

- a Thai national ID number (13 digits, first digit 1–8, valid mod-11 check digit; plain
  or grouped 1-4-5-2-1 with dashes or spaces), in any field;
- a Thai mobile number (06/08/09 + 8 digits, or +66 6/8/9…), in any field other than the
  `phone` / `fax` of contact.yml and executives.yml, which exist to publish numbers.

Juristic-person numbers (company tax IDs) start with 0 and are public: they are not
flagged. Thai digits (๐–๙) are read as Arabic digits. Messages never repeat a whole
number: the log of a build may itself be published.

`scan(sources)` is pure: it reads `Loaded.sources` and returns warnings as Problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from .errors import Problem
from .workbooks import UnreadableFile, read_sheets
from .yamlsource import LineDict, LineList

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# 13 digits, plain or 1-4-5-2-1 with one dash or space between groups; not inside a longer
# run of digits (also not one continued by a separator and a digit).
_SEP = r"[ \-\u00a0]"
_NATIONAL_ID = re.compile(
    rf"(?<!\d)(?<!\d{_SEP})([1-8]){_SEP}?(\d{{4}}){_SEP}?(\d{{5}}){_SEP}?(\d{{2}}){_SEP}?(\d)(?!\d)(?!{_SEP}\d)"
)
# 0 or +66, then 6/8/9 and 8 more digits, separators allowed between any two digits.
_MOBILE = re.compile(
    rf"(?<!\d)(?<!\d{_SEP})(?<!\+)(?:\+66{_SEP}?|0{_SEP}?)([689])((?:{_SEP}?\d){{8}})(?!\d)(?!{_SEP}\d)"
)

# A mobile number has at least 9 digits after its prefix, an ID number 13 (Thai digits count).
MIN_DIGITS = 9
_NOT_DIGITS = re.compile(r"\D+")

# Fields meant to publish telephone numbers, per topic file (file stem → field names).
PHONE_FIELDS = {"contact": {"phone", "fax"}, "executives": {"phone", "fax"}}


def valid_national_id(digits: str) -> bool:
    """True for 13 digits whose last is the mod-11 check digit of the first 12."""
    if not re.fullmatch(r"\d{13}", digits):
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def national_ids(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of every personal national ID number in `text`."""
    text = text.translate(_THAI_DIGITS)
    found = []
    for match in _NATIONAL_ID.finditer(text):
        digits = "".join(match.groups())
        if valid_national_id(digits):
            found.append((match.start(), match.end(), digits))
    return found


def mobile_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, 10-digit number) of every Thai mobile number in `text`, outside ID numbers."""
    text = text.translate(_THAI_DIGITS)
    taken = national_ids(text)
    found = []
    for match in _MOBILE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end, _ in taken):
            continue
        found.append((match.start(), match.end(), "0" + match[1] + re.sub(r"\D", "", match[2])))
    return found


def mask_id(digits: str) -> str:
    return f"{digits[0]}-{digits[1:3]}xx-xxxxx-xx-x"


def mask_phone(number: str) -> str:
    return f"{number[:3]}-xxx-xx{number[-2:]}"


def _field_path(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _digit_strings(node: Any, loc: tuple = (), line: int | None = None) -> list[tuple[tuple, int | None, str]]:
    """Every scalar value (as text) in raw YAML with enough digits to hold a number we look
    for, with its location and line."""
    found: list[tuple[tuple, int | None, str]] = []

    def visit(node: Any, loc: tuple, line: int | None) -> None:
        if isinstance(node, dict):
            lines = getattr(node, "key_lines", {}) if isinstance(node, LineDict) else {}
            for key, value in node.items():
                visit(value, loc + (key,), lines.get(key, line))
        elif isinstance(node, list):
            lines = node.item_lines if isinstance(node, LineList) else []
            for index, value in enumerate(node):
                visit(value, loc + (index,), lines[index] if index < len(lines) else line)
        elif isinstance(node, (str, int)) and not isinstance(node, bool):
            text = str(node)
            if len(text) >= MIN_DIGITS and len(_NOT_DIGITS.sub("", text)) >= MIN_DIGITS:
                found.append((loc, line, text))

    visit(node, loc, line)
    return found


ID_MESSAGE = (
    "พบตัวเลขที่ลักษณะเป็นเลขประจำตัวประชาชน 13 หลัก ({masked}) ซึ่งเป็นข้อมูลส่วนบุคคลตาม "
    "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (PDPA): เมื่อเผยแพร่บนเว็บไซต์แล้วทุกคนคัดลอกไปใช้ได้ "
    "และอาจถูกนำไปสวมรอยหรือฉ้อโกง ให้ลบเลขนี้ออก หรือปิดบังบางหลัก (เช่น {masked}) "
    "และตรวจไฟล์หลักฐาน (PDF) ที่อ้างถึงด้วยว่าไม่มีเลขเดียวกัน "
    "(looks like a Thai national ID number: personal data, remove or mask it)"
)
PHONE_MESSAGE = (
    "พบหมายเลขโทรศัพท์มือถือ ({masked}) ในช่อง '{field}' ซึ่งไม่ใช่ช่องโทรศัพท์ของหน่วยงานหรือผู้บริหาร: "
    "เบอร์มือถือของบุคคล (เช่น ผู้ร้องเรียน ผู้ยื่นคำขอ ผู้เสนอราคา) เป็นข้อมูลส่วนบุคคลตาม PDPA "
    "ถ้าเป็นเบอร์ของประชาชนให้ลบออก ถ้าเป็นเบอร์ที่ให้ติดต่อหน่วยงานให้ย้ายไปไว้ในช่อง phone "
    "ของ contact.yml หรือ executives.yml "
    "(a personal mobile number in a field not meant for it: remove it or move it to a phone field)"
)


def _stem(shown_as: str) -> str:
    return PurePath(str(shown_as)).stem


@dataclass
class CsvSource:
    """A sheet shaped like a YAML source for `scan`: rows keyed by header, with row numbers."""

    shown_as: str
    data: LineList


def sheet_sources(path: Path, shown_as: str) -> list[CsvSource]:
    """Each sheet of a procurement spreadsheet (content/procurement/*.csv, .xlsx, .xls) for
    `scan`, rows keyed by the header (the first row of three or more cells, under the form's
    title lines); unreadable files give nothing (the loader reports them)."""
    try:
        sheets = read_sheets(path)
    except UnreadableFile:
        return []
    sources = []
    for sheet in sheets:
        rows = LineList()
        rows.line, rows.item_lines = 1, []
        header: list[str] | None = None
        for number, cells in sheet.rows:
            texts = [str(cell).strip() for cell in cells]
            if header is None:
                if sum(1 for text in texts if text) >= 3:
                    header = [text or f"column {i + 1}" for i, text in enumerate(texts)]
                continue
            row = LineDict()
            row.line, row.key_lines = number, {}
            for name, text in zip(header, texts):
                row[name], row.key_lines[name] = text, number
            rows.append(row)
            rows.item_lines.append(number)
        sources.append(CsvSource(shown_as if sheet.name is None else f"{shown_as} แผ่นงาน '{sheet.name}'", rows))
    return sources


def scan(sources: Iterable[Any]) -> list[Problem]:
    """Warnings for personal data in the raw content YAML (`Loaded.sources`).

    Each source has `shown_as` (the file as shown to the webmaster) and `data` (the YAML
    with line information); returns one Problem per number found, in file order.
    """
    problems: list[Problem] = []
    for source in sources:
        stem = _stem(source.shown_as)
        for loc, line, text in _digit_strings(source.data, (), getattr(source.data, "line", None)):
            field = _field_path(loc)
            for _, _, digits in national_ids(text):
                problems.append(Problem(source.shown_as, line, field, ID_MESSAGE.format(masked=mask_id(digits))))
            name = next((part for part in reversed(loc) if isinstance(part, str)), "")
            if name in PHONE_FIELDS.get(stem, set()):
                continue
            for _, _, number in mobile_numbers(text):
                problems.append(Problem(source.shown_as, line, field,
                                        PHONE_MESSAGE.format(masked=mask_phone(number), field=field)))
    return problems


__all__ = ["PHONE_FIELDS", "mobile_numbers", "national_ids", "scan", "sheet_sources", "valid_national_id"]
