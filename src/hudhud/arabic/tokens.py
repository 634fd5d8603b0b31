"""Tokenisation with clitic analysis.

Words are split off their proclitics (و ف conjunctions, ب ل ك prepositions, س future, ال article)
and pronoun suffixes only when what remains is a known word, or when the article rule makes the
split safe. A word that merely starts with one of those letters (بحث, وزير, فلسطين, كبير) is kept
whole: splitting is decided by vocabulary, not by the first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hudhud.arabic.normalize import DROPPED, normalize
from hudhud.doc import Token

_TOKEN_RE = re.compile(r"[0-9]+(?:[.,:/][0-9]+)*|\w+|[^\w\s]")

# Function words that must never be split (they start with clitic-like letters).
FUNCTION_WORDS = frozenset("""
الى الي الا الذي التي الذين اللذان اللتان اللواتي اللاتي اللذين اللتين الان الله لله بالله والله
لكن ولكن لكي كي كما كان كانت كانوا لم لن لا ليس ليست لدى لدي لها له لهم لهما لهن لنا لي لك لكم
بل بعد بعدما بين بينما بها به بهم بهما بنا بي فقط في فيه فيها فيما فيهم فوق فان فاذا فلا فقد
كل كلا كلما كذلك كيف كم وفق وفقا ولا وقد ولم ولن وهو وهي وهم وان واذا وما ومن وفي وعلى وعن ومع
ولكن وكان وكانت وبين وبعد وقبل وكل وليس وذلك وهذا وهذه وتلك وهناك وحتى وكذلك ولدى
هذا هذه ذلك تلك هناك هنا هو هي هم هما هن نحن انا انت من عن على مع حتى منذ قبل خلال عند
""".split())

# Proclitic sequences, longest first. A trailing "ال" in a sequence is the article.
_PROCLITICS = (
    "وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س",
)
_BY_FIRST = {ch: tuple(seq for seq in _PROCLITICS if seq[0] == ch) for ch in {q[0] for q in _PROCLITICS}}
_SUFFIXES = ("هما", "هم", "هن", "ها", "كما", "كم", "كن", "نا", "ه", "ك", "ي")
_PRESENT_PREFIX = frozenset("يتنا")


def _split_proclitic(seq: str) -> tuple[str, ...]:
    """'وبال' -> ('و', 'ب', 'ال'); 'لل' -> ('ل', 'ال')."""
    if seq == "لل":
        return ("ل", "ال")
    out: list[str] = []
    rest = seq
    if rest.endswith("لل"):
        rest = rest[:-2]
        tail = ("ل", "ال")
    elif rest.endswith("ال"):
        rest = rest[:-2]
        tail = ("ال",)
    else:
        tail = ()
    out.extend(rest)
    return (*out, *tail)


class Analyzer:
    """Clitic analysis against a known-word vocabulary (lexicon stems + function words)."""

    def __init__(self, known: Iterable[str] = ()):
        self.known: set[str] = set(known) | FUNCTION_WORDS
        self._cache: dict[str, tuple[tuple[str, ...], str, str]] = {}

    def add(self, words: Iterable[str]) -> None:
        self.known.update(words)
        self._cache.clear()

    def _suffix(self, stem: str) -> tuple[str, str]:
        if stem in self.known or len(stem) < 3:
            return stem, ""
        for suf in _SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 2:
                base = stem[: -len(suf)]
                if base in self.known:
                    return base, suf
                if base.endswith("ت") and base[:-1] + "ه" in self.known:  # حكومته -> حكومه + ه
                    return base[:-1] + "ه", suf
        return stem, ""

    def analyse(self, word: str) -> tuple[tuple[str, ...], str, str]:
        """Return (prefixes, stem, suffix) for a normalised word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        result = self._analyse(word)
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def _analyse(self, word: str) -> tuple[tuple[str, ...], str, str]:
        known = self.known
        if word in known or len(word) < 3 or not ("\u0621" <= word[0] <= "\u064a"):
            return (), word, ""
        for seq in _BY_FIRST.get(word[0], ()):  # same order as _PROCLITICS
            if not word.startswith(seq):
                continue
            rest = word[len(seq):]
            if len(rest) < 2:
                continue
            if seq.endswith("لل") and rest not in known and word[len(seq) - 1:] in known:
                # لـ before a word that starts with ل: للبنان is ل + لبنان, not ل + ال + بنان
                # (and للاجئين ل + لاجئين, the article's lam merged)
                return _split_proclitic(seq[:-1]), word[len(seq) - 1:], ""
            if len(seq) == 2 and seq[0] in "وف" and seq[1] in "بلك" and word[1:] in known:
                # و/ف before a known word that starts with ب/ل/ك: وبحث is و + بحث ("discussed"),
                # not و + ب + حث
                return (seq[0],), word[1:], ""
            if len(seq) > 2 and seq.endswith("ال") and word[len(seq) - 2:] in known:
                # a known word that starts with ال after و/ف/ب: والتقى is و + التقى (a verb),
                # not و + ال + تقي
                return _split_proclitic(seq[:-2]), word[len(seq) - 2:], ""
            if seq.endswith("ال") or seq.endswith("لل"):
                # the article: safe to split when a real stem remains
                # (a definite noun takes no pronoun suffix: الحكومية is not الحكومي+ه)
                if rest not in ("ذي", "تي", "ذين"):
                    return _split_proclitic(seq), rest, ""
                continue
            if seq.endswith("س"):
                if len(seq) > 1 and word[len(seq) - 1:] in known:
                    continue  # وسنويا: و + سنويا, a known word, before و + س + نويا
                if rest[0] in _PRESENT_PREFIX and (rest in known or self._suffix(rest)[1]):
                    stem, suf = self._suffix(rest)
                    return _split_proclitic(seq), stem, suf
                continue
            if rest in known:
                return _split_proclitic(seq), rest, ""
            base, suf = self._suffix(rest)
            if suf:
                return _split_proclitic(seq), base, suf
            # و/ف/ب/ل/ك before an article-bearing word: وبالقدس handled above; والقدس too.
        stem, suf = self._suffix(word)
        return (), stem, suf


