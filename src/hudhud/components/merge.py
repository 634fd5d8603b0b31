"""Same-article merge: one event reported in the title, a subhead and the body is one event.

Two reports are the same event when, within one article:
- type and polarity agree and modes are compatible (equal, or one unspecified);
- each role's actors are compatible: the same actor, or the same country with equal or missing
  agent codes (a person and the sector they act for: "Trump" and "the US administration"), but
  never two different named actors;
- dates agree, or one of them is only the publication-date default (no date expression);
- within one sentence, the same source's report with no target joins the one with a target.
The merged event keeps the most specific mode/CAMEO code, the most specific actors and date, a
body sentence as its evidence, and every report in `reports`.
"""

from __future__ import annotations

from hudhud.arabic.normalize import normalize_simple
from hudhud.doc import Actor, Document, Event, Participant

# the verbs that lead from an attack to its toll ("ما أسفر عن مقتل", "مما أدى إلى", "أوقع")
_TOLL_VERBS = frozenset({"اسفر", "اسفرت", "ادي", "ادت", "اوقع", "اوقعت", "خلف", "خلفت", "موقعا", "مخلفا",
                         "واسفر", "واسفرت", "وادي", "وادت", "واوقع", "واوقعت"})
_CLAUSE_WORDS = frozenset({"ان", "انه", "انها", "بان", "قال", "قالت", "وقال", "وقالت", "اضاف", "واضاف", "ذكر",
                           "وذكر", "وذكرت", "اعلن", "واعلن", "واعلنت"})
_ZONE_RANK = {"body": 0, "subhead": 1, "breadcrumb": 2, "title": 3}


def _specific(e: Event) -> tuple:
    return (e.plover_mode is not None, len(e.cameo_code), e.cameo_code[-1:] != "0")


