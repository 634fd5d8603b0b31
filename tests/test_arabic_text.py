"""Normalisation offsets and clitic-aware tokenisation (hard cases written by us)."""

from hudhud.arabic.normalize import normalize, normalize_simple
from hudhud.arabic.tokens import Analyzer, tokenize


def test_normalize_strips_marks_and_unifies_letters():
    assert normalize_simple("أَعْلَنَ") == "اعلن"
    assert normalize_simple("إيـــران") == "ايران"
    assert normalize_simple("مستشفى") == "مستشفي"
    assert normalize_simple("الحكومة") == "الحكومه"
    assert normalize_simple("آذار ٢٠١٧") == "اذار 2017"
    assert normalize_simple("«القدس»") == '"القدس"'
    assert normalize_simple("“غزة”") == '"غزه"'


def test_normalize_offsets_point_into_original():
    text = "قالَ الرئيسُ الإيرانيُّ"
    n = normalize(text)
    i = n.text.index("الايراني")
    a, b = n.orig_span(i, i + len("الايراني"))
    assert text[a:b] == "الإيرانيُّ"[:-1] or normalize_simple(text[a:b]) == "الايراني"
    assert normalize_simple(text[a:b]) == "الايراني"


def test_normalize_identity_map_when_nothing_dropped():
    n = normalize("هنية")
    assert n.offsets is None and n.orig_span(0, 4) == (0, 4)


def _analyse(word, known=()):
    return Analyzer(known).analyse(normalize_simple(word))


def test_words_starting_with_clitic_letters_stay_whole():
    # no vocabulary says "حث"/"زير"/"لسطين" are words, so nothing is split off
    assert _analyse("بحث") == ((), "بحث", "")
    assert _analyse("وزير") == ((), "وزير", "")
    assert _analyse("فلسطين") == ((), "فلسطين", "")
    assert _analyse("كبير") == ((), "كبير", "")
    assert _analyse("لكن") == ((), "لكن", "")
    assert _analyse("الذي") == ((), "الذي", "")


def test_proclitics_split_when_the_stem_is_known():
    known = {"قال", "اكد", "حركه", "يزور", "قيادات"}
    assert _analyse("وقال", known) == (("و",), "قال", "")
    assert _analyse("فأكد", known) == (("ف",), "اكد", "")
    assert _analyse("لحركة", known) == (("ل",), "حركه", "")
    assert _analyse("وسيزور", known) == (("و", "س"), "يزور", "")
    assert _analyse("قياداتها", known) == ((), "قيادات", "ها")


def test_article_forms():
    assert _analyse("بالقدس") == (("ب", "ال"), "قدس", "")
    assert _analyse("والأمن") == (("و", "ال"), "امن", "")
    assert _analyse("للمقاومة") == (("ل", "ال"), "مقاومه", "")
    # a definite noun takes no pronoun suffix: the feminine nisba is not split
    assert _analyse("الإيرانية", {"ايراني"}) == (("ال",), "ايرانيه", "")
    # lam before a word that itself starts with lam: للبنان is ل + لبنان, not ل + ال + بنان
    assert _analyse("للبنان", {"لبنان"}) == (("ل",), "لبنان", "")
    assert _analyse("وللبنان", {"لبنان"}) == (("و", "ل"), "لبنان", "")
    assert _analyse("لليبيا", {"ليبيا"}) == (("ل",), "ليبيا", "")
    # ...while the article reading stays when its stem is known
    assert _analyse("للحكومة", {"حكومه", "لحكومه"}) == (("ل", "ال"), "حكومه", "")


def test_tokenize_offsets_and_punctuation():
    text = "وأكّد هنية، في اتصالٍ هاتفي مع روحاني."
    toks = tokenize(text, analyzer=Analyzer({"اكد", "اتصال"}))
    assert [text[t.start:t.end] for t in toks] == ["وأكّد", "هنية", "،", "في", "اتصالٍ", "هاتفي",
                                                    "مع", "روحاني", "."]
    assert toks[0].prefixes == ("و",) and toks[0].stem == "اكد"
    assert toks[2].is_punct


def test_tokenize_numbers_keep_decimals():
    toks = tokenize("ارتفع بنسبة ٣٫٥ في المئة")
    assert [t.norm for t in toks][2] == "3.5"


def _words(text, known):
    return [(t.prefixes, t.stem, t.suffix) for t in tokenize(text, analyzer=Analyzer(known))]


def test_ta_marbuta_is_no_pronoun_suffix():
    # normalisation writes ة as ه, like the pronoun: the text tells them apart
    known = {"سيد", "سبع", "حكومه"}
    assert _words("سيدة سبعة", known) == [((), "سيده", ""), ((), "سبعه", "")]
    assert _words("سيده", known) == [((), "سيد", "ه")]          # "his master"
    assert _words("حكومته", known) == [((), "حكومه", "ه")]      # "its government"
    assert _words("والسيدةُ", known) == [(("و", "ال"), "سيده", "")]  # a mark after ة


def test_a_known_word_after_wa_is_not_read_as_a_future():
    known = {"سنويا", "يقول", "نويا"}
    assert _words("وسنويا", known) == [(("و",), "سنويا", "")]
    assert _words("وسيقول", known) == [(("و", "س"), "يقول", "")]
