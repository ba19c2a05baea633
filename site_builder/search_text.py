"""The searchable text of one built page: its title and each section (heading, anchor, text) of
the main content area, as the search index stores it (search.py). Pure work on a string, so it
may run in a worker process while the engine writes the next pages (page_indexer.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from .search_fold import normalize

_WHITE = re.compile(r"\s+")

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
