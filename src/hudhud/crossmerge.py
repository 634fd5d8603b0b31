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
  of the first report of the group (undated events only group with undated ones);
- their places agree when both have one, compared by place id (`events.place_id`: ``gn:…``,
  ``cc:…`` or a curated id): the same id, or a country-level place (``cc:…``) and a place
  inside that country (same `place_country`); two different places inside a country, or two
  countries, never merge; a report without a place joins either.

Events are visited in a fixed order (type, polarity, day, event id) and each joins the first
open compatible group, so the result depends only on the stored events: `rebuild` drops and
rewrites `merged_events` and `merged_event_reports` in one transaction and is idempotent.

Counts: `n_reports` event rows, `n_mentions` in-article reports (sum of `events.n_reports`),
`n_articles` distinct articles plus their syndicated copies (`documents.n_copies`), `n_sources`
distinct sites (URL hosts) among those articles and copies; `first_seen`/`last_seen` are the
earliest and latest publication dates among them. The merged row's place (`place_id`,
`place_name`, `place_country`; `place` repeats the id) is the most specific one reported: the
first report's place, or a city/site reported by a later one where the group had a country.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pandas as pd

ROLE_FIELDS = ("id", "canonical", "country", "agent")


def _none(v: Any) -> Any:
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _actor(row: dict, role: str) -> dict | None:
    a = {f: _none(row.get(f"{role}_{f}")) for f in ROLE_FIELDS}
    if not any(a.values()) and not _none(row.get(f"{role}_name")):
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


def _day(v: Any) -> dt.date | None:
    v = _none(v)
    if v is None:
        return None
    if isinstance(v, dt.datetime) or hasattr(v, "to_pydatetime"):
        return v.date()
    return v


def _place(row: dict) -> dict | None:
    """The row's place (id, name, country) or None; a row with only a legacy `place` value
    uses it as the id."""
    pid = _none(row.get("place_id")) or _none(row.get("place"))
    if not pid:
        return None
    return {"id": str(pid), "name": _none(row.get("place_name")),
            "country": _none(row.get("place_country"))}


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
    __slots__ = ("rows", "first_day", "source", "target", "mode", "place")

    def __init__(self, row: dict, day, source, target):
        self.rows = [row]
        self.first_day = day
        self.source, self.target = source, target
        self.mode = _none(row.get("plover_mode"))
        self.place = _place(row)

    def accepts(self, row: dict, day, source, target, window: int) -> bool:
        if (day is None) != (self.first_day is None):
            return False
        if day is not None and (day - self.first_day).days > window:
            return False
        mode = _none(row.get("plover_mode"))
        if mode and self.mode and mode != self.mode:
            return False
        if not places_compatible(self.place, _place(row)):
            return False
        return actors_compatible(self.source, source) and actors_compatible(self.target, target)

    def add(self, row: dict, source, target) -> None:
        self.rows.append(row)
        self.source, self.target = _richer(self.source, source), _richer(self.target, target)
        self.mode = self.mode or _none(row.get("plover_mode"))
        self.place = _finer(self.place, _place(row))


def group_events(df: pd.DataFrame, window_days: int = 1) -> list[_Group]:
    """Cluster event rows (with a `day` column) into groups of reports of one event."""
    rows = df.to_dict("records")
    for r in rows:
        r["day"] = _day(r.get("day"))
    rows.sort(key=lambda r: (r["plover_type"] or "", bool(_none(r.get("negated"))),
                             r["day"] is None, r["day"] or dt.date.min, r["event_id"]))
    groups: list[_Group] = []
    open_groups: list[_Group] = []
    block = None
    for r in rows:
        key = (r["plover_type"], bool(_none(r.get("negated"))))
        if key != block:
            block, open_groups = key, []
        day, source, target = r["day"], _actor(r, "source"), _actor(r, "target")
        if day is not None:  # groups whose window is past can take nothing more
            open_groups = [g for g in open_groups
                           if g.first_day is None or (day - g.first_day).days <= window_days]
        for g in open_groups:
            if g.accepts(r, day, source, target, window_days):
                g.add(r, source, target)
                break
        else:
            g = _Group(r, day, source, target)
            groups.append(g)
            open_groups.append(g)
    return groups


