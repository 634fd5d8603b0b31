"""Streaming document readers: files, folders, archives and stdin in, `SourceDoc`s out.

    >>> for item in iter_sources(["news/"]):
    ...     if isinstance(item, SourceError):
    ...         print("skipped", item.path, item.reason)
    ...     else:
    ...         doc = code_text(item.text, date=item.date, url=item.url, doc_id=item.doc_id)

Formats:
- ``.txt``: optional front matter between leading ``---`` lines (YAML: ``date``, ``title``,
  ``section``, ``url``, ``id``), the rest is the text;
- ``.jsonl``: one object per line; ``.json``: a list of objects or one object. Fields are looked
  up in order (``text``/``content``/``body``, ``date``/``date_extracted``/``published``, ``url``,
  ``title``, ``id``); pass `RecordFields` to change them;
- ``.zip``: members that are .json/.jsonl/.txt/.html/.htm (and .html.gz), one member at a time
  (HTML members go through the same extraction as HTML files; hidden and ``__MACOSX/``
  members are left out);
- ``.html``/``.htm`` (and ``.html.gz``): one news page → main text and metadata
  (`hudhud.html.extract`: trafilatura + Arabic boilerplate filter; the text is "title\n\nbody");
- ``.warc``/``.warc.gz``: the HTML responses of a web archive, streamed (`hudhud.warc`);
- folders: every file of the kinds above below them (recursive, sorted, hidden files skipped);
- ``-``: stdin (front-matter text, or JSON/JSONL when it starts with ``[``/``{``).

With ``raw=True`` (what `hudhud run` reads) HTML pages — files, zip members, WARC records — come
out as `RawPage`s: the bytes and where they came from, not yet extracted; `RawPage.materialize()`
gives the item the default mode yields (the same doc_id, text and metadata), so the expensive
extraction can run in a worker process (`hudhud.executor`).

A record that cannot be read yields a `SourceError` instead of raising, so a batch goes on.
A page that is not in Arabic yields a `Skipped` (a `SourceError` subclass: reason
"not Arabic (lang=fa)"), and so does a WARC file's summary of its non-HTML / non-200 records;
count them apart with ``isinstance(item, Skipped)``.
`doc_id` is the record's id when given, else the first 16 hex digits of the text's SHA-1.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

import yaml

SUFFIXES = (".txt", ".jsonl", ".json", ".zip", ".html", ".htm", ".html.gz", ".htm.gz", ".warc",
            ".warc.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")


def _kind(path: Path) -> str | None:
    """The suffix of SUFFIXES that `path` ends with (".warc.gz" before ".gz"), else None."""
    name = path.name.lower()
    return next((s for s in sorted(SUFFIXES, key=len, reverse=True) if name.endswith(s)), None)


@dataclass(slots=True)
class SourceDoc:
    doc_id: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None          # file (or "archive.zip!member") it came from
    meta: dict[str, Any] = field(default_factory=dict)  # other fields; "line"/"index" locate it

    def code(self, trace: bool = False):
        """Run the default pipeline on this document → `Document` (title, path… in its meta)."""
        from hudhud.pipeline import code_text

        meta = dict(self.meta)
        if self.title:
            meta["title"] = self.title
        if self.path:
            meta["path"] = self.path
        return code_text(self.text, date=self.date, url=self.url, doc_id=self.doc_id, trace=trace,
                         meta=meta)


@dataclass(slots=True)
class SourceError:
    path: str
    reason: str
    doc_id: str | None = None


@dataclass(slots=True)
class Skipped(SourceError):
    """A document deliberately left out (not Arabic; non-HTML WARC records): not a failure."""


Item = SourceDoc | SourceError


@dataclass(slots=True)
class RawPage:
    """One HTML page read but not extracted yet (``iter_sources(..., raw=True)``); picklable.

    `materialize()` → the `SourceDoc` / `Skipped` / `SourceError` that the default mode yields
    for it: ``kind="html"`` as an .html file or zip member (`html_item`), ``kind="warc"`` as a
    WARC record of `hudhud.warc.iter_warc` (the crawled URL wins over the page's own, the
    WARC-Date is the fallback date, ``meta["warc"]`` names the archive). `doc_id` is known
    before extraction for WARC records (the record id), not for HTML files (it hashes the
    extracted text)."""

    path: str                             # where, as SourceDoc.path / SourceError.path
    data: bytes                           # the page (HTTP payload, gunzipped)
    kind: str = "html"                    # "html" | "warc"
    url: str | None = None                # WARC-Target-URI
    doc_id: str | None = None             # WARC record id (uuid)
    charset: str | None = None            # from the HTTP Content-Type
    fallback_date: dt.date | None = None  # WARC-Date
    archive: str | None = None            # the WARC file

    def materialize(self) -> Item:
        """Extract the article (never raises: a failure is a `SourceError`)."""
        if self.kind != "warc":
            return html_item(self.data, self.path)
        from hudhud.html import extract, to_item

        try:
            article = extract(self.data, url=self.url, declared_charset=self.charset)
        except Exception as exc:  # a page the extractor chokes on must not stop a batch
            return SourceError(self.path, f"html: {type(exc).__name__}: {exc}", self.doc_id)
        if article.url != self.url and self.url:
            article.url = self.url              # the URL crawled, not the page's og:url
        item = to_item(article, self.path, doc_id=self.doc_id, fallback_date=self.fallback_date,
                       extra={"warc": self.archive})
        if isinstance(item, SourceDoc) and item.meta.get("date_source") == "fallback":
            item.meta["date_source"] = "warc"
        return item


def materialize(item: "Item | RawPage") -> Item:
    """`item` itself, or the extracted item of a `RawPage`."""
    return item.materialize() if isinstance(item, RawPage) else item


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Field names looked up (first present, non-empty wins) in JSON records."""

    text: tuple[str, ...] = ("text", "content", "body")
    date: tuple[str, ...] = ("date", "date_extracted", "published")
    url: tuple[str, ...] = ("url",)
    title: tuple[str, ...] = ("title",)
    id: tuple[str, ...] = ("id",)


