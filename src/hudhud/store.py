"""Embedded DuckDB store for coded documents, events, mentions, runs and errors.

    >>> with Store("hudhud.duckdb") as store:
    ...     store.add(code_text(text, doc_id="a1"), path="news/a1.txt")
    ...     store.events(actor="iran", since="2017-01-01")

`add` replaces everything stored for the document's id in one transaction, so coding the same
input again never duplicates rows. The schema is documented in docs/store.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from hudhud.doc import Document
from hudhud.records import EVENT_COLUMNS, flatten
from hudhud.sources import text_id

_EVENT_TYPES = {
    "date": "DATE", "negated": "BOOLEAN", "confidence": "DOUBLE", "start": "INTEGER",
    "end": "INTEGER", "sentence_start": "INTEGER", "sentence_end": "INTEGER",
    "n_reports": "INTEGER", "place_lat": "DOUBLE", "place_lon": "DOUBLE", "place_start": "INTEGER",
    "place_end": "INTEGER",
}

DOCUMENT_COLUMNS = ["doc_id", "path", "url", "title", "pub_date", "n_chars", "n_sentences",
                    "n_events", "coded_at", "hudhud_version", "site", "content_hash", "status",
                    "duplicate_of", "n_copies", "run_id"]
REPORT_COLUMNS = ["event_id", "doc_id", "report", "start", "end", "sentence_start",
                  "sentence_end", "rule", "zone"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "actor_id", "canonical", "country", "agent",
                   "kind", "rule"]
ACTOR_FIELDS = ("canonical", "name", "country", "id")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(names: list[str]) -> str:
    return ", ".join(_q(n) for n in names)


_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR, path VARCHAR, url VARCHAR, title VARCHAR, pub_date DATE,
        n_chars INTEGER, n_sentences INTEGER, n_events INTEGER, coded_at TIMESTAMP,
        hudhud_version VARCHAR)""",
    # columns added for batch runs (resume, syndication); ALTER keeps older files readable
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS site VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS content_hash VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS status VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS n_copies INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS run_id VARCHAR",
    "CREATE TABLE IF NOT EXISTS events (" + ", ".join(
        f"{_q(c)} {_EVENT_TYPES.get(c, 'VARCHAR')}" for c in EVENT_COLUMNS) + ")",
    # columns added later (places…): ALTER keeps older files readable
    *[f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {_q(c)} {_EVENT_TYPES.get(c, 'VARCHAR')}"
      for c in EVENT_COLUMNS if c != "event_id"],
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, actor_id VARCHAR,
        canonical VARCHAR, country VARCHAR, agent VARCHAR, kind VARCHAR, rule VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS event_reports (
        event_id VARCHAR, doc_id VARCHAR, report INTEGER, "start" INTEGER, "end" INTEGER,
        sentence_start INTEGER, sentence_end INTEGER, rule VARCHAR, zone VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, inputs VARCHAR,
        n_docs INTEGER, n_events INTEGER, n_errors INTEGER)""",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS n_skipped INTEGER",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS n_duplicates INTEGER",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS workers INTEGER",
    """CREATE TABLE IF NOT EXISTS merged_events (
        merged_id VARCHAR, plover_type VARCHAR, plover_mode VARCHAR,
        cameo_code VARCHAR, negated BOOLEAN, date DATE, source_key VARCHAR,
        source_canonical VARCHAR, source_country VARCHAR, source_agent VARCHAR,
        target_key VARCHAR, target_canonical VARCHAR, target_country VARCHAR,
        target_agent VARCHAR, place VARCHAR, n_reports INTEGER, n_mentions INTEGER,
        n_articles INTEGER, n_sources INTEGER, first_seen DATE, last_seen DATE,
        sources VARCHAR, event_id VARCHAR)""",
    # the merged event's place (crossmerge): ALTER keeps older files readable
    *[f"ALTER TABLE merged_events ADD COLUMN IF NOT EXISTS {c} VARCHAR"
      for c in ("place_id", "place_name", "place_country")],
    """CREATE TABLE IF NOT EXISTS merged_event_reports (
        merged_id VARCHAR, event_id VARCHAR, doc_id VARCHAR)""",
    """CREATE OR REPLACE VIEW actors AS
        SELECT coalesce(actor_id, coalesce(country, '-') || ':' || coalesce(agent, '-')) AS actor_key,
               actor_id, any_value(canonical) AS canonical, country, agent, any_value(kind) AS kind,
               count(*) AS n_mentions, count(DISTINCT doc_id) AS n_documents
        FROM mentions WHERE actor_id IS NOT NULL OR country IS NOT NULL
        GROUP BY actor_id, country, agent""",
    """CREATE TABLE IF NOT EXISTS errors (
        run_id VARCHAR, path VARCHAR, doc_id VARCHAR, reason VARCHAR, "at" TIMESTAMP)""",
    # no keys or indexes on the growing tables: DuckDB keeps them (ART indexes) in memory, so a
    # long run's memory would grow with the rows stored (~1.5 KiB/document); `Store.write` keeps
    # ids unique. Files written by older versions lose these indexes (their keys stay).
    "DROP INDEX IF EXISTS events_doc",
    "DROP INDEX IF EXISTS mentions_doc",
    "DROP INDEX IF EXISTS reports_doc",
]

TABLES = ("documents", "events", "mentions", "event_reports", "runs", "errors", "merged_events",
          "merged_event_reports")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def site_of(url: str | None) -> str | None:
    """The site (host without "www.") of a URL, lower-cased; None without one."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def document_rows(doc: Document, path: str | None = None) -> dict[str, Any]:
    """A coded `Document` as plain rows (picklable): {"doc": row, "events", "mentions", "reports"}.

    This is what worker processes send back; `Store.write` stores it. Reports sharing one
    event identity within a document are one event (the first is kept).
    """
    from hudhud import __version__

    if not doc.id:
        doc.id = text_id(doc.text)
    events: dict[str, dict] = {}
    reports: list[dict] = []
    for rec in doc.event_records():
        if rec["event_id"] in events:
            continue
        events[rec["event_id"]] = flatten(rec)
        for i, r in enumerate(rec.get("reports") or []):
            reports.append({"event_id": rec["event_id"], "doc_id": doc.id, "report": i, **r})
    row = {"doc_id": doc.id, "path": path, "url": doc.url, "title": doc.meta.get("title"),
           "pub_date": doc.date, "n_chars": len(doc.text), "n_sentences": len(doc.sentences),
           "n_events": len(events), "coded_at": _now(), "hudhud_version": __version__,
           "site": site_of(doc.url) or doc.meta.get("site"), "content_hash": None,
           "status": "coded", "duplicate_of": None, "n_copies": 0, "run_id": None}
    mentions = [{"doc_id": doc.id, "start": m.start, "end": m.end, "text": m.text,
                 "actor_id": m.actor.id, "canonical": m.actor.canonical,
                 "country": m.actor.country, "agent": m.actor.agent, "kind": m.actor.kind,
                 "rule": m.rule} for m in doc.mentions]
    return {"doc": row, "events": list(events.values()), "mentions": mentions, "reports": reports}


