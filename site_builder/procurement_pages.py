"""Procurement pages: one page per month with the สขร.1 table, and a CSV of each fiscal year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from . import spreadsheet, thai, urls
from .models.evidence import Document
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
    header = ["วันที่สัญญา", "เลขที่สัญญา", "งานที่ซื้อหรือจ้าง", "วงเงิน", "ราคากลาง", "วิธีซื้อหรือจ้าง",
              "ผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลง", "เหตุผลที่คัดเลือก", "สถานะ"]
    purchases = sorted((p for p in procurement.purchases if thai.fiscal_year(p.date) == year),
                       key=lambda r: (r.date, r.contract_no))
    return spreadsheet.csv_text(header, ([p.date.isoformat(), p.contract_no, p.work, p.budget, p.reference_price or "",
                                          p.method, "; ".join(f"{b.bidder} {b.price}" for b in p.bids), p.winner,
                                          p.price, p.reason, STATUS_TEXT.get(p.status or "", "")] for p in purchases))


INDEX_TITLE = "การจัดซื้อจัดจ้าง"
MONTHLY_KIND = "procurement_monthly"


def _report_month(document: Document) -> tuple[int, int] | None:
    """(year, month) a monthly report covers; None for any other document."""
    if document.kind != MONTHLY_KIND or document.covers is None:
        return None
    return document.covers.start.year, document.covers.start.month


def _filed_under(document: Document) -> int:
    """The fiscal year a procurement document is listed under: its month's, else its date's."""
    month = _report_month(document)
    return thai.fiscal_year(date(*month, 1) if month else document.day)


def signed_reports(procurement: Procurement, summary: MonthSummary) -> list[Document]:
    """The agency's own monthly reports (signed PDFs) of the month a summary covers."""
    start = summary.covers.start
    return [d for d in procurement.documents if _report_month(d) == (start.year, start.month)]


def month_page_of(document: Document, months: list[MonthSummary]) -> str | None:
    """The path of the month page a monthly report belongs to, if the site has one."""
    key = _report_month(document)
    for summary in months:
        if key == (summary.covers.start.year, summary.covers.start.month):
            return month_path(summary)
    return None


def render_month_pages(procurement: Procurement, render: Callable[..., str]) -> list[tuple[str, str, str]]:
    """(path, title, markdown body) of every month page, each linked to its neighbours."""
    pages = []
    months = procurement.monthly
    for i, summary in enumerate(months):
        path = month_path(summary)
        body = render("procurement_month.md.j2", path, summary=summary, title=month_title(summary),
                      status_text=STATUS_TEXT, reports=signed_reports(procurement, summary),
                      previous=months[i - 1] if i > 0 else None,
                      next=months[i + 1] if i + 1 < len(months) else None, index_path=urls.PROCUREMENT)
        pages.append((path, month_title(summary), body))
    return pages


def render_index(procurement: Procurement, render: Callable[..., str]) -> tuple[str, str, str]:
    """(path, title, markdown body) of /procurement/: each fiscal year's months with their
    signed reports, the year's CSV, and every other procurement document of the year."""
    months = procurement.monthly
    month_keys = {(m.covers.start.year, m.covers.start.month) for m in months}
    years = sorted({thai.fiscal_year(m.covers.start) for m in months}
                   | {_filed_under(d) for d in procurement.documents}, reverse=True)
    # A monthly report whose month has a page is listed in that month's row, not again below.
    documents = {y: [d for d in procurement.documents if _filed_under(d) == y and _report_month(d) not in month_keys]
                 for y in years}
    body = render("procurement_index.md.j2", urls.PROCUREMENT, title=INDEX_TITLE, fiscal_years=years,
                  months_of=lambda y: [m for m in months if thai.fiscal_year(m.covers.start) == y],
                  reports_of=lambda m: signed_reports(procurement, m), year_documents=documents,
                  csv_years={thai.fiscal_year(p.date) for p in procurement.purchases})
    return urls.PROCUREMENT, INDEX_TITLE, body
