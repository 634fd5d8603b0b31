"""Events: trigger patterns → source and target, with the speaker of reported speech.

For each trigger (a verb, verbal noun or participle from `lexicon/data/verbs/*.yaml`):
- the subject is the actor right before the trigger (SVO), else the first bare actor after it (VSO),
  else, for a sentence-initial verb with و/ف (وأضاف، وأكد) or a participle (مؤكداً), the running
  subject of the article (subject-less continuation);
- verbal nouns take their source from the genitive after them (دعم إيران) when the pattern says
  so, else from the nearest actor before them (وأكد هنية في اتصال هاتفي مع روحاني);
- the target comes from the pattern's frame: a preposition (اتصل بـ، مع، على), the object, a
  genitive (اغتيال X), a marker (عاصمة لـ), or the subject for reversed frames (تلقى اتصالاً من);
- a verb with an object pronoun and an actor right after it reads VSO, its pronoun pointing back
  to the target (سفينة اختطفها قراصنة); a passive that opens its clause needs no agent (خُطف
  موظف بريطاني أمس), من قبل/برصاص/على يد name one, and a named body is never the patient;
- a joined verb with an object pronoun acts on the earlier object (استدعت السفير وطالبته);
  a noun that is one of a coded split verb's `then` words is that verb's complement, not a
  second event (وجّه الرئيس اتهامات إلى إيران); fire aimed at a place hits the place's country;
- subjects and objects are never searched across clause boundaries (أن، الذي، :، …).
Speech verbs (type SPEECH) are not events: they set the speaker that later reported events and
`source: {speaker: true}` frames fall back on.
"""

from __future__ import annotations

from dataclasses import dataclass

from hudhud.arabic.normalize import normalize_simple
from hudhud.components.match import Match
from hudhud.components.mentions import AFFILIATED, NUMERALS
from hudhud.components.places import DIRECTIONS, PLACE_INTRODUCERS, PLACE_NOUNS
from hudhud.dates import WEEKDAYS
from hudhud.doc import Actor, Document, Event, Mention, Participant, Report, Token
from hudhud.lexicon import Lexicon

_HARD_PUNCT = frozenset({":", ".", "؟", "?", "!", "؛", ";"})
_QUOTES = frozenset({'"', "'"})
_AGENT_PREPS = ["على يد", "برصاص", "بنيران", "بصاروخ", "بقذيفة", "من قبل"]
# "وفد برئاسة X": X heads the subject, he is not the object
# honorifics before a name ("الشيخ محمد بن زايد"): see _subject_tokens
_NAME_TITLES = frozenset({"شيخ", "امير", "ملك", "سيد", "دكتور", "مشير", "فريق", "لواء", "عاهل"})
_HEADED_BY = frozenset({"برئاسه", "يتقدمه", "يتقدمهم", "يراسه", "ترأسه"})  # (بقيادة is also "with the leadership of")
_AGENT_WORDS = frozenset({"برصاص", "بنيران", "بصاروخ", "بقذيفه", "يد", "ايدي"})
# prepositions that set a noun in a circumstance ("X في هجوم"): X is not the noun's author
_CIRCUMSTANCE = frozenset({"في", "خلال", "اثر", "عقب", "بعد", "قبل", "جراء", "خلفيه", "اعقاب", "ردا", "وسط",
                           "بسبب"})
_PREP_WORDS = frozenset({"في", "من", "علي", "عن", "الي", "مع", "بعد", "قبل", "خلال", "اثر", "عقب", "حول"})


@dataclass(slots=True)
class _M:
    """A mention with sentence-local token indices."""

    i: int
    j: int
    m: Mention


