"""The CSV files the site publishes (`<year>/itas.csv`, `procurement/<year>.csv`), safe to open
in a spreadsheet.

Excel and LibreOffice run a cell that starts with = + - @ (or tab or CR before one) as a
formula: `=HYPERLINK(...)` typed into a purchase would become a live link, `+cmd|...` a
command, on the reader's computer. Such a cell is written with a leading apostrophe (OWASP
"CSV injection"), which the spreadsheet shows as text; a plain negative number stays a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-\d[\d,]*(\.\d+)?$")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """UTF-8 CSV with a byte-order mark (so Excel reads Thai) and CRLF lines, every cell safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()
