"""Careless or hostile values in the data and in mkdocs.yml: each class is a clear message with
file, line and field (or a warning that fails --strict), never a traceback, and a failed build
leaves the last good site/ byte for byte."""

from __future__ import annotations

import pytest

from site_builder.errors import ContentError
from site_builder.load import load_all
from site_builder.site import SECTIONS


def _problems(site) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_all(site.file("content"), site.file("data"), SECTIONS, None, root=site.path)
    return [str(p) for p in caught.value.problems]


def _failed_cleanly(result) -> str:
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    return out


@pytest.fixture
def built(mini):
    result = mini.build()
    assert result.returncode == 0, result.stderr
    mini.before = mini.site_digest()
    return mini


# -- e-mail: one plain address, the mailto: link is built from it

@pytest.mark.parametrize("email", ["deputy@example.go.th?bcc=x@evil.example&body=โอนเงิน", "deputy@example.go.th?body=x",
                                   "mailto:deputy@example.go.th", "a@example.go.th, b@example.go.th",
                                   "deputy@example.go.th%0ABcc:x@evil.example"])
def test_email_holds_one_plain_address(mini, email):
    mini.edit("content/executives.yml", "email: deputy@example.go.th", f"email: '{email}'")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml:11: [executives[1].email]"), problems
    assert "ที่อยู่เดียว" in problems[0]


def test_contact_email_with_headers_never_reaches_the_footer(built):
    built.write("content/contact.yml", "email: 'saraban@example.go.th?bcc=all@evil.example'\n")
    out = _failed_cleanly(built.build())
    assert "content/contact.yml:1: [email]" in out
    assert built.site_digest() == built.before


# -- site_url

@pytest.mark.parametrize("url", ['https://www.example.go.th/ita/"><script>alert(1)</script>',
                                 "https://www.example.go.th/ita/?x=1", "https://www.example.go.th/i ta/"])
def test_site_url_must_be_a_plain_absolute_url(built, url):
    built.edit("mkdocs.yml", "site_url: https://www.example.go.th/ita/", f"site_url: '{url}'")
    out = _failed_cleanly(built.build())
    assert "mkdocs.yml: [site_url]" in out and "https://" in out
    assert built.site_digest() == built.before


def test_missing_site_url_warns_and_fails_strict(built):
    built.edit("mkdocs.yml", "site_url: https://www.example.go.th/ita/\n", "")
    out = _failed_cleanly(built.build())
    assert "site_url" in out and "itas.csv" in out
    assert built.build(strict=False).returncode == 0


# -- YAML that explodes

LAUGHS = "\n".join(['a: &a ["ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา"]']
                   + [f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefghi", "bcdefghij")])


def test_alias_bomb_in_a_text_field_is_refused_with_its_line(mini):
    mini.write("content/structure.yml", "x-bomb:\n" + "\n".join("  " + line for line in LAUGHS.splitlines())
               + "\nduties:\n  - text: *j\n")
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/structure.yml:"), problems
    assert "alias" in problems[0] and len(problems[0]) < 400
    assert int(problems[0].split(":")[1]) in range(2, 12)


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
    assert len(problems) == 1 and problems[0].startswith("content/structure.yml:2:"), problems
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
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml:8:"), problems
    assert "คำพูด" in problems[0]


def test_non_utf8_byte_is_reported_with_line_and_column(mini):
    text = mini.file("content/executives.yml").read_text(encoding="utf-8")
    mini.file("content/executives.yml").write_bytes(text.replace("นางสาวรอง", "นางสาว\xe3").encode("utf-8")
                                                     .replace("\xe3".encode("utf-8"), b"\xe3"))
    problems = _problems(mini)
    assert len(problems) == 1 and problems[0].startswith("content/executives.yml:7:"), problems
    assert "คอลัมน์ 17" in problems[0] and "UTF-8" in problems[0]
