"""The integrity-measures page: which columns a report uses, and its Markdown.

Pure functions from a loaded `Measures` model (content/measures/<year>.yml) to the page's
Markdown. Domain objects know nothing of HTML: this module turns them into plain table
specs (headers, rows of cells holding *unescaped* text), and the template
`measures.md.j2` escapes every value with the renderer's filters.

Only columns with data are shown, so each agency's report keeps its own shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from . import thai
from .models.measures import Group, IndicatorRow, Measure, Measures, Result
from .models.report_layout import Column, TableSpec
from .render import Renderer
from .status import Status

STATUS_TEXT = {
    "not_started": "ยังไม่ได้ดำเนินการ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
}
ROUND_TEXT = {6: "รอบ 6 เดือน", 12: "รอบ 12 เดือน"}

# OIT progress status, as the completeness check names it → CSS modifier.

MEASURE_COLUMNS: dict[str, str] = {
    "number": "ลำดับ",
    "name": "มาตรการ/กิจกรรม",
    "questions": "ข้อคำถาม",
    "finding": "ข้อค้นพบ",
    "guideline": "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "steps": "ขั้นตอน/วิธีการปฏิบัติ",
    "target": "เป้าหมาย/ตัวชี้วัด",
    "budget": "งบประมาณ (บาท)",
    "period": "ระยะเวลาดำเนินการ",
    "responsible": "ผู้รับผิดชอบ",
    "monitoring": "การติดตามประเมินผล",
    "note": "หมายเหตุ",
}
RESULT_COLUMNS: dict[str, str] = {
    "number": "ลำดับ",
    "measure": "มาตรการ/กิจกรรม",
    "round": "รอบการรายงาน",
    "status": "สถานะ",
    "method": "วิธีดำเนินการ",
    "summary": "สรุปผลการดำเนินการ",
    "outputs": "ผลผลิต",
    "outcomes": "ผลลัพธ์",
    "problems": "ปัญหา/อุปสรรค",
    "recommendations": "ข้อเสนอแนะ",
    "date": "วันที่",
    "evidence": "หลักฐาน",
}
INDICATOR_COLUMNS: dict[str, str] = {
    "indicator": "ตัวชี้วัด",
    "score": "คะแนน",
    "guideline": "แนวทางในการยกระดับผลการประเมิน",
    "responsible": "ผู้รับผิดชอบ",
    "period": "ระยะเวลา",
    "status": "สถานะ",
    "progress": "ความก้าวหน้าผลการดำเนินการ",
}
OIT_COLUMNS: dict[str, str] = {
    "item": "ข้อ",
    "title": "ข้อมูล",
    "components": "องค์ประกอบด้านข้อมูล",
    "responsible": "ผู้รับผิดชอบ",
    "status": "สถานะ",
    "missing": "องค์ประกอบที่ยังขาด",
    "note": "ผลการดำเนินการ",
}
SCORE_COLUMNS: dict[str, str] = {
    "indicator": "ตัวชี้วัด",
    "tool": "เครื่องมือ",
    "score": "คะแนน",
    "note": "หมายเหตุ",
}
# Headers of fields that only a declared table shows (docs/measures.md, "Tables as the source has them").
FIELD_HEADERS: dict[str, str] = {
    **MEASURE_COLUMNS, "group": "ประเด็น",
    **{f"result.{k}": v for k, v in RESULT_COLUMNS.items()},
    "result.period": "ระยะเวลาดำเนินการ", "result.responsible": "ผู้รับผิดชอบ",
}
# The standard layout of a report without `body:`.
DEFAULT_BODY = ("analysis", "measures", "results", "iit", "eit", "sign_off")

SIGN_OFF_ROLES = {
    "prepared": "ผู้จัดทำรายงาน",
    "reviewed": "ผู้ตรวจสอบ/เสนอความเห็น",
    "approved": "ผู้อนุมัติ",
}

# A list item that carries its own marker: "1.", "๑)", "(2)", "-", "•", "ก."
_MARKER = re.compile(r"^\s*(?:[-–•*]|\(?[0-9๐-๙]{1,3}[.)]|\([0-9๐-๙]{1,3}\)|[ก-ฮ][.)])")


# --------------------------------------------------------------------------- cells and tables


@dataclass
class Cell:
    """One table cell or block of text, unescaped.

    kind: text (one line), lines (line breaks), list (bulleted; `plain` when every item
    carries its own number or dash), links ((label, href) pairs), status (text + `css`).
    """

    kind: str = "text"
    items: list[Any] = field(default_factory=list)
    plain: bool = False
    css: str = ""
    rowspan: int = 1  # a declared table's cell merged over the rows it belongs to

    def __bool__(self) -> bool:
        return any(self.items)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    keys: list[str] = field(default_factory=list)


@dataclass
class OitRow:
    """One row of the derived OIT progress table, computed by the caller from the completeness
    check. `status` is the check's `Status` (shown by its short word); `missing` lists missing components."""

    number: int
    title: str = ""
    components: str | list[str] = ""
    responsible: str | list[str] | None = None
    status: Status | None = None
    missing: list[str] = field(default_factory=list)
    sub_indicator: str | None = None