def _actor_ok(a: Participant | None, b: Participant | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = a.actor, b.actor
    if x.key() == y.key():
        return True
    if x.id and y.id and x.kind == y.kind:
        return False  # two different named actors
    if x.kind == "organisation" or y.kind == "organisation":
        return False
    return bool(x.country and x.country == y.country) and (x.agent is None or y.agent is None
                                                            or x.agent == y.agent)


def _richer(a: Participant | None, b: Participant | None) -> Participant | None:
    if a is None or b is None:
        return a or b
    score = lambda p: (p.actor.kind == "person", p.actor.id is not None, p.actor.agent is not None)  # noqa: E731
    return b if score(b) > score(a) else a


def same_event(a: Event, b: Event) -> bool:
    if (a.plover_type, a.negated) != (b.plover_type, b.negated):
        return False
    if a.plover_mode and b.plover_mode and a.plover_mode != b.plover_mode:
        return False
    if a.date != b.date and a.date_text and b.date_text:
        return False
    if a.sentence_start == b.sentence_start and (a.target is None) != (b.target is None) \
            and a.source is not None and b.source is not None:
        # within one sentence, the same act told twice, once with its recipient ("وصلت إلى
        # الخرطوم طائرة مساعدات تركية تحمل أدوية"): one event
        return _actor_ok(a.source, b.source)
    if a.target is not None and b.target is not None and (a.source is None or b.source is None):
        # one report names the attacker, the other does not ("قتل ثلاثة مدنيين في قصف إسرائيلي")
        return _actor_ok(a.target, b.target)
    return _actor_ok(a.source, b.source) and _actor_ok(a.target, b.target)


class CasualtyMerge:
    """A casualty report and the attack it names are one event, within one sentence (and so are
    an attack noun and its instrument right after it: "هجوم انتحاري بسيارة مفخخة").

    "قتل أكثر من مئتي شخص في هجمات شنها تنظيم داعش", "اغتيل قائد فيلق القدس بضربة جوية
    أمريكية", "أسفر هجوم انتحاري عن مقتل أربعة جنود": the report with victims and no attacker
    (قتل، مقتل، أصيب), or with the same attacker, takes the attacker and the mode of the attack of
    the same sentence — one
    with no target, or one whose named author hit something of the victims' country — which is
    then dropped. Runs before `Locate` (which gives an attack with no target
    its place's country) so the attack is not left as a second event against the place.
    """

    def __init__(self, lexicon=None):
        self.claims = lexicon.words("claim_words") if lexicon is not None else frozenset()

    def __call__(self, doc: Document) -> Document:
        drop: set[int] = set()
        self._instruments(doc, drop)
        for b in doc.events:
            if b.plover_type != "ASSAULT" or b.negated or id(b) in drop:
                continue
            # the attack may name what it hit in the victims' country ("دمرت غارة إسرائيلية
            # مبنى القنصلية الإيرانية … وقتلت قادة في الحرس الثوري"): the victims are its target
            hit = b.target.actor.country if b.target is not None else None
            if b.target is not None and hit is None and b.source is not None:
                self._tolls(doc, b, drop)
                continue
            if b.target is not None and (hit is None or b.source is None):
                continue
            victims = [a for a in doc.events
                       if a is not b and a.plover_type == "ASSAULT" and not a.negated
                       and a.sentence_start == b.sentence_start
                       and (a.source is None or (b.source is not None and b.target is None
                                                 and a.source.actor.key() == b.source.actor.key()))
                       and a.target is not None and id(a) not in drop
                       and (hit is None or a.target.actor.country in (hit, None))
                       and (b.source is None or a.target.actor.key() != b.source.actor.key())]
            if not victims:
                continue
            for a in victims:
                a.source = b.source
                if _specific(b) > _specific(a):
                    a.plover_mode, a.cameo_code = b.plover_mode, b.cameo_code
                a.reports.extend(b.reports)
                a.rule += "+" + b.rule
            drop.add(id(b))
            doc.note(f"casualty merge: '{b.trigger}' ({b.rule}) joins "
                     + ", ".join(f"'{a.trigger}'" for a in victims))
        doc.events = [e for e in doc.events if id(e) not in drop]
        self._claimed(doc)
        return doc

    def _claimed(self, doc: Document) -> None:
        """"قتل 32 شخصاً في تفجيرين انتحاريين…، وتبنى تنظيم الدولة الهجوم": a claim of
        responsibility in the sentence (grammar class claim_words) names the author of its attacks
        that have none, or only unnamed attackers (انتحاريان، مسلحون)."""
        for si in range(len(doc.sentences)):
            s = doc.sentences[si]
            events = [e for e in doc.events if e.plover_type == "ASSAULT" and not e.negated
                      and s.start <= e.start < s.end
                      and (e.source is None or (e.source.actor.id is None and e.source.actor.agent in (None, "UAF")))]
            if not events:
                continue
            tokens = doc.tokens_of(si)
            base = doc.sentence_tokens[si][0]
            mentions = [m for m in doc.mentions if m.sentence == si and m.token_start is not None]
            for k, tok in enumerate(tokens):
                noun = tok.stem in self.claims and tok.stem.startswith("مسؤولي")
                if not (tok.norm in self.claims or tok.stem in self.claims) or (noun and not tok.suffix):
                    continue
                # the claimer after the verb ("تبناه تنظيم داعش"), or the announcer before the
                # noun ("أعلنت حركة الشباب مسؤوليتها")
                after = next((m for m in mentions if 0 < m.token_start - base - k <= 2 and not m.prep), None)
                before = next((m for m in reversed(mentions) if 0 <= k - (m.token_end - base) <= 3
                               and not m.prep and not any(t.is_punct for t in tokens[m.token_end - base:k])),
                              None) if noun else None
                claimer = after or before
                if claimer is None or claimer.actor.kind not in ("organisation", "state", "person") \
                        and claimer.actor.id is None:
                    continue
                for e in events:
                    if e.target is not None and e.target.actor.key() == claimer.actor.key():
                        continue
                    e.source = Participant(claimer.text, claimer.actor, claimer.start, claimer.end)
                    e.rule += "+claimed"
                    doc.note(f"claim: '{claimer.text}' claims '{e.trigger}'")
                break

    @staticmethod
    def _tolls(doc: Document, b: Event, drop: set[int]) -> None:
        """"قصفت القوات مستشفى …، ما أسفر عن مقتل ثلاثة أشخاص": an attack with its author and what
        it hit, then its toll (a casualty report with no attacker after أسفر/أدى/أوقع/خلّف in the
        same sentence) is one event; the toll adds its report to the attack and is dropped."""
        for a in doc.events:
            if a is b or id(a) in drop or a.plover_type != "ASSAULT" or a.negated or a.source is not None \
                    or a.sentence_start != b.sentence_start or a.start < b.end or a.target is None:
                continue
            gap = normalize_simple(doc.text[b.end:a.start]).split()
            # (close by, and no other report opens between: "…التي تستهدف الحوثيين، وقالت مصادر
            # إن مسلحين نصبوا كمينا…، وأسفر الكمين عن مقتل" is another attack's toll)
            if len(gap) > 16 or not any(w in _TOLL_VERBS for w in gap) \
                    or any(w in _CLAUSE_WORDS for w in gap):
                continue
            b.reports.extend(a.reports)
            b.rule += "+" + a.rule
            drop.add(id(a))
            doc.note(f"casualty merge: '{a.trigger}' ({a.rule}) is the toll of '{b.trigger}'")

    @staticmethod
    def _instruments(doc: Document, drop: set[int]) -> None:
        """"هجوم انتحاري بسيارة مفخخة": an attack noun with its instrument right after it (بـ) is
        one attack, whatever the two modes; it keeps the first noun's mode and the instrument's
        date, roles and report when it has none of its own."""
        events = [e for e in doc.events if e.plover_type == "ASSAULT" and not e.negated]
        for a in events:
            for b in events:
                if a is b or id(a) in drop or id(b) in drop or a.sentence_start != b.sentence_start:
                    continue
                gap = doc.text[a.end:b.start]
                if not (0 <= len(gap) <= 2 and not gap.strip() and b.trigger.startswith("ب")):
                    continue
                if not (_actor_ok(a.source, b.source) or a.source is None or b.source is None):
                    continue
                a.source, a.target = _richer(a.source, b.source), _richer(a.target, b.target)
                if b.date_text and not a.date_text:
                    a.date, a.date_text, a.date_precision = b.date, b.date_text, b.date_precision
                a.reports.extend(b.reports)
                a.rule += "+" + b.rule
                drop.add(id(b))
                doc.note(f"instrument merge: '{b.trigger}' ({b.rule}) is the instrument of '{a.trigger}'")


class Merger:
    def __call__(self, doc: Document) -> Document:
        merged: list[Event] = []
        for e in doc.events:
            same = next((m for m in merged if same_event(m, e)), None)
            if same is None:
                merged.append(e)
                continue
            same.reports.extend(e.reports)
            if _specific(e) > _specific(same):
                same.plover_mode, same.cameo_code = e.plover_mode, e.cameo_code
            same.source, same.target = _richer(same.source, e.source), _richer(same.target, e.target)
            if e.date_text and not same.date_text:
                same.date, same.date_text, same.date_precision = e.date, e.date_text, e.date_precision
            if same.reported_by is None:
                same.reported_by = e.reported_by
            if e.reports[0].zone == "body" and same.reports[0].zone != "body" \
                    and same.sentence_start == same.reports[0].sentence_start:
                # evidence: prefer a body sentence over a headline
                same.start, same.end = e.start, e.end
                same.sentence_start, same.sentence_end = e.sentence_start, e.sentence_end
                same.trigger, same.rule = e.trigger, e.rule
            same.confidence = min(0.99, max(same.confidence, e.confidence) + 0.05)
        doc.events = merged
        doc.note(f"merge: {len(merged)} events")
        return doc


__all__ = ["CasualtyMerge", "Merger", "same_event", "Actor"]
