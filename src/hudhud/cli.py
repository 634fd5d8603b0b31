"""The `hudhud` command line: code text, fill and query a store, evaluate, explain.

    hudhud code article.txt                 # events of one article as a table
    hudhud code - --lines --format jsonl    # one document per stdin line
    hudhud run news/ dump.zip --db news.duckdb
    hudhud events --db news.duckdb --actor iran --since 2017-12-01
    hudhud demo                             # the bundled examples, end to end
    hudhud eval gsr ../shared/eval/arabic_event_gsr
    hudhud explain "تظاهر آلاف الطلاب في طهران"
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from hudhud import sources
from hudhud.records import EVENT_COLUMNS, event_record, flatten

app = typer.Typer(help="Hudhud: Arabic news text in, explainable PLOVER/CAMEO events out.",
                  no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Evaluate against gold standards.", no_args_is_help=True)
lexicon_app = typer.Typer(help="Lexicon tools.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(lexicon_app, name="lexicon")
actors_app = typer.Typer(help="Actors found in a store.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")

DEFAULT_DB = "hudhud.duckdb"
EXCERPT = 70


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _out() -> Console:
    return Console(highlight=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _require_db(db: Path, since: Optional[str] = None, until: Optional[str] = None) -> None:
    """Validate date filters and that the store exists (clear error, exit 1)."""
    _check_date(since)
    _check_date(until)
    if not db.exists():
        _err().print(f"[red]no database at {escape(str(db))}: fill one with `hudhud run`[/red]")
        raise typer.Exit(1)


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None
    return value


# --- rendering ----------------------------------------------------------------------------------
def _clean(value: Any) -> Any:
    """DataFrame cell → JSON value (NaN/NaT → None, timestamps → ISO dates)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        try:
            if value != value:  # NaT
                return None
        except TypeError:
            pass
        return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _actor_label(row: dict, role: str) -> str:
    name = row.get(f"{role}_canonical") or row.get(f"{role}_name") or ""
    code = (row.get(f"{role}_country") or "") + (row.get(f"{role}_agent") or "")
    if not name and not code:
        return "—"
    return f"{name} [{code}]" if code else name