def has_data(value: Any) -> bool:
    """True for a value worth a column: not None, not blank, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Cell):
        return bool(value)
    if isinstance(value, (list, tuple, set, dict)):
        return any(has_data(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def lines_cell(value: str | list[str] | None) -> Cell:
    """Text as written: a string keeps its line breaks; a list becomes a list."""
    if value is None or not has_data(value):
        return Cell()
    if isinstance(value, str):
        lines = [line.strip() for line in value.replace("\r", "").split("\n") if line.strip()]
        return Cell("text" if len(lines) == 1 else "lines", lines)
    items = [str(v).strip() for v in value if has_data(v)]
    if len(items) == 1:
        return Cell("text", items)
    return Cell("list", items, plain=all(_MARKER.match(i) for i in items))


def _text(value: Any) -> Cell:
    return Cell("text", [str(value)]) if has_data(value) else Cell()


def _score(value: float | None) -> Cell:
    return Cell("text", [f"{value:.2f}"]) if value is not None else Cell()


def _period(text: str | None, covers: Any, renderer: Renderer) -> Cell:
    parts = [p for p in (text, covers.label(renderer.style) if covers is not None else None) if has_data(p)]
    return Cell("text" if len(parts) <= 1 else "lines", parts)


def _status(status: str | None) -> Cell:
    if not status:
        return Cell()
    return Cell("status", [STATUS_TEXT[status]], css=status.replace("_", "-"))


def _table(columns: Mapping[str, str], labels: Mapping[str, str], rows: list[dict[str, Cell]]) -> Table:
    keys = [k for k in columns if any(row.get(k) for row in rows)]
    headers = [labels.get(k) or columns[k] for k in keys]
    return Table(headers, [[row.get(k) or Cell() for k in keys] for row in rows], keys)


def referenced_items(measures: Measures) -> set[int]:
    """OIT item numbers the file points at (evidence links and responsible-unit overrides),
    so the caller can warn about numbers that the year's catalog does not have."""
    numbers = {o.item for o in measures.oit}
    for measure in measures.all_measures():
        for result in measure.results:
            numbers.update(e.item for e in result.evidence if e.item is not None)
    return numbers


# --------------------------------------------------------------------------- page sections


def _measure_label(measure: Measure, index: int) -> str:
    if measure.name:
        return measure.name
    return f"มาตรการที่ {measure.number or index}"


def _measure_table(group_measures: list[Measure], labels: Mapping[Any, str], renderer: Renderer) -> Table:
    rows = []
    for m in group_measures:
        rows.append({
            "number": _text(m.number),
            "name": _text(m.name),
            "questions": _questions(m.questions),
            "finding": lines_cell(m.finding),
            "guideline": lines_cell(m.guideline),
            "steps": lines_cell(m.steps),
            "target": lines_cell(m.target),
            "budget": _text(thai.format_baht(m.budget) if isinstance(m.budget, Decimal) else m.budget),
            "period": _period(m.period, m.covers, renderer),
            "responsible": lines_cell(m.responsible),
            "monitoring": lines_cell(m.monitoring),
            "note": lines_cell(m.note),
        })
    return _table(MEASURE_COLUMNS, labels, rows)


