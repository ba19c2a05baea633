"""The EIT survey link of the NACC's ITAS and its QR code, made at build time (no service)."""

from __future__ import annotations

from pathlib import Path

from .build_cache import cached
from .render import attr

ITAS_SURVEY = "https://itas.nacc.go.th/go/{survey}/{code}"


def survey_url(code: str, survey: str = "eit") -> str:
    return ITAS_SURVEY.format(survey=survey, code=code)


def eit_qr(itas_code: str | None, agency_name: str, cache_dir: Path | None = None) -> str:
    """The QR code of the agency's EIT survey ("" without an ITAS code)."""
    if not itas_code:
        return ""
    return qr_svg(survey_url(itas_code), f"QR Code แบบวัด EIT ของ{agency_name}", cache_dir)


def qr_svg(data: str, title: str, cache_dir: Path | None = None) -> str:
    """An inline SVG QR code with an accessible name, dark on white for any scanner."""
    label = attr(title)
    return cached(f"{data}\n{label}".encode(), "qr-scalable.svg", lambda _: _make_svg(data, label).encode(),
                  cache_dir).decode()


def _make_svg(data: str, label: str) -> str:
    import segno  # only when the code is not in the cache

    qr = segno.make(data, error="m")
    svg = qr.svg_inline(scale=6, border=2, dark="#000", light="#fff", title=label, svgclass="ita-qr__code")
    width, height = qr.symbol_size(scale=6, border=2)
    # role=img + aria-label so screen readers announce it as one image; a viewBox so that CSS
    # can print it larger (the A4 poster) without blurring.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" viewBox="0 0 {width} {height}" ', 1)