DEFAULT_FIELDS = RecordFields()


def text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    """Lenient date: a date/datetime, or a string starting with YYYY-MM-DD; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# --- front-matter text ------------------------------------------------------------------------
def split_front_matter(raw: str) -> tuple[dict[str, Any], str, int]:
    """Split ``---``-delimited YAML front matter off `raw`.

    Returns (meta, body, n_lines) where n_lines is how many lines of `raw` precede `body`
    (0 when there is no front matter). Raises ValueError on malformed front matter.
    """
    raw = raw.lstrip("\ufeff")
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, raw, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("".join(lines[1:i])) or {}
            except yaml.YAMLError as exc:
                raise ValueError(f"bad front matter: {exc}".splitlines()[0]) from None
            if not isinstance(meta, dict):
                raise ValueError("bad front matter: not a mapping")
            return meta, "".join(lines[i + 1:]), i + 1
    raise ValueError("front matter opened with '---' but never closed")


def doc_from_text(raw: str, path: str | None = None, doc_id: str | None = None) -> Item:
    """One front-matter text file's content → a SourceDoc (or a SourceError)."""
    try:
        meta, body, _ = split_front_matter(raw)
    except ValueError as exc:
        return SourceError(path or "-", str(exc))
    text = body.strip("\n")
    if not text.strip():
        return SourceError(path or "-", "empty text")
    date_value = meta.pop("date", None)
    rid = doc_id or meta.pop("id", None)
    doc = SourceDoc(doc_id=str(rid) if rid else text_id(text), text=text,
                    date=parse_date(date_value), url=_str(meta.pop("url", None)),
                    title=_str(meta.pop("title", None)), path=path, meta=meta)
    if date_value is not None and doc.date is None:
        doc.meta["date_raw"] = str(date_value)
    return doc


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


