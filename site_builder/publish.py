"""The publish plan: everything a built site consists of, decided once.

`plan(prepared, content_dir)` lists the generated pages and files, the evidence files and
package assets copied as they are, the photos and logo made smaller, the navigation, and the
theme settings (stylesheets, language, favicon, the agency data the layouts read, the Markdown
extensions the pages need). Two consumers, neither deciding anything of its own:

- the MkDocs plugin (plugin.py) hands the plan to MkDocs in on_config and on_files;
- `ita generate OUT` (generate.py) writes it to a folder with an mkdocs.yml and a hooks file,
  which any MkDocs 1.6 compatible engine builds into the same site.

What happens to each page while the engine builds it (HTML fixes, search) is page_hooks.py,
shared the same way.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import identity, logo, photos, search, urls
from .pages import FileSpec, PageSpec
from .site import Prepared, nav_paths, navigation
from .thai import DigitStyle

PACKAGE = Path(__file__).parent
ASSETS = PACKAGE / "assets"
OVERRIDES = PACKAGE / "overrides"  # the package's layouts, between the site's theme/ and Material
# Stylesheets every page links, before the site's own extra_css.
EXTRA_CSS = (urls.asset("ita.css"), urls.asset("print.css"))
# Markdown extensions the generated pages are written for.
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
MATERIAL_FAVICON = "assets/images/favicon.png"
# The docs_dir home page of a site folder, which the plugin replaces: built without the plugin
# (another engine, a missing plugins line), the folder shows how to build it, not an empty site.
PLACEHOLDER = PACKAGE / "templates" / "docs_index.md"
PLACEHOLDER_MARK = "ita_placeholder: true"


@dataclass(frozen=True)
class Copy:
    """A file published as it is."""

    path: str
    source: Path


@dataclass(frozen=True)
class Image:
    """A picture published smaller than its source (cached under `cache_dir` between builds)."""

    path: str
    source: Path
    make: Callable[[Path, Path | None], bytes]

    def content(self, cache_dir: Path | None = None) -> bytes:
        return self.make(self.source, cache_dir)


@dataclass
class Plan:
    pages: list[PageSpec]
    files: list[FileSpec]
    copies: list[Copy]
    images: list[Image]
    nav: list
    theme_data: dict  # config.extra.ita, what the layouts under overrides/ read
    digit_style: DigitStyle  # the agency's digits, applied to each built page (page_hooks.py)
    favicon: str | None

    def not_in_nav(self, nav: Any) -> list[str]:
        """Generated pages the navigation does not list (reachable by links, not in the menu)."""
        listed = set(nav_paths(nav))
        return [page.path for page in self.pages if page.path not in listed]

    def apply_theme(self, theme: MutableMapping[str, Any], extra: MutableMapping[str, Any]) -> None:
        """What the theme needs from the agency, set in mkdocs.yml's `theme` and `extra`:
        the banner, footer and colours, Thai as the page language, the logo as the favicon."""
        extra["ita"] = self.theme_data
        if not theme.get("language"):
            theme["language"] = "th"
        if self.favicon and theme.get("favicon") in (None, "", MATERIAL_FAVICON):
            theme["favicon"] = self.favicon

    def extra_css(self, own: list[str]) -> list[str]:
        return [*EXTRA_CSS, *(css for css in own if css not in EXTRA_CSS)]


def plan(prepared: Prepared, content_dir: Path) -> Plan:
    """The plan of one build, from the loaded and checked content."""
    content = prepared.loaded.content
    files_dir = content_dir / "files"
    agency_logo = content.agency.logo
    portraits = {p.photo for p in content.executives.executives if p.photo}
    copies: list[Copy] = []
    images: list[Image] = []
    for name in sorted(prepared.loaded.file_sizes):
        if name == agency_logo:
            continue  # published resized as the banner logo
        if name in portraits:
            images.append(Image(urls.photo(name), files_dir / name, photos.web_photo))
        else:
            copies.append(Copy(urls.evidence(name), files_dir / name))
    if agency_logo:
        images.append(Image(urls.logo(agency_logo), files_dir / agency_logo, logo.web_logo))
    for asset in sorted(ASSETS.rglob("*")):
        # search.js is published beside the search page when the index is written (page_hooks).
        if asset.is_file() and asset.name != search.SCRIPT_NAME:
            copies.append(Copy(urls.asset(asset.relative_to(ASSETS).as_posix()), asset))
    return Plan(
        pages=prepared.site.pages,
        files=prepared.site.files,
        copies=copies,
        images=images,
        nav=navigation(prepared),
        theme_data=identity.theme_context(content, content.agency.digits),
        digit_style=content.agency.digits,
        favicon=urls.logo(agency_logo) if agency_logo else None,
    )

