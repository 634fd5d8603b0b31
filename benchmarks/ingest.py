"""Ingestion speed and memory; prints one JSON object.

    python benchmarks/ingest.py [--min-seconds 3] [--warc-mb 200] [--extract-pages 2000]

- html: `hudhud.html.extract` (HTML bytes → Article: decoding, metadata, trafilatura, Arabic
  boilerplate filter, language) on the bundled example pages repeated for --min-seconds;
  plus the two real pages of ../shared/corpus/html when present (big real-world markup);
- warc: a gzipped WARC of ~--warc-mb MB of uncompressed HTTP payload (the example pages
  repeated under distinct URLs, plus one image record in ten) is written to a temp dir with
  warcio, then read back: `read` = records parsed and payloads read (no extraction), in MB/s of
  compressed file and of payload; `extract` = full `iter_warc` items (extraction included) on
  the first --extract-pages pages;
- rss_mb (MiB): resident memory (current, from /proc/self/statm) before reading the archive, the
  highest value sampled while reading it, and after; flat means streaming works.
No coding (events) here: see benchmarks/throughput.py for that.
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hudhud.html import extract  # noqa: E402
from hudhud.warc import WarcStats, iter_warc, iter_warc_pages  # noqa: E402

EXAMPLES = REPO / "src" / "hudhud" / "examples" / "html"
REAL = REPO.parent / "shared" / "corpus" / "html"
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_html(pages: list[bytes], min_seconds: float) -> dict:
    n = 0
    chars = 0
    started = time.perf_counter()
    while True:
        for raw in pages:
            chars += len(extract(raw).text)
            n += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            break
    return {"pages": n, "seconds": round(elapsed, 3), "pages_per_s": round(n / elapsed, 1),
            "ms_per_page": round(1000 * elapsed / n, 2),
            "mean_kb_per_page": round(sum(map(len, pages)) / len(pages) / 1024, 1),
            "text_chars": chars}


def write_warc(path: Path, pages: list[bytes], target_mb: float) -> dict:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = 0
    records = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in itertools.count():
            if payload >= target_mb * 1e6:
                break
            if i % 10 == 9:
                body, ctype, uri = b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "image/png", f"https://img.example/{i}.png"
            else:
                body = pages[i % len(pages)]
                ctype, uri = "text/html", f"https://news.example/{i // len(pages)}/{i}.html"
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
            payload += len(body)
            records += 1
    return {"records": records, "payload_mb": round(payload / 1e6, 1),
            "file_mb": round(path.stat().st_size / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--warc-mb", type=float, default=200.0)
    ap.add_argument("--extract-pages", type=int, default=2000)
    args = ap.parse_args()

    pages = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))]
    extract(pages[0])                                   # imports, lazy tables
    out: dict = {"python": platform.python_version(), "machine": platform.machine(),
                 "cpus": os.cpu_count()}
    out["html_examples"] = bench_html(pages, args.min_seconds)
    real = []
    if (REAL / "cnn-arabic-2013.html").is_file():
        real.append((REAL / "cnn-arabic-2013.html").read_bytes())
    if (REAL / "lbc-2026-01-08.html.gz").is_file():
        real.append(gzip.decompress((REAL / "lbc-2026-01-08.html.gz").read_bytes()))
    if real:
        out["html_real_pages"] = bench_html(real, min(args.min_seconds, 2.0))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        t0 = time.perf_counter()
        out["warc_written"] = write_warc(path, pages, args.warc_mb)
        out["warc_written"]["write_s"] = round(time.perf_counter() - t0, 1)
        rss_before = rss_mb()
        peak_before = peak_rss_mb()
        rss_max = rss_before
        read = {}
        for reader in ("fastwarc", "warcio"):
            stats = WarcStats()
            t0 = time.perf_counter()
            for n, _page in enumerate(iter_warc_pages(path, stats, reader=reader)):
                if n % 500 == 0:
                    rss_max = max(rss_max, rss_mb())
            secs = time.perf_counter() - t0
            read[reader] = {"seconds": round(secs, 2), "records": stats.records,
                            "html_pages": stats.html or (stats.records - stats.non_html),
                            "file_mb_per_s": round(out["warc_written"]["file_mb"] / secs, 1),
                            "payload_mb_per_s": round(stats.bytes / 1e6 / secs, 1),
                            "records_per_s": round(stats.records / secs)}
        out["warc_read"] = read
        stats = WarcStats()
        t0 = time.perf_counter()
        for item in itertools.islice(iter_warc(path, stats), args.extract_pages):
            if stats.html % 200 == 0:
                rss_max = max(rss_max, rss_mb())
        secs = time.perf_counter() - t0
        out["warc_extract"] = {"pages": stats.html, "docs": stats.docs, "seconds": round(secs, 2),
                               "pages_per_s": round(stats.html / secs, 1)}
        out["rss_mb"] = {"before_read": round(rss_before, 1), "max_while_reading": round(rss_max, 1),
                         "after_read": round(rss_mb(), 1), "peak_before_read": round(peak_before, 1),
                         "peak_after_read": round(peak_rss_mb(), 1)}
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
