"""Archive years: fiscal years older than the catalogs, published as one page of their documents.

An agency keeps its whole ITA history online, but the NACC's item lists of the early years
(2561–2565) are not shipped as catalogs. An archive year therefore gets no item pages and no
completeness check: its page lists the documents of that fiscal year by kind, and links the
year's measures report when there is one.
"""

from __future__ import annotations

from .models.evidence import Document
from .periods import overlaps
from .thai import fiscal_year, fiscal_year_end, fiscal_year_start


def of_year(doc: Document, year: int) -> bool:
    """A document belongs to a fiscal year when what it covers overlaps it, else when it is dated in it."""
    if doc.covers is not None:
        return overlaps(doc.covers, fiscal_year_start(year), fiscal_year_end(year))
    return doc.date is not None and fiscal_year(doc.date) == year


def documents_by_kind(documents: list[Document], kinds: dict, year: int) -> list[tuple[str, list[Document]]]:
    """(kind id, documents newest first) of one fiscal year, kinds in the order of kinds.yml."""
    found: dict[str, list[Document]] = {}
    for doc in documents:
        if of_year(doc, year):
            found.setdefault(doc.kind, []).append(doc)
    order = {kind: n for n, kind in enumerate(kinds)}
    return [(kind, sorted(found[kind], key=lambda d: (d.day, d.title), reverse=True))
            for kind in sorted(found, key=lambda k: (order.get(k, len(order)), k))]
