"""Actor resolution rules of Arabic news language (components/mentions.py), each shown on
sentences written for this test."""

import hudhud


def mentions(text, date="2019-09-12"):
    return hudhud.code_text(text, date=date).mentions


def coded(text, date="2019-09-12"):
    """{mention text: (country, agent)}"""
    return {m.text: (m.actor.country, m.actor.agent) for m in mentions(text, date)}


def covering(text, word, date="2019-09-12"):
    """The mention that covers `word` (None if no mention does)."""
    i = text.index(word)
    hits = [m for m in mentions(text, date) if m.start <= i < m.end]
    assert len(hits) <= 1, hits
    return hits[0] if hits else None


def codes(text, word, date="2019-09-12"):
    m = covering(text, word, date)
    return (m.actor.country, m.actor.agent) if m else None


# --- a nisba after a group noun, a weapon, an institution --------------------------------------
def test_nisba_after_weapon_and_group_nouns():
    assert codes("أسقطت الدفاعات الجوية صاروخاً إيرانياً فوق الخليج", "صاروخاً") == ("IRN", "MIL")
    assert codes("أصيب ثلاثة جنود أتراك في انفجار لغم", "جنود") == ("TUR", "MIL")
    assert codes("أطلق الجيش الكوري الشمالي قذائف باتجاه البحر", "الجيش") == ("PRK", "MIL")


def test_embassy_and_consulate_take_the_nisba_country():
    assert codes("تجمع طلاب أمام السفارة الفرنسية في العاصمة", "السفارة") == ("FRA", "GOV")
    assert codes("اقتحم محتجون مبنى القنصلية التركية ليلاً", "القنصلية") == ("TUR", "GOV")
    assert codes("رشق الشبان سفارة الولايات المتحدة بالحجارة", "سفارة") == ("USA", "GOV")


def test_portfolio_between_a_construct_title_and_its_nisba():
    assert codes("قال وزير الزراعة المصري إن المحصول وفير", "وزير") == ("EGY", "GOV")
    assert codes("أعلنت وزارة السياحة الأردنية خطة جديدة", "وزارة") == ("JOR", "GOV")
    # a definite head is not in construct: the nisba qualifies the next noun, not the title
    m = covering("التقى الوزير الخبراء الأمريكيين في مكتبه", "الوزير")
    assert m.actor.country is None


# --- plural nisbas are people -----------------------------------------------------------------
def test_broken_plural_nisba():
    assert codes("اعتقلت الشرطة عشرات الأفغان قرب الحدود", "الأفغان") == ("AFG", "CVL")
    assert codes("قتل اثنان من رجال الأمن الأفغان في كمين", "رجال الأمن") == ("AFG", "COP")
    assert codes("تظاهر متظاهرون أتراك أمام البرلمان", "متظاهرون") == ("TUR", "CVL")


def test_sound_plural_nisba_is_people_even_indefinite():
    assert codes("أفرجت السلطات عن معتقلين لبنانيين بعد التحقيق", "لبنانيين") == ("LBN", "CVL")
    assert codes("خرج الفلسطينيون في مسيرات حاشدة", "الفلسطينيون") == ("PSE", "CVL")


def test_singular_nisba_after_a_numeral_or_as_an_object():
    assert codes("شارك ألف مغربي في المسيرة", "مغربي") == ("MAR", "CVL")
    assert codes("اختطفوا فرنسياً قرب الحدود", "فرنسياً") == ("FRA", "CVL")


def test_singular_nisba_that_is_only_an_adjective_is_not_an_actor():
    assert covering("تراجع الاقتصاد الإيراني هذا العام", "الإيراني") is None
    assert covering("استشهد طفل في قصف إسرائيلي على البلدة", "إسرائيلي") is None \
        or covering("استشهد طفل في قصف إسرائيلي على البلدة", "إسرائيلي").rule != "people"


def test_an_accusative_nisba_does_not_qualify_a_nominative_subject():
    text = "خطف مسلحون أمريكياً في الصحراء"
    assert codes(text, "مسلحون")[0] is None


