"""Thai dates and numbers: Buddhist Era, fiscal years, month names, Thai digits, baht."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

BE_OFFSET = 543

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


class DigitStyle(StrEnum):
    """Where Thai digits (๐–๙) are used: a site setting (cabinet resolution 2543 promotes, not mandates)."""

    ARABIC = "arabic"  # never
    FORMAL = "formal"  # in formal text: dates and headings of documents
    EVERYWHERE = "everywhere"  # all prose, but never URLs, IDs, money or exports


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def ce_year(year_be: int) -> int:
    return year_be - BE_OFFSET


def fiscal_year(day: date) -> int:
    """The Buddhist Era fiscal year (1 Oct – 30 Sep) a day falls in, named by the year it ends."""
    return be_year(day.year) + (1 if day.month >= 10 else 0)


def fiscal_year_start(fy_be: int) -> date:
    return date(ce_year(fy_be) - 1, 10, 1)


def fiscal_year_end(fy_be: int) -> date:
    return date(ce_year(fy_be), 9, 30)


def first_half_end(fy_be: int) -> date:
    """Last day of the first six months of a fiscal year (31 March)."""
    return date(ce_year(fy_be), 3, 31)


def thai_digits(text: str) -> str:
    return str(text).translate(_THAI_DIGITS)


def digits(text: str, style: DigitStyle, formal: bool = True) -> str:
    """Apply the site's digit setting to prose; `formal` marks formal text."""
    if style is DigitStyle.EVERYWHERE or (style is DigitStyle.FORMAL and formal):
        return thai_digits(text)
    return str(text)


def format_date(day: date, style: DigitStyle = DigitStyle.ARABIC) -> str:
    """Formal Thai date: '31 มกราคม 2567' (Thai digits when the setting asks)."""
    return digits(f"{day.day} {MONTHS[day.month - 1]} {be_year(day.year)}", style)


def format_date_short(day: date, style: DigitStyle = DigitStyle.ARABIC) -> str:
    """Abbreviated date for tables: '31 ม.ค. 2567'."""
    return digits(f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_year(day.year)}", style, formal=False)


def format_month(year_ce: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {be_year(year_ce)}"


def parse_date(text: str) -> date:
    """Read 'YYYY-MM-DD'; a year of 2400 or more is Buddhist Era.

    Raises ValueError with a Thai message a webmaster can act on.
    """
    parts = str(text).strip().split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"วันที่ '{text}' ต้องอยู่ในรูป ปปปป-ดด-วว เช่น 2567-03-31 (พ.ศ.) หรือ 2024-03-31 (ค.ศ.)")
    year, month, day = (int(p) for p in parts)
    if year >= 2400:
        year = ce_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ไม่มีวันที่ '{text}' ในปฏิทิน (impossible date)") from None


_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_MONTH_WORDS = {**{name: i for i, name in enumerate(MONTHS, 1)},
                **{abbr.replace(".", ""): i for i, abbr in enumerate(MONTHS_ABBR, 1)}}
# A month written in full or abbreviated, with or without its dots: 'มีนาคม', 'มี.ค.', 'มีค'.
_MONTH = "|".join(sorted((*MONTHS, *(r"\.?\s*".join(map(re.escape, a.replace(".", ""))) + r"\.?" for a in MONTHS_ABBR)),
                         key=len, reverse=True))
_WRITTEN_DATE = re.compile(rf"(\d{{1,2}})\s*({_MONTH})\s*(?:พ\.?\s*ศ\.?)?\s*(\d{{4}}|\d{{2}})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def arabic_digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


def _year_ce(text: str) -> int:
    """'2567' and '67' are Buddhist Era (as Thai forms write them); '2024' is Common Era."""
    year = int(text)
    if len(text) == 2:
        year += 2500
    return ce_year(year) if year >= 2400 else year


def find_date(text: str) -> tuple[date, re.Match] | None:
    """The first date written as Thai documents write it, and where it is: '3 มี.ค. 2567',
    '๓ มีนาคม พ.ศ. ๒๕๖๗', '3 มี.ค. 67', '03/03/2567' (day first), '2567-03-03'.
    None if there is none; ValueError if it names a day that does not exist."""
    text = arabic_digits(text)
    found: list[tuple[re.Match, int, int, str]] = []
    for match in _WRITTEN_DATE.finditer(text):
        found.append((match, int(match[1]), _MONTH_WORDS[re.sub(r"[.\s]", "", match[2])], match[3]))
        break
    for match in _NUMERIC_DATE.finditer(text):
        found.append((match, int(match[1]), int(match[2]), match[3]))
        break
    for match in _ISO_DATE.finditer(text):
        found.append((match, int(match[3]), int(match[2]), match[1]))
        break
    if not found:
        return None
    match, day, month, year = min(found, key=lambda f: f[0].start())
    try:
        return date(_year_ce(year), month, day), match
    except ValueError:
        raise ValueError(f"ไม่มีวันที่ '{match[0]}' ในปฏิทิน (impossible date)") from None


def format_baht(amount: Decimal | float | int) -> str:
    """'1,234,567.50': Arabic digits always, since money is machine-readable."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value:,.2f}"


def format_period(start: date, end: date, style: DigitStyle = DigitStyle.ARABIC, formal: bool = True) -> str:
    """'1 ตุลาคม 2566 – 31 มีนาคม 2567', or 'ปีงบประมาณ 2567' for a whole fiscal year."""
    if start == fiscal_year_start(fiscal_year(start)) and end == fiscal_year_end(fiscal_year(end)):
        first, last = fiscal_year(start), fiscal_year(end)
        years = f"{first}" if first == last else f"{first}–{last}"
        return digits(f"ปีงบประมาณ {years}", style, formal)
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        # Whole months: 'ตุลาคม 2566', 'ต.ค. 2566 – ธ.ค. 2566'.
        names = MONTHS if formal else MONTHS_ABBR
        first_month = f"{names[start.month - 1]} {be_year(start.year)}"
        last_month = f"{names[end.month - 1]} {be_year(end.year)}"
        same = (start.year, start.month) == (end.year, end.month)
        return digits(first_month if same else f"{first_month} – {last_month}", style, formal)
    if not formal:
        return f"{format_date_short(start, style)} – {format_date_short(end, style)}"
    return f"{format_date(start, style)} – {format_date(end, style)}"


# A Thai phone number as people write it: landline '0 5499 0100', mobile '08 1234 5678', or a
# four-digit hotline after สายด่วน/โทร. ('สายด่วน 1567'), maybe followed by 'ต่อ 101' (extension).
_D = "[0-9๐-๙]"
PHONE = re.compile(rf"(?<!{_D})(?:[0๐](?:[ -]?{_D}){{8,9}}|(?<=สายด่วน )[1๑]{_D}{{3}}|(?<=โทร\. )[1๑]{_D}{{3}}|^[1๑]{_D}{{3}}$)"
                   rf"(?!{_D})(?:\s*ต่อ\s*({_D}{{1,5}}))?")


def tel_uri(number: str) -> str:
    """The tel: target of a number as written: '0 5499 0100 ต่อ 101' → 'tel:054990100;ext=101'
    (RFC 3966); '' when it holds no number."""
    found = PHONE.search(str(number))
    if not found:
        return ""
    main = "".join(c for c in found.group(0).split("ต่อ")[0].translate(_ARABIC_DIGITS) if c.isdigit())
    ext = f";ext={found.group(1).translate(_ARABIC_DIGITS)}" if found.group(1) else ""
    return f"tel:{main}{ext}"
