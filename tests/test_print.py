"""Printed pages in Chromium: an item page prints as a document (no menus, search or sidebars)
with the address of each evidence file; the EIT poster prints on one A4 sheet."""

from __future__ import annotations

import re


def test_item_page_prints_without_web_furniture_and_with_evidence_addresses(demo_build, browser):
    page = browser.new_page()
    page.goto((demo_build.path / "site/2567/o21/index.html").as_uri())
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '.ita-banner__main',
        '.ita-footer__links', '.md-typeset .headerlink'].map(s => [s, getComputedStyle(document.querySelector(s)).display]))""")
    assert set(shown.values()) == {"none"}, shown
    after = page.evaluate("""() => { const a = document.querySelector('.ita-docs a');
        return [a.getAttribute('data-print-href'), getComputedStyle(a, '::after').content]; }""")
    page.close()
    assert after[0] == "https://www.bansuanluang.go.th/ita/files/2567/procurement-monthly-2567-03.pdf"
    assert after[0] in after[1]


def test_eit_poster_prints_on_one_a4_sheet(demo_build, browser, tmp_path):
    page = browser.new_page()
    page.goto((demo_build.path / "site/eit-poster/index.html").as_uri())
    page.emulate_media(media="print")
    qr_mm = page.evaluate("document.querySelector('.ita-qr--poster svg').getBoundingClientRect().width") / 96 * 25.4
    pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", pdf).group(1).split()]
    assert len(pages) == 1
    assert abs(box[2] - 595.3) < 1.5 and abs(box[3] - 841.9) < 1.5  # A4 in points
    assert qr_mm > 100  # scannable across a service counter
