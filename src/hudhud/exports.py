"""Exports of a store and the Python API `hudhud.open(db)`.

    >>> ds = hudhud.open("news.duckdb")
    >>> ds.events(actor="iran", since="2017-12-01")      # pandas DataFrame
    >>> ds.export("plover-json", "events.json")

Formats (field mappings in docs/store.md, "Exports"):
- ``plover-json``: a JSON list of PLOVER records with the field names of the POLECAT records
  (event_id, event_date, event_type, event_mode, event_text, story_date, source_actor…);
- ``cameo-tsv``: CAMEO/Phoenix-style tab-separated rows (with a header line) with QuadClass
  and Goldstein score from `data/cameo_goldstein.tsv` (by CAMEO root code);
- ``csv``: the events table plus article fields (story_date, site, title) and merge counts;
- ``parquet``: the CSV columns as a pyarrow dataset, hive-partitioned ``year=YYYY/month=M``;
- ``graphml``: directed actor network; nodes are actors, edges source→target weighted by the
  number of events.

Dates and places in every format: plover-json has ``event_date`` with ``event_date_precision``
and ``event_date_text`` and the place as ``place_name``, ``place_id``, ``place_country``,
``place_admin1``, ``place_lat``, ``place_lon``; cameo-tsv fills the Phoenix ``Lat``, ``Lon``,
``LocationName``, ``StateName`` (admin1), ``CountryCode`` (ISO-3) and appends ``DatePrecision``
and ``LocationID`` after the Phoenix columns; csv and parquet carry the events table's ``date``,
``date_text``, ``date_precision`` and ``place_*`` columns; graphml edges (which stand for many
events) get ``first_date``/``last_date`` (event days) and the distinct ``places``,
``place_ids`` and ``place_countries`` of their events ("|"-joined).
Negated events ("did not meet") are exported by plover-json/csv/parquet with `negated` true,
and left out of cameo-tsv and graphml (CAMEO and networks count what happened).
"""

from __future__ import annotations

import csv as _csv
import datetime as dt
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

FORMATS = ("plover-json", "cameo-tsv", "csv", "parquet", "graphml")

PHOENIX_COLUMNS = [
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
]
# appended after the Phoenix columns (Phoenix has no date precision nor place id)
EXTRA_TSV_COLUMNS = ["DatePrecision", "LocationID"]
PLACE_COLUMNS = ("place_name", "place_id", "place_country", "place_admin1", "place_lat",
                 "place_lon")


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, tuple[float, int, str]]:
    """CAMEO root code ("01".."20") -> (Goldstein score, QuadClass, name)."""
    from importlib.resources import files

    text = files("hudhud").joinpath("data/cameo_goldstein.tsv").read_text(encoding="utf-8")
    rows = _csv.DictReader(text.splitlines(), delimiter="\t")
    return {r["root_code"]: (float(r["goldstein"]), int(r["quad_class"]), r["name"]) for r in rows}


def cameo_scores(code: Any) -> tuple[str | None, float | None, int | None]:
    """(root code, Goldstein, QuadClass) of a CAMEO code; sub-codes take their root's values."""
    if not isinstance(code, str) or len(code) < 2 or not code[:2].isdigit():
        return None, None, None
    root = code[:2]
    hit = goldstein_table().get(root)
    return (root, hit[0], hit[1]) if hit else (root, None, None)


def _v(value: Any) -> Any:
    """A DataFrame cell as a plain JSON value."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value


def _iso(value: Any) -> str | None:
    v = _v(value)
    return str(v)[:10] if v is not None else None


def _enrich(df: pd.DataFrame) -> pd.DataFrame:
    """`day` (the event date, else the story date) and the CAMEO root, Goldstein score and
    QuadClass of each event."""
    out = df.copy()
    day = pd.to_datetime(out["date"], errors="coerce")
    out["day"] = day.fillna(pd.to_datetime(out["story_date"], errors="coerce")).dt.date
    scores = [cameo_scores(c) for c in out["cameo_code"]]
    out["cameo_root"] = [s[0] for s in scores]
    out["goldstein"] = [s[1] for s in scores]
    out["quad_class"] = pd.array([s[2] for s in scores], dtype="Int64")
    return out


def _chunks(data: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """A writer's input: one DataFrame, or DataFrames streamed one after another."""
    if isinstance(data, pd.DataFrame):
        yield data
    else:
        yield from data


