"""Cross-article merge: reports of one event across articles and sites → one merged row."""

from __future__ import annotations

import datetime as dt

import pytest

from hudhud.crossmerge import actors_compatible, rebuild
from hudhud.doc import Actor, Document, Event, Participant, Sentence
from hudhud.store import Store, document_rows

STUDENTS = Actor(id=None, canonical="Iranian students", country="IRN", agent="EDU")
POLICE = Actor(id=None, canonical="Iranian police", country="IRN", agent="COP")
IRAN = Actor(id="irn_gov", canonical="Iran", country="IRN", agent="GOV", kind="state")
ROUHANI = Actor(id="rouhani", canonical="Hassan Rouhani", country="IRN", agent="GOV",
                kind="person")
KHAMENEI = Actor(id="khamenei", canonical="Ali Khamenei", country="IRN", agent="GOV",
                 kind="person")
IRN_GOV = Actor(id=None, canonical="Iranian government", country="IRN", agent="GOV")

TEXT = "تظاهر مئات الطلاب في طهران."


def _doc(doc_id, day, site, events, event_day=None):
    evs = []
    for ptype, code, src, tgt in events:
        evs.append(Event(ptype, None, code, Participant("س", src) if src else None,
                         Participant("ت", tgt) if tgt else None, "r", 0, 5, 0, len(TEXT),
                         trigger="تظاهر", date=event_day))
    return Document(text=TEXT + " " + doc_id, id=doc_id, date=day, url=f"https://www.{site}/{doc_id}",
                    sentences=[Sentence(0, len(TEXT))], events=evs)


D = dt.date(2024, 3, 1)


def fill(store: Store) -> None:
    items = [
        _doc("d1", D, "a.com", [("PROTEST", "141", STUDENTS, None)]),
        _doc("d2", D + dt.timedelta(days=1), "b.net", [("PROTEST", "140", STUDENTS, None)]),
        _doc("d3", D + dt.timedelta(days=4), "c.org", [("PROTEST", "141", STUDENTS, None)]),
        _doc("d4", D, "a.com", [("ASSAULT", "180", POLICE, STUDENTS),
                                ("PROTEST", "141", IRAN, None)]),
        _doc("d6", D, "b.net", [("CONSULT", "040", ROUHANI, None)]),
        _doc("d7", D, "c.org", [("CONSULT", "040", IRN_GOV, None)]),
        _doc("d8", D, "c.org", [("CONSULT", "040", KHAMENEI, None)]),
    ]
    rows = [document_rows(d, f"{d.id}.txt") for d in items]
    copy = document_rows(Document(text="copy", id="d5", date=D, url="https://d.sa/x"), "d5.txt")
    copy["doc"].update(status="duplicate", duplicate_of="d1", n_events=0)
    copy["events"] = []
    store.write(rows + [copy])
    store.update_copies()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        fill(s)
        yield s


def _merged(store):
    return store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").df()


def test_reports_across_articles_become_one_event(store):
    result = rebuild(store)
    assert result == {"events": 8, "merged": 6}
    m = _merged(store)
    protests = m[(m.plover_type == "PROTEST") & (m.source_key == "IRN:EDU")].sort_values("date")
    assert len(protests) == 2  # d1+d2 (one day apart) and d3 (four days later)
    first = protests.iloc[0]
    # reports d1, d2; articles d1, its syndicated copy d5, d2; sites a.com, d.sa, b.net
    assert (first.n_reports, first.n_mentions, first.n_articles, first.n_sources) == (2, 2, 3, 3)
    assert first.sources == "a.com,b.net,d.sa"
    assert str(first.first_seen)[:10] == "2024-03-01" and str(first.last_seen)[:10] == "2024-03-02"
    assert first.cameo_code == "141"  # the most specific code reported
    links = store.con.execute("SELECT doc_id FROM merged_event_reports WHERE merged_id = ? "
                              "ORDER BY doc_id", [first.merged_id]).fetchall()
    assert [r[0] for r in links] == ["d1", "d2"]
    # a named state is not the students; the ASSAULT is its own event
    assert len(m[(m.plover_type == "PROTEST") & (m.source_key == "irn_gov")]) == 1


def test_named_actors_never_merge_but_sector_joins_a_person(store):
    rebuild(store)
    consult = _merged(store)
    consult = consult[consult.plover_type == "CONSULT"]
    # Rouhani + "the Iranian government" merge; Khamenei stays apart
    assert sorted(consult.n_reports.tolist()) == [1, 2]
    assert set(consult.source_key) == {"rouhani", "khamenei"}


