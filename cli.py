"""The `minutes` command: wires ingest -> extract -> db -> render, and nothing more."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__

app = typer.Typer(
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    help="Turn committee minutes and agenda packs into a live action tracker in SQLite.",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # ESC, BEL, C1: a paper must not drive the terminal


def plain(text: str) -> str:
    """Text from papers as a terminal shows it: control characters (escape sequences' start) removed."""
    return _CONTROL.sub("", text)


class _Console(Console):
    """Rich's console, stripping control characters from every string it is given before Rich renders it."""

    def print(self, *objects, **kwargs) -> None:
        super().print(*(plain(o) if isinstance(o, str) else o for o in objects), **kwargs)


out = _Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = _Console(stderr=True, soft_wrap=True)


class State:
    db_path: str = "minutes.db"
    quiet: bool = False
    verbose: bool = False


state = State()


def _version(value: bool) -> None:
    if value:
        print(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="MINUTES_DB",
            help="SQLite file, or postgresql:// URL, to use [default: minutes.toml's database, else ./minutes.db].",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and results.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say what happens to each file.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    from .config import apply_defaults

    state.db_path = db or apply_defaults().get("database") or "minutes.db"
    state.quiet = quiet
    state.verbose = verbose and not quiet
    _quiet_libraries()


def _quiet_libraries() -> None:
    """pdfminer logs font quirks of ordinary PDFs as warnings; the user need not see them."""
    import logging

    for name in ("pdfminer", "pdfplumber", "pypdfium2"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _db(create: bool = False, writing: bool = False):
    """The database, opened (and migrated); only ingest and watch may create a SQLite file. A command that
    writes first checks the file (a quick check): nothing is written into a damaged database. A
    `postgresql://` URL names a database its owner has made; the schema is created in it when missing."""
    from .db.postgres import is_url, shown

    target = state.db_path
    if is_url(target):
        return _open(target, shown(target))
    if not create and not Path(target).exists():
        _fail(f"{target}: no such database; ingest papers first (minutes ingest PATH) or check --db")
    from .db.schema import unwritable

    locked = unwritable(target)
    if locked and (create or writing):
        _fail(f"{target}: cannot write to the database: {locked}")
    if (create or writing) and Path(target).exists():
        _check_whole(target)
    return _open(target, target, read_only=bool(locked))


def _open(target: str, name: str, read_only: bool = False):
    """Connect, migrate, and finish a tracker replay a stopped run left; one line and exit 1 if it cannot.
    A file this process may not write is opened for reading only."""
    from .db import connect
    from .db.schema import NewerSchema, open_read_only

    try:
        if read_only:
            return open_read_only(target)
        db = connect(target)
        if db.execute("SELECT 1 FROM bodies WHERE stale = 1 LIMIT 1").fetchone():
            from .db.store import refresh

            refresh(db)  # a run was stopped before it replayed the tracker: do it now
        return db
    except ImportError:
        _fail(f"{name}: PostgreSQL needs psycopg: pip install 'minutes[postgres]'")
    except (*_database_errors(), NewerSchema, OSError) as exc:
        reason = " ".join(str(exc).split()).replace(target, name)
        err.print(f"error: {name}: cannot open the database ({reason})", markup=False, highlight=False)
        raise typer.Exit(1) from None


def _database_errors() -> tuple[type[Exception], ...]:
    """The errors either database raises: sqlite3's, and psycopg's when a PostgreSQL URL loaded it."""
    import sqlite3

    psycopg = sys.modules.get("psycopg")
    return (sqlite3.DatabaseError, psycopg.Error) if psycopg else (sqlite3.DatabaseError,)


def _check_whole(path: str) -> None:
    """Refuse to write into a damaged database, and say how to recover it."""
    import sqlite3
    from urllib.request import pathname2url

    with open(path, "rb") as file:
        head = file.read(16)
    if head and head != b"SQLite format 3\x00":
        _fail(f"{path}: not a minutes database (not an SQLite file); nothing was written. Check --db")
    conn = sqlite3.connect(f"file:{pathname2url(str(Path(path).resolve()))}?mode=ro", uri=True, timeout=60)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            return  # locked, busy or unreadable: not damage; opening it will say what is wrong
        verdict = str(exc)
    finally:
        conn.close()
    if verdict != "ok":
        _fail(
            f"{path}: the database is damaged ({' '.join(str(verdict).split())[:120]}); nothing was written. "
            f"Restore your backup, or recover what it holds: sqlite3 {path} .recover | sqlite3 recovered.db"
        )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (walked recursively).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes that read files.")] = 1,
    ocr: Annotated[str, typer.Option("--ocr", help=OCR_HELP)] = "auto",
    body: Annotated[
        str | None,
        typer.Option(
            "--body",
            metavar="NAME",
            help="The body these papers are of, whatever their headings say (for papers that do not name it).",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The day the meetings were held, for papers that print no date (their own date wins).",
        ),
    ] = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Read papers already stored again with this version's rules, replacing what was stored from "
            "them; refs, hand changes and review verdicts are kept.",
        ),
    ] = False,
) -> None:
    """Read papers into the database: one transaction per document, the same content only once."""
    from functools import partial

    from .files import expand
    from .parse import parse

    if body is not None and not body.strip():
        err.print("error: --body: give the body's name", markup=False, highlight=False)
        raise typer.Exit(2)
    held = _parse_day(day, "--date").isoformat() if day is not None else None
    files, failures = [], []
    for path, problem in expand(paths):
        if problem:
            failures.append(problem)
        else:
            files.append(path)
    if not files:  # nothing to read: no database is made for it
        for problem in failures:
            err.print(f"error: {problem}", markup=False, highlight=False)
        if not state.quiet and not failures:
            out.print(f"no papers to ingest in {', '.join(paths)}", markup=False, highlight=False)
        raise typer.Exit(1 if failures else 0)
    options = _ocr_options(ocr, jobs, pages_bar=len(files) == 1)
    results = _parse_all(files, jobs, partial(parse, ocr=options), options)  # workers read before the db opens
    db = _db(create=True)
    for problem in failures:
        err.print(f"error: {problem}", markup=False, highlight=False)
    totals = _store_all(db, results, len(files), failures, _ingest_body(db, body), held, again)
    _summarise(totals, failures)


def _ingest_body(db, body: str | None) -> str | None:
    """--body as stored: a body already stored under that name (any case or spacing, or a name its papers use)
    is that body."""
    from .db.queries import find_body

    if not body:
        return None
    named = " ".join(body.split())
    found = find_body(db, named, likeness=False)  # a name, never a likeness: 'Working Group' is not another's
    if found is not None and found["name"] != named and not state.quiet:
        err.print(f"note: --body {named!r} is the stored body {found['name']!r}", markup=False, highlight=False)
    if found is None and not state.quiet:
        _new_body_note(db, named)
    return found["name"] if found is not None else named


def _near(typed: str, names: list[str], limit: int = 3, least: int = 70, whole: bool = False) -> list[str]:
    """The stored names a typed one may be a slip for, nearest first (`whole`: the whole name alike, not a part)."""
    from rapidfuzz import fuzz, process, utils

    scorer = fuzz.ratio if whole else fuzz.WRatio
    return [
        n
        for n, _, _ in process.extract(
            typed, names, scorer=scorer, processor=utils.default_process, limit=limit, score_cutoff=least
        )
    ]


def _new_body_note(db, named: str) -> None:
    """--body naming no stored body makes a new one: said, with a stored name it may be a slip for ('DSF Bored')."""
    near = _near(named, [row[0] for row in db.execute("SELECT name FROM bodies")], limit=1, least=80, whole=True)
    if near:
        err.print(
            f"note: --body {named!r} is no stored body, so it is a new one; did you mean {near[0]!r}?",
            markup=False,
            highlight=False,
        )


def _store_all(
    db,
    results,
    count: int,
    failures: list[str],
    body: str | None = None,
    day: str | None = None,
    again: bool = False,
) -> dict[str, int]:
    """Store each parsed paper in its own transaction, then replay the trackers once; a full disk stops it."""
    from rich.progress import Progress

    from .db.store import refresh

    totals = dict.fromkeys(
        ("documents", "meetings", "actions", "unchanged", "empty", "again", "reread", "removed_meetings")
        + ("removed_actions", "kept_meetings", "restating"),
        0,
    )
    show = not state.quiet and count > 3 and sys.stderr.isatty()
    done = 0
    try:  # every database call inside: a server lost at any point stops the run in one line
        last_action = db.execute("SELECT coalesce(max(id), 0) FROM actions").fetchone()[0]
        with Progress(console=err, disable=not show, transient=True) as progress:
            task = progress.add_task("ingesting", total=count)
            for parsed in results:
                _store_one(db, parsed, totals, failures, body, day, again)
                done += 1
                progress.advance(task)
        refresh(db)  # each body's tracker replayed once for the whole run
        totals["restating"] = db.execute(  # new actions the tracker found to be earlier ones raised again
            "SELECT count(*) FROM actions WHERE id > ? AND linked_to IS NOT NULL", [last_action]
        ).fetchone()[0]
    except Exception as exc:
        if not _cannot_write(exc):
            raise
        served = "://" in state.db_path
        why = "the server cannot be reached or refused" if served else "the disk is full or failing"
        then = "Check the server" if served else "Free some space"
        _fail(  # said once, not once per file; each stored paper was committed whole, the rest were not begun
            f"{_db_name()}: cannot write to the database ({' '.join(str(exc).split())}: {why}); stopped after "
            f"{done} of {count} files, {totals['documents']} stored. {then} and run ingest again."
        )
    return totals


