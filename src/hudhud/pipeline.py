"""The pipeline: a list of components, each a callable `Document -> Document`."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from hudhud.doc import Document

Component = Callable[[Document], Document]


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class Pipeline:
    def __init__(self, components: list[Component]):
        self.components = components

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc)
        return doc


_DEFAULT: Pipeline | None = None


def build_pipeline(lexicon=None, clean: bool = True, keep_nonfactual: bool = False) -> Pipeline:
    """sources → clean/segment → mentions/actors → events → attributes → guards → merge.

    `keep_nonfactual=True` keeps questions and hypotheticals (flagged in `modality`) and
    background references instead of dropping them.
    """
    from hudhud.components.attributes import Attributes
    from hudhud.components.events import EventFinder
    from hudhud.components.guards import Guards
    from hudhud.components.mentions import MentionFinder
    from hudhud.components.merge import CasualtyMerge, Merger
    from hudhud.components.segment import Segmenter
    from hudhud.lexicon import load_lexicon

    lex = lexicon or load_lexicon()
    from hudhud.components.locate import Locate
    from hudhud.components.places import Places

    return Pipeline([Segmenter(lex, clean=clean), MentionFinder(lex), EventFinder(lex),
                     Attributes(lex), Places(lex), CasualtyMerge(lex), Locate(lex), Guards(lex, keep_nonfactual),
                     Merger()])


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_pipeline()
    return _DEFAULT


def code_text(text: str, date=None, url: str | None = None, doc_id: str | None = None,
              trace: bool = False, meta: dict | None = None) -> Document:
    """Code one article: returns the `Document` with sentences, mentions and events.

    `date` (a date or ISO string) is the publication date that relative dates resolve against;
    `meta` (title, section, site…) is visible to every component; `trace=True` fills
    `doc.trace` with an explanation of every decision (see `hudhud explain`).
    """
    doc = Document(text=text, id=doc_id, date=_as_date(date), url=url, meta=dict(meta or {}),
                   trace=[] if trace else None)
    return default_pipeline()(doc)