class EventFinder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.boundaries = lexicon.words("boundaries")
        self.particles = lexicon.words("verb_particles")
        self.crowd = lexicon.words("crowd")
        self.prepositions = lexicon.words("prepositions")
        self.time_nouns = lexicon.words("time_nouns")
        self.attack_nouns = lexicon.words("attack_nouns")
        self.departures = lexicon.words("protest_departures")
        self.attribute_nouns = lexicon.words("attribute_nouns")
        self.firearms = lexicon.words("instrument_firearms")
        self.beating = lexicon.words("instrument_beating")
        self.attack_objects = lexicon.words("attack_objects")
        self.between_topics = lexicon.words("between_topics")
        self.aim = lexicon.words("guard_aim")  # استهدف and its forms
        self.complement_heads = lexicon.words("complement_heads")
        self.control_verbs = lexicon.words("control_verbs")
        self.list_openers = lexicon.words("list_openers")
        self.authored, self.authored_by = lexicon.words("authored_things"), lexicon.words("authored_by")
        self.relative = lexicon.words("guard_relative")
        self.yield_cues = lexicon.words("yield_cues")
        self._hard_counts: tuple[list[Token], list[int]] | None = None  # see _clear
        self._named: frozenset[int] = frozenset()  # the ids of the tokens inside mentions: see _hard
        self._actor_cache: tuple[list[Token], list[tuple[int, int]]] | None = None  # see _subject_tokens
        self._mention_ends: tuple[Document, dict[int, Mention]] | None = None  # see _context_before_subject

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[_M]] = {}
        for m in doc.mentions:
            base = doc.sentence_tokens[m.sentence][0]
            by_sentence.setdefault(m.sentence, []).append(_M(m.token_start - base, m.token_end - base, m))
        running_subject: Mention | None = None   # the article's current subject, for continuations
        speaker: Mention | None = None
        for si, sent in enumerate(doc.sentences):
            tokens = doc.tokens_of(si)
            matches = doc.matches[si] if si < len(doc.matches) else []
            mentions = sorted(by_sentence.get(si, []) + self._nisba_authors(doc, tokens, matches),
                              key=lambda x: x.i)
            # (a boundary word inside an actor's name is a name: the president لولا)
            self._named = frozenset(id(tokens[k]) for mm in mentions for k in range(mm.i, min(mm.j, len(tokens))))
            sentence_speaker = None
            sentence_subject = None
            sentence_events: list[Event] = []
            adverbials: list[Event] = []
            # (a split verb's `then` words: "وجه الرئيس اتهامات إلى إيران" is one accusation)
            split_verbs: list[tuple[int, int, dict, list[Event]]] = []
            nouns: list[tuple[int, list[Event]]] = []
            for t in matches:
                if t.kind != "trigger":
                    continue
                if any(mm.i < t.j and t.i < mm.j for mm in mentions):
                    continue
                viable = [f for f in (t.form, *t.alts) if self._viable(doc, tokens, t, f)]
                if not viable:
                    continue
                if viable[0].entry.data.get("type") == "SPEECH":
                    # "نقلت الحكومة إلى تونس مطلوبين": a pattern whose `then` words are there is
                    # more specific than the speech verb written alike (نقل "reported")
                    viable.sort(key=lambda f: not f.entry.data.get("then"))
                t = Match(t.i, t.j, viable[0], tuple(viable[1:]))
                p = t.form.entry.data
                continuation = False
                opening = next((mm.m for mm in mentions if mm.i <= 2 and not mm.m.prep and mm.i < t.i), None) \
                    if t.form.pos == "participle" and not sentence_subject else None
                if t.form.pos == "participle" and self._continues(tokens, t) \
                        and (sentence_subject or opening or running_subject):
                    # a participle after a comma (مثمناً، مؤكداً) continues the sentence's subject
                    # (the actor that opens it, when no event was coded before: "خاطب الرئيس
                    # الدول الأوروبية، مهدداً بـ…")
                    subject, how = sentence_subject or opening or running_subject, "participle"
                    continuation = True
                elif _is_verb(tokens, t) and t.j < len(tokens) and tokens[t.j].norm in _HONORIFICS \
                        and (sentence_subject or speaker or running_subject):
                    # "وطالب معاليه المجتمع الدولي بـ…": the honorific with its pronoun is the
                    # subject named before (the actor after it is the object)
                    subject, how = sentence_subject or speaker or running_subject, "honorific"
                    continuation = True
                elif _is_verb(tokens, t) and (sentence_speaker or speaker) and _first_person(tokens[t.i], t):
                    # "وقال عباس: نطالب المجتمع الدولي…": "we" are the speaker's side
                    subject, how = sentence_speaker or speaker, "first-person"
                    continuation = True
                elif sentence_speaker is not None and self._pronoun_subject(tokens, t, p):
                    # "أعلنت إسرائيل أنها ستسمح…", "قال الوزير إنه التقى نظيره": أن/إن + pronoun
                    # after a speech verb is its speaker (an actor after the verb is the object)
                    subject, how = sentence_speaker, "pronoun"
                else:
                    subject, how = self._subject(tokens, mentions, t, matches)
                    if subject is None and sentence_subject is not None and _is_verb(tokens, t) \
                            and not in_list(tokens, t.i, self.list_openers) \
                            and (tokens[t.i].prefixes[:1] in (("و",), ("ف",))
                                 or (t.i > 0 and tokens[t.i - 1].norm in ("ثم", "وثم")
                                     and tokens[t.i].stem[:1] not in "يتن")) \
                            and not self._continues(tokens, t):
                        # "اعتقلت الشرطة… وأفرجت عن…", "قصفت الطائرات مواقع… فقتلت عشرين مسلحاً"
                        # (the subject of the clause's last event, not the speaker: "قال محامي
                        # الناشط إن قوات الأمن داهمت منزله واعتقلته")
                        last = next((e.source for e in reversed(sentence_events) if e.source is not None), None)
                        last = next((mm.m for mm in mentions if last is not None and mm.m.start == last.start
                                     and mm.m.end == last.end and not mm.m.target_only), None)
                        subject, how = last or sentence_subject, "coordinated"
                    elif subject is None and _is_verb(tokens, t) and _plural_past(tokens[t.i]) \
                            and tokens[t.i].prefixes[:1] in (("و",), ("ف",)):
                        # "اقتحم مسلحون مهبطاً… وخطفوا أربعة أوروبيين": the first verb's subject,
                        # even where that verb is no event of ours
                        subject, how = self._earlier_subject(tokens, mentions, t, matches), "coordinated"
                if subject is None and self._continues(tokens, t):
                    subject = sentence_subject or (speaker if p.get("type") == "SPEECH" else None) \
                        or running_subject
                    how, continuation = "continuation", subject is not None
                if p.get("type") == "SPEECH":
                    if subject is not None and subject.target_only:
                        continue  # "قرار الإدارة نقل السفارة": a decision does not speak
                    if subject is not None:
                        sentence_speaker = subject
                        speaker = subject
                        sentence_subject = sentence_subject or subject
                        running_subject = subject
                        doc.note(f"speech '{_surface(doc, tokens, t)}': speaker {subject.text} ({how})")
                    continue
                if t.i > 0 and tokens[t.i - 1].norm == "علي" \
                        and any(ev.plover_type == "AGREE" and ev.end <= tokens[t.i].start for ev in sentence_events):
                    # "اتفقت الرياض وطهران، أمس، على استئناف العلاقات": what is agreed on is the
                    # agreement's content, still to come (and the date is the agreement's)
                    doc.note(f"{p['id']}: '{_surface(doc, tokens, t)}' is what an agreement agrees on")
                    continue
                rep = sentence_speaker or (speaker if continuation or _embedded(tokens, t, self.boundaries) else None)
                event = self._event(doc, si, tokens, mentions, t, p, subject, rep, how)
                for alt in t.alts:  # another pattern on the same words (an analyst's, a narrower frame)
                    if event:
                        break
                    ap = alt.entry.data
                    if ap.get("type") == "SPEECH":
                        continue
                    event = self._event(doc, si, tokens, mentions, Match(t.i, t.j, alt), ap, subject, rep, how)
                if event and _is_verb(tokens, t) and (tokens[t.i].prefixes[:1] in (("و",), ("ف",))
                                                      or (t.i > 0 and tokens[t.i - 1].norm == "ثم")) \
                        and tokens[t.j - 1].suffix in _OBJECT_PRONOUNS and (p.get("target") or {}).get("object"):
                    self._pronoun_object(doc, event, sentence_events)
                    if "target" in p.get("require", ["source", "target"]) \
                            and any(e.target is None for e in event):
                        # (a pronoun that points back to no earlier target: the event stays unproven)
                        doc.note(f"{p['id']}: rejected '{_surface(doc, tokens, t)}' (its pronoun points back "
                                 "to no earlier target)")
                        event = [e for e in event if e.target is not None]
                if subject is not None and not subject.target_only and "group.victims" not in subject.parts:
                    # (victims are patients, never the subject a later وأكد or محملاً continues)
                    sentence_subject = sentence_subject or subject
                    running_subject = subject
                sentence_events.extend(event)
                if (t.form.pos == "noun" and _adverbial_token(tokens[t.i])) or (
                        t.form.pos == "verb" and "\u064b" in doc.text[tokens[t.i].start:tokens[t.i].end]):
                    # (written with tanween, a verb's spelling is its accusative noun: "رفض الرئيس
                    # رفضاً قاطعاً" has one rejection; a participle, "متهمةً الدوحة", is an event)
                    adverbials.extend(event)
                if event and p.get("then") and _is_verb(tokens, t):
                    # (the window its then-word was found in: the subject's words do not count)
                    window = self._clause_after(tokens, t, p.get("then_within", 30),
                                                self._subject_tokens(doc, tokens, t))
                    end = next((k + 1 for k in range(len(tokens) - 1, t.j - 1, -1)
                                if window and tokens[k] is window[-1]), t.j)
                    split_verbs.append((t.j, max(end, t.j + p.get("then_within", 30)), p, event))
                elif event and not _is_verb(tokens, t):
                    nouns.append((t.i, event))  # (a verb form with ب/ل is a noun: تعرضت لقصف)
            sentence_events = self._drop_complements(doc, tokens, sentence_events, split_verbs, nouns)
            doc.events.extend(self._drop_adverbials(doc, sentence_events, adverbials))
        self._hard_counts = self._actor_cache = self._mention_ends = None
        return doc

    @staticmethod
    def _pronoun_object(doc: Document, events: list[Event], earlier: list[Event]) -> None:
        """"استدعت الخارجية السفير العراقي وطالبته بتوضيح": a joined verb whose object is a
        pronoun acts on the target of the same source's event before it."""
        for e in events:
            if e.target is not None or e.source is None:
                continue
            prev = next((o for o in reversed(earlier) if o.target is not None and o.source is not None
                         and o.source.actor == e.source.actor and o.end <= e.start), None)
            if prev is not None:
                e.target = prev.target
                doc.note(f"{e.rule}: the pronoun on '{e.trigger}' is {prev.target.name}, the object of "
                         f"'{prev.trigger}'")

    def _drop_complements(self, doc: Document, tokens: list[Token], events: list[Event],
                          split_verbs: list[tuple[int, int, dict, list[Event]]],
                          nouns: list[tuple[int, list[Event]]]) -> list[Event]:
        """A noun that is one of a coded split verb's `then` words, in its window and of its type
        (or any type, after a verb that undoes, threatens or refuses it), is the verb's
        complement, not a second event ("وجه الرئيس اتهامات إلى إيران بدعم
        الميليشيات": one accusation, of Iran)."""
        drop: list[Event] = []
        for i, evs in nouns:
            for a, b, p, verb in split_verbs:
                # (of another type when the verb undoes, threatens or refuses it: "خففت إسرائيل
                # الحصار", "هددت بفرض عقوبات"; but "فرقت الشرطة مظاهرة نظمتها النقابات" is two events)
                if a <= i < b and (all(e.plover_type == p["type"] for e in evs) or p["type"] in _UNDOING) \
                        and self._clear(tokens, a, i) and self._context(tokens[i:i + 1], p["then"]):
                    # (a role only the noun found goes to the verb: "نفذت المقاتلات غارات على فندق
                    # يتجمع فيه الحوثيون")
                    for v in verb:
                        for role in ("source", "target"):
                            if getattr(v, role) is None:
                                # (not the verb's other role: in "تعرضت السفارة لقصف" the noun
                                # took the verb's subject as its source)
                                taken = {(m.start, m.end) for m in (v.source, v.target) if m is not None}
                                setattr(v, role, next((getattr(e, role) for e in evs if getattr(e, role)
                                                       and (getattr(e, role).start, getattr(e, role).end)
                                                       not in taken), None))
                    drop.extend(evs)
                    word = doc.text[tokens[i].start:tokens[i].end]
                    doc.note(f"{p['id']}: '{word}' is the verb's complement, not an event")
                    break
        return [e for e in events if not any(e is d for d in drop)]

    @staticmethod
    def _drop_adverbials(doc: Document, events: list[Event], adverbial: list[Event]) -> list[Event]:
        """'استدعت الأردن سفيرها احتجاجاً على…': an accusative verbal noun (احتجاجاً، تنديداً) says why
        the clause's own event happened; it is an event of its own only when nothing else is coded."""
        if not adverbial:
            return events
        main = [e for e in events if not any(e is a for a in adverbial)]
        out = []
        for e in events:
            if any(e is a for a in adverbial) and any(m.start < e.start for m in main):
                doc.note(f"{e.rule}: dropped '{e.trigger}' (an adverbial of the clause's own event)")
                continue
            out.append(e)
        return out

    def _time_of_day(self, tokens: list[Token], i: int) -> bool:
        """A time noun before a day ("فجر اليوم", "صباح الأحد"): no verb."""
        return i + 1 < len(tokens) and tokens[i].stem in self.time_nouns \
            and (tokens[i + 1].stem in _DAY_WORDS or tokens[i + 1].norm in _DAY_WORDS)

    def _viable(self, doc: Document, tokens: list[Token], t: Match, form, quiet: bool = False) -> bool:
        """Can this pattern apply here at all (form, context words, required following words)?"""
        p = form.entry.data
        note = (lambda line: None) if quiet else doc.note
        surface = _surface(doc, tokens, t)
        if form.pos == "verb" and "ال" in tokens[t.i].prefixes:
            return False  # a verb never takes the article (الاثنين is not أثنى)
        if form.pos == "verb" and t.j - t.i == 1 and self._time_of_day(tokens, t.i):
            return False  # "فجر اليوم"، "فجر الأحد": dawn, not "he detonated"
        if form.pos == "verb" and t.i > 0 and not tokens[t.i].prefixes and _counts(tokens[t.i - 1]):
            return False  # a numeral counts nouns: "400 طالب وطالبة" are students, not "he demanded"
        if form.flags and any(f.startswith("lead:") and f[5:] not in tokens[t.i].prefixes for f in form.flags):
            return False  # "بالتنسيق مع" written without its ب: التنسيق مع
        if p.get("nouns_bare") and any(c in tokens[t.i].prefixes for c in ("ب", "ل")) \
                and not _light_verb(tokens, t):
            # (after a light verb the noun is the act itself: "قامت الحكومة بتجميد العلاقات")
            # (a verb form with ب/ل is its verbal noun: "لوّح بفرض عقوبات")
            note(f"{p['id']}: rejected '{surface}' (a complement: تعهد بإلغاء، طالب بإلغاء)")
            return False
        if p.get("type") == "SPEECH" and form.pos == "verb" and not _is_verb(tokens, Match(t.i, t.j, form)):
            return False  # بنقل is a noun, not "he reported"
        if p.get("context") and not self._context(tokens[max(0, t.i - 4):t.i], p["context"]) \
                and not self._context_before_subject(doc, tokens, t, p["context"]) \
                and not _light_verb(tokens, t) \
                and not (p.get("type") == "ASSAULT" and self._launched(tokens, t)):
            # (a light verb: "قام الرئيس السوري بشار الأسد بزيارة…"; an attack noun that a launch
            # verb with its pronoun follows: "هجوم شنه مستوطنون")
            note(f"{p['id']}: rejected '{surface}' (no context word)")
            return False
        if p.get("then") and form.pos == "verb" and not _is_verb(tokens, Match(t.i, t.j, form)):
            note(f"{p['id']}: rejected '{surface}' (a verbal noun: بشن، مواصلة قطع)")
            return False  # a split verb needs the verb itself: "تهديدات إسرائيل بشن اعتداءات"
        if p.get("then") and p.get("type") == "PROTEST" and form.pos == "verb" and tokens[t.i].suffix \
                and t.i > 0 and not self._context(tokens[t.i - 1:t.i], p["then"]):
            # "اشتباكات شهدتها كوسوفو بين الشرطة ومتظاهرين": the pronoun is the noun before the
            # verb, what it saw; the protest word after it is not
            note(f"{p['id']}: rejected '{surface}' (its pronoun points back to no protest)")
            return False
        if p.get("then") and form.pos in ("verb", "participle") \
                and not self._context(self._answered(self._clause_after(tokens, t, p.get("then_within", 30),
                                                                        self._subject_tokens(doc, tokens, t))),
                                      p["then"]):
            note(f"{p['id']}: rejected '{surface}' (no {p['then'][0]}… after it)")
            return False
        return True

    def _answered(self, window: list[Token]) -> list[Token]:
        """The window without the demands a step answers: in "قدم استقالته مستجيباً لمطالب
        المحتجين" (a yield cue before them, grammar class yield_cues) no demands are handed over."""
        return [tok for n, tok in enumerate(window)
                if not (n > 0 and (window[n - 1].stem in self.yield_cues or window[n - 1].norm in self.yield_cues))]

    # --- subject search ---------------------------------------------------------------------
    def _hard(self, tok: Token) -> bool:
        if tok.is_punct:
            return tok.norm in _HARD_PUNCT
        return (tok.stem in self.boundaries or tok.norm in self.boundaries) and id(tok) not in self._named

    def _clear(self, tokens: list[Token], a: int, b: int) -> bool:
        """No clause boundary among tokens[a:b]."""
        if b <= a:
            return True
        cached = self._hard_counts
        if cached is None or cached[0] is not tokens:
            counts = [0]
            for tok in tokens:  # counts[k]: the boundaries among tokens[:k]
                counts.append(counts[-1] + self._hard(tok))
            cached = self._hard_counts = (tokens, counts)
        counts = cached[1]
        return counts[min(b, len(tokens))] == counts[max(a, 0)]

    def _subject(self, tokens, mentions: list[_M], t: Match, matches: list[Match]) -> tuple[Mention | None, str]:
        # (a verb's spelling after a control verb is its verbal noun: "أمر الرئيس، أمس، ببدء سحب القوات")
        is_verb = _is_verb(tokens, t) and not self._controlled(tokens, t)
        # (not a word that only looks like a verb: "فجر اليوم" is dawn, "الاثنين" a day)
        verbs_between = [x for x in matches if x.kind == "trigger" and x is not t
                         and not (x.form.pos == "verb" and (tokens[x.i].norm in _DAY_WORDS
                                                            or self._time_of_day(tokens, x.i)))]
        before = [mm for mm in mentions if mm.j <= t.i]
        after = [mm for mm in mentions if mm.i >= t.j]
        joined = is_verb and tokens[t.i].prefixes[:1] in (("و",), ("ف",))
        # SVO: an actor right before the verb (only particles like قد/لم/سوف or quotes between;
        # and its patron: "ميليشيات موالية لإيران هاجمت")
        patron = {k for x in before if x.m.prep == "ل" and x.i > 0 and tokens[x.i - 1].norm in AFFILIATED
                  for k in range(x.i - 1, x.j)}
        if is_verb and t.j - t.i == 1 and tokens[t.i].suffix in _OBJECT_PRONOUNS:
            # a verb with an object pronoun and an actor right after it: that actor is the subject
            # ("سفينة أوكرانية اختطفها قراصنة صوماليون"); the pronoun points back (the target)
            nxt = next((mm for mm in after if all(g.stem in self.time_nouns or g.stem in self.particles
                                                  for g in tokens[t.j:mm.i])), None)
            if nxt is not None and not nxt.m.prep:
                return nxt.m, "vso-pronoun"
        if self._controlled(tokens, t):
            # "المملكة قررت رفع الحظر", "الرزاز يعلن سحب المشروع": the control verb's SVO subject
            k = t.i - 1
            mm = next((x for x in reversed(before) if x.j <= k), None)
            if mm is not None and not mm.m.prep and all(
                    g.is_punct and g.norm in _QUOTES or g.stem in self.particles for g in tokens[mm.j:k]):
                return mm.m, "svo-control"
        # ...or, for a verb's spelling, its VSO subject, adjectives allowed after it: "قررت المحكمة
        # الإدارية العليا حل الحزب" (a true noun takes the subject before it below, where an
        # announced death keeps its victim: "أعلنت الوزارة استشهاد مراسلة")
        ctl = next((mm for mm in reversed(before) if mm.j <= t.i), None) if t.form.pos == "verb" else None
        # (a past control verb: "ويبدأ الناس بالاحتجاج" is commentary on what people do)
        if ctl is not None and not ctl.m.prep and ctl.i > 0 and self._control_word(tokens[ctl.i - 1]) \
                and tokens[ctl.i - 1].stem[:1] not in "يت" \
                and t.i - ctl.j <= 5 and len([g for g in tokens[ctl.j:t.i] if not self._time_aside(g)]) <= 2 \
                and all((g.has_article and not set(g.prefixes) - {"ال"} and not g.suffix) or self._time_aside(g)
                        for g in tokens[ctl.j:t.i]):
            # (an aside of time may follow the subject: "أعلنت الحكومة الألمانية، الاثنين، طرد…")
            return ctl.m, "vso-control"
        partitive: set[int] = set()  # "مهاجماً انتحارياً من حركة طالبان فجّر": من + its noun
        aside = range(0)
        if not is_verb and t.i > 2 and tokens[t.i - 1].norm in ("،", ","):
            # a noun's subject may stand before an aside between commas: "أعلنت السعودية وإيران، في
            # بيان صدر في بكين، اتفاقهما على…"
            opening = self._opening_comma(tokens, t.i - 1, 11)
            # (an aside of circumstance, opened by a preposition or a time word: not an
            # apposition: "أميرها في مالي والنيجر، إياد أغ غالي، والتخلي عن…")
            if opening is not None and opening + 1 < t.i \
                    and (tokens[opening + 1].norm in _PREP_WORDS or self._time_aside(tokens[opening + 1])):
                aside = range(opening, t.i)
        for mm in reversed(before):
            if joined:
                break  # a subject never comes before و+verb: "منعت الشرطة مسيرة المعارضة وأغلقت…"
            if mm.i in aside:
                continue
            gap = [g for k, g in enumerate(tokens[mm.j:t.i], mm.j) if k not in patron and k not in partitive
                   and k not in aside]
            if not self._clear(tokens, mm.j, t.i):
                break
            if any(v.i >= mm.j and v.j <= t.i and v.i not in aside for v in verbs_between):
                break
            if mm.m.prep and is_verb:
                if mm.m.prep == "من" and mm.i > 1 and tokens[mm.i - 1].norm == "من" \
                        and (tokens[mm.i - 2].stem in self.crowd or tokens[mm.i - 2].norm in self.crowd) \
                        and len([g for g in gap if g.stem not in self.particles]) <= 2 \
                        and not any(g.is_punct for g in gap):
                    # "العشرات من المستوطنين هاجموا", "العشرات من مستوطني يتسهار اقتحموا": the many of a
                    # group (its genitive or an adjective between)
                    return mm.m, "svo"
                if mm.m.prep == "من" and mm.i > 0 and tokens[mm.i - 1].norm == "من" \
                        and all(k in partitive for k in range(mm.j, t.i) if tokens[k].stem not in self.particles):
                    partitive.update(range(mm.i - 1, mm.j))
                continue
            if is_verb:
                if all(g.is_punct and g.norm in _QUOTES or g.stem in self.particles for g in gap):
                    return mm.m, "svo"
                if gap and len(gap) <= 3 and all(g.stem in self.time_nouns or g.stem in _DAY_WORDS
                                                 or g.norm in _DAY_WORDS or g.stem in self.particles for g in gap):
                    return mm.m, "svo"  # "رئيس الوزراء مساء أمس استقالته": a time adverbial between
                if _age_aside([g for g in gap if g.stem not in self.particles]):
                    return mm.m, "svo"  # "الشاب، 20 عاماً، قُتل برصاص الجنود"
                if _construct(tokens[mm.j - 1]) and len(gap) == 1 and not gap[0].is_punct \
                        and not any(x.i == mm.j for x in verbs_between):
                    # "العشرات من مستوطني يتسهار اقتحموا": a plural in construct (مستوطني،
                    # مقاتلو: its ن dropped) is followed by its genitive, a name we may not know
                    return mm.m, "svo"
                break
            by_attack = "ب" in tokens[t.i].prefixes and t.form.entry.data.get("type") == "ASSAULT"
            if (any(g.stem in _CIRCUMSTANCE for g in gap) or by_attack) \
                    and not _light_verb(tokens, t) and "group.victims" not in mm.m.parts:
                # "اعتقال جنديين في تفجير سيارة", "قتل ثلاثة من الشرطة بانفجار": what happened
                # in (or by) the attack, not its author
                break
            commas = [n for n, g in enumerate(gap) if g.norm in ("،", ",")]
            if len(commas) > 1 and not _light_verb(tokens, t) and not _adverbial_token(tokens[t.i]) \
                    and not all(self._time_aside(g) or g.stem in self.particles
                                for g in gap[commas[0]:commas[1]]):
                # (an apposition between commas: "أميرها في مالي، إياد أغ غالي، والعدول عن…"; not
                # an aside of time, "، مساء الأحد،", nor احتجاجاً after a comma, the clause's)
                break
            if mm.m.prep in ("", "ب", "ل") or not mm.m.prep:
                return mm.m, "before-noun"
        if is_verb and (tokens[t.i].stem in self.aim or tokens[t.i].norm in self.aim) and any(
                x.kind == "trigger" and x.form.pos == "noun" and x.form.entry.data.get("type") == "ASSAULT"
                and t.i - 1 <= x.j <= t.i for x in matches):
            # "انفجار عبوة ناسفة استهدفت حاجزاً": the attack is the subject, what follows
            # is what it hit
            return None, ""
        if is_verb and (_plural_past(tokens[t.i]) or _first_person(tokens[t.i], t)
                        or (t.j < len(tokens) and tokens[t.j].stem in _REFLEXIVE)):
            # "وخطفوا ثلاثة مهندسين": a verb that agrees in the plural carries its subject (a verb
            # before its subject stays singular), so the actor after it is the object; and after
            # "فجّر نفسه" the subject came before (قرب موكب الوزير is where, not who)
            return None, ""
        if is_verb:
            # VSO: the first actor after the verb without a preposition, adverbials allowed between
            feminine = self._feminine_past(tokens, t)
            data = t.form.entry.data
            # (an attack's or a coercion's `then` words are its object: أسقطت الطائرة، فجروا الجسر،
            # أطلقت الحركة صواريخ; but a `then` word bound to the verb's very next word is its
            # subject: أصاب صاروخ إسرائيلي السيارة)
            then = data.get("then") if data.get("type") in ("ASSAULT", "COERCE") \
                and data.get("then_within", 30) > 1 else None
            prev: _M | None = None
            in_pp: int | None = None  # the end of a prepositional phrase's genitive after the verb
            for mm in after:
                if not self._clear(tokens, t.j, mm.i):
                    break
                if any(x.form.pos == "verb" and t.j <= x.i < mm.i for x in verbs_between):
                    break  # "قتلا في اشتباكات شهدتها كوسوفو": Kosovo is the other verb's subject
                if then and self._context(tokens[mm.i:mm.i + 1], then):
                    break  # "أنها أسقطت الطائرة": the pattern's object word is no subject
                if mm.m.prep or (mm.i > 0 and tokens[mm.i - 1].norm in _AGENT_WORDS):
                    prev = mm
                    continue  # "برصاص الجيش" names the attacker, not the subject
                if prev is not None and _conjunct(tokens, prev, mm):
                    prev = mm
                    continue  # "بين القوات الأمنية ومتظاهرين": the conjunct shares the preposition
                prev = mm
                if _in_phrase(tokens, t.j, mm.i, self.prepositions, self.time_nouns):
                    in_pp = mm.j
                    continue  # "دعا إلى تشكيل حكومة": the genitive of a prepositional phrase
                # the subject is nominative, and right after the verb (adverbs aside) it agrees with it
                direct = all(g.stem in self.time_nouns or g.stem in self.particles for g in tokens[t.j:mm.i])
                of_event = any(x.kind == "trigger" and x.j == mm.i and x.form.pos == "noun" for x in matches)
                if _oblique_plural(tokens, mm) and not of_event:
                    # "يخرج المتظاهرين إلى الشوارع": a subject would be المتظاهرون (but the genitive
                    # of an event noun names its actors: "انطلقت احتجاجات المعلمين")
                    continue
                if direct and feminine and _masculine_people(tokens, mm):
                    continue  # "واعتقلت خمسة شبان": a feminine verb agrees with no men; its object
                # (a place phrase before it does not count: "وصلت إلى مطار بيروت طائرة قطرية")
                if mm.i - t.j <= 4 or (in_pp is not None and mm.i - in_pp <= 2
                                       and data.get("type") in ("AID", "CONSULT")):
                    return mm.m, "vso"
                break
        return None, ""

    def _place_subject(self, tokens: list[Token], t: Match) -> int | None:
        """A place noun (مدينة، منطقة، بلدة، حي، مخيم…) or a building or vehicle (attack_objects:
        مقر، مبنى، سفينة…) right after the verb, or opening the clause right before it: the verb's
        subject is a place. The noun's index, or None."""
        def place(k: int) -> bool:
            return 0 <= k < len(tokens) and (tokens[k].stem in PLACE_NOUNS or tokens[k].norm in PLACE_NOUNS
                                             or tokens[k].stem in self.attack_objects)
        if place(t.j):
            return t.j
        k = t.i - 1
        while k >= 0 and not tokens[k].is_punct and t.i - k <= 4:
            if place(k) and (k == 0 or tokens[k - 1].is_punct or tokens[k - 1].stem in ("ان", "بان")
                             or tokens[k - 1].norm in ("ان", "بان", "وان") or "و" in tokens[k].prefixes):
                return k
            k -= 1
        return None

    def _author_of_object(self, tokens: list[Token], mentions: list[_M], t: Match,
                          source: Mention | None, subject: Mention | None) -> Mention | None:
        """The author of what the verb takes, when that is a plan, a statement or a ruling
        (grammar class authored_things) rather than an actor: its genitive or nisba ("مقترح
        الرئيس الأمريكي", "الانتقادات الأمريكية"), the subject of a relative clause that points
        back to it ("خطة السلام التي أعلنها الرئيس الأمريكي"), or the actor after an adjective
        of origin ("الحكم الصادر عن المحكمة") or after من ("رسالة من الرئيس")."""
        start = t.j
        subj = next((mm for mm in mentions if mm.m is subject and mm.i >= t.j), None)
        if subj is not None and subj.i - t.j <= 3:
            start = subj.j  # VSO: the thing comes after the subject
        k = start

        def thing(n: int) -> bool:  # (not an aside's: "رفضت الوزارة، في بيان الثلاثاء، الحكم")
            return tokens[n].stem in self.authored and ("ب" not in tokens[n].prefixes or n == start) \
                and not (n > 0 and tokens[n - 1].norm == "في")

        if t.j < start and thing(t.j):
            k = t.j  # (the "subject" is the thing's genitive: "قوبل تصريح الرئيس الفرنسي برفض")
        budget = 6
        while k < len(tokens) and budget > 0 and not thing(k):
            if tokens[k].norm in ("،", ","):
                # (past an aside between commas: "أدان المجلس، في اجتماع طارئ بالقاهرة، قرار…")
                close = next((n for n in range(k + 1, min(len(tokens), k + 10))
                              if tokens[n].norm in ("،", ",") or self._hard(tokens[n])), None)
                if close is not None and tokens[close].norm in ("،", ","):
                    k = close + 1
                    continue
            if (tokens[k].is_punct and tokens[k].norm not in "«»") or any(mm.i == k for mm in mentions):
                return None  # (not past an actor or the clause's end)
            k += 1
            budget -= 1
        if k >= len(tokens) or not thing(k):
            return None
        return self._author_after(tokens, mentions, k, source)

    def _authored_subject(self, tokens: list[Token], mentions: list[_M], t: Match,
                          source: Mention | None) -> Mention | None:
        """The author of a plan or a statement that opens the clause of a passive verb after
        it: "وكان مقترح المبعوث الأممي … قد قوبل برفض من الحوثيين" (the envoy is the target)."""
        k = 0
        while k < t.i and (tokens[k].is_punct or tokens[k].norm in ("كان", "وكان", "قد", "وقد", "و")):
            k += 1
        if k >= t.i or tokens[k].stem not in self.authored:
            return None
        return self._author_after(tokens, mentions, k, source)

    def _author_after(self, tokens: list[Token], mentions: list[_M], k: int,
                      source: Mention | None) -> Mention | None:
        """The author named after the authored thing at `k` (see _author_of_object)."""
        at = {mm.i: mm for mm in mentions}

        def clear(a: int, b: int) -> bool:
            return all(not tok.is_punct or tok.norm in "«»" for tok in tokens[a:b])

        found = None
        for g in range(k + 1, min(len(tokens), k + 4)):
            mm = at.get(g)
            if mm is not None and clear(k + 1, g) and g - k <= 2 and (
                    not mm.m.prep or (mm.m.prep == "من" and tokens[k + 1].norm == "من")):
                found = mm  # "مقترح الرئيس", "خطة السلام الأمريكية", "رسالة من الرئيس"
                break
            if not clear(k + 1, g + 1) or g + 2 >= len(tokens):
                continue
            tok, verb = tokens[g], tokens[g + 1]
            if tok.norm in self.relative and g + 3 < len(tokens) and tokens[g + 2].norm in (
                    "به", "بها", "بهم", "عليه", "عليها", "اياه", "اياها", "اياهم"):
                by = g + 3  # "التصريحات التي أدلى بها الوزير", "المهلة التي منحته إياها الدول"
            elif tok.norm in self.relative and (verb.suffix in ("ه", "ها", "هم", "هما")
                                                or verb.norm.endswith(("ه", "ها", "هم"))):
                by = g + 2  # "البيان الذي أذاعه الجيش", "الخطة التي أعلنها الرئيس"
            elif tok.stem in self.authored_by and verb.norm in ("عن", "من"):
                by = g + 2  # "الحكم الصادر عن المحكمة", "المقترح المقدم من الوسطاء"
            else:
                continue
            mm = at.get(by)
            if mm is not None and (not mm.m.prep or mm.m.prep in ("عن", "من")):
                found = mm
            break
        if found is None or found.m is source or (source is not None and source.actor.id is not None
                                                   and found.m.actor.key() == source.actor.key()):
            return None
        return found.m

    def _aimed_at(self, tokens: list[Token], clause_after: list[_M], t: Match) -> Mention | None:
        """"انفجار عبوة ناسفة استهدفت حاجزاً للشرطة", "هجوم انتحاري استهدف
        دورية للجيش": an attack noun followed (within four words) by استهدف or مستهدفاً, whose
        object is what the attack hit (its owner after a building or a vehicle)."""
        for k in range(t.j, min(len(tokens), t.j + 5)):
            tok = tokens[k]
            if tok.is_punct or self._hard(tok):
                return None
            if (tok.stem in self.aim or tok.norm in self.aim or tok.norm in _AIMING) and not tok.suffix:
                for mm in clause_after:
                    if mm.i in (k + 1, k + 2) and (not mm.m.prep or (
                            mm.m.prep == "ل" and tokens[mm.i - 1].stem in self.attack_objects)):
                        return mm.m
                return None
        return None

    def _toll(self, doc: Document, si: int, tokens: list[Token], mentions: list[_M], t: Match,
              then: list[str]) -> Mention | None:
        """The victims an attack's toll counts, after it in its sentence: "أسفرت عن سقوط 12
        قتيلا", "موقعة 11 قتيلا", "أوقع عشرات الجرحى" (no other attack between)."""
        # (استهدف after the attack, or the attack word a verb needs — تعرض لهجوم — is the same
        # attack, not another one)
        others = [x.i for x in doc.matches[si] if x.kind == "trigger" and x.i >= t.j
                  and x.form.entry.data.get("type") == "ASSAULT" and tokens[x.i].stem not in self.aim
                  and not (then and self._context(tokens[x.i:x.i + 1], then))] if si < len(doc.matches) else []
        for mm in mentions:
            if mm.i < t.j or mm.i - t.j > 14 or "group.victims" not in mm.m.parts:
                continue
            if any(t.j <= k < mm.i for k in others) or any(tok.is_punct and tok.norm == "." for tok in tokens[t.j:mm.i]):
                return None
            if any(tokens[k].stem in _TOLL or tokens[k].norm in _TOLL for k in range(max(t.j, mm.i - 2), mm.i)):
                return mm.m
        return None

    def _earlier_subject(self, tokens: list[Token], mentions: list[_M], t: Match,
                         matches: list[Match]) -> Mention | None:
        """The subject of the nearest verb before `t` in its clause: the actor right after it
        (adverbs between), else right before it."""
        for x in reversed(matches):
            if x.j > t.i or x.kind != "trigger" or x.form.pos != "verb" or not _is_verb(tokens, x):
                continue
            if not self._clear(tokens, x.j, t.i):
                return None
            for mm in mentions:
                if x.j <= mm.i < t.i and not mm.m.prep and all(
                        g.stem in self.time_nouns or g.stem in self.particles for g in tokens[x.j:mm.i]):
                    return mm.m
            before = next((mm for mm in reversed(mentions) if mm.j == x.i and not mm.m.prep), None)
            return before.m if before is not None else None
        return None

    def _ousted(self, tokens: list[Token], mentions: list[_M], t: Match) -> Mention | None:
        """Whose departure protesters demand, later in the sentence: "خرج آلاف الطلاب في مسيرات،
        مطالبين برحيل الرئيس", "للمطالبة بتنحي الرئيس", "تطالب بإسقاط الحكومة" (a departure noun
        with ب, or after a demand word; the actor right after it)."""
        for k in range(t.j, min(len(tokens) - 1, t.j + 20)):
            tok = tokens[k]
            if tok.norm in (".", "؟", "?", "!"):
                return None
            if tok.stem not in self.departures:
                continue
            if "ب" in tok.prefixes or (k > 0 and tokens[k - 1].stem in _DEMANDS) \
                    or ("ل" in tok.prefixes and k > 0 and tokens[k - 1].norm in _REJECTING):
                return next((mm.m for mm in mentions if mm.i == k + 1 and not mm.m.prep), None)
        return None

    def _author_in_pp(self, tokens: list[Token], mm: _M) -> bool:
        """The nisba of an attack noun inside a prepositional phrase ("قُتل القائد في غارة
        أمريكية"): the attack's author, never the verb's object (as the noun itself may be:
        "وصف الرئيس القصف الإسرائيلي بأنه جريمة")."""
        if mm.m.rule != "nisba:author" or mm.i < 2 or tokens[mm.i - 1].stem not in self.attack_nouns:
            return False
        noun = tokens[mm.i - 1]
        return noun.prefixes[:1] in (("ب",), ("ل",)) or tokens[mm.i - 2].norm in self.prepositions

    def _launched(self, tokens: list[Token], t: Match) -> bool:
        """An attack noun (grammar class attack_nouns) followed, one adjective allowed between, by a
        launch verb with its pronoun and an author after it: "هجوم شنه مستوطنون"."""
        if tokens[t.i].stem not in self.attack_nouns:
            return False
        for k in (t.j, t.j + 1):
            if k + 1 < len(tokens) and ((tokens[k].stem in _LAUNCH and tokens[k].suffix in ("ه", "ها", "هم"))
                                        or tokens[k].norm in _CLAIMED) \
                    and not tokens[k + 1].is_punct:
                return True
        return False

    def _resumptive_author(self, tokens: list[Token], mentions: list[_M], t: Match) -> Mention | None:
        """"هجمات متزامنة شنها تنظيم داعش", "غارات شنتها طائرات روسية": a launch verb with a
        pronoun that points back to an attack noun (grammar class attack_nouns, one adjective
        allowed between) is followed by the attack's author."""
        ahead = range(t.i, min(len(tokens) - 1, t.j + 10))
        back = range(t.i - 1, max(-1, t.i - 13), -1)  # "غارة شنتها طائرة… وأسفرت عن سقوط 12 قتيلا"
        for scan in (ahead, back):
            for k in scan:
                tok = tokens[k]
                if (k >= t.j or k < t.i) and self._hard(tok):
                    break
                if ((tok.stem in _LAUNCH and tok.suffix in ("ه", "ها", "هم")) or tok.norm in _CLAIMED) \
                        and any(g.stem in self.attack_nouns for g in tokens[max(0, k - 2):k]):
                    return next((mm.m for mm in mentions if mm.i == k + 1 and not mm.m.prep), None)
        return None

    def _feminine_past(self, tokens: list[Token], t: Match) -> bool:
        """A past verb in the feminine singular (اعتقلت، قتلت): its stem is the pattern's past
        form plus ت."""
        stem = tokens[t.i].stem
        if t.form.pos != "verb" or t.j - t.i != 1 or not stem.endswith("ت") or len(stem) < 4:
            return False
        return any(f.entry is t.form.entry and len(f.stems) == 1 for f in self.lex.index.get(stem[:-1], ()))

    def _pronoun_subject(self, tokens: list[Token], t: Match, p: dict) -> bool:
        """A verb right after أنه/أنها/إنهم (particles like لن/قد/سوف may sit between).

        أنه is also the impersonal "that": "أعلن مصدر أنه قُتل ثلاثة جنود" has no subject, so
        a verb that may be read as a passive (قتل/قُتل) takes أنه as no pronoun.
        """
        if self._controlled(tokens, t):
            k = t.i - 2  # "قال إنه قرر العفو عن…": the pronoun is the control verb's subject
        elif _is_verb(tokens, t):
            k = t.i - 1
        else:
            return False
        while k >= 0 and tokens[k].stem in self.particles:
            k -= 1
        if k < 0 or tokens[k].stem != "ان" or tokens[k].suffix not in ("ه", "ها", "هم", "هما"):
            return False
        return not (tokens[k].suffix == "ه" and (p.get("target") or {}).get("passive"))

    def _context_before_subject(self, doc: Document, tokens: list[Token], t: Match, words: list[str]) -> bool:
        """A context word before the actor that ends right before the trigger (its VSO subject,
        an aside of time allowed after it): "قدم رئيس الوزراء الإسرائيلي بنيامين نتنياهو اعتذاراً"."""
        j = t.i - 1
        if j > 1 and tokens[j].norm in ("،", ","):
            # (or an aside between commas: "أعلنت السعودية وإيران، في بيان صدر في بكين، اتفاقهما")
            opening = self._opening_comma(tokens, j, 9)
            if opening is not None:
                j = opening
        while j > 0 and self._time_aside(tokens[j]):
            j -= 1  # (an aside of time may follow the subject: "بدأ مودي، اليوم الأحد، زيارة")
        if j < 1:
            return False
        ends = self._mention_ends
        if ends is None or ends[0] is not doc:
            ends = self._mention_ends = (doc, {m.end: m for m in doc.mentions})
        m = ends[1].get(tokens[j].end)
        if m is None or m.start < tokens[0].start:
            return False
        k = next((n for n, tok in enumerate(tokens) if tok.start == m.start), None)
        return k is not None and self._context(tokens[max(0, k - 2):k], words)

    def _opening_comma(self, tokens: list[Token], close: int, reach: int) -> int | None:
        """The comma that opens an aside closed by the comma at `close`, within `reach` words
        before it and with no clause boundary between."""
        n = next((n for n in range(close - 1, max(-1, close - 1 - reach), -1)
                  if tokens[n].norm in ("،", ",") or self._hard(tokens[n])), None)
        return n if n is not None and tokens[n].norm in ("،", ",") else None

    def _controlled(self, tokens: list[Token], t: Match) -> bool:
        """A verbal noun right after a verb that takes it as its object (grammar class
        control_verbs): "قررت رفع الحظر", "يعلن سحب المشروع" (a verb's spelling there is its
        verbal noun: رفع، سحب)."""
        if t.i < 1 or (t.form.pos == "verb" and tokens[t.i].stem[:1] in "يت"):
            return False
        return self._control_word(tokens[t.i - 1])

    def _time_aside(self, tok: Token) -> bool:
        """A comma or a word of time: the stuff of an aside like "، أمس الاثنين،"."""
        return tok.norm in ("،", ",") or tok.stem in self.time_nouns or tok.stem in _DAY_WORDS \
            or tok.norm in _DAY_WORDS

    def _control_word(self, tok: Token) -> bool:
        return not tok.suffix and set(tok.prefixes) <= {"و", "ف", "س", "ب"} and tok.stem in self.control_verbs

    @staticmethod
    def _continues(tokens: list[Token], t: Match) -> bool:
        """Sentence-initial وأضاف/وأكد, or a participle/verbal noun (مؤكداً، مثمناً) after a comma."""
        first = next((k for k, tok in enumerate(tokens) if not (tok.is_punct and tok.norm in _QUOTES)), 0)
        head = tokens[t.i]
        if t.i == first or (t.i == first + 2 and tokens[first].stem in ("ثم",)):
            return True
        if t.form.pos == "participle" and t.i > 0 and tokens[t.i - 1].is_punct \
                and tokens[t.i - 1].norm in ("،", ",", "."):
            return True
        return bool(head.prefixes[:1] in (("و",), ("ف",)) and t.i == first)

    _WANTED: dict[int, tuple[list[str], frozenset[str]]] = {}

    @classmethod
    def _context(cls, window: list[Token], words: list[str]) -> bool:
        """One of `words` in the window: a word as its stem or its form, a phrase ("العلاقات
        الدبلوماسية") as consecutive tokens."""
        hit = cls._WANTED.get(id(words))
        if hit is None or hit[0] is not words:  # a pattern's word list, normalised once
            normed = [normalize_simple(w) for w in words]
            hit = cls._WANTED[id(words)] = (words, frozenset(w for w in normed if " " not in w),
                                            tuple(tuple(w.split()) for w in normed if " " in w))
        _, wanted, phrases = hit
        if any(tok.stem in wanted or tok.norm in wanted for tok in window):
            return True
        return any(all(window[k + d].norm == w or window[k + d].stem == w for d, w in enumerate(ph))
                   for ph in phrases for k in range(len(window) - len(ph) + 1))

    def _subject_tokens(self, doc: Document, tokens: list[Token], t: Match) -> frozenset[int]:
        """The tokens of the actor right after a verb (its VSO subject, adverbs allowed before it):
        they do not count against `then_within` ("وزع رئيس اللجنة … السفير محمد العمادي مساعدات",
        "شن كراديتش والقائد العسكري … هجوماً")."""
        cached = self._actor_cache
        if cached is None or cached[0] is not tokens:
            start, end = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
            spans = sorted((m.start, m.end) for m in doc.mentions if start <= m.start < end)
            cached = self._actor_cache = (tokens, spans)
        k = t.j
        while k < len(tokens) and (tokens[k].stem in self.time_nouns or tokens[k].stem in self.particles):
            k += 1
        lead = k
        if k + 2 < len(tokens) and tokens[k].stem == "كل" and tokens[k + 1].norm == "من":
            k += 2  # "قطعت كل من السعودية والإمارات … علاقاتها"
        if k >= len(tokens):
            return frozenset()
        span = next(((a, b) for a, b in cached[1] if a == tokens[k].start), None)
        if span is None:
            return frozenset()
        free = {n for n in range(lead, len(tokens)) if tokens[n].start < span[1]}
        n = max(free) + 1
        while n < len(tokens):
            # a coordinated second subject ("وقّع آبي أحمد والرئيس الإريتري أسياس أفورقي") and an
            # aside of time after them ("، الاثنين،") are free too
            nxt = next(((a, b) for a, b in cached[1] if a == tokens[n].start), None)
            inner = next(((a, b) for a, b in cached[1] if n + 1 < len(tokens) and a == tokens[n + 1].start), None) \
                if tokens[n].norm == "في" else None
            if nxt is None and tokens[n].stem in _NAME_TITLES and n + 1 < len(tokens):
                # (an honorific before the name: "الشيخ نواف الأحمد")
                nxt = next(((a, b) for a, b in cached[1] if a == tokens[n + 1].start), None)
                conjunct = False
            else:
                conjunct = tokens[n].prefixes[:1] == ("و",)
            if nxt is not None and (conjunct or any(m.start == nxt[0] and m.rule.startswith("name")
                                                    for m in doc.mentions)):
                # (and the name right after a title: "أمير دولة الكويت الشيخ نواف الأحمد")
                ext = {m for m in range(n, len(tokens)) if tokens[m].start < nxt[1]}
            elif inner is not None:
                # (the subject's place: "المجلس العسكري الانتقالي في السودان وقوى الحرية والتغيير")
                ext = {m for m in range(n, len(tokens)) if tokens[m].start < inner[1]}
            elif self._time_aside(tokens[n]):
                ext = {n}
            else:
                break
            free |= ext
            n = max(ext) + 1
        return frozenset(free)

    def _clause_after(self, tokens: list[Token], t: Match, n: int,
                      free: frozenset[int] = frozenset()) -> list[Token]:
        """The next `n` words of the trigger's clause; an aside in brackets does not count
        ("نزل آلاف العمال (عشرة آلاف حسب النقابة) إلى الشوارع"), nor do the words in `free`
        (an actor's, when given)."""
        out = []
        depth = counted = 0
        for k, tok in enumerate(tokens[t.j:], t.j):
            if counted >= n:
                break
            if tok.norm == "(" or (tok.norm == ")" and depth):
                depth += 1 if tok.norm == "(" else -1
                continue
            if depth:
                if self._hard(tok):
                    break
                continue
            if self._hard(tok) and not (tok.stem == "ان" and (tok.prefixes == ("ب",) or (
                    out and out[-1].stem == "من" and not out[-1].prefixes))):
                # (بأن and من أن open the verb's own complement: "وصف الهجوم بأنه جريمة حرب",
                # "حذرت روسيا من أنها سترد")
                break
            out.append(tok)
            counted += k not in free
        return out

    # --- roles ------------------------------------------------------------------------------
    def _event(self, doc: Document, si: int, tokens: list[Token], mentions: list[_M], t: Match,
               p: dict, subject: Mention | None, speaker: Mention | None, how: str = "") -> list[Event]:
        src_spec = p.get("source") or {}
        tgt_spec = p.get("target") or {}
        after = [mm for mm in mentions if mm.i >= t.j and mm.m is not subject]
        clause_after = []
        for mm in after:
            if not self._clear(tokens, t.j, mm.i):
                break
            clause_after.append(mm)
        source = target = None
        how_s = how_t = ""
        # (a quantifier may stand between: "مقتل ما لا يقل عن خمسة جنود")
        g0 = _after_quantifier(tokens, t.j)
        genitive = clause_after[0] if clause_after and (
            (clause_after[0].i == t.j and not clause_after[0].m.prep)
            or (g0 > t.j and clause_after[0].i == g0)) else None  # (its عن/من is the quantifier's)
        author = None
        if genitive is not None and genitive.m.rule == "nisba:author":
            author, genitive = genitive.m, None
            clause_after = clause_after[1:]
        elif clause_after and clause_after[0].i == t.j + 1 and clause_after[0].m.rule == "nisba:author" \
                and not _is_verb(tokens, t):
            author = clause_after[0].m  # after an adjective: "القصف الصاروخي الإيراني"
            clause_after = clause_after[1:]

        # an agent phrase (برصاص، على يد) belongs to the nearest trigger before it: "اعتقلت الشرطة
        # عشرة شبان إثر مقتل شاب برصاص مسلحين" names who killed, not who arrested
        nxt = min((x.i for x in doc.matches[si] if x.kind == "trigger" and x.i >= t.j
                   and not (x.i > 0 and tokens[x.i - 1].norm == "من" and tokens[x.i].norm == "قبل")
                   and not self._time_of_day(tokens, x.i)),
                  default=len(tokens))  # ("من قبل" is the agent phrase, not the verb قبل)
        agent_by = self._by_prep([mm for mm in clause_after if mm.i < nxt],
                                 (src_spec.get("preps") or []) + _AGENT_PREPS, tokens) \
            if p["type"] in ("ASSAULT", "COERCE") else None
        if subject is not None and p["type"] in ("ASSAULT", "COERCE") and not tgt_spec.get("subject") \
                and not (how == "before-noun" and _light_verb(tokens, t)) \
                and not (how == "before-noun" and tgt_spec.get("genitive") and genitive is not None
                         and genitive.m is not agent_by) \
                and ("group.victims" in subject.parts or (agent_by is not None and agent_by is not subject)):
            # (not the subject of a light verb, who acts: "قامت امرأة بتفجير نفسها")
            # victims are patients: "قُتل 16 شخصاً", "مقتل مدنيين" (passive or casualty report);
            # "قُتل الصحفي برصاص القوات الإسرائيلية": the agent comes with برصاص/على يد/بنيران
            target, how_t = subject, "victim" if "group.victims" in subject.parts else "passive"
            source = author or agent_by
            how_s = "nisba" if author else ("prep" if source else "")
        elif tgt_spec.get("subject"):
            target, how_t = subject, "subject"
            source = self._by_prep(clause_after, src_spec.get("preps"), tokens)
            how_s = "prep"
            if source is None and src_spec.get("object"):
                # "تسلم الجيش اللبناني شحنة أسلحة أمريكية": the giver is the thing's owner
                source = next((mm.m for mm in clause_after if not mm.m.prep and mm.m is not subject
                               and mm.i - t.j <= 6), None)
                how_s = "object" if source is not None else ""
        else:
            if author is not None:
                source, how_s = author, "nisba"
            elif src_spec.get("genitive") and not _is_verb(tokens, t) and genitive is not None \
                    and not genitive.m.target_only:
                source, how_s = genitive.m, "genitive"
            elif src_spec.get("preps"):
                source = self._by_prep(clause_after, src_spec.get("preps"), tokens)
                how_s = "prep"
            if source is None and subject is not None and not (src_spec.get("preps") and not _is_verb(tokens, t)):
                source, how_s = subject, "subject"
            rest = [mm for mm in clause_after if mm.m is not source]
            if tgt_spec.get("marker"):
                target = self._by_marker(tokens, rest, t, tgt_spec["marker"])
                how_t = "marker" if target else ""
            if target is None and tgt_spec.get("genitive") and genitive is not None and genitive.m is not source:
                target, how_t = genitive.m, "genitive"
            if target is None and tgt_spec.get("preps"):
                target = self._by_prep(rest, tgt_spec["preps"], tokens)
                how_t = "prep" if target else ""
            if target is None and tgt_spec.get("object"):
                partners = _coordinated(mentions, subject, tokens) if subject is not None else []
                # "هاجموا دورية للشرطة", "قصفت مقراً لحزب الله": for attacks, the owner (ل) of the
                # object noun is the target
                owner_ok = p["type"] in ("ASSAULT", "COERCE") or p["id"] == "accuse.condemn"
                # (a condemned act's author: "أدانت قطر الاعتداءات المتكررة للمستوطنين")
                # (a name right after the subject's title is the subject again: "الأمين العام
                # للأمم المتحدة أنطونيو غوتيريش إسرائيلَ")
                obj = next((mm for mm in rest if (not mm.m.prep or (owner_ok and mm.m.prep == "ل")
                                                  or (g0 > t.j and mm.i == g0)  # (العشرات من X)
                                                  or _quantified(tokens, mm.i))  # (قتل مسلحون أكثر من عشرين جنديا)
                            and mm.m not in partners and not self._author_in_pp(tokens, mm)
                            and not self._in_complement(tokens, mm.i)
                            and not (mm.i > 0 and tokens[mm.i - 1].norm in _HEADED_BY)
                            and not _placed(tokens, mm.i)
                            # (a town in a phrase of place or occasion: "خلال كلمته في قمة باريس")
                            and not (mm.m.rule == "capital" and mm.i > t.j
                                     and any(tok.norm == "في" for tok in tokens[max(t.j, mm.i - 3):mm.i]))
                            and not _shares_prep(tokens, mentions, mm)
                            and not (mm.i > 0 and tokens[mm.i - 1].norm in AFFILIATED
                                     # (the owner of a building or a vehicle is hit: "دورية
                                     # تابعة للشرطة")
                                     and not (owner_ok and mm.i > 1
                                              and any(tokens[h].stem in self.attack_objects
                                                      for h in range(max(0, mm.i - 4), mm.i - 1))))
                            and not (mm.i > 0 and tokens[mm.i - 1].norm in _AGENT_WORDS)
                            and not ("group.weapons" in mm.m.parts  # "ردا على إطلاق صواريخ"
                                     and _in_phrase(tokens, t.j, mm.i, self.prepositions, self.time_nouns))
                            and not (subject is not None and mm.m.actor.id is not None
                                     and mm.m.actor.key() == subject.actor.key())), None)
                anchor = t.j
                subj = next((mm for mm in mentions if mm.m is subject), None)
                if subj is not None and obj is not None and t.j <= subj.i and subj.j <= obj.i:
                    anchor = subj.j  # VSO: the object comes after the subject
                if obj is not None:
                    # (an aside of time does not count: "استهدفت مقاتلات إسرائيلية، فجر الخميس، …")
                    aside_end = anchor
                    while aside_end < obj.i and self._time_aside(tokens[aside_end]):
                        aside_end += 1
                    if aside_end > anchor and tokens[aside_end - 1].norm in ("،", ","):
                        anchor = aside_end
                # ...and no other trigger in between ("انتقد العقوبات، متهماً واشنطن": واشنطن is the
                # participle's object)
                crossed = obj is not None and any(
                    x.kind == "trigger" and anchor <= x.i < obj.i and x.i != t.i
                    and (x.form.pos == "participle" or _is_verb(tokens, x))
                    and any(self._viable(doc, tokens, x, f, quiet=True) for f in (x.form, *x.alts))
                    for x in doc.matches[si])  # (تدخل تركيا: "she enters" with no إضراب after it)
                # ...nor an attack noun after a preposition with a verb of its own: "قتل جنديان
                # في هجوم شنته ميليشيات" (the militias are the attack's; the soldiers were killed)
                crossed = crossed or (obj is not None and p["type"] == "ASSAULT" and any(
                    x.kind == "trigger" and x.form.pos == "noun" and anchor <= x.i < obj.i
                    and x.form.entry.data.get("type") == "ASSAULT"
                    and ("ب" in tokens[x.i].prefixes or (x.i > 0 and tokens[x.i - 1].stem in _PREP_WORDS))
                    and any(v.kind == "trigger" and v.form.pos == "verb" and x.j <= v.i < obj.i
                            for v in doc.matches[si])
                    for x in doc.matches[si]))
                # (an aside between commas may stand between: "استقبل الرئيس، الأحد في قصر
                # الاتحادية، رئيس الوزراء الإثيوبي")
                aside = obj is not None and anchor < obj.i and tokens[anchor].norm in ("،", ",") \
                    and tokens[obj.i - 1].norm in ("،", ",")
                # (and a complement noun's phrase: "خطف مسلحون يُشتبه في انتمائهم إلى جماعة «بوكو
                # حرام» أكثر من مئتي طالبة")
                aside = aside or (obj is not None and any(anchor <= mm.i < obj.i and self._in_complement(tokens, mm.i)
                                                          for mm in rest))
                # (an aside of circumstance may be long: "اتهمت ماي، في كلمة أمام مجلس العموم
                # استعرضت فيها نتائج تحقيق استمر ستة أشهر، الاستخبارات الروسية")
                comma = anchor - 1 if anchor > 0 and tokens[anchor - 1].norm in ("،", ",") else anchor
                long_aside = obj is not None and comma < obj.i - 1 and tokens[comma].norm in ("،", ",") \
                    and tokens[obj.i - 1].norm in ("،", ",") and tokens[comma + 1].norm in _PREP_WORDS
                if obj is not None and obj.i - anchor <= (15 if long_aside else 10 if aside else 6) and not crossed:
                    target, how_t = obj.m, "object"
            if target is None and tgt_spec.get("author"):
                # "رفض عباس خطة السلام التي أعلنها الرئيس الأمريكي": the plan's author
                target = self._author_of_object(tokens, mentions, t, source, subject) \
                    or (self._authored_subject(tokens, mentions, t, source) if _is_verb(tokens, t) else None)
                how_t = "author" if target is not None else ""
            if target is None and how == "vso-pronoun" and tgt_spec.get("object"):
                # "سفينة أوكرانية اختطفها قراصنة": the pronoun's antecedent, right before the verb
                near = next((mm for mm in reversed(mentions) if mm.j <= t.i and t.i - mm.j <= 1
                             and mm.m is not source and self._clear(tokens, mm.j, t.i)), None)
                if near is not None and tokens[t.i].suffix in ("ه", "هم") and near.m.actor.kind == "state" \
                        and near.m.actor.agent is None:
                    # (ه/هم point back to people, not to the town named before: "قادماً من برلين،
                    # فاحتجزته الشرطة"; people "from" a country are: "11 شخصاً من إندونيسيا،
                    # اعتقلتهم الشرطة")
                    near = next((mm for mm in mentions if near.m.prep == "من" and mm.j == near.i - 1), None)
                target = near.m if near is not None else None
                how_t = "antecedent" if target is not None else ""
            if target is None and p["type"] in ("ASSAULT", "COERCE", "PROTEST") and tgt_spec.get("preps"):
                # "أطلقوا النار على دورية للشرطة": the owner of the noun after the preposition;
                # for protests also a genitive: "ضد خطة الحكومة", "رفضاً لقرارات قائد الجيش"
                wanted = {normalize_simple(x) for x in tgt_spec["preps"]}
                preps_ok = ("ل", "", "ب") if p["type"] == "PROTEST" else ("ل",)
                # (a protested building may have a long name: "أمام مقر القيادة العامة للجيش")
                reach = 5 if p["type"] == "PROTEST" else 3
                owner = next((mm for mm in clause_after if mm.m.prep in preps_ok and mm.m is not source
                              and any(tokens[k].norm in wanted or tokens[k].stem in wanted
                                      for k in range(max(t.j, mm.i - reach), mm.i))), None)
                if owner is not None:
                    target, how_t = owner.m, "owner"
            if target is None and tgt_spec.get("passive") and source is subject \
                    and subject is not None and not _agentive(subject) \
                    and ((how == "vso" and _clause_initial(tokens, t, self.time_nouns)
                          and not self._object_after(tokens, mentions, subject)) or (
                        how == "svo" and _passive_after(tokens, t.j, self.time_nouns))):
                # no object after the subject: the passive reading (قُتل الصحفي، خُطف موظفان;
                # "ثلاثون مسلحاً قُتلوا في ضربات جوية")
                target, how_t = subject, "passive"
                source = agent_by if agent_by is not subject else None
                how_s = "prep" if source else ""
        if source is None and agent_by is not None and agent_by is not target:
            source, how_s = agent_by, "prep"  # "قُتل شاب برصاص الشرطة": the agent phrase names it
        if p["type"] == "ASSAULT" and (source is None or (not _is_verb(tokens, t) and self._launched(tokens, t))):
            # "قُتل مئتا شخص في هجمات شنها تنظيم داعش": the attack's author, named after a verb
            # that points back to it (before the subject of another verb: "صدت المقاومة هجوما
            # شنه الحوثيون")
            res = self._resumptive_author(tokens, mentions, t)
            if res is not None:
                source, how_s = res, "resumptive"
                if target is res:
                    target, how_t = None, ""  # the author named after شنها is no object
        if target is None and p["type"] == "PROTEST":
            ousted = self._ousted(tokens, mentions, t)
            if ousted is not None:
                target, how_t = ousted, "ousted"  # "مطالبين برحيل الرئيس": whom the protest is against
        if target is None and p["type"] == "ASSAULT" and not _is_verb(tokens, t):
            aimed = self._aimed_at(tokens, clause_after, t)
            if aimed is not None:
                target, how_t = aimed, "aimed"  # "هجوم انتحاري استهدف دورية للجيش"
        if target is None and p["type"] == "ASSAULT":
            toll = self._toll(doc, si, tokens, mentions, t, p.get("then") or [])
            if toll is not None:
                target, how_t = toll, "toll"  # "انفجرت سيارة مفخخة، موقعة 11 قتيلا"
        if source is None and target is not None and p["type"] == "ASSAULT":
            # "اغتيل القائد بضربة جوية أمريكية": the author of the ب-weapon is the attacker
            # (within five words of the trigger or of the names after it: "اغتيل قائد فيلق القدس
            # قاسم سليماني بضربة جوية أمريكية")
            def near(mm: _M) -> bool:
                last = max([t.j] + [x.j for x in mentions if t.j <= x.i and x.j < mm.i and x.m is not mm.m])
                return mm.i - last <= 5
            # ("قُتل القائد في غارة أمريكية": so is the author of the attack it happened in)
            by = next((mm for mm in clause_after if mm.m.rule == "nisba:author" and mm.i >= 2
                       and (any("ب" in tokens[k].prefixes[:2] for k in range(mm.i - 2, mm.i))
                            or (tokens[mm.i - 2].norm == "في" and tokens[mm.i - 1].stem in self.attack_nouns))
                       and near(mm)), None)
            if by is not None:
                source, how_s = by.m, "instrument"
        if target is None and tgt_spec.get("own_people") and source is not None and source.actor.country:
            # "تراجعت الحكومة اللبنانية عن فرض رسوم": a concession with no named recipient is made
            # to the source's own population
            target = Mention(source.start, source.end, source.text,
                             Actor(canonical="Civilians", country=source.actor.country, agent="CVL",
                                   kind="sector"), sentence=source.sentence, rule="own_people")
            how_t = "own people"
        if source is None and src_spec.get("speaker") and speaker is not None and speaker is not target:
            source, how_s = speaker, "speaker"
        if source is not None and source.target_only and not self._construct(mentions, source, t):
            if source.rule == "nisba:place" and src_spec.get("crowd") and _is_verb(tokens, t):
                # "شهدت مدن إيرانية مظاهرات": the towns are where the crowd is
                source, how_s = self._crowd(doc, tokens, t, source), "crowd"
            else:
                source = None
        if source is not None and how_s == "subject" and how == "before-noun" and src_spec.get("before") is False \
                and not _adverbial_token(tokens[t.i]) and not _light_verb(tokens, t):
            doc.note(f"{p['id']}: '{_txt(source)}' before the noun is not its source")
            source = None
        if source is None and p["type"] == "PROTEST" and not _is_verb(tokens, t):
            # "مظاهرة نظمها حزب البعث": the organiser named after a verb that points back
            k = t.j + (1 if t.j < len(tokens) and _adjective_like(tokens[t.j], tokens[t.i]) else 0)
            if k < len(tokens) and tokens[k].stem in _ORGANISE and tokens[k].suffix in ("ه", "ها", "هم"):
                source = next((mm.m for mm in mentions if mm.i == k + 1 and not mm.m.prep), None)
                how_s = "resumptive" if source is not None else how_s
        if source is not None and src_spec.get("state_agent") and source.actor.kind == "state" \
                and source.actor.agent is None and source.actor.country:
            # "حشدت روسيا قواتها": a state that deploys troops acts through its military
            actor = Actor(id=source.actor.id, canonical=source.actor.canonical, country=source.actor.country,
                          agent=src_spec["state_agent"], kind="state")
            source = Mention(source.start, source.end, source.text, actor, sentence=source.sentence,
                             parts=source.parts, rule=source.rule, prep=source.prep)
        if source is not None and "agents" in src_spec and source.actor.agent not in src_spec["agents"]:
            doc.note(f"{p['id']}: source {_txt(source)} is not one of "
                     f"{', '.join(a or 'null' for a in src_spec['agents'])}")
            place = source if source.actor.agent is None and source.actor.kind == "state" else None
            source = None
            if src_spec.get("crowd") and _is_verb(tokens, t) and (
                    place is not None or (how == "vso" and t.j < len(tokens)
                                          and (tokens[t.j].norm in self.crowd or tokens[t.j].stem in self.crowd))):
                # "شهدت بغداد مظاهرات", "خرج الآلاف أمام السفارة الأمريكية": people, not the place
                source, how_s = self._crowd(doc, tokens, t, place), "crowd"
        elif source is None and subject is None and src_spec.get("crowd") and _is_verb(tokens, t) \
                and not (tokens[t.i].prefixes[:1] in (("و",), ("ف",)) and not self._continues(tokens, t)) \
                and self._crowd_follows(doc, si, tokens, t):
            # (a verb joined by و mid-sentence shares the first verb's subject: "منعت الشرطة… وأغلقت";
            # with no subject, numbers or a protest noun must follow: "تظاهر الآلاف", "خرجت مظاهرة")
            source, how_s = self._crowd(doc, tokens, t, None), "crowd"
        if target is not None and "agents" in tgt_spec and target.actor.agent not in tgt_spec["agents"]:
            # "أوقفت الشرطة عشرات الشبان" arrests people; "أوقف الجيش تقدم القوات" arrests no army
            doc.note(f"{p['id']}: target {_txt(target)} is not one of "
                     f"{', '.join(a or 'null' for a in tgt_spec['agents'])}")
            target = None
        # (and "بمشاركة" right after it: "تدريب مشترك «النجم الساطع» بمشاركة قوات مصرية وأمريكية"
        # is between the two)
        between_mm = next((mm for mm in clause_after if mm.m.prep == "بين" or (
            mm.m.prep == "مشاركه" and p.get("symmetric") and mm.i - t.j <= 6
            and not any(g.is_punct and g.norm not in _QUOTES and g.norm not in "«»" for g in tokens[t.j:mm.i]))),
            None) if target is None else None
        between = between_mm.m if between_mm is not None else None
        if between is not None:
            # "مفاوضات بين إيران والولايات المتحدة": the parties after بين act on each other;
            # "توسطت مصر بين إسرائيل وحماس": with a source of its own, they are its targets
            pair = _coordinated(mentions, between, tokens)
            # (بين after a relations noun names a topic, not who talks: "بحث … علاقات التعاون
            # بين مصر والولايات المتحدة"; grammar class between_topics)
            topic = between_mm.i > 1 and any(tokens[k].stem in self.between_topics
                                             for k in range(max(t.j, between_mm.i - 3), between_mm.i - 1))
            if source is None and p.get("symmetric") and len(pair) > 1 and not topic:
                return self._symmetric(doc, si, tokens, t, p, pair, speaker)
            if source is not None and source not in pair and (tgt_spec.get("preps") or p.get("symmetric")):
                # (the source's own country in the pair is no target: "بحث كيري العلاقات بين مصر
                # والولايات المتحدة" is a talk with Egypt)
                target, how_t = between, "between"
        if source is not None and p.get("symmetric") and (target is None or (
                how_t == "object" and any(tok.is_punct for tok in tokens[t.j:target.token_end]))):
            # (an "object" behind an aside is no partner: "اتفقت السعودية وإيران، في ختام محادثات
            # استضافتها بكين، على…" — the two agree with each other)
            partners = _coordinated(mentions, source, tokens)
            if len(partners) > 1:
                return self._symmetric(doc, si, tokens, t, p, partners, speaker)
        require = p.get("require", ["source", "target"])
        if how_s == "resumptive" and p["type"] == "ASSAULT":
            # "غارة جوية شنتها طائرة أمريكية", "هجوم مسلح نفذه مجهولون": an attack told with its
            # author stands without a named target (the place, when named, is hit: Locate)
            require = [r for r in require if r != "target"]
        if how_t == "passive" and source is None:
            require = [r for r in require if r != "source"]  # "خُطف موظف بريطاني أمس": no agent named
        surface = _surface(doc, tokens, t)
        if target is not None and "group.weapons" in target.parts and p["type"] != "ASSAULT":
            doc.note(f"{p['id']}: '{_txt(target)}' is a weapon, not a target")
            target = None  # "هددت بإطلاق صواريخ", "زودتها بطائرات"
        if target is None and "target" in require and source is not None and p["type"] == "ASSAULT" \
                and tgt_spec.get("object") and self._attacks_object(tokens, t, source, si):
            # "هاجم مسلحون مسجدا جنوب بغداد": a building or a vehicle is hit; its place's
            # country, when named, is the target (Locate)
            doc.note(f"{p['id']}: the object after '{_surface(doc, tokens, t)}' is a building or a vehicle")
            require = [r for r in require if r != "target"]
        aimed = self._aimed_at_place(tokens, t, tgt_spec["preps"]) \
            if target is None and "target" in require and source is not None and p["type"] == "ASSAULT" \
            and tgt_spec.get("preps") else None
        if aimed is not None:
            # "أطلق مسلحون صواريخ على مستوطنة سديروت", "صوب بلدة حدودية": a place is hit; a
            # country's nisba after it ("باتجاه المدن الإسرائيلية") or, when the gazetteer knows
            # the place, its country (Locate) is the target
            doc.note(f"{p['id']}: '{surface}' is aimed at a place")
            target = next((mm.m for mm in clause_after if mm.i == aimed + 1 and mm.m is not source), None)
            how_t = "place" if target is not None else ""
            require = [r for r in require if r != "target"]
        placed = self._place_subject(tokens, t) if target is None and "target" in require \
            and p["type"] == "ASSAULT" and tgt_spec.get("subject") and _is_verb(tokens, t) else None
        if placed is not None:
            # "تعرضت مدينة حلب لقصف عنيف", "المنطقة الخضراء تعرضت لهجوم": the place is hit; its
            # country, when the gazetteer knows it, is the target (Locate); a building's or a
            # vehicle's owner right after it is ("تعرضت قافلة للأمم المتحدة لهجوم")
            doc.note(f"{p['id']}: the subject of '{surface}' is a place")
            target = next((mm.m for mm in mentions if mm.i == placed + 1 and mm.m.prep == "ل"
                           and tokens[placed].stem in self.attack_objects and mm.m is not source), None)
            how_t = "owner" if target is not None else ""
            require = [r for r in require if r != "target"]
        pending = target is None and "target" in require and source is not None and tgt_spec.get("object") \
            and _is_verb(tokens, t) and t.j - t.i == 1 and tokens[t.i].suffix in _OBJECT_PRONOUNS \
            and (tokens[t.i].prefixes[:1] in (("و",), ("ف",)) or (t.i > 0 and tokens[t.i - 1].norm == "ثم"))
        if pending:
            # "احتجزت السلطات مئات السوريين ثم رحلتهم": the pronoun may point back to the target
            # of the same source's earlier event (filled in by _pronoun_object, or dropped)
            require = [r for r in require if r != "target"]
        if p["type"] == "MOBILIZE" and p.get("mode") == "weapons" and (
                self._aimed_at_place(tokens, t, ["على"]) is not None
                or any(mm.m.prep == "على" or (mm.i > 0 and tokens[mm.i - 1].norm == "علي")
                       for mm in clause_after if mm.i - t.j <= 12)):
            # "أطلق الحرس الثوري صواريخ باليستية على قاعدة عين الأسد": fired at a target, an
            # attack (assault.rockets), not a test
            doc.note(f"{p['id']}: rejected '{surface}' (fired at a target)")
            return []
        if ("source" in require and source is None) or ("target" in require and target is None):
            doc.note(f"{p['id']}: rejected '{surface}' (source={_txt(source)}, target={_txt(target)})")
            return []
        sent = doc.sentences[si]
        start, end = tokens[t.i].start, tokens[t.j - 1].end
        events = []
        # coordinated actors ("السعودية والإمارات والبحرين") give one event per pair
        for src in _coordinated(mentions, source, tokens):
            for tgt in _coordinated(mentions, target, tokens):
                if src is not None and tgt is not None and how_t == "between" and src.actor.country \
                        and src.actor.country == tgt.actor.country:
                    continue
                if src is not None and tgt is not None and (_same_actor(src, tgt) or _own_state(src, tgt)):
                    doc.note(f"{p['id']}: rejected '{surface}' (source and target are the same actor)")
                    continue
                doc.note(f"{p['id']}: '{surface}' source={_txt(src)} [{how_s}] target={_txt(tgt)} [{how_t}]")
                event = _make_event(doc, sent, start, end, p, src, tgt, speaker)
                if p["type"] == "ASSAULT" and not p.get("mode") and src is not None \
                        and "title.suicide_bomber" in src.parts:
                    # "هاجم ثلاثة انتحاريين المطار": suicide bombers attack by suicide
                    event.plover_mode, event.cameo_code = "suicide-attack", "1831"
                events.append(event)
        if p["type"] == "ASSAULT" and not p.get("mode"):
            self._instrument_mode(tokens[t.j:t.j + 6], [e for e in events if e.plover_mode is None])
        return events

    def _attacks_object(self, tokens: list[Token], t: "Match", source: Mention, si: int) -> bool:
        """A building, a facility or a vehicle (grammar class attack_objects) is the verb's
        object: the first word after the verb, or after its subject when the subject follows
        (not after a preposition: "قرب مطار بغداد" says where)."""
        if not _is_verb(tokens, t):
            return False
        k = t.j
        # (the subject may be the attack noun and its author: "استهدفت غارة إسرائيلية سيارة")
        if source.sentence == si and any(k + d < len(tokens) and source.start <= tokens[k + d].start < source.end
                                         for d in (0, 1)):
            while k < len(tokens) and tokens[k].start < source.end:
                k += 1
        for n in (k, k + 1):  # (one adjective of the subject may come first: طائرات مسيرة)
            if n >= len(tokens) or tokens[n].is_punct or "ب" in tokens[n].prefixes \
                    or tokens[n].stem in _PREP_WORDS or _placed(tokens, n):
                return False
            if tokens[n].stem in self.attack_objects:
                return True
        return False

    def _object_after(self, tokens: list[Token], mentions: list[_M], subject: Mention) -> bool:
        """An object we do not know as an actor right after a VSO subject: an indefinite noun in
        the accusative (احتجزت السلطات عدداً من الأمراء، اعتقلت الشرطة شخصاً) or a number
        (عشرات، ثلاثة، 15): then the verb is active, not a passive with the subject as patient."""
        k = next((mm.j for mm in mentions if mm.m is subject), None)
        if k is None or k >= len(tokens):
            return False
        tok = tokens[k]
        if tok.is_punct or tok.prefixes or tok.stem in self.time_nouns or tok.norm in _DAY_WORDS:
            return False
        return tok.norm.isdigit() or tok.stem in self.crowd or tok.norm in self.crowd or _counts(tok) \
            or (len(tok.norm) > 3 and tok.norm.endswith("ا") and not tok.norm.endswith(("يا", "وا")))

    def _aimed_at_place(self, tokens: list[Token], t: "Match", preps: list[str]) -> int | None:
        """One of the frame's target prepositions, in the verb's clause, followed by a place noun
        (مدينة، بلدة، مستوطنة، مخيم…) or a building or vehicle (attack_objects): what was aimed at
        is a place, not an actor. The place noun's index, or None."""
        words = {normalize_simple(w) for w in preps if " " not in w}
        for n in range(t.j, min(len(tokens) - 1, t.j + 10)):
            tok = tokens[n]
            if tok.is_punct:
                return None
            if tok.stem in words and not tok.prefixes:
                nxt = tokens[n + 1]
                place = (nxt.stem in PLACE_NOUNS and nxt.stem not in DIRECTIONS) or nxt.stem in self.attack_objects
                return n + 1 if place and nxt.prefixes[:1] != ("ب",) else None
        return None

    def _instrument_mode(self, after: list[Token], events: list[Event]) -> None:
        """"قُتلت برصاص القوات": small arms (CAMEO 193); "اعتدوا عليهم بالهراوات": beating (182)."""
        for tok in after:
            if self._hard(tok):
                return
            by = "ب" in tok.prefixes
            if by and tok.stem in self.firearms:
                mode = ("firearms", "193")
            elif (by and tok.stem in self.beating) or tok.norm == "ضربا":
                mode = ("beat", "182")
            else:
                continue
            for e in events:
                e.plover_mode, e.cameo_code = mode
            return

    def _crowd_follows(self, doc: Document, si: int, tokens: list[Token], t: Match) -> bool:
        """Numbers (الآلاف، مئات) or a protest noun (مظاهرة، احتجاجات) right after the verb, one
        adverb (أمس، اليوم) allowed in between."""
        protest_nouns = {x.i for x in doc.matches[si] if x.kind == "trigger" and x.form.pos == "noun"
                         and x.form.entry.data.get("type") == "PROTEST"}
        for k in (t.j, t.j + 1):
            if k >= len(tokens):
                return False
            if tokens[k].stem in self.crowd or tokens[k].norm in self.crowd or k in protest_nouns:
                return True
            if tokens[k].norm not in ("امس", "اليوم", "مساء", "صباح", "ليلا", "مجددا", "عده", "موجه", "سلسله"):
                return False
        return False

    def _crowd(self, doc: Document, tokens: list[Token], t: Match, place: Mention | None) -> Mention | None:
        """Unnamed people as the source ("تظاهر الآلاف", "شهدت بغداد مظاهرات"): civilians, with the
        country of the place they stand for, else of the event's place (components/locate.py)."""
        k = t.j
        while k < len(tokens) and k - t.j < 3 and (tokens[k].stem in self.crowd or tokens[k].norm in self.crowd):
            k += 1
        if place is not None:
            a, b, text = place.start, place.end, place.text
        elif k > t.j:
            a, b = tokens[t.j].start, tokens[k - 1].end
            text = doc.text[a:b]
        else:
            # "خرجت مظاهرة غاضبة", "نظموا مسيرة": the people of the protest noun that follows
            # (one adverb allowed between), else those the verb itself carries
            noun = next((x for x in doc.matches[tokens[t.i].sentence] if x.kind == "trigger"
                         and x.form.pos == "noun" and x.form.entry.data.get("type") == "PROTEST"
                         and t.j <= x.i <= t.j + 1), None) if tokens[t.i].sentence < len(doc.matches) else None
            a, b = (tokens[noun.i].start, tokens[noun.j - 1].end) if noun else (tokens[t.i].start, tokens[t.j - 1].end)
            text = doc.text[a:b]
        actor = Actor(canonical="Civilians", country=place.actor.country if place else None, agent="CVL",
                      kind="sector")
        return Mention(a, b, text, actor, sentence=tokens[t.i].sentence, rule="crowd")

    def _symmetric(self, doc, si, tokens, t, p, partners, speaker) -> list[Event]:
        """'وقّع الملك سلمان والرئيس شي اتفاقية': each co-subject acts towards each other one."""
        sent = doc.sentences[si]
        start, end = tokens[t.i].start, tokens[t.j - 1].end
        out = []
        for a in partners:
            for b in partners:
                if a is b or a.actor.key() == b.actor.key():
                    continue
                doc.note(f"{p['id']}: '{_surface(doc, tokens, t)}' source={_txt(a)} target={_txt(b)} [co-subjects]")
                out.append(_make_event(doc, sent, start, end, p, a, b, speaker))
        return out

    def _nisba_authors(self, doc: Document, tokens: list[Token], matches: list[Match]) -> list[_M]:
        """'قصف إسرائيلي', 'الغارة الأمريكية': a nisba right after a verbal noun names its author,
        also after one adjective of the noun ('القصف الصاروخي الإيراني', 'الضربات الجوية الروسية')."""
        out = []
        taken = {k for m in matches for k in range(m.i, m.j)}
        for t in matches:
            if t.kind != "trigger" or _is_verb(tokens, t):
                continue
            at = {t.j}
            if t.j < len(tokens) and t.j not in taken and _adjective_like(tokens[t.j], tokens[t.i]):
                at.add(t.j + 1)
            for m in matches:
                if m.i in at and m.kind == "nisba":
                    e = m.form.entry
                    a, b = tokens[m.i].start, tokens[m.j - 1].end
                    actor = Actor(id=f"country.{e.country}", canonical=e.name_en, country=e.country, kind="state")
                    out.append(_M(m.i, m.j, Mention(a, b, doc.text[a:b], actor, sentence=tokens[m.i].sentence,
                                                    rule="nisba:author")))
        return out

    @staticmethod
    def _construct(mentions: list[_M], m: Mention, t: Match) -> bool:
        """'قرار الإدارة الأميركية الاعتراف…': an act noun right before a verbal noun is its author."""
        return any(mm.m is m and mm.j == t.i for mm in mentions)

    def _in_complement(self, tokens: list[Token], k: int) -> bool:
        """An actor within a few words after a complement noun is that noun's ("مسلحون يُشتبه في
        انتمائهم إلى جماعة «بوكو حرام»"): never the verb's object."""
        prep = False  # (the phrase, not the noun's genitive: "رفضها انضمام السويد" rejects Sweden's)
        for n in range(k - 1, max(-1, k - 5), -1):
            if tokens[n].is_punct and tokens[n].norm not in "«»\"":
                return False
            if tokens[n].stem in self.complement_heads:
                return prep
            prep = prep or tokens[n].stem in _PREP_WORDS
        return False

    def _by_prep(self, candidates: list[_M], preps, tokens) -> Mention | None:
        """The first candidate introduced by one of `preps`: a clitic (ب ل), a word (مع، على) or a
        phrase (على يد، برصاص، بنيران)."""
        if not preps:
            return None
        wanted = [normalize_simple(x) for x in preps]
        for mm in candidates:
            k = mm.i - (1 if mm.m.prep and mm.m.prep not in ("ب", "ل", "ك") else 0)  # the prep's token
            if k > 0 and tokens[k - 1].stem in self.complement_heads:
                continue  # "متهماً بالانتماء إلى داعش": the phrase is the noun's, not the verb's
            if mm.m.prep == "ب" and mm.m.rule == "capital" \
                    and any(tok.norm == "في" for tok in tokens[max(0, mm.i - 4):mm.i]):
                continue  # "أدان المجلس، في اجتماع طارئ بالقاهرة، القرار": where, not whom
            if mm.m.prep in wanted:
                return mm.m
            for w in wanted:
                parts = w.split()
                if (len(parts) > 1 or len(w) > 3) and mm.i >= len(parts):
                    prev = [tok.norm for tok in tokens[mm.i - len(parts):mm.i]]
                    if prev == parts:
                        return mm.m
            # a facility of the actor between them: "وصلت إلى مطار بيروت" (grammar class
            # attack_objects) reaches Beirut
            if mm.i > 1 and not mm.m.prep and not mm.m.rule.startswith("nisba") \
                    and tokens[mm.i - 1].stem in self.attack_objects \
                    and not tokens[mm.i - 1].has_article and tokens[mm.i - 2].norm in wanted:
                return mm.m
            # an attribute of the actor between the clitic and the actor: "اعترفت بسيادة المغرب",
            # "أشاد بوحدة العراق" (grammar class attribute_nouns): the actor is meant
            head = tokens[mm.i - 1] if mm.i > 0 else None
            if head is not None and not mm.m.prep and head.stem in self.attribute_nouns \
                    and any(c in wanted for c in head.prefixes[:2]):
                return mm.m
        return None

    def _by_marker(self, tokens, candidates: list[_M], t: Match, markers) -> Mention | None:
        for marker in markers:
            words = normalize_simple(marker).split()
            head, clitic = words[0], (words[1] if len(words) > 1 else "")
            for mm in candidates:
                if mm.i > 0 and tokens[mm.i - 1].stem == head and (not clitic or mm.m.prep == clitic):
                    return mm.m
        return None


