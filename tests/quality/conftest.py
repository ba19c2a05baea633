"""Fixtures of the quality gates: the built demo (or another built project) and its pages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from quality_support import base_path, page_paths, site_url_of


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (still runs in make test)")
    config.addinivalue_line("markers", "browser: drives Debian's Chromium (/usr/bin/chromium)")


@dataclass
class Built:
    """A built project: its folder, its site/ output and the URL it is published at."""

    project: Path
    site: Path
    site_url: str

    @property
    def sub_path(self) -> str:
        return base_path(self.site_url)

    @property
    def pages(self) -> list[str]:
        return page_paths(self.site, self.site_url)


@pytest.fixture(scope="session")
def built(request) -> Built:
    """The demo built with --strict (conftest's `demo_build`).

    ITA_QUALITY_PROJECT=/path/to/project runs the gates on that project's existing site/
    instead (an agency's own site, or a scratch copy while trying a regression).
    """
    other = os.environ.get("ITA_QUALITY_PROJECT")
    if other:
        project = Path(other).resolve()
        assert (project / "site" / "index.html").is_file(), f"{project}/site is not built"
    else:
        project = request.getfixturevalue("demo_build").path
    return Built(project, project / "site", site_url_of(project))
