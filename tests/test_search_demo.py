"""Thai search on the real demo: /search/?q= in Chromium lists the expected item page."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from test_search import CHROMIUM, CHROMIUM_ARGS, free_port, run_query, wait_for

# query → pages that count as the right answer (either assessment year), within the first N results.
QUERIES = [
    ("ข้อมูลผู้บริหาร", {"2567/o02/", "2568/o02/"}, 3),
    ("ผู้บริหาร", {"2567/o02/", "2568/o02/"}, 5),
    ("ข้อมูลการติดต่อ", {"2567/o05/", "2568/o03/"}, 3),
    ("ติดต่อ", {"2567/o05/", "2568/o03/"}, 5),
    ("ร้องเรียน", {"2567/o28/", "2568/o18/", "2567/o27/", "2568/o17/"}, 5),
    ("ช่องทางแจ้งเรื่องร้องเรียน", {"2567/o28/", "2568/o18/"}, 3),
    ("โครงสร้าง", {"2567/o01/", "2568/o01/"}, 3),
    ("อำนาจหน้าที่", {"2567/o03/", "2568/o01/"}, 3),
    ("นายกเทศมนตรี", {"2567/o02/", "2568/o02/", "2567/o01/", "2568/o01/"}, 5),
    ("แผนการจัดซื้อจัดจ้าง", {"2567/o19/"}, 3),
    ("จัดซื้อจัดจ้าง", {"2567/o19/", "2567/o20/", "2567/o21/", "2567/o22/", "2568/o12/", "2568/o13/"}, 5),
    ("สรุปผลการจัดซื้อจัดจ้างรายเดือน", {"2567/o21/"}, 3),
    ("ประกาศเจตนารมณ์", {"2567/o31/", "2568/o21/"}, 3),
    ("No Gift", {"2567/o31/", "2567/o32/", "2567/o33/", "2568/o21/"}, 5),
    ("ความเสี่ยง", {"2567/o34/", "2567/o35/", "2568/o23/", "2568/o24/"}, 5),
    ("ประมวลจริยธรรม", {"2567/o39/", "2568/o16/"}, 3),
    ("คุ้มครองข้อมูลส่วนบุคคล", {"2567/o10/"}, 5),
    ("มาตรการส่งเสริมคุณธรรม", {"2567/measures/", "2568/measures/", "2567/o42/"}, 5),
    ("สถิติการให้บริการ", {"2567/o16/", "2568/o11/"}, 3),
    ("ความพึงพอใจ", {"2567/o17/"}, 3),
    ("โทรสาร", {"2567/o05/", "2568/o03/"}, 5),
    ("ข่าวประชาสัมพันธ์", {"2567/o07/", "2568/o04/"}, 3),
    ("การมีส่วนร่วม", {"2567/o30/", "2568/o20/"}, 5),
    ("แผนพัฒนาท้องถิ่น", {"2567/o04/", "2568/o05/"}, 5),
]


@pytest.fixture(scope="module")
def demo_served(demo_build, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    www = tmp_path_factory.mktemp("www")
    shutil.copytree(demo_build.path / "site", www / "ita")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", str(www)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/ita/")
        yield f"http://127.0.0.1:{port}/ita/"
    finally:
        server.terminate()
        server.wait(10)


def test_demo_queries_find_their_item_pages(demo_served):
    from playwright.sync_api import sync_playwright

    misses = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for query, expected, within in QUERIES:
            links = [link.split("/ita/", 1)[1].split("#")[0] for link in run_query(page, demo_served, query)]
            if not expected & set(links[:within]):
                misses.append(f"{query!r}: expected one of {sorted(expected)} in the first {within}, got {links[:within]}")
        browser.close()
    assert len(QUERIES) >= 20
    assert not misses, "\n".join(misses)