def _make_event(doc: Document, sent, start: int, end: int, p: dict, src: Mention | None,
                tgt: Mention | None, speaker: Mention | None) -> Event:
    return Event(
        plover_type=p["type"], plover_mode=p.get("mode"), cameo_code=str(p["cameo"]),
        source=_participant(src, p["type"]), target=_participant(tgt, p["type"]), rule=p["id"],
        start=start, end=end, sentence_start=sent.start, sentence_end=sent.end, trigger=doc.text[start:end],
        reported_by=speaker.text if speaker is not None and speaker is not src else None,
        reports=[Report(start, end, sent.start, sent.end, p["id"], sent.zone)])


def _coordinated(mentions: list[_M], m: Mention | None, tokens: list[Token]) -> list[Mention | None]:
    """`m` and the actors joined to it by و (with or without commas): مصر والأردن، قطر، وعمان."""
    if m is None:
        return [None]
    k = next((n for n, mm in enumerate(mentions) if mm.m is m), None)
    if k is None:
        return [m]

    def linked(a: _M, b: _M, more_after: bool) -> bool:
        if a.i == b.i:
            return True  # the two holders of a dual title: "الرئيسان المصري والأردني"
        gap = [g for g in tokens[a.j:b.i] if not (g.is_punct and g.norm in _QUOTES)]
        comma_only = all(g.norm in ("،", ",") for g in gap) and len(gap) <= 1
        conj = "و" in tokens[b.i].prefixes[:1]
        return comma_only and (conj or (bool(gap) and more_after)) and a.m.target_only == b.m.target_only

    def has_conj_after(n: int) -> bool:
        return any("و" in tokens[x.i].prefixes[:1] for x in mentions[n:])

    first = k
    # (the second of a بين pair is no conjunct of the first: in "اشتباكات بين الشرطة ومتظاهرين
    # يحتجون" only the protesters protest)
    while first > 0 and mentions[first - 1].m.prep != "بين" \
            and linked(mentions[first - 1], mentions[first], has_conj_after(first + 1)):
        first -= 1
    out = [mm.m for mm in mentions[first:k + 1]]
    last = k
    while last + 1 < len(mentions):
        if linked(mentions[last], mentions[last + 1], has_conj_after(last + 2)):
            last += 1
        elif last + 2 < len(mentions) and mentions[last + 1].m.prep == "في" \
                and mentions[last + 1].i == mentions[last].j + 1 \
                and "و" in tokens[mentions[last + 2].i].prefixes[:1] \
                and linked(mentions[last + 1], mentions[last + 2], has_conj_after(last + 3)):
            # (a conjunct's place stands between: "المجلس العسكري في السودان وقوى الحرية والتغيير")
            last += 2
        else:
            break
        out.append(mentions[last].m)
    return out


