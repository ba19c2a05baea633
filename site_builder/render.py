"""The private Jinja environment that writes Markdown fragments.

Content is untrusted text: every value goes through `md` (or `cell` inside a
table), which makes HTML and Markdown syntax inert. Templates under a site's
own `theme/markdown/` directory override the package's.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import jinja2

from . import thai
from .errors import ContentError, Problem

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"

# Markdown punctuation that could start syntax anywhere in a line.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>|~^$"}
_MD_SPECIAL["&"] = "&amp;"
_MD_ESCAPE = re.compile("[" + re.escape("".join(_MD_SPECIAL)) + "]")
_BLOCK_START = re.compile(r"^([#+\-=>]|\d+(?=[.)]))")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(value: object) -> str:
    """Text without control characters or line separators, NFC-normalised."""
    text = "" if value is None else str(value)
    # Control characters are never content; bidi marks are kept but cannot
    # escape their element because every value is its own inline run.
    # Unicode line and paragraph separators end lines for YAML front matter and some parsers.
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).replace("\u2028", " ").replace("\u2029", " ")


def md(value: object) -> str:
    """Inline text, inert as Markdown and HTML; line breaks become spaces."""
    text = clean(value).replace("\r", " ").replace("\n", " ").strip()
    escaped = _MD_ESCAPE.sub(lambda m: _MD_SPECIAL[m[0]], text)
    # Block syntax only starts a line: headings, lists, quotes, setext rules.
    return _BLOCK_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m[1]), escaped)


def md_block(value: object) -> str:
    """Multi-paragraph text: each paragraph escaped, blank lines kept."""
    paragraphs = re.split(r"\n\s*\n", clean(value).replace("\r", ""))
    return "\n\n".join(md(p) for p in paragraphs if p.strip())


def attr(value: object) -> str:
    """A value for an HTML attribute inside double quotes (alt text, titles)."""
    return (
        clean(value).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", " ")
    )


def url(value: object) -> str:
    """A link target: only http(s), mailto, tel and site-relative paths pass."""
    text = clean(value).strip()
    if re.match(r"^(https?://|mailto:|tel:|/|\.\./|\./|[a-z0-9_-]+/)", text, re.I) or re.match(r"^[\w./#-]+$", text):
        # Parentheses and spaces would end a Markdown link target early.
        return attr(text.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))
    return "#"


def phones(value: object) -> str:
    """Inline text (escaped as `md`) with every phone number in it a tel: link (extension as ;ext=)."""
    def link(match: re.Match) -> str:
        return f"[{match.group(0)}]({thai.tel_uri(match.group(0))})"
    return thai.PHONE.sub(link, md(value))


def phones_of(value: object) -> list[str]:
    """The phone numbers written in a text (for a link beside a name that is itself a link)."""
    return [m.group(0) for m in thai.PHONE.finditer(clean(value))]


def _in_year(entry: object, year: int) -> bool:
    day = getattr(entry, "date", None)
    return day is not None and thai.fiscal_year(day) == year


def _overlaps_year(entry: object, year: int) -> bool:
    span = getattr(entry, "covers", None)
    if span is None:
        return False
    return span.start <= thai.fiscal_year_end(year) and span.end >= thai.fiscal_year_start(year)


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


class Renderer:
    """Renders `*.md.j2` templates with the site's Thai settings."""

    def __init__(self, digit_style: thai.DigitStyle = thai.DigitStyle.ARABIC, override_dirs: Sequence[Path] = (),
                 cache_dir: Path | None = None):
        loaders = [jinja2.FileSystemLoader(str(d)) for d in override_dirs if d.is_dir()]
        loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # noqa: S701 (Markdown, not HTML: escaping is the explicit `md` filter)
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            # `{#id}` is Markdown's attribute syntax for heading ids, so Jinja comments use {## ##}.
            comment_start_string="{##",
            comment_end_string="##}",
            # Compiled templates kept between builds: compiling is most of the rendering time.
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(_mkdir(cache_dir))) if cache_dir else None,
            # One Renderer per build: no need to look at the template files again on every use.
            auto_reload=False,
        )
        self.style = digit_style
        self.env.filters.update(
            md=md,
            md_block=md_block,
            attr=attr,
            url=url,
            phones=phones,
            phones_of=phones_of,
            date=self.date,
            date_short=self.date_short,
            baht=lambda v: thai.format_baht(v) if v is not None else "",
            num=lambda v: f"{v:,}" if v is not None else "",
            digits=lambda v: thai.digits(str(v), self.style),
            # Periods sit in tables and lists of data: digits follow the non-formal setting.
            period=lambda p: p.label(self.style, formal=False) if p is not None else "",
        )

        self.env.tests.update(in_year=_in_year, overlaps_year=_overlaps_year)

    def date(self, value: datetime.date | None) -> str:
        return thai.format_date(value, self.style) if value else ""

    def date_short(self, value: datetime.date | None) -> str:
        return thai.format_date_short(value, self.style) if value else ""

    def render(self, template: str, **context: object) -> str:
        """Render one template; a broken (site-overridden) template is reported, not a traceback."""
        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateSyntaxError as err:
            raise ContentError([Problem(err.filename or err.name or template, err.lineno, "template", err.message or "")]) from None
        except jinja2.TemplateError as err:
            raise ContentError([Problem(template, None, "template", str(err))]) from None


