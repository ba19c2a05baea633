"""Rules about the repository's own files that no build would notice."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "site_builder" / "overrides"

# A call on a value inside a Jinja tag: `base_url.rstrip('/')`, `items.get(k)`. The theme
# layouts are rendered by the engine's template language; MiniJinja-style engines (Zensical)
# have Jinja's filters, tests and macros but not Python's methods (docs/engines.md).
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_METHOD_CALL = re.compile(r"(\w*)(?<=[\w\)\]'\"])\.(\w+)\(")
_IMPORT = re.compile(r"\{%-?\s*import\s+\S+\s+as\s+(\w+)")
# Jinja's own calls that look like methods: a block's parent, a loop's helpers, a macro's caller.
_JINJA_CALLS = {"super", "cycle", "changed", "caller"}


def method_calls(template: str) -> list[str]:
    # Macros imported here or by Material's base.html (`{% import "partials/language.html" as lang %}`).
    macros = set(_IMPORT.findall(template)) | {"lang"}
    found = []
    for tag in _TAG.findall(template):
        found += [name for owner, name in _METHOD_CALL.findall(tag) if name not in _JINJA_CALLS and owner not in macros]
    return found


def test_the_scan_finds_method_calls():
    assert method_calls("""<a href="{{ base_url.rstrip('/') }}/search/">""") == ["rstrip"]
    assert method_calls("{% for k, v in links.items() %}") == ["items"]
    assert method_calls("{{ base_url }}{% if base_url[-1:] != '/' %}/{% endif %}{{ x | e }}") == []
    assert method_calls('{% import "partials/m.html" as m %}{{ m.t("footer") }}{{ lang.t("x") }}') == []


def test_theme_layouts_call_no_python_methods():
    """Every layout under overrides/ renders in any Jinja-like engine (issue: engine-neutral templates)."""
    offending = {}
    for path in sorted(OVERRIDES.rglob("*.html")):
        calls = method_calls(path.read_text(encoding="utf-8"))
        if calls:
            offending[path.relative_to(ROOT).as_posix()] = calls
    assert offending == {}


# Documents that live outside the repository: the repository must explain itself. (Its own
# copy of the Thai copy rules is docs/thai-copy.md, cited by that path.)
_OUTSIDE = re.compile(r"DESIGN(\.md)? ?§|DESIGN\.md|web-standards\.md|(?<!docs/)thai-copy\.md|/work/shared")


def test_files_cite_only_what_the_repository_holds():
    kinds = ("*.py", "*.md", "*.j2", "*.html", "*.css", "*.js", "*.yml", "*.toml")
    places = [ROOT / name for name in ("site_builder", "tests", "tools", "docs", "content", "data")]
    offending = []
    for place in places:
        for kind in kinds:
            for path in place.rglob(kind):
                if path != Path(__file__) and _OUTSIDE.search(path.read_text(encoding="utf-8", errors="replace")):
                    offending.append(path.relative_to(ROOT).as_posix())
    for path in (ROOT / "README.md", ROOT / "Makefile", ROOT / "pyproject.toml", ROOT / "mkdocs.yml"):
        if _OUTSIDE.search(path.read_text(encoding="utf-8")):
            offending.append(path.name)
    assert sorted(offending) == []


def test_architecture_names_every_module():
    """docs/architecture.md places each module in a layer: a new module is added there too."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "site_builder").glob("*.py") if p.name != "__init__.py")
    assert [m for m in modules if f"`{m}`" not in text] == []
