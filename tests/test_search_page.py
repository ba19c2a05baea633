"""The search page as a reader meets it in Chromium (demo site, served over HTTP): the field
has focus when the page opens empty, nothing moves as results arrive (CLS), the current
year's page comes first, snippets carry no status words, and "nothing found" says what to try."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import urllib.parse

import pytest

LAYOUT_SHIFT = """window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: "layout-shift", buffered: true});"""


@pytest.fixture(scope="module")
def served(demo_build):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(demo_build.path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/search/"
    server.shutdown()


def open_search(browser, url: str, width: int = 360):
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(url)
    return page


def test_empty_search_page_puts_focus_in_the_field(served, browser):
    page = open_search(browser, served)
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_results_arrive_without_layout_shift_and_the_current_year_leads(served, browser, width):
    page = open_search(browser, served + "?q=" + urllib.parse.quote("โครงสร้าง"), width)
    page.wait_for_selector("#search-list li")
    page.wait_for_timeout(500)
    cls = page.evaluate("window.__cls")
    links = page.eval_on_selector_all("#search-list .ita-search-results__title", "els => els.map(e => e.href)")
    snippets = page.eval_on_selector_all("#search-list p", "els => els.map(e => e.textContent)")
    page.close()
    assert cls < 0.1
    structure = [link for link in links if link.endswith("/o01/")]
    assert structure[:2] == [served.replace("search/", "2568/o01/"), served.replace("search/", "2567/o01/")]
    assert not [s for s in snippets if "สถานะ:" in s or "✓" in s or "✗" in s or "ครบถ้วนตามองค์ประกอบ" in s]


def test_nothing_found_says_what_to_try(served, browser):
    page = open_search(browser, served + "?q=" + urllib.parse.quote("ฮิปโปโปเตมัสสีม่วง"))
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('ไม่พบ')")
    assert page.is_visible("#search-help") and page.is_visible("#search-help a[href='../sitemap/']")
    page.close()


def test_status_words_are_not_indexed(demo_build):
    texts = " ".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
                     for p in (demo_build.path / "site/search").rglob("*.json"))
    assert "สถานะ:" not in texts and "✓ ครบถ้วน" not in texts and "✗ " not in texts
