"""Completeness rules, without MkDocs: load the mini fixture, change one fact, check again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.check import check_catalog
from site_builder.load import load_all
from site_builder.pages import content_locator
from site_builder.site import SECTIONS

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def src(tmp_path):
    shutil.copytree(MINI, tmp_path / "s")
    return tmp_path / "s"


def statuses(src: Path, year: int = 2567) -> dict[str, object]:
    loaded = load_all(src / "content", src / "data", SECTIONS, [year], root=src)
    locate = content_locator(loaded)
    return {s.item.label: s for s in check_catalog(loaded.catalogs[year], loaded.content, loaded.kinds, locate)}


def said(status) -> list[tuple[str, str]]:
    """(public sentence, webmaster sentence) of every gap of an item."""
    return [(g.public, g.webmaster) for f in status.findings for g in f.gaps]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_complete_fixture(src):
    assert {k: s.status for k, s in statuses(src).items()} == {"O1": "complete", "O2": "complete", "O11": "complete"}


def test_missing_photo_names_the_person_and_the_photo(src):
    replace(src / "content/executives.yml", "    photo: people/deputy.jpg\n", "")
    o2 = statuses(src)["O2"]
    assert o2.status == "incomplete"
    assert said(o2) == [(
        "นางสาวรอง ช่วยงาน (รองนายกเทศมนตรี): ยังไม่ได้เผยแพร่รูปถ่าย",
        "content/executives.yml บรรทัดที่ 7 · ผู้บริหารคนที่ 2 นางสาวรอง ช่วยงาน · ช่อง photo: ยังไม่ได้ใส่รูปถ่าย "
        "ให้เพิ่มช่อง photo เช่น photo: people/deputy-mayor.jpg (ไฟล์อยู่ใน content/files/people/)")]


def test_contact_alternatives(src):
    replace(src / "content/executives.yml", "    email: deputy@example.go.th\n", "")
    (public, webmaster), = said(statuses(src)["O2"])
    assert public == "นางสาวรอง ช่วยงาน (รองนายกเทศมนตรี): ยังไม่ได้เผยแพร่โทรศัพท์ หรือ อีเมล"
    assert "ผู้บริหารคนที่ 2 นางสาวรอง ช่วยงาน · ช่อง phone|email:" in webmaster


def test_missing_deputy_role(src):
    replace(src / "content/executives.yml", "role: deputy", "role: other")
    assert ("ยังไม่ได้เผยแพร่ข้อมูลรองผู้บริหารสูงสุด",
            "content/executives.yml บรรทัดที่ 1 · ช่อง role: ไม่มีผู้บริหารที่เป็นรองผู้บริหารสูงสุด (role: deputy) "
            "ซึ่งดำรงตำแหน่งในปีงบประมาณ 2567 ให้เพิ่มผู้บริหาร หรือแก้ช่อง role since until ของผู้ที่มีอยู่ "
            "เช่น role: deputy") in said(statuses(src)["O2"])


def test_executive_out_of_office_does_not_count(src):
    replace(src / "content/executives.yml", "    role: deputy\n", "    role: deputy\n    until: 2566-09-30\n")
    assert statuses(src)["O2"].status == "incomplete"


def test_plan_that_does_not_cover_the_year_is_missing(src):
    replace(src / "content/plans.yml", "covers: 2567", "covers: 2566")
    o11 = statuses(src)["O11"]
    assert o11.status == "empty"
    assert said(o11) == [("ยังไม่ได้เผยแพร่เอกสารแผนดำเนินงานประจำปี ที่ครอบคลุมปีงบประมาณ 2567",
                          "ไม่มีเอกสารแผนดำเนินงานประจำปี ที่ครอบคลุมปีงบประมาณ 2567 "
                          "ให้เพิ่มเอกสารใน content/plans.yml ระบุ kind: annual_plan เช่น covers: 2567")]


def test_multi_year_plan_covers_the_year(src):
    replace(src / "content/plans.yml", "covers: 2567", "covers: 2566-2570")
    assert statuses(src)["O11"].status == "complete"


def test_first_half_is_covered_by_the_union_of_monthly_reports(src):
    catalog = src / "data/ita/2567.yml"
    replace(catalog, "kinds: [annual_plan], period: covers_year", "kinds: [six_month_report], period: first_half")
    months = [("2566-10-01", "2566-10-31"), ("2566-11-01", "2566-12-31"), ("2567-01-01", "2567-03-31")]
    docs = "".join(
        f"  - {{title: รายงาน {a}, kind: six_month_report, file: plans/annual-2567.pdf, covers: {{from: {a}, to: {b}}}}}\n"
        for a, b in months)
    (src / "content/plans.yml").write_text("documents:\n" + docs, encoding="utf-8")
    assert statuses(src)["O11"].status == "complete"
    # A gap of one month fails the rule.
    (src / "content/plans.yml").write_text("documents:\n" + "".join(docs.splitlines(True)[::2]), encoding="utf-8")
    o11 = statuses(src)["O11"]
    assert o11.status == "incomplete"
    assert "1 ตุลาคม 2566 – 31 มีนาคม 2567" in o11.missing[0][1]


def test_structure_needs_both_sides(src):
    replace(src / "content/structure.yml", "staff:\n  - name: ปลัดเทศบาล\n    units:\n      - name: กองคลัง\n        head: ผู้อำนวยการกองคลัง\n", "")
    assert said(statuses(src)["O1"]) == [("ยังไม่ได้เผยแพร่ฝ่ายข้าราชการประจำ",
                                          "content/structure.yml บรรทัดที่ 1 · ช่อง staff: ยังไม่ได้ใส่ฝ่ายข้าราชการประจำ ให้เพิ่มช่อง staff "
                                          "เช่น staff: [{name: ปลัดเทศบาล, units: [{name: กองคลัง, head: ผู้อำนวยการกองคลัง}]}]")]


def test_previous_year_and_signed_by_top(src):
    catalog = src / "data/ita/2567.yml"
    replace(catalog, "kinds: [annual_plan], period: covers_year",
            "kinds: [annual_plan], period: in_year, signed_by_role: top")
    replace(src / "content/plans.yml", "    covers: 2567\n", "    covers: 2567\n    signed_by: นายอื่น ไม่ใช่นายก\n")
    o11 = statuses(src)["O11"]
    assert o11.status != "complete" and "ไม่ใช่ผู้บริหารสูงสุด" in o11.missing[-1][1]
    replace(src / "content/plans.yml", "signed_by: นายอื่น ไม่ใช่นายก", "signed_by: นายทดสอบ ใจดี นายกเทศมนตรี")
    assert statuses(src)["O11"].status == "complete"


def test_deleted_photo_file_is_a_gap_of_o2_not_a_data_error(src):
    (src / "content/files/people/deputy.jpg").unlink()
    (public, webmaster), = said(statuses(src)["O2"])
    assert public == "นางสาวรอง ช่วยงาน (รองนายกเทศมนตรี): ยังไม่ได้เผยแพร่รูปถ่าย"
    assert webmaster.endswith("ผู้บริหารคนที่ 2 นางสาวรอง ช่วยงาน · ช่อง photo: ไม่พบไฟล์รูป content/files/people/deputy.jpg "
                              "ให้วางไฟล์รูปไว้ที่นั่น หรือแก้ชื่อไฟล์ในช่อง photo ให้ตรงกับไฟล์ที่มี")


def test_one_status_vocabulary_from_the_check_to_the_pages(src):
    """The item page, the year page and the measures table say what the check decided, in the
    words, marks and CSS classes of site_builder/status.py, each styled by the theme."""
    from site_builder.pages import build_site
    from site_builder.render import Renderer
    from site_builder.status import Status

    css = (Path(__file__).parent.parent / "site_builder" / "assets" / "ita.css").read_text(encoding="utf-8")
    assert all(f".{s.css} " in css for s in Status)
    replace(src / "content/executives.yml", "    photo: people/deputy.jpg\n", "")
    loaded = load_all(src / "content", src / "data", SECTIONS, [2567], root=src)
    site = build_site(loaded, [2567], Renderer(), "https://example.go.th/")
    o2 = next(s for s in site.statuses[2567] if s.item.label == "O2")
    assert o2.status is Status.INCOMPLETE
    page = next(p.markdown for p in site.pages if p.path == "2567/o02.md")
    assert f'<div class="ita-status {Status.INCOMPLETE.css}"' in page
    assert f"**สถานะ: {Status.INCOMPLETE.text}**" in page
    year = next(p.markdown for p in site.pages if p.path == "2567/index.md")
    assert f"{Status.INCOMPLETE.mark} {Status.INCOMPLETE.text}<" in year
    assert f"{Status.COMPLETE.mark} {Status.COMPLETE.text}<" in year


def test_the_page_lists_the_documents_the_check_counted(src):
    """Assessors score an item on its page: a document the rule refused (here a Thai plan where
    the rule asks for the English one) is not listed as its evidence."""
    replace(src / "data/ita/2567.yml", "check: {type: documents, kinds: [annual_plan], period: covers_year}",
            "check: {type: documents, kinds: [annual_plan], period: covers_year, language: en}")
    o11 = statuses(src)["O11"]
    assert o11.status != "complete" and o11.documents == []


def test_a_counted_document_is_listed(src):
    o11 = statuses(src)["O11"]
    counted = [e for f in o11.findings for e in f.evidence]
    assert o11.status == "complete" and counted and o11.documents == counted
