"""One build's worth of work, engine-agnostic: load, check, render pages and files.

Both the MkDocs plugin and the CLI call `prepare`; neither knows the other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .load import Loaded, load_all
from .pages import Site, build_site
from .render import PACKAGE_TEMPLATES, Renderer

SECTIONS = {p.name.removesuffix(".md.j2") for p in (PACKAGE_TEMPLATES / "sections").glob("*.md.j2")}


@dataclass
class Prepared:
    loaded: Loaded
    site: Site
    years: list[int]


def gaps(site: Site) -> list[str]:
    """One line per missing component: what the webmaster must fix before the assessors see it."""
    lines = []
    for year, statuses in site.statuses.items():
        for status in statuses:
            for finding, missing in status.missing:
                lines.append(f"ITA {year} {status.item.label} {status.item.title}: "
                             f"องค์ประกอบ '{finding.component.id}' ยังขาด: {missing}")
    return lines


def prepare(root: Path, content_dir: Path, data_dir: Path, years: list[int], site_url: str,
            override_dirs: list[Path] = ()) -> Prepared:
    """Load and check everything; raises ContentError listing every problem."""
    loaded = load_all(content_dir, data_dir, SECTIONS, years or None, root=root)
    years = years or sorted(loaded.catalogs)
    renderer = Renderer(loaded.content.agency.digits, list(override_dirs))
    site = build_site(loaded, years, renderer, site_url)
    return Prepared(loaded, site, years)


def log_gaps(site: Site, logger: logging.Logger, level: int = logging.WARNING) -> None:
    for line in gaps(site):
        logger.log(level, line)
