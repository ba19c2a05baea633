"""Purchases from CSV files as exported from spreadsheets, with Thai or English headers.

Each bad row is reported with its file and line; good rows are kept.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import Problem
from .models.procurement import Purchase
from .yamlsource import problems_from_validation

# Header (Thai as on the สขร.1 form, or the English field name) → field.
HEADERS = {
    "งานที่ซื้อหรือจ้าง": "work",
    "วงเงินที่จะซื้อหรือจ้าง": "budget",
    "วงเงินงบประมาณ": "budget",
    "ราคากลาง": "reference_price",
    "วิธีซื้อหรือจ้าง": "method",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ": "bids",
    "ผู้ได้รับการคัดเลือก": "winner",
    "ราคาที่ตกลงซื้อหรือจ้าง": "price",
    "ราคาที่ตกลง": "price",
    "เหตุผลที่คัดเลือกโดยสรุป": "reason",
    "เลขที่สัญญา": "contract_no",
    "เลขที่สัญญาหรือข้อตกลง": "contract_no",
    "วันที่สัญญา": "date",
    "วันที่ของสัญญาหรือข้อตกลง": "date",
    "สถานะ": "status",
    "หมายเหตุ": "note",
}
HEADERS.update({name: name for name in Purchase.model_fields})
STATUS_WORDS = {
    "ยังไม่ลงนาม": "not_signed", "อยู่ระหว่างสัญญา": "in_contract", "ส่งมอบแล้ว": "delivered",
    "เบิกจ่ายแล้ว": "paid", "ยกเลิก": "cancelled",
}
_AMOUNT = re.compile(r"^-?[\d,]+(\.\d+)?$")


def _amount(text: str) -> str:
    """'1,234.50' or '1234.5 บาท' → '1234.50'; anything else is left for validation to report."""
    cleaned = text.replace("บาท", "").replace(" ", "").strip()
    return cleaned.replace(",", "") if _AMOUNT.match(cleaned) else text


def _bids(text: str) -> list[dict[str, str]] | str:
    """'ร้าน ก 10,000; ร้าน ข 10,500.50' → [{bidder, price}, …]."""
    bids = []
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        match = re.match(r"^(.*?)[\s:=]+([\d,]+(?:\.\d+)?)\s*(?:บาท)?$", part)
        if not match:
            return text  # validation says a list was expected, with the line
        bids.append({"bidder": match[1].strip(), "price": match[2].replace(",", "")})
    return bids


def _row_data(row: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for header, value in row.items():
        field = HEADERS.get((header or "").strip(), (header or "").strip())
        value = (value or "").strip()
        if not value:
            continue
        if field in ("budget", "reference_price", "price"):
            data[field] = _amount(value)
        elif field == "bids":
            data[field] = _bids(value)
        elif field == "status":
            data[field] = STATUS_WORDS.get(value, value)
        else:
            data[field] = value
    return data


def read_purchases(path: Path, shown_as: str, problems: list[Problem]) -> list[Purchase]:
    rows: list[Purchase] = []
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        problems.append(Problem(shown_as, None, "", f"เปิดไฟล์ไม่ได้: {err.strerror}"))
        return rows
    with handle:
        try:
            reader = csv.DictReader(handle)
            unknown = [h for h in reader.fieldnames or [] if (h or "").strip() not in HEADERS]
            if unknown:
                problems.append(Problem(shown_as, 1, "", f"ไม่รู้จักหัวคอลัมน์ {', '.join(map(repr, unknown))} "
                                        f"(ใช้ได้: {', '.join(k for k in HEADERS if not k.isascii())})"))
                return rows
            line = reader.line_num
            for row in reader:
                start, line = line + 1, reader.line_num
                if None in row:
                    problems.append(Problem(shown_as, start, "", "จำนวนช่องเกินหัวคอลัมน์ (มีเครื่องหมาย , เกิน?)"))
                    continue
                data = _row_data(row)
                try:
                    rows.append(Purchase.model_validate(data))
                except ValidationError as err:
                    for problem in problems_from_validation(err, data, shown_as, Purchase):
                        problems.append(Problem(shown_as, start, problem.field, problem.message))
        except UnicodeDecodeError:
            problems.append(Problem(shown_as, None, "", "ไฟล์ CSV ต้องบันทึกเป็น UTF-8 (CSV UTF-8 ใน Excel)"))
        except csv.Error as err:
            problems.append(Problem(shown_as, reader.line_num, "", f"CSV ผิดรูปแบบ: {err}"))
    return rows