# --- JSON records -----------------------------------------------------------------------------
def _first(obj: dict, names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return value
    return None


def doc_from_record(obj: Any, path: str, fields: RecordFields = DEFAULT_FIELDS,
                    **where: Any) -> Item:
    """One JSON object → a SourceDoc; `where` (line=…, index=…) is kept in meta."""
    loc = path + "".join(f":{v}" for v in where.values())
    if not isinstance(obj, dict):
        return SourceError(loc, f"record is a {type(obj).__name__}, not an object")
    text = _first(obj, fields.text)
    rid = _first(obj, fields.id)
    rid = str(rid) if rid is not None else None
    if not isinstance(text, str) or not text.strip():
        return SourceError(loc, "no text field (looked for: " + ", ".join(fields.text) + ")", rid)
    used = {n for names in (fields.text, fields.url, fields.title, fields.id) for n in names}
    date_value = _first(obj, fields.date)
    meta = {k: v for k, v in obj.items() if k not in used and k not in fields.date}
    meta.update(where)
    doc = SourceDoc(doc_id=rid or text_id(text), text=text, date=parse_date(date_value),
                    url=_str(_first(obj, fields.url)), title=_str(_first(obj, fields.title)),
                    path=path, meta=meta)
    if date_value is not None and doc.date is None:
        doc.meta["date_raw"] = str(date_value)
    return doc


def iter_jsonl(stream: Iterable[str | bytes], path: str,
               fields: RecordFields = DEFAULT_FIELDS) -> Iterator[Item]:
    """Lines of text or bytes (a binary file: a bad line costs that line only)."""
    for n, line in enumerate(stream, 1):
        try:
            if isinstance(line, bytes):
                line = line.decode("utf-8-sig" if n == 1 else "utf-8")
            if not line.strip():
                continue
            obj = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield SourceError(f"{path}:{n}", f"bad JSON line: {exc}")
            continue
        yield doc_from_record(obj, path, fields, line=n)


def iter_json(raw: str, path: str, fields: RecordFields = DEFAULT_FIELDS) -> Iterator[Item]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield SourceError(path, f"bad JSON: {exc}")
        return
    if isinstance(data, list):
        for i, obj in enumerate(data):
            yield doc_from_record(obj, path, fields, index=i)
    else:
        yield doc_from_record(data, path, fields)


# --- files, archives, folders, stdin ----------------------------------------------------------
ZIP_MEMBER_SUFFIXES = (".txt", ".json", ".jsonl", *HTML_SUFFIXES)


def _zip_member_kind(name: str) -> str | None:
    """The kind of a zip member read by `iter_zip` (None: left out — folders, other suffixes,
    hidden files and macOS ``__MACOSX/`` resource forks)."""
    parts = [p for p in name.split("/") if p]
    if not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts):
        return None
    lower = parts[-1].lower()
    return next((s for s in sorted(ZIP_MEMBER_SUFFIXES, key=len, reverse=True)
                 if lower.endswith(s)), None)


def html_item(data: bytes, where: str) -> Item:
    """The bytes of one HTML page (gunzipped already) → a SourceDoc / Skipped / SourceError,
    exactly as for an .html file (`hudhud.html.extract` + `to_item`)."""
    from hudhud.html import extract, to_item

    try:
        article = extract(data)
    except Exception as exc:  # a page the extractor chokes on must not stop a batch
        return SourceError(where, f"html: {type(exc).__name__}: {exc}")
    return to_item(article, where)