# --- the dataset ----------------------------------------------------------------------------------
class Dataset:
    """A store opened for analysis (read-only by default). Use as a context manager or close()."""

    def __init__(self, db: str | Path, read_only: bool = True):
        from hudhud.store import Store

        self.path = Path(db)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no database at {db}")
        self.store = Store(db, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<hudhud.Dataset {self.path}>"

    def events(self, since=None, until=None, actor: str | None = None, type: str | None = None,
               doc_id: str | None = None, limit: int | None = None,
               enriched: bool = False) -> pd.DataFrame:
        """Events as a DataFrame (`Store.events` filters). `enriched` adds story_date, site,
        title, n_copies, merged_id, n_articles, n_sources, merged_reports, day, cameo_root,
        goldstein, quad_class."""
        df = self.store.events(since=since, until=until, actor=actor, type=type, doc_id=doc_id,
                               limit=limit, enriched=enriched)
        return _enrich(df) if enriched else df

    def iter_events(self, chunk_rows: int = 50_000, **filters) -> Iterator[pd.DataFrame]:
        """The enriched events in DataFrames of about `chunk_rows` rows, streamed."""
        for df in self.store.iter_events(chunk_rows, enriched=True, **filters):
            yield _enrich(df)

    def merged_events(self) -> pd.DataFrame:
        return self.store.con.execute(
            "SELECT * FROM merged_events ORDER BY date NULLS LAST, merged_id").df()

    def documents(self) -> pd.DataFrame:
        return self.store.table("documents")

    def table(self, name: str) -> pd.DataFrame:
        return self.store.table(name)

    def sql(self, query: str, params: list | None = None) -> pd.DataFrame:
        return self.store.con.execute(query, params or []).df()

    def export(self, fmt: str, out: str | Path, chunk_rows: int = 50_000, **filters) -> int:
        """Write the (filtered) events in `fmt` to `out`; returns the number of events.
        Streamed `chunk_rows` events at a time (graphml, a graph of counts, reads them all)."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        out = Path(out)
        if fmt != "parquet":
            out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":  # one graph of counts: the whole table
            return write_graphml(self.events(enriched=True, **filters), out)
        return {"plover-json": write_plover_json, "cameo-tsv": write_cameo_tsv,
                "csv": write_csv, "parquet": write_parquet}[fmt](
            self.iter_events(chunk_rows, **filters), out)


def open_db(db: str | Path, read_only: bool = True) -> Dataset:
    return Dataset(db, read_only=read_only)


def export(db: str | Path, fmt: str, out: str | Path, **filters) -> int:
    with Dataset(db) as ds:
        return ds.export(fmt, out, **filters)


# --- writers (take an enriched events DataFrame) -----------------------------------------------
def plover_record(row: dict) -> dict[str, Any]:
    """One event as a POLECAT-style PLOVER record."""
    r = {k: _v(v) for k, v in row.items()}
    rec: dict[str, Any] = {
        "event_id": r["event_id"],
        "event_date": _iso(r.get("day")),
        "event_type": r["plover_type"],
        "event_mode": r["plover_mode"],
        "event_text": r["sentence"],
        "event_negated": bool(r.get("negated")),
        "event_modality": r.get("modality"),
        "event_date_text": r.get("date_text"),
        "event_date_precision": r.get("date_precision"),
        "cameo_code": r.get("cameo_code"),
        "quad_code": r.get("quad_class"),
        "goldstein": r.get("goldstein"),
        "contexts": [],
    }
    for role in ("source", "target"):
        rec[f"{role}_actor"] = r.get(f"{role}_canonical") or r.get(f"{role}_name")
        rec[f"{role}_actor_raw"] = r.get(f"{role}_name")
        rec[f"{role}_actor_id"] = r.get(f"{role}_id")
        rec[f"{role}_country"] = r.get(f"{role}_country")
        rec[f"{role}_sector"] = r.get(f"{role}_agent")
    rec.update({
        "story_id": r["doc_id"],
        "story_date": _iso(r.get("story_date")),
        "headline": r.get("title"),
        "url": r.get("url"),
        "publisher": r.get("site"),
        "language": "ar",
        "reported_by": r.get("reported_by"),
        "confidence": r.get("confidence"),
        "trigger": r.get("trigger"),
        "rule": r.get("rule"),
        **{k: r.get(k) for k in PLACE_COLUMNS},
        "merged_event_id": r.get("merged_id"),
        "num_articles": r.get("n_articles"),
        "num_sources": r.get("n_sources"),
        "coder": "hudhud",
    })
    return rec


def write_plover_json(data: pd.DataFrame | Iterable[pd.DataFrame], out: Path) -> int:
    """A JSON array of PLOVER records, written record by record (the layout of
    `json.dumps(records, indent=1)`)."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("[")
        for df in _chunks(data):
            for row in df.to_dict("records"):
                text = json.dumps(plover_record(row), ensure_ascii=False, indent=1)
                fh.write(("," if n else "") + "\n " + text.replace("\n", "\n "))
                n += 1
        fh.write("\n]\n" if n else "]\n")
    return n


def _code(country: Any, agent: Any) -> str:
    return (_v(country) or "") + (_v(agent) or "")


def write_cameo_tsv(data: pd.DataFrame | Iterable[pd.DataFrame], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = _csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(PHOENIX_COLUMNS + EXTRA_TSV_COLUMNS)
        for row in (r for df in _chunks(data) for r in df.to_dict("records")):
            r = {k: _v(v) for k, v in row.items()}
            if r.get("negated"):
                continue
            day = r.get("day")
            ymd = str(day).replace("-", "") if day else ""
            w.writerow([
                r["event_id"], ymd, ymd[:4], ymd[4:6], ymd[6:8],
                _code(r.get("source_country"), r.get("source_agent")),
                r.get("source_country") or "", r.get("source_agent") or "", "",
                _code(r.get("target_country"), r.get("target_agent")),
                r.get("target_country") or "", r.get("target_agent") or "", "",
                r.get("cameo_code") or "", r.get("cameo_root") or "",
                r.get("quad_class") if r.get("quad_class") is not None else "",
                r.get("goldstein") if r.get("goldstein") is not None else "",
                "", _num(r.get("place_lat")), _num(r.get("place_lon")),
                r.get("place_name") or "", r.get("place_admin1") or "",
                r.get("place_country") or "",
                f"{r['doc_id']}_{r.get('sentence_start')}", r.get("url") or "",
                r.get("site") or "",
                (r.get("date_precision") or "") if r.get("date") else "",
                r.get("place_id") or ""])
            n += 1
    return n


def _num(value: Any) -> str:
    return "" if value is None else f"{float(value):.5f}".rstrip("0").rstrip(".")


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in ("date", "story_date", "day"):
        if col in out:
            out[col] = [_iso(v) for v in out[col]]
    return out


def write_csv(data: pd.DataFrame | Iterable[pd.DataFrame], out: Path) -> int:
    n = 0
    for df in _chunks(data):
        if n == 0 or not df.empty:
            _flat(df).to_csv(out, index=False, encoding="utf-8", mode="a" if n else "w",
                             header=n == 0)
        n += len(df)
    return n


_PARQUET_INTS = {"start", "end", "sentence_start", "sentence_end", "n_reports", "place_start",
                 "place_end", "n_copies", "n_articles", "n_sources", "merged_reports",
                 "quad_class", "year", "month"}
_PARQUET_FLOATS = {"confidence", "place_lat", "place_lon", "goldstein"}


def _parquet_schema(columns: list[str]):
    """One schema for every chunk (a chunk's all-null column must not change its type)."""
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in _PARQUET_INTS else pa.float64()
                       if c in _PARQUET_FLOATS else pa.bool_() if c == "negated"
                       else pa.string()) for c in columns])


