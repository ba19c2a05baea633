"""Site search: the indexer on plain HTML files, and the search page in real Chromium.

The browser tests build a small Material site with realistic unspaced Thai text under a
sub-path (`site_url: https://www.example.go.th/ita/`), the way the plugin will: a hook adds
the search page in `on_files` and indexes the built site in `on_post_build`.
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request
from pathlib import Path

import jinja2
import pytest

from site_builder import page_indexer, search, search_fold, search_text, urls
from site_builder.pages import search_markdown
from site_builder.render import Renderer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
SEARCH_FORM = Path(search.__file__).parent / "overrides" / "partials" / "search_form.html"

# ----------------------------------------------------------------------------- unit tests


def material_page(title: str, body: str, head_title: str | None = None) -> str:
    """A page shaped like Material's output: header, nav and footer around the article."""
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8">
<title>{head_title or title} - เทศบาลตำบลก้อ</title><script>var x = "สคริปต์ไม่ใช่เนื้อหา";</script></head>
<body><header class="md-header"><nav>เมนูหัวเว็บ ข้อมูลผู้บริหาร</nav></header>
<main class="md-main"><div class="md-sidebar"><nav class="md-nav">เมนูข้าง ร้องเรียน</nav></div>
<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<a class="md-content__button md-icon" href="#">แก้ไขหน้านี้</a>
<h1 id="title">{title}<a class="headerlink" href="#title">¶</a></h1>
{body}
<aside class="md-source-file">ปรับปรุงล่าสุด 1 ต.ค. 2567</aside>
</article></div></main>
<footer class="md-footer">ท้ายเว็บ ติดต่อเรา</footer></body></html>"""


EXEC_BODY = """<p>ผู้บริหารสูงสุดของหน่วยงานคือนายกเทศมนตรีซึ่งมาจากการเลือกตั้งโดยตรงของประชาชน
ในเขตเทศบาล</p>
<h2 id="executives">ผู้บริหาร<a class="headerlink" href="#executives">¶</a></h2>
<table><tr><th>ชื่อ-นามสกุล</th><th>ตำแหน่ง</th></tr>
<tr><td><img src="a.jpg" alt="รูปนายสมชาย">นายสมชาย ใจดี</td><td>นายกเทศมนตรี</td></tr></table>
<h2 id="contact">ช่องทางการ<strong>ติดต่อ</strong></h2>
<p>โทร<span>ศัพท์</span> 053-979-111<br>อีเมล saraban@ko.go.th</p>
<div class="hidden-part" data-search-exclude><p>ข้อความที่ไม่ต้องค้นหา</p></div>
<svg><title>ไอคอน</title></svg>"""


def test_normalize_thai_typing_variants():
    # NIKHAHIT + SARA AA (as copied out of PDFs) becomes SARA AM, also with a tone mark between
    assert search_fold.normalize("ประจ\u0e4d\u0e32ปี") == "ประจำปี"
    assert search_fold.normalize("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"  # น ํ ้ า -> น้ำ
    # a tone mark typed before the vowel is put after it
    assert search_fold.normalize("ก\u0e48\u0e35") == "ก\u0e35\u0e48"
    # zero-width characters and soft hyphens vanish; white space collapses; NFC
    assert search_fold.normalize("ข้อมูล\u200bผู้\u00adบริหาร \u00a0\t ปี") == "ข้อมูลผู้บริหาร ปี"
    assert search_fold.normalize("Cafe\u0301") == "Caf\u00e9"
    assert search_fold.normalize("  หนึ่ง \n\n  สอง  ") == "หนึ่ง\nสอง"


def test_extract_page_reads_only_the_article():
    page = search_text.extract_page(material_page("ข้อมูลผู้บริหาร", EXEC_BODY), "2567/o02/")
    assert page.title == "ข้อมูลผู้บริหาร"
    assert [(a, h) for a, h, _ in page.sections] == [("", ""), ("executives", "ผู้บริหาร"), ("contact", "ช่องทางการติดต่อ")]
    text = "\n".join(t for _, _, t in page.sections)
    assert "นายกเทศมนตรีซึ่งมาจากการเลือกตั้ง" in text
    assert "ของประชาชน ในเขต" in text  # a line break in the HTML source is a space, not a boundary
    assert "รูปนายสมชาย" in text  # image alt text is searchable
    assert "โทรศัพท์ 053-979-111\nอีเมล" in text  # inline tags join, <br> separates
    assert "ชื่อ-นามสกุล\nตำแหน่ง" in text  # table cells never run together
    for outside in ("เมนูหัวเว็บ", "เมนูข้าง", "ท้ายเว็บ", "สคริปต์", "แก้ไขหน้านี้", "ปรับปรุงล่าสุด", "¶", "ไอคอน",
                    "ข้อความที่ไม่ต้องค้นหา"):
        assert outside not in text, outside


def test_extract_page_skips_pages_without_content_or_opting_out():
    assert search_text.extract_page("<html><body><p>ไฟล์หลักฐาน</p></body></html>", "files/a.html") is None
    noindex = material_page("ทดสอบ", "<p>ข้อความ</p>").replace("<head>", '<head><meta name="robots" content="noindex">')
    assert search_text.extract_page(noindex, "x/") is None
    excluded = material_page("ทดสอบ", "<p>ข้อความ</p>").replace("md-typeset\"", "md-typeset\" data-search-exclude")
    assert search_text.extract_page(excluded, "x/") is None
    # a theme without Material's article: <main> is the content area; <title> gives the title
    plain = "<html><head><title>หน้า - เว็บ - เทศบาล</title></head><body><main><p>เนื้อหา</p></main></body></html>"
    page = search_text.extract_page(plain, "p/")
    assert (page.title, page.sections) == ("หน้า - เว็บ", [("", "", "เนื้อหา")])


BUILT = {
    "2567/o02/index.html": material_page("ข้อมูลผู้บริหาร", EXEC_BODY),
    "about.html": material_page("เกี่ยวกับ", "<p>เทศบาลตำบลก้อ</p>"),
    "files/a.html": "<html><body><p>ไฟล์หลักฐาน</p></body></html>",
}


@pytest.mark.parametrize("parallel", [True, False])
def test_page_indexer_reads_each_page_as_extract_page_does(parallel, monkeypatch):
    monkeypatch.setattr(page_indexer, "can_fork", lambda: parallel)  # xdist workers run threads
    indexer = page_indexer.PageIndexer()
    for path, html in BUILT.items():
        indexer.add(path, html)
    assert (indexer._pool is not None) == parallel
    expected = {path: search_text.extract_page(html, urls.built_url(path)) for path, html in BUILT.items()}
    assert indexer.pages() == expected and expected["files/a.html"] is None
    assert indexer._pool is None  # the worker is gone once the pages are in


def test_page_indexer_reads_in_process_when_its_worker_dies(monkeypatch):
    monkeypatch.setattr(page_indexer, "can_fork", lambda: True)
    indexer = page_indexer.PageIndexer()
    indexer.add("about.html", BUILT["about.html"])
    for process in list(indexer._pool._processes.values()):
        process.kill()
        process.join()
    indexer.add("2567/o02/index.html", BUILT["2567/o02/index.html"])
    pages = indexer.pages()
    assert pages["2567/o02/index.html"].title == "ข้อมูลผู้บริหาร" and pages["about.html"].title == "เกี่ยวกับ"


def test_build_index_and_assets(tmp_path):
    site = tmp_path / "site"
    pages = {
        "index.html": material_page("เทศบาลตำบลก้อ", "<p>หน้าแรก</p>"),
        "2566/o02/index.html": material_page("ข้อมูลผู้บริหาร", "<p>ปี 2566</p>"),
        "2567/o02/index.html": material_page("ข้อมูลผู้บริหาร", EXEC_BODY),
        "2567/o10/index.html": material_page("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "<p>ปี 2567</p>"),
        "2567/index.html": material_page("ปีงบประมาณ 2567", "<p>รายการ</p>"),
        "about.html": material_page("เกี่ยวกับ", "<p>ไม่ใช้ URL แบบไดเรกทอรี</p>"),
        "404.html": material_page("ไม่พบหน้า", "<p>404</p>"),
        "search/index.html": material_page("ค้นหา", "<p>หน้าค้นหา</p>"),
        "assets/x.html": "<p>not a page</p>",
    }
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")

    index = search.build_index(site)
    assert index["v"] == search.INDEX_VERSION and index["root"] == "../"
    # home first, newest year first, items in number order
    assert [p[0] for p in index["pages"]] == ["", "2567/", "2567/o02/", "2567/o10/", "2566/o02/", "about.html"]

    # a text shared by pages (the same topic in two years) is stored once
    sections = {p[0]: p[2] for p in index["pages"]}
    assert index["texts"][sections["2567/o02/"][1][2]].startswith("ชื่อ-นามสกุล\nตำแหน่ง\nรูปนายสมชาย นายสมชาย")
    assert len(index["texts"]) == len(set(index["texts"]))
    (site / "2566" / "o02" / "index.html").write_text(material_page("ข้อมูลผู้บริหาร", EXEC_BODY), encoding="utf-8")
    again = search.build_index(site)
    assert {p[0]: p[2] for p in again["pages"]}["2566/o02/"] == sections["2567/o02/"]
    assert len(again["texts"]) == len(index["texts"]) - 1  # "ปี 2566" is gone, nothing added

    stats = search.build_search(site)
    index = again
    data = (site / "search" / "index.json").read_bytes()
    head = json.loads(data)
    assert head["v"] == 2 and [p[:2] for p in head["pages"]] == [p[:2] for p in index["pages"]]
    # the texts are spread over files; the head says where (ends) and gives each page's matched length
    stored = [t for c in range(len(head["ends"]))
              for t in json.loads((site / "search" / "t" / f"{c}.json").read_text(encoding="utf-8"))]
    assert sorted(stored) == sorted(index["texts"])
    for (_url, _title, secs, length), (_u, _t, old) in zip(head["pages"], index["pages"]):
        assert [stored[n] for _a, _h, n in secs] == [index["texts"][n] for _a, _h, n in old]
        assert length == 1 + sum(len(index["texts"][n].replace(" ", "")) for _a, _h, n in old)
    assert "ข้อมูลผู้บริหาร".encode() in data  # UTF-8, not \\u escapes
    assert (site / "search" / "search.js").read_bytes() == (search.ASSETS / "search.js").read_bytes()
    assert stats.pages == 6 and stats.head_gzip_bytes < len(data) < stats.index_bytes and stats.files == len(head["ends"]) + 1 + head["buckets"]
    assert "search: 6 pages" in str(stats)


def test_every_text_file_holding_a_term_is_found_by_its_grams(tmp_path):
    """The gram table never leaves out a text file that holds a term (else a result would be lost)."""
    from site_builder import search_shards

    texts = ["ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", "ร้องขอ\nเรียนเชิญ", "No Gift Policy ๒๕๖๗", "ก", "E–Service"]
    index = {"v": 2, "root": "../", "pages": [[f"2567/o{i:02d}/", f"หน้า {i}", [["", "", i]]] for i in range(len(texts))],
             "texts": texts}
    files = search_shards.shard(index)
    head = json.loads(files["index.json"])
    table: dict[str, list[int]] = {}
    for b in range(head["buckets"]):
        for gram, gaps in json.loads(files[f"g/{b}.json"]).items():
            table[gram] = [sum(gaps[:i + 1]) for i in range(len(gaps))]
    chunk_of = {n: c for c, end in enumerate(head["ends"]) for n in range(head["ends"][c - 1] if c else 0, end)}
    stored = [t for c in range(len(head["ends"])) for t in json.loads(files[f"t/{c}.json"])]

    def files_for(term: str) -> set[int]:
        n = min(head["gram"], len(term))
        found = None
        for gram in (term[i:i + n] for i in range(len(term) - n + 1)):
            found = set(table.get(gram, [])) & (found if found is not None else set(table.get(gram, [])))
        return found or set()

    for term in ("ร้องเรียน", "ก", "ทุจริต", "nogiftpolicy", "2567", "e-service", "เรียน"):
        holding = {chunk_of[n] for n, t in enumerate(stored) if term in search_fold.squeeze(t)}
        assert holding and holding <= files_for(term), term
    # a term across a line break matches nothing, and its grams say so
    assert not files_for("ร้องขอเรียน") and "ร้องขอเรียน" not in search_fold.squeeze(texts[1])
    # the grams kept in the build cache give the same files
    assert search_shards.shard(index, tmp_path / "grams") == files
    assert search_shards.shard(index, tmp_path / "grams") == files and any((tmp_path / "grams").iterdir())


def test_search_page_markdown():
    md = search_markdown(Renderer())
    assert "title: ค้นหา" in md
    assert '<form class="ita-search-page" role="search"' in md and 'action="./" method="get"' in md
    assert '<label for="search-q"' in md and ">ค้นหา</label>" in md
    assert '<input id="search-q" name="q" type="search" placeholder="ค้นหาในเว็บไซต์"' in md
    assert 'aria-live="polite"' in md and "<noscript>" in md
    assert 'data-search-index="index.json"' in md and '<script src="search.js" defer></script>' in md


@pytest.mark.parametrize(
    ("base_url", "action"),
    [(".", "./search/"), ("..", "../search/"), ("../..", "../../search/"), ("/ita/", "/ita/search/"), ("/", "/search/")],
)
def test_header_form_partial(base_url, action):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SEARCH_FORM.parent)),
                             undefined=jinja2.StrictUndefined, autoescape=True)
    config = {"extra": {"ita": {"search": urls.page_url(urls.SEARCH)}}}
    html = env.get_template("search_form.html").render(base_url=base_url, config=config)
    assert f'action="{action}" method="get"' in html
    assert 'name="q"' in html and 'aria-label="ค้นหา"' in html and 'placeholder="ค้นหาในเว็บไซต์"' in html
    assert "<script" not in html


# ----------------------------------------------------------------------------- a real site

PAGES = {
    "index.md": """
        # เทศบาลตำบลก้อ

        ศูนย์ข้อมูลข่าวสารเพื่อความโปร่งใสตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ

        - [ปีงบประมาณ 2567](2567/index.md)
        - [แจ้งเรื่องร้องเรียนการทุจริต](2567/o28/index.md)
        """,
    "2567/index.md": """
        # การประเมิน ITA ปีงบประมาณ 2567

        รายการข้อมูลสาธารณะทั้งหมดของเทศบาลตำบลก้อสำหรับการประเมินคุณธรรมและความโปร่งใสประจำปีงบประมาณ๒๕๖๗

        | ข้อ | ข้อมูล |
        |---|---|
        | O2 | [ข้อมูลผู้บริหาร](o02/index.md) |
        | O5 | [ข้อมูลการติดต่อ](o05/index.md) |
        | O10 | [นโยบายคุ้มครองข้อมูลส่วนบุคคล](o10/index.md) |
        | O17 | [รายงานผลการสำรวจความพึงพอใจการให้บริการ](o17/index.md) |
        | O19 | [แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ](o19/index.md) |
        | O28 | [ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ](o28/index.md) |
        | O31 | [ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่](o31/index.md) |
        | O36 | [แผนปฏิบัติการป้องกันการทุจริต](o36/index.md) |
        """,
    "2567/o02/index.md": """
        # O2 ข้อมูลผู้บริหาร

        แสดงข้อมูลของผู้บริหารสูงสุดของหน่วยงานและผู้ดำรงตำแหน่งทางการบริหารพร้อมรูปถ่ายและช่องทางการติดต่อ

        ## ผู้บริหาร {#executives}

        | ชื่อ-นามสกุล | ตำแหน่ง | โทรศัพท์ |
        |---|---|---|
        | นายสมชาย ใจดี | นายกเทศมนตรีตำบลก้อ | 081-234-5678 |
        | นางสาวสมศรี รักษ์ดี | รองนายกเทศมนตรี | 081-111-2222 |

        นายกเทศมนตรีมาจากการเลือกตั้งโดยตรงของประชาชนในเขตเทศบาลมีวาระการดำรงตำแหน่งคราวละสี่ปี
        """,
    "2566/o02/index.md": """
        # O2 ข้อมูลผู้บริหาร

        ข้อมูลผู้บริหารของปีงบประมาณ2566ซึ่งเป็นปีที่ผ่านมา
        """,
    "2567/o05/index.md": """
        # O5 ข้อมูลการติดต่อ

        ## ที่อยู่ {#address}

        สำนักงานเทศบาลตำบลก้อเลขที่99หมู่ที่1ตำบลก้ออำเภอลี้จังหวัดลำพูน51110 โทรศัพท์ 053-979-111
        โทรสาร 053-979-112 อีเมล saraban@ko.go.th เปิดให้บริการในเวลาทำการวันจันทร์ถึงวันศุกร์เว้นวันหยุดราชการ
        หรือยื่นคำร้องผ่านระบบ E–Service ของเทศบาล
        """,
    "2567/o10/index.md": """
        # O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล

        เทศบาลให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลของผู้มาติดต่อราชการตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคลพ.ศ.2562
        """,
    "2567/o17/index.md": """
        # O17 รายงานผลการสำรวจความพึงพอใจการให้บริการ

        ผลการสำรวจความพึงพอใจของผู้รับบริการต่อการให้บริการของเทศบาลในภาพรวมอยู่ในระดับมากที่สุดคิดเป็นร้อยละ๙๔.๑๗
        """,
    "2567/o19/index.md": """
        # O19 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ

        แสดงแผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุประจำปีตามที่หน่วยงานจะต้องดำเนินการตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ
        """,
    "2567/o28/index.md": """
        # O28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ

        ## ช่องทาง {#channels}

        ประชาชนสามารถแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ได้ทางตู้รับเรื่องร้องเรียนหน้าสำนักงานทางโทรศัพท์สายด่วนหรือทางแบบฟอร์มออนไลน์โดยผู้ร้องเรียนจะได้รับการคุ้มครองข้อมูล

        ข้อความทดสอบ &lt;b&gt;ตัวหนาปลอม&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; ต้องแสดงเป็นตัวอักษรเท่านั้น
        """,
    "2567/o31/index.md": """
        # O31 ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่

        นายกเทศมนตรีประกาศเจตนารมณ์ว่าบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่
        """,
    "2567/o36/index.md": """
        # O36 แผนปฏิบัติการป้องกันการทุจริต

        แผนปฏิบัติการป้องกันการทุจริตประจ\u0e4d\u0e32ปีงบประมาณ พ.ศ. ๒๕๖๗ ประกอบด้วยโครงการและกิจกรรมที่ส่งเสริมความซื่อสัตย์สุจริต
        """,
    "2567/measures/index.md": """
        # มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน

        ## ผลการดำเนินการ {#results}

        จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาลตำบลก้อประจำปีงบประมาณพ.ศ.๒๕๖๖โดยภาพรวมได้คะแนน๙๔.๑๗อยู่ในระดับผ่านดีเทศบาลจึงได้กำหนดมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน

        การปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลาที่กำหนดมีความเท่าเทียมไม่เลือกปฏิบัติ
        """,
}

HOOK = """
from mkdocs.structure.files import File
from site_builder import page_indexer, search, urls
from site_builder.pages import search_markdown
from site_builder.render import Renderer

