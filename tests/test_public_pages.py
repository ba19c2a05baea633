"""What citizens and assessors see on the demo's public pages: nothing meant for the
webmaster, honest labels, one title per page."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Words that belong to the webmaster's build log and `ita check`, never to a public page.
MAINTAINER_WORDS = ("provisional", "confidence", "unconfirmed", "ฉบับเบื้องต้น", "ผู้ดูแลเว็บไซต์:",
                    "เทศบาลตำบลก้อ")
REPO_PATH = re.compile(r"\b(content|data)/[\w/.-]+\.(yml|yaml|csv)\b")


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def main_text(html: str) -> str:
    """What the page says (its article, footer and banner), without tags."""
    return re.sub(r"<[^>]+>", " ", html.split("<body", 1)[1])


def head_title(html: str) -> str:
    return re.search(r"<head>.*?<title>([^<]*)</title>", html, re.S).group(1)


def test_no_maintainer_notes_on_any_public_page(demo_build):
    offending = []
    for page in html_pages(demo_build.path / "site"):
        text = main_text(page.read_text(encoding="utf-8"))
        found = [w for w in MAINTAINER_WORDS if w in text] + REPO_PATH.findall(text)
        if found:
            offending.append((str(page.relative_to(demo_build.path / "site")), found[:3]))
    assert offending == []


def test_catalog_status_goes_to_the_build_log_and_ita_check(demo_build):
    build = demo_build.run("mkdocs", "build", "-d", "site-log")
    assert "ITA 2568: รายการประเมินเป็นฉบับเบื้องต้น (provisional catalog)" in build.stderr
    assert re.search(r"ITA 2567: ถ้อยคำองค์ประกอบที่ยังไม่ยืนยันกับคู่มือ \(unconfirmed wording\): O4 ", build.stderr)
    check = demo_build.run("ita", "check", "-y", "2568")
    assert "ITA 2568: รายการประเมินเป็นฉบับเบื้องต้น (provisional catalog)" in check.stderr


def test_a_missing_measures_report_tells_the_webmaster_not_the_public(mini):
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert "content/measures/2567.yml" not in mini.html("2567/measures/")
    assert "ยังไม่มีรายงานมาตรการ" in result.stderr and "content/measures/2567.yml" in result.stderr


def test_every_page_has_its_own_title_with_the_year_on_item_and_measures_pages(demo_build):
    site = demo_build.path / "site"
    titles: dict[str, list[str]] = {}
    for page in html_pages(site):
        titles.setdefault(head_title(page.read_text(encoding="utf-8")), []).append(str(page.relative_to(site)))
    assert {t: p for t, p in titles.items() if len(p) > 1} == {}
    assert head_title(demo_build.html("2567/o01/")).startswith("O1 โครงสร้าง ปีงบประมาณ 2567 - ")
    assert "ปีงบประมาณ ๒๕๖๘" in head_title(demo_build.html("2568/measures/"))  # a formal document: Thai digits


def component_results(html: str) -> list[str]:
    """The last cell of each row of the components table, as text."""
    table = html.split('id="components"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    return [re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]).strip() for row in rows]


def test_labels_say_where_the_data_is(demo_build):
    # O4 (a plan) shows only its attached documents: never "this page".
    plan = component_results(demo_build.html("2567/o04/"))
    assert plan and all("หน้านี้" not in cell for cell in plan)
    assert any(cell == "แสดงในเอกสารหลักฐานที่แนบ" for cell in plan)
    assert 'href="#documents"' in demo_build.html("2567/o04/")
    # O5 (contact) shows its data on the page and has no documents.
    contact = component_results(demo_build.html("2567/o05/"))
    assert "แสดงในหน้านี้" in contact and all("เอกสาร" not in cell for cell in contact)


class _Refs(HTMLParser):
    """Every address a page leads to: links, images, scripts, forms, the search index."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "data-search-index") and value:
                self.refs.append(value)


def reachable(site: Path) -> set[Path]:
    """Every file a reader reaches from the home page by following links (never via the sitemap)."""
    seen: set[Path] = set()
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen or not page.is_file():
            continue
        seen.add(page)
        if page.suffix != ".html" or page.parent.name == "sitemap":
            continue
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            todo.append(target / "index.html" if target.is_dir() else target)
    return seen


def test_every_page_and_file_is_reachable_from_the_home_page_without_the_sitemap(demo_build):
    site = (demo_build.path / "site").resolve()
    seen = reachable(site)
    published = {p for p in site.rglob("*") if p.is_file()}
    # The theme's files, the crawlers' and the server's, and the search index the search page's
    # script fetches as it needs it.
    machinery = ("assets/", "sitemap.xml", "sitemap/", "404.html", "search/")
    missing = sorted(str(p.relative_to(site)) for p in published - seen
                     if not str(p.relative_to(site)).startswith(machinery))
    assert site / "search/index.html" in seen
    assert missing == []
    assert len([p for p in seen if p.suffix == ".pdf"]) > 100


