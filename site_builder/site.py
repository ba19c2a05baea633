"""One build's worth of work, engine-agnostic: load, check, render pages and files.

Both the MkDocs plugin and the CLI call `prepare`; neither knows the other.
"""

from __future__ import annotations

import logging
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import last_changed, privacy, qr, urls
from .errors import ContentError, Problem
from .load import Loaded, load_all, procurement_files, relative
from .pages import Site, build_site
from .policies import policy_pages, sitemap_page
from .render import PACKAGE_TEMPLATES, Renderer

SECTIONS = {p.name.removesuffix(".md.j2") for p in (PACKAGE_TEMPLATES / "sections").glob("*.md.j2")}


@dataclass
class Prepared:
    loaded: Loaded
    site: Site
    years: list[int]
    personal_data: list[Problem]  # warnings: what looks like a national ID or a private phone
    archive_years: list[int] = field(default_factory=list)  # published as a page of their documents


def gaps(site: Site) -> list[str]:
    """One line per missing component: what the webmaster must fix before the assessors see it."""
    lines = []
    for year, statuses in site.statuses.items():
        for status in statuses:
            for finding, missing in status.missing:
                number = status.findings.index(finding) + 1
                lines.append(f"ITA {year} {status.item.label} {status.item.title} · องค์ประกอบที่ {number} "
                             f"({finding.component.id}) ยังขาด: {missing}")
    return lines + site.notices


def site_url_problem(site_url: str) -> str | None:
    """Why `site_url` cannot stand in front of every published URL (itas.csv, the sitemap,
    links and attributes): it must be a plain absolute http(s) address."""
    parts = urllib.parse.urlsplit(site_url)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment
            or re.search(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f]", site_url)):
        shown = site_url if len(site_url) <= 80 else site_url[:80] + "…"
        return (f"site_url ต้องเป็นที่อยู่เว็บเต็มที่ขึ้นต้นด้วย https:// หรือ http:// ไม่มีช่องว่าง เครื่องหมายคำพูด < > ? หรือ # "
                f"เช่น https://www.example.go.th/ita/ ได้ {shown!r} (site_url must be a plain absolute http(s) URL)")
    return None


NO_SITE_URL = ("mkdocs.yml: ยังไม่ได้ตั้ง site_url ลิงก์ใน itas.csv และ itas.json จึงไม่ใช่ที่อยู่เต็ม นำไปกรอกใน ITAS ไม่ได้: "
               "ตั้ง site_url: https://www.example.go.th/ita/ (site_url is missing: itas.csv needs absolute URLs)")


def prepare(root: Path, content_dir: Path, data_dir: Path, years: list[int], site_url: str,
            override_dirs: Sequence[Path] = (), measures_pdf: bool = False, archive_years: Sequence[int] = ()) -> Prepared:
    """Load and check everything; raises ContentError listing every problem.

    `site_url` "" or "/" means none was set: the build goes on, with a warning."""
    site_url = site_url or "/"
    why = site_url_problem(site_url) if site_url != "/" else None
    if why:
        raise ContentError([Problem("mkdocs.yml", None, "site_url", why)])
    both = sorted(set(years) & set(archive_years))
    if both:
        raise ContentError([Problem("mkdocs.yml", None, "plugins.ita.archive_years",
                                    f"ปี {', '.join(map(str, both))} อยู่ทั้งใน years และ archive_years ให้ใส่ไว้ที่เดียว: "
                                    f"years สำหรับปีที่มีรายการประเมิน (catalog) archive_years สำหรับปีเก่าที่เผยแพร่เป็นเอกสารย้อนหลัง "
                                    f"(a year is either assessed or archived, not both)")])
    loaded = load_all(content_dir, data_dir, SECTIONS, years or None, root=root)
    years = years or sorted(set(loaded.catalogs) - set(archive_years))
    cache = root / ".cache" / "ita"
    renderer = Renderer(loaded.content.agency.digits, list(override_dirs), cache_dir=cache / "jinja")
    agency = loaded.content.agency
    site = build_site(loaded, years, renderer, site_url, measures_pdf=measures_pdf,
                      eit_qr=qr.eit_qr(agency.itas_code, agency.name, cache / "qr"), archive_years=list(archive_years))
    site.notices[:0] = [str(warning) for warning in loaded.warnings]
    if site_url == "/":
        site.notices.insert(0, NO_SITE_URL)
    site.pages.extend(policy_pages(loaded.content, renderer))
    site.pages.append(sitemap_page(site.pages, renderer))
    site.pages = last_changed.dated(site.pages, site.statuses, loaded.kinds, content_dir, loaded.content.agency.digits)
    sheets = [s for p in procurement_files(content_dir) for s in privacy.sheet_sources(p, relative(p, root))]
    found = privacy.scan([*loaded.sources, *sheets])
    return Prepared(loaded, site, years, found, sorted(archive_years))


def log_gaps(site: Site, logger: logging.Logger, level: int = logging.WARNING) -> None:
    for line in gaps(site):
        logger.log(level, line)


def navigation(prepared: Prepared) -> list:
    """The nav tree: home, then each year (newest first) with its overview, items and measures."""
    nav: list = [{"หน้าหลัก": urls.HOME}]
    paths = {page.path for page in prepared.site.pages}
    for year in sorted(prepared.years, reverse=True):
        children: list = [{f"ภาพรวมปีงบประมาณ {year}": urls.year(year)}]
        for status in prepared.site.statuses[year]:
            item = status.item
            children.append({f"{item.label} {item.title}": urls.item(year, item.code)})
        if urls.measures(year) in paths:
            children.append({"มาตรการส่งเสริมคุณธรรมฯ": urls.measures(year)})
        nav.append({f"ปีงบประมาณ {year}": children})
    archived = set(prepared.archive_years)
    for year in sorted((set(prepared.loaded.content.measures) - set(prepared.years)) | archived, reverse=True):
        children = [{f"เอกสารย้อนหลัง ปีงบประมาณ {year}": urls.year(year)}] if year in archived else []
        if urls.measures(year) in paths:
            children.append({"มาตรการส่งเสริมคุณธรรมฯ": urls.measures(year)})
        nav.append({f"ปีงบประมาณ {year}": children})
    return nav


def nav_paths(nav: list | dict | str | None):
    """Every page path named in a nav tree."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for value in nav:
            yield from nav_paths(value)
