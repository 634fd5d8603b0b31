"""Sentence splitting for Arabic news text.

`split_sentences(text, start, end)` returns `(start, end)` spans (end exclusive) in the ORIGINAL
text, trimmed of surrounding whitespace, never empty.  The splitter is regex driven: one pass finds
candidate boundaries (line breaks and runs of terminators) and a few cheap local tests accept or
reject each candidate.

Boundaries
    ``.`` ``!`` ``?`` ``؟`` ``؛`` (the Arabic semicolon closes a sentence in news prose), every
    line break, and ellipses (``..``, ``...``, ``…``) when followed by whitespace and more text.
Not boundaries
    the Arabic comma, decimals (``3.5``; ``٣٫٥`` uses the Arabic decimal separator which is not a
    terminator anyway), dotted dates (``11.12.2017``), one-letter abbreviations (``د.`` ``م.``
    ``أ.د.``), a few Latin abbreviations (``Dr.`` ``Mr.``), list numbers at the start of a
    sentence (``1.``), dots inside URLs, e-mail addresses and domain names, a terminator directly
    followed by a comma, and an ellipsis glued to the next word (``غزة..وهذا``).
Quotes and brackets
    closing quotes and brackets right after a terminator belong to the sentence that ends
    (``«انتهى الأمر.» ثم غادر`` splits after ``»``); a sentence never starts with a closing quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["split_sentences", "iter_sentences"]

# Candidate boundaries: line breaks, or a run of terminator characters.
_CAND = re.compile(r"(?P<nl>[\n\r\u2028\u2029\x0b\x0c\x85])|(?P<term>[.!?؟؛…]+)")

# Spans where terminators are not sentence punctuation: URLs, e-mails, bare domain names.
_URLISH = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s«»“”\"<>]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|info|gov|edu|int|news|tv|[a-z]{2})\b"
    r"(?:/[^\s«»“”\"<>]*)?",
    re.IGNORECASE,
)
# Something every _URLISH match contains: one search spares the full scan in most paragraphs.
_URL_GATE = re.compile(r"://|www\.|@|[A-Za-z0-9-]\.[A-Za-z]", re.IGNORECASE)
_URL_TRAIL = ".,;:!?؟،؛)]}»”\"'…"

# Closing quotes/brackets.  » › ) ] } are unambiguous; ” ’ " ' are taken only when they are not
# glued to a following word (some writers use ” as an opening quote in RTL text).
_STRONG_CLOSERS = "»›)]}"
_CLOSERS = _STRONG_CLOSERS + "”’\"'\u201d\u2019"
_CLOSE_RUN = re.compile(r"[»›)\]}”’\"'\u201d\u2019]+")
_SPACED_CLOSE_RUN = re.compile(r"[ \t\u00a0\u202f]+[»›)\]}”\u201d]+")
_AFTER_CLOSER_OK = re.compile(r"\s|[.!?؟؛…,،:;]|\Z")

# Characters trimmed from span edges besides Unicode whitespace.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

_LATIN_ABBREV = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "inc", "ltd", "co", "no", "fig",
    "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "approx", "dept",
})
# One-letter "abbreviations" that are really era markers after a year: 2017 م. / 1438 هـ.
_ERA_LETTERS = frozenset({"م", "ه"})
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_LIST_NUMBER = re.compile(r"\s*[(\[]?[0-9٠-٩۰-۹]{1,3}\Z")
_HAS_WORD = re.compile(r"[^\W_]")


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def _url_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if _URL_GATE.search(text, start, end) is None:
        return []
    spans = []
    for m in _URLISH.finditer(text, start, end):
        a, b = m.span()
        while b > a and text[b - 1] in _URL_TRAIL:
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _token_before(text: str, p: int, lo: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at `p` (exclusive) and its start."""
    i = p
    floor = max(lo, p - 40)
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:p], i


