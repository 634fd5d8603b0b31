"""Throughput now against an earlier commit, measured in one run; prints one JSON object.

    python benchmarks/compare_ref.py [--ref 8912474] [--rounds 2] [--min-seconds 2]

The reference commit is checked out into a temporary git worktree and both trees run their own
`benchmarks/throughput.py` in fresh processes, alternating (ref, now, ref, now…) so that the
machine's load affects both alike. The ratio is now / ref for sentences per second (examples and
the real corpus) and for the lexicon load time, as the median over the rounds and as the best
round (this machine's load only ever slows a run down, so the best round is the least
disturbed one: use it when the medians of the two trees scatter). The default reference is the commit that closed
the core issue (before the knowledge-base and event-depth work).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE_REF = "8912474"


CORPUS = REPO.parent / "shared" / "corpus" / "articles" / "saudinewsnet-2015-08-01.zip"


def run(tree: Path, min_seconds: float) -> dict:
    cmd = [sys.executable, str(tree / "benchmarks" / "throughput.py"), "--min-seconds", str(min_seconds)]
    if CORPUS.exists():
        cmd += ["--corpus", str(CORPUS)]  # the worktree has no ../shared beside it
    out = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def pick(result: dict) -> dict:
    ex, corpus = result.get("examples") or {}, result.get("corpus") or {}
    return {"load_s": result.get("load_s"), "examples_sent_per_s": ex.get("sentences_per_s"),
            "corpus_sent_per_s": corpus.get("sentences_per_s"), "peak_rss_mb": result.get("peak_rss_mb")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default=CORE_REF)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--min-seconds", type=float, default=2.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ref_tree = Path(tmp) / "ref"
        subprocess.run(["git", "worktree", "add", "--detach", str(ref_tree), args.ref],
                       cwd=REPO, capture_output=True, check=True)
        try:
            ref_runs, now_runs = [], []
            for _ in range(args.rounds):
                ref_runs.append(pick(run(ref_tree, args.min_seconds)))
                now_runs.append(pick(run(REPO, args.min_seconds)))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(ref_tree)], cwd=REPO,
                           capture_output=True)

    def median(runs: list[dict], key: str):
        values = [r[key] for r in runs if r.get(key) is not None]
        return round(statistics.median(values), 3) if values else None

    def best(runs: list[dict], key: str):
        # the least disturbed run: this machine's load only ever slows a run down
        values = [r[key] for r in runs if r.get(key) is not None]
        if not values:
            return None
        return round(min(values) if key in ("load_s", "peak_rss_mb") else max(values), 3)

    keys = ("load_s", "examples_sent_per_s", "corpus_sent_per_s", "peak_rss_mb")
    out = {"ref": args.ref, "rounds": args.rounds}
    for name, agg in (("median", median), ("best", best)):
        ref = {k: agg(ref_runs, k) for k in keys}
        now = {k: agg(now_runs, k) for k in keys}
        out[name] = {"reference": ref, "now": now,
                     "ratio_now_over_ref": {k: round(now[k] / ref[k], 3) if now[k] and ref[k] else None
                                            for k in keys}}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
