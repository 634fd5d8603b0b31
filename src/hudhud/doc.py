"""The document model: one `Document` flows through every component.

Every layer (zones, sentences, tokens, mentions, events) points into `Document.text`,
the original input, by character offsets `[start, end)`; the text itself is never modified.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Zone:
    """A region of the input: `content` is coded, `boilerplate` is not.

    `kind` is one of: title, breadcrumb, subhead, body, boilerplate.
    """

    start: int
    end: int
    kind: str
    reason: str = ""  # for boilerplate: which rule dropped it

    @property
    def is_content(self) -> bool:
        return self.kind != "boilerplate"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    zone: str = "body"  # kind of the zone it lies in (title, breadcrumb, subhead, body)
    index: int = 0


@dataclass(slots=True)
class Token:
    """A word: its surface span, normalised form and clitic analysis.

    `prefixes` are the proclitics split off (e.g. ("و", "ب", "ال")), `stem` the normalised
    word without them, `suffix` a pronoun suffix split off ("" when none).
    """

    start: int
    end: int
    norm: str
    stem: str
    prefixes: tuple[str, ...] = ()
    suffix: str = ""
    sentence: int = 0
    is_punct: bool = False

    @property
    def has_article(self) -> bool:
        return "ال" in self.prefixes


@dataclass(slots=True)
class Actor:
    """A resolved actor: canonical identity plus the CAMEO codes in force on the event date."""

    id: str | None = None          # knowledge-base id, None when unresolved
    canonical: str | None = None   # English canonical name
    country: str | None = None     # CAMEO country code (ISO-3 style): IRN, PSE, USA…
    agent: str | None = None       # CAMEO agent/sector code: GOV, MIL, REB…
    kind: str = "unknown"          # person, organisation, state, sector, unknown
    org: str | None = None         # id of the organisation a person acts for
    office: str | None = None      # office held on the article date (president, foreign_minister…)

    @property
    def code(self) -> str:
        return (self.country or "") + (self.agent or "")

    def key(self) -> str:
        """Identity used to merge reports of the same event."""
        if self.id:
            return self.id
        return f"{self.country or '-'}:{self.agent or '-'}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "canonical": self.canonical, "country": self.country,
                "agent": self.agent, "kind": self.kind}


@dataclass(slots=True)
class Mention:
    """An actor phrase in the text (title + nisba + name chains are one mention)."""

    start: int
    end: int
    text: str                       # surface text as written
    actor: Actor
    sentence: int = 0
    token_start: int = 0            # index of first token (inclusive)
    token_end: int = 0              # index after last token
    parts: list[str] = field(default_factory=list)  # ids of lexicon entries that composed it
    rule: str = ""                  # how it was built or resolved (name, title, coref:surname…)
    target_only: bool = False       # act nouns ("the US decision") may only fill target roles
    prep: str = ""                  # preposition introducing it (clitic ب/ل/ك or word مع/على…)


@dataclass(slots=True)
class Participant:
    """An actor in an event role: the mention it came from plus the resolved actor."""

    name: str                       # as written
    actor: Actor
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "canonical": self.actor.canonical, "country": self.actor.country,
                "agent": self.actor.agent, "id": self.actor.id, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Report:
    """One place in the document where an event is reported (an event may have several)."""

    start: int                      # trigger span
    end: int
    sentence_start: int
    sentence_end: int
    rule: str
    zone: str = "body"


@dataclass(slots=True)
class Event:
    plover_type: str
    plover_mode: str | None
    cameo_code: str
    source: Participant | None
    target: Participant | None
    rule: str                               # id of the verb pattern that fired
    start: int                              # trigger span (first report)
    end: int
    sentence_start: int
    sentence_end: int
    trigger: str = ""
    date: dt.date | None = None
    date_text: str | None = None
    date_precision: str | None = None
    negated: bool = False
    modality: str = "asserted"              # asserted, intent (future), hypothetical, question
    reported_by: str | None = None
    confidence: float = 0.5
    reports: list[Report] = field(default_factory=list)
    # where (components/places.py): the place named in the event's clause, else the dateline
    place_id: str | None = None             # gn:<GeoNames id>, cc:<ISO-2> or a curated id
    place_name: str | None = None           # English name
    place_country: str | None = None        # ISO-3
    place_lat: float | None = None
    place_lon: float | None = None
    place_admin1: str | None = None
    place_start: int | None = None          # span of the place name in the text
    place_end: int | None = None

    def merge_key(self) -> tuple:
        return (self.plover_type, self.source.actor.key() if self.source else None,
                self.target.actor.key() if self.target else None, self.date, self.negated)


@dataclass(slots=True)
class Document:
    text: str
    id: str | None = None
    date: dt.date | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    zones: list[Zone] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # per-sentence token index ranges, filled by the tokenizer: sentence i -> tokens[a:b]
    sentence_tokens: list[tuple[int, int]] = field(default_factory=list)
    # per-sentence lexicon matches (components.match.Match), filled by the mention finder
    matches: list[list[Any]] = field(default_factory=list)
    trace: list[str] | None = None          # explanation lines, filled when tracing is on

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def tokens_of(self, i: int) -> list[Token]:
        a, b = self.sentence_tokens[i]
        return self.tokens[a:b]

    def note(self, line: str) -> None:
        if self.trace is not None:
            self.trace.append(line)

    # --- tables -------------------------------------------------------------------------
    def event_records(self) -> list[dict[str, Any]]:
        from hudhud.records import event_record
        return [event_record(self, e) for e in self.events]

    def events_df(self):
        import pandas as pd
        from hudhud.records import EVENT_COLUMNS, flatten
        return pd.DataFrame([flatten(r) for r in self.event_records()], columns=EVENT_COLUMNS)

    def mentions_df(self):
        import pandas as pd
        rows = [{"doc_id": self.id, "start": m.start, "end": m.end, "text": m.text,
                 "actor_id": m.actor.id, "canonical": m.actor.canonical,
                 "country": m.actor.country, "agent": m.actor.agent, "kind": m.actor.kind,
                 "rule": m.rule} for m in self.mentions]
        return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "actor_id", "canonical",
                                           "country", "agent", "kind", "rule"])
