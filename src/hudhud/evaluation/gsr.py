"""Score Hudhud on the OEDA Arabic gold-standard records (`*_gsr.csv`).

Protocol (the same everywhere, see ../shared/README.md):
- a row counts when its `label` is `yes` (positive) or `easy no` / `difficult no` (negative);
  `ambiguous` rows (and any other label) are left out;
- a row is predicted positive for its `event_type` (PROTEST, ASSAULT…) when `code_text(text)`
  codes at least one (non-negated) event with that `plover_type`;
- per type: precision, recall, F1, the counts behind them, and the predicted-positive rate per
  label (how often `yes`, `difficult no` and `easy no` rows are predicted positive).

    >>> score("../shared/eval/arabic_event_gsr")["PROTEST"]["f1"]
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

POSITIVE = "yes"
NEGATIVE = ("difficult no", "easy no")
LABELS = (POSITIVE, *NEGATIVE)
GSR_SUBDIR = Path("shared") / "eval" / "arabic_event_gsr"


def default_dir() -> Path:
    """The gold set beside the project: `../shared/eval/arabic_event_gsr`, looked for from the
    current directory (and its parents) and from the package's repository root."""
    repo = Path(__file__).resolve().parents[3]
    cwd = Path.cwd().resolve()
    for base in (cwd, *cwd.parents, repo.parent):
        candidate = base / GSR_SUBDIR
        if candidate.is_dir() and any(candidate.glob("*_gsr.csv")):
            return candidate
    raise FileNotFoundError(
        "gold set not found: pass its folder (the one holding protest_gsr.csv / assault_gsr.csv), "
        "e.g. `hudhud eval gsr ../shared/eval/arabic_event_gsr`")


def read_rows(directory: str | Path) -> list[dict[str, str]]:
    """All rows of every `*_gsr.csv` in `directory` (event_type from the file when missing)."""
    directory = Path(directory)
    files = sorted(directory.glob("*_gsr.csv"))
    if not files:
        raise FileNotFoundError(f"no *_gsr.csv files in {directory}")
    rows = []
    for f in files:
        with f.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                row["event_type"] = (row.get("event_type") or f.name.split("_")[0]).strip().upper()
                row["label"] = (row.get("label") or "").strip().lower()
                rows.append(row)
    return rows


_DATED_ID = re.compile(r"_(\d{4})(\d{2})(\d{2})\.\d+")


def publication_date(row_id: str | None) -> dt.date | None:
    """The story's date where the row id carries it (Gigaword-style: AAW_ARB_20071026.0026-2).

    A user codes articles with their publication date; so does the evaluation where it can, so
    that relative and historical dates resolve as they would in a real run.
    """
    m = _DATED_ID.search(row_id or "")
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score(directory: str | Path | None = None, code: Callable[[str], Any] | None = None,
          max_errors: int = 0, limit: int | None = None, actors: bool = True) -> dict[str, Any]:
    """Score every type in the gold set.

    `code` maps a sentence to a coded `Document` (default `hudhud.code_text`); `limit` scores only
    the first N counted rows per type; `max_errors` > 0 adds an "errors" entry with up to that many
    false positives and false negatives per type, each with the rules that fired. `actors` adds
    an "actors" entry: country/agent coverage and accuracy on the `*_spans.json` annotations
    (`hudhud.evaluation.actors`).
    """
    if code is None:
        from hudhud.pipeline import code_text as code
    rows = read_rows(directory if directory is not None else default_dir())
    started = time.perf_counter()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: dict[str, dict[str, list]] = defaultdict(lambda: {"false_positives": [],
                                                                "false_negatives": []})
    for row in rows:
        etype, label = row["event_type"], row["label"]
        c = counts[etype]
        if label not in LABELS:
            c["excluded"] += 1
            continue
        if limit is not None and c["n"] >= limit:
            continue
        date = publication_date(row.get("id"))
        doc = code(row.get("text") or "", date=date) if date else code(row.get("text") or "")
        fired = [(e.plover_type, e.rule) for e in doc.events if not e.negated]
        predicted = any(t == etype for t, _ in fired)
        gold = label == POSITIVE
        c["n"] += 1
        c[label] += 1
        c["pred:" + label] += predicted
        kind = ("tp" if gold else "fp") if predicted else ("fn" if gold else "tn")
        c[kind] += 1
        if max_errors and kind in ("fp", "fn"):
            bucket = errors[etype]["false_positives" if kind == "fp" else "false_negatives"]
            if len(bucket) < max_errors:
                bucket.append({"id": row.get("id"), "label": label, "text": row.get("text"),
                               "rules": [r for t, r in fired if t == etype] if kind == "fp"
                               else [f"{t}:{r}" for t, r in fired]})
    result: dict[str, Any] = {}
    for etype in sorted(counts):
        c = counts[etype]
        tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        result[etype] = {
            "precision": precision, "recall": recall, "f1": f1,
            "tp": tp, "fp": fp, "fn": fn, "tn": tn, "n": c["n"],
            "n_excluded": c["excluded"],
            "predicted_positive_rate": {lab: _ratio(c["pred:" + lab], c[lab]) for lab in LABELS},
        }
    if actors:
        # actor coding on the span annotations (*_spans.json), when the folder has them
        from hudhud.evaluation.actors import score_actors
        directory = directory if directory is not None else default_dir()
        if any(Path(directory).glob("*_spans.json")):
            result["actors"] = score_actors(directory, code=code)
    result["elapsed_s"] = round(time.perf_counter() - started, 3)
    if max_errors:
        result["errors"] = {k: v for k, v in errors.items()}
    return result

