"""`ita new` and `ita new-year`: start an agency's own site, and each new assessment year in it."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import ContentError, ProblemList
from .models.catalog import Catalog
from .yamlsource import problems_from_validation


def _package_catalog(year: int | None = None) -> tuple[Catalog, dict]:
    """The package's catalog of `year` (default: the newest) and its document kinds."""
    from .load import catalog_files, load_catalogs, load_kinds
    from .site import SECTIONS

    problems = ProblemList()
    nowhere = Path("\0no-site-data")  # the package's own catalogs only
    known = sorted(int(n.removesuffix(".yml")) for n in catalog_files(nowhere) if n.removesuffix(".yml").isdigit())
    year = year or known[-1]
    kinds = load_kinds(nowhere, Path.cwd(), problems)
    catalogs = load_catalogs(nowhere, kinds, SECTIONS, Path.cwd(), problems, [year])
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
@click.option("--itas-code", default="", prompt="รหัส ITAS หรือลิงก์แบบสำรวจ EIT (เว้นว่างได้ · may be empty)",
              help="รหัสแบบสำรวจ EIT/IIT หรือลิงก์ที่คัดลอกจาก ITAS")
def new(folder: Path, name: str, kind: str, website: str, itas_code: str) -> None:
    """เริ่มเว็บไซต์ ITA ของหน่วยงานในโฟลเดอร์ FOLDER (start an agency's site)."""
    from pydantic import ValidationError

    from .models.organisation import Agency
    from .scaffold import site_files, write_site

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
    click.echo(f"สร้างเว็บไซต์ ITA ปี {catalog.year} ของ{agency.name} ใน {folder} แล้ว (site created)\n"
               f"ขั้นต่อไป: cd {folder} แล้วสั่ง ita check (สิ่งที่ต้องทำ) และ mkdocs serve (ดูตัวอย่าง) "
               f"ดูรายละเอียดใน {folder / 'README.md'}")

