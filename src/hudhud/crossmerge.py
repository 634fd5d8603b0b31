"""Cross-article merge (GDELT-style): reports of one event across articles and outlets → one row.

    >>> rebuild(store, window_days=1)     # after `hudhud run`, or `hudhud merge`
    {'events': 5210, 'merged': 3184}

Two event rows (`events` table; each is one article's event, its in-article reports already
merged by `components.merge`) are reports of the same event when:
- PLOVER type and polarity (`negated`) are equal, and modes are compatible (equal, or one
  unspecified);
- each role's actors are compatible, as in the same-article merge: the same actor key (the
  knowledge-base id, else ``COUNTRY:AGENT``), or — when at most one side is a named actor —
  the same country with equal or missing agent codes; never two different named actors; a role
  filled on one side and empty on the other does not match;
- their days (the event date, else the article's publication date) lie within `window_days`
  of the first report of the group. An event with neither its own date nor a publication
  date is never merged: without a day there is no window to check (a year of undated
  "Iran accuses the US" reports are not one event);
- their places agree when both have one, compared by place id (`events.place_id`: ``gn:…``,
  ``cc:…`` or a curated id): the same id, or a country-level place (``cc:…``) and a place
  inside that country (same `place_country`); two different places inside a country, or two
  countries, never merge; a report without a place joins either.

Events are visited in a fixed order (type, polarity, day, event id) and each joins the first
open compatible group, so the result depends only on the stored events: `rebuild` drops and
rewrites `merged_events` and `merged_event_reports` in one transaction and is idempotent.
Memory is bounded whatever the store's size: DuckDB sorts the events (spilling to disk past
`MERGE_MEMORY`), they stream to Python in Arrow batches, only the groups still inside the
window are held, and the merged rows are written in batches.

Counts: `n_reports` event rows, `n_mentions` in-article reports (sum of `events.n_reports`),
`n_articles` distinct articles plus their syndicated copies (`documents.n_copies`), `n_sources`
distinct sites (URL hosts) among those articles and copies; `first_seen`/`last_seen` are the
earliest and latest publication dates among them. The merged row's place (`place_id`,
`place_name`, `place_country`; `place` repeats the id) is the most specific one reported: the
first report's place, or a city/site reported by a later one where the group had a country.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, deque
from contextlib import contextmanager
from typing import Iterable, Iterator

import pandas as pd

# DuckDB's cap while merging: the sort spills to disk beyond it (HUDHUD_DUCKDB_MERGE_MEMORY)
MERGE_MEMORY = os.environ.get("HUDHUD_DUCKDB_MERGE_MEMORY", "128MB")

ROLE_FIELDS = ("id", "canonical", "country", "agent")


def _actor(row: dict, role: str) -> dict | None:
    a = {f: row.get(f"{role}_{f}") or None for f in ROLE_FIELDS}
    if not any(a.values()) and not row.get(f"{role}_name"):
        return None
    a["key"] = a["id"] or f"{a['country'] or '-'}:{a['agent'] or '-'}"
    return a


def actors_compatible(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a["key"] == b["key"]:
        return True
    if a["id"] and b["id"]:
        return False  # two different named actors
    return bool(a["country"] and a["country"] == b["country"]) and (
        a["agent"] is None or b["agent"] is None or a["agent"] == b["agent"])


def _richer(a: dict | None, b: dict | None) -> dict | None:
    if a is None or b is None:
        return a or b
    score = lambda x: (x["id"] is not None, x["agent"] is not None, x["country"] is not None)  # noqa: E731
    return b if score(b) > score(a) else a


def _place(row: dict) -> dict | None:
    """The row's place (id, name, country) or None; a row with only a legacy `place` value
    uses it as the id."""
    pid = row.get("place_id") or row.get("place")
    if not pid:
        return None
    return {"id": str(pid), "name": row.get("place_name"),
            "country": row.get("place_country")}


def _is_country(p: dict) -> bool:
    return p["id"].startswith("cc:")


def places_compatible(a: dict | None, b: dict | None) -> bool:
    """Same place id; or a country (``cc:``) and a place inside it; or a side without place."""
    if a is None or b is None or a["id"] == b["id"]:
        return True
    if _is_country(a) == _is_country(b):
        return False  # two different cities/sites, or two different countries
    return bool(a["country"] and a["country"] == b["country"])


def _finer(a: dict | None, b: dict | None) -> dict | None:
    if a is None or b is None:
        return a or b
    return b if _is_country(a) and not _is_country(b) else a


class _Group:
    __slots__ = ("rows", "first_day", "source", "target", "mode", "place", "seq", "keys")

    def __init__(self, row: dict, source, target):
        self.rows = [row]
        self.first_day = row["day"]
        self.source, self.target = source, target
        self.mode = row.get("plover_mode")
        self.place = _place(row)

    def accepts(self, row: dict, source, target) -> bool:
        mode = row.get("plover_mode")
        if mode and self.mode and mode != self.mode:
            return False
        if not places_compatible(self.place, _place(row)):
            return False
        return actors_compatible(self.source, source) and actors_compatible(self.target, target)

    def add(self, row: dict, source, target) -> None:
        self.rows.append(row)
        self.source, self.target = _richer(self.source, source), _richer(self.target, target)
        self.mode = self.mode or row.get("plover_mode")
        self.place = _finer(self.place, _place(row))


def _tags(a: dict | None) -> tuple[str, ...]:
    """A role's index tags: two compatible actors share one (the same key, or the same
    country); an empty role has its own."""
    if a is None:
        return ("",)
    return ("k" + a["key"], "c" + a["country"]) if a["country"] else ("k" + a["key"],)


class _Open:
    """The groups still inside the window, oldest first, indexed by their actors' tags: a
    report is compared only with the groups it could join, in the order they were opened."""

    def __init__(self) -> None:
        self.groups: deque[_Group] = deque()
        self.index: dict[tuple[str, str], dict[int, _Group]] = {}
        self.seq = 0

    @staticmethod
    def _keys(source, target) -> list[tuple[str, str]]:
        return [(s, t) for s in _tags(source) for t in _tags(target)]

    def _put(self, g: _Group) -> None:
        g.keys = self._keys(g.source, g.target)
        for k in g.keys:
            self.index.setdefault(k, {})[g.seq] = g

    def _drop(self, g: _Group) -> None:
        for k in g.keys:
            bucket = self.index[k]
            del bucket[g.seq]
            if not bucket:
                del self.index[k]

    def join(self, row: dict, source, target) -> None:
        """Add the report to the first open group that accepts it, else open a group."""
        candidates: dict[int, _Group] = {}
        for k in self._keys(source, target):
            candidates.update(self.index.get(k, ()))
        for seq in sorted(candidates):
            g = candidates[seq]
            if g.accepts(row, source, target):
                g.add(row, source, target)
                if self._keys(g.source, g.target) != g.keys:  # a richer actor: new tags
                    self._drop(g)
                    self._put(g)
                return
        g = _Group(row, source, target)
        g.seq, self.seq = self.seq, self.seq + 1
        self.groups.append(g)
        self._put(g)

    def expire(self, day, window_days: int) -> Iterator[_Group]:
        """Close the groups whose window ends before `day` (None: all of them)."""
        while self.groups and (day is None or (day - self.groups[0].first_day).days > window_days):
            g = self.groups.popleft()
            self._drop(g)
            yield g


def group_events(rows: Iterable[dict], window_days: int = 1) -> Iterator[_Group]:
    """Cluster event rows into groups of reports of one event, yielding each group once it is
    closed. `rows` must come in `ORDER` (type, polarity, dated before undated, day, event id),
    each with its `day`; only the groups still inside the window are held."""
    groups = _Open()
    block = current_day = None
    for r in rows:
        key = (r["plover_type"], bool(r.get("negated")))
        if key != block:
            yield from groups.expire(None, window_days)
            block, current_day = key, None
        day, source, target = r["day"], _actor(r, "source"), _actor(r, "target")
        if day is None:  # no date, no window: an undated report is an event of its own
            yield from groups.expire(None, window_days)
            yield _Group(r, source, target)
            continue
        if day != current_day:  # groups whose window is past can take nothing more
            current_day = day
            yield from groups.expire(day, window_days)
        groups.join(r, source, target)
    yield from groups.expire(None, window_days)


def _most_specific_code(rows: list[dict]) -> str | None:
    codes = [r["cameo_code"] for r in rows if r.get("cameo_code")]
    if not codes:
        return None
    counts = Counter(codes)
    return max(codes, key=lambda c: (len(c), c[-1:] != "0", counts[c], c))


def merged_row(g: _Group) -> dict:
    """The merged event of a group as far as its reports tell: richest actors, finest place,
    counts of reports and mentions, its days. The article counts, sites and first/last seen
    come from the documents table (`_ARTICLES`)."""
    rows = g.rows
    anchor = rows[0]["event_id"]
    days = [r["day"] for r in rows if r["day"]]
    src, tgt, where = g.source or {}, g.target or {}, g.place or {}
    return {
        "merged_id": hashlib.sha1(f"merged|{anchor}".encode()).hexdigest()[:16],
        "plover_type": rows[0]["plover_type"], "plover_mode": g.mode,
        "cameo_code": _most_specific_code(rows), "negated": bool(rows[0].get("negated")),
        "date": min(days) if days else None, "last_day": max(days) if days else None,
        "source_key": src.get("key"), "source_canonical": src.get("canonical"),
        "source_country": src.get("country"), "source_agent": src.get("agent"),
        "target_key": tgt.get("key"), "target_canonical": tgt.get("canonical"),
        "target_country": tgt.get("country"), "target_agent": tgt.get("agent"),
        "place": where.get("id"), "place_id": where.get("id"),
        "place_name": where.get("name"), "place_country": where.get("country"),
        "n_reports": len(rows), "n_mentions": sum(int(r.get("n_reports") or 1) for r in rows),
        "event_id": anchor}


GROUP_COLUMNS = {"merged_id": "VARCHAR", "plover_type": "VARCHAR", "plover_mode": "VARCHAR",
                 "cameo_code": "VARCHAR", "negated": "BOOLEAN", "date": "DATE",
                 "last_day": "DATE", **{f"{role}_{f}": "VARCHAR" for role in ("source", "target")
                                        for f in ("key", "canonical", "country", "agent")},
                 **{c: "VARCHAR" for c in ("place", "place_id", "place_name", "place_country")},
                 "n_reports": "INTEGER", "n_mentions": "INTEGER", "event_id": "VARCHAR"}

ORDER = "coalesce(plover_type, ''), coalesce(negated, false), day IS NULL, day, event_id"


def _query(con) -> str:
    """Every event with its day (its own date, else its article's publication date), in
    `ORDER`."""
    cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    place = {c: f"e.{c}" if c in cols else "NULL"
             for c in ("place_id", "place_name", "place_country", "place")}
    return f"""
        SELECT * FROM (
            SELECT e.event_id, e.doc_id, e.plover_type, e.plover_mode, e.cameo_code, e.negated,
                   CAST(coalesce(e.date, d.pub_date) AS DATE) AS day,
                   {place['place_id']} AS place_id, {place['place_name']} AS place_name,
                   {place['place_country']} AS place_country, {place['place']} AS place,
                   e.n_reports, e.source_id, e.source_canonical, e.source_country,
                   e.source_agent, e.source_name, e.target_id, e.target_canonical,
                   e.target_country, e.target_agent, e.target_name
            FROM events e LEFT JOIN documents d USING (doc_id))
        ORDER BY {ORDER}"""


# merged_events = the groups + what their articles say: n_articles (distinct articles plus
# their syndicated copies), n_sources and sources (the sites of the articles and copies),
# first/last seen (their publication dates, else the events' days)
_ARTICLES = """
    WITH gd AS (SELECT merged_id, doc_id FROM merged_event_reports GROUP BY ALL),
    art AS (SELECT coalesce(duplicate_of, doc_id) AS doc_id, site, pub_date FROM documents
            WHERE status IS NULL OR status IN ('coded', 'duplicate')),
    arts AS (SELECT merged_id, count(*) + sum(coalesce(d.n_copies, 0)) AS n_articles
             FROM gd LEFT JOIN documents d USING (doc_id) GROUP BY 1),
    seen AS (SELECT merged_id, min(pub_date) AS first_seen, max(pub_date) AS last_seen
             FROM gd JOIN art USING (doc_id) GROUP BY 1),
    gs AS (SELECT DISTINCT merged_id, site FROM gd JOIN art USING (doc_id)
           WHERE site IS NOT NULL),
    sites AS (SELECT merged_id, count(*) AS n_sources,
                     string_agg(site, ',' ORDER BY site) AS sources FROM gs GROUP BY 1)
    SELECT {group_cols}, arts.n_articles, coalesce(sites.n_sources, 0) AS n_sources,
           coalesce(seen.first_seen, g.date) AS first_seen,
           coalesce(seen.last_seen, g.last_day) AS last_seen, sites.sources
    FROM _merge_groups g JOIN arts USING (merged_id) LEFT JOIN sites USING (merged_id)
    LEFT JOIN seen USING (merged_id)"""


def _rows(con, batch: int) -> Iterator[dict]:
    """The query's rows, streamed in Arrow batches from a cursor of their own."""
    cur = con.cursor()
    try:
        rel = cur.sql(_query(con))
        # DuckDB 2 names it to_arrow_reader (1.x: fetch_arrow_reader)
        reader = rel.to_arrow_reader if hasattr(rel, "to_arrow_reader") else rel.fetch_arrow_reader
        for chunk in reader(batch):
            yield from chunk.to_pylist()
    finally:
        cur.close()


@contextmanager
def _threads(con, n: int):
    """DuckDB with `n` threads in the block: each thread holds its own buffers, and under a
    small memory cap two threads can run out where one spills to disk."""
    before = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute(f"SET threads = {int(n)}")
    try:
        yield
    finally:
        con.execute(f"SET threads = {int(before)}")


def rebuild(store, window_days: int = 1, batch: int = 20_000,
            memory: str | None = MERGE_MEMORY) -> dict[str, int]:
    """Rebuild `merged_events` / `merged_event_reports` from the `events` table.

    Streams: DuckDB sorts the events (one thread, spilling to disk beyond its `memory` cap),
    Python holds only the groups still inside the window and writes them `batch` at a time to
    a temporary table and the links table, and DuckDB then adds what the articles say. All in
    one transaction: a failed rebuild leaves the previous merge in place.
    """
    con = store.con
    n_events = n_merged = 0
    groups: list[dict] = []
    links: list[dict] = []
    group_cols = list(GROUP_COLUMNS)

    def flush() -> None:
        store._insert("_merge_groups", pd.DataFrame(groups, columns=group_cols))
        store._insert("merged_event_reports",
                      pd.DataFrame(links, columns=["merged_id", "event_id", "doc_id"]))
        groups.clear()
        links.clear()

    with store.memory_limit(memory), _threads(con, 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM merged_event_reports")
            con.execute("DELETE FROM merged_events")
            con.execute("CREATE OR REPLACE TEMP TABLE _merge_groups (" + ", ".join(
                f"{c} {t}" for c, t in GROUP_COLUMNS.items()) + ")")
            for g in group_events(_rows(con, batch), window_days):
                row = merged_row(g)
                groups.append(row)
                links += [{"merged_id": row["merged_id"], "event_id": r["event_id"],
                           "doc_id": r["doc_id"]} for r in g.rows]
                n_events += len(g.rows)
                n_merged += 1
                if len(groups) >= batch:
                    flush()
            flush()
            out = [c for c in group_cols if c != "last_day"]
            con.execute(f"INSERT INTO merged_events ({', '.join(out)}, n_articles, n_sources, "
                        f"first_seen, last_seen, sources) " + _ARTICLES.format(
                            group_cols=", ".join(f"g.{c}" for c in out)))
            con.execute("DROP TABLE _merge_groups")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return {"events": n_events, "merged": n_merged}
