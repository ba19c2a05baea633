"""Build real temporary sites with `mkdocs build` and read the HTML and the exports."""

from __future__ import annotations

import csv
import io
import json
import re


def test_mini_site_builds_strict_with_stable_urls(mini):
    result = mini.build()
    assert result.returncode == 0, result.stderr
    for path in ("", "2567/", "2567/o01/", "2567/o02/", "2567/o11/", "eit-poster/"):
        html = mini.html(path)
        assert '<html lang="th"' in html
    item = mini.html("2567/o02/")
    assert "<h1 id=\"top\">O2 ข้อมูลผู้บริหาร</h1>" in item
    assert 'alt="นายทดสอบ ใจดี นายกเทศมนตรีตำบลทดสอบ"' in item
    # Headings keep ASCII ids, never MkDocs' _1, _2 for Thai text.
    assert not re.search(r'<h[23] id="_\d+"', item)


def test_photos_are_resized_and_originals_not_published(mini):
    assert mini.build().returncode == 0
    photo = mini.path / "site/photos/people/mayor.webp"
    original = mini.path / "content/files/people/mayor.jpg"
    from PIL import Image
    with Image.open(photo) as image:
        assert image.size == (180, 240) and image.format == "WEBP"
    assert not (mini.path / "site/files/people/mayor.jpg").exists()
    assert photo.stat().st_size < 12_000 and original.exists()


def test_resized_photos_and_the_qr_code_are_reused_until_their_source_changes(mini):
    assert mini.build().returncode == 0
    cache = mini.path / ".cache/ita"
    photos, codes = sorted((cache / "images").glob("*.webp")), sorted((cache / "qr").glob("*.svg"))
    assert len(photos) == 2 and len(codes) == 1
    # A rebuild publishes what the cache holds (markers planted there prove it) ...
    for photo in photos:
        photo.write_bytes(b"cached")
    codes[0].write_text('<svg role="img" aria-label="cached"></svg>', encoding="utf-8")
    assert mini.build().returncode == 0
    assert (mini.path / "site/photos/people/mayor.webp").read_bytes() == b"cached"
    assert 'aria-label="cached"' in mini.html("eit-poster/")
    # ... until the photo itself changes: then it is resized again.
    from PIL import Image
    source = mini.path / "content/files/people/mayor.jpg"
    with Image.open(source) as image:
        image.rotate(180).save(source)
    assert mini.build().returncode == 0
    with Image.open(mini.path / "site/photos/people/mayor.webp") as image:
        assert image.size == (180, 240) and image.format == "WEBP"


THAI_LETTER = re.compile("[\u0e00-\u0e7f]")


def _links(site) -> list[str]:
    """Every href and src in the built site's HTML, CSS-free."""
    found = []
    for page in (site.path / "site").rglob("*.html"):
        found += re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8"))
    return found


def test_files_named_in_thai_with_spaces_are_published_under_stable_ascii_names(mini):
    thai_name = "แผนพัฒนาท้องถิ่น 2566-2570 เพิ่มเติม.pdf"
    plan = mini.path / "content/files/plans/annual-2567.pdf"
    plan.rename(plan.with_name(thai_name))
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: plans/{thai_name}")
    mayor = mini.path / "content/files/people/mayor.jpg"
    mayor.rename(mayor.with_name("นายกเทศมนตรี.jpg"))
    mini.edit("content/executives.yml", "photo: people/mayor.jpg", "photo: people/นายกเทศมนตรี.jpg")
    result = mini.build(strict=True)
    assert result.returncode == 0, result.stderr
    assert "ชื่อไฟล์" not in result.stderr and thai_name not in result.stderr  # no warning about the name
    links = _links(mini)
    bad = [link for link in links if THAI_LETTER.search(link) or "%E0%B8" in link.upper() or "%20" in link]
    assert not bad, bad
    item = mini.html("2567/o11/")
    published = re.search(r'href="\.\./\.\./(files/plans/2566-2570-[0-9a-f]{8}\.pdf)"[^>]*>([^<]*)</a>', item)
    assert published, item
    assert (mini.path / "site" / published[1]).read_bytes() == (plan.with_name(thai_name)).read_bytes()
    assert re.search(r'src="\.\./\.\./photos/people/[0-9a-f]{8}\.webp"', mini.html("2567/o02/"))
    # The same file under the same name keeps its URL; ASCII names keep theirs.
    assert mini.build(strict=True).returncode == 0
    assert published[1] in mini.html("2567/o11/")
    assert 'src="../../photos/people/deputy.webp"' in mini.html("2567/o02/")


