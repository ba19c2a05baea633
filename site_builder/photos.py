"""Executive photos resized at build time: the page never serves the original."""

from __future__ import annotations

import io
import posixpath
from pathlib import Path

from PIL import Image, ImageOps

WIDTH, HEIGHT = 240, 320  # 3:4 portrait, shown at up to 160 px wide, sharp on 1.5x screens


def photo_path(file: str) -> str:
    """Where the web-size copy of content/files/<file> is published."""
    stem, _ = posixpath.splitext(file)
    return f"photos/{stem}.jpg"


def web_photo(source: Path) -> bytes:
    """A 240×320 JPEG of about 10–30 KB, cropped to the face area (top-centred)."""
    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=78, optimize=True, progressive=True)
        return out.getvalue()