def test_procurement_index_and_month_pages_link_each_other_and_the_signed_reports(demo_build):
    index = demo_build.html("procurement/")
    assert "<h1 id=\"top\">การจัดซื้อจัดจ้าง" in index
    assert 'href="2567-04/"' in index and 'href="../files/2567/procurement-monthly-2567-04.pdf"' in index
    assert 'href="2568.csv"' in index
    month = demo_build.html("procurement/2567-04/")
    assert 'href="../../files/2567/procurement-monthly-2567-04.pdf"' in month
    assert 'href="../2567-03/"' in month and 'href="../2567-05/"' in month and 'href="../"' in month
    # The items the reports evidence lead to the month pages and to the index.
    o21 = demo_build.html("2567/o21/")
    assert 'href="../../procurement/2567-03/"' in o21 and 'href="../../procurement/"' in o21


def test_home_page_serves_citizens_tasks_with_tap_to_call_numbers(demo_build):
    home = demo_build.html("")
    for heading in ("แจ้งเรื่องร้องเรียน", "ผู้บริหารและการติดต่อ", "จัดซื้อจัดจ้าง", "ข่าวประชาสัมพันธ์",
                    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "การเปิดเผยข้อมูลสาธารณะ (OIT)"):
        assert re.search(rf"<h2 id=\"[a-z]+\">{re.escape(heading)}", home), heading
    assert 'href="tel:1567"' in home and 'href="tel:054990100"' in home
    assert 'href="procurement/"' in home and 'href="2568/measures/"' in home and 'href="2568/"' in home
    executives = demo_build.html("2568/o02/")
    assert 'href="tel:054990100;ext=101"' in executives
    assert 'href="tel:054990100;ext=213"' in demo_build.html("policies/privacy/")


def test_heading_names_are_their_text_and_every_table_has_a_caption(demo_build):
    for url in ("2567/o21/", "2568/measures/", "procurement/2567-03/"):
        html = demo_build.html(url)
        headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
        assert headings and not [h for _, h in headings if "headerlink" in h or "¶" in h], url
        assert html.count("<table>") == html.count("<table><caption"), url
    assert '<a aria-label="ลิงก์มาที่หัวข้อ เอกสารหลักฐาน" class="headerlink" href="#documents">' in \
        demo_build.html("2567/o21/")


def updated(html: str) -> str:
    return re.search(r'ปรับปรุงข้อมูลล่าสุด <time datetime="([\d-]+)">', html).group(1)


def set_mtime(path: Path, day: str) -> None:
    stamp = datetime.fromisoformat(day + "T12:00:00+07:00").timestamp()
    for p in [path, *path.rglob("*")]:
        os.utime(p, (stamp, stamp))


def test_last_updated_is_the_newest_change_of_the_pages_own_data_from_file_times(mini):
    set_mtime(mini.path / "content", "2024-01-31")
    set_mtime(mini.path / "content/executives.yml", "2024-03-15")
    assert mini.build().returncode == 0
    assert updated(mini.html("2567/o02/")) == "2024-03-15"  # the executives
    assert updated(mini.html("2567/o01/")) == "2024-01-31"  # the structure: not changed since
    assert updated(mini.html("")) == "2024-03-15"  # the home page gathers everything
    assert updated(mini.html("policies/privacy/")) == "2024-01-31"


def test_items_checked_from_the_measures_file_are_dated_by_it(demo_build):
    # O42/O43 show no topic section: their status comes from content/measures/<year>.yml.
    measures = demo_build.path / "content" / "measures"
    newest = max(datetime.fromtimestamp(p.stat().st_mtime).date() for p in measures.glob("256[67].yml"))
    for item in ("2567/o42/", "2567/o43/"):
        assert updated(demo_build.html(item)) >= newest.isoformat(), item


def test_last_updated_is_the_last_commit_in_a_git_checkout(mini):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE="2024-02-01T10:00:00+07:00",
               GIT_COMMITTER_DATE="2024-02-01T10:00:00+07:00")
    for args in (["init", "-q"], ["add", "content"], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=mini.path, env=env, check=True, capture_output=True)
    set_mtime(mini.path / "content", "2025-06-01")  # a fresh checkout: every file "new"
    assert mini.build().returncode == 0
    assert updated(mini.html("2567/o02/")) == "2024-02-01"
    # An edit not yet committed counts from the file's time.
    mini.edit("content/structure.yml", "\n", "\n# แก้ไข\n")
    set_mtime(mini.path / "content/structure.yml", "2025-07-01")
    assert mini.build().returncode == 0
    assert updated(mini.html("2567/o01/")) == "2025-07-01" and updated(mini.html("2567/o02/")) == "2024-02-01"


