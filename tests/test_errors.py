"""Every class of bad input stops the build with file, line and field, no traceback,
and leaves the last good site/ exactly as it was. The good site is built_mini by the real command;
the failing builds run in process (`SiteDir.build_in_process`), where a subprocess would add
only its start-up."""

from __future__ import annotations

from site_dir import failed_cleanly


def test_yaml_syntax_error_names_file_and_line_and_keeps_site(built_mini):
    built_mini.edit("content/executives.yml", "    role: deputy", "    role: [deputy")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/executives.yml บรรทัดที่ " in out and "รูปแบบ YAML ผิด" in out
    line = out.split("content/executives.yml บรรทัดที่ ")[1].split(":")[0]
    assert line.isdigit() and int(line) >= 10
    assert built_mini.site_digest() == built_mini.before


def test_misspelt_field_names_line_field_and_suggestion(built_mini):
    built_mini.edit("content/executives.yml", "    photo: people/deputy.jpg", "    foto: people/deputy.jpg")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/executives.yml บรรทัดที่ 10 · ผู้บริหารคนที่ 2 · ช่อง foto:" in out
    assert "ไม่รู้จักช่องข้อมูลนี้" in out and "'photo'" in out
    assert built_mini.site_digest() == built_mini.before


def test_wrong_type_is_reported_with_expectation(built_mini):
    built_mini.edit("content/structure.yml", "  - text: จัดให้มีน้ำสะอาดหรือการประปา", "  - text: [น้ำ, ไฟ]")
    built_mini.edit("content/executives.yml", "    role: top", "    role: boss")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/structure.yml บรรทัดที่ 11 · อำนาจหน้าที่ข้อที่ 1 · ช่อง text:" in out and "ต้องเป็นข้อความ" in out
    assert "content/executives.yml บรรทัดที่ 4 · ผู้บริหารคนที่ 1 · ช่อง role:" in out and "เช่น role: top" in out
    # Both files' problems come in one report.
    assert "2 รายการ" in out


def test_missing_evidence_file(built_mini):
    built_mini.file("content/files/plans/annual-2567.pdf").unlink()
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/plans.yml บรรทัดที่ 4 · เอกสารที่ 1 · ช่อง file:" in out
    assert "ไม่พบไฟล์หลักฐาน content/files/plans/annual-2567.pdf" in out
    assert built_mini.site_digest() == built_mini.before


def test_impossible_date(built_mini):
    built_mini.edit("content/plans.yml", "date: 2566-10-20", "date: 2567-02-30")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/plans.yml บรรทัดที่ 5 · เอกสารที่ 1 · ช่อง date:" in out and "2567-02-30" in out


def test_year_without_catalog(built_mini):
    built_mini.edit("mkdocs.yml", "years: [2567]", "years: [2567, 2571]")
    out = failed_cleanly(built_mini.build_in_process())
    assert "2571" in out and "data/ita/2571.yml" in out


def test_unknown_document_kind_suggests_the_near_one(built_mini):
    built_mini.edit("content/plans.yml", "kind: annual_plan", "kind: anual_plan")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/plans.yml บรรทัดที่ 3 · เอกสารที่ 1 · ช่อง kind:" in out and "'annual_plan'" in out


def test_unknown_topic_file(built_mini):
    built_mini.write("content/executive.yml", "executives: []\n")
    out = failed_cleanly(built_mini.build_in_process())
    assert "executive.yml" in out and "executives.yml" in out


def test_evidence_path_may_not_leave_files_folder(built_mini):
    built_mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", "file: ../../mkdocs.yml")
    out = failed_cleanly(built_mini.build_in_process())
    assert "ต้องอยู่ใต้ content/files/" in out


def test_catalog_typo_is_reported_like_content(built_mini):
    built_mini.edit("data/ita/2567.yml", "check: {type: roles, roles: [top, deputy]}", "check: {type: role, roles: [top]}")
    out = failed_cleanly(built_mini.build_in_process())
    assert "data/ita/2567.yml บรรทัดที่ 25 · รายการที่ 2 · องค์ประกอบที่ 1 · ช่อง check:" in out
    assert "'role'" in out and "roles" in out


def test_catalog_unknown_kind(built_mini):
    built_mini.edit("data/ita/2567.yml", "kinds: [annual_plan]", "kinds: [annual_plans]")
    out = failed_cleanly(built_mini.build_in_process())
    assert "data/ita/2567.yml บรรทัดที่ " in out and "annual_plans" in out and "O11" in out


def test_empty_and_non_mapping_files(built_mini):
    built_mini.write("content/plans.yml", "- just\n- a list\n")
    out = failed_cleanly(built_mini.build_in_process())
    assert "content/plans.yml บรรทัดที่ 1" in out and "กลุ่มข้อมูลแบบ ชื่อช่อง: ค่า" in out


def test_missing_agency_file(built_mini):
    built_mini.file("content/agency.yml").unlink()
    out = failed_cleanly(built_mini.build_in_process())
    assert "agency.yml" in out


def test_yaml_values_keep_their_types_lines_and_anchors(tmp_path):
    """The fast tag resolution and text nodes read the same data as PyYAML's SafeLoader,
    except dates, which stay text for Buddhist Era years and impossible days."""
    from site_builder.yamlsource import read_yaml

    path = tmp_path / "x.yml"
    path.write_text(
        "a: yes\nb: ~\nc: 1.5\nd: 0x1F\ne: 2567-02-30\nf: '12'\ng: !!str 12\nh: &t ข้อความ\ni: *t\n"
        "j:\n  - 1\n  - .inf\nk: {<<: {p: 1}, q: s}\n",
        encoding="utf-8",
    )
    data = read_yaml(path)
    assert data == {"a": True, "b": None, "c": 1.5, "d": 31, "e": "2567-02-30", "f": "12", "g": "12",
                    "h": "ข้อความ", "i": "ข้อความ", "j": [1, float("inf")], "k": {"p": 1, "q": "s"}}
    assert data.key_lines["e"] == 5 and data["j"].item_lines == [11, 12]
