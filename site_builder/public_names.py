"""The ASCII name under which a file of content/files/ is published.

Agencies name their files as they like (`แผนพัฒนาท้องถิ่น 2566-2570 เพิ่มเติม.pdf`,
`นายกเทศมนตรี.jpg`, `report #2.pdf`), but a URL must stay short, ASCII and stable (site_builder/urls.py),
so such a name never reaches a URL:

- a name of plain ASCII letters, digits and `. _ ~ / -` is published as it is
  (`plans/annual-plan-2567.pdf`);
- any other name keeps its plain-ASCII folders, then gets an ASCII slug of what is ASCII in the
  rest of it (no transliteration), a hash of the whole name and the extension in lower case:
  `plans/แผนพัฒนาท้องถิ่น 2566-2570 เพิ่มเติม.pdf` → `plans/2566-2570-3f1c9a2e.pdf`.

The hash is of the name (Unicode NFC), not of the bytes: the URL stays the same from build to
build, and when a corrected PDF replaces the old one under the same name, the URL the agency
submitted to ITAS still works. Renaming the file changes its URL, as it does for ASCII names.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata

_URL_SAFE = re.compile(r"[A-Za-z0-9._~/-]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}")
SLUG_LENGTH = 48
HASH_LENGTH = 8  # 16^8 names: two names of one agency meeting by chance is not a real risk, and load checks it


def is_url_safe(name: str) -> bool:
    return bool(_URL_SAFE.fullmatch(name))


def public_name(file: str) -> str:
    """The path, relative to the published files' folder, of content/files/<file>."""
    if is_url_safe(file):
        return file
    parts = file.split("/")
    keep = 0
    while keep < len(parts) - 1 and is_url_safe(parts[keep]):
        keep += 1
    rest = "/".join(parts[keep:])
    stem, ext = posixpath.splitext(rest)
    if not _EXTENSION.fullmatch(ext):
        stem, ext = rest, ""
    slug = "-".join(_ASCII_WORD.findall(stem)).lower()[:SLUG_LENGTH].strip("-")
    digest = hashlib.sha256(unicodedata.normalize("NFC", file).encode()).hexdigest()[:HASH_LENGTH]
    name = f"{slug}-{digest}" if slug else digest
    return "/".join([*parts[:keep], name + ext.lower()])
