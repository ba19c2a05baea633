"""`ita new`: the files of a new agency site, as text (the CLI writes them).

Each topic file starts as comments only: what it holds, which items of the newest catalog it
feeds, the document kinds that belong in it, and every field of its model commented out, so
the file is valid YAML at once and the site builds (with gaps) before anything is filled in.
"""

from __future__ import annotations

import enum
import json
import typing
from pathlib import Path

from pydantic import BaseModel

from . import publish
from .generate import write
from .models.catalog import (
    Catalog,
    DocumentsCheck,
    FieldsCheck,
    MeasuresCheck,
    RecordsCheck,
    RolesCheck,
    SettingCheck,
    simple_checks,
)
from .models.content import TOPIC_FILES

# What each topic file holds, in the webmaster's words.
TOPIC_NOTES = {
    "agency": "ชื่อ ประเภท เว็บไซต์หลัก ตราสัญลักษณ์ สี รหัส ITAS และการใช้เลขไทย",
    "structure": "แผนผังโครงสร้าง (ฝ่ายการเมือง ฝ่ายประจำ) และอำนาจหน้าที่พร้อมกฎหมายที่กำหนด",
    "executives": "ผู้บริหาร: ชื่อ ตำแหน่ง บทบาท รูปถ่าย โทรศัพท์ อีเมล",
    "contact": "ที่อยู่ โทรศัพท์ อีเมล เวลาทำการ แผนที่ และช่องทางถาม-ตอบ สังคมออนไลน์ E-Service แจ้งเรื่องร้องเรียน",
    "news": "ข่าวประชาสัมพันธ์",
    "laws": "กฎหมายที่เกี่ยวข้องกับการดำเนินงาน",
    "privacy": "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "plans": "แผนพัฒนา แผนดำเนินงานประจำปี งบประมาณ รายงานรอบ 6 เดือน และรายงานประจำปี",
    "manuals": "คู่มือการปฏิบัติงานและคู่มือการให้บริการ",
    "services": "สถิติการให้บริการ ผลสำรวจความพึงพอใจ และบริการออนไลน์",
    "procurement": "แผนและประกาศจัดซื้อจัดจ้าง สรุปผลรายเดือน (สขร.1) และรายการจัดซื้อจัดจ้าง\n"
                   "ตารางรายการจัดซื้อจัดจ้างแบบ สขร.1 (.xlsx .xls หรือ .csv ปีละไฟล์) วางไว้ใน content/procurement/\n"
                   "ดูรายละเอียดใน docs/procurement.md ของโปรแกรม",
    "hr": "การบริหารและพัฒนาทรัพยากรบุคคล: นโยบาย แผน หลักเกณฑ์ และรายงานผล",
    "complaints": "การจัดการเรื่องร้องเรียนการทุจริต: คู่มือ ช่องทาง และสถิติเรื่องร้องเรียน",
    "participation": "การเปิดโอกาสให้มีส่วนร่วม: กิจกรรมที่ประชาชนมีส่วนร่วม",
    "no_gift": "นโยบายไม่รับของขวัญ (No Gift Policy): ประกาศ กิจกรรม และรายงานการรับของขวัญ",
    "risk": "การประเมินความเสี่ยงการทุจริตและมาตรการจัดการความเสี่ยง",
    "anti_corruption": "แผนป้องกันการทุจริตและรายงานผลการดำเนินการ",
    "ethics": "ประมวลจริยธรรม คณะทำงาน สิ่งที่ควรทำและไม่ควรทำ และกิจกรรมเสริมสร้างวัฒนธรรมองค์กร",
}
HOW_TO = [
    "วิธีกรอก: ลบเครื่องหมาย # หน้าบรรทัดที่ต้องการ แล้วกรอกข้อมูลหลังเครื่องหมาย : (เยื้องด้วยการเว้นวรรค ห้ามใช้ Tab)",
    "เอกสารหลักฐาน (PDF) และรูปภาพ วางไว้ใต้ content/files/ แล้วอ้างด้วย file: เช่น plans/แผนดำเนินงาน-2569.pdf",
    "วันที่เขียนแบบ ปปปป-ดด-วว เช่น 2568-10-15 ช่วงเวลา covers: 2569 (ปีงบประมาณ) หรือ {from: 2568-10-01, to: 2569-03-31}",
    "หลังแก้ไข สั่ง ita check เพื่อดูว่ายังขาดอะไร (Remove the # and fill in; ita check lists what is missing.)",
]


def topic_feeds(catalog: Catalog, kinds: dict) -> dict[str, list[str]]:
    """Topic (file stem, or 'measures') → the items of `catalog` that read it, as 'O1 title'."""
    feeds: dict[str, list[str]] = {}
    for item in catalog.items:
        topics: set[str] = set()
        for component in item.components:
            for check in simple_checks(component.check):
                if isinstance(check, DocumentsCheck):
                    topics |= {kinds[k].topic for k in check.kinds if k in kinds and kinds[k].topic}
                elif isinstance(check, (RecordsCheck, FieldsCheck)):
                    topics.add(check.path.partition(".")[0])
                elif isinstance(check, RolesCheck):
                    topics.add("executives")
                elif isinstance(check, SettingCheck):
                    topics.add("agency")
                elif isinstance(check, MeasuresCheck):
                    topics.add("measures")
        topics |= {kinds[k].topic for k in item.also_show if k in kinds and kinds[k].topic}
        for topic in topics:
            feeds.setdefault(topic, []).append(f"{item.label} {item.title}")
    return feeds


