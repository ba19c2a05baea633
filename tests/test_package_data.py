"""Catalogs and kinds come with the package; a site's own data/ adds a year or overrides single
items, and `ita check` names the catalog file of each item. theme/ is optional."""

from __future__ import annotations

import re

OVERRIDE = """\
year: 2567
items:
  - number: 1
    title: โครงสร้างฉบับของเว็บไซต์
    sub_indicator: "9.1"
    sections: [structure]
    components:
      - id: chart
        text: แผนผังแสดงโครงสร้างการแบ่งส่วนราชการ
"""


def test_site_catalog_overrides_one_item_of_the_package(mini):
    # Without `replace: true` a site's file does not stand alone: its item takes the place of
    # the package's item of the same number, every other item comes from the package.
    mini.write("data/ita/2567.yml", OVERRIDE)
    checked = mini.run("ita", "check")
    out = checked.stdout
    assert re.search(r"O1 +โครงสร้างฉบับของเว็บไซต์ .*\(จาก data/ita/2567\.yml\)", out), out
    assert re.search(r"รายการประเมินจาก \(catalog\): .*ita/2567\.yml", out)
    assert "ITA 2567: ครบถ้วน" in out and "/43 ข้อ" in out  # the package's 43 items, three replaced
    o5 = next(line for line in out.splitlines() if " O5 " in line)
    assert "(จาก" not in o5  # the package's own item: named once in the header
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert "โครงสร้างฉบับของเว็บไซต์" in mini.html("2567/o01/")
    assert (mini.path / "site/2567/o43/index.html").is_file()


def test_site_catalog_adds_a_year_the_package_lacks(mini):
    text = mini.file("data/ita/2567.yml").read_text(encoding="utf-8")
    mini.write("data/ita/2571.yml", text.replace("year: 2567", "year: 2571"))
    mini.edit("mkdocs.yml", "years: [2567]", "years: [2571]")
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert (mini.path / "site/2571/o11/index.html").is_file()


def test_a_year_nobody_has_says_how_to_get_it(mini):
    mini.edit("mkdocs.yml", "years: [2567]", "years: [2599]")
    out = mini.build().stderr
    assert "pip install --upgrade ita-site-builder" in out and "data/ita/2599.yml" in out


def test_site_without_kinds_uses_the_packages(mini):
    (mini.path / "data/kinds.yml").unlink()
    result = mini.build()
    assert result.returncode == 0, result.stderr


def test_theme_folder_is_optional_and_used_when_present(mini):
    assert not (mini.path / "theme").exists()
    assert mini.build().returncode == 0
    mini.write("theme/partials/footer.html", '<div class="own-theme-mark">ของเว็บไซต์เอง</div>\n')
    result = mini.build()
    assert result.returncode == 0, result.stderr
    assert "own-theme-mark" in mini.html("2567/o01/")


def test_a_site_catalog_that_is_not_a_mapping_is_named(mini):
    mini.write("data/ita/2568.yml", "- number: 1\n")
    mini.edit("mkdocs.yml", "years: [2567]", "years: [2568]")
    result = mini.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "data/ita/2568.yml" in out and "items:" in out and "Traceback" not in out
