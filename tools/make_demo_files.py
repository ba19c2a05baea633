"""Make the demo's evidence files: placeholder PDFs, executive portraits and the logo.

The demo content (content/*.yml) names its files (`file:`, `photo:`, `logo:`) under
content/files/. This script reads every YAML file under content/ (sub-folders included),
and draws each missing file:

- `*.pdf`: an A4 page (1-bit, 100 dpi, a few KB) with the agency, the document's kind,
  title, date, period, signer and description in Thai (English for `language: en`), clearly
  marked as a demo; a monthly procurement summary (kind procurement_monthly) gets the สขร.1
  table of that month's purchases (procurement.yml and content/procurement/*.csv), on as
  many landscape pages as it needs;
- `*.jpg` / `*.png` of a person (`photo:`): a 600×800 portrait placeholder with initials;
- `logo:`: a simple emblem (PNG).

Output is deterministic: the same YAML gives byte-identical files, so they can be
regenerated at any time. Existing files are kept (a webmaster may have put a real
document there) unless --force is given.

    python tools/make_demo_files.py            # make missing files
    python tools/make_demo_files.py --force    # remake every file the YAML names
    python tools/make_demo_files.py --list     # only list what would be made

Needs Pillow and a Thai TrueType font (Debian/Ubuntu: apt-get install fonts-thai-tlwg).
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import hashlib
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder import thai  # noqa: E402

DPI = 100
A4 = (827, 1169)  # 210 × 297 mm at 100 dpi
DEMO_TH = "เอกสารตัวอย่างเพื่อการสาธิต ไม่ใช่เอกสารราชการจริง"
DEMO_EN = "DEMO DOCUMENT: NOT A REAL OFFICIAL DOCUMENT"

FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/opentype/tlwg", "/usr/share/fonts")
FONT_REGULAR = ("Laksaman.ttf", "Garuda.ttf", "Loma.ttf", "Kinnari.ttf", "Norasi.ttf")
FONT_BOLD = ("Laksaman-Bold.ttf", "Garuda-Bold.ttf", "Loma-Bold.ttf", "Kinnari-Bold.ttf", "Norasi-Bold.ttf")


# --------------------------------------------------------------------------- YAML


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, as the project's own loader does."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Job:
    target: str  # path under content/files/
    kind: str  # "document", "portrait" or "logo"
    data: dict  # the YAML mapping that names the file
    source: str  # the YAML file, for the footer and messages


def _walk(node: Any, source: str, jobs: list[Job]) -> None:
    if isinstance(node, dict):
        for key, kind in (("file", "document"), ("photo", "portrait"), ("logo", "logo")):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                jobs.append(Job(value.strip(), kind, node, source))
        for value in node.values():
            _walk(value, source, jobs)
    elif isinstance(node, list):
        for value in node:
            _walk(value, source, jobs)


def collect_jobs(content: Path) -> tuple[list[Job], dict]:
    jobs: list[Job] = []
    agency: dict = {}
    for path in sorted(content.rglob("*.yml")) + sorted(content.rglob("*.yaml")):
        if "files" in path.relative_to(content).parts:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        if path.relative_to(content).as_posix() == "agency.yml" and isinstance(data, dict):
            agency = data
        _walk(data, path.relative_to(content).as_posix(), jobs)
    unique: dict[str, Job] = {}
    for job in jobs:
        unique.setdefault(job.target, job)
    return list(unique.values()), agency


# --------------------------------------------------------------------------- dates


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return thai.parse_date(str(value))
    except ValueError:
        return None


def _period(value: Any) -> tuple[date, date] | None:
    """The same shorthands as the models: 2567, '2566-2570', {from:, to:}."""
    if value in (None, ""):
        return None
    if isinstance(value, dict):
        start, end = _day(value.get("from")), _day(value.get("to"))
        return (start, end) if start and end else None
    text = str(value).strip()
    if text.isdigit():
        year = int(text)
        return thai.fiscal_year_start(year), thai.fiscal_year_end(year)
    match = re.match(r"^(\d{4})\s*[-–]\s*(\d{4})$", text)
    if match:
        return thai.fiscal_year_start(int(match[1])), thai.fiscal_year_end(int(match[2]))
    return None


def _date_en(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year} (B.E. {thai.be_year(day.year)})"


# --------------------------------------------------------------------------- drawing helpers


def _find_font(names: tuple[str, ...]) -> str:
    for folder in FONT_DIRS:
        for name in names:
            for path in Path(folder).rglob(name) if Path(folder).is_dir() else []:
                return str(path)
    sys.exit("ไม่พบฟอนต์ภาษาไทย (no Thai font found): apt-get install fonts-thai-tlwg")


class Fonts:
    def __init__(self) -> None:
        self.regular_path = _find_font(FONT_REGULAR)
        self.bold_path = _find_font(FONT_BOLD)
        self._cache: dict = {}

    def get(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        key = (size, bold)
        if key not in self._cache:
            self._cache[key] = ImageFont.truetype(self.bold_path if bold else self.regular_path, size)
        return self._cache[key]


_LEADING_VOWELS = set("เแโใไ")


def _clusters(text: str) -> list[str]:
    """Split into pieces that may end a line: a base letter with its marks; a Thai
    leading vowel stays with the letter after it."""
    out: list[str] = []
    for char in text:
        if out and (unicodedata.category(char) == "Mn" or char == "ำ" or out[-1][-1] in _LEADING_VOWELS):
            out[-1] += char
        else:
            out.append(char)
    return out


# Thai is written without spaces between words. Without a dictionary, a run too long
# for the line is cut before one of these common word starts when one is near the end
# of the line, else between any two letters.
_WORD_STARTS = ("การ", "ความ", "และ", "ของ", "จาก", "เพื่อ", "โดย", "หรือ", "ประจำ", "ผู้", "ใน", "แผน", "รายงาน", "เทศบาล",
                "วงเงิน", "งบประมาณ", "เอกสาร", "ราคา", "สัญญา", "สำนักงาน", "ไม่")


def _cut(line: str) -> int:
    """Where to cut an overlong Thai run: an index into `line`, 0 for nowhere good."""
    best = 0
    for start in _WORD_STARTS:
        at = line.rfind(start)
        if at > len(line) * 0.6 and at > best:
            best = at
    return best


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrap at spaces; a run too long for a line is cut near a likely word start."""
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        line = ""
        for word in re.split(r"(?<= )", paragraph):
            if font.getlength(line + word) <= width:
                line += word
                continue
            if line.strip() and font.getlength(word) <= width:
                lines.append(line.rstrip())
                line = word
                continue
            for piece in _clusters(word):
                if font.getlength(line + piece) > width and line:
                    at = _cut(line)
                    if at and not line[:at].endswith(" "):
                        lines.append(line[:at].rstrip())
                        line = line[at:]
                    else:
                        lines.append(line.rstrip())
                        line = ""
                line += piece
        lines.append(line.rstrip())
    return lines


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)


