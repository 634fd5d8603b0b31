"""The bundled example articles (src/hudhud/examples) against EXPECTED.md, and the lexicon rules
added for them, each shown on other sentences written for this file.

Only what the coder really extracts is asserted here; the misses are listed in EXPECTED.md's
tables and in the lexicon work notes (engine limitations: coordinated symmetric subjects with a
document object, passive verbs with a nisba agent, long subjects before the object, bare office
titles without a country).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import hudhud
from hudhud.sources import doc_from_text

EXAMPLES = Path(hudhud.__file__).parent / "examples"


def _code_file(name: str):
    sd = doc_from_text((EXAMPLES / name).read_text(encoding="utf-8"), path=name)
    return sd.code()


_DOCS: dict[str, object] = {}


def coded(name: str):
    if name not in _DOCS:
        _DOCS[name] = _code_file(name)
    return _DOCS[name]


def _country(p):
    return None if p is None else p.actor.country


def _id(p):
    return None if p is None else p.actor.id


def _has(doc, type_, src, tgt, *, cameo=None, src_id=None, tgt_id=None, date=None):
    for e in doc.events:
        if e.plover_type != type_ or e.negated or e.modality != "asserted":
            continue
        if _country(e.source) != src or _country(e.target) != tgt:
            continue
        if cameo and not e.cameo_code.startswith(cameo):
            continue
        if src_id and _id(e.source) != src_id:
            continue
        if tgt_id and _id(e.target) != tgt_id:
            continue
        if date and e.date != date:
            continue
        return e
    return None


# --- (1) must-extract events of EXPECTED.md that the coder gets --------------------------------
# (file, PLOVER type, source country, target country, extra checks)
CORE = [
    # 01 #1: Raisi phoned the crown prince (roles reversed by «تلقى … من»)
    ("01_saudi_iran_phone_call.txt", "CONSULT", "IRN", "SAU",
     dict(cameo="041", src_id="raisi_ebrahim", tgt_id="mbs")),
    # 02 #2: Xi arrived in the Saudi capital on a visit, yesterday (Wednesday)
    ("02_xi_jinping_riyadh_visit.txt", "CONSULT", "CHN", "SAU",
     dict(cameo="042", src_id="xi_jinping", date=dt.date(2022, 12, 7))),
    # 03 #3: the Pentagon accuses Soleimani
    ("03_soleimani_baghdad_airport_strike.txt", "ACCUSE", "USA", "IRN",
     dict(cameo="112", tgt_id="soleimani_qassem")),
    # 03 #4: Zarif holds Washington responsible
    ("03_soleimani_baghdad_airport_strike.txt", "ACCUSE", "IRN", "USA",
     dict(cameo="112", src_id="zarif_javad")),
    # 05 #1: Saudi Arabia and Iran agree (symmetric: both directions)
    ("05_saudi_iran_beijing_agreement.txt", "AGREE", "SAU", "IRN", dict(date=dt.date(2023, 3, 10))),
    ("05_saudi_iran_beijing_agreement.txt", "AGREE", "IRN", "SAU", {}),
    # 06 #1: the Egyptian foreign ministry denounces the US decision
    ("06_arab_condemnation_jerusalem_recognition.txt", "ACCUSE", "EGY", "USA", dict(cameo="111")),
    # 06 #5: the Jordanian spokesman: the decision is a breach of international legitimacy
    ("06_arab_condemnation_jerusalem_recognition.txt", "ACCUSE", "JOR", "USA",
     dict(cameo="111", src_id="momani_mohammad")),
    # 06 #6 (secondary): Trump's recognition of Jerusalem as Israel's capital, last Wednesday
    ("06_arab_condemnation_jerusalem_recognition.txt", "SUPPORT", "USA", "ISR",
     dict(cameo="054", src_id="trump_donald", date=dt.date(2017, 12, 6))),
    # 07 #1–#4: the four states break relations with Qatar (coordinated subject fanned out)
    ("07_qatar_ties_severed.txt", "SANCTION", "SAU", "QAT", dict(cameo="161")),
    ("07_qatar_ties_severed.txt", "SANCTION", "ARE", "QAT", dict(cameo="161")),
    ("07_qatar_ties_severed.txt", "SANCTION", "BHR", "QAT", dict(cameo="161")),
    ("07_qatar_ties_severed.txt", "SANCTION", "EGY", "QAT", dict(cameo="161")),
    # 07 #5: each of the four states accuses Doha (coordinated subject fanned out)
    ("07_qatar_ties_severed.txt", "ACCUSE", "SAU", "QAT", dict(cameo="112")),
    ("07_qatar_ties_severed.txt", "ACCUSE", "ARE", "QAT", dict(cameo="112")),
    ("07_qatar_ties_severed.txt", "ACCUSE", "BHR", "QAT", dict(cameo="112")),
    ("07_qatar_ties_severed.txt", "ACCUSE", "EGY", "QAT", dict(cameo="112")),
    # 07 #11 (secondary): the coalition ends Qatar's participation (source: the Saudi-led side)
    ("07_qatar_ties_severed.txt", "SANCTION", "SAU", "QAT", dict(cameo="166")),
]


@pytest.mark.parametrize("name,type_,src,tgt,extra", CORE,
                         ids=[f"{c[0][:2]}-{c[1]}-{c[2]}-{c[3]}" for c in CORE])
def test_expected_event_is_extracted(name, type_, src, tgt, extra):
    doc = coded(name)
    found = _has(doc, type_, src, tgt, **extra)
    assert found is not None, [(e.plover_type, e.cameo_code, _country(e.source), _country(e.target))
                               for e in doc.events]


def test_algerian_protest_is_extracted_and_dated_yesterday():
    doc = coded("04_algeria_hirak_protests.txt")
    protests = [e for e in doc.events if e.plover_type == "PROTEST" and e.cameo_code == "141"]
    assert protests
    assert any(e.date == dt.date(2019, 2, 22) and any(r.zone == "body" for r in e.reports)
               for e in protests)
    assert all(_country(e.source) in ("DZA", None) for e in protests)


def test_no_rejection_is_coded_for_the_protest_motive():
    # «رفضاً لترشح …» says what the march is about; it is not a separate REJECT (EXPECTED 04)
    doc = coded("04_algeria_hirak_protests.txt")
    assert not [e for e in doc.events if e.plover_type == "REJECT"]


def test_saudi_iran_break_of_2016_is_background_sanction():
    doc = coded("05_saudi_iran_beijing_agreement.txt")
    assert _has(doc, "SANCTION", "SAU", "IRN", cameo="161") is not None


# --- (2) nothing from boilerplate -----------------------------------------------------------
@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_no_event_from_boilerplate(name):
    doc = coded(name)
    boiler = [(z.start, z.end) for z in doc.zones if not z.is_content]
    for e in doc.events:
        for r in e.reports:
            assert not any(a <= r.start < b for a, b in boiler), (e.plover_type, e.trigger)


def test_related_headline_sanction_is_not_coded():
    # «الخطوط الجوية الإماراتية تعلق رحلاتها إلى الدوحة» sits under «اقرأ أيضاً»
    doc = coded("07_qatar_ties_severed.txt")
    assert not any("تعلق" in e.trigger for e in doc.events)


# --- (3) the new rules on other sentences -----------------------------------------------------
def code(text, date="2021-05-10"):
    return hudhud.code_text(text, date=date)


def events(doc, type_):
    return [e for e in doc.events if e.plover_type == type_]


def test_arrival_on_a_visit_to_a_capital():  # consult.arrive_visit + «العاصمة + nisba» capitals
    doc = code("وصل وزير الخارجية التركي إلى العاصمة المصرية في زيارة رسمية تستمر يومين.")
    (e,) = events(doc, "CONSULT")
    assert (e.cameo_code, e.plover_mode) == ("042", "visit")
    assert (_country(e.source), _country(e.target)) == ("TUR", "EGY")


def test_arrival_without_a_visit_is_not_an_event():
    doc = code("وصل عدد القتلى في سوريا إلى خمسين، ووصلت القوات الروسية إلى دمشق.")
    assert not events(doc, "CONSULT")


def test_agree_with_coordinated_partner():  # agree.agree: co-subject is the partner
    doc = code("اتفقت مصر والسودان على تشكيل لجنة مشتركة لإدارة ملف سد النهضة.")
    pairs = {(_country(e.source), _country(e.target)) for e in events(doc, "AGREE")}
    assert ("EGY", "SDN") in pairs


def test_agree_with_partner_after_ma():
    doc = code("اتفق الأردن مع العراق على مد خط أنابيب للنفط.")
    pairs = {(_country(e.source), _country(e.target)) for e in events(doc, "AGREE")}
    assert pairs == {("JOR", "IRQ")}


def test_accusing_participle_continues_the_subject():  # accuse.accuse participle متهماً
    doc = code("انتقد وزير الخارجية الإيراني جواد ظريف العقوبات، متهماً واشنطن بممارسة الإرهاب الاقتصادي.",
               "2019-06-01")
    found = [e for e in events(doc, "ACCUSE") if e.cameo_code == "112"]
    assert found and _id(found[0].source) == "zarif_javad" and _country(found[0].target) == "USA"


def test_regret_at_a_decision_is_disapproval():  # accuse.regret
    doc = code("أعربت وزارة الخارجية الأردنية عن أسفها الشديد للقرار الإسرائيلي بإغلاق المعابر.")
    (e,) = events(doc, "ACCUSE")
    assert (e.cameo_code, _country(e.source), _country(e.target)) == ("111", "JOR", "ISR")


def test_unfortunately_is_not_regret():
    doc = code("وللأسف لم تتمكن الحكومة اللبنانية من الاجتماع مع الوفد السوري.")
    assert not events(doc, "ACCUSE")


def test_calling_a_move_a_violation_is_criticism():  # accuse.describe_violation
    doc = code("وقال المتحدث باسم وزارة الخارجية الروسية إن القصف الأمريكي يشكل انتهاكاً للقانون الدولي.")
    (e,) = events(doc, "ACCUSE")
    assert (e.cameo_code, _country(e.source), _country(e.target)) == ("111", "RUS", "USA")


def test_holding_responsible_is_an_accusation():  # accuse.blame (verb and participle)
    doc = code("حمّلت الحكومة العراقية الولايات المتحدة المسؤولية الكاملة عن الهجوم.")
    (e,) = events(doc, "ACCUSE")
    assert (e.cameo_code, _country(e.source), _country(e.target)) == ("112", "IRQ", "USA")


def test_loaded_is_not_blame():
    doc = code("وصلت إلى ميناء بيروت سفينة محملة بالقمح قادمة من روسيا.")
    assert not events(doc, "ACCUSE")


def test_suspending_membership_is_expulsion():  # sanction.suspend_membership
    doc = code("قررت جامعة الدول العربية تعليق عضوية سوريا في الجامعة.", "2011-11-12")
    (e,) = events(doc, "SANCTION")
    assert (e.cameo_code, e.plover_mode) == ("166", "expel")
    assert (_id(e.source), _country(e.target)) == ("arab_league", "SYR")


def test_announced_break_takes_the_announcer():  # sanction.break_relations as a verbal noun
    doc = code("أعلنت المغرب، مساء الثلاثاء، قطع علاقاتها الدبلوماسية مع إيران.", "2018-05-02")
    found = [e for e in events(doc, "SANCTION") if e.cameo_code == "161"]
    assert found and (_country(found[0].source), _country(found[0].target)) == ("MAR", "IRN")
    assert found[0].plover_mode == "withdraw"  # CAMEO 161 → SANCTION/withdraw (CAMEO2PLOVER)


def test_sanctions_are_coerce_per_cameo2plover():  # 163 → COERCE/restrict
    doc = code("فرضت الولايات المتحدة عقوبات على إيران.")
    (e,) = [e for e in doc.events if e.cameo_code == "163"]
    assert (e.plover_type, e.plover_mode) == ("COERCE", "restrict")


def test_describe_is_a_speech_verb():  # speech: وصف، واصفاً
    doc = code("ووصف الرئيس التركي رجب طيب أردوغان الهجوم بأنه جبان، محملاً إسرائيل المسؤولية.")
    found = [e for e in events(doc, "ACCUSE") if e.cameo_code == "112"]
    assert found and _id(found[0].source) == "erdogan_recep" and _country(found[0].target) == "ISR"


# titles and group nouns
def test_caretaker_prime_minister_title():
    doc = code("وندد رئيس حكومة تصريف الأعمال اللبنانية نجيب ميقاتي بالقرار الإسرائيلي.", "2023-10-20")
    (e,) = events(doc, "ACCUSE")
    assert (_country(e.source), e.source.actor.agent, _country(e.target)) == ("LBN", "GOV", "ISR")


def test_minister_of_state_for_media_title():
    doc = code("وانتقد وزير الدولة لشؤون الإعلام الأردني إسرائيل.")
    (e,) = events(doc, "ACCUSE")
    assert (_country(e.source), e.source.actor.agent, _country(e.target)) == ("JOR", "GOV", "ISR")


def test_pentagon_is_us_military():
    doc = code("اتهم البنتاغون روسيا بتعريض الطائرات الأمريكية للخطر.")
    (e,) = events(doc, "ACCUSE")
    assert (_country(e.source), e.source.actor.agent, _country(e.target)) == ("USA", "MIL", "RUS")


def test_royal_court_is_government():
    doc = code("أدان الديوان الملكي الأردني الهجوم الإرهابي على مسجد في نيوزيلندا.")
    mentions = [m for m in doc.mentions if "الديوان" in m.text]
    assert mentions and (mentions[0].actor.country, mentions[0].actor.agent) == ("JOR", "GOV")


def test_new_people_resolve_with_their_roles():
    doc = code("التقى الشيخ محمد بن عبدالرحمن آل ثاني نظيره السعودي. وزار فيصل بن فرحان الدوحة.", "2021-01-10")
    ids = {m.actor.id for m in doc.mentions}
    assert {"mohammed_bin_abdulrahman", "faisal_bin_farhan"} <= ids
    doc = code("قال وانغ يي إن بكين تدعم الحوار.", "2020-05-01")
    (m,) = [m for m in doc.mentions if m.actor.id == "wang_yi"]
    assert (m.actor.country, m.actor.agent) == ("CHN", "GOV")
