"""How build time and memory grow with the number of years and with a large procurement
year. Prints a table; asserts nothing (benchmarks are scripts, not tests: timings move with machine load).

Variants, each a copy of the demo project (mkdocs.yml + content/ + data/) in a temporary
folder, built with `mkdocs build` (not --strict: synthetic years may have gaps):

- years=1, 2, 5, 10: the newest demo year alone, then 2, 5 and 10 published years ending with it.
  (from 2561 on: the models accept years from 2560). A year the demo has no content for gets a
  copy of every dated entry (documents, entries, projects, statistics, risks, gifts, purchases …) and of the newest measures report and
  procurement CSV, with dates and fiscal years shifted back; a year without a catalog gets
  a copy of the oldest catalog with its year changed.
- procurement=5000: the newest year alone, with its procurement CSV replaced by 5,000
  purchase rows (the demo's rows repeated over the 12 months, new contract numbers).

Wall time is the median of --runs builds, the variants built in turn in each round so a slow
spell of a shared machine hits them all; peak memory is the largest resident set of the
build process (getrusage RUSAGE_CHILDREN ru_maxrss, measured in a wrapper process per
build so each figure is its own build's), and the CPU time of each build (user + system, its
worker processes included), which a busy shared machine disturbs less than wall time. Besides
the time it prints, per variant: the bytes
of one item page (the newest demo year's O2, as built and gzip), of the whole site, and what
the first search for --query fetches after the search page (search.js, the index head, the
gram table files and the text files, gzip; the same choice of files as search.js makes, the
text files of title-only hits' snippets counted for every hit, so at most that), and each
build time against the 2-year demo's.

    .venv/bin/python tools/bench_scale.py [--runs 3] [--config mkdocs.yml] [--years 1 2 5 10] [--rows 5000]
"""

from __future__ import annotations

import argparse
import copy
import csv
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

BIN = Path(sys.executable).parent
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
FY_RANGE = re.compile(r"^(\d{4})\s*([-–])\s*(\d{4})$")
DATED_KEYS = ("date", "covers", "month")
EARLIEST_YEAR = 2561


