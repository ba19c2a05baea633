"""/documents/: every document and file the agency publishes, by topic, newest first.

Item pages show only what an assessment year asks for; a law, a news PDF or last year's
report would otherwise be published with no page linking to it. This page is the way in.
"""

from __future__ import annotations

from collections.abc import Callable

from . import urls
from .models.content import TOPIC_FILES, Content

TITLE = "เอกสารเผยแพร่"

# Section titles, in the order of the page (topics not named here keep their file's order).
TOPIC_TITLES = {
    "structure": "โครงสร้างและอำนาจหน้าที่",
    "plans": "แผนและรายงานการดำเนินงาน",
    "news": "ข่าวประชาสัมพันธ์",
    "laws": "กฎหมายที่เกี่ยวข้อง",
    "manuals": "คู่มือการปฏิบัติงานและการให้บริการ",
    "services": "การให้บริการ",
    "procurement": "การจัดซื้อจัดจ้าง",
    "hr": "การบริหารและพัฒนาทรัพยากรบุคคล",
    "complaints": "การจัดการเรื่องร้องเรียน",
    "participation": "การเปิดโอกาสให้มีส่วนร่วม",
    "no_gift": "การไม่รับของขวัญและของกำนัล (No Gift Policy)",
    "risk": "การประเมินความเสี่ยงการทุจริต",
    "anti_corruption": "การป้องกันการทุจริต",
    "ethics": "คุณธรรมและจริยธรรม",
    "privacy": "การคุ้มครองข้อมูลส่วนบุคคล",
}


def topics_with_documents(content: Content) -> list[tuple[str, str, list, list]]:
    """(topic, title, documents newest first, entries with a file newest first) of every
    topic that publishes something."""
    names = [*TOPIC_TITLES, *(n for n in TOPIC_FILES if n not in TOPIC_TITLES)]
    result = []
    for name in names:
        topic = getattr(content, name, None)
        documents = sorted(getattr(topic, "documents", []), key=lambda d: d.day, reverse=True)
        entries = sorted((e for e in getattr(topic, "entries", []) if e.file), key=lambda e: e.date, reverse=True)
        if documents or entries:
            result.append((name, TOPIC_TITLES.get(name, name), documents, entries))
    return result


def render(content: Content, render_at: Callable[..., str]) -> str:
    return render_at("documents_index.md.j2", urls.DOCUMENTS, title=TITLE, topics=topics_with_documents(content))
