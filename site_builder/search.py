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
- `build_index(site_dir)` / `write_index(site_dir, index)`: the pure parts.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from . import search_shards, urls
from .search_fold import fold, normalize, squeeze  # noqa: F401  (fold, squeeze: this module's API too)

ASSETS = Path(__file__).parent / "assets"

SEARCH_DIR = urls.SEARCH_DIR
INDEX_NAME = "index.json"  # site/search/index.json (Material's own search writes search_index.json)
SCRIPT_NAME = "search.js"
INDEX_VERSION = 2  # 2: sharded (search_shards.py)

# Site paths never indexed: the search page itself and the not-found page.
DEFAULT_EXCLUDE = (urls.NOT_FOUND, f"{SEARCH_DIR}/index.html", f"{SEARCH_DIR}.html")

_WHITE = re.compile(r"\s+")

# ---------------------------------------------------------------- extracting

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "template", "noscript", "svg", "math", "nav", "button", "select", "textarea",
         "iframe", "object", "canvas", "audio", "video", "form", "dialog"}
# Elements whose boundaries separate text (so words of two cells never run together).
_BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
          "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
# Material's furniture inside the article: permalinks, edit buttons, source-file dates, tooltips.
_SKIP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-tags", "md-feedback", "md-annotation",
                 "md-clipboard", "md-dialog", "md-top", "md-nav", "md-footer", "md-header", "md-sidebar"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NO_ATTRS: dict[str, str] = {}
_NO_CLASSES: set[str] = set()


@dataclass
class Section:
    anchor: str  # heading id, "" before the first heading
    heading: str
    parts: list[str]


# One token of HTML: a comment, a start or end tag (name, attributes, "/" of a
# self-closing tag), a declaration or processing instruction, or text.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<(/?)([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>"
    r"|<[!?][^>]*>"
    r"|([^<]+|<)",
    re.S,
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = {"script", "style", "textarea", "title"}


def _feed(parser: _Extractor, html: str) -> None:
    """Tokenize `html` and call the parser's handlers, as `html.parser.HTMLParser` would.

    The pages are generated, so a regular tokenizer suffices; it is several times
    faster than HTMLParser, whose per-tag work dominated the index time.
    """
    pos, end = 0, len(html)
    while pos < end:
        m = _TOKEN.match(html, pos)
        assert m is not None  # the last alternative of _TOKEN matches any one character
        pos = m.end()
        closing, name, attr_text, self_closing, text = m.groups()
        if text is not None:
            parser.handle_data(unescape(text) if "&" in text else text)
        elif name is None:
            continue  # comment, doctype, processing instruction
        elif closing:
            parser.handle_endtag(name.lower())
        else:
            tag = name.lower()
            attrs = [(a.lower(), unescape(v or w or x)) for a, v, w, x in _ATTR.findall(attr_text)] if attr_text else []
            parser.handle_starttag(tag, attrs)
            if self_closing:
                parser.handle_endtag(tag)
            elif tag in _RAW_TEXT:
                close = re.compile(f"</{tag}\\s*>", re.I).search(html, pos)
                stop = close.start() if close else end
                if pos < stop:
                    parser.handle_data(html[pos:stop] if tag != "title" else unescape(html[pos:stop]))
                parser.handle_endtag(tag)
                pos = close.end() if close else end


