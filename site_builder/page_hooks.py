"""What the engine does to each page while it builds, the same under the ita plugin and under
the hooks file `ita generate` writes (so both builds give the same pages):

- each content table in a scroll region, Material's page furniture made valid (html_fixes.py),
  one digit system per page (page_digits.py);
- each page's navigation holding its own year's items, other years as one link (page_nav.py);
- the search text of each page read as it is written, the index written at the end (search.py).

The methods are MkDocs event handlers; plugin.py calls them, the generated hooks file binds them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from . import html_fixes, page_digits, search
from .page_indexer import PageIndexer
from .page_nav import PageNavs
from .thai import DigitStyle

log = logging.getLogger("mkdocs.plugins.ita")


class PageHooks:
    def __init__(self, digit_style: DigitStyle = DigitStyle.ARABIC) -> None:
        self.digit_style = digit_style  # the agency's `digits`: one digit system per page (page_digits.py)
        self.indexer: PageIndexer | None = None
        self.navs: PageNavs | None = None

    def on_config(self, config: Any) -> Any:
        self.indexer = PageIndexer()  # search text of each page, read as the page is written
        return config

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.navs = PageNavs(nav)
        return nav

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        if self.navs is not None:
            context["nav"] = self.navs.for_page(page)
        return context

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        if "nav" in context and self.navs is not None:  # 404.html: every year as one link
            context["nav"] = self.navs.for_page(None)
        return context

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        html = html_fixes.permalinks_after_headings(html_fixes.wrap_tables(html))
        return html_fixes.print_addresses(html, page.canonical_url or "")

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        output = page_digits.one_digit_system(html_fixes.fix_page_html(output), self.digit_style)
        if self.indexer is not None:
            self.indexer.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return html_fixes.fix_page_html(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config: Any) -> None:
        # The index is cut from the built HTML, so it always matches what readers see.
        extracted = self.indexer.pages() if self.indexer is not None else None
        root = Path(config["config_file_path"]).resolve().parent if config["config_file_path"] else Path.cwd()
        stats = search.build_search(config["site_dir"], extracted=extracted, cache_dir=root / ".cache" / "ita" / "grams")
        log.info("ค้นหา: %s", stats)

    def on_build_error(self, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()


def hooks_file(digit_style: DigitStyle) -> str:
    """The hooks file of a generated folder, for an agency with this digit setting."""
    return HOOKS_FILE.replace("PageHooks()", f"PageHooks(DigitStyle({digit_style.value!r}))")


HOOKS_FILE = '''"""Written by `ita generate`: the page work of the ita plugin (HTML fixes, navigation, search),
for an engine that builds this folder without the plugin (site_builder/page_hooks.py)."""

from site_builder.page_hooks import PageHooks
from site_builder.thai import DigitStyle

_hooks = PageHooks()
on_config = _hooks.on_config
on_nav = _hooks.on_nav
on_page_context = _hooks.on_page_context
on_template_context = _hooks.on_template_context
on_page_content = _hooks.on_page_content
on_post_page = _hooks.on_post_page
on_post_template = _hooks.on_post_template
on_post_build = _hooks.on_post_build
on_build_error = _hooks.on_build_error
'''