def _store_one(
    db,
    parsed,
    totals: dict[str, int],
    failures: list[str],
    body: str | None = None,
    day: str | None = None,
    again: bool = False,
) -> None:
    """One paper: stored, unchanged, holding no meeting, or failed (named in one line)."""
    from .db.store import NothingRead, store

    if parsed.error:
        failures.append(parsed.error)
        err.print(f"error: {parsed.error}", markup=False, highlight=False)
        return
    printed = next((m.date for m in parsed.meetings if m.date and not m.dated_by_name), None)  # before --date's
    try:
        if day and len(parsed.meetings) > 1 and any(m.date is None for m in parsed.meetings):
            err.print(  # an agenda with last meeting's minutes behind it: which of them met that day?
                f"warning: {parsed.document.path}: holds {len(parsed.meetings)} meetings; --date is given to a "
                "paper of one meeting only, so its undated meetings stay undated",
                markup=False,
                highlight=False,
            )
            day = None
        result = store(db, parsed.document, parsed.meetings, defer=True, body=body, day=day, again=again)
    except NothingRead as exc:  # an OCR'd paper read without OCR, say: its earlier reading stands
        failures.append(f"{parsed.path}: {exc}")
        err.print(f"error: {failures[-1]}", markup=False, highlight=False)
        return
    except Exception as exc:  # the database refused: report it, keep going with the others
        if _cannot_write(exc):
            raise
        failures.append(f"{parsed.path}: not stored ({type(exc).__name__}: {exc})")
        err.print(f"error: {failures[-1]}", markup=False, highlight=False)
        return
    if result.duplicate:
        totals["unchanged"] += 1
        if state.verbose:
            out.print(f"unchanged: {parsed.path} (already ingested)", markup=False, highlight=False)
        if day and not state.quiet:
            err.print(f"note: {parsed.path}: already stored; --again reads it again with --date", markup=False)
        if body:
            _stored_elsewhere(db, parsed.path, result.document_id, body)
        return
    totals["reread" if result.reread else "documents"] += 1
    if not parsed.meetings:
        totals["empty"] += 1
        if not state.quiet:
            out.print(f"{parsed.path}: no meeting found", markup=False, highlight=False)
    if not day and not state.quiet and any(m.date is None and m.kind == "minutes" for m in parsed.meetings):
        _undated_note(db, parsed.path, result.document_id, body)
    if day and printed and not state.quiet:  # the paper's own date stands: say so rather than drop --date unseen
        err.print(
            f"note: {parsed.path}: prints its own date ({printed}); --date is used only for a paper that prints none",
            markup=False,
            highlight=False,
        )
    named = next((m.date for m in parsed.meetings if m.dated_by_name), None)
    if named and not day and not state.quiet:  # a guess the user should see: the file may be named otherwise
        err.print(
            f"note: {parsed.path}: prints no date; dated {named} by its file's name. If that is wrong, give it: "
            "minutes ingest --again FILE --date DATE",
            markup=False,
            highlight=False,
        )
    if not body and not state.quiet:
        _bare_body_note(db, parsed, result.document_id)
    totals["meetings"] += result.meetings
    totals["actions"] += result.actions
    totals["again"] += result.again
    for key in ("removed_meetings", "removed_actions", "kept_meetings"):
        totals[key] += getattr(result, key)
    if state.verbose:
        kinds = ", ".join(f"{m.kind} {m.body or '?'} {m.date or 'undated'}" for m in parsed.meetings) or "no meeting"
        out.print(f"stored: {parsed.path}: {kinds}; {result.actions} new actions", markup=False, highlight=False)


def _bare_body_note(db, parsed, document_id: int) -> None:
    """A paper naming its body only by a kind ('Committee', 'AGM') and no organisation is filed by the people or
    the day it shares with another paper so named, else on its own: say where it went, and how to name it."""
    from .db.queries import document_bodies
    from .extract.header import GENERIC

    bare = sorted({m.body for m in parsed.meetings if m.body and not m.organisation and GENERIC.match(m.body)})
    if bare:
        err.print(
            f"note: {parsed.path}: names its body only as '{bare[0]}', with no organisation; stored under "
            f"{', '.join(document_bodies(db, document_id))}. Name that body: minutes bodies rename BODY NAME; "
            "or, if the paper is another body's: minutes ingest --again FILE --body NAME",
            markup=False,
            highlight=False,
        )


def _undated_note(db, path: str, document_id: int, given: str | None) -> None:
    """Minutes with no date follow nothing in the tracker's order: say so, under the body they went to, and how
    to give what the paper does not print."""
    from .db.queries import document_bodies

    names = document_bodies(db, document_id)
    where = f"under {', '.join(names)}" if names else "under no body"
    options = "--date DATE" if given else "--date DATE --body NAME"
    err.print(
        f"note: {path}: no meeting date found; stored undated {where}. If that is wrong, give it: "
        f"minutes ingest --again FILE {options}",
        markup=False,
        highlight=False,
    )


@app.command()
def reread(
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes that read files.")] = 1,
    ocr: Annotated[str, typer.Option("--ocr", help=OCR_HELP)] = "auto",
    body: Annotated[str | None, typer.Option("--body", metavar="NAME", help="Only this body's papers.")] = None,
) -> None:
    """Read the stored papers again from where they lie, with this version's rules (after an upgrade); refs,
    hand changes and review verdicts are kept."""
    from functools import partial

    from .db.queries import stored_papers
    from .parse import parse

    if body is not None and not body.strip():
        _fail("--body: give the body's name", 2)
    db = _db(writing=True)
    papers = stored_papers(db, _body(db, body))
    present: dict[str, dict[str, bool]] = {}  # a path may have held several papers over time
    missing: dict[str, None] = {}  # each path once
    for path, sha, holds in papers:
        if Path(path).is_file():
            present.setdefault(path, {})[sha] = holds
        else:
            missing[path] = None
    failures = [
        f"{path}: not found from here, so not read again (stored paths are read from the folder they were "
        "ingested in; `minutes ingest NEWPATH --again` reads a moved paper)"
        for path in missing
    ]
    for problem in failures:
        err.print(f"error: {problem}", markup=False, highlight=False)
    options = _ocr_options(ocr, jobs, pages_bar=len(present) == 1)
    results = _parse_all(list(present), jobs, partial(parse, ocr=options), options)
    totals = _store_all(db, _same_content(results, present, failures), len(present), failures, again=True)
    _summarise(totals, failures)


@app.command()
def forget(
    paths: Annotated[list[str], typer.Argument(help="The papers: their files, or the paths they were stored from.")],
    force: Annotated[
        bool, typer.Option("--force", help="Remove them even where a person changed their actions or records.")
    ] = False,
) -> None:
    """Remove stored papers and everything read from them (a paper ingested by mistake); the trackers are
    replayed without them."""
    from .db.queries import find_documents
    from .db.readings import forget as forget_paper

    db = _db(writing=True)
    failures, removed, meetings = [], 0, 0
    for given in paths:
        sha = _sha256(given)
        found = find_documents(db, sha, given)
        if len(found) != 1:
            # only an absolute path names one place: 'pc.txt' stored elsewhere is not this folder's pc.txt
            earlier = sha is not None and Path(given).is_absolute() and bool(find_documents(db, None, given))
            failures.append(_not_one_paper(given, found, earlier))
            continue
        result = forget_paper(db, found[0], force)
        if result.kept:
            failures.append(
                f"{given}: not removed, as a person changed records of {_count(result.kept, 'meeting')} in it "
                "(hand changes or review verdicts); --force removes it all the same"
            )
            continue
        removed, meetings = removed + 1, meetings + result.meetings
    for problem in failures:
        err.print(f"error: {problem}", markup=False, highlight=False)
    if not state.quiet:
        out.print(f"{_count(removed, 'paper')} removed, {_count(meetings, 'meeting')} with them", markup=False)
    if failures:
        raise typer.Exit(1)


def _not_one_paper(given: str, found: list[int], stored_from_here: bool) -> str:
    """Why `forget` names no single paper: none stored with the file's content (perhaps edited since a paper
    was stored from this path), or several stored from a path whose file is gone."""
    if found:
        return f"{given}: {len(found)} papers were stored from this path (`minutes meetings` lists them)"
    if stored_from_here:
        return (
            f"{given}: what the file holds now is not stored, but a paper was stored from this path before it "
            "changed; move the file away and forget the path to remove that paper"
        )
    return f"{given}: not a stored paper (`minutes meetings` lists the papers stored)"


def _sha256(path: str) -> str | None:
    """The content's hash of a file at hand (read in pieces), as ingest stores it; None where there is none."""
    import hashlib

    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:  # no file (gone, or a folder): the path it was stored from names it
        return None


def _same_content(results: Iterable, stored: dict[str, dict[str, bool]], failures: list[str]) -> Iterator:
    """Each paper read, where its file still holds what was stored from it. A paper stored from the same path
    that the file no longer holds, and that still gives meetings, is named: it cannot be read again."""
    for parsed in results:
        if parsed.document is None:
            yield parsed
            continue
        papers = stored[parsed.path]
        if any(holds for sha, holds in papers.items() if sha != parsed.document.sha256):
            failures.append(
                f"{parsed.path}: now holds other content than a paper stored from it, which is not read again "
                "(`minutes ingest` stores what the file holds now)"
            )
            err.print(f"error: {failures[-1]}", markup=False, highlight=False)
        if parsed.document.sha256 in papers:
            yield parsed


def _stored_elsewhere(db, path: str, document_id: int, body: str) -> None:
    """--body on a paper stored before under another body: it stays there; say how to join the two."""
    from .db.queries import body_key, document_bodies

    other = [n for n in document_bodies(db, document_id) if body_key(n) != body_key(body)]
    if other and not state.quiet:
        out.print(
            f"{path}: already stored under {', '.join(other)}, so not moved to {body}; "
            f"`minutes bodies merge` joins two bodies",
            markup=False,
            highlight=False,
        )


