"""SLOW: installs the package, not editable, into a fresh virtual environment (once per session,
about a minute) and builds sites with it, as an agency does: nothing of the repository but the
package is there, so catalogs, kinds, templates and assets must all come with the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# One pip install per session, about a minute: on one xdist worker (make test: --dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("install")]

NOT_IN_A_CLONE = shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", ".cache",
                                        "*.egg-info", "build", "lhci-report")


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding `pip install <copy of the repository>`."""
    base = tmp_path_factory.mktemp("install")
    clone = base / "clone"
    shutil.copytree(ROOT, clone, ignore=NOT_IN_A_CLONE)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(clone)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    shutil.rmtree(clone)  # the installed package must not lean on the source it came from
    return bin_dir


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_demo_mkdocs_yml_and_content_alone_build_strict(installed: Path, tmp_path: Path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = run(installed, tmp_path, "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/2568/o01/index.html").is_file()
    assert not (tmp_path / "data").exists() and not (tmp_path / "theme").exists()


def test_ita_new_then_mkdocs_build(installed: Path, tmp_path: Path):
    made = run(installed, tmp_path, "ita", "new", "agency", "--name", "เทศบาลตำบลทดลอง", "--type", "เทศบาลตำบล",
               "--website", "https://www.thotlong.go.th/", "--itas-code", "")
    assert made.returncode == 0, made.stderr
    result = run(installed, tmp_path / "agency", "mkdocs", "build")
    assert result.returncode == 0, result.stderr
    assert "เทศบาลตำบลทดลอง" in (tmp_path / "agency/site/index.html").read_text(encoding="utf-8")