def in_list(tokens: list[Token], k: int, openers: frozenset[str]) -> bool:
    """Token k is an item of a list opened by بينها/أبرزها/أهمها (grammar class list_openers) in
    its stretch of the sentence: "قائمة مطالب، بينها إغلاق القناة وخفض العلاقات مع إيران"."""
    for n in range(k - 1, -1, -1):
        tok = tokens[n]
        if tok.is_punct and tok.norm not in _QUOTES and tok.norm not in "«»":
            return False
        if tok.stem in openers and tok.suffix in ("ها", "هم"):
            return True
    return False


def _is_verb(tokens: list[Token], t: Match) -> bool:
    """A verb form with ب/ل/ك/ال on it is a verbal noun (برفض، بنقل، الاعتراف)."""
    if t.form.pos != "verb":
        return False
    if t.i > 0 and tokens[t.i - 1].stem in _PREP_WORDS:
        return False  # "في دعم", "من أجل": after a preposition it is a verbal noun
    return not any(p in ("ب", "ل", "ك", "ال") for p in tokens[t.i].prefixes)


# what may come right before a verb that opens its clause
_CLAUSE_OPENERS = frozenset({"ان", "انه", "انها", "انهم", "قد", "لقد", "امس", "اليوم", "كما", "ثم", "حيث",
                             "فيما", "بينما", "عندما", "حين", "بعدما", "اذ"})


