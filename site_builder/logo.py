"""The agency's logo at banner size: the page never serves the original."""

from __future__ import annotations

import io
from pathlib import Path

from .build_cache import cached
from .uploads import register_heif

LOGO_HEIGHT = 112  # shown at 56 CSS px: sharp on 2x screens


def web_logo(source: Path, cache_dir: Path | None = None) -> bytes:
    """The logo at LOGO_HEIGHT px high as an optimised PNG (an SVG is refused when loading:
    it may carry script)."""
    return cached(source.read_bytes(), f"logo-{LOGO_HEIGHT}.png", _resize_logo, cache_dir)


def _resize_logo(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    register_heif(data[:64])
    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (LOGO_HEIGHT * 4, LOGO_HEIGHT * 4))  # a large JPEG decodes at a fraction
        image = ImageOps.exif_transpose(opened).convert("RGBA")
        if image.height > LOGO_HEIGHT:
            width = max(1, round(image.width * LOGO_HEIGHT / image.height))
            image = image.resize((width, LOGO_HEIGHT), Image.Resampling.LANCZOS)
        # A 256-colour palette keeps an emblem crisp at a fraction of the size.
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        out = io.BytesIO()
        image.save(out, "PNG", optimize=True)
        return out.getvalue()
