"""Words as a reader types them: whole words, case ignored, and (folded) accents ignored too.

Vietnamese readers abroad mostly type without diacritics, and `đ` has no Unicode decomposition, so folding is
NFKD, combining marks dropped, then the few letters that carry their stroke inside the letter (đ, ð, ł, ø).
Chinese, Japanese and Korean are written without spaces, so a run of their characters is cut into overlapping
pairs (`技能実習生` → `技能 能実 実習 習生`, a lone character stays one word), as the engine's `cjk_bigram` filter
does; half-width kana are widened (`ｶﾞ` → `ガ`) and CJK characters keep their voicing marks. The database
fallback stores and searches words this way, and the one highlighter compares them this way.
"""

import re
import unicodedata

# A word: letters and digits (not `_`, so `press_release` is two words), with any combining marks typed apart.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
STROKED = str.maketrans({"đ": "d", "ð": "d", "ł": "l", "ø": "o"})
# Hangul Jamo, kana, CJK ideographs (extension A, unified, compatibility), Hangul syllables, half-width kana;
# half-width punctuation too, for widening.
CJK_RUN = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]+")
HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]+")


def normalized(text: str) -> str:
    """`text` in NFC with half-width kana widened (`ｶﾞｲﾑ` → `ガイム`), so its characters pair up as they read."""
    text = unicodedata.normalize("NFC", text or "")
    return HALF_WIDTH_KANA.sub(lambda run: unicodedata.normalize("NFKC", run.group()), text)


def _fold_latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(STROKED)


def fold(text: str) -> str:
    """`text` without case or accents: `Chuyển đổi` → `chuyen doi`; CJK characters only lose their width."""
    text, out, position = text or "", [], 0
    for run in CJK_RUN.finditer(text):
        out += [_fold_latin(text[position : run.start()]), unicodedata.normalize("NFKC", run.group())]
        position = run.end()
    return "".join(out) + _fold_latin(text[position:])


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words of `text` are, as (start, end) in order: whole words, and CJK runs as overlapping pairs.
    Offsets are into `text` as given (callers pass it through `normalized`)."""
    spans = []
    for match in WORD.finditer(text):
        position = match.start()
        for run in CJK_RUN.finditer(text, match.start(), match.end()):
            if run.start() > position:
                spans.append((position, run.start()))
            if run.end() - run.start() == 1:
                spans.append((run.start(), run.end()))
            spans += [(start, start + 2) for start in range(run.start(), run.end() - 1)]
            position = run.end()
        if position < match.end():
            spans.append((position, match.end()))
    return spans


def words(text: str) -> list[str]:
    """The words of `text` as written (normalized), in order."""
    text = normalized(text)
    return [text[start:end] for start, end in word_spans(text)]


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