class _Extractor:
    """Collects title, headings and text of a page's main content area."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, str]] = []  # (tag, role) role in {"", "root", "skip", "heading"}
        self.open_tags: list[str] = []  # the tags of `stack`, to find an end tag's element quickly
        self.root_kind = ""  # "article" (Material) beats "main" beats nothing
        self.done = False
        self.depth_root = 0  # >0 while inside the chosen root
        self.skip = 0
        self.head_title: list[str] = []
        self.in_head_title = False
        self.in_body = False
        self.noindex = False
        self.excluded_page = False
        self.h1: list[str] = []
        self.sections: list[Section] = [Section("", "", [])]
        self.heading: tuple[str, list[str]] | None = None  # (tag, parts) while inside a heading

    # The main area is `article.md-content__inner` (Material), else `main`,
    # else `[role=main]`. Text is only collected inside it.
    def _start_root(self, tag: str, attrs: dict[str, str], classes: set[str]) -> None:
        self.root_kind = "article" if tag == "article" and "md-content__inner" in classes else "main"
        self.depth_root = 1
        self.stack, self.open_tags = [(tag, "root")], [tag]
        self.skip = 0
        self.heading = None
        self.sections = [Section("", "", [])]
        self.h1 = []
        if "data-search-exclude" in attrs:
            self.excluded_page = True

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str]]) -> None:
        attrs = dict(attr_list) if attr_list else _NO_ATTRS
        if tag == "meta" and attrs.get("name", "").lower() == "robots" and "noindex" in attrs.get("content", "").lower():
            self.noindex = True
        elif tag == "body":
            self.in_body = True
        elif tag == "title" and not self.in_body:
            self.in_head_title = True
        if self.done:
            return
        class_attr = attrs.get("class")
        classes = set(class_attr.split()) if class_attr else _NO_CLASSES
        if not self.depth_root:
            if (tag == "article" and "md-content__inner" in classes) or tag == "main" or attrs.get("role") == "main":
                self._start_root(tag, attrs, classes)
            return
        if tag == "article" and "md-content__inner" in classes and self.root_kind == "main":
            self._start_root(tag, attrs, classes)  # tighter root found inside <main>: restart there
            return
        if tag in _BLOCK:
            self._text("\n")
        if tag == "img" and not self.skip and attrs.get("alt"):
            self._text(" " + attrs["alt"] + " ")
        if tag in _VOID:
            return
        role = ""
        if (attrs and (classes & _SKIP_CLASSES or "data-search-exclude" in attrs or "hidden" in attrs
                      or attrs.get("aria-hidden") == "true")) or tag in _SKIP:
            role = "skip"
            self.skip += 1
        elif tag in _HEADINGS and not self.skip and self.heading is None:
            role = "heading"
            self.heading = (tag, [])
            if tag != "h1":
                self.sections.append(Section(attrs.get("id", ""), "", []))
        self.stack.append((tag, role))
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_head_title = False
        if self.done or not self.depth_root or tag in _VOID:
            return
        if tag not in self.open_tags:
            return  # stray end tag
        while self.stack:
            t, role = self.stack.pop()
            self.open_tags.pop()
            self._close(t, role)
            if t == tag:
                break
        if tag in _BLOCK:
            self._text("\n")

    def _close(self, tag: str, role: str) -> None:
        if role == "skip":
            self.skip -= 1
        elif role == "heading" and self.heading is not None:
            text = normalize("".join(self.heading[1])).replace("\n", " ")
            if self.heading[0] == "h1":
                if not self.h1:
                    self.h1 = [text]
                else:
                    self.sections[-1].parts.append("\n" + text + "\n")
            else:
                self.sections[-1].heading = text
            self.heading = None
        elif role == "root":
            self.depth_root = 0
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.in_head_title:
            self.head_title.append(data)
        if self.depth_root and not self.done and not self.skip:
            # a line break in HTML text is a space; most text between tags is only that
            self._text(" " if data.isspace() else _WHITE.sub(" ", data))

    def _text(self, data: str) -> None:
        if self.skip or not self.depth_root or self.done:
            return
        if self.heading is not None:
            self.heading[1].append(data)
        else:
            self.sections[-1].parts.append(data)


@dataclass
class PageText:
    url: str  # relative to the site root: "", "2567/o02/", "about.html"
    title: str
    sections: list[tuple[str, str, str]]  # (anchor, heading, text)


def relevant_part(html: str) -> str:
    """The <head> and the main article only: the navigation is most of each page's HTML
    and parsing it for every page dominated the build time."""
    head_end = html.find("</head>")
    start = html.find("<article")
    end = html.rfind("</article>")
    if head_end < 0 or start < 0 or end < start:
        return html
    return html[: head_end + 7] + "<body>" + html[start: end + 10] + "</body>"


def extract_page(html: str, url: str) -> PageText | None:
    """The searchable text of one built page, or None when it has no main area or opts out."""
    parser = _Extractor()
    _feed(parser, relevant_part(html))
    if not parser.root_kind or parser.noindex or parser.excluded_page:
        return None
    title = parser.h1[0] if parser.h1 else normalize("".join(parser.head_title)).rsplit(" - ", 1)[0]
    sections = []
    for sec in parser.sections:
        text = normalize("".join(sec.parts))
        if text or sec.heading:
            sections.append((sec.anchor, sec.heading, text))
    return PageText(url=url, title=title, sections=sections)


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


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


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


