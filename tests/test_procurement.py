"""Procurement rows from YAML or spreadsheet CSV: สขร.1 month pages, progress, annual summary."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

HEADER = ["งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง", "ราคากลาง", "วิธีซื้อหรือจ้าง",
          "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลงซื้อหรือจ้าง",
          "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่สัญญา", "วันที่สัญญา", "สถานะ"]

CATALOG_ITEMS = """
  - number: 21
    title: สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน
    sub_indicator: "9.2"
    sections: [procurement_monthly, procurement_progress]
    components:
      - id: monthly
        text: สรุปผลการจัดซื้อจัดจ้างรายเดือน ครอบคลุม 1 ต.ค. – 31 มี.ค.
        check:
          type: any
          checks:
            - {type: records, path: procurement.monthly, period: first_half}
            - {type: documents, kinds: [procurement_monthly], period: first_half}
  - number: 22
    title: รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี
    sub_indicator: "9.2"
    period: previous_year
    sections: [procurement_annual]
    components:
      - id: annual
        text: สรุปผลการจัดซื้อจัดจ้างของปีงบประมาณที่ผ่านมา
        check: {type: records, path: procurement.monthly, period: previous_year}
"""


def rows(start: date, count: int):
    for i in range(count):
        day = start + timedelta(days=i * 365 // count)
        price = 1000 + (i * 7919) % 500000
        yield [f"จัดซื้อวัสดุสำนักงาน รายการที่ {i + 1}", f"{price + 500:,}.00", f"{price + 200:,}", "เฉพาะเจาะจง",
               f"ร้านหนึ่ง {price:,}.00; ร้านสอง {price + 100:,}.00", "ร้านหนึ่ง", f"{price:,}.00",
               "ราคาต่ำสุดและคุณสมบัติครบถ้วน", f"{i + 1}/{day.year + 543}",
               f"{day.year + 543}-{day.month:02d}-{day.day:02d}", "ส่งมอบแล้ว"]


def write_csv(site, name: str, body) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(body)
    site.write(f"content/procurement/{name}", buffer.getvalue())


def with_procurement_items(site) -> None:
    text = site.file("data/ita/2567.yml").read_text(encoding="utf-8")
    site.write("data/ita/2567.yml", text + CATALOG_ITEMS)


def test_two_thousand_csv_rows_build_into_month_pages(mini):
    with_procurement_items(mini)
    write_csv(mini, "2566.csv", rows(date(2022, 10, 1), 1000))
    write_csv(mini, "2567.csv", rows(date(2023, 10, 1), 1000))
    result = mini.build()
    assert result.returncode == 0, result.stderr
    item = mini.html("2567/o21/")
    assert "ตุลาคม 2566" in item and 'href="../../procurement/2566-10/"' in item
    month = mini.html("procurement/2566-10/")
    assert "จัดซื้อวัสดุสำนักงาน รายการที่ 1<" in month and "ร้านสอง" in month
    assert re.search(r"\d{1,3}(,\d{3})+\.\d\d", month)  # baht with separators
    annual = mini.html("2567/o22/")
    assert "100 รายการที่มีมูลค่าสูงสุด" in annual and "ทั้งสิ้น <strong>1,000 รายการ" in annual
    prices = [float(p.replace(",", "")) for p in re.findall(r"<td[^>]* style=\"text-align: right;\">([\d,]+\.\d\d)</td>",
                                                           annual.split('id="procurement-top"')[1])]
    assert prices == sorted(prices, reverse=True) and len(prices) == 100
    assert (mini.path / "site/procurement/2567.csv").read_text(encoding="utf-8-sig").count("\n") == 1001


def test_total_is_computed_not_typed(mini):
    with_procurement_items(mini)
    write_csv(mini, "2567.csv", [
        ["ก", "100", "", "เฉพาะเจาะจง", "", "ร้านหนึ่ง", "1,000.50", "ราคาต่ำสุด", "1/2567", "2566-10-05", ""],
        ["ข", "100", "", "เฉพาะเจาะจง", "", "ร้านสอง", "2,000.25", "ราคาต่ำสุด", "2/2567", "2566-10-06", ""],
    ])
    assert mini.build(strict=False).returncode == 0
    assert "<strong>3,000.75</strong>" in mini.html("procurement/2566-10/")


def test_bad_csv_row_is_reported_with_its_line(mini):
    good = list(rows(date(2023, 10, 1), 5))
    bad = list(good[2])
    bad[6] = "หนึ่งพันบาท"  # price
    bad2 = list(good[3])
    bad2[9] = "2567-02-30"  # impossible date
    write_csv(mini, "2567.csv", [good[0], good[1], bad, bad2, good[4]])
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "content/procurement/2567.csv บรรทัดที่ 4 · ช่อง price:" in out
    assert "content/procurement/2567.csv บรรทัดที่ 5 · ช่อง date:" in out and "2567-02-30" in out


def test_unknown_csv_header_is_named(mini):
    mini.write("content/procurement/x.csv", "งานที่ซื้อ,ราคา\nก,1\n")
    result = mini.build()
    assert result.returncode == 1 and "'งานที่ซื้อ'" in result.stdout + result.stderr


def test_quiet_month_counts_for_the_monthly_rule(mini):
    with_procurement_items(mini)
    body = list(rows(date(2023, 10, 1), 300))
    late_months = [r for r in body if not r[9].startswith("2566-11")]
    write_csv(mini, "2567.csv", late_months)
    missing = mini.run("ita", "check")
    assert "✗ O21" in missing.stdout
    mini.write("content/procurement.yml", "quiet_months:\n  - month: 2566-11\n")
    complete = mini.run("ita", "check")
    assert "✓ O21" in complete.stdout, complete.stdout
    mini.build(strict=False)
    assert "ไม่มีการจัดซื้อจัดจ้าง" in mini.html("procurement/2566-11/")
