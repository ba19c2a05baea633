"""Executive photos resized at build time: the page never serves the original."""

from __future__ import annotations

import io
from pathlib import Path

from .build_cache import cached
from .uploads import register_heif

# 3:4 portraits shown at 120×160 CSS px: 1.5x for sharp phone screens, WebP for weight
# (a real portrait is about 6 KB; the executives page must stay near the 100 KB budget).
WIDTH, HEIGHT = 180, 240


def web_photo(source: Path, cache_dir: Path | None = None) -> bytes:
    """A 180×240 WebP of a few KB, cropped to the face area (top-centred)."""
    return cached(source.read_bytes(), f"{WIDTH}x{HEIGHT}.webp", _resize, cache_dir)


def _resize(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    register_heif(data[:64])
    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (WIDTH * 2, HEIGHT * 2))  # a phone's 48 MP JPEG decodes at 1/8: seconds saved
        image = ImageOps.exif_transpose(opened).convert("RGB")
        image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))
        out = io.BytesIO()
        image.save(out, "WEBP", quality=70, method=6)
        return out.getvalue()
