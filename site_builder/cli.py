"""`ita`: the same core from the webmaster's terminal.

    ita new        start an agency's own site folder (mkdocs.yml, commented content/, README)
    ita new-year   add an assessment year, start its measures report from the year before
    ita check      readiness table of each year; exit 1 while anything is missing
    ita generate   write the site as a folder any MkDocs 1.6 engine builds without the plugin
    ita schema     JSON Schemas of the content files, for editors (YAML language server)
    ita import procurement FILE --year Y   a สขร.1 or project sheet (CSV/XLSX/XLS) → content/procurement/Y.csv
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from . import generate as generate_folder
from . import new_site, procurement_sheets, publish, uploads
from .errors import ContentError, Problem
from .load import relative
from .models.catalog import Catalog
from .models.content import TOPIC_FILES
from .models.measures import Measures
from .site import Prepared, gaps, prepare
from .site_config import plugin_options
from .status import Status
from .workbooks import EXTENSIONS as SHEET_EXTENSIONS


def _prepare(config_file: Path, years: tuple[int, ...]) -> tuple[Prepared, dict, dict]:
    options, raw = plugin_options(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(raw.get("docs_dir") or "docs")
    if not docs_dir.is_dir():
        # MkDocs stops on it too, in English only, before any plugin runs.
        raise click.ClickException(
            f"ไม่พบโฟลเดอร์ {relative(docs_dir, root)} ที่ตั้งไว้ใน docs_dir ของ {config_file.name}: สร้างโฟลเดอร์นี้ "
            f"(ว่างไว้ได้ ใช้เก็บหน้า Markdown ของหน่วยงานเอง) หรือแก้ docs_dir "
            f"(docs_dir {relative(docs_dir, root)} does not exist: create it, it may stay empty)")
    custom_dir = (raw.get("theme") or {}).get("custom_dir") if isinstance(raw.get("theme"), dict) else None
    if custom_dir and not (root / str(custom_dir)).is_dir():
        raise click.ClickException(
            f"ไม่พบโฟลเดอร์ {custom_dir} ที่ตั้งไว้ใน theme.custom_dir ของ {config_file.name}: ลบบรรทัด custom_dir ออก "
            f"(โปรแกรมใช้โฟลเดอร์ theme/ เองเมื่อมี) หรือสร้างโฟลเดอร์นี้ "
            f"(custom_dir {custom_dir} does not exist: remove the line, theme/ is used when present)")
    try:
        outside = uploads.links_outside(docs_dir, root)
        if outside:  # as the build refuses them
            raise ContentError([Problem(link, None, "", uploads.LINK_OUTSIDE) for link in outside])
        prepared = prepare(root, root / options.get("content_dir", "content"), root / options.get("data_dir", "data"),
                           list(years) or list(options.get("years", [])), raw.get("site_url") or "/",
                           override_dirs=[root / "theme" / "markdown"],
                           archive_years=list(options.get("archive_years", [])))
    except ContentError as err:
        click.echo(err.report(), err=True)
        sys.exit(2)
    return prepared, options, raw


config_option = click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path),
                             default="mkdocs.yml", show_default=True, help="mkdocs.yml ของเว็บไซต์")
years_option = click.option("-y", "--year", "years", type=int, multiple=True, help="ปีที่ประเมิน (ซ้ำได้)")


def usage_problem(err: click.ClickException) -> str:
    """Click's message in Thai: what is wrong, what to do, an example; the English in parentheses."""
    english = err.format_message()
    if isinstance(err, click.NoSuchOption):
        near = f" หมายถึง {' '.join(sorted(err.possibilities))} หรือไม่?" if err.possibilities else ""
        return f"ไม่รู้จักตัวเลือก {err.option_name}{near} ดูตัวเลือกทั้งหมดด้วย ita --help ({english})"
    if isinstance(err, click.MissingParameter):
        name = err.param.get_error_hint(err.ctx) if err.param and err.ctx else "ค่าที่ต้องระบุ"
        return f"ต้องระบุ {name} เช่น ita generate out ({english})"
    if isinstance(err, click.BadParameter):
        name = err.param.get_error_hint(err.ctx) if err.param and err.ctx else "ตัวเลือก"
        example = " ต้องเป็นปี พ.ศ. เช่น -y 2568" if err.param is not None and err.param.name == "years" else ""
        return f"ค่าของ {name} ไม่ถูกต้อง{example} ({english})"
    if isinstance(err, click.UsageError) and "No such command" in english:
        commands = " ".join(sorted(main.commands))
        return f"ไม่มีคำสั่งนี้ คำสั่งที่ใช้ได้: {commands} เช่น ita check ({english})"
    if isinstance(err, click.UsageError):
        return f"ใช้คำสั่งไม่ถูกต้อง ดูวิธีใช้ด้วย ita --help ({english})"
    return english