def _list_of(annotation: object) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_list_of(arg) for arg in typing.get_args(annotation))


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _choices(annotation: object) -> list[str]:
    """The values a Literal or an Enum field takes."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    if typing.get_origin(annotation) in (list, dict):
        return []
    return [c for arg in typing.get_args(annotation) for c in _choices(arg)]


def skeleton(model: type[BaseModel], indent: str = "", depth: int = 0, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every field of `model` as a commented YAML line with its description; lists of models
    show one entry, nested models their fields."""
    lines = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        key = info.alias or name
        note = info.description or ""
        if info.is_required():
            note = f"(ต้องระบุ) {note}".strip()
        choices = _choices(info.annotation)
        if choices:
            note = f"{note} ค่าที่ใช้ได้: {', '.join(choices)}".strip()
        inner = _model_in(info.annotation)
        is_list = _list_of(info.annotation)
        comment = f"  # {note}" if note else ""
        lines.append(f"# {indent}{key}:{comment}")
        if inner is not None and depth < 2:
            if is_list:
                sub = skeleton(inner, indent + "    ", depth + 1)
                if sub:
                    sub[0] = sub[0].replace(f"# {indent}    ", f"# {indent}  - ", 1)
                lines += sub
            else:
                lines += skeleton(inner, indent + "  ", depth + 1)
        elif is_list and inner is None:
            lines.append(f"# {indent}  - ")
    return lines


def _header(title: str, feeds: list[str], year: int, kinds: list[tuple[str, str]]) -> list[str]:
    lines = [f"# {line}" for line in title.splitlines()] + ["# " + "-" * 72]
    if feeds:
        lines.append(f"# ข้อมูลในไฟล์นี้ใช้ในข้อประเมิน ITA ปีงบประมาณ {year} (feeds these items):")
        lines += [f"#   {feed}" for feed in feeds]
    if kinds:
        lines.append("# ชนิดเอกสาร (kind) ที่อยู่ในไฟล์นี้:")
        lines += [f"#   {name}: {text}" for name, text in kinds]
    lines += [f"# {line}" for line in HOW_TO]
    return lines + ["#"]


def topic_text(stem: str, catalog: Catalog, kinds: dict) -> str:
    feeds = topic_feeds(catalog, kinds).get(stem, [])
    own_kinds = [(name, kind.title) for name, kind in kinds.items() if kind.topic == stem]
    lines = _header(f"content/{stem}.yml: {TOPIC_NOTES[stem]}", feeds, catalog.year, own_kinds)
    return "\n".join(lines + skeleton(TOPIC_FILES[stem])) + "\n"


def _q(text: str) -> str:
    """A YAML scalar that stays text whatever it holds (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def agency_text(name: str, kind: str, website: str, itas_code: str, catalog: Catalog, kinds: dict) -> str:
    feeds = topic_feeds(catalog, kinds).get("agency", [])
    lines = _header(f"content/agency.yml: {TOPIC_NOTES['agency']}", feeds, catalog.year, [])
    lines += [
        "# itas_code: รหัสแบบวัด EIT/IIT จากระบบ ITAS ของสำนักงาน ป.ป.ช. หรือลิงก์ที่คัดลอกมาทั้งลิงก์",
        "#   (ใช้สร้างลิงก์และ QR Code ให้ผู้รับบริการตอบแบบวัด EIT)",
        "",
        f"name: {_q(name)}",
        f"kind: {_q(kind)}",
        f"website: {_q(website)}",
        f"itas_code: {_q(itas_code)}" if itas_code else "# itas_code:",
        "",
    ]
    lines += skeleton(TOPIC_FILES["agency"], skip=frozenset({"name", "kind", "website", "itas_code"}))
    return "\n".join(lines) + "\n"


def measures_text(year: int, catalog: Catalog, kinds: dict) -> str:
    from .models.measures import Measures

    feeds = topic_feeds(catalog, kinds).get("measures", [])
    lines = _header(f"content/measures/{year}.yml: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ {year}",
                    feeds, catalog.year, [])
    lines += ["# ส่วนหลัก: analysis (ผลการวิเคราะห์ผลการประเมินปีก่อน) · groups หรือ measures (มาตรการ)",
              "#   · results (ผลการดำเนินการ อยู่ในแต่ละมาตรการ) · sign_off (ผู้จัดทำ ผู้ตรวจสอบ ผู้อนุมัติ)",
              "#   รายละเอียดและตัวอย่างใน docs/measures.md ของโปรแกรม",
              "", f"year: {year}", ""]
    lines += skeleton(Measures, skip=frozenset({"year"}))
    return "\n".join(lines) + "\n"


def mkdocs_text(name: str, site_url: str, year: int) -> str:
    return f"""\