def _cannot_write(exc: BaseException) -> bool:
    """SQLite saying the disk is full or failing, or the PostgreSQL server gone or out of space: no later
    file can be stored either."""
    import sqlite3

    psycopg = sys.modules.get("psycopg")
    if psycopg and isinstance(exc, psycopg.OperationalError):
        return True
    words = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("disk is full" in words or "disk i/o error" in words)


def _db_name() -> str:
    """The database as messages name it: the file, or the URL without its password."""
    from .db.postgres import shown

    return shown(state.db_path)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summarise(totals: dict[str, int], failures: list[str]) -> None:
    """The run's one summary line (unless --quiet); exit 1 when any paper failed, the others being stored."""
    if not state.quiet:
        out.print(_ingest_summary(totals, failures), markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


def _ingest_summary(totals: dict[str, int], failures: list[str]) -> str:
    """One line: stored, unchanged, papers holding no meeting, failed (and whether the failures are only scans)."""
    line = f"{_count(totals['documents'], 'document')} stored, {_count(totals['meetings'], 'meeting')}, "
    line += _count(totals["actions"], "action")
    asides = []
    if totals.get("restating"):  # listed once, under the action they restate: `minutes actions` counts fewer
        n = totals["restating"]
        asides.append(f"{n} restate{'s an earlier one' if n == 1 else ' earlier ones'}")
    if totals["reread"]:  # papers read again: what is new to the database is what the new rules found
        head = f"{totals['documents']} stored, " if totals["documents"] else ""
        line = f"{head}{_count(totals['reread'], 'document')} read again, {_count(totals['meetings'], 'new meeting')}"
        line += f", {_count(totals['actions'], 'new action')}"
        gone = [_count(totals[f"removed_{k}s"], k) for k in ("meeting", "action") if totals[f"removed_{k}s"]]
        line += f"; {' and '.join(gone)} no longer found, removed" if gone else ""
        kept = totals["kept_meetings"]
        if kept:
            them = "it" if kept == 1 else "them"
            line += f"; {_count(kept, 'meeting')} no longer found but kept, as a person changed {them}"
    if totals["again"]:  # the same minutes as another format, or a corrected copy: stored in place of the first
        again = totals["again"]
        asides.append(
            f"{_count(again, 'meeting')} {'was' if again == 1 else 'were'} also in a paper stored before: "
            "the later paper's reading is kept"
        )
    line += f" ({'; '.join(asides)})" if asides else ""
    line += f"; {totals['unchanged']} unchanged"
    if totals["empty"]:
        line += f"; {totals['empty']} with no meeting"
    line += f"; {len(failures)} failed"
    if failures and all("scanned" in f for f in failures):
        line += " (all scans without a text layer: install Tesseract to read them, or run OCR and ingest the result)"
    return line


def _parse_all(files: list[str], jobs: int, parse, ocr):
    """Parsed papers in order; with jobs > 1 read by worker processes while this one writes."""
    if jobs <= 1 or len(files) <= 1:
        return (parse(path) for path in files)
    from concurrent.futures import ProcessPoolExecutor

    # imported once here, before the fork, so no worker spends its first file importing them
    import pdfplumber.table  # noqa: F401
    import pypdfium2  # noqa: F401

    from .extract import pipeline as _pipeline  # noqa: F401
    from .ingest import pdf as _pdf  # noqa: F401
    from .ingest import pdftables as _pdftables  # noqa: F401
    from .parse import parse_for_store

    pool = ProcessPoolExecutor(max_workers=jobs)
    from dataclasses import replace

    ocr = replace(ocr, jobs=1, on_page=None)  # each worker OCRs its own file's pages one at a time
    futures = [pool.submit(parse_for_store, path, ocr) for path in files]

    def results():
        from concurrent.futures.process import BrokenProcessPool

        try:
            for n, future in enumerate(futures):
                try:
                    yield future.result()
                except BrokenProcessPool:  # a worker was killed (out of memory?): read what is left here
                    yield from (parse_for_store(path, ocr) for path in files[n:])
                    return
        finally:
            pool.shutdown(cancel_futures=True)

    return results()


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (walked recursively).")],
    target: Annotated[
        Path, typer.Option("--out", help="The JSON Lines file (appended to: a rerun skips what it holds).")
    ],
    engine: Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask.")] = "local",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (of a local Dask cluster too).")
    ] = 1,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="A running Dask cluster, tcp://host:8786 (with --engine dask).")
    ] = None,
    ocr: Annotated[str, typer.Option("--ocr", help=OCR_HELP)] = "auto",
) -> None:
    """Extract many papers into one JSON line each, on this machine or a cluster; store them with `minutes load`."""
    from functools import partial

    from . import batch as batches
    from .engines import ENGINES, EngineError, run
    from .files import expand

    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}", 2)
    _guard(target)
    try:
        seen = batches.done(target)
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"{target}: not a batch file (of `minutes batch`): {type(exc).__name__}: {exc}")
    files, failures, real = [], 0, set()
    for path, problem in expand(paths):
        if problem:
            failures += 1
            err.print(f"error: {problem}", markup=False, highlight=False)
        elif path not in seen and os.path.realpath(path) not in real:  # 'a', './a' and a link to it are one file
            real.add(os.path.realpath(path))
            files.append(path)
    work = partial(batches.line, ocr=_ocr_options(ocr, 1, pages_bar=False))
    try:
        unread = _write_batch(target, run(engine, work, files, jobs, scheduler), len(files))
    except EngineError as exc:
        _fail(str(exc))
    failures += unread
    if not state.quiet:  # a paper that failed has its line too, with its error: it is counted as failed only
        note = f"; {len(seen)} already there" if seen else ""
        done = _count(len(files) - unread, "document")
        out.print(f"{done} extracted to {target}{note}; {failures} failed", markup=False)
    if failures:
        raise typer.Exit(1)


def _write_batch(target: Path, lines, count: int) -> int:
    """Append the lines with a progress bar on a terminal; the number that failed."""
    from rich.progress import Progress

    from .batch import write

    failed = 0
    show = not state.quiet and err.is_terminal
    try:
        with Progress(console=err, disable=not show, transient=True) as progress:
            task = progress.add_task("extracting", total=count)
            for error in write(target, lines):
                if error:
                    failed += 1
                    err.print(f"error: {error}", markup=False, highlight=False)
                progress.advance(task)
    except OSError as exc:
        _fail(f"{target}: cannot write ({exc.strerror or exc}); run again to go on from where it stopped")
    return failed


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="JSON Lines files written by `minutes batch`.")],
) -> None:
    """Store what `minutes batch` extracted, exactly as `minutes ingest` stores papers."""
    from .batch import read_in_order

    failures: list[str] = []
    db = _db(create=True)
    totals: dict[str, int] = {}
    for path in files:
        try:
            with path.open("rb") as handle:
                count = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        except OSError as exc:
            _fail(f"{path}: cannot read ({exc.strerror or exc})")
        for key, value in _store_all(db, read_in_order(path), count, failures).items():
            totals[key] = totals.get(key, 0) + value
    _summarise(totals, failures)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, TXT, Markdown or HTML file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the extraction contract as JSON.")] = False,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace", help="Show each record's page and lines, rule and confidence (in the JSON with --json)."
        ),
    ] = False,
    ocr: Annotated[str, typer.Option("--ocr", help=OCR_HELP)] = "auto",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Scanned pages OCR'd at once.")] = 1,
) -> None:
    """Show what a document holds, without storing it."""
    from .extract import to_contract
    from .parse import parse

    parsed = parse(str(file), _ocr_options(ocr, jobs, pages_bar=True))
    if parsed.error:
        err.print(f"error: {parsed.error}", markup=False, highlight=False)
        raise typer.Exit(1)
    data = to_contract(parsed.document, parsed.meetings, trace=trace)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not data["meetings"]:
        out.print(f"{file}: no meeting found", markup=False, highlight=False)
        return
    if trace:
        _print_trace(data)
        return
    for m in data["meetings"]:
        out.print(
            f"[bold]{m['kind']}[/] {escape(m['body'] or '?')} {m['date'] or 'date unknown'}"
            f"  {len(m['attendees'])} attendees, {len(m['items'])} items, "
            f"{len(m['resolutions'])} resolutions, {len(m['actions'])} actions"
        )
        for a in m["actions"]:
            owners = ", ".join(a["owners"]) or "no owner"
            out.print(f"  - {a['text']}  [{owners}]" + (f" due {a['due']}" if a["due"] else ""), markup=False)


TRACED = (("attendees", "name"), ("items", "title"), ("resolutions", "text"), ("actions", "text"))


def _print_trace(data: dict) -> None:
    """Each record on a line: where it was read (page, lines), the rule that read it, its confidence."""
    for m in data["meetings"]:
        out.print(f"{m['kind']} {m['body'] or '?'} {m['date'] or 'date unknown'}", markup=False, highlight=False)
        for field, text_key in TRACED:
            for record in m[field] or []:
                out.print(
                    f"  {field[:-1]:10} {_where(record.get('source'))}  {record.get('rule') or '?':24} "
                    f"{record.get('confidence') or 0:.2f}  {_label(record, text_key)}",
                    markup=False,
                    highlight=False,
                )


