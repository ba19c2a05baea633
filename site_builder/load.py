"""Read content/ and data/ into validated models, reporting every problem at once."""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from . import measures_year, plausible
from .errors import Problem, ProblemList
from .models.base import Model, Text
from .models.catalog import Catalog, DocumentsCheck, FieldsCheck, Item, RecordsCheck, ResultLevels, simple_checks
from .models.content import TOPIC_FILES, Content
from .models.evidence import Document
from .models.measures import Measures
from .models.organisation import Executive
from .models.procurement import Procurement
from .package_data import catalogs_dir
from .procurement_sheets import read_purchases
from .public_names import public_name
from .uploads import upload_problem
from .workbooks import EXTENSIONS as SHEET_EXTENSIONS
from .yamlsource import LineDict, LineList, YamlSyntaxError, cut_short, field_path, line_of, read_yaml, validate

FILE_FIELDS = ("file", "photo", "logo")
_REFERENCE_FIELDS = frozenset((*FILE_FIELDS, "kind"))
PACKAGE_DATA_MISSING = (
    "ไม่พบรายการประเมินและชนิดเอกสารที่มากับโปรแกรม ให้ติดตั้งใหม่: pip install --force-reinstall ita-site-builder "
    "(the catalogs shipped with the package are missing: reinstall it)"
)


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
    item_files: dict[int, dict[int, str]] = field(default_factory=dict)  # year → item → catalog file
    catalog_years: set[int] = field(default_factory=set)  # every year with a catalog, built or not
    result_levels: dict[int, list[str]] = field(default_factory=dict)  # analysed years not built: level words


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
        problems.extend(err.problems)
        # What could be read is still checked, so one fault does not hide the others.
        return Source(path, shown, err.data) if err.data is not None else None


def data_layers(data_dir: Path | None) -> list[Path]:
    """Where catalogs and kinds are read from, in order: the package's own, then the site's
    data/ (when it exists and is another folder), whose files add to or override them."""
    layers = [catalogs_dir()]
    if data_dir is not None and data_dir.is_dir() and data_dir.resolve() != layers[0].resolve():
        layers.append(data_dir)
    return layers


def load_kinds(data_dir: Path | None, root: Path, problems: ProblemList) -> dict[str, Kind]:
    """The package's kinds, with the site's data/kinds.yml on top (a kind of the same name replaces it)."""
    kinds: dict[str, Kind] = {}
    for layer in data_layers(data_dir):
        path = layer / "kinds.yml"
        if not path.is_file():
            if layer == catalogs_dir():
                problems.add(relative(path, root), None, "", PACKAGE_DATA_MISSING)
            continue
        source = _read(path, root, problems)
        if source is None:
            continue
        if not isinstance(source.data, dict):
            problems.add(source.shown_as, 1, "", "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อชนิด: {title: ...} (expected a mapping of kinds)")
            continue
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
    """Evidence files exist inside content/files/, document kinds are known; dates that are
    surely typing slips are warned about."""
    for loc, message in plausible.slips(model, walk):
        problems.warn(source.shown_as, line_of(source.data, loc), field_path(loc), message)
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
            try:
                target = (files_dir / value).resolve()
                found = target.is_file()
            except (OSError, RuntimeError) as err:  # a name too long for the disk, a loop of links
                problems.add(source.shown_as, line, where, f"เปิดไฟล์ '{cut_short(value)}' ไม่ได้: "
                             f"{getattr(err, 'strerror', None) or err} (cannot open the file)")
                continue
            if not target.is_relative_to(files_root) or target == files_root:
                problems.add(source.shown_as, line, where, f"ไฟล์ '{value}' ต้องอยู่ใต้ content/files/ "
                             f"(ลิงก์สัญลักษณ์ที่ชี้ออกไปนอกโฟลเดอร์ก็ไม่รับ) (must be inside content/files/)")
            elif not found and isinstance(owner, Executive) and name == "photo":
                # A missing portrait is a gap of the executives item (a warning naming it),
                # not a data error: the rest of the site still builds.
                owner.photo = None
                owner._missing_photo = value
            elif not found:
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
            # The kinds come with the package: name the ones this topic file usually holds.
            usual = [k for k, kind in kinds.items() if kind.topic == source.path.stem] or list(kinds)
            hint = (f" หมายถึง '{near[0]}' หรือไม่? (did you mean '{near[0]}'?)" if near
                    else f" ชนิดที่ใช้ได้ (known kinds): {', '.join(usual)}")
            problems.add(source.shown_as, line, where, f"ไม่รู้จักชนิดเอกสาร '{cut_short(value)}' (unknown document kind){hint}")