# --- counterparts -------------------------------------------------------------------------------
def test_counterpart_takes_the_antecedent_office_in_the_nisba_country():
    text = "استقبل وزير الخارجية السعودي نظيره التركي في الرياض"
    m = covering(text, "نظيره")
    assert (m.actor.country, m.actor.agent) == ("TUR", "GOV")
    assert m.actor.id == "cavusoglu_mevlut"  # the Turkish foreign minister on that date
    assert covering(text, "وزير").actor.country == "SAU"  # two people, not one chain


def test_counterpart_without_a_known_holder_is_country_and_agent():
    assert codes("بحث الوزير الأردني مع نظيره العراقي ملف المياه", "نظيره") == ("IRQ", "GOV")
    # the antecedent is the minister, not the city named in between
    assert codes("أجرى الوزير المغربي في مدريد محادثات مع نظيره الإسباني", "نظيره") == ("ESP", "GOV")


# --- former office holders ----------------------------------------------------------------------
def test_former_title_is_eli_not_the_current_holder():
    m = covering("قال الرئيس الأمريكي الأسبق في مقابلة إن الحرب كانت خطأ", "الرئيس")
    assert (m.actor.country, m.actor.agent) == ("USA", "ELI") and m.actor.id is None
    m = covering("قال الرئيس الأمريكي في مقابلة إن الحرب كانت خطأ", "الرئيس")
    assert (m.actor.country, m.actor.agent, m.actor.id) == ("USA", "GOV", "trump_donald")


def test_former_title_with_a_name():
    m = covering("زار الرئيس المصري الأسبق محمد حسني مبارك المستشفى", "الرئيس", date="2009-05-01")
    assert m.actor.id == "mubarak_hosni" and m.actor.agent == "ELI"  # in office then, "former" says not
    m = covering("قال وزير الخارجية المغربي السابق صالح العمراني إن", "وزير")
    assert (m.actor.country, m.actor.agent) == ("MAR", "ELI")
    assert codes("رثى الشعراء الرئيس العراقي الراحل في قصائد", "الرئيس") == ("IRQ", "ELI")


def test_undated_text_gives_a_retired_person_the_office_they_held():
    text = "انتقد حسن روحاني سياسة الحكومة"
    assert codes(text, "روحاني", date=None) == ("IRN", "GOV")
    assert codes(text, "روحاني", date="2023-03-01") == ("IRN", "ELI")


# --- places and people ---------------------------------------------------------------------------
def test_residents_of_a_place_are_its_civilians():
    assert codes("خرج سكان بغداد إلى الشوارع", "سكان") == ("IRQ", "CVL")
    assert codes("احتشد أهالي غزة قرب المعبر", "أهالي") == ("PSE", "CVL")


def test_occupation_forces_and_settlers():
    assert codes("اقتحمت قوات الاحتلال المخيم فجراً", "قوات") == ("ISR", "MIL")
    assert codes("هاجم المستوطنون المزارعين", "المستوطنون") == ("ISR", "CVL")


def test_a_town_is_not_his_country():
    text = "قال الوزير الإيراني إن انفجاراً وقع في بلدة حدودية"
    assert covering(text, "بلدة") is None
    assert codes("قال الوزير الإيراني إن بلده لن تتراجع", "بلده") == ("IRN", "GOV")


def test_war_and_aggression_stand_for_their_author_as_targets():
    m = covering("ندد المتظاهرون بالعدوان الإسرائيلي على القطاع", "بالعدوان")
    assert (m.actor.country, m.target_only) == ("ISR", True)
    m = covering("خرجوا احتجاجاً على الحرب الأمريكية في المنطقة", "الحرب")
    assert (m.actor.country, m.target_only) == ("USA", True)


