"""The measures report as a PDF: the built page's print view, rendered by headless Chromium.

An optional extra of the build (the lead wires it to a plugin option): it needs the `playwright`
Python package and a system Chromium (Debian: `apt-get install chromium fonts-thai-tlwg`).
Playwright's own browser download is never used; the page is opened from the built file with
every request to another host blocked, so the PDF is what the site's own files show.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
DEFAULT_CHROMIUM = "/usr/bin/chromium"


class PdfUnavailable(RuntimeError):
    """Playwright or Chromium is missing: the build goes on without the PDF."""


def chromium_path() -> str:
    """The system Chromium: $ITA_CHROMIUM, /usr/bin/chromium, or one on PATH."""
    for candidate in (os.environ.get("ITA_CHROMIUM"), DEFAULT_CHROMIUM,
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    raise PdfUnavailable("ไม่พบ Chromium (apt-get install chromium fonts-thai-tlwg) — no system Chromium found")


def pdf_path_for(html_path: Path) -> Path:
    """Where the PDF goes: next to the page. `2567/measures/index.html` → `2567/measures/measures-2567.pdf`;
    `2567/measures.html` → `2567/measures.pdf`."""
    if html_path.name == "index.html":
        folder = html_path.parent
        year = folder.parent.name
        stem = f"{folder.name}-{year}" if year.isdigit() else folder.name
        return folder / f"{stem}.pdf"
    return html_path.with_suffix(".pdf")


def render_pdf(html_path: Path | str, pdf_path: Path | str | None = None, *, timeout_ms: int = 60_000) -> Path:
    """Print the built HTML page `html_path` to an A4 PDF next to it (or at `pdf_path`).

    The page's print stylesheet decides the page size (A4 landscape for the measures report),
    margins and page numbers. Returns the PDF's path.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise PdfUnavailable("ต้องติดตั้งแพ็กเกจ playwright (pip install playwright) — playwright is not installed") from err

    html_path = Path(html_path).resolve()
    if not html_path.is_file():
        raise FileNotFoundError(html_path)
    target = Path(pdf_path) if pdf_path else pdf_path_for(html_path)
    target.parent.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # Only the site's own files: no fonts, scripts or trackers from other hosts.
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            page.goto(html_path.as_uri(), wait_until="load", timeout=timeout_ms)
            page.emulate_media(media="print")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.pdf(
                path=str(target),
                prefer_css_page_size=True,
                print_background=True,
                format="A4",
                landscape=True,
                margin={"top": "18mm", "right": "15mm", "bottom": "15mm", "left": "20mm"},
            )
        finally:
            browser.close()
    return target