def _evidence_cell(result: Result, item_url: Callable[[int], str | None], file_url: Callable[[str], str],
                   titles: Mapping[int, str]) -> Cell:
    links = []
    for e in result.evidence:
        if e.item is not None:
            label = e.title or " ".join(p for p in (f"O{e.item}", titles.get(e.item, "")) if p)
            links.append((label, item_url(e.item)))  # no page (a year without a catalog): text only
        elif e.file is not None:
            links.append((e.title or e.file.rsplit("/", 1)[-1], file_url(e.file)))
        else:
            links.append((e.title or str(e.url), str(e.url)))
    return Cell("links", links) if links else Cell()


def _result_table(group_measures: list[Measure], labels: Mapping[Any, str], renderer: Renderer,
                  item_url: Callable[[int], str | None], file_url: Callable[[str], str],
                  titles: Mapping[int, str]) -> tuple[Table | None, list[str]]:
    rows, pending = [], []
    for index, m in enumerate(group_measures, 1):
        if not m.results:
            pending.append(_measure_label(m, index))
            continue
        for r in m.results:
            dates = [d for d in (renderer.date_short(r.date) if r.date else None,
                                 r.covers.label(renderer.style) if r.covers else None) if d]
            rows.append({
                "number": _text(m.number),
                "measure": _text(_measure_label(m, index)),
                "round": _text(ROUND_TEXT.get(r.round, "")) if r.round else Cell(),
                "status": _status(r.status),
                "method": lines_cell(r.method),
                "summary": lines_cell(r.summary),
                "outputs": lines_cell(r.outputs),
                "outcomes": lines_cell(r.outcomes),
                "problems": lines_cell(r.problems),
                "recommendations": lines_cell(r.recommendations),
                "date": Cell("text" if len(dates) == 1 else "lines", dates),
                "evidence": _evidence_cell(r, item_url, file_url, titles),
            })
    return (_table(RESULT_COLUMNS, labels, rows) if rows else None), pending


def _indicator_table(rows_in: list[IndicatorRow], labels: Mapping[Any, str], renderer: Renderer) -> Table | None:
    if not rows_in:
        return None
    rows = [{
        "indicator": _text(r.indicator),
        "score": _score(r.score),
        "guideline": lines_cell(r.guideline),
        "responsible": lines_cell(r.responsible),
        "period": _period(r.period, r.covers, renderer),
        "status": _status(r.status),
        "progress": lines_cell(r.progress),
    } for r in rows_in]
    return _table(INDICATOR_COLUMNS, labels, rows)


def _get(row: Any, name: str, default: Any = None) -> Any:
    if isinstance(row, Mapping):
        return row.get(name, default)
    return getattr(row, name, default)


def _oit_status(status: Status | str | None) -> Cell:
    """The check's status shows its own short word and class; a word typed by the caller
    is shown as written, in the neutral class."""
    if isinstance(status, Status):
        return Cell("status", [status.short], css=status.value)
    return Cell("status", [str(status)], css="unknown") if status else Cell()


