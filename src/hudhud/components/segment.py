"""Segmentation: boilerplate zones → sentences → tokens (with the lexicon's clitic vocabulary)."""

from __future__ import annotations

from hudhud.arabic.sentences import split_sentences
from hudhud.arabic.tokens import tokenize
from hudhud.doc import Document, Sentence
from hudhud.lexicon import Lexicon


class Segmenter:
    def __init__(self, lexicon: Lexicon, clean: bool = True):
        self.lexicon = lexicon
        self.clean = clean

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        if self.clean:
            from hudhud.clean import find_zones

            doc.zones = find_zones(text)
        spans = [(z.start, z.end, z.kind) for z in doc.zones if z.is_content] if doc.zones else []
        if not doc.zones:
            spans = [(0, len(text), "body")]
        for a, b, kind in spans:
            for s, e in split_sentences(text, a, b):
                doc.sentences.append(Sentence(s, e, kind, len(doc.sentences)))
        analyzer = self.lexicon.analyzer
        for i, s in enumerate(doc.sentences):
            first = len(doc.tokens)
            doc.tokens.extend(tokenize(text, s.start, s.end, analyzer, sentence=i))
            doc.sentence_tokens.append((first, len(doc.tokens)))
        for z in doc.zones:
            if not z.is_content:
                doc.note(f"boilerplate [{z.start}:{z.end}] {z.reason}: {text[z.start:z.end][:60]}")
        return doc