# --- more of the noun phrase -------------------------------------------------------------------
def test_definite_country_spelling_is_the_nisba():
    # "سورية" is also a name of Syria; "السورية" with the article is the adjective
    assert codes("قصفت القوات السورية مواقع المعارضة", "القوات") == ("SYR", "MIL")
    assert codes("وصل الوفد إلى سورية أمس", "سورية") == ("SYR", None)


def test_relative_adjective_between_noun_and_nisba():
    assert codes("قصفت القوات الحكومية السورية البلدة", "القوات") == ("SYR", "MIL")
    assert codes("هاجم انتحاري مقر شركة أمنية أمريكية في كابل", "شركة") == ("USA", "BUS")
    # a noun that is not in the adjective list does not bridge: the government is not Palestinian
    assert codes("دعمت الحكومة القضية الفلسطينية", "الحكومة") == (None, "GOV")


def test_members_of_a_body_after_في():
    assert codes("طالبت قيادات في المعارضة السورية بوقف القصف", "قيادات") == ("SYR", "OPP")


def test_a_sound_plural_is_not_in_construct():
    text = "خطف مسلحون موظفاً بريطانياً قرب الميناء"
    assert codes(text, "مسلحون") == (None, "UAF")
    assert codes(text, "موظفاً") == ("GBR", "CVL")


def test_positions_and_facilities_stand_for_their_owner_as_targets():
    m = covering("أطلقت المدفعية قذائف باتجاه موقع فلسطيني", "موقع")
    assert (m.actor.country, m.target_only) == ("PSE", True)
    m = covering("استهدفت الغارات منشآت إيرانية في المنطقة", "منشآت")
    assert (m.actor.country, m.target_only) == ("IRN", True)


def test_taa_marbuta_is_not_a_possessive_suffix():
    assert covering("تجمع المحتجون أمام مبنى محافظة البصرة", "محافظة") is None
    assert codes("تجمع المحتجون أمام مجلس محافظة البصرة", "مجلس") == (None, "GOV")


def test_kurds_and_foreigners_have_their_own_codes():
    # CAMEO-coded Arabic gold data write Kurds as KUR and unspecified foreigners as INT
    doc = hudhud.code_text("خطف مسلحون ثلاثة أجانب واعتدوا على مواطنين أكراد في الموصل.", date="2008-05-01")
    codes = {m.actor.country for m in doc.mentions}
    assert {"INT", "KUR"} <= codes
    doc = hudhud.code_text("قصفت قوات التحالف مواقع للمسلحين غرب بغداد.", date="2007-03-01")
    assert doc.events and doc.events[0].source.actor.code == "INTMIL"


def test_a_shared_surname_is_the_person_named_in_full():
    # المالكي is the surname of more than one person in the knowledge base (Nouri al-Maliki,
    # Riyad al-Maliki): the bare surname is whoever the article names in full
    doc = hudhud.code_text("التقى وزير الخارجية الفلسطيني رياض المالكي نظيره الأردني. وقال المالكي إن اللقاء مثمر.",
                           date="2015-01-01")
    assert [m.actor.id for m in doc.mentions if m.text == "المالكي"] == [doc.mentions[0].actor.id]
    doc = hudhud.code_text("زار رئيس الوزراء العراقي نوري المالكي طهران. وقال المالكي إن العلاقات متينة.",
                           date="2008-01-01")
    assert [m.actor.id for m in doc.mentions if m.text == "المالكي"] == [doc.mentions[0].actor.id]


def test_a_definite_surname_needs_the_article():
    # a person whose name ends in العلي is not matched by the first name علي
    doc = hudhud.code_text("قال علي إن الوفد وصل.", date="2015-01-01")
    assert all(m.rule != "name" or m.actor.id is None for m in doc.mentions)


def test_organisations_have_dated_roles():
    text = "التقى وفد من حركة طالبان مسؤولين قطريين في الدوحة."
    assert hudhud.code_text(text, date="2019-01-01").mentions[0].actor.code == "IMGREB"
    assert hudhud.code_text(text, date="2022-01-01").mentions[0].actor.code == "AFGGOV"
    # with no article date, an organisation keeps its own codes
    assert hudhud.code_text(text).mentions[0].actor.code == "IMGREB"


