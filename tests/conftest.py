"""Shared fixtures: temporary copies of small real sites, built with the real `mkdocs` command."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from site_dir import SiteDir

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; never a downloaded browser


@pytest.fixture
def mini(tmp_path: Path) -> SiteDir:
    """The three-item fixture site (structure, executives, annual plan) for 2567."""
    shutil.copytree(MINI, tmp_path / "site-src", ignore=shutil.ignore_patterns(".cache", "site"))
    return SiteDir(tmp_path / "site-src")


@pytest.fixture
def built_mini(mini: SiteDir) -> SiteDir:
    """The mini site built once, with a digest of its site/ to show that a failed build left it alone."""
    result = mini.build()
    assert result.returncode == 0, result.stderr
    mini.before = mini.site_digest()
    return mini


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """The repository's demo site, built once per session with --strict."""
    target = tmp_path_factory.mktemp("demo") / "demo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", ".cache", "tests"))
    site = SiteDir(target)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module."""
    if not CHROMIUM.exists():
        # make test installs it: under CI a missing browser is a failure, not a quiet skip.
        (pytest.fail if os.environ.get("CI") else pytest.skip)("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