def test_window_and_idempotence(store):
    rebuild(store)
    first = _merged(store)
    links = store.con.execute("SELECT * FROM merged_event_reports ORDER BY ALL").df()
    rebuild(store)
    assert first.equals(_merged(store))
    assert links.equals(store.con.execute("SELECT * FROM merged_event_reports ORDER BY ALL").df())
    assert rebuild(store, window_days=5)["merged"] == 5  # d3 joins the students' protest


def test_actor_compatibility():
    a = {"id": None, "country": "IRN", "agent": "GOV", "key": "IRN:GOV"}
    assert actors_compatible(a, {"id": "x", "country": "IRN", "agent": None, "key": "x"})
    assert not actors_compatible(a, {"id": None, "country": "IRN", "agent": "MIL", "key": "IRN:MIL"})
    assert not actors_compatible({"id": "x", "country": "IRN", "agent": None, "key": "x"},
                                 {"id": "y", "country": "IRN", "agent": None, "key": "y"})
    assert actors_compatible(None, None) and not actors_compatible(a, None)


def test_merge_command(tmp_path):
    from typer.testing import CliRunner

    from hudhud.cli import app

    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        fill(s)
    r = CliRunner().invoke(app, ["merge", "--db", str(db), "--window", "1"])
    assert r.exit_code == 0 and "8 events → 6 merged events" in r.stdout


TEHRAN = ("gn:112931", "Tehran", "IRN")
ISFAHAN = ("gn:418863", "Isfahan", "IRN")
IRAN_CC = ("cc:IR", "Iran", "IRN")
IRAQ_CC = ("cc:IQ", "Iraq", "IRQ")


