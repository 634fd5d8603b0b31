"""Guard rails against the classic false positives of event coders.

An event is kept only when the text reports it as something that happened (or, for intents,
as a commitment). Each guard has an id that `hudhud explain` shows when it drops an event:

- question:      the sentence is a question (هل، لماذا، كيف … ؟; a headline may drop the ؟);
- headline:      the sentence is a link to another article (اقرأ أيضاً: …، طالع أيضا: …);
- hypothetical:  a conditional, an indefinite "any/such/of the kind", a threat, a fear or a
                 purpose governs the trigger (إذا، لو، أي هجوم، من نوع خطف، هددوا بقتل، تخشى أن
                 تؤدي إلى قتل، لكي يفجر), it is aimed at (كانت تستهدف تفجير المقر، استهدفت
                 محو الشعب), it is habitual (عادة ما يقوم، غالبا ما تقوم بقتل),
                 it is imminent (باتت وشيكة), or its author is anyone
                 (كل من قام باعتداء);
- future:        a violent event in the future tense has not happened (an announced one is a THREATEN);
- relative:      a verb right after a relative pronoun describes a noun (المتظاهرون الذين تجمعوا،
                 الهجوم الذي استهدف): information about something already known, not the news;
- background:    the trigger names a past event the article only refers to (منذ اغتيال، ذكرى،
                 المتورطين في، وراء الهجوم، بعد يوم من مقتل، "the late" victim), a demonstrative
                 points back to it (هذا الهجوم), its date expression is historical (a year, or a
                 month of a year, more than 400 days before the article), or the sentence is an
                 aside on earlier news (يذكر أن، الجدير بالذكر أن، وسبق أن), or the trigger
                 holds for years (يطالبون منذ سنوات);
- topic:         the trigger opens a copular sentence (قصف المدفعية هو موضوع الفصل، الاتفاق هو
                 الأول من نوعه): a statement about the event, not its report;
- condemned:     what a condemnation condemns (أدانت الجامعة العربية القصف) is its object: the
                 news is the condemnation (ACCUSE);
- aggregate:     the sentence counts over a past period of months or years (خلال السنوات
                 الماضية، منذ بداية الحرب، منذ عام 2002): a statistic, not one event;
- purpose:       a verbal noun with لـ and no named attacker (لقتل، لمقتل), or after a verbal noun
                 of carrying out with لـ (لتنفيذ عمليات الاختطاف، لشن هجوم), or after a
                 cooperation, a consultation or an agreement in its clause (نسقت القوات مع
                 التحالف لشن هجمات): a purpose or reference;
- requested:     what a request asks for (طالبوا بالإفراج عنه، دعا إلى وقف القصف، رفض دعوة الرئيس
                 إلى سحب القوات) has not happened;
- rejected:      what a rejection rejects (رفضت باكستان الاتهامات الأمريكية) is its object, not
                 another event;
- ceased:        an attack that stopped or is to be stopped (توقفت الغارات، لوقف القصف) is not
                 reported as happening;
- hypothetical also: "from time to time" (بين فترة وأخرى، من حين لآخر) makes a violent event a
                 recurring state (grammar class guard_habitual_phrases);
- (recoded)      a harm promised on a condition (ستغلق إيران المضيق إذا تعرضت لهجوم، سنفرض
                 عقوبات ما لم تنسحب) is a THREATEN of the harm's kind, not a future event;
- charge:        a violent verbal noun with بـ after an accusation, a conviction or a suspicion
                 (اتهمت المنظمة الشرطة بقتل متظاهرين، أدينا بقتل طفلة) is the charge (the news is
                 the accusation, ACCUSE);
- disaster:      deaths in earthquakes, floods, fires or road accidents are not assaults (unless
                 an attack is named);
- test:          an explosion of a nuclear weapon is a test (فجرت قنبلتها الذرية), not an attack;
- sports:        sports vocabulary around violent or protest words (هجوم، ضربة جزاء، المنتخب), or
                 around any event that involves no state (a club's talks with players);
- metaphor:      fixed metaphorical uses (حرب الأسعار، هجوم إعلامي): verbal attacks (and a named
                 person who "attacks" someone: هاجم ماكين أوباما) are recoded ACCUSE, not dropped.
A trigger that only completes a dropped one shares its fate: the instrument of a referenced
attack (بملف اغتيال اللواء بواسطة سيارة مفخخة، اللذين قتلا بتفجير سيارة مفخخة), a definite
conjunct of a dropped noun (بتهم القتل والتعذيب والخطف) and a conjunct right after a dropped
trigger (الذي يقتل ويخطف).
Negated events are kept, flagged `negated`.
The word lists live in `lexicon/data/grammar.yaml` (classes guard_*), so analysts can extend them.
"""

