"""One digit system per page: the agency's `digits` setting applied to a whole built page.

`arabic`: every page in Arabic digits. `formal`: formal documents (the measures report, the EIT
poster) wholly in Thai digits, every other page wholly in Arabic. `everywhere`: every page in
Thai digits. Whatever the system, addresses (URLs, e-mail), item and question codes (O13, E11),
document numbers (52705/1187), money columns and anything in English, code or SVG keep their
digits: they are read by machines or copied as they are.
"""

from __future__ import annotations

import re

from .thai import DigitStyle

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PARTS = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_KEEP_ELEMENTS = {"script", "style", "svg", "code", "pre", "kbd", "samp", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Tokens that keep Arabic digits inside Thai text.
_KEEP_TOKENS = re.compile(r"(&#?[0-9A-Za-z]+;|https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w])[A-Z]{1,3}\d+(?:\.\d+)*|"
                          r"[\d๐-๙]+(?:/[\d๐-๙]+)+)")
_MONEY_COLUMN = re.compile(r'data-label="[^"]*(บาท|งบประมาณ)')
FORMAL_MARKERS = ('class="ita-report', 'class="ita-poster')


def thai_page(html: str, style: DigitStyle) -> bool:
    """Whether a page is written in Thai digits under the setting."""
    return style is DigitStyle.EVERYWHERE or (style is DigitStyle.FORMAL and any(m in html for m in FORMAL_MARKERS))


# Digits the Markdown escaping wrote as character references (a number that starts a line).
_DIGIT_REFERENCE = re.compile(r"&#(4[89]|5[0-7]|36[67][0-9]);")


def _literal_digits(text: str) -> str:
    return _DIGIT_REFERENCE.sub(lambda m: chr(int(m.group(1))), text)


def _to_thai(text: str) -> str:
    return "".join(part if i % 2 else part.translate(_TO_THAI) for i, part in enumerate(_KEEP_TOKENS.split(text)))


def one_digit_system(html: str, style: DigitStyle) -> str:
    """The page with every digit of its text in the page's system (attributes never change)."""
    thai = thai_page(html, style)
    if not thai and not re.search("[๐-๙]", html):
        return html
    convert = _to_thai if thai else (lambda t: t.translate(_TO_ARABIC))
    stack: list[tuple[str, bool]] = []  # open elements, and whether their text keeps its digits
    out = []
    for part in _PARTS.split(html):
        if not part:
            continue
        tag = _TAG.fullmatch(part) if part.startswith("<") else None
        if part.startswith("<!--") or (part.startswith("<") and not tag):
            out.append(part)
            continue
        if tag:
            closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
            if closing:
                while stack and stack[-1][0] != name:
                    stack.pop()
                if stack:
                    stack.pop()
            elif name not in _VOID and not attrs.rstrip().endswith("/"):
                keep = (name in _KEEP_ELEMENTS or 'lang="en"' in attrs or (thai and name == "td" and bool(_MONEY_COLUMN.search(attrs)))
                        or bool(stack and stack[-1][1]))
                stack.append((name, keep))
            out.append(part)
            continue
        out.append(part if stack and stack[-1][1] else convert(_literal_digits(part)))
    return "".join(out)
