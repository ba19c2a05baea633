"""Does a measures report's `year` agree with the year in its own titles and dates?

A report is often started by copying last year's file: a `year` changed without the title
(or the other way round) publishes a report that contradicts itself. These are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .models.measures import Measures
from .thai import fiscal_year

# "ปีงบประมาณ พ.ศ. 2568", "ประจำปี 2568": the fiscal year a title names.
_NAMED_YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s*ศ\.\s*)?(\d{4})")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def disagreements(measures: Measures) -> Iterator[tuple[tuple, str]]:
    """(location, message) for each title naming another year, an analysis of an older
    assessment than the year before, and each date outside the year."""
    year = measures.year
    titles: list[tuple[tuple, str | None]] = [(("title",), measures.title)]
    if measures.memo:
        titles.append((("memo", "subject"), measures.memo.subject))
    for loc, text in titles:
        for named in {int(m) for m in _NAMED_YEAR.findall((text or "").translate(_THAI_DIGITS))} - {year}:
            yield loc, (f"ข้อความระบุปีงบประมาณ {named} แต่ไฟล์นี้เป็นของปีงบประมาณ {year} (year: {year}) "
                        f"(the text names fiscal year {named}, the report's year is {year})")
    analysed = measures.analysis.year if measures.analysis else None
    if analysed and analysed < year - 1:
        # The measures of year Y come from the results of the assessment before it (Y-1).
        yield ("analysis", "year"), (f"วิเคราะห์ผลการประเมินปีงบประมาณ {analysed} แต่มาตรการของปีงบประมาณ {year} "
                                     f"มาจากผลการประเมินปีงบประมาณ {year - 1} "
                                     f"(the analysis is of {analysed}, the measures of {year} follow the {year - 1} results)")
    dates: list[tuple[tuple, date]] = []
    if measures.memo and measures.memo.date:
        dates.append((("memo", "date"), measures.memo.date))
    if measures.sign_off:
        for role in ("prepared", "reviewed", "approved", "signers"):  # signers: the list form
            for i, signer in enumerate(getattr(measures.sign_off, role)):
                if signer.date:
                    dates.append((("sign_off", role, i, "date"), signer.date))
    for loc, day in dates:
        # Signed during the year, or after it ends when the results are reported.
        if fiscal_year(day) not in (year, year + 1):
            yield loc, (f"วันที่ {_be(day)} อยู่ในปีงบประมาณ {fiscal_year(day)} แต่ไฟล์นี้เป็นของปีงบประมาณ {year} "
                        f"(the date falls in fiscal year {fiscal_year(day)}, the report's year is {year})")


def _be(day: date) -> str:
    return f"{day.year + 543}-{day.month:02d}-{day.day:02d}"
