"""The integrity-measures page: three real reports as fixtures, the demo agency's files, columns
that appear only with data, hostile text, validation errors, the derived OIT table, print."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from site_builder.measures import OitRow, measures_markdown
from site_builder.models.measures import Measures
from site_builder.render import Renderer
from site_builder.thai import DigitStyle
from site_builder.yamlsource import read_yaml, validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "measures"
REPORTS = sorted(p for p in FIXTURES.glob("*.yml") if not p.name.endswith(".expected.yml"))
DEMO = sorted((ROOT / "content" / "measures").glob("*.yml"))
AGENCY = {"kong-somboon": "เทศบาลตำบลคงสมบูรณ์", "kor-2566": "เทศบาลตำบลก้อ", "krabi-noi-2567": "เทศบาลตำบลกระบี่น้อย"}

# Keys whose values are not shown as written: dates and periods are formatted, codes are
# shown as labels, `labels` rename headers.
NOT_VERBATIM = {"date", "covers", "status", "round", "year", "issue", "labels", "file", "url", "tool", "item",
                "show", "key", "id", "rows", "groups", "level", "section", "after_report"}


def load(path: Path) -> tuple[Measures, object]:
    raw = read_yaml(path)
    problems: list = []
    model = validate(Measures, raw, str(path), problems)
    assert model is not None, "\n".join(str(p) for p in problems)
    return model, raw


def oit_rows_for(model: Measures, status: str = "ครบ") -> list[OitRow]:
    numbers = sorted({o.item for o in model.oit} | set(range(1, 44 if model.year < 2568 else 29)))
    return [OitRow(n, f"รายการข้อ {n}", ["องค์ประกอบ ก", "องค์ประกอบ ข"], None, status, []) for n in numbers]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "md_in_html", "toc"])


def page_html(model: Measures, agency: str = "เทศบาลตำบลทดสอบ", rows: list | None = None,
              style: DigitStyle = DigitStyle.ARABIC) -> str:
    rows = oit_rows_for(model) if rows is None else rows
    return to_html(measures_markdown(Renderer(style), model, agency, rows, lambda n: f"o{n:02d}.md"))


def visible_text(page: str) -> str:
    page = page.replace("<wbr>", "")
    page = re.sub(r"<[^>]+>", " ", page)
    return normalise(html.unescape(page))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def shown_texts(raw: object, key: str = "") -> list[str]:
    """Every text of a file that the page must show as written."""
    if key in NOT_VERBATIM:
        return []
    if isinstance(raw, dict):
        return [t for k, v in raw.items() for t in shown_texts(v, str(k))]
    if isinstance(raw, list):
        return [t for v in raw for t in shown_texts(v, key)]
    if isinstance(raw, str):
        return [line for line in raw.split("\n") if line.strip()] if key != "intro" else [raw]
    return []


def tables(page: str) -> list[tuple[list[str], list[list[str]]]]:
    """(headers, rows of cell texts) of every table."""
    out = []
    for table in re.findall(r"<table>(.*?)</table>", page, re.S):
        headers = [visible_text(h) for h in re.findall(r"<th>(.*?)</th>", table, re.S)]
        rows = [[visible_text(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
                for row in re.findall(r"<tr>(.*?)</tr>", table, re.S) if "<td>" in row]
        out.append((headers, rows))
    return out


# ------------------------------------------------------------------ the three reports


@pytest.mark.parametrize("path", REPORTS + DEMO, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_text_of_the_report_is_on_the_page(path: Path) -> None:
    model, raw = load(path)
    text = visible_text(page_html(model, AGENCY.get(path.stem, "เทศบาลตำบลบ้านสวนหลวง")))
    missing = [t for t in shown_texts(raw) if normalise(t) not in text]
    assert not missing, f"{len(missing)} texts not on the page, e.g. {missing[:3]}"


@pytest.mark.parametrize("path", REPORTS + DEMO, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_empty_column(path: Path) -> None:
    model, _ = load(path)
    if model.body is not None:
        pytest.skip("a declared table shows the source's columns, empty ones too (test_measures_layout)")
    found = tables(page_html(model))
    assert found
    for headers, rows in found:
        for index, header in enumerate(headers):
            assert any(row[index] for row in rows), f"column '{header}' is empty"


def test_plan_without_results_shows_its_own_columns() -> None:
    model, _ = load(FIXTURES / "kong-somboon.yml")
    page = page_html(model, rows=[])
    headers = {tuple(h) for h, _ in tables(page)}
    assert headers == {("ข้อคำถาม", "ข้อค้นพบ", "ขั้นตอน/วิธีการปฏิบัติ", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ")}
    for absent in ('id="results"', 'id="oit-progress"', 'id="iit"', "มาตรการ/กิจกรรม", "ลำดับ"):
        assert absent not in page
    assert 'id="limits"' in page and 'id="measures-issue-7"' in page


def test_results_report_uses_the_agency_headers() -> None:
    model, _ = load(FIXTURES / "krabi-noi-2567.yml")
    found = tables(page_html(model, rows=[]))
    assert found[0][0] == ["ลำดับ", "มาตรการ/กิจกรรม", "ระยะเวลาในการดำเนินการ", "ผู้รับผิดชอบ"]
    assert found[-1][0] == ["ลำดับ", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
                            "ผลลัพธ์หรือความสำเร็จในการดำเนินการ"]
    assert len(found) == 14  # 7 issues × (measures, results)


def test_kor_report_has_iit_and_oit_tables() -> None:
    model, _ = load(FIXTURES / "kor-2566.yml")
    page = page_html(model)
    for ident in ("analysis", "measures", "results", "iit", "oit-progress"):
        assert f'id="{ident}"' in page
    iit = next(h for h, _ in tables(page) if h[0] == "ตัวชี้วัด" and "ระยะเวลา" in h)
    assert iit == ["ตัวชี้วัด", "แนวทางในการยกระดับการประเมิน", "ผู้รับผิดชอบ", "ระยะเวลา", "สถานะ",
                   "ความก้าวหน้าผลการดำเนินการ"]
    results = next(h for h, _ in tables(page) if "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม" in h)
    assert "สถานะ" not in results and "รอบการรายงาน" not in results


def test_heading_ids_are_ascii() -> None:
    for path in REPORTS + DEMO:
        model, _ = load(path)
        text = measures_markdown(Renderer(), model, "x", oit_rows_for(model), lambda n: f"o{n:02d}.md")
        headings = [line for line in text.splitlines() if line.startswith("#")]
        assert headings
        for line in headings:
            assert re.search(r" \{#[a-z0-9-]+(?: \.[a-z-]+)*\}$", line), line


# ------------------------------------------------------------------ derived OIT table


def test_oit_status_comes_from_the_rows_and_responsible_from_the_file() -> None:
    model, _ = load(ROOT / "content" / "measures" / "2567.yml")
    rows = oit_rows_for(model)
    before = tables(page_html(model, rows=rows))
    rows[11] = OitRow(12, "รายการข้อ 12", "องค์ประกอบ", "หน่วยงานจากแคตตาล็อก", "ไม่ครบ", ["รายงานรอบ 6 เดือน"])
    after = tables(page_html(model, rows=rows))
    row12 = lambda found: next(r for h, rs in found if h[0] == "ข้อ" for r in rs if r[0] == "O12")  # noqa: E731
    assert "ครบ" in row12(before) and "ไม่ครบ" not in row12(before)
    assert "ไม่ครบ" in row12(after) and "รายงานรอบ 6 เดือน" in row12(after)
    # The file's responsible unit wins over the one the caller computed.
    assert "หน่วยงานจากแคตตาล็อก" not in " ".join(row12(after))
    assert "งานวิเคราะห์นโยบายและแผน" in " ".join(row12(after))


def test_oit_status_cannot_be_typed() -> None:
    problems: list = []
    raw = {"year": 2567, "oit": [{"item": 12, "responsible": "กองคลัง", "status": "ครบ"}]}
    assert validate(Measures, raw, "m.yml", problems) is None
    assert any(p.field == "oit[0].status" and "unknown field" in p.message for p in problems)


def test_no_oit_rows_no_oit_section() -> None:
    model, _ = load(FIXTURES / "kor-2566.yml")
    assert 'id="oit-progress"' not in page_html(model, rows=[])


# ------------------------------------------------------------------ hostile text and errors


HOSTILE = {
    "year": 2567,
    "title": "# หัวข้อปลอม {#evil}",
    "groups": [{
        "title": "<img src=x onerror=alert(1)>",
        "measures": [{
            "name": "<script>alert('x')</script>",
            "steps": "ก | ข | ค",
            "finding": "[คลิก](javascript:alert(1)) **ตัวหนา** _เอียง_ `code`",
            "responsible": ["ส" * 3000],
            "period": "| --- |",
            "results": [{"summary": "https://" + "a" * 400, "evidence": [{"url": "https://example.go.th/a(b)"}]}],
        }],
    }],
}


def test_hostile_strings_stay_inert() -> None:
    model = Measures.model_validate(HOSTILE)
    page = page_html(model, rows=[])
    assert "<script" not in page and "<img" not in page
    assert 'href="javascript' not in page
    assert "<strong>" not in page and "<em>" not in page and "<code>" not in page
    assert 'id="evil"' not in page
    text = visible_text(page)
    assert "<script>alert('x')</script>" in text
    assert "ก | ข | ค" in text and "| --- |" in text
    assert "ส" * 3000 in text  # a long Thai run is kept whole
    assert "https://" + "a" * 400 in text  # long runs get <wbr> break points, not new text
    measures_table = tables(page)[0]
    assert len(measures_table[0]) == len(measures_table[1][0]) == 5  # the pipes did not add cells


def test_hostile_strings_stay_inert_in_a_declared_layout() -> None:
    """The same hostile file with its own body: headers, text blocks, group rows, free cells."""
    evil = "<script>alert('y')</script> **หนา** [ลิงก์](javascript:alert(2)) </td></tr></table>"
    data = {**HOSTILE, "body": [
        {"heading": "## <b>หัว</b> {#evil2}", "text": evil},
        {"table": {"columns": ["name", {"header": evil, "columns": ["steps", "result.evidence"]},
                               {"key": "x", "header": "| ก |"}]}},
    ]}
    data["groups"] = [{**HOSTILE["groups"][0], "measures": [{**HOSTILE["groups"][0]["measures"][0], "cells": {"x": evil}}]}]
    page = page_html(Measures.model_validate(data), rows=[])
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert 'href="javascript' not in page and "<strong>" not in page and 'id="evil' not in page
    assert page.count("<table>") == 1 and page.count("</table>") == 1
    assert page.count("<td") == 4  # name, steps, evidence, x: nothing closed the row early
    assert visible_text(page).count("<script>alert('y')</script>") == 3  # text block, header, free cell
    assert 'href="https://example.go.th/a%28b%29"' in page  # the evidence link still works


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"measures": [{"name": "ม", "findings": "x"}]}, "measures[0].findings", "finding"),
    ({"measures": [{"name": "ม", "questions": ["119 ท่านรู้แนวปฏิบัติ"]}]}, "measures[0].questions[0]", "I19"),
    ({"measures": [{"name": "ม", "results": [{"status": "finished"}]}]}, "measures[0].results[0].status", "not_started"),
    ({"measures": [{"name": "ม", "results": [{"round": 9}]}]}, "measures[0].results[0].round", "12"),
    ({"measures": [{"name": "ม", "results": [{"evidence": [{"item": 3, "url": "https://x.go.th/"}]}]}]},
     "measures[0].results[0].evidence[0]", "item"),
    ({"measures": [{"name": "ม", "results": [{"evidence": [{"file": "../../etc/passwd"}]}]}]},
     "measures[0].results[0].evidence[0].file", "content/files"),
    ({"measures": [{"period": "ไตรมาส 1"}]}, "measures[0]", "name"),
    ({"analysis": {"score": 120}}, "analysis.score", ""),
    ({"sign_off": {"approved": {"comment": "อนุมัติ"}}}, "sign_off.approved[0]", "name"),
])
def test_bad_field_gives_a_validation_error(data: dict, field: str, words: str) -> None:
    problems: list = []
    assert validate(Measures, {"year": 2567, **data}, "measures/2567.yml", problems) is None
    assert any(p.field == field and words in p.message for p in problems), [str(p) for p in problems]


def test_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "2567.yml"
    path.write_text("year: 2567\nmeasures:\n  - name: มาตรการ\n    respnsible: กองคลัง\n", encoding="utf-8")
    problems: list = []
    validate(Measures, read_yaml(path), str(path), problems)
    assert problems and problems[0].line == 4 and "responsible" in problems[0].message


# ------------------------------------------------------------------ Thai digits


def test_thai_digits_in_formal_text_arabic_in_tables() -> None:
    model, _ = load(ROOT / "content" / "measures" / "2567.yml")
    page = page_html(model, style=DigitStyle.FORMAL)
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" in visible_text(page)  # the analysed year, in prose
    assert "ประเด็นที่ ๑" in page and "ita-digits-thai" in page
    assert "87.46" not in visible_text(page).split("คะแนนรายตัวชี้วัด")[0]  # prose: ๘๗.๔๖
    assert "96.12" in visible_text(page)  # tables keep Arabic digits
    assert "๒๗ กันยายน ๒๕๖๗" in visible_text(page)  # memo date, formal


# ------------------------------------------------------------------ print (Chromium)


def _chromium() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return None
    from site_builder.measures_pdf import PdfUnavailable, chromium_path
    try:
        return chromium_path()
    except PdfUnavailable:
        return None


@pytest.fixture(scope="module")
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Material site with the demo 2567 page and the three reports, built by MkDocs."""
    if _chromium() is None:
        pytest.skip("no Chromium/playwright")
    site = tmp_path_factory.mktemp("print")
    docs = site / "docs"
    (docs / "css").mkdir(parents=True)
    shutil.copy(ROOT / "site_builder" / "assets" / "print.css", docs / "css" / "print.css")
    for path in DEMO[:1] + REPORTS:
        model, _ = load(path)
        folder = docs / path.stem
        folder.mkdir()
        rows = oit_rows_for(model) if model.oit else []
        for row in rows:
            (folder / f"o{row.number:02d}.md").write_text(f"# O{row.number}\n", encoding="utf-8")
        text = measures_markdown(Renderer(DigitStyle.FORMAL), model, AGENCY.get(path.stem, "เทศบาลตำบลบ้านสวนหลวง"),
                                 rows, lambda n: f"o{n:02d}.md")
        (folder / "measures.md").write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# หน้าแรก\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: test\ntheme:\n  name: material\n  language: th\n  font: false\n"
        "extra_css: [css/print.css]\nmarkdown_extensions: [attr_list, md_in_html, tables, {toc: {permalink: true}}]\n",
        encoding="utf-8")
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q"], cwd=site,
                            capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return site / "site"