def _most_specific_code(rows: list[dict]) -> str | None:
    codes = [c for c in (_none(r.get("cameo_code")) for r in rows) if c]
    if not codes:
        return None
    counts = pd.Series(codes).value_counts()
    return max(codes, key=lambda c: (len(c), c[-1:] != "0", counts[c], c))


def rebuild(store, window_days: int = 1) -> dict[str, int]:
    """Rebuild `merged_events` / `merged_event_reports` from the `events` table."""
    con = store.con
    cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    place = {c: f"e.{c}" if c in cols else "NULL"
             for c in ("place_id", "place_name", "place_country", "place")}
    df = con.execute(f"""
        SELECT e.event_id, e.doc_id, e.plover_type, e.plover_mode, e.cameo_code, e.negated,
               coalesce(e.date, d.pub_date) AS day, {place['place_id']} AS place_id,
               {place['place_name']} AS place_name, {place['place_country']} AS place_country,
               {place['place']} AS place, e.n_reports,
               e.source_id, e.source_canonical, e.source_country, e.source_agent, e.source_name,
               e.target_id, e.target_canonical, e.target_country, e.target_agent, e.target_name
        FROM events e LEFT JOIN documents d USING (doc_id)""").df()
    docs = con.execute("""
        SELECT coalesce(duplicate_of, doc_id) AS doc_id, site, pub_date
        FROM documents WHERE status IS NULL OR status IN ('coded', 'duplicate')""").df()
    copies = con.execute("SELECT doc_id, coalesce(n_copies, 0) AS n FROM documents").df()
    n_copies = dict(zip(copies.doc_id, copies.n))
    per_doc: dict[str, tuple[set, list]] = {}
    for doc_id, site, pub in zip(docs.doc_id, docs.site, docs.pub_date):
        sites, dates = per_doc.setdefault(doc_id, (set(), []))
        if _none(site):
            sites.add(site)
        if _day(pub):
            dates.append(_day(pub))

    merged, links = [], []
    for g in group_events(df, window_days):
        rows = g.rows
        anchor = rows[0]["event_id"]
        merged_id = hashlib.sha1(f"merged|{anchor}".encode()).hexdigest()[:16]
        doc_ids = sorted({r["doc_id"] for r in rows})
        sites: set = set()
        seen: list = []
        for d in doc_ids:
            s, dates = per_doc.get(d, (set(), []))
            sites |= s
            seen += dates
        days = [r["day"] for r in rows if r["day"]]
        seen = seen or days
        src, tgt, where = g.source or {}, g.target or {}, g.place or {}
        merged.append({
            "merged_id": merged_id, "plover_type": rows[0]["plover_type"],
            "plover_mode": g.mode, "cameo_code": _most_specific_code(rows),
            "negated": bool(_none(rows[0].get("negated"))), "date": min(days) if days else None,
            "source_key": src.get("key"), "source_canonical": src.get("canonical"),
            "source_country": src.get("country"), "source_agent": src.get("agent"),
            "target_key": tgt.get("key"), "target_canonical": tgt.get("canonical"),
            "target_country": tgt.get("country"), "target_agent": tgt.get("agent"),
            "place": where.get("id"), "place_id": where.get("id"),
            "place_name": where.get("name"), "place_country": where.get("country"),
            "n_reports": len(rows),
            "n_mentions": int(sum(int(_none(r.get("n_reports")) or 1) for r in rows)),
            "n_articles": len(doc_ids) + int(sum(n_copies.get(d, 0) or 0 for d in doc_ids)),
            "n_sources": len(sites), "first_seen": min(seen) if seen else None,
            "last_seen": max(seen) if seen else None,
            "sources": ",".join(sorted(sites)) or None, "event_id": anchor})
        links += [{"merged_id": merged_id, "event_id": r["event_id"], "doc_id": r["doc_id"]}
                  for r in rows]
    merged_cols = [r[0] for r in con.execute("DESCRIBE merged_events").fetchall()]
    merged_df = pd.DataFrame(merged, columns=merged_cols)
    links_df = pd.DataFrame(links, columns=["merged_id", "event_id", "doc_id"])
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM merged_event_reports")
        con.execute("DELETE FROM merged_events")
        store._insert("merged_events", merged_df)
        store._insert("merged_event_reports", links_df)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"events": len(df), "merged": len(merged_df)}
