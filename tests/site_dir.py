"""A site folder that tests edit, build with the real `mkdocs` command, and read."""

from __future__ import annotations

import hashlib
import io
import logging
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

    def build_in_process(self, strict: bool = True) -> subprocess.CompletedProcess:
        """`mkdocs build` in this process, for tests of what the webmaster reads when a build
        stops: a subprocess would add only its start-up. stderr holds the log and the error as
        the command prints them; returncode is 1 when the build stops."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        cwd, code = Path.cwd(), 0
        os.chdir(self.path)
        try:
            config = load_config(str(self.path / "mkdocs.yml"), strict=strict, site_dir=str(self.path / "site"))
            build(config)
        except MkDocsException as err:  # the command prints it after the log, then "Aborted"
            stream.write(f"ERROR   -  {err}\n")
            code = 1
        finally:
            os.chdir(cwd)
            logger.removeHandler(handler)
        return subprocess.CompletedProcess(["mkdocs", "build"], code, "", stream.getvalue())

    def html(self, url_path: str) -> str:
        return (self.path / "site" / url_path / "index.html").read_text(encoding="utf-8")

    def site_digest(self) -> str:
        digest = hashlib.sha256()
        for path in sorted((self.path / "site").rglob("*")):
            digest.update(str(path.relative_to(self.path)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()


def failed_cleanly(result: subprocess.CompletedProcess) -> str:
    """The output of a build that must stop with a message, never a traceback."""
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    return out
