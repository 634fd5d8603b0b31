"""Event attributes: negation, modality (intent, hypothetical, question), date, confidence.

- negated: a negator (لم، لن، لا، ليس، عدم، نفى…) within three words before the trigger, or a
  negative particle on the auxiliary (لن تدخر).
- modality: future (س/سوف on the trigger or its auxiliary) → "intent"; a conditional (إذا، لو)
  earlier in the sentence → "hypothetical"; a question (هل…؟) → "question". Per PLOVER, an
  intent to support/cooperate/aid is coded AGREE (CAMEO 03x) rather than as the act itself,
  and an announced retreat (سيسحب قواته، ستسمح بإدخال المساعدات) is CONCEDE (CAMEO 035x).
- yielding: an agreement or promise made in response to demands or pressure (استجابة لمطالب،
  بعد اعتصام) is CONCEDE (080; 035 for a promise or an intent).
- date: the date expression of the event's sentence nearest before the trigger (else after it);
  a date that opens the sentence (وفي 3 مايو 1995 …) dates the events with none of their own;
  historical references ("منذ حرب 1967") never date an event, but a year with عام/سنة right by
  the trigger does ("هدمت القوات القلعة عام 1991"، "وقعت الدولتان الاتفاق عام 2008": history,
  whatever the event's type); else the publication date.
"""

from __future__ import annotations

import re

from hudhud.arabic.normalize import normalize_simple
from hudhud.dates import REFERENCE_WORDS, find_dates
from hudhud.doc import Document, Event, Token
from hudhud.lexicon import Lexicon

INTENT_RECODE = {"SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONSULT": "036"}
# PLOVER manual (CONCEDE): "announced … would withdraw troops" is RETREAT + future, coded
# CONCEDE; its CAMEO code is the matching "express intent to yield" (035x)
RETREAT_INTENT = (("084", "0353"), ("085", "0354"), ("086", "0355"), ("087", "0356"))


# a refusal stated as a negated future ("لن نتفاوض مع…", "لن يسلّم البشير", "لن تنسحب قواتنا"):
# PLOVER REJECT, of the refused event's kind (CAMEO2PLOVER 12x)
REFUSAL = {"CONSULT": ("meet", "125"), "COOPERATE": ("assist", "121"), "AID": ("assist", "121"),
           "SUPPORT": (None, "120"), "AGREE": ("meet", "127"), "RETREAT": ("yield", "124"),
           "CONCEDE": ("yield", "124")}


def _refusal(e: Event) -> None:
    mode, code = REFUSAL[e.plover_type]
    e.plover_type, e.plover_mode, e.cameo_code, e.negated = "REJECT", mode, code, False
    e.rule += "+refusal"


def _intent(e: Event) -> None:
    """Recode an intended event: cooperation becomes AGREE, a retreat becomes CONCEDE."""
    if e.plover_type in INTENT_RECODE:
        e.plover_type, e.cameo_code, e.plover_mode = "AGREE", INTENT_RECODE[e.plover_type], None
        e.rule += "+intent"
    elif e.plover_type == "RETREAT":
        code = next((c for prefix, c in RETREAT_INTENT if (e.cameo_code or "").startswith(prefix)), "035")
        e.plover_type, e.cameo_code, e.plover_mode = "CONCEDE", code, None
        e.rule += "+intent"


# what a request asks for (grammar classes request_*) gives its mode and CAMEO code
# (and of a threat, classes threaten_*), when the pattern gave only the type's root code
CONTENT_MODES = {
    ("REQUEST", "100"): (("request_release", "yield", "1053"), ("request_deescalate", "yield", "1056"),
                         ("request_lift", "yield", "1054"), ("request_regime", "change", "1044"),
                         ("request_leave", "change", "1041"), ("request_reform", "change", "104"),
                         ("request_aid", "assist", "103"), ("request_talks", "meet", "106")),
    ("THREATEN", "130"): (("threaten_response", None, "130"), ("threaten_wmd", "violence", "1385"), ("threaten_blockade", "restrict", "1381"),
                          ("threaten_sanctions", "restrict", "1312"), ("threaten_relations", "relations", "1313"),
                          ("threaten_violence", "violence", "138")),
}
_CONTENT_STOPS = frozenset({".", "؛", ";", ":", "!", "؟", "?"})


