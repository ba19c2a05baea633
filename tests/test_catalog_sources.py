"""Catalog provenance and corrections: sources listed for the webmaster, the year's result
levels, and the measures report item that needs the year's measures results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from site_dir import SiteDir

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "data" / "ita").glob("*.yml"))


@pytest.fixture
def demo(tmp_path: Path) -> SiteDir:
    target = tmp_path / "demo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", "site", ".git", "node_modules", "__pycache__", ".cache", "tests"))
    return SiteDir(target)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.stem)
def test_every_item_keeps_its_confidence_and_source_in_data(path):
    catalog = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in catalog["items"]:
        assert item.get("confidence"), f"O{item['number']}"
        assert item.get("source"), f"O{item['number']} has no source"
    assert catalog["result_levels"]["levels"]


def test_2568_o27_carries_the_live_title():
    catalog = yaml.safe_load((ROOT / "data" / "ita" / "2568.yml").read_text(encoding="utf-8"))
    o27 = next(i for i in catalog["items"] if i["number"] == 27)
    assert o27["title"] == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert o27["confidence"] == "title_confirmed"


def test_check_sources_lists_confidence_source_and_doubts(demo):
    result = demo.run("ita", "check", "--sources", "-y", "2568")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "O27  มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน  [ยืนยันเฉพาะหมายเลขและชื่อข้อ (title_confirmed)]" in out
    assert out.count("ที่มา:") == 28 + 2  # every item, the catalog, its result levels
    assert "ยังไม่ได้ระบุที่มา" not in out
    # The O11 period doubt is listed for the webmaster to verify
    assert "สทร. แสดงสถิติของปีงบประมาณ 2567" in out
    assert "ระดับผลการประเมิน: ผ่านดีเยี่ยม ผ่านดี ผ่าน ไม่ผ่าน" in out


def test_o43_needs_the_years_measures_results(demo):
    before = demo.run("ita", "check", "-y", "2567")
    assert "✓ O43" in before.stdout, before.stdout
    demo.file("content/measures/2567.yml").unlink()
    after = demo.run("ita", "check", "-y", "2567")
    assert after.returncode == 1
    assert "✓ O43" not in after.stdout
    assert "✗ O43" in after.stdout


def test_measures_level_uses_the_analysed_years_levels(demo):
    out = demo.path / "out"
    result = demo.run("ita", "generate", "out")
    assert result.returncode == 0, result.stderr
    page = (out / "docs" / "2568" / "measures.md").read_text(encoding="utf-8")
    assert "อยู่ในระดับ ผ่าน (ระดับผลการประเมินของปีนั้นเรียงจากสูงไปต่ำ ได้แก่ ผ่านดีเยี่ยม ผ่านดี ผ่าน และไม่ผ่าน)" in page

    # 2566 is not built (years: [2567, 2568]), yet the 2567 report's analysis of 2566 uses 2566's words
    page_2567 = (out / "docs" / "2567" / "measures.md").read_text(encoding="utf-8")
    assert "อยู่ในระดับ ผ่าน (ระดับผลการประเมินของปีนั้นเรียงจากสูงไปต่ำ ได้แก่" in page_2567

    # A band of the old scheme is not a level of these years: the webmaster is told, the page shows it as given
    demo.edit("content/measures/2568.yml", "  level: ผ่าน\n", "  level: A\n")
    demo.edit("content/measures/2567.yml", "  level: ผ่าน\n", "  level: AA\n")
    result = demo.run("ita", "check")
    assert "content/measures/2568.yml · ช่อง analysis.level: ระดับ 'A' ไม่ใช่ระดับผลการประเมินของปี 2567" in result.stderr
    assert "content/measures/2567.yml · ช่อง analysis.level: ระดับ 'AA' ไม่ใช่ระดับผลการประเมินของปี 2566" in result.stderr
