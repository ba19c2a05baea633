"""Uploaded files (evidence, portraits, the logo) are judged by their content while the data
is checked: a broken or oversized image, active content (HTML, SVG, script) or an empty
"PDF" stops the build with the YAML line that names it, and the last good site/ stays."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from site_builder.errors import ContentError
from site_builder.load import load_all
from site_builder.site import SECTIONS


def _jpeg(size=(300, 400), orientation: int | None = None) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    Image.new("RGB", size, "#336699").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels in a few bytes: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _problems(site) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_all(site.file("content"), site.file("data"), SECTIONS, None, root=site.path)
    return [str(p) for p in caught.value.problems]


def _loads(site) -> None:
    load_all(site.file("content"), site.file("data"), SECTIONS, None, root=site.path)


PHOTO = "content/executives.yml บรรทัดที่ 5 · ผู้บริหารคนที่ 1 · ช่อง photo:"
EVIDENCE = "content/plans.yml บรรทัดที่ 4 · เอกสารที่ 1 · ช่อง file:"


@pytest.mark.parametrize("data, words", [
    (_jpeg()[:2000], "เสียหรือไม่ครบ"),  # truncated
    (b"this is not an image at all", "ไม่ใช่รูปภาพ"),
    (_png_header(30_000, 30_000), "ใหญ่เกินไป"),  # 900 MP
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "เสียหรือไม่ครบ"),
    (b"", "ว่างเปล่า"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "HTML, SVG หรือสคริปต์"),
])
def test_bad_portrait_is_a_data_error_with_its_line(mini, data, words):
    mini.file("content/files/people/mayor.jpg").write_bytes(data)
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(PHOTO) and words in problems[0], problems


@pytest.mark.parametrize("data, words", [
    (b"", "ว่างเปล่า"),
    (b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>", "HTML, SVG หรือสคริปต์"),
    (b"\n\n  <html><body>saved as pdf</body></html>", "HTML, SVG หรือสคริปต์"),
    (_jpeg(), "ไม่ตรงกับนามสกุล .pdf"),
    (b"Lorem ipsum, a text file renamed", "ไม่ตรงกับนามสกุล .pdf"),
])
def test_evidence_is_judged_by_its_content(mini, data, words):
    mini.file("content/files/plans/annual-2567.pdf").write_bytes(data)
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(EVIDENCE) and words in problems[0], problems


@pytest.mark.parametrize("name, data, words", [
    ("plans/plan.svg", b"<svg/>", "HTML, SVG หรือสคริปต์"),
    ("plans/plan.html", b"<p>x</p>", "HTML, SVG หรือสคริปต์"),
    ("plans/plan.js", b"alert(1)", "ไม่รับไฟล์ชนิด '.js'"),
    ("plans/plan.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", "แปลงรูป HEIC เป็น JPEG"),
    ("plans/plan.png", _png_header(20_000, 20_000), "ใหญ่เกินไป"),
])
def test_evidence_types_outside_the_policy_are_refused(mini, name, data, words):
    mini.file(f"content/files/{name}").write_bytes(data)
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: {name}")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(EVIDENCE) and words in problems[0], problems


@pytest.mark.parametrize("name, data", [
    ("plans/plan.docx", b"PK\x03\x04" + b"\0" * 100),
    ("plans/plan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
    ("plans/scan.jpg", _jpeg()),
    ("plans/plan.pdf", b"\xef\xbb\xbf%PDF-1.7\n"),  # a little junk before the header is allowed
])
def test_documents_and_images_are_accepted(mini, name, data):
    mini.file(f"content/files/{name}").write_bytes(data)
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: {name}")
    _loads(mini)


def test_svg_logo_is_refused_with_guidance(mini):
    mini.file("content/files/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    mini.write("content/agency.yml", mini.file("content/agency.yml").read_text(encoding="utf-8") + "logo: logo.svg\n")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/agency.yml บรรทัดที่ 5 · ช่อง logo:"), problems
    assert "PNG/JPEG" in problems[0]


def test_heic_portrait_from_a_phone_is_published_as_webp(mini):
    import pillow_heif  # a dependency of the package: HEIC photos from phones

    out = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (600, 800), "#884422")).save(out, quality=50)
    mini.file("content/files/people/mayor.heic").write_bytes(out.getvalue())
    mini.edit("content/executives.yml", "photo: people/mayor.jpg", "photo: people/mayor.heic")
    result = mini.build()
    assert result.returncode == 0, result.stderr
    with Image.open(mini.file("site/photos/people/mayor.webp")) as photo:
        assert photo.size == (180, 240)


def test_exif_rotation_is_applied_to_the_logo(mini):
    # A 300×100 camera image marked "rotate 90°" is an upright 100×300 logo.
    mini.file("content/files/logo.jpg").write_bytes(_jpeg((300, 100), orientation=6))
    mini.write("content/agency.yml", mini.file("content/agency.yml").read_text(encoding="utf-8") + "logo: logo.jpg\n")
    result = mini.build()
    assert result.returncode == 0, result.stderr
    with Image.open(mini.file("site/brand/logo.png")) as logo:
        assert logo.height > logo.width


def test_broken_image_keeps_the_last_good_site_and_is_named_by_ita_check(mini):
    assert mini.build().returncode == 0
    before = mini.site_digest()
    mini.file("content/files/people/deputy.jpg").write_bytes(_jpeg()[:1500])
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "content/executives.yml บรรทัดที่ 10 · ผู้บริหารคนที่ 2 · ช่อง photo:" in out
    assert mini.site_digest() == before
    check = mini.run("ita", "check")
    assert check.returncode == 2 and "content/executives.yml บรรทัดที่ 10" in check.stderr + check.stdout


def test_symlink_out_of_the_files_folder_is_refused(mini, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 private")
    mini.file("content/files/plans/annual-2567.pdf").unlink()
    mini.file("content/files/plans/annual-2567.pdf").symlink_to(secret)
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(EVIDENCE) and "ต้องอยู่ใต้ content/files/" in problems[0]


def test_symlink_in_docs_dir_pointing_outside_is_refused(mini, tmp_path):
    assert mini.build().returncode == 0
    before = mini.site_digest()
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "id_rsa.md").write_text("PRIVATE KEY")
    mini.file("content/pages/leak").symlink_to(secret)
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "content/pages/leak" in out and "ลิงก์สัญลักษณ์" in out
    assert mini.site_digest() == before
    check = mini.run("ita", "check")
    assert check.returncode == 2 and "content/pages/leak" in check.stderr


@pytest.mark.parametrize("path, words", [
    ("plans/../plans/annual-2567.pdf", "'plans/annual-2567.pdf'"),
    ("./plans/annual-2567.pdf", "'plans/annual-2567.pdf'"),
    ("plans\\annual-2567.pdf", "'plans/annual-2567.pdf'"),
])
def test_file_paths_not_written_plainly_are_refused_with_the_line(mini, path, words):
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: '{path}'")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(EVIDENCE) and words in problems[0], problems


@pytest.mark.parametrize("length", [300, 5000])
def test_file_name_too_long_for_the_disk_is_reported(mini, length):
    name = "plans/" + "a" * length + ".pdf"
    mini.edit("content/plans.yml", "file: plans/annual-2567.pdf", f"file: {name}")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(EVIDENCE) and "เปิดไฟล์" in problems[0], problems
    assert len(problems[0]) < 400


def test_images_are_made_before_mkdocs_cleans_site(mini, monkeypatch, caplog):
    """Even a failure the check cannot foresee (out of memory while resizing) leaves site/ as it was."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from site_builder import photos

    assert mini.build().returncode == 0
    before = mini.site_digest()
    mini.file("content/files/people/mayor.jpg").write_bytes(_jpeg((310, 410)))  # not in the cache

    def out_of_memory(*args, **kwargs):
        raise MemoryError("cannot allocate")

    monkeypatch.setattr(photos, "web_photo", out_of_memory)
    monkeypatch.chdir(mini.path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    with pytest.raises(Abort):
        build(load_config(str(mini.file("mkdocs.yml")), site_dir=str(mini.file("site"))))
    assert "ย่อรูป content/files/people/" in caplog.text
    assert mini.site_digest() == before
    assert os.path.isfile(mini.file("site/photos/people/mayor.webp"))


def test_heic_without_its_reader_asks_for_jpeg(mini, monkeypatch):
    from site_builder import uploads

    monkeypatch.setattr(uploads, "_heif", [False])  # as on a machine without pillow-heif
    mini.file("content/files/people/mayor.heic").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 100)
    mini.edit("content/executives.yml", "photo: people/mayor.jpg", "photo: people/mayor.heic")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith(PHOTO) and "แปลงเป็น JPEG" in problems[0], problems