def test_movement_anaphor_skips_universities_and_media():
    doc = hudhud.code_text("قالت حركة حماس في بيان نشرته صحيفة الغارديان إن الحركة ترفض المقترح.",
                           date="2020-01-01")
    movement = [m for m in doc.mentions if m.text == "الحركة"]
    assert movement and movement[0].actor.id == doc.mentions[0].actor.id


def test_a_second_nisba_after_wa_shares_the_head_noun():
    doc = hudhud.code_text("أجرت القوات الأردنية والإماراتية تدريبات مشتركة في الزرقاء.", date="2020-01-01")
    assert [m.actor.code for m in doc.mentions][:2] == ["JORMIL", "AREMIL"]
    # a country after a masculine title is a second actor, not a nisba of the title
    doc = hudhud.code_text("زار الرئيس الفرنسي والسعودية الأسبوع الماضي.", date="2020-01-01")
    assert "SAUGOV" not in [m.actor.code for m in doc.mentions]


def test_two_titles_of_two_countries_are_two_people():
    doc = hudhud.code_text("التقى العاهل الأردني الرئيس المصري في عمّان.", date="2016-01-01")
    assert [m.actor.country for m in doc.mentions][:2] == ["JOR", "EGY"]
    assert doc.events and (doc.events[0].source.actor.country, doc.events[0].target.actor.country) == ("JOR", "EGY")


def test_counted_prisoners_and_hostages_with_their_nisba():
    doc = hudhud.code_text("أفرجت السلطات عن خمسة وعشرين معتقلا أردنيا.", date="2020-01-01")
    assert ("خمسة وعشرين معتقلا أردنيا", "JORCVL") in [(m.text, m.actor.code) for m in doc.mentions]
    doc = hudhud.code_text("احتجز المسلحون رهائن فرنسيين في الصحراء.", date="2020-01-01")
    assert "FRACVL" in [m.actor.code for m in doc.mentions]


def test_more_than_is_part_of_the_count():
    doc = hudhud.code_text("شارك أكثر من عشرة آلاف متظاهر في الاعتصام.", date="2020-01-01")
    m = [m for m in doc.mentions if m.actor.agent == "CVL"][0]
    assert m.text.startswith("أكثر من") and m.prep == ""


def test_a_bare_title_after_a_government_actor_is_that_countrys():
    doc = hudhud.code_text("اجتمع رئيس الوزراء الإسرائيلي بنيامين نتنياهو بوزير الدفاع لبحث الوضع في غزة.",
                           date="2023-11-01")
    m = [m for m in doc.mentions if "الدفاع" in m.text][0]
    assert m.actor.country == "ISR" and m.rule.endswith("+sentence")


def test_news_outlets_are_media():
    for text, n in (("حجبت السلطات الأردنية عشرة مواقع إخبارية بحجة عدم الترخيص.", "مواقع إخبارية"),
                    ("أغلقت السلطات العراقية مكاتب قناة فضائية في بغداد.", "قناة فضائية")):
        doc = hudhud.code_text(text, date="2020-01-01")
        assert [(e.plover_type, e.target.actor.agent) for e in doc.events] == [("COERCE", "MED")], text
        assert n in doc.events[0].target.name
    # positions are not websites
    doc = hudhud.code_text("وقصفت الطائرات مواقع المسلحين في الجبال.", date="2020-01-01")
    assert [e.target.actor.agent for e in doc.events] == ["UAF"]


def test_a_military_council_is_not_always_egypts():
    # "المجلس العسكري" is any country's military council; Egypt's SCAF has its own names
    doc = hudhud.code_text("قدمت قطر مليون دولار دعماً للمجلس العسكري في مالي.", date="2021-06-01")
    assert [(e.target.actor.country, e.target.actor.agent) for e in doc.events] == [("MLI", "MIL")]
    doc = hudhud.code_text("التقى رئيس المجلس الأعلى للقوات المسلحة المشير حسين طنطاوي "
                           "وزير الخارجية الأمريكي.", date="2011-05-01")
    assert [(e.source.actor.country, e.source.actor.agent) for e in doc.events] == [("EGY", "MIL")]


