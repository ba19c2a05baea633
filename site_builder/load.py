"""Read content/ and data/ into validated models, reporting every problem at once."""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .errors import Problem, ProblemList
from .models.base import Model, Text
from .models.catalog import Catalog, DocumentsCheck, FieldsCheck, RecordsCheck, simple_checks
from .models.content import TOPIC_FILES, Content
from .models.measures import Measures
from .models.procurement import Procurement
from .procurement_csv import read_purchases
from .public_names import public_name
from .uploads import upload_problem
from .models.evidence import Document
from .models.organisation import Executive
from .yamlsource import YamlSyntaxError, line_of, read_yaml, validate

FILE_FIELDS = ("file", "photo", "logo")
_REFERENCE_FIELDS = frozenset((*FILE_FIELDS, "kind"))


class Kind(Model):
    title: Text
    topic: str | None = Field(None)


@dataclass
class Source:
    """Raw YAML of one file, kept to find lines for problems found after validation."""

    path: Path
    shown_as: str
    data: Any


@dataclass
class Loaded:
    content: Content
    kinds: dict[str, Kind]
    catalogs: dict[int, Catalog]
    files_dir: Path
    file_sizes: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)  # raw content YAML, for line-aware scans
    warnings: list[Problem] = field(default_factory=list)  # reported like gaps, do not stop the build


def relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _read(path: Path, root: Path, problems: ProblemList) -> Source | None:
    shown = relative(path, root)
    try:
        return Source(path, shown, read_yaml(path, shown))
    except YamlSyntaxError as err:
        problems.items.append(err.problem)
        return None


def load_kinds(data_dir: Path, root: Path, problems: ProblemList) -> dict[str, Kind]:
    path = data_dir / "kinds.yml"
    if not path.is_file():
        problems.add(relative(path, root), None, "", "ไม่พบไฟล์ชนิดเอกสาร (kinds.yml is missing)")
        return {}
    source = _read(path, root, problems)
    if source is None:
        return {}
    if not isinstance(source.data, dict):
        problems.add(source.shown_as, 1, "", "ต้องเป็นชุดข้อมูล kind: {title: ...}")
        return {}
    kinds = {}
    for name, value in source.data.items():
        kind = validate(Kind, value, source.shown_as, problems.items, (name,))
        if kind is not None:
            kinds[str(name)] = kind
    return kinds


