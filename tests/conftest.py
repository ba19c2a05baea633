"""Shared fixtures: temporary copies of small real sites, built with the real `mkdocs` command."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
BIN = Path(sys.executable).parent


class SiteDir:
    """A site folder in tmp_path that tests edit, build and read."""

    def __init__(self, path: Path):
        self.path = path

    def file(self, rel: str) -> Path:
        return self.path / rel

    def write(self, rel: str, text: str) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.file(rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=self.path, env=env,
                              capture_output=True, text=True, timeout=300)

    def build(self, strict: bool = True) -> subprocess.CompletedProcess:
        return self.run("mkdocs", "build", *(["--strict"] if strict else []), "-d", "site")

    def html(self, url_path: str) -> str:
        return (self.path / "site" / url_path / "index.html").read_text(encoding="utf-8")

    def site_digest(self) -> str:
        digest = hashlib.sha256()
        for path in sorted((self.path / "site").rglob("*")):
            digest.update(str(path.relative_to(self.path)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()


@pytest.fixture
def mini(tmp_path: Path) -> SiteDir:
    """The three-item fixture site (structure, executives, annual plan) for 2567."""
    shutil.copytree(MINI, tmp_path / "site-src")
    return SiteDir(tmp_path / "site-src")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """The repository's demo site, built once per session with --strict."""
    target = tmp_path_factory.mktemp("demo") / "demo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", "tests"))
    site = SiteDir(target)
    result = site.build(strict=True)
    assert result.returncode == 0, result.stderr
    return site