def _placed(store, places):
    """One PROTEST by the students per document; `places[i]` is doc i's event place; doc i is
    dated D + i // 2 days (reports are visited by day, then by event id: the third report comes
    after the first two whatever their ids)."""
    rows = []
    for i, place in enumerate(places):
        doc = _doc(f"p{i}", D + dt.timedelta(days=i // 2), f"s{i}.com",
                   [("PROTEST", "141", STUDENTS, None)])
        if place:
            e = doc.events[0]
            e.place_id, e.place_name, e.place_country = place
        rows.append(document_rows(doc, f"p{i}.txt"))
    store.write(rows)
    rebuild(store)
    m = store.con.execute("""SELECT m.merged_id, m.place, m.place_id, m.place_name, m.place_country,
                                    m.n_reports, list(r.doc_id ORDER BY r.doc_id) AS docs
                             FROM merged_events m JOIN merged_event_reports r USING (merged_id)
                             GROUP BY ALL ORDER BY docs""").df()
    return [(r.docs.tolist(), r.place_id, r.place_name) for r in m.itertuples()], m


@pytest.mark.parametrize("places, expected", [
    # two different cities: two events, each with its place
    ([TEHRAN, ISFAHAN], [(["p0"], "gn:112931", "Tehran"), (["p1"], "gn:418863", "Isfahan")]),
    # the same place id: one event
    ([TEHRAN, TEHRAN], [(["p0", "p1"], "gn:112931", "Tehran")]),
    # one report without a place joins the one with a place, whose place the merged row keeps
    ([None, TEHRAN], [(["p0", "p1"], "gn:112931", "Tehran")]),
    ([TEHRAN, None], [(["p0", "p1"], "gn:112931", "Tehran")]),
    ([None, None], [(["p0", "p1"], None, None)]),
    # a country and a city inside it: one event, placed at the city
    ([IRAN_CC, TEHRAN], [(["p0", "p1"], "gn:112931", "Tehran")]),
    # two countries, or a city outside the country: apart
    ([IRAN_CC, IRAQ_CC], [(["p0"], "cc:IR", "Iran"), (["p1"], "cc:IQ", "Iraq")]),
    ([IRAQ_CC, TEHRAN], [(["p0"], "cc:IQ", "Iraq"), (["p1"], "gn:112931", "Tehran")]),
    # the group took Tehran (whichever of the two came first): Isfahan cannot join it any more
    ([IRAN_CC, TEHRAN, ISFAHAN], [(["p0", "p1"], "gn:112931", "Tehran"),
                                  (["p2"], "gn:418863", "Isfahan")]),
])
def test_places_are_compared_by_place_id(tmp_path, places, expected):
    with Store(tmp_path / "p.duckdb") as s:
        got, m = _placed(s, places)
    assert got == expected
    assert (m.place.isna() | (m.place == m.place_id)).all()       # `place` repeats the id
    assert set(m.place_country.dropna()) <= {"IRN", "IRQ"}


def test_places_compatible():
    from hudhud.crossmerge import places_compatible

    p = lambda pid, country: {"id": pid, "name": None, "country": country}  # noqa: E731
    assert places_compatible(None, p("gn:1", "IRN")) and places_compatible(None, None)
    assert places_compatible(p("gn:1", "IRN"), p("gn:1", "IRN"))
    assert not places_compatible(p("gn:1", "IRN"), p("gn:2", "IRN"))
    assert places_compatible(p("cc:IR", "IRN"), p("sy_aleppo", "IRN"))
    assert not places_compatible(p("cc:IR", None), p("gn:2", None))


def _scan_groups(rows, window_days):
    """The plain definition: each report joins the first open compatible group (a list scan)."""
    from hudhud.crossmerge import _actor, _Group

    groups, open_groups, block = [], [], None
    for r in rows:
        if (r["plover_type"], bool(r.get("negated"))) != block:
            block, open_groups = (r["plover_type"], bool(r.get("negated"))), []
        source, target = _actor(r, "source"), _actor(r, "target")
        if r["day"] is None:
            groups.append(_Group(r, source, target))
            open_groups = []
            continue
        open_groups = [g for g in open_groups if (r["day"] - g.first_day).days <= window_days]
        for g in open_groups:
            if g.accepts(r, source, target):
                g.add(r, source, target)
                break
        else:
            groups.append(_Group(r, source, target))
            open_groups.append(groups[-1])
    return groups


def _random_rows(n, seed):
    import random

    rng = random.Random(seed)
    people = [None, "p1", "p2", "p3"]
    countries = [None, "IRN", "IRQ", "SYR"]
    places = [None, ("cc:IR", "IRN"), ("gn:1", "IRN"), ("gn:2", "IRN"), ("cc:IQ", "IRQ")]
    rows = []
    for i in range(n):
        row = {"event_id": f"e{i:05d}", "doc_id": f"d{i // 2}",
               "plover_type": rng.choice(["PROTEST", "ASSAULT"]), "negated": rng.random() < 0.1,
               "plover_mode": rng.choice([None, None, "demo", "riot"]),
               "day": None if rng.random() < 0.05 else D + dt.timedelta(days=rng.randrange(8))}
        for role in ("source", "target"):
            if role == "target" and rng.random() < 0.3:
                continue
            row[f"{role}_id"] = rng.choice(people)
            row[f"{role}_country"] = rng.choice(countries)
            row[f"{role}_agent"] = rng.choice([None, "GOV", "CVL"])
            row[f"{role}_name"] = "x"
        place = rng.choice(places)
        if place:
            row["place_id"], row["place_country"] = place
        rows.append(row)
    rows.sort(key=lambda r: (r["plover_type"], r["negated"], r["day"] is None,
                             r["day"] or dt.date.min, r["event_id"]))
    return rows


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("window", [0, 1, 3])
def test_the_indexed_grouping_is_the_plain_scan(seed, window):
    from hudhud.crossmerge import group_events

    rows = _random_rows(600, seed)
    got = sorted(tuple(r["event_id"] for r in g.rows) for g in group_events(rows, window))
    want = sorted(tuple(r["event_id"] for r in g.rows) for g in _scan_groups(rows, window))
    assert got == want
    assert sum(len(g) for g in got) == len(rows)
    assert len(got) < len(rows)  # the random reports do merge


def test_undated_reports_are_never_merged(tmp_path):
    with Store(tmp_path / "u.duckdb") as s:
        s.write([document_rows(_doc(f"u{i}", None, f"s{i}.com",
                                    [("PROTEST", "141", STUDENTS, None)]), f"u{i}.txt")
                 for i in range(3)])
        assert rebuild(s) == {"events": 3, "merged": 3}


def test_small_batches_give_the_same_merge(store, tmp_path):
    rebuild(store)
    whole = _merged(store)
    rebuild(store, batch=1)
    assert whole.equals(_merged(store))


def test_a_failed_rebuild_keeps_the_previous_merge(store, monkeypatch):
    import hudhud.crossmerge as cm

    rebuild(store)
    before = _merged(store)

    real, calls = cm.merged_row, []

    def broken(g):  # fails once some merged rows are already written in the transaction
        calls.append(g)
        if len(calls) > 3:
            raise RuntimeError("disk full")
        return real(g)

    monkeypatch.setattr(cm, "merged_row", broken)
    with pytest.raises(RuntimeError):
        rebuild(store, batch=1)
    assert before.equals(_merged(store))
