"""`ita generate OUT`: the publish plan written to a folder that builds without the ita plugin.

OUT holds `docs/` (the site's own docs_dir, then every page and file of the plan), `overrides/`
(the package's layouts with the site's own theme/ on top), `ita_hooks.py` (the page work of
the plugin: HTML fixes, navigation, search; page_hooks.py) and an `mkdocs.yml` without the
plugin. MkDocs 1.6 or ProperDocs build it into the same site as the plugin does.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from . import publish
from .page_hooks import hooks_file

HOOKS_NAME = "ita_hooks.py"
MOVED = ("docs_dir", "site_dir")


def write_folder(plan: publish.Plan, raw: dict[str, Any], root: Path, out_dir: Path) -> None:
    """Write `plan` under `out_dir`; `raw` is the site's mkdocs.yml, `root` its folder."""
    docs = out_dir / "docs"
    for folder in (docs, out_dir / "overrides"):
        if folder.exists():
            shutil.rmtree(folder)
    own_docs = root / (raw.get("docs_dir") or "docs")
    if own_docs.is_dir():
        shutil.copytree(own_docs, docs, ignore=shutil.ignore_patterns(".*"))
    for page in plan.pages:
        write(docs / page.path, page.markdown)
    for spec in plan.files:
        write(docs / spec.path, spec.content)
    for copy in plan.copies:
        (docs / copy.path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copy.source, docs / copy.path)
    cache = root / ".cache" / "ita" / "images"
    for image in plan.images:
        write(docs / image.path, image.content(cache))

    overrides = out_dir / "overrides"
    shutil.copytree(publish.OVERRIDES, overrides)
    theme = dict(raw.get("theme") or {})
    own_theme = root / (theme.get("custom_dir") or "theme")
    if own_theme.is_dir():
        shutil.copytree(own_theme, overrides, dirs_exist_ok=True)
    theme["custom_dir"] = "overrides"
    write(out_dir / HOOKS_NAME, hooks_file(plan.digit_style))
    write(out_dir / "mkdocs.yml", yaml.safe_dump(config(plan, raw, theme, root), allow_unicode=True, sort_keys=False))


def config(plan: publish.Plan, raw: dict[str, Any], theme: dict[str, Any], root: Path) -> dict[str, Any]:
    """The site's mkdocs.yml for the generated folder: the plan's settings, no ita plugin."""
    plain = {k: v for k, v in raw.items() if k not in MOVED}
    plain["docs_dir"] = "docs"
    plain["plugins"] = [p for p in raw.get("plugins") or [] if p != "ita" and not (isinstance(p, dict) and "ita" in p)]
    plain["hooks"] = [HOOKS_NAME, *(str(root / h) for h in raw.get("hooks") or [])]
    plain["extra_css"] = plan.extra_css(list(raw.get("extra_css") or []))
    plain["extra"] = dict(raw.get("extra") or {})
    plan.apply_theme(theme, plain["extra"])
    plain["theme"] = theme
    plain["nav"] = raw.get("nav") or plan.nav
    plain["not_in_nav"] = "\n".join(f"/{path}" for path in plan.not_in_nav(plain["nav"]))
    extensions = list(raw.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    plain["markdown_extensions"] = extensions + [e for e in publish.MARKDOWN_EXTENSIONS if e not in names]
    return plain


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")  # as given: CSV lines end in \r\n already
