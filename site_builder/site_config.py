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
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}  # noqa: S506
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and "ita" in entry:
            return entry["ita"] or {}, raw
        if entry == "ita":
            return {}, raw
    raise click.ClickException(f"{config_file}: ไม่พบปลั๊กอิน 'ita' ใน plugins (the ita plugin is not in plugins)")
