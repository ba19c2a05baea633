"""Workbooks as agencies keep them: CSV (UTF-8 with or without BOM, or the Windows Thai code page
cp874), Excel .xlsx/.xls and OpenDocument .ods (read with python-calamine).

A sheet is a list of rows numbered as the spreadsheet program shows them (row 1 is the first),
so a problem can name the row the webmaster sees. Cells keep what the program stored: text,
a number (float) or a date; nothing is interpreted here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

Cell = str | float | int | bool | date | datetime | time | timedelta
EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")


class UnreadableFile(Exception):
    """The file cannot be read as a table; the message is for the webmaster (Thai with English)."""


@dataclass
class Sheet:
    name: str | None  # None for a CSV file, which has one unnamed sheet
    rows: list[tuple[int, list[Cell]]]  # (row number as shown, cells)


def decode_csv(data: bytes) -> str:
    """UTF-8 (Excel's "CSV UTF-8" writes a BOM) or, failing that, cp874 (Excel's plain "CSV"
    on a Thai Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError:
        raise UnreadableFile("อ่านตัวอักษรในไฟล์ไม่ได้: บันทึกเป็น CSV UTF-8 หรือ .xlsx "
                             "(the file is neither UTF-8 nor Thai cp874 text)") from None


def _csv_sheet(path: Path) -> Sheet:
    text = decode_csv(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[Cell]]] = []
    try:
        start = 1
        for cells in reader:
            rows.append((start, list[Cell](cells)))
            start = reader.line_num + 1
    except csv.Error as err:
        raise UnreadableFile(f"CSV ผิดรูปแบบที่บรรทัด {reader.line_num} (malformed CSV): {err}") from None
    return Sheet(None, rows)


def _workbook_sheets(path: Path) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.visible != SheetVisibleEnum.Visible:
                continue  # hidden sheets hold lookups and drafts, not the published summary
            values = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            sheets.append(Sheet(meta.name, [(number, list[Cell](cells)) for number, cells in enumerate(values, 1)]))
        return sheets
    except PasswordError:
        raise UnreadableFile("ไฟล์มีรหัสผ่าน ให้บันทึกสำเนาที่ไม่มีรหัสผ่าน (password-protected)") from None
    except (CalamineError, ValueError) as err:
        raise UnreadableFile(f"เปิดเป็นตารางไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ Excel (not a readable spreadsheet): {err}") from None


def read_sheets(path: Path) -> list[Sheet]:
    """Every visible sheet of the file. Raises UnreadableFile."""
    try:
        if path.suffix.lower() == ".csv":
            return [_csv_sheet(path)]
        return _workbook_sheets(path)
    except OSError as err:
        raise UnreadableFile(f"เปิดไฟล์ไม่ได้ (cannot open): {err.strerror}") from None
