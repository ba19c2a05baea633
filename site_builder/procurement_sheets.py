"""Purchases read from the spreadsheets agencies keep: the official สขร.1 layout or the project's
own, in CSV, Excel or OpenDocument files (see `workbooks`).

The header row is found, not assumed: the official form has title lines above it. Columns are
recognised by their Thai header (either layout) or the English field name. A blank header
continues the column on its left (a header cell merged over two columns). Combined cells of
the official form are split into the model's fields: "บริษัท ก จำกัด ราคา 12,500 บาท" (winner
and price), "สัญญาเลขที่ 12/2567 ลงวันที่ 3 มี.ค. 2567" (contract number and date).

Rows that are not purchases are passed over: empty rows, the numbering row under the header,
total rows (รวม …), and lines of fewer than three cells such as signatures. A row with only
bidders continues the purchase above it (bidders listed one per row). Every other bad row is
reported with its file, sheet and row; good rows are kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import thai
from .errors import Problem
from .models.procurement import Purchase
from .workbooks import Cell, Sheet, UnreadableFile, read_sheets
from .yamlsource import problems_from_validation

# Thai headers of both layouts (compared without spaces or line breaks) → column.
# Columns that are not model fields hold two fields at once and are split below.
COLUMNS = {
    "number": ("ลำดับ", "ลำดับที่", "ที่"),
    "work": ("งานที่ซื้อหรือจ้าง", "งานที่จัดซื้อหรือจัดจ้าง", "งานที่จัดซื้อจัดจ้าง", "รายการที่ซื้อหรือจ้าง",
             "รายการ", "ชื่อรายการ"),
    "budget_and_reference": ("วงเงินที่จัดซื้อหรือจัดจ้าง(ราคากลาง)", "วงเงินที่จะซื้อหรือจ้าง(ราคากลาง)",
                             "วงเงินงบประมาณ(ราคากลาง)"),
    "budget": ("วงเงินที่จะซื้อหรือจ้าง", "วงเงินที่จัดซื้อหรือจัดจ้าง", "วงเงินที่ซื้อหรือจ้าง", "วงเงินงบประมาณ",
               "วงเงิน"),
    "reference_price": ("ราคากลาง",),
    "method": ("วิธีซื้อหรือจ้าง", "วิธีการซื้อหรือจ้าง", "วิธีจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง"),
    "bids": ("รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้เสนอราคาและราคาที่เสนอ", "รายชื่อผู้เสนอราคา"),
    "winner_and_price": ("ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "ผู้ได้รับการคัดเลือกและราคาที่ตกลง",
                         "ผู้ได้รับคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "ผู้ได้รับคัดเลือกและราคาที่ตกลง"),
    "winner": ("ผู้ได้รับการคัดเลือก", "ผู้ได้รับคัดเลือก"),
    "price": ("ราคาที่ตกลงซื้อหรือจ้าง", "ราคาที่ตกลง"),
    "reason": ("เหตุผลที่คัดเลือกโดยสรุป", "เหตุผลที่คัดเลือกโดยสังเขป", "เหตุผลที่คัดเลือก"),
    "contract": ("เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง", "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
                 "เลขที่และวันที่ของสัญญา", "เลขที่และวันที่สัญญา"),
    "contract_no": ("เลขที่สัญญาหรือข้อตกลง", "เลขที่สัญญา", "เลขที่ของสัญญาหรือข้อตกลง"),
    "date": ("วันที่ของสัญญาหรือข้อตกลง", "วันที่สัญญา", "วันที่ของสัญญา"),
    "status": ("สถานะ", "ความก้าวหน้า"),
    "note": ("หมายเหตุ",),
}
_SPACE = re.compile(r"\s+|\u200b")
_HEADERS = {_SPACE.sub("", name): column for column, names in COLUMNS.items() for name in names}
_HEADERS.update({name: name for name in Purchase.model_fields})
HEADER_SCAN_ROWS = 30  # the official form's title lines stay well within this
STATUS_WORDS = {
    "ยังไม่ลงนาม": "not_signed", "ยังไม่ลงนามสัญญา": "not_signed", "อยู่ระหว่างสัญญา": "in_contract",
    "ส่งมอบแล้ว": "delivered", "เบิกจ่ายแล้ว": "paid", "ยกเลิก": "cancelled",
}
_NUMBER = r"[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?"
_AMOUNT = re.compile(rf"^\s*({_NUMBER})\s*(?:บาท)?\.?\s*$")
# "<name> ราคา 12,500 บาท": the price is the last number, after an optional connecting word.
_NAME_PRICE = re.compile(rf"^(.*?)[\s:=,/-]*(?:โดยเสนอราคา|เสนอราคา|ราคาที่ตกลง|ราคา|เป็นเงิน|จำนวนเงิน)?"
                         rf"\s*[:=]?\s*({_NUMBER})\s*(?:บาท)?\.?\s*$", re.DOTALL)
_ENDS_WITH_PRICE = re.compile(rf"{_NUMBER}\s*(?:บาท)?\.?\s*$")
_LIST_NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,3}\s*[.)]\s*")
_CONTRACT_JOIN = re.compile(r"[\s,:/-]*(?:ลงวันที่|ลว\.?|วันที่)?[\s,:]*$")
_TOTAL = re.compile(r"^\s*(รวม|ยอดรวม)")
_COLUMN_NUMBER = re.compile(r"\(?[0-9๐-๙]{1,2}\)?")


class CellError(ValueError):
    """A cell that cannot be read; the message is for the webmaster (Thai with English)."""


_HEADER_NOISE = re.compile(r"\((?:บาท|[0-9๐-๙]{1,2})\)|\*")


def _normal_header(cell: Cell) -> str:
    """'ราคากลาง\n(บาท)', '(3) ราคากลาง' → 'ราคากลาง'."""
    return _HEADER_NOISE.sub("", _SPACE.sub("", cell)) if isinstance(cell, str) else ""


def _text(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    return str(cell).strip()


def amount(cell: Cell) -> Decimal | None:
    """12500.5, '12,500.50', '๑๒,๕๐๐ บาท' → Decimal; blank or '-' → None."""
    if isinstance(cell, bool):
        raise CellError(f"ต้องเป็นจำนวนเงิน ได้ {cell!r} (an amount was expected)")
    if isinstance(cell, (int, float)):
        return Decimal(repr(round(cell, 2)))  # 0.1 + 0.2 in a sheet is 0.30000000000000004
    text = _text(cell)
    if text in ("", "-", "–"):
        return None
    match = _AMOUNT.match(text)
    if not match:
        raise CellError(f"ต้องเป็นจำนวนเงิน เช่น 12,500.00 ได้ '{text}' (an amount was expected)")
    try:
        return Decimal(thai.arabic_digits(match[1]).replace(",", ""))
    except InvalidOperation:
        raise CellError(f"ต้องเป็นจำนวนเงิน เช่น 12,500.00 ได้ '{text}' (an amount was expected)") from None


def name_and_price(text: str) -> tuple[str, Decimal]:
    """'บริษัท ก จำกัด ราคา 12,500 บาท' → ('บริษัท ก จำกัด', 12500)."""
    match = _NAME_PRICE.match(text.strip())
    name = match[1].strip(" \n,:-/") if match else ""
    if not match or not name:
        raise CellError(f"ต้องเป็นชื่อตามด้วยราคา เช่น 'บริษัท ก จำกัด ราคา 12,500 บาท' ได้ '{text.strip()}' "
                        "(a name followed by a price was expected)")
    return name, Decimal(thai.arabic_digits(match[2]).replace(",", ""))


def bids(text: str) -> list[dict[str, Any]]:
    """Bidders one per line or separated by ';', each with its price (a name may take a line of
    its own with the price on the next)."""
    found, pending = [], ""
    for part in re.split(r"[;\n]", text):
        part = _LIST_NUMBER.sub("", part).strip()
        if not part:
            continue
        pending = f"{pending} {part}".strip()
        if _ENDS_WITH_PRICE.search(pending):
            name, price = name_and_price(pending)
            found.append({"bidder": name, "price": price})
            pending = ""
    if pending:
        name_and_price(pending)  # raises, naming the bidder without a price
    return found


def contract(cell: Cell) -> tuple[str | None, date]:
    """'สัญญาเลขที่ 12/2567 ลงวันที่ 3 มี.ค. 2567' → ('สัญญา 12/2567', 2024-03-03)."""
    if isinstance(cell, (date, datetime)):
        return None, _date_of(cell)
    text = _text(cell)
    found = thai.find_date(text)
    if found is None:
        raise CellError(f"ไม่พบวันที่ใน '{text}' เขียนเช่น 'สัญญาเลขที่ 12/2567 ลงวันที่ 3 มี.ค. 2567' "
                        "(no date found in the contract cell)")
    day, match = found
    number = _CONTRACT_JOIN.sub("", text[: match.start()]) + " " + text[match.end():].strip()
    number = re.sub(r"\s*เลขที่\s*", " ", thai.arabic_digits(number)).strip(" ,:")
    return number or None, day


def _date_of(cell: Cell) -> date:
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        # A year typed as 2567 in a date cell is stored as 2567 CE.
        if cell.year < 2400:
            return cell
        try:
            return cell.replace(year=thai.ce_year(cell.year))
        except ValueError:  # 29 February of a BE year whose CE year is not a leap year
            raise CellError(f"ไม่มีวันที่ {cell.day} {thai.MONTHS[cell.month - 1]} {cell.year} ในปฏิทิน "
                            f"(no such date)") from None
    text = _text(cell)
    found = thai.find_date(text)
    if found is None or found[1][0].strip() != thai.arabic_digits(text).strip():
        raise CellError(f"วันที่ '{text}' อ่านไม่ได้ เขียนเช่น 3 มี.ค. 2567 หรือ 2567-03-03 (unreadable date)")
    return found[0]


def _fields(cells: dict[str, Cell]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Model fields from one row's cells by column, and (field, message) of cells that cannot be read."""
    data: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []

    def read(field: str, reader: Callable[[Cell], Any], cell: Cell) -> Any:
        try:
            return reader(cell)
        except ValueError as err:  # CellError, or an impossible date from thai.find_date
            errors.append((field, str(err)))
        return None

    for column, cell in cells.items():
        if _text(cell) == "" or column == "number":
            continue
        if column in ("budget", "reference_price", "price"):
            value = read(column, amount, cell)
            if value is not None:
                data[column] = value
        elif column == "budget_and_reference":
            numbers = re.findall(_NUMBER, thai.arabic_digits(_text(cell))) if isinstance(cell, str) else [cell]
            values = [read("budget", amount, n) for n in numbers[:2]]
            if len(numbers) > 2 or not numbers:
                errors.append(("budget", (f"ต้องเป็นวงเงิน (และราคากลางในวงเล็บ) เช่น 12,500 (12,000) ได้ '{_text(cell)}'"
                                          " (budget and reference price expected)")))
            data.update({k: v for k, v in zip(("budget", "reference_price"), values) if v is not None})
        elif column == "bids":
            data["bids"] = read("bids", lambda c: bids(_text(c)), cell) or []
        elif column == "winner_and_price":
            pair = read("winner", lambda c: name_and_price(_text(c)), cell)
            if pair:
                data["winner"], data["price"] = pair
        elif column == "contract":
            pair = read("contract_no", contract, cell)
            if pair:
                if pair[0]:
                    data["contract_no"] = pair[0]
                data["date"] = pair[1]
        elif column == "date":
            value = read("date", _date_of, cell)
            if value is not None:
                data["date"] = value
        elif column == "contract_no":
            data["contract_no"] = thai.arabic_digits(_text(cell))
        elif column == "status":
            data["status"] = STATUS_WORDS.get(_text(cell), _text(cell))
        else:
            data[column] = _text(cell)
    return data, errors


