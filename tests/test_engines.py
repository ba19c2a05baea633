"""One publish plan, several engines: the demo built by the ita plugin, and the folder `ita generate`
writes built by plain MkDocs (no plugin) and by ProperDocs (docs/engines.md), give the same site:
the same files, the same <article> on every page, the same search index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_dir import SiteDir

# The module-scoped build is made once: every test of this file on one xdist worker.
pytestmark = pytest.mark.xdist_group("engines")

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _article(page: Path) -> str | None:
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    return found.group(0) if found else None


def assert_same_site(expected: Path, built: Path) -> None:
    want, got = _files(expected), _files(built)
    assert sorted(want - got) == [], "files missing"
    assert sorted(got - want) == [], "files extra"
    pages = sorted(p for p in want if p.endswith(".html"))
    differ = [p for p in pages if _article(expected / p) != _article(built / p)]
    assert differ == [], f"{len(differ)} of {len(pages)} pages have another <article>"
    assert sum(_article(expected / p) is not None for p in pages) > 100  # the demo's pages, not an empty site
    # The whole sharded search index (head, gram tables, texts), scripts and the published data files.
    data = sorted(p for p in want if p.endswith((".json", ".js", ".csv")))
    assert "search/index.json" in data and any(p.startswith("search/t/") for p in data)
    differ = [p for p in data if (expected / p).read_bytes() != (built / p).read_bytes()]
    assert differ == [], f"{len(differ)} of {len(data)} search and data files differ, e.g. {differ[:3]}"


@pytest.fixture(scope="module")
def generated(demo_build: SiteDir) -> SiteDir:
    """The demo's `ita generate` folder (the demo itself is built with the plugin)."""
    result = demo_build.run("ita", "generate", "generated-engines")
    assert result.returncode == 0, result.stderr
    return SiteDir(demo_build.path / "generated-engines")


def test_generated_folder_has_no_plugin_and_brings_its_hooks(generated):
    config = (generated.path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: []" in config and "ita_hooks.py" in config
    assert (generated.path / "ita_hooks.py").is_file()


def test_plain_mkdocs_builds_the_generated_folder_into_the_same_site(demo_build, generated):
    result = generated.run("mkdocs", "build", "--strict", "-d", "site")
    assert result.returncode == 0, result.stderr
    assert_same_site(demo_build.path / "site", generated.path / "site")


@pytest.mark.parametrize("way", ["plugin", "generated"])
def test_properdocs_builds_the_same_site_both_ways(demo_build, generated, way):
    folder = demo_build if way == "plugin" else generated
    result = folder.run("properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs")
    assert result.returncode == 0, result.stderr
    assert_same_site(demo_build.path / "site", folder.path / "site-properdocs")


def test_without_the_plugin_the_folder_says_how_to_build_it(demo_build):
    """A missing plugins line (or an engine without plugins) must not give an empty site: the
    docs_dir home page, which the plugin replaces without a warning, tells the webmaster what to do."""
    config = (demo_build.path / "mkdocs.yml").read_text(encoding="utf-8")
    without = re.sub(r"plugins:\n(  .*\n)+", "plugins: []\n", config)
    assert "ita" not in without.split("plugins:")[1].split("\n")[0]
    (demo_build.path / "mkdocs-without-plugin.yml").write_text(without, encoding="utf-8")
    result = demo_build.run("mkdocs", "build", "-f", "mkdocs-without-plugin.yml", "-d", "site-without-plugin")
    assert result.returncode == 0, result.stderr
    page = (demo_build.path / "site-without-plugin" / "index.html").read_text(encoding="utf-8")
    assert "หน้านี้ต้องสร้างด้วยปลั๊กอิน ita" in page and "pip install ita-site-builder" in page
    assert "ita generate out" in page
    # With the plugin the page is replaced, silently (the --strict demo build has no warning).
    assert "ita-site-builder" not in (demo_build.path / "site" / "index.html").read_text(encoding="utf-8")
