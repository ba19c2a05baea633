"""`mkdocs serve` with the plugin: the webmaster edits content/ and sees the page rebuilt.

Under `serve` MkDocs keeps the plugin across rebuilds and runs its server threads, so
the plugin must start each build afresh, read the search text in this process (no
fork beside threads) and leave the collector alone (rebuilds must be freed).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from types import SimpleNamespace


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait(condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except (OSError, ValueError):  # not served yet, or a file caught while it is rewritten
            pass
        assert time.monotonic() < deadline, what
        time.sleep(0.3)


@contextlib.contextmanager
def _serving(mini):
    """`mkdocs serve` of the site on a free port; `base` is its address, `log` (once it has
    stopped) what it printed, which must hold no traceback."""
    port = _free_port()
    log = mini.path.parent / "serve.log"  # a file, not a pipe nobody reads while it serves
    with log.open("w", encoding="utf-8") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=mini.path,
            stdout=subprocess.DEVNULL, stderr=stream, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        served = SimpleNamespace(base=f"http://127.0.0.1:{port}/ita/", log="")
        try:
            yield served
        finally:
            server.terminate()
            server.wait(timeout=10)
    served.log = log.read_text(encoding="utf-8")
    assert "Traceback" not in served.log, served.log


def _search_text(base: str) -> str:
    """Every text of the search index: the head and the text files it points to."""
    head = _get(base + "search/index.json")
    count = len(json.loads(head)["ends"]) if head.startswith("{") else 0
    return head + "".join(_get(base + f"search/t/{c}.json") for c in range(count))


def test_serve_rebuilds_pages_and_search_when_content_changes(mini):
    with _serving(mini) as served:
        base = served.base
        _wait(lambda: "นายทดสอบ ใจดี" in _get(base + "2567/o02/"), "the first build was not served")
        mini.edit("content/executives.yml", "name: นายทดสอบ ใจดี", "name: นายแก้ไข ข้อมูลใหม่")
        _wait(lambda: "นายแก้ไข ข้อมูลใหม่" in _get(base + "2567/o02/"), "the page was not rebuilt after the edit")
        _wait(lambda: "นายแก้ไข ข้อมูลใหม่" in _search_text(base), "the search index was not rebuilt")
        # a second edit: the plugin kept across rebuilds starts each one afresh
        mini.edit("content/executives.yml", "name: นายแก้ไข ข้อมูลใหม่", "name: นายครั้งที่สอง ทดลอง")
        _wait(lambda: "นายครั้งที่สอง ทดลอง" in _get(base + "2567/o02/"), "the second edit was not rebuilt")
        assert "นายแก้ไข" not in _search_text(base)


def test_only_a_one_shot_build_freezes_the_collector(mini, monkeypatch):
    import gc

    from mkdocs.config import load_config

    monkeypatch.chdir(mini.path)
    try:
        for command, frozen in (("serve", False), ("build", True), ("gh-deploy", True)):
            gc.unfreeze()
            config = load_config(str(mini.path / "mkdocs.yml"))
            config.plugins.on_startup(command=command, dirty=False)
            config.plugins.on_config(config)
            assert (gc.get_freeze_count() > 0) == frozen, command
    finally:
        gc.unfreeze()


def _get_any(url: str) -> tuple[int, str]:
    """Status and body, also of an error answer (the 404 page)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_serve_shows_broken_data_as_a_page_and_reloads_once_fixed(mini):
    # broken from the start: an unknown field whose name is markup, which must stay text
    mini.edit("content/executives.yml", "    role: top\n", "    role: top\n    <b>rank</b>: 1\n")
    with _serving(mini) as served:
        base = served.base
        _wait(lambda: "ข้อมูลผิดพลาด" in _get(base), "the error page was not served")
        home = _get(base)
        assert "content/executives.yml บรรทัดที่ 5" in home and "ไม่รู้จักช่องข้อมูลนี้ (unknown field)" in home
        assert "&lt;b&gt;rank&lt;/b&gt;" in home and "<b>rank" not in home
        assert "livereload" in home  # MkDocs' own reload, on top of the page's
        # every other address answers with the same report (and its own reload), not a spinner
        status, item = _get_any(base + "2567/o02/")
        assert status == 404 and "content/executives.yml บรรทัดที่ 5" in item and "location.reload()" in item
        mini.edit("content/executives.yml", "    <b>rank</b>: 1\n", "")
        _wait(lambda: "นายทดสอบ ใจดี" in _get(base + "2567/o02/"), "the fixed data was not rebuilt")
        # broken again while serving: back to the report, still no hanging request
        mini.edit("content/executives.yml", "role: top", "role: mayor")
        _wait(lambda: "role" in _get_any(base + "2567/o02/")[1] and "ข้อมูลผิดพลาด" in _get_any(base + "2567/o02/")[1],
              "the second error was not shown")
    assert "พบข้อผิดพลาดในข้อมูล" in served.log  # the terminal has the report too
