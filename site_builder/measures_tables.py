"""Tables as a report declares them (`body:` → `table:`): header rows, two-level headers,
free columns, one row per measure or per result, cells merged over the rows they belong to."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from . import thai
from .measures_cells import (
    FIELD_HEADERS,
    ROUND_TEXT,
    Cell,
    evidence_cell,
    lines_cell,
    period_cell,
    questions_cell,
    status_cell,
    text_cell,
)
from .models.measures import Group, Measure, Result
from .models.report_layout import Column, TableSpec
from .render import Renderer


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class SourceTable:
    """A table as the report declares it: header rows (two-level headers span), then rows
    under optional group rows (a heading inside the table, across every column)."""

    header_rows: list[list[HeaderCell]]
    parts: list[tuple[str, list[list[Cell | None]]]]  # (group heading or "", rows); None: under a merged cell
    width: int
    id: str = ""
    heading: str = ""  # groups: headings: the group's heading, above the table
    labels: list[str] = field(default_factory=list)  # each column's name for its cells (cards on a phone)


def _header_text(column: Column) -> str:
    return column.header or (FIELD_HEADERS[column.show] if column.show else "")


def _labels(spec: TableSpec) -> list[str]:
    """Each leaf column's full name: "ผลการดำเนินการ – ผลผลิต" under a two-level header."""
    return [" – ".join(p for p in (_header_text(c) if c.columns else "", _header_text(leaf)) if p)
            for c in spec.columns for leaf in c.leaves()]


def _header_rows(spec: TableSpec) -> list[list[HeaderCell]]:
    text = _header_text

    if not any(c.columns for c in spec.columns):
        return [[HeaderCell(text(c)) for c in spec.columns]]
    top = [HeaderCell(text(c), colspan=len(c.columns) or 1, rowspan=1 if c.columns else 2) for c in spec.columns]
    return [top, [HeaderCell(text(leaf)) for c in spec.columns for leaf in c.columns]]


class SourceCells:
    """The cell of any declared column for one row (a measure, and the result the row shows)."""

    def __init__(self, renderer: Renderer, item_url: Callable[[int], str | None], file_url: Callable[[str], str],
                 titles: Mapping[int, str]):
        self.renderer, self.item_url, self.file_url, self.titles = renderer, item_url, file_url, titles

    def row(self, spec: TableSpec, group: Group, m: Measure, r: Result | None) -> list[tuple[Cell, Any]]:
        """Each cell of the row with what it belongs to when the source merges it over rows:
        the group for the group column, the measure for a measure's value in a table of results."""
        return [(self.cell(c, spec, group, m, r), self._owner(c, spec, group, m, r)) for c in spec.leaves()]

    @staticmethod
    def _owner(column: Column, spec: TableSpec, group: Group, m: Measure, r: Result | None) -> Any:
        if column.show == "group":
            return ("group", id(group))
        if spec.rows != "results" or r is None:
            return None
        if column.key:
            return None if column.key in r.cells else ("measure", id(m))
        if column.show is None or column.show.startswith("result."):
            return None
        if column.show in ("number", "name") and getattr(r, column.show):
            return None  # the result's own row name
        return ("measure", id(m))

    def cell(self, column: Column, spec: TableSpec, group: Group, m: Measure, r: Result | None) -> Cell:
        if column.key:
            # A free column's value belongs to the row: the result's in a results table, else the measure's.
            for source in ([r, m] if spec.rows == "results" else [m, r]):
                if source is not None and column.key in source.cells:
                    return lines_cell(source.cells[column.key])
            return Cell()
        field = column.show
        if field is None:
            return Cell()  # a column the source prints empty (หมายเหตุ)
        if field.startswith("result."):
            return self._result(field.removeprefix("result."), r) if r is not None else Cell()
        if spec.rows == "results" and r is not None and field == "number" and r.number:
            return text_cell(r.number)
        if spec.rows == "results" and r is not None and field == "name" and r.name:
            return text_cell(r.name)
        if field == "group":
            return text_cell(group.heading)
        return self._measure(field, m)

    def _measure(self, field: str, m: Measure) -> Cell:
        renderer = self.renderer
        return {
            "number": lambda: text_cell(m.number),
            "name": lambda: text_cell(m.name),
            "questions": lambda: questions_cell(m.questions),
            "budget": lambda: text_cell(thai.format_baht(m.budget) if isinstance(m.budget, Decimal) else m.budget),
            "period": lambda: period_cell(m.period, m.covers, renderer),
            "responsible": lambda: lines_cell(m.responsible),
        }.get(field, lambda: lines_cell(getattr(m, field)))()

    def _result(self, field: str, r: Result) -> Cell:
        renderer = self.renderer
        if field == "round":
            return text_cell(ROUND_TEXT.get(r.round, "")) if r.round else Cell()
        if field == "status":
            return status_cell(r.status)
        if field == "date":
            dates = [d for d in (renderer.date_short(r.date) if r.date else None,
                                 r.covers.label(renderer.style) if r.covers else None) if d]
            return Cell("text" if len(dates) == 1 else "lines", dates)
        if field == "period":
            return period_cell(r.period, None, renderer)
        if field == "responsible":
            return lines_cell(r.responsible)
        if field == "evidence":
            return evidence_cell(r, self.item_url, self.file_url, self.titles)
        return lines_cell(getattr(r, field))


