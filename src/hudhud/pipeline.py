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


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline([])  # TODO: components land here
    return _DEFAULT


def code_text(text: str, date=None, url: str | None = None, doc_id: str | None = None,
              trace: bool = False) -> Document:
    """Code one article: returns the `Document` with sentences, mentions and events."""
    doc = Document(text=text, id=doc_id, date=_as_date(date), url=url, trace=[] if trace else None)
    return default_pipeline()(doc)