def walk(node: Any, names: frozenset[str]) -> list[tuple[tuple, str, Any, Any]]:
    """(location, field name, value, owner) of every field called one of `names` below a
    model, depth first. (Not a generator: re-yielding through every level cost more than the check.)"""
    found: list[tuple[tuple, str, Any, Any]] = []

    def visit(node: Any, loc: tuple) -> None:
        if isinstance(node, BaseModel):
            for name in type(node).model_fields:
                value = getattr(node, name)
                if name in names:
                    found.append((loc + (name,), name, value, node))
                if isinstance(value, (BaseModel, list)):
                    visit(value, loc + (name,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (BaseModel, list)):
                    visit(value, loc + (index,))

    visit(node, ())
    return found


def _path_problem(value: str) -> str | None:
    """Why a path under content/files/ is not written plainly (`..`, `./`, `\\`, a leading `/`):
    one file would have two names, and its link could point elsewhere."""
    normal = posixpath.normpath(value.replace("\\", "/")).lstrip("/")
    if normal == ".." or normal.startswith("../"):
        return f"ไฟล์ '{value}' ต้องอยู่ใต้ content/files/ (must be inside content/files/)"
    if normal != value:
        return (f"เขียนที่อยู่ไฟล์ '{value}' แบบตรง ๆ เป็น '{normal}' "
                f"(ไม่ใช้ .. ./ \\ หรือ / นำหน้า) (write the plain path under content/files/)")
    return None


def _check_references(model: BaseModel, source: Source, files_dir: Path, kinds: dict[str, Kind],
                      problems: ProblemList, sizes: dict[str, int]) -> None:
    """Evidence files exist inside content/files/, document kinds are known."""
    files_root = files_dir.resolve()
    for loc, name, value, owner in walk(model, _REFERENCE_FIELDS):
        line = line_of(source.data, loc)
        where = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")
        if name in FILE_FIELDS and isinstance(value, str) and value:
            if "\0" in value or any(ord(c) < 32 for c in value):
                problems.add(source.shown_as, line, where, "ชื่อไฟล์มีอักขระควบคุม (control character in the file name)")
                continue
            why = _path_problem(value)
            if why:
                problems.add(source.shown_as, line, where, why)
                continue
            target = (files_dir / value).resolve()
            if not target.is_relative_to(files_root) or target == files_root:
                problems.add(source.shown_as, line, where, f"ไฟล์ '{value}' ต้องอยู่ใต้ content/files/ "
                             f"(ลิงก์สัญลักษณ์ที่ชี้ออกไปนอกโฟลเดอร์ก็ไม่รับ) (must be inside content/files/)")
            elif not target.is_file() and isinstance(owner, Executive) and name == "photo":
                # A missing portrait is a gap of the executives item (a warning naming it),
                # not a data error: the rest of the site still builds.
                owner.photo = None
                owner._missing_photo = value
            elif not target.is_file():
                problems.add(source.shown_as, line, where,
                             f"ไม่พบไฟล์หลักฐาน content/files/{value} (evidence file is missing)")
            else:
                why = upload_problem(target, value, name)
                if why:
                    problems.add(source.shown_as, line, where, why)
                    continue
                sizes[value] = target.stat().st_size
        if name == "kind" and isinstance(owner, Document) and value not in kinds:
            near = difflib.get_close_matches(value, list(kinds), n=1)
            hint = f" หมายถึง '{near[0]}' หรือไม่?" if near else " (ดูรายการใน data/kinds.yml)"
            problems.add(source.shown_as, line, where, f"ไม่รู้จักชนิดเอกสาร '{value}'{hint}")


def _check_public_names(files: dict[str, int], problems: ProblemList) -> None:
    """Two files must not be published under one name (a derived name meeting a real one)."""
    owners: dict[str, str] = {}
    for name in sorted(files):
        other = owners.setdefault(public_name(name), name)
        if other != name:
            problems.add(f"content/files/{name}", None, "",
                         f"ได้ชื่อเผยแพร่ files/{public_name(name)} ซ้ำกับไฟล์ content/files/{other} "
                         "ให้เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง (two files would be published under one name: rename one)")


def load_content(content_dir: Path, kinds: dict[str, Kind], root: Path, problems: ProblemList,
                 sizes: dict[str, int], sources: list[Source]) -> Content | None:
    files_dir = content_dir / "files"
    topics: dict[str, BaseModel] = {}
    if not content_dir.is_dir():
        problems.add(relative(content_dir, root), None, "", "ไม่พบโฟลเดอร์เนื้อหา (content directory is missing)")
        return None
    for path in sorted(content_dir.glob("*.y*ml")):
        stem = path.stem
        if stem not in TOPIC_FILES:
            near = difflib.get_close_matches(stem, list(TOPIC_FILES), n=1)
            hint = f" หมายถึง '{near[0]}.yml' หรือไม่?" if near else f" ไฟล์ที่ใช้ได้: {', '.join(TOPIC_FILES)}"
            problems.add(relative(path, root), None, "", f"ไม่รู้จักไฟล์หัวข้อ '{path.name}'.{hint}")
            continue
        source = _read(path, root, problems)
        if source is None:
            continue
        sources.append(source)
        data = source.data if source.data is not None else {}
        model = validate(TOPIC_FILES[stem], data, source.shown_as, problems.items)
        if model is not None:
            _check_references(model, source, files_dir, kinds, problems, sizes)
            topics[stem] = model
    measures = {}
    for path in sorted((content_dir / "measures").glob("*.y*ml")):
        source = _read(path, root, problems)
        if source is None:
            continue
        sources.append(source)
        model = validate(Measures, source.data, source.shown_as, problems.items)
        if model is None:
            continue
        _check_references(model, source, files_dir, kinds, problems, sizes)
        if str(model.year) != path.stem:
            problems.add(source.shown_as, line_of(source.data, ("year",)), "year",
                         f"ปี {model.year} ไม่ตรงกับชื่อไฟล์ {path.name} (ตั้งชื่อไฟล์ตามปีที่ประเมิน)")
            continue
        measures[model.year] = model
    csv_dir = content_dir / "procurement"
    for path in sorted(csv_dir.glob("*.csv")) if csv_dir.is_dir() else []:
        rows = read_purchases(path, relative(path, root), problems.items)
        topics.setdefault("procurement", Procurement()).purchases.extend(rows)
    if "agency" not in topics:
        if not (content_dir / "agency.yml").is_file():
            problems.add(relative(content_dir / "agency.yml", root), None, "",
                         "ต้องมีไฟล์ agency.yml (ชื่อหน่วยงาน ประเภท เว็บไซต์หลัก)")
        return None
    return Content(**topics, measures=measures)


def _model_has_path(path: str) -> str | None:
    """Why a `topic.field` path does not exist in the content models, or None."""
    topic, _, rest = path.partition(".")
    model = TOPIC_FILES.get(topic)
    if model is None:
        return f"ไม่มีหัวข้อ '{topic}' (topics: {', '.join(TOPIC_FILES)})"
    if rest and rest not in model.model_fields and not isinstance(getattr(model, rest, None), property):
        return f"หัวข้อ '{topic}' ไม่มีช่อง '{rest}' (fields: {', '.join(model.model_fields)})"
    return None


def _check_reference_error(check: object, kinds: dict[str, Kind]) -> str | None:
    """Why a catalog rule names a kind or a content path that does not exist, or None."""
    if isinstance(check, DocumentsCheck):
        unknown = [k for k in check.kinds if k not in kinds]
        if unknown:
            return f"ไม่รู้จักชนิดเอกสาร {', '.join(unknown)} (data/kinds.yml)"
    elif isinstance(check, (RecordsCheck, FieldsCheck)):
        return _model_has_path(check.path)
    return None


def load_catalogs(data_dir: Path, kinds: dict[str, Kind], sections: set[str], root: Path,
                  problems: ProblemList, years: list[int] | None = None) -> dict[int, Catalog]:
    catalogs: dict[int, Catalog] = {}
    for path in sorted((data_dir / "ita").glob("*.yml")):
        if years is not None and path.stem.isdigit() and int(path.stem) not in years:
            continue
        source = _read(path, root, problems)
        if source is None:
            continue
        catalog = validate(Catalog, source.data, source.shown_as, problems.items)
        if catalog is None:
            continue
        if str(catalog.year) != path.stem:
            problems.add(source.shown_as, line_of(source.data, ("year",)), "year",
                         f"ปี {catalog.year} ไม่ตรงกับชื่อไฟล์ {path.name}")
        for i, item in enumerate(catalog.items):
            for j, component in enumerate(item.components):
                loc = ("items", i, "components", j, "check")
                for check in simple_checks(component.check):
                    why = _check_reference_error(check, kinds)
                    if why:
                        problems.add(source.shown_as, line_of(source.data, loc), f"O{item.number}.{component.id}", why)
            unknown = [k for k in item.also_show if k not in kinds]
            if unknown:
                problems.add(source.shown_as, line_of(source.data, ("items", i, "also_show")), f"O{item.number}.also_show",
                             f"ไม่รู้จักชนิดเอกสาร {', '.join(unknown)} (data/kinds.yml)")
            for k, name in enumerate(item.sections):
                if name.split(":")[0] not in sections:
                    problems.add(source.shown_as, line_of(source.data, ("items", i, "sections", k)),
                                 f"O{item.number}.sections", f"ไม่รู้จักส่วนแสดงผล '{name}' (known: {', '.join(sorted(sections))})")
        catalogs[catalog.year] = catalog
    return catalogs


def load_all(content_dir: Path, data_dir: Path, sections: set[str], years: list[int] | None = None,
             root: Path | None = None) -> Loaded:
    """Load everything, raising ContentError with every problem found."""
    root = root or Path.cwd()
    problems = ProblemList()
    sizes: dict[str, int] = {}
    kinds = load_kinds(data_dir, root, problems)
    catalogs = load_catalogs(data_dir, kinds, sections, root, problems, years)
    for year in years or []:
        if year not in catalogs and not (data_dir / "ita" / f"{year}.yml").is_file():
            known = sorted(int(p.stem) for p in (data_dir / "ita").glob("*.yml") if p.stem.isdigit())
            problems.add("mkdocs.yml", None, "plugins.ita.years",
                         f"ไม่มีรายการประเมิน (catalog) ของปี {year}: ต้องมีไฟล์ data/ita/{year}.yml "
                         f"(มีอยู่: {', '.join(map(str, known)) or 'ไม่มี'})")
    sources: list[Source] = []
    content = load_content(content_dir, kinds, root, problems, sizes, sources)
    _check_public_names(sizes, problems)
    problems.raise_if_any()
    assert content is not None
    return Loaded(content=content, kinds=kinds, catalogs=catalogs, files_dir=content_dir / "files",
                  file_sizes=sizes, sources=sources, warnings=problems.warnings)


__all__ = ["Kind", "Loaded", "Problem", "load_all", "walk"]