def _excerpt(row: dict) -> str:
    """The event's sentence, cut to a window around the trigger when it is long."""
    sentence = (row.get("sentence") or "").replace("\n", " ").strip()
    if len(sentence) <= EXCERPT:
        return sentence
    try:
        at = int(row["start"]) - int(row["sentence_start"])
    except (KeyError, TypeError, ValueError):
        at = 0
    a = min(max(0, at - EXCERPT // 4), len(sentence) - EXCERPT + 2)
    b = min(len(sentence), a + EXCERPT - 1 - (a > 0))
    return ("…" if a > 0 else "") + sentence[a:b].strip() + ("…" if b < len(sentence) else "")


def events_table(rows: Iterable[dict], title: str | None = None) -> Table:
    """Flat event rows (`records.flatten`) → a Rich table."""
    table = Table(title=title, show_lines=False, expand=False)
    for col, style in (("date", "cyan"), ("source", "green"), ("type/mode", "bold"),
                       ("cameo", ""), ("target", "magenta"), ("sentence", "dim")):
        table.add_column(col, style=style or None, overflow="fold")
    for row in rows:
        row = {k: _clean(v) for k, v in row.items()}
        kind = row.get("plover_type") or ""
        if row.get("plover_mode"):
            kind += f"/{row['plover_mode']}"
        if row.get("negated"):
            kind = "NOT " + kind
        cells = (row.get("date") or "", _actor_label(row, "source"), kind,
                 row.get("cameo_code") or "", _actor_label(row, "target"), _excerpt(row))
        table.add_row(*(Text(str(c)) for c in cells))  # text, never markup
    return table


def _emit(rows: list[dict], fmt: Format, title: str | None = None,
          records: list[dict] | None = None) -> None:
    """Print flat rows as a table / CSV, or `records` (else rows) as JSON lines."""
    if fmt is Format.jsonl:
        for rec in records if records is not None else rows:
            typer.echo(json.dumps({k: _clean(v) if not isinstance(v, (dict, list)) else v
                                   for k, v in rec.items()}, ensure_ascii=False))
    elif fmt is Format.csv:
        import pandas as pd

        typer.echo(pd.DataFrame(rows, columns=EVENT_COLUMNS).to_csv(index=False), nl=False)
    else:
        _out().print(events_table(rows, title=title))


# --- code ---------------------------------------------------------------------------------------
def _line_docs(raw: str, date: Optional[str], url: Optional[str]) -> Iterable[sources.SourceDoc]:
    meta, body, offset = sources.split_front_matter(raw)
    day = sources.parse_date(date) or sources.parse_date(meta.get("date"))
    for n, line in enumerate(body.splitlines(), start=offset + 1):
        if line.strip():
            yield sources.SourceDoc(doc_id=str(n), text=line.strip(), date=day,
                                    url=url or meta.get("url"), title=meta.get("title"),
                                    meta={"line": n})


@app.command()
def code(
    file: str = typer.Argument(..., help="Text file (YAML front matter honoured: date, title, "
                               "url), .json/.jsonl/.zip, a folder, or - for stdin."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    lines: bool = typer.Option(False, "--lines", help="Code each line as its own document; "
                               "doc_id is the 1-based line number in the input (a string)."),
    date: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides "
                                       "front matter); resolves relative dates."),
    url: Optional[str] = typer.Option(None, help="Source URL to carry into the records."),
) -> None:
    """Code one article (or each line) and print its events."""
    _check_date(date)
    items: Iterable[sources.Item]
    if lines:
        try:
            raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
            items = list(_line_docs(raw, date, url))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            _err().print(f"[red]cannot read {escape(file)}: {escape(str(exc))}[/red]")
            raise typer.Exit(1)
    else:
        items = sources.iter_path(file, stdin_format="txt")
    rows: list[dict] = []
    records: list[dict] = []
    n_docs = n_errors = 0
    for item in items:
        if isinstance(item, sources.SourceError):
            n_errors += not isinstance(item, sources.Skipped)
            _err().print(f"[yellow]skipped {escape(item.path)}: {escape(item.reason)}[/yellow]")
            continue
        if date:
            item.date = sources.parse_date(date)
        if url:
            item.url = url
        doc = item.code()
        n_docs += 1
        for e in doc.events:
            rec = event_record(doc, e)
            records.append(rec)
            rows.append(flatten(rec))
    if not n_docs:
        _err().print("[red]nothing to code[/red]")
        raise typer.Exit(1)
    if not rows:
        _err().print(f"no events found in {n_docs} document(s)")
        return
    _emit(rows, format, records=records)


# --- run / demo ---------------------------------------------------------------------------------
def ingest(store, items: Iterable[sources.Item], inputs: list[str], skip_existing: bool = False,
           batch_size: int = 32, show_progress: bool = True, workers: int = 1,
           force: bool = False, retry_errors: bool = False, dedup: bool = True,
           dup_threshold: float = 0.8, merge: bool = True,
           merge_window: int = 1, dup_window: int | None = None,
           keep_doc_ids: bool = True) -> dict[str, Any]:
    """Code `items` into `store` as one resumable run (`executor.run_batch`) with a progress bar.

    `items` may hold `sources.RawPage`s (``iter_sources(..., raw=True)``, what `hudhud run`
    reads): they are extracted in the worker processes. `dup_window`: distinct documents the
    syndication index remembers (None: `dedup.DEFAULT_WINDOW`; 0: no limit)."""
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from hudhud.executor import LocalExecutor, run_batch

    deduper: Any = False
    if dedup:
        from hudhud.dedup import DEFAULT_WINDOW, Deduplicator

        deduper = Deduplicator(threshold=dup_threshold,
                               window=DEFAULT_WINDOW if dup_window is None else dup_window)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]coding"),
                        TextColumn("docs {task.fields[docs]}  events {task.fields[events]}  "
                                   "errors {task.fields[errors]}  duplicates {task.fields[dups]}  "
                                   "skipped {task.fields[skipped]}  {task.fields[rate]} docs/s"),
                        TimeElapsedColumn(), console=_err(), disable=not show_progress,
                        transient=False)
    started = time.monotonic()
    last = [0.0]

    with progress:
        task = progress.add_task("coding", total=None, docs=0, events=0, errors=0, dups=0,
                                 skipped=0, rate="0.0")

        def update(stats: dict) -> None:
            now = time.monotonic()
            if now - last[0] < 0.1 and "doc_ids" not in stats:
                return
            last[0] = now
            elapsed = max(now - started, 1e-9)
            progress.update(task, docs=stats["docs"], events=stats["events"],
                            errors=stats["errors"], dups=stats["duplicates"],
                            skipped=stats["skipped"], rate=f"{stats['docs'] / elapsed:.1f}")

        return run_batch(store, items, inputs, executor=LocalExecutor(workers),
                         batch_size=batch_size, dedup=deduper, skip_existing=skip_existing,
                         force=force, retry_errors=retry_errors, merge=merge,
                         merge_window=merge_window, keep_doc_ids=keep_doc_ids,
                         on_progress=update if show_progress else None)


