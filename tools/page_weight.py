"""Page weight and privacy of a built site, as a first-time visitor's browser sees it.

Serves site/ on 127.0.0.1 under its real sub-path (`/ita/`) with a small threaded HTTP
server that gzips text responses (level 6, as nginx `gzip_comp_level 6` or Apache
mod_deflate's default would; fonts and images are sent as they are), opens each page type
in Debian's Chromium with an empty profile (new context: no cache, no cookies), waits until
the network is idle, and records every request. Bytes are *transferred* bytes: the encoded
(gzip) response body plus the response headers, as Lighthouse counts them.

Prints per page: bytes by type (html, css, js, font, image, other), total, JS total,
requests, requests to other hosts, cookies set, and Web Storage keys written.
Exit 1 when a page is over budget: > 100 KB total, > 40 KB JavaScript, any request to
another host, any cookie (docs/quality.md). Search assets must load only when searching: the
search page is measured without a query.

    .venv/bin/python tools/page_weight.py [SITE_DIR] [-f mkdocs.yml] [--all] [--json]

SITE_DIR defaults to site/; the sub-path comes from site_url in mkdocs.yml. --all measures
every HTML page instead of one page of each type (home, year index, heaviest item of the
newest year, measures report, search page, 404).

Importable: `measure(site_dir, sub_path, pages)` returns PageWeight records and
`over_budget(weights)` the lines that break the budget.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import re
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]

KB = 1024
BUDGET_TOTAL = 100 * KB
BUDGET_JS = 40 * KB
GZIP_LEVEL = 6
TYPES = ("html", "css", "js", "font", "image", "other")

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json|x-javascript)|image/svg\+xml)")


# ---------------------------------------------------------------------------- server


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzipped when the client accepts gzip. Never logs."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".mjs": "application/javascript",
                      ".woff2": "font/woff2", ".woff": "font/woff", ".json": "application/json",
                      ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"}

    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the slash URL
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()  # 404
        ctype = self.guess_type(path)
        with open(path, "rb") as handle:
            body = handle.read()
        encoding = None
        if COMPRESSIBLE.match(ctype) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            encoding = "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site_dir: Path, sub_path: str = "/", handler=GzipHandler) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:<free port><sub_path>; yields that URL."""
    with tempfile.TemporaryDirectory(prefix="ita-weight-") as tmp:
        www = Path(tmp)
        inner = sub_path.strip("/")
        if inner:
            mount = www / inner
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(Path(site_dir).resolve(), target_is_directory=True)
        else:
            www = Path(site_dir).resolve()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(www)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{sub_path if sub_path.endswith('/') else sub_path + '/'}"
        finally:
            server.shutdown()
            server.server_close()


# ---------------------------------------------------------------------------- pages


def page_types(site_dir: Path) -> dict[str, str]:
    """One page of each type, as paths under the site root: label → path."""
    site_dir = Path(site_dir)
    found: dict[str, str] = {"home": ""}
    years = sorted((p.name for p in site_dir.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)
                    and (p / "index.html").is_file()), reverse=True)
    if years:
        year = years[0]
        found["year index"] = f"{year}/"
        item = heaviest_item(site_dir, year)
        if item:
            found["item (heaviest)"] = f"{year}/{item}/"
        for year_ in years:
            if (site_dir / year_ / "measures" / "index.html").is_file():
                found["measures"] = f"{year_}/measures/"
                break
    if (site_dir / "search" / "index.html").is_file():
        found["search (no query)"] = "search/"
    if (site_dir / "404.html").is_file():
        found["404"] = "404.html"
    return found


