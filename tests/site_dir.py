"""A site folder that tests edit, build with the real `mkdocs` command, and read."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


class SiteDir:
    """A site folder in tmp_path that tests edit, build and read."""

    def __init__(self, path: Path):
        self.path = path

    def file(self, rel: str) -> Path:
        return self.path / rel

    def write(self, rel: str, text: str) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.file(rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=self.path, env=env,
                              capture_output=True, text=True, timeout=300)

    def build(self, strict: bool = True) -> subprocess.CompletedProcess:
        return self.run("mkdocs", "build", *(["--strict"] if strict else []), "-d", "site")

    def html(self, url_path: str) -> str:
        return (self.path / "site" / url_path / "index.html").read_text(encoding="utf-8")

    def site_digest(self) -> str:
        digest = hashlib.sha256()
        for path in sorted((self.path / "site").rglob("*")):
            digest.update(str(path.relative_to(self.path)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()
