"""The MkDocs adapter: a thin layer over the publish plan (publish.py) and the page hooks
(page_hooks.py), which `ita generate` shares.

on_config loads and checks the data (a data error stops the build before MkDocs cleans
site/; under `serve` the site becomes one page showing the error) and applies the plan's
theme settings, on_files adds the plan's pages and files, the page events run the shared
page hooks (HTML fixes, each page's navigation, search), on_post_build writes the search
index (and the measures PDFs when asked), on_serve watches content/ and data/ for live reload.
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

from . import publish, serve_error, uploads, urls
from .errors import ContentError, Problem
from .load import relative
from .page_hooks import PageHooks
from .site import Prepared, gaps, log_gaps, prepare

log = logging.getLogger("mkdocs.plugins.ita")



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
    plan: publish.Plan | None = None
    hooks: PageHooks | None = None
    command: str | None = None  # set by on_startup when run from the mkdocs command line
    broken: ContentError | None = None  # under `serve`: the data error the site shows instead

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        self.hooks = PageHooks()
        self.hooks.on_config(config)
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
        self.hooks.digit_style = self.prepared.loaded.content.agency.digits
        log_gaps(self.prepared.site, log, logging.WARNING if self.config.gap_level == "warning" else logging.INFO)
        for note in self.prepared.site.notes:
            log.info(note)
        for problem in self.prepared.personal_data:
            log.warning(f"ข้อมูลส่วนบุคคล (PDPA): {problem}")
        self._strict_stops_here(config)

        self.plan = publish.plan(self.prepared, self.content_dir)
        self.images = self._made_images(self.plan, config)
        for name in publish.MARKDOWN_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # Our layouts sit between the site's own theme/ overrides and Material. theme/ is optional:
        # used when it exists, without `custom_dir: theme` (which MkDocs requires to exist).
        own_theme = root / "theme"
        if not config.theme.custom_dir and own_theme.is_dir():
            config.theme.dirs.insert(0, str(own_theme))
        own = bool(config.theme.custom_dir) or own_theme.is_dir()
        config.theme.dirs.insert(1 if own else 0, str(publish.OVERRIDES))
        config.extra_css[:] = self.plan.extra_css(list(config.extra_css))
        self.plan.apply_theme(config.theme, config.extra)
        if not config.nav:
            config.nav = self.plan.nav
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
        if not config.strict or self.command == "serve" or self.prepared is None:
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

    def _made_images(self, plan: publish.Plan, config: MkDocsConfig) -> list[tuple[str, bytes]]:
        """Portraits and the logo, made here (or taken from the cache) so that nothing the
        build makes itself can fail after MkDocs has cleaned site/: (path, bytes)."""
        made = []
        for image in plan.images:
            try:
                made.append((image.path, image.content(self.cache_dir)))
            except Exception as err:  # noqa: BLE001 (checked when loading; a disk or memory failure still gets a plain message)
                raise PluginError(f"ย่อรูป {relative(image.source, self._root(config))} ไม่ได้: {str(err)[:200] or type(err).__name__} "
                                  f"(cannot resize the image)") from None
        return made

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.broken is not None:
            return Files([])
        plan, prepared = self.plan, self.prepared
        assert plan is not None and prepared is not None

        def add(file: File) -> None:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                if not (existing.src_uri.endswith(".md") and publish.PLACEHOLDER_MARK in existing.content_string):
                    log.warning(f"{file.src_uri}: แทนที่ไฟล์ใน docs_dir ด้วยหน้าที่สร้างจากข้อมูล ITA")
                files.remove(existing)
            files.append(file)

        hidden = set(plan.not_in_nav(config.nav))
        for page in plan.pages:
            level = InclusionLevel.NOT_IN_NAV if page.path in hidden else InclusionLevel.UNDEFINED
            add(File.generated(config, page.path, content=page.markdown, inclusion=level))
        for spec in plan.files:
            add(File.generated(config, spec.path, content=spec.content))
        for copy in plan.copies:
            add(File.generated(config, copy.path, abs_src_path=str(copy.source)))
        for path, data in self.images:
            add(File.generated(config, path, content=data))
        # MkDocs keeps its plugins to the end: the content is let go once the pages are handed over.
        self.measures_years = sorted(prepared.loaded.content.measures)  # years without a catalog too
        self.prepared = self.plan = None
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        return self.hooks.on_nav(nav, config, files) if self.hooks else nav

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        return self.hooks.on_page_context(context, page, config, nav) if self.hooks else context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        return self.hooks.on_template_context(context, template_name, config) if self.hooks else context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.broken is not None:
            page = serve_error.error_page(self.broken)
            for name in ("index.html", "404.html"):  # 404.html: what `serve` answers at any other address
                (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
            return
        assert self.hooks is not None
        self.hooks.on_post_build(config)
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
        if self.hooks is not None:  # None when on_config did not run
            self.hooks.on_build_error(error)

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        return self.hooks.on_page_content(html, page, config, files) if self.hooks else html

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return self.hooks.on_post_page(output, page, config) if self.hooks else output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self.hooks.on_post_template(output_content, template_name, config) if self.hooks else output_content

    def on_serve(self, server, config: MkDocsConfig, builder):
        for path in (self.content_dir, self.data_dir, self._root(config) / "theme"):
            if path.exists():
                server.watch(str(path))
        return server

