"""Procurement from the spreadsheets agencies keep: the official สขร.1 layout and the project's
own, as CSV (UTF-8, cp874), XLSX and XLS, read in the build and by `ita import procurement`.

The samples in fixtures/procurement/ are written by tools/make_procurement_samples.py.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_procurement import with_procurement_items

from site_builder.models.procurement import Purchase
from site_builder.procurement_sheets import COLUMNS, _fields

SAMPLES = Path(__file__).parent / "fixtures" / "procurement"
FILES = ["official.xlsx", "official.xls", "official-utf8.csv", "official-cp874.csv",
         "project.xlsx", "project.xls", "project-utf8.csv", "project-cp874.csv"]


def _target(name: str) -> str:
    return "content/procurement/2567" + Path(name).suffix


@pytest.mark.parametrize("name", FILES)
def test_each_layout_and_format_builds_the_month_pages(mini, name):
    with_procurement_items(mini)
    (mini.path / "content/procurement").mkdir()
    shutil.copy(SAMPLES / name, mini.path / _target(name))
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    october = mini.html("procurement/2566-10/")
    # Combined cells split: winner and price, contract number and date; bidders one per row joined.
    for text in ("ห้างหุ้นส่วนจำกัด ก่อสร้างดี", "455,000.00", "สัญญา 3/2567", "บริษัท ถนนงาม จำกัด", "468,000.00",
                 "ใบสั่งซื้อ 2/2567", "ร้านไอทีตัวอย่าง", "43,900.00", "ใบสั่งจ้าง 1/2567"):
        assert text in october, (name, text)
    assert "ลงชื่อ" not in october and ">(1)<" not in october  # the form's signature and numbering row
    assert "<strong>522,700.00</strong>" in october  # 9,000 + 15,200 + 455,000 + 43,500: the total row is not a purchase
    assert "29,850.50" in mini.html("procurement/2566-11/")


@pytest.mark.parametrize("name", ["official.xls", "official-cp874.csv", "project.xlsx"])
def test_import_writes_the_projects_csv(mini, name, tmp_path):
    source = tmp_path / name
    shutil.copy(SAMPLES / name, source)
    result = mini.run("ita", "import", "procurement", str(source), "--year", "2567")
    assert result.returncode == 0, result.stderr
    assert "เขียน 5 รายการ" in result.stdout
    written = (mini.path / "content/procurement/2567.csv").read_text(encoding="utf-8-sig")
    expected = (SAMPLES / "imported-2567.csv").read_text(encoding="utf-8-sig")
    if name.startswith("project"):
        assert written == expected
    else:  # the official form has no progress column
        assert [line.rsplit(",", 2)[0] for line in written.splitlines()[1:]] == \
               [line.rsplit(",", 2)[0] for line in expected.splitlines()[1:]]
    with_procurement_items(mini)
    assert mini.build(strict=False).returncode == 0
    assert "ห้างหุ้นส่วนจำกัด ก่อสร้างดี" in mini.html("procurement/2566-10/")
    again = mini.run("ita", "import", "procurement", str(source), "--year", "2567")
    assert again.returncode == 1 and "--force" in again.stderr


def test_import_refuses_purchases_of_another_year_and_writes_nothing(mini):
    result = mini.run("ita", "import", "procurement", str(SAMPLES / "project-utf8.csv"), "--year", "2568")
    assert result.returncode == 1
    assert "ปีงบประมาณ 2567 ไม่ใช่ 2568" in result.stderr and "ยังไม่ได้เขียนไฟล์" in result.stderr
    assert not (mini.path / "content/procurement/2568.csv").exists()


def _official_workbook(path: Path, rows: list[list]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ธ.ค. 66"
    sheet.append(["แบบ สขร.1"])
    sheet.append(["สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม 2566"])
    sheet.append(["ลำดับ", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จัดซื้อหรือจัดจ้าง (ราคากลาง)", "วิธีซื้อหรือจ้าง",
                  "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
                  "เหตุผลที่คัดเลือกโดยสังเขป", "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_bad_rows_are_named_by_file_sheet_and_row(mini):
    (mini.path / "content/procurement").mkdir()
    good = [1, "จัดซื้อวัสดุไฟฟ้า", 5000, "เฉพาะเจาะจง", "ร้านไฟฟ้า 4,800 บาท", "ร้านไฟฟ้า ราคา 4,800 บาท",
            "ราคาต่ำสุด", "ใบสั่งซื้อ 20/2567 ลว. 4 ธ.ค. 66"]
    no_price = [2, "จัดซื้อวัสดุงานบ้าน", 3000, "เฉพาะเจาะจง", "ร้านค้า 2,900 บาท", "ร้านค้า สองพันเก้าร้อยบาท",
                "ราคาต่ำสุด", "ใบสั่งซื้อ 21/2567 ลว. 5 ธ.ค. 66"]
    no_date = [3, "จ้างเหมาตัดหญ้า", 2000, "เฉพาะเจาะจง", "นายตัดหญ้า 2,000 บาท", "นายตัดหญ้า ราคา 2,000 บาท",
               "ราคาต่ำสุด", "ใบสั่งจ้าง 22/2567"]
    _official_workbook(mini.path / "content/procurement/2567.xlsx", [good, no_price, no_date])
    result = mini.build(strict=False)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "content/procurement/2567.xlsx แผ่นงาน 'ธ.ค. 66' แถวที่ 5 (sheet, row) · ช่อง winner: ต้องเป็นชื่อตามด้วยราคา" in out, out
    assert "content/procurement/2567.xlsx แผ่นงาน 'ธ.ค. 66' แถวที่ 6 (sheet, row) · ช่อง contract_no: ไม่พบวันที่ใน 'ใบสั่งจ้าง 22/2567'" in out
    assert "แถวที่ 4" not in out


def test_one_year_in_two_files_is_refused(mini):
    (mini.path / "content/procurement").mkdir()
    shutil.copy(SAMPLES / "official.xlsx", mini.path / "content/procurement/2567.xlsx")
    shutil.copy(SAMPLES / "project-utf8.csv", mini.path / "content/procurement/2567.csv")
    (mini.path / "content/procurement/~$2567.xlsx").write_bytes(b"Excel's lock file")
    result = mini.build(strict=False)
    assert result.returncode == 1
    assert "content/procurement/2567.xlsx: มีทั้ง 2567.csv และ 2567.xlsx" in result.stderr, result.stderr
    assert "~$" not in result.stderr


def test_a_broken_workbook_or_unknown_text_is_one_clear_problem(tmp_path):
    from site_builder.procurement_sheets import read_purchases

    broken = tmp_path / "2567.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    problems: list = []
    assert read_purchases(broken, "content/procurement/2567.xlsx", problems) == []
    assert len(problems) == 1
    assert str(problems[0]).startswith("content/procurement/2567.xlsx: เปิดเป็นตารางไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ Excel")
    utf16 = tmp_path / "2567.csv"
    utf16.write_bytes("งานที่ซื้อหรือจ้าง,ราคา\n".encode("utf-16"))
    problems = []
    assert read_purchases(utf16, "content/procurement/2567.csv", problems) == []
    assert "UTF-8" in problems[0].message and "cp874" in problems[0].message


_CELL_TEXT = "0123456789๐๑๒๓๔๕๖๗๘๙ ,./-()บาทราคาเลขที่สัญญาลว.มี.ค.ตุลาคม\n;:=ก"


@given(st.dictionaries(st.sampled_from(list(COLUMNS)), st.one_of(
    st.text(alphabet=_CELL_TEXT, max_size=40), st.floats(), st.integers(-10**20, 10**20), st.dates(),
    st.datetimes(), st.booleans())))
@settings(max_examples=300, deadline=None)
def test_any_cell_is_read_or_named_never_raised(cells):
    data, errors = _fields(cells)
    assert all(field and message for field, message in errors)
    with contextlib.suppress(ValidationError):  # the loader turns it into problems with the row
        Purchase.model_validate(data)


def test_hidden_sheets_and_sheets_without_the_table_are_left_out(tmp_path):
    from site_builder.procurement_sheets import read_purchases

    path = tmp_path / "2567.xlsx"
    _official_workbook(path, [[1, "จัดซื้อวัสดุไฟฟ้า", 5000, "เฉพาะเจาะจง", "ร้านไฟฟ้า 4,800 บาท",
                               "ร้านไฟฟ้า ราคา 4,800 บาท", "ราคาต่ำสุด", "ใบสั่งซื้อ 20/2567 ลว. 4 ธ.ค. 66"]])
    book = openpyxl.load_workbook(path)
    draft = book.copy_worksheet(book["ธ.ค. 66"])
    draft.append([2, "ร่าง ยังไม่ครบ", "ไม่ทราบ", "เฉพาะเจาะจง"])
    draft.sheet_state = "hidden"
    book.create_sheet("หมายเหตุ").append(["ข้อมูลจากงานพัสดุ"])
    book.save(path)
    problems: list = []
    purchases = read_purchases(path, "content/procurement/2567.xlsx", problems)
    assert problems == [] and [p.winner for p in purchases] == ["ร้านไฟฟ้า"]


def test_a_date_cell_of_29_february_in_a_be_year_without_it_is_named():
    from datetime import date

    data, errors = _fields({"date": date(2568, 2, 29)})  # 2025 CE has no 29 February
    assert errors and errors[0][0] == "date" and "ไม่มีวันที่ 29 กุมภาพันธ์ 2568" in errors[0][1], errors
    assert _fields({"date": date(2567, 2, 28)})[1] == []
