"""Sentence splitter: Arabic news punctuation, quotes, numbers, abbreviations, URLs."""

from __future__ import annotations


import pytest

from hudhud.arabic.sentences import iter_sentences, split_sentences


def texts(t: str, start: int = 0, end: int | None = None) -> list[str]:
    return [t[a:b] for a, b in split_sentences(t, start, end)]


def check_invariants(t: str, spans: list[tuple[int, int]]) -> None:
    last = -1
    for a, b in spans:
        assert a < b, "empty span"
        assert a >= last, "overlapping or unsorted spans"
        assert not t[a].isspace() and not t[b - 1].isspace(), "span not trimmed"
        assert t[a] not in "»”›)", "sentence starts with a closing quote"
        last = b


@pytest.mark.parametrize("t, expected", [
    # basic terminators, Arabic question mark and semicolon
    ("وصل الوفد صباحا. وبدأت المحادثات ظهرا.", ["وصل الوفد صباحا.", "وبدأت المحادثات ظهرا."]),
    ("هل تنجح الوساطة؟ يأمل الجميع ذلك", ["هل تنجح الوساطة؟", "يأمل الجميع ذلك"]),
    ("رفضت الحكومة العرض؛ واعتبرته غير جدي.", ["رفضت الحكومة العرض؛", "واعتبرته غير جدي."]),
    ("يا له من يوم! عاد الهدوء إلى المدينة", ["يا له من يوم!", "عاد الهدوء إلى المدينة"]),
    ("أحقا حدث هذا؟! نعم.", ["أحقا حدث هذا؟!", "نعم."]),
    # Arabic comma is not a boundary
    ("زار الوزير عمّان، ثم توجه إلى بيروت، والتقى نظيره.",
     ["زار الوزير عمّان، ثم توجه إلى بيروت، والتقى نظيره."]),
    # numbers and dates
    ("نما الاقتصاد بنسبة 2.7 بالمئة هذا العام. وتوقع الخبراء المزيد.",
     ["نما الاقتصاد بنسبة 2.7 بالمئة هذا العام.", "وتوقع الخبراء المزيد."]),
    ("بلغ التضخم ٣٫٥ بالمئة. وهذا مرتفع", ["بلغ التضخم ٣٫٥ بالمئة.", "وهذا مرتفع"]),
    ("انعقدت الجلسة بتاريخ 03.04.2019 في العاصمة. وتأجلت الثانية.",
     ["انعقدت الجلسة بتاريخ 03.04.2019 في العاصمة.", "وتأجلت الثانية."]),
    ("بلغ العدد ١٢.٥ ألفا. ثم انخفض", ["بلغ العدد ١٢.٥ ألفا.", "ثم انخفض"]),
    # a year at the end of a sentence is a boundary, era markers too
    ("تأسس الحزب عام 1982. وما زال ناشطا", ["تأسس الحزب عام 1982.", "وما زال ناشطا"]),
    ("بُني الجسر عام 1965م. ثم رُمم لاحقا", ["بُني الجسر عام 1965م.", "ثم رُمم لاحقا"]),
    ("توفي عام 1350 هـ. ودفن في مسقط رأسه", ["توفي عام 1350 هـ.", "ودفن في مسقط رأسه"]),
    # one-letter abbreviations
    ("صرّح د. خالد الناصر للصحفيين بأن العلاج متوفر.",
     ["صرّح د. خالد الناصر للصحفيين بأن العلاج متوفر."]),
    ("أشرف م. رامي على المشروع وحضر أ. منى الافتتاح.",
     ["أشرف م. رامي على المشروع وحضر أ. منى الافتتاح."]),
    ("ناقش أ.د. يوسف الأطروحة. وأثنى عليها", ["ناقش أ.د. يوسف الأطروحة.", "وأثنى عليها"]),
    ("Dr. Karim met Mr. Lee today. They agreed.", ["Dr. Karim met Mr. Lee today.", "They agreed."]),
    # URLs, e-mails, domains
    ("للمزيد زوروا https://news.example.com/a/b.html?id=7&p=2 الآن. شكرا لكم",
     ["للمزيد زوروا https://news.example.com/a/b.html?id=7&p=2 الآن.", "شكرا لكم"]),
    ("راسلوا التحرير على desk@paper.co.uk أو موقع alyawm.net. ننتظر آراءكم",
     ["راسلوا التحرير على desk@paper.co.uk أو موقع alyawm.net.", "ننتظر آراءكم"]),
    # ellipses
    ("وانتظر المحتجون طويلا... ثم تفرقوا", ["وانتظر المحتجون طويلا...", "ثم تفرقوا"]),
    ("الرئيس يصل إلى دمشق.. ويلتقي نظيره", ["الرئيس يصل إلى دمشق..", "ويلتقي نظيره"]),
    ("ساد الصمت… وبعدها تكلم الجميع", ["ساد الصمت…", "وبعدها تكلم الجميع"]),
    ("القصة لم تنته..بعد", ["القصة لم تنته..بعد"]),
    ("... وأضاف أن الاجتماع انتهى.", ["... وأضاف أن الاجتماع انتهى."]),
    # quotes and brackets
    ("قال: «انتهى الأمر.» ثم غادر", ["قال: «انتهى الأمر.»", "ثم غادر"]),
    ("كتب: “لن نتراجع أبدا!” وأغلق الهاتف.", ["كتب: “لن نتراجع أبدا!”", "وأغلق الهاتف."]),
    ('أكد: "الحوار مستمر." وغادر', ['أكد: "الحوار مستمر."', "وغادر"]),
    ("قال: «الوضع صعب. لكننا صامدون.» وصفق الحضور",
     ["قال: «الوضع صعب.", "لكننا صامدون.»", "وصفق الحضور"]),
    ("أنهى كلمته. » وبعدها بدأ التصويت", ["أنهى كلمته. »", "وبعدها بدأ التصويت"]),
    ("(راجع الملحق.) وبعد ذلك وقع", ["(راجع الملحق.)", "وبعد ذلك وقع"]),
    ("هل قال «نعم؟» لا أحد يعلم", ["هل قال «نعم؟»", "لا أحد يعلم"]),
    # terminator followed by a comma is not a boundary
    ("سأل ماذا؟، ثم سكت", ["سأل ماذا؟، ثم سكت"]),
    # list numbers
    ("1. وقف إطلاق النار\n2. تبادل الأسرى", ["1. وقف إطلاق النار", "2. تبادل الأسرى"]),
])
def test_split(t: str, expected: list[str]) -> None:
    spans = split_sentences(t)
    check_invariants(t, spans)
    assert [t[a:b] for a, b in spans] == expected


