"""Every machine rule of the real catalogs, on the real demo: take away the data the rule
needs and the item turns incomplete naming that component; with the data back it is complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.check import check_item, resolve
from site_builder.load import load_all
from site_builder.models.catalog import (
    AnyCheck,
    DocumentsCheck,
    FieldsCheck,
    MeasuresCheck,
    RecordsCheck,
    RolesCheck,
    SettingCheck,
)
from site_builder.site import SECTIONS

ROOT = Path(__file__).resolve().parent.parent
YEARS = [2567, 2568]


@pytest.fixture(scope="module")
def loaded():
    return load_all(ROOT / "content", ROOT / "data", SECTIONS, YEARS, root=ROOT)


def _cases():
    loaded = load_all(ROOT / "content", ROOT / "data", SECTIONS, YEARS, root=ROOT)
    for year in YEARS:
        for item in loaded.catalogs[year].items:
            for component in item.components:
                if component.check is not None:
                    yield pytest.param(year, item.number, component.id, id=f"{year}-O{item.number}-{component.id}")


def _take_away(content, check, year: int) -> None:
    """Remove from `content` (a deep copy) what one rule needs."""
    if isinstance(check, AnyCheck):
        for inner in check.checks:
            _take_away(content, inner, year)
    elif isinstance(check, DocumentsCheck):
        for name in type(content).model_fields:
            topic = getattr(content, name)
            if hasattr(topic, "documents"):
                topic.documents = [d for d in topic.documents if d.kind not in check.kinds]
    elif isinstance(check, RecordsCheck):
        topic, _, field = check.path.partition(".")
        owner = getattr(content, topic)
        if field == "monthly":  # derived from purchases and quiet months
            owner.purchases, owner.quiet_months = [], []
        else:
            setattr(owner, field, [])
    elif isinstance(check, FieldsCheck):
        target = resolve(content, check.path)
        for entry in target if isinstance(target, list) else [target]:
            for spec in check.fields:
                for name in spec.split("|"):
                    setattr(entry, name, [] if isinstance(getattr(entry, name), list) else None)
    elif isinstance(check, RolesCheck):
        for person in content.executives.executives:
            if person.role in check.roles:
                person.role = "other"
    elif isinstance(check, SettingCheck):
        setattr(content.agency, check.field, None)
    elif isinstance(check, MeasuresCheck):
        content.measures.pop(year + check.year_offset, None)
    else:  # a new rule type needs its own way to be taken away here
        raise AssertionError(f"unknown rule {check!r}")


@pytest.mark.parametrize("year, number, component_id", list(_cases()))
def test_rule_turns_item_incomplete_and_back(loaded, year, number, component_id):
    item = next(i for i in loaded.catalogs[year].items if i.number == number)
    component = next(c for c in item.components if c.id == component_id)
    complete = check_item(item, loaded.content, year, loaded.kinds)
    assert complete.status == "complete", complete.missing

    content = loaded.content.model_copy(deep=True)
    _take_away(content, component.check, year)
    broken = check_item(item, content, year, loaded.kinds)
    assert broken.status != "complete"
    assert component_id in {f.component.id for f, _ in broken.missing}
