"""The measures page inside a real build: its OIT progress table is derived from the check."""

from __future__ import annotations

import re

MEASURES = """year: 2567
analysis:
  year: 2566
  score: 88.5
  level: ผ่าน
  weak_points: [การเปิดเผยข้อมูลการจัดซื้อจัดจ้างยังไม่ครบทุกเดือน]
groups:
  - title: การเปิดเผยข้อมูล
    measures:
      - name: เผยแพร่ข้อมูลผู้บริหารให้ครบถ้วน
        responsible: สำนักปลัดเทศบาล
        period: ตุลาคม 2566 – กันยายน 2567
        results:
          - round: 6
            status: in_progress
            summary: ปรับปรุงหน้าข้อมูลผู้บริหารแล้ว
            evidence: [{item: 2}]
"""


def _row(html: str, label: str) -> str:
    table = html.split('id="oit-progress"')[1]
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        if re.search(rf">{label}<|>{label[1:]}<", row):
            return row
    raise AssertionError(f"no row for {label}")


def test_measures_page_and_derived_oit_row(mini):
    mini.write("content/measures/2567.yml", MEASURES)
    assert mini.build().returncode == 0
    page = mini.html("2567/measures/")
    assert "เผยแพร่ข้อมูลผู้บริหารให้ครบถ้วน" in page and "สำนักปลัดเทศบาล" in page
    assert 'href="../o02/"' in page
    assert "ไม่ครบ" not in _row(page, "O2") and "ครบ" in _row(page, "O2")
    assert 'class="ita-state ita-state--complete">ครบถ้วน<' in _row(page, "O2")
    # Remove the data an item needs: its row changes on the next build.
    mini.edit("content/executives.yml", "    photo: people/deputy.jpg\n", "")
    assert mini.build(strict=False).returncode == 0
    row = _row(mini.html("2567/measures/"), "O2")
    assert "ไม่ครบ" in row and "รูปถ่าย" in row
    assert 'class="ita-state ita-state--incomplete">ยังไม่ครบถ้วน<' in row


def test_year_without_measures_file_says_so(mini):
    assert mini.build().returncode == 0
    assert "ยังไม่ได้เผยแพร่การวิเคราะห์ผลการประเมินและมาตรการ" in mini.html("2567/measures/")


def test_measures_file_named_for_another_year(mini):
    mini.write("content/measures/2568.yml", MEASURES)
    result = mini.build()
    assert result.returncode == 1 and "content/measures/2568.yml บรรทัดที่ 1 · ช่อง year:" in result.stdout + result.stderr


def test_measures_pdf_option_prints_the_report(mini):
    mini.write("content/measures/2567.yml", MEASURES)
    mini.edit("mkdocs.yml", "years: [2567]", "years: [2567]\n      measures_pdf: true")
    result = mini.build()
    assert result.returncode == 0, result.stderr
    pdf = mini.path / "site/2567/measures/measures-2567.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
    page = mini.html("2567/measures/")
    assert 'href="measures-2567.pdf"' in page
    # The EIT survey QR code is part of the report too.
    assert 'id="eit-survey"' in page and "<svg" in page.split('id="eit-survey"')[1]


def test_measures_pointing_at_an_item_the_year_lacks(mini):
    mini.write("content/measures/2567.yml", MEASURES.replace("evidence: [{item: 2}]", "evidence: [{item: 45}]"))
    result = mini.run("ita", "check")
    assert result.returncode == 1
    assert "content/measures/2567.yml: อ้างถึงข้อ O45 ซึ่งไม่มีในรายการประเมินปี 2567" in result.stdout + result.stderr
