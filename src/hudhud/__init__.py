"""Hudhud: Arabic news text in, explainable PLOVER/CAMEO events out.

    >>> import hudhud
    >>> doc = hudhud.code_text("...", date="2017-12-11")
    >>> doc.events_df()
"""

from hudhud.doc import Actor, Document, Event, Mention, Sentence, Token, Zone
from hudhud.pipeline import Pipeline, code_text, default_pipeline

__all__ = ["Actor", "Document", "Event", "Mention", "Sentence", "Token", "Zone", "Pipeline",
           "code_text", "default_pipeline", "open"]
__version__ = "0.1.0"


def open(db, read_only: bool = True):  # noqa: A001 - hudhud.open(db), like a file
    """Open a store for analysis: `hudhud.open("news.duckdb").events(actor="iran")`."""
    from hudhud.exports import open_db

    return open_db(db, read_only=read_only)
