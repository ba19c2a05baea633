"""Site search that finds Thai words inside unspaced Thai text.

Thai is written without spaces between words, and word cutters disagree: a
cutter splits a word one way inside a sentence and another way in a short
query, so an index of cut words misses exact titles. This search does not cut
words at all. At build time it stores the visible text of every page (title,
headings, body of the main content area) as sections; in the browser,
`assets/search.js` folds the text and the query the same way (`search_fold.py`) and matches by
substring: every space-separated term of the query must occur in the page.

Both sides fold identically and without changing the length of the text, so
a match offset is also a position in the stored text (for the snippet):

- here, at build time: NFC; zero-width characters and soft hyphens removed;
  Thai SARA AM typed as NIKHAHIT + SARA AA (as PDF extraction gives it) made
  one SARA AM; a tone mark typed before an upper or lower vowel put after it;
  runs of white space made one space, block boundaries one newline;
- in the browser, on index and query alike: A–Z lower-cased, Thai digits
  ๐–๙ read as 0–9, dashes (‐ ‑ ‒ – — ― −) read as "-", and spaces ignored (a term matches across a space inside a
  paragraph, never across a block boundary).

Public API (the MkDocs plugin calls these):

- `build_search(site_dir, extracted)` in `on_post_build`: writes the index under `search/`
  (`index.json` and the files it points to, cut by `search_shards.py`) and copies
  `search/search.js` into the built site; returns `SearchStats`.
- the search page itself is `templates/search.md.j2`, rendered with the other pages
  (pages.py) at `urls.SEARCH` (`search/index.md`); it loads `search.js` by a path relative
  to itself.
- `build_index(site_dir)` / `write_index(site_dir, index)`: the pure parts; the text of one
  page is `search_text.extract_page`.
"""

from __future__ import annotations

import gzip
import posixpath
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import search_shards, urls
from .search_text import PageText, extract_page

ASSETS = Path(__file__).parent / "assets"

SEARCH_DIR = urls.SEARCH_DIR
INDEX_NAME = posixpath.basename(urls.SEARCH_INDEX)  # Material's own search writes search_index.json
SCRIPT_NAME = posixpath.basename(urls.SEARCH_SCRIPT)
INDEX_VERSION = 2  # 2: sharded (search_shards.py)

# Site paths never indexed: the search page itself and the not-found page.
DEFAULT_EXCLUDE = (urls.NOT_FOUND, f"{SEARCH_DIR}/index.html", f"{SEARCH_DIR}.html")

# ---------------------------------------------------------------- indexing


def _order_key(url: str) -> tuple:
    """Home first, then by path; numeric segments (years) newest first, item numbers in order."""
    key: list[tuple] = []
    for seg in url.strip("/").split("/"):
        if seg.isdigit():
            key.append((0, -int(seg), ""))
        else:
            chunks = re.split(r"(\d+)", seg)
            key.append((1, 0, tuple((int(c), "") if c.isdigit() else (-1, c) for c in chunks if c)))
    return (len(url) > 0, tuple(key))


def build_index(site_dir: Path | str, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                extracted: Mapping[str, PageText | None] | None = None) -> dict:
    """Read every built HTML page under `site_dir` and return the search index (a JSON-able dict).

    `extracted` holds the text of pages already read while the build wrote them (site-relative
    path → `extract_page` result); they are not read again. Pure apart from reading files.
    """
    site = Path(site_dir)
    extracted = extracted or {}
    pages: list[PageText] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in exclude or rel.startswith(SEARCH_DIR + "/"):
            continue
        if rel in extracted:
            page = extracted[rel]
        else:
            page = extract_page(path.read_text(encoding="utf-8", errors="replace"), urls.built_url(rel))
        if page is not None:
            pages.append(page)
    pages.sort(key=lambda p: _order_key(p.url))
    # Section texts are stored once: the same topic often fills the pages of several years.
    texts: list[str] = []
    numbers: dict[str, int] = {}

    def number(text: str) -> int:
        if text not in numbers:
            numbers[text] = len(texts)
            texts.append(text)
        return numbers[text]

    return {
        "v": INDEX_VERSION,
        # Page URLs are relative to the site root, which is `root` relative to the index file.
        "root": posixpath.relpath(".", SEARCH_DIR) + "/",
        # [url, title, [[heading id, heading, number of the text in `texts`], ...]]
        "pages": [[p.url, p.title, [[a, h, number(t)] for a, h, t in p.sections]] for p in pages],
        "texts": texts,
    }


def write_index(site_dir: Path | str, index: dict, cache_dir: Path | None = None) -> dict[str, bytes]:
    """Write the sharded index under search/ (`search_shards`); returns path → bytes written."""
    out = Path(site_dir) / SEARCH_DIR
    written = {name: text.encode() for name, text in search_shards.shard(index, cache_dir).items()}
    for folder in {posixpath.dirname(name) for name in written}:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for name, data in written.items():
        with open(out / name, "wb") as handle:
            handle.write(data)
    return written


@dataclass(frozen=True)
class SearchStats:
    pages: int
    index_bytes: int  # every file of the index
    files: int
    head_gzip_bytes: int  # index.json, fetched by every first query
    script_bytes: int
    script_gzip_bytes: int

    def __str__(self) -> str:
        return (
            f"search: {self.pages} pages, index {self.index_bytes / 1024:.1f} KB in {self.files} files "
            f"(head {self.head_gzip_bytes / 1024:.1f} KB gzip), search.js {self.script_gzip_bytes / 1024:.1f} KB gzip"
        )


def _gz(data: bytes) -> int:
    # Level 6 is what web servers use at most by default; 9 took a quarter of the index time.
    return len(gzip.compress(data, 6, mtime=0))


def build_search(site_dir: Path | str, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 extracted: Mapping[str, PageText | None] | None = None, cache_dir: Path | None = None) -> SearchStats:
    """Index the built site and put the search assets beside the search page (`on_post_build`);
    `cache_dir` keeps the cut grams between builds (`search_shards`)."""
    site = Path(site_dir)
    index = build_index(site, exclude, extracted)
    written = write_index(site, index, cache_dir)
    script = site / SEARCH_DIR / SCRIPT_NAME
    shutil.copyfile(ASSETS / SCRIPT_NAME, script)
    js = script.read_bytes()
    return SearchStats(len(index["pages"]), sum(map(len, written.values())), len(written), _gz(written[INDEX_NAME]),
                       len(js), _gz(js))


