"""Validate the lexicon files: fields, codes, duplicates, dated roles, CAMEO/PLOVER pairings.

    hudhud lexicon check                     # the package data (+ $HUDHUD_LEXICON_PATH)
    hudhud lexicon check --extra my_lexicon  # …and an analyst's folder (same layout as data/)
    python -m hudhud.lexicon.check my_lexicon

Errors (exit 1) are things that break loading or code events wrongly: missing fields, unknown
CAMEO codes, a pattern whose PLOVER type disagrees with its CAMEO code, duplicate ids, a role
that ends before it starts, one person holding the same office twice at once. Warnings do not
fail the check: unknown keys, a PLOVER mode that differs from the CAMEO code's, two people in one
office at once, a name that points at two actors with different codes or is listed twice.
Format of the files and of this report: docs/lexicon.md#checker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from hudhud.arabic.normalize import normalize_simple
from hudhud.lexicon import DATA_DIR, _layout

ERROR = "error"
WARNING = "warning"

CODES_FILE = DATA_DIR / "cameo_codes.yaml"
TABLE_FILE = DATA_DIR / "cameo_plover.tsv"

COUNTRY_KEYS = {"code", "name_en", "names", "capitals", "nisba"}
AGENT_KEYS = {"id", "kind", "agent", "country", "office", "name_en", "names", "nouns"}
AGENT_KINDS = {"title", "group", "act", "anaphor", "anaphor_org"}
ACTOR_KEYS = {"id", "type", "name_en", "names", "country", "agent", "parent", "roles"}
ACTOR_TYPES = {"person", "organisation"}
ROLE_KEYS = {"country", "agent", "org", "office", "from", "to"}
VERB_KEYS = {"id", "type", "mode", "cameo", "verbs", "nouns", "participles", "forms", "source",
             "target", "require", "context", "then", "then_within", "symmetric",
             "nouns_bare"}
SURFACE_KEYS = ("verbs", "nouns", "participles", "forms")
FRAME_FLAGS = {"object", "subject", "genitive", "speaker", "crowd", "before", "passive", "own_people", "author"}
FRAME_LISTS = {"preps", "marker"}
FRAME_KEYS = FRAME_FLAGS | FRAME_LISTS | {"agents", "state_agent"}
SPEECH = "SPEECH"


@dataclass(frozen=True, slots=True)
class Problem:
    level: str            # "error" or "warning"
    file: str
    entry: str | None     # entry id (or code / grammar class); None for file-level problems
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{self.level}: {where}: {self.entry or '-'}: {self.message}"


# --- reference tables ---------------------------------------------------------------------
def read_table(path: Path = TABLE_FILE) -> dict[str, tuple[str, str]]:
    """cameo_plover.tsv → {cameo code: (PLOVER type, mode or '')}."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        table[cols[0].strip()] = (cols[1].strip() if len(cols) > 1 else "",
                                  cols[2].strip() if len(cols) > 2 else "")
    return table


def read_codes(paths: Iterable[Path]) -> tuple[set[str], set[str]]:
    """cameo_codes*.yaml files → (country codes, agent codes)."""
    countries: set[str] = set()
    agents: set[str] = set()
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        countries.update(str(c) for c in data.get("countries") or [])
        agents.update(str(a) for a in data.get("agents") or [])
    return countries, agents