def test_a_name_with_url_marks_gets_a_clean_url_and_generate_uses_the_same_names(mini, tmp_path):
    plan = mini.path / "content/files/plans/annual-2567.pdf"
    plan.rename(plan.with_name("Annual Plan #2?%.PDF"))
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", "file: 'plans/Annual Plan #2?%.PDF'")
    assert mini.build(strict=True).returncode == 0
    name = re.search(r'href="\.\./\.\./files/(plans/annual-plan-2-[0-9a-f]{8}\.pdf)"', mini.html("2567/o11/"))
    assert name, mini.html("2567/o11/")
    generated = mini.run("ita", "generate", str(tmp_path / "out"))
    assert generated.returncode == 0, generated.stderr
    assert (tmp_path / "out/docs/files" / name[1]).is_file()


def test_two_files_published_under_one_name_stop_the_build(mini):
    plan = mini.path / "content/files/plans/annual-2567.pdf"
    thai = plan.with_name("แผน 2567.pdf")
    thai.write_bytes(plan.read_bytes())
    from site_builder.public_names import public_name

    clash = public_name("plans/แผน 2567.pdf")
    plan.rename(mini.path / "content/files" / clash)
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: {clash}")
    text = mini.file("content/plans.yml").read_text(encoding="utf-8")
    mini.write("content/plans.yml", text + text.split("\n", 1)[1].replace(f"file: {clash}", "file: plans/แผน 2567.pdf"))
    result = mini.build(strict=False)
    assert result.returncode == 1
    assert f"content/files/plans/แผน 2567.pdf: ได้ชื่อเผยแพร่ files/{clash} ซ้ำกับไฟล์ content/files/{clash}" in result.stderr, result.stderr


def test_evidence_listed_with_type_size_date_and_year(mini):
    assert mini.build().returncode == 0
    html = mini.html("2567/o11/")
    assert 'href="../../files/plans/annual-2567.pdf"' in html
    assert "แผนดำเนินงานประจำปี" in html and "20 ต.ค. 2566" in html and "ปีงบประมาณ 2567" in html
    assert re.search(r"PDF \d+ (B|KB)", html)
    assert (mini.path / "site/files/plans/annual-2567.pdf").is_file()


