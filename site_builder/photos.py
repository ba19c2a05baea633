"""Executive photos resized at build time: the page never serves the original.

Resized images (these and the banner logo) are cached by the hash of their source,
so rebuilds and `mkdocs serve` neither resize again nor import Pillow.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from collections.abc import Callable
from pathlib import Path

# 3:4 portraits shown at 120×160 CSS px: 1.5x for sharp phone screens, WebP for weight
# (a real portrait is about 6 KB; the executives page must stay near the 100 KB budget).
WIDTH, HEIGHT = 180, 240


def photo_path(file: str) -> str:
    """Where the web-size copy of content/files/<file> is published."""
    stem, _ = posixpath.splitext(file)
    return f"photos/{stem}.webp"


def web_photo(source: Path, cache_dir: Path | None = None) -> bytes:
    """A 180×240 WebP of a few KB, cropped to the face area (top-centred)."""
    return cached(source, f"{WIDTH}x{HEIGHT}.webp", _resize, cache_dir)


def cached(source: Path, variant: str, make: Callable[[bytes], bytes], cache_dir: Path | None) -> bytes:
    """`make(bytes of source)`, reused from `cache_dir` when the same bytes were made into `variant` before."""
    data = source.read_bytes()
    if cache_dir is None:
        return make(data)
    path = cache_dir / f"{hashlib.sha256(data).hexdigest()[:32]}-{variant}"
    if path.is_file():
        return path.read_bytes()
    result = make(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(result)
    return result


def _resize(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))
        out = io.BytesIO()
        image.save(out, "WEBP", quality=70, method=6)
        return out.getvalue()