def _header(sheet: Sheet) -> tuple[int, list[str | None]] | None:
    """Index of the header row in sheet.rows and the column of each cell (None: not ours)."""
    for index, (_, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        names = [_normal_header(c) for c in cells]
        if sum(1 for n in names if n in _HEADERS and _HEADERS[n] != "number") >= 3:
            return index, [_HEADERS.get(n) if n else None for n in names]
    return None


class _Place:
    """How a problem names where it is: `file:row` for a CSV, file, sheet and row for a workbook."""

    def __init__(self, shown_as: str, sheet: Sheet):
        self.shown_as, self.sheet = shown_as, sheet

    def problem(self, row: int | None, field: str, message: str) -> Problem:
        if self.sheet.name is None:
            return Problem(self.shown_as, row, field, message)
        where = f"{self.shown_as} แผ่นงาน '{self.sheet.name}'" + (f" แถวที่ {row} (sheet, row)" if row else " (sheet)")
        return Problem(where, None, field, message)


def _columns(header: list[str | None], place: _Place, header_row: int) -> tuple[list[str | None], Problem | None]:
    """Each cell's column: a blank header continues the column on its left."""
    columns: list[str | None] = []
    unknown = []
    for name in header:
        columns.append(name if name is not None else (columns[-1] if columns else None))
    for cell, column in zip(place.sheet.rows[header_row][1], header):
        if column is None and _normal_header(cell):
            unknown.append(_text(cell))
    if unknown:
        known = " · ".join(names[0] for names in COLUMNS.values())
        return columns, place.problem(place.sheet.rows[header_row][0], "",
                                      f"ไม่รู้จักหัวคอลัมน์ {' '.join(map(repr, unknown))} หัวคอลัมน์ที่ใช้ได้ ได้แก่ {known} "
                                      "(unknown column)")
    return columns, None


def _sheet_purchases(sheet: Sheet, place: _Place, problems: list[Problem]) -> list[Purchase]:
    found = _header(sheet)
    assert found is not None
    header_index, header = found
    columns, unknown = _columns(header, place, header_index)
    if unknown:
        problems.append(unknown)
        return []
    rows: list[tuple[int, dict[str, Cell]]] = []
    for number, cells in sheet.rows[header_index + 1:]:
        if sheet.name is None and any(_text(c) for c in cells[len(columns):]):
            problems.append(place.problem(number, "", "จำนวนช่องเกินหัวคอลัมน์ (มีเครื่องหมาย , เกิน?) "
                                                      "(more cells than headers)"))
            continue
        by_column: dict[str, Cell] = {}
        for column, cell in zip(columns, cells):
            text = _text(cell)
            if column is None or text == "":
                continue
            previous = by_column.get(column)
            by_column[column] = cell if previous is None else f"{_text(previous)} {text}"
        texts = {column: _text(cell) for column, cell in by_column.items()}
        filled = texts.keys() - {"number"}
        if not filled or all(_COLUMN_NUMBER.fullmatch(text) for text in texts.values()):
            continue  # an empty row, or the (1) (2) (3) numbering under the header
        if _TOTAL.match(texts.get("work", texts.get("number", ""))):
            continue
        if sum(1 for text in texts.values() if _HEADERS.get(_normal_header(text)) not in (None, "number")) >= 3:
            continue  # the header again, as when months are pasted one under another
        if filled == {"bids"} and rows and _ENDS_WITH_PRICE.search(texts["bids"]):
            last = rows[-1][1]
            last["bids"] = f"{_text(last.get('bids', ''))}\n{texts['bids']}".strip()
            continue
        if len(filled) < 3:
            continue  # a signature, a note under the table
        rows.append((number, by_column))
    purchases = []
    for number, by_column in rows:
        data, errors = _fields(by_column)
        for field, message in errors:
            problems.append(place.problem(number, field, message))
        if errors:
            continue
        try:
            purchases.append(Purchase.model_validate(data))
        except ValidationError as err:
            for problem in problems_from_validation(err, data, place.shown_as, Purchase):
                problems.append(place.problem(number, problem.field, problem.message))
    return purchases


def read_purchases(path: Path, shown_as: str, problems: list[Problem]) -> list[Purchase]:
    """Every purchase of every sheet with a recognised header row; problems appended."""
    try:
        sheets = read_sheets(path)
    except UnreadableFile as err:
        problems.append(Problem(shown_as, None, "", str(err)))
        return []
    tables = [sheet for sheet in sheets if _header(sheet) is not None]
    if not tables:
        first = next((cells for sheet in sheets for _, cells in sheet.rows if any(_text(c) for c in cells)), [])
        shown = " ".join(repr(_text(c)) for c in first if _text(c))
        known = " · ".join(names[0] for names in COLUMNS.values())
        problems.append(Problem(shown_as, None, "", f"ไม่พบแถวหัวตาราง แถวแรกที่มีข้อมูลคือ {shown or '(ไม่มีข้อมูล)'} "
                                                    f"หัวคอลัมน์ที่ใช้ได้ ได้แก่ {known} (no header row found)"))
        return []
    purchases: list[Purchase] = []
    for sheet in tables:
        purchases += _sheet_purchases(sheet, _Place(shown_as, sheet), problems)
    return purchases


# The project's own layout, as `ita import procurement` writes it and the demo keeps it.
PROJECT_HEADER = ["วันที่ของสัญญาหรือข้อตกลง", "เลขที่สัญญาหรือข้อตกลง", "งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง",
                  "ราคากลาง", "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก",
                  "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป", "สถานะ", "หมายเหตุ"]
STATUS_TEXT = {value: word for word, value in STATUS_WORDS.items()}


def project_csv(purchases: list[Purchase]) -> str:
    """The purchases in the project's layout: UTF-8 with BOM (Excel opens Thai correctly),
    BE dates, amounts with separators, bidders '<name> <price>; …'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(PROJECT_HEADER)
    for p in sorted(purchases, key=lambda p: p.date):
        day = p.date
        writer.writerow([
            f"{thai.be_year(day.year)}-{day.month:02d}-{day.day:02d}", p.contract_no, p.work, thai.format_baht(p.budget),
            thai.format_baht(p.reference_price) if p.reference_price is not None else "", p.method,
            "; ".join(f"{b.bidder} {thai.format_baht(b.price)}" for b in p.bids), p.winner, thai.format_baht(p.price),
            p.reason, STATUS_TEXT.get(p.status or "", ""), p.note or "",
        ])
    return "\ufeff" + buffer.getvalue()


def import_file(path: Path, year: int, shown_as: str) -> tuple[list[Purchase], list[Problem]]:
    """The purchases of fiscal year `year` in a spreadsheet, for `ita import procurement`; a
    purchase dated in another year is a problem (a CE/BE slip or the wrong file)."""
    problems: list[Problem] = []
    purchases = read_purchases(path, shown_as, problems)
    for p in purchases:
        if thai.fiscal_year(p.date) != year:
            problems.append(Problem(shown_as, None, "date",
                                    f"'{p.work}' ({p.contract_no}) ลงวันที่ {thai.format_date(p.date)} อยู่ในปีงบประมาณ "
                                    f"{thai.fiscal_year(p.date)} ไม่ใช่ {year} (the purchase is dated in another fiscal year)"))
    return purchases, problems
