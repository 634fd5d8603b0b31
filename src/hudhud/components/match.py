"""Phrase matching: find lexicon forms in a sentence's tokens (longest match wins).

Matching is on token stems, so word boundaries hold by construction and proclitics (و ب ل ال…)
on the first word are allowed; inner words must carry the same proclitics as the lexicon form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hudhud.doc import Token
from hudhud.lexicon import Form, Lexicon


@dataclass(slots=True)
class Match:
    i: int          # first token (index into the sentence's token list)
    j: int          # one past the last token
    form: Form
    alts: tuple = ()  # other trigger forms with the same span (another pattern on the same words)
    kind: str = field(init=False)  # the entry's kind (read very often: set once)

    def __post_init__(self) -> None:
        self.kind = self.form.entry.kind


def _inner_ok(tok: Token, prefixes: tuple[str, ...]) -> bool:
    own = tuple(p for p in tok.prefixes if p != "ال")
    return own == prefixes


def _alternatives(form: Form, forms: list[Form]) -> tuple[Form, ...]:
    """Other readings of the same words: another pattern on a trigger; every person who shares
    a surname (the mention finder keeps the one the article names in full)."""
    return tuple(f for f in forms if f is not form and f.stems == form.stems
                 and f.entry is not form.entry
                 and ((f.entry.kind == "trigger" == form.entry.kind)
                      or ("surname" in f.flags and "surname" in form.flags)))


def find_matches(tokens: list[Token], lex: Lexicon) -> list[Match]:
    """All lexicon matches in `tokens`, non-overlapping, longest first, left to right."""
    found: list[Match] = []
    n = len(tokens)
    index, index1, index2 = lex.index, lex.index1, lex.index2
    for i, tok in enumerate(tokens):
        if tok.is_punct:
            continue
        key = tok.stem
        if key not in index and tok.norm != tok.stem:
            key = tok.norm
        forms = index.get(key)
        if not forms:
            continue
        # the forms that can match here: multi-word ones whose second word is the next token's
        # stem (longest first), then the one-word ones; the same order as `forms`
        longer = index2.get((key, tokens[i + 1].stem), ()) if i + 1 < n else ()
        candidates = [*longer, *index1.get(key, ())] if longer else index1.get(key, ())
        definite = "ال" in tok.prefixes
        for form in candidates:  # longest first
            k = len(form.stems)
            if i + k > n or (form.article and not definite):
                continue
            ok = True
            for d in range(1, k):
                t = tokens[i + d]
                if t.is_punct or t.stem != form.stems[d] or not _inner_ok(t, form.prefixes[d - 1]):
                    ok = False
                    break
            if ok:
                alts = ()
                if form.entry.kind == "trigger" or "surname" in form.flags:
                    memo = lex.alts.get(id(form))
                    if memo is None or memo[0] is not form:
                        memo = lex.alts[id(form)] = (form, _alternatives(form, forms))
                    alts = memo[1]
                found.append(Match(i, i + k, form, alts))
                break
    # resolve overlaps: prefer longer, then earlier
    found.sort(key=lambda m: (-(m.j - m.i), m.i))
    taken = [False] * n
    chosen: list[Match] = []
    for m in found:
        if any(taken[m.i:m.j]):
            continue
        for x in range(m.i, m.j):
            taken[x] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.i)
    return chosen
