"""Helpers the quality gates share: serve a built site under its real sub-path, list its
pages, launch Debian's Chromium, run the Nu HTML checker.

Everything here runs offline against a local build; nothing downloads a browser.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_FILTERS = Path(__file__).parent / "vnu-filters.txt"

# WCAG 2.2 AA and everything below it (docs/quality.md).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                                    "(make test installs the Debian package)")


def site_url_of(project: Path) -> str:
    """`site_url` of a project's mkdocs.yml (the demo's is https://www.bansuanluang.go.th/ita/)."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !ENV / !relative tags: read them as plain values.
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    return config.get("site_url") or "/"


def base_path(site_url: str) -> str:
    """The sub-path the site lives under, with slashes: '/ita/'."""
    path = urllib.parse.urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path, sub_path: str = "/", handler: type[http.server.BaseHTTPRequestHandler] | None = None
          ) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><sub_path> in a thread; yields that URL.

    The site is placed under its sub-path (a symlink in a temporary root) so that absolute
    links the theme writes (404.html uses `/ita/...`) resolve as they will in production.
    """
    with tempfile.TemporaryDirectory(prefix="ita-serve-") as tmp:
        www = Path(tmp)
        target = www / sub_path.strip("/") if sub_path.strip("/") else None
        if target is None:
            www = Path(site_dir).resolve()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(Path(site_dir).resolve(), target_is_directory=True)
        handler_class = functools.partial(handler or _QuietHandler, directory=str(www))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
        finally:
            server.shutdown()
            server.server_close()


def page_paths(site_dir: Path, site_url: str) -> list[str]:
    """Every page of a build, relative to the site root ('', '2567/', '2567/o02/', '404.html').

    The pages listed in sitemap.xml, plus any other HTML file of the build (404.html, pages
    left out of the sitemap), so that no generated page escapes the gates.
    """
    paths: list[str] = []
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        prefix = site_url if site_url.endswith("/") else site_url + "/"
        for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", ns):
            url = (loc.text or "").strip()
            if url.startswith(prefix):
                paths.append(url[len(prefix):])
            else:  # a site_url-less build writes relative locations
                paths.append(url.lstrip("/"))
    listed = set(paths)
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        as_url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        if as_url not in listed:
            paths.append(as_url)
            listed.add(as_url)
    return paths


def page_weight():
    """tools/page_weight.py as a module (tools/ is not a package)."""
    import importlib.util
    import sys

    if "page_weight" not in sys.modules:
        spec = importlib.util.spec_from_file_location("page_weight", ROOT / "tools" / "page_weight.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["page_weight"] = module
        spec.loader.exec_module(module)
    return sys.modules["page_weight"]


@contextlib.contextmanager
def chromium():
    """One headless Debian Chromium for a whole module (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ------------------------------------------------------------------------------------ vnu


def vnu_filters() -> list[tuple[str, str]]:
    """(pattern, reason) pairs from vnu-filters.txt: each pattern follows its `# reason` lines."""
    if not VNU_FILTERS.is_file():
        return []
    filters, reason = [], []
    for line in VNU_FILTERS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            reason.append(line.lstrip("# ").strip())
        elif line.strip():
            filters.append((line.strip(), " ".join(reason)))
            reason = []
        else:
            reason = []
    return filters


def vnu(paths: list[Path]) -> list[dict]:
    """Errors of the Nu HTML checker on files or directories (HTML only), after the filters."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("The Nu HTML checker needs java (Debian default-jre-headless) and "
                    f"{VNU_JAR.relative_to(ROOT)} (npm ci): run `make test-deps`")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json",
         *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    except json.JSONDecodeError:
        pytest.fail(f"vnu did not give JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    patterns = [re.compile(p) for p, _ in vnu_filters()]
    errors = [m for m in messages if m.get("type") == "error"
              or (m.get("type") == "non-document-error")]
    return [m for m in errors if not any(p.fullmatch(m.get("message", "")) for p in patterns)]


def vnu_report(errors: list[dict], root: Path, examples: int = 3) -> str:
    """Errors grouped by message: how many, on how many pages, and a few places with the
    offending markup."""
    groups: dict[str, list[dict]] = {}
    for m in sorted(errors, key=lambda m: (m.get("url", ""), m.get("lastLine", 0))):
        groups.setdefault(m.get("message", ""), []).append(m)
    lines = []
    for message, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        pages = {m.get("url") for m in items}
        lines.append(f"{len(items)} × on {len(pages)} pages: {message}")
        for m in items[:examples]:
            path = m.get("url", "").removeprefix("file:")
            with contextlib.suppress(ValueError):
                path = str(Path(path).relative_to(root))
            extract = re.sub(r"\s+", " ", (m.get("extract") or "")).strip()
            lines.append(f"    {path}:{m.get('lastLine', '?')}: {extract[:160]}")
    return "\n".join(lines)