def _agentive(m: Mention) -> bool:
    """An organisation or a state named bare is an agent, never the patient of a passive reading:
    in "وخطفت جبهة النصرة ثمانية عناصر" the front abducts (its object is simply not an actor)."""
    if m.parts and m.parts[0].startswith(("title.", "group.")):
        return False  # people of the body: "قادة في الحرس الثوري" may be killed
    return m.actor.kind == "organisation" or (m.actor.kind == "state" and m.actor.agent is None)


_PAST_ADJECTIVES = frozenset(w for b in ("ماضي", "ماضيه", "اخير", "اخيره", "منصرم", "منصرمه", "سابق", "سابقه")
                             for w in (b, "ال" + b))


def _clause_initial(tokens: list[Token], t: Match, time_nouns: frozenset[str] = frozenset()) -> bool:
    """The trigger opens its clause, where a verb stands (خُطف موظف بريطاني أمس، وقُتل جندي), not
    after a noun or a verb that governs it as a verbal noun (أرادوا خطف جندي، سيناريو خطف طفلين)."""
    if t.i == 0 or tokens[t.i].prefixes[:1] in (("و",), ("ف",)):
        return True
    prev = tokens[t.i - 1]  # (or after a fronted time phrase: "وطوال العقد الماضي قُتل")
    return prev.is_punct or prev.norm in _CLAUSE_OPENERS or prev.stem in _CLAUSE_OPENERS \
        or prev.stem in time_nouns or prev.norm in _PAST_ADJECTIVES