_DEFAULT_ANALYZER = Analyzer()


def tokenize(text: str, start: int = 0, end: int | None = None, analyzer: Analyzer | None = None,
             sentence: int = 0) -> list[Token]:
    """Tokens of text[start:end] with original offsets, normalised forms and clitic analysis."""
    analyzer = analyzer or _DEFAULT_ANALYZER
    end = len(text) if end is None else end
    piece = normalize(text[start:end])
    offsets = piece.offsets  # None: nothing was dropped, offsets are the identity
    cache, analyse = analyzer._cache, analyzer.analyse
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(piece.text):
        a, b = m.span()
        if offsets is not None:
            a, b = piece.orig_span(a, b)
            while start + b < end and text[start + b] in DROPPED:  # trailing marks belong to the word
                b += 1
        norm = m.group()
        if norm[0].isalnum() or norm[0] == "_":
            prefixes, stem, suffix = cache.get(norm) or analyse(norm)
            if suffix == "ه" and _ends_in_ta_marbuta(text, start + a, start + b):
                stem, suffix = stem + suffix, ""  # سيدة، سبعة: ة is no pronoun (سيده "his master")
            out.append(Token(start + a, start + b, norm, stem, prefixes, suffix, sentence, False))
        else:
            out.append(Token(start + a, start + b, norm, norm, (), "", sentence, True))
    return out


def _ends_in_ta_marbuta(text: str, a: int, b: int) -> bool:
    """The word text[a:b] is written with ة at its end (normalisation makes it ه, like the
    pronoun suffix): its last letter, past any diacritics."""
    while b > a and text[b - 1] in DROPPED:
        b -= 1
    return b > a and text[b - 1] == "ة"
