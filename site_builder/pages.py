"""From loaded content and catalogs to the site's pages and files: a pure function.

Pages are Markdown (MkDocs builds their table of contents, checks their links and
anchors); every heading carries an explicit ASCII id because MkDocs turns Thai
headings into `_1`, `_2`.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import archive, documents_page, procurement_pages, qr, spreadsheet, thai, uploads, urls
from .check import ItemStatus, check_catalog, document_rules, executives_of
from .load import Loaded
from .measures import OitRow, measures_markdown, referenced_items
from .models.catalog import Catalog
from .render import Renderer, attr
from .status import Status
from .yamlsource import cut_short, line_of


@dataclass(frozen=True)
class PageSpec:
    path: str  # source path, e.g. "2567/o02.md"; its URL is /2567/o02/
    title: str
    markdown: str


@dataclass(frozen=True)
class FileSpec:
    path: str
    content: str | bytes


@dataclass
class Site:
    pages: list[PageSpec] = field(default_factory=list)
    files: list[FileSpec] = field(default_factory=list)
    statuses: dict[int, list[ItemStatus]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # problems found while building, for the webmaster
    # For the webmaster only, never on a page and never a failure: how sure a catalog is, a page
    # that waits for a file. The build log shows them as info, `ita check` prints them.
    notes: list[str] = field(default_factory=list)


class Linker:
    """Relative links from one page's source path, as MkDocs expects in Markdown."""

    def __init__(self, source: str):
        self.source = source

    def __call__(self, target: str) -> str:
        return urls.relative(self.source, target)


def search_markdown(renderer: Renderer) -> str:
    """The search page: the form, the results area and its script (assets/search.js)."""
    return renderer.render("search.md.j2", rel=Linker(urls.SEARCH), urls=urls)


def _file_meta(name: str, sizes: dict[str, int]) -> str:
    """What a document link says of its file: its type and size ("PDF 120 KB")."""
    label = uploads.LABELS.get(posixpath.splitext(name)[1].lower(), "")
    return " ".join(p for p in (label, _human_size(sizes.get(name))) if p)


def _human_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# The CSV is opened in a spreadsheet by the webmaster and pasted into ITAS: Thai headers.
ITAS_CSV_HEADERS = {"item": "ข้อ", "title": "ชื่อข้อ", "url": "URL", "status": "สถานะ", "explanation": "คำอธิบาย"}


def itas_exports(catalog: Catalog, statuses: list[ItemStatus], site_url: str) -> list[FileSpec]:
    """item → absolute URL (+ a hint for the assessor), to paste into the NACC's ITAS."""
    rows: list[dict[str, Any]] = []
    for status in statuses:
        item = status.item
        # True whatever the status: it says where to look, not that everything is there.
        hint = f"ข้อมูลของข้อ {item.label} อยู่ในหน้านี้ แยกตามองค์ประกอบในหัวข้อ 'องค์ประกอบที่ต้องแสดง'"
        if status.documents:
            hint += f" และมีเอกสารหลักฐาน {len(status.documents)} รายการ ในหัวข้อ 'เอกสารหลักฐาน'"
        rows.append({
            "item": item.label,
            "title": item.title,
            "url": urls.absolute(site_url, urls.item(catalog.year, item.code)),
            "status": status.status,
            "explanation": hint,
        })
    csv_rows = ([row[k].text if k == "status" else row[k] for k in ITAS_CSV_HEADERS] for row in rows)
    csv_text = spreadsheet.csv_text(list(ITAS_CSV_HEADERS.values()), csv_rows)
    payload = {"year": catalog.year, "items": rows}  # the catalog's status is for ita check, not the public
    return [
        FileSpec(urls.itas_csv(catalog.year), csv_text),
        FileSpec(urls.itas_json(catalog.year), json.dumps(payload, ensure_ascii=False, indent=2) + "\n"),
    ]


def _front(title: str, description: str, wide: bool = False) -> str:
    """Front matter whose values are inert: Material prints the title and description
    unescaped into <title> and <meta>, and YAML must not see line separators.
    `wide` hides the sidebars so that wide tables (สขร.1) get the whole screen."""
    hide = "hide: [navigation, toc]\n" if wide else ""
    return (f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(attr(description), ensure_ascii=False)}\n{hide}---\n\n")


MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def _measures_page(content, year: int, statuses: list[ItemStatus], renderer: Renderer, common: dict,
                   with_pdf: bool, notes: list[str], catalogs: dict[int, Catalog],
                   levels: dict[int, list[str]]) -> PageSpec:
    """The year's measures report; its OIT progress table is derived from the check, never typed.
    The analysed result's level is shown with the level words of its own year's catalog."""
    path = urls.measures(year)
    description = f"{MEASURES_TITLE} ประจำปีงบประมาณ {year} {content.agency.name}"
    measures = content.measures.get(year)
    if measures is None:
        notes.append(f"ITA {year}: ยังไม่มีรายงานมาตรการ หน้า {urls.page_url(path)} จะแสดงว่ายังไม่ได้เผยแพร่ "
                     f"จนกว่าจะเพิ่มไฟล์ content/measures/{year}.yml (no measures file yet)")
        body = renderer.render("measures_missing.md.j2", year=year, rel=Linker(path), **common)
        title = f"{MEASURES_TITLE} ปีงบประมาณ {year}"
        return PageSpec(path, title, _front(title, description) + body)
    # Sub-indicator headings with number and name, as the year page has them.
    names = {sub.id: sub.title for sub in catalogs[year].sub_indicators} if year in catalogs else {}
    rows = [
        OitRow(number=s.item.number, title=s.item.title, components=[f.component.text for f in s.findings],
               responsible=None, status=s.status, missing=[g for f in s.findings if f.ok is False for g in f.public],
               sub_indicator=f"ตัวชี้วัดย่อยที่ {s.item.sub_indicator} {names.get(s.item.sub_indicator, '')}".rstrip())
        for s in statuses
    ]
    link = Linker(path)
    body = measures_markdown(renderer, measures, content.agency.name, rows,
                             item_url=lambda n: link(urls.item_number(year, n)) if statuses else None,
                             file_url=lambda f: link(urls.evidence(f)),
                             pdf_url=urls.measures_pdf(year) if with_pdf else None,
                             result_levels=analysed_levels(measures, levels),
                             eit_survey=renderer.render("measures_eit.md.j2", **common) if common["eit_url"] else "")
    title = measures.title or MEASURES_TITLE
    if str(year) not in title:
        title = f"{title} ปีงบประมาณ {year}"
    # The report's tables get the whole width of a desktop screen: no sidebars.
    return PageSpec(path, title, _front(title, description, wide=True) + body)


# The citizen's tasks on the home page, and the section that shows each on an item page.
TASK_SECTIONS = {"executives": "executives", "contact": "contact", "complaint": "channels:complaint",
                 "news": "entries:news"}


def _task_pages(catalog: Catalog, year: int) -> dict[str, str]:
    """Task → the source path of this year's item page that shows it (when an item does)."""
    pages = {}
    for task, section in TASK_SECTIONS.items():
        for item in catalog.items:
            if section in item.sections:
                pages[task] = urls.item(year, item.code)
                break
    return pages


def catalog_notes(catalog: Catalog) -> list[str]:
    """How sure the year's catalog is: for the build log and `ita check`, never for a page."""
    if not catalog.provisional:
        return []
    unsure = [item.label for item in catalog.items if item.confidence != "confirmed"]
    notes = [f"ITA {catalog.year}: รายการประเมินเป็นฉบับเบื้องต้น (provisional catalog): "
             + " ".join((catalog.source or "").split())]
    if unsure:
        notes.append(f"ITA {catalog.year}: ถ้อยคำองค์ประกอบที่ยังไม่ยืนยันกับคู่มือ (unconfirmed wording): {' '.join(unsure)} "
                     f"ดูที่มาและข้อสงสัยของแต่ละข้อด้วยคำสั่ง ita check --sources")
    return notes


def analysed_levels(measures, levels: dict[int, list[str]]) -> list[str]:
    """The level words of the year whose result the measures analyse ([] when not known)."""
    analysis = measures.analysis
    return list(levels.get(analysis.year, [])) if analysis and analysis.year else []


def year_levels(loaded: Loaded) -> dict[int, list[str]]:
    """Each year's level words: of the built catalogs, and of the analysed years not built."""
    built = {year: list(c.result_levels.levels) for year, c in loaded.catalogs.items() if c.result_levels}
    return {**loaded.result_levels, **built}


