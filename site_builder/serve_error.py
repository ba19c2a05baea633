"""The page `mkdocs serve` shows while the data is broken, instead of a browser left waiting.

Served at every address (as index.html and as the 404 page), it lists every problem with its
file and line, and reloads itself once a rebuild gives another page: fixed data, or new problems.
"""

from __future__ import annotations

import time
from html import escape

from .errors import ContentError, location

_PAGE = """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ita-error-build" content="{stamp}">
<title>ข้อมูลผิดพลาด (data error) · ITA</title>
<style>
body {{ font-family: Sarabun, "TH Sarabun New", system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem;
       padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }}
h1 {{ font-size: 1.4rem; color: #9b0016; }}
li {{ margin: .5rem 0; }}
code {{ background: #f3f3f3; padding: 0 .25rem; }}
</style>
</head>
<body>
<h1>ยังสร้างหน้าเว็บไม่ได้: ข้อมูลผิดพลาด {count} รายการ <span lang="en">(the site cannot be built: {count} problem(s) in the data)</span></h1>
<p>แก้ไขไฟล์ตามรายการด้านล่างแล้วบันทึก หน้านี้จะโหลดใหม่เองเมื่อสร้างหน้าเว็บได้
<span lang="en">(fix the files below and save: this page reloads by itself)</span></p>
<ol>
{items}
</ol>
<script>
// Ask for this address again until the answer is another build (fixed data or new problems).
setInterval(function () {{
  fetch(location.href, {{cache: "no-store"}}).then(function (r) {{ return r.text(); }}).then(function (text) {{
    if (text.indexOf('content="{stamp}"') < 0) location.reload();
  }}).catch(function () {{}});
}}, 1500);
</script>
</body>
</html>
"""


def error_page(err: ContentError) -> str:
    """The whole HTML page listing every problem of `err`, each value escaped."""
    items = []
    for problem in err.problems:
        where = location(problem.file, problem.line, problem.field)
        items.append(f"<li><code>{escape(where)}</code>: {escape(problem.message)}</li>")
    return _PAGE.format(stamp=time.time_ns(), count=len(err.problems), items="\n".join(items))
