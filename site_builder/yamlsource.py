"""Read YAML keeping the line of every key and list entry, and turn validation
errors into problems that name the file, the line and the field."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Problem

M = TypeVar("M", bound=BaseModel)


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict
    size: int = 0  # the text it holds once aliases are expanded (characters, plus one per entry)


class LineList(list):
    """A list that remembers the line of each entry (1-based)."""

    line: int = 0
    item_lines: list
    size: int = 0


# Bounds for YAML that explodes: aliases (*name) repeat what an anchor (&name) holds without
# copying it, so nine lines can stand for a billion entries ("billion laughs") that every later
# step would walk; deep nesting exhausts Python's stack. Real content stays far below both
# (the demo's largest file holds about 100,000 characters and nests 6 levels).
MAX_SIZE = 20_000_000
MAX_DEPTH = 40


# The C parser when PyYAML has it: our constructors below still see every node's line.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]  # a base chosen at import time
    """SafeLoader that keeps lines and leaves dates as text.

    Dates stay strings so that an impossible date (2567-02-30) is reported by
    validation with its field and line, instead of crashing the YAML parser,
    and so that Buddhist Era years can be read.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
# By first character, wildcard resolvers included: PyYAML's resolve() rebuilds this list for
# every node, which was the largest cost of reading the content.
_IMPLICIT = {
    first: resolvers + _Loader.yaml_implicit_resolvers.get(None, [])
    for first, resolvers in _Loader.yaml_implicit_resolvers.items() if first is not None
}
_NO_RESOLVERS = _Loader.yaml_implicit_resolvers.get(None, [])
_DEFAULT_TAGS = {
    yaml.ScalarNode: _Loader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: _Loader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: _Loader.DEFAULT_MAPPING_TAG,
}