def on_files(files, config):
    files.append(File.generated(config, urls.SEARCH, content=search_markdown(Renderer())))
    return files

def on_post_build(config):
    search.build_search(config["site_dir"])
"""

CONFIG = """
site_name: ศูนย์ข้อมูลข่าวสาร ITA เทศบาลตำบลก้อ
site_url: https://www.example.go.th/ita/
theme:
  name: material
  language: th
  font: false
  custom_dir: theme
plugins: []
hooks: [hooks.py]
markdown_extensions: [attr_list, tables, toc]
extra:
  ita: {search: search/}
"""

# (query, expected page under /ita/, must be within the first N results)
QUERIES = [
    # exact item titles
    ("ข้อมูลผู้บริหาร", "2567/o02/", 2),  # 2566/o02/ has the same title
    ("ข้อมูลการติดต่อ", "2567/o05/", 1),
    ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "2567/o28/", 1),
    ("แผนการจัดซื้อจัดจ้าง", "2567/o19/", 1),
    ("ประกาศเจตนารมณ์นโยบาย No Gift Policy", "2567/o31/", 1),
    ("แผนปฏิบัติการป้องกันการทุจริต", "2567/o36/", 1),
    ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "2567/o10/", 1),
    # single words inside longer unspaced phrases
    ("ร้องเรียน", "2567/o28/", 3),
    ("ติดต่อ", "2567/o05/", 3),
    ("ผู้บริหาร", "2567/o02/", 3),
    ("จัดซื้อจัดจ้าง", "2567/o19/", 3),
    ("พึงพอใจ", "2567/o17/", 3),
    ("พัสดุ", "2567/o19/", 3),
    ("นายกเทศมนตรี", "2567/o02/", 3),
    ("โทรสาร", "2567/o05/", 3),
    ("สายด่วน", "2567/o28/", 3),
    ("ทุจริต", "2567/o28/", 5),
    ("ของขวัญ", "2567/o31/", 3),
    # unspaced multi-word queries
    ("ตู้รับเรื่องร้องเรียน", "2567/o28/", 1),
    ("แผนการจัดหาพัสดุประจำปี", "2567/o19/", 1),
    ("รองนายกเทศมนตรี", "2567/o02/", 1),
    ("เวลาทำการ", "2567/o05/", 1),
    ("ป้องกันการทุจริตประจำปี", "2567/o36/", 1),  # the page has SARA AM typed as two characters
    ("ความเท่าเทียมไม่เลือกปฏิบัติ", "2567/measures/", 1),
    # spaces, Latin case, Thai digits
    ("ข้อมูล ผู้บริหาร", "2567/o02/", 3),
    ("NO gift", "2567/o31/", 1),
    ("2567", "2567/", 3),
    ("๒๕๖๗", "2567/", 3),
    ("e-service", "2567/o05/", 1),  # the page writes E–Service with an en dash
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def make_project(root: Path) -> Path:
    """A small MkDocs project whose header carries the search form (as the plugin's theme will)."""
    project = root / "project"
    for rel, text in PAGES.items():
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "hooks.py").write_text(HOOK, encoding="utf-8")
    partials = project / "theme" / "partials"
    partials.mkdir(parents=True)
    import material

    header = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    header = header.replace("  </nav>", '    {% include "search_form.html" %}\n  </nav>', 1)
    (partials / "header.html").write_text(header, encoding="utf-8")
    shutil.copy(SEARCH_FORM, project / "theme" / "search_form.html")
    return project


needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Build the site into <tmp>/www/ita and serve <tmp>/www, so the site lives under /ita/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("search-site")
    project = make_project(root)
    site = root / "www" / "ita"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert (site / "search" / "index.json").is_file(), "on_post_build did not write the index"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", str(root / "www")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/ita/")
        yield f"http://127.0.0.1:{port}/ita/", site
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def run_query(page, base: str, query: str) -> list[str]:
    """Open the search page with ?q= and return the result links in order."""
    page.goto(base + "search/?q=" + urllib.parse.quote(query))
    page.wait_for_function(
        "(s => s.textContent && !s.textContent.startsWith('กำลัง'))(document.getElementById('search-status'))"
    )
    return page.eval_on_selector_all("#search-list > li > a.ita-search-results__title", "els => els.map(e => e.href)")


@needs_chromium
def test_queries_find_their_pages(served, page):
    base, _ = served
    missed = []
    for query, expected, within in QUERIES:
        hrefs = run_query(page, base, query)
        if base + expected not in hrefs[:within]:
            missed.append((query, expected, [h.removeprefix(base) for h in hrefs[:5]]))
    assert len(QUERIES) >= 20
    assert not missed, missed


@needs_chromium
def test_results_show_marked_snippets_as_text(served, page):
    base, _ = served
    hrefs = run_query(page, base, "ตัวหนาปลอม")
    assert hrefs == [base + "2567/o28/"]
    item = page.locator("#search-list > li").first
    assert item.locator("mark").first.text_content() == "ตัวหนาปลอม"
    assert "<b>" in item.locator("p").text_content()  # shown as text ...
    assert item.locator("b, img").count() == 0  # ... never parsed as HTML
    # the section the hit is in is linked, on the item page
    assert item.locator(".ita-search-results__path a").get_attribute("href") == base + "2567/o28/#channels"
    assert "ข้อความทดสอบ" in item.locator("p").text_content()
    assert page.title().startswith("ตัวหนาปลอม – ค้นหา")


