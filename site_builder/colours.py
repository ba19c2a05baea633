"""The agency's two colours made into Material's palette, with every text colour checked for
contrast (WCAG 2.x relative luminance)."""

from __future__ import annotations

_MIN_TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.x)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, weight: float) -> str:
    """`weight` of colour b mixed into colour a."""
    (r1, g1, b1), (r2, g2, b2) = _rgb(a), _rgb(b)
    return _hex((r1 + (r2 - r1) * weight, g1 + (g2 - g1) * weight, b1 + (b2 - b1) * weight))


def readable_on(background: str, colour: str, ratio: float = _MIN_TEXT_CONTRAST) -> str:
    """`colour`, darkened (or lightened on a dark background) just enough to reach `ratio`."""
    target = "#000000" if luminance(background) > 0.18 else "#ffffff"
    for step in range(0, 101, 2):
        candidate = mix(colour, target, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return target


def palette(primary: str, accent: str) -> dict[str, str]:
    """CSS custom properties for Material from the agency's two colours.

    Text on the primary colour is white when white is readable on it, else near-black;
    links and hover colours are darkened until they reach 4.5:1 on white.
    """
    primary, accent = primary.lower(), accent.lower()
    on_primary = "#ffffff" if contrast("#ffffff", primary) >= _MIN_TEXT_CONTRAST else "#000000"
    footer = readable_on("#ffffff", primary, 9.0)  # deep shade of the primary: white text at ≥ 9:1
    link = readable_on("#ffffff", primary)
    return {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, "#ffffff", 0.25),
        "--md-primary-fg-color--dark": mix(primary, "#000000", 0.25),
        "--md-primary-bg-color": on_primary,
        "--md-primary-bg-color--light": on_primary + "d9",  # 85 % opacity keeps ≥ 4.5:1 on the header
        "--md-accent-fg-color": readable_on("#ffffff", accent),
        "--md-accent-fg-color--transparent": accent + "1a",
        "--md-typeset-a-color": link,
        "--ita-accent": accent,
        "--ita-link": link,
        "--ita-footer-bg": footer,
        "--ita-tint": mix(primary, "#ffffff", 0.92),
    }


def css_variables(variables: dict[str, str]) -> str:
    """`:root{...}` for a <style> element; values are validated #rrggbb(aa) colours only."""
    body = ";".join(f"{name}:{value}" for name, value in variables.items())
    return f":root{{{body}}}"
