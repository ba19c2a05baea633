"""What a webmaster types as it comes (the ITAS link, tabs from an editor) and the messages
they meet first (no mkdocs.yml, no docs_dir, a report copied from last year): Thai with
English, file and line, never a regular expression or a traceback."""

from __future__ import annotations

import re


def test_itas_code_accepts_the_link_as_copied_from_itas(mini):
    mini.edit("content/agency.yml", "itas_code: TEST01", "itas_code: https://itas.nacc.go.th/go/eit/TEST01")
    result = mini.build()
    assert result.returncode == 0, result.stderr
    home = mini.html("")
    assert "https://itas.nacc.go.th/go/eit/TEST01" in home and "go/eit/https" not in home


def test_itas_code_error_shows_an_example_not_a_pattern(mini):
    mini.edit("content/agency.yml", "itas_code: TEST01", "itas_code: https://itas.nacc.go.th/home")
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "content/agency.yml บรรทัดที่ 4 · ช่อง itas_code:" in out
    assert "https://itas.nacc.go.th/go/eit/BSL7Q2" in out and "ITAS" in out
    assert "A-Za-z" not in out and "pattern" not in out


def test_tab_indentation_is_named_with_its_line(mini):
    mini.edit("content/executives.yml", "    position: นายกเทศมนตรีตำบลทดสอบ", "\tposition: นายกเทศมนตรีตำบลทดสอบ")
    out = mini.build().stderr
    assert re.search(r"content/executives\.yml บรรทัดที่ 3: .*Tab.*\(YAML is indented with spaces, not tabs\)", out), out


def test_ita_without_mkdocs_yml_says_where_to_run_it(tmp_path):
    from site_dir import SiteDir

    result = SiteDir(tmp_path).run("ita", "check")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "ไม่พบไฟล์ mkdocs.yml" in out and "ita new" in out and "(no mkdocs.yml" in out


def test_ita_check_names_a_missing_docs_dir(mini):
    (mini.path / "content/pages").rename(mini.path / "content/pages-old")
    result = mini.run("ita", "check")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "content/pages" in out and "docs_dir" in out and "ไม่พบโฟลเดอร์" in out


MEASURES = """\
year: 2567
title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
memo:
  date: 2566-09-01
analysis:
  year: 2565
"""


def test_measures_report_warns_when_its_title_and_dates_name_another_year(mini):
    mini.write("content/measures/2567.yml", MEASURES)
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert re.search(r"content/measures/2567\.yml บรรทัดที่ 2 · ช่อง title: ข้อความระบุปีงบประมาณ 2566 .*year: 2567", result.stderr)
    assert re.search(r"content/measures/2567\.yml บรรทัดที่ 4 · ช่อง memo\.date: วันที่ 2566-09-01 อยู่ในปีงบประมาณ 2566", result.stderr)
    assert re.search(r"content/measures/2567\.yml บรรทัดที่ 6 · ช่อง analysis\.year: วิเคราะห์ผลการประเมินปีงบประมาณ 2565", result.stderr)
    # the list form of sign_off is checked too
    mini.write("content/measures/2567.yml", MEASURES.replace("analysis:", "sign_off:\n  - name: นายทดสอบ\n    date: 2560-01-05\nanalysis:"))
    assert re.search(r"ช่อง sign_off[^:]*: วันที่ 2560-01-05 อยู่ในปีงบประมาณ 2560", mini.build(strict=False).stderr)
    fixed = MEASURES.replace("๒๕๖๖", "๒๕๖๗").replace("2566-09-01", "2567-09-01").replace("year: 2565", "year: 2566")
    mini.write("content/measures/2567.yml", fixed)
    assert "content/measures/2567.yml" not in mini.build(strict=False).stderr


def test_unknown_kind_names_the_kinds_of_that_file(mini):
    mini.edit("content/plans.yml", "kind: annual_plan", "kind: yearly_thing")
    out = mini.build().stderr
    assert "ไม่รู้จักชนิดเอกสาร 'yearly_thing' (unknown document kind) ชนิดที่ใช้ได้ (known kinds):" in out
    assert "annual_plan" in out and "data/kinds.yml" not in out


def test_ita_check_names_a_missing_custom_dir(mini):
    mini.edit("mkdocs.yml", "  language: th\n", "  language: th\n  custom_dir: theme\n")
    result = mini.run("ita", "check")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "theme.custom_dir" in out and "ลบบรรทัด custom_dir" in out


def test_a_pattern_is_explained_in_words_with_an_example(mini):
    mini.write("content/agency.yml", mini.file("content/agency.yml").read_text(encoding="utf-8")
               + 'colours:\n  primary: "green"\n')
    out = mini.build().stderr
    assert "รหัสสี # ตามด้วยตัวเลขฐานสิบหก 6 ตัว เช่น \"#1d6b3a\"" in out and "'green'" in out
    assert "pattern" not in out and "0-9a-fA-F" not in out
