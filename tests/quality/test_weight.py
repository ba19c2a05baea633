"""Weight and privacy gate: tools/page_weight.py on the demo build.

One page of each type (home, year index, heaviest item, measures report, search page
without a query, 404) is loaded in Debian's Chromium with an empty profile from a local
server that gzips text: ≤ 100 KB transferred, ≤ 40 KB of it JavaScript, 0 requests to
other hosts, 0 cookies, no failed request. Every other page is then estimated from its
own HTML and all its images (an upper bound: lazy images as if scrolled to) plus the
shared assets measured in the browser, against the same 100 KB budget.

Run alone:  .venv/bin/pytest tests/quality/test_weight.py -s   (-s prints the table)
"""

from __future__ import annotations

import pytest

from quality_support import needs_chromium, page_weight

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def measured(built):
    pw = page_weight()
    return pw, pw.measure(built.site, built.sub_path)


def test_page_types_within_budget(measured):
    pw, weights = measured
    print("\n" + pw.table(weights))
    labels = {w.label for w in weights}
    assert {"home", "year index", "item (heaviest)"} <= labels, labels
    failures = pw.over_budget(weights)
    if failures:
        pytest.fail("page weight and privacy budget broken:\n  " + "\n  ".join(failures) + "\n\n" + pw.table(weights),
                    pytrace=False)


def test_search_assets_load_only_when_searching(measured):
    _, weights = measured
    for w in weights:
        if w.label.startswith("search"):
            continue
        loaded = [path for _, path, _ in w.resources if "/search/" in path and not path.endswith("/search/")]
        assert not loaded, f"{w.path} loads search assets on first load: {loaded}"


def test_every_page_estimated_within_budget(built, measured):
    pw, weights = measured
    estimates = pw.estimate_all(built.site, weights)
    over = {path: size for path, size in estimates.items() if size > pw.BUDGET_TOTAL}
    if over:
        pytest.fail("pages over 100 KB (estimated: shared assets + own HTML and images):\n  "
                    + "\n  ".join(f"{p}: {s / 1024:.1f} KB" for p, s in sorted(over.items(), key=lambda kv: -kv[1])),
                    pytrace=False)
