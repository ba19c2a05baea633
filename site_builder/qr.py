"""The EIT survey link of the NACC's ITAS and its QR code, made at build time (no service).

A code made once is kept under the cache directory, so rebuilds neither encode it again
nor import segno.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .render import attr

ITAS_SURVEY = "https://itas.nacc.go.th/go/{survey}/{code}"


def survey_url(code: str, survey: str = "eit") -> str:
    return ITAS_SURVEY.format(survey=survey, code=code)


def qr_svg(data: str, title: str, cache_dir: Path | None = None) -> str:
    """An inline SVG QR code with an accessible name, dark on white for any scanner."""
    label = attr(title)
    key = hashlib.sha256(f"{data}\n{label}".encode()).hexdigest()[:32]
    cached = cache_dir / f"{key}.svg" if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    import segno

    qr = segno.make(data, error="m")
    svg = qr.svg_inline(scale=6, border=2, dark="#000", light="#fff", title=label, svgclass="ita-qr__code")
    # role=img + aria-label so screen readers announce it as one image.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    return svg
