"""Search text of each page, extracted while MkDocs is still building the others.

MkDocs renders pages one after another on one core. Reading a page's text for the
search index (`search_text.extract_page`) is pure work on a string, so on a machine with
a spare core it runs in one forked worker process and the build does not wait for it:
only the pickling of each page's article crosses over. Where forking is not safe or
not possible (Windows, macOS, `mkdocs serve` with its server threads, one core, no
semaphores) the same function runs in this process instead, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import CancelledError, Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .search_text import PageText, extract_page, relevant_part
from .urls import built_url


def _spare_core() -> bool:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1


def can_fork() -> bool:
    """Fork only a single-threaded process on Linux (elsewhere fork is unsafe or missing)."""
    return sys.platform == "linux" and threading.active_count() == 1 and _spare_core()


class PageIndexer:
    """`add` each page as it is written; `pages()` then gives every page's text by output path."""

    def __init__(self, parallel: bool = True) -> None:
        self._parallel = parallel
        self._pool: Executor | None = None
        self._parts: dict[str, str] = {}
        self._found: dict[str, Future | PageText | None] = {}

    def add(self, path: str, html: str) -> None:
        """Start reading one built page (`path` relative to the site, e.g. `2567/o02/index.html`)."""
        part = relevant_part(html)
        self._parts[path] = part
        pool = self._worker()
        if pool is not None:
            try:
                self._found[path] = pool.submit(extract_page, part, built_url(path))
                return
            except BrokenProcessPool:
                self._parallel = False
        self._found[path] = extract_page(part, built_url(path))

    def _worker(self) -> Executor | None:
        if self._pool is None and self._parallel:
            self._parallel = can_fork()  # checked when forking: threads may have started since
            if self._parallel:
                try:
                    self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                except (OSError, ValueError, NotImplementedError):  # no /dev/shm, no semaphores
                    self._parallel = False
        return self._pool if self._parallel else None

    def pages(self) -> dict[str, PageText | None]:
        """Every added page's text (None: no main area, or it opts out), then the worker stops."""
        result: dict[str, PageText | None] = {}
        for path, found in self._found.items():
            if isinstance(found, Future):
                try:
                    found = found.result()
                except (BrokenProcessPool, CancelledError, OSError):  # the worker died (killed, out of memory)
                    found = extract_page(self._parts[path], built_url(path))
            result[path] = found
        self.close()
        self._parts, self._found = {}, {}  # the build keeps its plugins to the end: let this go now
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