def _resolve(loader: _Loader, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """The tag of a node: PyYAML's resolve() for a loader without path resolvers."""
    if kind is yaml.ScalarNode and implicit[0]:
        for tag, regexp in _IMPLICIT.get(value[:1], _NO_RESOLVERS):
            if regexp.match(value):
                return tag
    return _DEFAULT_TAGS[kind]


_Loader.resolve = _resolve
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct(loader: _Loader, node: yaml.Node) -> Any:
    # Most nodes are plain text: skip PyYAML's per-node bookkeeping for them (same value).
    if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:
        return node.value
    return loader.construct_object(node, deep=True)


def _size(values) -> int:
    return sum(len(v) if type(v) is str else (v.size if type(v) in (LineDict, LineList) else 1) for v in values) + 1


def _enter(loader: _Loader, node: yaml.Node) -> None:
    loader.depth = getattr(loader, "depth", 0) + 1
    if loader.depth > MAX_DEPTH:
        raise yaml.constructor.ConstructorError(
            None, None, f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (nested more than {MAX_DEPTH} levels deep)",
            node.start_mark)


def _check_size(result: LineDict | LineList, values, node: yaml.Node) -> None:
    result.size = _size(values)
    if result.size > MAX_SIZE:
        raise yaml.constructor.ConstructorError(
            None, None, f"ข้อมูลขยายตัวเกิน {MAX_SIZE:,} ตัวอักษรเมื่อแทนการอ้างอิง (alias *…) ด้วยค่าจริง "
            f"ใช้ค่าซ้ำโดยไม่อ้างอิงซ้อนกันหลายชั้น (aliases expand beyond {MAX_SIZE:,} characters)",
            node.start_mark)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    written = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)  # keys merged in (<<: *base) come first, those written here win
    merged = len(node.value) - written
    _enter(loader, node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    from_base: set = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = _construct(loader, key_node)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise yaml.constructor.ConstructorError(
                None, None, "ชื่อช่องข้อมูลต้องเป็นข้อความ (a key must be plain text)", key_node.start_mark
            )
        if key in result and index >= merged and key not in from_base:
            # Reported, and the rest of the file still read: a lost file would turn into a
            # cascade of knock-on errors (one kind defined twice: every use "unknown").
            first = result.key_lines[key]
            loader.duplicates.append((key_node.start_mark.line + 1, f"ชื่อช่องข้อมูล '{cut_short(key)}' ซ้ำกับบรรทัด {first} "
                                      f"ให้เหลือไว้ที่เดียว (duplicate key, first at line {first})"))
            continue
        result[key] = _construct(loader, value_node)
        result.key_lines[key] = key_node.start_mark.line + 1
        if index < merged:
            from_base.add(key)
        else:
            from_base.discard(key)
    _check_size(result, result.values(), node)
    loader.depth -= 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    _enter(loader, node)
    result = LineList([_construct(loader, child) for child in node.value])
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    _check_size(result, result, node)
    loader.depth -= 1
    return result


def cut_short(value: object, limit: int = 60) -> str:
    """A value quoted in a message, cut short: a message never carries a whole huge value."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} ตัวอักษร)"


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


_YAML_PROBLEMS = {
    "exceeded maximum nesting depth": f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (nested too deep)",
}


class YamlSyntaxError(Exception):
    """A file that cannot be read as it is. `data` is what could be read anyway (a file whose
    only fault is a duplicate key), or None; `problems` holds every fault, the first is `problem`."""

    def __init__(self, problem: Problem, data: Any = None, more: tuple[Problem, ...] = ()):
        self.problem = problem
        self.problems = [problem, *more]
        self.data = data
        super().__init__(str(problem))


def read_yaml(path: Path, shown_as: str | None = None) -> Any:
    """Parse one YAML file; a syntax error becomes a Problem with its line."""
    name = shown_as or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:  # a folder named x.yml, a file the user may not read
        raise YamlSyntaxError(Problem(name, None, "", f"เปิดไฟล์ไม่ได้ ({err.strerror or err})")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line: int | None = data.count(b"\n", 0, err.start) + 1
        # Characters, as an editor counts them: everything before the bad byte decodes.
        column = len(data[data.rfind(b"\n", 0, err.start) + 1:err.start].decode("utf-8")) + 1
        raise YamlSyntaxError(Problem(name, line, "", f"ไฟล์ต้องเข้ารหัส UTF-8 แต่ไบต์ที่คอลัมน์ {column} ไม่ใช่ "
                                                      f"(บันทึกไฟล์ใหม่เป็น UTF-8) (not UTF-8 at column {column})")) from None
    try:
        loader = _Loader(text)
        loader.duplicates = []
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
        if loader.duplicates:
            first, *more = (Problem(name, line, "", message) for line, message in loader.duplicates)
            raise YamlSyntaxError(first, data, tuple(more))
        return data
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = err.problem or err.context or "YAML ไม่ถูกต้อง"
        if "quoted scalar" in (err.context or "") and err.context_mark:
            # The scanner notices a missing closing quote only where the file ends.
            mark = err.context_mark
            what = "เครื่องหมายคำพูดที่เปิดในบรรทัดนี้ไม่มีตัวปิด (unterminated quote opened here)"
        what = _YAML_PROBLEMS.get(what, what)
        line = mark.line + 1 if mark else None
        if "tab" in what or (line and _indented_with_tab(text, line)):
            what = TAB_INDENT
        raise YamlSyntaxError(Problem(name, line, "", f"รูปแบบ YAML ผิด: {cut_short(yaml_problem(what), 300)}")) from None
    except yaml.reader.ReaderError as err:
        # A control character (Word's Shift+Enter leaves \x0b) that YAML may not hold.
        # Found again here: the C parser counts its position in bytes, the Python one in characters.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line = text.count("\n", 0, bad.start()) + 1 if bad else None
        code = f"U+{ord(bad.group()[0]):04X}" if bad else str(err.character)
        raise YamlSyntaxError(Problem(name, line, "", f"มีอักขระควบคุมที่มองไม่เห็น (รหัส {code}) ซึ่ง YAML "
                                                      "ไม่รับ มักติดมาจากการคัดลอกจาก Word ให้ลบออกแล้วพิมพ์ใหม่ "
                                                      "(a control character YAML does not accept)")) from None
    except yaml.YAMLError as err:
        raise YamlSyntaxError(Problem(name, None, "", f"รูปแบบ YAML ผิด: {yaml_problem(str(err))}")) from None


# PyYAML's problems in the webmaster's words: what is wrong, what to do, an example.
_YAML_HINTS = (
    ("cannot start any token", "มีอักขระที่ขึ้นต้นค่าไม่ได้ (เช่น @ ` % หรือ Tab) ให้ครอบทั้งค่าด้วยเครื่องหมายคำพูด "
                               "เช่น name: \"@bansuanluang\""),
    ("mapping values are not allowed", "มีเครื่องหมาย : ตามด้วยช่องว่างอยู่กลางค่า ให้ครอบทั้งค่าด้วยเครื่องหมายคำพูด "
                                       "เช่น title: \"เรื่อง: ประกาศผล\""),
    ("could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อช่องข้อมูล หรือค่าหลายบรรทัดเยื้องไม่ตรงกัน "
                                    "ให้เขียนเป็น ชื่อช่อง: ค่า เช่น phone: 0 5499 0100"),
    ("expected <block end>", "การเยื้องบรรทัดไม่ตรงกับบรรทัดก่อนหน้า ให้เยื้องรายการในระดับเดียวกันด้วยจำนวนช่องว่างเท่ากัน"),
    ("did not find expected key", "การเยื้องบรรทัดไม่ตรงกับบรรทัดก่อนหน้า ให้เยื้องช่องข้อมูลในระดับเดียวกันด้วยจำนวนช่องว่างเท่ากัน"),
    ("did not find expected '-'", "รายการต้องขึ้นต้นด้วย '- ' ทุกบรรทัดในระดับเดียวกัน"),
    ("found unexpected end of stream", "เปิดเครื่องหมายคำพูดแล้วไม่ได้ปิด ให้ปิดด้วยเครื่องหมายเดียวกันในบรรทัดเดียวกัน"),
    ("found unknown escape character", "มีเครื่องหมาย \\ ในข้อความที่ครอบด้วย \" ให้ใช้เครื่องหมาย ' ครอบแทน"),
    ("found undefined alias", "อ้างถึง *ชื่อ ที่ไม่ได้ประกาศด้วย &ชื่อ ไว้ก่อน ให้ครอบค่าที่ขึ้นต้นด้วย * ด้วยเครื่องหมายคำพูด"),
    ("found unhashable key", "ชื่อช่องข้อมูลต้องเป็นข้อความ"),
    ("expected a comment or a line break", "มีข้อความเกินมาหลังค่าที่ครอบด้วยเครื่องหมายคำพูด ให้ครอบทั้งค่าด้วยเครื่องหมายคำพูด"),
    ("expected ',' or ']'", "รายการในวงเล็บ [ ] ต้องคั่นด้วย , และปิดด้วย ]"),
    ("expected ',' or '}'", "กลุ่มข้อมูลในวงเล็บ { } ต้องคั่นด้วย , และปิดด้วย }"),
)


def yaml_problem(what: str) -> str:
    """A PyYAML message in Thai (the English follows in parentheses); never English only."""
    if re.search(r"[\u0e00-\u0e7f]", what):
        return what
    for key, thai in _YAML_HINTS:
        if key in what:
            return f"{thai} ({what})"
    return f"เขียนไม่ถูกรูปแบบ YAML ให้ตรวจการเยื้อง เครื่องหมาย : และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า ({what})"


TAB_INDENT = ("ใช้ปุ่ม Tab เยื้องบรรทัดไม่ได้ ให้เยื้องด้วยการเว้นวรรค (ช่องว่าง) แทน "
              "(YAML is indented with spaces, not tabs)")


def _indented_with_tab(text: str, line: int) -> bool:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return False
    content = lines[line - 1]
    return "\t" in content[: len(content) - len(content.lstrip())]


def line_of(data: Any, loc: tuple) -> int | None:
    """The line of the deepest part of `loc` that exists in the raw data."""
    line = getattr(data, "line", None) or None
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, str):
            continue  # a key the model wraps a written list in (sign_off: [...] → signers)
        else:
            break
        inner = getattr(node, "line", None)
        if isinstance(node, LineDict) and inner and part == loc[-1]:
            line = line or inner
    return line


_MESSAGES = {
    "missing": "ต้องระบุ (required field is missing)",
    "extra_forbidden": "ไม่รู้จักช่องข้อมูลนี้ (unknown field)",
    "string_type": "ต้องเป็นข้อความ (expected text)",
    "int_type": "ต้องเป็นจำนวนเต็ม (expected a whole number)",
    "int_parsing": "ต้องเป็นจำนวนเต็ม (expected a whole number)",
    "float_type": "ต้องเป็นตัวเลข (expected a number)",
    "float_parsing": "ต้องเป็นตัวเลข (expected a number)",
    "decimal_parsing": "ต้องเป็นตัวเลข (expected a number)",
    "list_type": "ต้องเป็นรายการ (expected a list: lines starting with '- ')",
    "dict_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อช่อง: ค่า (expected a mapping)",
    "model_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อช่อง: ค่า (expected a mapping)",
    "bool_type": "ต้องเป็น true หรือ false",
    "bool_parsing": "ต้องเป็น true หรือ false",
    "url_parsing": "ต้องเป็น URL เช่น https://www.example.go.th/",
    "url_scheme": "URL ต้องขึ้นต้นด้วย http:// หรือ https://",
}


def field_path(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names valid at the parent of `loc`, for 'did you mean' hints."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            # Unions and containers: look through the annotation for a model.
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}) or [])


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_THAI = re.compile(r"[\u0e00-\u0e7f]")
# What the models' patterns ask for, in words with an example: a webmaster cannot read a regex.
PATTERN_WORDS = {
    r"^\d{5}$": "รหัสไปรษณีย์ตัวเลข 5 หลัก เช่น 52130 (five digits)",
    r"^#[0-9a-fA-F]{6}$": "รหัสสี # ตามด้วยตัวเลขฐานสิบหก 6 ตัว เช่น \"#1d6b3a\" (a colour as #RRGGBB, in quotes)",
    r"^[a-z0-9_]+$": "อักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ เช่น annual_plan (lower-case letters, digits, _)",
    r"^[a-z][a-z0-9-]*$": "อักษรอังกฤษตัวเล็กขึ้นต้น ตามด้วยอักษร ตัวเลข หรือ - เช่น plan (lower-case letters, digits, -)",
}


def _choices(expected: str) -> tuple[str, str]:
    """pydantic's "'top', 'deputy' or 'other'" as Thai text, and the first choice as an example."""
    values = re.findall(r"'([^']*)'", expected) or [expected]
    return " ".join(values), values[0]


def _bound(ctx: dict, key: str) -> str:
    return str(ctx.get(key, ""))


def explain(item: Mapping[str, Any], model: type[BaseModel] | None = None, loc: tuple = ()) -> str:
    """One pydantic error in Thai: what is wrong, what to do, an example; the English
    message follows in parentheses where it adds something. Never English only."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    got = item.get("input")
    shown = f" (ได้ {cut_short(repr(got))})" if isinstance(got, (str, int, float, bool)) and got is not None else ""
    message = _MESSAGES.get(kind)
    if kind == "extra_forbidden" and loc and model is not None:
        allowed = _allowed_fields(model, loc)
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" หมายถึง '{near[0]}' หรือไม่? (did you mean '{near[0]}'?)" if near else ""
        if allowed and not near:
            hint = f" ช่องที่ใช้ได้: {', '.join(allowed)}"
        message = f"{message}{hint}"
    elif kind in ("value_error", "assertion_error"):
        message = str(ctx.get("error") or item.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    elif kind == "string_pattern_mismatch":
        expected = PATTERN_WORDS.get(str(ctx.get("pattern")))
        message = (f"รูปแบบไม่ถูกต้อง{shown} ต้องเป็น{expected}" if expected else
                   f"รูปแบบไม่ถูกต้อง{shown} ให้แก้ตามรูปแบบที่กำหนด (pattern {ctx.get('pattern')})")
    elif kind == "union_tag_invalid":
        message = f"ชนิด '{ctx.get('tag')}' ไม่มี ค่าที่ใช้ได้: {_choices(str(ctx.get('expected_tags', '')))[0]}"
    elif kind == "union_tag_not_found":
        message = f"ต้องระบุช่อง {ctx.get('discriminator', 'type')} เช่น type: documents"
    elif kind in ("literal_error", "enum"):
        choices, first = _choices(str(ctx.get("expected", "")))
        name = loc[-1] if loc and isinstance(loc[-1], str) else "ค่า"
        message = f"ใช้ค่า {cut_short(repr(got))} ไม่ได้ ค่าที่ใช้ได้: {choices} ให้เลือกค่าใดค่าหนึ่ง เช่น {name}: {first}"
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        word = {"greater_than_equal": ("ต้องไม่น้อยกว่า", "ge"), "greater_than": ("ต้องมากกว่า", "gt"),
                "less_than_equal": ("ต้องไม่เกิน", "le"), "less_than": ("ต้องน้อยกว่า", "lt")}[kind]
        message = f"{word[0]} {_bound(ctx, word[1])}{shown} ให้แก้ตัวเลขในช่องนี้ (เช่น จำนวนเงินใส่เป็นค่าบวก)"
    elif kind == "string_too_short":
        minimum = ctx.get("min_length", 1)
        message = "ต้องไม่เว้นว่าง ให้ใส่ข้อความ" if minimum == 1 else f"ต้องยาวอย่างน้อย {minimum} ตัวอักษร"
    elif kind == "string_too_long":
        message = f"ยาวเกิน {ctx.get('max_length')} ตัวอักษร ให้ย่อข้อความ"
    elif kind == "too_short":
        message = f"ต้องมีอย่างน้อย {ctx.get('min_length', 1)} รายการ (บรรทัดละรายการ ขึ้นต้นด้วย '- ')"
    elif kind == "too_long":
        message = f"มีได้ไม่เกิน {ctx.get('max_length')} รายการ"
    elif kind.startswith(("date_", "datetime_", "time_")) and message is None:
        message = f"ต้องเป็นวันที่ที่มีอยู่จริงในรูปแบบ ปี-เดือน-วัน เช่น 2567-03-31{shown}"
    if message is None:
        message = f"ค่าในช่องนี้ไม่ถูกต้อง{shown} ให้ตรวจและแก้ค่า"
    if kind in ("string_type", "int_parsing", "float_parsing", "int_type") and "input" in item:
        message += f" ได้ {cut_short(repr(item['input']))}"
    english = str(item.get("msg", ""))
    if not _THAI.search(message):
        message = f"ค่าในช่องนี้ไม่ถูกต้อง ({message})"
    elif english and not _THAI.search(english) and kind not in _MESSAGES and english not in message \
            and kind not in ("value_error", "assertion_error", "extra_forbidden", "literal_error", "enum") \
            and str(ctx.get("pattern")) not in PATTERN_WORDS:  # those carry their English already
        message += f" ({english})"
    return message


def problems_from_validation(
    err: ValidationError, data: Any, file: str, model: type[BaseModel], prefix: tuple = ()
) -> list[Problem]:
    problems = []
    for item in err.errors(include_url=False):
        # Drop the markers pydantic inserts in locations, such as 'function-after[...]'.
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        problems.append(Problem(file, line_of(data, loc), field_path(prefix + loc), cut_short(explain(item, model, loc), 500)))
    return problems


def validate(model: type[M], data: Any, file: str, problems: list[Problem], prefix: tuple = ()) -> M | None:
    """Validate raw data against a model; on failure add problems and return None."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems.extend(problems_from_validation(err, data, file, model, prefix))
        return None
