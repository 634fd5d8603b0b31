"""Mentions and actors: lexicon matches → actor phrases (chains) → resolved actors.

A chain is a run of adjacent actor words that describe one actor: title + nisba + name
("الرئيس الإيراني حسن روحاني"), group + organisation ("قادة سرايا القدس"), title + genitive
organisation ("رئيس المكتب السياسي لحركة حماس"), and comma appositions ("سرايا القدس، الجناح
المسلح لحركة الجهاد"). Each chain resolves to one `Actor`, in this order: a named person (with
the role in force on the article date), the holder of a title's office (by date), a named
organisation, an anaphor ("بلاده", "الحركة", "قياداتها"), a state with the title's agent code,
a bare title or group.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from hudhud.components.match import Match, find_matches
from hudhud.components.places import PLACE_INTRODUCERS, PLACE_NOUNS
from hudhud.doc import Actor, Document, Mention, Token
from hudhud.lexicon import Entry, Lexicon

ACTORISH = frozenset({"person", "organisation", "country", "nisba", "title", "group", "act",
                      "anaphor", "anaphor_org"})
NAMED = frozenset({"person", "organisation", "country"})
DESCRIPTOR = frozenset({"title", "group"})
_POSSESSIVE = frozenset({"ه", "ها", "هم", "هما"})
_QUOTES = frozenset({'"', "'"})


@dataclass
class Chain:
    parts: list[Match] = field(default_factory=list)
    i: int = 0
    j: int = 0
    name_words: int = 0   # words of an unknown personal name appended after a title
    former: bool = False  # "الرئيس الأمريكي الأسبق": a former office holder (ELI), not the current one
    after_verb: bool = False  # right after a one-word verb (خطفوا أميركياً: the nisba is a person)

    def kinds(self) -> list[str]:
        return [m.kind for m in self.parts]

    def has(self, kind: str) -> bool:
        return any(m.kind == kind for m in self.parts)

    def first(self, kind: str) -> Entry | None:
        for m in self.parts:
            if m.kind == kind:
                return m.form.entry
        return None


def _definite(tok: Token) -> bool:
    return "ال" in tok.prefixes or tok.stem.startswith("ال")


def _joins(prev: Match, nxt: Match, tokens: list[Token], glue: str) -> bool:
    """May `nxt` continue the chain whose last part is `prev`? (glue: '' adjacent, 'في')."""
    pk, nk = prev.kind, nxt.kind
    head = tokens[nxt.i]
    genitive_l = "ل" in head.prefixes and not head.prefixes[:1] == ("و",)
    construct = pk in ("title", "group", "act", "anaphor_org") and not _definite(tokens[prev.j - 1]) \
        and not tokens[prev.j - 1].suffix and not tokens[prev.j - 1].stem.endswith(("ون", "ين"))
    # (a sound plural in construct drops its ن: "مسلحو الحركة"; "مسلحون موظفاً" is two actors)
    if "و" in head.prefixes[:1] or "ب" in head.prefixes or "ك" in head.prefixes:
        return False  # a conjunction or a preposition starts a new actor (مصر والأردن، بوزير)
    if glue == "من":
        # "مسلحون من تنظيم داعش", "عناصر من الشرطة": some members of a body act as the body
        return pk == "group" and prev.form.entry.agent in (None, "UAF", "CVL") and (
            nk == "organisation" or (nk == "group" and nxt.form.entry.agent is not None and _definite(head)))
    if glue == "في":
        # "قادة في الحرس الثوري", "قيادات في المعارضة السورية": members of a body
        return (nk == "organisation" and pk in ("organisation", "title", "group")) or (
            nk == "group" and pk in ("title", "group") and prev.form.entry.agent is None
            and nxt.form.entry.agent is not None and _definite(head))
    if nk == "title" and nxt.form.entry.office == COUNTERPART:
        return False  # "الوزير المصري نظيرَه الأردني": two people
    if nk == "nisba":
        return pk in ("title", "group", "act", "organisation", "nisba", "anaphor_org") \
            and not _case_clash(tokens[prev.j - 1], head)
    if nk == "person":
        return pk in ("title", "nisba")
    if nk == "title":
        if pk == "person":  # "هنية رئيسُ المكتب" (apposition) but not "عبدالله الثاني الرئيسَ المصري"
            return not _definite(head)
        return pk in ("nisba", "organisation", "title")
    if nk in ("organisation", "country"):
        # (a state after a state is another actor: "أرسلت السعودية للبنان مساعدات"; so is one
        # after a named body: "صرف صندوق النقد الدولي لمصر شريحة")
        return construct or (genitive_l and pk not in ("country", "person")
                             and not (nk == "country" and pk in ("organisation", "nisba")))
    if nk == "group":
        if construct and nxt.form.entry.id == "group.victims" and pk == "group" \
                and prev.form.entry.agent in ("MIL", "COP", "UAF", "REB", "SPY"):
            return False  # "اغتصب ثلاثة جنود فتاة": the armed and their victims are two actors
        return construct or genitive_l or (pk == "title" and genitive_l)
    if nk == "anaphor":
        return pk in ("act", "title", "group") and construct
    if nk == "anaphor_org":
        return construct or genitive_l
    return False


def _as_nisba(m: Match, tokens: list[Token], lex: Lexicon, prev: Match | None = None) -> Match | None:
    """'القوات السورية': a country name written without the article ('سورية') read on a definite
    word is the feminine nisba of the same spelling; so is a definite name ('السعودية') right after
    a definite title or group noun ('السلطات السعودية', 'القوات السعودية')."""
    if m.kind != "country" or not tokens[m.i].has_article:
        return m
    # (a masculine title does not take the feminine: "زار الرئيس السعودية" is a visit to the country)
    agrees = prev is not None and (prev.kind == "group" or tokens[prev.j - 1].stem.endswith("ه"))
    if m.form.article and not (agrees and prev.j == m.i and tokens[prev.j - 1].has_article
                               and m.j - m.i == 1):
        return m
    for form in lex.index.get(m.form.stems[0], ()):
        if form.stems == m.form.stems and form.entry.kind == "nisba":
            return Match(m.i, m.j, form)
    if not m.form.article:
        return None  # a name written without the article is not the country when definite: البنين (sons)
    return m


def _coordinated_nisba(cur: Chain, m: Match, tokens: list[Token], lex: Lexicon) -> Match | None:
    """The nisba after و that shares the head of the chain before it (group/title + nisba)."""
    if cur.j != m.i or m.j - m.i != 1 or tokens[m.i].prefixes[:1] != ("و",) \
            or cur.parts[0].kind not in ("group", "title") or cur.parts[-1].kind != "nisba" or len(cur.parts) != 2:
        return None
    head = tokens[cur.parts[0].j - 1]
    if cur.parts[0].kind == "title" and not head.stem.endswith("ه") and tokens[m.i].stem.endswith("ه"):
        return None  # "الرئيس الفرنسي والسعودية": a masculine title does not take a feminine nisba
    return _nisba_reading(m, tokens, lex)


def _nisba_reading(m: Match, tokens: list[Token], lex: Lexicon) -> Match | None:
    """A nisba, or a definite country name read as its nisba ('القوات البرية والبحرية السعودية')."""
    if m.kind == "nisba":
        return m
    if m.kind == "country" and tokens[m.i].has_article and m.j - m.i == 1:
        return next((Match(m.i, m.j, f) for f in lex.index.get(m.form.stems[0], ())
                     if f.stems == m.form.stems and f.entry.kind == "nisba"), None)
    return None


def _act_genitive(act: Match, genitive: Token, nisba: Token, covered: set[int], k: int) -> bool:
    """'خطة السلام الأمريكية', 'مبادرة السلام العربية', 'مقترح الهدنة المصري': an act noun, one
    definite genitive noun that is no actor, then a nisba that agrees with the act noun (a
    feminine nisba after a masculine genitive can only be the act's)."""
    if act.kind != "act" or k in covered or genitive.is_punct or not _definite(genitive):
        return False
    fem = lambda w: w.endswith(("ة", "ه"))  # noqa: E731 (normalised ta marbuta may be ه)
    return fem(nisba.stem) == fem(act.form.stems[-1] if act.form.stems else "") \
        and not (fem(nisba.stem) and fem(genitive.stem))


def _case_clash(noun: Token, adj: Token) -> bool:
    """An adjective agrees with its noun in case: 'مسلحون أميركياً' is a subject and an object."""
    n, a = noun.stem, adj.stem
    if a.endswith("يا") and n.endswith(("ون", "ين")):
        return True
    return (n.endswith("ون") and a.endswith("يين")) or (n.endswith("ين") and a.endswith("يون"))


def build_chains(tokens: list[Token], matches: list[Match], lex: Lexicon) -> list[Chain]:
    chains: list[Chain] = []
    actorish = []
    for m in matches:
        if m.kind in ACTORISH:
            read = _as_nisba(m, tokens, lex, actorish[-1] if actorish else None)
            if read is not None:
                actorish.append(read)
    covered = {x for m in matches for x in range(m.i, m.j)}
    for m in actorish:
        cur = chains[-1] if chains else None
        if cur is not None:
            gap = [g for g in tokens[cur.j:m.i] if not (g.is_punct and g.norm in _QUOTES)]
            if not gap and _joins(cur.parts[-1], m, tokens, "") \
                    and not (m.kind == "title" and cur.parts[0].kind == "group" and cur.has("nisba")):
                # ("اعتقل الجيش السوداني رئيسَ الوزراء": a body with its nisba takes no personal title)
                cur.parts.append(m)
                cur.j = m.j
                continue
            if gap and all(_former(g) or _designate(g) for g in gap) and cur.has("title") \
                    and m.kind in ("nisba", "person") and _joins(cur.parts[-1], m, tokens, ""):
                # "الرئيس الأمريكي الأسبق جيمي كارتر", "وزير الخارجية السابق عمرو موسى"; a holder
                # designate or acting holds the office: "رئيس الوزراء المكلف عمر الرزاز"
                cur.parts.append(m)
                cur.j, cur.former = m.j, cur.former or any(_former(g) for g in gap)
                continue
            if len(gap) == 1 and m.kind == "nisba" and m.i == cur.j + 1 \
                    and (_portfolio(cur.parts[-1], cur.j, tokens, covered)
                         or _adjective(cur.parts[-1], cur.j, tokens, covered, lex.words("actor_adjectives"))) \
                    or (gap and m.i == cur.j + len(gap) and _nisba_reading(m, tokens, lex) is not None
                        and _coordinated_adjectives(cur.parts[-1], cur.j, m.i, tokens, covered,
                                                    lex.words("actor_adjectives"))):
                # "وزير الزراعة المصري", "وكيل وزارة النفط العراقية", "القوات الحكومية السورية":
                # the nisba is the title's
                cur.parts.append(_nisba_reading(m, tokens, lex) or m)
                cur.j = m.j
                continue
            if len(gap) == 1 and m.kind == "nisba" and m.i == cur.j + 1 \
                    and _portfolio_adjective(cur.parts[0], cur.j, tokens, covered):
                # a portfolio with its adjective: "وزير الأمن القومي الإسرائيلي", "قائد القوات
                # البرية الإيراني"
                cur.parts.append(m)
                cur.j = m.j
                continue
            if len(gap) == 1 and m.kind == "nisba" and m.i == cur.j + 1 \
                    and _act_genitive(cur.parts[-1], gap[0], tokens[m.i], covered, cur.j):
                # "خطة السلام الأمريكية": the nisba after the act noun's genitive is the act's
                cur.parts.append(m)
                cur.j = m.j
                continue
            if len(gap) == 1 and gap[0].norm in ("في", "من") and _joins(cur.parts[-1], m, tokens, gap[0].norm):
                cur.parts.append(m)
                cur.j = m.j
                continue
            if len(gap) == 1 and gap[0].norm in ("،", ",") and _apposition(cur, m):
                cur.parts.append(m)
                cur.j = m.j
                continue
            shared = _coordinated_nisba(cur, m, tokens, lex)
            if shared is not None:
                # "القوات المصرية والسعودية", "جهازا المخابرات العراقي والسوري": the head noun is
                # shared, so the second nisba is a second actor of the same kind
                chains.append(Chain([cur.parts[0], shared], m.i, m.j))
                continue
        chains.append(Chain([m], m.i, m.j))
    # a comma apposition may run on: "سرايا القدس، الجناح المسلح لحركة الجهاد" — the descriptor
    # part is absorbed above; its genitive organisation joins through _joins.
    chains = [piece for c in chains for piece in _split_people(c)]
    verbs_end = {m.j for m in matches if m.kind == "trigger" and _finite_verb(tokens, m)}
    for c in chains:
        # "الرئيس الأمريكي الأسبق" with nothing after it: still a former holder (the adjective
        # stays outside the span; a name after it joins in _unknown_name)
        c.former = c.former or (c.has("title") and c.j < len(tokens) and _former(tokens[c.j]))
        c.after_verb = c.i in verbs_end
    # A count belongs to the group it counts: "16 شخصاً", "آلاف المتظاهرين", "عشرة جنود",
    # and to the body it counts members of: "ثلاثة من رجال الشرطة", "عشرات من عناصر الحركة".
    for n, c in enumerate(chains):
        free = n == 0 or chains[n - 1].j <= c.i - 2
        if c.parts[0].kind in ("group", "organisation", "title", "nisba") and c.i > 1 and free \
                and tokens[c.i - 1].stem == "من" and not tokens[c.i - 1].prefixes \
                and _numeral(tokens[c.i - 2]) \
                and tokens[c.i - 2].stem not in ("نحو", "حوالي", "زهاء", "قرابه"):
            c.i -= 2
        if c.parts[0].kind == "group" or (len(c.parts) == 1 and c.parts[0].kind == "nisba"
                                          and _plural_nisba(tokens[c.i])):
            # (and a plural nisba standing for people: "ثمانية مصريين")
            while c.i > 0 and _numeral(tokens[c.i - 1]) and (n == 0 or chains[n - 1].j < c.i):
                c.i -= 1
            # "أكثر من خمسة آلاف متظاهر": "more than" is part of the count, not a preposition
            if c.i > 1 and tokens[c.i - 1].stem == "من" and tokens[c.i - 2].stem in ("اكثر", "اقل", "ازيد") \
                    and (n == 0 or chains[n - 1].j < c.i - 2):
                c.i -= 2
    return chains


NUMERALS = frozenset("""واحد اثنان اثنين ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره عشر احد اثنا اثني
عشرات مئات الاف الوف ملايين مئه الف مليون عشرين ثلاثين اربعين خمسين ستين سبعين ثمانين تسعين
عشرون ثلاثون اربعون خمسون ستون سبعون ثمانون تسعون مئتان مائتان الفان
نحو حوالي زهاء قرابه مائه مئتي مائتي مئتا مائتا الفي الفا مليوني مليونا الالاف الالوف عدد عددا""".split())
# "السابق"/"الأسبق"/"الراحل" after a title: a former holder of the office (CAMEO ELI)
_FORMER = frozenset("""السابق السابقه الاسبق الاسبقه السابقين السابقون سابق سابقه الراحل الراحله""".split())
COUNTERPART = "counterpart"  # agents.yaml office of "نظيره": the antecedent's office, another country


def _finite_verb(tokens: list[Token], m: Match) -> bool:
    """A one-word verb form read as a verb: no ب/ل/ك/ال on it, no preposition before it, and
    not an accusative that could be a verbal noun (قصفاً)."""
    tok = tokens[m.i]
    if m.form.pos != "verb" or m.j - m.i != 1 or any(p in ("ب", "ل", "ك", "ال") for p in tok.prefixes):
        return False
    if m.i > 0 and tokens[m.i - 1].stem in ("في", "من", "الي", "علي", "عن", "بعد", "قبل", "اثر", "جراء"):
        return False
    return not tok.norm.endswith("ا") or tok.norm.endswith("وا")


def _adjective(prev: Match, k: int, tokens: list[Token], covered: set[int], adjectives) -> bool:
    """'القوات الحكومية السورية', 'شركة أمنية أمريكية': a relative adjective (grammar.yaml
    actor_adjectives) between an actor noun and its nisba, all three equally (in)definite."""
    if prev.kind not in DESCRIPTOR or not prev.form.entry.agent or k in covered:
        return False
    head, word, nisba = tokens[prev.j - 1], tokens[k], tokens[k + 1]
    if word.is_punct or word.suffix or head.suffix or set(word.prefixes) - {"ال"}:
        return False
    if not (_definite(head) == _definite(word) == _definite(nisba)):
        return False
    stem = word.stem[2:] if word.stem.startswith("ال") else word.stem
    return any(stem == a + end for a in adjectives for end in ("", "ه", "ون", "ين", "ان", "ا"))


def _coordinated_adjectives(prev: Match, k: int, end: int, tokens: list[Token], covered: set[int],
                            adjectives) -> bool:
    """'القوات البحرية والجوية المصرية', 'القوات الجوية والبرية المصرية': a body and its branch
    joined by و to another branch (each a grammar.yaml actor_adjectives word), then the nisba
    that qualifies them all."""
    if prev.kind not in DESCRIPTOR or not prev.form.entry.agent or end - k > 3:
        return False
    head = tokens[prev.j - 1]
    for n in range(k, end):
        word = tokens[n]
        if n in covered or word.is_punct or word.suffix or word.prefixes[:1] != ("و",) \
                or _definite(word) != _definite(head):
            return False
        stem = word.stem[2:] if word.stem.startswith("ال") else word.stem
        if not any(stem == a + e for a in adjectives for e in ("", "ه", "ون", "ين", "ان", "ا")):
            return False
    return _definite(tokens[end]) == _definite(head)


_DESIGNATE = frozenset("""المكلف المكلفه المنتخب المنتخبه بالوكاله بالانابه الجديد الجديده""".split())


def _designate(tok: Token) -> bool:
    return not tok.is_punct and tok.norm in _DESIGNATE and not tok.suffix


def _former(tok: Token) -> bool:
    return not tok.is_punct and (tok.norm in _FORMER or tok.stem in _FORMER) and not tok.suffix


def _portfolio(prev: Match, k: int, tokens: list[Token], covered: set[int]) -> bool:
    """May one definite word sit between a construct title/institution and its nisba?
    'وزير الزراعة المصري', 'وزارة الصحة الفلسطينية', 'قائد الشرطة العراقي' — the word is the
    portfolio (a word no lexicon entry covers), the nisba qualifies the whole phrase."""
    if prev.kind not in DESCRIPTOR or not prev.form.entry.agent:
        return False
    head = tokens[prev.j - 1]
    if _definite(head) or head.suffix:
        return False  # not a construct state: "الوزير الزراعي…"
    word = tokens[k]
    return (k not in covered and not word.is_punct and word.prefixes == ("ال",)
            and not word.suffix and not _former(word) and not word.norm[:1].isdigit())


def _portfolio_adjective(prev: Match, k: int, tokens: list[Token], covered: set[int]) -> bool:
    """A chain that opens with a title in construct with its portfolio (وزير الأمن، قائد القوات:
    `prev` is the title, the chain ends before k) and one definite adjective of the portfolio at
    k before the nisba: "وزير الأمن القومي الإسرائيلي"."""
    if prev.kind != "title" or k - prev.i < 2 or not prev.form.entry.agent:
        return False
    head, last = tokens[prev.i], tokens[k - 1]
    if _definite(head) or head.suffix or not _definite(last):
        return False
    word = tokens[k]
    return (k not in covered and not word.is_punct and word.prefixes == ("ال",)
            and not word.suffix and not _former(word) and not word.norm[:1].isdigit())


def _numeral(tok: Token) -> bool:
    stem = tok.stem[1:] if tok.stem[:1] == "و" and tok.stem[1:] in NUMERALS else tok.stem  # تسعة وثلاثين
    return tok.norm[:1].isdigit() or stem in NUMERALS or tok.norm in NUMERALS  # (خمسه: ه is no suffix)


def name_part(text: str, lex: Lexicon) -> str:
    """The words of an unresolved mention that no lexicon entry covers: its personal name."""
    from hudhud.arabic.tokens import tokenize

    toks = [t for t in tokenize(text, analyzer=lex.analyzer) if not t.is_punct]
    covered = max((m.j for m in find_matches(toks, lex)), default=0)
    return " ".join(text[t.start:t.end] for t in toks[covered:]) or text


def _unknown_name(chain: Chain, tokens: list[Token], limit: int, known: set[str]) -> None:
    """Append 1–3 words of an unknown personal name right after a title (not after a name)."""
    if chain.has("person") or not chain.has("title") or chain.parts[-1].kind not in ("title", "nisba",
                                                                                      "organisation"):
        return
    if tokens[chain.j - 1].stem.endswith(("ين", "ون")):
        return  # a plural ("ثلاثة انتحاريين") names many people, no one person
    if chain.parts[0].i < chain.i:
        return  # a second nisba sharing a dual head ("وزيرا الخارجية المصري والأردني سبل…")
    start = chain.j
    while start < limit and _former(tokens[start]):
        start += 1  # "الرئيس المصري الأسبق محمد حسني مبارك"
    if start < limit and tokens[start].stem in PLACE_NOUNS:
        return  # "مطار أتاتورك", "مدينة الصدر": a place named after someone, not a person
    k = start
    while k < min(limit, start + 3):
        tok = tokens[k]
        first = k == start
        if tok.is_punct or tok.suffix or tok.stem in known or tok.norm in known or len(tok.stem) < 3 \
                or tok.norm[:1].isdigit() or (first and tok.prefixes) or (not first and set(tok.prefixes) - {"ال"}) \
                or (first and _bi_masdar(tok.norm)):
            break
        k += 1
    if k - start >= 2 or (k - start == 1 and k < len(tokens) and tokens[k].is_punct):
        chain.name_words = k - start
        chain.j = k


def _bi_masdar(word: str) -> bool:
    """ب + a verbal noun of the patterns تفعيل or إفعال ("بتدمير", "بإغلاق"): what a title's
    holder threatens or calls for ("هدد الرئيس الأمريكي بتدمير الاقتصاد"), never a name."""
    return len(word) == 6 and word[0] == "ب" and ((word[1] == "ت" and word[4] == "ي")
                                                  or (word[1] == "ا" and word[4] == "ا"))


def _split_titles(c: Chain) -> list[Chain]:
    """'التقى العاهل الأردني الرئيسَ المصري': a second title with a nisba of another country is a
    second person (the same person's two titles share one country: 'وزير الدفاع الإسرائيلي رئيس
    حزب العمل')."""
    seen_country = None
    for n, m in enumerate(c.parts):
        if m.kind == "nisba":
            country = m.form.entry.country
            if seen_country is None:
                seen_country = country
            elif country != seen_country and n >= 2 and c.parts[n - 1].kind == "title" \
                    and any(p.kind == "title" for p in c.parts[:n - 1]):
                head, tail = c.parts[:n - 1], c.parts[n - 1:]
                return [Chain(head, head[0].i, head[-1].j), *_split_titles(Chain(tail, tail[0].i, tail[-1].j))]
    return [c]


def _split_people(c: Chain) -> list[Chain]:
    """One actor per chain: 'أردوغان رئيسَ الوزراء الإسرائيلي نتنياهو' is two people."""
    persons = [n for n, m in enumerate(c.parts) if m.kind == "person"]
    if len(persons) == 1:
        # "التقى إسماعيل هنية وزيرَ الخارجية التركي": a title after a name, with the nisba of a
        # country the person never served, is another person (the object)
        p = persons[0]
        e = c.parts[p].form.entry
        theirs = {r.country for r in e.roles if r.country} | ({e.country} if e.country else set())
        for n in range(p + 2, len(c.parts)):
            m = c.parts[n]
            if m.kind == "nisba" and theirs and m.form.entry.country not in theirs \
                    and c.parts[p + 1].kind == "title" and all(x.kind in ("title", "nisba") for x in c.parts[p + 1:n]):
                head, tail = c.parts[:p + 1], c.parts[p + 1:]
                return [Chain(head, head[0].i, head[-1].j), *_split_titles(Chain(tail, tail[0].i, tail[-1].j))]
    if len(persons) < 2:
        return _split_titles(c)
    cut = persons[1]
    while cut - 1 > persons[0] and c.parts[cut - 1].kind in ("title", "nisba"):
        cut -= 1
    head, tail = c.parts[:cut], c.parts[cut:]
    return [Chain(head, head[0].i, head[-1].j), *_split_people(Chain(tail, tail[0].i, tail[-1].j))]


def _apposition(cur: Chain, nxt: Match) -> bool:
    """'X، الجناح المسلح…' (named + descriptor) or 'قائد …، قاسم سليماني' (title + bare name)."""
    named = any(k in NAMED for k in cur.kinds())
    if named and nxt.kind in DESCRIPTOR and not (nxt.kind == "title" and not cur.has("person")):
        # (a person's title after a body is another actor: "في قصر الاتحادية، رئيس الوزراء
        # الإثيوبي")
        return True
    return not cur.has("person") and cur.has("title") and nxt.kind == "person"


def _surname_reading(m: Match, named_in_full: set[str]) -> Match | None:
    """A bare surname is the person the article names in full (several people may share it)."""
    if "surname" not in m.form.flags:
        return m
    for form in (m.form, *m.alts):
        if form.entry.id in named_in_full:
            return m if form is m.form else Match(m.i, m.j, form)
    return None


class MentionFinder:
    """Component: lexicon matches per sentence, chains, and actor resolution with coreference."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        # (grammar classes: what a nisba may name the owner of; attack nouns that take انتحاري)
        self._owned_words = lexicon.words("attack_objects") | lexicon.words("owned_objects")
        self._owned_places = lexicon.words("owned_places")
        self._attack_nouns = lexicon.words("attack_nouns")
        self._relative = lexicon.words("guard_relative")
        self._member_titles = lexicon.words("member_titles")
        self._kingdoms = frozenset(e.country for e in lexicon.entries.values()
                                   if e.kind == "country" and e.data.get("kingdom"))

    def __call__(self, doc: Document) -> Document:
        lex = self.lex
        per_sentence = [find_matches(doc.tokens_of(i), lex) for i in range(len(doc.sentences))]
        # surname-only forms count only when the article also names the person in full
        named_in_full = {m.form.entry.id for ms in per_sentence for m in ms
                         if m.kind == "person" and "surname" not in m.form.flags}
        for i, ms in enumerate(per_sentence):
            toks = doc.tokens_of(i)
            starts = {m.i for m in ms if m.kind in ACTORISH}
            per_sentence[i] = [m for m in (_surname_reading(m, named_in_full) for m in ms) if m is not None
                               and not (((m.kind == "anaphor" and m.form.entry.id != "anaphor.kingdom")
                                         or (toks[m.i].suffix == "ه" and m.j - m.i == 1))
                                        and _taa_marbuta(doc.text, toks[m.j - 1]))
                               and not _adjective_in_i(m, toks, starts)
                               and not self._relative_verb(m, toks, doc.text)
                               and not self._attack_adjective(m, toks)]
        doc.matches = per_sentence
        state = _State()
        state.kingdoms = self._kingdoms
        for i, ms in enumerate(per_sentence):
            tokens = doc.tokens_of(i)
            base = doc.sentence_tokens[i][0]
            state.sentence_country = None
            chains = build_chains(tokens, ms, lex)
            for n, chain in enumerate(chains):
                _unknown_name(chain, tokens, chains[n + 1].i if n + 1 < len(chains) else len(tokens),
                              lex.common)
                mention = self._resolve(doc, chain, tokens, state)
                if mention is None:
                    continue
                mention.sentence = i
                mention.token_start, mention.token_end = base + chain.i, base + chain.j
                mention.prep = _prep(tokens, chain.i)
                _belongs_to(doc, mention, tokens, chain.i)
                _named_after_title(doc, mention)
                self._member_named(doc, mention, tokens, chain.i)
                doc.mentions.append(mention)
                state.update(mention, chain)
                if mention.actor.country and (mention.actor.kind in ("person", "state")
                                              or mention.actor.agent in ("GOV", "MIL")):
                    state.sentence_country = mention.actor.country
                entry = lex.entries.get(mention.actor.id or "")
                if entry is not None and mention.actor.kind == "person":
                    for r in entry.roles:  # every office held that day ("ولي العهد" and "رئيس الوزراء")
                        if r.office and r.active(doc.date):
                            state.offices[r.office] = mention.actor
        return doc

    # --- resolution -----------------------------------------------------------------------
    def _resolve(self, doc: Document, chain: Chain, tokens: list[Token], state: "_State") -> Mention | None:
        lex, when = self.lex, doc.date
        start, end = tokens[chain.i].start, tokens[chain.j - 1].end
        text = doc.text[start:end]
        parts = [m.form.entry.id for m in chain.parts]
        titles = [m.form.entry for m in chain.parts if m.kind == "title"]
        agent_words = [m.form.entry for m in chain.parts if m.kind in DESCRIPTOR and m.form.entry.agent]
        agent = agent_words[0].agent if agent_words else None
        country_e = chain.first("country") or chain.first("nisba")
        country = country_e.country if country_e else None
        if agent is None and country_e is not None and country_e.kind == "nisba" \
                and any(m.form.entry.id == "group.leaders" for m in chain.parts):
            agent = "GOV"  # "مسؤولون أمريكيون", "قادة إسرائيليون": a state's officials govern
        for m in chain.parts:  # titles and group nouns that carry a country (الاحتلال → ISR)
            if country is None and m.kind in DESCRIPTOR and m.form.entry.country:
                country = m.form.entry.country

        def mention(actor: Actor, rule: str, target_only: bool = False) -> Mention:
            return Mention(start, end, text, actor, parts=parts, rule=rule, target_only=target_only)

        if chain.former:
            agent = "ELI"  # "الرئيس الأمريكي الأسبق": whoever it is, not the office holder now
        counterpart = next((t for t in titles if t.office == COUNTERPART), None)
        if counterpart is not None:
            return self._counterpart(country, state, when, mention)
        person = chain.first("person")
        if person is not None:
            actor = self._person(person, when, country, agent)
            if chain.former:
                actor = Actor(id=actor.id, canonical=actor.canonical, kind="person", country=actor.country,
                              agent="ELI", org=actor.org)
            return mention(actor, "name")
        if chain.name_words:
            # "وزير الخارجية الأردني أيمن الصفدي" with no entry for the name: an unresolved person
            # coded from the title and nisba; `hudhud actors unknown` lists these for analysts
            org_e = chain.first("organisation")
            return mention(Actor(kind="person", country=country or (org_e.country if org_e else None),
                                 agent=agent or (org_e.agent if org_e else None)), "name:unresolved")
        org = chain.first("organisation")
        anaphor_org = chain.first("anaphor_org")
        if org is None and anaphor_org is not None:
            org = state.last_org
            if org is None:
                return None
        office_titles = [t for t in titles if t.office]
        if office_titles and chain.kinds()[0] == "title" and not chain.former:
            for scope in ([org.id, org.parent] if org else []) + ([country] if country else []):
                if not scope:
                    continue
                for t in office_titles:
                    holder = lex.holder(t.office, scope, when) or (
                        lex.holder("head", scope, when) if org is not None else None)
                    if holder is not None:
                        return mention(self._person(holder, when, None, None), f"title:{t.office}")
            if org is None and country is None:
                # a bare "ولي العهد": the holder of that office already named in this article
                for t in office_titles:
                    if t.office in state.offices:
                        return mention(state.offices[t.office], f"coref:{t.office}")
                # "اجتمع رئيس الوزراء الإسرائيلي بوزير الدفاع": a bare title after a government actor
                # of the same sentence is that country's (foreign officials carry their nisba)
                if state.sentence_country:
                    country = state.sentence_country
                    for t in office_titles:
                        holder = lex.holder(t.office, country, when)
                        if holder is not None:
                            return mention(self._person(holder, when, None, None), f"title:{t.office}+sentence")
        if org is not None:
            return mention(self._org(org, when), "anaphor:org" if anaphor_org and not chain.first("organisation")
                           else "organisation")
        if any(m.form.entry.id == "anaphor.kingdom" for m in chain.parts):
            # "متهماً المملكة بـ…" after "قطع العلاقات مع المغرب": the kingdom last named (not a
            # place, "شمال المملكة", nor after a clitic preposition, "الأمن القومي للمملكة")
            first = tokens[chain.i]
            if state.last_kingdom is None or set(first.prefixes) - {"ال", "و"} or (
                    chain.i > 0 and (tokens[chain.i - 1].norm in PLACE_INTRODUCERS
                                     or tokens[chain.i - 1].stem in PLACE_NOUNS)):
                return None
            return mention(self._state(state.last_kingdom, agent), "anaphor:kingdom")
        if chain.has("anaphor"):
            ante = state.last_person or state.last_actor
            if ante is None:
                return None
            return mention(ante, "anaphor:country")
        head = chain.parts[0]
        head_tok = tokens[head.j - 1]
        if head.kind in DESCRIPTOR and head_tok.suffix in _POSSESSIVE and len(chain.parts) == 1:
            ante = state.last_org_actor or state.last_actor
            if ante is None:
                return None
            if agent is not None and ante.country and ante.agent != agent:
                # "مقاومته" after "الشعب الفلسطيني": its resistance → PSE REB
                return mention(self._state(ante.country, agent), "possessive:compose")
            return mention(ante, "possessive")
        if head.kind == "act":
            if country is not None and not chain.has("country"):
                # "القرار الأميركي", "الموقف العربي": the author, as a target only
                return mention(self._state(country, agent), "act:nisba", target_only=True)
            if chain.has("country"):
                return mention(self._state(country, agent), "act:genitive")
            if agent is not None:
                return mention(Actor(country=country, agent=agent, kind="sector"), "act:sector",
                               target_only=True)
            ante = state.acts.get(tokens[head.i].stem)
            if ante is None:
                return None
            return mention(ante, "coref:act", target_only=True)
        if country is not None:
            if chain.kinds() == ["nisba"]:
                k = chain.parts[0].i  # (the span may open with its count: "ثمانية مصريين")
                tok = tokens[k]
                plural = _plural_nisba(tok)
                after_numeral = k > 0 and _numeral(tokens[k - 1])
                accusative = tok.stem.endswith("يا")  # "خطفوا أميركياً": an object, not an adjective
                if plural or (not tok.has_article and (after_numeral or (chain.after_verb and accusative))):
                    # "الإيرانيون", "آلاف الجزائريين", "جنوداً أتراكاً" (a masculine plural nisba
                    # only qualifies people), "ألف لبناني", "خطفوا أميركياً": people of that country
                    return mention(self._state(country, "CVL"), "people")
                if self._owned(tokens, chain.i, self._owned_words):
                    # "أراضي فلسطينية", "ناقلة نفط بريطانية", "طائرات إسرائيلية": the owner
                    return mention(self._state(country, None), "nisba:owner")
                if self._owned(tokens, chain.i, self._owned_places) and not self._where(tokens, chain.i):
                    # "باتجاه المدن الإسرائيلية": the towns' country is hit, it does not act ("في
                    # المدن التونسية" says where: components/places.py)
                    return mention(self._state(country, None), "nisba:place", target_only=True)
                return None  # a bare adjective ("الاقتصاد الإيراني") is not an actor
            if agent is None and len(chain.parts) == 1 and chain.parts[0].form.pos == "capital":
                # the state (a place too: "شهدت الخرطوم مظاهرات"); components/events.py gives it
                # GOV where it speaks or hosts ("أعلنت موسكو", "زار الرئيس طهران")
                return mention(self._state(country, None), "capital")
            return mention(self._state(country, agent), "state")
        if len(chain.parts) == 1 and head.kind == "group" and head.j - head.i == 1 and not head_tok.has_article \
                and head_tok.stem.endswith("ه") and not head_tok.suffix and head.form.entry.id != "group.victims" \
                and agent not in ("UAF", "CRM", "EDU"):
            # an indefinite institution noun ("رئاسةً", "حكومةٍ") refers to nobody (a person
            # does: "مقتل امرأة", "إصابة طفلة"; so do an armed band and a student: "عصابة مسلحة", "طالبة")
            return None
        last = chain.parts[-1]
        if getattr(last.form.entry, "id", None) == "title.general" and tokens[last.i].stem == "فريق" \
                and not self._rank_follows(tokens, last.j):
            # الفريق with no name after it is a team: "الفريق الطبي"، "رئيس الفريق"; "الفريق
            # أول"، "الفريق رائد …" keep the rank (other ranks take family names with ال:
            # "اللواء الغامدي")
            return None
        if agent is not None:
            known = state.groups.get(head.form.entry.id) if len(chain.parts) == 1 and head.kind == "group" \
                and _definite(head_tok) and not head_tok.suffix and agent in _STATE_ORGANS else None
            if known is not None:
                # "المتحدث باسم الجيش الإسرائيلي … إن الجيش استدعى": the army named before, with
                # its country
                return mention(Actor(country=known, agent=agent, kind="sector"), "coref:group")
            return mention(Actor(agent=agent, kind="sector"), "sector")
        return None  # a bare "leaders"/"the wing" with nothing to attach to is not an actor

    def _member_named(self, doc: Document, named: Mention, tokens: list[Token], i: int) -> None:
        """"زعيم جماعة الحوثيين عبد الملك الحوثي", "المتحدث باسم الحركة فلان": a leader's or a
        spokesman's title, the body, then a person of that body, is one person (the body is
        not a second actor, nor is the name an object)."""
        prev = doc.mentions[-1] if doc.mentions else None
        if named.actor.kind != "person" or not named.actor.id or prev is None or prev.actor.id is None \
                or prev.sentence != named.sentence or prev.token_end != named.token_start:
            return
        entry = self.lex.entries.get(named.actor.id)
        if entry is None or not any(r.org == prev.actor.id and r.active(doc.date) for r in entry.roles):
            return
        base = doc.sentence_tokens[named.sentence][0]
        k = prev.token_start - base  # the body's first token in this sentence
        # (within three words before the body: "زعيم جماعة الحوثيين", "المتحدث باسم حركة حماس")
        h = k - 1
        while h >= max(0, k - 3) and not tokens[h].is_punct and not (
                tokens[h].stem in self._member_titles or tokens[h].norm in self._member_titles):
            h -= 1
        if h < max(0, k - 3) or tokens[h].is_punct:
            return
        prev.actor = named.actor
        prev.rule += "+member"

    def _relative_verb(self, m: Match, tokens: list[Token], text: str) -> bool:
        """A word right after a relative pronoun, written with ه, is a verb with its object
        pronoun: "البيان الذي أذاعه الجيش" (broadcast it), not إذاعة (a radio)."""
        return m.i > 0 and tokens[m.i - 1].norm in self._relative and m.j - m.i == 1 \
            and text[tokens[m.i].start:tokens[m.i].end].rstrip().endswith("ه")

    @staticmethod
    def _rank_follows(tokens: list[Token], j: int) -> bool:
        """After a military rank: أول/ركن, or a word without the article (a name we may not know)."""
        if j >= len(tokens) or tokens[j].is_punct:
            return False
        nxt = tokens[j]
        # ("الفريق الأول لكرة القدم" is a first team: the rank's أول has no article)
        return (nxt.stem in ("اول", "ركن") and not nxt.has_article) or nxt.norm in ("الركن",) \
            or not (nxt.has_article or nxt.prefixes)

    def _attack_adjective(self, m: Match, tokens: list[Token]) -> bool:
        """"هجوم انتحاري", "العملية الانتحارية", "تفجيرات انتحارية": after an attack noun (grammar
        class attack_nouns), with the same definiteness, انتحاري is the attack's adjective, not a
        suicide bomber."""
        if m.form.entry.id != "title.suicide_bomber" or m.j - m.i != 1 or m.i == 0:
            return False
        noun = tokens[m.i - 1]
        return (noun.stem in self._attack_nouns or noun.norm in self._attack_nouns) \
            and _definite(noun) == _definite(tokens[m.i])

    @staticmethod
    def _where(tokens: list[Token], k: int) -> bool:
        """The town noun before the nisba at `k` says where: a place introducer before it (في
        المدن التونسية، قرب بلدة لبنانية) or a ب on it (بالمدن السورية)."""
        for h in (k - 1, k - 2):
            if h < 0:
                return False
            if "ب" in tokens[h].prefixes:
                return True
            if h > 0 and (tokens[h - 1].norm in PLACE_INTRODUCERS or tokens[h - 1].stem in PLACE_INTRODUCERS):
                return True
        return False

    def _owned(self, tokens: list[Token], k: int, words: frozenset[str]) -> bool:
        """The nisba at `k` qualifies one of `words` (a building, a vehicle or property: grammar
        classes attack_objects, owned_objects; or a town: owned_places): right after it, or after one word that qualifies it
        (ناقلة نفط، منشآت نفطية), with the same definiteness and no preposition on the noun."""
        nisba = tokens[k]
        for h in (k - 1, k - 2):
            if h < 0 or tokens[h].is_punct:
                return False
            noun = tokens[h]
            if noun.stem in words or noun.norm in words:
                # (a noun in construct is as definite as its genitive: "ناقلة النفط البريطانية")
                definite = _definite(noun) or (h == k - 2 and not noun.has_article and not noun.suffix
                                               and _definite(tokens[k - 1]))
                return definite == _definite(nisba) and not any(
                    p in ("ب", "ل", "ك") for p in noun.prefixes)
        return False

    def _counterpart(self, country: str | None, state: "_State", when, mention) -> Mention | None:
        """"نظيره الأردني": the holder of the antecedent's office in the nisba's country (by date),
        else that country with the antecedent's agent code."""
        ante = state.last_agentive
        if ante is not None and ante.office and country:
            holder = self.lex.holder(ante.office, country, when)
            if holder is not None:
                return mention(self._person(holder, when, None, None), f"counterpart:{ante.office}")
        agent = ante.agent if ante is not None else None
        if country is None:
            return mention(Actor(agent=agent, kind="sector"), "counterpart") if agent else None
        return mention(self._state(country, agent), "counterpart")

    def _person(self, e: Entry, when, country, agent) -> Actor:
        role = e.role_at(when)
        if when is None and role is not None and role.agent == "ELI":
            # an undated text cannot say the person is retired: the latest office they held
            held = [r for r in e.roles if r.agent and r.agent != "ELI"]
            if held:
                role = max(held, key=lambda r: r.start or dt.date.min)
        # (an office in an international body has the body's country: the UN's secretary-general
        # is IGO)
        org = self.lex.entries.get(role.org) if role is not None and role.org and not role.country else None
        return Actor(id=e.id, canonical=e.name_en, kind="person",
                     country=(role.country if role and role.country else
                              org.country if org is not None and org.country else country),
                     agent=(role.agent if role and role.agent else agent),
                     org=role.org if role else None, office=role.office if role else None)

    @staticmethod
    def _org(e: Entry, when=None) -> Actor:
        """An organisation's codes; dated roles (the Taliban before and after August 2021) win."""
        role = e.role_at(when) if e.roles and when is not None else None  # undated: its own codes
        return Actor(id=e.id, canonical=e.name_en, kind="organisation",
                     country=(role.country if role and role.country else e.country),
                     agent=(role.agent if role and role.agent else e.agent))

    def _state(self, country: str, agent: str | None) -> Actor:
        name = _country_name(self.lex, country)
        if agent is None:
            return Actor(id=f"country.{country}", canonical=name, country=country, kind="state")
        return Actor(canonical=f"{name} ({agent})", country=country, agent=agent, kind="sector")


