"""Event location: the place named in the event's clause, else the article's dateline.

For each event (each of its reports in turn, first report first):

0. **The verb's object.** When the trigger is a verb (or verbal noun) whose direct object is
   where the act happens — قصف، اقتحم، داهم، اجتاح، غزا، احتل، دخل، زار، حاصر، دك، حرر، استعاد،
   اجتاز, and هاجم، استهدف، ضرب — a gazetteer name as its object is the place: "قصفت الطائرات
   إدلب", "اقتحمت القوات جنين", "هاجم مسلحون الموصل" (`object_place`). The subject is never
   taken: the event's source is skipped ("قصفت واشنطن دمشق" → Damascus), and so is a name right
   after the verb that the lexicon reads as an actor when no source precedes the trigger (VSO).
   An object the lexicon reads as an actor (a capital, a country) is a place for the first
   group only: هاجم/استهدف/ضرب are also figurative ("هاجمت واشنطن طهران" = criticised).
1. **Clause places.** In the report's sentence, a gazetteer name (`hudhud.places`) introduced by
   في، قرب، بالقرب من، على مقربة من، داخل، على الحدود مع، على أطراف/مشارف، على (places below
   country level only: "غارة على خان يونس"; "رد على إيران" is an object), or a direction word
   (شمال، جنوب، شرق، غرب، وسط and شمالي…) — or carrying the clitic ب before a place noun
   ("بمدينة جنين") or a small place (camp, neighbourhood, town, crossing: "بمخيم جباليا");
   a bare ب + city or country is usually an object ("اعترف بالقدس") and is not taken. Between the introducer and the name,
   place nouns are skipped (مدينة، محافظة، بلدة، قرية، منطقة، حي، ولاية، العاصمة + nisba…);
   a curated name that starts with such a word ("مخيم جنين", "ريف إدلب", "جنوب لبنان") wins
   over skipping it. The place nearest the trigger is taken.
2. **Dateline.** Else a leading "غزة - ", "بيروت (وكالات) -", "القدس المحتلة – صفا:" in the
   first body line.

Not places: a name inside an organisation's or person's name ("الجهاد الإسلامي في فلسطين"),
and a name that *is* the event's source or target (a metonym: "واشنطن" as the actor). Names
with several places ("طرابلس", "رفح") are resolved by the country context: the countries of the
article's actors, weighted by how often they are mentioned, plus five shares for the country of
each other unambiguous place in the same sentence ("دوما قرب نابلس"); then curation priority,
kind (country > region > governorate > city) and population.

Each event gets place_id, place_name (English), place_country (ISO-3), place_lat/lon,
place_admin1 and the text span place_start/place_end (None when no place is found).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from hudhud.arabic.normalize import normalize
from hudhud.doc import Document, Event
from hudhud.places import Gazetteer, Place, load_gazetteer, name_key, score

_WORD = re.compile(r"[\u0621-\u064a]+")
PLACE_INTRODUCERS = frozenset({"في", "قرب", "داخل", "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي",
                     "جنوبي", "شرقي", "غربي", "بوسط", "بشمال", "بجنوب", "بشرق", "بغرب", "قبالة",
                     "قباله", "ضواحي", "بضواحي", "انحاء", "مدينه"})
_INTRO2 = {("بالقرب", "من"), ("علي", "مقربه", "من"), ("علي", "الحدود", "مع"),
           ("علي", "حدود"), ("علي", "اطراف"), ("علي", "مشارف"), ("في", "محيط"),
           ("علي", "الحدود", "بين"), ("عند", "مدخل"), ("علي", "ابواب")}
DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})
PLACE_NOUNS = frozenset({"مدينه", "محافظه", "بلده", "قريه", "منطقه", "مناطق", "ولايه", "اقليم", "حي",
                   "العاصمه", "مدن", "مخيم", "ريف", "قضاء", "ناحيه", "شمال", "جنوب", "شرق", "غرب",
                   "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "ميناء", "مطار", "معبر", "مخيمات",
                   "بلدات", "قري", "احياء", "مستوطنه", "سجن", "مدينتي", "جامعه", "ساحه"})
# squares and streets carry names of their own, often a city's or a person's (ساحة رياض الصلح،
# شارع بغداد): the name after them is no place of the gazetteer
_NAMED_SITES = frozenset({"ساحه", "شارع", "ميدان", "دوار", "جادة", "جاده"})
_SOME = frozenset({"عده", "بعض", "مختلف", "عشرات"})  # "في عدة مدن أمريكية"
_CLITIC_KINDS = frozenset({"camp", "neighbourhood", "town", "crossing"})
_NOT_PLACE_KINDS = frozenset({"organisation", "person"})
# Verbs whose direct object, when it is a place, is where the event happened ("قصفت الطائرات
# إدلب", "اقتحمت القوات جنين"): (past stem, present stem, verbal nouns). _OBJ_ANY: the object is
# the place even when the lexicon reads it as a state actor (a capital: "زار الرئيس القاهرة");
# _OBJ_BARE (also figurative: "هاجمت واشنطن طهران" = criticised): only a name that is no actor.
_OBJ_ANY = (("قصف", "قصف", ("قصف",)), ("اقتحم", "قتحم", ("اقتحام",)), ("داهم", "داهم", ("مداهمه",)),
            ("اجتاح", "جتاح", ("اجتياح",)), ("غز", "غزو", ("غزو",)), ("احتل", "حتل", ("احتلال",)),
            ("دخل", "دخل", ("دخول",)), ("زار", "زور", ("زياره",)), ("حاصر", "حاصر", ("حصار", "محاصره")),
            ("دك", "دك", ()), ("حرر", "حرر", ("تحرير",)), ("استعاد", "ستعيد", ("استعاده",)),
            ("اجتاز", "جتاز", ()))
_OBJ_BARE = (("هاجم", "هاجم", ("مهاجمه",)), ("استهدف", "ستهدف", ("استهداف",)),
             ("ضرب", "ضرب", ()),
             # (the subject of تعرض is what suffered: "تعرضت بلدة خان شيخون لهجوم")
             ("تعرض", "تعرض", ()))


def _verb_forms(verbs) -> frozenset[str]:
    out: set[str] = set()
    for past, present, nouns in verbs:
        out |= {past + suf for suf in ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")}
        if present:
            out |= {pre + present + suf for pre in ("ي", "ت", "ن", "ا")
                    for suf in ("", "ون", "ان", "ن", "ين", "ا", "وا")}
        out |= {art + n for n in nouns for art in ("", "ال")}
    return frozenset(out)


_OBJ_ANY_FORMS = _verb_forms(_OBJ_ANY)
_OBJ_BARE_FORMS = _verb_forms(_OBJ_BARE)
# Verbs of leaving: the place after من is where the event happened ("انسحبت القوات من مخيم جنين")
_FROM = (("انسحب", "نسحب", ("انسحاب",)), ("اخلي", "خلي", ("اخلاء",)), ("غادر", "غادر", ("مغادره",)),
         ("خرج", "خرج", ("خروج",)), ("فر", "فر", ("فرار",)), ("نزح", "نزح", ("نزوح",)))
_FROM_FORMS = _verb_forms(_FROM)
# Words that end the verb's clause before its object could come (prepositions, relatives,
# complementisers): a name after them is not the direct object.
_OBJ_STOP = frozenset({"في", "علي", "من", "الي", "عن", "مع", "ضد", "بعد", "قبل", "منذ", "خلال",
                       "حيث", "التي", "الذي", "الذين", "بين", "عند", "لدي", "حتي", "ان", "انه",
                       "انها", "بينما", "كما", "او", "ثم", "لكن", "و", "نحو", "باتجاه", "تجاه",
                       "قرب", "داخل", "امام", "خارج", "عبر", "بسبب", "اثر", "لان", "لا", "لم",
                       "لن", "قد", "بان", "بانه", "دون", "الا", "كان", "كانت", "يكون", "تكون",
                       "ليس", "مما", "ما", "اي", "فيما", "عندما", "اذ", "اذا", "لو"})


def _verb_kind(word: str) -> str | None:
    """"any" / "bare" for a trigger word whose object is a place (see _OBJ_ANY), else None."""
    for w in (word, word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else None):
        if w is None:
            continue
        for v in (w, w[1:] if w[:1] == "س" and len(w) > 3 else None):
            if v in _OBJ_ANY_FORMS:
                return "any"
            if v in _OBJ_BARE_FORMS:
                return "bare"
            if v in _FROM_FORMS:
                return "from"
    return None


_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:[/|]\s*[^\-–—:\n]{0,30})?[-–—:]")


def _words(norm: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(norm)]


class _Seg:
    """A normalised stretch of the text, its words, and (when asked) their original spans."""

    __slots__ = ("nz", "norm", "words", "plain", "starts", "_spans")

    def __init__(self, text: str):
        self.nz = normalize(text)
        self.norm = self.nz.text
        self.words = _words(self.norm)
        self.plain = [w for w, _, _ in self.words]
        self.starts = [a for _, a, _ in self.words]
        self._spans: list[tuple[int, int]] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [self.nz.orig_span(a, b) for _, a, b in self.words]
        return self._spans

    def word_at(self, pos: int) -> int | None:
        """The index of the word covering original offset `pos` (relative to the segment)."""
        offsets = self.nz.offsets
        n = pos if offsets is None else bisect_left(offsets, pos)
        i = bisect_right(self.starts, n) - 1
        if i < 0:
            return None
        a, b = self.spans[i] if self._spans is not None else self.nz.orig_span(self.words[i][1], self.words[i][2])
        return i if a <= pos < b else None


def _joined(norm: str, words, i: int, n: int) -> bool:
    """Are words i..i+n-1 separated by spaces only (no punctuation inside a name)?"""
    return all(not norm[words[k][2]:words[k + 1][1]].strip() for k in range(i, i + n - 1))


class Places:
    def __init__(self, lexicon=None, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()
        # "في عدة مدن أمريكية": a place noun with a country's nisba names somewhere in that country
        countries = {p.country: p for p in self.gaz.places if p.kind == "country" and p.country}
        self.nisba_place: dict[str, Place] = {}
        for forms in (lexicon.index.values() if lexicon is not None else ()):
            for f in forms:
                if f.entry.kind == "nisba" and len(f.stems) == 1 and f.entry.country in countries:
                    self.nisba_place.setdefault(f.stems[0], countries[f.entry.country])

    # --- candidates ---------------------------------------------------------------------------
    def _match(self, seg: _Seg, i: int, skip: bool = True):
        """A gazetteer match at word i (skipping place nouns): (i0, n, places) or None."""
        norm, words = seg.norm, seg.words
        steps = 0
        while i < len(words) and steps < 3:
            n, places = self.gaz.match(seg.plain, i)
            if n and _joined(norm, words, i, n):
                return i, n, places
            if not skip:
                return None
            w = words[i][0]
            if w in _NAMED_SITES:
                return None  # "في ساحة رياض الصلح": the square's own name, not Riyadh
            if w in PLACE_NOUNS or (i > 0 and words[i - 1][0] == "العاصمه" and w.endswith("يه")):
                i += 1
                steps += 1
                continue
            return None
        return None

    def _nisba_place(self, seg: _Seg, i: int):
        """"(عدة) مدن أمريكية", "قرية لبنانية": a plural or singular place noun and a country's
        nisba → that country (i0, n, [country])."""
        plain = seg.plain
        if i < len(plain) and plain[i] in _SOME:
            i += 1
        if i + 1 >= len(plain) or plain[i] not in PLACE_NOUNS or plain[i] in DIRECTIONS \
                or not _joined(seg.norm, seg.words, i, 2):
            return None
        place = self.nisba_place.get(plain[i + 1])
        return (i, 2, [place]) if place is not None else None

    def sentence_places(self, doc: Document, start: int, end: int,
                        seg: _Seg | None = None) -> list[tuple]:
        """Every introduced place in text[start:end]: (orig_start, orig_end, places, clitic).

        `clitic` is True when only a ب clitic introduced it (no preposition word, no place
        noun such as مدينة/مخيم)."""
        seg = seg or _Seg(doc.text[start:end])
        nz, norm, words, plain = seg.nz, seg.norm, seg.words, seg.plain
        found: list[tuple] = []
        taken: set[int] = set()

        def add(i0: int, n: int, places: list[Place], clitic: bool = False) -> None:
            if i0 in taken:
                return
            taken.add(i0)
            a, b = nz.orig_span(words[i0][1], words[i0 + n - 1][2])
            found.append((start + a, start + b, places, clitic))

        k = 0
        while k < len(words):
            w = plain[k]
            bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 2 else w
            intro_len = 0
            for n in (3, 2):
                if tuple([bare] + plain[k + 1:k + n]) in _INTRO2 and _joined(norm, words, k, n):
                    intro_len = n
                    break
            if not intro_len and (bare in PLACE_INTRODUCERS or w in PLACE_INTRODUCERS):
                intro_len = 1
            if not intro_len and bare == "علي" and k + 1 < len(words) and _joined(norm, words, k, 2):
                # "غارة على خان يونس": على + a place below country level (على + a country is
                # usually an object: "رد على إيران")
                m = self._match(seg, k + 1)
                if m is not None:
                    places = [p for p in m[2] if p.kind != "country"]
                    if places:
                        add(m[0], m[1], places, True)
                        k = m[0] + m[1]
                        continue
                m = self._nisba_place(seg, k + 1)  # "غارة على قرية لبنانية"
                if m is not None:
                    add(*m, True)
                    k = m[0] + m[1]
                    continue
                k += 1
                continue
            if intro_len:
                if intro_len == 1 and bare in DIRECTIONS:  # "جنوب لبنان" may be one name
                    m = self._match(seg, k, skip=False)
                    if m is not None:
                        add(*m)
                        k = m[0] + m[1]
                        continue
                if k + intro_len < len(words) and _joined(norm, words, k, intro_len + 1):
                    m = self._match(seg, k + intro_len) or self._nisba_place(seg, k + intro_len)
                    if m is not None:
                        add(*m)
                        k = m[0] + m[1]
                        continue
                k += intro_len
                continue
            # clitic ب: "بغزة", "بالموصل", "وبمدينة جنين"
            if bare[:1] == "ب" and len(bare) > 3:
                rest = bare[1:]
                sub = plain[:k] + [rest] + plain[k + 1:]
                n, places = self.gaz.match(sub, k)
                if not n and rest in PLACE_NOUNS and k + 1 < len(words):
                    n, places = self.gaz.match(plain, k + 1)
                    if n:
                        places = [p for p in places if p.kind != "country"]
                        if places and _joined(norm, words, k, n + 1):
                            add(k + 1, n, places)  # a place noun introduced it: no metonym
                            k += n + 1
                            continue
                elif n and _joined(norm, words, k, n):
                    # bare ب + name is often an object ("اعترف بالقدس"): small places only
                    places = [p for p in places if p.kind in _CLITIC_KINDS]
                    if places:
                        # "بمخيم جباليا": a name that starts with a place noun is no metonym
                        add(k, n, places, rest not in PLACE_NOUNS)
                        k += n
                        continue
            k += 1
        return found

    # --- the verb's object --------------------------------------------------------------------
    def object_place(self, doc: Document, ss: int, se: int, ts: int, te: int,
                     source: tuple[int, int] | None, actor_spans: list[tuple[int, int]],
                     blocked: list[tuple[int, int]], seg: _Seg | None = None):
        """The place named as the direct object of the trigger ("قصفت الطائرات إدلب"), or None.

        The trigger must be one of the verbs (or verbal nouns) of _OBJ_ANY/_OBJ_BARE. Scanning
        right from it, within six words and without crossing punctuation, a preposition or a
        new clause, the first gazetteer name that is not the event's source is the object (when
        the source stands before the trigger, only the word right after it: "الغارة استهدفت
        سيارة كان…" has no place object). A
        name right after the verb that the lexicon reads as an actor is the subject when the
        event has no source before the trigger ("قصفت إسرائيل غزة": Israel is skipped). An
        object the lexicon reads as an actor is a place for _OBJ_ANY verbs only.
        """
        seg = seg or _Seg(doc.text[ss:se])
        norm, words = seg.norm, seg.words
        k = seg.word_at(ts - ss)
        if k is None:
            return None
        kind = _verb_kind(words[k][0])
        if kind is None:
            return None
        spans = seg.spans
        if kind == "from":
            return self._left_place(seg, k, ss, blocked)
        svo = source is not None and source[1] <= ts
        j = k + 1
        while j < len(words) and j <= k + 6:
            if norm[words[j - 1][2]:words[j][1]].strip():  # punctuation: the clause ends
                return None
            w = words[j][0]
            bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 2 else w
            if w in _OBJ_STOP or bare in _OBJ_STOP or w[:1] in ("ب", "ل", "ك") and len(w) > 3 \
                    and (w[1:] in self.gaz.by_first or w[1:3] == "ال"):
                return None  # a preposition, or a clitic ب/ل/ك phrase: no direct object here
            m = self._match(seg, j)
            if m is None:
                if svo or (w[:1] == "و" and not w.startswith("وال")):
                    return None  # SVO: the object is the next word; "واقتحمت…": a new clause
                j += 1
                continue
            i0, n, places = m
            a, b = spans[i0][0] + ss, spans[i0 + n - 1][1] + ss
            nxt = i0 + n
            if any(x <= a and b <= y for x, y in blocked):
                j = nxt
                continue
            if source is not None and source[0] <= a < source[1]:
                j = nxt  # the event's own source (a metonym subject: "قصفت واشنطن دمشق")
                continue
            actor = any(x < b and a < y for x, y in actor_spans)
            if actor and j == k + 1 and not svo:
                j = nxt  # VSO: the name right after the verb is its subject
                continue
            if actor and kind == "bare":
                return None
            return a, b, places, False
        return None

    def _left_place(self, seg: _Seg, k: int, ss: int, blocked: list[tuple[int, int]]):
        """The place a verb of leaving names after من, within six words of the verb and without
        crossing punctuation: "انسحبت القوات الإسرائيلية من مخيم جنين"."""
        words, spans = seg.words, seg.spans
        for j in range(k + 1, min(len(words) - 1, k + 7)):
            if seg.norm[words[j - 1][2]:words[j][1]].strip():
                return None
            if words[j][0] != "من":
                continue
            m = self._match(seg, j + 1)
            if m is None:
                return None
            i0, n, places = m
            a, b = spans[i0][0] + ss, spans[i0 + n - 1][1] + ss
            if any(x <= a and b <= y for x, y in blocked):
                return None
            return a, b, places, False
        return None

    # --- dateline -----------------------------------------------------------------------------
    def dateline(self, doc: Document) -> tuple[int, int, list[Place]] | None:
        """A leading place name + optional (agency) + dash/colon in one of the first body lines."""
        if not doc.zones:
            return self._dateline_at(doc, 0, min(len(doc.text), 120))
        for z in [z for z in doc.zones if z.kind == "body"][:3]:
            hit = self._dateline_at(doc, z.start, min(z.end, z.start + 120))
            if hit is not None:
                return hit
        return None

    def _dateline_at(self, doc: Document, start: int, end: int):
        seg = doc.text[start:end]
        line = seg.split("\n", 1)[0]
        lead = len(line) - len(line.lstrip())
        nz = normalize(line)
        words = _words(nz.text)
        if not words or nz.text[:words[0][1]].strip():
            return None
        n, places = self.gaz.match([w for w, _, _ in words], 0)
        if not n or not _joined(nz.text, words, 0, n):
            return None
        a, b = nz.orig_span(words[0][1], words[n - 1][2])
        # optional qualifier ("المحتلة"), then "(agency)" or "/ agency", then a dash or colon
        rest = line[b:]
        q = re.match(r"\s+\S+(?=\s*[-–—(:/])", rest)
        if q and len(q.group().strip()) <= 10:
            rest = rest[q.end():]
        if not _DATELINE_TAIL.match(rest):
            return None
        del lead
        return start + a, start + b, places

    # --- the component ------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        # the countries of the article's actors (bare place names such as "طرابلس", which the
        # lexicon reads as a capital metonym, are what is being disambiguated: not counted)
        names = self.gaz.names
        counts = Counter(m.actor.country for m in doc.mentions
                         if m.actor.country and name_key(m.text) not in names)
        total = sum(counts.values()) or 1
        context = {c: n / total for c, n in counts.items()}
        blocked = self._name_spans(doc)
        actor_spans = [(m.start, m.end) for m in doc.mentions
                       if m.actor.country or m.actor.id]
        cache: dict[tuple[int, int], list] = {}
        segs: dict[tuple[int, int], _Seg] = {}
        dateline = None
        dateline_done = False
        for e in doc.events:
            spans = [(e.start, e.end, e.sentence_start, e.sentence_end)]
            spans += [(r.start, r.end, r.sentence_start, r.sentence_end) for r in e.reports
                      if (r.start, r.end) != (e.start, e.end)]
            roles = [(p.start, p.end) for p in (e.source, e.target)
                     if p is not None and p.start is not None]
            source = ((e.source.start, e.source.end)
                      if e.source is not None and e.source.start is not None else None)
            pick = None
            pick_sentence = None
            for ts, te, ss, se in spans:
                pick_sentence = (ss, se)
                seg = segs.get((ss, se))
                if seg is None:
                    seg = segs[(ss, se)] = _Seg(doc.text[ss:se])
                # the verb's own object ("اقتحمت القوات جنين") is the most direct evidence
                pick = self.object_place(doc, ss, se, ts, te, source, actor_spans, blocked, seg)
                if pick is not None:
                    break
                if (ss, se) not in cache:
                    cache[(ss, se)] = [c for c in self.sentence_places(doc, ss, se, seg)
                                       if not any(a <= c[0] and c[1] <= b for a, b in blocked)]
                # a name that is the event's own actor is a metonym, unless a preposition
                # word or a place noun introduced it ("قتل طفل في قصف شمال قطاع غزة" keeps the
                # Gaza Strip, "داهمت الشرطة منزلا بمخيم جباليا" keeps the camp)
                cands = [c for c in cache[(ss, se)]
                         if not (c[3] and any(a == c[0] and c[1] <= b for a, b in roles))]
                if cands:
                    pick = min(cands, key=lambda c: (ts - c[1]) if c[1] <= ts else
                               (c[0] - te if c[0] >= te else 0))
                    break
            if pick is None:
                if not dateline_done:
                    dateline, dateline_done = self.dateline(doc), True
                pick = dateline
            if pick is None:
                continue
            a, b, places = pick[:3]
            near = self._near(context, cache.get(pick_sentence), a) if len(places) > 1 else context
            best = max(places, key=lambda p: score(p, near))
            _set(e, best, a, b)
            doc.note(f"place: {doc.text[a:b]!r} → {best.name} ({best.country}) for {e.trigger!r}")
        return doc

    @staticmethod
    def _near(context: dict[str, float], cands, a: int) -> dict[str, float]:
        """The article's country context plus, for each other place of the sentence with one
        country only, five shares for that country (12.5 points of `places.score`: more than one
        rank of kind, so "دوما قرب نابلس" is the West Bank village, not the Syrian city; the
        sentence is nearer evidence than the article's actors)."""
        near = {}
        for c in cands or ():
            countries = {p.country for p in c[2]}
            if c[0] != a and len(countries) == 1:
                near[next(iter(countries))] = 5.0
        if not near:
            return context
        return {k: context.get(k, 0.0) + near.get(k, 0.0) for k in set(context) | set(near)}

    @staticmethod
    def _name_spans(doc: Document) -> list[tuple[int, int]]:
        """Spans of organisation/person names (a place inside one is part of the name)."""
        out = []
        for si, ms in enumerate(doc.matches):
            if not ms or si >= len(doc.sentence_tokens):
                continue
            toks = doc.tokens_of(si)
            for m in ms:
                try:
                    kind = m.kind
                except AttributeError:
                    continue
                if kind in _NOT_PLACE_KINDS and m.j > m.i and m.j <= len(toks):
                    out.append((toks[m.i].start, toks[m.j - 1].end))
        return out


def _set(e: Event, p: Place, a: int, b: int) -> None:
    e.place_id, e.place_name, e.place_country = p.id, p.name, p.country
    e.place_lat, e.place_lon, e.place_admin1 = p.lat, p.lon, p.admin1
    e.place_start, e.place_end = a, b
