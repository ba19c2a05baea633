"""`ita new-year`: the year added to mkdocs.yml (comments and layout kept), the measures report
started from the year before with its analysis and results left to write, the new to-do list."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from site_builder.new_site import add_year
from site_dir import SiteDir

ROOT = Path(__file__).resolve().parent.parent


def test_add_year_keeps_comments_and_layout():
    flow = "plugins:\n  - ita:\n      years: [2567, 2568]  # ปีที่แสดง\n      gap_level: warning\n"
    assert add_year(flow, 2569) == (flow.replace("[2567, 2568]", "[2567, 2568, 2569]"), [2567, 2568])
    block = "# หัวไฟล์\nplugins:\n  - ita:\n      years:\n        - 2567\n        - 2568  # ล่าสุด\n      measures_pdf: false\n"
    edited, before = add_year(block, 2569)
    assert edited == block.replace("        - 2568  # ล่าสุด\n", "        - 2568  # ล่าสุด\n        - 2569\n")
    assert yaml.safe_load(edited)["plugins"][0]["ita"]["years"] == [2567, 2568, 2569] and before == [2567, 2568]
    assert add_year(flow.replace("[2567, 2568]", "[2568, 2569]"), 2569)[0] == flow.replace("[2567, 2568]", "[2568, 2569]")
    assert add_year("plugins:\n  - ita\n", 2569) is None


def test_new_year_on_the_demo(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    site = SiteDir(tmp_path)
    config_before = site.file("mkdocs.yml").read_text(encoding="utf-8")
    result = site.run("ita", "new-year", "2569")
    assert result.returncode == 0, result.stderr
    config = site.file("mkdocs.yml").read_text(encoding="utf-8")
    assert config == config_before.replace("years: [2567, 2568]", "years: [2567, 2568, 2569]")

    text = site.file("content/measures/2569.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["year"] == 2569 and "analysis" not in data
    measures = [m for group in data["groups"] for m in group["measures"]]
    assert measures and all("results" not in m for m in measures)  # each measure kept, its results to write
    assert "# ผลการวิเคราะห์ของปี 2568 (ของเดิม)" in text and "#   score: 91.84" in text
    assert "        # results:" in text

    assert "สิ่งที่ต้องทำของปีงบประมาณ 2569" in result.stdout and "ITA 2569: ครบถ้วน" in result.stdout
    assert "ITA 2568" not in result.stdout
    # the copied title still names 2568: the report says so
    assert "content/measures/2569.yml" in result.stderr and "ปีงบประมาณ 2568" in result.stderr

    again = site.run("ita", "new-year", "2569")
    assert again.returncode == 0 and "อยู่แล้ว" in again.stdout
    assert site.file("mkdocs.yml").read_text(encoding="utf-8") == config


def test_new_year_without_a_catalog_says_how_to_get_one(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = SiteDir(tmp_path).run("ita", "new-year", "2599")
    assert result.returncode != 0 and "pip install --upgrade ita-site-builder" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
