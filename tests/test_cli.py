import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

import hudhud.pipeline
from hudhud.cli import app
from hudhud.doc import Actor, Event, Participant, Sentence, Token
from hudhud.pipeline import Pipeline
from hudhud.records import EVENT_COLUMNS
from hudhud.store import Store

runner = CliRunner()
STUDENTS = Actor(id="irn_students", canonical="Iranian students", country="IRN", agent="EDU")
TRIGGER = "تظاهر"


def fake_component(doc):
    """Stands in for the real pipeline: one sentence, one PROTEST per trigger occurrence."""
    doc.sentences = [Sentence(0, len(doc.text))]
    doc.tokens = [Token(m.start(), m.end(), m.group(), m.group()) for m in re.finditer(r"\S+", doc.text)]
    doc.sentence_tokens = [(0, len(doc.tokens))]
    for m in re.finditer(TRIGGER, doc.text):
        doc.note(f"matched protest.fake at {m.start()}")
        doc.events.append(Event("PROTEST", "demonstrate", "141",
                                Participant("الطلاب", STUDENTS), None, "protest.fake",
                                m.start(), m.end(), 0, len(doc.text), trigger=TRIGGER,
                                date=doc.date))
    return doc


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(hudhud.pipeline, "_DEFAULT", Pipeline([fake_component]))


ARTICLE = "---\ndate: 2017-12-11\ntitle: عنوان\n---\nتظاهر آلاف الطلاب.\n\nلا شيء هنا.\nتظاهر العمال.\n"


