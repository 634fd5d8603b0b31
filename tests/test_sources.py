import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from hudhud import sources
from hudhud.sources import SourceDoc, SourceError

SHARED_ZIP = (Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "articles"
              / "saudinewsnet-2015-08-01.zip")

ARTICLE = "---\ndate: 2017-12-11\ntitle: عنوان\nsection: سياسة\nurl: http://example.org/a\n---\n" \
          "تظاهر آلاف الطلاب في طهران.\nوقال مسؤول إن الشرطة تدخلت.\n"


def docs(items):
    return [i for i in items if isinstance(i, SourceDoc)]


def errors(items):
    return [i for i in items if isinstance(i, SourceError)]


def test_txt_front_matter(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [d] = list(sources.iter_path(p))
    assert d.date == dt.date(2017, 12, 11)
    assert d.title == "عنوان"
    assert d.url == "http://example.org/a"
    assert d.meta["section"] == "سياسة"
    assert d.text.startswith("تظاهر") and "---" not in d.text
    assert d.doc_id == sources.text_id(d.text) and len(d.doc_id) == 16
    assert d.path == str(p)


def test_txt_without_front_matter_and_given_id(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("نص بلا مقدمة\n", encoding="utf-8")
    [d] = list(sources.iter_path(p))
    assert d.text == "نص بلا مقدمة" and d.date is None
    assert sources.doc_from_text("---\nid: x7\n---\nنص\n").doc_id == "x7"


def test_front_matter_line_offset():
    meta, body, n = sources.split_front_matter(ARTICLE)
    assert n == 6 and body.startswith("تظاهر") and meta["title"] == "عنوان"
    assert sources.split_front_matter("plain") == ({}, "plain", 0)


@pytest.mark.parametrize("raw", ["---\ndate: [unclosed\n---\nنص", "---\ntitle: x\nنص بلا نهاية",
                                 "---\n- a list\n---\nنص", "---\ntitle: x\n---\n\n"])
def test_bad_txt_is_an_error_item(raw):
    item = sources.doc_from_text(raw, "x.txt")
    assert isinstance(item, SourceError) and item.path == "x.txt" and item.reason


def test_jsonl_fields_and_errors(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": 7, "content": "نص أول", "date_extracted": "2015-08-01 08:00:57",
                         "title": "ع", "url": "u", "source": "s"}, ensure_ascii=False),
             "{not json",
             json.dumps({"body": "نص ثالث", "published": "bad date"}, ensure_ascii=False),
             "",
             json.dumps({"title": "no text"}),
             json.dumps([1, 2])]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(sources.iter_path(p))
    ok, bad = docs(items), errors(items)
    assert [d.doc_id for d in ok] == ["7", sources.text_id("نص ثالث")]
    assert ok[0].date == dt.date(2015, 8, 1) and ok[0].title == "ع" and ok[0].url == "u"
    assert ok[0].meta == {"source": "s", "line": 1}
    assert ok[1].date is None and ok[1].meta["date_raw"] == "bad date"
    assert [e.path for e in bad] == [f"{p}:2", f"{p}:5", f"{p}:6"]


def test_jsonl_bad_bytes_cost_one_line(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"text": "\xff\xfe"}\n' + json.dumps({"text": "سليم"}).encode() + b"\n")
    items = list(sources.iter_path(p))
    assert len(errors(items)) == 1 and [d.text for d in docs(items)] == ["سليم"]


def test_custom_fields(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"article": "نص", "when": "2020-01-02", "key": "k"}), encoding="utf-8")
    fields = sources.RecordFields(text=("article",), date=("when",), id=("key",))
    [d] = list(sources.iter_path(p, fields=fields))
    assert (d.doc_id, d.text, d.date) == ("k", "نص", dt.date(2020, 1, 2))


