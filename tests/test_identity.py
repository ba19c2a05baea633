"""Look and identity: self-hosted Sarabun, the agency's banner, colours and footer, the
policy pages and the sitemap, the last-updated date, and no request to another host.

Most tests read one real temporary site: the mini fixture with a contact file, a logo
and agency colours added, built once with `mkdocs build --strict` and a fixed
SOURCE_DATE_EPOCH (31 January 2024 = 31 มกราคม 2567).
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_builder import colours, identity, policies, thai
from site_builder.load import load_all
from site_builder.logo import LOGO_HEIGHT
from site_builder.render import Renderer
from site_builder.site import SECTIONS

AGENCY = "เทศบาลตำบลทดสอบ"
WEBSITE = "https://www.example.go.th/"
SITE_HOST = "www.example.go.th"
EPOCH_2024_01_31 = "1706659200"  # 2024-01-31 07:00 Bangkok
CONTACT_YML = """\
address:
  line: เลขที่ 1 หมู่ที่ 2 ถนนทดสอบ
  subdistrict: ทดสอบ
  district: เมือง
  province: เชียงใหม่
  postcode: "50000"
phone: 0 5300 0000
fax: 0 5300 0001
email: saraban@example.go.th
hours: วันจันทร์–วันศุกร์ 08:30–16:30 น.
map_url: https://www.openstreetmap.org/?mlat=18.79&mlon=98.98
"""
from site_dir import SiteDir  # noqa: E402  (the helper behind the `mini` fixture, module-scoped here)

POLICY_TITLES = dict(policies.POLICIES)
CHROMIUM = Path("/usr/bin/chromium")
MINI = Path(__file__).parent / "fixtures" / "mini"
BIN = Path(sys.executable).parent


def make_logo(path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 580, 580), fill=(29, 107, 58, 255), outline=(184, 134, 11, 255), width=30)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


def prepare_site(site: SiteDir) -> None:
    site.write("content/contact.yml", CONTACT_YML)
    make_logo(site.file("content/files/logo.png"))
    site.write("content/agency.yml", site.file("content/agency.yml").read_text(encoding="utf-8") + (
        "logo: logo.png\n"
        "name_en: Test Subdistrict Municipality\n"
        "colours:\n  primary: \"#1d6b3a\"\n  accent: \"#b8860b\"\n"
        "privacy_officer: เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล สำนักปลัดเทศบาล โทร. 0 5300 0000 ต่อ 9\n"))
    date_content(site)


def date_content(site: SiteDir, epoch: str = EPOCH_2024_01_31) -> None:
    """Every content file last changed at `epoch` (pages show when their data changed)."""
    for path in site.file("content").rglob("*"):
        os.utime(path, (int(epoch), int(epoch)))


def build(site: SiteDir, epoch: str = EPOCH_2024_01_31) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", "site"], cwd=site.path, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    target = tmp_path_factory.mktemp("identity") / "site-src"
    shutil.copytree(MINI, target)
    built = SiteDir(target)
    prepare_site(built)
    result = build(built)
    assert result.returncode == 0, result.stderr
    return built


def pages(site: SiteDir) -> list[Path]:
    """Every HTML page of the build, 404.html included."""
    return sorted((site.path / "site").rglob("*.html"))


def page_rel(path: Path, site: SiteDir) -> str:
    return path.relative_to(site.path / "site").as_posix()


class Resources(HTMLParser):
    """The URLs a page makes the browser fetch by itself (not the links a reader follows)."""

    FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
                ("video", "poster"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("track", "src"),
                ("input", "src")}
    NOT_FETCHED = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, text) of <a>
        self.inline_styles: list[str] = []
        self._in_style = False
        self._a: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for (t, name) in self.FETCHING:
            if tag == t and attrs.get(name):
                self.urls.append(attrs[name])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in attrs["srcset"].split(",")]
        if tag == "link" and attrs.get("href"):
            rels = set((attrs.get("rel") or "").lower().split())
            if not rels <= self.NOT_FETCHED:
                self.urls.append(attrs["href"])
        if tag == "form" and attrs.get("action"):
            self.urls.append(attrs["action"])  # a form posting to another host would leak input
        if attrs.get("style"):
            self.inline_styles.append(attrs["style"])
        if tag == "style":
            self._in_style = True
        if tag == "a":
            self._a, self._text = attrs.get("href") or "", []

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "a" and self._a is not None:
            self.links.append((self._a, " ".join("".join(self._text).split())))
            self._a = None

    def handle_data(self, data):
        if self._in_style:
            self.inline_styles.append(data)
        if self._a is not None:
            self._text.append(data)


def parse(text: str) -> Resources:
    parser = Resources()
    parser.feed(text)
    return parser


def css_urls(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return urls


def other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "about"):
        return False
    if parts.scheme and parts.scheme not in ("http", "https"):
        return True
    return bool(parts.netloc) and parts.netloc != SITE_HOST


def resolve(page: Path, site: SiteDir, href: str) -> Path:
    """The built file an internal href of `page` points at (404.html uses /ita/ paths)."""
    href = href.split("#")[0].split("?")[0]
    root = site.path / "site"
    if href.startswith("/ita/"):
        target = root / href[len("/ita/"):]
    elif href.startswith("/"):
        target = root / href[1:]
    else:
        target = (page.parent / href).resolve()
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


# ------------------------------------------------------------------------ fonts and CSS


def test_sarabun_is_self_hosted_woff2_with_swap(site):
    fonts = sorted((site.path / "site/assets/ita/fonts").glob("*.woff2"))
    assert fonts, "no woff2 font published"
    assert len(fonts) <= 2, "at most two weights"
    for font in fonts:
        assert font.read_bytes()[:4] == b"wOF2", font
    assert sum(f.stat().st_size for f in fonts) < 40_000
    assert "SIL OPEN FONT LICENSE" in (site.path / "site/assets/ita/fonts/OFL.txt").read_text(encoding="utf-8")
    css = (site.path / "site/assets/ita/ita.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    assert faces and all("font-display: swap" in face and '"Sarabun"' in face and "U+0E01" in face for face in faces)
    for url in css_urls(css):
        assert (site.path / "site/assets/ita" / url).is_file(), url
    assert re.search(r'--md-text-font:\s*"Sarabun"', css)
    home = site.html("")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    assert re.search(r'<link rel="preload" href="assets/ita/fonts/sarabun-400\.woff2" as="font" type="font/woff2" crossorigin>', home)


def test_tables_are_16px_and_no_css_breaks_thai_words(site):
    css = (site.path / "site/assets/ita/ita.css").read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset table:not\(\[class\]\)\s*{\s*font-size:\s*\.8rem", css)
    sheets = list((site.path / "site").rglob("*.css"))
    assert len(sheets) >= 2
    for sheet in sheets:
        code = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"word-break\s*:\s*break-all", code), sheet
        assert not re.search(r"line-break\s*:\s*anywhere", code), sheet
    for page in pages(site):
        assert "break-all" not in " ".join(parse(page.read_text(encoding="utf-8")).inline_styles), page


# ------------------------------------------------------------------------ no other hosts


def test_nothing_is_fetched_from_another_host(site):
    checked = 0
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        found = parse(text)
        for url in found.urls + [u for s in found.inline_styles for u in css_urls(s)]:
            assert not other_host(url), f"{page_rel(page, site)} fetches {url}"
            checked += 1
    for sheet in (site.path / "site").rglob("*.css"):
        for url in css_urls(sheet.read_text(encoding="utf-8")):
            assert not other_host(url), f"{sheet} loads {url}"
    # Our own scripts name no other host at all (Material's bundle is checked in the browser test).
    for script in (site.path / "site/assets/ita").rglob("*.js"):
        assert not re.search(r"https?://", script.read_text(encoding="utf-8")), script
    assert checked > 20


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")
def test_in_chromium_every_request_stays_home_and_nothing_is_stored(site):
    from playwright.sync_api import sync_playwright

    root = site.path / "serve"
    root.mkdir(exist_ok=True)
    if not (root / "ita").exists():
        (root / "ita").symlink_to(site.path / "site", target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/ita/"
    hosts: set[str] = set()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"])
            context = browser.new_context(viewport={"width": 360, "height": 780})
            page = context.new_page()
            page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
            for path in ("", "2567/o02/", "policies/privacy/", "sitemap/", "404.html"):
                page.goto(base + path, wait_until="networkidle")
                stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]")
                assert stored == [[], [], ""], (path, stored)
                assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")
                assert page.evaluate("[...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded')")
            assert context.cookies() == []
            browser.close()
    finally:
        server.shutdown()
    assert hosts == {urlsplit(base).netloc}, hosts


# ------------------------------------------------------------------------ banner and footer


def test_banner_has_logo_name_colours_and_link_to_main_website(site):
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        rel = page_rel(page, site)
        banner = re.search(r'<header class="ita-banner">(.*?)</header>', text, re.S)
        assert banner, rel
        logo = re.search(r'<img class="ita-banner__logo" src="([^"]+)" alt="([^"]+)"', banner.group(1))
        assert logo and AGENCY in logo.group(2), rel
        assert resolve(page, site, html.unescape(logo.group(1))).is_file(), (rel, logo.group(1))
        assert f'<span class="ita-banner__name">{AGENCY}</span>' in banner.group(1), rel
        assert f'href="{WEBSITE}"' in banner.group(1), rel
        assert re.search(r"<style>:root\{--md-primary-fg-color:#1d6b3a;[^<]*--ita-accent:#b8860b", text), rel
        # Material's own search dialog is never in the header.
        assert 'class="md-search"' not in text, rel
    logo = site.path / "site/brand/logo.png"
    from PIL import Image
    with Image.open(logo) as image:
        assert image.height == LOGO_HEIGHT
    assert logo.stat().st_size < 20_000
    assert 'rel="icon" href="brand/logo.png"' in site.html("")


def test_footer_contact_policies_and_sitemap_on_every_page(site):
    expected = ["เลขที่ 1 หมู่ที่ 2 ถนนทดสอบ ตำบลทดสอบ อำเภอเมือง จังหวัดเชียงใหม่ 50000", "0 5300 0000",
                "0 5300 0001", "saraban@example.go.th", "วันจันทร์–วันศุกร์ 08:30–16:30 น."]
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        rel = page_rel(page, site)
        footer = re.search(r'<footer class="md-footer">(.*?)</footer>', text, re.S)
        assert footer, rel
        block = footer.group(1)
        assert "<address>" in block and AGENCY in block, rel
        for value in expected:
            assert value in block, (rel, value)
        assert 'href="tel:053000000"' in block and 'href="mailto:saraban@example.go.th"' in block, rel
        links = {text_: href for href, text_ in parse(block).links}
        for title in [*POLICY_TITLES.values(), "แผนผังเว็บไซต์"]:
            assert title in links, (rel, title)
            assert resolve(page, site, links[title]).is_file(), (rel, title, links[title])
        assert any(href == WEBSITE for href in links.values()), rel


def test_last_updated_date_in_formal_thai_on_every_content_page(site):
    for page in pages(site):
        if page.name == "404.html" or page.parent.name == "search":
            continue  # the search page shows no data of its own
        text = page.read_text(encoding="utf-8")
        assert '<p class="ita-updated" data-search-exclude>ปรับปรุงข้อมูลล่าสุด <time datetime="2024-01-31">31 มกราคม 2567</time></p>' in text, \
            page_rel(page, site)


def test_thai_digits_follow_the_agency_setting(tmp_path):
    shutil.copytree(MINI, tmp_path / "src")
    site = SiteDir(tmp_path / "src")
    site.write("content/agency.yml", site.file("content/agency.yml").read_text(encoding="utf-8") + "digits: everywhere\n")
    date_content(site)
    assert build(site).returncode == 0
    home = site.html("")
    assert '<time datetime="2024-01-31">๓๑ มกราคม ๒๕๖๗</time>' in home and "© ๒๕๖๗" in home
    # Without logo or contact file the banner and footer still stand, with what there is.
    assert '<header class="ita-banner">' in home and "ita-banner__logo" not in home
    assert "<address>" in home and 'class="ita-footer__label"' not in home


# ------------------------------------------------------------------------ policy pages and sitemap


def test_policy_pages_exist_name_the_agency_and_are_titled(site):
    for path, title in policies.POLICIES:
        text = site.html(path.removesuffix(".md") + "/")
        assert f"<h1 id=\"top\">{title}" in text, path
        assert f"<title>{title} - " in text, path
        assert AGENCY in text.split('<article class="md-content__inner md-typeset">', 1)[1], path
        assert not re.search(r'<h[23] id="_\d+"', text), path
    privacy = site.html("policies/privacy/")
    article = privacy.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>")[0]
    for needle in ("มาตรา 23", "server log", "คุกกี้", "90", "มาตรา 30", "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล",
                   "สำนักปลัดเทศบาล โทร. <a href=\"tel:053000000;ext=9\">0 5300 0000 ต่อ 9</a>", "saraban@example.go.th"):
        assert needle in article, needle
    assert "WCAG 2.2" in site.html("policies/accessibility/")
    assert "72" in site.html("policies/security/")


def test_sitemap_links_every_page(site):
    sitemap = site.path / "site/sitemap/index.html"
    links = {resolve(sitemap, site, href) for href, _ in parse(sitemap.read_text(encoding="utf-8")).links
             if not other_host(href) and not href.startswith(("#", "mailto:", "tel:"))}
    for page in pages(site):
        if page.name == "404.html" or page == sitemap:
            continue
        assert page in links, page_rel(page, site)


def test_an_agency_replaces_a_policy_with_its_own_template(tmp_path):
    shutil.copytree(MINI, tmp_path / "src")
    site = SiteDir(tmp_path / "src")
    site.write("theme/markdown/policies/privacy.md.j2",
               "# {{ title|md }} {#top}\n\nประกาศของ{{ agency.name|md }} ฉบับที่หน่วยงานเขียนเอง\n")
    assert build(site).returncode == 0
    privacy = site.html("policies/privacy/")
    assert f"ประกาศของ{AGENCY} ฉบับที่หน่วยงานเขียนเอง" in privacy
    assert "server log" not in privacy
    assert "server log" not in site.html("policies/website/")  # the others keep the defaults


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def test_hostile_agency_text_stays_inert_in_head_banner_and_footer(tmp_path):
    shutil.copytree(MINI, tmp_path / "src")
    site = SiteDir(tmp_path / "src")
    site.edit("content/agency.yml", f"name: {AGENCY}", 'name: "เทศบาล<script>alert(1)</script>\\" onmouseover=\\"x"')
    site.write("content/contact.yml", CONTACT_YML.replace("เลขที่ 1 หมู่ที่ 2 ถนนทดสอบ", '"\\"><script>alert(2)</script>"')
               .replace("hours: วันจันทร์–วันศุกร์ 08:30–16:30 น.", 'hours: "<img src=x onerror=alert(3)>"'))
    assert build(site).returncode == 0
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>", 1)[0]
        parts = [head] + re.findall(r'<header class="ita-banner">.*?</header>', text, re.S) \
            + re.findall(r'<footer class="md-footer">.*?</footer>', text, re.S)
        assert len(parts) == 3, page
        for part in parts:
            parser = Elements()
            parser.feed(part)
            for tag, attrs in parser.found:
                assert not any(name.startswith("on") for name, _ in attrs), (page, tag, attrs)
            assert "<script>alert" not in part and "<img src=x" not in part, page
        assert "เทศบาล&lt;script&gt;alert(1)&lt;/script&gt;" in text.split('<header class="ita-banner">', 1)[1]


# ------------------------------------------------------------------------ Material's markup


def test_material_toggles_are_valid_and_named(site):
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r'<input class="[^"]*md-toggle[^"]*"[^>]*>', text):
            assert "autocomplete" not in tag, (page_rel(page, site), tag)
            if re.search(r'id="__(drawer|search|toc)"', tag):
                assert re.search(r'aria-label="[^"]+"', tag), (page_rel(page, site), tag)
        if 'id="__toc"' not in text:
            assert 'for="__toc"' not in text, page_rel(page, site)


def test_content_tables_scroll_in_a_focusable_region_named_by_its_own_caption(site):
    item = site.html("2567/o02/")
    regions = re.findall(r'<div class="ita-scroll" role="region" tabindex="0" aria-labelledby="([^"]+)"><table>'
                         r'<caption id="([^"]+)"[^>]*>([^<]+)</caption>', item)
    assert regions and len(regions) == item.count("<table>")
    assert all(label == caption for label, caption, _ in regions)
    assert len({label for label, _, _ in regions}) == len(regions)  # each region its own name
    assert "องค์ประกอบที่ต้องแสดง" in [text for _, _, text in regions]


# ------------------------------------------------------------------------ pure functions


def test_palette_keeps_text_readable():
    for primary in ("#1d6b3a", "#1f4e8c", "#f0e68c", "#ffcc00", "#000000", "#ffffff", "#7f7f7f"):
        made = colours.palette(primary, "#b8860b")
        assert colours.contrast(made["--md-primary-bg-color"], primary) >= 4.5, primary
        assert colours.contrast(made["--md-typeset-a-color"], "#ffffff") >= 4.5, primary
        assert colours.contrast(made["--md-accent-fg-color"], "#ffffff") >= 4.5, primary
        assert colours.contrast("#ffffff", made["--ita-footer-bg"]) >= 9, primary
    dark = colours.palette("#1d6b3a", "#b8860b")
    assert dark["--md-primary-bg-color"] == "#ffffff" and dark["--md-typeset-a-color"] == "#1d6b3a"
    assert colours.palette("#f0e68c", "#b8860b")["--md-primary-bg-color"] == "#000000"
    assert re.fullmatch(r":root\{(--[a-z-]+:#[0-9a-f]{6,8};)*--[a-z-]+:#[0-9a-f]{6,8}\}", colours.css_variables(dark))


def test_contrast_matches_wcag_examples():
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colours.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_theme_context_from_content(tmp_path):
    shutil.copytree(MINI, tmp_path / "src")
    site = SiteDir(tmp_path / "src")
    prepare_site(site)
    loaded = load_all(site.path / "content", site.path / "data", SECTIONS, None, root=site.path)
    context = identity.theme_context(loaded.content, thai.DigitStyle.ARABIC, today=date(2024, 10, 1))
    assert context["name"] == AGENCY and context["website"] == WEBSITE
    assert context["logo"] == "brand/logo.png"
    assert [line["label"] for line in context["contact"]] == ["ที่อยู่", "โทรศัพท์", "โทรสาร", "อีเมล", "เวลาทำการ"]
    assert context["policies"][0] == {"title": "นโยบายเว็บไซต์", "url": "policies/website/"}
    assert context["sitemap"] == "sitemap/"
    formal = identity.theme_context(loaded.content, thai.DigitStyle.FORMAL, today=date(2024, 10, 1))
    assert formal["year_be"] == "2567"  # like the prose of item pages under `formal`
    everywhere = identity.theme_context(loaded.content, thai.DigitStyle.EVERYWHERE, today=date(2024, 10, 1))
    assert everywhere["year_be"] == "๒๕๖๗"


def test_build_date_reads_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727715600")  # 2024-09-30 17:00 UTC = 1 Oct 00:00 Bangkok
    assert identity.build_date() == date(2024, 10, 1)


def test_tel_links_keep_only_the_main_number():
    assert identity._tel("0 5499 0100 ต่อ 213") == "tel:054990100;ext=213"
    assert identity._tel("๐ ๕๔๙๙ ๐๑๐๐") == "tel:054990100"
    assert identity._tel("053-111-222, 053-111-223") == "tel:053111222"


def test_sitemap_groups_pages_by_year_newest_first():
    from site_builder.pages import PageSpec

    specs = [PageSpec(p, p, "") for p in ("index.md", "2567/index.md", "2567/o01.md", "2567/measures.md",
                                          "2568/o01.md", "2568/index.md", "eit-poster.md", "search/index.md",
                                          "procurement/2567-02.md", "procurement/2566-10.md",
                                          "policies/privacy.md", "sitemap.md")]
    groups = policies.sitemap_groups(specs)
    assert [name for name, _ in groups] == ["หน้าทั่วไป", "ITA ปีงบประมาณ 2568", "ITA ปีงบประมาณ 2567",
                                            "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "นโยบายและข้อกำหนดของเว็บไซต์"]
    assert [p.path for p in groups[3][1]] == ["procurement/2566-10.md", "procurement/2567-02.md"]
    assert [p.path for p in groups[0][1]] == ["index.md", "eit-poster.md", "search/index.md"]
    assert [p.path for p in groups[1][1]] == ["2568/index.md", "2568/o01.md"]
    assert [p.path for p in groups[2][1]] == ["2567/index.md", "2567/o01.md", "2567/measures.md"]
    page = policies.sitemap_page(specs, Renderer())
    assert page.path == "sitemap.md"
    assert "- [2567/o01.md](2567/o01.md)" in page.markdown and "## ITA ปีงบประมาณ 2568 {#fy2568}" in page.markdown
    assert "{#procurement}" in page.markdown and "{#policies}" in page.markdown and "{#general}" in page.markdown


def test_permalink_name_keeps_quotes_and_markup_of_the_heading_inert():
    from site_builder.html_fixes import permalinks_after_headings

    heading = ('<h2 id="x">ชื่อ &#60;b&#62; "ab" \' onmouseover=\'x <em>เน้น</em>'
               '<a class="headerlink" href="#x" title="ลิงก์">¶</a></h2>')
    moved = permalinks_after_headings(heading)
    label = re.search(r'<a aria-label="([^"]*)" class="headerlink"', moved)
    assert label, moved
    assert html.unescape(label.group(1)) == "ลิงก์มาที่หัวข้อ ชื่อ <b> \"ab\" ' onmouseover='x เน้น"
