"""Corrections of the built HTML: content tables put in scroll regions, permalinks after their
headings, and Material's page furniture (state checkboxes, the table-of-contents label) made
valid and named. The same functions run under the ita plugin and under the hooks file
`ita generate` writes (page_hooks.py), so both builds give the same pages."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from urllib.parse import urljoin

from .render import attr

_TOGGLE = re.compile(r'<input class="(?:md-nav__toggle )?md-toggle"[^>]*>')
_TOGGLE_NAMES = {
    "__drawer": "เปิดหรือปิดเมนูนำทาง",
    "__search": "เปิดหรือปิดการค้นหา",
    "__toc": "เปิดหรือปิดสารบัญ",
}
_TABLE_OR_HEADING = re.compile(r"<h([1-6])[^>]*>(?P<heading>.*?)</h\1>|<table>(?P<table>.*?)</table>", re.S)
_PERMALINK = re.compile(r'(<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>)(.*?)(<a class="headerlink" href="#\3"[^>]*>[^<]*</a>)(</h\2>)', re.S)
_TAGS = re.compile(r"<[^>]+>")
_PERMALINK_TEXT = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')


def fix_toggles(html: str) -> str:
    """Make Material's hidden state checkboxes valid and named.

    base.html puts `autocomplete="off"` on the checkboxes `#__drawer` and `#__search`
    (an error for the Nu Html Checker: autocomplete is not allowed on a checkbox), and
    `#__search` and `#__toc` have no accessible name (HTML_CodeSniffer H91/F68). They sit
    outside any template block, so the page's HTML is corrected after rendering.
    """
    def fix(match: re.Match) -> str:
        tag = match.group(0).replace(' autocomplete="off"', "")
        found = re.search(r'\sid="([^"]+)"', tag)
        name = _TOGGLE_NAMES.get(found.group(1)) if found else None
        if name and "aria-label=" not in tag:
            tag = tag[:-1] + f' aria-label="{name}">'
        return tag
    return _TOGGLE.sub(fix, html)


def wrap_tables(html: str) -> str:
    """Give each content table a caption and put it in a scroll region named by that caption.

    A wide table (procurement, on a phone) scrolls sideways; axe's scrollable-region-focusable
    (WCAG 2.1.1) wants the scrolling box focusable and named, and each region is named by its
    own table. A table without a caption gets the heading above it (visually hidden: the
    heading is on screen), numbered when one heading has several tables. Material later wraps
    the table again for its own styles; ita.css makes this box the one that scrolls.
    """
    heading, count, number = "", 0, 0

    def replace(match: re.Match) -> str:
        nonlocal heading, count, number
        if match.group("heading") is not None:
            heading = " ".join(_TAGS.sub(" ", _PERMALINK_TEXT.sub("", match.group("heading"))).split())
            count = 0
            return match.group(0)
        count += 1
        number += 1
        inner = match.group("table")
        caption_id = f"ita-table-{number}"
        if inner.lstrip().startswith("<caption"):
            inner = inner.replace("<caption", f'<caption id="{caption_id}"', 1)
        else:
            text = heading or "ตาราง"
            later = _TABLE_OR_HEADING.search(html, match.end())
            several = count > 1 or (later is not None and later.group("table") is not None)
            if several:
                text += f" (ตารางที่ {count})"
            inner = f'<caption id="{caption_id}" class="ita-sr-only">{text}</caption>' + inner
        inner, cards = _as_cards(inner)
        return (f'<div class="ita-scroll{" ita-cards" if cards else ""}" role="region" tabindex="0" '
                f'aria-labelledby="{caption_id}"><table>{_codes_unbroken(inner)}</table></div>')

    return _TABLE_OR_HEADING.sub(replace, html)


_HEAD = re.compile(r"<thead>\s*<tr>(.*?)</tr>\s*</thead>", re.S)
_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TD = re.compile(r"<td\b")
CARD_COLUMNS = 4  # from this many columns a table reads as cards on a phone (ita.css)
# An item code (O13, O1) or a sub-indicator (9.1) must never break across lines.
_CODE = re.compile(r"(?<![\w.])(O\d{1,2}|\d{1,2}\.\d)(?![\w.])")


def _as_cards(table: str) -> tuple[str, bool]:
    """A table of CARD_COLUMNS or more simple columns, each body cell labelled with its column
    (data-label), so that a phone shows each row as a card; other tables as they are."""
    if "data-label=" in table:
        # A measures report's declared table labels its own cells (two-level headers, merged cells).
        return table, max((len(_TD.findall(row)) for row in _ROW.findall(table)), default=0) >= CARD_COLUMNS
    head = _HEAD.search(table)
    if not head or "colspan" in head.group(1) or "rowspan" in head.group(1):
        return table, False
    labels = [" ".join(_TAGS.sub(" ", h).split()) for h in _CELL.findall(head.group(1))]
    if len(labels) < CARD_COLUMNS:
        return table, False

    def label_row(row: re.Match) -> str:
        cells = row.group(1)
        if "colspan" in cells or len(_TD.findall(cells)) != len(labels):
            return row.group(0)  # a group or total row keeps its own shape
        names = iter(labels)
        return "<tr>" + _TD.sub(lambda _: f'<td data-label="{next(names)}"', cells) + "</tr>"

    body_start = head.end()
    return table[:body_start] + _ROW.sub(label_row, table[body_start:]), True


def _codes_unbroken(table: str) -> str:
    """Item codes in a table's text kept on one line."""
    return re.sub(r">([^<]+)<", lambda m: ">" + _CODE.sub(r'<span class="ita-nowrap">\1</span>', m.group(1)) + "<",
                  table)


