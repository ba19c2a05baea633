"""Reports as the source has them: declared tables (column order, two-level headers, free and
empty columns, group rows, row names per table), text blocks, the memo form, free signers,
derived sections outside the signed document, and years without a catalog, on built sites."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from site_builder.models.measures import Measures
from site_builder.models.report_layout import FIELDS
from site_builder.thai import DigitStyle
from site_builder.yamlsource import read_yaml
from test_measures import page_html

FIXTURES = Path(__file__).parent / "fixtures" / "measures"
DECLARED = sorted(p for p in FIXTURES.glob("*.yml") if p.with_name(p.stem + ".expected.yml").exists())


def text_of(fragment: str) -> str:
    fragment = re.sub(r"<[^>]+>", " ", fragment.replace("<wbr>", ""))
    return re.sub(r"\s+", " ", html.unescape(fragment)).strip()


def report_part(page: str) -> str:
    """The signed document: .ita-report up to the sections that follow it."""
    start = page.index('<div class="ita-report')
    end = page.find('<section class="ita-report-extra"', start)
    return page[start:end if end != -1 else len(page)]


def source_tables(part: str) -> list[dict]:
    out = []
    for table in re.findall(r"<table>(.*?)</table>", part, re.S):
        head, body = table.split("</thead>")
        headers = [[text_of(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", row, re.S)]
                   for row in re.findall(r"<tr[^>]*>(.*?)</tr>", head, re.S)]
        rows = [[text_of(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
                for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]
        out.append({"headers": headers, "rows": rows})
    return out


def built(mini, fixture: Path) -> tuple[str, str]:
    """Build the mini site with this report; (the page, the build log)."""
    year = read_yaml(fixture)["year"]
    mini.write(f"content/measures/{year}.yml", fixture.read_text(encoding="utf-8"))
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    return mini.html(f"{year}/measures/"), result.stdout + result.stderr


@pytest.mark.parametrize("fixture", DECLARED, ids=lambda p: p.stem)
def test_every_source_cell_once_in_its_table_in_source_order(mini, fixture: Path) -> None:
    page, _ = built(mini, fixture)
    expected = read_yaml(fixture.with_name(fixture.stem + ".expected.yml"))
    part = report_part(page)
    assert source_tables(part) == [{"headers": t["headers"], "rows": t["rows"]} for t in expected]
    # No cell shown a second time anywhere in the document's tables (the old layout printed the
    # measure name in a plan table and again in a results table).
    cells = [c for t in expected for row in t["rows"] for c in row if len(c) >= 12]
    tables_text = " | ".join(text_of(t) for t in re.findall(r"<table>.*?</table>", part, re.S))
    for cell in cells:
        if cells.count(cell) == 1:
            assert tables_text.count(cell) == 1, cell


@pytest.mark.parametrize("fixture", DECLARED, ids=lambda p: p.stem)
def test_only_the_headings_the_report_has(mini, fixture: Path) -> None:
    page, _ = built(mini, fixture)
    part = report_part(page)
    model = Measures.model_validate(read_yaml(fixture))
    own = [b.heading for b in model.body if b.heading] + [g.heading for g in model.all_groups() if g.heading]
    headings = [text_of(h) for h in re.findall(r"<h[2-6][^>]*>(.*?)</h[2-6]>", part, re.S)]
    assert all(h in own for h in headings), headings
    for added in ("การลงนามรับรองรายงาน", "ยังไม่มีรายงานผล"):
        assert added not in text_of(part)


def test_a_measure_spans_the_rows_of_its_activities(mini) -> None:
    page, _ = built(mini, FIXTURES / "phonsawan-2567-issues.yml")
    row = re.search(r"<tr>\s*<td[^>]* rowspan=\"2\"[^>]*>.*?</tr>", page, re.S)
    assert row and row[0].count('rowspan="2"') == 3 and "I19" in row[0]  # questions, measure, responsible


def test_memo_head_first_free_signers(mini) -> None:
    page, _ = built(mini, FIXTURES / "huaisai-2568-memo.yml")
    part = text_of(report_part(page))
    assert part.startswith("บันทึกข้อความ ส่วนราชการ สำนักปลัดเทศบาล งานนิติการ เทศบาลตำบลห้วยทราย ที่ ชม 54201/0912")
    # The paragraph before the results table, in place.
    assert part.index("สรุปได้ดังนี้") < part.index("ช่วงเวลาที่ดำเนินการ")
    signoff = part[part.index("จึงเรียนมาเพื่อโปรดทราบ"):]
    for words in ("ผู้รายงาน รายงาน", "ความเห็นของปลัดเทศบาล เห็นควรทราบ", "เพื่อโปรดทราบ (ลงชื่อ)",
                  "(นายประเสริฐ ดวงดี) นายกเทศมนตรีตำบลห้วยทราย"):
        assert words in signoff, words
    assert "ผู้อนุมัติ" not in part and "ผู้จัดทำรายงาน" not in part


def test_year_without_catalog_gets_its_page_and_a_warning(mini) -> None:
    mini.write("content/measures/2564.yml", "year: 2564\nmeasures:\n  - name: มาตรการเผยแพร่ข้อมูลข่าวสาร\n"
               "    results:\n      - summary: เผยแพร่แล้ว\n        evidence: [{item: 2}]\n")
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    page = mini.html("2564/measures/")
    assert "มาตรการเผยแพร่ข้อมูลข่าวสาร" in page and "O2" in page and "../o02/" not in page
    log = result.stdout + result.stderr
    assert "content/measures/2564.yml" in log and "data/ita/2564.yml" in log
    assert 'href="../2564/measures/"' in mini.html("2567/")  # reachable from the navigation


def test_year_outside_the_built_years_is_published_too(mini) -> None:
    page, log = built(mini, FIXTURES / "huaisai-2568-memo.yml")
    assert "ประชุมชี้แจงประมวลจริยธรรมของพนักงานเทศบาล" in page
    assert "content/measures/2568.yml" in log and "ไม่อยู่ใน years" in log


def test_derived_sections_follow_the_signed_document(mini) -> None:
    page, _ = built(mini, FIXTURES / "nadee-2567-wide.yml")
    part = report_part(page)
    assert 'id="oit-progress"' not in part and 'id="eit-survey"' not in part
    after = page[page.index('<section class="ita-report-extra"'):]
    assert 'id="oit-progress"' in after and 'id="eit-survey"' in after
    assert part.rstrip().endswith("</div>") and "นายสมศักดิ์ รักถิ่น" in part
    assert "content/measures" not in text_of(page)


def test_agency_places_or_leaves_out_derived_sections(mini) -> None:
    source = (FIXTURES / "nadee-2567-wide.yml").read_text(encoding="utf-8")
    mini.write("content/measures/2567.yml", source.replace(
        "  - text: จึงเรียนมาเพื่อโปรดทราบ\n", "  - text: จึงเรียนมาเพื่อโปรดทราบ\n  - oit_progress\n") + "after_report: []\n")
    assert mini.build(strict=False).returncode == 0
    page = mini.html("2567/measures/")
    assert 'id="oit-progress"' in report_part(page) and 'id="eit-survey"' not in page
    assert "ita-report-extra" not in page


def test_standard_layout_keeps_derived_sections_outside(mini) -> None:
    mini.write("content/measures/2567.yml", "year: 2567\nmeasures:\n  - name: มาตรการทดสอบ\n"
               "sign_off: {approved: {name: นายทดสอบ ใจดี}}\n")
    assert mini.build(strict=False).returncode == 0
    page = mini.html("2567/measures/")
    part = report_part(page)
    assert 'id="measures"' in part and 'id="sign-off"' in part and 'id="oit-progress"' not in part
    assert "ไม่มีการวิเคราะห์ผลการประเมินใน content" not in page


@pytest.mark.parametrize("change, words", [
    ({"measures": [{"name": "ก", "cells": {"remark": "x"}}]}, "cells: 'remark'"),
    ({"measures": [{"name": "ก", "results": [{"round": 6, "summary": "a"}, {"round": 12, "summary": "b"}]}],
      "body": [{"table": {"columns": ["name", "result.summary"]}}]}, "round: 6 หรือ 12"),
    ({"measures": [{"name": "ก"}], "body": [{"table": {"columns": ["nmae"]}}]}, "show"),
    ({"measures": [{"name": "ก"}], "body": [{"table": {"columns": [
        {"header": "ผล", "columns": [{"header": "ก", "columns": ["name"]}]}]}}]}, "สองชั้น"),
    ({"measures": [{"name": "ก"}], "body": ["sign_off", "sign_off"]}, "ซ้ำ"),
    ({"measures": [{"name": "ก"}], "body": [{"table": {"id": "report", "columns": ["name"]}}]}, "2567.yml บรรทัดที่ 2 · รายการที่ 1 ของ body · ช่อง table: id 'report'"),
    ({"measures": [{"name": "ก"}], "body": [{"table": {"id": "plan", "columns": ["name"]}},
                                            {"table": {"id": "plan", "columns": ["name"]}}]}, "id 'plan'"),
])
def test_bad_layout_is_a_clear_error(mini, change: dict, words: str) -> None:
    mini.write("content/measures/2567.yml", yaml.safe_dump({"year": 2567, **change}, allow_unicode=True))
    result = mini.build()
    assert result.returncode == 1
    assert "content/measures/2567.yml" in result.stdout + result.stderr
    assert words in result.stdout + result.stderr


FULL_MEASURE = {
    "number": "4.1", "name": "มาตรการทดสอบ", "questions": ["I19 ข้อคำถาม"], "finding": "ข้อค้นพบ",
    "guideline": "แนวทาง", "steps": ["1. ขั้นแรก", "2. ขั้นสอง"], "target": "เป้าหมาย", "budget": 15000,
    "period": "ไตรมาส 1", "responsible": ["กองคลัง"], "monitoring": "ติดตามรายไตรมาส", "note": "หมายเหตุ",
    "results": [{"round": 6, "status": "done", "method": "วิธี", "summary": "สรุป", "outputs": "ผลผลิต",
                 "outcomes": "ผลลัพธ์", "problems": "ปัญหา", "recommendations": "ข้อเสนอแนะ",
                 "date": "2567-04-05", "period": "ต.ค.–มี.ค.", "responsible": "สำนักปลัด",
                 "evidence": [{"url": "https://www.example.go.th/a", "title": "ข่าว"}]}],
}


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_a_column_can_show(field: str) -> None:
    model = Measures.model_validate({"year": 2567, "groups": [{"issue": 4, "measures": [FULL_MEASURE]}],
                                     "body": [{"table": {"columns": [field]}}]})
    found = source_tables(page_html(model, rows=[]))
    assert len(found) == 1 and found[0]["rows"][0] == ["ประเด็นที่ 4 กระบวนการการกำกับดูแลการใช้ทรัพย์สินของราชการ"]
    assert found[0]["headers"][0][0] and found[0]["rows"][1][0], field


def test_one_table_per_group_under_its_heading() -> None:
    model = Measures.model_validate({
        "year": 2567, "groups": [{"issue": 1, "measures": [{"name": "ก"}]}, {"title": "หัวข้ออิสระ", "measures": [{"name": "ข"}]}],
        "body": [{"heading": "มาตรการ", "table": {"id": "plan", "groups": "headings", "columns": ["name"]}}]})
    page = page_html(model, rows=[])
    assert re.findall(r"<h(\d) id=\"([^\"]+)\">([^<]+)</h\d>", page)[1:] == [
        ("2", "part-1", "มาตรการ"), ("3", "plan-1-heading", "ประเด็นที่ 1 กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"),
        ("3", "plan-2-heading", "หัวข้ออิสระ")]
    assert [t["rows"] for t in source_tables(page)] == [[["ก"]], [["ข"]]]


def test_a_table_written_cell_by_cell() -> None:
    """A table that is not about measures (scores by year, say) is written as the source has it."""
    model = Measures.model_validate({"year": 2567, "measures": [{"name": "ก"}], "body": [{"table": {
        "id": "scores",
        "columns": [{"header": "ตัวชี้วัด"}, {"header": "คะแนน", "columns": [{"header": "2565"}, {"header": "2566"}]}],
        "data": ["แบบวัด IIT", ["1 การปฏิบัติหน้าที่", 95.5, 96.12], ["2 การใช้งบประมาณ", None, ["ก", "ข"]]]}}]})
    assert source_tables(page_html(model, rows=[])) == [{
        "headers": [["ตัวชี้วัด", "คะแนน"], ["2565", "2566"]],
        "rows": [["แบบวัด IIT"], ["1 การปฏิบัติหน้าที่", "95.5", "96.12"], ["2 การใช้งบประมาณ", "", "ก ข"]]}]


@pytest.mark.parametrize("table, words", [
    ({"columns": [{"header": "ก"}, {"header": "ข"}], "data": [["1"]]}, "data แถวที่ 1 มี 1 ช่อง แต่ตารางมี 2 คอลัมน์"),
    ({"columns": ["name"], "data": [["1"]]}, "เฉพาะ header"),
])
def test_a_literal_table_that_does_not_fit(table: dict, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        Measures.model_validate({"year": 2567, "body": [{"table": table}]})


def test_cells_carry_their_column_for_phone_cards(mini) -> None:
    page, _ = built(mini, FIXTURES / "huaisai-2568-memo.yml")
    progress = page[page.index('id="progress"'):]
    assert 'data-label="ผลการดำเนินการ – ผลผลิต">บุคลากรเข้าร่วม 57 คน' in progress
    assert 'data-label="หมายเหตุ"></td>' in progress
    page, _ = built(mini, FIXTURES / "phonsawan-2567-issues.yml")
    assert 'data-label="หลักฐาน">รายงานผลการตรวจนับพัสดุประจำปี</td>' in page  # the row beside merged cells
    assert not re.search(r"<td[^>]*data-label=[^>]*data-label=", page)
    assert re.search(r'class="ita-scroll ita-cards"[^>]*><table><caption[^>]*>[^<]*</caption>\s*<thead>\s*<tr>\s*<th scope="col">ข้อคำถาม', page)


def test_thai_digits_in_headings_arabic_inside_tables() -> None:
    model = Measures.model_validate(read_yaml(FIXTURES / "phonsawan-2567-issues.yml"))
    page = page_html(model, rows=[], style=DigitStyle.FORMAL)
    assert ">ส่วนที่ ๑ มาตรการและผลการดำเนินการ<" in page
    table = source_tables(page)[0]
    assert table["rows"][0] == ["ประเด็นที่ 1 กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"]
    assert "ติดป้ายครบทุกจุดบริการ 5 จุด" in table["rows"][1]