def _check_public_names(files: dict[str, int], problems: ProblemList) -> None:
    """Two files must not be published under one name (a derived name meeting a real one)."""
    owners: dict[str, str] = {}
    for name in sorted(files):
        other = owners.setdefault(public_name(name), name)
        if other != name:
            problems.add(f"content/files/{name}", None, "",
                         f"ได้ชื่อเผยแพร่ files/{public_name(name)} ซ้ำกับไฟล์ content/files/{other} "
                         "ให้เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง (two files would be published under one name: rename one)")


def procurement_files(content_dir: Path) -> list[Path]:
    """content/procurement/*.csv, .xlsx, .xls, .ods; not the lock files Excel leaves (~$…) nor hidden ones."""
    folder = content_dir / "procurement"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in SHEET_EXTENSIONS and not p.name.startswith(("~$", ".")) and p.is_file())


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
            hint = (f" หมายถึง '{near[0]}.yml' หรือไม่? (did you mean '{near[0]}.yml'?)" if near
                    else f" ไฟล์ที่ใช้ได้ (topic files): {', '.join(TOPIC_FILES)}")
            problems.add(relative(path, root), None, "", f"ไม่รู้จักไฟล์หัวข้อ '{path.name}' (unknown topic file){hint}")
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
        for loc, message in measures_year.disagreements(model):
            problems.warn(source.shown_as, line_of(source.data, loc), field_path(loc), message)
        measures[model.year] = model
    stems: dict[str, Path] = {}
    for path in procurement_files(content_dir):
        if path.stem in stems:
            problems.add(relative(path, root), None, "",
                         f"มีทั้ง {stems[path.stem].name} และ {path.name}: รายการจะซ้ำกัน ให้เก็บไว้ไฟล์เดียว "
                         "(the same purchases twice: keep one file)")
            continue
        stems[path.stem] = path
        rows = read_purchases(path, relative(path, root), problems.items)
        procurement = topics.setdefault("procurement", Procurement())
        assert isinstance(procurement, Procurement)
        procurement.purchases.extend(rows)
    if "agency" not in topics:
        if not (content_dir / "agency.yml").is_file():
            problems.add(relative(content_dir / "agency.yml", root), None, "",
                         "ต้องมีไฟล์ agency.yml (ชื่อหน่วยงาน ประเภท เว็บไซต์หลัก) (agency.yml is required)")
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


def catalog_files(data_dir: Path | None) -> dict[str, list[Path]]:
    """Catalog files by name (2568.yml), the package's first, then the site's."""
    found: dict[str, list[Path]] = {}
    for layer in data_layers(data_dir):
        for path in sorted((layer / "ita").glob("*.yml")):
            found.setdefault(path.name, []).append(path)
    return found


