"""Embedded DuckDB store for coded documents, events, mentions, runs and errors.

    >>> with Store("hudhud.duckdb") as store:
    ...     store.add(code_text(text, doc_id="a1"), path="news/a1.txt")
    ...     store.events(actor="iran", since="2017-01-01")

`add` replaces everything stored for the document's id in one transaction, so coding the same
input again never duplicates rows. The schema is documented in docs/store.md.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from hudhud.doc import Document
from hudhud.records import EVENT_COLUMNS, flatten
from hudhud.sources import text_id

_EVENT_TYPES = {
    "date": "DATE", "negated": "BOOLEAN", "confidence": "DOUBLE", "start": "INTEGER",
    "end": "INTEGER", "sentence_start": "INTEGER", "sentence_end": "INTEGER",
    "n_reports": "INTEGER",
}

DOCUMENT_COLUMNS = ["doc_id", "path", "url", "title", "pub_date", "n_chars", "n_sentences",
                    "n_events", "coded_at", "hudhud_version"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "actor_id", "canonical", "country", "agent",
                   "kind", "rule"]
ACTOR_FIELDS = ("canonical", "name", "country", "id")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(names: list[str]) -> str:
    return ", ".join(_q(n) for n in names)


_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, path VARCHAR, url VARCHAR, title VARCHAR, pub_date DATE,
        n_chars INTEGER, n_sentences INTEGER, n_events INTEGER, coded_at TIMESTAMP,
        hudhud_version VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS events (" + ", ".join(
        f"{_q(c)} {_EVENT_TYPES.get(c, 'VARCHAR')}" + (" PRIMARY KEY" if c == "event_id" else "")
        for c in EVENT_COLUMNS) + ")",
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, actor_id VARCHAR,
        canonical VARCHAR, country VARCHAR, agent VARCHAR, kind VARCHAR, rule VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, inputs VARCHAR,
        n_docs INTEGER, n_events INTEGER, n_errors INTEGER)""",
    """CREATE TABLE IF NOT EXISTS errors (
        run_id VARCHAR, path VARCHAR, doc_id VARCHAR, reason VARCHAR, "at" TIMESTAMP)""",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Store:
    """A DuckDB file (or ":memory:") holding coded documents."""

    def __init__(self, path: str | Path = "hudhud.duckdb", read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
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

    # --- writing ------------------------------------------------------------------------------
    def add(self, doc: Document, path: str | None = None) -> int:
        """Store one coded document, replacing what was stored under its id. Returns n events."""
        return self.add_many([(doc, path)])

    def add_many(self, items: Iterable[tuple[Document, str | None]]) -> int:
        """Store several documents in one transaction (faster for batches). Returns n events.

        A document without an id gets the SHA-1 id of its text (the same as `sources`).
        """
        from hudhud import __version__

        # doc_id -> (document row, event rows, mentions); a later copy of an id wins
        batch: dict[str, tuple[dict, list[dict], pd.DataFrame]] = {}
        for doc, path in items:
            if not doc.id:
                doc.id = text_id(doc.text)
            # reports sharing one identity within a document are one event: keep the first
            events = {}
            for rec in doc.event_records():
                events.setdefault(rec["event_id"], flatten(rec))
            row = {"doc_id": doc.id, "path": path, "url": doc.url, "title": doc.meta.get("title"),
                   "pub_date": doc.date, "n_chars": len(doc.text),
                   "n_sentences": len(doc.sentences), "n_events": len(events),
                   "coded_at": _now(), "hudhud_version": __version__}
            batch[doc.id] = (row, list(events.values()), doc.mentions_df())
        if not batch:
            return 0
        ids = pd.DataFrame({"doc_id": list(batch)})
        docs_df = pd.DataFrame([b[0] for b in batch.values()], columns=DOCUMENT_COLUMNS)
        events_df = pd.DataFrame([r for b in batch.values() for r in b[1]], columns=EVENT_COLUMNS)
        mention_dfs = [b[2] for b in batch.values() if not b[2].empty]
        mentions_df = pd.concat(mention_dfs, ignore_index=True) if mention_dfs else None
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_ids", ids)
            for table in ("events", "mentions", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _ids)")
            self._insert("documents", docs_df)
            self._insert("events", events_df)
            if mentions_df is not None:
                self._insert("mentions", mentions_df)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.unregister("_ids")
        return len(events_df)

    def _insert(self, table: str, df: pd.DataFrame) -> None:
        if df.empty:
            return
        # all-null object columns carry no type; strings are cast by DuckDB on insert
        self.con.register("_rows", df)
        try:
            self.con.execute(f"INSERT INTO {table} ({_columns(list(df.columns))}) "
                             f"SELECT {_columns(list(df.columns))} FROM _rows")
        finally:
            self.con.unregister("_rows")

    def start_run(self, inputs: list[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute("INSERT INTO runs (run_id, started, inputs) VALUES (?, ?, ?)",
                         [run_id, _now(), json.dumps(list(inputs), ensure_ascii=False)])
        return run_id

    def finish_run(self, run_id: str, n_docs: int, n_events: int, n_errors: int) -> None:
        self.con.execute("UPDATE runs SET finished = ?, n_docs = ?, n_events = ?, n_errors = ? "
                         "WHERE run_id = ?", [_now(), n_docs, n_events, n_errors, run_id])

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
        """A whole table (documents, events, mentions, runs, errors) as a DataFrame."""
        if name not in ("documents", "events", "mentions", "runs", "errors"):
            raise ValueError(f"no table {name!r}")
        return self.con.execute(f"SELECT * FROM {name}").df()

    def events(self, since: str | dt.date | None = None, until: str | dt.date | None = None,
               actor: str | None = None, type: str | None = None, doc_id: str | None = None,
               limit: int | None = None) -> pd.DataFrame:
        """Events as a DataFrame with `records.EVENT_COLUMNS`.

        since/until: inclusive bounds on the event date (the document's date when the event
        has none); actor: case-insensitive substring of the source or target canonical name,
        name as written, country code or id; type: a PLOVER type (case-insensitive) or a
        CAMEO code prefix (digits).
        """
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
        sql = (f"SELECT {', '.join('e.' + _q(c) for c in EVENT_COLUMNS)} FROM events e "
               "LEFT JOIN documents d USING (doc_id)")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f' ORDER BY {day} NULLS LAST, e.doc_id, e."start", e.event_id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.con.execute(sql, params).df()
