"""Dates and places on our own sentences (tests/data/dates_places.yaml), accuracy per category.

Date items: the first non-historical date expression of the sentence, resolved against `pub`,
must give the expected date and precision (null: no date), and for ranges (`end`) the last day. Place items: the event whose trigger
is the given word (the pipeline's own event when it finds one, else an event placed on that
word) must get the expected place name and country (null: no place). Accuracy per category is
printed; the floors sit a little below what was measured when the suite was written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

import hudhud
from hudhud.components.places import Places
from hudhud.dates import find_dates
from hudhud.doc import Event

DATA = Path(__file__).parent / "data" / "dates_places.yaml"
ITEMS = yaml.safe_load(DATA.read_text(encoding="utf-8"))
DATE_CATS = ("relative weekday", "absolute", "hijri", "relative other", "ordinal day", "range",
             "relative n days")
PLACE_CATS = ("place in clause", "dateline", "no place", "verb-object place")
FLOORS = {"relative weekday": 0.95, "absolute": 0.95, "hijri": 0.95, "relative other": 0.95,
          "ordinal day": 0.95, "range": 0.95, "relative n days": 0.95,
          "place in clause": 0.93, "dateline": 0.93, "no place": 0.93, "verb-object place": 0.9}


def date_of(item):
    """(date, precision) of the first event date; with `end` in the item, also the range end."""
    pub = dt.date.fromisoformat(item["pub"])
    found = [d for d in find_dates(item["text"], pub) if not d.historical and d.date is not None]
    got = (found[0].date.isoformat(), found[0].precision) if found else (None, None)
    if "end" in item:
        last = found[0].end_date if found else None
        got += (last.isoformat() if last else None,)
    return got


def want_date(item):
    return (item["date"], item["precision"]) + ((item["end"],) if "end" in item else ())


_places = None


def place_of(item):
    global _places
    _places = _places or Places()
    text = item["text"]
    doc = hudhud.code_text(text, date=item["pub"])
    at = text.index(item["trigger"])
    event = next((e for e in doc.events if e.start <= at < e.end), None)
    if event is None:
        s = next(s for s in doc.sentences if s.start <= at < s.end)
        event = Event("X", None, "0", None, None, "suite", at, at + len(item["trigger"]),
                      s.start, s.end)
    for f in ("place_id", "place_name", "place_country", "place_start", "place_end"):
        setattr(event, f, None)
    doc.events = [event]
    _places(doc)
    return event.place_name, event.place_country


def score():
    ok, total, misses = Counter(), Counter(), []
    for item in ITEMS:
        cat = item["cat"]
        total[cat] += 1
        if cat in DATE_CATS:
            got, want = date_of(item), want_date(item)
        else:
            got, want = place_of(item), (item["place"], item["country"])
        if got == want:
            ok[cat] += 1
        else:
            misses.append((cat, item["text"].replace("\n", " "), want, got))
    return {c: (ok[c], total[c]) for c in total}, misses


@pytest.fixture(scope="module")
def results():
    return score()


def test_suite_size():
    assert len(ITEMS) >= 300
    assert {i["cat"] for i in ITEMS} == set(DATE_CATS + PLACE_CATS)


def test_accuracy_per_category(results):
    acc, misses = results
    print()
    for cat in DATE_CATS + PLACE_CATS:
        n_ok, n = acc[cat]
        print(f"{cat:18s} {n_ok:3d}/{n:3d} = {n_ok / n:.3f}")
    n_ok, n = sum(v[0] for v in acc.values()), sum(v[1] for v in acc.values())
    print(f"{'all':18s} {n_ok:3d}/{n:3d} = {n_ok / n:.3f}")
    for m in misses:
        print("  miss:", m)
    low = {c: acc[c][0] / acc[c][1] for c in acc if acc[c][0] / acc[c][1] < FLOORS[c]}
    assert not low, low