def draw_emblem(size: int) -> Image.Image:
    """A simple round emblem: gold ring, green disc, a tree over water (RGBA)."""
    scale = 4  # draw large, then shrink, for smooth edges
    big = size * scale
    im = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    gold, green, light = (184, 134, 11, 255), (29, 107, 58, 255), (236, 244, 232, 255)
    d.ellipse((0, 0, big - 1, big - 1), fill=gold)
    ring = int(big * 0.06)
    d.ellipse((ring, ring, big - ring, big - ring), fill=light)
    inner = int(big * 0.10)
    d.ellipse((inner, inner, big - inner, big - inner), fill=green)
    c = big / 2
    # water: three waves
    for i in range(3):
        y = c + big * (0.18 + i * 0.06)
        w = big * (0.30 - i * 0.05)
        d.arc((c - w, y - big * 0.05, c, y + big * 0.05), 200, 340, fill=light, width=int(big * 0.018))
        d.arc((c, y - big * 0.05, c + w, y + big * 0.05), 200, 340, fill=light, width=int(big * 0.018))
    # tree: trunk and a canopy of three discs
    d.rectangle((c - big * 0.03, c - big * 0.02, c + big * 0.03, c + big * 0.17), fill=gold)
    for dx, dy, r in ((-0.11, -0.06, 0.11), (0.11, -0.06, 0.11), (0, -0.17, 0.13)):
        x, y, rr = c + dx * big, c + dy * big, r * big
        d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=light)
    return im.resize((size, size), Image.LANCZOS)


# --------------------------------------------------------------------------- PDF pages


