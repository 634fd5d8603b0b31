"""Web archives in, Arabic articles out: stream the HTML responses of ``.warc``/``.warc.gz`` files.

    >>> stats = WarcStats()
    >>> for item in iter_warc("CC-NEWS-20240101.warc.gz", stats=stats):
    ...     ...
    >>> stats.as_dict()
    {'records': 1200, 'html': 1100, 'docs': 950, 'non_html': 60, 'bad_status': 40, ...}

One record at a time (memory stays flat whatever the archive size): only ``response`` records
are parsed; a response is kept when its HTTP status is 200 and its Content-Type is HTML
(``text/html``, ``application/xhtml+xml``; a missing type is sniffed from the payload's first
bytes); gzip/deflate/brotli and chunked transfer encodings are undone by the reader. Each kept
page goes through `hudhud.html.extract` (the HTTP charset is passed as the declared charset).

Items yielded: a `SourceDoc` per Arabic page (doc_id: the WARC-Record-ID's UUID, url: the
WARC-Target-URI, date: the page's own date, else the WARC-Date, with ``meta["date_source"]``
saying which); a `Skipped` per non-Arabic page; a `SourceError` per page the extractor fails
on; and, at the end of each archive, one `Skipped` summary item counting the records left out
for being non-HTML or non-200 (only when there are some). `stats` receives every count.

The reader is FastWARC when installed (fast, C++), else warcio.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["WarcStats", "iter_warc", "iter_warc_pages", "WarcPage"]

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml")
MAX_PAGE_BYTES = 20_000_000        # larger payloads are skipped (read, not parsed)


@dataclass(slots=True)
class WarcStats:
    records: int = 0        # response records seen
    html: int = 0           # 200 + HTML
    docs: int = 0           # Arabic articles yielded
    non_html: int = 0       # skipped: Content-Type not HTML
    bad_status: int = 0     # skipped: HTTP status not 200
    too_large: int = 0      # skipped: payload over MAX_PAGE_BYTES
    not_arabic: int = 0     # skipped by language
    errors: int = 0         # extraction failures / no text
    bytes: int = 0          # payload bytes read

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(slots=True)
class WarcPage:
    record_id: str | None
    url: str | None
    date: dt.datetime | None
    status: int | None
    content_type: str
    charset: str | None
    payload: bytes


def _is_html(content_type: str, payload: bytes) -> bool:
    ct = content_type.split(";", 1)[0].strip().lower()
    if ct:
        return ct in HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.I)


def _charset(content_type: str) -> str | None:
    m = _CHARSET.search(content_type or "")
    return m.group(1) if m else None


def _uuid(record_id: str | None) -> str | None:
    if not record_id:
        return None
    rid = record_id.strip("<>")
    return rid[len("urn:uuid:"):] if rid.startswith("urn:uuid:") else rid


# --- readers: each yields (WarcPage | None-for-skipped-with-reason) --------------------------
def _pages_fastwarc(fh, stats: WarcStats) -> Iterator[WarcPage]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True,
                               auto_decode="all"):
        stats.records += 1
        http = rec.http_headers
        status = http.status_code if http is not None else None
        if status != 200:
            stats.bad_status += 1
            continue
        ctype = http.get("Content-Type", "") or ""
        if ctype and ctype.split(";", 1)[0].strip().lower() not in HTML_TYPES:
            stats.non_html += 1
            continue
        if rec.content_length > MAX_PAGE_BYTES:
            stats.too_large += 1
            continue
        payload = rec.reader.read()
        stats.bytes += len(payload)
        if not _is_html(ctype, payload):
            stats.non_html += 1
            continue
        yield WarcPage(rec.record_id, rec.headers.get("WARC-Target-URI"), rec.record_date,
                       status, ctype, _charset(ctype), payload)


def _pages_warcio(fh, stats: WarcStats) -> Iterator[WarcPage]:
    from warcio.archiveiterator import ArchiveIterator

    for rec in ArchiveIterator(fh):
        if rec.rec_type != "response":
            continue
        stats.records += 1
        http = rec.http_headers
        try:
            status = int(http.get_statuscode()) if http is not None else None
        except (TypeError, ValueError):
            status = None
        if status != 200:
            stats.bad_status += 1
            continue
        ctype = http.get_header("Content-Type", "") or ""
        if ctype and ctype.split(";", 1)[0].strip().lower() not in HTML_TYPES:
            stats.non_html += 1
            continue
        payload = rec.content_stream().read(MAX_PAGE_BYTES + 1)
        if len(payload) > MAX_PAGE_BYTES:
            stats.too_large += 1
            continue
        stats.bytes += len(payload)
        if not _is_html(ctype, payload):
            stats.non_html += 1
            continue
        date = rec.rec_headers.get_header("WARC-Date")
        try:
            when = dt.datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None
        except ValueError:
            when = None
        yield WarcPage(rec.rec_headers.get_header("WARC-Record-ID"),
                       rec.rec_headers.get_header("WARC-Target-URI"), when, status, ctype,
                       _charset(ctype), payload)


def _reader():
    from importlib.util import find_spec

    # FastWARC when its wheel installed on this platform, else warcio
    return _pages_fastwarc if find_spec("fastwarc") is not None else _pages_warcio


def iter_warc_pages(path: str | Path, stats: WarcStats | None = None,
                    reader: str = "auto") -> Iterator[WarcPage]:
    """The 200 HTML responses of one archive, raw (no extraction): for tools and benchmarks."""
    stats = stats if stats is not None else WarcStats()
    pages = {"auto": _reader(), "fastwarc": _pages_fastwarc, "warcio": _pages_warcio}[reader]
    with open(path, "rb") as fh:
        yield from pages(fh, stats)


def bad_archive(where: str, stats: "WarcStats", exc: Exception):
    """The error item of an archive that cannot be read on (counted in `stats`)."""
    from hudhud.sources import SourceError

    stats.errors += 1
    return SourceError(where, f"bad WARC: {type(exc).__name__}: {exc}")


def skipped_summary(where: str, stats: "WarcStats", before: tuple[int, int, int]):
    """One `Skipped` item counting the records of this archive left out, or None."""
    from hudhud.sources import Skipped

    non_html, bad_status, too_large = (stats.non_html - before[0], stats.bad_status - before[1],
                                       stats.too_large - before[2])
    if non_html + bad_status + too_large:
        return Skipped(where, f"warc: {non_html} non-HTML, {bad_status} non-200, "
                              f"{too_large} oversized records skipped")
    return None


def iter_warc(path: str | Path, stats: WarcStats | None = None, reader: str = "auto"):
    """Items (`SourceDoc`, `Skipped`, `SourceError`) of one WARC/WARC.gz file, streamed."""
    from hudhud.html import extract, to_item
    from hudhud.sources import Skipped, SourceError

    stats = stats if stats is not None else WarcStats()
    where = str(path)
    before = (stats.non_html, stats.bad_status, stats.too_large)
    try:
        pages = iter_warc_pages(path, stats, reader)
        for page in pages:
            stats.html += 1
            rid = _uuid(page.record_id)
            loc = f"{where}!{page.url or rid}"
            doc_id = rid or hashlib.sha1(
                (page.url or "").encode("utf-8") + b"\n" + page.payload).hexdigest()[:16]
            try:
                article = extract(page.payload, url=page.url, declared_charset=page.charset)
            except Exception as exc:
                stats.errors += 1
                yield SourceError(loc, f"html: {type(exc).__name__}: {exc}", doc_id)
                continue
            if article.url != page.url and page.url:
                article.url = page.url              # the URL crawled, not the page's og:url
            item = to_item(article, loc, doc_id=doc_id,
                           fallback_date=page.date.date() if page.date else None,
                           extra={"warc": where})
            if isinstance(item, Skipped):
                stats.not_arabic += 1
            elif isinstance(item, SourceError):
                stats.errors += 1
            else:
                if item.meta.get("date_source") == "fallback":
                    item.meta["date_source"] = "warc"
                stats.docs += 1
            yield item
    except (OSError, ValueError, EOFError) as exc:
        yield bad_archive(where, stats, exc)
    summary = skipped_summary(where, stats, before)
    if summary is not None:
        yield summary
