"""Memory on a big input: peak RSS while streaming a ≥ 1 GB WARC.gz; prints one JSON object.

    python benchmarks/rss.py [--gb 1.0] [--readers fastwarc warcio] [--extract-seconds 60]
                             [--code-docs 1285] [--warc PATH] [--keep] [--distinct]
                             [--run-seconds 300 --run-workers 2 --run-args "..." --only-run]

1. **write**: a gzipped WARC of at least --gb GB (compressed file size, like one CC-NEWS file)
   is written to a temp dir (removed at the end unless --keep; --warc reuses a file). One
   gzip member per record (as crawlers write them; zlib level 6). Records: HTML responses —
   the 1,285 real articles of ../shared/corpus/articles rendered as news pages at run time
   (benchmarks/html_batch.py layouts; the bundled example pages when the corpus is absent),
   each with its own URL, record id and a small script block of random ids (no two records
   are byte-identical; these light Arabic pages compress ~2.3x, so 1 GB holds ~2.3 GB of
   payload in ~400k records) — plus one image record in ten (random bytes, non-HTML: skipped
   by the reader).
2. Each pass runs in a **fresh Python process** (so its peak RSS is its own):
   - `read` (per reader): `warc.iter_warc_pages` over the whole file — records parsed,
     payloads decompressed and read, no extraction; RSS (MiB, /proc/self/statm) sampled every
     --sample-every HTML pages and reported at 10 %, 50 % and 100 % of the records, plus the
     highest sample and the process's peak (`ru_maxrss`); MB/s of file and of payload;
   - `extract`: `sources.iter_sources([warc])` — the reader plus HTML extraction, what
     `hudhud run` reads — on the first --extract-seconds seconds of the file (extraction is
     ~80-150 pages/s per core: the whole file would take over an hour), RSS at 10/50/100 % of the pages
     read;
   - `code`: the first --code-docs Arabic pages (1,285: every distinct page) through `executor.run_batch` with 1 worker
     into a temp DuckDB file (the path of `hudhud run --workers 1`: extraction, syndication
     check, coding, store, cross-article merge), RSS at 10/50/100 % of the documents.
   - `dedup`: the syndication index (`dedup.Deduplicator`, MinHash LSH over the last
     --dedup-window distinct documents) fed --dedup-docs distinct texts (paragraphs of
     different articles mixed; the 1,285 real ones alone would be duplicates after the first
     round), RSS at 10/50/100 % and KiB per document while the window fills
     (`kib_per_doc`), `flat_after_window`: RSS once the window is full vs at the end, and
     `per_warc_pages_mb` = the cost per document times the HTML pages of the written file
     (what an unbounded index would take).
3. `run` (with --run-seconds S): the real `hudhud run WARC --workers N --no-progress` (raw
   pages read by the parent, extraction + coding in the workers) in its own process group,
   the RSS of the parent and of each worker sampled ~60 times over S seconds (and the parent's
   peak, VmHWM, every second: `parent_peak_rss_mb`), then the run is
   killed (a 1 GB file takes hours on 2 cores); documents stored counted afterwards. Use it
   with `--distinct` (pages written from mixed paragraphs: every page a distinct document, so
   every page is coded and the syndication index fills) and `--run-args "--dup-window K"`.
   `--only-run` skips the other passes.
   "flat" in the output: the 100 % sample is within 10 % (or 25 MiB) of the 10 % sample;
   for `run`, also `flat_second_half` (the 100 % sample within 5 % or 10 MiB of the 50 % one:
   after the syndication window has filled) with `kib_per_doc_second_half`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from ingest import PAGE, peak_rss_mb, rss_mb  # noqa: E402  (the memory probes of ingest.py)

EXAMPLES = REPO / "src" / "hudhud" / "examples" / "html"


# --- writing ----------------------------------------------------------------------------------
def source_pages() -> tuple[list[bytes], str]:
    from html_batch import CORPUS, load_articles, render_wire, render_wordpress

    if CORPUS.is_file():
        arts = load_articles(CORPUS)
        pages = []
        for i, rec in enumerate(arts):
            if i % 3 == 2:
                page, _ = render_wire(rec, i)
            else:
                others = [a.get("title") or "" for a in arts[max(0, i - 3):i]]
                page, _ = render_wordpress(rec, i, others)
            pages.append(page.encode("utf-8"))
        return pages, f"{CORPUS.name} rendered as HTML ({len(pages)} pages)"
    pages = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))]
    return pages, f"bundled example pages ({len(pages)})"


def _record(uri: str, date: str, ctype: str, body: bytes) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _gzip_member(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return c.compress(data) + c.flush()


def distinct_pages(seed: int = 1):
    """A page maker for `write_warc(distinct=…)`: page k = the html_batch WordPress layout
    around 4 paragraphs drawn (seeded by k) from different corpus articles, so that no two
    pages are syndicated copies of each other (every page is a new distinct document for the
    syndication index, and gets coded)."""
    import random

    from html_batch import CORPUS, load_articles, render_wordpress

    if CORPUS.is_file():
        arts = load_articles(CORPUS)
    else:
        from hudhud import sources

        arts = [{"title": d.title or "", "content": d.text, "source": "example"}
                for d in sources.iter_examples() if isinstance(d, sources.SourceDoc)]
    paras = [p.strip() for a in arts for p in (a.get("content") or "").splitlines()
             if len(p.strip()) > 40]
    titles = [a.get("title") or "" for a in arts]

    def make(k: int) -> bytes:
        rng = random.Random(seed * 1_000_003 + k)
        rec = {"title": f"{rng.choice(titles)} ({k})", "content": "\n".join(rng.sample(paras, 4)),
               "date_extracted": f"2015-08-{1 + k % 28:02d}T08:00:00", "source": f"site{k % 7}"}
        return render_wordpress(rec, k, rng.sample(titles, 3))[0].encode("utf-8")

    return make


def write_warc(path: Path, pages: list[bytes], target_bytes: float, distinct=None) -> dict:
    records = html = payload = 0
    marker = b"</body>"
    with path.open("wb", buffering=1 << 20) as fh:
        for i in itertools.count():
            if fh.tell() >= target_bytes:
                break
            if i % 10 == 9:
                body = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)
                rec = _record(f"https://img.example/{i}.png", "2015-08-01T08:00:00Z", "image/png",
                              body)
            else:
                page = distinct(html) if distinct else pages[html % len(pages)]
                ids = os.urandom(64).hex()   # per-page ids/tokens: crawl-like compressibility
                script = (b'<script>window.__cfg={"page":%d,"ids":"%s"};</script>'
                          % (i, ids.encode()))
                body = page.replace(marker, script + marker, 1)
                rec = _record(f"https://news{html % 7}.example/{html // len(pages)}/{i}.html",
                              "2015-08-01T08:00:00Z", "text/html; charset=utf-8", body)
                html += 1
            fh.write(_gzip_member(rec))
            payload += len(body)
            records += 1
        size = fh.tell()
    return {"records": records, "html_records": html, "distinct_pages": bool(distinct),
            "payload_mb": round(payload / 1e6, 1),
            "file_mb": round(size / 1e6, 1), "compression_ratio": round(payload / size, 2)}


# --- passes (each in its own process) ---------------------------------------------------------
class Sampler:
    """RSS every `every` steps; `report(total)` → samples at 10/50/100 % of `total` steps."""

    def __init__(self, every: int):
        self.every, self.samples, self.start = max(1, every), [], rss_mb()

    def tick(self, n: int) -> None:
        if n % self.every == 0:
            self.samples.append((n, rss_mb()))

    def report(self, total: int) -> dict:
        self.samples.append((total, rss_mb()))

        def at(frac: float) -> float | None:
            goal = frac * total
            best = min(self.samples, key=lambda s: abs(s[0] - goal), default=None)
            return round(best[1], 1) if best else None

        s10, s100 = at(0.1), at(1.0)
        return {"rss_mb_start": round(self.start, 1), "rss_mb_10pct": s10, "rss_mb_50pct": at(0.5),
                "rss_mb_100pct": s100,
                "rss_mb_max_sampled": round(max(r for _, r in self.samples), 1),
                "peak_rss_mb_process": round(peak_rss_mb(), 1), "n_samples": len(self.samples),
                "flat": bool(s10 and s100 and s100 - s10 <= max(25.0, 0.1 * s10))}


def pass_read(warc: Path, reader: str, every: int, total_records: int | None) -> dict:
    from hudhud.warc import WarcStats, iter_warc_pages

    stats = WarcStats()
    sampler = Sampler(every)
    t0 = time.perf_counter()
    n = 0
    for _page in iter_warc_pages(warc, stats, reader=reader):
        n += 1
        sampler.tick(n)
    secs = time.perf_counter() - t0
    size = warc.stat().st_size
    out = {"reader": reader, "seconds": round(secs, 2), "records": stats.records,
           "html_pages": n, "file_mb_per_s": round(size / 1e6 / secs, 1),
           "payload_mb_per_s": round(stats.bytes / 1e6 / secs, 1),
           "records_per_s": round(stats.records / secs)}
    out.update(sampler.report(n))
    return out


def pass_extract(warc: Path, seconds: float, every: int) -> dict:
    from hudhud import sources

    sampler = Sampler(every)
    t0 = time.perf_counter()
    n = docs = 0
    for item in sources.iter_sources([warc]):
        n += 1
        docs += isinstance(item, sources.SourceDoc)
        sampler.tick(n)
        if time.perf_counter() - t0 >= seconds:
            break
    secs = time.perf_counter() - t0
    out = {"seconds": round(secs, 2), "items": n, "docs": docs,
           "pages_per_s": round(n / secs, 1)}
    out.update(sampler.report(n))
    return out


def pass_code(warc: Path, n_docs: int, every: int) -> dict:
    from hudhud import sources
    from hudhud.executor import LocalExecutor, run_batch
    from hudhud.pipeline import default_pipeline
    from hudhud.store import Store

    default_pipeline()
    sampler = Sampler(every)
    seen = [0]

    def progress(stats: dict) -> None:
        done = stats["docs"] + stats["duplicates"] + stats["errors"]
        if done > seen[0]:
            seen[0] = done
            sampler.tick(done)

    docs = itertools.islice((i for i in sources.iter_sources([warc])
                             if isinstance(i, sources.SourceDoc)), n_docs)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "rss.duckdb") as store:
        t0 = time.perf_counter()
        stats = run_batch(store, docs, [str(warc)], executor=LocalExecutor(1),
                          on_progress=progress)
        secs = time.perf_counter() - t0
    out = {"seconds": round(secs, 2), "docs_coded": stats["docs"],
           "duplicates": stats["duplicates"], "errors": stats["errors"],
           "events": stats["events"], "docs_per_s": round(n_docs / secs, 1)}
    out.update(sampler.report(seen[0]))
    return out


def pass_dedup(n_docs: int, every: int, window: int | None) -> dict:
    import random

    from hudhud.dedup import Deduplicator
    from html_batch import CORPUS, load_articles

    if CORPUS.is_file():
        paras = [p.strip() for a in load_articles(CORPUS)
                 for p in (a.get("content") or "").splitlines() if len(p.strip()) > 40]
    else:
        from hudhud import sources

        paras = [p for d in sources.iter_examples() if isinstance(d, sources.SourceDoc)
                 for p in d.text.split("\n") if len(p) > 40]
    rng = random.Random(1)
    from hudhud.dedup import DEFAULT_WINDOW

    window = DEFAULT_WINDOW if window is None else window
    dedup = Deduplicator(window=window)
    sampler = Sampler(every)
    dups = 0
    t0 = time.perf_counter()
    for i in range(n_docs):
        text = "\n".join(rng.sample(paras, 4))
        dups += dedup.check(f"d{i}", text) is not None
        sampler.tick(i + 1)
    secs = time.perf_counter() - t0
    out = {"docs": n_docs, "window": window, "remembered": dedup.size,
           "duplicates": dups, "seconds": round(secs, 2), "docs_per_s": round(n_docs / secs)}
    samples = list(sampler.samples)
    out.update(sampler.report(n_docs))
    a = out["rss_mb_10pct"]
    fill = min(n_docs, window or n_docs)
    at_fill = min(samples, key=lambda s: abs(s[0] - fill))
    out["rss_mb_window_full"] = round(at_fill[1], 1)
    out["kib_per_doc"] = round((at_fill[1] - a) * 1024 / max(1, at_fill[0] - 0.1 * n_docs), 2)
    if fill < n_docs:
        out["flat_after_window"] = bool(out["rss_mb_100pct"] - at_fill[1]
                                        <= max(10.0, 0.05 * at_fill[1]))
    return out


def _tree_rss_mb(pid: int) -> tuple[float | None, list[float]]:
    """RSS (MiB) of process `pid` and of each of its children (the worker processes)."""
    def rss(p: int) -> float | None:
        try:
            with open(f"/proc/{p}/statm") as fh:
                return int(fh.read().split()[1]) * PAGE / 2**20
        except (OSError, ValueError, IndexError):
            return None

    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == pid and (r := rss(int(entry))) is not None:
                kids.append(round(r, 1))
    return rss(pid), kids


def _hwm_mb(pid: int) -> float:
    """The process's peak RSS so far (VmHWM, MiB); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pass_run(warc: Path, seconds: float, workers: int, every_s: float,
             extra: list[str]) -> dict:
    """The real `hudhud run WARC --workers N` in its own process, its RSS (and its workers')
    sampled every `every_s` s for `seconds` s (then the run is killed, as a user would: the
    store stays consistent), documents stored counted afterwards."""
    import signal

    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "run.duckdb"
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        cmd = [sys.executable, "-m", "hudhud.cli", "run", str(warc), "--db", str(db),
               "--workers", str(workers), "--no-progress", *extra]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        samples: list[tuple[float, float, list[float]]] = []
        finished = False
        hwm = 0.0  # the parent's own high-water mark (VmHWM), read every second
        while True:
            next_sample = time.perf_counter() + every_s
            while time.perf_counter() < next_sample and proc.poll() is None:
                hwm = max(hwm, _hwm_mb(proc.pid))
                time.sleep(1.0)
            elapsed = time.perf_counter() - t0
            if proc.poll() is not None:
                finished = True
                break
            parent, kids = _tree_rss_mb(proc.pid)
            if parent is not None:
                samples.append((round(elapsed, 1), round(parent, 1), kids))
            if elapsed >= seconds:
                break
        if not finished:
            os.killpg(proc.pid, signal.SIGKILL)
        err = proc.communicate()[1].decode("utf-8", "replace")
        secs = time.perf_counter() - t0
        con = duckdb.connect(str(db))
        docs, dups, coded = con.execute(
            "SELECT count(*), count(*) FILTER (status = 'duplicate'), "
            "count(*) FILTER (status = 'coded') FROM documents").fetchone()
        errors = con.execute("SELECT count(*) FROM errors").fetchone()[0]
        con.close()
    out = {"workers": workers, "args": extra, "seconds": round(secs, 1), "finished": finished,
           "returncode": proc.returncode if finished else "killed after --run-seconds",
           "documents_stored": docs, "coded": coded, "duplicates": dups, "errors": errors,
           "docs_per_s": round(docs / secs, 1), "stderr_tail": err[-300:] if finished else None}
    if samples:
        n = len(samples)
        pick = sorted({min(n - 1, max(0, round(f * n) - 1)) for f in (0.1, 0.25, 0.5, 0.75, 1.0)})
        s10, s100 = samples[pick[0]][1], samples[-1][1]
        # the second half: after the warm-up (the syndication window fills over its first
        # --dup-window distinct documents); documents assumed stored at a steady rate
        s50 = samples[pick[2]][1] if len(pick) > 2 else s10
        half_docs = docs * (samples[-1][0] - samples[pick[2]][0]) / max(secs, 1e-9)
        out.update({
            "growth_second_half_mb": round(s100 - s50, 1),
            "kib_per_doc_second_half": round((s100 - s50) * 1024 / half_docs, 3)
            if half_docs > 0 else None,
            "flat_second_half": bool(s100 - s50 <= max(10.0, 0.05 * s50)),
            "parent_rss_mb": {f"{samples[i][0]}s": samples[i][1] for i in pick},
            "parent_rss_mb_max": max(s[1] for s in samples),
            "parent_peak_rss_mb": round(hwm, 1),  # VmHWM, up to a second before it ended
            "workers_rss_mb_max": max((max(s[2]) for s in samples if s[2]), default=None),
            "workers_rss_mb_last": samples[-1][2],
            "n_samples": n,
            "flat": bool(s100 - s10 <= max(25.0, 0.1 * s10))})
    return out