MOVEMENT_AGENTS = frozenset({"PTY", "REB", "OPP", "INS", "UAF", "RAD", "SEP"})


AFFILIATED = frozenset({"تابع", "تابعه", "تابعين", "تابعون", "تابعا", "التابع", "التابعه", "التابعين",
                         "موالي", "مواليه", "الموالي", "الموالية", "مواليين", "الموالين"})


def _named_after_title(doc: Document, named: Mention) -> None:
    """"قائد فيلق القدس قاسم سليماني": a title right before a named person is that person, not
    whoever held the office on the article's date."""
    prev = doc.mentions[-1] if doc.mentions else None
    if named.actor.kind != "person" or not named.actor.id or not named.rule.startswith("name") or prev is None \
            or prev.sentence != named.sentence or prev.token_end != named.token_start \
            or not prev.rule.startswith("title") or prev.actor.id == named.actor.id:
        return
    prev.actor = named.actor
    prev.rule += "+named"


def _belongs_to(doc: Document, owner: Mention, tokens: list[Token], i: int) -> None:
    """"طائرة بدون طيار تابعة للقوات الأمريكية", "ميليشيات موالية لإيران": the mention just
    before (ending right before تابعة/موالية) that has no country takes the owner's."""
    if owner.prep != "ل" or i < 2 or tokens[i - 1].norm not in AFFILIATED or not owner.actor.country:
        return
    prev = doc.mentions[-1] if doc.mentions else None
    if prev is None or prev.sentence != owner.sentence or prev.actor.country \
            or prev.token_end != owner.token_start - 1 or prev.actor.kind not in ("sector", "state"):
        return
    prev.actor = replace(prev.actor, country=owner.actor.country,
                         canonical=f"{owner.actor.canonical} ({prev.actor.agent})" if prev.actor.agent
                         else prev.actor.canonical)
    prev.rule += "+affiliated"