@needs_chromium
def test_no_results_message(served, page):
    base, _ = served
    assert run_query(page, base, "ไม่มีคำนี้ในเว็บไซต์แน่นอน") == []
    assert page.locator("#search-status").text_content() == "ไม่พบผลการค้นหาสำหรับ “ไม่มีคำนี้ในเว็บไซต์แน่นอน”"


@needs_chromium
def test_search_assets_load_only_when_searching(served, page):
    base, site = served
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "2567/o02/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/search/" in u], requests
    assert all(u.startswith(base) for u in requests), requests  # nothing from another host

    requests.clear()
    page.goto(base + "search/")
    page.wait_for_load_state("networkidle")
    assert base + "search/search.js" in requests
    assert base + "search/index.json" not in requests  # no query yet: the index waits
    scripts = [u for u in requests if u.endswith(".js")]
    js_gzip = sum(len(gzip.compress((site / u.removeprefix(base)).read_bytes(), 9)) for u in scripts)
    assert js_gzip <= 40 * 1024, (scripts, js_gzip)

    page.fill("#search-q", "โทรสาร")
    page.wait_for_selector("#search-list")
    assert base + "search/index.json" in requests
    # typing keeps the address shareable
    assert urllib.parse.unquote(page.url) == base + "search/?q=โทรสาร"