def _h64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def state_digest(content_hash: str | None, status: str | None, duplicate_of: str | None,
                 version: str | None) -> int:
    """64 bits for what is stored about a document: its content hash, status, original (for a
    syndicated copy) and, unless it is a copy, the Hudhud version that coded it."""
    version = "" if status == "duplicate" else version
    return _h64("\x1f".join(x or "" for x in (content_hash, status, duplicate_of, version)))


class DoneState:
    """doc_id → `state_digest` of the stored documents, for resuming a run.

    Two sorted arrays of 64-bit hashes (16 bytes per document; a dict of tuples took ~20 times
    that). Two ids sharing a 64-bit hash would make one of them look done: with a million
    documents the chance is about 3 in 100 million.
    """

    def __init__(self, ids: np.ndarray, states: np.ndarray):
        order = np.argsort(ids, kind="stable")
        self.ids, self.states = ids[order], states[order]

    def __len__(self) -> int:
        return len(self.ids)

    def get(self, doc_id: str) -> int | None:
        if not len(self.ids):
            return None
        key = np.uint64(_h64(doc_id))
        i = int(np.searchsorted(self.ids, key))
        return int(self.states[i]) if i < len(self.ids) and self.ids[i] == key else None


class Store:
    """A DuckDB file (or ":memory:") holding coded documents."""

    def __init__(self, path: str | Path = "hudhud.duckdb", read_only: bool = False):
        import duckdb

        self.path = str(path)
        # DuckDB's buffer cache may otherwise grow to most of the machine's memory on long runs;
        # cap it (HUDHUD_DUCKDB_MEMORY, e.g. "4GB") so a batch's memory stays flat
        self._memory = os.environ.get("HUDHUD_DUCKDB_MEMORY", "512MB")
        config = {"memory_limit": self._memory}
        self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        if not read_only:
            for stmt in _SCHEMA:
                self.con.execute(stmt)

    # --- context manager ----------------------------------------------------------------------
    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def memory_limit(self, limit: str | None):
        """Within the block, cap DuckDB's memory at `limit` (e.g. "64MB"; None: unchanged).

        A batch run writes with a small cap: DuckDB's buffer cache would otherwise keep the
        blocks it writes, up to the store's limit, and the process would grow with the file.
        """
        if not limit:
            yield
            return
        self.con.execute(f"SET memory_limit = '{limit}'")
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{self._memory}'")

    # --- writing ------------------------------------------------------------------------------
    def add(self, doc: Document, path: str | None = None) -> int:
        """Store one coded document, replacing what was stored under its id. Returns n events."""
        return self.add_many([(doc, path)])

    def add_many(self, items: Iterable[tuple[Document, str | None]]) -> int:
        """Store several documents in one transaction (faster for batches). Returns n events.

        A document without an id gets the SHA-1 id of its text (the same as `sources`).
        """
        return self.write([document_rows(doc, path) for doc, path in items])

    def write(self, items: list[dict[str, Any]], errors: Iterable[dict[str, Any]] = ()) -> int:
        """Store `document_rows`-style items and error rows in ONE transaction. Returns n events.

        Every row of each item's doc_id (documents, events, mentions, event_reports) is replaced;
        a later copy of an id in `items` wins. An item may have no events (a duplicate, a failed
        document): its documents row still records that it is done. `errors` rows have the
        columns of the errors table (run_id, path, doc_id, reason; `at` is filled in).
        """
        batch: dict[str, dict[str, Any]] = {}
        for item in items:
            batch[item["doc"]["doc_id"]] = item
        errors = [dict(e) for e in errors]
        if not batch and not errors:
            return 0
        docs_df = pd.DataFrame([b["doc"] for b in batch.values()], columns=DOCUMENT_COLUMNS)
        events_df = pd.DataFrame([r for b in batch.values() for r in b["events"]],
                                 columns=EVENT_COLUMNS)
        mentions_df = pd.DataFrame([r for b in batch.values() for r in b.get("mentions", ())],
                                   columns=MENTION_COLUMNS)
        reports_df = pd.DataFrame([r for b in batch.values() for r in b.get("reports", ())],
                                  columns=REPORT_COLUMNS)
        for e in errors:
            e.setdefault("at", _now())
        errors_df = pd.DataFrame(errors, columns=["run_id", "path", "doc_id", "reason", "at"])
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if batch:
                # only ids already stored are deleted: a new document (most of a crawl) costs
                # one scan of documents.doc_id, not one of every table
                ids = con.from_df(pd.DataFrame({"doc_id": list(batch)}))
                stored = ids.query("_ids", "SELECT DISTINCT doc_id FROM documents "
                                           "WHERE doc_id IN (SELECT doc_id FROM _ids)").fetchall()
                if stored:
                    ids = con.from_df(pd.DataFrame({"doc_id": [r[0] for r in stored]}))
                    for table in ("events", "mentions", "event_reports", "documents"):
                        ids.query("_ids", f"DELETE FROM {table} "
                                          "WHERE doc_id IN (SELECT doc_id FROM _ids)")
            self._insert("documents", docs_df)
            self._insert("events", events_df)
            self._insert("mentions", mentions_df)
            self._insert("event_reports", reports_df)
            self._insert("errors", errors_df)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(events_df)

    def _insert(self, table: str, df: pd.DataFrame) -> None:
        if df.empty:
            return
        # all-null object columns carry no type; strings are cast by DuckDB on insert. The
        # frame is scanned as a relation: `con.register`/`unregister` per batch kept ~115 MB
        # per million rows in DuckDB 2.0 (benchmarks/merge.py showed it growing with the store)
        self.con.from_df(df).query(
            "_rows", f"INSERT INTO {table} ({_columns(list(df.columns))}) "
                     f"SELECT {_columns(list(df.columns))} FROM _rows")

    def start_run(self, inputs: list[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute("INSERT INTO runs (run_id, started, inputs) VALUES (?, ?, ?)",
                         [run_id, _now(), json.dumps(list(inputs), ensure_ascii=False)])
        return run_id

    def finish_run(self, run_id: str, n_docs: int, n_events: int, n_errors: int,
                   n_skipped: int | None = None, n_duplicates: int | None = None,
                   workers: int | None = None) -> None:
        self.con.execute("UPDATE runs SET finished = ?, n_docs = ?, n_events = ?, n_errors = ?, "
                         "n_skipped = ?, n_duplicates = ?, workers = ? WHERE run_id = ?",
                         [_now(), n_docs, n_events, n_errors, n_skipped, n_duplicates, workers,
                          run_id])

    def update_copies(self) -> None:
        """Recount `documents.n_copies`: how many stored documents are duplicates of each one."""
        self.con.execute("""UPDATE documents SET n_copies = c.n
            FROM (SELECT d.doc_id, count(x.doc_id) AS n FROM documents d
                  LEFT JOIN documents x ON x.duplicate_of = d.doc_id GROUP BY d.doc_id) c
            WHERE documents.doc_id = c.doc_id AND documents.n_copies IS DISTINCT FROM c.n""")

    def done_state(self) -> "DoneState":
        """What is stored for each document, for a resumed run to skip what is done: 16 bytes
        per stored document (`DoneState`), read in chunks."""
        cur = self.con.cursor()
        try:
            cur.execute("SELECT doc_id, content_hash, status, duplicate_of, hudhud_version "
                        "FROM documents")
            ids, states = [], []
            while rows := cur.fetchmany(50_000):
                ids.append(np.fromiter((_h64(r[0]) for r in rows), np.uint64, len(rows)))
                states.append(np.fromiter((state_digest(*r[1:]) for r in rows), np.uint64,
                                          len(rows)))
        finally:
            cur.close()
        return DoneState(np.concatenate(ids or [np.empty(0, np.uint64)]),
                         np.concatenate(states or [np.empty(0, np.uint64)]))

    def add_error(self, path: str | None, reason: str, doc_id: str | None = None,
                  run_id: str | None = None) -> None:
        self.con.execute("INSERT INTO errors (run_id, path, doc_id, reason, \"at\") "
                         "VALUES (?, ?, ?, ?, ?)", [run_id, path, doc_id, reason, _now()])

    # --- reading ------------------------------------------------------------------------------
    def doc_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "mentions", "runs", "errors")}

    def table(self, name: str) -> pd.DataFrame:
        """A whole table (see `TABLES`, or the `actors` view) as a DataFrame."""
        if name not in TABLES and name != "actors":
            raise ValueError(f"no table {name!r}")
        return self.con.execute(f"SELECT * FROM {name}").df()

    def events(self, since: str | dt.date | None = None, until: str | dt.date | None = None,
               actor: str | None = None, type: str | None = None, doc_id: str | None = None,
               limit: int | None = None, country: str | None = None,
               bbox: tuple[float, float, float, float] | None = None,
               enriched: bool = False) -> pd.DataFrame:
        """Events as a DataFrame with `records.EVENT_COLUMNS` (+ `ENRICHED_COLUMNS` with
        `enriched`: the article's date, site, title and copies, and the merged event).

        since/until: inclusive bounds on the event date (the document's date when the event
        has none); actor: case-insensitive substring of the source or target canonical name,
        name as written, country code or id; type: a PLOVER type (case-insensitive) or a
        CAMEO code prefix (digits); country: the event place's ISO-3 code (case-insensitive);
        bbox: (min_lon, min_lat, max_lon, max_lat), the event place inside it. A file written
        before the place columns existed (opened read-only) reads them as NULL.
        """
        sql, params = self._events_query(since, until, actor, type, doc_id, limit, country,
                                         bbox, enriched)
        return self.con.execute(sql, params).df()

    def iter_events(self, chunk_rows: int = 50_000, **filters) -> Iterator[pd.DataFrame]:
        """`events(**filters)` in DataFrames of `chunk_rows` rows rounded up to DuckDB's
        2,048-row vectors, streamed from a cursor of their own: exporting a store never holds
        all its events in memory."""
        sql, params = self._events_query(**filters)
        cur = self.con.cursor()
        try:
            cur.execute(sql, params)
            first = True
            while not (df := cur.fetch_df_chunk(max(1, chunk_rows // 2048))).empty or first:
                yield df  # (an empty first frame still carries the columns)
                first = False
                if df.empty:
                    break
        finally:
            cur.close()

    def _events_query(self, since=None, until=None, actor=None, type=None, doc_id=None,
                      limit=None, country=None, bbox=None,
                      enriched: bool = False) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        day = "coalesce(e.date, d.pub_date)"
        if since is not None:
            where.append(f"{day} >= CAST(? AS DATE)")
            params.append(str(since))
        if until is not None:
            where.append(f"{day} <= CAST(? AS DATE)")
            params.append(str(until))
        if actor:
            cols = [f"e.{_q(f'{role}_{f}')}" for role in ("source", "target") for f in ACTOR_FIELDS]
            where.append("(" + " OR ".join(f"contains(lower({c}), ?)" for c in cols) + ")")
            params.extend([actor.lower()] * len(cols))
        if type:
            if type.isdigit():
                where.append("starts_with(e.cameo_code, ?)")
                params.append(type)
            else:
                where.append("upper(e.plover_type) = ?")
                params.append(type.upper())
        if doc_id is not None:
            where.append("e.doc_id = ?")
            params.append(str(doc_id))
        have = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
        ).fetchall()}
        if (country or bbox is not None) and "place_country" not in have:
            where.append("false")  # a file without places has no event inside one
        elif country:
            where.append("upper(e.place_country) = ?")
            params.append(country.upper())
        if bbox is not None and "place_country" in have:
            x0, y0, x1, y1 = (float(v) for v in bbox)
            where.append("e.place_lon BETWEEN ? AND ? AND e.place_lat BETWEEN ? AND ?")
            params.extend([x0, x1, y0, y1])
        select = ", ".join(("e." + _q(c)) if c in have else f"NULL AS {_q(c)}"
                           for c in EVENT_COLUMNS)
        sql = f"SELECT {select} FROM events e LEFT JOIN documents d USING (doc_id)"
        if enriched:
            sql = (f"SELECT {select}, d.pub_date AS story_date, d.site, d.title, d.n_copies, "
                   "m.merged_id, m.n_articles, m.n_sources, m.n_reports AS merged_reports "
                   "FROM events e LEFT JOIN documents d USING (doc_id) "
                   "LEFT JOIN merged_event_reports r ON r.event_id = e.event_id "
                   "LEFT JOIN merged_events m ON m.merged_id = r.merged_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f' ORDER BY {day} NULLS LAST, e.doc_id, e."start", e.event_id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params