class _Loader(yaml.SafeLoader):
    """Dates stay text (2567-03-31 is Buddhist Era), as the site's own loader reads them."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


# ------------------------------------------------------------------------ shifting dates


def _shift_day(text: str, years: int) -> str:
    y, m, d = (int(p) for p in DATE.match(text).groups())
    ce = y - 543 if y >= 2400 else y
    try:
        date(ce + years, m, d)
    except ValueError:  # 29 February in a common year
        d = 28
    return f"{y + years:04d}-{m:02d}-{d:02d}"


def shift(node, years: int, key: str = ""):
    """A copy of YAML data with every date, month, fiscal year and year range moved."""
    if isinstance(node, dict):
        return {k: shift(v, years, str(k)) for k, v in node.items()}
    if isinstance(node, list):
        return [shift(v, years, key) for v in node]
    if isinstance(node, str):
        if DATE.match(node):
            return _shift_day(node, years)
        if MONTH.match(node) and key in ("month", "from", "to", "covers"):
            y, m = node.split("-")
            return f"{int(y) + years}-{m}"
        match = FY_RANGE.match(node)
        if match and key in ("covers", "period"):
            return f"{int(match[1]) + years}{match[2]}{int(match[3]) + years}"
        return node
    if isinstance(node, int) and not isinstance(node, bool) and key in ("covers", "year") and 2400 <= node <= 2700:
        return node + years
    return node


def _dated(entry) -> bool:
    return isinstance(entry, dict) and any(k in entry for k in DATED_KEYS)


def add_years(project: Path, shifts: list[int]) -> int:
    """Append shifted copies of every dated list entry of every topic file; returns copies made."""
    made = 0
    for path in sorted((project / "content").glob("*.yml")):
        data = read(path)
        if not isinstance(data, dict):
            continue
        changed = False
        for value in data.values():
            if isinstance(value, list) and any(_dated(v) for v in value):
                extra = [shift(copy.deepcopy(v), s) for s in shifts for v in value if _dated(v)]
                value.extend(extra)
                made += len(extra)
                changed = True
        if changed:
            write(path, data)
    return made


# ------------------------------------------------------------------------ variants


def copy_demo(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(
        ".venv", "site", ".git", "node_modules", "__pycache__", "tests", ".hypothesis", "tools", "docs", "*.egg-info"))
    return target


def set_years(project: Path, years: list[int]) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"years:\s*\[[^\]]*\]", f"years: [{', '.join(map(str, years))}]", text)
    if not count:
        raise SystemExit("mkdocs.yml has no `years: [...]` under plugins.ita")
    config.write_text(text, encoding="utf-8")


def demo_years(project: Path) -> list[int]:
    match = re.search(r"years:\s*\[([^\]]*)\]", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    return sorted(int(y) for y in re.findall(r"\d{4}", match[1])) if match else []


def make_years(root: Path, target: Path, count: int) -> dict:
    project = copy_demo(root, target)
    newest = demo_years(project)[-1]
    # The models accept years from 2560 (and a measures report analyses the year before):
    # a long run that would start earlier runs into the future instead.
    first = max(newest - count + 1, EARLIEST_YEAR)
    years = list(range(first, first + count))
    have = demo_years(project)
    new_years = [y for y in years if y not in have]
    shifts = sorted({y - newest for y in new_years})
    copies = add_years(project, shifts) if shifts else 0
    catalogs = project / "data" / "ita"
    oldest_catalog = min(int(p.stem) for p in catalogs.glob("*.yml") if p.stem.isdigit())
    for year in years:
        if not (catalogs / f"{year}.yml").is_file():
            data = read(catalogs / f"{oldest_catalog}.yml")
            data["year"] = year
            write(catalogs / f"{year}.yml", data)
    measures = project / "content" / "measures"
    if measures.is_dir() and (measures / f"{newest}.yml").is_file():
        for year in new_years:
            write(measures / f"{year}.yml", shift(read(measures / f"{newest}.yml"), year - newest))
    procurement = project / "content" / "procurement"
    if procurement.is_dir() and (procurement / f"{newest}.csv").is_file():
        for year in new_years:
            shift_csv(procurement / f"{newest}.csv", procurement / f"{year}.csv", year - newest)
    set_years(project, years)
    return {"project": project, "years": len(years), "copies": copies}


def _csv_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write_csv(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)


def _date_column(header: list[str], rows: list[dict]) -> str:
    return next(h for h in header if rows and DATE.match((rows[0].get(h) or "").strip()))


def _number_column(header: list[str]) -> str | None:
    return next((h for h in header if h in ("เลขที่สัญญาหรือข้อตกลง", "เลขที่สัญญา", "contract_no")), None)


def shift_csv(source: Path, target: Path, years: int) -> None:
    header, rows = _csv_rows(source)
    column = _date_column(header, rows)
    number = _number_column(header)
    for row in rows:
        row[column] = _shift_day(row[column].strip(), years)
        if number and row.get(number):
            row[number] = re.sub(r"/(\d{4})$", lambda m: f"/{int(m[1]) + years}", row[number])
    _write_csv(target, header, rows)


def make_procurement(root: Path, target: Path, rows_wanted: int) -> dict:
    project = copy_demo(root, target)
    newest = demo_years(project)[-1]
    set_years(project, [newest])
    source = project / "content" / "procurement" / f"{newest}.csv"
    if not source.is_file():
        raise SystemExit(f"{source} not found: the demo has no procurement CSV for {newest}")
    header, rows = _csv_rows(source)
    column, number = _date_column(header, rows), _number_column(header)
    months = [(newest - 1, 10), (newest - 1, 11), (newest - 1, 12)] + [(newest, m) for m in range(1, 10)]
    out = []
    for i in range(rows_wanted):
        row = dict(rows[i % len(rows)])
        year, month = months[i % 12]
        row[column] = f"{year}-{month:02d}-{1 + (i // 12) % 28:02d}"
        if number:
            row[number] = f"ใบสั่ง {i + 1}/{newest}"
        out.append(row)
    _write_csv(source, header, out)
    # The quiet months of this year now have purchases: drop them.
    procurement_yml = project / "content" / "procurement.yml"
    if procurement_yml.is_file():
        data = read(procurement_yml)
        if isinstance(data, dict) and data.get("quiet_months"):
            data["quiet_months"] = []
            write(procurement_yml, data)
    return {"project": project, "years": 1, "copies": rows_wanted}


# ------------------------------------------------------------------------ measuring

WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "t = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.returncode, t, u.ru_maxrss, u.ru_utime + u.ru_stime)\n"
    "sys.stderr.write(r.stderr[-3000:] if r.returncode else '')\n"
)


def build_once(project: Path, site: Path) -> tuple[float, int, float]:
    """(seconds, peak RSS in KiB, CPU seconds) of one `mkdocs build` in a fresh process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", WRAPPER, str(BIN / "mkdocs"), "build", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    code, seconds, rss, cpu = result.stdout.split()
    if code != "0":
        raise SystemExit(f"build of {project} failed:\n{result.stderr}")
    return float(seconds), int(rss), float(cpu)


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def query_bytes(site: Path, query: str) -> tuple[int, int]:
    """(gzip bytes, files) the first search for `query` fetches after the search page, as search.js chooses them."""
    from site_builder.search_fold import fold, normalize, squeeze

    folder = site / "search"
    head = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    fetched = {"search.js", "index.json"}
    terms = list(dict.fromkeys(fold(normalize(query)).split()))
    chunk_of = [c for c, end in enumerate(head["ends"]) for _ in range(end - (head["ends"][c - 1] if c else 0))]

    def bucket(gram: str) -> int:
        h = 0
        for ch in gram:
            h = (h * 31 + ord(ch)) % 65521
        return h % head["buckets"]

    cands = []
    for term in terms:
        n = min(head["gram"], len(term))
        grams = [term[i:i + n] for i in range(len(term) - n + 1)]
        k = head["per_term"]
        if len(grams) > k:
            grams = [grams[(i * (len(grams) - 1)) // (k - 1)] for i in range(k)]
        found = None
        for gram in grams:
            fetched.add(f"g/{bucket(gram)}.json")
            table = json.loads((folder / "g" / f"{bucket(gram)}.json").read_text(encoding="utf-8"))
            at, here = 0, set()
            for gap in table.get(gram, []):
                at += gap
                here.add(at)
            found = here if found is None else found & here
        cands.append(found or set())
    for _url, title, secs, _length in head["pages"]:
        heads = [squeeze(h) for _a, h, _n in secs]
        if all(t in squeeze(title) or any(t in h for h in heads) or any(chunk_of[n] in c for _a, _h, n in secs)
               for t, c in zip(terms, cands)):
            need = {chunk_of[n] for _a, _h, n in secs if any(chunk_of[n] in c for c in cands)}
            if secs and not need:
                need = {chunk_of[secs[0][2]]}  # the snippet's text of a title-only hit
            fetched.update(f"t/{c}.json" for c in need)
    return sum(_gz((folder / name).read_bytes()) for name in fetched), len(fetched)


def build_round(variant: dict) -> None:
    project = variant["project"]
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    seconds, rss, cpu = build_once(project, site)
    variant.setdefault("times", []).append(seconds)
    variant.setdefault("peaks", []).append(rss)
    variant.setdefault("cpus", []).append(cpu)


def figures(variant: dict, page: str, query: str) -> dict:
    times, site = variant["times"], variant["project"] / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    item = (site / page).read_bytes()
    fetched, count = query_bytes(site, query)
    return {**{k: v for k, v in variant.items() if k not in ("times", "peaks", "cpus")},
            "median": statistics.median(times), "min": min(times), "max": max(times),
            "cpu": statistics.median(variant["cpus"]),
            "rss_mb": max(variant["peaks"]) / 1024, "pages": sum(1 for p in files if p.name == "index.html"),
            "html_mb": sum(p.stat().st_size for p in files if p.suffix == ".html") / 1024 / 1024,
            "site_mb": sum(p.stat().st_size for p in files) / 1024 / 1024,
            "page_kb": len(item) / 1024, "page_gzip_kb": _gz(item) / 1024,
            "query_kb": fetched / 1024, "query_files": count}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--years", type=int, nargs="*", default=[1, 2, 5, 10])
    parser.add_argument("--rows", type=int, default=5000, help="purchases in the large procurement year (0: skip)")
    parser.add_argument("--query", default="ร้องเรียน", help="the search whose fetched bytes are printed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    page = f"{demo_years(root)[-1]}/o02/index.html"
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp:
        started = time.perf_counter()
        variants = [(f"years={n}", lambda t, n=n: make_years(root, t, n)) for n in args.years]
        if args.rows:
            variants.append((f"procurement={args.rows}", lambda t: make_procurement(root, t, args.rows)))
        made = []
        for name, make in variants:
            made.append({**make(Path(tmp) / name.replace("=", "-")), "name": name})
        for run in range(args.runs):
            for variant in made:
                build_round(variant)
                print(f"  round {run + 1}, {variant['name']}: {variant['times'][-1]:.2f} s", file=sys.stderr, flush=True)
        rows = [figures(variant, page, args.query) for variant in made]
        total = time.perf_counter() - started
    base = next((r for r in rows if r["name"] == "years=2"), None)
    for r in rows:
        r["vs_2_years"] = r["median"] / base["median"] if base else None
        r["cpu_vs_2_years"] = r["cpu"] / base["cpu"] if base else None
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "project"} for r in rows], indent=1))
        return 0
    print(f"{'variant':<18}{'years':>6}{'added rows':>11}{'pages':>7}{'site MB':>9}{'HTML MB':>9}"
          f"{'build s (median)':>18}{'min':>7}{'max':>7}{'× 2 years':>10}{'CPU s':>7}{'× 2 years':>10}{'peak RSS MB':>13}"
          f"{'page KB':>9}{'gzip':>6}{'query KB gzip':>15}{'files':>7}")
    for r in rows:
        ratio = f"{r['vs_2_years']:.2f}" if r["vs_2_years"] else "–"
        cpu_ratio = f"{r['cpu_vs_2_years']:.2f}" if r["cpu_vs_2_years"] else "–"
        print(f"{r['name']:<18}{r['years']:>6}{r['copies']:>11}{r['pages']:>7}{r['site_mb']:>9.1f}{r['html_mb']:>9.1f}"
              f"{r['median']:>18.2f}{r['min']:>7.2f}{r['max']:>7.2f}{ratio:>10}{r['cpu']:>7.2f}{cpu_ratio:>10}"
              f"{r['rss_mb']:>13.0f}"
              f"{r['page_kb']:>9.1f}{r['page_gzip_kb']:>6.1f}{r['query_kb']:>15.1f}{r['query_files']:>7}")
    print(f"page: /{page.removesuffix('index.html')}; query: {args.query}; runs per variant: {args.runs}, "
          f"variants in turn; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; total {total:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
