"""Memory and speed of the cross-article merge on a big store; prints one JSON object.

    python benchmarks/merge.py [--events 250000 1000000] [--ref 92d7963] [--keep DIR]

For each size, a DuckDB store of that many events is generated in SQL (fixed seed; about three
events per document, 5 % of the documents syndicated copies, 400 sites, a year of publication
dates, 16 PLOVER types with a skew towards the frequent ones, 30 countries × 10 agents, one
actor in five a named one, a place on half the events, 5 % negated, 30 % with their own event
date). `crossmerge.rebuild` then runs on it in a fresh Python process (so its peak RSS is its
own): seconds, events/s, RSS after opening the store, peak RSS (`ru_maxrss`) and the growth
(peak − opened). With `--ref COMMIT`, the same store (a copy) is merged by that commit's code
too (checked out into a temporary git worktree), alternating ref/now, and the ratios now/ref
are reported; both runs must give the same number of merged events.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "SUPPORT", "COERCE", "PROTEST", "REQUEST", "AGREE",
         "COOPERATE", "REJECT", "THREATEN", "AID", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT"]
COUNTRIES = ["SYR", "IRQ", "YEM", "SAU", "IRN", "ISR", "PSE", "EGY", "LBN", "LBY", "TUR",
             "USA", "RUS", "JOR", "ARE", "QAT", "KWT", "BHR", "OMN", "SDN", "TUN", "DZA", "MAR",
             "FRA", "GBR", "DEU", "CHN", "AFG", "PAK", "SOM"]
AGENTS = ["GOV", "MIL", "COP", "REB", "CVL", "OPP", "MED", "BUS", "EDU", "JUD"]


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build(path: Path, n_events: int, src: Path) -> dict:
    """A store of `n_events` synthetic events (schema from the `src` tree's Store)."""
    sys.path.insert(0, str(src))
    from hudhud.store import Store

    n_docs = max(1, -(-n_events // 3))
    t0 = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute("SELECT setseed(0.42)")
        con.execute(f"""
            INSERT INTO documents (doc_id, path, url, pub_date, site, status, duplicate_of,
                                   n_copies, n_events)
            SELECT 'd' || i, 'd' || i || '.html', 'https://site' || (i * 7919 % 400) || '.com/' || i,
                   DATE '2024-01-01' + CAST(floor(random() * 365) AS INTEGER),
                   'site' || (i * 7919 % 400) || '.com',
                   CASE WHEN i % 20 = 7 THEN 'duplicate' ELSE 'coded' END,
                   CASE WHEN i % 20 = 7 THEN 'd' || (i - 1) END, 0, 3
            FROM range({n_docs}) t(i)""")
        con.execute("""
            UPDATE documents SET n_copies = 1
            WHERE doc_id IN (SELECT duplicate_of FROM documents WHERE duplicate_of IS NOT NULL)""")
        t, c, a = _list(TYPES), _list(COUNTRIES), _list(AGENTS)
        con.execute(f"""
            INSERT INTO events (event_id, doc_id, date, plover_type, plover_mode, cameo_code,
                                source_name, source_id, source_canonical, source_country,
                                source_agent, target_name, target_id, target_canonical,
                                target_country, target_agent, negated, n_reports, place_id,
                                place_name, place_country, sentence)
            SELECT substr(md5(CAST(i AS VARCHAR)), 1, 16), doc_id,
                   CASE WHEN r1 < 0.3 THEN pub_date - CAST(floor(r1 * 6) AS INTEGER) END,
                   ptype, CASE WHEN r2 < 0.3 THEN 'mode' || CAST(floor(r2 * 10) AS INTEGER) END,
                   '0' || CAST(10 + floor(r3 * 80) AS INTEGER),
                   'س', CASE WHEN sid < 100 THEN 'p' || sid END,
                   CASE WHEN sid < 100 THEN 'Person ' || sid ELSE scountry || ' ' || sagent END,
                   scountry, sagent,
                   CASE WHEN r4 < 0.7 THEN 'ت' END,
                   CASE WHEN r4 < 0.7 AND tid < 100 THEN 'p' || tid END,
                   CASE WHEN r4 < 0.7 THEN tcountry || ' ' || tagent END,
                   CASE WHEN r4 < 0.7 THEN tcountry END, CASE WHEN r4 < 0.7 THEN tagent END,
                   r5 < 0.05, 1 + CAST(floor(r5 * 3) AS INTEGER),
                   CASE WHEN r6 < 0.25 THEN 'cc:' || scountry
                        WHEN r6 < 0.5 THEN 'gn:' || CAST(floor(r6 * 4000) AS INTEGER) END,
                   CASE WHEN r6 < 0.5 THEN 'place' END,
                   CASE WHEN r6 < 0.5 THEN scountry END,
                   'جملة الخبر كما وردت في المقال، بطول جملة عادية من جمل الأخبار.'
            FROM (
                SELECT i, 'd' || (i // 3) AS doc_id, random() AS r1, random() AS r2,
                       random() AS r3, random() AS r4, random() AS r5, random() AS r6,
                       {t}[1 + CAST(floor(pow(random(), 2) * 16) AS INTEGER)] AS ptype,
                       CAST(floor(random() * 500) AS INTEGER) AS sid,
                       CAST(floor(random() * 500) AS INTEGER) AS tid,
                       {c}[1 + CAST(floor(pow(random(), 1.5) * 30) AS INTEGER)] AS scountry,
                       {c}[1 + CAST(floor(pow(random(), 1.5) * 30) AS INTEGER)] AS tcountry,
                       {a}[1 + CAST(floor(random() * 10) AS INTEGER)] AS sagent,
                       {a}[1 + CAST(floor(random() * 10) AS INTEGER)] AS tagent
                FROM range({n_events}) t(i)) e
            JOIN documents USING (doc_id)""")
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"events": n, "documents": n_docs, "build_s": round(time.perf_counter() - t0, 1),
            "file_mb": round(path.stat().st_size / 1e6, 1)}


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def merge_once(path: Path, src: Path) -> dict:
    """Child process: `crossmerge.rebuild` on the store at `path` with the code of `src`."""
    sys.path.insert(0, str(src))
    from hudhud.crossmerge import rebuild
    from hudhud.store import Store

    with Store(path) as store:
        opened = _rss_mb()
        t0 = time.perf_counter()
        result = rebuild(store, window_days=1)
        secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {**result, "seconds": round(secs, 1),
            "events_per_s": round(result["events"] / secs), "rss_opened_mb": round(opened, 1),
            "peak_rss_mb": round(peak, 1), "growth_mb": round(peak - opened, 1)}


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="+", default=[250_000, 1_000_000])
    ap.add_argument("--ref", default=None, help="also merge with this commit's code")
    ap.add_argument("--keep", type=Path, default=None, help="build the stores in this folder "
                    "and keep them (reused when present)")
    ap.add_argument("--child", nargs=3, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:  # build|merge, store path, src tree
        kind, path, src = args.child
        out = build(Path(path), int(kind[6:]), Path(src)) if kind.startswith("build:") \
            else merge_once(Path(path), Path(src))
        print(json.dumps(out))
        return

    result: dict = {"benchmark": "merge", "python": platform.python_version(),
                    "cpus": os.cpu_count(), "loadavg_1m_start": round(os.getloadavg()[0], 2),
                    "runs": []}
    tmp = Path(tempfile.mkdtemp(prefix="hudhud-merge-"))
    folder = args.keep or tmp
    folder.mkdir(parents=True, exist_ok=True)
    ref_tree = None
    try:
        if args.ref:
            ref_tree = tmp / "ref"
            subprocess.run(["git", "worktree", "add", "--detach", str(ref_tree), args.ref],
                           cwd=REPO, check=True, capture_output=True)
        for n in args.events:
            store = folder / f"merge-{n}.duckdb"
            run: dict = {"events_requested": n}
            if not store.exists():
                run["built"] = _child(f"build:{n}", str(store), str(REPO / "src"))
                if "error" in run["built"]:
                    result["runs"].append(run)
                    break
            trees = [("now", REPO / "src")]
            if ref_tree is not None:
                trees.insert(0, ("ref", ref_tree / "src"))
            for name, src in trees:
                work = tmp / f"work-{name}.duckdb"
                shutil.copyfile(store, work)
                run[name] = _child("merge", str(work), str(src))
                work.unlink()
            if "ref" in run and "error" not in run["ref"] and "error" not in run["now"]:
                now, ref = run["now"], run["ref"]
                run["same_merged"] = now["merged"] == ref["merged"]
                run["speed_ratio"] = round(now["events_per_s"] / ref["events_per_s"], 2)
                run["peak_rss_ratio"] = round(now["peak_rss_mb"] / ref["peak_rss_mb"], 2)
            result["runs"].append(run)
    finally:
        if ref_tree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(ref_tree)], cwd=REPO,
                           capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
        result["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
