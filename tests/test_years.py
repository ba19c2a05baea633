"""A site with many years: each page carries its own year's navigation, the others as links."""

from __future__ import annotations

import re


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