def write_parquet(data: pd.DataFrame | Iterable[pd.DataFrame], out: Path) -> int:
    """A hive-partitioned dataset (year=YYYY/month=M) under the folder `out` (replaced),
    written chunk by chunk (files events-<chunk>-<i>.parquet)."""
    import shutil

    import pyarrow as pa
    import pyarrow.dataset as ds

    if out.exists():
        shutil.rmtree(out) if out.is_dir() else out.unlink()
    part = ds.partitioning(pa.schema([("year", pa.int64()), ("month", pa.int64())]),
                           flavor="hive")
    n = 0
    for c, df in enumerate(_chunks(data)):
        if df.empty and n:
            continue
        flat = _flat(df)
        day = pd.to_datetime(flat["day"], errors="coerce")
        flat["year"] = day.dt.year.astype("Int64")
        flat["month"] = day.dt.month.astype("Int64")
        for col in flat.columns:
            if flat[col].dtype == object and col != "negated":
                flat[col] = flat[col].astype("string")
        table = pa.Table.from_pandas(flat, schema=_parquet_schema(list(flat.columns)),
                                     preserve_index=False)
        ds.write_dataset(table, out, format="parquet", partitioning=part,
                         existing_data_behavior="overwrite_or_ignore",
                         basename_template=f"events-{c}-{{i}}.parquet")
        n += len(df)
    return n