def _oit_sections(oit_rows: Iterable[Any], measures: Measures, labels: Mapping[Any, str],
                  item_url: Callable[[int], str | None]) -> list[dict[str, Any]]:
    overrides = {o.item: o for o in measures.oit}
    sections: list[dict[str, Any]] = []
    for row in oit_rows:
        number = int(_get(row, "number"))
        override = overrides.get(number)
        responsible = override.responsible if override and override.responsible else _get(row, "responsible")
        if isinstance(responsible, str):
            responsible = [responsible]
        status = _get(row, "status")
        cells = {
            "item": Cell("links", [(f"O{number}", item_url(number))]),
            "title": _text(_get(row, "title")),
            "components": lines_cell(_get(row, "components")),
            "responsible": lines_cell(responsible),
            "status": _oit_status(status),
            "missing": lines_cell(list(_get(row, "missing") or [])),
            "note": lines_cell(override.note) if override else Cell(),
        }
        group = _get(row, "sub_indicator") or ""
        if not sections or sections[-1]["heading"] != group:
            sections.append({"heading": group, "rows": []})
        sections[-1]["rows"].append(cells)
    out = []
    for index, section in enumerate(sections, 1):
        found = re.search(r"\d+(?:\.\d+)*", section["heading"])  # "ตัวชี้วัดย่อยที่ 9.1 …" → oit-9-1
        slug = found.group().replace(".", "-") if found else ""
        out.append({
            "heading": section["heading"],
            "id": f"oit-{slug}" if slug else f"oit-{index}",
            "table": _table(OIT_COLUMNS, labels, section["rows"]),
        })
    return out


# --------------------------------------------------------------------------- declared tables


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


class _Cells:
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
            return _text(r.number)
        if spec.rows == "results" and r is not None and field == "name" and r.name:
            return _text(r.name)
        if field == "group":
            return _text(group.heading)
        return self._measure(field, m)

    def _measure(self, field: str, m: Measure) -> Cell:
        renderer = self.renderer
        return {
            "number": lambda: _text(m.number),
            "name": lambda: _text(m.name),
            "questions": lambda: _questions(m.questions),
            "budget": lambda: _text(thai.format_baht(m.budget) if isinstance(m.budget, Decimal) else m.budget),
            "period": lambda: _period(m.period, m.covers, renderer),
            "responsible": lambda: lines_cell(m.responsible),
        }.get(field, lambda: lines_cell(getattr(m, field)))()

    def _result(self, field: str, r: Result) -> Cell:
        renderer = self.renderer
        if field == "round":
            return _text(ROUND_TEXT.get(r.round, "")) if r.round else Cell()
        if field == "status":
            return _status(r.status)
        if field == "date":
            dates = [d for d in (renderer.date_short(r.date) if r.date else None,
                                 r.covers.label(renderer.style) if r.covers else None) if d]
            return Cell("text" if len(dates) == 1 else "lines", dates)
        if field == "period":
            return _period(r.period, None, renderer)
        if field == "responsible":
            return lines_cell(r.responsible)
        if field == "evidence":
            return _evidence_cell(r, self.item_url, self.file_url, self.titles)
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


def source_tables(spec: TableSpec, groups: list[Group], cells: _Cells, base_id: str) -> list[SourceTable]:
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


def _group_id(prefix: str, group: Any, index: int, used: set[str]) -> str:
    if group.issue is not None:
        base = f"{prefix}-issue-{group.issue}"
    elif group.indicator and re.sub(r"[^0-9.]", "", group.indicator):
        base = f"{prefix}-indicator-" + re.sub(r"[^0-9]+", "-", group.indicator).strip("-")
    else:
        base = f"{prefix}-{index}"
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    used.add(ident)
    return ident


def _signers(measures: Measures) -> list[dict[str, Any]]:
    if not measures.sign_off:
        return []
    blocks = []
    for role, label in [*SIGN_OFF_ROLES.items(), ("signer", "")]:
        for signer in getattr(measures.sign_off, "signers" if role == "signer" else role):
            blocks.append({"role": role, "label": signer.role or label, "signer": signer,
                           "comment": lines_cell(signer.comment)})
    return blocks


_LONG_RUN = re.compile(r"(?:&#?\w+;|[^\s\u0e00-\u0e7f<>&])+")


def wbr(escaped: str, run: int = 24) -> str:
    """Break opportunities (<wbr>) in long runs without spaces that are not Thai (URLs, codes,
    hostile strings), so a table column can narrow instead of pushing the page wider. Thai text
    needs none: the browser breaks it at word boundaries. Works on `md` output: entities stay whole;
    the text itself is unchanged."""

    def split(match: re.Match) -> str:
        tokens = re.findall(r"&#?\w+;|.", match[0], re.S)
        if len(tokens) <= run:
            return match[0]
        out, count = [], 0
        for token in tokens:
            out.append(token)
            count += 1
            if count >= run or token in "/.?&=_-" or token in ("&#95;", "&#124;", "&#126;"):
                out.append("<wbr>")
                count = 0
        return "".join(out).removesuffix("<wbr>")

    return _LONG_RUN.sub(split, escaped)


