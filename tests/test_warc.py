"""WARC ingestion: a WARC written by the test (warcio) streams the right records."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from importlib.resources import files
from pathlib import Path

import pytest

from hudhud.sources import Skipped, SourceDoc, SourceError, iter_sources
from hudhud.warc import WarcStats, iter_warc, iter_warc_pages

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

EXAMPLES = Path(str(files("hudhud").joinpath("examples", "html")))
PERSIAN = ("<html><head><meta charset='utf-8'><title>خبر</title></head><body><article><h1>گفتگوی "
           "وزیران خارجه</h1>" + "<p>وزیر امور خارجه ایران روز یکشنبه در یک نشست خبری در تهران گفت "
           "که کشورش آماده گفتگو با همسایگان خود است و این گفتگوها باید بدون پیش شرط انجام شود.</p>" * 3
           + "</article></body></html>")
WARC_DATE = "2024-05-06T07:08:09Z"


def _record(writer, uri, status, ctype, body: bytes, encoding=None, rec_type="response"):
    headers = [("Content-Type", ctype)] if ctype else []
    if encoding == "gzip":
        body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip"))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": WARC_DATE})
    writer.write_record(rec)
    return rec.rec_headers.get_header("WARC-Record-ID")


def build_warc(path: Path, compress: bool = True) -> dict[str, str]:
    """Records: 3 Arabic pages (one gzip-encoded, one windows-1256 via the HTTP header, one
    without any date), a Persian page, a redirect, a 404, an image, a JSON API response and a
    request record. Returns url → WARC-Record-ID of the pages."""
    ids = {}
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=compress)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "hudhud-test"}))
        ids["https://alrasd.example/2023/03/10/saudi-iran-beijing/"] = _record(
            w, "https://alrasd.example/2023/03/10/saudi-iran-beijing/", "200 OK",
            "text/html; charset=UTF-8", (EXAMPLES / "01_wp_saudi_iran_beijing.html").read_bytes())
        req = w.create_warc_record("https://alrasd.example/", "request",
                                   payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: alrasd.example\r\n\r\n"))
        w.write_record(req)
        _record(w, "https://alrasd.example/old", "301 Moved Permanently", "text/html", b"moved")
        _record(w, "https://alrasd.example/missing", "404 Not Found", "text/html",
                b"<html><body><p>\xd8\xba\xd9\x8a\xd8\xb1 \xd9\x85\xd9\x88\xd8\xac\xd9\x88\xd8\xaf</p></body></html>")
        ids["https://maghrebia-news.example/maghreb/algeria-cuts-ties-morocco"] = _record(
            w, "https://maghrebia-news.example/maghreb/algeria-cuts-ties-morocco", "200 OK",
            "text/html", (EXAMPLES / "07_share_algeria_morocco.html").read_bytes(), encoding="gzip")
        _record(w, "https://alrasd.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" * 10)
        _record(w, "https://alrasd.example/api/x.json", "200 OK", "application/json", b'{"a": 1}')
        # windows-1256 without a meta charset: the HTTP header declares it
        cp = (EXAMPLES / "05_cp1256_arab_league_syria.html").read_bytes().replace(
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', b"")
        ids["http://aldad-news.example/article.php?id=48213"] = _record(
            w, "http://aldad-news.example/article.php?id=48213", "200 OK",
            "text/html; charset=windows-1256", cp)
        ids["https://fa.example/news/1"] = _record(w, "https://fa.example/news/1", "200 OK",
                                                   "text/html; charset=utf-8", PERSIAN.encode())
        # a page with no date anywhere: the WARC-Date is used
        nodate = ("<html><head><meta charset='utf-8'><title>الحكومة تستقيل</title></head><body>"
                  "<article><h1>الحكومة تستقيل بعد احتجاجات واسعة</h1>" +
                  "<p>أعلن رئيس الوزراء استقالة حكومته في كلمة متلفزة بعد أسابيع من الاحتجاجات "
                  "الواسعة التي شهدتها العاصمة ومدن أخرى للمطالبة بالإصلاح ومحاسبة المسؤولين.</p>" * 3
                  + "</article></body></html>")
        ids["https://nodate.example/news/resign"] = _record(
            w, "https://nodate.example/news/resign", "200 OK", "text/html", nodate.encode())
    return ids


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
@pytest.mark.parametrize("compress", [True, False])
def test_warc_streams_the_right_records(tmp_path, reader, compress):
    if reader == "fastwarc":
        pytest.importorskip("fastwarc")
    path = tmp_path / ("a.warc.gz" if compress else "a.warc")
    ids = build_warc(path, compress)
    stats = WarcStats()
    items = list(iter_warc(path, stats=stats, reader=reader))
    docs = [i for i in items if isinstance(i, SourceDoc)]
    assert [d.url for d in docs] == ["https://alrasd.example/2023/03/10/saudi-iran-beijing/",
                                     "https://maghrebia-news.example/maghreb/algeria-cuts-ties-morocco",
                                     "http://aldad-news.example/article.php?id=48213",
                                     "https://nodate.example/news/resign"]
    # doc ids are the WARC-Record-IDs' UUIDs
    for d in docs:
        assert ids[d.url] == f"<urn:uuid:{d.doc_id}>"
    assert docs[0].date == dt.date(2023, 3, 10) and docs[0].meta["date_source"].startswith("meta:")
    assert docs[0].title == "السعودية وإيران تتفقان في بكين على استئناف العلاقات الدبلوماسية"
    assert "Akismet" not in docs[0].text and "قد يعجبك" not in docs[0].text
    assert docs[1].date == dt.date(2021, 8, 24)                       # gzip content-encoding
    assert "لعمامرة" in docs[1].text
    assert docs[2].meta["encoding"] == "cp1256"                         # from the HTTP header
    assert "استئناف مشاركة وفود الحكومة السورية" in docs[2].text
    assert docs[3].date == dt.date(2024, 5, 6) and docs[3].meta["date_source"] == "warc"
    assert all(d.meta["warc"] == str(path) for d in docs)
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert skipped[0].reason == "not Arabic (lang=fa)"
    assert skipped[0].doc_id == ids["https://fa.example/news/1"][len("<urn:uuid:"):-1]
    assert skipped[-1].path == str(path)
    assert skipped[-1].reason == "warc: 2 non-HTML, 2 non-200, 0 oversized records skipped"
    assert not [i for i in items if type(i) is SourceError]
    assert stats.as_dict() == {"records": 9, "html": 5, "docs": 4, "non_html": 2, "bad_status": 2,
                               "too_large": 0, "not_arabic": 1, "errors": 0,
                               "bytes": stats.bytes}


def test_warc_through_sources_dispatch(tmp_path):
    (tmp_path / "crawl").mkdir()
    build_warc(tmp_path / "crawl" / "x.warc.gz")
    items = list(iter_sources([tmp_path / "crawl"]))
    assert sum(isinstance(i, SourceDoc) for i in items) == 4
    assert sum(isinstance(i, Skipped) for i in items) == 2


def test_warc_pages_raw(tmp_path):
    build_warc(tmp_path / "a.warc.gz")
    pages = list(iter_warc_pages(tmp_path / "a.warc.gz"))
    assert len(pages) == 5
    assert pages[2].charset == "windows-1256"
    assert pages[1].payload.startswith(b"<!DOCTYPE html>")               # gzip undone


def test_bad_warc_is_an_error_not_an_exception(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a WARC file\r\n\r\n" * 10)[:-8])
    items = list(iter_warc(bad))
    assert all(isinstance(i, SourceError) for i in items)
    assert not any(isinstance(i, SourceDoc) for i in items)