def iter_zip(path: Path, fields: RecordFields = DEFAULT_FIELDS,
             raw: bool = False) -> Iterator[Item]:
    """The members of a zip archive that are .json/.jsonl/.txt/.html/.htm(.gz), in archive
    order, one member in memory at a time (a .jsonl member is streamed line by line; HTML
    members are `RawPage`s with `raw`)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield SourceError(str(path), f"bad zip: {exc}")
        return
    with archive:
        for info in archive.infolist():
            kind = None if info.is_dir() else _zip_member_kind(info.filename)
            if kind is None:
                continue
            where = f"{path}!{info.filename}"
            try:
                with archive.open(info) as fh:
                    if kind == ".jsonl":
                        yield from iter_jsonl(fh, where, fields)
                        continue
                    data = fh.read()
                if kind in HTML_SUFFIXES:
                    if kind.endswith(".gz"):
                        data = gzip.decompress(data)
                    content = None
                else:
                    content = data.decode("utf-8-sig")
            except (UnicodeDecodeError, OSError, zipfile.BadZipFile, EOFError,
                    zlib.error) as exc:
                yield SourceError(where, f"unreadable member: {exc}")
                continue
            if content is None:
                yield RawPage(where, data) if raw else html_item(data, where)
            elif kind == ".json":
                yield from iter_json(content, where, fields)
            else:
                yield doc_from_text(content, where)


def _raw_html_file(path: Path) -> Iterator[Item | RawPage]:
    """`hudhud.html.iter_html_file` without the extraction."""
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield SourceError(str(path), f"unreadable: {exc}")
        return
    yield RawPage(str(path), data)


def iter_warc_raw(path: str | Path, stats: Any = None,
                  reader: str = "auto") -> Iterator[Item | RawPage]:
    """`hudhud.warc.iter_warc` without the extraction: a `RawPage` per 200 HTML response (same
    doc_id and location), the same `SourceError` for an unreadable archive and the same
    `Skipped` summary of the records left out."""
    from hudhud.warc import WarcStats, _uuid, bad_archive, iter_warc_pages, skipped_summary

    stats = stats if stats is not None else WarcStats()
    where = str(path)
    before = (stats.non_html, stats.bad_status, stats.too_large)
    try:
        for page in iter_warc_pages(path, stats, reader):
            stats.html += 1
            rid = _uuid(page.record_id)
            doc_id = rid or hashlib.sha1(
                (page.url or "").encode("utf-8") + b"\n" + page.payload).hexdigest()[:16]
            yield RawPage(f"{where}!{page.url or rid}", page.payload, "warc", page.url, doc_id,
                          page.charset, page.date.date() if page.date else None, where)
    except (OSError, ValueError, EOFError) as exc:
        yield bad_archive(where, stats, exc)
    summary = skipped_summary(where, stats, before)
    if summary is not None:
        yield summary


def iter_file(path: str | Path, fields: RecordFields = DEFAULT_FIELDS,
              raw: bool = False) -> Iterator[Item]:
    """One file, by its suffix (.jsonl/.json/.zip/.html/.htm/.warc(.gz); anything else is read as
    front-matter text). With `raw`, HTML pages are `RawPage`s (not extracted)."""
    path = Path(path)
    suffix = path.suffix.lower()
    kind = _kind(path)
    if kind in HTML_SUFFIXES:
        if raw:
            yield from _raw_html_file(path)
            return
        from hudhud.html import iter_html_file

        yield from iter_html_file(path)
        return
    if kind in WARC_SUFFIXES:
        if raw:
            yield from iter_warc_raw(path)
            return
        from hudhud.warc import iter_warc

        yield from iter_warc(path)
        return
    if suffix == ".zip":
        yield from iter_zip(path, fields, raw)
        return
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from iter_jsonl(fh, str(path), fields)
            return
        content = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        yield SourceError(str(path), f"unreadable: {exc}")
        return
    if suffix == ".json":
        yield from iter_json(content, str(path), fields)
    else:
        yield doc_from_text(content, str(path))


def iter_folder(path: str | Path, fields: RecordFields = DEFAULT_FIELDS,
                raw: bool = False) -> Iterator[Item]:
    root = Path(path)
    files = sorted(p for p in root.rglob("*")
                   if _kind(p) is not None and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(root).parts))
    for p in files:
        yield from iter_file(p, fields, raw)


def iter_stream(stream: TextIO, name: str = "-", fmt: str = "auto",
                fields: RecordFields = DEFAULT_FIELDS) -> Iterator[Item]:
    """A text stream: fmt is "txt", "json", "jsonl" or "auto" (JSON when it starts with [ or {)."""
    if fmt == "jsonl":
        yield from iter_jsonl(stream, name, fields)
        return
    content = stream.read()
    if fmt == "auto":
        fmt = _sniff(content)
    if fmt == "json":
        yield from iter_json(content, name, fields)
    elif fmt == "jsonl":
        yield from iter_jsonl(io.StringIO(content), name, fields)
    else:
        yield doc_from_text(content, name)


def _is_json(content: str) -> bool:
    try:
        json.loads(content)
    except json.JSONDecodeError:
        return False
    return True


def _sniff(content: str) -> str:
    """"json" for a JSON document, "jsonl" when the first line is a JSON object, else "txt"."""
    stripped = content.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("[", "{") and _is_json(stripped):
        return "json"
    if stripped[:1] == "{" and _is_json(stripped.splitlines()[0]):
        return "jsonl"
    return "txt"


def iter_path(path: str | Path, fields: RecordFields = DEFAULT_FIELDS,
              stdin_format: str = "auto", raw: bool = False) -> Iterator[Item]:
    if str(path) == "-":
        yield from iter_stream(sys.stdin, "-", stdin_format, fields)
        return
    p = Path(path)
    if p.is_dir():
        yield from iter_folder(p, fields, raw)
    elif p.is_file():
        yield from iter_file(p, fields, raw)
    else:
        yield SourceError(str(path), "no such file or folder")


def iter_sources(paths: Iterable[str | Path], fields: RecordFields = DEFAULT_FIELDS,
                 stdin_format: str = "auto", raw: bool = False) -> Iterator[Item]:
    """Every document under `paths`, in order, streamed (`raw`: HTML pages as `RawPage`s)."""
    for path in paths:
        yield from iter_path(path, fields, stdin_format, raw)


def iter_examples() -> Iterator[Item]:
    """The bundled example articles (`hudhud/examples/*.txt`), sorted by file name."""
    from importlib.resources import files

    folder = files("hudhud").joinpath("examples")
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt") and entry.is_file():
            yield doc_from_text(entry.read_text(encoding="utf-8-sig"), f"examples/{entry.name}")
