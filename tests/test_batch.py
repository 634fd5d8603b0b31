"""Batch runs: worker processes, resume after a real kill -9, errors, syndicated copies.

A fake pipeline (`build`, plugged in through $HUDHUD_PIPELINE) codes one event per trigger
word so the tests do not depend on the lexicons; it can be slowed down ($HUDHUD_TEST_SLOW)
and counts the documents it codes in a file ($HUDHUD_TEST_MARK) so a kill lands mid-run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from hudhud.doc import Actor, Event, Mention, Participant, Sentence
from hudhud.pipeline import Pipeline
from hudhud.sources import SourceDoc

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"

ACTORS = {
    "إيران": Actor(id="irn", canonical="Iran", country="IRN", agent="GOV", kind="state"),
    "مصر": Actor(id="egy", canonical="Egypt", country="EGY", agent="GOV", kind="state"),
    "الأردن": Actor(id="jor", canonical="Jordan", country="JOR", agent="GOV", kind="state"),
    "تركيا": Actor(id="tur", canonical="Turkey", country="TUR", agent="GOV", kind="state"),
    "الطلاب": Actor(id=None, canonical="students", country="IRN", agent="EDU", kind="sector"),
}
TRIGGERS = {"تظاهر": ("PROTEST", "demonstrate", "141"), "هاجم": ("ASSAULT", None, "180"),
            "التقى": ("CONSULT", None, "040")}
BROKEN = "انفجار_الخطأ"
KILLER = "قاتل_العامل"   # a document that kills its worker process (os._exit)


def fake_component(doc):
    if BROKEN in doc.text:
        raise ValueError("broken document")
    if KILLER in doc.text and os.environ.get("HUDHUD_TEST_KILLER"):
        os._exit(3)
    slow = float(os.environ.get("HUDHUD_TEST_SLOW") or 0)
    if slow:
        time.sleep(slow)
    doc.sentences = [Sentence(0, len(doc.text))]
    for m in re.finditer("|".join(ACTORS), doc.text):
        doc.mentions.append(Mention(m.start(), m.end(), m.group(), ACTORS[m.group()], rule="fake"))
    for t in re.finditer("|".join(TRIGGERS), doc.text):
        after = [m for m in doc.mentions if m.start > t.end()][:2]
        parts = [Participant(m.text, m.actor, m.start, m.end) for m in after] + [None, None]
        ptype, mode, code = TRIGGERS[t.group()]
        doc.events.append(Event(ptype, mode, code, parts[0], parts[1], "fake." + ptype.lower(),
                                t.start(), t.end(), 0, len(doc.text), trigger=t.group(),
                                date=doc.date))
    mark = os.environ.get("HUDHUD_TEST_MARK")
    if mark:
        with open(mark, "a", encoding="utf-8") as fh:
            fh.write(f"{doc.id}\n")
    return doc


def build() -> Pipeline:
    return Pipeline([fake_component])


# --- a corpus of small generated documents -------------------------------------------------------
WORDS = ("الحكومة البرلمان الوزير المدينة الاجتماع القرار الاتفاق المنطقة الشعب الرئيس المجلس "
         "الأمن الاقتصاد السوق التقرير الموقف الحدود الملف الوفد البيان اللجنة الخطة المشروع "
         "الدعم الأزمة الحوار المفاوضات الجيش الشرطة المحكمة").split()
SITES = ("alpha-news.com", "www.beta.net", "gamma.org", "delta.sa")


def make_corpus(folder: Path, n: int = 400) -> dict:
    """n documents in four JSONL files (+ one bad line); every 25th is a copy of the previous."""
    folder.mkdir(parents=True, exist_ok=True)
    subjects = ["إيران", "مصر", "الأردن", "تركيا", "الطلاب"]
    records, copies, broken = [], {}, []
    for i in range(n):
        rng = random.Random(i)
        day = dt.date(2024, 3, 1) + dt.timedelta(days=i % 12)
        site = SITES[i % len(SITES)]
        if i % 25 == 24:  # syndicated: the previous story on another site, with a byline
            prev = records[-1]
            rec = dict(prev, id=f"d{i:03d}", text="(وكالة الأنباء) " + prev["text"],
                       url=f"https://{SITES[(i + 1) % len(SITES)]}/news/{i}")
            copies[rec["id"]] = prev["id"]
            records.append(rec)
            continue
        verb = rng.choice(list(TRIGGERS))
        a, b = rng.sample(subjects, 2)
        filler = " ".join(rng.choices(WORDS, k=24))
        text = (f"{verb} {a} مع {b} في اليوم {i % 12 + 1} من الشهر. "
                f"وقال المتحدث إن {filler} رقم {i * 7 + 3}. "
                f"{' '.join(rng.choices(WORDS, k=12))} {i}.")
        if i in (100, 300):
            text += " " + BROKEN
            broken.append(f"d{i:03d}")
        records.append({"id": f"d{i:03d}", "text": text, "date": day.isoformat(),
                        "url": f"https://{site}/a/{i}", "title": f"خبر {i}"})
    per_file = (n + 3) // 4
    for k in range(4):
        chunk = records[k * per_file:(k + 1) * per_file]
        lines = [json.dumps(r, ensure_ascii=False) for r in chunk]
        if k == 1:
            lines.insert(3, "{not json")
        (folder / f"part{k}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"n": n, "copies": copies, "broken": broken}


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["HUDHUD_PIPELINE"] = "test_batch:build"
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(SRC), env.get("PYTHONPATH", "")])
    env.pop("HUDHUD_TEST_SLOW", None)
    env.pop("HUDHUD_TEST_MARK", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _run_cmd(folder: Path, db: Path, workers: int, *more: str) -> list[str]:
    return [sys.executable, "-m", "hudhud.cli", "run", str(folder), "--db", str(db),
            "--workers", str(workers), "--no-progress", "--batch-size", "8", *more]


def run_cli(folder: Path, db: Path, workers: int = 1, **env) -> subprocess.CompletedProcess:
    r = subprocess.run(_run_cmd(folder, db, workers), env=_env(**env), capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return r


def snapshot(db: Path) -> dict[str, pd.DataFrame]:
    """Everything a run decides (not when it ran): tables sorted, timestamps and run ids out."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        q = {
            "events": "SELECT * FROM events ORDER BY event_id",
            "mentions": 'SELECT * FROM mentions ORDER BY doc_id, "start", "end"',
            "event_reports": "SELECT * FROM event_reports ORDER BY event_id, report",
            "documents": "SELECT doc_id, path, url, title, pub_date, n_chars, n_sentences, "
                         "n_events, site, content_hash, status, duplicate_of, n_copies "
                         "FROM documents ORDER BY doc_id",
            "errors": "SELECT DISTINCT path, doc_id, reason FROM errors ORDER BY ALL",
            "merged_events": "SELECT * FROM merged_events ORDER BY merged_id",
            "merged_event_reports": "SELECT * FROM merged_event_reports ORDER BY ALL",
        }
        return {k: con.execute(v).df() for k, v in q.items()}
    finally:
        con.close()


