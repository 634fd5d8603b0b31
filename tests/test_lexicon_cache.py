"""The on-disk lexicon cache: a hit codes exactly like a fresh build, and edited data rebuilds."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from types import SimpleNamespace

import pytest

import hudhud
import hudhud.lexicon as L
from hudhud.pipeline import build_pipeline

SENTENCES = [
    "اتصل ولي العهد السعودي بالرئيس الإيراني هاتفياً",
    "تظاهر الآلاف في بغداد احتجاجاً على الفساد",
    "وقع الملك سلمان والرئيس الصيني شي جين بينغ اتفاقية شراكة استراتيجية.",
]

VERBS = "- id: test.cache\n  type: CONSULT\n  cameo: \"040\"\n  verbs: [{verb}]\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache folder and in-memory cache; counts real builds in `builds`."""
    d = tmp_path / "cache"
    monkeypatch.setenv("HUDHUD_CACHE_DIR", str(d))
    monkeypatch.delenv("HUDHUD_LEXICON_PATH", raising=False)
    monkeypatch.setattr(L, "_CACHE", {})
    builds = []
    read = L.read_lexicon

    def counting(extra_dirs=None):
        builds.append(extra_dirs)
        return read(extra_dirs)

    monkeypatch.setattr(L, "read_lexicon", counting)
    return SimpleNamespace(dir=d, builds=builds)


def fresh(**kw) -> L.Lexicon:
    """A load in a 'new process': the in-memory cache forgotten, the disk cache kept."""
    L._CACHE.clear()
    return L.load_lexicon(**kw)


def coded(lex: L.Lexicon, text: str):
    doc = build_pipeline(lexicon=lex)(hudhud.Document(text, date=dt.date(2019, 3, 1)))
    return doc.event_records(), [(m.start, m.end, m.actor.id, m.rule) for m in doc.mentions]


def test_a_cache_hit_codes_like_a_fresh_build(cache):
    cold = fresh()
    assert len(cache.builds) == 1 and len(list(cache.dir.glob("lexicon-*.pkl"))) == 1
    assert L.load_lexicon() is cold  # memoised in the process
    warm = fresh()
    assert len(cache.builds) == 1 and warm is not cold  # read from disk, not rebuilt
    assert warm.files == cold.files and warm.entries.keys() == cold.entries.keys()
    assert {k: len(v) for k, v in warm.index.items()} == {k: len(v) for k, v in cold.index.items()}
    assert warm.analyzer.known == cold.analyzer.known and warm.grammar == cold.grammar
    # shared objects stay shared: a form's entry is the entry in the table
    form = next(f for f in warm.index["اتصل"] if f.entry.kind == "trigger")
    assert warm.entries[form.entry.id] is form.entry
    for text in SENTENCES:
        events, mentions = coded(cold, text)
        assert events, text
        assert coded(warm, text) == (events, mentions), text


@pytest.mark.parametrize("via", ["extra_dirs", "env"])
def test_editing_a_data_file_rebuilds(cache, tmp_path, monkeypatch, via):
    extra = tmp_path / "mine"
    (extra / "verbs").mkdir(parents=True)
    f = extra / "verbs" / "mine.yaml"
    f.write_text(VERBS.format(verb="صافح/يصافح"), encoding="utf-8")
    if via == "env":
        monkeypatch.setenv("HUDHUD_LEXICON_PATH", str(extra))
    kw = {"extra_dirs": [extra]} if via == "extra_dirs" else {}

    def has(lex, stem):
        return any(x.entry.id == "test.cache" for x in lex.index.get(stem, ()))

    lex = fresh(**kw)
    assert has(lex, "صافح") and len(cache.builds) == 1
    assert has(fresh(**kw), "صافح") and len(cache.builds) == 1  # a hit
    # same size, same mtime, other content: still a rebuild
    st = f.stat()
    f.write_text(VERBS.format(verb="عانق/يعانق"), encoding="utf-8")
    assert f.stat().st_size == st.st_size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    lex = fresh(**kw)
    assert len(cache.builds) == 2 and has(lex, "عانق") and not has(lex, "صافح")
    assert has(fresh(**kw), "عانق") and len(cache.builds) == 2
    if via == "extra_dirs":  # the package's own data is cached apart from the analyst's
        assert not has(fresh(), "عانق")


def test_old_pickles_are_pruned(cache, tmp_path, monkeypatch):
    monkeypatch.setattr(L, "_CACHE_KEEP", 1)
    extra = tmp_path / "mine"
    (extra / "verbs").mkdir(parents=True)
    (extra / "verbs" / "mine.yaml").write_text(VERBS.format(verb="صافح/يصافح"), encoding="utf-8")
    fresh()
    fresh(extra_dirs=[extra])
    assert len(list(cache.dir.glob("lexicon-*.pkl"))) == 1 and not list(cache.dir.glob("*.tmp"))


def test_a_corrupt_cache_is_rebuilt_and_rewritten(cache):
    path = L._cache_path(None)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    lex = fresh()
    assert len(cache.builds) == 1 and "country.IRN" in lex.entries
    with open(path, "rb") as fh:
        assert isinstance(pickle.load(fh), L.Lexicon)
    path.write_bytes(pickle.dumps({"a": 1}))  # a pickle, but no lexicon
    assert "country.IRN" in fresh().entries and len(cache.builds) == 2


def test_an_unwritable_cache_folder_is_skipped(cache, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("HUDHUD_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    assert "country.IRN" in fresh().entries
    assert "country.IRN" in fresh().entries and len(cache.builds) == 2


def test_an_unpicklable_lexicon_still_loads(cache, monkeypatch):
    real = L.Lexicon.__getstate__
    monkeypatch.setattr(L.Lexicon, "__getstate__", lambda self: {**real(self), "x": lambda: 0})
    assert "country.IRN" in fresh().entries
    assert not list(cache.dir.glob("lexicon-*.pkl")) and not list(cache.dir.glob("*.tmp"))
