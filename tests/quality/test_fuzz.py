"""Broken input never gives a traceback: hypothesis feeds random and mutated YAML into
a copy of the mini fixture and runs the loader and the page generator
(`site_builder.site.prepare`, everything but MkDocs). The only allowed outcomes are
success or a ContentError whose every problem names a file, a field or a line.

Run alone:  .venv/bin/pytest tests/quality/test_fuzz.py
Longer run: HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/quality/test_fuzz.py
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quality_support import ROOT
from site_builder import logo, photos
from site_builder.errors import ContentError
from site_builder.site import Prepared, prepare

MINI = ROOT / "tests" / "fixtures" / "mini"
TARGETS = ["content/procurement/2567.csv", "content/measures/2567.yml", "content/agency.yml", "content/executives.yml", "content/plans.yml", "content/structure.yml",
           "content/contact.yml", "content/complaints.yml", "content/no_gift.yml", "content/risk.yml",
           "data/kinds.yml", "data/ita/2567.yml", "content/files/people/mayor.jpg", "content/files/plans/annual-2567.pdf"]

# No example database: the suite must not write .hypothesis/ into the repository. A failure
# prints its example; re-run it with @example.
_HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("default", max_examples=60, deadline=None, database=None, suppress_health_check=_HEALTH)
settings.register_profile("long", max_examples=2000, deadline=None, database=None, suppress_health_check=_HEALTH)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")


class Project:
    """One copy of the mini fixture; each example overwrites one file and puts it back."""

    def __init__(self) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="ita-fuzz-")
        self.root = Path(self.tmp.name) / "site"
        shutil.copytree(MINI, self.root)
        self.original = {t: (self.root / t).read_bytes() if (self.root / t).exists() else None for t in TARGETS}

    def load_with(self, target: str, data: bytes) -> Prepared | None:
        """The prepared site, or None when the data was refused (with a proper report)."""
        path = self.root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            try:
                return prepare(self.root, self.root / "content", self.root / "data", [2567], "https://www.example.go.th/ita/")
            except ContentError as err:
                assert err.problems, "ContentError without problems"
                for problem in err.problems:
                    assert problem.message and (problem.file or problem.field), problem
                    assert "Traceback" not in problem.message
                assert str(err)  # the report renders
        finally:
            if self.original[target] is None:
                path.unlink()
            else:
                path.write_bytes(self.original[target])


@pytest.fixture(scope="module")
def project():
    p = Project()
    yield p
    p.tmp.cleanup()


# ---------------------------------------------------------------- random documents

FIELD_NAMES = ["name", "title", "kind", "file", "date", "covers", "from", "to", "position", "role", "photo",
               "phone", "email", "documents", "entries", "executives", "political", "staff", "units", "duties",
               "text", "law", "head", "website", "items", "number", "components", "check", "type", "path",
               "kinds", "fields", "sections", "statistics", "received", "finished", "in_progress", "year",
               "sub_indicators", "id", "budget", "level", "gifts", "value", "digits", "colours", "primary",
               "address", "postcode", "url", "since", "until", "risks", "measures", "title_en", "topic"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["2567", "2566-2570", "2567-02-30", "2567-13-01", "0000-00-00", "2024-10-01", "annual_plan",
                     "top", "deputy", "plans/annual-2567.pdf", "../../etc/passwd", "/etc/passwd", "people/mayor.jpg",
                     "https://www.example.go.th/", "javascript:alert(1)", "documents", "structure",
                     "plans.documents", "9.1", "O1", "", " ", "~", "null", "-1", "1e309", "∞", "ก" * 200]),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12), st.integers(-5, 5))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


def dump(value) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8")


@pytest.mark.slow
@settings(settings.get_profile(PROFILE))
@given(target=st.sampled_from([t for t in TARGETS if t.endswith(".yml")]), value=documents)
def test_random_yaml_is_reported_not_raised(project, target, value):
    project.load_with(target, dump(value))


# ---------------------------------------------------------------- mutated real files

YAML_NOISE = list(":-[]{},#&*!|>'\"%@`?\t\n ") + ["\n  ", ": ", "- ", "<<: *a", "&a ", "*a", "!!binary ", "!!set ",
                                                  "!!python/object:os.system ", "\ufeff", "\x00", "\x85", "\u2028",
                                                  "\u202e", "ก", "๑", "…", "\r\n", "---\n", "...\n", "%YAML 1.1\n"]


@st.composite
def mutations(draw):
    target = draw(st.sampled_from([t for t in TARGETS if (MINI / t).exists() and t.endswith(".yml")]))
    text = (MINI / target).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate_line", "drop_line", "indent", "swap_lines"]))
        lines = text.split("\n")
        if op == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.one_of(st.sampled_from(YAML_NOISE), st.text(max_size=8))) + text[at:]
        elif op == "delete" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif op in ("duplicate_line", "drop_line", "indent", "swap_lines") and lines:
            i = draw(st.integers(0, len(lines) - 1))
            if op == "duplicate_line":
                lines.insert(i, lines[i])
            elif op == "drop_line":
                del lines[i]
            elif op == "indent":
                lines[i] = draw(st.sampled_from(["  ", "\t", " "])) + lines[i]
            else:
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "tis-620-ish"]))
    if encoding == "tis-620-ish":  # a file saved in the Thai Windows code page
        data = text.encode("cp874", errors="replace")
    else:
        data = text.encode(encoding, errors="surrogatepass")
    return target, data


@pytest.mark.slow
@settings(settings.get_profile(PROFILE))
@given(case=mutations())
def test_mutated_yaml_is_reported_not_raised(project, case):
    project.load_with(*case)


# ---------------------------------------------------------------- procurement spreadsheets

CSV_HEADERS = ["วันที่ของสัญญาหรือข้อตกลง", "เลขที่สัญญาหรือข้อตกลง", "งานที่ซื้อหรือจ้าง", "วงเงินที่จะซื้อหรือจ้าง",
               "ราคากลาง", "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก",
               "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสรุป", "สถานะ", "หมายเหตุ", "budget", "bids", "?"]
cells = st.one_of(st.text(max_size=20), st.sampled_from(
    ["2566-10-01", "2567-02-30", "1,234.50", "-5", "1e400", "ร้าน ก 10,000; ร้าน ข", "ร้าน ก 10,000; ร้าน ข 9,000",
     "เฉพาะเจาะจง", "เบิกจ่ายแล้ว", "paid", '"', '""', "\n", ",", "=cmd|' /C calc'!A0"]))


@st.composite
def spreadsheets(draw):
    header = draw(st.lists(st.sampled_from(CSV_HEADERS), min_size=0, max_size=12))
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=6))
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    if draw(st.booleans()):  # and sometimes cut it anywhere
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp874"])), errors="replace")


@pytest.mark.slow
@settings(settings.get_profile(PROFILE))
@given(data=spreadsheets())
def test_random_procurement_csv_is_reported_not_raised(project, data):
    prepared = project.load_with("content/procurement/2567.csv", data)
    if prepared is not None:  # and what is published opens in a spreadsheet as text
        for spec in prepared.site.files:
            if spec.path.endswith(".csv"):
                for row in csv.reader(io.StringIO(spec.content.lstrip("\ufeff"))):
                    for cell in row:
                        assert cell[:1] not in ("=", "+", "@", "\t", "\r") and not re.match(r"-(?!\d[\d,]*(\.\d+)?$)", cell), cell


# ---------------------------------------------------------------- uploaded files

REAL_PHOTO = (MINI / "content/files/people/mayor.jpg").read_bytes()
REAL_PDF = (MINI / "content/files/plans/annual-2567.pdf").read_bytes()


@st.composite
def uploads(draw):
    """Random bytes, real files cut short or with bytes changed, other types under the name."""
    real = draw(st.sampled_from([REAL_PHOTO, REAL_PDF]))
    kind = draw(st.sampled_from(["random", "cut", "flip", "prefix", "other"]))
    if kind == "random":
        return draw(st.binary(max_size=3000))
    if kind == "cut":
        return real[: draw(st.integers(0, len(real)))]
    if kind == "flip":
        data = bytearray(real)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind == "prefix":
        return draw(st.sampled_from([b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\0\0\0\0WEBP", b"%PDF-",
                                     b"PK\x03\x04", b"<svg", b"<html>", b"\0\0\0\x18ftypheic"])) + draw(st.binary(max_size=500))
    return draw(st.sampled_from([REAL_PHOTO, REAL_PDF, b"", b"<svg onload=alert(1)/>", b"<!doctype html>"]))


@pytest.mark.slow
@settings(settings.get_profile(PROFILE))
@given(target=st.sampled_from(["content/files/people/mayor.jpg", "content/files/plans/annual-2567.pdf"]), data=uploads())
def test_random_uploads_are_reported_not_raised(project, target, data):
    prepared = project.load_with(target, data)
    if prepared is not None and target.endswith(".jpg"):
        # An image the check let through is one the build can resize.
        (project.root / target).write_bytes(data)
        try:
            assert photos.web_photo(project.root / target)[:4] == b"RIFF"
            assert logo.web_logo(project.root / target)[:4] == b"\x89PNG"
        finally:
            (project.root / target).write_bytes(project.original[target])


# ---------------------------------------------------------------- known nasty documents


NASTY = [
    b"a: &a [*a]\n",                                   # a list that contains itself
    b"executives: &e\n  - *e\n",
    b"documents:\n  - &d {title: x, kind: annual_plan, file: plans/annual-2567.pdf, date: 2566-10-20}\n  - *d\n",
    b"a: &a {b: *a}\n",
    b"laughs: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    b"!!python/object/apply:os.system [echo pwned]\n",
    b"name: !!binary aGVsbG8=\n",
    b"documents: !!set {a, b}\n",
    b"? [a, b]\n: c\n",
    b"{1: 2, 1: 3}\n",
    b"documents:\n  - title: x\n    kind: annual_plan\n    file: plans/annual-2567.pdf\n    date: !!timestamp 2024-01-01\n",
    b"documents:\n  - title: x\n    kind: annual_plan\n    file: plans\n    covers: 2567\n",  # a directory
    b"documents:\n  - title: x\n    kind: annual_plan\n    file: plans/annual-2567.pdf\n    covers: {from: 2567-10-01, to: 2566-10-01}\n",
    b"documents:\n  - title: x\n    kind: annual_plan\n    file: plans/annual-2567.pdf\n    covers: 99999999999999999999\n",
    b"documents:\n  - title: x\n    kind: annual_plan\n    file: \"plans/annual-2567.pdf\\0.txt\"\n    date: 2566-10-20\n",
    b"\xff\xfe\x00\x00garbage",
    b"\xef\xbb\xbf" + "name: ก\n".encode(),
    b"- 1\n- 2\n",
    b"just a string\n",
    b"---\na: 1\n---\nb: 2\n",
    b"[" * 5000,
    b"[" * 999 + b"]" * 999 + b"\n",
    b"name: " + b"{a: " * 300 + b"1" + b"}" * 300 + b"\n",
    b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n".encode() for p, n in zip("abcdefghi", "bcdefghij")),
    b"t: &t " + "ก".encode() * 50_000 + b"\nall: [" + b"*t, " * 1000 + b"*t]\n",
    b"a:\n" + b"  - \n" * 3 + b"  " * 2000 + b"- x\n",
]


@pytest.mark.parametrize("data", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("target", ["content/plans.yml", "content/agency.yml", "data/ita/2567.yml"])
def test_nasty_yaml_is_reported_not_raised(project, target, data):
    project.load_with(target, data)
