"""Arabic date expressions resolved against a publication date (sentences written by us)."""

import datetime as dt

from hudhud.dates import DateMention, find_dates

D = dt.date
MON = D(2017, 12, 11)  # a Monday


def one(text, pub=MON, **kw) -> DateMention:
    ms = find_dates(text, pub, **kw)
    assert len(ms) == 1, (text, ms)
    m = ms[0]
    assert text[m.start:m.end] == m.text
    return m


def dates(text, pub=MON):
    return [m.date for m in find_dates(text, pub)]


# ---------------------------------------------------------------- weekdays


def test_weekday_bare_is_most_recent_on_or_before_pub():
    assert one("اجتمع الوزراء الأربعاء في الرياض").date == D(2017, 12, 6)
    assert one("اجتمع الوزراء يوم الخميس").date == D(2017, 12, 7)
    # pub's own weekday -> pub itself
    assert one("أعلن الجيش الاثنين عن هدنة").date == MON
    assert one("أعلن الجيش يوم الإثنين عن هدنة").date == MON
    assert one("وصل الوفد الأحد").date == D(2017, 12, 10)
    assert one("صلاة الجمعة").date == D(2017, 12, 8)


def test_weekday_past_is_strictly_before_pub():
    m = one("قال الوزير يوم الأربعاء الماضي إن المحادثات فشلت")
    assert (m.text, m.date, m.precision, m.relative) == ("يوم الأربعاء الماضي", D(2017, 12, 6), "day", True)
    assert one("الاثنين الماضي").date == D(2017, 12, 4)  # same weekday as pub -> a week back
    assert one("السبت الفائت").date == D(2017, 12, 9)
    assert one("الثلاثاء المنصرم").date == D(2017, 12, 5)


def test_weekday_future_is_strictly_after_pub():
    assert one("الاثنين المقبل").date == D(2017, 12, 18)  # same weekday -> next week
    assert one("الثلاثاء القادم").date == D(2017, 12, 12)
    # across a month end: pub Wednesday 2017-11-29
    assert one("تعقد القمة الخميس المقبل", pub=D(2017, 11, 29)).date == D(2017, 11, 30)
    assert one("تعقد القمة الجمعة المقبلة", pub=D(2017, 11, 29)).date == D(2017, 12, 1)
    # across a year end: pub Friday 2017-12-29
    assert one("الاثنين القادم", pub=D(2017, 12, 29)).date == D(2018, 1, 1)


def test_weekday_with_clitics_diacritics_and_time_of_day():
    m = one("والأربعاء أعلنت الحكومة")
    assert m.text == "والأربعاء" and m.date == D(2017, 12, 6)
    m = one("ويوم الاثنين وصل")
    assert m.text == "ويوم الاثنين" and m.date == MON
    m = one("وقع الانفجار مساءَ الأَحَدِ الماضي")
    assert m.text == "مساءَ الأَحَدِ الماضي" and m.date == D(2017, 12, 10)
    assert one("الخميـــس").date == D(2017, 12, 7)  # tatweel
    assert one("الثلاثا الماضي").date == D(2017, 12, 5)  # hamza dropped


def test_weekday_not_confused_with_other_words():
    assert find_dates("قتل أحد الجنود", MON) == []
    assert find_dates("الأحد عشر لاعبا", MON) == []


def test_weekday_followed_by_explicit_date_is_one_mention():
    m = one("وصل الأحد 10 ديسمبر 2017 إلى عمان")
    assert (m.text, m.date, m.relative) == ("الأحد 10 ديسمبر 2017", D(2017, 12, 10), False)
    m = one("يوم الاثنين، الموافق ٤/١٢/٢٠١٧")
    assert m.date == D(2017, 12, 4) and m.text.startswith("يوم الاثنين")


# ---------------------------------------------------------------- today / yesterday / tomorrow