def test_every_line_break_is_a_boundary() -> None:
    t = "عنوان بلا نقطة\nفقرة أولى تنتهي هنا\r\nفقرة ثانية\n\n\u00a0\n  فقرة ثالثة  \n"
    assert texts(t) == ["عنوان بلا نقطة", "فقرة أولى تنتهي هنا", "فقرة ثانية", "فقرة ثالثة"]


def test_offsets_are_into_original_text_with_range() -> None:
    prefix = "مقدمة لا تهم. "
    body = "الجملة الأولى. الجملة الثانية؟"
    t = prefix + body + " ذيل خارج النطاق."
    start = len(prefix)
    end = start + len(body)
    spans = split_sentences(t, start, end)
    assert [t[a:b] for a, b in spans] == ["الجملة الأولى.", "الجملة الثانية؟"]
    assert spans[0][0] == start
    assert spans[-1][1] == end


def test_whitespace_only_and_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\u00a0\n\t") == []
    assert split_sentences("نص قصير") == [(0, 7)]


def test_zero_width_marks_are_trimmed() -> None:
    t = "\u200fبدأ الاجتماع.\u200f \ufeffوانتهى"
    assert texts(t) == ["بدأ الاجتماع.", "وانتهى"]


def test_iter_matches_split() -> None:
    t = "أولا. ثانيا؟ ثالثا!\nرابعا"
    assert list(iter_sentences(t)) == split_sentences(t)
    assert len(split_sentences(t)) == 4


def test_never_starts_with_closing_quote() -> None:
    t = "قال «كفى.»» ثم مضى. ” وبعدها عاد. ) نهاية"
    spans = split_sentences(t)
    check_invariants(t, spans)


def test_large_input() -> None:
    # speed is measured in benchmarks (benchmarks/throughput.py), not asserted in tests
    para = ("قال المتحدث باسم الوزارة د. سامي إن الوفد سيصل يوم 11.12.2017، وأضاف: «سنبحث كل "
            "الملفات.» وتابع أن النمو بلغ 3.5 بالمئة… ثم غادر؟ نعم! انظر www.example.com للمزيد.\n")
    t = para * 5000  # ~0.9 MB
    spans = split_sentences(t)
    assert len(spans) == 5 * 5000
