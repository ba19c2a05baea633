"""The footer's required pages: website, privacy (PDPA section 23), security, disclaimer,
accessibility, and the HTML sitemap. Pure functions from content to page specs.

Each policy is a template under `templates/policies/`; an agency replaces one by
putting a template of the same name under its own `theme/markdown/policies/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import urls
from .models.content import Content
from .pages import Linker, PageSpec, _front
from .render import Renderer

# (source path, title): the order of the footer's links.
POLICIES: tuple[tuple[str, str], ...] = (
    (urls.policy("website"), "นโยบายเว็บไซต์"),
    (urls.policy("privacy"), "นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
    (urls.policy("security"), "นโยบายการรักษาความมั่นคงปลอดภัยของเว็บไซต์"),
    (urls.policy("disclaimer"), "การปฏิเสธความรับผิดชอบ"),
    (urls.policy("accessibility"), "การเข้าถึงเว็บไซต์"),
)
SITEMAP_PATH = urls.SITEMAP
SITEMAP_TITLE = "แผนผังเว็บไซต์"

_DESCRIPTIONS = {
    urls.policy("website"): "นโยบายเว็บไซต์ของ{name}: วัตถุประสงค์ การใช้ข้อมูล ลิขสิทธิ์ และการติดต่อ",
    urls.policy("privacy"): "นโยบายคุ้มครองข้อมูลส่วนบุคคลของเว็บไซต์{name} ตามมาตรา 23 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    urls.policy("security"): "นโยบายการรักษาความมั่นคงปลอดภัยของเว็บไซต์{name}",
    urls.policy("disclaimer"): "การปฏิเสธความรับผิดชอบเกี่ยวกับข้อมูลและลิงก์บนเว็บไซต์{name}",
    urls.policy("accessibility"): "การเข้าถึงเว็บไซต์{name}: มาตรฐานที่ใช้ ข้อจำกัด และการขอรับข้อมูลในรูปแบบอื่น",
}


def policy_pages(content: Content, renderer: Renderer) -> list[PageSpec]:
    """The five policy pages, with Thai defaults that name the agency and its contacts."""
    agency = content.agency
    pages = []
    for path, title in POLICIES:
        template = path.removesuffix(".md") + ".md.j2"
        body = renderer.render(template, c=content, agency=agency, contact=content.contact, title=title,
                               rel=Linker(path), policies=POLICIES, sitemap_path=SITEMAP_PATH, urls=urls,
                               website=str(agency.website))
        description = _DESCRIPTIONS[path].format(name=agency.name)
        pages.append(PageSpec(path, title, _front(title, description) + body))
    return pages


# Titles of the sitemap's groups for other folders of generated pages (else the folder name).
SECTION_TITLES = {"procurement": "สรุปผลการจัดซื้อจัดจ้างรายเดือน"}


def _group(path: str) -> str:
    """'' for a top-level page, the year for a year's pages, 'policies', or the folder."""
    if path == SITEMAP_PATH:
        return "policies"
    folder, _, rest = path.partition("/")
    if not rest or (rest == "index.md" and not folder.isdigit()):
        return ""  # a top-level page, or one at its own folder URL such as search/
    return folder


def sitemap_groups(pages: Iterable[PageSpec]) -> list[tuple[str, list[PageSpec]]]:
    """Pages grouped for the sitemap: top-level pages, each year (newest first), other
    folders (such as the monthly procurement summaries), then the policy pages."""
    groups: dict[str, list[PageSpec]] = {}
    for page in pages:
        if page.path != SITEMAP_PATH:
            groups.setdefault(_group(page.path), []).append(page)
    general = sorted(groups.pop("", []), key=lambda p: (p.path != "index.md", p.path))
    policy = groups.pop("policies", [])
    years = sorted((g for g in groups if g.isdigit()), reverse=True)
    others = sorted(g for g in groups if not g.isdigit())
    result: list[tuple[str, list[PageSpec]]] = [("หน้าทั่วไป", general)] if general else []
    for year in years:
        # The year's overview first, then the items in the order given, measures last.
        items = sorted(groups[year], key=lambda p: (not p.path.endswith("/index.md"), p.path.endswith("/measures.md")))
        result.append((f"ITA ปีงบประมาณ {year}", items))
    for folder in others:
        result.append((SECTION_TITLES.get(folder, folder), sorted(groups[folder], key=lambda p: p.path)))
    if policy:
        result.append(("นโยบายและข้อกำหนดของเว็บไซต์", policy))
    return result


def sitemap_page(pages: list[PageSpec], renderer: Renderer) -> PageSpec:
    """An HTML sitemap for people, listing every other page (sitemap.xml is MkDocs')."""
    groups = sitemap_groups(pages)
    body = renderer.render("policies/sitemap.md.j2", groups=groups, rel=Linker(SITEMAP_PATH), title=SITEMAP_TITLE,
                           group_ids=[_group_id(name, items) for name, items in groups],
                           count=sum(len(items) for _, items in groups))
    return PageSpec(SITEMAP_PATH, SITEMAP_TITLE, _front(SITEMAP_TITLE, "รายการทุกหน้าของเว็บไซต์") + body)


def _group_id(name: str, items: list[PageSpec]) -> str:
    group = _group(items[0].path) if items else ""
    if group.isdigit():
        return f"fy{group}"
    return re.sub(r"[^a-z0-9-]+", "-", group.lower()).strip("-") or "general"
