"""Batch execution: a stream of `SourceDoc`s in, plain rows out; the parent writes the store.

    >>> for result in LocalExecutor(workers=4).map(docs):
    ...     if isinstance(result, Coded): ...      # result.rows: store.document_rows(...)
    ...     else: ...                              # Failed: doc_id, path, reason

The seam is three step functions that know nothing about processes:

- `init_worker()` builds the pipeline once per worker (the default one, or the factory named by
  the ``HUDHUD_PIPELINE`` environment variable, ``module:function``: tests use it to plug in a
  fake, slow or failing pipeline);
- `prepare_chunk(items, spec) -> list[Prepared]`: the per-document work that needs no shared
  state — HTML/WARC extraction of `sources.RawPage`s, the content hash and the syndication
  fingerprint (`dedup.fingerprint`, MinHash) of each document;
- `code_chunk(list[SourceDoc]) -> list[Coded | Failed]` codes a chunk, catching every exception
  per document.

Between the two stages the parent decides, in input order, what to code: repeats of an id,
syndicated copies (`dedup.Deduplicator.check_fingerprint`), documents already stored. Those
decisions need the whole stream in order, so they stay in the one process that also writes the
store; everything expensive runs in the workers.

`LocalExecutor` runs the stages in-process (``workers <= 1``) or in a pool of worker processes
(``spawn``): `map(docs)` codes, `pipeline(items, decide, spec)` prepares → decides → codes,
a bounded number of chunks in flight, results in input order. A Spark executor would call the
same step functions in ``mapPartitions`` (prepare, collect the decisions on the driver, code).
`run_batch` is the resumable batch run behind ``hudhud run``: it reads the stream, skips what
is already done, drops syndicated copies (`dedup`), codes the rest with an executor and writes
the results in small transactions (one DuckDB writer: this process).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from collections import deque
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from hudhud.sources import Item, RawPage, Skipped, SourceDoc, SourceError

PIPELINE_ENV = "HUDHUD_PIPELINE"


@dataclass(slots=True)
class Coded:
    doc_id: str
    rows: dict[str, Any]            # store.document_rows(doc, path)


@dataclass(slots=True)
class Failed:
    doc_id: str | None
    path: str | None
    reason: str


Result = Coded | Failed


@dataclass(slots=True)
class Prepared:
    """An input item after the prepare stage: extracted (a `SourceDoc`, `Skipped` or
    `SourceError`), with the content hash and syndication fingerprint of a document."""

    item: Item
    content_hash: str | None = None
    fingerprint: Any = None          # dedup.Fingerprint, or None (no dedup / not a document)


# --- step functions (run in workers) ------------------------------------------------------------
_HOOKED = False


def install_pipeline_hook() -> None:
    """Make the factory named by $HUDHUD_PIPELINE (``module:function``) the default pipeline."""
    global _HOOKED
    spec = os.environ.get(PIPELINE_ENV)
    if not spec or _HOOKED:
        return
    import hudhud.pipeline

    module, _, name = spec.partition(":")
    hudhud.pipeline._DEFAULT = getattr(importlib.import_module(module), name or "build")()
    _HOOKED = True


def init_worker() -> None:
    """Build the pipeline once in this process (lexicons loaded before the first document)."""
    from hudhud.pipeline import default_pipeline

    install_pipeline_hook()
    default_pipeline()


def code_one(src: SourceDoc) -> Result:
    from hudhud.store import document_rows

    try:
        return Coded(src.doc_id, document_rows(src.code(), src.path))
    except Exception as exc:  # a failing document is data, never the end of the batch
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
        return Failed(src.doc_id, src.path, reason)


def code_chunk(chunk: list[SourceDoc]) -> list[Result]:
    return [code_one(src) for src in chunk]


def _where(item: Any) -> tuple[str, str | None]:
    """(path, doc_id) of an input item, for an error about it."""
    if isinstance(item, SourceDoc):
        return item.path or item.doc_id, item.doc_id
    return getattr(item, "path", None) or "?", getattr(item, "doc_id", None)


def prepare_one(item: Any, spec: dict | None = None) -> Prepared:
    """Extract a `RawPage`; hash and fingerprint a document (`spec`: `Deduplicator.spec`, None
    without dedup). Never raises: a failure is a `SourceError` item."""
    try:
        if isinstance(item, RawPage):
            item = item.materialize()
        if not isinstance(item, SourceDoc):
            return Prepared(item)
        fp = None
        if spec is not None:
            from hudhud.dedup import fingerprint

            fp = fingerprint(item.text, **spec)
        return Prepared(item, content_hash(item), fp)
    except Exception as exc:
        path, doc_id = _where(item)
        reason = f"prepare: {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return Prepared(SourceError(path, reason, doc_id))


def prepare_chunk(chunk: list, spec: dict | None = None) -> list[Prepared]:
    return [prepare_one(item, spec) for item in chunk]


# --- executors ----------------------------------------------------------------------------------
class LocalExecutor:
    """Code documents in this process (workers <= 1) or in `workers` processes."""

    def __init__(self, workers: int = 1, chunk_size: int = 8, max_pending: int | None = None,
                 start_method: str = "spawn"):
        self.workers = max(1, int(workers))
        self.chunk_size = max(1, int(chunk_size))
        self.max_pending = max_pending or self.workers * 3
        self.start_method = start_method

    def map(self, docs: Iterable[SourceDoc]) -> Iterator[Result]:
        """Results in input order; `docs` is pulled lazily (bounded memory)."""
        if self.workers <= 1:
            install_pipeline_hook()
            for src in docs:
                yield code_one(src)
            return
        yield from self._map_pool(iter(docs))

    def pipeline(self, items: Iterable[Any], decide: Callable[[Prepared], SourceDoc | None],
                 spec: dict | None = None) -> Iterator[Result]:
        """Prepare `items` (`prepare_chunk`), call `decide` on each `Prepared` in input order
        (here, in this process: it returns the document to code or None) and code the chosen
        documents; their results are yielded in decision order. `items` is pulled lazily."""
        if self.workers <= 1:
            install_pipeline_hook()
            for item in items:
                src = decide(prepare_one(item, spec))
                if src is not None:
                    yield code_one(src)
            return
        yield from self._pipeline_pool(iter(items), decide, spec)

    def _restart(self, pool, broken: int, exc: BaseException):
        """A fresh pool after a worker died; give up after three deaths in a row."""
        if broken >= 3:
            raise RuntimeError("worker processes keep dying (see their stderr); "
                               "try --workers 1") from exc
        pool.shutdown(wait=False, cancel_futures=True)
        return self._pool()

    def _pool(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context(self.start_method),
                                   initializer=init_worker)

    def _map_pool(self, it: Iterator[SourceDoc]) -> Iterator[Result]:
        from concurrent.futures.process import BrokenProcessPool

        pool = self._pool()
        # (chunk, future, is_retry): after a worker died, the unfinished documents are retried
        # one at a time, alone on the pool (`waiting`), so a document that breaks it again is
        # the one that kills workers, and only it is recorded as failed.
        pending: deque = deque()
        waiting: deque = deque()
        exhausted = False
        broken = 0  # pools broken in a row without a single result: start-up failure, give up
        try:
            while True:
                if waiting and not pending:
                    src = waiting.popleft()
                    pending.append(([src], pool.submit(code_chunk, [src]), True))
                while not exhausted and not waiting and len(pending) < self.max_pending:
                    chunk = list(islice(it, self.chunk_size))
                    if not chunk:
                        exhausted = True
                        break
                    pending.append((chunk, pool.submit(code_chunk, chunk), False))
                if not pending:
                    break
                chunk, future, retry = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    broken += 1
                    pool = self._restart(pool, broken, exc)
                    if retry:  # alone on the pool: this document killed a worker
                        yield Failed(chunk[0].doc_id, chunk[0].path, "worker process died")
                    else:
                        waiting.extend(chunk)
                    for c, _, _ in pending:
                        waiting.extend(c)
                    pending.clear()
                    continue
                except Exception as exc:  # e.g. a document that cannot be pickled
                    results = [Failed(s.doc_id, s.path, f"executor: {type(exc).__name__}: {exc}")
                               for s in chunk]
                broken = 0
                yield from results
        finally:
            for _, future, _ in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


    def _pipeline_pool(self, it: Iterator[Any], decide: Callable, spec: dict | None
                       ) -> Iterator[Result]:
        """Both stages on one pool: prepare chunks and code chunks share the `max_pending`
        slots (code chunks first, so that decided documents do not pile up); each stage's
        results are consumed in submission order. After a worker died, the unfinished items run
        again one at a time, alone on the pool; an item that kills a worker on its own is
        recorded as failed."""
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pool = self._pool()
        cs = self.chunk_size
        prep: deque = deque()   # [chunk, future, is_retry]
        code: deque = deque()
        ready: list[SourceDoc] = []
        exhausted = False
        broken = 0

        def submit_prep(chunk, retry=False):
            prep.append([chunk, pool.submit(prepare_chunk, chunk, spec), retry])

        def submit_code(chunk, retry=False):
            code.append([chunk, pool.submit(code_chunk, chunk), retry])

        def retrying() -> bool:
            return any(r for q in (prep, code) for _, _, r in q)

        def submit_next_retry() -> None:
            """After a worker died, the unfinished items run one at a time, in order, alone on
            the pool: if the pool breaks again, the item running is the one that broke it."""
            if any(r and f is not None and not f.done() for q in (prep, code) for _, f, r in q):
                return
            for q, fn in ((prep, prepare_chunk), (code, code_chunk)):
                for entry in q:
                    if entry[1] is None:
                        entry[1] = pool.submit(fn, entry[0], spec) if fn is prepare_chunk \
                            else pool.submit(fn, entry[0])
                        return

        try:
            while True:
                while len(prep) + len(code) < self.max_pending and not retrying():
                    if len(ready) >= cs or (ready and exhausted and not prep):
                        submit_code(ready[:cs])
                        del ready[:cs]
                    elif not exhausted:
                        chunk = list(islice(it, cs))
                        if chunk:
                            submit_prep(chunk)
                        else:
                            exhausted = True
                    else:
                        break
                submit_next_retry()
                if not prep and not code:
                    if ready:
                        continue
                    break
                heads = [q[0][1] for q in (prep, code) if q and q[0][1] is not None]
                if not heads:  # the heads wait for the retry in flight further down a queue
                    heads = [f for q in (prep, code) for _, f, _ in q if f is not None]
                if not any(f.done() for f in heads):
                    wait(heads, return_when=FIRST_COMPLETED)
                queue = prep if prep and prep[0][1] is not None and prep[0][1].done() else code
                if not (queue and queue[0][1] is not None and queue[0][1].done()):
                    continue
                chunk, future, retry = queue.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    broken += 1
                    pool = self._restart(pool, broken, exc)
                    if retry:  # this item killed a worker on its own
                        if queue is prep:
                            path, doc_id = _where(chunk[0])
                            results = [Prepared(SourceError(path, "worker process died",
                                                            doc_id))]
                        else:
                            results = [Failed(chunk[0].doc_id, chunk[0].path,
                                              "worker process died")]
                    else:
                        queue.appendleft([chunk, None, True])
                        results = None
                    # every unfinished chunk again, one item at a time, in the same order
                    # (submitted one by one by submit_next_retry)
                    for q in (prep, code):
                        old = list(q)
                        q.clear()
                        for c, f, r in old:
                            if f is not None and f.done() and not f.cancelled() \
                                    and f.exception() is None:
                                q.append([c, f, r])
                            else:
                                q.extend([[x], None, True] for x in c)
                    if results is None:
                        continue
                except Exception as exc:  # e.g. an item that cannot be pickled
                    reason = f"executor: {type(exc).__name__}: {exc}"
                    if queue is prep:
                        results = [Prepared(SourceError(path, reason, doc_id))
                                   for path, doc_id in map(_where, chunk)]
                    else:
                        results = [Failed(s.doc_id, s.path, reason) for s in chunk]
                else:
                    broken = 0
                if queue is prep:
                    for p in results:
                        src = decide(p)
                        if src is not None:
                            ready.append(src)
                else:
                    yield from results
        finally:
            for q in (prep, code):
                for _, future, _ in q:
                    if future is not None:
                        future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


# --- resumable batch run ------------------------------------------------------------------------
def content_hash(src: SourceDoc) -> str:
    """What coding depends on: text, date, URL and title (16 hex digits of SHA-1)."""
    key = json.dumps([src.text, src.date.isoformat() if src.date else None, src.url, src.title],
                     ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_SEEN_WINDOW = 20_000   # ids remembered to code a repeated id once, without dedup


def run_batch(store, items: Iterable[Item], inputs: list[str], executor=None, workers: int = 1,
              batch_size: int = 32, flush_seconds: float = 2.0, dedup: Any = True,
              skip_existing: bool = False, force: bool = False, retry_errors: bool = False,
              merge: bool = True, merge_window: int = 1,
              on_progress: Callable[[dict], None] | None = None,
              keep_doc_ids: bool = True) -> dict[str, Any]:
    """Code `items` into `store` as one run; returns its stats.

    - resumable: a document already stored with the same content hash, hudhud version and
      duplicate decision is skipped (`force` re-codes all; `skip_existing` skips any stored
      id); documents that failed are skipped too unless `retry_errors`;
    - every result is committed in transactions of at most `batch_size` documents (or
      `flush_seconds`), so a killed run loses at most the uncommitted ones;
    - `items` may hold `sources.RawPage`s (``iter_sources(..., raw=True)``): they are extracted
      by the executor's workers (`prepare_chunk`, with the content hash and the syndication
      fingerprint), and every decision below is taken here, in input order, so it is the
      same whatever the number of workers and wherever a previous run was interrupted;
    - `dedup` (True, False or a `dedup.Deduplicator`): a near-duplicate of an earlier document
      (within the deduplicator's window) is stored as `status='duplicate'` with
      `duplicate_of`, and not coded;
    - a failing document gets a `documents` row with `status='error'` and an `errors` row;
    - finally `documents.n_copies` is recounted and, with `merge`, `crossmerge.rebuild` runs;
    - memory does not grow with the input: the ids seen (to code a repeated id once) and the
      syndication index are windows over the stream (`dedup.Deduplicator.window` ids / distinct
      documents); `stats["doc_ids"]` (the ids to code, in order) only with `keep_doc_ids`.
    """
    from hudhud import __version__
    from hudhud.store import _now, site_of, state_digest

    if dedup is True:
        from hudhud.dedup import Deduplicator

        dedup = Deduplicator()
    executor = executor or LocalExecutor(workers)
    run_id = store.start_run(inputs)
    state = {} if force else store.done_state()  # doc_id → store.state_digest
    stats: dict[str, Any] = {"run_id": run_id, "docs": 0, "events": 0, "errors": 0,
                             "skipped": 0, "duplicates": 0, "repeats": 0, "not_arabic": 0,
                             "workers": getattr(executor, "workers", None)}
    doc_ids: list[str] = []
    hashes: dict[str, str] = {}
    buf_items: list[dict] = []
    buf_errors: list[dict] = []
    last_flush = time.monotonic()
    seen: set[str] = set()
    seen_order: deque = deque()
    # ids remembered to code a repeated id once: as many as the syndication window (no limit
    # when the deduplicator has none), else _SEEN_WINDOW
    seen_cap = getattr(dedup, "window", None) if dedup else _SEEN_WINDOW

    def base_row(src: SourceDoc, h: str, status: str, dup: str | None = None) -> dict:
        return {"doc_id": src.doc_id, "path": src.path, "url": src.url, "title": src.title,
                "pub_date": src.date, "n_chars": len(src.text), "n_sentences": None,
                "n_events": 0, "coded_at": _now(), "hudhud_version": __version__,
                "site": site_of(src.url) or src.meta.get("site"), "content_hash": h,
                "status": status, "duplicate_of": dup, "n_copies": 0, "run_id": run_id}

    def flush(force_now: bool = False) -> None:
        nonlocal last_flush
        if not buf_items and not buf_errors:
            return
        if not force_now and len(buf_items) + len(buf_errors) < batch_size \
                and time.monotonic() - last_flush < flush_seconds:
            return
        try:
            stats["events"] += store.write(buf_items, buf_errors)
        except Exception:  # one bad row must not sink the batch: retry one by one
            store.write([], buf_errors)
            for item in buf_items:
                try:
                    stats["events"] += store.write([item])
                except Exception as exc:
                    row = item["doc"]
                    stats["errors"] += 1
                    stats["docs"] -= row.get("status") == "coded"
                    store.write([{"doc": {**row, "status": "error", "n_events": 0},
                                  "events": []}],
                                [{"run_id": run_id, "path": row.get("path"),
                                  "doc_id": row["doc_id"],
                                  "reason": f"store: {type(exc).__name__}: {exc}"}])
        buf_items.clear()
        buf_errors.clear()
        last_flush = time.monotonic()

    def decide(prep: Prepared) -> SourceDoc | None:
        """What to do with one prepared item, in input order: the document to code, or None."""
        item = prep.item
        if isinstance(item, Skipped):  # not Arabic, or an archive's skip summary: counted, not an error
            stats["not_arabic"] += item.reason.startswith("not Arabic")
            return None
        if isinstance(item, SourceError):
            stats["errors"] += 1
            buf_errors.append({"run_id": run_id, "path": item.path, "doc_id": item.doc_id,
                               "reason": item.reason})
            flush()
            if on_progress:
                on_progress(stats)
            return None
        if item.doc_id in seen:  # the same id twice in one stream: coded once
            stats["repeats"] += 1
            return None
        seen.add(item.doc_id)
        seen_order.append(item.doc_id)
        if seen_cap and len(seen_order) > seen_cap:
            seen.discard(seen_order.popleft())
        h = prep.content_hash or content_hash(item)
        canon = None
        if dedup:
            fp = prep.fingerprint if prep.fingerprint is not None else dedup.fingerprint(item.text)
            canon = dedup.check_fingerprint(item.doc_id, fp)
        old = state.get(item.doc_id)
        if canon is not None:
            stats["duplicates"] += 1
            if old != state_digest(h, "duplicate", canon, None):
                buf_items.append({"doc": base_row(item, h, "duplicate", canon), "events": []})
                flush()
            if on_progress:
                on_progress(stats)
            return None
        if keep_doc_ids:
            doc_ids.append(item.doc_id)
        if old is not None and (skip_existing or old == state_digest(h, "coded", None, __version__)
                                or (not retry_errors
                                    and old == state_digest(h, "error", None, __version__))):
            stats["skipped"] += 1
            if on_progress:
                on_progress(stats)
            return None
        hashes[item.doc_id] = h
        return item

    spec = dedup.spec if dedup else None
    if hasattr(executor, "pipeline"):
        results = executor.pipeline(items, decide, spec)
    else:  # an executor that only codes: prepare here
        results = executor.map(src for src in (decide(prepare_one(i, spec)) for i in items)
                               if src is not None)

    # writing needs little memory: a small cap keeps DuckDB from caching the growing file
    write_cap = os.environ.get("HUDHUD_DUCKDB_WRITE_MEMORY", "64MB")
    try:
        with store.memory_limit(write_cap):
            for res in results:
                if isinstance(res, Coded):
                    row = res.rows["doc"]
                    row.update(content_hash=hashes.pop(res.doc_id, None), run_id=run_id)
                    buf_items.append(res.rows)
                    stats["docs"] += 1
                else:
                    stats["errors"] += 1
                    h = hashes.pop(res.doc_id, None)
                    row = base_row(SourceDoc(res.doc_id or "", ""), h, "error")
                    buf_items.append({"doc": {**row, "path": res.path, "n_chars": None},
                                      "events": []})
                    buf_errors.append({"run_id": run_id, "path": res.path, "doc_id": res.doc_id,
                                       "reason": res.reason})
                flush()
                if on_progress:
                    on_progress(stats)
            flush(True)
        store.update_copies()
        if merge:
            from hudhud.crossmerge import rebuild

            stats["merged"] = rebuild(store, window_days=merge_window)
    finally:
        try:
            flush(True)
        finally:
            store.finish_run(run_id, stats["docs"], stats["events"], stats["errors"],
                             n_skipped=stats["skipped"], n_duplicates=stats["duplicates"],
                             workers=stats["workers"])
    stats["doc_ids"] = doc_ids
    if on_progress:
        on_progress(stats)
    return stats