HELP_TEXT = "แสดงวิธีใช้แล้วจบ (show this message and exit)"


class ThaiCommand(click.Command):
    """A command whose --help option is described in Thai."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


class ThaiGroup(click.Group):
    """Usage errors reach the webmaster in Thai (Click writes them in English only); its
    commands and subgroups describe --help in Thai too."""

    command_class = ThaiCommand
    group_class = type

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]  # passes Click's own arguments on
        except click.exceptions.Abort:
            click.echo("ยกเลิกแล้ว (aborted)", err=True)
            sys.exit(1)
        except click.ClickException as err:
            click.echo(f"ข้อผิดพลาด: {usage_problem(err)}", err=True)
            sys.exit(err.exit_code)


@click.group(cls=ThaiGroup)
def main() -> None:
    """เครื่องมือสร้างหน้าเว็บ ITA จากข้อมูล YAML (ITA site builder)."""


CONFIDENCE_TEXT = {
    "confirmed": "ยืนยันถ้อยคำแล้ว (confirmed)",
    "title_confirmed": "ยืนยันเฉพาะหมายเลขและชื่อข้อ (title_confirmed)",
    "unconfirmed": "ยังไม่ยืนยัน (unconfirmed)",
}


def _print_sources(catalogs: dict[int, Catalog]) -> None:
    """Where each catalog item comes from and what is in doubt: what to verify against the NACC manual."""
    for year, catalog in sorted(catalogs.items()):
        state = "ฉบับเบื้องต้น (provisional)" if catalog.provisional else "ตรวจกับคู่มือแล้ว"
        click.echo(f"\nรายการประเมินปีงบประมาณ {year}: {state}")
        click.echo(f"  ที่มา: {' '.join(catalog.source.split())}")
        if catalog.result_levels:
            levels = catalog.result_levels
            click.echo(f"  ระดับผลการประเมิน: {' '.join(levels.levels)}")
            click.echo(f"    ที่มา: {levels.source}")
            for doubt in levels.doubts:
                click.echo(f"    ข้อสงสัย: {doubt}")
        else:
            click.echo("  ระดับผลการประเมิน: ยังไม่ได้ระบุ (result_levels)")
        for item in catalog.items:
            click.echo(f"  {item.label:<4} {item.title}  [{CONFIDENCE_TEXT[item.confidence]}]")
            click.echo(f"        ที่มา: {item.source or 'ยังไม่ได้ระบุที่มา (source)'}")
            for doubt in item.doubts:
                click.echo(f"        ข้อสงสัย: {doubt}")


@main.command()
@config_option
@years_option
@click.option("--sources", is_flag=True,
              help="แสดงที่มา ระดับความมั่นใจ และข้อสงสัยของแต่ละข้อ เพื่อตรวจกับคู่มือการประเมิน (catalog provenance)")
def check(config_file: Path, years: tuple[int, ...], sources: bool) -> None:
    """ตารางความพร้อมรายข้อ ออกด้วยรหัส 1 เมื่อยังขาดข้อมูล (readiness per item)."""
    prepared, _, _ = _prepare(config_file, years)
    if sources:
        _print_sources(prepared.loaded.catalogs)
        return
    for year, statuses in prepared.site.statuses.items():
        complete = sum(s.status is Status.COMPLETE for s in statuses)
        click.echo(f"\nITA {year}: ครบถ้วน {complete}/{len(statuses)} ข้อ")
        # Which catalog file each item came from: the package's, or the site's data/ over it.
        files = prepared.loaded.item_files.get(year, {})
        first = Counter(files.values()).most_common(1)[0][0] if files else ""
        click.echo(f"  รายการประเมินจาก (catalog): {first}")
        for status in statuses:
            source = files.get(status.item.number, first)
            origin = f"  (จาก {source})" if source != first else ""
            click.echo(f"  {status.status.mark} {status.item.label:<4} {status.item.title}  [{status.status.text}]{origin}")
            for finding, missing in status.missing:
                click.echo(f"        - {finding.component.id}: {missing}")
    for note in prepared.site.notes:
        click.echo(note, err=True)
    for notice in prepared.site.notices:
        click.echo(notice, err=True)
    for problem in prepared.personal_data:
        click.echo(f"ข้อมูลส่วนบุคคล (PDPA): {problem}", err=True)
    problems = gaps(prepared.site) + [str(p) for p in prepared.personal_data]
    if problems:
        click.echo(f"\nยังขาดข้อมูล {len(problems)} รายการ (missing components)", err=True)
        sys.exit(1)
    click.echo("\nทุกข้อครบถ้วน (all items complete)")


@main.command()
@config_option
@years_option
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
def generate(config_file: Path, years: tuple[int, ...], out_dir: Path) -> None:
    """เขียนเว็บไซต์ลงโฟลเดอร์ OUT_DIR (docs/ overrides/ ita_hooks.py และ mkdocs.yml ที่ไม่มีปลั๊กอิน)
    ให้ MkDocs หรือ ProperDocs สร้างเป็นเว็บไซต์เดียวกัน (docs/engines.md)."""
    prepared, options, raw = _prepare(config_file, years)
    root = config_file.resolve().parent
    plan = publish.plan(prepared, root / options.get("content_dir", "content"))
    generate_folder.write_folder(plan, raw, root, out_dir)
    click.echo(f"เขียน {len(plan.pages)} หน้า และ {len(plan.files) + len(plan.copies) + len(plan.images)} ไฟล์ลงใน {out_dir}")


@main.command()
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default="schema",
              show_default=True)
def schema(out_dir: Path) -> None:
    """JSON Schema ของไฟล์เนื้อหาแต่ละไฟล์ สำหรับโปรแกรมแก้ไข (YAML language server)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = {f"content/{stem}.yml": (stem, model) for stem, model in TOPIC_FILES.items()}
    targets["content/measures/<year>.yml"] = ("measures", Measures)
    targets["data/ita/<year>.yml"] = ("catalog", Catalog)
    for title, (name, model) in targets.items():
        document = model.model_json_schema(by_alias=True)
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = title
        generate_folder.write(out_dir / f"{name}.schema.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    click.echo(f"เขียน schema {len(targets)} ไฟล์ลงใน {out_dir}")


@main.group("import")
def import_() -> None:
    """นำเข้าข้อมูลจากไฟล์ที่หน่วยงานมีอยู่ (import the agency's own files)."""


@import_.command("procurement")
@config_option
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ. ของรายการในไฟล์ เช่น 2567")
@click.option("--force", is_flag=True, help="เขียนทับไฟล์ CSV ที่มีอยู่แล้ว (overwrite)")
def import_procurement(config_file: Path, source: Path, year: int, force: bool) -> None:
    """อ่านแบบ สขร.1 หรือตารางของโครงการ (CSV, XLSX, XLS) แล้วเขียน content/procurement/YEAR.csv."""
    options, _ = plugin_options(config_file)
    folder = config_file.resolve().parent / options.get("content_dir", "content") / "procurement"
    target = folder / f"{year}.csv"
    if target.exists() and not force and target.resolve() != source.resolve():
        raise click.ClickException(f"มีไฟล์ {target} อยู่แล้ว ใช้ --force เพื่อเขียนทับ (already exists)")
    purchases, problems = procurement_sheets.import_file(source, year, str(source))
    if problems:
        click.echo(ContentError(problems).report(), err=True)
        click.echo("ยังไม่ได้เขียนไฟล์ แก้ไขแล้วนำเข้าใหม่ (nothing written)", err=True)
        sys.exit(1)
    generate_folder.write(target, procurement_sheets.project_csv(purchases))
    click.echo(f"เขียน {len(purchases)} รายการลงใน {target} (wrote {len(purchases)} purchases)")
    for other in sorted(folder.glob(f"{year}.*")):
        if other != target and other.suffix.lower() in SHEET_EXTENSIONS:
            click.echo(f"ย้าย {other} ออกจาก {folder} มิฉะนั้นรายการจะซ้ำ (move it out: the build reads both)", err=True)



main.add_command(new_site.new)
main.add_command(new_site.new_year)