def _child(args: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        return {"failed": True, "returncode": res.returncode, "stderr": res.stderr[-2000:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", type=float, default=1.0, help="compressed WARC size to write")
    ap.add_argument("--readers", nargs="+", default=["fastwarc", "warcio"],
                    choices=["fastwarc", "warcio"])
    ap.add_argument("--extract-seconds", type=float, default=60.0)
    ap.add_argument("--code-docs", type=int, default=1285)
    ap.add_argument("--dedup-docs", type=int, default=40000)
    ap.add_argument("--dedup-window", type=int, default=None,
                    help="syndication window of the dedup pass (default dedup.DEFAULT_WINDOW)")
    ap.add_argument("--sample-every", type=int, default=2000,
                    help="HTML pages between RSS samples (read pass)")
    ap.add_argument("--warc", type=Path, default=None, help="reuse this WARC.gz (not written)")
    ap.add_argument("--distinct", action="store_true",
                    help="write distinct pages (mixed paragraphs: every page a new document)")
    ap.add_argument("--run-seconds", type=float, default=0.0,
                    help="`run` pass: the real `hudhud run WARC` for this long (0: no pass)")
    ap.add_argument("--run-workers", type=int, nargs="+", default=[2])
    ap.add_argument("--run-args", default="", help="more `hudhud run` options, one string")
    ap.add_argument("--only-run", action="store_true", help="the `run` pass alone")
    ap.add_argument("--keep", action="store_true", help="keep the written WARC (path printed)")
    ap.add_argument("--pass", dest="which", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.which:  # child process: one pass, one JSON line
        kind, _, arg = args.which.partition(":")
        if kind == "read":
            out = pass_read(args.warc, arg, args.sample_every, None)
        elif kind == "dedup":
            out = pass_dedup(args.dedup_docs, max(1, args.dedup_docs // 40), args.dedup_window)
        elif kind == "extract":
            out = pass_extract(args.warc, args.extract_seconds, max(1, args.sample_every // 20))
        else:
            out = pass_code(args.warc, args.code_docs, max(1, args.code_docs // 30))
        print(json.dumps(out))
        return

    result: dict = {"benchmark": "rss", "python": platform.python_version(),
                    "cpus": os.cpu_count(), "loadavg_1m_start": round(os.getloadavg()[0], 2)}
    target = args.gb * 1e9
    tmp = None
    if args.warc is None:
        tmp = Path(tempfile.mkdtemp(prefix="hudhud-rss-"))
        free = shutil.disk_usage(tmp).free
        if free < target * 1.5 + 2e9:
            result.update(skipped=True, reason=f"only {free / 1e9:.1f} GB free in {tmp}")
            shutil.rmtree(tmp, ignore_errors=True)
            print(json.dumps(result))
            return
        warc = tmp / "big.warc.gz"
        pages, name = source_pages()
        t0 = time.perf_counter()
        maker = distinct_pages() if args.distinct else None
        if maker:
            name = "distinct pages (4 paragraphs of different corpus articles each)"
        result["written"] = {"pages_from": name, **write_warc(warc, pages, target, maker),
                             "seconds": round(time.perf_counter() - t0, 1)}
        del pages
    else:
        warc = args.warc
        result["written"] = {"reused": str(warc), "file_mb": round(warc.stat().st_size / 1e6, 1)}
    try:
        if args.run_seconds > 0:
            result["run"] = [pass_run(warc, args.run_seconds, w, max(1.0, args.run_seconds / 60),
                                      args.run_args.split()) for w in args.run_workers]
        if args.only_run:
            return
        common = ["--warc", str(warc), "--sample-every", str(args.sample_every)]
        result["read"] = {r: _child([*common, "--pass", f"read:{r}"]) for r in args.readers}
        if args.extract_seconds > 0:
            result["extract"] = _child([*common, "--pass", "extract",
                                        "--extract-seconds", str(args.extract_seconds)])
        if args.code_docs > 0:
            result["code"] = _child([*common, "--pass", "code", "--code-docs",
                                     str(args.code_docs)])
        if args.dedup_docs > 0:
            more = [] if args.dedup_window is None else ["--dedup-window", str(args.dedup_window)]
            d = result["dedup"] = _child(["--pass", "dedup", "--dedup-docs", str(args.dedup_docs),
                                          *more])
            pages = result["written"].get("html_records")
            if pages and "kib_per_doc" in d:
                d["per_warc_pages_mb"] = round(d["kib_per_doc"] * pages / 1024, 1)
    finally:
        if tmp is not None:
            if args.keep:
                result["kept"] = str(warc)
            else:
                shutil.rmtree(tmp, ignore_errors=True)
        result["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
