"""Knowledge as data: load the YAML lexicons, expand surface forms, compile a phrase index.

Files (formats in docs/lexicon.md):
  data/countries.yaml   states: CAMEO code, names, nisba adjectives, capitals (metonyms)
  data/agents.yaml      titles and group nouns → CAMEO agent codes (+ office for title lookups)
  data/grammar.yaml     closed word classes: speech verbs, negators, act nouns, anaphors…
  data/actors/*.yaml    named people and organisations with dated roles
  data/verbs/*.yaml     event patterns: triggers → PLOVER type/mode, CAMEO code, role frames

Extra folders given to `load_lexicon(extra_dirs=...)` (or in $HUDHUD_LEXICON_PATH, separated by
os.pathsep) are read after the package data, with the same layout, so analysts can extend the
knowledge without touching the package.

The compiled lexicon is cached in memory per process (`load_lexicon`) and on disk: a pickle under
``$HUDHUD_CACHE_DIR`` or ``~/.cache/hudhud`` (as the gazetteer in `hudhud.places`), named by a
hash of the *contents* and paths of every data file read (package data, `extra_dirs`,
$HUDHUD_LEXICON_PATH), of the source of the modules that compile it (this one and the Arabic
normaliser/tokeniser), of the package and Python versions and of `_FORMAT`. Editing any data file
or that code therefore means a rebuild; a missing, unreadable or stale cache is rebuilt, an
unwritable cache folder is skipped, and only the `_CACHE_KEEP` most recently used pickles are
kept (so throwaway extra folders, as in tests, do not pile up).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hudhud.arabic import normalize as _normalize, tokens as _tokens
from hudhud.arabic.normalize import normalize_simple
from hudhud.arabic.tokens import FUNCTION_WORDS, Analyzer, tokenize

DATA_DIR = Path(__file__).parent / "data"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 7× faster
_FORMAT = 1       # bump when the pickled layout (Lexicon, Entry, Form, Role) changes
_CACHE_KEEP = 8   # lexicon pickles kept in the cache folder (most recently used)


# --- entries -----------------------------------------------------------------------------
@dataclass(slots=True)
class Role:
    country: str | None = None
    agent: str | None = None
    org: str | None = None
    office: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, when: dt.date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True)
class Entry:
    """Anything the phrase index can match. `kind` says which table it came from."""

    id: str
    kind: str                      # person, organisation, country, nisba, title, group, act, anaphor,
    #                                trigger, speech, participle, negator, boundary, context…
    name_en: str | None = None
    country: str | None = None
    agent: str | None = None
    office: str | None = None
    parent: str | None = None
    roles: list[Role] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    source_file: str = ""

    def role_at(self, when: dt.date | None) -> Role | None:
        """The role in force on `when` (the latest-starting active one); None if none."""
        best = None
        for r in self.roles:
            if r.active(when) and (best is None or (r.start or dt.date.min) >= (best.start or dt.date.min)):
                best = r
        if best is None and when is None and self.roles:
            best = self.roles[-1]
        return best


@dataclass(slots=True)
class Form:
    """One surface form of an entry, as a tuple of token stems."""

    stems: tuple[str, ...]
    prefixes: tuple[tuple[str, ...], ...]  # non-article proclitics of each word after the first
    entry: Entry
    pos: str = ""            # verb, noun, participle, name, surname, capital, nisba, …
    flags: frozenset[str] = frozenset()
    article: bool = False    # the lexicon form is definite (الإمام): the text must be too (أمام ≠ إمام)
    order: int = 0           # load order: later files (analyst folders) are tried first


# --- surface-form expansion ---------------------------------------------------------------
_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "ن")


_CLITIC_ARTICLE = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل")


def verb_forms(spec: str) -> list[str]:
    """'اتصل/يتصل' → past and present inflections (3rd person, both genders, all numbers).

    A multi-word spec ('تلقى اتصالا/يتلقى اتصالا') inflects its first word only.
    Past verbs ending in ى/ي (تلقى) also get their feminine -ت form (تلقت).
    """
    out: list[str] = []
    parts = [p.strip() for p in spec.split("/")]
    past, present = parts[0], (parts[1] if len(parts) > 1 else "")
    for form, kind in ((past, "past"), (present, "present")):
        if not form:
            continue
        words = normalize_simple(form).split()
        head, tail = words[0], words[1:]
        heads: list[str] = []
        if kind == "past":
            heads.extend(head + s for s in _PAST_SUFFIXES)
            if head.endswith("ي"):
                heads.extend([head[:-1] + "ت", head[:-1] + "وا", head[:-1] + "يا"])
        else:
            stem = head[1:] if head[0] in "يتن" else head
            for p in ("ي", "ت", "ن"):
                heads.extend(p + stem + s for s in _PRESENT_SUFFIXES)
        out.extend(" ".join([h, *tail]) for h in heads if h not in _NOT_VERBS)
    return out


# inflections that are far more often another word: أثنين (they praised) is اثنين (two)
_NOT_VERBS = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})


def noun_forms(spec: str) -> list[str]:
    """A noun or participle with its accusative -ا, feminine and plural endings.

    'اتصال' → اتصال, اتصالا, اتصالات…; 'متظاهر' → متظاهر, متظاهرا, متظاهره, متظاهرون, متظاهرين…
    In a multi-word spec ('اتصال هاتفي') the accusative -ا goes on every word (اتصالا هاتفيا);
    other endings on the first word only.
    """
    words = normalize_simple(spec).split()
    head, tail = words[0], words[1:]
    if head.endswith("ه"):
        heads = [head, head[:-1] + "ات", head[:-1] + "تين", head[:-1] + "تان"]
    else:
        heads = [head, head + "ات", head + "ه", head + "ون", head + "ين", head + "ان"]
    out = [" ".join([h, *tail]) for h in heads]
    if not head.endswith("ه"):
        out.append(" ".join(w if w.endswith("ه") else w + "ا" for w in words))
    return out


def nisba_forms(base: str) -> list[str]:
    """'ايراني' → ايراني, ايرانيه, ايرانيون, ايرانيين, ايرانيان, ايرانيتان, ايرانيا.

    A base that does not end in ي is a broken plural (أتراك، أفغان، أكراد): it is used as
    written and in the accusative (أتراكا) only.
    """
    b = normalize_simple(base)
    if not b.endswith("ي"):
        return [b, b + "ا"]
    return [b, b + "ه", b + "ون", b + "ين", b + "ان", b[:-1] + "يتان" if b.endswith("ي") else b + "تان",
            b + "ا"]


# --- the lexicon --------------------------------------------------------------------------
_POS_RANK = {"verb": 0, "name": 1, "capital": 2, "noun": 3, "participle": 3, "nisba": 4, "surname": 5}


class Lexicon:
    """All entries plus a phrase index keyed by first stem: stem → [Form, …] (longest first)."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.patterns: list[dict[str, Any]] = []
        self.grammar: dict[str, Any] = {}
        self.analyzer = Analyzer()
        self.index: dict[str, list[Form]] = defaultdict(list)
        # the matcher's view of the same forms: multi-word forms by their first two stems, one-word
        # forms by their stem (a common first word such as محمد no longer means trying every name)
        self.index2: dict[tuple[str, str], list[Form]] = {}
        self.index1: dict[str, list[Form]] = {}
        self.office_holders: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.files: list[str] = []
        self.max_len = 1
        self.common: set[str] = set()
        self.alts: dict[int, tuple] = {}  # the matcher's memo: id(form) → (form, its other readings)

    def __getstate__(self) -> dict[str, Any]:
        # `alts` is keyed by id(), meaningless in another process: it starts empty again
        return {**self.__dict__, "alts": {}}

    # raw forms collected before compilation: (text, entry, pos, flags)
    def _collect(self) -> list[tuple[str, Entry, str, frozenset[str]]]:
        return self._raw

    def compile(self, raw: list[tuple[str, Entry, str, frozenset[str]]]) -> None:
        # 1. vocabulary: every single word of every form (so clitic analysis knows them)
        vocab: set[str] = set()
        inner: set[str] = set()  # later words of a form written with ب or ل (طالب بوقف)
        for text, _entry, pos, _flags in raw:
            words = normalize_simple(text).split()
            for k, w in enumerate(words):
                if pos == "verb" and k == 0:
                    vocab.add(w)  # التقى، التزم: a verb's ال is part of the word
                    continue
                # article-bearing words enter the vocabulary bare, so ال is always split off,
                # also after a clitic: "طالب بالإفراج عن" adds افراج, not بالافراج (which would
                # keep the text's بالإفراج whole and hide the noun الإفراج عن in it)
                seq = next((q for q in _CLITIC_ARTICLE if w.startswith(q)), None)
                if seq is not None and len(w) - len(seq) >= 3:
                    vocab.add(w[len(seq):])
                elif k > 0 and w[0] in "بل" and len(w) >= 4:
                    inner.add(w)
                else:
                    vocab.add(w[2:] if w.startswith("ال") and len(w) > 4 else w)
        # ...and so do the grammar classes' words. A word written with ب or ل whose rest is itself
        # a known word enters bare: "بوقف" (طالب بوقف إطلاق النار، grammar's لوقف) would
        # otherwise stay whole wherever the text has it, and وقف would never be seen in it;
        # the forms are tokenised with the same analysis, so they still match. The same for a
        # word written with ال: a guard's "الاحتجاجات" or "المسؤولين" kept whole would hide the
        # protest noun احتجاجات and the officials' title in the text (the word classes are
        # compared with both the stem and the form, so they still match; الذين stays whole)
        grammar_words = set().union(*self.grammar.values()) if self.grammar else set()
        known = vocab | grammar_words | set(FUNCTION_WORDS)
        vocab |= {w for w in inner | grammar_words
                  if not (w[:1] in ("ب", "ل") and len(w) >= 4 and w[1:] in known)
                  and not (w.startswith("ال") and len(w) > 4 and w[2:] in known)}
        self.analyzer.add(vocab)
        # words that are not parts of personal names (titles, verbs, places, grammar): an unknown
        # name after a title may not contain them
        self.common = {w for text, entry, _pos, _f in raw if entry.kind != "person"
                       for w in normalize_simple(text).split()}
        self.common |= {w[2:] for w in self.common if w.startswith("ال")} | set(FUNCTION_WORDS)
        for words in self.grammar.values():
            self.common |= set(words)
        # 2. forms → stem tuples, indexed by first stem
        seen: set[tuple] = set()
        for text, entry, pos, flags in raw:
            # (the form as written: its ة is no pronoun suffix, as in the text)
            toks = [t for t in tokenize(text, analyzer=self.analyzer) if not t.is_punct]
            if not toks:
                continue
            stems = tuple(t.stem for t in toks)
            # a definite name, surname or capital needs the article in the text too (العلي is not
            # علي); the article-less ones are not read on a definite word (السيول is no Seoul)
            article = "ال" in toks[0].prefixes and pos in ("name", "surname", "capital")
            key = (stems, entry.id, pos, article)
            if key in seen:
                continue
            seen.add(key)
            inner = tuple(tuple(p for p in t.prefixes if p != "ال") for t in toks[1:])
            lead = [p for p in toks[0].prefixes if p in ("ب", "ل", "ك")]
            if lead and pos == "noun":
                # a trigger phrase written with its preposition (بالتنسيق مع) needs it in the text
                # too: "التنسيق مع" is talk about coordination
                flags = flags | {"lead:" + lead[0]}
            self.index[stems[0]].append(Form(stems, inner, entry, pos, flags, article, len(seen)))
            self.max_len = max(self.max_len, len(stems))
        for forms in self.index.values():
            # same words, several readings: longest, then definite, then by part of speech (a
            # country name before a nisba: روسيا), then the latest file (analyst folders win)
            forms.sort(key=lambda f: (-len(f.stems), -(f.article and f.pos == "name"),
                                      _POS_RANK.get(f.pos, 3), -f.order))
        self.index2, self.index1 = {}, {}
        for stem, forms in self.index.items():
            for f in forms:  # (already in matching order)
                if len(f.stems) > 1:
                    self.index2.setdefault((stem, f.stems[1]), []).append(f)
                else:
                    self.index1.setdefault(stem, []).append(f)
        # 3. office holders: (office, country|org) → people
        for e in self.entries.values():
            for r in e.roles:
                if r.office:
                    for scope in (r.country, r.org):
                        if scope and e not in self.office_holders[(r.office, scope)]:
                            self.office_holders[(r.office, scope)].append(e)

    def holder(self, office: str, scope: str, when: dt.date | None) -> Entry | None:
        """Who held `office` for `scope` (country code or organisation id) on `when`."""
        found = [e for e in self.office_holders.get((office, scope), ())
                 if any(r.office == office and scope in (r.country, r.org) and r.active(when)
                        for r in e.roles)]
        return found[0] if len(found) == 1 else None

    def words(self, name: str) -> frozenset[str]:
        """A grammar word class as a set of normalised stems."""
        return self.grammar.get(name, frozenset())


