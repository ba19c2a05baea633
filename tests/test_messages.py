"""Messages to the webmaster: every library message (pydantic, PyYAML, Click) arrives in Thai,
with the place counting from 1, what is wrong and what to do; English may follow in parentheses."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic_core.core_schema import ErrorType

from site_builder.errors import Problem, place
from site_builder.yamlsource import YamlSyntaxError, explain, read_yaml

THAI = re.compile(r"[\u0e00-\u0e7f]")


def thai_first(message: str) -> bool:
    """The explanation is Thai: a Thai letter comes before any English in parentheses."""
    head = message.split("(", 1)[0]
    return bool(THAI.search(head))


def _problems(result) -> list[str]:
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    return [line.strip() for line in out.splitlines() if "content/" in line]


def test_tab_indentation_is_explained_in_thai(mini):
    mini.edit("content/executives.yml", "    role: deputy", "\trole: deputy")
    (line,) = _problems(mini.build())
    assert line.startswith("content/executives.yml บรรทัดที่ ") and "Tab" in line
    assert thai_first(line.split(": ", 1)[1])


def test_wrong_choice_says_which_values_work_with_an_example(mini):
    mini.edit("content/executives.yml", "role: deputy", "role: mayor")
    (line,) = _problems(mini.build())
    assert line == ("content/executives.yml บรรทัดที่ 9 · ผู้บริหารคนที่ 2 · ช่อง role: ใช้ค่า 'mayor' ไม่ได้ "
                    "ค่าที่ใช้ได้: top deputy council secretary staff_head other ให้เลือกค่าใดค่าหนึ่ง เช่น role: top")


def test_negative_amount_is_explained_in_thai(mini):
    mini.write("content/plans.yml", mini.file("content/plans.yml").read_text(encoding="utf-8")
               + "projects:\n  - name: โครงการทดสอบ\n    budget: -5000\n    covers: 2567\n")
    (line,) = _problems(mini.build())
    assert "โครงการที่ 1 · ช่อง budget: ต้องไม่น้อยกว่า 0" in line and thai_first(line.split(": ", 1)[1])
    assert "Input should be greater than or equal to 0" in line  # the English follows, in parentheses


@pytest.mark.parametrize("kind", typing.get_args(ErrorType))
def test_no_pydantic_error_reaches_the_webmaster_in_english_only(kind):
    """Every error type pydantic can raise, with its English message, is explained in Thai."""
    item = {"type": kind, "loc": ("field",), "msg": f"English message for {kind}", "input": "x",
            "ctx": {"error": "English reason", "expected": "'a' or 'b'", "ge": 0, "gt": 0, "le": 1, "lt": 1,
                    "min_length": 1, "max_length": 2, "pattern": "^x$", "tag": "t", "expected_tags": "'a'",
                    "discriminator": "type"}}
    assert thai_first(explain(item)), explain(item)


@pytest.mark.parametrize("text", [
    "a: @b\n",                    # a character that cannot start a value
    "title: เรื่อง: ประกาศ: ผล\n",  # a colon inside a value
    "a:\n  - b\n c: d\n",         # indentation that does not line up
    'a: "open\n',                 # an unclosed quote
    "a: [1, 2\n",                 # an unclosed list
    "a: b\n\tc: d\n",             # a tab
    "a: *nothing\n",              # an undefined alias
    "a: 'x' y\n",                 # text after a quoted value
])
def test_yaml_syntax_errors_are_explained_in_thai(tmp_path: Path, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlSyntaxError) as err:
        read_yaml(path, "content/x.yml")
    message = err.value.problem.message.removeprefix("รูปแบบ YAML ผิด: ")
    assert thai_first(message), message


def test_places_count_from_one_in_thai():
    assert place("executives[1].photo") == "ผู้บริหารคนที่ 2 · ช่อง photo"
    assert place("documents[0].covers.from") == "เอกสารที่ 1 · ช่อง covers.from"
    assert place("contact.qa[2].url") == "ช่อง contact.qa · ช่องทางที่ 3 · ช่อง url"
    assert str(Problem("content/executives.yml", 33, "executives[1].photo", "…")) == \
        "content/executives.yml บรรทัดที่ 33 · ผู้บริหารคนที่ 2 · ช่อง photo: …"


def test_click_usage_errors_are_thai(mini):
    for args, words in ((("chek",), "ไม่มีคำสั่งนี้"), (("check", "-y", "abc"), "ต้องเป็นปี พ.ศ. เช่น -y 2568"),
                        (("check", "--yaer", "2568"), "ไม่รู้จักตัวเลือก --yaer หมายถึง --year หรือไม่?"),
                        (("generate",), "ต้องระบุ 'OUT_DIR'")):
        result = mini.run("ita", *args)
        assert result.returncode == 2 and result.stderr.startswith("ข้อผิดพลาด: ") and words in result.stderr, result.stderr
    assert "แสดงวิธีใช้แล้วจบ" in mini.run("ita", "check", "--help").stdout


def test_a_control_character_is_named_with_its_line(tmp_path: Path):
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nname: เทศบาล\x0bตำบล\n", encoding="utf-8")  # Word's Shift+Enter
    with pytest.raises(YamlSyntaxError) as err:
        read_yaml(path, "content/x.yml")
    assert err.value.problem.line == 2 and "อักขระควบคุม" in err.value.problem.message, err.value.problem


def test_a_folder_named_like_a_yaml_file_is_a_problem_not_a_traceback(tmp_path: Path):
    (tmp_path / "x.yml").mkdir()
    with pytest.raises(YamlSyntaxError) as err:
        read_yaml(tmp_path / "x.yml", "content/x.yml")
    assert "เปิดไฟล์ไม่ได้" in err.value.problem.message


def test_ita_names_plugin_options_of_the_wrong_type(mini):
    mini.edit("mkdocs.yml", "years: [2567]", "years: 2567")
    result = mini.run("ita", "check")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "ตัวเลือก years ของปลั๊กอิน ita เขียนไม่ถูก ให้เขียนเช่น years: [2567, 2568]" in result.stderr, result.stderr


def test_a_problem_inside_a_list_the_model_wraps_points_at_its_own_line(mini):
    mini.write("content/measures/2567.yml", "year: 2567\nsign_off:\n  - name: ก\n  - name: ข\n    date: 2567-02-30\n")
    out = mini.run("ita", "check").stderr
    assert "content/measures/2567.yml บรรทัดที่ 5" in out, out
