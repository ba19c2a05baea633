"""Careless or hostile values in the data and in mkdocs.yml: each class is a clear message with
file, line and field (or a warning that fails --strict), never a traceback, and a failed build
leaves the last good site/ byte for byte."""

from __future__ import annotations

import pytest

from site_builder.errors import ContentError
from site_builder.load import load_all
from site_builder.site import SECTIONS
from site_dir import failed_cleanly


def _problems(site) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_all(site.file("content"), site.file("data"), SECTIONS, None, root=site.path)
    return [str(p) for p in caught.value.problems]


# -- e-mail: one plain address, the mailto: link is built_mini from it

@pytest.mark.parametrize("email", ["deputy@example.go.th?bcc=x@evil.example&body=โอนเงิน", "deputy@example.go.th?body=x",
                                   "mailto:deputy@example.go.th", "a@example.go.th, b@example.go.th",
                                   "deputy@example.go.th%0ABcc:x@evil.example"])
def test_email_holds_one_plain_address(mini, email):
    mini.edit("content/executives.yml", "email: deputy@example.go.th", f"email: '{email}'")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml บรรทัดที่ 11 · ผู้บริหารคนที่ 2 · ช่อง email:"), problems
    assert "ที่อยู่เดียว" in problems[0]


def test_contact_email_with_headers_never_reaches_the_footer(built_mini):
    built_mini.write("content/contact.yml", "email: 'saraban@example.go.th?bcc=all@evil.example'\n")
    out = failed_cleanly(built_mini.build())
    assert "content/contact.yml บรรทัดที่ 1 · ช่อง email:" in out
    assert built_mini.site_digest() == built_mini.before


# -- site_url

@pytest.mark.parametrize("url", ['https://www.example.go.th/ita/"><script>alert(1)</script>',
                                 "https://www.example.go.th/ita/?x=1", "https://www.example.go.th/i ta/"])
def test_site_url_must_be_a_plain_absolute_url(built_mini, url):
    built_mini.edit("mkdocs.yml", "site_url: https://www.example.go.th/ita/", f"site_url: '{url}'")
    out = failed_cleanly(built_mini.build())
    assert "mkdocs.yml · ช่อง site_url:" in out and "https://" in out
    assert built_mini.site_digest() == built_mini.before


def test_missing_site_url_warns_and_fails_strict(built_mini):
    built_mini.edit("mkdocs.yml", "site_url: https://www.example.go.th/ita/\n", "")
    out = failed_cleanly(built_mini.build())
    assert "site_url" in out and "itas.csv" in out
    assert built_mini.build(strict=False).returncode == 0


# -- YAML that explodes

