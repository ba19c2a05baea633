"""What an uploaded file really is, read from its first bytes, and whether it may be published.

Evidence, photos and the logo are published under the agency's own domain: a file that a
browser runs (HTML, SVG, script) would run there, with the agency's name on it. So only
documents and raster images pass, judged by content, never by the name. Images are decoded
here, while the data is checked, so a broken or oversized photo stops the build with the
YAML line that names it, before MkDocs empties site/.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

# Larger than any phone camera's photo (a 50 MP phone gives 8160×6144), far smaller than a
# decompression bomb: Pillow decodes a 64 MP RGBA image into about 256 MB.
MAX_PIXELS = 64_000_000

IMAGE_TYPES = {"jpeg", "png", "gif", "webp"}
# Office formats are ZIP (docx, xlsx, pptx, odt, ods, odp) or OLE (doc, xls, ppt) containers.
_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "zip", ".xlsx": "zip", ".pptx": "zip", ".odt": "zip", ".ods": "zip", ".odp": "zip",
    ".doc": "ole", ".xls": "ole", ".ppt": "ole",
    ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".gif": "gif", ".webp": "webp",
    ".heic": "heic", ".heif": "heic",
}
# What a reader is told a published file is, beside its size ("Word 24 KB").
LABELS = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".xls": "Excel", ".xlsx": "Excel",
    ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odt": "OpenDocument", ".ods": "OpenDocument",
    ".odp": "OpenDocument", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WebP",
}
ALLOWED = "PDF, Word/Excel/PowerPoint (doc docx xls xlsx ppt pptx), OpenDocument (odt ods odp), JPEG, PNG, GIF, WebP"
_HEIC_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")


def sniff(head: bytes) -> str:
    """The type of a file from its first bytes: pdf, zip, ole, jpeg, png, gif, webp, heic,
    empty, active (HTML, SVG, XML, script: would run in a browser) or unknown."""
    if not head:
        return "empty"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "heic"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if b"%PDF-" in head[:1024]:  # the PDF header may follow a little junk (PDF 1.7, 7.5.2)
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower().replace(b"\x00", b"")
    if text.startswith((b"<", b"#!")) or b"<script" in text or b"<svg" in text or b"<html" in text:
        return "active"
    return "unknown"


def _read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(2048)


def upload_problem(path: Path, name: str, role: str) -> str | None:
    """Why content/files/<name> may not be published as `role` (file, photo, logo), or None.

    Images are decoded in full (a draft for JPEG) within the pixel limit, EXIF rotation
    included, exactly as the build will use them.
    """
    ext = posixpath.splitext(name)[1].lower()
    try:
        kind = sniff(_read_head(path))
    except OSError as err:
        return f"เปิดไฟล์ '{name}' ไม่ได้: {err.strerror} (cannot read the file)"
    if kind == "empty":
        return f"ไฟล์ '{name}' ว่างเปล่า 0 ไบต์: อัปโหลดไฟล์ใหม่ (the file is empty)"
    if kind == "active":
        return (f"ไฟล์ '{name}' เป็น HTML, SVG หรือสคริปต์ ซึ่งเบราว์เซอร์จะเรียกใช้งานได้ จึงเผยแพร่ไม่ได้: "
                f"บันทึกเป็น PDF หรือรูปภาพ PNG/JPEG แทน (active content is not published; "
                f"allowed: {ALLOWED})")
    if role in ("photo", "logo"):
        if kind not in IMAGE_TYPES and kind != "heic":
            return (f"ไฟล์ '{name}' ไม่ใช่รูปภาพ ต้องเป็น JPEG, PNG, WebP, GIF หรือ HEIC "
                    f"(not an image: {_described(kind)})")
        return image_problem(path, name)
    expected = _EXTENSIONS.get(ext)
    if expected is None or expected == "heic":
        hint = " แปลงรูป HEIC เป็น JPEG ก่อน เบราว์เซอร์ส่วนใหญ่เปิด HEIC ไม่ได้" if expected == "heic" else ""
        return (f"ไม่รับไฟล์ชนิด '{ext or name}' เป็นหลักฐาน{hint} (allowed: {ALLOWED})")
    if kind != expected:
        return (f"เนื้อไฟล์ '{name}' ไม่ตรงกับนามสกุล {ext}: เป็น{_described(kind)} "
                f"ผู้ประเมินจะเปิดไม่ได้ ให้บันทึกไฟล์ใหม่ (the content is not {ext})")
    if kind in IMAGE_TYPES:
        return image_problem(path, name)
    return None


def _described(kind: str) -> str:
    return {"pdf": " PDF", "zip": "ไฟล์ ZIP", "ole": "เอกสาร Office รุ่นเก่า", "heic": "รูป HEIC",
            "jpeg": "รูป JPEG", "png": "รูป PNG", "gif": "รูป GIF", "webp": "รูป WebP"}.get(kind, "ไฟล์ชนิดที่ไม่รู้จัก")


def image_problem(path: Path, name: str) -> str | None:
    """Why the image cannot be used (broken, truncated, too many pixels), or None."""
    from PIL import Image, ImageOps

    if not register_heif(_read_head(path)):
        return f"อ่านรูป HEIC '{name}' ไม่ได้: แปลงเป็น JPEG ก่อน (HEIC is not supported here: convert to JPEG)"
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                return (f"รูป '{name}' ใหญ่เกินไป {width}×{height} พิกเซล (เกิน {MAX_PIXELS // 1_000_000} ล้านพิกเซล): "
                        f"ย่อรูปก่อน (too many pixels)")
            image.verify()
        with Image.open(path) as image:
            image.draft("RGB", (720, 720))  # JPEG decodes at a fraction of its size: enough to find damage
            image.load()
            ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        return f"รูป '{name}' ใหญ่เกินไป (เกิน {MAX_PIXELS // 1_000_000} ล้านพิกเซล): ย่อรูปก่อน (too many pixels)"
    except Exception as err:  # noqa: BLE001 (Pillow raises many kinds for damaged data; any of them means the same)
        return (f"รูป '{name}' เสียหรือไม่ครบ เปิดไม่ได้: บันทึกหรือส่งออกรูปใหม่ "
                f"(broken image: {str(err)[:120] or type(err).__name__})")
    return None


_heif: list[bool] = []  # whether HEIC can be read, once known


def register_heif(head: bytes) -> bool:
    """Bound Pillow's pixels and, when `head` opens a HEIC photo, let Pillow read it with
    pillow-heif (imported only then: most builds have no HEIC). False when HEIC cannot be read."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    if sniff(head) != "heic":
        return True
    if not _heif:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:
            _heif.append(False)
        else:
            register_heif_opener()
            _heif.append(True)
    return _heif[0]


def links_outside(folder: Path, root: Path) -> list[str]:
    """Symbolic links under `folder` (MkDocs' docs_dir, which MkDocs copies into site/
    following links) that lead outside the project `root`, as paths relative to it."""
    root = root.resolve()
    found = []
    for parent, dirs, files in os.walk(folder):  # not following links: each is judged here
        for name in (*dirs, *files):
            path = Path(parent) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.append(path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path))
    return sorted(found)


LINK_OUTSIDE = ("ลิงก์สัญลักษณ์ (symlink) นี้ชี้ออกไปนอกโฟลเดอร์เว็บไซต์ และจะถูกคัดลอกไปเผยแพร่ด้วย: "
                "ลบลิงก์ หรือคัดลอกไฟล์มาไว้แทน (a symbolic link leading outside the project is not published)")
