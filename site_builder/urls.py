"""Every public path of the site, in one place: URLs are a promise to the assessors.

Assessors re-check, months later, the URL an agency pasted into ITAS, so each path here is
ASCII, stable and derived from the year, the item number or the file's own name (made ASCII by
public_names.py), never from a Thai title. Pages are named by their Markdown source path (`2567/o02.md`), which is what
MkDocs links between pages with; `page_url` turns one into the directory URL readers see
(`2567/o02/`). Published files are named by their path under the site root. Nothing else in
the package formats a public path: templates and modules call these functions.

`tests/test_urls.py` lists the URL of every page type.
"""

from __future__ import annotations

import posixpath

from .public_names import public_name

# -- pages (Markdown source paths) ------------------------------------------------------------

HOME = "index.md"
SEARCH_DIR = "search"
SEARCH = f"{SEARCH_DIR}/index.md"  # served at /search/ in both MkDocs URL styles
SEARCH_INDEX = f"{SEARCH_DIR}/index.json"
SEARCH_SCRIPT = f"{SEARCH_DIR}/search.js"
SITEMAP = "sitemap.md"
EIT_POSTER = "eit-poster.md"
PROCUREMENT = "procurement/index.md"  # every fiscal year's months, reports and CSV
DOCUMENTS = "documents/index.md"  # every published document, by topic
NOT_FOUND = "404.html"  # the theme's error page, written by the engine
ASSETS_DIR = "assets/ita"


def year(year: int) -> str:
    """The year's overview: every item with its status."""
    return f"{year}/index.md"


def item(year: int, code: str) -> str:
    """One item's page ('o02' → 2567/o02.md)."""
    return f"{year}/{code}.md"


def item_number(year: int, number: int) -> str:
    """One item's page from its number (2 → 2567/o02.md)."""
    return item(year, f"o{number:02d}")


def measures(year: int) -> str:
    """The year's integrity measures report."""
    return f"{year}/measures.md"


def measures_pdf(year: int) -> str:
    """The PDF of the measures report: a file name beside the page (`2567/measures/`)."""
    return f"measures-{year}.pdf"


def itas_csv(year: int) -> str:
    """Item → absolute URL, to paste into the NACC's ITAS (CSV for Excel)."""
    return f"{year}/itas.csv"


def itas_json(year: int) -> str:
    return f"{year}/itas.json"


def procurement_month(be_year: int, month: int) -> str:
    """One month's สขร.1 page, keyed by the BE year and month ('procurement/2566-10.md')."""
    return f"procurement/{be_year}-{month:02d}.md"


def procurement_csv(fiscal_year: int) -> str:
    """Every purchase of a fiscal year as CSV."""
    return f"procurement/{fiscal_year}.csv"


def policy(name: str) -> str:
    """One of the footer's policy pages ('privacy' → policies/privacy.md)."""
    return f"policies/{name}.md"


# -- files ------------------------------------------------------------------------------------

def evidence(file: str) -> str:
    """Where content/files/<file> is published, under an ASCII name (see public_names.py)."""
    return f"files/{public_name(file)}"


def photo(file: str) -> str:
    """Where the web-size copy of the portrait content/files/<file> is published."""
    stem, _ = posixpath.splitext(public_name(file))
    return f"photos/{stem}.webp"


def logo(file: str) -> str:
    """Where the web-size PNG of the logo content/files/<file> is published."""
    stem, _ = posixpath.splitext(public_name(file))
    return f"brand/{posixpath.basename(stem)}.png"


def asset(name: str) -> str:
    """A stylesheet or script of the package ('ita.css' → assets/ita/ita.css)."""
    return f"{ASSETS_DIR}/{name}"


# -- from a path to what readers see ----------------------------------------------------------

def page_url(path: str) -> str:
    """The directory URL of a page's source path, relative to the site root ('2567/o02/')."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def absolute(site_url: str, path: str) -> str:
    """A page's full URL under the site's address (`site_url` may hold a sub-path)."""
    return site_url.rstrip("/") + "/" + page_url(path)


def html_file(path: str, directory_urls: bool = True) -> str:
    """The HTML file the engine writes for a page's source path (`2567/o02/index.html`)."""
    stem = path.removesuffix(".md")
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def built_url(html_path: str) -> str:
    """Site-relative URL of a built HTML file: `2567/o02/index.html` → `2567/o02/`."""
    if html_path == "index.html":
        return ""
    return html_path.removesuffix("index.html") if html_path.endswith("/index.html") else html_path


def relative(source: str, target: str) -> str:
    """A link from the page `source` to `target`, relative as MkDocs expects in Markdown."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")
