"""What span of days a catalog period rule asks for, and whether evidence meets it."""

from __future__ import annotations

from datetime import date, timedelta

from . import thai
from .models.base import Period


def required_span(rule: str, year: int) -> tuple[date, date] | None:
    """The days that evidence must cover (or fall in) for assessment year `year`."""
    if rule in ("covers_year", "in_year"):
        return thai.fiscal_year_start(year), thai.fiscal_year_end(year)
    if rule == "first_half":
        return thai.fiscal_year_start(year), thai.first_half_end(year)
    if rule == "previous_year":
        return thai.fiscal_year_start(year - 1), thai.fiscal_year_end(year - 1)
    return None


def describe(rule: str, year: int) -> str:
    """Thai words for what the rule asks, used in warnings and on pages."""
    span = required_span(rule, year)
    if rule == "in_year":
        return f"ลงวันที่ในปีงบประมาณ {year}"
    if rule == "in_force":
        return f"มีผลใช้ในปีงบประมาณ {year}"
    if span is None:
        return ""
    if rule == "first_half":
        # Exact days in warnings: the webmaster compares them with the document's cover.
        return f"ครอบคลุม {thai.format_date(span[0])} – {thai.format_date(span[1])}"
    return f"ครอบคลุม{thai.format_period(*span)}"


def covers(spans: list[Period], start: date, end: date) -> bool:
    """Whether the union of spans covers every day from start to end."""
    reached = start
    for span in sorted(spans, key=lambda p: p.start):
        if span.start > reached:
            break
        if span.end >= reached:
            reached = span.end + timedelta(days=1)
        if reached > end:
            return True
    return reached > end


def overlaps(span: Period, start: date, end: date) -> bool:
    return span.start <= end and span.end >= start


def relevant(day: date | None, span: Period | None, rule: str, year: int) -> bool:
    """Whether one piece of evidence belongs to the year under this rule."""
    if rule == "any":
        # A year's page never lists what was issued after that fiscal year ended.
        issued = day or (span.start if span else None)
        return issued is None or issued <= thai.fiscal_year_end(year)
    if rule == "in_force":
        starts_by = thai.fiscal_year_end(year)
        not_expired = span is None or span.end >= thai.fiscal_year_start(year)
        begun = (day or (span.start if span else None) or starts_by) <= starts_by
        return not_expired and begun
    start, end = required_span(rule, year)  # type: ignore[misc]
    if rule == "in_year" and day is not None:
        return start <= day <= end
    if span is not None:
        return overlaps(span, start, end)
    return day is not None and start <= day <= end
