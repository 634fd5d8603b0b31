"""HTML pages → article text: boilerplate, dates, encodings, language, sources dispatch."""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import json
from importlib.resources import files
from pathlib import Path

import pytest

from hudhud.html import decode_html, detect_lang, extract, url_date
from hudhud.sources import Skipped, SourceDoc, SourceError, iter_file, iter_sources

EXAMPLES = Path(str(files("hudhud").joinpath("examples", "html")))
PAGES = sorted(EXAMPLES.glob("*.html"))

# Furniture that sits around (and often inside) the content container of our example layouts.
BOILERPLATE = (
    "قد يعجبك", "Akismet", "التعليقات المزعجة", "لن يتم نشر", "اترك تعليقاً", "إرسال التعليق",
    "احفظ اسمي", "الوسوم", "كلمات مفتاحية", "شارك", "فيسبوك", "واتساب", "الأكثر قراءة",
    "جميع الحقوق", "كل الحقوق", "اقرأ أيضاً", "شاهد أيضاً", "المقال السابق", "المقال التالي",
    "النشرة البريدية", "سياسة الخصوصية", "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة",
    "المزيد من الأخبار", "طباعة", "أرسل لصديق", "إرسال لصديق", "تعليقات فيسبوك", "مصدر الصورة",
    "صورة أرشيفية", "عن الكاتب", "الرئيسية", "أخبار أخرى", "تابعونا", "اتصل بنا", "ملفات تعريف",
    "نسأل الله",                          # a reader comment (02)
    "|",                                  # table markup of the old layouts
)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def expected(page: Path) -> str:
    return page.with_name(page.name[:-len(".html")] + ".expected.txt").read_text("utf-8").strip()


def test_at_least_ten_example_pages():
    assert len(PAGES) >= 10
    for page in PAGES:
        assert page.with_name(page.name[:-5] + ".expected.txt").is_file()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_example_page_main_text(page: Path):
    art = extract(page.read_bytes())
    want = expected(page)
    assert art.lang == "ar"
    assert similarity(art.text, want) >= 0.9, art.text
    assert art.text.split("\n", 1)[0] == want.split("\n", 1)[0]      # title line first
    assert art.text.startswith(art.title + "\n\n")
    for phrase in BOILERPLATE:
        if phrase not in want:                 # e.g. "شارك" inside "المشاركة" of the body
            assert phrase not in art.text, phrase
    assert art.date is not None


def test_example_pages_mostly_exact():
    scores = [similarity(extract(p.read_bytes()).text, expected(p)) for p in PAGES]
    assert sum(s >= 0.999 for s in scores) >= len(PAGES) - 1
    assert sum(scores) / len(scores) >= 0.98


def test_metadata_of_wordpress_page():
    art = extract((EXAMPLES / "01_wp_saudi_iran_beijing.html").read_bytes())
    assert art.title == "السعودية وإيران تتفقان في بكين على استئناف العلاقات الدبلوماسية"
    assert art.date == dt.date(2023, 3, 10)
    assert art.date_source == "meta:article:published_time"   # not a 2016 related-post date
    assert art.section == "سياسة"
    assert art.author == "سارة المنصوري"                      # article:author is a URL: skipped
    assert art.site == "الرصد العربي"
    assert art.url == "https://alrasd.example/2023/03/10/saudi-iran-beijing/"
    assert art.breadcrumb[:2] == ["الرئيسية", "سياسة"]
    assert "2016" not in art.text


def test_json_ld_date_section_breadcrumb():
    art = extract((EXAMPLES / "02_wp_sudan_clashes.html").read_bytes())
    assert (art.date, art.date_source) == (dt.date(2023, 4, 15), "json-ld")
    assert art.section == "أخبار عربية"
    assert art.author == "محمد عثمان"
    assert art.breadcrumb[0] == "الرئيسية" and art.breadcrumb[1] == "أخبار عربية"


def _page(meta: str = "", ld: dict | None = None, body_extra: str = "", charset: str = "utf-8",
          paras: int = 3) -> str:
    ld_tag = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>' \
        if ld else ""
    text = "".join(
        f"<p>قال وزير الخارجية في مؤتمر صحفي عقده اليوم في العاصمة إن بلاده ترحب بالاتفاق الذي "
        f"جرى التوصل إليه بعد مفاوضات طويلة، وإنها ستعمل مع شركائها على تنفيذ بنوده {i}.</p>"
        for i in range(paras))
    return (f'<html lang="ar"><head><meta charset="{charset}"><title>وزير الخارجية يرحب بالاتفاق'
            f' - موقع تجريبي</title>{meta}{ld_tag}</head><body><article><h1>وزير الخارجية يرحب '
            f'بالاتفاق</h1><div class="entry-content">{text}{body_extra}</div></article></body></html>')


