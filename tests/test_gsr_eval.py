import csv
import json
from pathlib import Path

import pytest

from hudhud.doc import Document, Event
from hudhud.evaluation import gsr

FIELDS = ["accept", "event_type", "id", "label", "reject", "text", "total"]
SHARED_GSR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "arabic_event_gsr"


def write_gsr(folder: Path, name: str, etype: str, rows: list[tuple[str, str]]) -> None:
    with (folder / f"{name}_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for i, (label, text) in enumerate(rows):
            w.writerow({"accept": 0, "event_type": etype, "id": f"{name}-{i}", "label": label,
                        "reject": 0, "text": text, "total": 5})


def fake_code(text: str) -> Document:
    """Codes PROTEST when the text contains "P", ASSAULT when it contains "A"."""
    doc = Document(text=text)
    for letter, etype in (("P", "PROTEST"), ("A", "ASSAULT")):
        if letter in text:
            doc.events.append(Event(etype, None, "000", None, None, f"fake.{etype.lower()}",
                                    0, 1, 0, len(text)))
    return doc


@pytest.fixture
def gold(tmp_path):
    write_gsr(tmp_path, "protest", "PROTEST", [
        ("yes", "P1"), ("yes", "P2"), ("yes", "x3"),         # tp, tp, fn
        ("difficult no", "P4"), ("difficult no", "x5"),      # fp, tn
        ("easy no", "x6"), ("easy no", "A7"),                # tn, tn (ASSAULT is not PROTEST)
        ("ambiguous", "P8"), ("ambiguous", "x9"),            # left out
    ])
    write_gsr(tmp_path, "assault", "ASSAULT", [
        ("yes", "A1"), ("easy no", "A2"), ("Easy No ", "x3"), ("ambiguous", "A4"),
    ])
    return tmp_path


def test_protocol_counts(gold):
    result = gsr.score(gold, code=fake_code)
    p = result["PROTEST"]
    assert (p["tp"], p["fp"], p["fn"], p["tn"], p["n"], p["n_excluded"]) == (2, 1, 1, 3, 7, 2)
    assert p["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert p["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert p["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert p["predicted_positive_rate"] == {"yes": pytest.approx(2 / 3, abs=1e-4),
                                            "difficult no": 0.5, "easy no": 0.0}
    a = result["ASSAULT"]
    assert (a["tp"], a["fp"], a["fn"], a["tn"], a["n"], a["n_excluded"]) == (1, 1, 0, 1, 3, 1)
    assert a["precision"] == 0.5 and a["recall"] == 1.0
    assert "elapsed_s" in result and "errors" not in result
    json.dumps(result)


def test_ambiguous_rows_are_never_coded(gold):
    seen = []

    def spy(text):
        seen.append(text)
        return fake_code(text)

    gsr.score(gold, code=spy)
    assert "P8" not in seen and "x9" not in seen and "A4" not in seen and len(seen) == 10


def test_error_samples_name_the_rules(gold):
    result = gsr.score(gold, code=fake_code, max_errors=5)
    errs = result["errors"]["PROTEST"]
    assert [e["text"] for e in errs["false_positives"]] == ["P4"]
    assert errs["false_positives"][0]["rules"] == ["fake.protest"]
    assert [e["text"] for e in errs["false_negatives"]] == ["x3"]


def test_limit(gold):
    assert gsr.score(gold, code=fake_code, limit=2)["PROTEST"]["n"] == 2


def test_zero_division_is_zero(tmp_path):
    write_gsr(tmp_path, "protest", "PROTEST", [("easy no", "x")])
    p = gsr.score(tmp_path, code=fake_code)["PROTEST"]
    assert p["precision"] == p["recall"] == p["f1"] == 0.0
    assert p["predicted_positive_rate"]["yes"] == 0.0


def test_missing_dir_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="gsr"):
        gsr.score(tmp_path, code=fake_code)


@pytest.mark.skipif(not SHARED_GSR.is_dir(), reason="../shared gold set not present")
def test_shared_gold_set_shape():
    result = gsr.score(SHARED_GSR, limit=20)
    for etype in ("PROTEST", "ASSAULT"):
        r = result[etype]
        assert r["n"] == 20 and r["tp"] + r["fp"] + r["fn"] + r["tn"] == 20
    assert gsr.default_dir().resolve() == SHARED_GSR.resolve()


def test_rows_are_coded_with_the_story_date_their_id_carries(tmp_path):
    import datetime as dt

    assert gsr.publication_date("AAW_ARB_20071026.0026-2") == dt.date(2007, 10, 26)
    assert gsr.publication_date("e6874d82b9c4d010_38") is None
    assert gsr.publication_date("AAW_ARB_20071399.0001-1") is None  # not a date
    with (tmp_path / "protest_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for i, row_id in enumerate(("AAW_ARB_20080905.0022-16", "no-date-3")):
            w.writerow({"accept": 0, "event_type": "PROTEST", "id": row_id, "label": "yes",
                        "reject": 0, "text": f"P{i}", "total": 5})
    seen = []

    def spy(text, date=None):
        seen.append(date)
        return fake_code(text)

    gsr.score(tmp_path, code=spy, actors=False)
    assert seen == [dt.date(2008, 9, 5), None]
