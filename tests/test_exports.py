"""Every export format can be read back; hudhud.open(db).events() is a DataFrame."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from typer.testing import CliRunner

import hudhud
from hudhud.cli import app
from hudhud.crossmerge import rebuild
from hudhud.exports import FORMATS, cameo_scores, goldstein_table
from hudhud.store import Store
from test_crossmerge import fill


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        fill(s)
        rebuild(s)
    return path


def export(db, fmt, out, *more):
    r = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out),
                                 *more])
    assert r.exit_code == 0, r.output
    return r


def test_goldstein_table_is_complete():
    table = goldstein_table()
    assert sorted(table) == [f"{i:02d}" for i in range(1, 21)]
    assert cameo_scores("141") == ("14", -6.5, 4)
    assert cameo_scores("0411")[1:] == (1.0, 1)
    assert cameo_scores("190") == ("19", -10.0, 4) and cameo_scores(None) == (None, None, None)
    assert {q for _, q, _ in table.values()} == {1, 2, 3, 4}


def test_open_events_dataframe(db):
    with hudhud.open(db) as ds:
        df = ds.events()
        assert isinstance(df, pd.DataFrame) and len(df) == 8
        assert len(ds.events(type="PROTEST")) == 4
        rich = ds.events(enriched=True, actor="students")
        assert {"story_date", "site", "merged_id", "n_articles", "goldstein", "quad_class"} \
            <= set(rich.columns)
        assert rich.merged_id.notna().all()
        assert len(ds.merged_events()) == 6


def test_plover_json(db, tmp_path):
    out = tmp_path / "e.json"
    assert "8 events" in export(db, "plover-json", out).stdout
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 8
    rec = next(r for r in records if r["event_type"] == "ASSAULT")
    for key in ("event_id", "event_date", "event_type", "event_mode", "event_text", "story_date",
                "story_id", "source_actor", "source_country", "source_sector", "target_actor",
                "target_country", "target_sector", "url", "publisher", "quad_code", "goldstein"):
        assert key in rec
    assert (rec["source_actor"], rec["source_sector"], rec["target_actor"]) == \
        ("Iranian police", "COP", "Iranian students")
    assert rec["event_date"] == "2024-03-01" and rec["publisher"] == "a.com"
    assert rec["quad_code"] == 4 and rec["goldstein"] == -9.0


def test_cameo_tsv(db, tmp_path):
    out = tmp_path / "e.tsv"
    export(db, "cameo-tsv", out)
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert len(df) == 8 and list(df.columns)[:5] == ["EventID", "Date", "Year", "Month", "Day"]
    row = df[df.EventRootCode == "18"].iloc[0]
    assert (row.SourceActorFull, row.TargetActorFull, row.QuadClass, row.GoldsteinScore) == \
        ("IRNCOP", "IRNEDU", "4", "-9.0")
    assert row.Date == "20240301" and row.NewsSources == "a.com"


def test_csv_filtered(db, tmp_path):
    out = tmp_path / "e.csv"
    export(db, "csv", out, "--type", "PROTEST", "--until", "2024-03-02")
    df = pd.read_csv(out)
    assert len(df) == 3 and set(df.plover_type) == {"PROTEST"}
    assert {"event_id", "story_date", "site", "n_articles"} <= set(df.columns)


def test_parquet_partitioned_by_year_month(db, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    export(db, "parquet", out)
    assert (out / "year=2024" / "month=3").is_dir()
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    df = table.to_pandas()
    assert len(df) == 8 and set(df.year) == {2024} and set(df.month) == {3}
    export(db, "parquet", out)  # re-export replaces, never appends
    assert ds.dataset(out, format="parquet", partitioning="hive").count_rows() == 8


def test_graphml_actor_network(db, tmp_path):
    import networkx as nx

    out = tmp_path / "e.graphml"
    export(db, "graphml", out)
    ET.parse(out)  # well-formed XML
    g = nx.read_graphml(out)
    assert g.has_edge("IRN:COP", "IRN:EDU")
    assert g.edges["IRN:COP", "IRN:EDU"]["weight"] == 1
    assert g.nodes["IRN:EDU"]["n_events"] == 4  # three protests + the assault's target
    assert g.nodes["rouhani"]["label"] == "Hassan Rouhani"


def test_all_formats_listed_and_bad_db(tmp_path):
    assert set(FORMATS) == {"plover-json", "cameo-tsv", "csv", "parquet", "graphml"}
    r = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format",
                                 "csv", "--out", str(tmp_path / "x.csv")])
    assert r.exit_code == 1