class Page:
    def __init__(self, fonts: Fonts, size: tuple[int, int] = A4, margin: int = 70):
        self.fonts = fonts
        self.im = Image.new("L", size, 255)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = size
        self.margin = margin
        self.y = 40

    def text(self, text: str, size: int, bold: bool = False, center: bool = False, gap: int = 6, indent: int = 0):
        font = self.fonts.get(size, bold)
        width = self.w - 2 * self.margin - indent
        for line in wrap(text, font, width):
            x = self.margin + indent
            if center:
                x = (self.w - font.getlength(line)) / 2
            self.d.text((x, self.y), line, font=font, fill=0)
            self.y += int(size * 1.45)
        self.y += gap

    def rule(self, gap: int = 12):
        self.d.line((self.margin, self.y, self.w - self.margin, self.y), fill=0, width=1)
        self.y += gap

    def banner(self, text: str, y: int | None = None):
        font = self.fonts.get(14, True)
        top = self.y if y is None else y
        box = (self.margin, top, self.w - self.margin, top + 28)
        self.d.rectangle(box, outline=0, width=2)
        self.d.text(((self.w - font.getlength(text)) / 2, top + 4), text, font=font, fill=0)
        if y is None:
            self.y += 40

    def emblem(self, size: int = 90):
        logo = draw_emblem(size)
        plate = Image.new("L", logo.size, 255)
        plate.paste(logo.convert("L"), mask=logo.getchannel("A"))
        self.im.paste(plate, ((self.w - size) // 2, self.y))
        self.y += size + 10

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float], size: int = 12,
              bottom: int | None = None) -> list[list[str]]:
        """Draw the header and as many rows as fit above `bottom`; return the rows left over."""
        font, bold = self.fonts.get(size), self.fonts.get(size, True)
        total = self.w - 2 * self.margin
        cols = [int(total * w / sum(widths)) for w in widths]
        limit = bottom or self.h - 100
        lead = int(size * 1.45)
        for index, (is_head, cells) in enumerate([(True, headers)] + [(False, r) for r in rows]):
            wrapped = [wrap(c, bold if is_head else font, cols[i] - 8) for i, c in enumerate(cells)]
            height = max(len(w) for w in wrapped) * lead + 8
            if not is_head and self.y + height > limit:
                return rows[index - 1:]
            x = self.margin
            for i, lines in enumerate(wrapped):
                self.d.rectangle((x, self.y, x + cols[i], self.y + height), outline=0, width=1)
                for n, line in enumerate(lines):
                    self.d.text((x + 4, self.y + 4 + n * lead), line, font=bold if is_head else font, fill=0)
                x += cols[i]
            self.y += height
        self.y += 10
        return []

    def footer(self, text: str):
        font = self.fonts.get(13)
        self.d.text((self.margin, self.h - 34), text, font=font, fill=0)

    def bitmap(self) -> Image.Image:
        return self.im.point(lambda v: 0 if v < 170 else 255).convert("1", dither=Image.Dither.NONE)


def save_pdf(pages: list[Page], path: Path, title: str, author: str, subject: str, when: date | None):
    """Save 1-bit pages as one PDF; the dates inside come from the document, so output is stable."""
    images = [page.bitmap() for page in pages]
    stamp = time.struct_time((when or date(2000, 1, 1)).timetuple())
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:], title=title,
                   author=author, subject=subject, creator="tools/make_demo_files.py", producer="Pillow",
                   creationDate=stamp, modDate=stamp)


PURCHASE_HEADERS = ["ที่", "งานที่ซื้อหรือจ้าง", "วงเงิน (บาท)", "วิธีซื้อหรือจ้าง", "ผู้เสนอราคาและราคาที่เสนอ",
                    "ผู้ได้รับคัดเลือกและราคาที่ตกลง", "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่และวันที่ของสัญญาหรือข้อตกลง"]
PURCHASE_WIDTHS = [0.35, 2.5, 0.9, 0.9, 2.4, 2.2, 1.5, 1.7]


def load_purchases(content: Path) -> list:
    """Purchases (สขร.1 rows) from procurement.yml and content/procurement/*.csv, read by the
    project's own loaders; [] when there are none or they do not validate."""
    from site_builder.models.procurement import Purchase
    from site_builder.procurement_csv import read_purchases

    rows: list = []
    path = content / "procurement.yml"
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        for item in (data.get("purchases") or []) if isinstance(data, dict) else []:
            with contextlib.suppress(ValueError):
                rows.append(Purchase.model_validate(item))
    for csv_path in sorted((content / "procurement").glob("*.csv")):
        rows.extend(read_purchases(csv_path, csv_path.name, []))
    return rows