def _where(source: dict | None) -> str:
    """'p.3 l.12-14': the page, and the lines counted down it (a text file's own lines; none in Word or HTML)."""
    pages, lines = (source or {}).get("pages") or [None, None], (source or {}).get("printed_lines") or [None, None]
    page = f"p.{pages[0]}" if pages[0] is not None else "p.-"
    span = "l.-" if lines[0] is None else f"l.{lines[0]}"
    if lines[0] is not None and pages[1] != pages[0]:
        span += f"-p.{pages[1]} l.{lines[1]}"  # runs over the page
    elif lines[1] != lines[0]:
        span += f"-{lines[1]}"
    return f"{page:5} {span:9}"


def _label(record: dict, text_key: str) -> str:
    text = " ".join(str(record.get(text_key) or "").split())
    number = f"{record['number']} " if record.get("number") else ""
    extra = f" [{', '.join(record['owners'])}]" if record.get("owners") else ""
    extra += f" ({record['status']})" if record.get("status") else ""
    return f"{number}{text[:100]}{'…' * (len(text) > 100)}{extra}"


def _emit(rows: list[dict], as_json: bool, as_csv: bool, columns: list[str], title: str) -> None:
    """JSON, CSV, a table on a terminal, or tab-separated lines when the output goes to a pipe or file."""
    if as_json and as_csv:
        err.print("error: --json and --csv: choose one")
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return

    def cell(value: object) -> str:
        shown = "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
        return plain(shown)

    if as_csv:
        from .render.export import write_csv

        write_csv(sys.stdout, columns, rows)
        return
    if not sys.stdout.isatty():
        lines = ["\t".join(columns)] + ["\t".join(cell(row[c]).replace("\t", " ") for c in columns) for row in rows]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[Text(cell(row[c])) for c in columns])  # stored text is text, never Rich markup
    out.print(table)


