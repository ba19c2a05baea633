"""`ita new`: an agency's own folder that builds at once, with commented topic files and a
to-do list from `ita check`."""

from __future__ import annotations

import yaml

from site_builder.load import catalog_files
from site_builder.models.content import TOPIC_FILES
from site_dir import SiteDir

NEWEST = max(int(n.removesuffix(".yml")) for n in catalog_files(None))
ANSWERS = ["--name", "เทศบาลตำบลทดลอง", "--type", "เทศบาลตำบล", "--website", "www.thotlong.go.th",
           "--itas-code", "https://itas.nacc.go.th/go/eit/AB12CD"]


def new_site(tmp_path, *args: str) -> tuple[SiteDir, object]:
    result = SiteDir(tmp_path).run("ita", "new", "agency", *args)
    return SiteDir(tmp_path / "agency"), result


def test_new_site_builds_at_once_and_check_lists_what_to_do(tmp_path):
    site, made = new_site(tmp_path, *ANSWERS)
    assert made.returncode == 0, made.stderr
    config = yaml.safe_load(site.file("mkdocs.yml").read_text(encoding="utf-8").replace("!!python", ""))
    assert config["site_name"] == "ITA เทศบาลตำบลทดลอง"
    assert config["site_url"] == "https://www.thotlong.go.th/ita/"
    assert config["plugins"][0]["ita"]["years"] == [NEWEST]
    agency = yaml.safe_load(site.file("content/agency.yml").read_text(encoding="utf-8"))
    assert agency == {"name": "เทศบาลตำบลทดลอง", "kind": "เทศบาลตำบล", "website": "https://www.thotlong.go.th/",
                      "itas_code": "AB12CD"}
    for stem in TOPIC_FILES:
        assert site.file(f"content/{stem}.yml").is_file(), stem
    assert site.file(f"content/measures/{NEWEST}.yml").is_file()
    assert "site/" in site.file(".gitignore").read_text(encoding="utf-8")
    readme = site.file("README.md").read_text(encoding="utf-8")
    for step in ("ita check", "mkdocs serve", "mkdocs build", "site/", "pip install --upgrade", "ita new-year"):
        assert step in readme, step

    built = site.build(strict=False)
    assert built.returncode == 0, built.stderr
    assert "เทศบาลตำบลทดลอง" in site.html("")
    assert "https://itas.nacc.go.th/go/eit/AB12CD" in site.html("")
    checked = site.run("ita", "check")
    assert checked.returncode == 1  # gaps: everything is still to do
    assert f"ITA {NEWEST}: ครบถ้วน 0/" in checked.stdout and "(role: top)" in checked.stdout


def test_topic_files_say_what_belongs_where_and_which_items_they_feed(tmp_path):
    site, _ = new_site(tmp_path, *ANSWERS)
    plans = site.file("content/plans.yml").read_text(encoding="utf-8")
    assert f"ใช้ในข้อประเมิน ITA ปีงบประมาณ {NEWEST}" in plans and "annual_plan: แผนดำเนินงานประจำปี" in plans
    assert "#   - title:  # (ต้องระบุ)" in plans and "ห้ามใช้ Tab" in plans
    assert yaml.safe_load(plans) is None  # comments only: valid before anything is filled in
    executives = site.file("content/executives.yml").read_text(encoding="utf-8")
    assert "ข้อมูลผู้บริหาร" in executives and "ค่าที่ใช้ได้: top" in executives


def test_new_asks_for_what_it_was_not_given(tmp_path):
    answers = "อบต.ทดลอง\nองค์การบริหารส่วนตำบล\nhttps://www.thotlong.go.th\n\n"
    import os
    import subprocess

    from site_dir import BIN

    result = subprocess.run([str(BIN / "ita"), "new", "agency"], input=answers, cwd=tmp_path, text=True,
                            capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "ชื่อหน่วยงาน" in result.stdout and "รหัส ITAS" in result.stdout
    text = (tmp_path / "agency/content/agency.yml").read_text(encoding="utf-8")
    assert 'name: "อบต.ทดลอง"' in text and "# itas_code:" in text


def test_new_refuses_a_folder_in_use_and_a_bad_website(tmp_path):
    (tmp_path / "agency").mkdir()
    (tmp_path / "agency/mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    _, made = new_site(tmp_path, *ANSWERS)
    assert made.returncode != 0 and "มีไฟล์อยู่แล้ว" in made.stderr
    assert (tmp_path / "agency/mkdocs.yml").read_text(encoding="utf-8") == "site_name: x\n"
    answers = [a if a != "www.thotlong.go.th" else "https://" for a in ANSWERS]
    (tmp_path / "other").mkdir()
    _, made = new_site(tmp_path / "other", *answers)
    assert made.returncode != 0 and "--website" in made.stderr and "Traceback" not in made.stderr
