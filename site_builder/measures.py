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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import thai
from .measures_cells import (
    INDICATOR_COLUMNS,
    MEASURE_COLUMNS,
    OIT_COLUMNS,
    RESULT_COLUMNS,
    ROUND_TEXT,
    SCORE_COLUMNS,
    Cell,
    Table,
    evidence_cell,
    lines_cell,
    period_cell,
    questions_cell,
    score_cell,
    status_cell,
    table_of,
    text_cell,
)
from .measures_tables import SourceCells, source_tables
from .models.measures import Group, IndicatorRow, Measure, Measures
from .render import Renderer
from .status import Status

# The standard layout of a report without `body:`.
DEFAULT_BODY = ("analysis", "measures", "results", "iit", "eit", "sign_off")


SIGN_OFF_ROLES = {
    "prepared": "ผู้จัดทำรายงาน",
    "reviewed": "ผู้ตรวจสอบ/เสนอความเห็น",
    "approved": "ผู้อนุมัติ",
}


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


def referenced_items(measures: Measures) -> set[int]:
    """OIT item numbers the file points at (evidence links and responsible-unit overrides),
    so the caller can warn about numbers that the year's catalog does not have."""
    numbers = {o.item for o in measures.oit}
    for measure in measures.all_measures():
        for result in measure.results:
            numbers.update(e.item for e in result.evidence if e.item is not None)
    return numbers


def _measure_label(measure: Measure, index: int) -> str:
    if measure.name:
        return measure.name
    return f"มาตรการที่ {measure.number or index}"


def _measure_table(group_measures: list[Measure], labels: Mapping[Any, str], renderer: Renderer) -> Table:
    rows = []
    for m in group_measures:
        rows.append({
            "number": text_cell(m.number),
            "name": text_cell(m.name),
            "questions": questions_cell(m.questions),
            "finding": lines_cell(m.finding),
            "guideline": lines_cell(m.guideline),
            "steps": lines_cell(m.steps),
            "target": lines_cell(m.target),
            "budget": text_cell(thai.format_baht(m.budget) if isinstance(m.budget, Decimal) else m.budget),
            "period": period_cell(m.period, m.covers, renderer),
            "responsible": lines_cell(m.responsible),
            "monitoring": lines_cell(m.monitoring),
            "note": lines_cell(m.note),
        })
    return table_of(MEASURE_COLUMNS, labels, rows)


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
                "number": text_cell(m.number),
                "measure": text_cell(_measure_label(m, index)),
                "round": text_cell(ROUND_TEXT.get(r.round, "")) if r.round else Cell(),
                "status": status_cell(r.status),
                "method": lines_cell(r.method),
                "summary": lines_cell(r.summary),
                "outputs": lines_cell(r.outputs),
                "outcomes": lines_cell(r.outcomes),
                "problems": lines_cell(r.problems),
                "recommendations": lines_cell(r.recommendations),
                "date": Cell("text" if len(dates) == 1 else "lines", dates),
                "evidence": evidence_cell(r, item_url, file_url, titles),
            })
    return (table_of(RESULT_COLUMNS, labels, rows) if rows else None), pending


def _indicator_table(rows_in: list[IndicatorRow], labels: Mapping[Any, str], renderer: Renderer) -> Table | None:
    if not rows_in:
        return None
    rows = [{
        "indicator": text_cell(r.indicator),
        "score": score_cell(r.score),
        "guideline": lines_cell(r.guideline),
        "responsible": lines_cell(r.responsible),
        "period": period_cell(r.period, r.covers, renderer),
        "status": status_cell(r.status),
        "progress": lines_cell(r.progress),
    } for r in rows_in]
    return table_of(INDICATOR_COLUMNS, labels, rows)


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
            "title": text_cell(_get(row, "title")),
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
            "table": table_of(OIT_COLUMNS, labels, section["rows"]),
        })
    return out


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
            "indicator": text_cell(" ".join(p for p in (
                f"ตัวชี้วัดที่ {s.code}" if s.code else "", s.name) if p)),
            "tool": text_cell(s.tool),
            "score": score_cell(s.score),
            "note": text_cell(s.note),
        } for s in analysis.indicators]
        analysis_view = {
            "model": analysis,
            "score": f"{analysis.score:.2f}" if analysis.score is not None else None,
            "summary": lines_cell(analysis.summary),
            "scores": table_of(SCORE_COLUMNS, {}, score_rows) if score_rows else None,
            "weak_points": [_point_text(p) for p in analysis.weak_points],
            "improvements": [_point_text(p) for p in analysis.improvements],
            "limits": list(analysis.limits),
            "levels": list(result_levels or []),
        }

    cells = SourceCells(renderer, item_url, file_url, titles)
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


def _blocks(measures: Measures, groups: list[Group], cells: SourceCells) -> list[dict[str, Any]]:
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