@app.command()
def meetings(
    body: Annotated[str | None, typer.Option(help="Only this body (committee).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """List the meetings stored."""
    from .db.queries import meetings as list_meetings

    db = _db()
    rows = list_meetings(db, _body(db, body))
    _emit(
        rows,
        as_json,
        as_csv,
        ["body", "kind", "date", "attendees", "items", "resolutions", "actions", "document"],
        "Meetings",
    )


@app.command()
def actions(
    body: Annotated[str | None, typer.Option(help="Only this body (committee).")] = None,
    owner: Annotated[str | None, typer.Option(help="Only actions this person or role owns.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only open actions.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """List the actions stored, with their references, owners and status."""
    from .db.queries import ACTION_FIELDS
    from .db.queries import actions as list_actions

    if owner is not None and not owner.strip():
        _fail("--owner names nobody: give the owner's name", 2)
    db = _db()
    rows = list_actions(db, body=_body(db, body), owner=owner, open_only=open_only, with_history=as_json)
    if owner and not rows:
        _no_such_owner(db, owner, "open action" if open_only else "action", body)
    if as_json:
        rows = [{k: r[k] for k in ACTION_FIELDS} for r in rows]
    _emit(
        rows,
        as_json,
        as_csv,
        ["ref", "body", "meeting_date", "item", "owners", "due", "due_date", "status", "text"],
        "Open actions" if open_only else "Actions",
    )


def _no_such_owner(db, owner: str, what: str, body: str | None) -> None:
    """An owner no listed action has: say so, with the owners whose names are nearly that ('Copard': Jim Coppard),
    not the name typed (who may own only closed actions). A name that is no one the database holds, owning
    nothing and attending nothing, is an input that failed (exit 1)."""
    from .db.people import fold, typed_key
    from .db.queries import actions as list_actions
    from .extract.names import is_role

    typed = typed_key(owner).replace(".", " ").split()
    surname = fold(typed[-1]) if typed else ""
    people = (fold(row[0]).split() for row in db.execute("SELECT name FROM people"))
    known = (  # a role or post, an owner of any action, or a person of that surname ('Cllr Bell', 'R. Bell')
        is_role(" ".join(typed).title())
        or list_actions(db, owner=owner, with_history=False)
        or any(surname in words for words in people)
    )
    names = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT coalesce(p.name, o.name) FROM action_owners o LEFT JOIN people p ON p.id = o.person_id"
        )
        if row[0].lower() != owner.strip().lower()
    ]
    near = _near(owner, names)
    hint = f"; owners with a name like it: {', '.join(near)}" if near else ""
    if not known:
        _fail(f"no one called {owner!r} owns an action or attends a meeting here{hint}")
    of = f" of {body}" if body else ""
    if not state.quiet:
        err.print(f"note: no {what}{of} is owned by {owner!r}{hint}", markup=False, highlight=False)


action_app = typer.Typer(
    pretty_exceptions_enable=False, no_args_is_help=True, help="Change an action by hand: kept through every re-ingest."
)
app.add_typer(action_app, name="action")


@app.command()
def search(
    words: Annotated[list[str], typer.Argument(help="Words to find; every one must be there ('school budget').")],
    body: Annotated[str | None, typer.Option(help="Only this body (committee).")] = None,
    kind: Annotated[str | None, typer.Option(help="Only decisions, actions or items.")] = None,
    limit: Annotated[int, typer.Option(help="Show the newest N (0: all).", min=0)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """Find decisions, actions and agenda items by their words, newest first."""
    from .db.queries import SEARCHED
    from .db.queries import search as find

    kinds = tuple(SEARCHED)
    if kind:
        chosen = kind.lower().rstrip("s").replace("resolution", "decision")
        if chosen not in SEARCHED:
            _fail("--kind must be decisions, actions or items", 2)
        kinds = (chosen,)
    db = _db()
    rows = find(db, " ".join(words), body=_body(db, body), kinds=kinds, limit=limit)
    _emit(rows, as_json, as_csv, ["kind", "body", "meeting_date", "item", "ref", "text"], "Found")


def _original(db, ref: str) -> str:
    """The ref an action is listed under: a restatement's ('raised again at a later meeting') is its original's,
    which every listing shows and every change goes to; said once, so the user knows which ref moved."""
    from .db.queries import original_ref

    first = original_ref(db, ref)
    if first is None:
        return ref
    if not state.quiet:
        err.print(f"note: {ref.upper()} restates {first}, the action listed for it; using {first}", markup=False)
    return first


def _hand(ref: str, field: str, value: str, note: str | None, shown: str | None = None) -> None:
    from .db.hand import NotFound, change

    db = _db(writing=True)
    ref = _original(db, ref)
    try:
        changed = change(db, ref, field, value, note, shown)
    except NotFound as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    if not state.quiet:
        said = f"{field} set to {shown or value}" if changed else f"already {value}; nothing changed"
        out.print(f"{ref.upper()}: {said}", markup=False, highlight=False)


@action_app.command("show")
def action_show(
    ref: Annotated[str, typer.Argument(help="Action reference, e.g. SF-2023-03-14-03.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one action in full, with its history from meeting to meeting."""
    from .db.queries import actions, rejected_action

    db = _db()
    ref = _original(db, ref)
    found = actions(db, ref=ref)
    if not found:
        if rejected_action(db, ref):
            _fail(f"{ref}: rejected in review, so listed nowhere; `minutes review confirm action {ref}` restores it")
        from .db.hand import not_found

        _fail(not_found(db, ref), 1)
    (row,) = found
    if as_json:
        out.print_json(data=row)
        return
    from .render.action_card import card

    out.print(card(row), markup=False, highlight=False, soft_wrap=True)


@action_app.command("done")
def action_done(
    ref: Annotated[str, typer.Argument(help="Action reference, e.g. SF-2023-03-14-03.")],
    note: Annotated[str | None, typer.Option(help="What was done.")] = None,
) -> None:
    """Mark an action done."""
    _hand(ref, "status", "done", note)


@action_app.command("reopen")
def action_reopen(
    ref: Annotated[str, typer.Argument(help="Action reference.")],
    note: Annotated[str | None, typer.Option(help="Why it is open again.")] = None,
) -> None:
    """Open an action again."""
    _hand(ref, "status", "open", note)


@action_app.command("drop")
def action_drop(
    ref: Annotated[str, typer.Argument(help="Action reference.")],
    note: Annotated[str, typer.Option(help="Why it is dropped (required).")],
) -> None:
    """Drop an action that will not be done."""
    _hand(ref, "status", "dropped", note)


@action_app.command("set")
def action_set(
    ref: Annotated[str, typer.Argument(help="Action reference.")],
    due: Annotated[
        str | None,
        typer.Option(
            help="Due date (day first: 30/04/2024, or 2024-04-30), or words: 'next meeting', 'end of March'; "
            "'none' clears it."
        ),
    ] = None,
    owners: Annotated[
        list[str] | None,
        typer.Option("--owner", help="Owner; give it again for each owner, or separate several by '/'."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
) -> None:
    """Set an action's due date or owners."""
    owner = " / ".join(owners) if owners else None
    if due is None and owner is None:
        err.print("error: give --due, --owner or both")
        raise typer.Exit(2)
    if owner is not None and not owner.replace("/", "").strip():
        _fail("--owner names nobody: give the owner's name", 2)
    ref = _original(_db(writing=True), ref)  # once, before the due date and the owners change
    if due is not None and due.strip().lower() in ("", "none"):
        _hand(ref, "due", "", note, shown="none")  # '--due none': the action has no due date after all
    elif due is not None:
        day = _due_day(ref, due)
        _hand(ref, "due", day.isoformat(), note, shown=f"{day.isoformat()} ({due.strip()})" if _words(due) else None)
    if owner is not None:
        from .db.hand import NotFound, owner_notes, set_owners

        db = _db(writing=True)
        try:
            before, after = set_owners(db, ref, owner, note)
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False, highlight=False)
            raise typer.Exit(1) from None
        if not state.quiet:
            was = ", ".join(before) or "no owner"
            said = (
                f"already {was}; nothing changed" if after is before else f"owner set to {', '.join(after)} (was {was})"
            )
            out.print(f"{ref.upper()}: {said}", markup=False, highlight=False)
        for said in owner_notes(db, ref, after):  # set as typed: a new member is no one in the papers yet
            err.print(f"note: {said}", markup=False, highlight=False)


def _words(text: str) -> bool:
    """A due typed in words ('next meeting', 'end of March'), not as a date."""
    return not re.search(r"\d", text) or bool(re.search(r"\b(?:in|within)\s+\d+\s+\w+", text.lower()))


_DUE_WORDS = ", or as a time from today ('next meeting', 'end of March', 'in 2 weeks')"


def _due_day(ref: str, text: str):
    """A due the user typed: a date as `_parse_day` reads it, or words counted from today ('next meeting',
    'end of March', 'in 2 weeks')."""
    from datetime import date

    from .db.due import ISO_DAY, NEXT_MEETING
    from .db.hand import NotFound, typed_due
    from .extract.dates import find_dates

    if not _words(text) and find_dates(text, date.today().year):
        day = _parse_day(text, "--due", _DUE_WORDS)
        if day < date.today() and not re.search(r"\d{4}|\d+[/.-]\d+[/.-]\d+", text):
            with contextlib.suppress(ValueError):  # '31 March' typed in December is next March's
                day = day.replace(year=day.year + 1)
        if day < date.today() and not re.search(r"\d{4}", text):
            _fail(f"--due: {text!r} has passed this year; give the year", 2)  # '29 February' in a year without one
        return day
    if ISO_DAY.fullmatch(text.strip()):
        return _parse_day(text, "--due", _DUE_WORDS)  # '2027-02-30': one line, as any impossible date
    try:
        day = typed_due(_db(), ref, text, date.today())
    except NotFound as exc:
        _fail(str(exc))
    if day is not None:
        return day
    if NEXT_MEETING.search(text.lower()):  # the words are right; the database knows no meeting to come
        _fail("--due: no meeting of this body after today is stored or announced; give its date (--due 30/04/2027)")
    _fail(f"--due: cannot read {text!r} as a date{_DUE_WORDS}", 2)


def _parse_day(text: str, option: str, hint: str = ""):
    """A date the user typed: ISO, or any form the papers use; an impossible one is a usage error."""
    import re as _re
    from datetime import date

    from .extract.dates import find_dates

    text = text.strip()
    found = None
    if _re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            found = date.fromisoformat(text)
        except ValueError:
            found = None
    else:
        found = next(iter(find_dates(text, date.today().year)), (None,))[0]
    if found is None:
        _fail(f"{option}: cannot read {text!r} as a date{hint}", 2)
    return found


people_app = typer.Typer(
    pretty_exceptions_enable=False, help="People of each body, one per real person across spellings."
)
app.add_typer(people_app, name="people")


@people_app.callback(invoke_without_command=True)
def people_list(
    ctx: typer.Context,
    body: Annotated[str | None, typer.Option(help="Only this body.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List people with the meetings they attended."""
    if ctx.invoked_subcommand:
        return
    from .db.queries import people

    db = _db()
    rows = people(db, _body(db, body))
    _emit(
        rows,
        as_json,
        False,
        ["id", "body", "name", "attended", "apologies_or_absent", "actions", "printed_as"],
        "People",
    )


bodies_app = typer.Typer(
    pretty_exceptions_enable=False, help="The bodies stored, with the other names their papers use; join two by hand."
)
app.add_typer(bodies_app, name="bodies")


@bodies_app.callback(invoke_without_command=True)
def bodies_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List bodies with their organisation, other names and meetings.

    Example: minutes bodies
    """
    if ctx.invoked_subcommand:
        return
    from .db.bodies import listing

    rows = listing(_db())
    _emit(rows, as_json, False, ["id", "name", "organisation", "other_names", "meetings", "first", "last"], "Bodies")


@bodies_app.command("merge")
def bodies_merge(
    keep_body: Annotated[str, typer.Argument(help="The body to keep (name, other name or id).")],
    other_body: Annotated[str, typer.Argument(help="The body to fold into it.")],
) -> None:
    """Join two records of one body: meetings, people and names move; later papers under either name join too.

    Example: minutes bodies merge "Finance and General Purposes Committee" "F&GP Committee"
    """
    from .db.bodies import BodyError, find, merge
    from .db.store import refresh

    db = _db(writing=True)
    try:
        kept, folded = find(db, keep_body), find(db, other_body)
        merge(db, kept["id"], folded["id"])
    except BodyError as exc:
        _fail(str(exc))
    refresh(db)
    if not state.quiet:
        out.print(f"merged {folded['name']} into {kept['name']}", markup=False, highlight=False)


@bodies_app.command("rename")
def bodies_rename(
    body: Annotated[str, typer.Argument(help="The body (name, other name or id).")],
    name: Annotated[str, typer.Argument(help="Its right name.")],
) -> None:
    """Give a body its right name; the old one stays one of its names and its references keep their letters.

    Example: minutes bodies rename Council "Wye Valley Community Council"
    """
    from .db.bodies import BodyError, find, rename

    db = _db(writing=True)
    try:
        old = rename(db, find(db, body)["id"], name)
    except BodyError as exc:
        _fail(str(exc))
    if not state.quiet:
        out.print(f"renamed {old} to {name.strip()}", markup=False, highlight=False)


@people_app.command("merge")
def people_merge(
    keep: Annotated[str, typer.Argument(help="The person to keep (name or id).")],
    other: Annotated[str, typer.Argument(help="The record to fold into it (name or id).")],
    body: Annotated[str | None, typer.Option(help="The body, where a name is in several.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Join them though their names share nothing.")] = False,
) -> None:
    """Join two records of one person."""
    from .db.hand import merge_people
    from .db.people import may_be_one
    from .db.queries import find_person

    db = _db(writing=True)
    chosen = []
    for name in (keep, other):
        found = find_person(db, name, body)
        if len(found) != 1:
            err.print(
                f"error: {name!r} matches {len(found)} people; give the id from `minutes people`",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(1)
        chosen.append(found[0])
    if chosen[0]["id"] == chosen[1]["id"]:
        _fail(
            f"{keep!r} and {other!r} are one record already ({chosen[0]['name']}, id {chosen[0]['id']}): "
            "nothing to merge"
        )
    if chosen[0]["body"] != chosen[1]["body"]:
        _fail(
            f"{chosen[0]['name']!r} ({chosen[0]['body']}) and {chosen[1]['name']!r} ({chosen[1]['body']}) are of two "
            "bodies; a person is merged within one body"
        )
    if not force and not may_be_one(chosen[0]["name"], chosen[1]["name"]):  # a slip of an id: 'merge 1 2'
        _fail(
            f"{chosen[0]['name']!r} and {chosen[1]['name']!r} share no name and a merge cannot be undone; "
            "check the ids in `minutes people`, or add --force if they are one person"
        )
    merge_people(db, chosen[0]["id"], chosen[1]["id"])
    if not state.quiet:
        out.print(f"merged {chosen[1]['name']} into {chosen[0]['name']}", markup=False, highlight=False)


@people_app.command("rename")
def people_rename(
    person: Annotated[str, typer.Argument(help="The person (name or id).")],
    name: Annotated[str, typer.Argument(help="Their name in full.")],
    body: Annotated[str | None, typer.Option(help="The body, where a name is in several.")] = None,
) -> None:
    """Give a person their name in full; papers that print the old one still find them.

    Example: minutes people rename Miriam "Miriam Linforth"
    """
    from .db.hand import NotFound, rename_person
    from .db.queries import find_person

    db = _db(writing=True)
    found = find_person(db, person, body)
    if len(found) != 1:
        _fail(f"{person!r} matches {len(found)} people; give the id from `minutes people`")
    try:
        old = rename_person(db, found[0]["id"], name)
    except NotFound as exc:
        _fail(str(exc))
    if not state.quiet:
        out.print(f"renamed {old} to {' '.join(name.split())}", markup=False, highlight=False)


@app.command()
def digest(
    body: Annotated[str, typer.Option(help="The body (committee) whose actions to report.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="The date to report as of (default today).")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="html, md, txt, eml or json (default: from --out, else txt).")
    ] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of printing.")] = None,
    send: Annotated[
        bool, typer.Option("--send", help="Send by email (SMTP settings from MINUTES_SMTP_* or minutes.toml).")
    ] = False,
    to: Annotated[list[str] | None, typer.Option("--to", help="Recipient address (repeat for several).")] = None,
    per_owner: Annotated[
        bool,
        typer.Option(
            "--per-owner",
            help="Send each owner only their own actions (addresses from minutes.toml [addresses]); "
            "actions with no owner go to --to, if given.",
        ),
    ] = False,
) -> None:
    """The chair's digest: outstanding actions grouped by owner, overdue first."""
    from datetime import date

    from .db.queries import digest as digest_data
    from .render.digest import FORMATS, digest_message, digest_text, for_owner

    fmt = _format_for(out_file, fmt, FORMATS, "txt")
    if per_owner and not send:
        err.print("error: --per-owner sends each owner their own digest: add --send")
        raise typer.Exit(2)
    if to and not send and fmt != "eml":  # else the addresses would be dropped without a word
        _fail("--to addresses an email: add --send to send it, or --format eml to write the message", 2)
    day = _parse_day(as_of, "--as-of") if as_of else date.today()
    db = _db()
    data = digest_data(db, _body(db, body), day)
    if send:
        _send_digest(data, to or [], per_owner, digest_message, for_owner)
        return
    if fmt == "eml":
        from .config import smtp_settings

        sender = _smtp(smtp_settings).get("from") or "minutes@localhost"
        content = digest_message(data, sender, to or ["chair@localhost"]).as_bytes()
        if not out_file:
            sys.stdout.buffer.write(content)
            return
        _write(out_file, content)
    elif out_file:
        _write(out_file, digest_text(data, fmt))
    else:
        print(plain(digest_text(data, fmt)))  # a paper's escape sequences never reach the terminal
        return
    if not state.quiet:
        _wrote(out_file, fmt, _count(data["counts"]["open"], "open action"))


def _suffix(path: Path | None) -> str:
    suffix = path.suffix.lower().lstrip(".") if path else ""
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix)


def _format_for(out_file: Path | None, fmt: str | None, formats: tuple[str, ...], default: str) -> str:
    """The format asked for, else the one the file's name ends in ('log.html'), else the default; a usage error
    for one the command does not write, or a file name of a kind it does not write ('digest.docx')."""
    named = _suffix(out_file)
    if named in _FILE_KINDS and named not in formats:  # 'digest.docx': not written as text
        _fail(f"{out_file}: cannot write a .{named} file here; --out may end in .{', .'.join(formats)}", 2)
    if fmt and named in formats and named != fmt:  # '--format md --out log.html'
        _fail(f"--format {fmt} but {out_file} ends in .{named}: give one or the other", 2)
    fmt = fmt or (named if named in formats else default)
    if fmt not in formats:
        _fail(f"--format must be one of {', '.join(formats)}", 2)
    return fmt


# files of a kind a reader opens with its own program: writing text into one under that name only fails later
_FILE_KINDS = frozenset(("docx", "doc", "odt", "rtf", "pdf", "xlsx", "xls", "ods", "csv", "json", "html", "eml", "ics"))
# ... and a SQLite file's ('.db' is too loose a name to refuse: it may be the database itself, refused as such)


def _wrote(out_file: Path, fmt: str, what: str) -> None:
    """'wrote digest.html: 4 open actions'; '(as md)' where the name says another format ('log.txt')."""
    shown = "" if _suffix(out_file) == fmt else f" (as {fmt})"
    out.print(f"wrote {out_file}{shown}: {what}", markup=False, highlight=False)


def _smtp(smtp_settings) -> dict:
    """The mail settings, or one line saying which of them is wrong."""
    try:
        return smtp_settings(state.db_path)
    except ValueError as exc:
        _fail(f"mail settings: {exc}")


def _address_key(name: str) -> str:
    """'Cllr Jim  Coppard' and 'jim coppard' are one key of the [addresses] table."""
    from .db.people import typed_key

    return typed_key(name)


def _send_digest(data: dict, to: list[str], per_owner: bool, digest_message, for_owner) -> None:
    from .config import addresses, smtp_settings
    from .mail import MailError, send

    settings = _smtp(smtp_settings)
    if settings.get("_file") and not state.quiet:
        err.print(f"mail settings from {settings['_file']}", markup=False, highlight=False)
    sender = settings.get("from") or settings.get("user") or "minutes@localhost"
    messages = []
    unsent: list[str] = []  # owners with no address: the run says so and exits 1, after sending the rest
    if per_owner:
        from .db.people import is_group
        from .db.queries import NO_OWNER, holder, other_names

        book = {_address_key(name): address for name, address in addresses(state.db_path).items()}
        db = _db()
        for owner in data["owners"]:
            if owner["name"] == NO_OWNER:  # actions given to no one go to the --to readers
                if to:
                    messages.append(digest_message(for_owner(data, NO_OWNER), sender, to))
                else:
                    err.print(
                        f"warning: {len(owner['actions'])} action(s) with no owner not sent: add --to ADDRESS",
                        markup=False,
                        highlight=False,
                    )
                    unsent.append("the actions with no owner (add --to)")
                continue
            refs = [a["ref"] for a in owner["actions"]]
            held = holder(db, refs, owner["name"])  # 'Clerk': the one who held the post at those meetings
            person = held or owner["name"]
            names = [owner["name"], person, *other_names(db, data["body"], person)]
            address = next((book[_address_key(n)] for n in names if _address_key(n) in book), None)
            readers = to if address is None and to and is_group(owner["name"]) else None  # 'Councillors', 'All'
            if readers:
                messages.append(digest_message(for_owner(data, owner["name"]), sender, readers))
                continue
            if address is None:
                err.print(
                    f"warning: no address for {owner['name']} in minutes.toml [addresses]; not sent",
                    markup=False,
                    highlight=False,
                )
                unsent.append(owner["name"])
                continue
            messages.append(digest_message(for_owner(data, owner["name"]), sender, [address]))
    else:
        if not to:
            err.print("error: --send needs --to ADDRESS (or --per-owner)")
            raise typer.Exit(2)
        messages.append(digest_message(data, sender, to))
    try:
        for message in messages:
            send(message, settings)
    except MailError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    if not state.quiet:
        out.print(f"sent {len(messages)} message(s)", markup=False, highlight=False)
    if unsent:
        err.print(
            f"error: {len(unsent)} owner(s) not sent their digest, for want of an address: {', '.join(unsent)}",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(1)


def _body(db, name: str | None) -> str | None:
    """The stored name of the body --body names (None for no --body)."""
    return _body_row(db, name)["name"] if name is not None else None


def _body_row(db, name: str) -> dict:
    """The stored body --body names, or one line naming the closest stored bodies."""
    from .db.queries import find_body

    found = find_body(db, name)
    if found is not None:
        return found
    from rapidfuzz import fuzz, process

    names = [row[0] for row in db.execute("SELECT name FROM bodies ORDER BY name").fetchall()]
    close = [n for n, score, _ in process.extract(name, names, scorer=fuzz.WRatio, limit=3) if score >= 70]
    hint = f"did you mean {' or '.join(repr(n) for n in close)}?" if close else "see `minutes bodies`"
    _fail(f"no body called {name!r}; {hint}")


def _slug(text: str) -> str:
    """A file-name part from what the user typed (never from document text)."""
    import re as _re

    return _re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "body"


OCR_HELP = "Scanned PDF pages: auto (OCR pages with no text layer, when Tesseract is installed), always or never."


def _ocr_options(mode: str, jobs: int, pages_bar: bool):
    """How scans are read; with `pages_bar`, a progress bar of OCR'd pages on a terminal."""
    from .ingest.ocr import MODES, Options

    if mode not in MODES:
        _fail(f"--ocr must be one of {', '.join(MODES)}", 2)
    if not (pages_bar and not state.quiet and err.is_terminal):
        return Options(mode, jobs)
    from rich.progress import Progress

    progress = Progress(console=err, transient=True)
    task = progress.add_task("OCR pages", total=None)

    def on_page(total: int) -> None:
        progress.start()
        progress.update(task, total=total, advance=1)

    atexit.register(progress.stop)
    return Options(mode, jobs, on_page)


def _guard(target: Path) -> None:
    """Refuse an --out that is the database or one of its files."""
    from .outputs import OutputError, guard

    try:
        guard(target, state.db_path)
    except OutputError as exc:
        _fail(str(exc))


def _write(target: Path, data: bytes | str) -> None:
    """Write an output whole (never half, never over the database), or fail in one line."""
    from .outputs import OutputError, write_whole

    _guard(target)
    try:
        write_whole(target, data.encode("utf-8") if isinstance(data, str) else data)
    except OutputError as exc:
        _fail(str(exc))


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


@app.command()
def agenda(
    body: Annotated[str, typer.Option(help="The body (committee) that meets.")],
    day: Annotated[str, typer.Option("--date", help="The meeting's date (2023-09-19 or 19/09/2023).")],
    time: Annotated[str | None, typer.Option(help="Start time, HH:MM (default: as at its recent meetings).")] = None,
    location: Annotated[str | None, typer.Option(help="Where it meets (default: as at its last meeting).")] = None,
    template: Annotated[Path | None, typer.Option(help="A restyled copy of templates/agenda_pack.docx.")] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="The .docx to write (default agenda-pack-BODY-DATE.docx).")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside it (needs LibreOffice).")] = False,
    notes: Annotated[
        bool, typer.Option("--notes/--no-notes", help="Keep the clerk's notes and sources (a draft) or not (to send).")
    ] = True,
) -> None:
    """Draft the next meeting's pack in one Word file: the agenda, the action log and the last minutes."""
    import re as _re

    from .db.agenda import action_log, history
    from .render.agenda import draft, long_date
    from .render.docx_pack import TemplateProblem, pack_context, write_pack

    when = _parse_day(day, "--date")
    if time is not None and not _re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", time.strip()):
        _fail(f"--time: cannot read {time!r} as HH:MM", 2)
    if template is not None and not template.is_file():
        _fail(f"--template: no such file: {template}", 2)
    out_file = out_file or Path(f"agenda-pack-{_slug(body)}-{when.isoformat()}.docx")
    if out_file.suffix.lower() != ".docx":
        _fail("--out: the pack is a Word file; give a name ending in .docx", 2)
    db = _db()
    past = history(db, _body(db, body), when)
    log = action_log(db, past["name"], when)
    drafted = draft(past, when, time.strip() if time else None, location, len(log))
    context = pack_context(drafted, past["name"], drafted.organisation, log, when, drafted.previous, notes)
    _guard(out_file)
    try:
        write_pack(context, out_file, template)
    except TemplateProblem as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out_file}: not written ({exc.strerror or exc})")
    if not state.quiet:
        minutes = (
            f"minutes of {long_date(drafted.previous['date'])}"
            if drafted.previous and drafted.previous["date"]
            else "no dated minutes"
        )
        out.print(
            f"wrote {out_file}: agenda of {len(drafted.entries)} items, {len(log)} open "
            f"action{'s' * (len(log) != 1)}, {minutes}",
            markup=False,
            highlight=False,
        )
    if pdf:
        _write_pdf(out_file)


def _write_pdf(docx: Path) -> None:
    from .render.pdf import PdfFailed, PdfUnavailable, to_pdf

    target = docx.with_suffix(".pdf")
    try:
        to_pdf(docx, target)
    except (PdfUnavailable, PdfFailed) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{target}: not written ({exc.strerror or exc})")
    if not state.quiet:
        out.print(f"wrote {target}", markup=False, highlight=False)


@app.command("action-log")
def action_log_command(
    body: Annotated[str, typer.Option(help="The body (committee) whose open actions to list.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="docx, html, md or csv (default: from --out, else md).")
    ] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of printing.")] = None,
) -> None:
    """The action log alone: a body's open actions with references, owners, due dates and last update."""
    from datetime import date

    from .db.agenda import action_log, organisation
    from .render.action_log import FORMATS, log_text
    from .render.docx_pack import TemplateProblem, pack_context, write_pack

    fmt = _format_for(out_file, fmt, FORMATS, "md")
    db = _db()
    found = _body_row(db, body)
    today = date.today()
    log = action_log(db, found["name"], today)
    org = organisation(db, found)
    if fmt == "docx":
        out_file = out_file or Path(f"action-log-{_slug(body)}.docx")
        _guard(out_file)
        try:
            write_pack(pack_context(None, found["name"], org, log, today, None), out_file)
        except TemplateProblem as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{out_file}: not written ({exc.strerror or exc})")
    else:
        text = log_text(found["name"], org, log, today, fmt)
        if not out_file:
            sys.stdout.write(text)
            return
        _write(out_file, text)
    if not state.quiet:
        _wrote(out_file, fmt, _count(len(log), "open action"))


review_app = typer.Typer(help="The records extraction was least sure of, for a person to confirm or correct.")
app.add_typer(review_app, name="review")


@review_app.callback(invoke_without_command=True)
def review_list(
    ctx: typer.Context,
    body: Annotated[str | None, typer.Option(help="Only this body.")] = None,
    below: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Show records with confidence under this (0 to 1; 1 shows all).")
    ] = 0.8,
    limit: Annotated[
        int | None, typer.Option(help="Show the N least sure (0: all; default 25, and all with --json).", min=0)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List low-confidence records not yet reviewed, least sure first, with where they were read."""
    if ctx.invoked_subcommand:
        return
    from .db.review import low_confidence

    db = _db()
    body_id = _body_row(db, body)["id"] if body else None
    rows = low_confidence(db, below, body_id)
    limit = (0 if as_json else 25) if limit is None else limit  # a program reading the JSON takes the whole queue
    if limit and len(rows) > limit:
        if not state.quiet:  # a first session's queue holds most records: the least sure come first, the rest wait
            err.print(
                f"note: {len(rows) - limit} more records under {below:g} not shown; --limit 0 lists them all",
                markup=False,
                highlight=False,
            )
        rows = rows[:limit]
    _emit(
        rows,
        as_json,
        False,
        [
            "kind",
            "id",
            "ref",
            "body",
            "meeting_date",
            "confidence",
            "rule",
            "text",
            "owners",
            "document",
            "page",
            "line",
        ],
        "To review",
    )


def _verdict(kind: str, given: str, choice: str, field: str | None = None, value: str | None = None) -> None:
    from .db.review import RECORDS, ReviewError, record_id, status_verdict, verdict

    if kind not in (*RECORDS, "status"):  # a word the command does not take: a usage error, before the database opens
        _fail(f"unknown record kind {kind!r}; one of {', '.join(RECORDS)}, status", 2)
    if kind == "status" and choice == "correct":
        _fail("a status is confirmed or rejected; `minutes action done|drop|reopen REF` sets another", 2)
    if kind == "status":  # a status the tracker read from prose
        try:
            ref = status_verdict(_db(writing=True), given, choice)
        except ReviewError as exc:
            _fail(str(exc))
        if not state.quiet:
            said = "done (confirmed)" if choice == "confirm" else "open again (rejected)"
            out.print(f"status of {ref}: {said}", markup=False, highlight=False)
        return
    if choice == "correct" and field not in RECORDS[kind][2]:  # a field the kind has not: a usage error
        article = "an" if kind[0] in "aeiou" else "a"
        _fail(f"{article} {kind} has no field {field!r} to correct; one of {', '.join(RECORDS[kind][2])}", 2)
    if kind == "action" and field == "due" and value:
        value = _parse_day(value, "--value").isoformat()  # the same dates `action set --due` takes

    db = _db(writing=True)
    try:
        verdict(db, kind, record_id(db, kind, given), choice, field, value)
    except ReviewError as exc:
        _fail(str(exc))
    if not state.quiet:
        out.print(
            f"{kind} {given}: {choice}ed" if choice != "correct" else f"{kind} {given}: {field} corrected",
            markup=False,
            highlight=False,
        )


@review_app.command("confirm")
def review_confirm(
    kind: Annotated[str, typer.Argument(help="attendee, item, resolution, action or status.")],
    record_id: Annotated[str, typer.Argument(help="The id `minutes review` shows, or an action's ref.")],
) -> None:
    """Confirm a record is right."""
    _verdict(kind, record_id, "confirm")


@review_app.command("reject")
def review_reject(
    kind: Annotated[str, typer.Argument(help="attendee, item, resolution, action or status.")],
    record_id: Annotated[str, typer.Argument(help="The id `minutes review` shows, or an action's ref.")],
) -> None:
    """Reject a record the minutes do not hold (it is hidden from listings, digests and packs)."""
    _verdict(kind, record_id, "reject")


@review_app.command("correct")
def review_correct(
    kind: Annotated[str, typer.Argument(help="attendee, item, resolution or action.")],
    record_id: Annotated[str, typer.Argument(help="The id `minutes review` shows, or an action's ref.")],
    field: Annotated[
        str,
        typer.Option(
            help="The field to correct. An attendee's name, status, category, role or organisation; an item's number, "
            "title or parent; a resolution's text or item; an action's text, item, due or owners ('A / B')."
        ),
    ],
    value: Annotated[str, typer.Option(help="The right value.")],
) -> None:
    """Correct one field of a record; the correction is kept through re-ingest."""
    _verdict(kind, record_id, "correct", field, value)


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8001,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
) -> None:
    """Browse and search the database in Datasette (pip install 'minutes[web]')."""
    import shutil
    import tempfile

    from .render.datasette import metadata

    if "://" in state.db_path:
        _fail(
            f"{_db_name()}: Datasette reads SQLite files only; make a copy to browse "
            "(minutes export --format sqlite --out minutes.db, then minutes --db minutes.db serve)"
        )
    if shutil.which("datasette") is None and not _has_module("datasette"):
        _fail("Datasette is not installed: pip install 'minutes[web]'")
    _db().close()  # migrates the file first (a missing one is refused)
    with tempfile.TemporaryDirectory(prefix="minutes-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(Path(state.db_path).stem)), encoding="utf-8")
        argv = [
            sys.executable,
            "-I",  # isolated: a datasette.py in the current folder is never imported in its place
            "-m",
            "datasette",
            "serve",
            str(Path(state.db_path).resolve()),
            "--metadata",
            str(meta),
            "--host",
            host,
            "--port",
            str(port),
            "--setting",
            "sql_time_limit_ms",
            "5000",
        ]
        if not state.quiet:
            err.print(f"serving {state.db_path} at http://{host}:{port}/ (Ctrl-C stops)", markup=False)
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(
                f"warning: listening on {host}: anyone who can reach this machine can read the whole database; "
                "keep to 127.0.0.1, or put Datasette's authentication (datasette-auth-passwords) in front",
                markup=False,
                highlight=False,
            )
        from .config import child_environment

        raise typer.Exit(_run_until_stopped(argv, child_environment()))


def _run_until_stopped(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Run a server; Ctrl-C or SIGTERM to this process stops it too, so it never keeps holding its port."""
    import signal
    import subprocess

    child = subprocess.Popen(argv, env=env)
    previous = signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@app.command()
def train(
    gold: Annotated[list[Path], typer.Option("--from", help="Folders of gold files (the annotation format).")],
    docs: Annotated[Path, typer.Option("--docs", help="The folder the gold files' sources are relative to.")],
    folder: Annotated[
        Path | None, typer.Option("--out", help="Where to write the model (default: your minutes data folder).")
    ] = None,
) -> None:
    """Train the sentence classifier on your own annotated minutes; extraction then uses it.

    Example: minutes train --from my-gold --docs my-papers
    """
    from .extract.learned import user_model_dir
    from .train import TrainError
    from .train import train as run_training

    target = folder or user_model_dir()
    try:
        counts = run_training(gold, docs, target)
    except TrainError as exc:
        _fail(str(exc))
    learned = f"{counts['sentences']} sentences ({counts['action']} actions, {counts['decision']} decisions)"
    out.print(f"trained on {learned}; model written to {target}", markup=False, highlight=False)


@app.command()
def watch(
    inbox: Annotated[Path, typer.Argument(help="The folder papers are dropped into.")],
    settle: Annotated[float, typer.Option(help="Seconds a file must stay unchanged before it is read.")] = 1.0,
) -> None:
    """Ingest papers dropped into INBOX; file them in INBOX/done or INBOX/failed (with FILE.error.txt)."""
    import signal
    import threading

    from .db.store import store
    from .parse import parse
    from .watch import InboxTaken
    from .watch import watch as run_watch

    if not inbox.is_dir():
        _fail(f"{inbox}: no such folder")
    db = _db(create=True)
    stored: dict[Path, int] = {}  # papers stored from the inbox this run, by where they lay: their documents

    def handle(path: Path) -> str | None:
        parsed = parse(str(path))
        if parsed.error:
            err.print(f"error: {parsed.error}", markup=False, highlight=False)
            return parsed.error
        try:
            result = store(db, parsed.document, parsed.meetings)
        except Exception as exc:
            return f"{path}: not stored ({type(exc).__name__}: {exc})"
        if not result.duplicate:
            stored[path] = result.document_id
        if not state.quiet:
            found = f"{_count(result.meetings, 'meeting')}, {_count(result.actions, 'action')}"
            what = "unchanged" if result.duplicate else found
            what += f" ({_count(result.again, 'meeting')} updated)" if result.again else ""
            out.print(f"ingested {path.name}: {what}", markup=False, highlight=False)
        return None

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if not state.quiet:
        err.print(f"watching {inbox} (Ctrl-C stops)", markup=False)

    def report(message: str) -> None:
        err.print(f"error: {message}", markup=False, highlight=False)

    def notice(message: str) -> None:
        err.print(f"note: {message}", markup=False, highlight=False)

    def moved(old: Path, new: Path) -> None:
        from .db.store import moved_document

        if old in stored:
            moved_document(db, stored.pop(old), str(new))

    try:
        run_watch(inbox.resolve(), handle, stop, settle=settle, report=report, moved=moved, notice=notice)
    except InboxTaken as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        stop.set()
    if not state.quiet:
        err.print("stopped", markup=False)


@app.command()
def calendar(
    body: Annotated[str, typer.Option(help="The body whose meetings and actions to list.")],
    out_file: Annotated[Path, typer.Option("--out", help="The .ics file to write.")],
) -> None:
    """Meetings and open actions' due dates as an iCalendar file."""
    from datetime import datetime

    from .db.queries import actions as list_actions
    from .db.queries import meetings as list_meetings
    from .render.calendar import calendar_bytes, one_per_meeting

    db = _db()
    found = _body_row(db, body)
    rows = list_meetings(db, found["name"])
    open_actions = list_actions(db, body=found["name"], open_only=True, with_history=False)
    _write(out_file, calendar_bytes(found["name"], rows, open_actions, datetime.now(UTC)))
    if not state.quiet:
        events, undated = len(one_per_meeting(rows)), sum(1 for m in rows if not m["date"])
        skipped = f" ({undated} undated meeting{'s' * (undated != 1)} left out)" if undated else ""
        out.print(
            f"wrote {out_file}: {events} meeting{'s' * (events != 1)}{skipped}, {len(open_actions)} open actions",
            markup=False,
            highlight=False,
        )


@app.command()
def export(
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="csv (a folder of files), json, xlsx, or sqlite (the whole database); default: --out's."
        ),
    ] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="File (json, xlsx, sqlite) or folder (csv).")] = None,
    body: Annotated[str | None, typer.Option(help="Only this body (csv, json, xlsx).")] = None,
) -> None:
    """Meetings, attendance, resolutions and actions for spreadsheets; or the whole database as a SQLite file."""
    from .db.queries import export_tables
    from .outputs import OutputError, write_all
    from .render.export import files

    named = {"db": "sqlite", "sqlite3": "sqlite"}.get(_suffix(out_path), _suffix(out_path))
    fmt = fmt or (named if named in ("json", "xlsx", "sqlite") else "csv")
    if fmt not in ("csv", "json", "xlsx", "sqlite"):
        _fail("--format must be csv, json, xlsx or sqlite", 2)
    if fmt == "csv" and (named == "csv" or named in _FILE_KINDS):  # 'exp.csv' would be a folder of that name
        _fail(f"{out_path}: csv writes a folder of files, one a table: give --out a folder's name", 2)
    told = named in _FILE_KINDS or _suffix(out_path) == "sqlite3"  # not '.db': the database itself may be named
    if fmt != "csv" and told and named != fmt:  # '--format xlsx --out x.csv'
        _fail(f"--format {fmt} but {out_path} ends in .{named}: give one or the other", 2)
    target = out_path or Path(
        {"csv": "minutes-export", "json": "minutes-export.json", "xlsx": "minutes-export.xlsx"}.get(
            fmt, "minutes-export.db"
        )
    )
    db = _db()
    if fmt == "sqlite":
        _export_sqlite(db, target, body)
        return
    try:
        folder = target if fmt == "csv" else None
        written = write_all(files(export_tables(db, _body(db, body)), fmt, target), state.db_path, folder)
    except OutputError as exc:
        _fail(str(exc))
    if not state.quiet:
        out.print("wrote " + ", ".join(str(p) for p in written), markup=False, highlight=False)


def _export_sqlite(db, target: Path, body: str | None) -> None:
    """The whole database copied into a new SQLite file (for Datasette, or to hand on)."""
    from .db.copy import to_sqlite
    from .outputs import OutputError, guard

    if body:
        _fail("--body applies to csv, json and xlsx; a SQLite copy holds the whole database", 2)
    try:
        guard(target, state.db_path)
        if target.exists() and not target.is_file():
            raise OutputError(f"{target}: not a file; give --out a file name")
        counts = to_sqlite(db, target)
    except OutputError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{target}: not written ({exc.strerror or exc})")
    if not state.quiet:
        wrote = f"wrote {target} ({counts['meetings']} meetings, {counts['actions']} actions)"
        out.print(wrote, markup=False, highlight=False)


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files, one per document.")],
    docs_dir: Annotated[Path, typer.Argument(help='Folder the gold files\' "source" paths are relative to.')],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the per-document and per-field figures as JSON.")
    ] = False,
) -> None:
    """Measure extraction on your own annotated papers: per-document and per-field precision, recall, F1.

    Gold files follow ../shared/eval/ANNOTATION.md: the contract's shape with "source" naming the
    document. Example: minutes eval my-gold/ my-papers/ --json
    """
    from .evaluate import GoldError, evaluate, gold_files

    if not gold_dir.is_dir() or not gold_files(gold_dir):
        _fail(f"{gold_dir}: no gold files (*.json) in this folder")
    if not docs_dir.is_dir():
        _fail(f"{docs_dir}: not a folder")
    try:
        report = evaluate(gold_dir, docs_dir)
    except GoldError as exc:
        _fail(str(exc))
    if as_json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return
    _print_eval(report)


def _print_eval(report) -> None:
    """Two tables: F1 per document and field, then precision, recall and F1 per field over all documents."""
    from rich.table import Table
    from rich.text import Text

    from .evaluate import FIELDS

    figures = report.as_json()
    per_doc = Table(title="F1 by document")
    per_doc.add_column("document", overflow="fold")
    for f in FIELDS:
        per_doc.add_column(f, justify="right")
    for doc in figures["documents"]:
        cells = [f"{doc['fields'][f]['f1']:.2f}" for f in FIELDS]
        name = doc["source"] + (f" ({doc['error']})" if doc["error"] else "")
        per_doc.add_row(Text(name), *cells)  # file names are text, never Rich markup
    per_field = Table(title="By field, over all documents")
    for column in ("field", "P", "R", "F1", "hits/pred/gold"):
        per_field.add_column(column, justify="left" if column == "field" else "right")
    for f, s in figures["fields"].items():
        per_field.add_row(
            f, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", "/".join(map(str, s["counts"]))
        )
    out.print(per_doc, per_field)
    out.print(f"overall F1: {report.overall:.3f}", markup=False, highlight=False)


GLOBAL_VALUE_OPTIONS = ("--db",)
GLOBAL_FLAGS = ("--quiet", "-q", "--verbose", "-v")


def hoist_global_options(argv: list[str], value_options: frozenset[str] = frozenset()) -> list[str]:
    """`minutes meetings --db x.db` means `minutes --db x.db meetings`: global options may follow the command.

    A command's own option that takes a value keeps it, even one that looks like a flag (`--note -q`)."""
    front, rest, i = [], [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg in value_options and i + 1 < len(argv):
            rest += argv[i : i + 2]
            i += 2
            continue
        if arg in GLOBAL_VALUE_OPTIONS and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 2
            continue
        if arg.split("=", 1)[0] in GLOBAL_VALUE_OPTIONS or arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _value_options(command) -> frozenset[str]:
    """Every option of every command that takes a value ('--note', '--due', ...), but the global ones."""
    names = {
        opt
        for param in getattr(command, "params", [])
        if param.param_type_name == "option" and not getattr(param, "is_flag", False)
        for opt in param.opts
    }
    for sub in getattr(command, "commands", {}).values():
        names |= _value_options(sub)
    return frozenset(names - set(GLOBAL_VALUE_OPTIONS))


def main() -> None:
    """Entry point: usage errors exit 2, failed inputs 1; no traceback reaches a user."""
    from .help_text import polish

    command = typer.main.get_command(app)
    polish(command)
    try:
        command(args=hoist_global_options(sys.argv[1:], _value_options(command)), prog_name="minutes")
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:  # `minutes actions | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        sys.exit(0)
    except OSError as exc:  # an output the system refused: the path and the cause, in the user's terms
        where = f"{exc.filename}: " if exc.filename else ""
        err.print(f"error: {where}{exc.strerror or exc}", markup=False, highlight=False)
        sys.exit(1)
    except Exception as exc:  # a fault of ours: one line, never a traceback with local values
        if os.environ.get("MINUTES_DEBUG"):
            raise
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        err.print(f"error: internal error ({message}); please report it (MINUTES_DEBUG=1 shows where)", markup=False)
        sys.exit(1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