class _Refs(HTMLParser):
    """Images and icons a page asks for (img src, link rel=icon)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "img" and a.get("src"):
            self.images.append(a["src"])
        elif tag == "link" and "icon" in (a.get("rel") or "").split() and a.get("href"):
            self.images.append(a["href"])


def page_bytes(site_dir: Path, path: str) -> int:
    """Bytes of what is particular to one page, read from files: its HTML gzipped (level 6)
    plus every local image it references (img src, icon), sent as they are."""
    site_dir = Path(site_dir)
    file = site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)
    html = file.read_bytes()
    refs = _Refs()
    refs.feed(html.decode("utf-8", "replace"))
    total = len(gzip.compress(html, compresslevel=GZIP_LEVEL, mtime=0))
    for src in set(refs.images):
        parts = urllib.parse.urlsplit(src)
        if parts.scheme or parts.netloc:
            continue
        target = (file.parent / urllib.parse.unquote(parts.path)).resolve()
        if target.is_file():
            total += target.stat().st_size
    return total


def heaviest_item(site_dir: Path, year: str) -> str | None:
    items = [p for p in (Path(site_dir) / year).iterdir() if re.fullmatch(r"o\d+", p.name) and (p / "index.html").is_file()]
    if not items:
        return None
    return max(items, key=lambda p: page_bytes(site_dir, f"{year}/{p.name}/")).name


def estimate_all(site_dir: Path, weights: list[PageWeight]) -> dict[str, int]:
    """Every HTML page's bytes, estimated without a browser: the largest shared part
    measured in the browser (css, js, fonts, other: the same files on every page) plus the
    page's own HTML and all its images (`page_bytes`; lazy images too, as if the visitor
    scrolled to the end, so an upper bound), with 300 bytes of headers each."""
    shared = max((w.by_type["css"] + w.by_type["js"] + w.by_type["font"] + w.by_type["other"] for w in weights),
                 default=0)
    return {"/" + path: shared + page_bytes(site_dir, path) + 300 * 2 for path in all_pages(site_dir).values()}


def all_pages(site_dir: Path) -> dict[str, str]:
    pages = {}
    for html in sorted(Path(site_dir).rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages["/" + path] = path
    return pages


# ---------------------------------------------------------------------------- measuring


@dataclass
class PageWeight:
    label: str
    path: str
    by_type: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    requests: int = 0
    other_hosts: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    storage_keys: list[str] = field(default_factory=list)
    resources: list[tuple[str, str, int]] = field(default_factory=list)  # (type, url path, bytes)

    @property
    def total(self) -> int:
        return sum(self.by_type.values())

    @property
    def js(self) -> int:
        return self.by_type["js"]


def _kind(resource_type: str, content_type: str, url: str) -> str:
    content_type = content_type.lower()
    if resource_type == "document" or "text/html" in content_type:
        return "html"
    if resource_type == "stylesheet" or "text/css" in content_type:
        return "css"
    if resource_type == "script" or "javascript" in content_type:
        return "js"
    if resource_type == "font" or content_type.startswith("font/") or url.endswith((".woff2", ".woff", ".ttf")):
        return "font"
    if resource_type == "image" or content_type.startswith("image/"):
        return "image"
    return "other"


def measure(site_dir: Path, sub_path: str = "/", pages: dict[str, str] | None = None,
            viewport: dict | None = None) -> list[PageWeight]:
    """Load each page once in a fresh browser context and count what it transfers."""
    from playwright.sync_api import sync_playwright

    pages = pages if pages is not None else page_types(site_dir)
    results = []
    with serve(site_dir, sub_path) as base, sync_playwright() as p:
        own = urllib.parse.urlsplit(base).netloc
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for label, path in pages.items():
                context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800})
                finished, failed = [], []
                context.on("requestfinished", lambda request, found=finished: found.append(request))
                context.on("requestfailed", lambda request, lost=failed: lost.append(request))
                page = context.new_page()
                response = page.goto(base + path, wait_until="networkidle")
                status = response.status if response else 0
                weight = PageWeight(label, "/" + path)
                if status != 200 and not path.endswith("404.html"):
                    weight.failed.append(f"{base + path}: HTTP {status}")
                for request in finished:
                    parts = urllib.parse.urlsplit(request.url)
                    if parts.scheme not in ("http", "https"):
                        continue  # data: and blob: URLs cost nothing on the wire
                    weight.requests += 1
                    if parts.netloc != own:
                        weight.other_hosts.append(request.url)
                    sizes = request.sizes()
                    response_ = request.response()
                    content_type = response_.headers.get("content-type", "") if response_ else ""
                    size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    kind = _kind(request.resource_type, content_type, parts.path)
                    weight.by_type[kind] += size
                    weight.resources.append((kind, parts.path, size))
                for request in failed:
                    parts = urllib.parse.urlsplit(request.url)
                    if parts.netloc and parts.netloc != own:
                        weight.other_hosts.append(request.url)
                    weight.failed.append(f"{request.url}: {request.failure}")
                weight.cookies = [f"{c['name']}@{c['domain']}" for c in context.cookies()]
                weight.storage_keys = page.evaluate(
                    "() => [...Object.keys(localStorage).map(k => 'local:' + k),"
                    " ...Object.keys(sessionStorage).map(k => 'session:' + k)]")
                results.append(weight)
                context.close()
        finally:
            browser.close()
    return results


def over_budget(weights: list[PageWeight], total: int = BUDGET_TOTAL, js: int = BUDGET_JS) -> list[str]:
    """One line per broken budget: page, what, how much."""
    lines = []
    for w in weights:
        if w.total > total:
            lines.append(f"{w.path}: {w.total / KB:.1f} KB transferred > {total / KB:.0f} KB")
        if w.js > js:
            lines.append(f"{w.path}: {w.js / KB:.1f} KB JavaScript > {js / KB:.0f} KB")
        for url in sorted(set(w.other_hosts)):
            lines.append(f"{w.path}: request to another host: {url}")
        for cookie in w.cookies:
            lines.append(f"{w.path}: cookie set: {cookie}")
        for failure in w.failed:
            lines.append(f"{w.path}: failed request: {failure}")
    return lines


def table(weights: list[PageWeight]) -> str:
    head = f"{'page':<20} {'path':<24}" + "".join(f"{t:>7}" for t in TYPES) + \
        f"{'total':>8}{'JS':>7}{'reqs':>6}{'hosts':>6}{'cookies':>8}  storage"
    lines = [head, "-" * len(head)]
    for w in weights:
        lines.append(f"{w.label[:20]:<20} {w.path[:24]:<24}" + "".join(f"{w.by_type[t] / KB:7.1f}" for t in TYPES)
                     + f"{w.total / KB:8.1f}{w.js / KB:7.1f}{w.requests:6d}{len(set(w.other_hosts)):6d}"
                     f"{len(w.cookies):8d}  {', '.join(w.storage_keys) or '-'}")
    lines.append(f"KB = 1024 bytes transferred (gzip -{GZIP_LEVEL} for text, headers included). "
                 f"Budget: total ≤ {BUDGET_TOTAL // KB} KB, JS ≤ {BUDGET_JS // KB} KB, 0 other hosts, 0 cookies.")
    return "\n".join(lines)


def _site_url(config: Path) -> str:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) if config.is_file() else {}
    return (data or {}).get("site_url") or "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"),
                        help="mkdocs.yml whose site_url gives the sub-path (default: ./mkdocs.yml)")
    parser.add_argument("--sub-path", help="serve under this path instead, e.g. /ita/")
    parser.add_argument("--all", action="store_true", help="every HTML page, not one per type")
    parser.add_argument("--resources", action="store_true", help="list every request with its size")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}/index.html not found: build the site first (make site)", file=sys.stderr)
        return 2
    sub_path = args.sub_path or urllib.parse.urlsplit(_site_url(args.config)).path or "/"
    pages = all_pages(args.site_dir) if args.all else page_types(args.site_dir)
    weights = measure(args.site_dir, sub_path, pages)
    failures = over_budget(weights)
    if args.json:
        print(json.dumps([{**asdict(w), "total": w.total, "js": w.js} for w in weights], ensure_ascii=False, indent=1))
    else:
        print(table(weights))
        if args.resources:
            for w in weights:
                print(f"\n{w.path}")
                for kind, path, size in sorted(w.resources, key=lambda r: -r[2]):
                    print(f"  {kind:<6}{size / KB:7.1f} KB  {path}")
    if failures:
        print("\nOVER BUDGET:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