def test_today_tonight_yesterday_tomorrow():
    assert one("أعلن اليوم الرئيس").date == MON
    assert one("في هذا اليوم").date == MON
    assert one("صباح اليوم").text == "صباح اليوم"
    assert one("فجر اليوم").date == MON
    assert one("ظهر اليوم").date == MON
    assert one("ومساء اليوم").date == MON
    assert one("الليلة").date == MON
    assert one("الليلة الماضية").date == D(2017, 12, 10)
    assert one("قال أمس").date == D(2017, 12, 10)
    assert one("قال يوم أمس").date == D(2017, 12, 10)
    m = one("وقع بالأمس")
    assert (m.text, m.date) == ("بالأمس", D(2017, 12, 10))
    assert one("البارحة").date == D(2017, 12, 10)
    assert one("مساء أمس").text == "مساء أمس"
    assert one("أول أمس").date == D(2017, 12, 9)
    assert one("أول من أمس").date == D(2017, 12, 9)
    assert one("أمس الأول").date == D(2017, 12, 9)
    m = one("يصل غداً")
    assert (m.text, m.date) == ("غداً", D(2017, 12, 12))  # tanween inside the span
    assert one("يصل غدا").date == D(2017, 12, 12)
    assert one("صباح الغد").date == D(2017, 12, 12)
    assert one("بعد غد").date == D(2017, 12, 13)
    # across a year end
    assert one("يصل غدا", pub=D(2017, 12, 31)).date == D(2018, 1, 1)
    assert one("أمس", pub=D(2018, 1, 1)).date == D(2017, 12, 31)


def test_today_not_a_date_in_fixed_phrases():
    assert find_dates("في اليوم التالي انسحبت القوات", MON) == []
    assert find_dates("احتفل العالم باليوم العالمي للمرأة", MON) == []
    assert find_dates("لامس السقف", MON) == []


# ---------------------------------------------------------------- durations and named periods


def test_durations():
    assert one("قبل يومين").date == D(2017, 12, 9)
    m = one("قبل ثلاثة أيام")
    assert (m.date, m.precision) == (D(2017, 12, 8), "day")
    assert one("منذ ٣ أيام").date == D(2017, 12, 8)
    assert one("منذ 15 يوما").date == D(2017, 11, 26)
    assert one("منذ خمس ساعات").date == MON
    assert one("منذ 30 ساعة").date == D(2017, 12, 10)
    m = one("قبل أسبوع")
    assert (m.date, m.precision) == (D(2017, 12, 4), "week")
    assert one("قبل أسبوعين").date == D(2017, 11, 27)
    m = one("قبل شهر")
    assert (m.date, m.precision) == (D(2017, 11, 1), "month")
    m = one("وقبل عام")
    assert (m.date, m.precision) == (D(2016, 1, 1), "year")
    assert one("قبل شهرين", pub=D(2018, 1, 20)).date == D(2017, 11, 1)


def test_durations_anchored_elsewhere_are_not_dates():
    assert find_dates("قبل يومين من القمة", MON) == []
    assert find_dates("منذ أيام", MON) == []
    m = one("منذ عام 2011")  # the year, not "a year ago"
    assert (m.text, m.date, m.precision) == ("عام 2011", D(2011, 1, 1), "year")


def test_named_periods():
    m = one("الأسبوع الماضي")
    assert (m.date, m.precision) == (D(2017, 12, 4), "week")
    assert one("الأسبوع المقبل").date == D(2017, 12, 18)
    assert one("هذا الأسبوع").date == MON
    m = one("الشهر الماضي", pub=D(2018, 1, 5))
    assert (m.date, m.precision) == (D(2017, 12, 1), "month")
    assert one("الشهر الجاري").date == D(2017, 12, 1)
    assert one("الشهر الحالي").date == D(2017, 12, 1)
    assert one("الشهر المقبل").date == D(2018, 1, 1)
    m = one("هذا العام")
    assert (m.date, m.precision) == (D(2017, 1, 1), "year")
    assert one("العام الجاري").date == D(2017, 1, 1)
    assert one("للعام الماضي").date == D(2016, 1, 1)
    assert one("السنة المقبلة").date == D(2018, 1, 1)


def test_general_is_not_the_year():
    assert find_dates("قال الأمين العام الحالي للأمم المتحدة", MON) == []
    assert find_dates("المدعي العام", MON) == []


def test_month_parts():
    m = one("مطلع الشهر الجاري")
    assert (m.date, m.precision) == (D(2017, 12, 1), "month")
    assert one("أواخر الشهر الماضي").date == D(2017, 11, 25)
    assert one("منتصف الشهر المقبل").date == D(2018, 1, 15)
    assert one("منتصف الشهر").date == D(2017, 12, 15)
    assert one("أواخر ديسمبر الماضي").date == D(2016, 12, 25)
    assert one("مطلع ديسمبر 2016").date == D(2016, 12, 1)
    assert one("منتصف 2017").date == D(2017, 7, 1)


# ---------------------------------------------------------------- absolute and partial dates


