"""Normalisation for matching, with a map back to the original text.

The normalised view drops diacritics, tatweel and invisible marks, unifies alef forms (أ إ آ ٱ → ا),
alef maqsura (ى → ي), ta marbuta (ة → ه), Persian letters (ی ک), digits (Arabic-Indic → ASCII) and
quotation marks (« » “ ” … → "). Every character of the normalised string maps to one character of
the original, so a match in the normalised view reports original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DROP = (
    "\u0610-\u061a"      # Quranic signs
    "\u064b-\u065f"      # harakat, tanween, shadda, sukun…
    "\u0670"             # superscript (dagger) alef
    "\u06d6-\u06ed"      # Quranic annotation marks
    "\u0640"             # tatweel
    "\u200b-\u200f"      # zero-width chars, LRM/RLM
    "\u061c\u202a-\u202e\u2066-\u2069\ufeff"  # bidi controls, BOM
)
_DROP_RE = re.compile(f"[{_DROP}]")


# `ch in DROPPED`: is this a mark the normalised view drops? (every character of _DROP's ranges)
DROPPED = frozenset(chr(c) for c in range(0x10000) if _DROP_RE.match(chr(c)))

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه",
    "ک": "ك", "ڪ": "ك",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‹": '"', "›": '"',
    "‘": "'", "’": "'",
    "٫": ".", "٬": ",",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)
_TABLE = str.maketrans(_MAP)


@dataclass(slots=True)
class Normalized:
    """A normalised string and, when characters were dropped, the original index of each char."""

    text: str
    offsets: list[int] | None  # None: identity map (nothing dropped)
    original_length: int

    def orig(self, i: int) -> int:
        """Original offset of normalised position `i` (i may equal len(text): end of text)."""
        if self.offsets is None:
            return i
        if i >= len(self.offsets):
            return self.original_length
        return self.offsets[i]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering normalised span [start, end)."""
        if end <= start:
            o = self.orig(start)
            return o, o
        return self.orig(start), self.orig(end - 1) + 1


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching; see the module docstring."""
    if not _DROP_RE.search(text):
        return Normalized(text.translate(_TABLE), None, len(text))
    keep: list[int] = []
    pieces: list[str] = []
    pos = 0
    for m in _DROP_RE.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos:m.start()])
            keep.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(text[pos:])
    keep.extend(range(pos, len(text)))
    return Normalized("".join(pieces).translate(_TABLE), keep, len(text))


def normalize_simple(text: str) -> str:
    """Normalised form only (for lexicon entries and lookups)."""
    return _DROP_RE.sub("", text).translate(_TABLE)


def bare_words(text: str) -> list[str]:
    """The normalised words of a name, without the article (السفارة الأمريكية → سفاره، امريكيه):
    for looking its words up in a word class."""
    return [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in normalize_simple(text).split()]