def _report(store, db: Path, stats: dict[str, Any]) -> None:
    totals = store.counts()
    skipped = f", {stats['skipped']} already stored" if stats["skipped"] else ""
    if stats.get("not_arabic"):
        skipped += f", {stats['not_arabic']} not Arabic (skipped)"
    dups = f", {stats['duplicates']} duplicates" if stats.get("duplicates") else ""
    merged = stats.get("merged")
    merged = f", {merged['merged']} merged events" if merged else ""
    _out().print(f"database: [bold]{escape(str(db.resolve()))}[/bold]\n"
                 f"this run: {stats['docs']} documents, {stats['events']} events, "
                 f"{stats['errors']} errors{skipped}{dups}\n"
                 f"in store: {totals['documents']} documents, {totals['events']} events, "
                 f"{totals['mentions']} mentions, {totals['errors']} errors{merged}",
                 soft_wrap=True)


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive: .txt .jsonl .json "
                                      ".zip) or - for stdin (text, JSON or JSONL)."),
    db: Path = typer.Option(Path(DEFAULT_DB), help="DuckDB file to write."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (1: in-process)."),
    skip_existing: bool = typer.Option(False, "--skip-existing",
                                       help="Skip every document whose id is already stored, "
                                       "even when its text changed."),
    force: bool = typer.Option(False, "--force", help="Re-code every document (by default a "
                               "re-run skips documents stored with the same content hash)."),
    retry_errors: bool = typer.Option(False, "--retry-errors",
                                      help="Re-code documents that failed in earlier runs."),
    dedup: bool = typer.Option(True, "--dedup/--no-dedup",
                               help="Detect syndicated near-duplicates and code them once."),
    dup_threshold: float = typer.Option(0.8, help="Jaccard similarity (word 3-grams) from "
                                        "which two documents are copies of one story."),
    dup_window: int = typer.Option(20_000, help="Distinct documents the syndication check "
                                   "remembers (the most recent ones; 0: all, memory grows "
                                   "~2.5 KiB per document)."),
    merge: bool = typer.Option(True, "--merge/--no-merge",
                               help="Rebuild the cross-article merge after the run."),
    merge_window: int = typer.Option(1, help="Cross-article merge: days between reports."),
    batch_size: int = typer.Option(32, help="Documents per store transaction."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
) -> None:
    """Code every document under PATHS into the store: resumable, parallel, never duplicating."""
    from hudhud.store import Store

    with Store(db) as store:
        # raw: HTML pages and WARC records are extracted in the worker processes
        stats = ingest(store, sources.iter_sources(paths, raw=True), [str(p) for p in paths],
                       skip_existing=skip_existing, batch_size=batch_size, show_progress=progress,
                       workers=workers, force=force, retry_errors=retry_errors, dedup=dedup,
                       dup_threshold=dup_threshold, merge=merge, merge_window=merge_window,
                       dup_window=dup_window, keep_doc_ids=False)
        _report(store, db, stats)


@app.command("merge")
def merge_cmd(db: Path = typer.Option(Path(DEFAULT_DB), help="DuckDB file."),
              window: int = typer.Option(1, help="Days between reports of one event.")) -> None:
    """Rebuild the cross-article merge (merged_events, merged_event_reports)."""
    from hudhud.crossmerge import rebuild
    from hudhud.store import Store

    if not db.exists():
        _err().print(f"[red]no database at {escape(str(db))}: fill one with `hudhud run`[/red]")
        raise typer.Exit(1)
    with Store(db) as store:
        result = rebuild(store, window_days=window)
    _out().print(f"{result['events']} events → {result['merged']} merged events")


class ExportFormat(str, Enum):
    plover_json = "plover-json"
    cameo_tsv = "cameo-tsv"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


@app.command()
def export(
    out: Path = typer.Option(..., "--out", "-o", help="File to write (a folder for parquet)."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="Format."),
    db: Path = typer.Option(Path(DEFAULT_DB), help="DuckDB file to read."),
    since: Optional[str] = typer.Option(None, help="Events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Events on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, help="Source or target filter (as `events`)."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type or CAMEO prefix."),
) -> None:
    """Export events: plover-json, cameo-tsv, csv, parquet (by year/month), graphml."""
    from hudhud.exports import export as do_export

    _require_db(db, since, until)
    n = do_export(db, format.value, out, since=since, until=until, actor=actor, type=type)
    _out().print(f"{n} events → {escape(str(out))} ({format.value})")


@app.command()
def demo(db: Path = typer.Option(Path("hudhud-demo.duckdb"), help="DuckDB file to write."),
         progress: bool = typer.Option(True, "--progress/--no-progress",
                                       help="Show a progress bar.")) -> None:
    """Code the bundled example articles into a store and show their events."""
    from hudhud.store import Store

    with Store(db) as store:
        stats = ingest(store, sources.iter_examples(), ["hudhud:examples"], show_progress=progress)
        if not stats["doc_ids"]:
            _err().print("[red]no bundled examples found (hudhud/examples/*.txt)[/red]")
            raise typer.Exit(1)
        _report(store, db, stats)
        df = store.events()
        df = df[df["doc_id"].isin(stats["doc_ids"])]
        if df.empty:
            _err().print(f"no events found in the {stats['docs']} example document(s)")
            return
        _out().print(events_table(df.to_dict("records"), title="events in the bundled examples"))


# --- events -------------------------------------------------------------------------------------
@app.command()
def events(
    db: Path = typer.Option(Path(DEFAULT_DB), help="DuckDB file to read."),
    since: Optional[str] = typer.Option(None, help="Events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Events on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, help="Source or target: substring of canonical "
                                        "name, name as written, country code or id."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (e.g. PROTEST) or "
                                       "CAMEO code prefix (e.g. 14)."),
    doc_id: Optional[str] = typer.Option(None, help="Only this document."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    country: Optional[str] = typer.Option(None, help="Event place in this country (ISO-3, "
                                          "e.g. PSE, SYR)."),
    bbox: Optional[str] = typer.Option(None, help="Event place inside MIN_LON,MIN_LAT,MAX_LON,"
                                       "MAX_LAT (e.g. 34.2,31.2,34.6,31.6 for Gaza)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output format "
                                  "(jsonl prints flat rows, the columns of the events table)."),
) -> None:
    """Query events in a store."""
    from hudhud.store import Store

    _require_db(db, since, until)
    box = None
    if bbox:
        try:
            box = tuple(float(v) for v in bbox.split(","))
        except ValueError:
            box = ()
        if len(box) != 4:
            _err().print("[red]--bbox takes MIN_LON,MIN_LAT,MAX_LON,MAX_LAT[/red]")
            raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        df = store.events(since=since, until=until, actor=actor, type=type, doc_id=doc_id,
                          limit=limit, country=country, bbox=box)
    if df.empty:
        _err().print("no events match")
        return
    _emit(df.to_dict("records"), format, title=f"{len(df)} events in {db}")


# --- eval ---------------------------------------------------------------------------------------
@eval_app.command("gsr")
def eval_gsr(
    directory: Optional[Path] = typer.Argument(None, help="Folder with *_gsr.csv (default: "
                                               "../shared/eval/arabic_event_gsr)."),
    out: Optional[Path] = typer.Option(None, help="Also write the JSON result here."),
    errors: int = typer.Option(0, "--errors", help="Print up to N false positives and N false "
                               "negatives per type (with the rules that fired) to stderr."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N rows per type."),
) -> None:
    """Score the Arabic gold-standard records (precision/recall/F1 per event type); prints JSON."""
    from hudhud.evaluation.gsr import score

    try:
        result = score(directory, max_errors=errors, limit=limit)
    except FileNotFoundError as exc:
        _err().print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2)
    samples = result.pop("errors", {})
    err = _err()
    for etype, kinds in samples.items():
        for kind, items in kinds.items():
            for item in items:
                rules = ", ".join(item["rules"]) or "no rule fired"
                err.print(Text.assemble((f"{etype} {kind[:-1].replace('_', ' ')}", "yellow"),
                                        f" ({item['label']}; {rules}): {item['text']}"))
    _gsr_summary(err, result)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    typer.echo(text)


def _gsr_summary(err, result: dict) -> None:
    """The GSR scores as tables on stderr (the JSON on stdout has everything)."""
    table = Table(title="GSR: sentence level")
    for col in ("type", "tp", "fp", "fn", "P", "R", "F1", "yes", "difficult no", "easy no"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, v in result.items():
        if not isinstance(v, dict) or "f1" not in v:
            continue
        rate = v.get("predicted_positive_rate") or {}
        table.add_row(name, *(str(v[k]) for k in ("tp", "fp", "fn")),
                      *(f"{v[k]:.2f}" for k in ("precision", "recall", "f1")),
                      *(f"{rate[k]:.2f}" if k in rate else "—" for k in ("yes", "difficult no", "easy no")))
    err.print(table)
    actors = result.get("actors") or {}
    if actors.get("country"):
        err.print("actor spans: country {:.1%} (coverage {:.1%}), agent {:.1%}".format(
            actors["country"]["accuracy"], actors["country"]["coverage"], actors["agent"]["accuracy"]))
    for side, v in (actors.get("roles") or {}).items():
        err.print(f"{side} role: agreement {v['agreement']:.2f} (agree {v['agree']}, swapped {v['swapped']}, "
                  f"other {v['other']}, missing {v['missing']})")


@eval_app.command("suite")
def eval_suite(
    paths: Optional[list[Path]] = typer.Argument(None, help="Suite YAML files or folders (default: "
                                                 "the bundled evaluation/suite/*.yaml)."),
    errors: int = typer.Option(0, "--errors", help="Include up to N failing records (expected "
                               "and coded events) in the JSON."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only records expecting or coding "
                                        "this PLOVER type (e.g. ASSAULT)."),
    heldout: bool = typer.Option(False, "--heldout", help="Score the blind held-out set "
                                 "(evaluation/heldout/, written without looking at the rules; "
                                 "never used for tuning) instead of the development suite."),
    probes: bool = typer.Option(False, "--probes", help="Score the probe set (evaluation/probes/: "
                                "hard sentences written by other team members to test how the "
                                "rules generalise; used for error analysis, not pinned by floors)."),
) -> None:
    """Score the developer-written validation suite (P/R/F1 per PLOVER type); prints JSON, and
    a per-type table to stderr."""
    from hudhud.evaluation.suite import HELDOUT_DIR, PLOVER_TYPES, PROBES_DIR, run_suite

    if heldout and probes:
        _err().print("[red]--heldout and --probes are two different sets: choose one[/red]")
        raise typer.Exit(2)
    if heldout:
        paths = [HELDOUT_DIR]
    elif probes:
        paths = [PROBES_DIR]

    etype = type_.upper() if type_ else None
    if etype and etype not in PLOVER_TYPES:
        _err().print(f"[red]unknown PLOVER type {escape(type_)}[/red]")
        raise typer.Exit(2)
    try:
        result = run_suite(paths or None, max_errors=errors, only_type=etype)
    except (FileNotFoundError, ValueError) as exc:
        _err().print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2)
    table = Table(title=f"validation suite: {result['records']} records")
    for col in ("type", "expected", "found", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    rows = [*result["per_type"].items(), ("overall", {**result["overall"], "expected": "",
                                                     "found": ""})]
    for name, v in rows:
        table.add_row(name, *(str(v[k]) for k in ("expected", "found", "tp", "fp", "fn")),
                      *(f"{v[k]:.2f}" for k in ("precision", "recall", "f1")))
    err = _err()
    err.print(table)
    err.print(f"sentence accuracy {result['sentence_accuracy']:.2f}; negatives clean "
              f"{result['negatives']['clean']}/{result['negatives']['n']}")
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


# --- explain ------------------------------------------------------------------------------------
@app.command()
def explain(
    sentence: str = typer.Argument(..., help="The Arabic sentence (or text) to explain."),
    date: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD."),
) -> None:
    """Show how a sentence is coded: tokens, mentions, pattern trace, events."""
    from hudhud.pipeline import code_text

    _check_date(date)
    doc = code_text(sentence, date=date, trace=True)
    out = _out()

    tokens = Table(title="tokens")
    for col in ("#", "surface", "stem", "prefixes", "suffix"):
        tokens.add_column(col)
    for i, t in enumerate(doc.tokens):
        tokens.add_row(*(Text(c) for c in (str(i), doc.text[t.start:t.end], t.stem,
                                            "+".join(t.prefixes), t.suffix)))
    out.print(tokens if doc.tokens else "[dim]no tokens[/dim]")

    mentions = Table(title="mentions")
    for col in ("text", "code", "actor", "id", "rule"):
        mentions.add_column(col)
    for m in doc.mentions:
        mentions.add_row(*(Text(c) for c in (m.text, m.actor.code or "—", m.actor.canonical or "—",
                                              m.actor.id or "—",
                                              m.rule + (" (target only)" if m.target_only else ""))))
    out.print(mentions if doc.mentions else "[dim]no mentions[/dim]")

    out.print("[bold]trace[/bold]")
    for line in doc.trace or ["(nothing traced)"]:
        out.print("  " + line, markup=False)

    if doc.events:
        rows = []
        for e in doc.events:
            row = flatten(event_record(doc, e))
            rows.append(row)
            out.print(f"  {row['plover_type']} {row['cameo_code']} rule={e.rule} "
                      f"trigger={e.trigger!r} modality={e.modality} "
                      f"confidence={row['confidence']}", markup=False)
        out.print(events_table(rows, title="events"))
    else:
        out.print("[dim]no events[/dim]")


# --- lexicon / version --------------------------------------------------------------------------
@lexicon_app.command("check", context_settings={"allow_extra_args": True,
                                                "ignore_unknown_options": True})
def lexicon_check(ctx: typer.Context) -> None:
    """Validate the lexicon files (codes, duplicates, overlapping role dates)."""
    try:
        checker = importlib.import_module("hudhud.lexicon.check")
    except ModuleNotFoundError as exc:
        if exc.name not in ("hudhud.lexicon", "hudhud.lexicon.check"):
            raise
        _err().print("lexicon checker not available")
        raise typer.Exit(1)
    argv, sys.argv = sys.argv, ["hudhud lexicon check", *ctx.args]
    try:
        rc = checker.main()
    finally:
        sys.argv = argv
    raise typer.Exit(rc if isinstance(rc, int) else 0)


@app.command()
def version() -> None:
    """Print the Hudhud version."""
    from hudhud import __version__

    typer.echo(f"hudhud {__version__}")


if __name__ == "__main__":  # pragma: no cover
    app()


# --- actors -------------------------------------------------------------------------------------
@actors_app.command("unknown")
def actors_unknown(db: Path = typer.Option(Path(DEFAULT_DB), help="DuckDB file to read."),
                   limit: int = typer.Option(50, help="How many names to list."),
                   format: Format = typer.Option(Format.table, "--format", help="table, jsonl or csv.")) -> None:
    """Names the knowledge base does not know (a name after a title), most frequent first.

    Add them to a lexicon folder of your own (docs/lexicon.md#actors) to resolve them.
    """
    from hudhud.store import Store

    _require_db(db)
    from hudhud.components.mentions import name_part
    from hudhud.lexicon import load_lexicon

    with Store(db, read_only=True) as store:
        df = store.con.execute(
            "SELECT text, country, agent, doc_id FROM mentions WHERE rule = 'name:unresolved'").df()
    if df.empty:
        _err().print("no unresolved names in this store")
        return
    lex = load_lexicon()
    df["name"] = [name_part(t, lex) for t in df["text"]]
    df = (df.groupby(["name", "country", "agent"], dropna=False)
            .agg(mentions=("text", "size"), documents=("doc_id", "nunique"), example=("text", "first"))
            .reset_index().sort_values(["mentions", "name"], ascending=[False, True]).head(limit))
    if format == Format.jsonl:
        for rec in df.to_dict("records"):
            print(json.dumps(rec, ensure_ascii=False))
    elif format == Format.csv:
        df.to_csv(sys.stdout, index=False)
    else:
        table = Table(title="unresolved names (add them to a lexicon folder)")
        for col in df.columns:
            table.add_column(col)
        for rec in df.itertuples(index=False):
            table.add_row(*[Text("" if v is None else str(v)) for v in rec])
        _out().print(table)