def default_title(year: int) -> str:
    return f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}"


def measures_markdown(
    renderer: Renderer,
    measures: Measures,
    agency_name: str,
    oit_rows: Iterable[Any],
    item_url: Callable[[int], str | None],
    *,
    file_url: Callable[[str], str] | None = None,
    pdf_url: str | None = None,
    eit_survey: str = "",
    template: str = "measures.md.j2",
    result_levels: list[str] | None = None,
) -> str:
    """The measures page of `measures.year` as Markdown.

    oit_rows: the derived OIT progress rows, in catalog order: `OitRow`s, or any objects or
    dicts with number, title, components (text or list), responsible (text, list or None),
    status (a `Status.short` word: ครบถ้วน / ยังไม่ครบถ้วน / ยังไม่ได้เผยแพร่), missing (list of text), optionally sub_indicator.
    An empty list leaves the OIT section out. `responsible` is replaced by the file's
    `oit: [{item, responsible}]` override when it has one.
    item_url(n): relative link from this page to item n's page (e.g. "o12.md").
    file_url(path): link to a file under content/files/ (default "../files/<path>").
    pdf_url: link to the PDF of this report when the build makes one, relative to the built
    page's URL (e.g. "measures-2567.pdf"); written as plain HTML because the file appears only
    after MkDocs has checked the links.
    result_levels: the level words of the analysed year (its catalog's result_levels), highest first.
    eit_survey: the Markdown of the EIT survey box, placed where the report puts `eit_survey`
    (by default after the signed document).
    """
    file_url = file_url or (lambda path: f"../files/{path}")
    renderer.env.filters.setdefault("wbr", wbr)
    oit_rows = list(oit_rows)
    titles = {int(_get(r, "number")): str(_get(r, "title") or "") for r in oit_rows}
    labels = measures.labels

    measure_sections, result_sections = [], []
    used_ids: set[str] = set()
    groups = measures.all_groups()
    for index, group in enumerate(groups, 1):
        heading = group.heading
        measure_sections.append({
            "heading": heading,
            "id": _group_id("measures", group, index, used_ids),
            "description": lines_cell(group.description),
            "table": _measure_table(group.measures, labels.measures, renderer),
        })
        table, pending = _result_table(group.measures, labels.results, renderer, item_url, file_url, titles)
        result_sections.append({
            "heading": heading,
            "id": _group_id("results", group, index, used_ids),
            "table": table,
            "pending": pending,
        })
    has_results = any(s["table"] for s in result_sections)

    analysis = measures.analysis
    analysis_view = None
    if analysis is not None:
        score_rows = [{
            "indicator": _text(" ".join(p for p in (
                f"ตัวชี้วัดที่ {s.code}" if s.code else "", s.name) if p)),
            "tool": _text(s.tool),
            "score": _score(s.score),
            "note": _text(s.note),
        } for s in analysis.indicators]
        analysis_view = {
            "model": analysis,
            "score": f"{analysis.score:.2f}" if analysis.score is not None else None,
            "summary": lines_cell(analysis.summary),
            "scores": _table(SCORE_COLUMNS, {}, score_rows) if score_rows else None,
            "weak_points": [_point_text(p) for p in analysis.weak_points],
            "improvements": [_point_text(p) for p in analysis.improvements],
            "limits": list(analysis.limits),
            "levels": list(result_levels or []),
        }

    cells = _Cells(renderer, item_url, file_url, titles)
    blocks = _blocks(measures, groups, cells)
    present = {"oit_progress": bool(oit_rows), "eit_survey": bool(eit_survey)}
    return renderer.render(
        template,
        agency_name=agency_name,
        year=measures.year,
        title=measures.title or default_title(measures.year),
        memo_title=measures.title if measures.memo else None,
        intro=lines_cell(measures.intro),
        memo=measures.memo,
        analysis=analysis_view,
        measure_sections=measure_sections,
        result_sections=result_sections if has_results else [],
        iit=_indicator_table(measures.iit, labels.iit, renderer),
        eit=_indicator_table(measures.eit, labels.eit, renderer),
        oit_sections=_oit_sections(oit_rows, measures, labels.oit, item_url) if oit_rows else [],
        eit_survey=eit_survey,
        signers=_signers(measures),
        blocks=blocks,
        outside=[{"kind": "section", "name": name, "heading": _standard_heading(name, measures.year)}
                 for name in measures.outside_sections() if present[name]],
        pdf_url=pdf_url,
        thai_digits=renderer.style is not thai.DigitStyle.ARABIC,
    )