RELATED = ('<div class="related"><h3>قد يعجبك أيضاً</h3><ul><li><a href="/2019/05/01/x/">'
           'الوزير يزور العاصمة الأردنية في جولة إقليمية</a> <time datetime="2019-05-01">'
           '1 مايو 2019</time></li></ul></div>')


def test_meta_date_beats_related_post_link_date():
    art = extract(_page('<meta property="article:published_time" content="2024-02-02T10:00:00Z">',
                        body_extra=RELATED), url="https://x.example/news/agreement")
    assert art.date == dt.date(2024, 2, 2)
    assert art.date_source == "meta:article:published_time"
    assert "قد يعجبك" not in art.text and "الأردنية" not in art.text


def test_json_ld_date_beats_related_post_link_date():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2024-02-03",
          "articleSection": "سياسة", "author": [{"@type": "Person", "name": "علي حسن"}]}
    art = extract(_page(ld=ld, body_extra=RELATED))
    assert (art.date, art.date_source) == (dt.date(2024, 2, 3), "json-ld")
    assert art.section == "سياسة" and art.author == "علي حسن"


def test_url_date_patterns():
    assert url_date("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html") == \
        dt.date(2013, 8, 3)
    assert url_date("https://a.example/2021/10/11/iraq/") == dt.date(2021, 10, 11)
    assert url_date("https://a.example/news/2023-12-18/x") == dt.date(2023, 12, 18)
    assert url_date("https://a.example/news/12345/x") is None