_LIGHT_VERBS = frozenset({"قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون", "اقدم", "اقدمت", "اقدموا",
                          "يقدم", "تقدم", "يقدمون", "عمد", "عمدت", "عمدوا", "يعمد", "تعمد",
                          "قيام", "اقدام"})  # (and their verbal nouns: "استنكر قيام محتجين بإحراق…")


_SUCCESS_VERBS = frozenset({"نجح", "نجحت", "نجحوا", "ينجح", "تنجح", "ينجحون", "تمكن", "تمكنت", "تمكنوا",
                            "يتمكن", "تتمكن", "يتمكنون"})


_AGE_WORDS = frozenset({"عاما", "عام", "سنه", "سنوات", "اعوام", "عمره", "العمر"})


def _age_aside(gap: list[Token]) -> bool:
    """A person's age between commas or brackets: "، 20 عاماً،", "(35 عاما)"."""
    if len(gap) != 4 or not (gap[0].is_punct and gap[-1].is_punct):
        return False
    if (gap[0].norm, gap[-1].norm) not in ((",", ","), ("،", "،"), ("(", ")"), ("،", ","), (",", "،")):
        return False
    return gap[1].norm.isdigit() and (gap[2].norm in _AGE_WORDS or gap[2].stem in _AGE_WORDS)


