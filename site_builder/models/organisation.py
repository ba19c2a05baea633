"""The agency itself: profile, structure, executives, contact and channels."""

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, HttpUrl, PrivateAttr, field_validator, model_validator

from ..thai import DigitStyle
from .base import Model, Text, ThaiDate
from .evidence import Document, Link

# One plain address: the site builds the mailto: link from it, so nothing may ride along
# (`a@b.th?bcc=…&body=…` would add recipients and text to every reader's e-mail).
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def _one_address(value: str) -> str:
    if not _EMAIL.match(value):
        shown = value if len(value) <= 60 else value[:60] + "…"
        raise ValueError(f"อีเมลต้องเป็นที่อยู่เดียวแบบธรรมดา เช่น saraban@example.go.th "
                         f"ไม่มีช่องว่าง ? & , หรือ mailto: ได้ {shown!r} (one plain e-mail address)")
    return value


Email = Annotated[str, AfterValidator(_one_address), Field(description="อีเมล เช่น saraban@example.go.th",
                                                          json_schema_extra={"pattern": _EMAIL.pattern})]


class Address(Model):
    line: Text = Field(description="เลขที่ หมู่ ถนน")
    subdistrict: Text
    district: Text
    province: Text
    postcode: str = Field(pattern=r"^\d{5}$")

    def __str__(self) -> str:
        return f"{self.line} ตำบล{self.subdistrict} อำเภอ{self.district} จังหวัด{self.province} {self.postcode}"


# The survey links ITAS gives out: https://itas.nacc.go.th/go/eit/<code> (and /go/iit/<code>).
_ITAS_LINK = re.compile(r"(?:https?://)?itas\.nacc\.go\.th/go/(?:eit|iit)/([^/?#\s]+)/?(?:[?#]\S*)?", re.IGNORECASE)
_ITAS_CODE = re.compile(r"[A-Za-z0-9]{3,16}")


class Colours(Model):
    primary: str = Field("#1f4e8c", pattern=r"^#[0-9a-fA-F]{6}$")
    accent: str = Field("#b8860b", pattern=r"^#[0-9a-fA-F]{6}$")


class Agency(Model):
    """content/agency.yml: who the agency is and the site's settings."""

    name: Text = Field(description="ชื่อเต็ม เช่น เทศบาลตำบลบ้านสวน")
    name_en: str | None = None
    kind: Text = Field(description="ประเภท เช่น เทศบาลตำบล, องค์การบริหารส่วนตำบล")
    website: HttpUrl = Field(description="เว็บไซต์หลักของหน่วยงาน")
    logo: str | None = Field(None, description="ไฟล์ตราสัญลักษณ์ใต้ content/files/")
    colours: Colours = Colours()
    itas_code: str | None = Field(None, description="รหัสแบบวัด EIT/IIT ของ ITAS หรือลิงก์ที่คัดลอกมาจาก ITAS "
                                              "เช่น BSL7Q2 หรือ https://itas.nacc.go.th/go/eit/BSL7Q2")
    digits: DigitStyle = DigitStyle.ARABIC
    description: str | None = None
    privacy_officer: str | None = Field(None, description="เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) ชื่อหรือหน่วยงาน")


    @field_validator("itas_code", mode="before")
    @classmethod
    def _code_from_link(cls, value: object) -> object:
        """Webmasters paste the survey link as ITAS shows it: keep only its code."""
        if not isinstance(value, str):
            return value
        text = value.strip()
        link = _ITAS_LINK.fullmatch(text)
        code = link.group(1) if link else text
        if not _ITAS_CODE.fullmatch(code):
            raise ValueError(f"ต้องเป็นรหัสแบบวัด EIT/IIT จากระบบ ITAS (อักษรอังกฤษหรือตัวเลข 3–16 ตัว) หรือลิงก์ EIT/IIT "
                             f"ที่คัดลอกมาทั้งลิงก์ เช่น BSL7Q2 หรือ https://itas.nacc.go.th/go/eit/BSL7Q2 ได้ {value!r} "
                             f"(expected the ITAS survey code or the EIT/IIT link as copied from ITAS)")
        return code


class OrgUnit(Model):
    """A box of the organisation chart: a council, a division, a section."""

    name: Text
    head: str | None = Field(None, description="ตำแหน่งหัวหน้า เช่น ผู้อำนวยการกองคลัง")
    person: str | None = Field(None, description="ชื่อผู้ดำรงตำแหน่ง")
    units: "list[OrgUnit]" = []
    staff: int | None = Field(None, ge=0, description="จำนวนบุคลากร")


class Duty(Model):
    text: Text
    law: str | None = Field(None, description="กฎหมายที่กำหนด เช่น พ.ร.บ.เทศบาล พ.ศ. 2496 มาตรา 50")


class Structure(Model):
    """content/structure.yml: the chart (political and permanent sides) and duties."""

    political: list[OrgUnit] = Field([], description="ฝ่ายการเมือง: นายก รองนายก สภา")
    staff: list[OrgUnit] = Field([], description="ฝ่ายข้าราชการประจำ: ปลัด สำนัก กอง")
    duties: list[Duty] = []
    documents: list[Document] = []


Role = Literal["top", "deputy", "council", "secretary", "staff_head", "other"]


class Executive(Model):
    name: Text
    position: Text
    role: Role = Field("other", description="top ผู้บริหารสูงสุด, deputy รอง, secretary เลขานุการ, staff_head ปลัด, ...")
    side: Literal["political", "staff"] = "political"
    photo: str | None = Field(None, description="รูปถ่ายใต้ content/files/")
    phone: str | None = None
    email: Email | None = None
    since: ThaiDate | None = None
    until: ThaiDate | None = Field(None, description="วันพ้นตำแหน่ง (ว่างไว้ถ้ายังดำรงตำแหน่ง)")
    # Set by the loader when `photo` names a file that is not there (not a YAML field).
    _missing_photo: str | None = PrivateAttr(None)

    @property
    def missing_photo(self) -> str | None:
        return self._missing_photo


class Executives(Model):
    executives: list[Executive] = []


class Contact(Model):
    """content/contact.yml: the contact block (also the site footer) and the channels."""

    address: Address | None = None
    phone: str | None = None
    fax: str | None = None
    email: Email | None = None
    hours: str | None = Field(None, description="เวลาทำการ เช่น จันทร์–ศุกร์ 08:30–16:30 น.")
    map_url: HttpUrl | None = Field(None, description="ลิงก์แผนที่ตั้ง")
    qa: list[Link] = Field([], description="ช่องทางถาม-ตอบ (Q&A)")
    social: list[Link] = Field([], description="เครือข่ายสังคมออนไลน์")
    eservices: list[Link] = Field([], description="บริการออนไลน์ (E-Service)")
    complaint: list[Link] = Field([], description="ช่องทางแจ้งเรื่องร้องเรียนการทุจริต")

    @model_validator(mode="after")
    def _phone_like(self) -> "Contact":
        for name in ("phone", "fax"):
            value = getattr(self, name)
            if value and sum(c.isdigit() for c in value) < 9:
                raise ValueError(f"{name} '{value}' ดูไม่เหมือนหมายเลขโทรศัพท์ (ต้องมีอย่างน้อย 9 หลัก)")
        return self
