"""`ita new` and `ita new-year`: start an agency's own site, and each new assessment year in it."""

from __future__ import annotations

import re
from pathlib import Path

import click
from pydantic import ValidationError

from .errors import ContentError, ProblemList
from .load import catalog_files, load_catalogs, load_kinds
from .models.catalog import Catalog
from .models.organisation import Agency
from .scaffold import measures_text, site_files, write_site
from .site import SECTIONS
from .site_config import plugin_options
from .yamlsource import problems_from_validation


def _package_catalog(year: int | None = None) -> tuple[Catalog, dict]:
    """The package's catalog of `year` (default: the newest) and its document kinds."""
    problems = ProblemList()
    known = sorted(int(n.removesuffix(".yml")) for n in catalog_files(None) if n.removesuffix(".yml").isdigit())
    year = year or known[-1]
    kinds = load_kinds(None, Path.cwd(), problems)
    catalogs = load_catalogs(None, kinds, SECTIONS, Path.cwd(), problems, [year])
    if problems.items or year not in catalogs:
        raise click.ClickException(ContentError(problems.items).report() if problems.items else
                                   f"ไม่มีรายการประเมินปี {year} (no catalog for {year})")
    return catalogs[year], kinds


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", prompt="ชื่อหน่วยงาน (agency name) เช่น เทศบาลตำบลบ้านสวน", help="ชื่อเต็มของหน่วยงาน")
@click.option("--type", "kind", prompt="ประเภท (type) เช่น เทศบาลตำบล หรือ องค์การบริหารส่วนตำบล",
              help="ประเภทหน่วยงาน")
@click.option("--website", prompt="เว็บไซต์หลัก (website) เช่น https://www.bansuan.go.th/", help="เว็บไซต์หลัก")
@click.option("--itas-code", default="", prompt="รหัส ITAS หรือลิงก์แบบวัด EIT (เว้นว่างได้ · may be empty)",
              help="รหัสแบบวัด EIT/IIT หรือลิงก์ที่คัดลอกจาก ITAS")
def new(folder: Path, name: str, kind: str, website: str, itas_code: str) -> None:
    """เริ่มเว็บไซต์ ITA ของหน่วยงานในโฟลเดอร์ FOLDER (start an agency's site)."""
    if folder.exists() and any(folder.iterdir()):
        raise click.ClickException(f"โฟลเดอร์ {folder} มีไฟล์อยู่แล้ว: เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง "
                                   f"({folder} is not empty)")
    website = website.strip()
    if website and "://" not in website:
        website = "https://" + website
    website = website.rstrip("/") + "/"
    try:
        agency = Agency(name=name.strip(), kind=kind.strip(), website=website, itas_code=itas_code.strip() or None)
    except ValidationError as err:
        problems = problems_from_validation(err, {}, "ita new", Agency)
        raise click.ClickException("\n".join(f"--{p.field.replace('_', '-')}: {p.message}" for p in problems)) from None
    catalog, kinds = _package_catalog()
    write_site(folder, site_files(agency.name, agency.kind, website, agency.itas_code or "", catalog, kinds))
    click.echo(f"สร้างโฟลเดอร์เว็บไซต์ ITA ของ{agency.name} (ปีงบประมาณ {catalog.year}) ใน {folder} แล้ว (site created)\n"
               f"ขั้นต่อไป: cd {folder} แล้วสั่ง ita check (สิ่งที่ต้องทำ) และ mkdocs serve (ดูตัวอย่าง) "
               f"ดูรายละเอียดใน {folder / 'README.md'}")


# The `years:` of the ita plugin in mkdocs.yml, as a flow list or as a block of `- 2568` lines.
_FLOW_YEARS = re.compile(r"^(?P<head>\s*years:\s*)\[(?P<list>[^\]]*)\](?P<tail>.*)$")
_BLOCK_YEARS = re.compile(r"^(?P<indent>\s*)years:\s*(#.*)?$")
_BLOCK_ITEM = re.compile(r"^(?P<indent>\s*)-\s*(?P<year>\d{4})\s*(#.*)?$")