# AGREE rules whose event becomes CONCEDE when it answers demands or pressure
YIELDING = ("agree.consent", "agree.pledge", "agree.promise")


class Attributes:
    def __init__(self, lexicon: Lexicon):
        self.yield_cues, self.pressure = lexicon.words("yield_cues"), lexicon.words("pressure")
        self.negators = lexicon.words("negators")
        self.denials, self.beliefs = lexicon.words("denial_verbs"), lexicon.words("belief_verbs")
        self.denied_reports = lexicon.words("denied_reports")
        self.future = lexicon.words("future")
        self.hypothetical = lexicon.words("hypothetical")
        self.question = lexicon.words("question")
        self.content_modes = {key: [([tuple(w.split()) for w in lexicon.words(cls)], mode, code)
                                    for cls, mode, code in table] for key, table in CONTENT_MODES.items()}

    def __call__(self, doc: Document) -> Document:
        date_cache: dict[int, list] = {}
        years_cache: dict[int, list] = {}
        by_sentence: dict[int, list[Event]] = {}
        for e in doc.events:
            by_sentence.setdefault(self._sentence_of(doc, e), []).append(e)
        for e in doc.events:
            si = self._sentence_of(doc, e)
            tokens = doc.tokens_of(si)
            k = next((n for n, tok in enumerate(tokens) if tok.start >= e.start), 0)
            window = tokens[max(0, k - 3):k]
            # (ما negates only right before the trigger: in "ما أسفر عن مقتل" it is "which"; so
            # does غير, which elsewhere negates an adjective: "قراراً غير ملزم يدعو…")
            e.negated = any((tok.stem in self.negators or tok.norm in self.negators)
                            and (tok.norm not in ("ما", "غير") or n == len(window) - 1)
                            for n, tok in enumerate(window)) \
                or self._denied(tokens, k)
            if not e.negated:
                # "ولن تفرض الولايات المتحدة عقوبات على تركيا": the noun completing a negated verb
                # of the same type shares its negation
                e.negated = any(o is not e and o.negated and o.plover_type == e.plover_type and o.end <= e.start
                                and _same_phrase(doc.text[o.end:e.start]) for o in by_sentence[si])
            if self._future(tokens, k):
                e.modality = "intent"
            if any(tok.stem in self.hypothetical or tok.norm in self.hypothetical for tok in tokens[:k]):
                e.modality = "hypothetical"
            if (tokens and tokens[0].stem in self.question) or (tokens and tokens[-1].norm in ("؟", "?")):
                e.modality = "question"
            if e.negated and e.plover_type in REFUSAL and e.source is not None \
                    and any(tok.norm in ("لن", "ولن", "فلن") for tok in window):
                _refusal(e)  # "أعلن خامنئي أن بلاده لن تجري مفاوضات مع واشنطن": a refusal
            elif e.modality == "intent":
                _intent(e)
            if e.plover_mode is None and (e.plover_type, e.cameo_code) in self.content_modes \
                    and (e.plover_type != "THREATEN" or e.rule.startswith("threaten.threaten")):
                # (a warning's content is the other side's conduct: "حذر من أن استخدام السلاح
                # الكيميائي خط أحمر")
                self._content_mode(tokens, k, e, self.content_modes[e.plover_type, e.cameo_code])
            if e.plover_type == "AGREE" and e.rule.startswith(YIELDING) \
                    and self._yielding(tokens[k + 1:]):
                # "وافق الوزير على تثبيت المعلمين بعد اعتصام استمر أسبوعين": a concession
                e.plover_type, e.plover_mode = "CONCEDE", None
                e.cameo_code = "035" if e.modality == "intent" or e.cameo_code == "032" else "080"
                e.rule += "+yield"
            elif e.rule.startswith("retreat.resign") and self._yielding(tokens[k + 1:]):
                # "استقال رئيس الوزراء استجابة لمطالب المحتجين": acceding to demands for a change
                # of leadership (CAMEO 0831), not an ordinary resignation
                e.plover_type, e.plover_mode, e.cameo_code = "CONCEDE", None, "0831"
                e.rule += "+yield"
            if si not in date_cache:
                s = doc.sentences[si]
                found = [d for d in find_dates(doc.text, doc.date, s.start, s.end) if d.date is not None]
                # ("الناشط المحبوس منذ نحو عشر سنوات": since when a state has lasted, after a
                # definite adjective, dates no event)
                found = [d for d in found if not self._state_since(doc.text, s.start, d)]
                date_cache[si] = [d for d in found if not d.historical]
                # a year named with عام/سنة (not منذ or a war's name) close to an event is when
                # it happened: "هدمت القوات القلعة عام 1991", "زار الرئيس الصين عام 2009" are history
                # (or inside a full date: "في السادس من أكتوبر عام 1981")
                years_cache[si] = [d for d in found if d.historical and _YEAR_INTRO.search(
                    normalize_simple(doc.text[max(s.start, d.start - 12):max(d.start + 4, d.end)]))
                    and not _REFERENCE.search(normalize_simple(doc.text[max(s.start, d.start - 16):d.start]))]
            # a date dates the trigger nearest to it, and every event that trigger fans out to;
            # a date that opens the sentence ("وفي 3 مايو 1995 انفجرت… وقتل…", "* 8 يناير 2004:")
            # also dates the events that have no date of their own
            own = [d for d in date_cache[si] if _nearest(d, by_sentence[si]).start == e.start]
            opening = [d for d in (date_cache[si][:1] or years_cache[si][:1])
                       if _OPENER.fullmatch(doc.text[doc.sentences[si].start:d.start])]
            # (a year with عام that opens the sentence frames it too: "وفي عام 2007 … أعلنت أمريكا
            # حصاراً")
            self._date(doc, e, own or opening)
            if e.date_text is None:
                near = [d for d in years_cache[si] if _nearest(d, by_sentence[si]).start == e.start
                        and _close(doc.text, e, d)]
                if near:
                    e.date, e.date_text, e.date_precision = near[0].date, near[0].text, near[0].precision
            if e.date and doc.date and e.date > doc.date and e.modality == "asserted":
                e.modality = "intent"  # a meeting "next Tuesday" has not happened yet
                _intent(e)
            e.confidence = self._confidence(e)
        return doc

    def _denied(self, tokens: list[Token], k: int) -> bool:
        """The trigger's clause is the complement of a denial or of a negated verb of saying or
        believing: "نفت الوزارة أن تكون قواتها قصفت…", "لا يعتقدون أن الصواريخ تستهدف…"."""
        # (or the report it denies: "نفى المتحدث صحة ما تداولته مواقع إخبارية عن انسحاب القوات")
        c = next((n for n in range(k - 1, max(-1, k - 8), -1)
                  if tokens[n].stem in ("ان", "بان") or tokens[n].norm in self.denied_reports
                  or tokens[n].stem in self.denied_reports), None)
        if c is None:
            return False
        before = tokens[max(0, c - 3):c]
        for tok in reversed(tokens[max(0, c - 10):c]):
            # (the denier's name may stand between: "نفى وزير الداخلية فلان الفلاني أن")
            if tok.is_punct or tok.stem in ("ان", "بان", "قال", "اكد", "اضاف"):
                break
            if tok.stem in self.denials or tok.norm in self.denials:
                return True
        return any((a.stem in self.negators or a.norm in self.negators)
                   and (b.stem in self.beliefs or b.norm in self.beliefs) for a, b in zip(before, before[1:]))

    @staticmethod
    def _state_since(text: str, start: int, d) -> bool:
        """A "منذ" date right after a definite adjective or participle (المحبوس، المعتقل، المستمر):
        how long a state has lasted."""
        if not normalize_simple(d.text).startswith("منذ"):
            return False
        before = normalize_simple(text[max(start, d.start - 25):d.start]).split()
        return bool(before) and before[-1].startswith("ال") and len(before[-1]) > 4

    def _yielding(self, after: list[Token]) -> bool:
        """A cue of yielding after the trigger: استجابة لـ، تلبية لـ، نزولاً عند، or بعد/إثر +
        protests, a sit-in, a strike or pressure."""
        for n, tok in enumerate(after):
            if tok.stem in self.yield_cues or tok.norm in self.yield_cues:
                return True
            if tok.stem in ("بعد", "اثر", "عقب") and n + 1 < len(after) \
                    and (after[n + 1].stem in self.pressure or after[n + 1].norm in self.pressure):
                return True
        return False

    @staticmethod
    def _content_mode(tokens: list[Token], k: int, e: Event, table) -> None:
        """"طالبت المنظمة السلطات بالإفراج عن…" (yield, 1053), "دعا الأسد إلى التنحي" (change,
        1041), "هدد بضرب مواقع" (violence, 138): the first thing asked for or threatened in the
        twelve words after the trigger names the mode."""
        end = next((n for n in range(k, len(tokens)) if tokens[n].end >= e.end), k) + 1
        window = []
        for tok in tokens[end:end + 12]:
            if tok.norm in _CONTENT_STOPS:
                break
            window.append(tok)

        def word(tok: Token, w: str) -> bool:
            # (a phrase's first word may keep its ب when the tokenizer did not know it: بإغلاق)
            return w in (tok.stem, tok.norm) or (w.startswith("ال") and w[2:] == tok.stem) \
                or (tok.norm[:1] in ("ب", "ل") and tok.norm[1:] == w)

        for n in range(len(window)):
            for phrases, mode, code in table:
                if any(n + len(ph) <= len(window) and all(word(window[n + d], w) for d, w in enumerate(ph))
                       for ph in phrases):
                    if mode is not None:  # (a class with no mode ends the search)
                        e.plover_mode, e.cameo_code = mode, code
                        e.rule += "+" + mode
                    return

    def _future(self, tokens: list[Token], k: int) -> bool:
        for tok in tokens[max(0, k - 6):k + 1]:
            if "س" in tok.prefixes or tok.stem in self.future or tok.norm in self.future:
                return True
        return False

    @staticmethod
    def _sentence_of(doc: Document, e: Event) -> int:
        for i, s in enumerate(doc.sentences):
            if s.start <= e.start < s.end:
                return i
        return 0

    @staticmethod
    def _date(doc: Document, e: Event, dates) -> None:
        before = [d for d in dates if d.end <= e.start]
        # a date after the trigger but inside a relative clause describes that clause's noun:
        # "يعتصم أنصاره ضد الوزير الذي أطاحه انقلاب عام 2006" is a sit-in of today
        after = [d for d in dates if d.start >= e.end
                 and not _RELATIVE.search(normalize_simple(doc.text[e.end:d.start]))]
        pick = before[-1] if before else (after[0] if after else None)
        if pick is not None:
            e.date, e.date_text, e.date_precision = pick.date, pick.text, pick.precision
        elif doc.date is not None:
            e.date, e.date_text, e.date_precision = doc.date, None, "day"

    @staticmethod
    def _confidence(e: Event) -> float:
        c = 0.5
        if e.source is not None and e.source.actor.id:
            c += 0.15
        if e.target is not None and e.target.actor.id:
            c += 0.15
        if e.source is not None and e.target is not None:
            c += 0.1
        if e.modality != "asserted":
            c -= 0.1
        return max(0.05, min(c, 0.95))


