import datetime as dt

import pytest

from hudhud.doc import Actor, Document, Event, Mention, Participant, Sentence
from hudhud.records import EVENT_COLUMNS
from hudhud.store import Store

TEXT = "تظاهر مئات الطلاب في طهران. وهاجمت الشرطة المتظاهرين."
STUDENTS = Actor(id="irn_students", canonical="Iranian students", country="IRN", agent="EDU")
POLICE = Actor(id=None, canonical="Iranian police", country="IRN", agent="COP")


def make_doc(doc_id="d1", text=TEXT, date=dt.date(2017, 12, 31), n_events=2):
    s1, s2 = 0, text.index(".") + 1
    events = [
        Event("PROTEST", "demonstrate", "141", Participant("الطلاب", STUDENTS, 11, 17), None,
              "protest.demonstrate", 0, 5, s1, s2, trigger="تظاهر", date=dt.date(2017, 12, 30)),
        Event("ASSAULT", None, "180", Participant("الشرطة", POLICE, 35, 41),
              Participant("المتظاهرين", STUDENTS, 42, 52), "assault.attack", 29, 34, s2 + 1,
              len(text), trigger="وهاجمت"),
    ][:n_events]
    mentions = [Mention(11, 17, "الطلاب", STUDENTS, rule="name"),
                Mention(35, 41, "الشرطة", POLICE, rule="sector")]
    return Document(text=text, id=doc_id, date=date, url="http://example.org/a",
                    meta={"title": "عنوان"}, sentences=[Sentence(s1, s2), Sentence(s2 + 1, len(text))],
                    mentions=mentions, events=events)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_schema(store):
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "events", "mentions", "runs", "errors"} <= tables
    cols = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
    assert cols == EVENT_COLUMNS


def test_add_and_readd_never_duplicates(store):
    for _ in range(3):
        assert store.add(make_doc(), path="a.txt") == 2
    assert store.counts() == {"documents": 1, "events": 2, "mentions": 2, "runs": 0, "errors": 0}
    doc = store.table("documents").iloc[0]
    assert (doc.doc_id, doc.path, doc.title, doc.n_events, doc.n_sentences, doc.n_chars) == \
        ("d1", "a.txt", "عنوان", 2, 2, len(TEXT))
    assert doc.hudhud_version


def test_readd_replaces_old_rows(store):
    store.add(make_doc())
    store.add(make_doc(n_events=1))
    assert store.counts()["events"] == 1
    assert store.events()["plover_type"].tolist() == ["PROTEST"]


def test_add_many_batch_and_duplicate_ids(store):
    n = store.add_many([(make_doc("a"), "x"), (make_doc("b"), None), (make_doc("a", n_events=1), "y")])
    assert n == 3  # the later copy of "a" wins
    assert store.counts()["documents"] == 2 and store.counts()["events"] == 3
    assert store.table("documents").set_index("doc_id").loc["a", "path"] == "y"


def test_doc_without_id_gets_text_id(store):
    doc = make_doc(doc_id=None)
    store.add(doc)
    store.add(make_doc(doc_id=None))
    assert doc.id and store.counts()["documents"] == 1


def test_doc_without_events_or_mentions(store):
    store.add(Document(text="نص", id="empty"))
    assert store.counts()["documents"] == 1 and store.events().empty
    assert list(store.events().columns) == EVENT_COLUMNS


def test_events_filters(store):
    store.add(make_doc("d1"))
    store.add(make_doc("d2", date=dt.date(2018, 1, 5)))
    df = store.events()
    assert list(df.columns) == EVENT_COLUMNS and len(df) == 4
    assert len(store.events(actor="POLICE")) == 2            # canonical, case-insensitive
    assert len(store.events(actor="irn_stud")) == 4          # id, source or target
    assert len(store.events(actor="الشرطة")) == 2            # name as written
    assert len(store.events(actor="irn")) == 4               # country code
    assert len(store.events(actor="nobody")) == 0
    assert len(store.events(type="protest")) == 2
    assert len(store.events(type="18")) == 2                 # CAMEO prefix
    assert len(store.events(doc_id="d2")) == 2
    assert len(store.events(limit=3)) == 3
    # the event date when known, else the document's date
    assert len(store.events(since="2017-12-31")) == 2
    assert len(store.events(until="2017-12-30")) == 2
    assert len(store.events(since=dt.date(2018, 1, 1), until="2018-01-31")) == 1
    row = store.events(type="ASSAULT", doc_id="d1").iloc[0]
    assert row.target_canonical == "Iranian students" and row.source_agent == "COP"
    assert row.sentence == TEXT[TEXT.index(".") + 2:]


