"""Accuracy gate: the validation suite and the GSR gold set must not score below the floors
pinned in benchmarks/floors.json (how they work: docs/evaluation.md#floors)."""

import json
from pathlib import Path

import pytest

from hudhud.doc import Actor, Document, Event, Participant
from hudhud.evaluation import suite

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
SHARED_GSR = ROOT.parent / "shared" / "eval" / "arabic_event_gsr"


@pytest.fixture(scope="module")
def suite_result():
    return suite.run_suite()


def test_suite_is_complete():
    records = suite.load_records()
    assert len(records) >= 480
    per_type = {t: 0 for t in suite.PLOVER_TYPES}
    for rec in records:
        for ev in rec["expect"]:
            per_type[ev["type"]] += 1
    assert min(per_type.values()) >= 15, per_type
    assert sum(not rec["expect"] for rec in records) >= 80


def test_suite_overall_floors(suite_result):
    floors = FLOORS["suite"]
    assert suite_result["overall"]["f1"] >= floors["overall_f1"]
    assert suite_result["sentence_accuracy"] >= floors["sentence_accuracy"]
    assert suite_result["negatives"]["clean_rate"] >= floors["negatives_clean_rate"]


@pytest.mark.parametrize("etype", sorted(FLOORS["suite"]["per_type_f1"]))
def test_suite_type_floor(suite_result, etype):
    assert suite_result["per_type"][etype]["f1"] >= FLOORS["suite"]["per_type_f1"][etype]


@pytest.mark.skipif(not SHARED_GSR.is_dir(), reason="../shared/eval/arabic_event_gsr is absent")
def test_gsr_floors():
    from hudhud.evaluation.gsr import score

    result = score(SHARED_GSR)
    for etype, floor in FLOORS["gsr"].items():
        assert result[etype]["f1"] >= floor["f1"], (etype, result[etype])
    actors = FLOORS.get("gsr_actors", {})
    if actors:
        assert result["actors"]["country"]["accuracy"] >= actors["country_accuracy"], result["actors"]
        assert result["actors"]["agent"]["accuracy"] >= actors["agent_accuracy"], result["actors"]
        roles = result["actors"]["roles"]
        for side in ("source", "target"):
            if f"{side}_role_agreement" in actors:
                assert roles[side]["agreement"] >= actors[f"{side}_role_agreement"], roles


# --- the scorer itself ----------------------------------------------------------------------
def _event(etype, src=None, tgt=None, mode=None, negated=False):
    part = lambda c: Participant(c or "", Actor(country=c[:3], agent=c[3:] or None)) if c else None
    return Event(etype, mode, "000", part(src), part(tgt), "fake", 0, 1, 0, 1, negated=negated)


def test_scoring_counts(tmp_path):
    (tmp_path / "s.yaml").write_text("""
- {id: a, date: 2020-01-01, text: "x", expect: [{type: CONSULT, mode: phone, source: {country: TUR, agent: GOV}, target: {country: RUS, agent: null}}]}
- {id: b, date: 2020-01-01, text: "y", expect: []}
- {id: c, date: 2020-01-01, text: "z", expect: [{type: ASSAULT, source: null, target: {country: PSE, agent: null}}]}
""", encoding="utf-8")
    coded = {"x": [_event("CONSULT", "TURGOV", "RUSGOV", "phone")],
             "y": [_event("PROTEST")],
             "z": [_event("ASSAULT", None, "ISRMIL")]}

    def fake(text, date=None):
        doc = Document(text=text)
        doc.events.extend(coded[text])
        return doc

    r = suite.run_suite([tmp_path], code=fake, max_errors=5)
    assert r["per_type"]["CONSULT"] == {"expected": 1, "found": 1, "tp": 1, "fp": 0, "fn": 0,
                                        "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert r["per_type"]["PROTEST"]["fp"] == 1
    assert r["per_type"]["ASSAULT"]["fn"] == 1 and r["per_type"]["ASSAULT"]["fp"] == 1
    assert r["sentence_accuracy"] == round(1 / 3, 4)
    assert [e["id"] for e in r["errors"]] == ["b", "c"]


def test_heldout_set_loads():
    # scored by `hudhud eval suite --heldout`; deliberately no floor: it is not a tuning target
    records = suite.load_records([suite.HELDOUT_DIR])
    assert len(records) >= 150 and sum(not r["expect"] for r in records) >= 30


def test_probe_set_loads_and_its_ids_do_not_clash():
    # scored by `hudhud eval suite --probes`; no floor either: it measures how the rules generalise
    records = suite.load_records([suite.PROBES_DIR])
    ids = [r["id"] for r in records] + [r["id"] for r in suite.load_records()]
    assert len(records) >= 135 and len(ids) == len(set(ids))
    assert sum(not r["expect"] for r in records) >= 25
