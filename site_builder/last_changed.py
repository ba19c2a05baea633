"""When each page's data last changed: the "ปรับปรุงข้อมูลล่าสุด" line of every page.

A page shows data from a few content files (its topics' YAML, the evidence it lists); its date
is the newest change among them. Where the site is a git checkout, a file's change is its last
commit (a fresh clone or a CI runner gives every file the checkout's time); a file with
uncommitted edits, or a site without git (a webmaster on Windows), counts its modification time.
Never the build time: a rebuild does not make data new.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from . import thai, urls
from .check import document_rules
from .models.catalog import FieldsCheck, MeasuresCheck, RecordsCheck, RolesCheck, SettingCheck, simple_checks
from .pages import PageSpec

BANGKOK = timezone(timedelta(hours=7))

# The topic file each item-page section reads, when not the section's own name.
SECTION_TOPICS = {
    "duties": "structure", "channels": "contact", "risks": "risk", "gifts": "no_gift",
    "ethics_group": "ethics", "complaint_statistics": "complaints", "service_statistics": "services",
    "procurement_annual": "procurement", "procurement_monthly": "procurement",
    "procurement_progress": "procurement", "eit_survey": "agency",
}


def section_topic(section: str) -> str | None:
    """'entries:news' → 'news', 'risks' → 'risk'; None for sections that read no topic."""
    name, _, topic = section.partition(":")
    if topic:
        return topic
    if name in ("documents", "measures"):
        return None
    return SECTION_TOPICS.get(name, name)


class ChangeDates:
    """Last-change days of the files under one folder, read once per build."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.committed = _git_dates(self.folder)

    def of(self, path: Path) -> date | None:
        path = path.resolve()
        when = self.committed.get(path)
        if when is None:
            try:
                when = path.stat().st_mtime
            except OSError:
                return None
        return datetime.fromtimestamp(when, BANGKOK).date()

    def newest(self, paths: Iterable[Path]) -> date | None:
        days = [d for d in (self.of(p) for p in paths) if d is not None]
        return max(days) if days else None


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(folder), *args], capture_output=True, text=True,
                                encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine
    return result.stdout if result.returncode == 0 else None


def _git_dates(folder: Path) -> dict[Path, float]:
    """Commit time of the last commit of every clean tracked file under `folder`."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    log = _git(folder, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    if not top or log is None:
        return {}
    root = Path(top.strip())
    dirty = _git(folder, "status", "--porcelain", "--no-renames", "--untracked-files=no", "--", ".") or ""
    edited = {(root / line[3:].strip().strip('"')).resolve() for line in dirty.splitlines() if len(line) > 3}
    dates: dict[Path, float] = {}
    when = 0.0
    for line in log.splitlines():
        if line.startswith("\0"):
            when = float(line[1:])
        elif line:
            path = (root / line).resolve()
            if path not in dates and path not in edited:
                dates[path] = when
    return dates


def _checked_files(check, year: int, content_dir: Path) -> set[Path]:
    """The content files a completeness rule reads: an item's status changes with them."""
    if isinstance(check, MeasuresCheck):
        return {content_dir / "measures" / f"{year + check.year_offset}.yml"}
    if isinstance(check, (RecordsCheck, FieldsCheck)):
        return {content_dir / f"{check.path.split('.')[0]}.yml"}
    if isinstance(check, RolesCheck):
        return {content_dir / "executives.yml"}
    if isinstance(check, SettingCheck):
        return {content_dir / "agency.yml"}
    return set()  # documents: their topics and files are counted below


def item_sources(status, year: int, kinds: dict, content_dir: Path) -> set[Path]:
    """The topic files an item page reads, the files its checks read, and the evidence it lists."""
    topics = {section_topic(s) for s in status.item.sections}
    topics |= {kinds[k].topic for k in document_rules(status.item) if k in kinds}
    paths = {content_dir / f"{t}.yml" for t in topics if t}
    for component in status.item.components:
        for check in simple_checks(component.check):
            paths |= _checked_files(check, year, content_dir)
    paths |= {content_dir / "files" / d.file for d in status.documents if d.file}
    if any(s.startswith("procurement") for s in status.item.sections):
        paths.add(content_dir / "procurement")
    return paths


def page_sources(path: str, statuses: dict[int, list], kinds: dict, content_dir: Path) -> set[Path]:
    """The content files whose change changes the page at source path `path` (a folder stands
    for everything in it). Pages that gather everything (home, documents, sitemap) get the
    content folder itself."""
    if path == urls.SEARCH:
        return set()  # the search page shows no data of its own
    parts = path.removesuffix(".md").split("/")
    year = int(parts[0]) if parts[0].isdigit() else None
    if year in statuses and len(parts) == 2:
        items = {s.item.code: s for s in statuses[year]}
        if parts[1] in items:
            return item_sources(items[parts[1]], year, kinds, content_dir)
        every_item = set().union(*(item_sources(s, year, kinds, content_dir) for s in statuses[year]))
        if parts[1] == "measures":
            return every_item | {content_dir / "measures" / f"{year}.yml"}
        return every_item
    if year is not None and parts[1:] == ["measures"]:
        return {content_dir / "measures" / f"{year}.yml"}
    if parts[0] == "procurement":
        return {content_dir / "procurement.yml", content_dir / "procurement"}
    if parts[0] == "policies":
        return {content_dir / f"{name}.yml" for name in ("agency", "contact", "privacy")}
    if parts[0] == "eit-poster":
        return {content_dir / "agency.yml"}
    return {content_dir}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files, with each folder replaced by the files in it."""
    files: list[Path] = []
    for path in paths:
        files.extend(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else files.append(path)
    return files


def stamp(markdown: str, day: date, style) -> str:
    """The page's front matter with its last-change day (read by the theme's main.html)."""
    if not markdown.startswith("---\n"):
        markdown = "---\n---\n\n" + markdown
    # Thai digits only where the agency wants them in all prose (see identity.theme_context).
    shown = thai.digits(thai.format_date(day), style, formal=False)
    return (f"---\nita_updated: \"{shown}\"\nita_updated_iso: \"{day.isoformat()}\"\n"
            + markdown[len("---\n"):])


def dated(pages: list, statuses: dict[int, list], kinds: dict, content_dir: Path, style) -> list:
    """The pages, each stamped with the newest change of the content it shows."""
    dates = ChangeDates(content_dir)
    newest: dict[frozenset, date | None] = {}
    result = []
    for page in pages:
        key = frozenset(page_sources(page.path, statuses, kinds, content_dir))
        if key not in newest:
            newest[key] = dates.newest(expand(key))
        day = newest[key]
        result.append(PageSpec(page.path, page.title, stamp(page.markdown, day, style)) if day else page)
    return result