from __future__ import annotations

import re

from hudhud.arabic.normalize import bare_words
from hudhud.components.events import in_list
from hudhud.dates import MONTH_NAMES
from hudhud.doc import Document, Event, Token
from hudhud.lexicon import Lexicon

# a link to another article ("اقرأ أيضاً: <headline>", "طالع أيضا:", "المزيد:"), left in scraped
# text: its headline is not this article's news (components/clean.py drops such lines on a page)
_SEE_ALSO = re.compile(r"\s*(?:اقرأ|إقرأ|طالع|شاهد|المزيد|ذات صلة)(?:\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد))?\s*[:：]")
# the words that recall an anniversary's event: "في ذكرى … حين/عندما/يوم"
_RECALLING = frozenset({"حين", "حينما", "عندما", "يوم", "يومها", "حينها", "لما"})
# the nouns of guard_call_nouns reach only nine words: a call verb may have its subject between
_CALL_NOUN_FORMS = frozenset({"دعوه", "دعوات", "الدعوه", "الدعوات", "مطالبه", "مطالبات", "المطالبه", "المطالبات",
                              "نداء", "نداءات", "مناشده"})
_VIOLENT = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN", "MOBILIZE"})


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word
# threat patterns whose future is the threat itself ("سترد بقوة على أي اعتداء"): not dropped
_PROMISED_HARM = ("threaten.respond",)
_COOPERATIVE = frozenset({"COOPERATE", "CONSULT", "AGREE", "REQUEST", "SUPPORT", "AID"})
# a conditional promise of harm, by the harm's type (sanctions: CAMEO 16x): PLOVER THREATEN mode
# and CAMEO code (CAMEO2PLOVER: 138 threaten with military force, 1312 with sanctions, 130 threaten)
_THREAT_CODES = {"ASSAULT": ("violence", "138"), "SANCTION": ("restrict", "1312"), "COERCE": (None, "130")}
# agents whose "violent attack" is a physical one (an unknown author counts as armed)
_ARMED = frozenset({"MIL", "REB", "COP", "INS", "SPY", "UAF", "SEP", None})


