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

The work is split in two so that the expensive half runs where the text is made (worker
processes in `hudhud run --workers N`): `fingerprint(text)` (stateless: shingles, MinHash,
exact hash; picklable) and `check_fingerprint(doc_id, fp)` (the decision, against the index,
in the one process that sees the stream in order). `check(doc_id, text)` does both.

Memory is bounded: the index remembers the last `window` distinct (canonical) documents of the
stream, oldest forgotten first (default `DEFAULT_WINDOW`; ``None``/0: no limit). Syndicated
copies turn up close together in a crawl, so a copy whose original is more than `window`
distinct documents back is taken for a new story (stored and coded as canonical). The window
counts canonical documents in stream order, so eviction, like every decision, depends only on
the order of the stream.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import deque
from typing import NamedTuple

from hudhud.arabic.normalize import normalize_simple

_WORD_RE = re.compile(r"[\u0621-\u064A\u0660-\u0669\u06A9\u06CC\u06C1\d]+")

DEFAULT_WINDOW = 20_000     # distinct documents remembered (~2.5 KiB each: ~50 MiB; docs/store.md)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(normalize_simple(text))


def shingles(text: str, k: int = 3) -> set[bytes]:
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + k]).encode("utf-8") for i in range(len(ws) - k + 1)}


def _crc32(b: bytes) -> int:
    return zlib.crc32(b)


class Fingerprint(NamedTuple):
    """What the decision needs from a text: 8 bytes of SHA-1 over its sorted shingles (exact
    match) and its MinHash values (the bytes of datasketch's array, native byte order; None
    for a short text)."""

    exact: int
    minhash: bytes | None


_PERMS: dict[int, tuple] = {}


def _perms(num_perm: int) -> tuple:
    """(permutations, scheme, dtype of the values) of the seed-1 MinHash with `num_perm` values, drawn once."""
    from datasketch import MinHash

    perms = _PERMS.get(num_perm)
    if perms is None:
        first = MinHash(num_perm=num_perm, seed=1, hashfunc=_crc32)
        perms = _PERMS[num_perm] = (first.permutations, first.scheme, first.hashvalues.dtype)
    return perms


def fingerprint(text: str, num_perm: int = 64, shingle: int = 3,
                min_shingles: int = 8) -> Fingerprint:
    """The `Fingerprint` of `text` (stateless; the MinHash permutations are drawn once per
    process, seed 1, so every process gives the same values)."""
    from datasketch import MinHash

    grams = shingles(text, shingle)
    exact = int.from_bytes(hashlib.sha1(b"\n".join(sorted(grams))).digest()[:8], "big")
    if len(grams) < min_shingles:
        return Fingerprint(exact, None)
    perms = _perms(num_perm)
    m = MinHash(num_perm=num_perm, seed=1, hashfunc=_crc32, permutations=perms[0],
                scheme=perms[1])
    m.update_batch(sorted(grams))
    return Fingerprint(exact, m.hashvalues.tobytes())


class Deduplicator:
    """Near-duplicate detector over a stream of documents (first seen = canonical)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64, shingle: int = 3,
                 min_shingles: int = 8, window: int | None = DEFAULT_WINDOW):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_shingles = min_shingles
        self.window = window or None
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.order: dict[str, int] = {}          # canonical doc id -> position in the stream
        self.signatures: dict[str, object] = {}  # canonical doc id -> LeanMinHash
        self.exact: dict[int, str] = {}          # exact fingerprint -> canonical doc id
        self._fifo: deque = deque()              # (doc id, exact) of canonical docs, oldest first
        self._n = 0                              # canonical documents seen so far
        self.evicted = 0                         # canonical documents forgotten (window)

    @property
    def spec(self) -> dict:
        """The keyword arguments of `fingerprint` (what a worker process needs)."""
        return {"num_perm": self.num_perm, "shingle": self.shingle,
                "min_shingles": self.min_shingles}

    def fingerprint(self, text: str) -> Fingerprint:
        return fingerprint(text, **self.spec)

    def check(self, doc_id: str, text: str) -> str | None:
        """The canonical doc id `text` duplicates, or None (then `doc_id` becomes canonical)."""
        if doc_id in self.order:  # the same document again: it is its own canonical copy
            return None
        return self.check_fingerprint(doc_id, self.fingerprint(text))

    def check_fingerprint(self, doc_id: str, fp: Fingerprint) -> str | None:
        """As `check`, from a `Fingerprint` computed anywhere (a worker process)."""
        import numpy as np
        from datasketch import LeanMinHash

        if doc_id in self.order:
            return None
        exact, values = fp
        if exact in self.exact:
            return self.exact[exact]
        if values is not None:
            _, scheme, dtype = _perms(self.num_perm)
            sig = LeanMinHash(seed=1, hashvalues=np.frombuffer(values, dtype=dtype),
                              scheme=scheme)
            candidates = [c for c in self.lsh.query(sig)
                          if sig.jaccard(self.signatures[c]) >= self.threshold]
            if candidates:
                return min(candidates, key=self.order.__getitem__)
            self.lsh.insert(doc_id, sig)
            self.signatures[doc_id] = sig
        self.exact[exact] = doc_id
        self.order[doc_id] = self._n
        self._n += 1
        self._fifo.append((doc_id, exact))
        if self.window is not None:
            while len(self._fifo) > self.window:
                self._forget(*self._fifo.popleft())
        return None

    def _forget(self, doc_id: str, exact: int) -> None:
        if self.signatures.pop(doc_id, None) is not None:
            self.lsh.remove(doc_id)
        if self.exact.get(exact) == doc_id:
            del self.exact[exact]
        self.order.pop(doc_id, None)
        self.evicted += 1

    @property
    def size(self) -> int:
        """Canonical documents remembered now (at most `window`). (No ``__len__``: callers test
        a deduplicator for truth, ``if dedup:``.)"""
        return len(self._fifo)


def jaccard(a: str, b: str, k: int = 3) -> float:
    """Exact Jaccard similarity of two texts' word shingles (for tests and diagnostics)."""
    x, y = shingles(a, k), shingles(b, k)
    return len(x & y) / len(x | y) if x | y else 1.0


__all__ = ["Deduplicator", "Fingerprint", "fingerprint", "shingles", "words", "jaccard",
           "DEFAULT_WINDOW"]