def _merge_catalog(base: Source, site: Source, problems: ProblemList) -> tuple[Any, list[str]] | None:
    """The package's catalog with the site's file of the same year on top: each of its items
    replaces the package's item of the same number or is added; any other key it has (title,
    source, provisional, sub_indicators) replaces the package's. Returns the merged raw data and,
    per item, the file it came from; None when the site's items are not valid."""
    if not isinstance(site.data, LineDict):
        problems.add(site.shown_as, getattr(site.data, "line", None) or 1, "",
                     "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า เช่น items: [...] (expected a mapping)")
        return None
    if not isinstance(base.data, LineDict):
        return site.data, []
    site_items = site.data.get("items", [])
    if not isinstance(site_items, list):
        problems.add(site.shown_as, line_of(site.data, ("items",)), "items", "ต้องเป็นรายการ (expected a list)")
        return None
    count = len(problems.items)
    valid = [validate(Item, raw, site.shown_as, problems.items, ("items", k)) for k, raw in enumerate(site_items)]
    if len(problems.items) > count or _duplicate_items(site.data, None, site.shown_as, problems):
        return None
    merged = LineDict(base.data)
    merged.line, merged.key_lines = base.data.line, dict(base.data.key_lines)
    for key, value in site.data.items():
        if key != "items":
            merged[key], merged.key_lines[key] = value, site.data.key_lines[key]
    items = LineList(base.data.get("items") or [])
    items.line, items.item_lines = merged.key_lines.get("items", 0), list(getattr(base.data.get("items"), "item_lines", []))
    files = [base.shown_as] * len(items)
    position = {raw.get("number"): i for i, raw in enumerate(items) if isinstance(raw, dict)}
    for k, (raw, item) in enumerate(zip(site_items, valid, strict=True)):
        assert item is not None  # problems were found otherwise
        line = site_items.item_lines[k] if isinstance(site_items, LineList) else None
        if item.number in position:
            i = position[item.number]
            items[i], items.item_lines[i], files[i] = raw, line, site.shown_as
        else:
            items.append(raw)
            items.item_lines.append(line)
            files.append(site.shown_as)
    merged["items"] = items
    return merged, files


def _duplicate_items(data: Any, files: list[str] | None, shown: str, problems: ProblemList) -> bool:
    """Report each item number written twice, with the lines of both; True if any."""
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, LineList):
        return False
    seen: dict[Any, int] = {}
    found = False
    for i, raw in enumerate(items):
        number = raw.get("number") if isinstance(raw, dict) else None
        if not isinstance(number, int):
            continue
        if number in seen:
            first = seen[number]
            file, first_file = (files[i], files[first]) if files else (shown, shown)
            where = f"บรรทัด {items.item_lines[first]}" + (f" ของ {first_file}" if first_file != file else "")
            problems.add(file, items.item_lines[i], f"items[{i}].number",
                         f"ข้อ O{number} ซ้ำกับข้อใน{where} ให้เหลือไว้ข้อเดียว "
                         f"(item number written twice, first at line {items.item_lines[first]})")
            found = True
        else:
            seen[number] = i
    return found


def load_catalogs(data_dir: Path | None, kinds: dict[str, Kind], sections: set[str], root: Path,
                  problems: ProblemList, years: list[int] | None = None,
                  item_files: dict[int, dict[int, str]] | None = None) -> dict[int, Catalog]:
    """Every catalog, the site's files merged over the package's (see _merge_catalog);
    `item_files` receives, per year and item number, the file the item came from."""
    catalogs: dict[int, Catalog] = {}
    for name, paths in sorted(catalog_files(data_dir).items()):
        stem = name.removesuffix(".yml")
        if years is not None and stem.isdigit() and int(stem) not in years:
            continue
        read = [_read(path, root, problems) for path in paths]
        sources = [s for s in read if s is not None]
        if len(sources) < len(read):
            continue
        source = sources[-1]
        data, files = source.data, list[str]()
        if len(sources) == 2 and not (isinstance(source.data, dict) and source.data.get("replace") is True):
            merged = _merge_catalog(sources[0], sources[1], problems)
            if merged is None:
                continue
            data, files = merged
        if _duplicate_items(data, files or None, source.shown_as, problems):
            continue
        catalog = validate(Catalog, data, source.shown_as, problems.items)
        if catalog is None:
            continue
        if str(catalog.year) != stem:
            problems.add(source.shown_as, line_of(source.data, ("year",)), "year",
                         f"ปี {catalog.year} ไม่ตรงกับชื่อไฟล์ {name} (the year must match the file name)")
        for i, item in enumerate(catalog.items):
            shown = files[i] if files else source.shown_as
            for j, component in enumerate(item.components):
                loc = ("items", i, "components", j, "check")
                for check in simple_checks(component.check):
                    why = _check_reference_error(check, kinds)
                    if why:
                        problems.add(shown, line_of(data, loc), f"O{item.number}.{component.id}", why)
            unknown = [k for k in item.also_show if k not in kinds]
            if unknown:
                problems.add(shown, line_of(data, ("items", i, "also_show")), f"O{item.number}.also_show",
                             f"ไม่รู้จักชนิดเอกสาร {', '.join(unknown)} (data/kinds.yml)")
            for k, section in enumerate(item.sections):
                if section.split(":")[0] not in sections:
                    problems.add(shown, line_of(data, ("items", i, "sections", k)),
                                 f"O{item.number}.sections", f"ไม่รู้จักส่วนแสดงผล '{section}' (known: {', '.join(sorted(sections))})")
            if item_files is not None:
                item_files.setdefault(catalog.year, {})[item.number] = shown
        catalogs[catalog.year] = catalog
    return catalogs