def _adjective_in_i(m: Match, toks: list[Token], starts: set[int]) -> bool:
    """A noun read with a final ي split off (مسلحي، مدرسي) is a plural in construct only when its
    genitive follows (مسلحي الحركة، مقاتلي حماس); before anything else it is a nisba adjective
    ("نشاط مدرسي سنوي" is a school activity, not teachers)."""
    if toks[m.j - 1].suffix != "ي":
        return False
    nxt = toks[m.j] if m.j < len(toks) else None
    return nxt is None or nxt.is_punct or not (nxt.has_article or m.j in starts)


def _taa_marbuta(text: str, tok: Token) -> bool:
    """The word is written with ة ("بلدة" a town, "محافظة" a province), so it is not a possessive
    ("بلده" his country, "محافظه" its governor)."""
    return text[tok.start:tok.end].rstrip().endswith("ة")


def _plural_nisba(tok: Token) -> bool:
    """A masculine plural nisba (الإيرانيون، سوريين) or a broken plural (أتراك، أفغان)."""
    stem = tok.stem
    return stem.endswith(("ون", "ين")) or not stem.endswith(("ي", "يه", "يا", "يان", "يتان"))


def _country_name(lex: Lexicon, code: str) -> str | None:
    e = lex.entries.get(f"country.{code}")
    return e.name_en if e else code


