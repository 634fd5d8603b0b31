"""Throughput of the in-process pipeline; prints one JSON object.

    python benchmarks/throughput.py [--min-seconds 2] [--corpus PATH.zip]

- load_s: the first `default_pipeline()` call (lexicons compiled / loaded);
- examples: the bundled examples, repeated until at least --min-seconds of work;
- corpus: the 1,285 articles of ../shared/corpus/articles/saudinewsnet-2015-08-01.zip (skipped
  when absent); records without text count as skipped;
- peak_rss_mb: peak resident memory of this process (resource.getrusage).
Single process, no store: this measures coding only.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hudhud import __version__, sources  # noqa: E402
from hudhud.pipeline import default_pipeline  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "articles" / "saudinewsnet-2015-08-01.zip"


def measure(docs: list[sources.SourceDoc], min_seconds: float = 0.0) -> dict:
    n_docs = n_sentences = n_events = passes = 0
    started = time.perf_counter()
    while True:
        for src in docs:
            doc = src.code()
            n_docs += 1
            n_sentences += len(doc.sentences)
            n_events += len(doc.events)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds or not docs:
            break
    return {"documents": n_docs, "passes": passes, "sentences": n_sentences, "events": n_events,
            "seconds": round(elapsed, 3),
            "sentences_per_s": round(n_sentences / elapsed, 1) if elapsed else None,
            "articles_per_s": round(n_docs / elapsed, 1) if elapsed else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    t0 = time.perf_counter()
    default_pipeline()
    result: dict = {"hudhud_version": __version__, "python": platform.python_version(),
                    "load_s": round(time.perf_counter() - t0, 3)}

    examples = [x for x in sources.iter_examples() if isinstance(x, sources.SourceDoc)]
    result["examples"] = measure(examples, args.min_seconds)

    if args.corpus.exists():
        items = list(sources.iter_path(args.corpus))
        docs = [x for x in items if isinstance(x, sources.SourceDoc)]
        result["corpus"] = {"path": args.corpus.name, "records": len(items),
                            "skipped": len(items) - len(docs), **measure(docs)}
    else:
        result["corpus"] = None

    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