# The headings of the standard sections in the standard layout (a declared body has only its own).
SECTION_HEADINGS: dict[str, dict[str, str]] = {
    "analysis": {"text": "การวิเคราะห์ผลการประเมิน", "id": "analysis"},
    "measures": {"text": "มาตรการและแนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "id": "measures"},
    "results": {"text": "ผลการดำเนินการตามมาตรการ", "id": "results"},
    "iit": {"text": "การยกระดับผลการประเมินตามตัวชี้วัด IIT", "id": "iit"},
    "eit": {"text": "การยกระดับผลการประเมินตามตัวชี้วัด EIT", "id": "eit"},
    "oit_progress": {"text": "ความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ (OIT)", "id": "oit-progress"},
    "sign_off": {"text": "การลงนามรับรองรายงาน", "id": "sign-off"},
}


def _standard_heading(name: str, year: int) -> dict[str, str] | None:
    heading = SECTION_HEADINGS.get(name)
    if name == "oit_progress" and heading:
        return {**heading, "text": f"{heading['text']} ประจำปี {year}"}
    return heading


def _blocks(measures: Measures, groups: list[Group], cells: _Cells) -> list[dict[str, Any]]:
    """The signed document's blocks in order: the report's own `body:`, or the standard layout.
    Signatures come right after the body when the body does not place them."""
    if measures.body is None:
        return [{"kind": "section", "name": name, "heading": _standard_heading(name, measures.year)}
                for name in DEFAULT_BODY]
    blocks: list[dict[str, Any]] = []
    for n, block in enumerate(measures.body, 1):
        heading = {"text": block.heading, "id": f"part-{n}", "level": block.level} if block.heading else None
        if block.section:
            if heading and block.section in ("oit_progress", "sign_off"):
                heading["id"] = SECTION_HEADINGS[block.section]["id"]
            blocks.append({"kind": "section", "name": block.section, "heading": heading})
            continue
        if heading:
            blocks.append({"kind": "heading", **heading})
        if block.text is not None:
            blocks.append({"kind": "text", "cell": lines_cell(block.text)})
        if block.table is not None:
            base = block.table.id or f"table-{n}"
            blocks.append({"kind": "tables", "level": block.level if heading else 1,
                           "tables": source_tables(block.table, groups, cells, base)})
    if "sign_off" not in measures.placed_sections():
        blocks.append({"kind": "section", "name": "sign_off", "heading": None})
    return blocks


def _point_text(point: Any) -> str:
    extra = []
    if point.indicator:
        extra.append(point.indicator if point.indicator.startswith("ตัวชี้วัด") else f"ตัวชี้วัดที่ {point.indicator}")
    if point.questions:
        extra.append("ข้อคำถาม " + ", ".join(q.code for q in point.questions))
    if point.score is not None:
        extra.append(f"คะแนน {point.score:.2f}")
    return f"{point.text} ({'; '.join(extra)})" if extra else point.text


def _questions(questions: list[Any]) -> Cell:
    labels = [q.label for q in questions]
    if len(labels) > 1:
        return Cell("list", labels, plain=True)  # the codes mark the items
    return lines_cell(labels)