_YEAR_INTRO = re.compile(r"(?:^|\s)[وف]?(?:ب|في|خلال)?\s*(?:ال)?(?:عام|سنه)\s")
_REFERENCE = re.compile(r"(?:" + "|".join(REFERENCE_WORDS) + r")\s+(?:ال)?(?:عام|سنه)?\s*$")


def _same_phrase(gap: str) -> bool:
    """At most five words and no punctuation between two triggers."""
    return len(gap.split()) <= 5 and not re.search(r"[.،,؛:()\[\]«»\"]", gap)


def _close(text: str, e: Event, d) -> bool:
    """The year is within about five words of the trigger, with no punctuation or relative
    pronoun between ("فجر انتحاري نفسه في السوق عام 2005", "وفي عام 2005 فجر…")."""
    gap = text[e.end:d.start] if d.start >= e.end else text[d.end:e.start]
    return len(gap.split()) <= 6 and not re.search(r"[.،,؛:()\[\]]", gap) \
        and not _RELATIVE.search(normalize_simple(gap))


# what may come before a date that opens a sentence: و، في، a list mark
_OPENER = re.compile(r"[\s*•\-–ـ]*(?:و?في|و)?[\s]*")
_RELATIVE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?=\s|$)")


def _nearest(d, events: list[Event]) -> Event:
    """The event whose trigger is closest to date expression `d` (a date dates one event)."""
    def gap(e: Event) -> int:
        return e.start - d.end if d.end <= e.start else (d.start - e.end if d.start >= e.end else 0)
    return min(events, key=gap)