def test_absolute_dates():
    m = one("وقع الهجوم في 11 ديسمبر 2017")
    assert (m.text, m.date, m.precision, m.relative) == ("11 ديسمبر 2017", MON, "day", False)
    assert one("11 كانون الأول 2017").date == MON
    assert one("١١ كانون الأول ٢٠١٧").date == MON
    assert one("3 تشرين الثاني 2016").date == D(2016, 11, 3)
    assert one("5 كانون الثاني 2018").date == D(2018, 1, 5)
    assert one("في 11/12/2017").date == MON
    assert one("2017-12-11").date == MON
    assert one("1 أيار 2017").date == D(2017, 5, 1)
    assert one("9 يونيه 2017").date == D(2017, 6, 9)
    assert one("4 إبريل 2017").date == D(2017, 4, 4)
    assert one("11 من شهر ديسمبر عام 2017").date == MON
    m = one("ديسمبر 2016")
    assert (m.date, m.precision) == (D(2016, 12, 1), "month")
    assert find_dates("في 31/02/2017", MON) == []  # impossible date
    # two explicit dates joined by بين … و are one range: the first day, the end kept
    m = one("بين 1/12/2017 و2017-12-05")
    assert (m.date, m.end_date, m.precision) == (D(2017, 12, 1), D(2017, 12, 5), "day")


def test_partial_dates_take_year_from_pub():
    assert one("27 ديسمبر الماضي", pub=D(2018, 1, 5)).date == D(2017, 12, 27)
    assert one("في 27 ديسمبر", pub=D(2018, 1, 5)).date == D(2017, 12, 27)
    assert one("في 3 يناير", pub=D(2018, 1, 5)).date == D(2018, 1, 3)
    assert one("في 5 يناير", pub=D(2018, 1, 5)).date == D(2018, 1, 5)  # == pub counts
    assert one("10 يناير المقبل", pub=D(2017, 12, 20)).date == D(2018, 1, 10)
    assert one("29 فبراير الماضي", pub=D(2017, 3, 1)).date == D(2016, 2, 29)
    m = one("في ديسمبر")
    assert (m.text, m.date, m.precision, m.relative) == ("ديسمبر", D(2017, 12, 1), "month", True)
    assert one("في ديسمبر", pub=D(2018, 1, 5)).date == D(2017, 12, 1)
    assert one("ديسمبر الماضي").date == D(2016, 12, 1)
    assert one("شهر آب الماضي").date == D(2017, 8, 1)
    assert one("آذار المقبل").date == D(2018, 3, 1)
    # bare month names need context: مارس is also a verb, آب a noun
    assert find_dates("مارس الضغوط على الحكومة", MON) == []
    assert find_dates("وزارة الشؤون", MON) == []


def test_years():
    m = one("في 2014 انتخب")
    assert (m.text, m.date, m.precision, m.relative, m.historical) == (
        "2014", D(2014, 1, 1), "year", False, False)
    assert one("عام 2017").historical is False
    assert find_dates("قتل 2014 شخصا", MON) == []


def test_historical_flag():
    m = one("منذ حرب 1967 والأرض محتلة")
    assert (m.text, m.historical) == ("1967", True)
    assert one("منذ عام 1948").historical is True
    assert one("في عام 2011").historical is True  # > 2 years before pub
    assert one("في عام 2016").historical is False
    assert one("ثورة 2011").historical is True
    assert one("ثورة 25 يناير").historical is True  # partial date after a war-type word
    assert one("حرب أكتوبر").historical is True
    assert one("في 5 يونيو 1967").historical is False  # no trigger word
    assert one("حرب 5 يونيو 1967").historical is True
    assert one("ثورة 2011", pub=None).historical is True


# ---------------------------------------------------------------- no pub, offsets, speed


def test_no_pub_leaves_relative_unresolved():
    m = one("الأربعاء الماضي", pub=None)
    assert (m.date, m.relative) == (None, True)
    assert one("11 ديسمبر 2017", pub=None).date == MON
    assert one("أمس", pub=None).date is None


def test_offsets_into_original_text_with_window():
    text = "قالَ المتحدثُ إنَّ الاجتماعَ عُقِدَ أَمْسِ، وسيُستأنفُ غداً أو بعدَ غدٍ في ١١/١٢/٢٠١٧."
    ms = find_dates(text, MON)
    assert [m.text for m in ms] == ["أَمْسِ", "غداً", "بعدَ غدٍ", "١١/١٢/٢٠١٧"]
    assert [m.date for m in ms] == [D(2017, 12, 10), D(2017, 12, 12), D(2017, 12, 13), MON]
    for m in ms:
        assert text[m.start:m.end] == m.text
    # a window: only text[start:end] is scanned, offsets still into the full text
    prefix = "أمس قال. "
    full = prefix + text
    ms2 = find_dates(full, MON, start=len(prefix))
    assert [m.text for m in ms2] == [m.text for m in ms]
    assert all(full[m.start:m.end] == m.text for m in ms2)
    assert ms2[0].start == ms[0].start + len(prefix)
    assert find_dates(full, MON, start=0, end=3)[0].text == "أمس"


