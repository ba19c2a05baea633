"""Thai copy in one voice: a 'gaps' copy of the demo (the states agencies live in for months)
is read like the complete demo. Its public pages say only what is not published, in plain Thai;
its build log tells the webmaster file, line, field and what to do."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_dir import SiteDir

# The module-scoped build is made once: every test of this file on one xdist worker.
pytestmark = pytest.mark.xdist_group("copy")

ROOT = Path(__file__).resolve().parent.parent


def make_gaps(target: Path) -> SiteDir:
    """The demo with the gaps a reviewer found: a portrait removed, the Q&A channels emptied,
    no ITAS code, no measures file for the current year, no service statistics for 2568."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", "site", ".git", "node_modules", "__pycache__", ".cache", "tests"))
    site = SiteDir(target)
    (target / "content/files/people/mayor.jpg").unlink()
    contact = site.file("content/contact.yml").read_text(encoding="utf-8")
    contact = re.sub(r"\nqa:\n(?:  .*\n)+", "\nqa: []\n", contact)
    site.write("content/contact.yml", contact)
    site.edit("content/agency.yml", "itas_code: BSL7Q2\n", "")
    site.file("content/measures/2568.yml").unlink()
    services = site.file("content/services.yml").read_text(encoding="utf-8")
    services = re.sub(r"\n  - title: รายงานสถิติการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. 2568[^\n]*\n(?:    .*\n)+",
                      "\n", services)
    # and the monthly service statistics of fiscal year 2568
    services = re.sub(r"  - \{service: [^\n]*covers: \{from: (?:2567-1[0-2]|2568-0\d)[^\n]*\n", "", services)
    site.write("content/services.yml", services)
    return site


@pytest.fixture(scope="module")
def gaps(tmp_path_factory: pytest.TempPathFactory):
    site = make_gaps(tmp_path_factory.mktemp("gaps") / "demo")
    result = site.build(strict=False)
    assert result.returncode == 0, result.stderr
    return site, result


class _Text(HTMLParser):
    """The text a reader sees (no attributes, scripts or styles)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


# What only a webmaster should read: repository paths, YAML files, field paths and codes.
WEBMASTER_WORDS = re.compile(
    r"content/|data/ita|\.ya?ml\b|itas_code|\b(?:contact|executives|agency|services|measures)\.[a-z_\[]"
    r"|\b[a-z]+_[a-z_]+\b|\(photo\)|\(role:|ผู้ดูแลเว็บไซต์|สร้างไฟล์|เพิ่มไฟล์")


def public_pages(site: SiteDir) -> dict[str, str]:
    return {str(p.relative_to(site.path / "site")): visible_text(p.read_text(encoding="utf-8"))
            for p in sorted((site.path / "site").rglob("*.html"))}


def test_gaps_pages_and_demo_pages_show_no_webmaster_words(gaps, demo_build):
    for site in (gaps[0], demo_build):
        pages = public_pages(site)
        assert len(pages) > 50
        offending = {path: sorted(set(WEBMASTER_WORDS.findall(text))) for path, text in pages.items()
                     if WEBMASTER_WORDS.search(text)}
        assert offending == {}


def test_gaps_pages_say_what_is_not_published_in_plain_thai(gaps):
    site, _ = gaps
    o02 = visible_text(site.html("2568/o02"))
    assert "ยังไม่ครบถ้วน" in o02 and "ยังไม่ได้เผยแพร่รูปถ่าย" in o02
    o03 = visible_text(site.html("2568/o03"))
    assert "ยังไม่ได้เผยแพร่ช่องทางถาม-ตอบ (Q&A)" in o03
    o11 = visible_text(site.html("2568/o11"))
    assert "ยังไม่ได้เผยแพร่ข้อมูลสถิติการให้บริการ ที่ครอบคลุม 1 ตุลาคม 2567 – 31 มีนาคม 2568" in o11
    measures = visible_text(site.html("2568/measures"))
    assert "ยังไม่ได้เผยแพร่" in measures


# The EIT is a แบบวัด (the NACC's word); a satisfaction survey of the agency's own is not the EIT.
EIT_AS_SURVEY = re.compile(r"แบบสำรวจ\S{0,10}\s?\S{0,20}(?:EIT|ITAS|itas)|(?:EIT|ITAS)\s?\S{0,20}แบบสำรวจ")


def test_no_page_calls_the_eit_a_survey(gaps, demo_build):
    for site in (gaps[0], demo_build):
        for path, text in public_pages(site).items():
            assert not EIT_AS_SURVEY.search(text), (path, EIT_AS_SURVEY.search(text))
    poster = visible_text(demo_build.html("eit-poster"))
    assert "แบบวัด EIT" in poster and "ขอเชิญท่าน" in poster


def test_gaps_log_tells_the_webmaster_where_and_what_to_do(gaps):
    _, result = gaps
    log = result.stderr
    assert re.search(r"ITA 2568 O2 ข้อมูลผู้บริหาร · องค์ประกอบที่ \d+ \(details\) ยังขาด: content/executives.yml บรรทัดที่ \d+ "
                     r"· ผู้บริหารคนที่ 1 \S+ \S+ · ช่อง photo: ไม่พบไฟล์รูป content/files/people/mayor.jpg", log), log
    assert re.search(r"content/contact.yml บรรทัดที่ \d+ · ช่อง qa: ยังไม่มีช่องทางถาม-ตอบ \(Q&A\) ให้เพิ่มอย่างน้อย 1 รายการ", log)
    assert re.search(r"content/agency.yml(?: บรรทัดที่ \d+)? · ช่อง itas_code: ยังไม่ได้ใส่รหัส ITAS ให้เพิ่ม เช่น itas_code:", log)
    assert "ยังไม่มีไฟล์ content/measures/2568.yml ให้สร้างไฟล์นี้" in log
    assert re.search(r"ITA 2568 O11 .* ยังขาด: ไม่มีข้อมูลสถิติการให้บริการ ที่ครอบคลุม 1 ตุลาคม 2567 – 31 มีนาคม 2568 "
                     r"ให้เพิ่มรายการในช่อง statistics ของ content/services.yml พร้อมช่อง covers เช่น covers: ", log)


def test_every_log_line_of_the_gaps_copy_is_thai_first(gaps):
    site, result = gaps
    check = site.run("ita", "check")
    lines = [line for line in (result.stderr + check.stdout + check.stderr).splitlines()
             if line.startswith(("WARNING", "ERROR", "  ✗")) or "ยังขาด" in line]
    assert lines
    thai = re.compile(r"[\u0e00-\u0e7f]")
    english_only = [line for line in lines if not thai.search(line.split("(", 1)[0].split("-  ", 1)[-1])]
    assert english_only == []
