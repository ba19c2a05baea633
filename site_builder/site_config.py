"""mkdocs.yml as the `ita` commands read it: the plugin's options, without building."""

from __future__ import annotations

from pathlib import Path

import click
import yaml


def plugin_options(config_file: Path) -> tuple[dict, dict]:
    """The `ita` plugin's options and the rest of mkdocs.yml, read without building."""

    class _Lenient(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !ENV or !!python/name tags: keep their text, they do not matter here.
    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    if not config_file.is_file():
        raise click.ClickException(
            f"ไม่พบไฟล์ {config_file}: ให้เปิดหน้าต่างคำสั่งในโฟลเดอร์เว็บไซต์ (ที่มี mkdocs.yml) หรือระบุด้วย "
            f"-f <โฟลเดอร์>/mkdocs.yml หรือเริ่มเว็บไซต์ใหม่ด้วย ita new <โฟลเดอร์> "
            f"(no {config_file} here: run ita in the site's folder, pass -f, or start one with ita new)")
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}  # noqa: S506
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise click.ClickException(f"{config_file}: อ่านไฟล์ไม่ได้ รูปแบบ YAML ผิด ({err})") from None
    for entry in (raw.get("plugins") if isinstance(raw, dict) else None) or []:
        if isinstance(entry, dict) and "ita" in entry:
            return _checked(config_file, entry["ita"] or {}), raw
        if entry == "ita":
            return {}, raw
    raise click.ClickException(f"{config_file}: ไม่พบปลั๊กอิน 'ita' ใน plugins (the ita plugin is not in plugins)")


def _checked(config_file: Path, options: object) -> dict:
    """The plugin's options with the types MkDocs would ask for, so a CLI command stops with
    the same kind of message instead of a traceback (`years: 2568` without brackets)."""
    def stop(key: str, example: str) -> click.ClickException:
        return click.ClickException(f"{config_file}: ตัวเลือก {key} ของปลั๊กอิน ita เขียนไม่ถูก ให้เขียนเช่น "
                                    f"{example} (plugins: - ita: {key} has the wrong type)")

    if not isinstance(options, dict):
        raise stop("ita", "- ita: {years: [2568]}")
    checked = dict(options)
    for key in ("years", "archive_years"):
        value = checked.get(key) or []
        if not isinstance(value, list) or not all(type(y) is int for y in value):
            raise stop(key, f"{key}: [2567, 2568]")
        checked[key] = value
    for key in ("content_dir", "data_dir"):
        if key in checked and not isinstance(checked[key], str):
            raise stop(key, f"{key}: {key.removesuffix('_dir')}")
    return checked