def test_many_in_one_sentence_in_text_order():
    text = "التقى الوفدان الثلاثاء الماضي بعد جولة في 27 نوفمبر الماضي، ويعودان الخميس المقبل"
    ms = find_dates(text, MON)
    assert [m.date for m in ms] == [D(2017, 12, 5), D(2017, 11, 27), D(2017, 12, 14)]
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert ms == sorted(ms, key=lambda m: m.start)


def test_sentence_without_date_words_has_no_dates():
    # the cost of dates in the pipeline is measured by benchmarks/places.py, not asserted here
    text = "قال المتحدث باسم الحكومة إن المفاوضات مع المعارضة مستمرة وإن الوفد سيقدم مقترحا جديدا"
    assert find_dates(text, MON) == []


# ---------------------------------------------------------------- ordinal days, ranges, after N


def test_ordinal_day_words():
    m = one("وقع الانفجار في الحادي عشر من ديسمبر")
    assert (m.text, m.date, m.precision, m.relative) == ("الحادي عشر من ديسمبر", MON, "day", True)
    assert one("الخامس عشر من آذار الماضي").date == D(2017, 3, 15)
    assert one("في الأول من كانون الثاني 2016").date == D(2016, 1, 1)
    assert one("التاسع والعشرين من نوفمبر 2016").date == D(2016, 11, 29)
    assert one("يوم الحادي والثلاثين من أكتوبر").date == D(2017, 10, 31)
    assert one("العشرين من شهر مايو").date == D(2017, 5, 20)
    assert one("الثاني من يناير المقبل").date == D(2018, 1, 2)
    # of the month: pub's month, or the one before/after
    m = one("في اليوم الأول من الشهر الجاري")
    assert (m.date, m.precision) == (D(2017, 12, 1), "day")
    assert one("اليوم الثالث من الشهر الماضي").date == D(2017, 11, 3)
    assert one("العاشر من الشهر المقبل").date == D(2018, 1, 10)
    assert one("في السابع من الشهر").date == D(2017, 12, 7)
    # Hijri month, with and without a year
    assert one("العاشر من محرم 1439 هـ").date == D(2017, 9, 30)
    assert one("السابع والعشرين من رمضان").date == D(2017, 6, 22)
    # a weekday before it merges; a revolution's name is historical
    m = one("الأحد الحادي عشر من ديسمبر 2016")
    assert (m.date, m.precision) == (D(2016, 12, 11), "day")
    assert one("ذكرى ثورة الخامس والعشرين من يناير").historical
    # ordinals that are not dates
    assert find_dates("لليوم الخامس على التوالي", MON) == []
    assert find_dates("الجولة الثانية من المفاوضات", MON) == []
    assert find_dates("الحادي عشر من اللاعبين", MON) == []
    assert find_dates("في الثاني والأربعين من الشهر", MON) == []  # no such day
    # dates that name places
    assert find_dates("افتتح مصنع في مدينة العاشر من رمضان", MON) == []
    assert find_dates("في مدينتي أبو حماد والعاشر من رمضان", MON) == []
    assert one("وصل إلى مدينة الرياض في الثامن من أغسطس").date == D(2017, 8, 8)


def test_both_month_names():
    m = one("في الثامن من أغسطس آب الماضي")
    assert (m.text, m.date) == ("الثامن من أغسطس آب الماضي", D(2017, 8, 8))
    assert one("3 مايو أيار 2015").date == D(2015, 5, 3)
    assert one("تموز يوليو الماضي").date == D(2017, 7, 1)
    assert one("الخامس من أغسطس (آب) الحالي").date == D(2017, 8, 5)
    assert one("حتى الأول من شهر المحرم 1437ه").date == D(2015, 10, 14)
    assert find_dates("الأول من شهر", MON) == []  # "of a month" is not "of this month"