def assert_same(a: dict, b: dict) -> None:
    for name in a:
        pd.testing.assert_frame_equal(a[name].reset_index(drop=True),
                                      b[name].reset_index(drop=True), obj=name)


PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><meta property="article:published_time" content="{date}T09:00:00+03:00">
<meta property="og:url" content="{url}"></head><body><nav><a href="/">الرئيسية</a></nav>
<article><h1>{title}</h1>{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def make_html_corpus(folder: Path, n: int = 120) -> dict:
    """The records of `make_corpus` rendered as HTML pages (one file each, + one page that is
    not HTML at all): syndicated copies and broken documents are found after extraction."""
    src = folder.parent / (folder.name + "-jsonl")
    info = make_corpus(src, n)
    folder.mkdir(parents=True, exist_ok=True)
    for part in sorted(src.glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            sentences = [s.strip() + "." for s in rec["text"].split(".") if s.strip()]
            paras = "".join(f"<p>{s}</p>" for s in sentences)
            (folder / f"{rec['id']}.html").write_text(
                PAGE.format(title=rec["title"], date=rec["date"], url=rec["url"], paras=paras),
                encoding="utf-8")
    (folder / "zz-empty.html").write_bytes(b"\x00\x01 not a page")
    return info


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "docs"
    info = make_corpus(folder)
    info["folder"] = folder
    return info


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """An uninterrupted run, one process."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    run_cli(corpus["folder"], db, workers=1)
    return db


# --- kill -9 and resume -----------------------------------------------------------------------------
def test_kill_and_resume_matches_uninterrupted_run(corpus, reference, tmp_path):
    db, mark = tmp_path / "killed.duckdb", tmp_path / "coded.txt"
    proc = subprocess.Popen(_run_cmd(corpus["folder"], db, 2),
                            env=_env(HUDHUD_TEST_SLOW=0.01, HUDHUD_TEST_MARK=mark),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if mark.exists() and mark.read_text().count("\n") >= 150:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, like kill -9 on the job
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    done = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    unfinished = con.execute("SELECT count(*) FROM runs WHERE finished IS NULL").fetchone()[0]
    con.close()
    assert 0 < done < corpus["n"] - 10, done        # the kill landed mid-run, after commits
    assert unfinished == 1

    r = run_cli(corpus["folder"], db, workers=2)
    assert "already stored" in r.stdout
    assert_same(snapshot(reference), snapshot(db))

    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT n_docs, n_skipped, workers FROM runs WHERE finished IS NOT NULL"
                       ).fetchall()
    con.close()
    assert len(runs) == 1 and runs[0][1] > 0 and runs[0][2] == 2


def test_rerun_skips_everything_and_changes_nothing(corpus, reference, tmp_path):
    db = tmp_path / "again.duckdb"
    db.write_bytes(reference.read_bytes())
    before = snapshot(db)
    r = run_cli(corpus["folder"], db, workers=1)
    assert "this run: 0 documents, 0 events, 1 errors" in r.stdout  # the bad JSON line again
    assert_same(before, snapshot(db))


# --- errors, duplicates ---------------------------------------------------------------------------
def test_failing_documents_recorded_and_batch_goes_on(corpus, reference):
    snap = snapshot(reference)
    errors = snap["errors"]
    broken = errors[errors.reason.str.contains("broken document")]
    assert sorted(broken.doc_id) == corpus["broken"]
    assert (errors.path.str.endswith("part1.jsonl:4") & errors.reason.str.startswith("bad JSON")
            ).sum() == 1
    docs = snap["documents"].set_index("doc_id")
    assert (docs.loc[corpus["broken"], "status"] == "error").all()
    n_copies = len(corpus["copies"])
    assert (docs.status == "coded").sum() == corpus["n"] - len(corpus["broken"]) - n_copies


def test_syndicated_copies_coded_once_and_counted(corpus, reference):
    snap = snapshot(reference)
    docs = snap["documents"].set_index("doc_id")
    dups = docs[docs.status == "duplicate"]
    assert dups.duplicate_of.to_dict() == corpus["copies"]
    assert set(snap["events"].doc_id).isdisjoint(corpus["copies"])          # coded once
    originals = docs.loc[list(corpus["copies"].values())]
    assert (originals.n_copies == 1).all() and docs.n_copies.sum() == len(corpus["copies"])
    # the copies count as articles (and their sites as sources) of the merged events
    merged = snap["merged_events"].set_index("merged_id")
    links = snap["merged_event_reports"]
    orig = next(iter(corpus["copies"].values()))
    mid = links[links.doc_id == orig].merged_id.iloc[0]
    assert merged.loc[mid, "n_articles"] >= 2 and merged.loc[mid, "n_sources"] >= 2


def test_workers_give_the_same_results_as_one_process(corpus, reference, tmp_path):
    db = tmp_path / "w2.duckdb"
    run_cli(corpus["folder"], db, workers=2)
    assert_same(snapshot(reference), snapshot(db))


# --- HTML pages: extraction in the workers ------------------------------------------------------------
@pytest.fixture(scope="module")
def html_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html") / "pages"
    info = make_html_corpus(folder)
    info["folder"] = folder
    return info


def test_html_run_workers_match_one_process_and_find_copies(html_corpus, tmp_path):
    """`hudhud run` on HTML pages extracts them in the workers; the syndication and skip
    decisions stay in the parent, in input order: 1 and 2 workers store the same rows."""
    one, two = tmp_path / "h1.duckdb", tmp_path / "h2.duckdb"
    run_cli(html_corpus["folder"], one, workers=1)
    run_cli(html_corpus["folder"], two, workers=2)
    a, b = snapshot(one), snapshot(two)
    assert_same(a, b)
    docs = a["documents"].set_index("doc_id")
    dups = docs[docs.status == "duplicate"]
    # each copy found points at the page of its original (HTML page ids hash URL + text);
    # with the page title the copies are at Jaccard ~0.89, where MinHash LSH (64 values)
    # finds most, not all, of them
    name = docs.path.map(lambda p: Path(p).stem)
    found = {name[c]: name[o] for c, o in dups.duplicate_of.items()}
    assert found and found.items() <= html_corpus["copies"].items()
    assert docs.n_copies.sum() == len(found)
    assert (docs.status == "error").sum() == len(html_corpus["broken"])
    errors = a["errors"]
    assert errors.reason.str.contains("broken document").sum() == len(html_corpus["broken"])
    assert errors.path.str.endswith("zz-empty.html").sum() == 1       # extraction failure
    assert (docs.status == "coded").sum() == \
        html_corpus["n"] - len(html_corpus["broken"]) - len(found)
    # a re-run extracts again (in the workers) but codes nothing and changes nothing
    r = run_cli(html_corpus["folder"], two, workers=2)
    assert "this run: 0 documents" in r.stdout
    assert_same(b, snapshot(two))


def test_kill_and_resume_html_matches_uninterrupted_run(html_corpus, tmp_path):
    ref, db, mark = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb", tmp_path / "coded.txt"
    run_cli(html_corpus["folder"], ref, workers=1)
    proc = subprocess.Popen(_run_cmd(html_corpus["folder"], db, 2),
                            env=_env(HUDHUD_TEST_SLOW=0.02, HUDHUD_TEST_MARK=mark),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if mark.exists() and mark.read_text().count("\n") >= 50:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    done = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert 0 < done < html_corpus["n"] - 10, done
    r = run_cli(html_corpus["folder"], db, workers=2)
    assert "already stored" in r.stdout
    assert_same(snapshot(ref), snapshot(db))


def test_pipeline_worker_killed_by_a_document(fake_pipeline, monkeypatch):
    """A document that kills its worker is recorded as failed; the others are coded, in order,
    with the same decisions as in one process."""
    from hudhud.executor import Coded, Failed, LocalExecutor, Prepared

    monkeypatch.setenv("HUDHUD_PIPELINE", "test_batch:build")
    monkeypatch.setenv("HUDHUD_TEST_KILLER", "1")
    texts = [f"تظاهر الطلاب {i}" for i in range(20)]
    texts[7] += " " + KILLER
    decided: list[str] = []

    def decide(p: Prepared):
        decided.append(p.item.doc_id)
        return p.item if p.item.doc_id != "x3" else None      # x3: decided not to code

    out = list(LocalExecutor(2, chunk_size=4).pipeline(_docs(texts), decide))
    assert decided == [f"x{i}" for i in range(20)]
    assert [r.doc_id for r in out] == [f"x{i}" for i in range(20) if i != 3]
    failed = [r for r in out if isinstance(r, Failed)]
    assert [(f.doc_id, f.reason) for f in failed] == [("x7", "worker process died")]
    assert all(isinstance(r, Coded) for r in out if r.doc_id != "x7")


@pytest.mark.parametrize("stage", ["pipeline", "map"])
def test_only_the_document_that_kills_its_worker_is_blamed(fake_pipeline, monkeypatch, stage):
    """Slow documents are still running when the killer dies: they are retried, one at a time,
    and only the killer is recorded as failed (before, whichever retried item was first in
    line when the pool broke again was blamed), in both of the executor's pool loops."""
    from hudhud.executor import Failed, LocalExecutor

    monkeypatch.setenv("HUDHUD_PIPELINE", "test_batch:build")
    monkeypatch.setenv("HUDHUD_TEST_KILLER", "1")
    monkeypatch.setenv("HUDHUD_TEST_SLOW", "0.3")
    texts = [f"تظاهر الطلاب {i}" for i in range(6)]
    texts[1] += " " + KILLER   # x0 and x1 start together: x0 is still running when x1 dies
    executor = LocalExecutor(2, chunk_size=1)
    out = list(executor.pipeline(_docs(texts), lambda p: p.item) if stage == "pipeline"
               else executor.map(_docs(texts)))
    assert [r.doc_id for r in out] == [f"x{i}" for i in range(6)]
    assert [r.doc_id for r in out if isinstance(r, Failed)] == ["x1"]


# --- in-process: executor and run_batch -------------------------------------------------------------
@pytest.fixture
def fake_pipeline(monkeypatch):
    import hudhud.pipeline

    monkeypatch.setattr(hudhud.pipeline, "_DEFAULT", build())


def _docs(texts):
    return [SourceDoc(doc_id=f"x{i}", text=t, date=dt.date(2024, 1, 1), path=f"mem:{i}")
            for i, t in enumerate(texts)]


def test_local_executor_in_order_with_failures(fake_pipeline, monkeypatch):
    from hudhud.executor import Coded, Failed, LocalExecutor

    texts = ["تظاهر الطلاب", BROKEN, "هاجم إيران مصر"] * 5
    one = list(LocalExecutor(1).map(_docs(texts)))
    monkeypatch.setenv("HUDHUD_PIPELINE", "test_batch:build")
    two = list(LocalExecutor(2, chunk_size=2).map(_docs(texts)))
    assert [r.doc_id for r in one] == [r.doc_id for r in two] == [f"x{i}" for i in range(15)]
    assert [type(r) for r in one] == [type(r) for r in two] == [Coded, Failed, Coded] * 5
    assert two[1].reason == "ValueError: broken document" and two[1].path == "mem:1"
    assert one[2].rows["events"] == two[2].rows["events"] or \
        [e["event_id"] for e in one[2].rows["events"]] == [e["event_id"] for e in two[2].rows["events"]]


def test_changed_document_is_recoded(fake_pipeline, tmp_path):
    from hudhud.executor import run_batch
    from hudhud.store import Store

    docs = _docs(["تظاهر الطلاب في طهران", "هاجم إيران مصر", "التقى الأردن تركيا"])
    with Store(tmp_path / "c.duckdb") as store:
        first = run_batch(store, docs, ["mem"], dedup=False)
        assert (first["docs"], first["events"], first["skipped"]) == (3, 3, 0)
        docs[1].text = "تظاهر مصر ثم هاجم إيران مصر"
        second = run_batch(store, docs, ["mem"], dedup=False)
        assert (second["docs"], second["skipped"]) == (1, 2)
        assert store.events(doc_id="x1").plover_type.tolist() == ["PROTEST", "ASSAULT"]
        assert store.counts()["events"] == 4
        forced = run_batch(store, docs, ["mem"], dedup=False, force=True)
        assert forced["docs"] == 3 and store.counts()["events"] == 4
        runs = store.table("runs")
        assert runs.n_docs.tolist() == [3, 1, 3] and runs.finished.notna().all()


def test_dedup_near_duplicates():
    from hudhud.dedup import Deduplicator, jaccard

    base = " ".join(random.Random(1).choices(WORDS, k=60))
    other = " ".join(random.Random(2).choices(WORDS, k=60))
    d = Deduplicator(threshold=0.8)
    assert d.check("a", base) is None
    assert d.check("b", "عاجل: " + base + " المصدر") == "a"
    assert d.check("c", other) is None
    assert d.check("d", "تظاهر") is None and d.check("e", "تَظاهُر") == "d"  # short: exact words
    assert jaccard(base, other) < 0.5


def test_dedup_fingerprint_in_another_process_same_decision():
    """The fingerprint computed in a worker (fresh process) decides as `check` does here."""
    import pickle

    from hudhud.dedup import Deduplicator

    base = " ".join(random.Random(1).choices(WORDS, k=60))
    code = ("import pickle, sys; from hudhud.dedup import fingerprint; "
            "sys.stdout.buffer.write(pickle.dumps(fingerprint(sys.argv[1])))")
    out = subprocess.run([sys.executable, "-c", code, "عاجل: " + base], capture_output=True,
                         env=_env(), check=True).stdout
    d = Deduplicator()
    assert d.check("a", base) is None
    assert d.check_fingerprint("b", pickle.loads(out)) == "a"


def test_dedup_window_forgets_oldest_distinct_documents():
    from hudhud.dedup import Deduplicator

    texts = [" ".join(random.Random(100 + i).choices(WORDS, k=40)) + f" {i}" for i in range(6)]
    d = Deduplicator(window=3)
    for i, t in enumerate(texts):
        assert d.check(f"t{i}", t) is None
    assert d.size == 3 and d.evicted == 3 and len(d.signatures) == 3
    assert d.check("copy-old", "عاجل " + texts[1]) is None       # t1 forgotten: a new story
    assert d.check("copy-new", "عاجل " + texts[5]) == "t5"        # within the window
    assert d.check("short", "تظاهر") is None and d.size == 3
    unbounded = Deduplicator(window=0)
    for i, t in enumerate(texts):
        unbounded.check(f"t{i}", t)
    assert unbounded.check("copy-old", "عاجل " + texts[1]) == "t1" and unbounded.size == 6


def test_run_batch_with_raw_pages_in_process(fake_pipeline, tmp_path):
    """RawPages (HTML not yet extracted) go through run_batch with one worker too."""
    from hudhud.executor import run_batch
    from hudhud.sources import RawPage
    from hudhud.store import Store

    body = " ".join(random.Random(5).choices(WORDS, k=50))
    page = PAGE.format(title="خبر", date="2024-03-01", url="https://a.example/1",
                       paras=f"<p>تظاهر الطلاب في طهران. {body}</p>")
    items = [RawPage("mem:1", page.encode("utf-8")),
             RawPage("mem:2", page.replace("a.example/1", "b.example/2").encode("utf-8")),
             RawPage("mem:3", b"\x00")]
    with Store(tmp_path / "r.duckdb") as store:
        stats = run_batch(store, items, ["mem"], merge=False)
        assert (stats["docs"], stats["duplicates"], stats["errors"]) == (1, 1, 1)
        docs = store.table("documents").set_index("path")
        assert docs.loc["mem:2", "duplicate_of"] == docs.loc["mem:1", "doc_id"]
        assert docs.loc["mem:1", "status"] == "coded" and "mem:3" not in docs.index
        assert store.table("errors").path.tolist() == ["mem:3"]
