"""Arabic date expressions, resolved against a publication date.

`find_dates(text, pub, start, end)` scans one sentence (``text[start:end]``) and returns every date
expression as a :class:`DateMention` with offsets into the *original* text, non-overlapping, the
longest candidate winning, in text order.

Matching runs on the normalised view (`hudhud.arabic.normalize`): diacritics, tatweel, alef
variants, ى/ي, ة/ه and Arabic-Indic digits are all tolerated. Proclitics are accepted (و ف on any
word; ب ل ك before the article: "والأربعاء", "بالأمس", "ويوم الاثنين", "للعام الماضي"); a
mention's span covers the whole orthographic word, clitics included. Leading prepositions that only
*signal* a date ("في ديسمبر", "حرب 1967", "خلال 2014") are context and stay outside the span; "قبل"
and "منذ" are inside it when they carry the meaning ("قبل يومين", "منذ 3 أيام").

Resolution conventions
----------------------
* precision "day": the day itself. "week": pub ± 7 days (``الأسبوع الماضي`` → pub - 7,
  ``هذا الأسبوع`` → pub). "month": the 1st of the month, except the month parts below.
  "year": 1 January.
* Weekdays: bare or with يوم → the most recent such day on or before pub (pub's own weekday → pub);
  with الماضي/الفائت/المنصرم/السابق → strictly before pub; with المقبل/القادم → strictly after.
  A weekday directly followed by a day-level date ("الأحد 10 ديسمبر 2017", "يوم الاثنين الموافق
  11/12/2017") becomes one mention dated by the explicit date.
* اليوم / هذا اليوم / مساء|صباح|فجر|ظهر اليوم / الليلة → pub; الليلة الماضية, أمس, الأمس, البارحة,
  مساء أمس → pub - 1; أول أمس / أول من أمس / أمس الأول → pub - 2; غدا / الغد / يوم غد → pub + 1;
  بعد غد → pub + 2. "اليوم" followed by التالي/السابق/الأول/نفسه/العالمي… is not a date.
* قبل|منذ + [N] + unit (N in digits or واحد..عشرة, duals يومين/أسبوعين/شهرين/عامين): days →
  pub - N; hours → pub - N//24 ("منذ ساعات" → pub); weeks → pub - 7N (week); months → 1st of the
  month N months back; years → 1 January N years back. بعد + the same counts forward from pub
  ("بعد 3 أيام" → pub + 3, "بعد أسبوعين" → pub + 14 (week), "بعد شهر" → 1st of next month),
  in a future context only (see `_forward`: "أي/ما بعد", a future word such as سوف/المقرر/
  يتوقع before it, or a sentence opening with an imperfect verb "يصل الوفد بعد يومين"); in
  past narrative ("توقفت العملية بعد 29 يوماً") it counts from an earlier event and is no date,
  nor are the idioms "يوماً بعد يوم", "عاماً بعد عام".
  Not a date when followed by من/على/عن ("قبل يومين من القمة", "بعد يومين من الاقتحام" are
  relative to another event), by an adjective of a day ("بعد يوم دام") or by a year ("منذ عام
  2011"); plural units without a number ("منذ أيام", "بعد أسابيع") are too vague, except hours.
* الأيام [القليلة] الماضية/الأخيرة → the week before pub: pub - 7, precision week, `end_date`
  pub; الأيام المقبلة/القادمة → pub + 1 (week), `end_date` pub + 7; الساعات الماضية/المقبلة → pub
  (day). A leading خلال/في stays outside the span.
* Ordinal day words (الأول… العاشر، الحادي عشر… التاسع عشر، العشرين، الحادي والعشرين…
  الحادي والثلاثين), optionally after يوم/اليوم, then من + a month: "في الحادي عشر من ديسمبر"
  (partial: resolved like "11 ديسمبر"), "الخامس عشر من آذار 2017", "العاشر من محرم [1439 هـ]"
  (Hijri), "اليوم الأول من الشهر [الجاري|الماضي|المقبل]" (pub's month, the one before, after).
  Precision day. Without من + month an ordinal is not a date ("لليوم الخامس على التوالي"; "اليوم"
  followed by an ordinal is not "today" either).
* Ranges → one mention dated by its first day, precision day, the last day in `end_date`:
  "3-5 مارس [2017]", "بين 3 و5 مارس", "يومي 6 و7 ديسمبر", "من 10 إلى|حتى 12 يناير", and two
  full day dates joined by إلى/حتى/- or بين … و ("من 28 نوفمبر إلى 2 ديسمبر", "بين 30 ديسمبر
  2016 و2 يناير 2017"; a partial first day takes its year from the end). "3 و5 مارس" without
  بين is a list (the dates stay apart). The event record has no end-date field: an event takes
  the first day, and `date_text` keeps the whole range.
* الأسبوع|الشهر|العام|السنة + الماضي/الجاري/الحالي/المقبل, or هذا/هذه + the same: -1 / 0 / +1 unit.
  "العام" after titles (الأمين العام الحالي, المدعي العام) is the adjective "general", not a year.
* Month parts (precision month): مطلع/أوائل/بداية/مستهل → day 1, منتصف/أواسط → day 15,
  أواخر/نهاية → day 25 of the month ("مطلع الشهر الجاري", "أواخر ديسمبر الماضي", "منتصف
  2017"). With a year instead of a month: مطلع → 1 Jan, منتصف → 1 Jul, أواخر → 1 Dec.
* Absolute: "11 ديسمبر 2017", "11 كانون الأول 2017", "11 من شهر ديسمبر عام 2017", "11/12/2017"
  (day/month/year), "2017-12-11" (year first), "ديسمبر 2017" (month), "عام 2014" / "في 2014"
  (year; a bare 4-digit number needs a context word such as في/منذ/حتى/خلال/حرب/ثورة). Years
  1800-2199 only; impossible dates (31/02/2017) are dropped.
* Partial: "27 ديسمبر [الماضي]" → the most recent such date ≤ pub; with المقبل/القادم → the next
  one > pub; with الجاري/الحالي → pub's year. A month alone ("في ديسمبر", "شهر آب", "ديسمبر
  الماضي") → the most recent such month ≤ pub's month (الماضي: strictly before, المقبل: strictly
  after). Bare month names need a context word (في، خلال، منذ، حتى، بحلول، شهر) or a qualifier,
  because مارس/آب are also ordinary words. Gulf/Levant (يناير…) and Syriac (كانون الثاني…) names are
  supported, plus the Maghrebi ones (جانفي فيفري أفريل ماي جوان جويلية أوت).
* `relative` is True whenever pub was needed; with pub None those mentions have date None.
* `historical`: a mention with an explicit year preceded by منذ/حرب/ثورة/نكبة/نكسة/انتفاضة/عدوان/غزو
  or introduced by عام/سنة, whose year is more than 2 years before pub (no pub: only the war-type
  words count); a partial date right after a war-type word ("ثورة 25 يناير", "حرب أكتوبر") is
  historical whatever the year.

* Hijri (Umm al-Qura, via `hijridate`, years 1343-1500): "15 رمضان 1445 هـ" (day), "ربيع الأول
  1439هـ" / "شهر رمضان 1445" (month: the Gregorian date of the 1st of the Hijri month), "عام 1439
  هـ" / "1439 هجرية" (year: 1 Muharram; a bare year needs the هـ/هجري/للهجرة suffix). Without a
  year, "5 صفر" is the most recent such date ≤ pub (المقبل: the next one), and "شهر رمضان" /
  "في رمضان" [الماضي/المقبل] the most recent (strictly earlier/later) start of that month; a bare
  month name ("رمضان" is also a given name) needs شهر or a context word. The Hijri month names
  accept their variants (ربيع الأول/ربيع أول، ربيع الآخر/الثاني، جمادى الأولى/الآخرة، ذو/ذي
  القعدة/الحجة). A Hijri date after a weekday merges with it like a Gregorian one; its Gregorian
  year is what the historical check compares.

Limits: no clock times; the future context of "بعد N أيام" is a word-level guess (a sentence
opening with a form-V past verb such as "تبين" passes for an imperfect); ordinal
ranges ("بين الثالث والخامس من مارس") give only the last day.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from hudhud.arabic.normalize import _DROP, DROPPED, normalize

__all__ = ["DateMention", "REFERENCE_WORDS", "find_dates"]


@dataclass(slots=True)
class DateMention:
    start: int
    end: int  # offsets into the ORIGINAL text passed in
    text: str  # the original substring
    date: datetime.date | None  # None when it cannot be resolved (e.g. relative with no pub)
    precision: str  # "day", "week", "month", "year"
    relative: bool  # True for expressions resolved against the publication date
    historical: bool = False  # background references that must not date an event
    end_date: datetime.date | None = None  # last day of a range ("3-5 مارس"); None otherwise


# --------------------------------------------------------------------------------------------
# Vocabulary (normalised forms)

_MONTHS = {
    "يناير": 1, "جانفي": 1, "كانون ثاني": 1,
    "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويليه": 7, "تموز": 7,
    "اغسطس": 8, "اوت": 8, "اب": 8,
    "سبتمبر": 9, "ايلول": 9,
    "اكتوبر": 10, "تشرين اول": 10,
    "نوفمبر": 11, "تشرين ثاني": 11,
    "ديسمبر": 12, "كانون اول": 12,
}
MONTH_NAMES = frozenset(k for k in _MONTHS if " " not in k)  # one-word Gregorian month names
# Hijri months (normalised; "ربيع اول" also matches "ربيع الاول", see _alt)
_HMONTHS = {
    "محرم": 1, "صفر": 2, "ربيع اول": 3, "ربيع ثاني": 4, "ربيع اخر": 4,
    "جمادي اولي": 5, "جمادي اول": 5, "جمادي اخره": 6, "جمادي ثانيه": 6, "جمادي اخر": 6,
    "جمادي ثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو قعده": 11, "ذي قعده": 11, "ذو حجه": 12, "ذي حجه": 12,
}
WEEKDAYS = {"اثنين": 0, "ثلاثاء": 1, "ثلاثا": 1, "اربعاء": 2, "اربعا": 2, "خميس": 3,
             "جمعه": 4, "سبت": 5, "احد": 6}
_NUMBERS = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
    "عشره": 10, "عشر": 10,
}
# unit word -> (unit, implicit count) ; count 0 = needs a number (plural), 2 = dual
_UNITS = {
    "يوم": ("day", 1), "يوما": ("day", 1), "ايام": ("day", 0), "يومين": ("day", 2), "يومان": ("day", 2),
    "ساعه": ("hour", 1), "ساعات": ("hour", 0), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2),
    "اسبوع": ("week", 1), "اسبوعا": ("week", 1), "اسابيع": ("week", 0), "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", 1), "اشهر": ("month", 0), "شهور": ("month", 0),
    "شهرين": ("month", 2), "شهران": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", 1), "اعوام": ("year", 0), "عامين": ("year", 2),
    "عامان": ("year", 2), "سنه": ("year", 1), "سنوات": ("year", 0), "سنين": ("year", 0),
    "سنتين": ("year", 2), "سنتان": ("year", 2),
}
# Ordinal day words (normalised): units, and the tens they combine with ("الحادي والعشرين")
_ORD_UNITS = {"اول": 1, "حادي": 1, "واحد": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5,
              "سادس": 6, "سابع": 7, "ثامن": 8, "تاسع": 9}
_ORD_TENS = {"عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30}
_ORD_WORDS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
              "التاسع", "العاشر", "الحادي", "العشرين", "العشرون", "الثلاثين", "الثلاثون")
_ORD_RE = (r"(?P<ord>(?:ال(?:حادي|واحد|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\s+"
           r"(?:عشر|و\s*ال(?:عشرين|عشرون|ثلاثين|ثلاثون)))"
           r"|ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|عشرين|عشرون|ثلاثين|ثلاثون))")


def _ordinal(s: str) -> int | None:
    """The day number of a normalised ordinal ("الحادي عشر" → 11, "التاسع والعشرين" → 29)."""
    words = [w[2:] if w.startswith("ال") else w for w in re.split(r"\s+و?\s*", s.strip())]
    if len(words) == 1:
        w = words[0]
        if w == "عاشر":
            return 10
        if w in _ORD_TENS:
            return _ORD_TENS[w]
        return None if w in ("حادي", "واحد") else _ORD_UNITS.get(w)
    unit, tens = words[0], words[1]
    if unit == "اول":
        return None
    if tens == "عشر":
        return 10 + _ORD_UNITS[unit]
    n = _ORD_TENS.get(tens, 0) + _ORD_UNITS[unit]
    return n if n <= 31 else None


_PARTS = {"مطلع": 1, "اوائل": 1, "بدايه": 1, "مستهل": 1, "منتصف": 15, "اواسط": 15,
          "اواخر": 25, "نهايه": 25}
_YEAR_PART_MONTH = {1: 1, 15: 7, 25: 12}

_PAST = ("الماضي", "الماضيه", "الفائت", "الفائته", "المنصرم", "المنصرمه", "السابق", "السابقه")
_FUT = ("المقبل", "المقبله", "القادم", "القادمه")
_CUR = ("الجاري", "الجاريه", "الحالي", "الحاليه")
_WAR = ("حرب", "ثوره", "نكبه", "نكسه", "انتفاضه", "عدوان", "غزو")
# words that make a year a reference, never the date of an event ("منذ عام 2011", "حرب 1967")
REFERENCE_WORDS = ("منذ", *_WAR)

_EXCL_AFTER_TODAY = ("التالي", "السابق", "الذي", "الاخير", *_ORD_WORDS,
                     "نفسه", "ذاته", "ذلك", "العالمي", "الدولي", "الوطني", "المشهود",
                     "الموعود", "المحدد", "المقرر", "التاريخي")
# Nouns after which "العام" is the adjective "general/public", not "the year".
_GENERAL_NOUNS = ("امين", "مدعي", "نائب", "مدير", "مراقب", "مفتش", "مفوض", "منسق", "مقرر",
                  "قائد", "راي", "قطاع", "امن", "شان", "نظام", "صالح", "مال", "مؤتمر", "اضراب",
                  "عفو", "تعليم", "ذوق", "نفع", "مرشد", "محامي", "قنصل", "سكرتير", "رئيس")


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+(?:ال)?")
                            for w in sorted(words, key=len, reverse=True)) + ")"


def _qual(tag: str) -> str:
    return (f"(?:(?P<past{tag}>{_alt(_PAST)})|(?P<fut{tag}>{_alt(_FUT)})"
            f"|(?P<cur{tag}>{_alt(_CUR)}))")


_B = r"(?<!\w)"  # start boundary (normalised text: no marks left)
_E = r"(?!\w)"  # end boundary
_CJ = "[وف]?"  # conjunction clitic
_DEF = "(?:[وف]?(?:[بلك]?ال|لل))"  # article with clitics
_MON = "(?P<mon>" + _alt(_MONTHS) + ")"
# the other month name after the first: "3 أغسطس آب", "5 أغسطس (آب) الحالي"
_MON2 = r"(?:\s+" + _alt(_MONTHS) + r"(?!\w)|\s*\(\s*" + _alt(_MONTHS) + r"\s*\))?"
_YEAR = r"(?P<y>1[89][0-9]{2}|2[01][0-9]{2})(?:م|\s+م(?!\w))?"
_YEAR_INTRO = r"(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)"
_TOD = _CJ + "(?:صباح|مساء|ظهر|ظهيره|عصر|فجر|ليل|ليله|عشيه|صبيحه)"
_PARTS_RE = "(?P<part>" + _alt(_PARTS) + ")"
_HMON = "(?P<hmon>" + _alt(_HMONTHS) + ")"
_HYEAR = r"(?P<hy>13[4-9][0-9]|14[0-9]{2}|1500)"
_HSUF = r"(?P<hs>\s*(?:ه|هجريه|هجري|للهجره)(?!\w))"


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p)


# kind, compiled pattern
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("hijri_dmy", _c(_B + r"[وف]?(?P<d>[0-9]{1,2})\s*(?:من\s+)?(?:شهر\s+)?" + _HMON + _E
                     + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _HYEAR + _HSUF + "?" + _E
                     + r"|\s+" + _qual("") + _E + ")?")),
    ("hijri_my", _c(_B + r"(?:" + _CJ + r"[بل]?شهر\s+)?" + _HMON + r"\s*[،,]?\s*" + _YEAR_INTRO
                    + "?" + _HYEAR + _HSUF + "?" + _E)),
    ("hijri_year", _c(_B + r"(?:" + _CJ + r"[بل]?(?:ال)?(?:عام|سنه)\s+)?" + _HYEAR + _HSUF + _E)),
    ("hijri_month", _c(_B + r"(?:" + _CJ + r"(?:[بل]?شهر|في|خلال|منذ|حتي|بحلول)\s+)" + _HMON + _E
                       + r"(?:\s+" + _qual("") + _E + ")?")),
    ("ord_hijri", _c(_B + r"(?:" + _CJ + r"[بل]?(?:ال)?يوم\s+)?" + _CJ + _ORD_RE + r"\s+من\s+(?:شهر\s+)?(?:ال)?"
                     + _HMON + _E + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _HYEAR + _HSUF + "?" + _E
                     + r"|\s+" + _qual("") + _E + ")?")),
    ("ord_dmy", _c(_B + r"(?:" + _CJ + r"[بل]?(?:ال)?يوم\s+)?" + _CJ + _ORD_RE + r"\s+من\s+(?:"
                   r"(?:شهر\s+)?" + _MON + _E + _MON2 + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _YEAR + _E
                   + r"|\s+" + _qual("") + _E + ")?"
                   r"|(?P<cm>الشهر)(?:\s+" + _qual("1") + ")?" + _E + ")")),
    ("range_dmy", _c(_B + r"(?:(?P<intro>" + _CJ + r"(?:بين|ما\s+بين|من))\s+)?"
                     r"(?:" + _CJ + r"[بل]?(?:ال)?(?P<days>يوم|ايام|يومي)\s+)?(?P<d1>[0-9]{1,2})"
                     r"(?P<conn>\s*[-–]\s*|\s+و\s*|\s+و?(?:الي|حتي|لغايه)\s+)(?P<d2>[0-9]{1,2})"
                     r"\s*(?:من\s+)?(?:شهر\s+)?" + _MON + _E + _MON2
                     + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _YEAR + _E + r"|\s+" + _qual("") + _E
                     + ")?")),
    ("num_dmy", _c(r"(?<![\w/.\-])[وف]?(?P<d>[0-9]{1,2})(?P<s>[/.\-])(?P<m>[0-9]{1,2})(?P=s)"
                   r"(?P<y>[0-9]{4})(?![\w/\-]|\.[0-9])")),
    ("num_ymd", _c(r"(?<![\w/.\-])[وف]?(?P<y>[0-9]{4})(?P<s>[/.\-])(?P<m>[0-9]{1,2})(?P=s)"
                   r"(?P<d>[0-9]{1,2})(?![\w/\-]|\.[0-9])")),
    ("dmy", _c(_B + r"[وف]?(?P<d>[0-9]{1,2})\s*(?:من\s+)?(?:شهر\s+)?" + _MON + _E + _MON2
               + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _YEAR + _E + r"|\s+" + _qual("") + _E + ")?")),
    ("month_year", _c(_B + r"(?:" + _CJ + r"[بل]?شهر\s+)?" + _MON + _MON2 + r"\s*[،,]?\s*" + _YEAR_INTRO
                      + "?" + _YEAR + _E)),
    ("month_qual", _c(_B + r"(?:" + _CJ + r"[بل]?شهر\s+)?" + _MON + _MON2 + r"\s+" + _qual("")
                      + _E)),
    ("month_ctx", _c(_B + r"(?:(?P<ctx>" + _CJ + r"(?:في|خلال|منذ|حتي|بحلول|" + "|".join(_WAR)
                     + r"))\s+)?(?P<core>(?P<shahr>" + _CJ + r"[بل]?شهر\s+)?" + _MON + ")" + _E)),
    ("part", _c(_B + _CJ + "[بل]?" + _PARTS_RE + r"\s+(?:"
                r"(?:ال)?شهر(?:\s+" + _qual("1") + ")?" + _E
                + r"|(?:شهر\s+)?" + _MON + _E + r"(?:\s*[،,]?\s*" + _YEAR_INTRO + "?" + _YEAR
                + r"|\s+" + _qual("2") + ")?" + _E
                + r"|(?P<yr>(?:ال)?(?:عام|سنه))(?:\s+" + _qual("3") + ")?" + _E
                + r"|" + _YEAR_INTRO + "?" + _YEAR.replace("P<y>", "P<y2>") + _E + ")")),
    ("year", _c(_B + r"(?:(?P<ctx>" + _CJ + r"(?:في|منذ|حتي|خلال|بحلول|قبل|بعد|" + "|".join(_WAR)
                + r"))\s+)?(?P<core>(?P<intro>" + _CJ + r"[بل]?(?:ال)?(?:عام|سنه)\s+)?" + _YEAR + ")"
                + _E)),
    ("weekday", _c(_B + r"(?:" + _TOD + r"\s+)?(?:" + _CJ + r"[بل]?يوم\s+)?" + _DEF + "(?P<wd>"
                   + _alt(WEEKDAYS) + ")" + _E + r"(?!\s+عشر)(?:\s+" + _qual("") + _E + ")?")),
    ("today", _c(_B + r"(?:(?:" + _TOD + "|" + _CJ + r"هذا)\s+)?" + _DEF + "يوم" + _E
                 + r"(?!\s+" + _alt(_EXCL_AFTER_TODAY) + _E + ")")),
    ("tonight", _c(_B + r"(?:" + _CJ + r"هذه\s+)?" + _DEF + r"ليله(?:\s+(?P<past>الماضيه|الفائته"
                   r"|المنصرمه|السابقه|البارحه))?" + _E)),
    ("yesterday", _c(_B + r"(?:(?:" + _TOD + "|" + _CJ + r"[بل]?يوم)\s+)?(?:(?P<first>" + _CJ
                     + r"اول)\s+(?:من\s+)?)?(?:" + _CJ + r"(?:[بلك]?ال|لل)?امس|" + _DEF + "بارحه)"
                     + _E + r"(?:\s+(?P<first2>الاول)" + _E + ")?")),
    ("tomorrow", _c(_B + r"(?:(?P<after>" + _CJ + r"بعد)\s+(?:ال)?غدا?"
                    r"|(?:(?:" + _TOD + "|" + _CJ + r"[بل]?يوم)\s+)(?:ال)?غدا?"
                    r"|" + _CJ + r"غدا|" + _DEF + "غد)" + _E)),
    ("duration", _c(_B + r"(?P<dir>" + _CJ + r"(?:قبل|منذ|بعد))\s+(?:(?:نحو|حوالي|زهاء)\s+)?"
                    r"(?:(?P<num>[0-9]{1,3}|" + _alt(_NUMBERS) + r")\s+)?(?P<unit>" + _alt(_UNITS)
                    + ")" + _E + r"(?:\s+(?:واحد|واحده)" + _E + ")?"
                    r"(?!\s+(?:(?:من|علي|عن|دام|دامي|حافل|طويل|عصيب|كامل|واحد\s+من)(?!\w)|[0-9]))")),
    ("recent", _c(_B + _DEF + r"(?P<unit>ايام|ساعات)(?:\s+القليله)?\s+(?:(?P<past>الماضيه|الاخيره"
                  r"|الفائته|المنصرمه|السابقه)|(?P<fut>المقبله|القادمه))" + _E)),
    ("period", _c(_B + r"(?:(?P<this>" + _CJ + r"(?:هذا|هذه))\s+)?" + _DEF
                  + r"(?P<unit>اسبوع|شهر|عام|سنه)(?:\s+" + _qual("") + ")?" + _E)),
]

_TRIGGER_BEFORE = re.compile(r"(?:^|(?<!\w))[وف]?(?:[بل]?ال|لل)?(?P<w>منذ|عام|سنه|"
                             + "|".join(_WAR) + r")\s+$")
_GENERAL_BEFORE = re.compile(r"(?:^|(?<!\w))[وف]?(?:[بلك]?ال|لل)?" + _alt(_GENERAL_NOUNS)
                             + r"\s+$")
_INTRO_RE = re.compile(r"(?<!\w)[وف]?[بل]?(?:ال)?(?:عام|سنه)\s")
_WEEKDAY_DATE_GAP = re.compile(r"\s*[،,]?\s*(?:الموافق\s+)?")
_DAY_KINDS = ("dmy", "num_dmy", "num_ymd", "hijri_dmy", "ord_dmy", "ord_hijri")
_RANGE_GAP = re.compile(r"\s*(?P<c>[-–]|و|و?(?:الي|حتي|لغايه)(?!\w))\s*")
_RANGE_INTRO = re.compile(r"(?<!\w)[وف]?(?P<w>بين|من)\s+$")


# --------------------------------------------------------------------------------------------
# Prefilter: one search on the raw text, tolerant of marks and letter variants.

_VARIANTS = {"ا": "[اأإآٱ]", "ي": "[يىی]", "ه": "[هة]"}


def _tolerant(word: str) -> str:
    return f"[{_DROP}]*".join(_VARIANTS.get(ch, re.escape(ch)) for ch in word)


_STEMS = (
    list(WEEKDAYS) + list(_UNITS) + [w.split()[0] for w in _MONTHS if w != "اب"]
    + [w.split()[0] for w in _HMONTHS]
    + ["ليله", "امس", "بارحه", "غد", "ايام", "عام", "سنه"]
)


def _trie_regex(words, tolerant: bool = True) -> str:
    """A regex for a set of words, factored as a trie (re does not optimise alternations).

    Tolerant: of marks and letter variants (for raw text); else for normalised text."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node:  # a shorter stem ends here: anything longer is redundant for a prefilter
            return ""
        alts = [(_VARIANTS.get(ch, re.escape(ch)) + f"[{_DROP}]*" if tolerant else re.escape(ch))
                + build(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


_PREFILTER = re.compile(
    "[0-9\u0660-\u0669\u06f0-\u06f9]|(?<!\\w)" + _tolerant("اب") + "(?!\\w)|"
    + _trie_regex(set(_STEMS))
)


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _add_months(y: int, m: int, k: int) -> datetime.date:
    idx = y * 12 + (m - 1) + k
    return datetime.date(idx // 12, idx % 12 + 1, 1)


def _safe(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _mode(m: re.Match[str]) -> str | None:
    for k, v in m.groupdict().items():
        if v is not None:
            for mode in ("past", "fut", "cur"):
                if k.startswith(mode) and k[len(mode):].isdigit() or k == mode:
                    return mode
    return None


def _month_num(s: str) -> int:
    return _MONTHS[re.sub(r"\s+(?:ال)?", " ", s)]


def _day_month(pub: datetime.date, mon: int, day: int, mode: str | None) -> datetime.date | None:
    if mode == "near":
        ahead = _day_month(pub, mon, day, "fut")
        if ahead is not None and (ahead - pub).days <= 92:
            return ahead
        mode = None
    if mode == "cur":
        return _safe(pub.year, mon, day)
    if mode == "fut":
        for y in range(pub.year, pub.year + 9):
            d = _safe(y, mon, day)
            if d is not None and d > pub:
                return d
        return None
    for y in range(pub.year, pub.year - 9, -1):
        d = _safe(y, mon, day)
        if d is not None and d <= pub:
            return d
    return None


def _month_only(pub: datetime.date, mon: int, mode: str | None) -> datetime.date:
    if mode == "cur":
        y = pub.year
    elif mode == "past":
        y = pub.year if mon < pub.month else pub.year - 1
    elif mode == "fut":
        y = pub.year if mon > pub.month else pub.year + 1
    else:
        y = pub.year if mon <= pub.month else pub.year - 1
    return datetime.date(y, mon, 1)


def _hmon_num(s: str) -> int:
    return _HMONTHS[re.sub(r"\s+(?:ال)?", " ", s)]


def _hijri(y: int, m: int, d: int) -> datetime.date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date; None outside 1343-1500 or invalid."""
    from hijridate import Hijri

    try:
        g = Hijri(y, m, d).to_gregorian()
        return datetime.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _hijri_of(day: datetime.date) -> tuple[int, int, int] | None:
    from hijridate import Gregorian

    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _hijri_relative(pub: datetime.date, mon: int, day: int | None, mode: str | None):
    """A Hijri month (and day) without a year, resolved like Gregorian partial dates."""
    h = _hijri_of(pub)
    if h is None:
        return None
    hy, hm, hd = h
    cands = []
    for y in (hy - 1, hy, hy + 1):
        g = _hijri(y, mon, day or 1)
        if g is not None:
            cands.append(g)
    if mode == "fut":
        after = [g for g in cands if g > pub]
        return after[0] if after else None
    if mode == "cur":
        return _hijri(hy, mon, day or 1)
    if mode == "past" and day is None:
        before = [g for g in cands if (_hijri_of(g) or (0, 0))[:2] < (hy, hm)]
    else:
        before = [g for g in cands if g <= pub]
    return before[-1] if before else None


def _weekday(pub: datetime.date, wd: int, mode: str | None) -> datetime.date:
    if mode == "fut":
        return pub + datetime.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    delta = (pub.weekday() - wd) % 7
    if mode == "past" and delta == 0:
        delta = 7
    return pub - datetime.timedelta(days=delta)


_DAY = datetime.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# Candidate building
# A candidate: (ns, ne, kind, date, precision, relative, year_or_None, partial)


def _resolve(kind: str, m: re.Match[str], norm: str, pub: datetime.date | None):
    """Return (ns, ne, date, precision, relative, explicit_year, partial) or None to reject."""
    ns, ne = m.span()
    g = m.group
    if kind in ("num_dmy", "num_ymd"):
        y = int(g("y"))
        if not 1800 <= y <= 2199:
            return None
        d = _safe(y, int(g("m")), int(g("d")))
        return None if d is None else (ns, ne, d, "day", False, y, False)
    if kind == "hijri_dmy":
        mon, day = _hmon_num(g("hmon")), int(g("d"))
        if g("hy"):
            d = _hijri(int(g("hy")), mon, day)
            return None if d is None else (ns, ne, d, "day", False, d.year, False)
        if not 1 <= day <= 30:
            return None
        d = _hijri_relative(pub, mon, day, _mode(m)) if pub else None
        return (ns, ne, d, "day", True, None, True)
    if kind == "hijri_my":
        d = _hijri(int(g("hy")), _hmon_num(g("hmon")), 1)
        return None if d is None else (ns, ne, d, "month", False, d.year, False)
    if kind == "hijri_year":
        d = _hijri(int(g("hy")), 1, 1)
        return None if d is None else (ns, ne, d, "year", False, d.year, False)
    if kind == "hijri_month":
        d = _hijri_relative(pub, _hmon_num(g("hmon")), None, _mode(m)) if pub else None
        return (ns, ne, d, "month", True, None, True)
    if kind in ("ord_dmy", "ord_hijri"):
        day = _ordinal(g("ord"))
        if day is None or _named_place(norm, ns):
            return None
        if kind == "ord_hijri":
            mon = _hmon_num(g("hmon"))
            if g("hy"):
                d = _hijri(int(g("hy")), mon, day)
                return None if d is None else (ns, ne, d, "day", False, d.year, False)
            if day > 30:
                return None
            d = _hijri_relative(pub, mon, day, _mode(m)) if pub else None
            return (ns, ne, d, "day", True, None, True)
        if g("cm"):  # "العاشر من الشهر [الجاري|الماضي|المقبل]": pub's month by default
            if pub is None:
                return (ns, ne, None, "day", True, None, False)
            first = _add_months(pub.year, pub.month, {"past": -1, "fut": 1}.get(_mode(m) or "", 0))
            d = _safe(first.year, first.month, day)
            return None if d is None else (ns, ne, d, "day", True, None, False)
        mon = _month_num(g("mon"))
        if g("y"):
            d = _safe(int(g("y")), mon, day)
            return None if d is None else (ns, ne, d, "day", False, int(g("y")), False)
        d = _day_month(pub, mon, day, _partial_mode(m, norm)) if pub else None
        return (ns, ne, d, "day", True, None, True)
    if kind == "range_dmy":
        d1, d2, intro = int(g("d1")), int(g("d2")), g("intro")
        if not 1 <= d1 < d2 <= 31:
            return None
        conn = g("conn").strip()
        if conn == "و" and not (intro and intro.endswith("بين")) and g("days") != "يومي":
            return None  # "3 و5 مارس" without بين (or يومي) is a list, not a range
        mon = _month_num(g("mon"))
        if g("y"):
            a, b = _safe(int(g("y")), mon, d1), _safe(int(g("y")), mon, d2)
            if a is None or b is None:
                return None
            return (ns, ne, a, "day", False, int(g("y")), False, b)
        if pub is None:
            return (ns, ne, None, "day", True, None, True, None)
        a = _day_month(pub, mon, d1, _partial_mode(m, norm))
        b = _safe(a.year, mon, d2) if a else None
        return None if a is None or b is None else (ns, ne, a, "day", True, None, True, b)
    if kind == "recent":
        if pub is None:
            return (ns, ne, None, "week" if g("unit") == "ايام" else "day", True, None, False)
        if g("unit") == "ساعات":  # the last/next few hours: today
            return (ns, ne, pub, "day", True, None, False)
        if g("past"):  # the past few days: the week before pub, range pub-7..pub
            return (ns, ne, pub - 7 * _DAY, "week", True, None, False, pub)
        return (ns, ne, pub + _DAY, "week", True, None, False, pub + 7 * _DAY)
    if kind == "dmy":
        mon, day = _month_num(g("mon")), int(g("d"))
        if g("y"):
            d = _safe(int(g("y")), mon, day)
            return None if d is None else (ns, ne, d, "day", False, int(g("y")), False)
        if not 1 <= day <= 31:
            return None
        d = _day_month(pub, mon, day, _partial_mode(m, norm)) if pub else None
        return (ns, ne, d, "day", True, None, True)
    if kind == "month_year":
        y = int(g("y"))
        return (ns, ne, datetime.date(y, _month_num(g("mon")), 1), "month", False, y, False)
    if kind == "month_qual":
        d = _month_only(pub, _month_num(g("mon")), _mode(m)) if pub else None
        return (ns, ne, d, "month", True, None, True)
    if kind == "month_ctx":
        if not g("ctx") and not g("shahr"):
            return None
        ns, ne = m.span("core")
        d = _month_only(pub, _month_num(g("mon")), None) if pub else None
        return (ns, ne, d, "month", True, None, True)
    if kind == "part":
        day = _PARTS[g("part")]
        mode = _mode(m)
        y = g("y") or g("y2")
        if g("mon"):
            mon = _month_num(g("mon"))
            if y:
                return (ns, ne, datetime.date(int(y), mon, day), "month", False, int(y), False)
            if pub is None:
                return (ns, ne, None, "month", True, None, True)
            first = _month_only(pub, mon, mode)
            return (ns, ne, first.replace(day=day), "month", True, None, True)
        if y:
            return (ns, ne, datetime.date(int(y), _YEAR_PART_MONTH[day], 1), "month", False,
                    int(y), False)
        if pub is None:
            return (ns, ne, None, "month", True, None, False)
        k = {"past": -1, "fut": 1}.get(mode or "", 0)
        if g("yr"):
            return (ns, ne, datetime.date(pub.year + k, _YEAR_PART_MONTH[day], 1), "month", True,
                    None, False)
        return (ns, ne, _add_months(pub.year, pub.month, k).replace(day=day), "month", True,
                None, False)
    if kind == "year":
        if not g("ctx") and not g("intro"):
            return None
        ns, ne = m.span("core")
        y = int(g("y"))
        return (ns, ne, datetime.date(y, 1, 1), "year", False, y, False)
    if kind == "weekday":
        d = _weekday(pub, WEEKDAYS[g("wd")], _mode(m)) if pub else None
        return (ns, ne, d, "day", True, None, False)
    if kind == "today":
        return (ns, ne, pub, "day", True, None, False)
    if kind == "tonight":
        return (ns, ne, pub - _DAY if pub and g("past") else pub, "day", True, None, False)
    if kind == "yesterday":
        n = 2 if g("first") or g("first2") else 1
        return (ns, ne, pub - n * _DAY if pub else None, "day", True, None, False)
    if kind == "tomorrow":
        n = 2 if g("after") else 1
        return (ns, ne, pub + n * _DAY if pub else None, "day", True, None, False)
    if kind == "duration":
        unit, implicit = _UNITS[g("unit")]
        if g("dir").lstrip("وف") == "بعد" and not _forward(norm, ns, unit):
            return None
        num = g("num")
        if num:
            n = int(num) if num.isdigit() else _NUMBERS[num]
            if implicit == 2:  # "قبل ثلاثة يومين" makes no sense
                return None
        elif implicit == 0:
            if unit != "hour":
                return None  # "منذ أيام", "قبل أشهر": too vague
            n = 0
        else:
            n = implicit
        if pub is None:
            prec = {"hour": "day"}.get(unit, unit)
            return (ns, ne, None, prec, True, None, False)
        sign = 1 if g("dir").lstrip("وف") == "بعد" else -1  # بعد: after pub; قبل/منذ: before
        if unit == "day":
            return (ns, ne, pub + sign * n * _DAY, "day", True, None, False)
        if unit == "hour":
            return (ns, ne, pub + sign * (n // 24) * _DAY, "day", True, None, False)
        if unit == "week":
            return (ns, ne, pub + sign * 7 * n * _DAY, "week", True, None, False)
        if unit == "month":
            return (ns, ne, _add_months(pub.year, pub.month, sign * n), "month", True, None, False)
        return (ns, ne, datetime.date(pub.year + sign * n, 1, 1), "year", True, None, False)
    if kind == "period":
        mode = _mode(m)
        if not g("this") and mode is None:
            return None
        unit = g("unit")
        if unit == "عام" and not g("this") and _GENERAL_BEFORE.search(norm, max(0, ns - 20), ns):
            return None
        k = {"past": -1, "fut": 1}.get(mode or "", 0)
        if unit == "اسبوع":
            return (ns, ne, pub + 7 * k * _DAY if pub else None, "week", True, None, False)
        if unit == "شهر":
            d = _add_months(pub.year, pub.month, k) if pub else None
            return (ns, ne, d, "month", True, None, False)
        return (ns, ne, datetime.date(pub.year + k, 1, 1) if pub else None, "year", True, None,
                False)
    raise AssertionError(kind)


_FUTURE_WORDS = re.compile(r"(?<!\w)[وف]?(?:سوف|(?:ال|من\s+ال)?(?:مقرر|مزمع|مرتقب|متوقع|منتظر)"
                           r"|[يت](?:توقع|عتزم|نتظر|زمع)|ي?رتقب)(?!\w)")
_FUT_VERB = re.compile(r"[وف]?(?:س[يتن]\w{2,}|[يت]\w{2,})")
_NOT_VERBS = frozenset({"يوم", "يوما", "تحت", "تلك", "تجاه", "تلو", "تمام", "يذكر", "يشار", "تقرير",
                        "تصريح", "تصريحات", "ترتيبات", "تحالف", "تنظيم", "تعاون", "تقديم", "تمديد"})
_BEFORE_BAED = re.compile(r"(?<!\w)(?P<w>\w+)\s+$")


_NAMED_BEFORE = re.compile(r"(?<!\w)[وفب]?(?:ال)?(?:مدينه|مدينتي|جسر|كوبري|ميدان|شارع|حي)\s+"
                           r"(?P<gap>(?:\w+\s+){0,3})$")


def _named_place(norm: str, ns: int) -> bool:
    """A date that names a place: "مدينة العاشر من رمضان", "جسر السادس من أكتوبر", and
    "مدينتي أبو حماد والعاشر من رمضان" (a coordinated name)."""
    m = _NAMED_BEFORE.search(norm, max(0, ns - 40), ns)
    return m is not None and (not m.group("gap") or norm[ns] == "و")


def _forward(norm: str, ns: int, unit: str) -> bool:
    """May "بعد N <unit>" at `ns` count from the publication date?

    Only in a future context: "أي|ما بعد" ("إلى ما بعد أسبوع"), a future word earlier in the
    sentence (سوف، المقرر، المرتقب، يتوقع، يعتزم…), or a sentence that opens with an imperfect
    verb ("يصل المبعوث بعد ثلاثة أيام", "سيفتتح الجسر بعد 10 أيام"). In past narrative ("توقفت
    العملية بعد 29 يوماً") the count runs from an earlier event, not from pub; and "يوماً بعد
    يوم", "عاما بعد عام" are idioms."""
    prev = _BEFORE_BAED.search(norm, max(0, ns - 20), ns)
    if prev is not None:
        w = prev.group("w")
        if w in ("اي", "ما"):
            return True
        if w in _UNITS and _UNITS[w][0] == unit:
            return False
    if _FUTURE_WORDS.search(norm, 0, ns):
        return True
    first = re.match(r"\s*(\w+)", norm)
    if first is None:
        return False
    w = first.group(1)
    bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    return (bool(_FUT_VERB.fullmatch(bare)) and bare not in _NOT_VERBS
            and not bare.endswith(("ت", "وا")) and first.end() <= ns)


def _future_context(norm: str, ns: int) -> str | None:
    """"strong" after a future word (سوف، المقرر، المرتقب…) or when the sentence opens with a
    س-future verb (سيختتم); "weak" when it opens with a plain imperfect (يصل، تعقد); else None."""
    if _FUTURE_WORDS.search(norm, 0, ns):
        return "strong"
    first = re.match(r"\s*(\w+)", norm)
    if first is None or first.end() > ns:
        return None
    w = first.group(1)
    bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    if not _FUT_VERB.fullmatch(bare) or bare in _NOT_VERBS or bare.endswith(("ت", "وا")):
        return None
    return "strong" if bare[:1] == "س" else "weak"


def _partial_mode(m: re.Match[str], norm: str) -> str | None:
    """The mode of a partial date: its own word (الماضي، المقبل، الجاري), else forward in a future
    context ("سيختتم المؤتمر في 8 أغسطس" published on 1 August is 8 August of that year), else the
    default (the latest such date up to publication). After a plain imperfect (يصل الوفد في…),
    which news also uses for the past, only a date within the next three months lies ahead."""
    mode = _mode(m)
    if mode is None:
        ctx = _future_context(norm, m.start())
        if ctx == "strong":
            return "fut"
        if ctx == "weak":
            return "near"
    return mode


def _historical(norm: str, ns: int, ne: int, year: int | None, partial: bool,
                pub: datetime.date | None) -> bool:
    if year is None and not partial:
        return False
    tm = _TRIGGER_BEFORE.search(norm, max(0, ns - 24), ns)
    word = tm.group("w") if tm else None
    if partial:
        return word in _WAR
    if word is None and not _INTRO_RE.search(norm, ns, ne):
        return False
    if pub is None:
        return word in _WAR
    return pub.year - year > 2


# Gates: most patterns need a digit, a month name or a Hijri month name somewhere in the text;
# one cheap search for each spares the full pattern scans in most sentences. A gate matches
# everything its patterns could (a superset), so it never changes the result.
_DIGIT_GATE = re.compile("[0-9]")
_GATES = {
    "mon": re.compile(_trie_regex({w.split()[0] for w in _MONTHS if w != "اب"}, tolerant=False)
                      + r"|(?<![^\W\d])اب(?!\w)"),
    "hmon": re.compile(_trie_regex({w.split()[0] for w in _HMONTHS}, tolerant=False)),
}
_NEEDS = {
    "hijri_dmy": ("digit", "hmon"), "hijri_my": ("digit", "hmon"), "hijri_year": ("digit",),
    "hijri_month": ("hmon",), "ord_hijri": ("hmon",), "range_dmy": ("digit", "mon"),
    "num_dmy": ("digit",), "num_ymd": ("digit",), "dmy": ("digit", "mon"),
    "month_year": ("digit", "mon"), "month_qual": ("mon",), "month_ctx": ("mon",),
    "year": ("digit",),
}


def _present(present: dict, gate: str, norm: str) -> bool:
    if gate not in present:
        present[gate] = _GATES[gate].search(norm) is not None
    return present[gate]


def find_dates(text: str, pub: datetime.date | None, start: int = 0,
               end: int | None = None) -> list[DateMention]:
    """Every date expression in text[start:end]; see the module docstring for the rules."""
    if end is None:
        end = len(text)
    if start >= end or not _PREFILTER.search(text, start, end):
        return []
    seg = text[start:end]
    nz = normalize(seg)
    norm = nz.text

    cands = []
    present = {"digit": _DIGIT_GATE.search(norm) is not None}
    for kind, rx in _PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and not (_present(present, needs[0], norm)
                                      and (len(needs) == 1 or _present(present, needs[1], norm))):
            continue
        for m in rx.finditer(norm):
            r = _resolve(kind, m, norm, pub)
            if r is not None:
                cands.append((kind, m, *r) if len(r) == 8 else (kind, m, *r, None))
    if not cands:
        return []
    # longest first, then leftmost; greedy non-overlapping selection
    cands.sort(key=lambda c: (-(c[3] - c[2]), c[2]))
    chosen: list[tuple] = []
    for c in cands:
        if all(c[3] <= o[2] or c[2] >= o[3] for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[2])

    # A weekday followed by an explicit day-level date: one mention, dated by the date.
    # Two day dates joined as a range ("من 28 فبراير إلى 2 مارس"): one mention, the first day.
    merged: list[list] = []
    for kind, m, ns, ne, d, prec, rel, year, partial, last in chosen:
        hist = _historical(norm, ns, ne, year, partial, pub)
        if (merged and merged[-1][0] == "weekday" and merged[-1][1] is None and prec == "day"
                and kind in _DAY_KINDS):
            prev = merged[-1]
            gap = _WEEKDAY_DATE_GAP.fullmatch(norm, prev[3], ns)
            if gap is not None:
                hist = hist or _historical(norm, prev[2], ne, year, partial, pub)
                merged[-1] = [kind, None, prev[2], ne, d, prec, rel, hist, last]
                continue
        if (merged and merged[-1][0] in _DAY_KINDS and kind in _DAY_KINDS and prec == "day"
                and merged[-1][5] == "day" and merged[-1][8] is None and last is None):
            prev = merged[-1]
            # the second date may carry the conjunction ("بين 30 ديسمبر 2016 و2 يناير 2017")
            gap = _RANGE_GAP.fullmatch(norm, prev[3], ns + (norm[ns] == "و"))
            intro = _RANGE_INTRO.search(norm, max(0, prev[2] - 12), prev[2])
            if gap is not None and (gap.group("c") != "و" or (intro and intro.group("w") == "بين")):
                first = prev[4]
                if first is not None and d is not None and prev[6] and not rel:
                    # "من 28 ديسمبر إلى 2 يناير 2018": the first day takes the year from the end
                    first = _safe(d.year - (first.month > d.month), first.month, first.day)
                if first is not None and d is not None and first < d:
                    a = intro.start() if intro else prev[2]
                    merged[-1] = [kind, None, a, ne, first, "day", rel and prev[6],
                                  hist or prev[7], d]
                    continue
        mode = _mode(m) if kind == "weekday" else None
        merged.append([kind, mode, ns, ne, d, prec, rel, hist, last])

    out = []
    for _kind, _mode_, ns, ne, d, prec, rel, hist, last in merged:
        a, b = nz.orig_span(ns, ne)
        while b < len(seg) and seg[b] in DROPPED:  # trailing marks (tanween on غداً…)
            b += 1
        out.append(DateMention(a + start, b + start, seg[a:b], d, prec, rel, hist, last))
    return out