# --- encodings --------------------------------------------------------------------------------
def test_windows_1256_page_declared():
    raw = (EXAMPLES / "05_cp1256_arab_league_syria.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    art = extract(raw)
    assert art.encoding == "cp1256"
    assert art.title == "الجامعة العربية تقرر استئناف مشاركة سوريا في اجتماعاتها"
    assert art.date == dt.date(2023, 5, 7)


def test_iso_8859_6_page_undeclared_is_detected():
    raw = (EXAMPLES / "11_iso88596_kuwait_emir.html").read_bytes()
    assert b"charset" not in raw
    art = extract(raw)
    assert art.encoding == "iso8859_6"
    assert "الشيخ مشعل الاحمد الجابر الصباح" in art.text


def test_decode_html_orders():
    text = "<p>أعلنت الحكومة استقالتها اليوم بعد احتجاجات واسعة في العاصمة.</p>" * 5
    cp = text.encode("cp1256")
    assert decode_html(cp, "windows-1256") == (text, "cp1256")           # HTTP header
    assert decode_html(cp)[1] == "cp1256"                                  # detected
    # an Arabic page mislabelled as Latin-1 is detected, not decoded as Latin-1
    mislabelled = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' + cp
    assert decode_html(mislabelled)[1] == "cp1256"
    # valid UTF-8 wins over a wrong declaration; a BOM wins over everything
    assert decode_html(text.encode("utf-8"), "windows-1256") == (text, "utf_8")
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    iso = text.encode("iso-8859-6")
    assert decode_html(b'<meta charset="ISO-8859-6">' + iso)[1] == "iso8859_6"


# --- language ---------------------------------------------------------------------------------
PERSIAN = ("وزیر امور خارجه ایران روز یکشنبه در یک نشست خبری در تهران گفت که کشورش آماده گفتگو با "
           "همسایگان خود است و این گفتگوها باید بدون پیش شرط انجام شود. او همچنین گفت که دولت "
           "برای بهبود روابط اقتصادی با کشورهای منطقه تلاش می‌کند.")
URDU = ("پاکستان کے وزیر خارجہ نے اتوار کے روز اسلام آباد میں ایک پریس کانفرنس میں کہا کہ ان کا "
        "ملک ہمسایہ ممالک کے ساتھ بات چیت کے لیے تیار ہے اور یہ بات چیت بغیر کسی پیشگی شرط کے "
        "ہونی چاہیے۔")
ARABIC = ("قال وزير الخارجية الإيراني محمد جواد ظريف في مؤتمر صحفي عقده في طهران إن بلاده مستعدة "
          "للحوار مع جيرانها، وإن هذا الحوار يجب أن يجري من دون شروط مسبقة، مضيفا أن الحكومة "
          "تسعى إلى تحسين العلاقات الاقتصادية مع دول المنطقة مثل پاکستان وگرجستان.")


def test_detect_lang():
    assert detect_lang(ARABIC) == "ar"
    assert detect_lang(PERSIAN) == "fa"
    assert detect_lang(URDU) == "ur"
    assert detect_lang("The foreign minister said on Sunday that the country is ready for talks "
                       "with its neighbours and that the talks should be held without conditions.") == "en"
    assert detect_lang("Le ministre des affaires étrangères a déclaré dimanche que le pays est prêt "
                       "à des pourparlers avec ses voisins et que les discussions doivent avoir lieu.") == "fr"
    assert detect_lang("قصير") == "und"
    # Arabic typed with Persian ya/kaf (ی ک) stays Arabic: the article ال decides
    assert detect_lang(ARABIC.replace("ي", "ی").replace("ك", "ک")) == "ar"


def _write_page(path: Path, body: str, lang: str = "ar") -> Path:
    paras = "".join(f"<p>{body}</p>" for _ in range(3))
    path.write_text(f'<html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head>'
                    f"<body><article><h1>{body[:40]}</h1>{paras}</article></body></html>", "utf-8")
    return path


@pytest.mark.parametrize("text,lang", [(PERSIAN, "fa"), (URDU, "ur")])
def test_non_arabic_page_is_skipped(tmp_path, text, lang):
    items = list(iter_file(_write_page(tmp_path / "p.html", text, lang)))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert isinstance(items[0], SourceError)              # old consumers see a SourceError
    assert items[0].reason == f"not Arabic (lang={lang})"
    assert items[0].doc_id


def test_sources_dispatch_html_folder(tmp_path):
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    raw = (EXAMPLES / "01_wp_saudi_iran_beijing.html").read_bytes()
    (folder / "a.html").write_bytes(raw)
    (folder / "sub" / "b.htm.gz").write_bytes(gzip.compress(
        (EXAMPLES / "07_share_algeria_morocco.html").read_bytes()))
    _write_page(folder / "c.htm", PERSIAN, "fa")
    (folder / "empty.html").write_text("<html><body></body></html>", "utf-8")
    items = list(iter_sources([folder]))
    docs = [i for i in items if isinstance(i, SourceDoc)]
    assert [Path(d.path).name for d in docs] == ["a.html", "b.htm.gz"]
    assert docs[0].date == dt.date(2023, 3, 10) and docs[0].meta["section"] == "سياسة"
    assert docs[0].title and docs[0].text.startswith(docs[0].title + "\n\n")
    assert docs[1].date == dt.date(2021, 8, 24)
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [Path(s.path).name for s in skipped] == ["c.htm"]
    errors = [i for i in items if type(i) is SourceError]
    assert [Path(e.path).name for e in errors] == ["empty.html"]


def test_html_doc_codes_title_and_body():
    doc = next(iter(iter_file(EXAMPLES / "06_readalso_alula_summit.html")))
    coded = doc.code()
    kinds = {z.kind for z in coded.zones}
    assert "title" in kinds and "body" in kinds
    assert coded.meta["title"] == doc.title


# --- the two real pages of ../shared ------------------------------------------------------------
def test_real_cnn_arabic_page(shared_dir):
    folder = shared_dir / "corpus" / "html"
    if not (folder / "cnn-arabic-2013.html").is_file():
        pytest.skip("real page not available")
    want = (folder / "cnn-arabic-2013.expected.txt").read_text("utf-8").strip()
    art = extract((folder / "cnn-arabic-2013.html").read_bytes(),
                  url="http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html")
    score = similarity(art.body, want)
    print(f"cnn-arabic-2013 body similarity {score:.4f}")
    assert score >= 0.95                                  # measured 1.000
    assert art.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert art.date == dt.date(2013, 8, 3)               # from the URL: the page has no date
    assert "ترحب شبكة CNN" not in art.text and "الآراء الواردة" not in art.text
    assert art.lang == "ar"


def test_real_lbc_page(shared_dir):
    folder = shared_dir / "corpus" / "html"
    if not (folder / "lbc-2026-01-08.html.gz").is_file():
        pytest.skip("real page not available")
    meta = json.loads((folder / "lbc-2026-01-08.expected.json").read_text("utf-8"))["V1"]
    want = "\n\n".join(p for s in meta["body"]["sections"] for p in s["paragraphs"])
    art = extract(gzip.decompress((folder / "lbc-2026-01-08.html.gz").read_bytes()))
    score = similarity(art.body, want)
    print(f"lbc-2026-01-08 body similarity {score:.4f}")
    assert score >= 0.95                                  # measured 1.000
    assert similarity(art.text, meta["title"] + "\n\n" + want) >= 0.95
    assert art.title == meta["title"]
    assert art.date == dt.date.fromisoformat(meta["publishing_date"][:10])
    # through the sources dispatch too (.html.gz)
    items = list(iter_file(folder / "lbc-2026-01-08.html.gz"))
    assert isinstance(items[0], SourceDoc) and items[0].date == art.date
