from datetime import date
from decimal import Decimal

import pytest

from site_builder import thai


@pytest.mark.parametrize("day, fy", [
    (date(2024, 9, 30), 2567), (date(2024, 10, 1), 2568), (date(2025, 9, 30), 2568),
    (date(2025, 10, 1), 2569), (date(2023, 12, 31), 2567), (date(2024, 1, 1), 2567),
    (date(2024, 2, 29), 2567),
])
def test_fiscal_year_boundaries(day, fy):
    assert thai.fiscal_year(day) == fy


def test_fiscal_year_span():
    assert thai.fiscal_year_start(2567) == date(2023, 10, 1)
    assert thai.fiscal_year_end(2567) == date(2024, 9, 30)
    assert thai.first_half_end(2567) == date(2024, 3, 31)


def test_formal_date_in_thai_and_with_thai_digits():
    assert thai.format_date(date(2024, 1, 31)) == "31 มกราคม 2567"
    assert thai.format_date(date(2024, 1, 31), thai.DigitStyle.FORMAL) == "๓๑ มกราคม ๒๕๖๗"
    assert thai.format_date_short(date(2024, 12, 5)) == "5 ธ.ค. 2567"
    # Short dates sit in tables: Arabic digits unless the setting says everywhere.
    assert thai.format_date_short(date(2024, 12, 5), thai.DigitStyle.FORMAL) == "5 ธ.ค. 2567"
    assert thai.format_date_short(date(2024, 12, 5), thai.DigitStyle.EVERYWHERE) == "๕ ธ.ค. ๒๕๖๗"


def test_all_month_names_and_abbreviations():
    assert thai.MONTHS[8] == "กันยายน" and thai.MONTHS_ABBR[9] == "ต.ค."
    assert len(set(thai.MONTHS)) == len(set(thai.MONTHS_ABBR)) == 12


@pytest.mark.parametrize("text, expected", [
    ("2567-03-31", date(2024, 3, 31)), ("2024-03-31", date(2024, 3, 31)),
    ("2567-02-29", date(2024, 2, 29)), ("2566-12-31", date(2023, 12, 31)),
])
def test_parse_date_reads_buddhist_and_common_era(text, expected):
    assert thai.parse_date(text) == expected


@pytest.mark.parametrize("text", ["2566-02-29", "2567-02-30", "2567-13-01"])
def test_parse_date_rejects_impossible_dates(text):
    with pytest.raises(ValueError, match="ไม่มีวันที่"):
        thai.parse_date(text)


@pytest.mark.parametrize("text", ["31/03/2567", "2567-3", "หนึ่ง", ""])
def test_parse_date_explains_the_format(text):
    with pytest.raises(ValueError, match="ปปปป-ดด-วว"):
        thai.parse_date(text)


def test_baht_uses_separators_and_arabic_digits():
    assert thai.format_baht(Decimal("1234567.5")) == "1,234,567.50"
    assert thai.format_baht(0) == "0.00"


def test_digits_setting_never_touches_arabic_when_off():
    assert thai.digits("2567", thai.DigitStyle.ARABIC) == "2567"
    assert thai.digits("2567", thai.DigitStyle.FORMAL, formal=False) == "2567"
    assert thai.digits("2567", thai.DigitStyle.FORMAL) == "๒๕๖๗"


def test_period_label_names_whole_fiscal_years():
    assert thai.format_period(date(2023, 10, 1), date(2024, 9, 30)) == "ปีงบประมาณ 2567"
    assert thai.format_period(date(2022, 10, 1), date(2027, 9, 30)) == "ปีงบประมาณ 2566–2570"
    assert thai.format_period(date(2023, 10, 1), date(2024, 3, 31)) == "ตุลาคม 2566 – มีนาคม 2567"
    assert thai.format_period(date(2024, 2, 1), date(2024, 2, 29), formal=False) == "ก.พ. 2567"
    assert thai.format_period(date(2023, 10, 5), date(2024, 3, 31)) == "5 ตุลาคม 2566 – 31 มีนาคม 2567"
    assert thai.format_period(date(2023, 10, 5), date(2024, 3, 31), formal=False) == "5 ต.ค. 2566 – 31 มี.ค. 2567"
    assert thai.format_period(date(2023, 10, 1), date(2024, 9, 30), thai.DigitStyle.FORMAL, formal=False) == "ปีงบประมาณ 2567"


@pytest.mark.parametrize("text, day, found", [
    ("สัญญาเลขที่ 12/2567 ลงวันที่ 3 มี.ค. 2567", date(2024, 3, 3), "3 มี.ค. 2567"),
    ("ใบสั่งซื้อ ๕/๒๕๖๗ ลว. ๓ มีนาคม พ.ศ. ๒๕๖๗", date(2024, 3, 3), "3 มีนาคม พ.ศ. 2567"),
    ("สัญญาเลขที่ 3/2567 ลงวันที่ 20 ตุลาคม 2566", date(2023, 10, 20), "20 ตุลาคม 2566"),
    ("1/2568 ลว. 1 ต.ค. 67", date(2024, 10, 1), "1 ต.ค. 67"),
    ("ลว. 3 มีค. 67", date(2024, 3, 3), "3 มีค. 67"),
    ("4/2567 ลงวันที่ 30/10/2566", date(2023, 10, 30), "30/10/2566"),
    ("2567-03-03", date(2024, 3, 3), "2567-03-03"),
    ("2024-03-03", date(2024, 3, 3), "2024-03-03"),
])
def test_find_date_reads_dates_as_thai_documents_write_them(text, day, found):
    result = thai.find_date(text)
    assert result is not None and result[0] == day and result[1][0] == found


def test_find_date_names_an_impossible_day():
    assert thai.find_date("ใบสั่งซื้อ 7/2567") is None
    with pytest.raises(ValueError, match=r"31 ก\.พ\. 2567"):
        thai.find_date("ลว. 31 ก.พ. 2567")
