"""Words as a reader types them: whole words, case ignored, and (folded) accents ignored too.

Vietnamese readers abroad mostly type without diacritics, and `đ` has no Unicode decomposition, so folding is
NFKD, combining marks dropped, then the few letters that carry their stroke inside the letter (đ, ð, ł, ø). The
database fallback stores and searches words this way, and the one highlighter compares them this way.
"""

import re
import unicodedata

# A word: letters and digits (not `_`, so `press_release` is two words), with any combining marks typed apart.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
STROKED = str.maketrans({"đ": "d", "ð": "d", "ł": "l", "ø": "o"})


def fold(text: str) -> str:
    """`text` without case or accents: `Chuyển đổi` → `chuyen doi`."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(STROKED)


def words(text: str) -> list[str]:
    """The words of `text` as written (NFC), in order."""
    return WORD.findall(unicodedata.normalize("NFC", text or ""))


def exact_words(text: str) -> list[str]:
    """The words of `text`, case ignored, accents kept: what an exact-diacritic match compares."""
    return [word.casefold() for word in words(text)]


def folded_words(text: str) -> list[str]:
    """The words of `text`, case and accents ignored."""
    return [fold(word) for word in words(text)]


def word_run(tokens: list[str]) -> str:
    """Words as stored for the database: space-separated with a space at each end, so that `LIKE '% doi %'`
    (Django's `contains=" doi "`) finds a whole word on SQLite and PostgreSQL alike."""
    return f" {' '.join(tokens)} " if tokens else ""