def _purchase_cells(purchases: list, start: date, end: date) -> list[list[str]]:
    rows = sorted((p for p in purchases if start <= p.date <= end), key=lambda p: (p.date, p.contract_no))
    return [[
        str(n), p.work, thai.format_baht(p.budget), p.method,
        "\n".join(f"{b.bidder} {thai.format_baht(b.price)}" for b in p.bids),
        f"{p.winner} {thai.format_baht(p.price)}", p.reason, f"{p.contract_no} ลว. {thai.format_date_short(p.date)}",
    ] for n, p in enumerate(rows, 1)]


def make_pdf(job: Job, out: Path, fonts: Fonts, agency: dict, kinds: dict, purchases: list | None = None):
    data = job.data
    english = data.get("language") == "en"
    style = thai.DigitStyle(agency.get("digits", "arabic")) if not english else thai.DigitStyle.ARABIC
    kind = str(data.get("kind") or "")
    kind_label = (kinds.get(kind) or {}).get("title", kind) if kind else ""
    title = str(data.get("title") or data.get("name") or out.stem)
    day = _day(data.get("date"))
    period = _period(data.get("covers"))
    agency_name = str((agency.get("name_en") if english else agency.get("name")) or "")
    demo = DEMO_EN if english else DEMO_TH
    made_by = "made from" if english else "สร้างจาก"
    footer = f"content/files/{job.target}  ·  {made_by} content/{job.source}  ·  tools/make_demo_files.py"
    landscape = kind == "procurement_monthly"
    size = (A4[1], A4[0]) if landscape else A4
    margin = 50 if landscape else 70
    page = Page(fonts, size, margin=margin)
    pages = [page]

    page.banner(demo)
    page.emblem(70 if landscape else 90)
    page.text(agency_name, 24, bold=True, center=True, gap=2)
    if kind_label and not english:
        page.text(kind_label, 16, center=True, gap=4)
    page.rule(14)
    page.text(thai.digits(title, style), 22, bold=True, center=True, gap=10)

    details = []
    if english:
        if day:
            details.append(f"Date: {_date_en(day)}")
        if period:
            details.append(f"Period: {_date_en(period[0])} – {_date_en(period[1])}")
    else:
        if day:
            details.append(f"วันที่ {thai.format_date(day, style)}")
        if period:
            details.append(f"ช่วงเวลาที่ครอบคลุม {thai.format_period(period[0], period[1], style)}")
    for line in details:
        page.text(line, 17, center=True, gap=0)
    page.y += 16

    body = data.get("description") or data.get("summary")
    if body:
        page.text(str(body), 17, gap=14, indent=0)

    rows = _purchase_cells(purchases or [], *period) if landscape and period else []
    if rows:
        # the สขร.1 table from the purchase rows of the month, continued on further pages
        left = page.table(PURCHASE_HEADERS, rows, PURCHASE_WIDTHS, size=11, bottom=page.h - 95)
        while left:
            page = Page(fonts, size, margin=margin)
            pages.append(page)
            page.banner(demo)
            page.text(thai.digits(f"{title} (ต่อ)", style), 16, bold=True, center=True, gap=6)
            left = page.table(PURCHASE_HEADERS, left, PURCHASE_WIDTHS, size=11, bottom=page.h - 95)
    elif not body:
        page.text("เนื้อหาของเอกสารฉบับจริงแทนที่หน้านี้" if not english else "The real document replaces this page.", 16, center=True)

    signer = data.get("signed_by")
    if signer:
        page.y = max(page.y + 30, page.h - 260)
        x = page.w // 2
        font = fonts.get(17)
        lines = ["(ลงชื่อ) ......................................." if not english else "(Signed) ...................................."]
        lines += [str(signer)]
        for line in lines:
            page.d.text((x - font.getlength(line) / 2 + 120, page.y), line, font=font, fill=0)
            page.y += 30

    for number, each in enumerate(pages, 1):
        each.banner(demo, y=each.h - 80)
        each.footer(footer + (f"  ·  {number}/{len(pages)}" if len(pages) > 1 else ""))
    save_pdf(pages, out, title, str(agency.get("name") or ""), kind_label or kind, day or (period[1] if period else None))


# --------------------------------------------------------------------------- portraits and logo

