"""Actor coding on span annotations: hudhud.evaluation.actors (sentences written for this test)."""

import json

from hudhud.doc import Actor, Document, Event, Mention, Participant
from hudhud.evaluation.actors import locate, score_actors


def test_locate_joins_tokens_and_tolerates_gaps():
    text = "قال وزير الخارجية الأميركي إن الاتفاق صامد."
    s, e = locate(text, ["وزير", "الخارجية", "الأميركي"])
    assert text[s:e] == "وزير الخارجية الأميركي"
    s, e = locate(text, ["وزير", "الأميركي"])  # a skipped word
    assert text[s:e] == "وزير الخارجية الأميركي"
    assert locate(text, ["غير", "موجود"]) is None
    assert locate(text, []) is None


def _write(tmp_path, rows):
    (tmp_path / "protest_spans.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def test_score_counts_coverage_and_accuracy(tmp_path):
    text = "تظاهر مئات الطلاب أمام السفارة ففرقتهم الشرطة."
    _write(tmp_path, [{"text": text, "spans": [
        {"source_actor": ["الطلاب"], "target_actor": ["السفارة"],
         "source_role": {"main": "EGY", "role": "EDU"}, "target_role": {"main": "USA", "role": "GOV"}},
        {"source_actor": ["الشرطة"], "target_actor": [],
         "source_role": {"main": "None", "role": "COP"}, "target_role": "UNKNOWN"}]}])

    def fake_code(t):
        doc = Document(text=t)
        i = t.index("الطلاب")
        doc.mentions.append(Mention(i, i + 6, "الطلاب", Actor(country="EGY", agent="CVL")))
        j = t.index("الشرطة")
        doc.mentions.append(Mention(j, j + 6, "الشرطة", Actor(agent="COP")))
        return doc

    r = score_actors(tmp_path, code=fake_code)
    assert r["country"] == {"n": 2, "covered": 1, "correct": 1, "coverage": 0.5, "accuracy": 0.5,
                            "accuracy_covered": 1.0,
                            "misses": {"no_mention": 1, "no_code": 0, "other_code": 0}}
    assert r["agent"]["n"] == 3 and r["agent"]["covered"] == 2 and r["agent"]["correct"] == 1
    # the students are coded CVL (not EDU); the embassy has no mention at all
    assert r["agent"]["misses"] == {"no_mention": 1, "no_code": 0, "other_code": 1}


def test_score_with_the_pipeline(tmp_path):
    text = "فرقت الشرطة المصرية المتظاهرين في القاهرة."
    _write(tmp_path, [{"text": text, "spans": [
        {"source_actor": ["الشرطة", "المصرية"], "target_actor": ["المتظاهرين"],
         "source_role": {"main": "EGY", "role": "COP"}, "target_role": {"main": "None", "role": "CVL"}}]}])
    r = score_actors(tmp_path, max_errors=5)
    assert r["country"]["accuracy"] == 1.0 and r["agent"]["accuracy"] == 1.0
    assert r["errors"] == {}


def test_roles_count_agreement_swaps_and_missing_sides(tmp_path):
    text = "رشق متظاهرون قافلة للجيش بالحجارة فأصابوا جنديين."  # (the file is protest_spans.json)
    _write(tmp_path, [{"text": text, "spans": [
        {"source_actor": ["متظاهرون"], "target_actor": ["قافلة", "للجيش"],
         "source_role": {"main": "None", "role": "UAF"}, "target_role": {"main": "None", "role": "MIL"}}]}])

    def coder(source_word, target_word):
        def fake_code(t):
            doc = Document(text=t)
            side = {}
            for name, word in (("source", source_word), ("target", target_word)):
                if word:
                    i = t.index(word)
                    side[name] = Participant(word, Actor(agent="UAF"), i, i + len(word))
            doc.events.append(Event("PROTEST", None, "145", side.get("source"), side.get("target"),
                                    "test", 0, 4, 0, len(t)))
            return doc
        return fake_code

    roles = score_actors(tmp_path, code=coder("متظاهرون", "قافلة"))["roles"]
    assert roles["source"]["agree"] == 1 and roles["target"]["agree"] == 1
    assert roles["source"]["agreement"] == 1.0
    # the victims read as the attackers: a swap on both sides
    roles = score_actors(tmp_path, code=coder("قافلة", "متظاهرون"))["roles"]
    assert roles["source"]["swapped"] == 1 and roles["target"]["swapped"] == 1
    assert roles["source"]["agreement"] == 0.0
    # an event with no target: the target side is missing, not wrong
    roles = score_actors(tmp_path, code=coder("متظاهرون", None))["roles"]
    assert roles["target"] == {"n": 1, "agree": 0, "swapped": 0, "other": 0, "missing": 1, "agreement": 0.0}
    # a participant elsewhere in the sentence ("جنديين" is neither annotated side)
    roles = score_actors(tmp_path, code=coder("متظاهرون", "جنديين"))["roles"]
    assert roles["target"]["other"] == 1


def test_roles_skip_rows_without_an_event_of_their_type(tmp_path):
    _write(tmp_path, [{"text": "تظاهر مئات الطلاب أمام السفارة.", "spans": [
        {"source_actor": ["الطلاب"], "target_actor": ["السفارة"],
         "source_role": {"main": "None", "role": "EDU"}, "target_role": {"main": "None", "role": "GOV"}}]}])
    roles = score_actors(tmp_path, code=lambda t: Document(text=t))["roles"]
    assert roles["source"]["n"] == 0 and roles["target"]["n"] == 0