def _prep(tokens: list[Token], i: int) -> str:
    tok = tokens[i]
    for p in tok.prefixes:
        if p in ("ب", "ل", "ك"):
            return p
    k = i - 1
    if k >= 0 and tokens[k].stem in _DEMONSTRATIVES:
        k -= 1  # "من هذه القرارات"
    if k >= 0 and not tokens[k].is_punct:
        prev = tokens[k]
        if prev.stem == "من" and k > 0 and tokens[k - 1].stem == "كل":
            return ""  # "كل من السعودية والإمارات": a list, not a preposition
        stem = prev.stem
        if stem[:1] in ("و", "ف") and stem[1:] in _PREPS:
            stem = stem[1:]  # "وفي بغداد", "ومن القاهرة": the conjunction stays on a function word
        if stem in _PREPS:
            return stem
        if stem == "مشاركه" and prev.prefixes[-1:] == ("ب",):
            return stem  # "بمشاركة قوات مصرية": with them taking part ("مشاركة قطر" is a genitive)
    return ""


_PREPS = frozenset(("مع", "علي", "من", "الي", "عن", "في", "ضد", "نحو", "لدي", "عبر", "تجاه", "بحق", "بين",
                    "قرب", "قبالة", "قباله", "داخل", "خارج", "امام", "حول", "باتجاه", "وسط",
                    "حسب", "وفق", "وفقا"))  # (حسب مسؤولين: who says so, never an object)