class Guards:
    def __init__(self, lexicon: Lexicon, keep_nonfactual: bool = False):
        g = lexicon.words
        self._memo: dict[tuple[int, int], tuple[frozenset[str], bool]] = {}
        self.question = g("question")
        self.hypothetical = g("hypothetical")
        self.indefinite = g("guard_indefinite")
        self.background = g("guard_background")
        self.late = g("guard_late")
        self.verbal_unarmed = g("guard_verbal_if_unarmed")
        self.sports = g("guard_sports")
        self.verbal = g("guard_verbal_attack")
        self.metaphor = g("guard_metaphor")
        self.cultural = g("guard_cultural")
        self.irrealis, self.habitual = g("guard_irrealis"), g("guard_habitual")
        self.habitual_phrases = tuple(sorted(g("guard_habitual_phrases")))
        self.ceased = g("guard_ceased")
        self.disaster = g("guard_disaster")
        self.charge = g("guard_charge")
        # (an attack named in the sentence; not عملية/عمليات, which is any operation: عمليات الإطفاء)
        self.attack_nouns = g("attack_nouns") - {"عمليه", "عمليات"}
        self.relative = g("guard_relative")
        self.aside = g("guard_aside")
        self.long_standing = g("guard_long_standing")
        self.weapons_test = g("guard_weapons_test")
        self.period_prep, self.period = g("guard_period_prep"), g("guard_period")
        self.period_past, self.since_start = g("guard_period_past"), g("guard_since_start")
        self.superlative = g("guard_superlative")
        self.anaphoric, self.imminent = g("guard_anaphoric"), g("guard_imminent")
        self.attaching, self.duration = g("guard_attaching"), g("guard_duration")
        self.doing, self.aim, self.aim_nouns = g("guard_doing"), g("guard_aim"), g("guard_aim_nouns")
        self.hosts = g("attack_nouns") | g("guard_attack_hosts")
        self.relative_types = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"})
        self.call_nouns = g("guard_call_nouns")
        self.threat_speech = g("threat_speech")
        self.list_openers = g("list_openers")
        self.keep = keep_nonfactual

    def __call__(self, doc: Document) -> Document:
        self._memo = {}  # per sentence of this document, see _sentence
        kept: list[Event] = []
        requests = [e for e in doc.events if e.plover_type == "REQUEST"]
        rejections = [e for e in doc.events if e.plover_type == "REJECT"]
        condemnations = [e for e in doc.events if e.rule.startswith("accuse.condemn")]
        reasons = [self._check(doc, e, requests, rejections, condemnations) for e in doc.events]
        dropped = [(e, r) for e, r in zip(doc.events, reasons) if r is not None]
        for n, e in enumerate(doc.events):
            if reasons[n] is None and dropped:
                reasons[n] = self._attached(doc, e, dropped)
        for e, reason in zip(doc.events, reasons):
            if reason is None:
                kept.append(e)
                continue
            doc.note(f"guard {reason}: dropped {e.plover_type} '{e.trigger}' ({e.rule})")
            if self.keep:
                e.modality = reason if reason in ("question", "hypothetical") else e.modality
                kept.append(e)
        doc.events = kept
        return doc

    @staticmethod
    def _governed(tokens: list[Token], k: int, e: Event, governors: list[Event],
                  within: int = 6) -> bool:
        """What a request asks for is not an event: "طالبوا بالإفراج عنه", "دعا إلى وقف
        القصف", "التمس من المحكمة الإفراج عنه" (up to `within` words after the request, no
        punctuation, no new clause with و). `tokens` are the sentence's, `k` the trigger's
        index. The same for what a rejection rejects (رفضت باكستان الاتهامات الأمريكية):
        `governors` are the requests (or rejections) of the document."""
        if any(e.plover_type == r.plover_type for r in governors):
            return False
        head = tokens[k] if k < len(tokens) else None
        if head is not None and head.prefixes[:1] == ("و",):
            return False
        if head is not None and ((k > 0 and tokens[k - 1].norm == "الي") or head.prefixes[:1] == ("ب",)):
            # the complement marker right before it lets the addressee stand between: "دعت
            # منظمة العفو الدولية سلطات جنوب أفريقيا إلى اعتقال…"
            within = max(within, 12)
        for r in governors:
            if r.sentence_start != e.sentence_start or not r.end <= e.start:
                continue
            between = [t for t in tokens[:k] if t.start >= r.end]
            if len(between) <= within and not any(t.is_punct for t in between):
                return True
        return False

    def _listed_demand(self, tokens: list[Token], k: int, e: Event, requests: list[Event]) -> bool:
        """An item of a list that a request opened in its sentence: "قدمت قائمة مطالب، بينها إغلاق
        القناة وإطلاق سراح المعتقلين" asks for the release; it did not happen."""
        for r in requests:
            if r.sentence_start != e.sentence_start or not r.end <= e.start or r.plover_type == e.plover_type:
                continue
            r_end = next((n for n, t in enumerate(tokens) if t.start >= r.end), k)
            if r_end < k and in_list(tokens, k, self.list_openers) and not in_list(tokens, r_end, self.list_openers):
                return True  # (the list opens after the request)
        return False

    def _attached(self, doc: Document, e: Event, dropped: list[tuple[Event, str]]) -> str | None:
        """A trigger that only completes a dropped one shares its fate: the instrument or the
        occasion of a referenced attack ("المعنيين بملف اغتيال اللواء بواسطة سيارة مفخخة",
        "اللذين قتلا بتفجير سيارة مفخخة") and a definite conjunct of a listed charge ("بتهم
        القتل والتعذيب والخطف", "الذي يقتل ويخطف"). Attached: within 8 words after the dropped
        trigger, no punctuation between, and written with ب, or with و and the article or right
        after it, or after بواسطة/جراء/في."""
        for d, reason in dropped:
            if d.sentence_start != e.sentence_start or d.plover_type != e.plover_type \
                    or not d.end <= e.start:
                continue
            tokens = doc.tokens_of(next(i for i, s in enumerate(doc.sentences)
                                        if s.start <= e.start < s.end))
            between = [t for t in tokens if d.end <= t.start < e.start]
            head = next((t for t in tokens if t.start >= e.start), None)
            if head is None or len(between) > 8 or any(t.is_punct for t in between):
                continue
            pre = head.prefixes
            if "ب" in pre[:2] or (pre[:1] == ("و",) and ("ال" in pre or not between)) \
                    or (between and _is(between[-1], self.attaching)):
                return reason
        return None

    def _host(self, tokens: list[Token], k: int, starts: set[int]) -> int | None:
        """The attack an instrument phrase completes: "اغتيال اللواء بواسطة سيارة مفخخة",
        "تنفيذ اعتداء بسيارة مفخخة", "قتلا بتفجير سيارة مفخخة" (up to 5 words back, not across
        punctuation: an attack noun or a trigger of the same type, whose start is in `starts`),
        or None when the trigger at `k` is not written with ب or after a guard_attaching word."""
        if k >= len(tokens) or not ("ب" in tokens[k].prefixes[:2]
                                    or (k > 0 and _is(tokens[k - 1], self.attaching))):
            return None
        for h in range(k - 1, max(-1, k - 6), -1):
            if tokens[h].is_punct:
                return None
            if h in starts or _is(tokens[h], self.hosts):
                return h
        return None

    def _sports_in_names(self, doc: Document, tokens: list[Token]) -> bool:
        """Every sports word of the sentence is inside an organisation's name ("نادي الأسير
        الفلسطيني" is a prisoners' association, not a football club)."""
        spans = [(m.start, m.end) for m in doc.mentions if m.actor.kind == "organisation"
                 and tokens and tokens[0].start <= m.start < tokens[-1].end]
        hits = [t for t in tokens if _is(t, self.sports)]
        return bool(hits) and all(any(a <= t.start < b for a, b in spans) for t in hits)

    def _sentence(self, tokens: list[Token]) -> tuple[frozenset[str], bool]:
        """The sentence's words (stems and forms) and whether it counts over a period, once per
        sentence."""
        key = (tokens[0].start, len(tokens)) if tokens else (-1, 0)
        hit = self._memo.get(key)
        if hit is None:
            words = frozenset(t.stem for t in tokens) | frozenset(t.norm for t in tokens)
            hit = self._memo[key] = (words, self._over_a_period(tokens))
        return hit

    def _from_time_to_time(self, tokens: list[Token]) -> bool:
        """The sentence says "from time to time" (grammar class guard_habitual_phrases)."""
        text = " " + " ".join(t.norm for t in tokens) + " "
        return any(f" {ph} " in text for ph in self.habitual_phrases)

    def _over_a_period(self, tokens: list[Token]) -> bool:
        """The sentence counts over a past period of months or years (خلال السنوات الخمس
        الماضية، طوال العقد الماضي، منذ بداية العام), with no superlative before it."""
        for i, t in enumerate(tokens):
            if t.stem == "منذ" and i + 1 < len(tokens) and (_is(tokens[i + 1], self.since_start)
                                                            or _year_follows(tokens, i + 1)):
                found = True  # "منذ بداية الحرب", "منذ عام 2002"
            elif _is(t, self.period_prep):
                found = any(_is(n, self.period) and any(_is(p, self.period_past)
                                                         for p in tokens[i + 2 + j:i + 5 + j])
                            for j, n in enumerate(tokens[i + 1:i + 5]))
            else:
                continue
            # (a superlative compares one event with the period; "أكثر من 90" is a count)
            # (within the few words before the period: "أعنف هجوم خلال السنوات الماضية", not a
            # comparison in another clause: "أجندة أكثر راديكالية، … خلال العامين السابقين")
            if found and not any(_is(b, self.superlative) and not (n + 1 < i and tokens[n + 1].stem == "من")
                                 for n, b in enumerate(tokens[:i]) if n >= i - 8):
                return True
        return False

    def _condition_after(self, tokens: list[Token], k_end: int) -> bool:
        """A condition follows the trigger in its sentence: إذا، لو، في حال، إن لم، ما لم."""
        rest = tokens[k_end + 1:]
        return any(_is(t, self.hypothetical) for t in rest) or any(
            t.stem == "لم" and p.stem in ("ان", "ما") for p, t in zip(rest, rest[1:]))

    def _own_side_announces(self, doc: Document, e: Event, tokens: list[Token], k: int) -> bool:
        """The trigger sits in a أن/إن clause after a speech verb (grammar class threat_speech)
        whose speaker is the event's source or of its country: "قال نصر الله إن الحزب سيضرب…",
        "قال وزير الدفاع إن الجيش سيرد"; an analyst's forecast about another state is none."""
        that = next((n for n in range(k - 1, -1, -1) if tokens[n].stem in ("ان", "انه", "انها", "انهم")), None)
        if that is None or not any(t.stem in self.threat_speech or t.norm in self.threat_speech
                                   for t in tokens[max(0, that - 12):that]):
            return False
        if tokens[that].suffix:
            return True  # "أكدت الحركة أنها ستقصف…": the pronoun is the speaker, the source
        start, end = tokens[max(0, that - 12)].start, tokens[that].start
        speaker = next((m for m in doc.mentions if start <= m.start and m.end <= end), None)
        if speaker is None:
            return False  # "قال محلل إن إسرائيل ستشن هجوماً": a forecast by no one of ours
        src = e.source.actor
        if (speaker.start, speaker.end) == (e.source.start, e.source.end):
            return True
        # (the speaker's own state, or its bare army or government: "قال وزير الدفاع الإسرائيلي إن
        # الجيش سيرد")
        return speaker.actor.country is not None and (
            src.country == speaker.actor.country
            or (src.country is None and src.agent in ("MIL", "GOV", "COP", "SPY")))

    def _clause_before(self, tokens: list[Token], k: int, n: int) -> list[Token]:
        """Up to `n` tokens before the trigger, not across punctuation."""
        return _clause_before_tokens(tokens, k, n, None)

    def _called_for(self, tokens: list[Token], k: int) -> bool:
        """The trigger completes a call named as a noun (grammar class guard_call_nouns: دعوة،
        مطالبة، نداء) through إلى, على (حث على) or بـ, one word (بدء، وقف) allowed between: "رفض دعوة الرئيس
        إلى بدء سحب القوات", "تجاهل المطالبات بالإفراج عن المعتقلين" (up to 8 words after the
        noun, no punctuation)."""
        marker = next((n for n in (k, k - 1, k - 2) if n >= 0 and (
            "ب" in tokens[n].prefixes[:2] or (n < k and tokens[n].norm in ("الي", "علي")))), None)
        if marker is None or any(t.is_punct for t in tokens[marker:k]):
            return False
        for n in range(marker - 1, max(-1, marker - 20), -1):
            tok = tokens[n]
            # (asides between commas may stand between: "دعت كلينتون، أمس، مجدداً إلى إنهاء الحصار";
            # a clause with أن/إن does not)
            if (tok.is_punct and tok.norm not in ("،", ",")) or tok.stem in ("ان", "بان"):
                return False
            if tok.stem in self.call_nouns or tok.norm in self.call_nouns:
                return n >= marker - 9 or tok.norm not in _CALL_NOUN_FORMS
        return False

    def _check(self, doc: Document, e: Event, requests: list[Event] = (),
               rejections: list[Event] = (), condemnations: list[Event] = ()) -> str | None:
        si = next((i for i, s in enumerate(doc.sentences) if s.start <= e.start < s.end), 0)
        tokens = doc.tokens_of(si)
        k = next((n for n, t in enumerate(tokens) if t.start >= e.start), 0)
        if requests and (self._governed(tokens, k, e, requests) or self._listed_demand(tokens, k, e, requests)):
            return "requested"
        if e.plover_type != "REQUEST" and self._called_for(tokens, k):
            return "requested"  # "يرفض دعوة زيلينسكي إلى بدء سحب القوات": a call named as a noun
        if rejections and self._governed(tokens, k, e, rejections, within=3):
            return "rejected"  # "رفضت باكستان الاتهامات الأمريكية": the accusation is its object
        if condemnations and e.plover_type in _VIOLENT \
                and self._governed(tokens, k, e, condemnations, within=6):
            return "condemned"  # "أدانت الجامعة العربية القصف": the news is the condemnation
        k_end = next((n for n, t in enumerate(tokens) if t.end >= e.end), k)
        before = tokens[max(0, k - 3):k]
        after = tokens[k_end + 1:k_end + 3]
        if tokens and (tokens[0].stem in self.question or tokens[-1].norm in ("؟", "?")):
            return "question"
        if _SEE_ALSO.match(doc.text, e.sentence_start):
            return "headline"  # "اقرأ أيضاً: ماكرون يستقبل…": a link to another article
        if e.plover_type in _THREAT_CODES and e.modality == "intent" and e.source is not None:
            # a harm promised on a condition ("ستغلق إيران المضيق إذا تعرضت لهجوم", "سنفرض عقوبات
            # ما لم تنسحب"), or one its own side says it will do ("قالت كتائب حزب الله إنها
            # ستستهدف القواعد الأمريكية"), is a threat (PLOVER THREATEN, not ASSAULT + future), of
            # the harm's kind
            how = "conditional" if self._condition_after(tokens, k_end) \
                else "announced" if self._own_side_announces(doc, e, tokens, k) else None
            if how is not None:
                sanctions = e.cameo_code.startswith("16")  # (sanctions are COERCE 163 in CAMEO2PLOVER)
                e.plover_mode, e.cameo_code = _THREAT_CODES["SANCTION" if sanctions else e.plover_type]
                e.plover_type = "THREATEN"
                e.rule += "+" + how
                return None
        if e.plover_type in _VIOLENT and e.modality == "intent" and not e.rule.startswith(_PROMISED_HARM):
            return "future"  # "سوف توجه ضربة": an attack that has not happened (a threat is THREATEN)
        if any(_is(t, self.hypothetical) for t in tokens[:k]) or any(_is(t, self.indefinite) for t in before[-2:]):
            return "hypothetical"
        if any(t.stem == "منذ" and k_end + 1 + n + 1 < len(tokens)
               and _is(tokens[k_end + 1 + n + 1], self.long_standing)
               for n, t in enumerate(tokens[k_end + 1:k_end + 4])):
            return "background"  # "يطالب المواطنون منذ سنوات بـ…": a long-standing position
        if not (e.date_text and e.date_precision == "day") and self._sentence(tokens)[1]:
            return "aggregate"  # "قتل 300 مدني خلال الأشهر الماضية": a count, not one event
        head = tokens[k] if k < len(tokens) else None
        if e.plover_type in _VIOLENT and head is not None and "ب" in head.prefixes \
                and any(_is(t, self.charge) for t in self._clause_before(tokens, k, 8)):
            return "charge"  # "اتهمت المنظمة الشرطة بقتل متظاهرين": the charge, not a report
        # (a definite noun of the list with أن after it is another clause's subject: "أكد المسؤول
        # أن المحادثات"; "بعد أن" still introduces a past event)
        if any(_is(t, self.background) and not (n == 0 and len(before) > 1 and t.has_article
                                                 and before[-1].stem in ("ان", "بان"))
               for n, t in enumerate(before[-2:])) \
                or any(_is(t, self.aside) for t in tokens[:min(k, 3)]):
            return "background"
        starts = {m.i for m in (doc.matches[si] if si < len(doc.matches) else ())
                  if m.kind == "trigger" and m.form.entry.data.get("type") == e.plover_type}
        host = self._host(tokens, k, starts)
        if host is not None and any(_is(t, self.background) for t in tokens[max(0, host - 2):host]):
            return "background"  # "بملف اغتيال اللواء بواسطة سيارة مفخخة": the case's instrument
        if host is not None and host > 0 and _is(tokens[host - 1], self.relative) \
                and _verb_like(tokens[host]) and e.plover_type in self.relative_types:
            return "relative"  # "اللذين قتلا بتفجير سيارة مفخخة"
        if len(tokens) > 3 and [t.norm for t in tokens[:4]][-3:] == ["مثل", "هذا", "اليوم"] \
                and tokens[0].norm in ("في", "وفي"):
            return "background"  # "في مثل هذا اليوم من عام 1988 قصفت…": an anniversary's event
        if any(t.stem in ("ذكري", "ذكرى") for t in tokens[:k]) \
                and any(t.norm in _RECALLING for t in tokens[max(0, k - 3):k]):
            return "background"  # "تحل اليوم ذكرى الأزمة، حين هدد كينيدي…": the anniversary's event
        if len(before) == 3 and _is(before[0], self.background) and _is(before[1], self.duration) \
                and before[2].stem == "من":
            return "background"  # "بعد يوم من مقتل": a day after an earlier event
        if before and _is(before[-1], self.anaphoric) and head is not None and head.has_article:
            return "background"  # "هذا الهجوم", "بهذا الاعتداء": an attack already told of
        if (k == 0 or tokens[k - 1].stem == "ان" or tokens[k - 1].is_punct) and any(
                t.norm in ("هو", "هي") and not any(x.is_punct for x in tokens[k_end + 1:k_end + 1 + n])
                for n, t in enumerate(tokens[k_end + 1:k_end + 5])):
            return "topic"  # "قصف المدفعية هو موضوع الفصل": the event is what a sentence is about
        if any(_is(t, self.imminent) for t in tokens[k_end + 1:k_end + 4]):
            return "hypothetical"  # "ضربة جوية باتت وشيكة": expected, not happened
        if any(t.stem == "كل" and n.stem == "من" for t, n in zip(before, before[1:])):
            return "hypothetical"  # "كل من قام باعتداء": whoever, not someone
        if before and _is(before[-1], self.relative) and head is not None and _verb_like(head) \
                and e.plover_type in self.relative_types:
            return "relative"
        if len(before) > 1 and _is(before[-2], self.relative) and _verb_like(before[-1]) and head is not None \
                and head.prefixes[:1] == ("و",) and _verb_like(head) and e.plover_type in self.relative_types:
            return "relative"  # "النظام الذي يقتل ويخطف الفلسطينيين": the second verb is the clause's too
        noun = head is not None and e.rule and "ل" in head.prefixes[:2] and not head.prefixes[:1] == ("ال",)
        if noun and not (k > 0 and tokens[k - 1].stem.startswith(("تعرض", "يتعرض"))) and e.source is None:
            return "purpose"  # "لقتل الرهينة", "لمقتل": a purpose or a reference, not a report
        if noun and e.plover_type in _VIOLENT and any(
                o.plover_type in _COOPERATIVE and o.sentence_start == e.sentence_start and o.end <= e.start
                and not any(t.is_punct for t in tokens[:k] if t.start >= o.end) for o in doc.events):
            # "نسقت القوات العراقية مع التحالف لشن هجمات"، "تعاونت الشرطة مع الإنتربول لاعتقال
            # المطلوب": what the cooperation is for, not a report of it
            return "purpose"
        if e.plover_type == "ASSAULT" and (
                (before and _is(before[-1], self.aim) and not before[-1].prefixes
                 and head is not None and _is(head, self.aim_nouns))  # (not "استهدفت غارة")
                or (head is not None and _is(head, self.aim) and k_end + 1 < len(tokens)
                    and _is(tokens[k_end + 1], self.aim_nouns))):
            return "hypothetical"  # "كانت تستهدف تفجير مقر البرلمان": an aim, not an attack
        if e.plover_type in _VIOLENT and any("ل" in t.prefixes[:2] and _is(t, self.doing)
                                             for t in before[-2:]):
            return "purpose"  # "لتنفيذ عمليات الاختطاف", "استعدادا لشن هجوم": what is aimed at
        if e.plover_type == "ASSAULT" and any(_is(t, self.ceased) for t in before[-2:]):
            return "ceased"  # "وتوقفت الغارات على صنعاء", "دعا إلى وقف القصف"
        clause = self._clause_before(tokens, k, 7)[::-1]  # (in text order)
        if any(_is(t, self.irrealis) for t in clause):
            return "hypothetical"  # "هدد الرئيس الأمريكي دونالد ترامب بفرض عقوبات"
        if any(_is(t, self.habitual) and n.norm == "ما" for t, n in zip(clause, clause[1:])):
            return "hypothetical"  # "عادة ما يقوم أفرادها بتفجير": what usually happens
        if self.habitual_phrases and e.plover_type in _VIOLENT and self._from_time_to_time(tokens):
            return "hypothetical"  # "تشهد المدينة مواجهات بين فترة وأخرى": recurring, not one event
        if before and before[-1].stem == "قد" and head is not None and head.norm[:1] in "يتن":
            return "hypothetical"  # قد + present: "may"; (قد + past is "had": وكانت قد قطعت)
        if e.plover_type == "ASSAULT" and e.source is None and not self.disaster.isdisjoint(self._sentence(tokens)[0]) \
                and self.attack_nouns.isdisjoint(self._sentence(tokens)[0]):
            # killed in an earthquake, a fire or a road accident is not an assault (a fire that an
            # attack set off is: "الحريق الذي اندلع جراء هجوم انتحاري")
            return "disaster"
        if e.date and doc.date and (doc.date - e.date).days > 400:
            return "background"
        if e.target is not None and any(w in self.late for w in bare_words(e.target.name)):
            return "background"
        if e.target is not None and any(_is(t, self.late) for t in after[:1]):
            return "background"
        if e.rule.startswith("assault.detonate") \
                and any(_is(t, self.weapons_test) for t in tokens[k_end + 1:k_end + 6]):
            return "test"
        # (any event among sports people with no state in it, where two sports words say so: "تجري
        # إدارة النادي مفاوضات مع لاعبين"; هدف alone is also "aim")
        sports = self.sports & self._sentence(tokens)[0]
        if sports and (e.plover_type in _VIOLENT or (
                len({_bare(w) for w in sports}) > 1
                and not any(p is not None and p.actor.country for p in (e.source, e.target)))) \
                and not self._sports_in_names(doc, tokens):
            return "sports"
        if any(_is(t, self.metaphor) for t in after):
            return "metaphor"
        if e.plover_type == "PROTEST" and any(
                t.stem in ("تظاهره", "تظاهرات") and any(_is(n, self.cultural) for n in tokens[n0 + 1:n0 + 3])
                for n0, t in enumerate(tokens)):
            return "metaphor"  # "تظاهرة المسرح اللبناني", "تظاهرة ثقافية": a festival, not a protest
        person_attack = e.rule.startswith("assault.attack") and e.source is not None \
            and e.source.actor.kind == "person" and head is not None \
            and all(p in ("و", "ف") for p in head.prefixes)
        # "هاجم الوزير سياسة الحكومة": a decision, a policy or a statement is attacked in words
        act_attacked = e.rule.startswith("assault.attack") and e.target is not None \
            and any(m.start == e.target.start and m.end == e.target.end and "act.decision" in m.parts
                    for m in doc.mentions)
        # the words describing the attack: right after the trigger, or after a launch verb's
        # subject and noun (شن نواب المعارضة هجوماً عنيفاً على…), up to the target's preposition
        described = after
        if e.rule.startswith("assault.attack.launch"):
            described = []
            for t in tokens[k_end + 1:k_end + 7]:
                if t.is_punct or t.stem in ("على", "ضد"):
                    break
                described.append(t)
        unarmed = e.source is not None and e.source.actor.agent not in _ARMED
        if e.plover_type == "ASSAULT" and (
                person_attack or act_attacked or any(_is(t, self.verbal) for t in described)
                or (unarmed and any(_is(t, self.verbal_unarmed) for t in described))):
            # "شن هجوماً حاداً على…": a verbal attack is a criticism
            e.plover_type, e.plover_mode, e.cameo_code = "ACCUSE", "disapprove", "111"
            e.rule += "+verbal"
        return None


