"""Locate: unnamed groups take the country of the place where the event happened.

An attack with no named target hits the country of its place ("قصف مواقع في ريف إدلب" → SYR), a
withdrawal leaves it ("انسحبت القوات الروسية من مدينة خيرسون" → UKR), and
aid with no named recipient goes to it ("وزعت الأونروا سلالاً غذائية على العائلات في غزة" → PSE).

"تظاهر الآلاف في بغداد" or "احتشد المحتجون أمام مقر الحكومة في عمّان" name no country for the
people who act; news coders (GDELT, ICEWS) code such domestic groups with the country of the event's
location. Only domestic sectors are located this way (civilians, police, students, workers,
opposition, clergy, unidentified gunmen…); armies, governments and named actors keep what the text
says of them. Runs after components/places.py; the participant gets a copy of the actor, so the
mention table still shows what the text itself said.

A group named "in" the place (المجلس العسكري الانتقالي في السودان، الجيش في مالي) is of the
place's country, whatever its sector.

With no place, the detainees, prisoners or protesters that a state's authorities arrest, release
or make concessions to are that state's own ("أفرجت السلطات التونسية عن الموقوفين" → TUN CVL):
the target of a COERCE, RETREAT, CONCEDE or REJECT (soldiers too, unless an army holds them;
and of any other event but an attack or a protest by its civil authorities; an unnamed person
described by a title counts: الصحفية فلانة) ("رفض رئيس البرلمان الجزائري دعوات
المحتجين") takes its source's country, unless the source is
named as an occupying force ("قوات الاحتلال"), whose detainees are not its own. Protesters
facing a state's institution (its parliament, government or police, not its embassy) are that
state's own, and an unnamed institution that a country's domestic body addresses ("طالبت نقابة
المعلمين الأردنيين الحكومة") is that country's. A concession (not a withdrawal) with no named
recipient is made to its source's own people ("تعهد الرئيس برفع الأجور تلبية لمطالب المحتجين").
"""

from __future__ import annotations

from dataclasses import replace

from hudhud.arabic.normalize import bare_words
from hudhud.doc import Actor, Document, Participant
from hudhud.lexicon import Lexicon

# the words that open what talks are about: a place after them is the topic's, not the meeting's
# (bare words: the article and clitics stripped)
_TOPIC = frozenset({"حول", "بشان", "شان", "وضع", "اوضاع", "تطورات", "ازمه", "حرب", "ملف", "احداث", "تصعيد",
                    "صراع", "نزاع", "قتال", "مستجدات"})
DOMESTIC = frozenset({"CVL", "COP", "EDU", "LAB", "OPP", "REL", "HLH", "MED", "BUS", "UAF", "REF",
                      "JUD", "LEG", "AGR", "PTY"})


_INSTITUTIONS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})


