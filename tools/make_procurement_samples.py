"""Write the procurement sample files the tests read (tests/fixtures/procurement/): the same five
purchases in the official สขร.1 layout and in the project's own layout, as .xlsx, .xls, UTF-8
CSV and cp874 CSV, shaped like the files agencies keep (title lines, line breaks in headers,
combined cells, Thai digits, a total row, signatures, bidders one per row).

    .venv/bin/pip install openpyxl xlwt && .venv/bin/python tools/make_procurement_samples.py

(openpyxl and xlwt only write these samples; the site reads them with python-calamine.)
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Alignment

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "procurement"

OFFICIAL_HEADER = [
    "ลำดับ\nที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จัดซื้อ\nหรือจัดจ้าง\n(ราคากลาง)", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคา\nและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและ\nราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือก\nโดยสังเขป",
    "เลขที่และวันที่ของสัญญา\nหรือข้อตกลงในการซื้อหรือจ้าง",
]
OCTOBER = [
    [1, "จ้างเหมาบริการทำความสะอาดสำนักงาน ประจำเดือนตุลาคม 2566", 9100, "เฉพาะเจาะจง",
     "นายสมชาย ตัวอย่าง\nราคา 9,000 บาท", "นายสมชาย ตัวอย่าง\nราคา 9,000 บาท", "ใช้เกณฑ์ราคา เสนอราคาไม่เกินวงเงิน",
     "ใบสั่งจ้างเลขที่ 1/2567 ลงวันที่ 2 ต.ค. 2566"],
    [2, "จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์)", "15,500.00 (15,500.00)", "เฉพาะเจาะจง",
     "ร้านเครื่องเขียนตัวอย่าง 15,200.00 บาท", "ร้านเครื่องเขียนตัวอย่าง ราคา 15,200.00 บาท",
     "ราคาต่ำสุดและคุณสมบัติครบถ้วน", "ใบสั่งซื้อเลขที่ ๒/๒๕๖๗ ลว. ๕ ต.ค. ๖๖"],
    [3, "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4", 480000, "e-bidding",
     "1. ห้างหุ้นส่วนจำกัด ก่อสร้างดี 455,000 บาท\n2. บริษัท ถนนงาม จำกัด 468,000 บาท",
     "ห้างหุ้นส่วนจำกัด ก่อสร้างดี ราคา 455,000 บาท", "ราคาต่ำสุด", "สัญญาเลขที่ 3/2567 ลงวันที่ 20 ตุลาคม 2566"],
    [4, "จัดซื้อครุภัณฑ์คอมพิวเตอร์", 44000, "เฉพาะเจาะจง", "บริษัท คอมพิวเตอร์ตัวอย่าง จำกัด 43,500 บาท",
     "บริษัท คอมพิวเตอร์ตัวอย่าง จำกัด ราคา 43,500 บาท", "ราคาต่ำสุด", "ใบสั่งซื้อ 4/2567 ลงวันที่ 30/10/2566"],
    ["", "", "", "", "ร้านไอทีตัวอย่าง 43,900 บาท", "", "", ""],  # a second bidder on a row of its own
]
NOVEMBER = [
    [1, "จัดซื้อน้ำมันเชื้อเพลิง ประจำเดือนพฤศจิกายน 2566", 30000, "เฉพาะเจาะจง", "หจก. ปั๊มน้ำมันตัวอย่าง 29,850.50",
     "หจก. ปั๊มน้ำมันตัวอย่าง 29,850.50 บาท", "ราคาต่ำสุด", "ใบสั่งซื้อเลขที่ 10/2567 ลว. 1 พ.ย. 66"],
]
PROJECT_HEADER = ["วันที่ของสัญญาหรือข้อตกลง", "เลขที่สัญญาหรือข้อตกลง", "งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง",
                  "ราคากลาง", "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก",
                  "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป", "สถานะ", "หมายเหตุ"]
PROJECT = [
    [date(2023, 10, 2), "ใบสั่งจ้าง 1/2567", OCTOBER[0][1], 9100, "", "เฉพาะเจาะจง", "นายสมชาย ตัวอย่าง 9,000.00",
     "นายสมชาย ตัวอย่าง", 9000, OCTOBER[0][6], "เบิกจ่ายแล้ว", ""],
    [date(2023, 10, 5), "ใบสั่งซื้อ 2/2567", OCTOBER[1][1], 15500, 15500, "เฉพาะเจาะจง",
     "ร้านเครื่องเขียนตัวอย่าง 15,200.00", "ร้านเครื่องเขียนตัวอย่าง", 15200, OCTOBER[1][6], "ส่งมอบแล้ว", ""],
    [date(2023, 10, 20), "สัญญา 3/2567", OCTOBER[2][1], 480000, "", "e-bidding",
     "ห้างหุ้นส่วนจำกัด ก่อสร้างดี 455,000.00; บริษัท ถนนงาม จำกัด 468,000.00", "ห้างหุ้นส่วนจำกัด ก่อสร้างดี", 455000,
     "ราคาต่ำสุด", "อยู่ระหว่างสัญญา", ""],
    [date(2023, 10, 30), "ใบสั่งซื้อ 4/2567", OCTOBER[3][1], 44000, "", "เฉพาะเจาะจง",
     "บริษัท คอมพิวเตอร์ตัวอย่าง จำกัด 43,500.00; ร้านไอทีตัวอย่าง 43,900.00", "บริษัท คอมพิวเตอร์ตัวอย่าง จำกัด", 43500,
     "ราคาต่ำสุด", "ส่งมอบแล้ว", ""],
    [date(2023, 11, 1), "ใบสั่งซื้อ 10/2567", NOVEMBER[0][1], 30000, "", "เฉพาะเจาะจง", "หจก. ปั๊มน้ำมันตัวอย่าง 29,850.50",
     "หจก. ปั๊มน้ำมันตัวอย่าง", 29850.5, "ราคาต่ำสุด", "เบิกจ่ายแล้ว", ""],
]


def official_sheet(month: str, rows: list[list]) -> list[list]:
    """The form as agencies lay it out: title lines, header, (1)…(8), rows, total, signature."""
    total = sum(r[2] if isinstance(r[2], (int, float)) else 15500 for r in rows if r[0])
    return [
        ["", "", "", "", "", "", "", "แบบ สขร.1"],
        [f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month}"],
        ["เทศบาลตำบลตัวอย่าง อำเภอเมือง จังหวัดตัวอย่าง"],
        [],
        OFFICIAL_HEADER,
        [f"({i})" for i in range(1, 9)],
        *rows,
        ["", "รวม", total],
        [],
        ["", "", "", "", "ลงชื่อ ........................................ ผู้รายงาน"],
        ["", "", "", "", "(นางสาวพัสดุ ตัวอย่าง)"],
    ]


def text_rows(rows: list[list]) -> list[list[str]]:
    return [[cell.strftime("%d/%m/") + str(cell.year + 543) if isinstance(cell, date) else str(cell) for cell in row]
            for row in rows]


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows():
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, date):
                    cell.number_format = "d mmm yyyy"
        if name.startswith("ต.ค."):
            sheet.merge_cells("A2:H2")
    notes = book.create_sheet("หมายเหตุ")
    notes.append(["ไฟล์นี้ใช้ทดสอบ ข้อมูลสมมติ"])
    book.save(path)


def write_xls(path: Path, sheets: dict[str, list[list]]) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    dates = xlwt.easyxf(num_format_str="D-MMM-YYYY")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if isinstance(cell, date):
                    sheet.write(r, c, cell, dates)
                elif cell != "":
                    sheet.write(r, c, cell)
    book.save(str(path))


def write_csv(path: Path, rows: list[list], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(text_rows(rows))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    official = {"ต.ค. 66": official_sheet("ตุลาคม 2566", OCTOBER), "พ.ย. 66": official_sheet("พฤศจิกายน 2566", NOVEMBER)}
    project = {"2567": [PROJECT_HEADER, *PROJECT]}
    write_xlsx(OUT / "official.xlsx", official)
    write_xls(OUT / "official.xls", official)
    pasted = [*official["ต.ค. 66"], *official["พ.ย. 66"]]  # months pasted one under another
    write_csv(OUT / "official-utf8.csv", pasted, "utf-8-sig")
    write_csv(OUT / "official-cp874.csv", pasted, "cp874")
    write_xlsx(OUT / "project.xlsx", project)
    write_xls(OUT / "project.xls", project)
    write_csv(OUT / "project-utf8.csv", project["2567"], "utf-8")
    write_csv(OUT / "project-cp874.csv", project["2567"], "cp874")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(OUT.parent.parent.parent)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
