"""Values that pass validation but are almost certainly slips of the keyboard: each becomes a
warning with its file and line (so `--strict` stops on it), never a silent wrong page."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pydantic import BaseModel

from .models.organisation import Executive

# Fields holding the day something happened (signed, published, bought, took office): never
# more than a year ahead. Ends of periods and terms (covers, until) may lie years ahead.
_EVENT_DAYS = frozenset(("date", "since"))


def today() -> date:
    return datetime.now(timezone(timedelta(hours=7))).date()


def slips(model: BaseModel, walk, now: date | None = None) -> list[tuple[tuple, str]]:
    """(location, message) of each date too far ahead and each term that ends before it starts."""
    now = now or today()
    found = []
    for loc, _, value, owner in walk(model, _EVENT_DAYS | {"until"}):
        if isinstance(owner, Executive) and loc[-1] == "until":
            if value and owner.since and value < owner.since:
                found.append((loc, f"วันพ้นตำแหน่ง (until) {_be(value)} ก่อนวันเริ่ม (since) {_be(owner.since)}: "
                                   f"ผู้บริหารคนนี้จะไม่แสดงในหน้าผู้บริหาร ตรวจปีที่พิมพ์ (the term ends before it starts)"))
        elif loc[-1] in _EVENT_DAYS and isinstance(value, date) and value.year > now.year + 1:
            found.append((loc, f"วันที่ {_be(value)} เลยปีหน้าไปแล้ว: พิมพ์ปีผิดหรือบวก 543 ซ้ำหรือไม่? "
                               f"(a date beyond next year: the Buddhist Era added twice?)"))
    return found


def _be(day: date) -> str:
    return f"{day.year + 543}-{day.month:02d}-{day.day:02d}"
