"""Privacy scan of content YAML (site_builder.privacy): Thai national ID numbers anywhere,
personal mobile numbers outside the phone fields, reported with file, line and field,
and no false alarm on budgets, document numbers, office lines or company tax IDs.

Run alone:  .venv/bin/pytest tests/quality/test_privacy.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quality_support import ROOT
from site_builder import privacy
from site_builder.load import Source
from site_builder.yamlsource import read_yaml


def with_check_digit(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


VALID_ID = with_check_digit("310120045678")  # a made-up number with a valid check digit
WRONG_ID = VALID_ID[:-1] + str((int(VALID_ID[-1]) + 1) % 10)


def grouped(digits: str, sep: str = "-") -> str:
    return sep.join((digits[0], digits[1:5], digits[5:10], digits[10:12], digits[12]))


def source(tmp_path: Path, name: str, text: str) -> Source:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Source(path, f"content/{name}", read_yaml(path))


# ------------------------------------------------------------------ the check digit


def test_check_digit_of_known_numbers():
    # Worked example: weights 13..2 over 1 1 0 1 7 0 0 2 3 0 7 0 sum to 146; 146 % 11 = 3;
    # (11 - 3) % 10 = 8, the last digit.
    assert privacy.valid_national_id("1101700230708")
    assert privacy.valid_national_id(VALID_ID)
    assert not privacy.valid_national_id("1101700230709")
    assert not privacy.valid_national_id("110170023070")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
@settings(max_examples=200, deadline=None, database=None)
def test_exactly_one_check_digit_is_valid(first12):
    valid = [d for d in "0123456789" if privacy.valid_national_id(first12 + d)]
    assert valid == [with_check_digit(first12)[-1]]


# ------------------------------------------------------------------ true positives


@pytest.mark.parametrize("text", [
    VALID_ID,
    grouped(VALID_ID, "-"),
    grouped(VALID_ID, " "),
    f"ผู้ร้องเรียน นายสมชาย เลขประจำตัวประชาชน {grouped(VALID_ID)} แจ้งว่า",
    f"บัตร:{VALID_ID}.",
    VALID_ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")),
])
def test_national_id_found(text):
    assert [digits for _, _, digits in privacy.national_ids(text)] == [VALID_ID]


@pytest.mark.parametrize("text,number", [
    ("0812345678", "0812345678"),
    ("081-234-5678", "0812345678"),
    ("08-1234-5678", "0812345678"),
    ("โทร 09 8765 4321 (คุณสมหญิง)", "0987654321"),
    ("ติดต่อ 061 234 5678", "0612345678"),
    ("+66 81 234 5678", "0812345678"),
    ("+66812345678", "0812345678"),
])
def test_mobile_found(text, number):
    assert [n for _, _, n in privacy.mobile_numbers(text)] == [number]


# ------------------------------------------------------------------ false positives avoided


@pytest.mark.parametrize("text", [
    WRONG_ID,                              # 13 digits, wrong check digit
    grouped(WRONG_ID),
    "0" + with_check_digit("010555123456")[1:],  # a company's tax ID starts with 0: public
    with_check_digit("010555123456"),
    VALID_ID + "7",                        # 14 digits: not an ID
    "9" + VALID_ID,
    "งบประมาณ 1,234,567,890,123 บาท",
    "งบประมาณ 12,500,000.00 บาท",
    "โครงการเลขที่ 67019123456 (e-GP)",     # 11-digit e-GP project number
    "ที่ ลป 52301/ว 1234 ลงวันที่ 2567-03-31",
    "เลขที่สัญญา 25/2567",
    "2567-10-01",
])
def test_no_national_id_in(text):
    assert privacy.national_ids(text) == []


@pytest.mark.parametrize("text", [
    "0 5499 0100",                 # office landline (Lampang 054)
    "02-123-4567",                 # Bangkok landline
    "053 979 111 ต่อ 101",
    "ที่ มท 0808.2/ว 1234",          # document number of the Ministry of Interior
    "ที่ ลป 0819.3/1234",
    "งบประมาณ 9,081,234,567 บาท",
    "081234567",                   # 9 digits
    "08123456789",                 # 11 digits
    "10812345678",
    "1669",                        # emergency number
])
def test_no_mobile_in(text):
    assert privacy.mobile_numbers(text) == []


# ------------------------------------------------------------------ scanning sources


def test_scan_reports_file_line_field_and_masks_the_number(tmp_path):
    complaints = source(tmp_path, "complaints.yml", (
        "documents:\n"
        "  - title: รายงานเรื่องร้องเรียน\n"
        "    kind: complaint_report\n"
        "    file: 2567/complaints.pdf\n"
        "    date: 2567-03-31\n"
        f"    description: ผู้ร้อง นายสมชาย ใจดี เลขประจำตัวประชาชน {grouped(VALID_ID)} โทร 081-234-5678\n"
    ))
    problems = privacy.scan([complaints])
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("content/complaints.yml", 6, "documents[0].description"),
        ("content/complaints.yml", 6, "documents[0].description"),
    ]
    id_problem, phone_problem = problems
    assert "เลขประจำตัวประชาชน" in id_problem.message and "PDPA" in id_problem.message
    assert "ลบ" in id_problem.message  # says what to do
    assert "มือถือ" in phone_problem.message and "phone" in phone_problem.message
    for problem in problems:  # the build log never repeats the number
        assert VALID_ID not in str(problem) and grouped(VALID_ID) not in str(problem)
        assert "234-5678" not in str(problem) and "2345678" not in str(problem)


def test_phone_fields_of_contact_and_executives_may_hold_mobiles(tmp_path):
    contact = source(tmp_path, "contact.yml", "phone: 081-234-5678\nfax: 0 5499 0199\nhours: โทร 089-999-1234 นอกเวลา\n")
    executives = source(tmp_path, "executives.yml", (
        "executives:\n"
        "  - name: นายก\n"
        "    position: นายกเทศมนตรี\n"
        "    phone: 089 111 2233\n"
    ))
    news = source(tmp_path, "news.yml", "entries:\n  - title: ข่าว\n    date: 2567-01-01\n    phone: 0812345678\n")
    problems = privacy.scan([contact, executives, news])
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("content/contact.yml", 3, "hours"),          # not a phone field
        ("content/news.yml", 4, "entries[0].phone"),  # phone, but not of contact/executives
    ]


def test_id_numbers_are_flagged_even_in_phone_fields_and_as_yaml_integers(tmp_path):
    contact = source(tmp_path, "contact.yml", f"phone: {grouped(VALID_ID)}\n")
    hr = source(tmp_path, "hr.yml", f"entries:\n  - title: x\n    date: 2567-01-01\n    participants: {VALID_ID}\n")
    problems = privacy.scan([contact, hr])
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("content/contact.yml", 1, "phone"),
        ("content/hr.yml", 4, "entries[0].participants"),
    ]


def test_csv_rows_are_scanned_with_their_lines(tmp_path):
    path = tmp_path / "2567.csv"
    path.write_text(
        "วันที่ของสัญญาหรือข้อตกลง,งานที่ซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก\n"
        "2566-10-01,จ้างเหมาทำความสะอาด,นายสมชาย ตัวอย่าง\n"
        f"2566-10-02,\"จ้างซ่อม\nหลังคา\",นายสมศักดิ์ ตัวอย่าง ({grouped(VALID_ID)}) โทร 089-111-2233\n",
        encoding="utf-8-sig")
    problems = privacy.scan(privacy.sheet_sources(path, "content/procurement/2567.csv"))
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("content/procurement/2567.csv", 3, "[1].ผู้ได้รับการคัดเลือก"),
        ("content/procurement/2567.csv", 3, "[1].ผู้ได้รับการคัดเลือก"),
    ]


def test_demo_and_fixture_content_raise_no_privacy_warning():
    paths = sorted((ROOT / "content").rglob("*.yml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yml"))
    sources = [Source(p, str(p.relative_to(ROOT)), read_yaml(p)) for p in paths]
    sources += [s for p in sorted((ROOT / "content").rglob("*.csv")) for s in privacy.sheet_sources(p, str(p.relative_to(ROOT)))]
    assert [str(p) for p in privacy.scan(sources)] == []


def test_workbook_sheets_are_scanned_under_the_forms_title(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ต.ค. 66"
    sheet.append(["แบบ สขร.1"])
    sheet.append(["ลำดับ", "งานที่จัดซื้อหรือจัดจ้าง", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง"])
    sheet.append([1, "จ้างเหมาทำความสะอาด", f"นายสมชาย ตัวอย่าง {grouped(VALID_ID)} ราคา 9,000 บาท"])
    book.save(tmp_path / "2567.xlsx")
    problems = privacy.scan(privacy.sheet_sources(tmp_path / "2567.xlsx", "content/procurement/2567.xlsx"))
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("content/procurement/2567.xlsx แผ่นงาน 'ต.ค. 66'", 3, "[0].ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง"),
    ]