def test_ranges_give_the_first_day_and_keep_the_end():
    m = one("عقدت القمة بين 3 و5 مارس")
    assert (m.text, m.date, m.end_date, m.precision) == \
        ("بين 3 و5 مارس", D(2017, 3, 3), D(2017, 3, 5), "day")
    m = one("تعقد القمة بين 3 و5 مارس")  # present tense in December: the coming March
    assert (m.date, m.end_date) == (D(2018, 3, 3), D(2018, 3, 5))
    m = one("من 10 إلى 12 يناير المقبل")
    assert (m.date, m.end_date) == (D(2018, 1, 10), D(2018, 1, 12))
    m = one("خلال الفترة 3-5 مارس 2017")
    assert (m.text, m.date, m.end_date) == ("3-5 مارس 2017", D(2017, 3, 3), D(2017, 3, 5))
    m = one("يومي 6 و7 ديسمبر")  # "on the two days 6 and 7 December"
    assert (m.date, m.end_date) == (D(2017, 12, 6), D(2017, 12, 7))
    m = one("من 28 نوفمبر حتى 2 ديسمبر")
    assert (m.date, m.end_date) == (D(2017, 11, 28), D(2017, 12, 2))
    m = one("بين 30 ديسمبر 2016 و2 يناير 2017")
    assert (m.date, m.end_date) == (D(2016, 12, 30), D(2017, 1, 2))
    m = one("من 28 ديسمبر إلى 2 يناير 2018")  # the first day takes the year of the end
    assert (m.date, m.end_date) == (D(2017, 12, 28), D(2018, 1, 2))
    assert one("بين 5 و3 مارس").end_date is None  # backwards: not a range
    # two dates joined by و alone are a list, not a range
    assert [x.end_date for x in find_dates("في 3 مارس و5 أبريل", MON)] == [None, None]
    # single dates carry no end
    assert one("11 ديسمبر 2017").end_date is None


def test_after_n_days_and_recent_days_relative_to_publication():
    m = one("يعود الوفد بعد 3 أيام")
    assert (m.text, m.date, m.precision) == ("بعد 3 أيام", D(2017, 12, 14), "day")
    assert one("تستأنف المفاوضات بعد يومين").date == D(2017, 12, 13)
    assert one("ستعود اللجنة وبعد ثلاثة أيام").date == D(2017, 12, 14)
    m = one("من المقرر أن يصل بعد أسبوعين")
    assert (m.date, m.precision) == (D(2017, 12, 25), "week")
    m = one("سيبدأ التنفيذ بعد شهر")
    assert (m.date, m.precision) == (D(2018, 1, 1), "month")
    m = one("يتوقع أن تنتهي الأشغال بعد عامين")
    assert (m.date, m.precision) == (D(2019, 1, 1), "year")
    assert one("ستفرج عنهم بعد ساعات").date == MON
    assert one("أجلت الجلسة إلى ما بعد أسبوع").date == D(2017, 12, 18)
    assert find_dates("أي بعد 12 يوما", MON)[0].date == D(2017, 12, 23)
    # past narrative counts from an earlier event; idioms; anchored on something else
    assert find_dates("توقفت العملية العسكرية بعد 29 يوما", MON) == []
    assert find_dates("وصل الوفد بعد يومين", MON) == []
    assert find_dates("كانت حالته تسوء يوما بعد يوم", MON) == []
    assert find_dates("ترتفع الأسعار عاما بعد عام", MON) == []
    assert find_dates("تنسحب القوات بعد يومين من القمة", MON) == []
    assert find_dates("يعود بعد يوم دام", MON) == []
    assert find_dates("يعود بعد أيام", MON) == []
    # since N days (before pub)
    m = one("منذ 4 أيام")
    assert (m.date, m.precision) == (D(2017, 12, 7), "day")
    # the past / coming few days: a week-long window, its first day (the end kept)
    m = one("خلال الأيام الماضية")
    assert (m.text, m.date, m.end_date, m.precision) == \
        ("الأيام الماضية", D(2017, 12, 4), MON, "week")
    m = one("في الأيام القليلة الماضية")
    assert (m.date, m.precision) == (D(2017, 12, 4), "week")
    m = one("خلال الأيام المقبلة")
    assert (m.date, m.end_date, m.precision) == (D(2017, 12, 12), D(2017, 12, 18), "week")
    m = one("خلال الساعات الأخيرة")
    assert (m.date, m.precision) == (MON, "day")
    assert find_dates("الأيام الصعبة", MON) == []


def test_partial_date_in_a_future_sentence_lies_ahead():
    pub = D(2015, 8, 1)
    assert [m.date for m in find_dates("سيختتم المؤتمر أعماله في الثامن من أغسطس", pub)] == [D(2015, 8, 8)]
    assert [m.date for m in find_dates("من المقرر أن يصل الوفد في 12 أغسطس", pub)] == [D(2015, 8, 12)]
    # past narrative keeps the latest such date up to publication
    assert [m.date for m in find_dates("اختتم المؤتمر أعماله في الثامن من أغسطس", pub)] == [D(2014, 8, 8)]