def _light_verb(tokens: list[Token], t: Match) -> bool:
    """'قام متظاهرون بالاحتجاج', 'أقدم محتجون على قطع الطريق': a light verb whose subject is the
    verbal noun's source (ب on the noun, or على before it)."""
    head = tokens[t.i]
    if t.i > 1 and tokens[t.i - 1].norm in ("في", "من") and tokens[t.i - 2].stem in _SUCCESS_VERBS:
        return True  # "نجح الجيش في قتل العشرات", "تمكنت الشرطة من اعتقال المتهمين"
    if not ("ب" in head.prefixes or (t.i > 0 and tokens[t.i - 1].norm == "علي")):
        return False
    return any(tok.norm in _LIGHT_VERBS or tok.stem in _LIGHT_VERBS for tok in tokens[max(0, t.i - 8):t.i])


def _adjective_like(tok: Token, noun: Token) -> bool:
    """A relative adjective agreeing with `noun` in definiteness (الصاروخي، الجوية، العسكري)."""
    if tok.is_punct or tok.prefixes[:1] == ("و",):
        return False
    return tok.norm.endswith(("ي", "يه")) and (("ال" in tok.prefixes) == ("ال" in noun.prefixes))


def _adverbial_token(tok: Token | None) -> bool:
    """An indefinite accusative verbal noun: احتجاجاً، تنديداً، رفضاً (its -ا ending kept)."""
    return tok is not None and tok.stem.endswith("ا") and not tok.has_article and len(tok.stem) > 4