def _date(v) -> dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def _roles(items) -> list[Role]:
    return [Role(country=r.get("country"), agent=r.get("agent"), org=r.get("org"),
                 office=r.get("office"), start=_date(r.get("from")), end=_date(r.get("to")))
            for r in items or []]


def _read(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_YAML_LOADER) or []


def _layout(root: Path) -> dict[str, list[Path]]:
    return {
        "countries": sorted(root.glob("countries*.yaml")),
        "agents": sorted(root.glob("agents*.yaml")),
        "grammar": sorted(root.glob("grammar*.yaml")),
        "actors": sorted((root / "actors").glob("*.yaml")) if (root / "actors").is_dir() else [],
        "verbs": sorted((root / "verbs").glob("*.yaml")) if (root / "verbs").is_dir() else [],
    }


def _dirs(extra_dirs) -> list[Path]:
    """The data folders in reading order: the package's, `extra_dirs`, then $HUDHUD_LEXICON_PATH."""
    dirs = [DATA_DIR, *(Path(p) for p in extra_dirs or [])]
    env = os.environ.get("HUDHUD_LEXICON_PATH")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    return dirs


def read_lexicon(extra_dirs: list[Path] | None = None) -> tuple[Lexicon, list]:
    """Read every data file into a `Lexicon` (not yet compiled) and its raw surface forms."""
    lex = Lexicon()
    raw: list[tuple[str, Entry, str, frozenset[str]]] = []
    dirs = _dirs(extra_dirs)

    def add(entry: Entry) -> Entry:
        lex.entries[entry.id] = entry
        return entry

    for root in dirs:
        files = _layout(Path(root))
        for path in files["countries"]:
            lex.files.append(str(path))
            for c in _read(path):
                # a code already known (an analyst's file naming a shipped country) extends it
                e = lex.entries.get(f"country.{c['code']}") or add(Entry(
                    id=f"country.{c['code']}", kind="country", name_en=c.get("name_en"),
                    country=c["code"], source_file=str(path)))
                for n in c.get("names", []):
                    raw.append((n, e, "name", frozenset()))
                if any(n.startswith(("المملكة", "مملكة")) for n in c.get("names", [])):
                    e.data["kingdom"] = True  # "المملكة" alone may point back to it (mentions.py)
                for n in c.get("capitals", []):
                    raw.append((n, e, "capital", frozenset({"metonym"})))
                ne = lex.entries.get(f"nisba.{c['code']}") or add(Entry(
                    id=f"nisba.{c['code']}", kind="nisba", name_en=c.get("name_en"),
                    country=c["code"], source_file=str(path)))
                for base in c.get("nisba", []):
                    for f in nisba_forms(base):
                        raw.append((f, ne, "nisba", frozenset()))
        for path in files["agents"]:
            lex.files.append(str(path))
            for a in _read(path):
                e = add(Entry(id=a["id"], kind=a.get("kind", "title"), agent=a.get("agent"),
                              country=a.get("country"), office=a.get("office"), name_en=a.get("name_en"), data=a,
                              source_file=str(path)))
                for n in a.get("names", []):
                    raw.append((n, e, "name", frozenset()))
                for n in a.get("nouns", []):
                    for f in noun_forms(n):
                        raw.append((f, e, "name", frozenset()))
        for path in files["grammar"]:
            lex.files.append(str(path))
            g = _read(path)
            for cls, words in (g or {}).items():
                norm = frozenset(normalize_simple(w) for w in words)
                lex.grammar[cls] = lex.grammar.get(cls, frozenset()) | norm  # known words: compile()
        for path in files["actors"]:
            lex.files.append(str(path))
            for a in _read(path):
                roles = _roles(a.get("roles"))
                e = add(Entry(id=a["id"], kind=a.get("type", "person"), name_en=a.get("name_en"),
                              country=a.get("country"), agent=a.get("agent"), parent=a.get("parent"),
                              roles=roles, data=a, source_file=str(path)))
                names = a.get("names", [])
                for n in names:
                    raw.append((n, e, "name", frozenset()))
                if e.kind == "person" and names:
                    first = normalize_simple(names[0]).split()
                    if len(first) > 1:
                        raw.append((first[-1], e, "surname", frozenset({"surname"})))
        for path in files["verbs"]:
            lex.files.append(str(path))
            for p in _read(path):
                p["source_file"] = str(path)
                lex.patterns.append(p)
                e = add(Entry(id=p["id"], kind="trigger", data=p, source_file=str(path)))
                for v in p.get("verbs", []):
                    for f in verb_forms(v):
                        raw.append((f, e, "verb", frozenset()))
                for n in p.get("nouns", []):
                    for f in noun_forms(n):
                        raw.append((f, e, "noun", frozenset()))
                for n in p.get("participles", []):
                    for f in noun_forms(n):
                        raw.append((f, e, "participle", frozenset()))
                for f in p.get("forms", []):
                    raw.append((f, e, "noun", frozenset()))
                lex.analyzer.add(normalize_simple(w) for w in p.get("context", []))
    return lex, raw