def level_notice(measures, year_levels: dict[int, list[str]]) -> str | None:
    """A level the analysed year does not have (such as A–F bands after 2565), for the log."""
    levels = analysed_levels(measures, year_levels)
    level = measures.analysis.level if measures.analysis else None
    if not level or not levels or level in levels:
        return None
    return (f"content/measures/{measures.year}.yml · ช่อง analysis.level: ระดับ '{cut_short(level)}' ไม่ใช่ระดับผลการประเมิน"
            f"ของปี {measures.analysis.year} ({' '.join(levels)}) ให้ใส่ระดับตามที่สำนักงาน ป.ป.ช. แจ้ง"
            f" เช่น level: {levels[-2] if len(levels) > 1 else levels[0]}")


def content_locator(loaded: Loaded):
    """(content file, path inside it) → line, from the raw YAML kept by the loader."""
    sources = {source.shown_as.replace("\\", "/"): source for source in loaded.sources}

    def locate(file: str, loc: tuple) -> int | None:
        name = file.removeprefix("content/")
        source = sources.get(file) or next((s for key, s in sources.items() if key.endswith("/" + name)), None)
        return line_of(source.data, loc) if source is not None else None
    return locate


def build_site(loaded: Loaded, years: list[int], renderer: Renderer, site_url: str,
               measures_pdf: bool = False, eit_qr: str | None = None, archive_years: Sequence[int] = ()) -> Site:
    """Every page and generated file of the site (`eit_qr`: the survey's QR code when the caller
    keeps made codes in a cache; `archive_years`: years published as a page of their documents,
    without a catalog). Writes nothing."""
    content = loaded.content
    agency = content.agency
    site = Site()
    years = sorted(years)
    current = years[-1] if years else None
    eit_url = qr.survey_url(agency.itas_code) if agency.itas_code else ""
    if eit_qr is None:
        eit_qr = qr.eit_qr(agency.itas_code, agency.name)
    procurement = content.procurement
    months = procurement.monthly
    common = dict(c=content, eit_url=eit_url, eit_qr=eit_qr,
                  procurement_months=lambda y: procurement_pages.months_of_year(procurement, y),
                  urls=urls, procurement_month_path=procurement_pages.month_path, procurement_status=procurement_pages.STATUS_TEXT,
                  procurement_month_of=lambda d: procurement_pages.month_page_of(d, months),
                  procurement_index=urls.PROCUREMENT if months or procurement.documents else None,
                  procurement_kinds={k for k, kind in loaded.kinds.items() if kind.topic == "procurement"},
                  month_label=lambda m: thai.format_month(m.covers.start.year, m.covers.start.month),
                  first_half_end=thai.first_half_end, agency=agency, kinds=loaded.kinds, sizes=loaded.file_sizes,
                  complete=Status.COMPLETE, file_meta=lambda name: _file_meta(name, loaded.file_sizes),
                  evidence_path=urls.evidence, photo_path=urls.photo,
                  fiscal_year=thai.fiscal_year, years=years, document_rules=document_rules, current=current, item_path=urls.item)

    locate = content_locator(loaded)
    levels = year_levels(loaded)
    for year in years:
        catalog = loaded.catalogs[year]
        statuses = check_catalog(catalog, content, loaded.kinds, locate)
        site.statuses[year] = statuses
        site.notes.extend(catalog_notes(catalog))
        year_path = urls.year(year)
        link = Linker(year_path)
        body = renderer.render("year.md.j2", catalog=catalog, statuses=statuses, year=year, rel=link,
                               measures_path=urls.measures(year), **common)
        site.pages.append(PageSpec(year_path, f"ปีงบประมาณ {year}",
                                   _front(f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปีงบประมาณ {year}",
                                          f"รายการข้อมูลสาธารณะ (OIT) ปีงบประมาณ {year} ของ{agency.name}") + body))
        for status in statuses:
            item = status.item
            path = urls.item(year, item.code)
            # The year in the title: the 2567 and 2568 pages of an item are different pages.
            title = f"{item.label} {item.title} ปีงบประมาณ {year}"
            # Sections show the year whose data the item asks for: last year's for annual reports.
            data_year = year - 1 if item.period == "previous_year" else year
            body = renderer.render("item.md.j2", catalog=catalog, status=status, item=item, year=year,
                                   data_year=data_year,
                                   rel=Linker(path), people=executives_of(content, year),
                                   measures_path=urls.measures(year), **common)
            description = f"ข้อ {item.label} {item.title} การประเมิน ITA ปีงบประมาณ {year} {agency.name}"
            site.pages.append(PageSpec(path, title, _front(title, description) + body))
        site.pages.append(_measures_page(content, year, statuses, renderer, common, measures_pdf, site.notes,
                                         loaded.catalogs, levels))
        if year in content.measures:
            notice = level_notice(content.measures[year], levels)
            if notice:
                site.notices.append(notice)
            numbers = {item.number for item in catalog.items}
            for number in sorted(referenced_items(content.measures[year]) - numbers):
                site.notices.append(f"content/measures/{year}.yml: อ้างถึงข้อ O{number} ซึ่งไม่มีในรายการประเมินปี {year}")
        site.files.extend(itas_exports(catalog, statuses, site_url))
    for year in sorted(archive_years):
        path = urls.year(year)
        body = renderer.render("archive_year.md.j2", year=year, rel=Linker(path), has_measures=year in content.measures,
                               groups=archive.documents_by_kind(list(content.documents()), loaded.kinds, year), **common)
        title = f"เอกสารย้อนหลัง ปีงบประมาณ พ.ศ. {year}"
        site.pages.append(PageSpec(path, title, _front(title, f"{title} {agency.name}") + body))
    for year in sorted(set(content.measures) - set(years)):
        # An older report (a year without a catalog) is still published, never dropped.
        site.pages.append(_measures_page(content, year, [], renderer, common, measures_pdf, site.notes,
                                         loaded.catalogs, levels))
        if year in archive_years:
            continue  # the webmaster declared it an archive year: nothing to warn about
        reason = (f"ปี {year} ไม่อยู่ใน years ของปลั๊กอิน ita ใน mkdocs.yml" if year in loaded.catalog_years else
                  f"ไม่มีรายการประเมิน (catalog) ของปี {year}: data/ita/{year}.yml")
        site.notices.append(f"content/measures/{year}.yml: เผยแพร่หน้ามาตรการที่ /{urls.page_url(urls.measures(year))} "
                            f"โดยไม่มีตารางความก้าวหน้า OIT และลิงก์ไปยังข้อ OIT เพราะ{reason}")

    home = renderer.render("home.md.j2", rel=Linker(urls.HOME), statuses=site.statuses,
                           task_pages=_task_pages(loaded.catalogs[current], current) if current else {},
                           measures_path=urls.measures(current) if current else None, documents_path=urls.DOCUMENTS,
                           latest_news=sorted(content.news.entries, key=lambda e: e.date, reverse=True)[:3],
                           latest_month=months[-1] if months else None, **common)
    site.pages.insert(0, PageSpec(urls.HOME, agency.name,
                                  _front(agency.name, f"ข้อมูลสาธารณะและการประเมินคุณธรรมและความโปร่งใส (ITA) ของ{agency.name}") + home))
    def render_at(template: str, path: str, **extra) -> str:
        return renderer.render(template, rel=Linker(path), **extra, **common)

    for path, title, body in procurement_pages.render_month_pages(procurement, render_at):
        site.pages.append(PageSpec(path, title, _front(title, f"{title} {agency.name}", wide=True) + body))
    site.pages.append(PageSpec(urls.DOCUMENTS, documents_page.TITLE,
                               _front(documents_page.TITLE, f"เอกสารทุกฉบับที่{agency.name}เผยแพร่ แยกตามหัวข้อ")
                               + documents_page.render(content, render_at)))
    if common["procurement_index"]:
        path, title, body = procurement_pages.render_index(procurement, render_at)
        site.pages.append(PageSpec(path, title, _front(title, f"{title} ของ{agency.name} แยกตามปีงบประมาณ") + body))
    for fiscal in sorted({thai.fiscal_year(p.date) for p in procurement.purchases}):
        site.files.append(FileSpec(urls.procurement_csv(fiscal), procurement_pages.year_csv(procurement, fiscal)))
    site.pages.append(PageSpec(urls.SEARCH, "ค้นหา", search_markdown(renderer)))
    if eit_url:
        poster = renderer.render("eit_poster.md.j2", rel=Linker(urls.EIT_POSTER), **common)
        site.pages.append(PageSpec(urls.EIT_POSTER, "โปสเตอร์แบบวัด EIT",
                                   _front("โปสเตอร์แบบวัด EIT", f"QR Code แบบวัด EIT ของ{agency.name}") + poster))
    return site