def _embedded(tokens: list[Token], t: Match, boundaries) -> bool:
    """Is the trigger inside a complement clause (after أن/إن) or a quotation?"""
    for tok in tokens[:t.i]:
        if tok.stem in boundaries or tok.norm in boundaries or (tok.is_punct and tok.norm in _QUOTES):
            return True
    return False


def _participant(m: Mention | None, etype: str = "") -> Participant | None:
    if m is None:
        return None
    if m.rule == "capital" and etype not in _PLACE_TYPES and m.actor.agent is None:
        # "أعلنت موسكو", "زار الرئيس طهران": a capital speaks and hosts for its government (the
        # CAMEO dictionaries code capitals GOV); attacked or protested in, it is the place's state
        return Participant(m.text, Actor(canonical=f"{m.actor.canonical} (GOV)", country=m.actor.country,
                                         agent="GOV", kind="sector"), m.start, m.end)
    return Participant(m.text, m.actor, m.start, m.end)


_PLACE_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID"})


# verbs that point back to a protest and name its organiser: "مظاهرة نظمها حزب البعث"
_ORGANISE = frozenset({"نظم", "نظمت", "نظموا", "ينظم", "تنظم", "ينظمون", "قاد", "قادت", "قادوا"})
# verbs that point back to an attack and name its author: "شنها", "نفذته", "ارتكبوها"
# the demand words that may stand before a departure noun (grammar class protest_departures)
# without ب: "للمطالبة رحيل" is rare, "المطالبة بتنحي" common
_DEMANDS = frozenset({"مطالبين", "مطالبه", "للمطالبه", "يطالبون", "تطالب", "يطالب", "طالبوا", "مطالبا",
                      "مطالبات", "مطالبون"})
# verb types whose then-noun of another type is only what they act on, not an event of its own
_UNDOING = frozenset({"RETREAT", "CONCEDE", "THREATEN", "REJECT", "REQUEST"})
# "رفضاً لترشح الرئيس": protesters reject the ruler's move
_REJECTING = frozenset({"رفضا", "احتجاجا", "تنديدا", "رفض"})
# a claim of the attack with its pronoun, written whole ("في هجوم تبناه تنظيم داعش")
_CLAIMED = frozenset({"تبناه", "تبنته", "تبنتها", "تبناها", "تبنوه", "تبنوها"})
_LAUNCH = frozenset({"شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "ارتكب", "ارتكبت", "ارتكبوا"})
# a numeral from three to ten written with ة counts men ("خمسة شبان"; women: "خمس نساء")
_MASCULINE_COUNT = frozenset({"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره"})


def _masculine_people(tokens: list[Token], mm: _M) -> bool:
    """Men whom no feminine verb can take as subject: a count of them (خمسة شبان) or a sound
    masculine plural group (مسلحين، المتظاهرون)."""
    head = tokens[mm.i]
    if head.norm in _MASCULINE_COUNT:
        return True
    return mm.m.actor.kind == "sector" and not mm.m.actor.country and mm.j - mm.i == 1 \
        and head.stem.endswith(("ون", "ين")) and not head.suffix


_QUANTIFIERS = (("ما", "لا", "يقل", "عن"), ("ما", "لا", "يقل", "علي"), ("ما", "يزيد", "عن"),
                ("ما", "يزيد", "علي"), ("اكثر", "من"), ("اقل", "من"), ("العشرات", "من"),
                ("عشرات", "من"), ("المئات", "من"), ("مئات", "من"), ("الالاف", "من"), ("الاف", "من"))
_QUANTIFIER_HEADS = frozenset(q[0] for q in _QUANTIFIERS)


def _after_quantifier(tokens: list[Token], k: int) -> int:
    """The index after a quantifier phrase at tokens[k] ("ما لا يقل عن", "أكثر من", "العشرات
    من"), else k."""
    if k >= len(tokens) or tokens[k].norm not in _QUANTIFIER_HEADS:
        return k
    for q in _QUANTIFIERS:
        if tuple(tok.norm for tok in tokens[k:k + len(q)]) == q:
            return k + len(q)
    return k


def _counts(tok: Token) -> bool:
    """A number that counts the noun after it: digits or a number word (not أحد, also Sunday)."""
    if tok.norm[:1].isdigit():
        return not (len(tok.norm) == 4 and tok.norm[:2] in ("19", "20"))  # (a year: "وفي عام 2015 وقعت")
    return not tok.prefixes and tok.norm in _COUNT_WORDS


# the numerals that count a noun after them: mentions' numeral list without the words that are
# also something else (أحد Sunday/anyone, نحو/حوالي about, عدد number, واحد/اثنان before no plural)
_COUNT_WORDS = NUMERALS - frozenset("""واحد اثنان اثنين عشر احد اثنا اثني نحو حوالي زهاء قرابه عدد عددا
الالاف الالوف""".split())


def _quantified(tokens: list[Token], i: int) -> bool:
    """A quantifier phrase ("أكثر من", "ما لا يقل عن") ends right before tokens[i]."""
    return any(_after_quantifier(tokens, s) == i for s in range(max(0, i - 4), i))


def _same_actor(a: Mention, b: Mention) -> bool:
    """Named actors are the same by id; unnamed sectors only when written alike too: "وزارة
    الصحة" and "الممرضين" are both HLH but not one actor."""
    if a is b:
        return True
    if a.actor.key() != b.actor.key():
        return False
    return bool(a.actor.id) or normalize_simple(a.text) == normalize_simple(b.text)


def _own_state(src: Mention, tgt: Mention) -> bool:
    """The target is the bare state the source speaks for: "عبّر وزير الخارجية السعودي عن
    استنكار المملكة" (the kingdom condemns, through him)."""
    return tgt.actor.kind == "state" and tgt.actor.agent is None and tgt.rule != "capital" \
        and src.actor.kind == "person" and bool(src.actor.country) and src.actor.country == tgt.actor.country \
        and src.actor.agent in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")  # (a capital is where: "في الرباط")


def _conjunct(tokens: list[Token], prev: _M, mm: _M) -> bool:
    """Is mm joined by و to the mention `prev` before it (adjectives allowed between)?"""
    return tokens[mm.i].prefixes[:1] == ("و",) and 0 <= mm.i - prev.j <= 2 \
        and all(not g.is_punct and (g.has_article or not g.prefixes) for g in tokens[prev.j:mm.i])


def _shares_prep(tokens: list[Token], mentions: list[_M], mm: _M) -> bool:
    """A conjunct (و…) right after a mention that a preposition introduced shares it: "بطائرات
    مسيرة وصواريخ", "بين القوات الأمنية ومتظاهرين"."""
    prev = next((x for x in reversed(mentions) if x.j <= mm.i), None)
    return prev is not None and bool(prev.m.prep) and _conjunct(tokens, prev, mm)


def _oblique_plural(tokens: list[Token], mm: _M) -> bool:
    """A sound masculine plural in the accusative/genitive (المتظاهرين، مسلحين) heading the
    mention, not counted by a numeral before it: it cannot be a subject (that is المتظاهرون)."""
    head = tokens[mm.i]
    if mm.m.actor.kind != "sector" or mm.m.actor.country or not head.stem.endswith("ين") \
            or head.suffix or len(head.stem) < 5:
        return False
    before = tokens[mm.i - 1] if mm.i > 0 else None
    return before is None or not (before.norm[:1].isdigit() or before.norm in _MASCULINE_COUNT)


def _in_phrase(tokens: list[Token], a: int, i: int, prepositions: frozenset[str],
               time_nouns: frozenset[str]) -> bool:
    """Is the word right before tokens[i] (after position a) an indefinite noun governed by a
    preposition, so that tokens[i] is its genitive ("إلى تشكيل حكومة", "بإرسال قوات"), also
    through a short construct chain ("بوقف احتجاز الصحفيين")? A time noun is an adverbial
    ("خرج مساء أول من أمس مئات…")."""
    for k in range(i - 1, max(a, i - 3) - 1, -1):
        tok = tokens[k]
        if tok.is_punct or tok.has_article or tok.suffix or tok.stem in time_nouns \
                or tok.norm in time_nouns:
            return False
        own = tok.prefixes
        if "ب" in own or "ل" in own or (k - 1 >= a and tokens[k - 1].stem in prepositions):
            return True
        if own:
            return False  # a conjunction or another clitic starts a new phrase
    return False


def _surface(doc: Document, tokens: list[Token], t: Match) -> str:
    return doc.text[tokens[t.i].start:tokens[t.j - 1].end]


def _txt(m: Mention | None) -> str:
    return f"{m.text}<{m.actor.code or '?'}>" if m is not None else "∅"


# (normalised forms, as in Token.norm)
_PASSIVE_NEXT = frozenset({"في", "من", "خلال", "جراء", "اثر", "اثناء", "برصاص", "بنيران", "بانفجار",
                           "بقصف", "بغاره", "بهجوم", "بين", "بينما", "عندما", "حين",
                           # "قُتل أحد الجنود وجُرح سبعة آخرون": another casualty verb follows
                           "وجرح", "وجرحوا", "واصيب", "واصيبوا"})


_OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
# an honorific with its pronoun stands for the person already named: "وطالب معاليه", "وأكد سموه"
_HONORIFICS = frozenset(h + p for h in ("معالي", "سمو", "فخامت", "سماحت", "جلالت", "سعادت", "دولت")
                        for p in ("ه", "ها"))
# words that count an attack's victims before them (سقوط 12 قتيلا، موقعة 11 قتيلا، أوقع عشرات الجرحى)
_TOLL = frozenset({"سقوط", "موقعا", "موقعه", "موقعين", "اوقع", "اوقعت", "واوقع", "واوقعت", "مخلفا",
                   "مخلفه", "خلف", "خلفت", "وخلف", "وخلفت", "حصد", "حصدت", "ضحيته", "ضحيتها"})
# what names a day after a time noun ("فجر اليوم", "صباح الأحد", "ظهر أمس")
_DAY_WORDS = frozenset({"يوم", "اليوم", "امس", "غد", "الغد"} | set(WEEKDAYS) | {"ال" + d for d in WEEKDAYS})
_AIMING = frozenset({"مستهدفا", "مستهدفه", "مستهدفين", "مستهدفتين"})  # "…بتفجير نفسها مستهدفة دورية"
_REFLEXIVE = frozenset({"نفس", "نفسه", "نفسها", "انفس", "انفسهم"})


def _first_person(tok: Token, t: Match) -> bool:
    """A present verb in the first person plural (نطالب، ندعو) carries its subject, "we": the
    speaker, never the actor after it. Not a past form that happens to start with ن (نقل، نفذ)."""
    return tok.stem.startswith("ن") and tok.stem in _first_person_forms(t.form.entry)


_FIRST_PERSON: dict[tuple, frozenset[str]] = {}


def _first_person_forms(entry) -> frozenset[str]:
    """The first person plural present forms of a pattern's verbs (ن + the present stem), minus
    any of its past forms written alike."""
    key = (entry.id, tuple(entry.data.get("verbs") or ()))
    got = _FIRST_PERSON.get(key)
    if got is None:
        pasts, firsts = set(), set()
        for spec in entry.data.get("verbs") or ():
            parts = [normalize_simple(x).split() for x in spec.split("/")]
            if parts and parts[0]:
                pasts.add(parts[0][0])
            if len(parts) > 1 and parts[1] and parts[1][0][:1] in "يت":
                firsts.add("ن" + parts[1][0][1:])
        got = _FIRST_PERSON[key] = frozenset(firsts - pasts)
    return got


def _construct(tok: Token) -> bool:
    """A sound masculine plural in construct state, its ن dropped before a genitive (مستوطني،
    مقاتلو، عناصر is not one): the token ends in ي/و where its plural would end in ين/ون."""
    return not tok.suffix and len(tok.stem) > 4 and tok.stem[-1] in "يو" and tok.stem[-2] not in "اوي"


def _plural_past(tok: Token) -> bool:
    """A past verb with the plural ending -وا and no object pronoun (خطفوا، اعتدوا، قتلوا)."""
    return not tok.suffix and len(tok.stem) > 3 and tok.stem.endswith("وا")


def _passive_after(tokens: list[Token], j: int, time_nouns: frozenset[str] = frozenset()) -> bool:
    """An SVO verb with no object reads as a passive when it carries no object pronoun and
    what follows says where or how (قُتلوا في ضربات جوية، قُتل برصاص قناص, or the sentence
    ends), a time word allowed first (قُتلا أمس في انفجار): "ثلاثون مسلحاً قتلوا في ضربات
    جوية" has victims, not killers."""
    verb = tokens[j - 1] if 0 < j <= len(tokens) else None
    if verb is None or verb.suffix in ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني"):
        return False
    while j < len(tokens) and (tokens[j].stem in time_nouns or tokens[j].norm in _DAY_WORDS):
        j += 1
    nxt = tokens[j] if j < len(tokens) else None
    return nxt is None or nxt.is_punct or nxt.norm in _PASSIVE_NEXT or nxt.stem in _PASSIVE_NEXT


def _placed(tokens: list[Token], i: int) -> bool:
    """A mention where the text says where (قرب مطار بغداد، في مدينة الموصل، داخل سوريا) is a
    place, not the verb's object: the introducers and place nouns of components/places.py."""
    def _in(k: int, words: frozenset[str]) -> bool:
        return k >= 0 and (tokens[k].norm in words or tokens[k].stem in words)

    return _in(i - 1, PLACE_INTRODUCERS) or (_in(i - 1, PLACE_NOUNS) and _in(i - 2, PLACE_INTRODUCERS))
