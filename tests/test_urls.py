"""The public URL scheme, page type by page type: assessors re-check these URLs months later,
so a change here is a broken promise (site_builder/urls.py)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from site_builder import urls
from site_builder.site import prepare

ROOT = Path(__file__).resolve().parent.parent


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:8]


# (what, source path or file, the URL readers see under the site root)
GOLDEN = [
    ("home", urls.HOME, ""),
    ("year overview", urls.year(2567), "2567/"),
    ("item", urls.item(2567, "o02"), "2567/o02/"),
    ("item by number", urls.item_number(2567, 2), "2567/o02/"),
    ("measures report", urls.measures(2567), "2567/measures/"),
    ("measures PDF, beside its page", urls.measures_pdf(2567), "measures-2567.pdf"),
    ("ITAS export, CSV", urls.itas_csv(2567), "2567/itas.csv"),
    ("ITAS export, JSON", urls.itas_json(2567), "2567/itas.json"),
    ("procurement index", urls.PROCUREMENT, "procurement/"),
    ("procurement month (BE year)", urls.procurement_month(2566, 10), "procurement/2566-10/"),
    ("procurement year CSV", urls.procurement_csv(2567), "procurement/2567.csv"),
    ("evidence file", urls.evidence("plan-2567.pdf"), "files/plan-2567.pdf"),
    ("evidence file, Thai name", urls.evidence("แผน 2567.pdf"), "files/2567-" + sha("แผน 2567.pdf") + ".pdf"),
    ("portrait", urls.photo("people/mayor.jpg"), "photos/people/mayor.webp"),
    ("logo", urls.logo("img/Emblem.JPG"), "brand/Emblem.png"),
    ("logo, top folder", urls.logo("logo.png"), "brand/logo.png"),
    ("search page", urls.SEARCH, "search/"),
    ("search index", urls.SEARCH_INDEX, "search/index.json"),
    ("sitemap", urls.SITEMAP, "sitemap/"),
    ("every published document", urls.DOCUMENTS, "documents/"),
    ("policy", urls.policy("privacy"), "policies/privacy/"),
    ("EIT poster", urls.EIT_POSTER, "eit-poster/"),
    ("stylesheet", urls.asset("ita.css"), "assets/ita/ita.css"),
]


def _served(path: str) -> str:
    return urls.page_url(path) if path.endswith(".md") else path


def test_every_page_type_has_its_promised_url():
    assert [(what, _served(path)) for what, path, _ in GOLDEN] == [(what, url) for what, _, url in GOLDEN]


def test_urls_under_a_sub_path_and_as_built_files():
    assert urls.absolute("https://www.example.go.th/ita/", urls.item(2567, "o02")) == \
        "https://www.example.go.th/ita/2567/o02/"
    assert urls.absolute("https://www.example.go.th/ita", urls.HOME) == "https://www.example.go.th/ita/"
    assert urls.html_file(urls.item(2567, "o02")) == "2567/o02/index.html"
    assert urls.html_file(urls.item(2567, "o02"), directory_urls=False) == "2567/o02.html"
    assert urls.html_file(urls.SEARCH, directory_urls=False) == "search/index.html"
    assert urls.built_url("2567/o02/index.html") == "2567/o02/"
    assert urls.built_url("index.html") == ""
    assert urls.relative(urls.item(2567, "o02"), urls.evidence("a.pdf")) == "../files/a.pdf"


# Every page of the demo site is of one of the types above: a new page type needs a URL here.
PAGE_PATTERNS = [
    r"index\.md", r"\d{4}/index\.md", r"\d{4}/o\d{2}\.md", r"\d{4}/measures\.md",
    r"procurement/index\.md", r"procurement/\d{4}-\d{2}\.md", r"documents/index\.md", r"search/index\.md", r"sitemap\.md", r"policies/[a-z]+\.md",
    r"eit-poster\.md",
]
FILE_PATTERNS = [r"\d{4}/itas\.(csv|json)", r"procurement/\d{4}\.csv"]


def test_the_demo_site_has_only_known_page_types():
    prepared = prepare(ROOT, ROOT / "content", ROOT / "data", [], "https://www.example.go.th/ita/")
    pages = [p.path for p in prepared.site.pages]
    files = [f.path for f in prepared.site.files]
    assert [p for p in pages if not any(re.fullmatch(r, p) for r in PAGE_PATTERNS)] == []
    assert [f for f in files if not any(re.fullmatch(r, f) for r in FILE_PATTERNS)] == []
    # Each page type is present in the demo, so the test above is not vacuous.
    for pattern in PAGE_PATTERNS:
        assert any(re.fullmatch(pattern, p) for p in pages), pattern