_CACHE: dict[tuple, Lexicon] = {}


def _cache_path(extra_dirs) -> Path:
    """The pickle for these data files, named by a hash of everything the compiled lexicon depends on."""
    import hudhud

    h = hashlib.sha1(f"{_FORMAT}|{getattr(hudhud, '__version__', '')}|{sys.version_info[:2]}".encode())
    for src in (__file__, _normalize.__file__, _tokens.__file__):
        h.update(Path(src).read_bytes())
    for root in _dirs(extra_dirs):
        for group, paths in _layout(root).items():
            for path in paths:
                data = path.read_bytes()
                h.update(f"\0{group}\0{path}\0{len(data)}\0".encode())
                h.update(data)
    d = os.environ.get("HUDHUD_CACHE_DIR")
    return (Path(d) if d else Path.home() / ".cache" / "hudhud") / f"lexicon-{h.hexdigest()[:20]}.pkl"


def _safe(fn, *args):
    try:
        return fn(*args)
    except Exception:
        return None


def _cache_read(path: Path) -> Lexicon | None:
    gc_on = gc.isenabled()
    gc.disable()  # ~80k new containers, none garbage: the collector's passes would double the time
    try:
        with open(path, "rb") as f:
            lex = pickle.load(f)
    except Exception:  # missing, unreadable, truncated, from other code: rebuild
        return None
    finally:
        if gc_on:
            gc.enable()
    if not isinstance(lex, Lexicon):
        return None
    try:
        os.utime(path)  # most recently used: pruned last
    except OSError:
        pass
    return lex


def _cache_write(path: Path, lex: Lexicon) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            pickle.dump(lex, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: readers see the old file or the whole new one
        old = sorted(path.parent.glob("lexicon-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in old[_CACHE_KEEP:]:
            p.unlink(missing_ok=True)
    except Exception:  # unwritable folder, unpicklable data, a file pruned by another process…
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def load_lexicon(extra_dirs: list[Path] | None = None) -> Lexicon:
    """Read and compile the lexicon (cached per process and per set of extra folders, and on disk)."""
    key = (tuple(str(p) for p in extra_dirs or ()), os.environ.get("HUDHUD_LEXICON_PATH", ""))
    lex = _CACHE.get(key)
    if lex is None:
        path = _safe(_cache_path, extra_dirs)  # None when a data file is unreadable: the build says why
        lex = _cache_read(path) if path else None
        if lex is None:
            lex, raw = read_lexicon(extra_dirs)
            lex.compile(raw)
            if path and path == _safe(_cache_path, extra_dirs):  # (no file changed while we read)
                _cache_write(path, lex)
        _CACHE[key] = lex
    return lex
