"""The search index cut into files, so that a query fetches what it needs and not the whole site.

`search.build_index` gives the logical index: pages (url, title, sections pointing at texts)
and the texts, each stored once. A site with ten years holds ten years of texts (4 MB), so the
browser must not fetch them all for one word. It fetches:

1. `index.json`, the head: every page with its title, section headings, the number of each
   section's text and its matched length (for the ranking), and where the texts are;
2. for each query term, up to four files of the gram table `g/<n>.json`: for a run of three
   characters (the whole term when it is shorter), the text files that contain it. A text
   that holds the term holds each of its runs, so the files where a run is missing are left
   out, and nothing that matches is missed;
3. the text files `t/<n>.json` that may hold a term on a page that can still match.

Texts are grouped by their page's path with the year left out and their heading id
(`Y/o28/#channels`), so the same topic of every year sits in one file, where gzip finds what
the years repeat. Both sides fold and cut grams the same way (`search_fold.squeeze`, code points,
never across a line break); `assets/search.js` holds the other half.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

from .build_cache import cached
from .search_fold import squeeze

BUCKETS = 128  # gram table files: more files, smaller ones, fewer bytes per query
MAX_CHUNK = 48_000  # bytes: a larger topic is split
GRAM = 3  # characters per gram (grams() cuts 1 to 3): a term is looked up by its runs of three, a shorter one whole
GRAMS_PER_TERM = 4  # at most this many gram table files per query term (4 fetched least on the demo, 2 to 10 years)
_YEAR = re.compile(r"\d{4}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def bucket(gram: str) -> int:
    """The gram table file of a gram: the same arithmetic as `bucket` in search.js."""
    h = 0
    for ch in gram:
        h = (h * 31 + ord(ch)) % 65521
    return h % BUCKETS


def grams(lines) -> set[str]:
    """Runs of one to three characters of matched lines (`search_fold.squeeze`, split at line
    breaks), none across a break. Cut from the joined text in three passes: it is the build's
    largest loop, and one pass per line cost twice as much."""
    text = "\n".join(lines)
    out = set(text)
    out.update({text[i:i + 2] for i in range(len(text) - 1)})
    out.update({text[i:i + 3] for i in range(len(text) - 2)})
    return {g for g in out if "\n" not in g}


def _cut(joined: bytes) -> bytes:
    """The grams of NUL-joined texts as NUL-joined bytes (what the build cache keeps)."""
    lines = {line for text in joined.decode().split("\0") for line in squeeze(text).split("\n")}
    return "\0".join(sorted(grams(lines))).encode()


def utf16_length(text: str) -> int:
    """The length search.js sees (JavaScript counts UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _families(index: dict) -> list[int]:
    """Text numbers in storage order: by topic (page path without its year, heading id), then as first met."""
    key: dict[int, tuple[str, int]] = {}
    for page in index["pages"]:
        topic = _YEAR.sub("Y", page[0])
        for anchor, _heading, number in page[2]:
            key.setdefault(number, (f"{topic}#{anchor}", len(key)))
    return sorted(range(len(index["texts"])), key=lambda n: key.get(n, ("", n)))


def shard(index: dict, cache_dir: Path | None = None) -> dict[str, str]:
    """The files of the sharded index (path under search/ → JSON text), the head first;
    `cache_dir` keeps each text file's grams between builds."""
    texts = index["texts"]
    order = _families(index)
    topic_of: dict[int, str] = {}
    for page in index["pages"]:
        topic = _YEAR.sub("Y", page[0])
        for anchor, _heading, number in page[2]:
            topic_of.setdefault(number, f"{topic}#{anchor}")
    chunks: list[list[int]] = []
    size = 0
    for n in order:
        length = len(texts[n].encode())
        if chunks and topic_of.get(chunks[-1][-1]) == topic_of.get(n) and size + length <= MAX_CHUNK:
            chunks[-1].append(n)
            size += length
        else:
            chunks.append([n])
            size = length
    new_number = {old: new for new, old in enumerate(n for chunk in chunks for n in chunk)}

    table: defaultdict[str, list[int]] = defaultdict(list)
    for c, chunk in enumerate(chunks):
        # years repeat most lines of a topic: each line's grams are cut once, and kept in the
        # build cache, as a rebuild finds most topics unchanged
        cut = cached("\0".join(texts[n] for n in chunk).encode(), "grams", _cut, cache_dir)
        for g in cut.decode().split("\0") if cut else ():
            table[g].append(c)
    buckets: list[dict[str, list[int]]] = [{} for _ in range(BUCKETS)]
    for g in sorted(table):
        ids = table[g]
        buckets[bucket(g)][g] = [ids[0]] + [b - a for a, b in itertools.pairwise(ids)]  # gaps: smaller files

    files = {f"t/{c}.json": _dumps([texts[n] for n in chunk]) for c, chunk in enumerate(chunks)}
    files.update({f"g/{b}.json": _dumps(content) for b, content in enumerate(buckets)})
    pages = []
    for url, title, sections in index["pages"]:
        length = 1 + sum(utf16_length(texts[n]) - texts[n].count(" ") for _a, _h, n in sections)
        pages.append([url, title, [[a, h, new_number[n]] for a, h, n in sections], length])
    ends, total = [], 0
    for chunk in chunks:
        total += len(chunk)
        ends.append(total)
    digest = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:12]
    head = {"v": index["v"], "root": index["root"], "pages": pages, "ends": ends, "buckets": BUCKETS,
            "gram": GRAM, "per_term": GRAMS_PER_TERM, "id": digest}
    return {"index.json": _dumps(head), **files}