def load_all(content_dir: Path, data_dir: Path, sections: set[str], years: list[int] | None = None,
             root: Path | None = None) -> Loaded:
    """Load everything, raising ContentError with every problem found."""
    root = root or Path.cwd()
    problems = ProblemList()
    sizes: dict[str, int] = {}
    item_files: dict[int, dict[int, str]] = {}
    kinds = load_kinds(data_dir, root, problems)
    catalogs = load_catalogs(data_dir, kinds, sections, root, problems, years, item_files)
    files = catalog_files(data_dir)
    for year in years or []:
        if year not in catalogs and f"{year}.yml" not in files:
            known = sorted(int(n.removesuffix(".yml")) for n in files if n.removesuffix(".yml").isdigit())
            problems.add("mkdocs.yml", None, "plugins.ita.years",
                         f"ไม่มีรายการประเมิน (catalog) ของปี {year}: โปรแกรมรุ่นนี้มีปี "
                         f"{', '.join(map(str, known)) or '-'} ให้ปรับรุ่นโปรแกรม (pip install --upgrade ita-site-builder) "
                         f"หรือเพิ่มไฟล์ data/ita/{year}.yml ในโฟลเดอร์เว็บไซต์ "
                         f"(no catalog for {year}: upgrade the tool or add data/ita/{year}.yml)")
    sources: list[Source] = []
    content = load_content(content_dir, kinds, root, problems, sizes, sources)
    _check_public_names(sizes, problems)
    problems.raise_if_any()
    assert content is not None
    analysed = {m.analysis.year for m in content.measures.values() if m.analysis and m.analysis.year}
    return Loaded(content=content, kinds=kinds, catalogs=catalogs, files_dir=content_dir / "files",
                  file_sizes=sizes, sources=sources, warnings=problems.warnings, item_files=item_files,
                  catalog_years={int(n.removesuffix(".yml")) for n in files if n.removesuffix(".yml").isdigit()},
                  result_levels=_result_levels(analysed - set(catalogs), files, root))


def _result_levels(years: set[int], files: dict[str, list[Path]], root: Path) -> dict[int, list[str]]:
    """The level words of years whose results a measures file analyses but that are not built
    (the demo's 2567 report analyses 2566): read from their catalog's result_levels only."""
    found: dict[int, list[str]] = {}
    for year in sorted(years):
        for path in reversed(files.get(f"{year}.yml", [])):  # the site's file first
            source = _read(path, root, ProblemList())
            raw = source.data.get("result_levels") if source and isinstance(source.data, dict) else None
            levels = validate(ResultLevels, raw, str(path), []) if raw is not None else None
            if levels is not None:
                found[year] = list(levels.levels)
                break
    return found


__all__ = ["Kind", "Loaded", "Problem", "load_all", "walk"]
