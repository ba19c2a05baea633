"""The site's look and identity, from the agency profile: a pure function of the content.

`theme_context` returns what the theme templates under `overrides/` read as
`config.extra.ita`: the agency's name, logo, main website, colours (as CSS custom
properties whose contrast is checked here), the contact block of the footer, the
links to the policy pages and the sitemap, and the year for the copyright line (each page's
"last updated" date is its data's: last_changed.py).
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, datetime, timedelta, timezone
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import urljoin

from . import thai, urls
from .build_cache import cached
from .models.content import Content
from .policies import POLICIES
from .render import attr, clean
from .uploads import register_heif

BANGKOK = timezone(timedelta(hours=7))
LOGO_HEIGHT = 112  # shown at 56 CSS px: sharp on 2x screens
_MIN_TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text


# -- colours ----------------------------------------------------------------------------------

def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.x)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, weight: float) -> str:
    """`weight` of colour b mixed into colour a."""
    return _hex(tuple(x + (y - x) * weight for x, y in zip(_rgb(a), _rgb(b))))


def readable_on(background: str, colour: str, ratio: float = _MIN_TEXT_CONTRAST) -> str:
    """`colour`, darkened (or lightened on a dark background) just enough to reach `ratio`."""
    target = "#000000" if luminance(background) > 0.18 else "#ffffff"
    for step in range(0, 101, 2):
        candidate = mix(colour, target, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return target


def palette(primary: str, accent: str) -> dict[str, str]:
    """CSS custom properties for Material from the agency's two colours.

    Text on the primary colour is white when white is readable on it, else near-black;
    links and hover colours are darkened until they reach 4.5:1 on white.
    """
    primary, accent = primary.lower(), accent.lower()
    on_primary = "#ffffff" if contrast("#ffffff", primary) >= _MIN_TEXT_CONTRAST else "#000000"
    footer = readable_on("#ffffff", primary, 9.0)  # deep shade of the primary: white text at ≥ 9:1
    link = readable_on("#ffffff", primary)
    return {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, "#ffffff", 0.25),
        "--md-primary-fg-color--dark": mix(primary, "#000000", 0.25),
        "--md-primary-bg-color": on_primary,
        "--md-primary-bg-color--light": on_primary + "d9",  # 85 % opacity keeps ≥ 4.5:1 on the header
        "--md-accent-fg-color": readable_on("#ffffff", accent),
        "--md-accent-fg-color--transparent": accent + "1a",
        "--md-typeset-a-color": link,
        "--ita-accent": accent,
        "--ita-link": link,
        "--ita-footer-bg": footer,
        "--ita-tint": mix(primary, "#ffffff", 0.92),
    }


def css_variables(variables: dict[str, str]) -> str:
    """`:root{...}` for a <style> element; values are validated #rrggbb(aa) colours only."""
    body = ";".join(f"{name}:{value}" for name, value in variables.items())
    return f":root{{{body}}}"


# -- dates ------------------------------------------------------------------------------------

def build_date() -> date:
    """Today in Thailand, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), BANGKOK).date()
    return datetime.now(BANGKOK).date()


# -- theme settings ---------------------------------------------------------------------------

# Stylesheets every page links, before the site's own extra_css.
EXTRA_CSS = [urls.asset("ita.css"), urls.asset("print.css")]
MATERIAL_FAVICON = "assets/images/favicon.png"


def apply_theme_settings(content: Content, theme: dict, extra: dict) -> None:
    """What the theme needs from the agency, set in mkdocs.yml's `theme` and `extra`.

    Shared by the plugin (on_config) and `ita generate`, so a plain MkDocs build of the
    generated pages shows the same banner, footer, colours and favicon.
    """
    agency = content.agency
    extra["ita"] = theme_context(content, agency.digits)
    if not theme.get("language"):
        theme["language"] = "th"
    if agency.logo and theme.get("favicon") in (None, "", MATERIAL_FAVICON):
        theme["favicon"] = urls.logo(agency.logo)


# -- logo -------------------------------------------------------------------------------------

def web_logo(source: Path, cache_dir: Path | None = None) -> bytes:
    """The logo at LOGO_HEIGHT px high as an optimised PNG (an SVG is refused when loading:
    it may carry script)."""
    return cached(source.read_bytes(), f"logo-{LOGO_HEIGHT}.png", _resize_logo, cache_dir)


def _resize_logo(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    register_heif()
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (LOGO_HEIGHT * 4, LOGO_HEIGHT * 4))  # a large JPEG decodes at a fraction
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA")
        if image.height > LOGO_HEIGHT:
            width = max(1, round(image.width * LOGO_HEIGHT / image.height))
            image = image.resize((width, LOGO_HEIGHT), Image.Resampling.LANCZOS)
        # A 256-colour palette keeps an emblem crisp at a fraction of the size.
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        out = io.BytesIO()
        image.save(out, "PNG", optimize=True)
        return out.getvalue()


# -- the context ------------------------------------------------------------------------------

def _tel(number: str) -> str:
    """A tel: target from a Thai number as written ('0 5499 0100 ต่อ 213' → 'tel:054990100;ext=213')."""
    return thai.tel_uri(number)


def theme_context(content: Content, digit_style: thai.DigitStyle = thai.DigitStyle.ARABIC,
                  today: date | None = None) -> dict:
    """Everything the theme templates need about the agency, as plain strings.

    The templates escape every value (`|e`): this dict carries text, not HTML.
    """
    agency = content.agency
    contact = content.contact
    day = today or build_date()
    colours = palette(agency.colours.primary, agency.colours.accent)
    lines = []
    if contact.address:
        lines.append({"label": "ที่อยู่", "text": str(contact.address)})
    if contact.phone:
        lines.append({"label": "โทรศัพท์", "text": contact.phone, "href": _tel(contact.phone)})
    if contact.fax:
        lines.append({"label": "โทรสาร", "text": contact.fax})
    if contact.email:
        lines.append({"label": "อีเมล", "text": contact.email, "href": f"mailto:{contact.email}"})
    if contact.hours:
        lines.append({"label": "เวลาทำการ", "text": contact.hours})
    return _cleaned({
        "name": agency.name,
        "name_en": agency.name_en or "",
        "kind": agency.kind,
        "website": str(agency.website),
        "logo": urls.logo(agency.logo) if agency.logo else "",
        "colours": colours,
        "css": css_variables(colours),
        "contact": lines,
        "map_url": str(contact.map_url) if contact.map_url else "",
        "privacy_officer": agency.privacy_officer or "",
        "policies": [{"title": title, "url": urls.page_url(path)} for path, title in POLICIES],
        "sitemap": urls.page_url(urls.SITEMAP),
        "search": urls.page_url(urls.SEARCH),
        # Page furniture follows the prose of ordinary pages: Thai digits only when the agency
        # asks for them everywhere (with `formal`, item pages and tables keep Arabic digits).
        "year_be": thai.digits(str(thai.be_year(day.year)), digit_style, formal=False),
    })


def _cleaned(value: object) -> object:
    """Every string of the theme data without control characters (the theme escapes the rest)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


# -- Material's markup, corrected after rendering ------------------------------------------------

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