_PALETTE = ((31, 78, 140), (29, 107, 58), (122, 62, 134), (150, 75, 40), (20, 110, 120), (90, 90, 120), (160, 60, 70))
_TITLES = ("นางสาว", "นาง", "นาย", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ดร.", "Mr. ", "Mrs. ", "Ms. ")


def initials(name: str) -> str:
    name = name.strip()
    for prefix in _TITLES:
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
            break
    letters = []
    for part in name.split()[:2]:
        for char in part:
            if char not in _LEADING_VOWELS and unicodedata.category(char).startswith("L"):
                letters.append(char)
                break
    return ".".join(letters) + "." if letters else "?"


def make_portrait(job: Job, out: Path, fonts: Fonts):
    name = str(job.data.get("name") or out.stem)
    seed = _hash(job.target + name)
    base = _PALETTE[seed % len(_PALETTE)]
    w, h = 600, 800
    im = Image.new("RGB", (w, h), base)
    d = ImageDraw.Draw(im)
    for y in range(h):  # soft vertical gradient
        t = y / h
        d.line((0, y, w, y), fill=tuple(int(c * (1.15 - 0.35 * t)) if c * 1.15 < 255 else 255 for c in base))
    figure = tuple(min(255, int(c + (255 - c) * 0.72)) for c in base)
    d.ellipse((180, 150, 420, 410), fill=figure)  # head
    d.rounded_rectangle((70, 450, 530, 900), radius=200, fill=figure)  # shoulders
    d.polygon(((250, 452), (350, 452), (300, 540)), fill=base)  # collar
    font = fonts.get(96, True)
    text = initials(name)
    d.text(((w - font.getlength(text)) / 2, 590), text, font=font, fill=base)
    small = fonts.get(22)
    label = "ภาพตัวอย่าง (DEMO)"
    d.rectangle((0, h - 44, w, h), fill=(255, 255, 255))
    d.text(((w - small.getlength(label)) / 2, h - 38), label, font=small, fill=(60, 60, 60))
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".png":
        im.save(out, "PNG", optimize=True)
    else:
        im.save(out, "JPEG", quality=82, optimize=True, progressive=False)


def make_logo(out: Path):
    out.parent.mkdir(parents=True, exist_ok=True)
    logo = draw_emblem(512)
    if out.suffix.lower() in (".jpg", ".jpeg"):
        plate = Image.new("RGB", logo.size, (255, 255, 255))
        plate.paste(logo, mask=logo.getchannel("A"))
        plate.save(out, "JPEG", quality=88)
    else:
        logo.quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)


def make_image(job: Job, out: Path, fonts: Fonts, agency: dict):
    """An image named by `file:` (e.g. a news photo): a captioned placeholder."""
    page = Page(fonts, (800, 450), margin=30)
    page.y = 150
    page.text(str(job.data.get("title") or out.stem), 26, bold=True, center=True)
    page.text("ภาพตัวอย่าง (DEMO) · " + str(agency.get("name") or ""), 18, center=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.im.convert("RGB").save(out, "PNG" if out.suffix.lower() == ".png" else "JPEG")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="the content folder")
    parser.add_argument("--kinds", type=Path, default=ROOT / "data" / "kinds.yml", help="document kinds")
    parser.add_argument("--force", action="store_true", help="remake files that already exist")
    parser.add_argument("--list", action="store_true", help="only list the files")
    args = parser.parse_args(argv)

    content: Path = args.content.resolve()
    files = content / "files"
    kinds = yaml.load(args.kinds.read_text(encoding="utf-8"), Loader=_Loader) if args.kinds.is_file() else {}
    jobs, agency = collect_jobs(content)
    fonts = None if args.list else Fonts()
    made = kept = skipped = 0
    purchases = None
    for job in sorted(jobs, key=lambda j: j.target):
        out = (files / job.target).resolve()
        if files.resolve() not in out.parents:
            print(f"ข้าม {job.target}: อยู่นอก content/files/ (outside content/files/)", file=sys.stderr)
            skipped += 1
            continue
        if out.exists() and not args.force:
            kept += 1
            continue
        suffix = out.suffix.lower()
        if args.list:
            print(job.target)
            made += 1
            continue
        if job.kind == "logo":
            make_logo(out)
        elif job.kind == "portrait":
            make_portrait(job, out, fonts)
        elif suffix == ".pdf":
            if purchases is None:
                purchases = load_purchases(content)
            make_pdf(job, out, fonts, agency, kinds or {}, purchases)
        elif suffix in (".jpg", ".jpeg", ".png"):
            make_image(job, out, fonts, agency)
        else:
            print(f"ข้าม {job.target}: ไม่รู้จักชนิดไฟล์ {suffix} (unknown file type)", file=sys.stderr)
            skipped += 1
            continue
        made += 1
    verb = "would make" if args.list else "made"
    print(f"{verb} {made}, kept {kept} existing, skipped {skipped} (of {len(jobs)} files named in {content})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