def invoke(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_help_everywhere():
    for cmd in ([], ["code"], ["run"], ["events"], ["demo"], ["eval"], ["eval", "gsr"],
                ["explain"], ["lexicon"], ["lexicon", "check"], ["version"]):
        r = invoke(*cmd, "--help")
        assert r.exit_code == 0 and "Usage" in r.stdout, cmd


def test_version():
    r = invoke("version")
    assert r.exit_code == 0 and r.stdout.startswith("hudhud ")


def test_code_jsonl_record_keys(tmp_path, fake_pipeline):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = invoke("code", p, "--format", "jsonl")
    assert r.exit_code == 0
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 2
    for key in ("event_id", "doc_id", "date", "plover_type", "cameo_code", "source", "target",
                "rule", "sentence", "reports", "url"):
        assert key in recs[0]
    assert recs[0]["date"] == "2017-12-11"            # front matter honoured
    assert recs[0]["source"]["canonical"] == "Iranian students"
    assert "الطلاب" in r.stdout                         # ensure_ascii=False


def test_code_lines_doc_ids(tmp_path, fake_pipeline):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = invoke("code", p, "--lines", "--format", "jsonl", "--date", "2020-02-02", "--url", "u")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    # physical 1-based line numbers of the file (front matter takes lines 1-4)
    assert [x["doc_id"] for x in recs] == ["5", "8"]
    assert {x["date"] for x in recs} == {"2020-02-02"} and {x["url"] for x in recs} == {"u"}


def test_code_stdin_lines(fake_pipeline):
    r = invoke("code", "-", "--lines", "-f", "jsonl", input="تظاهر أ\nب\nتظاهر ج\n")
    assert [json.loads(x)["doc_id"] for x in r.stdout.splitlines()] == ["1", "3"]


def test_code_csv(tmp_path, fake_pipeline):
    r = invoke("code", "-", "--format", "csv", input="تظاهر الطلاب")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == EVENT_COLUMNS and rows[0]["source_country"] == "IRN"


def test_code_table(fake_pipeline):
    r = invoke("code", "-", input="تظاهر الطلاب")
    assert r.exit_code == 0 and "PROTEST" in r.stdout and "Iranian students" in r.stdout


def test_code_no_events_says_so(fake_pipeline):
    r = invoke("code", "-", input="لا شيء هنا")
    assert r.exit_code == 0 and r.stdout == "" and "no events" in r.stderr


def test_code_bad_input(tmp_path):
    r = invoke("code", tmp_path / "missing.txt")
    assert r.exit_code == 1 and "missing.txt" in r.stderr
    assert invoke("code", "-", "--date", "yesterday", input="x").exit_code != 0


def _corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": "تظاهر المعلمون", "date": "2018-01-02"}, ensure_ascii=False)
        + "\n{broken\n" + json.dumps({"id": "b3", "text": "لا حدث"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    return folder


def test_run_and_rerun_do_not_duplicate(tmp_path, fake_pipeline):
    folder, db = _corpus(tmp_path), tmp_path / "t.duckdb"
    for expected in ("3 documents, 3 events, 1 errors",   # coded
                     "0 documents, 0 events, 1 errors, 3 already stored",  # resumed: skipped
                     "3 documents, 3 events, 1 errors"):  # --force: re-coded, replaced
        more = ["--force"] if expected.startswith("3") and db.exists() else []
        r = invoke("run", folder, "--db", db, "--no-progress", *more)
        assert r.exit_code == 0, r.output
        assert str(db.resolve()) in r.stdout
        assert expected in r.stdout
    with Store(db, read_only=True) as s:
        counts = s.counts()
        assert (counts["documents"], counts["events"], counts["runs"]) == (3, 3, 3)
        errors = s.table("errors")
        assert len(errors) == 3 and errors.path.str.endswith("b.jsonl:2").all()
        assert s.table("runs").n_docs.tolist() == [3, 0, 3]
    r = invoke("run", folder, "--db", db, "--no-progress", "--skip-existing")
    assert "0 documents" in r.stdout and "3 already stored" in r.stdout


def test_run_records_failing_documents(tmp_path, monkeypatch):
    def flaky(doc):
        if "boom" in doc.text:
            raise ValueError("component exploded")
        return fake_component(doc)

    monkeypatch.setattr(hudhud.pipeline, "_DEFAULT", Pipeline([flaky]))
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                           for i, t in enumerate(["تظاهر", "boom", "تظاهر ثانية"])), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    r = invoke("run", p, "--db", db, "--no-progress")
    assert r.exit_code == 0 and "2 documents, 2 events, 1 errors" in r.stdout
    with Store(db, read_only=True) as s:
        err = s.table("errors").iloc[0]
        assert err.doc_id == "1" and "component exploded" in err.reason


def test_events_query(tmp_path, fake_pipeline):
    folder, db = _corpus(tmp_path), tmp_path / "t.duckdb"
    invoke("run", folder, "--db", db, "--no-progress")
    r = invoke("events", "--db", db, "--format", "jsonl", "--since", "2018-01-01")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["doc_id"] for x in rows] == ["b1"] and rows[0]["date"] == "2018-01-02"
    r = invoke("events", "--db", db, "--actor", "iranian", "--type", "protest", "--limit", "2",
               "-f", "csv")
    assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 2
    assert "PROTEST" in invoke("events", "--db", db).stdout
    r = invoke("events", "--db", db, "--actor", "nobody")
    assert r.exit_code == 0 and "no events" in r.stderr
    assert invoke("events", "--db", tmp_path / "none.duckdb").exit_code == 1


def test_demo(tmp_path, fake_pipeline):
    from hudhud import sources

    db = tmp_path / "demo.duckdb"
    r = invoke("demo", "--db", db, "--no-progress")
    if not list(sources.iter_examples()):
        assert r.exit_code == 1 and "no bundled examples" in r.stderr
        return
    assert r.exit_code == 0 and str(db.resolve()) in r.stdout
    assert db.exists()


def test_eval_gsr_on_tiny_csv(tmp_path, fake_pipeline):
    with (tmp_path / "protest_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
        w.writerows([[5, "PROTEST", "1", "yes", 0, "تظاهر الطلاب", 5],
                     [0, "PROTEST", "2", "easy no", 5, "فاز الفريق", 5],
                     [0, "PROTEST", "3", "difficult no", 5, "قالوا إنهم تظاهر", 5],
                     [2, "PROTEST", "4", "ambiguous", 3, "تظاهر", 5]])
    out = tmp_path / "out.json"
    r = invoke("eval", "gsr", tmp_path, "--out", out, "--errors", "3")
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    p = result["PROTEST"]
    assert (p["tp"], p["fp"], p["fn"], p["tn"], p["n"]) == (1, 1, 0, 1, 3)
    assert json.loads(out.read_text(encoding="utf-8")) == result
    assert "false positive" in r.stderr and "protest.fake" in r.stderr
    # a summary table on stderr: the counts and scores of each type
    assert "GSR: sentence level" in r.stderr and "PROTEST" in r.stderr and "0.50" in r.stderr


def test_eval_gsr_missing_dir(tmp_path):
    r = invoke("eval", "gsr", tmp_path)
    assert r.exit_code == 2 and "gsr" in r.stderr


def test_explain(fake_pipeline):
    r = invoke("explain", "تظاهر الطلاب", "--date", "2017-12-11")
    assert r.exit_code == 0
    for part in ("tokens", "الطلاب", "matched protest.fake", "PROTEST", "protest.fake"):
        assert part in r.stdout, part


def test_explain_with_current_pipeline():
    assert invoke("explain", "تظاهر الطلاب").exit_code == 0


def test_lexicon_check():
    import importlib.util

    r = invoke("lexicon", "check")
    if importlib.util.find_spec("hudhud.lexicon.check") is None:
        assert r.exit_code == 1 and "lexicon checker not available" in r.output
    else:
        assert r.exit_code in (0, 1)
