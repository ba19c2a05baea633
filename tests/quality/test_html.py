"""Valid HTML gate: the Nu HTML checker (vnu-jar from npm, run with Java) on every HTML
file of the demo build: 0 errors. Patterns in vnu-filters.txt (each with its reason)
drop known upstream-theme messages; the file is empty while nothing needs filtering.

Run alone:  .venv/bin/pytest tests/quality/test_html.py
"""

from __future__ import annotations

import pytest

from quality_support import vnu, vnu_filters, vnu_report

pytestmark = pytest.mark.slow


def test_every_page_is_valid_html(built):
    errors = vnu([built.site])
    if errors:
        pages = {e.get("url") for e in errors}
        pytest.fail(f"Nu HTML checker: {len(errors)} errors on {len(pages)} pages (site/):\n"
                    + vnu_report(errors, built.site), pytrace=False)


def test_every_filter_has_a_reason():
    for pattern, reason in vnu_filters():
        assert reason, f"vnu-filters.txt: pattern {pattern!r} has no '# reason' comment above it"
