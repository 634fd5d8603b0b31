"""Actor coding on the gold set's span annotations (`*_spans.json`).

Each row of a spans file holds a sentence (`text`) and, per annotator, a `source_actor` and a
`target_actor` (token lists) with their CAMEO codes `source_role` / `target_role`
(`{"main": country or "None", "role": agent or "None"}`).

For every annotated actor span with a country (`main` not "None"), we look for a Hudhud mention
whose characters overlap the span (the span is found in the row text by joining its tokens with
single spaces, whitespace-insensitive) and ask whether one overlapping mention carries the same
country code. The same for the agent (`role`). Per field:

- `n`: annotated spans with a code in that field;
- `coverage`: share of them with at least one overlapping mention;
- `accuracy`: share of them where an overlapping mention has the annotated code;
- `accuracy_covered`: the same among the covered spans only;
- `misses`: why the others fail — `no_mention` (nothing overlaps the span), `no_code` (the
  overlapping mentions have no code in that field), `other_code` (they have a different one).

Spans whose role is not a dict (`"UNKNOWN"`) or whose tokens cannot be located in the text are
counted under `unlocated` and left out.

`roles` asks whether Hudhud puts the actors in the right roles. For every row where Hudhud codes
an event of the row's type (ASSAULT or PROTEST), each side (source, target) that the annotators
marked is scored once: `agree` when one of the events' participants on that side overlaps a gold
span of the same side, `swapped` when it overlaps only a gold span of the other side (the victim
read as the attacker), `other` when it overlaps neither, `missing` when no event has a participant
on that side. `agreement` is agree / (agree + swapped + other): how often a filled role is right.

    >>> score_actors("../shared/eval/arabic_event_gsr")["country"]["accuracy"]
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

FIELDS = (("country", "main"), ("agent", "role"))
_NONE = ("", "None", "none", None)


def read_spans(directory: str | Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for f in sorted(Path(directory).glob("*_spans.json")):
        with f.open(encoding="utf-8") as fh:
            data = json.load(fh)
        for row in data:
            row.setdefault("event_type", f.name.split("_")[0].upper())
            rows.append(row)
    return rows


def locate(text: str, tokens: list[str]) -> tuple[int, int] | None:
    """Character span of `tokens` in `text` (whitespace between them is free); None if absent."""
    toks = [t for t in (tokens or []) if t and t.strip()]
    if not toks:
        return None
    pattern = r"\s*".join(re.escape(t.strip()) for t in toks)
    m = re.search(pattern, text)
    if m is None and len(toks) > 1:
        # annotators sometimes skip words between tokens: span from the first to the last token
        first = re.search(re.escape(toks[0].strip()), text)
        if first is not None:
            last = re.search(re.escape(toks[-1].strip()), text[first.end():])
            if last is not None:
                return first.start(), first.end() + last.end()
        return None
    return (m.start(), m.end()) if m else None


def score_actors(directory: str | Path | None = None, code: Callable[[str], Any] | None = None,
                 max_errors: int = 0) -> dict[str, Any]:
    """Country and agent accuracy/coverage of Hudhud's mentions on the annotated actor spans."""
    if code is None:
        from hudhud.pipeline import code_text as code
    if directory is None:
        from hudhud.evaluation.gsr import default_dir
        directory = default_dir()
    rows = read_spans(directory)
    counts: dict[str, Counter] = defaultdict(Counter)
    errors: dict[str, list] = defaultdict(list)
    roles: dict[str, Counter] = defaultdict(Counter)
    unlocated = 0
    for row in rows:
        text = row.get("text") or ""
        spans = row.get("spans") or []
        if not spans:
            continue
        doc = code(text)
        _score_roles(text, spans, [e for e in doc.events if e.plover_type == row.get("event_type")], roles)
        mentions = [(m.start, m.end, m.actor, m.text) for m in doc.mentions]
        for span in spans:
            for side in ("source", "target"):
                role = span.get(f"{side}_role")
                if not isinstance(role, dict):
                    continue
                wanted = {name: role.get(key) for name, key in FIELDS if role.get(key) not in _NONE}
                if not wanted:
                    continue
                where = locate(text, span.get(f"{side}_actor") or [])
                if where is None:
                    unlocated += 1
                    continue
                s, e = where
                hits = [(a, t) for ms, me, a, t in mentions if ms < e and s < me]
                for name, gold in wanted.items():
                    c = counts[name]
                    c["n"] += 1
                    if hits:
                        c["covered"] += 1
                    if any(getattr(a, name) == gold for a, _ in hits):
                        c["correct"] += 1
                        continue
                    c["no_mention" if not hits else "other_code" if any(getattr(a, name) for a, _ in hits)
                      else "no_code"] += 1
                    if max_errors and len(errors[name]) < max_errors:
                        errors[name].append({"span": text[s:e], "gold": gold,
                                             "got": [f"{t}={getattr(a, name)}" for a, t in hits]})
    result: dict[str, Any] = {}
    for name, _key in FIELDS:
        c = counts[name]
        n, cov, ok = c["n"], c["covered"], c["correct"]
        result[name] = {"n": n, "covered": cov, "correct": ok,
                        "coverage": round(cov / n, 4) if n else 0.0,
                        "accuracy": round(ok / n, 4) if n else 0.0,
                        "accuracy_covered": round(ok / cov, 4) if cov else 0.0,
                        "misses": {k: c[k] for k in ("no_mention", "no_code", "other_code")}}
    result["unlocated"] = unlocated
    result["roles"] = {}
    for side in ("source", "target"):
        c = roles[side]
        filled = c["agree"] + c["swapped"] + c["other"]
        result["roles"][side] = {"n": filled + c["missing"], **{k: c[k] for k in ("agree", "swapped", "other", "missing")},
                                 "agreement": round(c["agree"] / filled, 4) if filled else 0.0}
    if max_errors:
        result["errors"] = dict(errors)
    return result


def _score_roles(text: str, spans: list[dict], events: list, counts: dict[str, Counter]) -> None:
    """One row's role agreement (see the module docstring); rows with no event are skipped."""
    if not events:
        return
    gold: dict[str, list[tuple[int, int]]] = {"source": [], "target": []}
    for span in spans:
        for side in gold:
            where = locate(text, span.get(f"{side}_actor") or [])
            if where is not None:
                gold[side].append(where)

    def hits(p, side: str) -> bool:
        return p is not None and p.start is not None and any(s < p.end and p.start < e for s, e in gold[side])

    for side, other in (("source", "target"), ("target", "source")):
        if not gold[side]:
            continue
        got = [getattr(e, side) for e in events if getattr(e, side) is not None]
        c = counts[side]
        if not got:
            c["missing"] += 1
        elif any(hits(p, side) for p in got):
            c["agree"] += 1
        elif any(hits(p, other) for p in got):
            c["swapped"] += 1
        else:
            c["other"] += 1
