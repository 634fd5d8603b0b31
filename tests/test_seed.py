"""The reference page (../shared/seeds) must yield its nine events, each exactly once.

The page is read at run time (never copied into the repository); the test skips without it.
Each rule that fires here is also shown on other sentences in tests/test_rules.py.
"""

import datetime as dt

import pytest

import hudhud

SEED = "seeds/000_d00c6850f52584ce.txt"


@pytest.fixture(scope="module")
def seed(shared_dir):
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip("seed page not present")
    text = path.read_text(encoding="utf-8")
    return hudhud.code_text(text, date="2017-12-11")


def _who(p):
    return None if p is None else (p.actor.id, p.actor.country, p.actor.agent)


def _find(doc, type_, src, tgt, cameo=None):
    out = []
    for e in doc.events:
        if e.plover_type not in ([type_] if isinstance(type_, str) else type_):
            continue
        if cameo and not e.cameo_code.startswith(cameo):
            continue
        if src(e.source) and tgt(e.target):
            out.append(e)
    return out


def is_id(i):
    return lambda p: p is not None and p.actor.id == i


def is_country(c, agent=None):
    return lambda p: p is not None and p.actor.country == c and (agent is None or p.actor.agent == agent)


def test_soleimani_calls_saraya_al_quds_once_with_four_reports(seed):
    found = _find(seed, "CONSULT", is_id("soleimani_qassem"), is_id("saraya_al_quds"))
    assert len(found) == 1
    e = found[0]
    assert (e.plover_mode, e.cameo_code) == ("phone", "041")
    assert e.date == dt.date(2017, 12, 11)
    assert _who(e.source) == ("soleimani_qassem", "IRN", "MIL")
    assert _who(e.target)[1:] == ("PSE", "REB")
    zones = sorted(r.zone for r in e.reports)
    assert len(e.reports) == 4 and "title" in zones and "breadcrumb" in zones and zones.count("body") == 2
    rules = {r.rule for r in e.reports}
    assert "consult.phone.received" in rules  # the "received a call from" report, roles reversed


def test_iran_support_for_palestinian_resistance(seed):
    found = _find(seed, "SUPPORT", is_country("IRN"), is_country("PSE", "REB"), cameo="05")
    assert len(found) == 1


def test_trump_recognition_dated_last_wednesday(seed):
    found = _find(seed, "SUPPORT", is_id("trump_donald"), is_country("ISR"), cameo="054")
    assert len(found) == 1
    e = found[0]
    assert _who(e.source) == ("trump_donald", "USA", "GOV")
    assert e.date == dt.date(2017, 12, 6) and "الأربعاء" in e.date_text
    assert len([x for x in seed.events if x.cameo_code == "054"]) == 1  # merged, not repeated


def test_haniyeh_calls_rouhani(seed):
    found = _find(seed, "CONSULT", is_id("haniyeh_ismail"), is_id("rouhani_hassan"))
    assert len(found) == 1
    e = found[0]
    assert (e.plover_mode, e.cameo_code, e.date) == ("phone", "041", dt.date(2017, 12, 11))
    assert _who(e.target) == ("rouhani_hassan", "IRN", "GOV")  # president in 2017
    assert _who(e.source)[1] == "PSE"


def test_haniyeh_accuses_the_us_decision(seed):
    found = _find(seed, "ACCUSE", is_id("haniyeh_ismail"), is_country("USA"))
    assert len(found) == 1 and found[0].cameo_code in ("111", "112")


def test_haniyeh_praises_iran(seed):
    found = _find(seed, "SUPPORT", is_id("haniyeh_ismail"), is_country("IRN"), cameo="051")
    assert len(found) == 1
    assert len(found[0].reports) == 2  # وأشاد … ، مثمناً …


def test_rouhani_rejects_and_accuses_the_us(seed):
    assert len(_find(seed, "REJECT", is_id("rouhani_hassan"), is_country("USA"), cameo="12")) == 1
    assert len(_find(seed, "ACCUSE", is_id("rouhani_hassan"), is_country("USA"), cameo="11")) == 1


def test_iran_will_stand_with_the_palestinian_people(seed):
    found = [e for e in _find(seed, ["AGREE", "SUPPORT"], is_country("IRN"), is_country("PSE", "CVL"))
             if e.modality == "intent"]
    assert len(found) == 1
    assert found[0].plover_type == "AGREE"  # an intent to support is coded AGREE, per PLOVER


def test_no_event_from_boilerplate(seed):
    boiler = [(z.start, z.end) for z in seed.zones if not z.is_content]
    assert len(boiler) >= 4
    for e in seed.events:
        for r in e.reports:
            assert not any(a <= r.start < b for a, b in boiler)


def test_event_records_point_at_their_evidence(seed):
    for rec in seed.event_records():
        assert seed.text[rec["start"]:rec["end"]] == rec["trigger"]
        assert rec["trigger"] in rec["sentence"]
        assert rec["rule"]