def test_json_list_and_bad_json(tmp_path):
    good = tmp_path / "list.json"
    good.write_text(json.dumps([{"text": "أ"}, {"text": "ب"}, "oops"]), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    items = list(sources.iter_sources([good, bad]))
    assert [d.text for d in docs(items)] == ["أ", "ب"]
    assert [d.meta["index"] for d in docs(items)] == [0, 1]
    assert len(errors(items)) == 2


def test_zip_members_and_folder(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    with zipfile.ZipFile(folder / "b.zip", "w") as z:
        z.writestr("x.json", json.dumps([{"text": "زيب واحد"}, {"text": "زيب اثنان"}]))
        z.writestr("y.jsonl", json.dumps({"text": "سطر"}) + "\n{bad\n")
        z.writestr("z.txt", "نص في أرشيف")
        z.writestr("skip.csv", "a,b")
    (folder / "c.zip").write_bytes(b"not a zip")
    items = list(sources.iter_path(folder))
    texts = [d.text for d in docs(items)]
    assert texts == ["زيب واحد", "زيب اثنان", "سطر", "نص في أرشيف", ARTICLE.split("---\n")[2].strip()]
    assert docs(items)[0].path == f"{folder / 'b.zip'}!x.json"
    assert sorted(e.reason.split(":")[0] for e in errors(items)) == ["bad JSON line", "bad zip"]


def test_missing_path_is_an_error_item(tmp_path):
    [e] = list(sources.iter_path(tmp_path / "nope.txt"))
    assert isinstance(e, SourceError) and "no such" in e.reason


@pytest.mark.parametrize("content,fmt,n", [
    (ARTICLE, "auto", 1),
    ('{"text": "أ"}\n{"text": "ب"}\n', "auto", 2),
    ('[{"text": "أ"}]', "auto", 1),
    ("[رويترز] نص يبدأ بقوس", "auto", 1),
    ('{"text": "أ"}\n', "txt", 1),
])
def test_stdin_stream(content, fmt, n, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(content))
    items = list(sources.iter_path("-", stdin_format=fmt))
    assert len(docs(items)) == n and not errors(items)
    if fmt == "txt":
        assert docs(items)[0].text.startswith("{")


def test_iter_examples_shape():
    items = list(sources.iter_examples())
    for item in items:  # the bundled set may still be empty while it is being written
        assert isinstance(item, SourceDoc), item
        assert item.text.strip() and item.path.startswith("examples/")


def test_code_method_carries_metadata():
    d = SourceDoc(doc_id="d1", text="نص", date=dt.date(2017, 1, 2), url="u", title="t",
                  path="p.txt", meta={"section": "s"})
    doc = d.code()
    assert (doc.id, doc.date, doc.url) == ("d1", dt.date(2017, 1, 2), "u")
    assert doc.meta["title"] == "t" and doc.meta["section"] == "s" and doc.meta["path"] == "p.txt"


@pytest.mark.skipif(not SHARED_ZIP.exists(), reason="../shared corpus not present")
def test_shared_corpus_streams():
    items = list(sources.iter_path(SHARED_ZIP))
    assert len(items) == 1285
    ok = docs(items)
    assert len(ok) > 1200 and all(d.text.strip() for d in ok)
    assert ok[0].date is not None and ok[0].title and ok[0].url


ZIP_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزير الخارجية العماني يزور عمّان لبحث التعاون المائي | موقع الأخبار التجريبي</title>
<meta property="og:title" content="وزير الخارجية العماني يزور عمّان لبحث التعاون المائي">
<meta property="article:published_time" content="2022-05-14T09:30:00+03:00">
<meta property="og:url" content="https://akhbar.example/politics/2022/05/14/oman-jordan-water">
</head><body>
<nav class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/politics">سياسة</a></nav>
<header><ul class="menu"><li>الرئيسية</li><li>سياسة</li><li>اقتصاد</li><li>رياضة</li></ul></header>
<article class="post">
<h1 class="entry-title">وزير الخارجية العماني يزور عمّان لبحث التعاون المائي</h1>
<div class="entry-content">
<p>وصل وزير الخارجية العماني صباح السبت إلى العاصمة الأردنية في زيارة رسمية تستمر يومين،
يبحث خلالها مع نظيره الأردني مشروعات مشتركة لتحلية مياه البحر ونقلها بين البلدين.</p>
<p>وقال مصدر دبلوماسي إن الجانبين سيوقعان مذكرة تفاهم في ختام المحادثات، تشمل تبادل الخبرات
الفنية وتدريب المهندسين في مجال إدارة الموارد المائية.</p>
<p>وأضاف المصدر أن الزيارة تأتي ضمن جولة إقليمية يقوم بها الوزير تشمل عدداً من العواصم العربية.</p>
</div></article>
<aside class="related"><h3>قد يعجبك أيضاً</h3><ul><li><a href="/a">خبر آخر لا علاقة له بالموضوع</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة © موقع الأخبار التجريبي</p></footer>
</body></html>
"""

ZIP_PAGE_FA = """<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8"><title>خبر</title></head>
<body><article><h1>نشست وزیران خارجه در تهران برگزار شد</h1>
<p>وزیران خارجه چند کشور همسایه روز شنبه در تهران با یکدیگر دیدار کردند و درباره گسترش
همکاری‌های اقتصادی و تجاری گفت‌وگو کردند. این نشست چهار ساعت به طول انجامید.</p>
<p>سخنگوی وزارت خارجه گفت که گزارش کامل این دیدار هفته آینده منتشر خواهد شد.</p>
</article></body></html>
"""


def test_zip_html_members_are_extracted_like_html_files(tmp_path):
    import gzip

    page = tmp_path / "page.html"
    page.write_text(ZIP_PAGE, encoding="utf-8")
    [as_file] = list(sources.iter_path(page))
    assert isinstance(as_file, SourceDoc)

    archive = tmp_path / "crawl.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("site/2022/oman.html", ZIP_PAGE.encode("utf-8"))
        z.writestr("site/2022/OMAN-COPY.HTM", ZIP_PAGE.encode("cp1256", "replace")
                   .replace(b'charset="utf-8"', b'charset="windows-1256"'))
        z.writestr("site/2022/oman.html.gz", gzip.compress(ZIP_PAGE.encode("utf-8")))
        z.writestr("site/fa.html", ZIP_PAGE_FA.encode("utf-8"))
        z.writestr("site/broken.html.gz", b"not gzip at all")
        z.writestr("site/notes.md", "ignored")
        z.writestr("__MACOSX/site/._oman.html", b"\x00\x05\x16\x07 resource fork")
        z.writestr("site/.hidden.html", ZIP_PAGE)
        z.writestr("site/records.jsonl", json.dumps({"text": "سطر في الأرشيف"}) + "\n")
    items = list(sources.iter_path(archive))

    got = docs([i for i in items if not isinstance(i, SourceError)])
    assert [d.path for d in got] == [f"{archive}!site/2022/oman.html",
                                     f"{archive}!site/2022/OMAN-COPY.HTM",
                                     f"{archive}!site/2022/oman.html.gz",
                                     f"{archive}!site/records.jsonl"]
    for d in got[:3]:  # the same extraction as the .html file: text, date, url, title, id
        assert (d.text, d.date, d.url, d.title, d.doc_id) == \
               (as_file.text, as_file.date, as_file.url, as_file.title, as_file.doc_id)
    assert got[1].meta["encoding"] == "cp1256"
    assert got[0].date == dt.date(2022, 5, 14)
    assert got[0].text.startswith("وزير الخارجية العماني يزور عمّان")
    assert "قد يعجبك" not in got[0].text and "جميع الحقوق" not in got[0].text
    assert "مذكرة تفاهم" in got[0].text

    skipped = [i for i in items if isinstance(i, sources.Skipped)]
    assert [(s.path, s.reason) for s in skipped] == [(f"{archive}!site/fa.html",
                                                      "not Arabic (lang=fa)")]
    failed = [i for i in items if isinstance(i, SourceError) and not isinstance(i, sources.Skipped)]
    assert [f.path for f in failed] == [f"{archive}!site/broken.html.gz"]
    assert failed[0].reason.startswith("unreadable member")


def test_raw_pages_materialize_to_the_extracted_items(tmp_path):
    """iter_sources(raw=True) (what `hudhud run` reads) gives RawPages for HTML files, zip
    members and WARC records; materialized, they are the items of the default mode."""
    import gzip
    import pickle

    from test_warc import build_warc

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(ZIP_PAGE, encoding="utf-8")
    (tmp_path / "in" / "page.html.gz").write_bytes(gzip.compress(ZIP_PAGE.encode("utf-8")))
    (tmp_path / "in" / "fa.html").write_text(ZIP_PAGE_FA, encoding="utf-8")
    (tmp_path / "in" / "bad.html.gz").write_bytes(b"not gzip")
    with zipfile.ZipFile(tmp_path / "in" / "crawl.zip", "w") as z:
        z.writestr("a/oman.html", ZIP_PAGE.encode("utf-8"))
        z.writestr("a/records.jsonl", json.dumps({"text": "سطر في الأرشيف"}) + "\n")
    build_warc(tmp_path / "in" / "crawl.warc.gz")
    plain = list(sources.iter_sources([tmp_path / "in"]))
    raw = list(sources.iter_sources([tmp_path / "in"], raw=True))
    assert sum(isinstance(r, sources.RawPage) for r in raw) >= 8
    warc_pages = [r for r in raw if isinstance(r, sources.RawPage) and r.kind == "warc"]
    assert warc_pages and all(r.doc_id for r in warc_pages)      # record ids, before extraction
    got = [sources.materialize(pickle.loads(pickle.dumps(r))) for r in raw]
    assert [type(i) for i in got] == [type(i) for i in plain]
    for a, b in zip(got, plain):
        if isinstance(b, SourceDoc):
            assert (a.doc_id, a.text, a.date, a.url, a.title, a.path, a.meta) == \
                   (b.doc_id, b.text, b.date, b.url, b.title, b.path, b.meta)
        else:
            assert (a.path, a.reason, a.doc_id) == (b.path, b.reason, b.doc_id)
