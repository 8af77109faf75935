"""The one highlighter: the page fallback, the asset fallback and the engine's snippets are all marked here.

A word of the text is marked when it equals a word of the query, both folded (case and accents ignored), so
`giao` marks `giáo` but never the `ao` inside it; the marked text keeps its own accents. CJK text is compared by
character pairs (search.folding), and the pairs a query matches in a row are marked as one run. The result is
HTML-escaped, ready for a template or the API.
"""

import html

from .folding import fold, folded_words, normalized, word_spans

MARK, UNMARK = "<mark>", "</mark>"


def highlight(text: str, query: str) -> str | None:
    """`text` HTML-escaped with every whole word matching a query word in `<mark>`, or None when none matches."""
    wanted = set(folded_words(query))
    if not text or not wanted:
        return None
    text = normalized(text)
    marked: list[list[int]] = []
    for start, end in word_spans(text):
        if fold(text[start:end]) in wanted:
            if marked and start < marked[-1][1]:  # overlapping CJK pairs make one mark
                marked[-1][1] = end
            else:
                marked.append([start, end])
    if not marked:
        return None
    out, position = [], 0
    for start, end in marked:
        out += [html.escape(text[position:start]), MARK, html.escape(text[start:end]), UNMARK]
        position = end
    return "".join(out) + html.escape(text[position:])


def highlight_fragment(fragment: str, query: str) -> str:
    """An engine snippet (HTML-escaped, marked by the engine's analysers) marked again by `highlight`, so engine and
    database snippets mark the same words; the engine still chooses where the fragment is cut."""
    plain = html.unescape(fragment.replace(MARK, "").replace(UNMARK, ""))
    return highlight(plain, query) or html.escape(plain)
