"""Batch throughput of `hudhud run` with 1 and 2 workers over the same inputs; prints JSON.

    python benchmarks/batch.py [--corpus PATH.zip] [--workers 1 2] [--repeat-examples 40]

Inputs: the 1,285 articles of ../shared/corpus/articles/saudinewsnet-2015-08-01.zip when
present, else the bundled examples repeated (each copy with its own id, dedup off then, since
copies of one text are duplicates by design). Each measurement is a full `executor.run_batch`
into a fresh DuckDB file: reading, syndication check, coding (in-process for 1 worker, worker
processes otherwise — their start-up and lexicon loading included), storing, cross-article
merge. The parent's own lexicon load and imports are done once before timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hudhud import __version__, sources  # noqa: E402
from hudhud.executor import LocalExecutor, run_batch  # noqa: E402
from hudhud.pipeline import default_pipeline  # noqa: E402
from hudhud.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "articles" / "saudinewsnet-2015-08-01.zip"


def _inputs(corpus: Path | None, repeat: int):
    if corpus and corpus.exists():
        return (lambda: sources.iter_sources([corpus])), str(corpus.name), True
    examples = [d for d in sources.iter_examples() if isinstance(d, sources.SourceDoc)]

    def gen():
        for k in range(repeat):
            for d in examples:
                yield sources.SourceDoc(doc_id=f"{d.doc_id}-{k}", text=d.text, date=d.date,
                                        url=d.url, title=d.title, path=d.path, meta=d.meta)
    return gen, f"bundled examples x{repeat}", False


def measure(make_items, workers: int, dedup: bool, batch_size: int = 32) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            started = time.perf_counter()
            stats = run_batch(store, make_items(), ["bench"], executor=LocalExecutor(workers),
                              dedup=dedup, batch_size=batch_size)
            seconds = time.perf_counter() - started
    return {"workers": workers, "documents": stats["docs"], "duplicates": stats["duplicates"],
            "errors": stats["errors"], "events": stats["events"], "seconds": round(seconds, 3),
            "docs_per_s": round(stats["docs"] / seconds, 1) if seconds else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat-examples", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=32, help="documents per transaction")
    args = ap.parse_args()

    make_items, name, dedup = _inputs(args.corpus, args.repeat_examples)
    default_pipeline()          # the parent's lexicons, loaded once, untimed
    import datasketch  # noqa: F401  (imported once, untimed)

    runs = [measure(make_items, w, dedup, args.batch_size) for w in args.workers]
    by = {r["workers"]: r for r in runs}
    result = {"hudhud_version": __version__, "python": platform.python_version(),
              "cpus": os.cpu_count(), "inputs": name, "batch_size": args.batch_size, "runs": runs}
    if 1 in by and 2 in by and by[1]["docs_per_s"]:
        result["ratio_w2_w1"] = round(by[2]["docs_per_s"] / by[1]["docs_per_s"], 2)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