class Locate:
    def __init__(self, lexicon: Lexicon | None = None):
        # (grammar classes: the words that name a state's posts abroad and an occupying force)
        words = lexicon.words if lexicon is not None else (lambda _name: frozenset())
        self.posts_abroad = words("locate_posts_abroad")
        self.occupier = words("locate_occupier")

    def __call__(self, doc: Document) -> Document:
        for e in doc.events:
            self._meeting_mode(doc, e)
            if not e.place_country:
                self._own_people(doc, e)
                self._own_authorities(doc, e)
                self._own_state(doc, e)
                continue
            if e.plover_type in ("ASSAULT", "COERCE", "AID", "RETREAT") and e.target is None \
                    and e.place_start is not None:
                # "استهدفت طائرات مسيّرة منشآت نفطية في شرق السعودية": the place's country is hit
                e.target = Participant(doc.text[e.place_start:e.place_end],
                                       Actor(id=f"country.{e.place_country}", country=e.place_country,
                                             kind="state"), e.place_start, e.place_end)
                doc.note(f"locate: target of {e.plover_type} '{e.trigger}' is the place's country "
                         f"{e.place_country}")
            for role in ("source", "target"):
                p: Participant | None = getattr(e, role)
                if p is not None and not p.actor.country and p.actor.kind == "sector" \
                        and p.end is not None and e.place_start is not None \
                        and doc.text[p.end:e.place_start].strip() == "في":
                    # "دعماً للمجلس العسكري الانتقالي في السودان": a group "in" a place is of
                    # its country, whatever its sector
                    setattr(e, role, replace(p, actor=replace(p.actor, country=e.place_country)))
                    doc.note(f"locate: {role} '{p.name}' of {e.plover_type} '{e.trigger}' "
                             f"is the one in {e.place_name} → {e.place_country}")
                    continue
                # protesters protest their own authorities: a protest's target with no country
                # (قائد الجيش، الحكومة) is located too, whatever its sector
                domestic = DOMESTIC | ({"GOV", "MIL", "SPY"} if e.plover_type == "PROTEST" and role == "target"
                                       else frozenset())
                if p is None or p.actor.country or p.actor.kind != "sector" or p.actor.agent not in domestic:
                    continue
                setattr(e, role, replace(p, actor=replace(p.actor, country=e.place_country)))
                doc.note(f"locate: {role} '{p.name}' of {e.plover_type} '{e.trigger}' "
                         f"is in {e.place_name} → {e.place_country}")
        return doc

    @staticmethod
    def _meeting_mode(doc: Document, e) -> None:
        """A meeting or talks with no mode of their own (CAMEO 040), held at a place named in the
        sentence: in a third country it is a meeting at a third location (044: "التقى وزير الخارجية
        السعودي نظيره الإيراني في بكين"); in the other side's country a visit (042), in the
        source's own a hosted visit (043). A dateline says where the news came from, not where the
        two met, so it is not used."""
        if e.plover_type != "CONSULT" or e.cameo_code != "040" or not e.place_country \
                or e.place_start is None or not (e.sentence_start <= e.place_start < e.sentence_end) \
                or e.source is None or e.target is None:
            return
        src, tgt = e.source.actor.country, e.target.actor.country
        if not src or not tgt or src == tgt or len(src) != 3 or len(tgt) != 3 or "IGO" in (src, tgt):
            return
        if (e.place_id or "").startswith("cc:") \
                or not _TOPIC.isdisjoint(bare_words(doc.text[max(e.sentence_start, e.place_start - 30):e.place_start])):
            return  # a country, or a place in the talks' topic ("بحثا الوضع في ليبيا"), is not where they met
        mode = {tgt: ("visit", "042"), src: ("visit", "043")}.get(e.place_country, ("third-party", "044"))
        e.plover_mode, e.cameo_code = mode
        doc.note(f"locate: CONSULT '{e.trigger}' {src}→{tgt} in {e.place_name} ({e.place_country}) → {mode[1]}")

    @staticmethod
    def _own_state(doc: Document, e) -> None:
        """A domestic body of a country (its parliament, a union, protesters) addressing an
        unnamed institution ("دعا مجلس النواب العراقي الحكومة إلى…", "طالبت نقابة المعلمين
        الأردنيين الحكومة بـ…") addresses its own country's; and the other way round."""
        for a, b in (("source", "target"), ("target", "source")):
            known, bare = getattr(e, a), getattr(e, b)
            if known is None or bare is None or not known.actor.country or bare.actor.country \
                    or known.actor.kind not in ("sector", "state", "organisation") \
                    or known.actor.agent not in DOMESTIC or known.actor.country in ("IGO", "NGO") \
                    or bare.actor.kind != "sector" or bare.actor.agent not in _INSTITUTIONS \
                    or (e.plover_type == "ASSAULT" and bare.actor.agent == "MIL"):
                continue  # (an army fighting a country's militants may be another country's)
            setattr(e, b, replace(bare, actor=replace(bare.actor, country=known.actor.country)))
            doc.note(f"locate: {b} '{bare.name}' of {e.plover_type} '{e.trigger}' is the "
                     f"{known.actor.country} one that its domestic {a} addresses")

    def _own_authorities(self, doc: Document, e) -> None:
        """With no place, protesters facing a state's institution (its parliament, government,
        police: "تجمع المتظاهرون أمام البرلمان التونسي") are that state's own; an embassy or a
        consulate stands abroad and says nothing of them."""
        src, t = e.source, e.target
        if e.plover_type != "PROTEST" or src is None or t is None or src.actor.country \
                or src.actor.kind != "sector" or src.actor.agent not in DOMESTIC or not t.actor.country \
                or t.actor.agent not in ("GOV", "LEG", "JUD", "COP", "MIL", "SPY") \
                or len(t.actor.country) != 3 or t.actor.country in ("INT", "IGO", "NGO"):
            return  # (foreign forces, القوات الأجنبية, are no one's own)
        if not self.posts_abroad.isdisjoint(bare_words(t.name)):
            return
        e.source = replace(src, actor=replace(src.actor, country=t.actor.country))
        doc.note(f"locate: protesters '{src.name}' of '{e.trigger}' face their own "
                 f"{t.actor.agent} → {t.actor.country}")

    def _own_people(self, doc: Document, e) -> None:
        t, src = e.target, e.source
        if e.plover_type == "CONCEDE" and t is None and src is not None and src.actor.country \
                and src.actor.agent in (None, "GOV", "LEG", "JUD") and src.actor.country not in ("IGO", "NGO") \
                and e.rule.startswith(("agree.", "concede.")) \
                and self.occupier.isdisjoint(bare_words(src.name)):
            # "تعهد الرئيس الفرنسي برفع الحد الأدنى للأجور تلبية لمطالب المحتجين": a concession
            # with no named recipient is made to the source's own people (not a withdrawal:
            # a reopened crossing or a pullback concedes to the other side)
            e.target = Participant(src.name, Actor(canonical="Civilians", country=src.actor.country,
                                                   agent="CVL", kind="sector"), src.start, src.end)
            doc.note(f"locate: target of CONCEDE '{e.trigger}' is the source's own people "
                     f"→ {src.actor.country}")
            return
        if e.plover_type in ("ASSAULT", "PROTEST") or t is None or src is None:
            return
        # a state's civil authorities address their own: "أنذرت السلطات الجزائرية المضربين",
        # "وعدت الحكومة التونسية النقابات"; its armed forces also arrest, release and concede
        # to them, but an army's threat or a meeting with gunmen may be abroad
        coercive = e.plover_type in ("COERCE", "RETREAT", "CONCEDE", "REJECT")
        authorities = (None, "GOV", "COP", "MIL", "JUD", "LEG") if coercive else ("GOV", "COP", "JUD", "LEG")
        people = DOMESTIC if coercive or e.plover_type == "THREATEN" else DOMESTIC - {"UAF"}
        if coercive and src.actor.agent != "MIL":
            # (soldiers its government or police arrest or pardon are its own: "شنت السلطات
            # التركية حملة اعتقالات طالت آلاف العسكريين"; an army's captives may be the enemy's)
            people = people | {"MIL"}
        # (an unnamed person described by a sector title counts too: "عفا الملك عن الصحفية فلانة")
        unnamed = t.actor.kind == "sector" or (t.actor.kind == "person" and t.actor.id is None)
        if t.actor.country or not unnamed or t.actor.agent not in people \
                or not src.actor.country or src.actor.agent not in authorities:
            return
        if not self.occupier.isdisjoint(bare_words(src.name)):
            return  # an occupying force ("قوات الاحتلال") holds people who are not its own
        e.target = replace(t, actor=replace(t.actor, country=src.actor.country))
        doc.note(f"locate: target '{t.name}' of {e.plover_type} '{e.trigger}' is the source's "
                 f"own people → {src.actor.country}")