# a state's organs: a bare "الجيش"، "الشرطة"، "الحكومة" is the one named before with its country
_STATE_ORGANS = frozenset({"MIL", "COP", "GOV", "SPY", "LEG", "JUD"})
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك"})


class _State:
    """Document-level memory for anaphora: last person/organisation, antecedents of act nouns."""

    def __init__(self) -> None:
        self.last_person: Actor | None = None
        self.last_actor: Actor | None = None
        self.last_agentive: Actor | None = None  # the last person or actor with an agent code
        self.last_org: Entry | None = None
        self.last_org_actor: Actor | None = None
        self.sentence_country: str | None = None  # of the sentence's last government actor
        self.acts: dict[str, Actor] = {}
        self.offices: dict[str, Actor] = {}   # office → the person named holding it here
        self.groups: dict[str, str] = {}      # a state organ's group entry → the country last named with it
        self.kingdoms: frozenset[str] = frozenset()
        self.last_kingdom: str | None = None  # for "المملكة"

    def update(self, m: Mention, chain: Chain) -> None:
        a = m.actor
        if a.country in self.kingdoms:
            self.last_kingdom = a.country
        if a.kind == "person":
            self.last_person = a
            if a.office:
                self.offices[a.office] = a
        org = chain.first("organisation")
        if org is not None and (org.agent in MOVEMENT_AGENTS
                                or any(r.agent in MOVEMENT_AGENTS for r in org.roles)):
            # الحركة، الحزب، الجماعة، التنظيم point back to movements and parties, not to a
            # university or a newspaper named in between
            self.last_org = org
            self.last_org_actor = a if a.kind == "organisation" else self.last_org_actor
        if a.kind == "organisation":
            self.last_org_actor = a
        group = chain.first("group")
        if group is not None and a.country and len(a.country) == 3 and group.agent in _STATE_ORGANS:
            # (also inside a title: "المتحدث باسم الجيش الإسرائيلي")
            self.groups[group.id] = a.country
        if chain.parts[0].kind == "act" and (a.country or a.id):
            # remember "the decision" → its author, for later "هذا القرار"
            for part in chain.parts[:1]:
                self.acts[part.form.stems[0]] = a
        if not m.target_only:
            self.last_actor = a
            if a.kind == "person" or a.agent:
                self.last_agentive = a
