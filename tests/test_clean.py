"""Boilerplate zones for scraped Arabic news pages (pages below are invented for the tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hudhud.clean import find_zones
from hudhud.doc import Zone


def zone_map(text: str) -> dict[str, Zone]:
    """Text of each zone -> zone (test pages have unique lines)."""
    return {text[z.start:z.end]: z for z in find_zones(text)}


def kind_of(text: str, line: str) -> tuple[str, str]:
    zm = zone_map(text)
    assert line in zm, f"no zone for {line!r}; zones: {list(zm)}"
    return zm[line].kind, zm[line].reason


def check_zones(text: str, zones: list[Zone]) -> None:
    last = -1
    for z in zones:
        assert 0 <= z.start < z.end <= len(text)
        assert z.start >= last
        assert not text[z.start].isspace() and not text[z.end - 1].isspace()
        assert z.kind in {"title", "breadcrumb", "subhead", "body", "boilerplate"}
        assert (z.kind == "boilerplate") == bool(z.reason)
        last = z.end
    # every non-blank line is covered
    covered = [False] * len(text)
    for z in zones:
        for i in range(z.start, z.end):
            covered[i] = True
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i], f"uncovered char at {i}: {text[max(0, i - 10):i + 10]!r}"


CRUMBS = "الرئيسية » أخبار عربية » وزير الخارجية يبحث مع نظيره التركي ملف اللاجئين في أنقرة"
TITLE = "وزير الخارجية يبحث مع نظيره التركي ملف اللاجئين في أنقرة"
DATE = "الثلاثاء 14 مارس 2023 - 10:45"
P1 = ("بحث وزير الخارجية خلال زيارة رسمية إلى العاصمة التركية أنقرة مع نظيره التركي ملف "
      "اللاجئين والعودة الطوعية، وذلك في اجتماع استمر أكثر من ثلاث ساعات.")
P2 = ("وقال الوزير في مؤتمر صحفي مشترك إن الجانبين اتفقا على تشكيل لجنة فنية تجتمع كل شهر "
      "لمتابعة التنفيذ، مؤكدا أن «الحوار هو الطريق الوحيد لحل الخلافات».")
SUB = "خلافات حول المعابر"
P3 = ("وأشارت مصادر دبلوماسية إلى أن الاجتماع لم يخلُ من التوتر بشأن إدارة المعابر الحدودية، "
      "إذ طالب الجانب التركي بضمانات إضافية قبل أي خطوة جديدة.")
P4 = ("ومن المنتظر أن يزور وفد تركي رفيع العاصمة الشهر المقبل لاستكمال المباحثات، بحسب ما "
      "أعلنته وزارة الخارجية في بيان مقتضب مساء اليوم.")

TAIL = [
    ("الوسوم: تركيا اللاجئين وزارة الخارجية", "tags"),
    ("شارك على فيسبوك تويتر واتساب", "share-bar"),
    ("مقالات ذات صلة", "related-posts"),
    ("وزير الداخلية يتفقد مراكز الإيواء في الشمال", "page-tail"),
    ("ارتفاع أسعار الوقود للمرة الثالثة هذا العام", "page-tail"),
    ("اترك تعليقاً", "comment-form"),
    ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment-form"),
    ("التعليق", "comment-form"),
    ("الاسم *", "comment-form"),
    ("البريد الإلكتروني *", "comment-form"),
    ("إرسال التعليق", "comment-form"),
    ("يعتمد هذا الموقع على Akismet لتقليل التعليقات المزعجة. اعرف كيف تتم معالجة بيانات تعليقك.",
     "spam-notice"),
    ("اشترك في النشرة البريدية ليصلك كل جديد", "newsletter"),
    ("جميع الحقوق محفوظة لموقع الخبر اليومي © 2023", "copyright"),
]


def wordpress_page() -> str:
    head = ["من نحن", "اتصل بنا", CRUMBS, TITLE, DATE, P1, P2, SUB, P3, P4]
    return "\n\n".join(head + [line for line, _ in TAIL]) + "\n"


def test_wordpress_page_structure() -> None:
    page = wordpress_page()
    zones = find_zones(page)
    check_zones(page, zones)
    zm = {page[z.start:z.end]: z for z in zones}
    # leading crumbs dropped, last crumb kept as breadcrumb
    assert zm["الرئيسية » أخبار عربية »"].kind == "boilerplate"
    assert zm["الرئيسية » أخبار عربية »"].reason == "breadcrumb-trail"
    crumb = [z for z in zones if z.kind == "breadcrumb"]
    assert len(crumb) == 1 and page[crumb[0].start:crumb[0].end] == TITLE
    # title is the line repeating the last crumb (not the crumb itself)
    titles = [z for z in zones if z.kind == "title"]
    assert len(titles) == 1 and titles[0].start == page.index("\n" + TITLE) + 1
    assert zm[DATE].kind == "body"
    for p in (P1, P2, P3, P4):
        assert zm[p].kind == "body"
    assert zm[SUB].kind == "subhead"
    assert zm["من نحن"].reason == "navigation"
    assert zm["اتصل بنا"].reason == "navigation"
    for line, reason in TAIL:
        assert zm[line].kind == "boilerplate", line
        assert zm[line].reason == reason, (line, zm[line].reason)


def test_plain_sentence_is_body() -> None:
    t = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين."
    zones = find_zones(t)
    assert [(z.start, z.end, z.kind) for z in zones] == [(0, len(t), "body")]


def test_plain_paragraph_mentioning_privacy_and_comments_is_body() -> None:
    t = ("انتقدت هيئة حماية البيانات سياسة الخصوصية الجديدة لشركة التواصل الاجتماعي، وقالت إن "
         "التعليقات التي يكتبها المستخدمون تُجمع دون موافقتهم، ودعت إلى وقف العمل بها فورا.")
    assert [z.kind for z in find_zones(t)] == ["body"]


def test_two_paragraphs_without_boilerplate() -> None:
    t = P1 + "\n\n" + P2
    zones = find_zones(t)
    assert [z.kind for z in zones] == ["body", "body"]


def test_headline_then_body() -> None:
    t = "الجيش يعلن السيطرة على الطريق الدولي\n" + P1 + "\n" + P3
    zones = find_zones(t)
    assert [z.kind for z in zones] == ["title", "body", "body"]


def test_short_crumb_trail_is_all_boilerplate() -> None:
    t = "الرئيسية › أخبار › سياسة\n" + "البرلمان يقر الموازنة العامة\n" + P1 + "\n" + P2
    zm = zone_map(t)
    assert zm["الرئيسية › أخبار › سياسة"].kind == "boilerplate"
    assert zm["الرئيسية › أخبار › سياسة"].reason == "breadcrumb-trail"
    assert not any(z.kind == "breadcrumb" for z in find_zones(t))
    assert zm["البرلمان يقر الموازنة العامة"].kind == "title"


@pytest.mark.parametrize("sep", ["»", "›", ">", "/", "|", "←", ">>"])
def test_breadcrumb_separators(sep: str) -> None:
    last = "رئيس الوزراء يستقبل وفدا من رجال الأعمال الخليجيين في مكتبه"
    line = f"الرئيسية {sep} اقتصاد {sep} {last}"
    t = line + "\n" + P1 + "\n" + P2
    zones = find_zones(t)
    check_zones(t, zones)
    assert zones[0].kind == "boilerplate" and zones[0].reason == "breadcrumb-trail"
    assert t[zones[0].start:zones[0].end] == f"الرئيسية {sep} اقتصاد {sep}"
    assert zones[1].kind == "breadcrumb" and t[zones[1].start:zones[1].end] == last


def test_spaced_quotes_in_title_are_not_a_breadcrumb() -> None:
    t = "الوزير « سنرد » على الهجوم\n" + P1 + "\n" + P2
    zones = find_zones(t)
    assert zones[0].kind == "title"
    assert zones[0].end == t.index("\n")


def test_related_marker_in_middle_drops_only_itself() -> None:
    t = "\n".join([P1, "اقرأ أيضاً: الحكومة تقر زيادة الرواتب", P2, P3, P4])
    zm = zone_map(t)
    assert zm["اقرأ أيضاً: الحكومة تقر زيادة الرواتب"].reason == "related-posts"
    for p in (P1, P2, P3, P4):
        assert zm[p].kind == "body"


def test_related_marker_at_end_drops_tail() -> None:
    t = "\n".join([P1, P2, "قد يهمك أيضا", "الأمطار تغمر شوارع المدينة", "افتتاح معرض الكتاب الدولي"])
    zm = zone_map(t)
    assert zm["قد يهمك أيضا"].reason == "related-posts"
    assert zm["الأمطار تغمر شوارع المدينة"].reason == "page-tail"
    assert zm["افتتاح معرض الكتاب الدولي"].reason == "page-tail"
    assert zm[P1].kind == zm[P2].kind == "body"


def test_comment_form_variants_with_diacritics_and_tatweel() -> None:
    lines = ["أَضِفْ تعليـــقاً", "التعليقات (3)", "إرسال", "احفظ اسمي، بريدي الإلكتروني، والموقع "
             "الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي."]
    t = "\n".join([P1, P2] + lines)
    zm = zone_map(t)
    for line in lines:
        assert zm[line].kind == "boilerplate", line
    assert zm["أَضِفْ تعليـــقاً"].reason == "comment-form"


def test_share_bar_and_print() -> None:
    lines = [("شارك", "share-bar"), ("مشاركة", "share-bar"),
             ("فيسبوك تويتر واتساب تيليجرام", "share-bar"), ("Facebook Twitter WhatsApp", "share-bar"),
             ("شارك هذا الخبر عبر واتساب", "share-bar"), ("طباعة", "print-email")]
    t = "\n".join([P1] + [line for line, _ in lines] + [P2, P3])
    zm = zone_map(t)
    for line, reason in lines:
        assert zm[line].reason == reason, line


def test_share_verb_in_body_is_not_share_bar() -> None:
    t = "\n".join([P1, "شارك آلاف المتظاهرين في مسيرة سلمية وسط العاصمة للمطالبة بالإصلاح.", P2])
    zm = zone_map(t)
    assert zm["شارك آلاف المتظاهرين في مسيرة سلمية وسط العاصمة للمطالبة بالإصلاح."].kind == "body"


def test_privacy_and_cookie_notices() -> None:
    lines = ["يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. باستمرارك في التصفح فإنك توافق على ذلك.",
             "سياسة الخصوصية", "We use cookies to improve your experience on this site."]
    t = "\n".join([P1, P2, P3] + lines)
    zm = zone_map(t)
    assert zm[lines[0]].reason == "privacy-notice"
    assert zm[lines[1]].reason == "privacy-notice"
    assert zm[lines[2]].kind == "boilerplate"


def test_copyright_tags_newsletter() -> None:
    lines = [("كلمات مفتاحية: الانتخابات، البرلمان", "tags"),
             ("اشترك في النشرة الإخبارية", "newsletter"),
             ("© 2024 جريدة المساء. كل الحقوق محفوظة", "copyright")]
    t = "\n".join([P1, P2] + [line for line, _ in lines])
    zm = zone_map(t)
    for line, reason in lines:
        assert zm[line].reason == reason


def test_navigation_menu_line() -> None:
    t = "\n".join(["الرئيسية أخبار رياضة اقتصاد اتصل بنا", "المحكمة تؤجل النظر في القضية", P1, P2])
    zm = zone_map(t)
    assert zm["الرئيسية أخبار رياضة اقتصاد اتصل بنا"].reason == "navigation"
    assert zm["المحكمة تؤجل النظر في القضية"].kind == "title"


def test_trailing_latin_and_short_lines() -> None:
    t = "\n".join([P1, P2, "Powered by WordPress | Theme by Example", "النسخة الكاملة", "25 أبريل 2024"])
    zm = zone_map(t)
    assert zm["Powered by WordPress | Theme by Example"].reason == "latin"
    assert zm["النسخة الكاملة"].reason == "trailing-short"
    assert zm["25 أبريل 2024"].kind == "body"          # date lines stay content


def test_subhead_with_headline_ellipsis() -> None:
    t = "\n".join(["المعارضة تقاطع الجلسة", P1, "الرئيس يرد ..", P2, P3])
    zm = zone_map(t)
    assert zm["المعارضة تقاطع الجلسة"].kind == "title"
    assert zm["الرئيس يرد .."].kind == "subhead"


def test_short_sentence_ending_with_period_is_body_not_subhead() -> None:
    t = "\n".join(["المعارضة تقاطع الجلسة", P1, "وانتهت الجلسة دون نتيجة.", P2])
    zm = zone_map(t)
    assert zm["وانتهت الجلسة دون نتيجة."].kind == "body"


def test_empty_and_blank() -> None:
    assert find_zones("") == []
    assert find_zones("\n \n\u00a0\n") == []


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_d00c6850f52584ce.txt"


def test_seed_page() -> None:
    if not SEED.exists():
        pytest.skip("shared seed page not available")
    text = SEED.read_text(encoding="utf-8")
    zones = find_zones(text)
    check_zones(text, zones)
    nonblank = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^\n]+", text)
                if text[m.start():m.end()].strip()]
    by_line = {}
    for z in zones:
        for a, b in nonblank:
            if a <= z.start < b:
                by_line.setdefault((a, b), []).append(z)
    # last three non-blank lines are boilerplate
    for a, b in nonblank[-3:]:
        assert all(z.kind == "boilerplate" for z in by_line[(a, b)]), text[a:b]
    # first line: leading crumbs dropped, last crumb kept
    first = by_line[nonblank[0]]
    assert first[0].kind == "boilerplate" and first[0].reason == "breadcrumb-trail"
    assert first[0].start == nonblank[0][0]
    assert first[-1].kind == "breadcrumb"
    # body paragraphs (long lines) are content
    long_lines = [(a, b) for a, b in nonblank[1:-3] if len(text[a:b].split()) >= 12]
    assert len(long_lines) >= 5
    for key in long_lines:
        assert all(z.is_content for z in by_line[key]), text[key[0]:key[1]]
        if text[key[0]:key[1]].rstrip().endswith("."):
            assert all(z.kind == "body" for z in by_line[key]), text[key[0]:key[1]]
    assert sum(z.kind == "title" for z in zones) == 1


def test_more_link_with_a_headline_is_boilerplate():
    import hudhud
    doc = hudhud.code_text("المزيد: الشرطة تعتقل عشرات المحتجين في مدينة ليون", date="2020-01-01")
    assert not doc.events and all(z.kind == "boilerplate" for z in doc.zones)