def test_runs_and_errors(store):
    run = store.start_run(["a.txt", "b/"])
    store.add_error("b/x.json:3", "bad JSON", None, run)
    store.finish_run(run, n_docs=4, n_events=2, n_errors=1)
    runs = store.table("runs")
    assert runs.iloc[0].n_docs == 4 and runs.iloc[0].finished is not None
    assert '"b/"' in runs.iloc[0].inputs
    err = store.table("errors").iloc[0]
    assert (err.run_id, err.path, err.reason) == (run, "b/x.json:3", "bad JSON")


def test_persists_across_connections(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        s.add(make_doc())
    with Store(path, read_only=True) as s:
        assert len(s.events()) == 2


def test_failed_add_rolls_back(store, monkeypatch):
    store.add(make_doc())

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert", boom)
    with pytest.raises(RuntimeError):
        store.add(make_doc())
    assert store.counts()["events"] == 2  # the delete was rolled back


def test_growing_tables_carry_no_in_memory_index(store):
    # DuckDB keeps keys and indexes in memory: on a long run they grew ~1.5 KiB per document
    growing = ("documents", "events", "mentions", "event_reports", "merged_events")
    idx = store.con.execute("SELECT table_name FROM duckdb_indexes()").fetchall()
    keys = store.con.execute("SELECT table_name FROM duckdb_constraints() "
                             "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchall()
    assert not {r[0] for r in idx + keys} & set(growing)
    # ids stay unique without them: re-adding in new batches replaces, mixed new and stored ids
    store.add_many([(make_doc("a"), None), (make_doc("b"), None)])
    store.add_many([(make_doc("b", n_events=1), None), (make_doc("c"), None)])
    assert store.counts()["documents"] == 3 and store.counts()["events"] == 5
    assert store.con.execute("SELECT count(DISTINCT event_id) = count(*) FROM events").fetchone()[0]


def test_file_of_an_older_version_with_keys_still_works(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    from hudhud.store import _SCHEMA

    for stmt in _SCHEMA:  # the schema of before: a primary key and doc_id indexes
        if not stmt.startswith("DROP INDEX"):
            con.execute(stmt.replace("doc_id VARCHAR, path", "doc_id VARCHAR PRIMARY KEY, path"))
    for name, table in (("events_doc", "events"), ("mentions_doc", "mentions"),
                        ("reports_doc", "event_reports")):
        con.execute(f"CREATE INDEX {name} ON {table} (doc_id)")
    con.close()
    with Store(path) as s:
        assert not s.con.execute("SELECT * FROM duckdb_indexes()").fetchall()
        for n in (2, 1):
            s.add(make_doc(n_events=n))
        assert s.counts()["documents"] == 1 and s.counts()["events"] == 1


def test_memory_limit_is_restored(store):
    setting = "SELECT current_setting('memory_limit')"
    before = store.con.execute(setting).fetchone()[0]
    with store.memory_limit("64MB"):
        assert store.con.execute(setting).fetchone()[0] != before
        store.add(make_doc())
    assert store.con.execute(setting).fetchone()[0] == before


def test_done_state_says_what_is_stored_for_each_document(tmp_path):
    from hudhud.store import state_digest

    with Store(tmp_path / "d.duckdb") as s:
        assert s.done_state().get("a") is None and len(s.done_state()) == 0
        s.con.execute("""INSERT INTO documents (doc_id, content_hash, status, duplicate_of,
                                                hudhud_version)
                         SELECT 'd' || i, 'h' || i, CASE WHEN i % 3 = 0 THEN 'duplicate'
                                ELSE 'coded' END, CASE WHEN i % 3 = 0 THEN 'd1' END, '1.0'
                         FROM range(120000) t(i)""")
        done = s.done_state()
    assert len(done) == 120000 and done.get("d120000") is None
    assert done.get("d7") == state_digest("h7", "coded", None, "1.0")
    assert done.get("d7") != state_digest("h7", "coded", None, "1.1")  # another version
    assert done.get("d7") != state_digest("h8", "coded", None, "1.0")  # another text
    # a copy's state does not depend on the version that found it
    assert done.get("d9") == state_digest("h9", "duplicate", "d1", "2.0")