def actor_key(row: dict, role: str) -> str | None:
    aid, country, agent = (_v(row.get(f"{role}_{f}")) for f in ("id", "country", "agent"))
    if aid:
        return aid
    if country or agent:
        return f"{country or '-'}:{agent or '-'}"
    name = _v(row.get(f"{role}_name"))
    return f"name:{name}" if name else None


def actor_graph(df: pd.DataFrame):
    """networkx DiGraph: actors as nodes, source→target edges weighted by event counts."""
    import networkx as nx

    g = nx.DiGraph()
    for row in df.to_dict("records"):
        if _v(row.get("negated")):
            continue
        keys = {}
        for role in ("source", "target"):
            key = actor_key(row, role)
            keys[role] = key
            if key is None:
                continue
            if key not in g:
                g.add_node(key, label=_v(row.get(f"{role}_canonical")) or
                           _v(row.get(f"{role}_name")) or key,
                           country=_v(row.get(f"{role}_country")) or "",
                           agent=_v(row.get(f"{role}_agent")) or "", n_events=0)
            g.nodes[key]["n_events"] += 1
        s, t = keys["source"], keys["target"]
        if s is None or t is None:
            continue
        if not g.has_edge(s, t):
            g.add_edge(s, t, weight=0, goldstein_sum=0.0, types="", first_date="", last_date="",
                       places="", place_ids="", place_countries="")
        e = g.edges[s, t]
        e["weight"] += 1
        day = _iso(row.get("day"))
        if day:
            e["first_date"] = min(filter(None, (e["first_date"], day)))
            e["last_date"] = max(e["last_date"], day)
        for attr, col in (("places", "place_name"), ("place_ids", "place_id"),
                          ("place_countries", "place_country")):
            value = _v(row.get(col))
            if value:
                e[attr] = "|".join(sorted(set(filter(None, e[attr].split("|"))) | {str(value)}))
        gs = _v(row.get("goldstein"))
        e["goldstein_sum"] += float(gs) if gs is not None else 0.0
        types = set(filter(None, e["types"].split(","))) | {_v(row.get("plover_type")) or ""}
        e["types"] = ",".join(sorted(filter(None, types)))
    return g


def write_graphml(df: pd.DataFrame, out: Path) -> int:
    import networkx as nx

    g = actor_graph(df)
    nx.write_graphml(g, out, encoding="utf-8")
    return int(sum(d["weight"] for _, _, d in g.edges(data=True)))