def test_long_tables_read_as_cards_on_phones_and_the_measures_page_has_the_full_width(demo_build):
    measures = demo_build.html("2567/measures/")
    assert measures.count('class="ita-scroll ita-cards"') >= 10
    assert re.search(r'<td data-label="ผู้รับผิดชอบ"', measures)
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*hidden', measures)  # no sidebars
    assert '<span class="ita-nowrap">O13</span>' in measures  # codes never split
    # A three-column table stays a table.
    assert 'class="ita-scroll ita-cards"' not in demo_build.html("2567/o21/").split('id="components"')[1].split("</table>")[0]


def test_cards_on_a_360_px_phone(demo_build, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto((demo_build.path / "site/2567/measures/index.html").as_uri())
    widths = page.evaluate("""() => [...document.querySelectorAll('.ita-cards')].map(region =>
        [region.scrollWidth, region.clientWidth])""")
    page.close()
    assert widths and all(scroll <= client + 1 for scroll, client in widths)  # nothing to scroll sideways


def digits_in_text(html: str) -> tuple[list[str], list[str]]:
    """(Arabic, Thai) numbers in a page's visible text, codes (O13, E11) left out."""
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html.split("<body", 1)[1], flags=re.S)
    words = re.sub(r"<[^>]+>", " ", body).split()
    arabic = [w for w in words if re.search(r"[0-9]", w) and not re.fullmatch(r"[A-Z]{1,3}\d+[,;)]?", w)]
    return arabic, [w for w in words if re.search("[๐-๙]", w)]


def test_one_digit_system_per_page(demo_build):
    # The demo's setting is `formal`: the measures report and the poster in Thai digits, except
    # document numbers, money and addresses; every other page in Arabic digits.
    arabic, thai_words = digits_in_text(demo_build.html("2567/measures/"))
    assert len(thai_words) > 100
    assert all("/" in w or re.fullmatch(r"[\d,]+\.\d\d", w) for w in arabic), arabic
    for url in ("", "2567/o21/", "2568/", "procurement/2567-03/", "policies/accessibility/"):
        assert digits_in_text(demo_build.html(url))[1] == [], url
    poster_arabic, _ = digits_in_text(demo_build.html("eit-poster/"))
    assert poster_arabic == ["https://itas.nacc.go.th/go/eit/BSL7Q2"]


def test_digit_references_and_attributes_are_left_whole():
    from site_builder.page_digits import one_digit_system
    from site_builder.thai import DigitStyle

    html = ('<div class="ita-report"><p>&#57;&#54;.12 คะแนน ข้อ O13 <a href="https://x.go.th/2567">ลิงก์ 2567</a>'
            '</p><table><tr><td data-label="งบประมาณ (บาท)">15,000.00</td><td data-label="ผล">3 ครั้ง</td></tr>'
            '</table><span lang="en">WCAG 2.2</span><code>a1</code> &amp; 1/2567</div>')
    assert one_digit_system(html, DigitStyle.FORMAL) == (
        '<div class="ita-report"><p>๙๖.๑๒ คะแนน ข้อ O13 <a href="https://x.go.th/2567">ลิงก์ ๒๕๖๗</a>'
        '</p><table><tr><td data-label="งบประมาณ (บาท)">15,000.00</td><td data-label="ผล">๓ ครั้ง</td></tr>'
        '</table><span lang="en">WCAG 2.2</span><code>a1</code> &amp; 1/2567</div>')
    assert one_digit_system("<p>ปี ๒๕๖๗</p>", DigitStyle.FORMAL) == "<p>ปี 2567</p>"
    assert one_digit_system("<p>ปี 2567</p>", DigitStyle.EVERYWHERE) == "<p>ปี ๒๕๖๗</p>"


def test_each_number_of_a_phone_field_is_its_own_link(mini):
    mini.edit("content/executives.yml", "phone: 0 5300 0000 ต่อ 101", "phone: 0 5300 0000 ต่อ 101, 08 1234 5678 (มือถือ)")
    assert mini.build().returncode == 0
    page = mini.html("2567/o02/")
    assert 'href="tel:053000000;ext=101"' in page and 'href="tel:0812345678"' in page


def test_a_document_link_names_its_file_type(mini):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("word/document.xml", "<w:document/>")
    mini.file("content/files/plans/annual-2567.docx").write_bytes(buffer.getvalue())
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", "file: plans/annual-2567.docx")
    assert mini.build().returncode == 0
    for url in ("2567/o11/", "documents/"):
        entry = mini.html(url).split("annual-2567.docx")[-1].split("</li>")[0]
        assert " · Word " in entry and "PDF" not in entry, (url, entry)