# --- helpers ------------------------------------------------------------------------------
def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _load(path: Path, report) -> tuple[Any, list[int]]:
    """Parse one YAML file; returns (data, 1-based line of each top-level item)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report(ERROR, None, f"cannot read: {exc}")
        return None, []
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # bad dates raise ValueError
        mark = getattr(exc, "problem_mark", None)
        report(ERROR, None, f"YAML does not parse: {getattr(exc, 'problem', None) or exc}",
               line=mark.line + 1 if mark else None)
        return None, []
    finally:
        loader.dispose()
    lines = [n.start_mark.line + 1 for n in node.value] \
        if isinstance(node, yaml.SequenceNode) else []
    return data, lines


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _date(value: Any) -> tuple[dt.date | None, bool]:
    """A role date → (date or None, ok)."""
    if value in (None, ""):
        return None, True
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    try:
        return dt.date.fromisoformat(str(value)), True
    except ValueError:
        return None, False


def _overlap(a: tuple, b: tuple) -> tuple[dt.date, dt.date] | None:
    """Inclusive date ranges (None = open) → their common range, or None."""
    start = max(a[0] or dt.date.min, b[0] or dt.date.min)
    end = min(a[1] or dt.date.max, b[1] or dt.date.max)
    return (start, end) if start <= end else None


def _span(r: tuple[dt.date, dt.date]) -> str:
    s = "…" if r[0] == dt.date.min else r[0].isoformat()
    e = "…" if r[1] == dt.date.max else r[1].isoformat()
    return s if s == e else f"{s} – {e}"


# --- the checker --------------------------------------------------------------------------
class _Checker:
    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self.problems: list[Problem] = []
        self.table = read_table()
        self.plover_types = {t for t, _ in self.table.values()} | {SPEECH}
        code_files = [CODES_FILE]
        for root in roots[1:]:
            code_files.extend(sorted(root.glob("cameo_codes*.yaml")))
        self.country_codes, self.agent_codes = read_codes(code_files)
        self.ids: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
        self.actors: dict[str, dict] = {}          # id → raw actor (for parent/org references)
        self.actor_refs: list[tuple] = []          # (file, id, line, what, ref)
        self.roles: list[tuple] = []               # (file, id, line, office, scope, range)
        self.forms: dict[str, list[tuple]] = defaultdict(list)  # norm → [(entry, codes, file, line)]
        self.grammar_classes: set[str] | None = None

    # reporting
    def report_for(self, file: str, entry: str | None = None, line: int | None = None):
        def report(level: str, ent: str | None, message: str, line: int | None = line) -> None:
            self.problems.append(Problem(level, file, ent if ent is not None else entry,
                                         message, line))
        return report

    def run(self) -> list[Problem]:
        for n, root in enumerate(self.roots):
            if not root.is_dir():
                self.problems.append(Problem(ERROR, str(root), None, "not a folder"))
                continue
            files = _layout(root)
            for path in files["countries"]:
                self.countries(path, package=n == 0)
            for path in files["agents"]:
                self.agents(path)
            for path in files["grammar"]:
                self.grammar(path, package=n == 0)
            for path in files["actors"]:
                self.actor_file(path)
            for path in files["verbs"]:
                self.verbs(path)
        self.duplicates()
        self.references()
        self.role_overlaps()
        self.variant_conflicts()
        self.loads()
        order = {ERROR: 0, WARNING: 1}
        return sorted(self.problems, key=lambda p: (order.get(p.level, 2), p.file, p.line or 0))

    # shared field checks
    def _items(self, path: Path, kind: str):
        file = _display(path)
        report = self.report_for(file)
        data, lines = _load(path, report)
        if data is None:
            return
        if not isinstance(data, list):
            report(ERROR, None, f"a {kind} file must be a YAML list of entries")
            return
        for i, item in enumerate(data):
            line = lines[i] if i < len(lines) else None
            if not isinstance(item, dict):
                report(ERROR, None, f"entry #{i + 1} is not a mapping", line=line)
                continue
            yield file, line, item

    def _id(self, item: dict, report, field: str = "id") -> str | None:
        value = item.get(field)
        if not isinstance(value, str) or not value.strip():
            report(ERROR, None, f"missing or empty `{field}`")
            return None
        return value

    def _unknown_keys(self, item: dict, known: set[str], report, what: str) -> None:
        for key in sorted(set(item) - known, key=str):
            report(WARNING, None, f"unknown key `{key}` in {what} (no rule reads it)")

    def _country(self, value: Any, report, where: str, required: bool = False) -> None:
        if value is None:
            if required:
                report(ERROR, None, f"missing {where}")
            return
        if not isinstance(value, str) or value not in self.country_codes:
            report(ERROR, None, f"{where} {value!r} is not a known CAMEO country code")

    def _agent(self, value: Any, report, where: str) -> None:
        if value is None:
            return
        if not isinstance(value, str) or value not in self.agent_codes:
            report(ERROR, None, f"{where} {value!r} is not a known CAMEO agent code")

    def _names(self, item: dict, key: str, report, entry: str, codes: frozenset[str] | None,
               file: str, line: int | None, required: bool = False,
               seen: dict[str, str] | None = None) -> None:
        """A list of surface strings: present, strings, non-empty once normalised, not repeated."""
        value = item.get(key)
        if value is None:
            if required:
                report(ERROR, None, f"missing `{key}`")
            return
        if not _strings(value):
            report(ERROR, None, f"`{key}` must be a list of strings")
            return
        if required and not value:
            report(ERROR, None, f"`{key}` is empty")
        seen = {} if seen is None else seen
        for name in value:
            norm = " ".join(normalize_simple(name).split())
            if not norm:
                report(ERROR, None, f"{key}: {name!r} is empty once normalised")
                continue
            if norm in seen:
                report(WARNING, None, f"{key}: {name!r} is listed twice (same normalised form as "
                       f"{seen[norm]!r})")
                continue
            seen[norm] = name
            if codes is not None:
                self.forms[norm].append((entry, codes, file, line, name))

    # file kinds
    def countries(self, path: Path, package: bool = True) -> None:
        for file, line, c in self._items(path, "countries"):
            report = self.report_for(file, str(c.get("code") or "?"), line)
            code = c.get("code")
            self._country(code, report, "code", required=True)
            if not isinstance(code, str):
                continue
            self._unknown_keys(c, COUNTRY_KEYS, report, "a country")
            if package or f"country.{code}" not in self.ids:
                # (an analyst's file naming a shipped country adds names to it: not a duplicate)
                self.ids[f"country.{code}"].append((file, line))
                self.ids[f"nisba.{code}"].append((file, line))
            codes = frozenset({code})
            seen: dict[str, str] = {}
            self._names(c, "names", report, f"country.{code}", codes, file, line, required=True,
                        seen=seen)
            self._names(c, "capitals", report, f"country.{code}", codes, file, line, seen=seen)
            # a base ending in ي is inflected (إيراني → إيرانية، إيرانيون…); any other is a broken
            # plural (أتراك، أفغان) and is used as written (lexicon.nisba_forms)
            self._names(c, "nisba", report, f"nisba.{code}", codes, file, line)

    def agents(self, path: Path) -> None:
        for file, line, a in self._items(path, "agents"):
            report = self.report_for(file, str(a.get("id") or "?"), line)
            ident = self._id(a, report)
            if ident is None:
                continue
            self.ids[ident].append((file, line))
            self._unknown_keys(a, AGENT_KEYS, report, "an agent entry")
            kind = a.get("kind", "title")
            if kind not in AGENT_KINDS:
                report(WARNING, None, f"kind {kind!r} is not one of {', '.join(sorted(AGENT_KINDS))}")
            self._agent(a.get("agent"), report, "agent")
            self._country(a.get("country"), report, "country")
            if a.get("office") is not None and not isinstance(a.get("office"), str):
                report(ERROR, None, "`office` must be a string")
            if not a.get("names") and not a.get("nouns"):
                report(ERROR, None, "needs `names` or `nouns`")
            codes = None
            if kind in ("title", "group") and (a.get("agent") or a.get("country")):
                codes = frozenset({(a.get("country") or "") + (a.get("agent") or "")})
            seen: dict[str, str] = {}
            self._names(a, "names", report, ident, codes, file, line, seen=seen)
            self._names(a, "nouns", report, ident, codes, file, line, seen=seen)

    def grammar(self, path: Path, package: bool) -> None:
        file = _display(path)
        report = self.report_for(file)
        data, _ = _load(path, report)
        if data is None:
            return
        if not isinstance(data, dict):
            report(ERROR, None, "the grammar file must be a mapping: class → list of words")
            return
        if package:
            self.grammar_classes = (self.grammar_classes or set()) | set(data)
        elif self.grammar_classes is not None:
            for cls in sorted(set(data) - self.grammar_classes, key=str):
                report(WARNING, str(cls), "not a class of the package grammar: no rule reads it")
        for cls, words in data.items():
            if not _strings(words):
                report(ERROR, str(cls), "must be a list of words (strings)")
                continue
            for w in words:
                if not normalize_simple(w).strip():
                    report(ERROR, str(cls), f"{w!r} is empty once normalised")

    def actor_file(self, path: Path) -> None:
        for file, line, a in self._items(path, "actors"):
            report = self.report_for(file, str(a.get("id") or "?"), line)
            ident = self._id(a, report)
            if ident is None:
                continue
            self.ids[ident].append((file, line))
            self.actors[ident] = a
            self._unknown_keys(a, ACTOR_KEYS, report, "an actor")
            kind = a.get("type", "person")
            if kind not in ACTOR_TYPES:
                report(WARNING, None, f"type {kind!r} is not person or organisation")
            self._country(a.get("country"), report, "country")
            self._agent(a.get("agent"), report, "agent")
            if a.get("parent") is not None:
                self.actor_refs.append((file, ident, line, "parent", a.get("parent")))
            codes = {(a.get("country") or "") + (a.get("agent") or "")} - {""}
            roles = a.get("roles")
            if roles is not None and not isinstance(roles, list):
                report(ERROR, None, "`roles` must be a list")
                roles = []
            for k, r in enumerate(roles or [], start=1):
                if not isinstance(r, dict):
                    report(ERROR, None, f"role #{k} is not a mapping")
                    continue
                self._unknown_keys(r, ROLE_KEYS, report, f"role #{k}")
                self._country(r.get("country"), report, f"role #{k}: country")
                self._agent(r.get("agent"), report, f"role #{k}: agent")
                codes.add((r.get("country") or "") + (r.get("agent") or ""))
                start, ok1 = _date(r.get("from"))
                end, ok2 = _date(r.get("to"))
                for ok, key in ((ok1, "from"), (ok2, "to")):
                    if not ok:
                        report(ERROR, None, f"role #{k}: `{key}` {r.get(key)!r} is not a "
                               "YYYY-MM-DD date")
                if start and end and start > end:
                    report(ERROR, None, f"role #{k}: `from` {start} is after `to` {end}")
                    continue
                if r.get("org") is not None:
                    self.actor_refs.append((file, ident, line, f"role #{k}: org", r.get("org")))
                office = r.get("office")
                if office is not None and not isinstance(office, str):
                    report(ERROR, None, f"role #{k}: `office` must be a string")
                elif office and ok1 and ok2:
                    scope = r.get("org") or r.get("country")
                    self.roles.append((file, ident, line, k, office, scope, (start, end)))
            if kind == "person" and not codes:
                report(WARNING, None, "a person with no country, agent or roles gets no CAMEO code")
            self._names(a, "names", report, ident, frozenset(codes - {""}), file, line,
                        required=True)

    def verbs(self, path: Path) -> None:
        for file, line, p in self._items(path, "verbs"):
            report = self.report_for(file, str(p.get("id") or "?"), line)
            ident = self._id(p, report)
            if ident is None:
                continue
            self.ids[ident].append((file, line))
            self._unknown_keys(p, VERB_KEYS, report, "a pattern")
            ptype = p.get("type")
            if not isinstance(ptype, str) or not ptype:
                report(ERROR, None, "missing `type` (a PLOVER type, or SPEECH)")
            elif ptype not in self.plover_types:
                report(ERROR, None, f"type {ptype!r} is not a PLOVER type "
                       f"({', '.join(sorted(self.plover_types))})")
            self.cameo(p, ptype, report)
            if not any(p.get(k) for k in SURFACE_KEYS):
                report(ERROR, None, "no surface forms: give `verbs`, `nouns`, `participles` or "
                       "`forms`")
            for key in SURFACE_KEYS:
                self._names(p, key, report, ident, None, file, line)
            for spec in p.get("verbs") or []:
                if isinstance(spec, str) and spec.count("/") > 1:
                    report(ERROR, None, f"verbs: {spec!r} has more than one / (past/present)")
                elif isinstance(spec, str) and any(
                        part.strip() and not normalize_simple(part).strip()
                        for part in spec.split("/")):
                    report(ERROR, None, f"verbs: {spec!r} has a part that is empty once "
                           "normalised")
            for role in ("source", "target"):
                self.frame(p.get(role), role, report)
            require = p.get("require")
            if require is not None and (not _strings(require)
                                        or set(require) - {"source", "target"}):
                report(ERROR, None, f"`require` must list source and/or target, not {require!r}")
            within = p.get("then_within")
            if within is not None and (not isinstance(within, int) or isinstance(within, bool) or within < 1):
                report(ERROR, None, "`then_within` must be a positive number of words")
            for key in ("context", "then"):
                if p.get(key) is not None and not _strings(p.get(key)):
                    report(ERROR, None, f"`{key}` must be a list of words")

    def cameo(self, p: dict, ptype: Any, report) -> None:
        if "cameo" not in p or p.get("cameo") in (None, ""):
            if ptype != SPEECH:
                report(ERROR, None, "missing `cameo` (a CAMEO event code in quotes, e.g. \"041\")")
            return
        raw = p["cameo"]
        code = str(raw)
        if not isinstance(raw, str):
            report(WARNING, None, f"cameo {raw!r} should be quoted (\"{code}\"): unquoted codes "
                   "lose their leading zero")
        if code not in self.table:
            report(ERROR, None, f"cameo {code!r} is not in the CAMEO→PLOVER table")
            return
        want_type, want_mode = self.table[code]
        if ptype == SPEECH or not isinstance(ptype, str) or ptype not in self.plover_types:
            return
        if ptype != want_type:
            report(ERROR, None, f"type {ptype} does not match cameo {code}, which is {want_type}"
                   + (f"/{want_mode}" if want_mode else ""))
            return
        mode = p.get("mode")
        if mode not in (None, "") and str(mode) != want_mode:
            report(WARNING, None, f"mode {mode!r} differs from cameo {code}'s mode "
                   + (repr(want_mode) if want_mode else "(none)"))

    def frame(self, spec: Any, role: str, report) -> None:
        if spec is None:
            return
        if not isinstance(spec, dict):
            report(ERROR, None, f"`{role}` must be a mapping ({', '.join(sorted(FRAME_KEYS))})")
            return
        for key in sorted(set(spec) - FRAME_KEYS, key=str):
            report(ERROR, None, f"`{role}` has unknown key `{key}` (allowed: "
                   f"{', '.join(sorted(FRAME_KEYS))})")
        for key in FRAME_FLAGS & set(spec):
            if not isinstance(spec[key], bool):
                report(ERROR, None, f"`{role}.{key}` must be true or false")
        for key in FRAME_LISTS & set(spec):
            if not _strings(spec[key]) or not all(normalize_simple(w).strip() for w in spec[key]):
                report(ERROR, None, f"`{role}.{key}` must be a list of non-empty words")
        if "state_agent" in spec and spec["state_agent"] not in self.agent_codes:
            report(ERROR, None, f"`{role}.state_agent` must be a CAMEO agent code")
        if "agents" in spec:
            codes = spec["agents"]
            if not isinstance(codes, list) or not codes:
                report(ERROR, None, f"`{role}.agents` must be a list of CAMEO agent codes (null: none)")
            else:
                for code in codes:
                    if code is not None and code not in self.agent_codes:
                        report(ERROR, None, f"`{role}.agents`: {code!r} is not a CAMEO agent code")

    # cross-file checks
    def duplicates(self) -> None:
        for ident, where in self.ids.items():
            if ident.startswith("nisba."):
                continue  # reported with its country.
            if len(where) > 1:
                first = f"{where[0][0]}:{where[0][1]}" if where[0][1] else where[0][0]
                for file, line in where[1:]:
                    what = f"country code {ident[8:]}" if ident.startswith("country.") \
                        else f"id {ident!r}"
                    self.problems.append(Problem(ERROR, file, ident, f"duplicate {what} (first "
                                                 f"at {first})", line))

    def references(self) -> None:
        for file, ident, line, what, ref in self.actor_refs:
            if not isinstance(ref, str) or ref not in self.actors:
                self.problems.append(Problem(WARNING, file, ident, f"{what} {ref!r} is not the id "
                                             "of an actor", line))

    def role_overlaps(self) -> None:
        by_person: dict[str, list] = defaultdict(list)
        by_office: dict[tuple, list] = defaultdict(list)
        for role in self.roles:
            file, ident, line, k, office, scope, span = role
            by_person[ident].append(role)
            if scope:
                by_office[(office, scope)].append(role)
        for ident, roles in by_person.items():
            for i, a in enumerate(roles):
                for b in roles[i + 1:]:
                    if a[4] != b[4]:
                        continue
                    common = _overlap(a[6], b[6])
                    if common is None:
                        continue
                    if a[5] == b[5]:
                        self.problems.append(Problem(
                            ERROR, b[0], ident, f"roles #{a[3]} and #{b[3]} both hold "
                            f"{a[4]} for {a[5] or 'no scope'} on overlapping dates "
                            f"({_span(common)})", b[2]))
                    else:
                        self.problems.append(Problem(
                            WARNING, b[0], ident, f"roles #{a[3]} and #{b[3]} hold {a[4]} for "
                            f"{a[5]} and {b[5]} on overlapping dates ({_span(common)})", b[2]))
        for (office, scope), roles in by_office.items():
            for i, a in enumerate(roles):
                for b in roles[i + 1:]:
                    if a[1] == b[1]:
                        continue
                    common = _overlap(a[6], b[6])
                    if common is not None:
                        self.problems.append(Problem(
                            WARNING, b[0], b[1], f"holds {office} for {scope} at the same time "
                            f"as {a[1]} ({_span(common)}): titles cannot resolve to one holder "
                            "then", b[2]))

    def variant_conflicts(self) -> None:
        for norm, uses in self.forms.items():
            entries: dict[str, tuple] = {}
            for use in uses:
                entries.setdefault(use[0], use)
            if len(entries) < 2:
                continue
            items = list(entries.values())
            for i, a in enumerate(items):
                for b in items[i + 1:]:
                    if a[1] and b[1] and a[1] != b[1]:
                        self.problems.append(Problem(
                            WARNING, b[2], b[0], f"name {b[4]!r} also names {a[0]} "
                            f"({'/'.join(sorted(a[1]))}, not {'/'.join(sorted(b[1]))})", b[3]))

    def loads(self) -> None:
        """The loader itself must get through the files (catches what the checks above miss)."""
        if any(p.level == ERROR for p in self.problems):
            return  # already explained; the loader would fail on those
        from hudhud.lexicon import read_lexicon

        try:
            lex, raw = read_lexicon([r for r in self.roots[1:]])
            lex.compile(raw)
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            self.problems.append(Problem(ERROR, "(loader)", None,
                                         f"read_lexicon fails: {type(exc).__name__}: {exc}"))


def _roots(extra_dirs: Iterable[Path | str] | None, use_env: bool) -> list[Path]:
    roots = [DATA_DIR, *(Path(d) for d in extra_dirs or [])]
    env = os.environ.get("HUDHUD_LEXICON_PATH") if use_env else None
    if env:
        roots.extend(Path(p) for p in env.split(os.pathsep) if p)
    return roots


def check(extra_dirs: Iterable[Path | str] | None = None, use_env: bool = True) -> list[Problem]:
    """Check the package data plus `extra_dirs` (and $HUDHUD_LEXICON_PATH, as the loader does).

    Returns the problems found, errors first.
    """
    if not use_env:
        saved = os.environ.pop("HUDHUD_LEXICON_PATH", None)
        try:
            return _Checker(_roots(extra_dirs, False)).run()
        finally:
            if saved is not None:
                os.environ["HUDHUD_LEXICON_PATH"] = saved
    return _Checker(_roots(extra_dirs, True)).run()


def render(problems: list[Problem], roots: list[Path], show_warnings: bool = True) -> None:
    """Print one `file:line: level: entry: message` line per problem, then a verdict."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    errors = sum(p.level == ERROR for p in problems)
    warnings = len(problems) - errors
    for p in problems:
        if p.level != ERROR and not show_warnings:
            continue
        where = p.file + (f":{p.line}" if p.line else "")
        console.print(Text.assemble((where, "bold"), ": ",
                                    (p.level, "bold red" if p.level == ERROR else "yellow"),
                                    f": {p.entry or '-'}: {p.message}"))
    folders = ", ".join(_display(r) for r in roots)
    verdict = ("FAILED", "bold red") if errors else ("OK", "bold green")
    console.print(Text.assemble(verdict, f": {errors} error(s), {warnings} warning(s) "
                                f"in {folders}"))


def main(argv: list[str] | None = None) -> int:
    """Command line: `hudhud lexicon check [--extra DIR] [DIR…]`; 1 on errors, else 0."""
    parser = argparse.ArgumentParser(
        prog=os.path.basename(sys.argv[0]) if argv is None and sys.argv[0].startswith("hudhud")
        else "python -m hudhud.lexicon.check",
        description="Validate the lexicon: the package data, $HUDHUD_LEXICON_PATH and any "
                    "extra folders (same layout as the package data/ folder).")
    parser.add_argument("dirs", nargs="*", type=Path, help="extra lexicon folders to check")
    parser.add_argument("--extra", action="append", type=Path, default=[], metavar="DIR",
                        help="an extra lexicon folder (repeatable)")
    parser.add_argument("--no-env", action="store_true",
                        help="ignore $HUDHUD_LEXICON_PATH")
    parser.add_argument("--errors-only", action="store_true", help="do not list warnings")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    extra = [*args.extra, *args.dirs]
    problems = check(extra, use_env=not args.no_env)
    render(problems, _roots(extra, not args.no_env), show_warnings=not args.errors_only)
    return 1 if any(p.level == ERROR for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
