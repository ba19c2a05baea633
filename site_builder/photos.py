"""Executive photos resized at build time: the page never serves the original."""

from __future__ import annotations

import hashlib
import io
import posixpath
from pathlib import Path

from PIL import Image, ImageOps

# 3:4 portraits shown at 120×160 CSS px: 1.5x for sharp phone screens, WebP for weight
# (a real portrait is about 6 KB; the executives page must stay near the 100 KB budget).
WIDTH, HEIGHT = 180, 240


def photo_path(file: str) -> str:
    """Where the web-size copy of content/files/<file> is published."""
    stem, _ = posixpath.splitext(file)
    return f"photos/{stem}.webp"


def web_photo(source: Path, cache_dir: Path | None = None) -> bytes:
    """A 180×240 WebP of a few KB, cropped to the face area (top-centred).

    With `cache_dir`, a photo already resized from the same bytes is reused, so
    rebuilds (and `mkdocs serve`) do not resize every portrait again.
    """
    data = source.read_bytes()
    cached = cache_dir / f"{hashlib.sha256(data).hexdigest()[:32]}-{WIDTH}x{HEIGHT}.webp" if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    result = _resize(data)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(result)
    return result


def _resize(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))
        out = io.BytesIO()
        image.save(out, "WEBP", quality=70, method=6)
        return out.getvalue()