# เว็บไซต์ส่วน ITA ของ{name} สร้างด้วย ita new (ดูวิธีใช้ใน README.md)
# ข้อมูลอยู่ใน content/ รายการประเมินและชนิดเอกสารมากับโปรแกรม
site_name: {_q("ITA " + name)}
site_url: {_q(site_url)}  # ที่อยู่จริงของส่วน ITA บนเว็บไซต์หลัก (ใช้ในลิงก์ที่ส่งผู้ประเมิน)
site_description: {_q("ข้อมูลสาธารณะและการประเมินคุณธรรมและความโปร่งใส (ITA) ของ" + name)}
copyright: {_q(name)}
docs_dir: content/pages  # หน้า Markdown อื่น ๆ ของหน่วยงานเอง (ว่างไว้ได้ แต่ต้องมีโฟลเดอร์)

theme:
  name: material
  language: th
  font: false
  features:
    - navigation.indexes
    - toc.follow

plugins:
  - ita:
      years: [{year}]  # ปีที่ประเมินที่แสดง เริ่มปีใหม่ด้วย ita new-year <ปี>

markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
      permalink_title: ลิงก์มาที่หัวข้อนี้

validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


GITIGNORE = """\
# สร้างใหม่ได้ทุกครั้ง ไม่ต้องเก็บ (rebuilt on every build)
site/
.cache/
.venv/
__pycache__/
"""


def readme_text(name: str, year: int) -> str:
    return f"""\
# เว็บไซต์ส่วน ITA ของ{name}

โฟลเดอร์นี้เก็บข้อมูลของหน่วยงานสำหรับหน้าเว็บ ITA (การประเมินคุณธรรมและความโปร่งใส)
ข้อมูลอยู่ใน `content/` รายการประเมินของแต่ละปีมากับโปรแกรม ita-site-builder

## ทำงานประจำ

1. **แก้ไข** ไฟล์ใน `content/` (หัวไฟล์แต่ละไฟล์บอกว่าใส่อะไร และใช้ในข้อใด)
   วางเอกสารหลักฐาน (PDF) และรูปภาพไว้ใต้ `content/files/`
2. **ตรวจ** `ita check` แสดงรายการข้อที่ยังขาดข้อมูล
3. **ดูตัวอย่าง** `mkdocs serve` แล้วเปิด http://127.0.0.1:8000/ita/ (หน้าเว็บโหลดใหม่เองเมื่อบันทึกไฟล์)
4. **สร้างหน้าเว็บ** `mkdocs build` ได้โฟลเดอร์ `site/`
   (`mkdocs build --strict` ไม่สำเร็จถ้ายังขาดข้อมูล)
5. **นำขึ้นเว็บไซต์** คัดลอก *ทุกอย่างในโฟลเดอร์* `site/` ไปไว้ที่โฟลเดอร์ `ita/` ของเว็บไซต์หลัก
   ให้ตรงกับ `site_url` ใน `mkdocs.yml`

## ปรับรุ่นโปรแกรม

`pip install --upgrade ita-site-builder` (หรือ `pip install --upgrade <โฟลเดอร์หรือ URL ของโปรแกรม>`)
แล้ว `ita check` อีกครั้ง การปรับรุ่นไม่แตะต้องโฟลเดอร์นี้ รายการประเมินปีใหม่มากับโปรแกรมรุ่นใหม่

## เริ่มปีประเมินใหม่

`ita new-year <ปี>` เช่น `ita new-year {year + 1}` เพิ่มปีใน `mkdocs.yml`
และเริ่มไฟล์มาตรการ `content/measures/<ปี>.yml` จากปีก่อน แล้วแสดงรายการที่ต้องทำของปีใหม่
"""


def site_files(name: str, kind: str, website: str, itas_code: str, catalog: Catalog, kinds: dict) -> dict[str, str]:
    """Relative path → text of every file of a new site (empty folders carry a .gitkeep)."""
    year = catalog.year
    site_url = website.rstrip("/") + "/ita/"
    files = {
        "mkdocs.yml": mkdocs_text(name, site_url, year),
        ".gitignore": GITIGNORE,
        "README.md": readme_text(name, year),
        "content/agency.yml": agency_text(name, kind, website, itas_code, catalog, kinds),
        f"content/measures/{year}.yml": measures_text(year, catalog, kinds),
        "content/files/.gitkeep": "",
        # Shown only when the folder is built without the plugin, which replaces it (publish.py).
        "content/pages/index.md": publish.PLACEHOLDER.read_text(encoding="utf-8"),
        "content/procurement/.gitkeep": "",
    }
    for stem in TOPIC_FILES:
        if stem != "agency":
            files[f"content/{stem}.yml"] = topic_text(stem, catalog, kinds)
    return files


def write_site(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        write(folder / rel, text)
