"""A site with many years: each page carries its own year's navigation, the others as links."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _add_years(site, years: list[int]) -> None:
    catalog = site.file("data/ita/2567.yml").read_text(encoding="utf-8")
    for year in years:
        site.write(f"data/ita/{year}.yml", catalog.replace("year: 2567", f"year: {year}", 1))
    site.edit("mkdocs.yml", "years: [2567]", f"years: [{', '.join(map(str, [*years, 2567]))}]")


def _nav(html: str) -> str:
    return html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]


def test_a_page_lists_its_own_years_items_and_the_other_years_as_single_links(mini):
    _add_years(mini, [2565, 2566])
    assert mini.build(strict=False).returncode == 0
    nav = _nav(mini.html("2567/o02/"))
    assert 'href="../o11/"' in nav  # its own year's items
    assert 'href="../../2566/"' in nav and 'href="../../2565/"' in nav  # the other years
    assert "2566/o" not in nav and "2565/o" not in nav
    assert 'href="../../2567/o01/"' not in mini.html("2566/o02/")
    # A page outside the years (the home page, the not-found page) has every year as a link only.
    for html in (mini.html(""), (mini.path / "site/404.html").read_text(encoding="utf-8")):
        assert re.search(r'href="[./]*(/ita/)?2566/"', html)
        assert not re.search(r'href="[^"]*2566/o\d+/"', html)


def test_an_item_page_weighs_the_same_with_one_year_or_nine(mini):
    assert mini.build(strict=False).returncode == 0
    one = len(mini.html("2567/o02/").encode())
    _add_years(mini, list(range(2560, 2567)))
    assert mini.build(strict=False).returncode == 0
    eight = len(mini.html("2567/o02/").encode())
    # Seven more years add seven links (about 200 bytes each), not eight years of items.
    assert eight - one < 7 * 300, (one, eight)


ARCHIVE_DOCS = """
  - title: แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2565
    kind: annual_plan
    file: plans/annual-2565.pdf
    date: 2564-10-15
    covers: 2565
  - title: รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2565
    kind: annual_report
    url: https://www.example.go.th/report-2565.pdf
    date: 2565-11-30
    covers: 2565
  - title: เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566
    kind: budget_ordinance
    file: plans/annual-2565.pdf
    date: 2565-09-20
    covers: 2566
"""


def _archive(site, years: str = "[2565]") -> None:
    site.edit("mkdocs.yml", "years: [2567]", f"years: [2567]\n      archive_years: {years}")
    site.write("content/plans.yml", site.file("content/plans.yml").read_text(encoding="utf-8") + ARCHIVE_DOCS)
    site.file("content/files/plans/annual-2565.pdf").write_bytes(site.file("content/files/plans/annual-2567.pdf").read_bytes())


def test_an_archive_year_lists_its_documents_by_kind_and_says_it_is_an_archive(mini):
    _archive(mini)
    result = mini.build()  # --strict: an archive year has no completeness check to fail
    assert result.returncode == 0, result.stderr
    page = mini.html("2565/")
    assert "<title>เอกสารย้อนหลัง ปีงบประมาณ พ.ศ. 2565" in page
    assert "หน้านี้เป็นหน้าเอกสารย้อนหลังของปีงบประมาณ พ.ศ. 2565" in page
    assert "ไม่ได้ตรวจความครบถ้วนตามองค์ประกอบ" in page
    plans = page.index('id="kind-annual-plan"')
    reports = page.index('id="kind-annual-report"')
    assert plans < reports  # kinds in the order of kinds.yml
    assert "แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2565" in page[plans:reports]
    assert 'href="https://www.example.go.th/report-2565.pdf"' in page[reports:]
    # what covers another year, and the assessed year's documents, are not the archive's
    assert "พ.ศ. 2566" not in page and "พ.ศ. 2567" not in page
    assert not (mini.path / "site/2565/o01").exists() and 'href="measures/"' not in page  # no items, no report to link
    # every page reaches the archive year
    assert re.search(r'href="(\.\./)+2565/"', _nav(mini.html("2567/o02/")))
    # no completeness table of 2565 in ita check
    assert "2565" not in mini.run("ita", "check").stdout


def test_an_archive_year_links_its_measures_report_without_a_warning(mini):
    _archive(mini)
    report = (ROOT / "tests/fixtures/measures/phonsawan-2567-issues.yml").read_text(encoding="utf-8")
    mini.write("content/measures/2565.yml", report.replace("2567", "2565").replace("2566", "2564"))
    result = mini.build()
    assert result.returncode == 0, result.stderr
    assert "2565" not in result.stderr  # declared an archive: the report without a catalog is expected
    page = mini.html("2565/")
    assert 'href="measures/"' in page and "รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. 2565" in page
    assert (mini.path / "site/2565/measures/index.html").is_file()


def test_a_year_both_assessed_and_archived_is_refused_with_the_option_named(mini):
    _archive(mini, "[2565, 2567]")
    result = mini.build()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "archive_years" in result.stderr and "ปี 2567 อยู่ทั้งใน years และ archive_years" in result.stderr
