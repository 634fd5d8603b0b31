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


# --- dates and places in every format --------------------------------------------------------
PLACED = [  # (doc id, text): coded with publication date 2017-12-11
    ("g", "اتهمت حركة حماس إسرائيل الأربعاء الماضي في غزة."),  # day precision, Gaza
    ("a", "التقى الرئيس الفلسطيني محمود عباس العاهل الأردني في عمان الشهر الماضي."),  # month, Amman
    ("r", "قصفت إسرائيل غزة بين 3 و5 مارس."),  # a range: its first day; verb-object place
]


@pytest.fixture
def placed_db(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        for doc_id, text in PLACED:
            s.add(hudhud.code_text(text, date="2017-12-11", doc_id=doc_id))
        rebuild(s)
    return path


def _by_doc(rows, key="story_id"):
    return {r[key]: r for r in rows}


def test_plover_json_carries_date_precision_and_place(placed_db, tmp_path):
    out = tmp_path / "p.json"
    export(placed_db, "plover-json", out)
    recs = _by_doc(json.loads(out.read_text(encoding="utf-8")))
    assert set(recs) == {"g", "a", "r"}
    g, a, r = recs["g"], recs["a"], recs["r"]
    assert (g["event_date"], g["event_date_precision"], g["event_date_text"]) == \
        ("2017-12-06", "day", "الأربعاء الماضي")
    assert (g["place_name"], g["place_id"], g["place_country"]) == ("Gaza", "ps_gaza_city", "PSE")
    assert abs(g["place_lat"] - 31.5) < 0.1 and abs(g["place_lon"] - 34.46) < 0.1
    assert (a["event_date"], a["event_date_precision"]) == ("2017-11-01", "month")
    assert (a["place_name"], a["place_country"], a["place_id"]) == ("Amman", "JOR", "gn:250441")
    assert (r["event_date"], r["event_date_precision"], r["event_date_text"]) == \
        ("2017-03-03", "day", "بين 3 و5 مارس")
    assert r["place_name"] == "Gaza"


def test_cameo_tsv_carries_date_precision_and_place(placed_db, tmp_path):
    out = tmp_path / "p.tsv"
    export(placed_db, "cameo-tsv", out)
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    from hudhud.exports import EXTRA_TSV_COLUMNS, PHOENIX_COLUMNS

    assert list(df.columns) == PHOENIX_COLUMNS + EXTRA_TSV_COLUMNS
    rows = {row.SentenceID.split("_")[0]: row for row in df.itertuples()}
    g, a = rows["g"], rows["a"]
    assert (g.Date, g.DatePrecision) == ("20171206", "day")
    assert (g.LocationName, g.CountryCode, g.LocationID, g.StateName) == \
        ("Gaza", "PSE", "ps_gaza_city", "Gaza Strip")
    assert abs(float(g.Lat) - 31.5) < 0.1 and abs(float(g.Lon) - 34.46) < 0.1
    assert (a.Date, a.DatePrecision, a.LocationName, a.CountryCode) == \
        ("20171101", "month", "Amman", "JOR")
    assert rows["r"].Date == "20170303"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_carry_date_precision_and_place(placed_db, tmp_path, fmt):
    out = tmp_path / f"p.{fmt}"
    export(placed_db, fmt, out)
    if fmt == "csv":
        df = pd.read_csv(out, dtype={"place_id": str})
    else:
        import pyarrow.dataset as ds

        df = ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pandas()
        assert (out / "year=2017" / "month=12").is_dir() and (out / "year=2017" / "month=3").is_dir()
    rows = {r["doc_id"]: r for r in df.to_dict("records")}
    g, a = rows["g"], rows["a"]
    for col in ("date", "date_text", "date_precision", "place_name", "place_id", "place_country",
                "place_admin1", "place_lat", "place_lon"):
        assert col in df.columns, col
    assert (str(g["date"])[:10], g["date_precision"], g["place_name"], g["place_id"],
            g["place_country"]) == ("2017-12-06", "day", "Gaza", "ps_gaza_city", "PSE")
    assert abs(float(g["place_lat"]) - 31.5) < 0.1
    assert (str(a["date"])[:10], a["date_precision"], a["place_name"]) == \
        ("2017-11-01", "month", "Amman")


def test_graphml_edges_carry_dates_and_places(placed_db, tmp_path):
    import networkx as nx

    out = tmp_path / "p.graphml"
    export(placed_db, "graphml", out)
    g = nx.read_graphml(out)
    edge = g.edges["hamas", "country.ISR"]
    assert (edge["first_date"], edge["last_date"]) == ("2017-12-06", "2017-12-06")
    assert (edge["places"], edge["place_ids"], edge["place_countries"]) == \
        ("Gaza", "ps_gaza_city", "PSE")
    edge = g.edges["abbas_mahmoud", "abdullah_ii"]
    assert (edge["first_date"], edge["places"]) == ("2017-11-01", "Amman")


def test_exports_without_places_stay_empty(db, tmp_path):
    out = tmp_path / "e.tsv"
    export(db, "cameo-tsv", out)
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert set(df.LocationName) == {""} and set(df.Lat) == {""}
    out = tmp_path / "e.json"
    export(db, "plover-json", out)
    rec = json.loads(out.read_text(encoding="utf-8"))[0]
    assert rec["place_name"] is None and rec["place_lat"] is None


@pytest.mark.parametrize("fmt", ["plover-json", "cameo-tsv", "csv", "parquet"])
def test_a_streamed_export_is_the_whole_table_export(placed_db, tmp_path, fmt):
    """Exports stream the events in chunks (a big store never sits in memory whole); the file
    is the one the whole table gives. DuckDB chunks are 2,048 rows, so the store is grown."""
    from hudhud.exports import (Dataset, write_cameo_tsv, write_csv, write_parquet,
                                write_plover_json)

    with Store(placed_db) as s:
        s.con.execute("INSERT INTO events SELECT e.* REPLACE (event_id || '-' || i AS event_id) "
                      "FROM events e, range(2500) t(i)")
    writer = {"plover-json": write_plover_json, "cameo-tsv": write_cameo_tsv, "csv": write_csv,
              "parquet": write_parquet}[fmt]
    with Dataset(placed_db) as ds:
        whole = ds.events(enriched=True)
        assert len(whole) > 3 * 2048
        n_whole = writer(whole, tmp_path / "whole")
        chunks = list(ds.iter_events(chunk_rows=2048))
        assert len(chunks) >= 3
        n = ds.export(fmt, tmp_path / "streamed", chunk_rows=2048)
    assert n == n_whole
    if fmt == "parquet":
        import pyarrow.dataset as pads

        read = lambda p: pads.dataset(p, format="parquet", partitioning="hive").to_table() \
            .to_pandas().sort_values(["event_id"]).reset_index(drop=True)  # noqa: E731
        pd.testing.assert_frame_equal(read(tmp_path / "whole"), read(tmp_path / "streamed"))
    else:
        assert (tmp_path / "whole").read_text() == (tmp_path / "streamed").read_text()


def test_an_export_of_nothing_still_writes_its_header(db, tmp_path):
    from hudhud import exports

    out = tmp_path / "none.csv"
    assert exports.export(db, "csv", out, type="SANCTION") == 0
    assert out.read_text().startswith("event_id,")
    assert exports.export(db, "plover-json", tmp_path / "none.json", type="SANCTION") == 0
    assert json.loads((tmp_path / "none.json").read_text()) == []
