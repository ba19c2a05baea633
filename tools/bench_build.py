"""Build time of the demo with the plugin against plain MkDocs building the same generated
Markdown with the same theme. Prints figures; asserts nothing.

    make bench    (or: .venv/bin/python tools/bench_build.py [--runs 9] [--config mkdocs.yml])

The two builds alternate, so a slow spell of a shared machine hits both; besides the ratio
of the medians it prints the median of each pair's ratio, which such spells disturb less, and
the same for the CPU time the builds used (user + system, the forked search worker included),
which other processes on a busy machine disturb less than the wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    args.config = args.config.resolve()
    root = args.config.parent
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        generated = tmp_path / "generated"
        subprocess.run([str(BIN / "ita"), "generate", "-f", str(args.config), str(generated)], check=True,
                       capture_output=True)
        pages = len(list((generated / "docs").rglob("*.md")))
        plugin, plain = [], []
        for _ in range(args.runs):
            plugin.append(timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(args.config), "-d", str(tmp_path / "a")], root))
            plain.append(timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(tmp_path / "b")], generated))
        shutil.rmtree(tmp_path / "a", ignore_errors=True)
    print(f"pages: {pages}, runs: {args.runs}")
    for what, k in (("wall", 0), ("CPU", 1)):
        a, b = [r[k] for r in plugin], [r[k] for r in plain]
        p, q = statistics.median(a), statistics.median(b)
        print(f"{what}: mkdocs build with the ita plugin   median {p:.2f} s  (min {min(a):.2f}, max {max(a):.2f})")
        print(f"{what}: plain mkdocs, same generated pages median {q:.2f} s  (min {min(b):.2f}, max {max(b):.2f})")
        print(f"{what}: ratio plugin / plain: {p / q:.2f}  (target ≤ 1.15); "
              f"median of the paired ratios {statistics.median(x / y for x, y in zip(a, b)):.2f}")


if __name__ == "__main__":
    main()
