"""The matched form of text, the same in the index and in the query (search.js holds the other half).

Length-changing steps happen in `normalize`, at build time and on the query; `fold` keeps the
length, so a match position in the folded text is a position in the stored text.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
# NIKHAHIT (+ tone mark) + SARA AA  →  (tone mark +) SARA AM, e.g. น ํ ้ า → น ้ ำ
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# tone mark typed before an upper/lower vowel: put the vowel first (ก ่ ี → ก ี ่)
_TONE_VOWEL = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e3a\u0e47])")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINES = re.compile(r" *\n[\s]*")


def normalize(text: str) -> str:
    """The text as stored in the index and as the query is prepared in search.js.

    Length-changing steps happen here only; the browser's folding keeps length.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SARA_AM.sub("\\1\u0e33", text)
    text = _TONE_VOWEL.sub("\\2\\1", text)
    text = _SPACES.sub(" ", text)
    return _LINES.sub("\n", text).strip()


_FOLD = str.maketrans({
    **{chr(c): chr(c + 32) for c in range(65, 91)},
    **{chr(0x0E50 + d): str(d) for d in range(10)},
    **{chr(c): "-" for c in [*range(0x2010, 0x2016), 0x2212]},
})


def fold(text: str) -> str:
    """What search.js compares (same length as `text`): ASCII lower case, Thai digits as 0–9, dashes as "-"."""
    return text.translate(_FOLD)


def squeeze(text: str) -> str:
    """Folded text as matched: spaces dropped, block boundaries kept."""
    return fold(text).replace(" ", "")