def test_itas_exports_have_absolute_urls(mini):
    assert mini.build().returncode == 0
    text = (mini.path / "site/2567/itas.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["ข้อ"] for r in rows] == ["O1", "O2", "O11"]
    assert rows[1]["URL"] == "https://www.example.go.th/ita/2567/o02/"
    assert rows[1]["สถานะ"] == "ครบถ้วนตามองค์ประกอบ"
    assert rows[1]["คำอธิบาย"].startswith("ข้อมูลของข้อ O2 อยู่ในหน้านี้ แยกตามองค์ประกอบ")
    data = json.loads((mini.path / "site/2567/itas.json").read_text(encoding="utf-8"))
    assert data["year"] == 2567 and data["items"][2]["url"].endswith("/ita/2567/o11/")


def test_missing_photo_warns_fails_strict_and_is_listed_by_check(mini):
    mini.edit("content/executives.yml", "    photo: people/deputy.jpg\n", "")
    lenient = mini.build(strict=False)
    assert lenient.returncode == 0
    assert re.search(r"WARNING\s+-\s+ITA 2567 O2 ข้อมูลผู้บริหาร · องค์ประกอบที่ 2 \(details\) ยังขาด: "
                     r"content/executives.yml บรรทัดที่ 7 · ผู้บริหารคนที่ 2 .* · ช่อง photo: ยังไม่ได้ใส่รูปถ่าย", lenient.stderr)
    assert "O2" in mini.html("2567/") and "ไม่ครบ" in mini.html("2567/")
    before = mini.site_digest()
    strict = mini.build(strict=True)
    assert strict.returncode == 1 and "--strict: พบคำเตือน 1 รายการ" in strict.stdout + strict.stderr
    assert mini.site_digest() == before  # stopped before MkDocs cleaned site/
    # MkDocs' --quiet hides warnings from --strict (mkdocs/mkdocs#4126); the plugin still fails the build
    quiet = mini.run("mkdocs", "build", "--strict", "--quiet", "-d", "site")
    assert quiet.returncode == 1 and "ช่อง photo: ยังไม่ได้ใส่รูปถ่าย" in quiet.stderr and "Traceback" not in quiet.stderr
    check = mini.run("ita", "check")
    assert check.returncode == 1
    assert "✗ O2" in check.stdout and "ช่อง photo: ยังไม่ได้ใส่รูปถ่าย" in check.stdout


def test_check_command_passes_on_a_complete_site(mini):
    result = mini.run("ita", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ITA 2567: ครบถ้วน 3/3 ข้อ" in result.stdout


def test_check_command_reports_data_errors_without_traceback(mini):
    mini.edit("content/plans.yml", "kind: annual_plan", "kind: nonsense")
    result = mini.run("ita", "check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "content/plans.yml บรรทัดที่ 3" in result.stderr


def test_generate_writes_a_site_plain_mkdocs_builds(mini, tmp_path):
    out = tmp_path / "generated"
    result = mini.run("ita", "generate", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "docs/2567/o02.md").is_file() and (out / "mkdocs.yml").is_file()
    assert "plugins: []" in (out / "mkdocs.yml").read_text(encoding="utf-8")
    import os
    import subprocess
    import sys
    from pathlib import Path
    build = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", "site"], cwd=out,
                           capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert build.returncode == 0, build.stderr
    page = (out / "site/2567/o02/index.html").read_text(encoding="utf-8")
    assert "นายทดสอบ ใจดี" in page
    # the same agency banner, footer and stylesheets as a build with the plugin
    assert 'class="ita-banner"' in page and 'class="ita-footer__contact"' in page and "assets/ita/print.css" in page


def test_schema_command_writes_json_schema_per_topic(mini, tmp_path):
    result = mini.run("ita", "schema", "-o", str(tmp_path / "schema"))
    assert result.returncode == 0
    schema = json.loads((tmp_path / "schema/executives.schema.json").read_text(encoding="utf-8"))
    person = schema["$defs"]["Executive"]
    assert person["additionalProperties"] is False and "photo" in person["properties"]
    catalog = json.loads((tmp_path / "schema/catalog.schema.json").read_text(encoding="utf-8"))
    assert catalog["title"] == "data/ita/<year>.yml" and "items" in catalog["properties"]
    assert (tmp_path / "schema/measures.schema.json").is_file()


HOSTILE = '<script>alert(1)</script> | แถว | **ตัวหนา** [ลิงก์](javascript:alert(1)) ' + "ก" * 300


def test_hostile_text_renders_inert_and_keeps_tables(mini):
    mini.edit("content/plans.yml", "title: แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2567", f"title: '{HOSTILE}'")
    mini.edit("content/executives.yml", "name: นายทดสอบ ใจดี", f"name: '{HOSTILE}'")
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    for page in ("2567/o11/", "2567/o02/"):
        html = mini.html(page)
        assert "<script>alert" not in html and 'href="javascript' not in html
        assert "<strong>ตัวหนา</strong>" not in html
    docs = mini.html("2567/o11/").split('<h2 id="documents"')[1].split("</ul>")[0]
    assert docs.count("<li>") == 1 and docs.count("<a ") == 1 and "PDF" in docs
    # The executives' components table keeps its three columns per row.
    table = mini.html("2567/o02/").split('<h2 id="components"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 3 and all(row.count("<td") == 3 for row in rows[1:])