def _rows_of(spec: TableSpec, measures: list[Measure]) -> list[tuple[Measure, Result | None]]:
    """Which (measure, result) each row shows: one row per measure (with the result of the
    table's round, or its only result), or one row per result."""
    rows: list[tuple[Measure, Result | None]] = []
    for m in measures:
        chosen = [r for r in m.results if spec.round is None or r.round == spec.round]
        if spec.rows == "results":
            rows.extend((m, r) for r in chosen)
        else:
            rows.append((m, chosen[0] if len(chosen) == 1 else None))
    return rows


def _merged(rows: list[list[tuple[Cell, Any]]]) -> list[list[Cell | None]]:
    """Cells that belong to the same owner in consecutive rows become one cell over those rows
    (rowspan), as the source prints a measure once beside its activities."""
    out: list[list[Cell | None]] = [[c for c, _ in row] for row in rows]
    for col in range(len(rows[0]) if rows else 0):
        start = 0
        while start < len(rows):
            owner = rows[start][col][1]
            end = start + 1
            while owner is not None and end < len(rows) and rows[end][col][1] == owner:
                end += 1
            if end - start > 1:
                out[start][col] = replace(rows[start][col][0], rowspan=end - start)
                for below in range(start + 1, end):
                    out[below][col] = None
            start = end
    return out


def _literal_parts(data: list[Any]) -> list[tuple[str, list[list[Cell | None]]]]:
    """A table written cell by cell (`data:`): a lone text is a group row across the table."""
    parts: list[tuple[str, list[list[Cell | None]]]] = [("", [])]
    for row in data:
        if isinstance(row, str):
            parts.append((row, []))
        else:
            parts[-1][1].append([lines_cell(value) for value in row])
    return [p for p in parts if p[0] or p[1]]


def source_tables(spec: TableSpec, groups: list[Group], cells: SourceCells, base_id: str) -> list[SourceTable]:
    """The declared table, or (groups: headings) one such table per group."""
    header_rows = _header_rows(spec)
    width = len(spec.leaves())
    labels = _labels(spec)
    if spec.data is not None:
        return [SourceTable(header_rows, _literal_parts(spec.data), width, base_id, labels=labels)]
    parts = []
    for group in groups:
        rows = [cells.row(spec, group, m, r) for m, r in _rows_of(spec, group.measures)]
        if rows:
            parts.append((group.heading if spec.groups != "none" else "", _merged(rows)))
    if spec.groups == "headings":
        return [SourceTable(header_rows, [("", rows)], width, f"{base_id}-{n}", heading, labels)
                for n, (heading, rows) in enumerate(parts, 1)]
    return [SourceTable(header_rows, parts, width, base_id, labels=labels)]
