"""Syndication: the same agency story republished by many sites, detected as near-duplicate text.

    >>> dedup = Deduplicator(threshold=0.8)
    >>> dedup.check("a", text_a)      # None: first of its kind, now the canonical copy
    >>> dedup.check("b", copy_of_a)   # "a": a near-duplicate of a document seen before

Texts are normalised (`arabic.normalize.normalize_simple`: diacritics/tatweel dropped, alef,
yeh and teh marbuta forms unified), split into words (letters and digits only, punctuation
and Latin boilerplate ignored) and shingled into word `shingle`-grams; MinHash signatures
(`datasketch`, fixed seed) go into an LSH index. A document whose estimated Jaccard similarity
with an earlier one reaches `threshold` is its duplicate; among several candidates the
earliest seen wins, so decisions depend only on the order of the stream (a resumed run makes
the same decisions as an uninterrupted one). Texts too short for MinHash (fewer than
`min_shingles` shingles) are matched on their exact normalised words.
"""

from __future__ import annotations

import hashlib
import re
import zlib


from hudhud.arabic.normalize import normalize_simple

_WORD_RE = re.compile(r"[\u0621-\u064A\u0660-\u0669\u06A9\u06CC\u06C1\d]+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(normalize_simple(text))


def shingles(text: str, k: int = 3) -> set[bytes]:
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + k]).encode("utf-8") for i in range(len(ws) - k + 1)}


def _crc32(b: bytes) -> int:
    return zlib.crc32(b)


class Deduplicator:
    """Near-duplicate detector over a stream of documents (first seen = canonical)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64, shingle: int = 3,
                 min_shingles: int = 8):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_shingles = min_shingles
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.order: dict[str, int] = {}          # canonical doc id -> position in the stream
        self.signatures: dict[str, object] = {}
        self.exact: dict[str, str] = {}          # hash of normalised words -> canonical doc id
        self._perms = None                       # permutations, drawn once (seed 1)

    def signature(self, grams: set[bytes]):
        from datasketch import MinHash

        if self._perms is None:
            first = MinHash(num_perm=self.num_perm, seed=1, hashfunc=_crc32)
            self._perms = (first.permutations, first.scheme)
        m = MinHash(num_perm=self.num_perm, seed=1, hashfunc=_crc32,
                    permutations=self._perms[0], scheme=self._perms[1])
        m.update_batch(sorted(grams))
        return m

    def check(self, doc_id: str, text: str) -> str | None:
        """The canonical doc id `text` duplicates, or None (then `doc_id` becomes canonical)."""
        if doc_id in self.order:  # the same document again: it is its own canonical copy
            return None
        grams = shingles(text, self.shingle)
        exact = hashlib.sha1(b"\n".join(sorted(grams))).hexdigest()
        if exact in self.exact:
            return self.exact[exact]
        if len(grams) >= self.min_shingles:
            sig = self.signature(grams)
            candidates = [c for c in self.lsh.query(sig)
                          if sig.jaccard(self.signatures[c]) >= self.threshold]
            if candidates:
                return min(candidates, key=self.order.__getitem__)
            self.lsh.insert(doc_id, sig)
            self.signatures[doc_id] = sig
        self.exact[exact] = doc_id
        self.order[doc_id] = len(self.order)
        return None


def jaccard(a: str, b: str, k: int = 3) -> float:
    """Exact Jaccard similarity of two texts' word shingles (for tests and diagnostics)."""
    x, y = shingles(a, k), shingles(b, k)
    return len(x & y) / len(x | y) if x | y else 1.0


__all__ = ["Deduplicator", "shingles", "words", "jaccard"]