def test_print_view_tables_fit_the_page(printed_site: Path) -> None:
    from playwright.sync_api import sync_playwright

    from site_builder.measures_pdf import CHROMIUM_ARGS

    # A4 landscape less the margins of print.css (297 − 35 mm) at 96 px per inch.
    width = round((297 - 35) / 25.4 * 96)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.emulate_media(media="print")
        for path in sorted(printed_site.glob("*/measures/index.html")):
            page.goto(path.as_uri())
            widths = page.evaluate("""() => [...document.querySelectorAll('.ita-report table')].map(t =>
                [t.getBoundingClientRect().right, t.scrollWidth, t.clientWidth])""")
            assert widths, path
            for right, scroll, client in widths:
                assert right <= width + 1 and scroll <= client + 1, (path, right, scroll, client)
            hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
                .map(s => document.querySelector(s)).filter(e => e && e.offsetParent !== null).length""")
            assert hidden == 0
            font = page.evaluate("getComputedStyle(document.querySelector('.ita-report')).fontSize")
            assert font == "21.3333px"  # 16 pt
        browser.close()


def test_pdf_is_a4_landscape(printed_site: Path) -> None:
    from site_builder.measures_pdf import pdf_path_for, render_pdf

    html_path = printed_site / "2567" / "measures" / "index.html"
    pdf = render_pdf(html_path)
    assert pdf == pdf_path_for(html_path) == html_path.parent / "measures-2567.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes and all(float(w) > float(h) and abs(float(w) - 842) < 2 for w, h in boxes)


def test_print_reads_as_the_signed_document(printed_site: Path) -> None:
    """Derived sections are not printed, signature lines level, tall rows may split, Thai
    list numbers with Thai digits, headings tall enough to keep their marks."""
    from playwright.sync_api import sync_playwright

    from site_builder.measures_pdf import CHROMIUM_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 990, "height": 800})
        page.emulate_media(media="print")
        page.goto((printed_site / "2567" / "measures" / "index.html").as_uri())
        page.evaluate("""() => { const p = document.createElement('p'); p.id = 'web-note'; p.textContent = 'x';
            document.querySelector('.md-content__inner').append(p); }""")  # furniture another plugin adds
        shown = page.evaluate("""() => ['#oit-progress', '#eit-survey', '.ita-report-extra', '#web-note']
            .map(s => document.querySelector(s)).filter(e => e && e.offsetParent !== null).length""")
        assert page.evaluate("document.querySelectorAll('.ita-report-extra').length") > 0
        assert shown == 0
        assert page.evaluate("getComputedStyle(document.querySelector('.ita-report tr')).breakInside") == "auto"
        # Four signers with long names and positions stay within the page's width.
        assert page.evaluate("""() => { const s = document.querySelector('.ita-signoff');
            return s.children.length === 4 && s.scrollWidth <= s.clientWidth + 1; }""")
        assert page.evaluate("getComputedStyle(document.querySelector('.ita-report ol')).listStyleType") == "thai"
        for selector in ("h2", "h3"):
            ratio = page.evaluate(f"""() => {{ const s = getComputedStyle(document.querySelector('.ita-report {selector}'));
                return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }}""")
            assert ratio >= 1.55, (selector, ratio)
        # Comments and positions of different lengths (one wraps) leave the signature lines level.
        for name, count in (("huaisai-2568-memo", 3), ("phonsawan-2567-issues", 2)):
            page.goto((printed_site / name / "measures" / "index.html").as_uri())
            tops = page.evaluate("""() => [...document.querySelectorAll('.ita-signature')]
                .map(e => Math.round(e.getBoundingClientRect().top))""")
            assert len(tops) == count and len(set(tops)) == 1, (name, tops)
        page.goto((printed_site / "huaisai-2568-memo" / "measures" / "index.html").as_uri())
        first = page.evaluate("document.querySelector('.ita-report').firstElementChild.textContent.trim()")
        assert first.startswith("บันทึกข้อความ")
        browser.close()