@needs_chromium
def test_header_form_goes_to_search_page(served, page):
    base, _ = served
    page.goto(base + "2567/o05/")
    page.fill(".ita-header-search__input", "สายด่วน")
    page.press(".ita-header-search__input", "Enter")
    page.wait_for_selector("#search-list")
    assert urllib.parse.unquote(page.url) == base + "search/?q=สายด่วน"
    assert page.input_value("#search-q") == "สายด่วน"
    assert page.locator("#search-list a.ita-search-results__title").first.get_attribute("href") == base + "2567/o28/"
    # the not-found page is served from any depth: its form uses the absolute sub-path
    page.goto(base + "404.html")
    assert page.get_attribute(".ita-header-search", "action") == "/ita/search/"


@needs_chromium
def test_search_page_without_javascript_shows_the_form(served, browser):
    base, _ = served
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(base + "search/?q=ร้องเรียน")
        assert pg.locator("form[role=search] #search-q").is_visible()
        assert pg.locator("label[for=search-q]").text_content() == "ค้นหา"
        assert "JavaScript" in pg.content()
    finally:
        context.close()


@needs_chromium
def test_search_under_mkdocs_serve(tmp_path, page):
    """`mkdocs serve` builds into a temporary folder and runs on_post_build there: search works, and follows edits."""
    project = make_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**__import__("os").environ, "PYTHONPATH": str(Path(search.__file__).parents[1]), "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/ita/"
    try:
        wait_for(base + "search/index.json", timeout=60)
        assert base + "2567/o28/" in run_query(page, base, "ตู้รับเรื่องร้องเรียน")
        # an edit is rebuilt and re-indexed (leave the page first: livereload would reload it)
        page.goto("about:blank")
        doc = project / "docs" / "2567" / "o05" / "index.md"
        doc.write_text(doc.read_text(encoding="utf-8") + "\nศูนย์รับแจ้งเหตุเดือดร้อนรำคาญ\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while "เดือดร้อนรำคาญ" not in "".join(urllib.request.urlopen(base + f"search/t/{c}.json").read().decode()
                                            for c in range(len(json.loads(urllib.request.urlopen(base + "search/index.json").read())["ends"]))):
            assert time.monotonic() < deadline, "the index was not rebuilt after an edit"
            time.sleep(0.5)
        assert run_query(page, base, "เดือดร้อนรำคาญ") == [base + "2567/o05/"]
    finally:
        server.terminate()
        server.wait(10)


@needs_chromium
def test_the_newest_year_leads_the_same_item_of_past_years(served, page):
    """2566's short page also has ข้อมูลผู้บริหาร in its text and scores higher, yet 2567's comes first."""
    base, _ = served
    hrefs = [h.removeprefix(base) for h in run_query(page, base, "ข้อมูลผู้บริหาร")]
    assert hrefs.index("2567/o02/") < hrefs.index("2566/o02/"), hrefs
