"""Procurement pages: one page per month with the สขร.1 table, and a CSV of each fiscal year."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from . import thai, urls
from .models.procurement import MonthSummary, Procurement

STATUS_TEXT = {
    "not_signed": "ยังไม่ลงนามสัญญา", "in_contract": "อยู่ระหว่างสัญญา", "delivered": "ส่งมอบแล้ว",
    "paid": "เบิกจ่ายแล้ว", "cancelled": "ยกเลิก",
}


def month_path(summary: MonthSummary) -> str:
    start = summary.covers.start
    return urls.procurement_month(thai.be_year(start.year), start.month)


def month_title(summary: MonthSummary) -> str:
    start = summary.covers.start
    return f"สรุปผลการจัดซื้อจัดจ้าง เดือน{thai.format_month(start.year, start.month)}"


def months_of_year(procurement: Procurement, year: int) -> list[MonthSummary]:
    return [m for m in procurement.monthly if thai.fiscal_year(m.covers.start) == year]


def year_csv(procurement: Procurement, year: int) -> str:
    """Every purchase of a fiscal year, as machine-readable CSV (Arabic digits, ISO dates)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["วันที่สัญญา", "เลขที่สัญญา", "งานที่ซื้อหรือจ้าง", "วงเงิน", "ราคากลาง", "วิธีซื้อหรือจ้าง",
                     "ผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลง", "เหตุผลที่คัดเลือก", "สถานะ"])
    rows = [p for p in procurement.purchases if thai.fiscal_year(p.date) == year]
    for p in sorted(rows, key=lambda r: (r.date, r.contract_no)):
        writer.writerow([p.date.isoformat(), p.contract_no, p.work, p.budget, p.reference_price or "", p.method,
                         "; ".join(f"{b.bidder} {b.price}" for b in p.bids), p.winner, p.price, p.reason,
                         STATUS_TEXT.get(p.status or "", "")])
    return "\ufeff" + buffer.getvalue()


def render_month_pages(procurement: Procurement, render: Callable[..., str]) -> list[tuple[str, str, str]]:
    """(path, title, markdown body) of every month page."""
    pages = []
    for summary in procurement.monthly:
        path = month_path(summary)
        body = render("procurement_month.md.j2", path, summary=summary, title=month_title(summary),
                      status_text=STATUS_TEXT)
        pages.append((path, month_title(summary), body))
    return pages
