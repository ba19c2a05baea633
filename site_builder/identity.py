"""The site's look and identity, from the agency profile: a pure function of the content.

`theme_context` returns what the theme templates under `overrides/` read as
`config.extra.ita`: the agency's name, logo, main website, colours (as CSS custom
properties whose contrast colours.py checks), the contact block of the footer, the
links to the policy pages and the sitemap, and the year for the copyright line (each page's
"last updated" date is its data's: last_changed.py).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from . import thai, urls
from .colours import css_variables, palette
from .models.content import Content
from .policies import POLICIES
from .render import clean

BANGKOK = timezone(timedelta(hours=7))


# -- dates ------------------------------------------------------------------------------------

def build_date() -> date:
    """Today in Thailand, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), BANGKOK).date()
    return datetime.now(BANGKOK).date()


# -- the context ------------------------------------------------------------------------------

def _tel(number: str) -> str:
    """A tel: target from a Thai number as written ('0 5499 0100 ต่อ 213' → 'tel:054990100;ext=213')."""
    return thai.tel_uri(number)


def theme_context(content: Content, digit_style: thai.DigitStyle = thai.DigitStyle.ARABIC,
                  today: date | None = None) -> dict:
    """Everything the theme templates need about the agency, as plain strings.

    The templates escape every value (`|e`): this dict carries text, not HTML.
    """
    agency = content.agency
    contact = content.contact
    day = today or build_date()
    colours = palette(agency.colours.primary, agency.colours.accent)
    lines = []
    if contact.address:
        lines.append({"label": "ที่อยู่", "text": str(contact.address)})
    if contact.phone:
        lines.append({"label": "โทรศัพท์", "text": contact.phone, "href": _tel(contact.phone)})
    if contact.fax:
        lines.append({"label": "โทรสาร", "text": contact.fax})
    if contact.email:
        lines.append({"label": "อีเมล", "text": contact.email, "href": f"mailto:{contact.email}"})
    if contact.hours:
        lines.append({"label": "เวลาทำการ", "text": contact.hours})
    return _cleaned_dict({
        "name": agency.name,
        "name_en": agency.name_en or "",
        "kind": agency.kind,
        "website": str(agency.website),
        "logo": urls.logo(agency.logo) if agency.logo else "",
        "colours": colours,
        "css": css_variables(colours),
        "contact": lines,
        "map_url": str(contact.map_url) if contact.map_url else "",
        "privacy_officer": agency.privacy_officer or "",
        "policies": [{"title": title, "url": urls.page_url(path)} for path, title in POLICIES],
        "sitemap": urls.page_url(urls.SITEMAP),
        "search": urls.page_url(urls.SEARCH),
        # Page furniture follows the prose of ordinary pages: Thai digits only when the agency
        # asks for them everywhere (with `formal`, item pages and tables keep Arabic digits).
        "year_be": thai.digits(str(thai.be_year(day.year)), digit_style, formal=False),
    })


def _cleaned_dict(value: dict) -> dict:
    return {k: _cleaned(v) for k, v in value.items()}


def _cleaned(value: object) -> object:
    """Every string of the theme data without control characters (the theme escapes the rest)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value