_LINK = re.compile(r'<a href="([^"#][^"]*)"')


def print_addresses(html: str, page_url: str) -> str:
    """Mark each evidence file or outside link with the absolute address a printed page shows
    after it (`data-print-href`; ita.css prints it): a reader of the paper finds the document."""
    def mark(match: re.Match) -> str:
        href = html_unescape(match.group(1))
        if href.startswith(("mailto:", "tel:")):
            return match.group(0)
        external = href.startswith(("http://", "https://"))
        if not external and "files/" not in href:
            return match.group(0)  # another page of this site: its title is the address
        target = href if external or not page_url else urljoin(page_url, href)
        return f'{match.group(0)} data-print-href="{attr(target)}"'
    return _LINK.sub(mark, html)


def permalinks_after_headings(html: str) -> str:
    """Move each heading's ¶ link out of the heading, so the heading's accessible name is its
    text alone; the link follows it, named after it (ita.css shows it beside the heading)."""
    def move(match: re.Match) -> str:
        open_tag, level, anchor, text, link, close_tag = match.groups()
        # The heading is HTML: its text is unescaped, then escaped for the attribute.
        name = attr(" ".join(html_unescape(_TAGS.sub("", text)).split()))
        link = re.sub(r'\stitle="[^"]*"', "", link).replace("<a ", f'<a aria-label="ลิงก์มาที่หัวข้อ {name}" ', 1)
        return f'<div class="ita-heading">{open_tag}{text.rstrip()}{close_tag}{link}</div>'
    return _PERMALINK.sub(move, html)


def fix_toc_label(html: str) -> str:
    """Drop `for="__toc"` when the page has no `#__toc` toggle.

    Material renders that toggle in the navigation entry of the current page, but the
    label in the table-of-contents sidebar on every page: on a page outside the nav (the
    policy pages, the sitemap) or a section index, the label points at nothing (an error
    for the Nu Html Checker).
    """
    if 'id="__toc"' in html:
        return html
    return html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')


def fix_page_html(html: str) -> str:
    """The corrections of Material's page furniture: toggles and the dangling toc label.

    (Content tables get their regions earlier, from `wrap_tables` on the page's content.)
    """
    return fix_toc_label(fix_toggles(html))