def _clause_before_tokens(tokens: list[Token], k: int, n: int, boundaries) -> list[Token]:
    out = []
    for tok in reversed(tokens[max(0, k - n):k]):
        if tok.is_punct and tok.norm in (".", "؛", ";", ":", "،", ","):
            break
        out.append(tok)
    return out


def _year_follows(tokens: list[Token], i: int) -> bool:
    """A year at `i`, with عام/سنة or a month's name before it or not: "2002", "عام 2002",
    "سبتمبر 2014", "أيلول (سبتمبر) 2014"."""
    if i < len(tokens) and (tokens[i].stem in ("عام", "سنة", "سنه") or tokens[i].norm in MONTH_NAMES):
        i += 1
        if i + 2 < len(tokens) and tokens[i].norm == "(" and tokens[i + 1].norm in MONTH_NAMES \
                and tokens[i + 2].norm == ")":
            i += 3  # "أيلول (سبتمبر) 2014": a month with its other name in brackets
    return i < len(tokens) and len(tokens[i].norm) == 4 and tokens[i].norm.isdigit() \
        and tokens[i].norm[:2] in ("19", "20")


def _verb_like(tok: Token) -> bool:
    """A finite verb cannot carry the article or a preposition clitic (قتل، يقتلون، استهدفت)."""
    return not any(p in ("ال", "ب", "ل", "ك") for p in tok.prefixes)


def _is(tok: Token, words: frozenset[str]) -> bool:
    return tok.stem in words or tok.norm in words
