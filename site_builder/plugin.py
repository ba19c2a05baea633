"""The MkDocs adapter: a thin layer over `site.prepare`.

on_config loads and checks the data (a data error stops the build before MkDocs
cleans site/; under `serve` the site becomes one page showing the error), on_files adds the generated pages, evidence and photos, on_nav and
on_page_context give each page its own year's navigation (`page_nav`), on_post_page
hands each written page to the search indexer and on_post_build writes the index,
on_serve watches content/ and data/ for live reload.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import identity, page_digits, photos, search, serve_error, uploads, urls
from .errors import ContentError, Problem
from .page_indexer import PageIndexer
from .page_nav import PageNavs
from .site import Prepared, gaps, log_gaps, nav_paths, navigation, prepare

log = logging.getLogger("mkdocs.plugins.ita")

PACKAGE = Path(__file__).parent
ASSETS = PACKAGE / "assets"
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class ItaConfig(Config):
    content_dir = c.Type(str, default="content")
    data_dir = c.Type(str, default="data")
    years = c.ListOfItems(c.Type(int), default=[])
    # Older years without a catalog: one page of the year's documents by kind, no check (archive.py).
    archive_years = c.ListOfItems(c.Type(int), default=[])
    # Level of the completeness messages: warning makes `--strict` fail on a gap.
    gap_level = c.Choice(("warning", "info"), default="warning")
    # Print each year's measures report to PDF with the system Chromium (docs/measures.md).
    measures_pdf = c.Type(bool, default=False)


class ItaPlugin(BasePlugin[ItaConfig]):
    prepared: Prepared | None = None
    indexer: PageIndexer | None = None
    command: str | None = None  # set by on_startup when run from the mkdocs command line
    broken: ContentError | None = None  # under `serve`: the data error the site shows instead

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        self.indexer = PageIndexer()  # search text of each page, read as the page is written
        self.content_dir = root / self.config.content_dir
        self.data_dir = root / self.config.data_dir
        self.cache_dir = root / ".cache" / "ita" / "images"  # resized photos and logo
        site_url = config.site_url or "/"
        self.broken = None
        try:
            outside = uploads.links_outside(Path(config.docs_dir), root)
            if outside:
                raise ContentError([Problem(link, None, "", uploads.LINK_OUTSIDE) for link in outside])
            self.prepared = prepare(root, self.content_dir, self.data_dir, list(self.config.years), site_url,
                                    override_dirs=[root / "theme" / "markdown"], measures_pdf=self.config.measures_pdf,
                                    archive_years=list(self.config.archive_years))
        except ContentError as err:
            if self.command != "serve":
                raise PluginError(err.report()) from None
            # Under `serve` a failed build leaves the browser waiting: build a page showing the
            # report instead, and let the watch on content/ and data/ rebuild once it is fixed.
            log.error(err.report())
            self.broken = err
            config.theme.static_templates.clear()
            return config
        self.digit_style = self.prepared.loaded.content.agency.digits
        log_gaps(self.prepared.site, log, logging.WARNING if self.config.gap_level == "warning" else logging.INFO)
        for note in self.prepared.site.notes:
            log.info(note)
        for problem in self.prepared.personal_data:
            log.warning(f"ข้อมูลส่วนบุคคล (PDPA): {problem}")
        self._strict_stops_here(config)

        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # Our layouts sit between the site's own theme/ overrides and Material. theme/ is optional:
        # used when it exists, without `custom_dir: theme` (which MkDocs requires to exist).
        own_theme = root / "theme"
        if not config.theme.custom_dir and own_theme.is_dir():
            config.theme.dirs.insert(0, str(own_theme))
        own = bool(config.theme.custom_dir) or own_theme.is_dir()
        config.theme.dirs.insert(1 if own else 0, str(PACKAGE / "overrides"))
        config.extra_css[:0] = identity.EXTRA_CSS
        identity.apply_theme_settings(self.prepared.loaded.content, config.theme, config.extra)
        if not config.nav:
            config.nav = navigation(self.prepared)
        if self.command in ("build", "gh-deploy"):
            # A one-shot build: what exists now (modules, the loaded content) lives to the end,
            # so the cyclic collector need not scan it again for every page nor at exit; about
            # a tenth of the build time. Not under `serve`, whose rebuilds must be collected.
            gc.freeze()
        return config

    def _strict_stops_here(self, config: MkDocsConfig) -> None:
        """Under --strict our warnings stop the build here, before MkDocs cleans site/: the
        last good site stays. (MkDocs itself would write the whole site first, and under
        --quiet it drops warnings before strict mode counts them, mkdocs/mkdocs#4126.)"""
        if not config.strict or self.command == "serve":
            return
        found = gaps(self.prepared.site) if self.config.gap_level == "warning" else []
        found += [f"ข้อมูลส่วนบุคคล (PDPA): {problem}" for problem in self.prepared.personal_data]
        if not found:
            return
        if log.isEnabledFor(logging.WARNING):
            raise PluginError(f"--strict: พบคำเตือน {len(found)} รายการข้างบน จึงหยุดโดยไม่แตะ site/ "
                              f"(stopped on {len(found)} warning(s) above; site/ untouched)")
        head = f"--strict: พบคำเตือน {len(found)} รายการ ซึ่ง --quiet ซ่อนไว้ (warnings hidden by --quiet)"
        raise PluginError("\n".join([head, *found]))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.broken is not None:
            return Files([])
        prepared = self.prepared
        assert prepared is not None

        def add(file: File) -> None:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                log.warning(f"{file.src_uri}: แทนที่ไฟล์ใน docs_dir ด้วยหน้าที่สร้างจากข้อมูล ITA")
                files.remove(existing)
            files.append(file)

        in_nav = set(nav_paths(config.nav))
        for page in prepared.site.pages:
            level = InclusionLevel.UNDEFINED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
            add(File.generated(config, page.path, content=page.markdown, inclusion=level))
        for spec in prepared.site.files:
            add(File.generated(config, spec.path, content=spec.content))
        content = prepared.loaded.content
        photo_files = {p.photo for p in content.executives.executives if p.photo}
        for name in sorted(prepared.loaded.file_sizes):
            source = self.content_dir / "files" / name
            if name == content.agency.logo:
                continue  # published resized as the banner logo below
            if name in photo_files:
                add(File.generated(config, urls.photo(name), content=photos.web_photo(source, self.cache_dir)))
            else:
                add(File.generated(config, urls.evidence(name), abs_src_path=str(source)))
        logo = prepared.loaded.content.agency.logo
        if logo:
            add(File.generated(config, urls.logo(logo),
                               content=identity.web_logo(self.content_dir / "files" / logo, self.cache_dir)))
        # MkDocs keeps its plugins to the end: the content is let go once the pages are handed over.
        self.measures_years = sorted(prepared.loaded.content.measures)  # years without a catalog too
        self.prepared = None
        for asset in sorted(ASSETS.rglob("*")):
            # search.js is published beside the search page by on_post_build, not here.
            if asset.is_file() and asset.name != search.SCRIPT_NAME:
                add(File.generated(config, urls.asset(asset.relative_to(ASSETS).as_posix()),
                                   abs_src_path=str(asset)))
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        self.navs = PageNavs(nav)  # each page renders its own year's items, other years as links
        return nav

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        context["nav"] = self.navs.for_page(page)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if "nav" in context:  # 404.html: every year as one link
            context["nav"] = self.navs.for_page(None)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.broken is not None:
            page = serve_error.error_page(self.broken)
            for name in ("index.html", "404.html"):  # 404.html: what `serve` answers at any other address
                (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
            return
        # The index is cut from the built HTML, so it always matches what readers see.
        log.info("ค้นหา: %s", search.build_search(config.site_dir, extracted=self.indexer.pages(),
                                                  cache_dir=self._root(config) / ".cache" / "ita" / "grams"))
        if self.config.measures_pdf:
            self._measures_pdfs(Path(config.site_dir), config.use_directory_urls)

    def _measures_pdfs(self, site_dir: Path, directory_urls: bool) -> None:
        from . import measures_pdf  # Playwright is only needed when the option is on

        for year in self.measures_years:
            page = site_dir / urls.html_file(urls.measures(year), directory_urls)
            # Beside the page, under the name the page links to.
            pdf = page.parent / urls.measures_pdf(year)
            try:
                log.info(f"มาตรการฯ PDF: {measures_pdf.render_pdf(page, pdf).relative_to(site_dir)}")
            except measures_pdf.PdfUnavailable as err:
                log.warning(f"ไม่ได้สร้าง PDF ของรายงานมาตรการ ปี {year}: {err}")

    def on_build_error(self, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        html = identity.permalinks_after_headings(identity.wrap_tables(html))
        return identity.print_addresses(html, page.canonical_url or "")

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        output = page_digits.one_digit_system(identity.fix_page_html(output), self.digit_style)
        self.indexer.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return identity.fix_page_html(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, config: MkDocsConfig, builder):
        for path in (self.content_dir, self.data_dir, self._root(config) / "theme"):
            if path.exists():
                server.watch(str(path))
        return server