def add_year(text: str, year: int) -> tuple[str, list[int]] | None:
    """mkdocs.yml with `year` added to the plugin's years, every other line (comments too) as it
    was; and the years before. None when no `years:` list is found."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        flow = _FLOW_YEARS.match(line.rstrip("\r\n"))
        if flow:
            years = [int(y) for y in re.findall(r"\d{4}", flow["list"])]
            if year not in years:
                listed = ", ".join(str(y) for y in sorted([*years, year]))
                ending = line[len(line.rstrip("\r\n")):]
                lines[i] = f"{flow['head']}[{listed}]{flow['tail']}{ending}"
            return "".join(lines), years
        if _BLOCK_YEARS.match(line.rstrip("\r\n")):
            items = []
            for j in range(i + 1, len(lines)):
                item = _BLOCK_ITEM.match(lines[j].rstrip("\r\n"))
                if not item:
                    break
                items.append((j, item))
            if not items:
                return None
            years = [int(item["year"]) for _, item in items]
            if year not in years:
                last, item = items[-1]
                ending = lines[last][len(lines[last].rstrip("\r\n")):] or "\n"
                lines.insert(last + 1, f"{item['indent']}- {year}{ending}")
            return "".join(lines), years
    return None


def _comment_block(lines: list[str], key: str, note: str) -> list[str]:
    """Every `key:` block (the line and all lines inside it) turned into comments, under a note."""
    out: list[str] = []
    i = 0
    pattern = re.compile(rf"^(?P<indent>\s*)(- )?{key}:")
    while i < len(lines):
        found = pattern.match(lines[i])
        if not found:
            out.append(lines[i])
            i += 1
            continue
        indent = len(found["indent"]) + (2 if found.group(2) else 0)
        block = [lines[i]]
        i += 1
        while i < len(lines):
            stripped = lines[i].strip()
            depth = len(lines[i]) - len(lines[i].lstrip())
            inside = not stripped or depth > indent or (depth == indent and stripped.startswith("- "))
            if not inside:
                break
            block.append(lines[i])
            i += 1
        while block and not block[-1].strip():  # blank lines after the block stay as they were
            i -= 1
            block.pop()
        pad = " " * indent
        out.append(f"{pad}# {note}\n")
        out += [f"{pad}# {line[indent:]}" if line.strip() else line for line in block]
    return out


def next_measures(previous: str, old_year: int, year: int) -> str:
    """content/measures/<year>.yml started from last year's text: the new year, the analysis and
    every measure's results left as comments to write anew; everything else as it was."""
    lines = previous.splitlines(keepends=True)
    lines = [re.sub(rf"^year:\s*{old_year}\b", f"year: {year}", line) for line in lines]
    lines = _comment_block(lines, "analysis", f"ผลการวิเคราะห์ของปี {old_year} (ของเดิม): เขียนใหม่สำหรับปี {year} "
                                              f"แล้วลบ # ออก (last year's analysis: write this year's)")
    lines = _comment_block(lines, "results", f"ผลการดำเนินการของปี {old_year} (ของเดิม): รายงานผลของปี {year} "
                                             f"แล้วลบ # ออก (last year's results)")
    head = (f"# เริ่มจาก content/measures/{old_year}.yml ด้วย ita new-year {year}: ตรวจชื่อเรื่อง วันที่ มาตรการ "
            f"และผู้ลงนามให้เป็นของปี {year} (started from {old_year}: check titles, dates and signers)\n")
    return head + "".join(lines)


@click.command("new-year")
@click.argument("year", type=click.IntRange(2560, 2700))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="mkdocs.yml ของเว็บไซต์")
@click.pass_context
def new_year(ctx: click.Context, year: int, config_file: Path) -> None:
    """เริ่มปีประเมิน YEAR: เพิ่มปีใน mkdocs.yml และเริ่มไฟล์มาตรการจากปีก่อน (start a new assessment year)."""
    options, _ = plugin_options(config_file)
    root = config_file.resolve().parent
    if f"{year}.yml" not in catalog_files(root / options.get("data_dir", "data")):
        raise click.ClickException(
            f"โปรแกรมรุ่นนี้ยังไม่มีรายการประเมินปีงบประมาณ {year}: ปรับรุ่นโปรแกรม (pip install --upgrade ita-site-builder) "
            f"หรือเพิ่ม data/ita/{year}.yml แล้วสั่งใหม่ (no catalog for {year} yet: upgrade the tool)")
    text = config_file.read_text(encoding="utf-8")
    edited = add_year(text, year)
    if edited is None:
        raise click.ClickException(f"ไม่พบ years: ของปลั๊กอิน ita ใน {config_file} ให้เพิ่ม years: [{year}] เอง "
                                   f"(no years: list found)")
    new_text, before = edited
    if new_text != text:
        config_file.write_text(new_text, encoding="utf-8")
        click.echo(f"เพิ่มปีงบประมาณ {year} ใน {config_file} แล้ว (added {year})")
    measures_dir = root / options.get("content_dir", "content") / "measures"
    target = measures_dir / f"{year}.yml"
    earlier = sorted((int(p.stem), p) for p in measures_dir.glob("*.yml") if p.stem.isdigit() and int(p.stem) < year)
    if target.exists():
        click.echo(f"มี {target.relative_to(root)} อยู่แล้ว ไม่ได้แก้ไข (kept as it is)")
    elif earlier:
        old_year, old_path = earlier[-1]
        target.write_text(next_measures(old_path.read_text(encoding="utf-8"), old_year, year), encoding="utf-8")
        click.echo(f"เริ่ม {target.relative_to(root)} จาก {old_path.name}: ผลการวิเคราะห์และผลการดำเนินการว่างไว้ให้กรอกใหม่")
    else:
        catalog, kinds = _package_catalog(year) if f"{year}.yml" in catalog_files(None) else (None, None)
        if catalog is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(measures_text(year, catalog, kinds or {}), encoding="utf-8")
            click.echo(f"เริ่ม {target.relative_to(root)} (started)")
    click.echo(f"\nสิ่งที่ต้องทำของปีงบประมาณ {year} (to do for {year}):")
    group = ctx.parent.command if ctx.parent else None
    check = group.get_command(ctx.parent, "check") if isinstance(group, click.Group) and ctx.parent else None
    if check is not None:
        try:
            ctx.invoke(check, config_file=config_file, years=(year,))
        except SystemExit as done:
            if done.code not in (0, 1, None):  # 1: items still missing, which is the point of the list
                raise
