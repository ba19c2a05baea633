"""Accessibility gate: axe-core with the WCAG 2.2 AA tags on every page of the demo, in
Debian's Chromium, served under its real sub-path. 0 violations, no exceptions.

Run alone:  .venv/bin/pytest tests/quality/test_axe.py
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quality_support import AXE_TAGS, chromium, needs_chromium, page_weight, serve

# The pages are split between two tests so that `pytest -n 2` runs them on both cores.
SHARDS = 2

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT  # axe-core 4.12, bundled: no network

    return AXE_SCRIPT


def run_axe(page, url: str, wait_until: str = "load") -> list[dict]:
    """axe's violations on one loaded page, WCAG 2.x A/AA tags only."""
    response = page.goto(url, wait_until=wait_until)
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
    page.evaluate(axe_script())
    results = page.evaluate(
        "opts => axe.run(document, opts)",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    return results["violations"]


def _squeeze(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report(found: dict[str, list[dict]]) -> str:
    """A count per rule, then page → rule → element with axe's explanation."""
    per_rule = Counter()
    for violations in found.values():
        for v in violations:
            per_rule[v["id"]] += 1
    lines = ["pages failing per rule: " + ", ".join(f"{rule} {n}" for rule, n in per_rule.most_common())]
    for path, violations in found.items():
        for v in violations:
            lines.append(f"/{path}: {v['id']} ({v['impact']}, {', '.join(t for t in v['tags'] if t.startswith('wcag'))})"
                         f" {v['help']}")
            for node in v["nodes"][:10]:
                target = " ".join(map(str, node["target"]))
                lines.append(f"    {target}  {_squeeze(node['html'], 140)}\n"
                             f"        {_squeeze(node.get('failureSummary') or '', 300)}")
            if len(v["nodes"]) > 10:
                lines.append(f"    … and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_has_no_axe_violations(built, shard):
    pages = built.pages[shard::SHARDS]
    assert pages, "no pages found in sitemap.xml"
    found: dict[str, list[dict]] = {}
    with serve(built.site, built.sub_path) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        for path in pages:
            violations = run_axe(page, base + path)
            if violations:
                found[path] = violations
        context.close()
    if found:
        pytest.fail(f"axe (WCAG 2.2 AA tags) found violations on {len(found)} of {len(pages)} pages:\n"
                    + report(found), pytrace=False)


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_sample_pages_on_a_phone_have_no_axe_violations(built):
    """One page of each type at a phone's width (the drawer navigation, narrow tables), and
    the search page showing results (its markup is written by script after the query)."""
    samples = dict(page_weight().page_types(built.site))
    if "search (no query)" in samples:
        samples["search results"] = "search/?q=%E0%B9%81%E0%B8%9C%E0%B8%99"  # ?q=แผน
    found: dict[str, list[dict]] = {}
    with serve(built.site, built.sub_path) as base, chromium() as browser:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        for label, path in samples.items():
            violations = run_axe(page, base + path, wait_until="networkidle")
            if violations:
                found[f"{path} ({label}, phone)"] = violations
        context.close()
    if found:
        pytest.fail(f"axe (WCAG 2.2 AA tags) at 390×844 found violations on {len(found)} of {len(samples)} pages:\n"
                    + report(found), pytrace=False)