def test_a_group_in_a_country_is_of_that_country():
    doc = hudhud.code_text("قدمت السعودية مليار دولار دعماً للجيش في لبنان.", date="2020-01-01")
    assert [(e.plover_type, e.target.actor.country, e.target.actor.agent)
            for e in doc.events] == [("AID", "LBN", "MIL")]


def test_a_withdrawal_with_no_named_side_is_from_the_places_country():
    doc = hudhud.code_text("انسحبت القوات الروسية من مدينة خيرسون الأوكرانية.", date="2022-11-11")
    assert [(e.plover_type, e.plover_mode, e.source.actor.country, e.target.actor.country)
            for e in doc.events] == [("RETREAT", "withdraw", "RUS", "UKR")]


def test_a_nisba_after_an_act_nouns_genitive_names_its_author():
    doc = hudhud.code_text("رفضت السلطة الفلسطينية خطة السلام الأمريكية.", date="2020-02-01")
    assert [(e.plover_type, e.target.actor.country) for e in doc.events] == [("REJECT", "USA")]
    doc = hudhud.code_text("رحبت مصر بمبادرة السلام العربية.", date="2020-02-01")
    assert [e.target.name for e in doc.events] == ["بمبادرة السلام العربية"]
    # a genitive that is an actor keeps its own nisba
    doc = hudhud.code_text("انتقد الوزير خطة الحكومة المصرية.", date="2020-02-01")
    assert [(e.target.actor.country, e.target.actor.agent) for e in doc.events] == [("EGY", "GOV")]



def test_a_title_right_before_a_written_name_is_that_person():
    import hudhud
    # in 2024 the Quds Force commander is another man; the name decides
    doc = hudhud.code_text("اغتيل قائد فيلق القدس قاسم سليماني بضربة جوية أمريكية.", date="2024-06-01")
    assert [e.target.actor.id for e in doc.events] == ["soleimani_qassem"]
    # two titles in a row are two people, each the holder of their own office
    doc = hudhud.code_text("هنأ ولي عهد أبوظبي رئيس الوزراء الإسرائيلي بتوقيع الاتفاق.", date="2020-09-16")
    e = doc.events[0]
    assert e.source.actor.id != e.target.actor.id


def test_a_name_then_a_title_of_another_country_is_two_people():
    import hudhud
    doc = hudhud.code_text("التقى رئيس المكتب السياسي لحركة حماس إسماعيل هنية وزير الخارجية التركي.",
                           date="2019-06-01")
    e = next(e for e in doc.events if e.plover_type == "CONSULT")
    assert e.target.actor.country == "TUR" and e.target.actor.agent == "GOV"
    # the same country's title is the person's own apposition
    doc = hudhud.code_text("قال بنيامين نتنياهو رئيس الوزراء الإسرائيلي إن الوضع خطير.", date="2019-06-01")
    assert [m.actor.id for m in doc.mentions] == ["netanyahu_benjamin"]


def test_a_rank_with_no_name_after_it_is_a_team_or_a_brigade():
    import hudhud
    for text in ("وأوضح الفريق الطبي أن المصابين بحالة مستقرة.",
                 "وعقد الفريق التنظيمي للانتخابات اجتماعه الأول بحضور رئيس الفريق."):
        assert not [m for m in hudhud.code_text(text).mentions if m.actor.agent == "MIL"], text
    # a rank before a name (known or not) or أول/ركن is the officer
    for text in ("واستقبل الفريق رائد شاكر جودت الوفد.", "وقال الفريق أول ركن عبد الفتاح البرهان إن الجيش سيرد."):
        assert [m for m in hudhud.code_text(text).mentions if m.actor.agent == "MIL"], text
