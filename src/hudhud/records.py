"""The event record: the public contract (see docs/event-record.md).

`event_record` turns an `Event` into a plain JSON-able dict; `flatten` turns that into one
table row (source/target objects become `source_name`, `source_country`… columns).
"""

from __future__ import annotations

import hashlib
from typing import Any

from hudhud.doc import Document, Event, Participant

PARTICIPANT_FIELDS = ("name", "canonical", "country", "agent", "id")
PLACE_FIELDS = ("place_id", "place_name", "place_country", "place_lat", "place_lon",
                "place_admin1", "place_start", "place_end")

EVENT_COLUMNS = [
    "event_id", "doc_id", "date", "date_text", "date_precision", "plover_type", "plover_mode",
    "cameo_code",
    *[f"source_{f}" for f in PARTICIPANT_FIELDS], *[f"target_{f}" for f in PARTICIPANT_FIELDS],
    "negated", "modality", "reported_by", "confidence", "rule", "trigger", "start", "end",
    "sentence_start", "sentence_end", "sentence", "n_reports", "url",
    *PLACE_FIELDS,
]


def _participant(p: Participant | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name, "canonical": p.actor.canonical, "country": p.actor.country,
            "agent": p.actor.agent, "id": p.actor.id}


def event_id(doc: Document, e: Event) -> str:
    """Stable id: same document text + same event identity ⇒ same id (re-runs never duplicate)."""
    key = "|".join(str(x) for x in (doc.id, e.plover_type, e.cameo_code, e.merge_key(), e.start))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_record(doc: Document, e: Event) -> dict[str, Any]:
    return {
        "event_id": event_id(doc, e),
        "doc_id": doc.id,
        "date": e.date.isoformat() if e.date else None,
        "date_text": e.date_text,
        "date_precision": e.date_precision,
        "plover_type": e.plover_type,
        "plover_mode": e.plover_mode,
        "cameo_code": e.cameo_code,
        "source": _participant(e.source),
        "target": _participant(e.target),
        "negated": e.negated,
        "modality": e.modality,
        "reported_by": e.reported_by,
        "confidence": round(e.confidence, 3),
        "rule": e.rule,
        "trigger": e.trigger,
        "start": e.start,
        "end": e.end,
        "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end,
        "sentence": doc.text[e.sentence_start:e.sentence_end],
        "reports": [{"start": r.start, "end": r.end, "sentence_start": r.sentence_start,
                     "sentence_end": r.sentence_end, "rule": r.rule, "zone": r.zone}
                    for r in e.reports],
        "url": doc.url,
        **{f: getattr(e, f) for f in PLACE_FIELDS},
    }


def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in rec.items() if k not in ("source", "target", "reports")}
    for role in ("source", "target"):
        p = rec.get(role) or {}
        for f in PARTICIPANT_FIELDS:
            row[f"{role}_{f}"] = p.get(f)
    row["n_reports"] = len(rec.get("reports") or [])
    return row
