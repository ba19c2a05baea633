"""Things made from an input at build time and kept under `.cache/ita/`, by the input's hash.

Resized portraits and logo, the QR code: a rebuild (or `mkdocs serve`) with the same input
takes the made bytes back instead of making them again and importing Pillow or segno.
Deleting the cache is always safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path


def cached(data: bytes, variant: str, make: Callable[[bytes], bytes], cache_dir: Path | None) -> bytes:
    """`make(data)`, reused from `cache_dir` when the same data was made into `variant` before."""
    if cache_dir is None:
        return make(data)
    path = cache_dir / f"{hashlib.sha256(data).hexdigest()[:32]}-{variant}"
    if path.is_file():
        return path.read_bytes()
    result = make(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(result)
    return result
