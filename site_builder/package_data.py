"""Where the package's own catalogs (ita/<year>.yml) and document kinds (kinds.yml) are.

The wheel carries them as site_builder/catalogs, built from the repository's data/ (their one
source, see pyproject.toml). Run from a source checkout (an editable install, the tests) the
package directory has no such folder, and data/ beside it is read instead.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def catalogs_dir() -> Path:
    shipped = _PACKAGE / "catalogs"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "data"