def _abbreviation(text: str, p: int, lo: int) -> bool:
    """Is the dot at text[p] part of an abbreviation (so not a sentence end)?"""
    tok, tok_start = _token_before(text, p, lo)
    tok = tok.lstrip("(«“\"'[")
    if not tok:
        return False
    last = _DIACRITICS.sub("", tok.rsplit(".", 1)[-1])
    if len(last) == 1 and last.isalpha():
        if last in _ERA_LETTERS:
            # 2017 م.  /  2017م.  → era marker closing a sentence
            before = text[max(lo, tok_start - 12):tok_start].rstrip()
            if (before and before[-1].isdigit()) or (len(tok) > 1 and tok[-2].isdigit()):
                return False
        return True
    if last.isascii() and tok.lower().rstrip(".") in _LATIN_ABBREV:
        return True
    return False


def _absorb_closers(text: str, q: int, end: int) -> int:
    """Extend a boundary at `q` over closing quotes/brackets that belong to the ending sentence."""
    m = _CLOSE_RUN.match(text, q, end)
    if m:
        run_end = m.end()
        if _AFTER_CLOSER_OK.match(text, run_end, end) or all(c in _STRONG_CLOSERS for c in m.group()):
            q = run_end
        else:
            # keep only the unambiguous closers at the front of the run
            i = q
            while i < run_end and text[i] in _STRONG_CLOSERS:
                i += 1
            return i
    m = _SPACED_CLOSE_RUN.match(text, q, end)
    if m and _AFTER_CLOSER_OK.match(text, m.end(), end):
        q = m.end()
    return q


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and _is_space(text[a]):
        a += 1
    while b > a and _is_space(text[b - 1]):
        b -= 1
    return a, b


def _raw_segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    urls = _url_spans(text, start, end)
    ui = 0
    seg = start
    for m in _CAND.finditer(text, start, end):
        a, b = m.span()
        if a < seg:                         # inside closers already absorbed
            continue
        if m.lastgroup == "nl":
            yield seg, a
            seg = b
            continue
        # skip candidates inside URLs/e-mails
        while ui < len(urls) and urls[ui][1] <= a:
            ui += 1
        if ui < len(urls) and urls[ui][0] <= a < urls[ui][1]:
            continue
        run = m.group()
        nxt = text[b] if b < end else ""
        if nxt in ",،":
            continue
        if not _HAS_WORD.search(text, seg, a):
            continue                         # leading ellipsis / stray punctuation
        if any(c in "!?؟؛" for c in run):
            pass                             # always a boundary
        elif run == ".":
            prev = text[a - 1] if a > start else ""
            if nxt and nxt.isdigit() and prev.isdigit():
                continue                     # 3.5, 11.12.2017
            if nxt and nxt.isascii() and nxt.isalnum():
                continue                     # file.txt, example.com (no space after the dot)
            if _abbreviation(text, a, seg):
                continue
            if _LIST_NUMBER.match(text, seg, a) and _LIST_NUMBER.match(text, seg, a).end() == a:
                continue                     # "1. " list item
        else:                                # ellipsis: .. ... … ....
            if nxt and not (nxt.isspace() or nxt in _CLOSERS):
                continue                     # glued to the next word
            if nxt and nxt in _CLOSERS:
                q = _absorb_closers(text, b, end)
                if q < end and not text[q].isspace():
                    continue
        q = _absorb_closers(text, b, end)
        yield seg, q
        seg = q
    yield seg, end


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield sentence spans inside text[start:end]; see `split_sentences`."""
    if end is None or end > len(text):
        end = len(text)
    start = max(0, start)
    prev: tuple[int, int] | None = None
    for a, b in _raw_segments(text, start, end):
        a, b = _trim(text, a, b)
        # a sentence never starts with a closing quote: hand it to the previous sentence
        # when both are on the same line, otherwise just drop it from the span
        if a < b and text[a] in _CLOSERS and text[a] not in "\"'" and (
                a + 1 >= b or _AFTER_CLOSER_OK.match(text, a + 1, b)):
            i = a
            while i < b and text[i] in _CLOSERS and text[i] not in "\"'":
                i += 1
            if prev is not None and not any(c in "\n\r\u2028\u2029" for c in text[prev[1]:a]):
                prev = (prev[0], i)
            a, b = _trim(text, i, b)
        if a >= b:
            continue
        if prev is not None:
            yield prev
        prev = (a, b)
    if prev is not None:
        yield prev


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` (end exclusive) inside text[start:end].

    Offsets index the original `text`; spans are trimmed of surrounding whitespace and never
    empty.  Every line break is a boundary.
    """
    return list(iter_sentences(text, start, end))
