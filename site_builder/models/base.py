"""Building blocks shared by every content file: strict models, Thai dates, periods."""

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .. import thai


class Model(BaseModel):
    """Strict: an unknown (misspelt) field is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=True)


def _to_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, (str, int)):
        return thai.parse_date(str(value))
    return value


ThaiDate = Annotated[
    date,
    BeforeValidator(_to_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "วันที่ ปปปป-ดด-วว; ปี ≥ 2400 อ่านเป็น พ.ศ. (2567-03-31) มิฉะนั้น ค.ศ. (2024-03-31)",
        }
    ),
]

Text = Annotated[str, Field(min_length=1)]

_FY_RANGE = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


class Period(Model):
    """A span of days; written as a fiscal year (2567), a range of fiscal years
    ('2566-2570') or explicit dates ({from: 2566-10-01, to: 2567-03-31})."""

    start: ThaiDate = Field(alias="from")
    end: ThaiDate = Field(alias="to")

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            year = int(value)
            if not 2400 <= year <= 2700:
                raise ValueError(f"ปีงบประมาณ '{value}' ต้องเป็น พ.ศ. เช่น 2567")
            return {"from": thai.fiscal_year_start(year), "to": thai.fiscal_year_end(year)}
        if isinstance(value, str):
            match = _FY_RANGE.match(value)
            if not match:
                raise ValueError(
                    f"ช่วงเวลา '{value}' ต้องเป็นปีงบประมาณ (2567), ช่วงปี (2566-2570) หรือ {{from: ..., to: ...}}"
                )
            first, last = int(match[1]), int(match[2])
            if not (2400 <= first <= last <= 2700):
                raise ValueError(f"ช่วงปี '{value}' ต้องเป็น พ.ศ. จากน้อยไปมาก เช่น 2566-2570")
            return {"from": thai.fiscal_year_start(first), "to": thai.fiscal_year_end(last)}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError("วันสิ้นสุด (to) ต้องไม่ก่อนวันเริ่มต้น (from)")
        return self

    def label(self, style: thai.DigitStyle = thai.DigitStyle.ARABIC, formal: bool = True) -> str:
        return thai.format_period(self.start, self.end, style, formal)


PeriodField = Annotated[
    Period,
    WithJsonSchema(
        {
            "description": "ปีงบประมาณ (2567), ช่วงปี ('2566-2570') หรือ {from: วันที่, to: วันที่}",
            "anyOf": [
                {"type": "integer", "minimum": 2400, "maximum": 2700},
                {"type": "string", "pattern": r"^\d{4}\s*[-–]\s*\d{4}$"},
                {
                    "type": "object",
                    "properties": {"from": {"type": "string"}, "to": {"type": "string"}},
                    "required": ["from", "to"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]
