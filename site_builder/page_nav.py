"""Each page's navigation: its own top-level section in full, every other section as one link.

The site's navigation has one section per year ("ปีงบประมาณ 2567") with every item of that year. A
theme renders the whole tree into every page, so ten years would put ten years of items into
each page (and make every page's HTML, and the build, grow with the number of years). Here a
page gets a navigation in which the section that holds it keeps its children and each other
section is a single link to its first page (the year's overview), so a page's size does not
depend on how many years the site carries. Works on MkDocs' own objects, for any theme that
renders `nav`.
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page


def _first_url(section: Section) -> str | None:
    for child in section.children:
        if isinstance(child, Section):
            url = _first_url(child)
            if url is not None:
                return url
        elif isinstance(child, Page | Link) and child.url is not None:
            return child.url
    return None


def _top(page: Page | None) -> Section | None:
    item = page.parent if page is not None else None
    while item is not None and item.parent is not None:
        item = item.parent
    return item


class PageNavs:
    """One navigation per top-level section, built once and shared by the pages it holds."""

    def __init__(self, nav: Navigation) -> None:
        self.nav = nav
        self.links = {id(item): Link(item.title, url) for item in nav.items
                      if isinstance(item, Section) and (url := _first_url(item)) is not None}
        self.scoped: dict[int, Navigation] = {}

    def for_page(self, page: Page | None) -> Navigation:
        """The navigation to render on `page` (None: a page outside the navigation, e.g. 404)."""
        keep = _top(page)
        key = id(keep)
        if key not in self.scoped:
            items = [item if item is keep else self.links.get(id(item), item) for item in self.nav.items]
            scoped = Navigation(items, self.nav.pages)
            scoped.homepage = self.nav.homepage
            self.scoped[key] = scoped
        return self.scoped[key]