LAUGHS = "\n".join(['a: &a ["ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา"]']
                   + [f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefghi", "bcdefghij")])


def test_alias_bomb_in_a_text_field_is_refused_with_its_line(mini):
    mini.write("content/structure.yml", "x-bomb:\n" + "\n".join("  " + line for line in LAUGHS.splitlines())
               + "\nduties:\n  - text: *j\n")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/structure.yml"), problems
    assert "alias" in problems[0] and len(problems[0]) < 400
    assert int(problems[0].split("บรรทัดที่ ")[1].split(":")[0].split(" ")[0]) in range(2, 12)


def test_alias_bomb_in_an_org_chart_is_refused(mini):
    people = "\n".join(f"  - &p{i} {{name: ก, position: ข, children: [{', '.join([f'*p{i - 1}'] * 9)}]}}"
                       for i in range(1, 10))
    mini.write("content/structure.yml", "x: \n  - &p0 {name: ก, position: ข}\n" + people + "\n")
    problems = _problems(mini)
    assert len(problems) == 1 and "alias" in problems[0], problems


@pytest.mark.parametrize("depth", [60, 300, 999])
def test_deep_nesting_is_refused_with_its_line(mini, depth):
    mini.write("content/structure.yml", "duties:\n  - text: " + "[" * depth + "]" * depth + "\n")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/structure.yml บรรทัดที่ 2"), problems
    assert "ลึกเกิน" in problems[0]


def test_huge_wrong_value_is_cut_short_in_the_message(mini):
    mini.write("content/structure.yml", "duties:\n  - text: [" + ", ".join(["ยาวมาก" * 50] * 2000) + "]\n")
    problems = _problems(mini)
    assert len(problems) == 1 and len(problems[0]) < 700 and "ต้องเป็นข้อความ" in problems[0], problems


# -- messages that point to the right place

def test_unterminated_quote_is_reported_where_it_opened(mini):
    text = mini.file("content/executives.yml").read_text(encoding="utf-8")
    mini.write("content/executives.yml", text.replace("position: รองนายกเทศมนตรี", 'position: "รองนายกเทศมนตรี'))
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml บรรทัดที่ 8"), problems
    assert "คำพูด" in problems[0]


def test_non_utf8_byte_is_reported_with_line_and_column(mini):
    text = mini.file("content/executives.yml").read_text(encoding="utf-8")
    mini.file("content/executives.yml").write_bytes(text.replace("นางสาวรอง", "นางสาว\xe3").encode("utf-8")
                                                     .replace("\xe3".encode(), b"\xe3"))
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml บรรทัดที่ 7"), problems
    assert "คอลัมน์ 17" in problems[0] and "UTF-8" in problems[0]


def test_duplicate_key_names_both_lines_and_does_not_cascade(mini):
    # A kind the site adds, used by the content; the same file has one key written twice.
    mini.write("data/kinds.yml", "local_report: {title: รายงานของท้องถิ่น, topic: plans}\n"
                                 "annual_plan: {title: แผนดำเนินงาน}\nannual_plan: {title: แผนดำเนินงานประจำปี}\n")
    mini.edit("content/plans.yml", "kind: annual_plan", "kind: local_report")
    problems = _problems(mini)
    assert problems == ["data/kinds.yml บรรทัดที่ 3: ชื่อช่องข้อมูล 'annual_plan' ซ้ำกับบรรทัด 2 ให้เหลือไว้ที่เดียว "
                        "(duplicate key, first at line 2)"]


def test_merged_keys_may_be_overridden(tmp_path):
    from site_builder.yamlsource import read_yaml

    path = tmp_path / "x.yml"
    path.write_text("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  a: 3\n", encoding="utf-8")
    assert read_yaml(path)["x"] == {"a": 3, "b": 2}


def test_duplicate_catalog_item_names_both_lines(mini):
    text = mini.file("data/ita/2567.yml").read_text(encoding="utf-8")
    mini.write("data/ita/2567.yml", text.replace("  - number: 11\n", "  - number: 2\n"))
    problems = _problems(mini)
    assert len(problems) == 1, problems
    assert problems[0].startswith("data/ita/2567.yml บรรทัดที่ 29 · รายการที่ 3 · ช่อง number:") and "บรรทัด 18" in problems[0]


# -- month and date fields

@pytest.mark.parametrize("month, words", [("2567-13", "ไม่มีเดือน '2567-13'"), ("2567-00", "ไม่มีเดือน"),
                                          ("2567-1", "ปปปป-ดด"), ("0000-05", "ไม่มีเดือน")])
def test_every_month_field_is_validated_with_its_line(mini, month, words):
    mini.write("content/procurement.yml", f"quiet_months:\n  - month: '2567-01'\n  - month: '{month}'\n")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/procurement.yml บรรทัดที่ 3 · รายการที่ 2 ของ quiet_months · ช่อง month:"), problems
    assert words in problems[0]


def test_dates_far_ahead_and_reversed_terms_warn_with_their_lines(built_mini):
    built_mini.edit("content/plans.yml", "date: 2566-10-20", "date: 3109-10-20")  # 543 added twice
    built_mini.edit("content/executives.yml", "    phone: 0 5300 0000 ต่อ 101\n",
               "    phone: 0 5300 0000 ต่อ 101\n    since: 2566-05-01\n    until: 2565-05-01\n")
    out = failed_cleanly(built_mini.build())
    assert "content/plans.yml บรรทัดที่ 5 · เอกสารที่ 1 · ช่อง date:" in out and "3109-10-20" in out and "543" in out
    assert "content/executives.yml บรรทัดที่ 8 · ผู้บริหารคนที่ 1 · ช่อง until:" in out and "2565-05-01" in out
    assert built_mini.site_digest() == built_mini.before


def test_duplicate_item_in_a_site_catalog_that_overrides_names_both_lines(mini):
    text = mini.file("data/ita/2567.yml").read_text(encoding="utf-8").replace("replace: true", "replace: false")
    mini.write("data/ita/2567.yml", text.replace("  - number: 11\n", "  - number: 2\n"))
    problems = _problems(mini)
    assert len(problems) == 1 and "data/ita/2567.yml บรรทัดที่ 29" in problems[0] and "บรรทัด 18" in problems[0], problems
