"""The `minutes` command: wires ingest -> extract -> db -> render, and nothing more."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__

app = typer.Typer(no_args_is_help=True, add_completion=True, rich_markup_mode=None,
                  help="Turn committee minutes and agenda packs into a live action tracker in SQLite.")
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)


class State:
    db_path: str = "minutes.db"
    quiet: bool = False


state = State()


def _version(value: bool) -> None:
    if value:
        print(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[str, typer.Option("--db", envvar="MINUTES_DB", help="SQLite file to use.")] = "minutes.db",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and results.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    state.db_path = db
    state.quiet = quiet
    _quiet_libraries()


def _quiet_libraries() -> None:
    """pdfminer logs font quirks of ordinary PDFs as warnings; the user need not see them."""
    import logging

    for name in ("pdfminer", "pdfplumber", "pypdfium2"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _db():
    from .db import connect

    return connect(state.db_path)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (walked recursively).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes that read files.")] = 1,
) -> None:
    """Read papers into the database: one transaction per document, the same content only once."""
    from .db import store
    from .files import expand
    from .parse import parse

    files, failures = [], []
    for path, problem in expand(paths):
        if problem:
            failures.append(problem)
        else:
            files.append(path)
    db = _db()
    totals = {"documents": 0, "meetings": 0, "actions": 0, "unchanged": 0}

    def handle(parsed) -> None:
        if parsed.error:
            failures.append(parsed.error)
            err.print(f"error: {parsed.error}", markup=False, highlight=False)
            return
        try:
            result = store(db, parsed.document, parsed.meetings)
        except Exception as exc:  # the database refused: report it, keep going with the others
            failures.append(f"{parsed.path}: not stored ({type(exc).__name__}: {exc})")
            err.print(f"error: {failures[-1]}", markup=False, highlight=False)
            return
        if result.duplicate:
            totals["unchanged"] += 1
            if not state.quiet:
                out.print(f"unchanged: {parsed.path} (already ingested)", markup=False, highlight=False)
            return
        totals["documents"] += 1
        totals["meetings"] += result.meetings
        totals["actions"] += result.actions

    for problem in failures:
        err.print(f"error: {problem}", markup=False, highlight=False)
    show = not state.quiet and len(files) > 3 and sys.stderr.isatty()
    from rich.progress import Progress

    with Progress(console=err, disable=not show, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for parsed in _parse_all(files, jobs, parse):
            handle(parsed)
            progress.advance(task)
    if not state.quiet:
        out.print(
            f"{totals['documents']} documents stored, {totals['meetings']} meetings, {totals['actions']} actions"
            f"; {totals['unchanged']} unchanged; {len(failures)} failed", markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


def _parse_all(files: list[str], jobs: int, parse):
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield parse(path)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(parse, files, chunksize=1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, TXT, Markdown or HTML file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the extraction contract as JSON.")] = False,
    trace: Annotated[bool, typer.Option("--trace", help="With --json: add each record's source, rule and confidence.")] = False,
) -> None:
    """Show what a document holds, without storing it."""
    from .extract import to_contract
    from .parse import parse

    parsed = parse(str(file))
    if parsed.error:
        err.print(f"error: {parsed.error}", markup=False, highlight=False)
        raise typer.Exit(1)
    data = to_contract(parsed.document, parsed.meetings, trace=trace)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for m in data["meetings"]:
        out.print(f"[bold]{m['kind']}[/] {m['body'] or '?'} {m['date'] or 'date unknown'}"
                  f"  {len(m['attendees'])} attendees, {len(m['items'])} items, "
                  f"{len(m['resolutions'])} resolutions, {len(m['actions'])} actions")
        for a in m["actions"]:
            owners = ", ".join(a["owners"]) or "no owner"
            out.print(f"  - {a['text']}  [{owners}]" + (f" due {a['due']}" if a["due"] else ""), markup=False)


def _emit(rows: list[dict], as_json: bool, as_csv: bool, columns: list[str], title: str) -> None:
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["; ".join(row[c]) if isinstance(row[c], list) else ("" if row[c] is None else str(row[c]))
                        for c in columns])
    out.print(table)


@app.command()
def meetings(
    body: Annotated[str | None, typer.Option(help="Only this body (committee).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """List the meetings stored."""
    from .db.queries import meetings as list_meetings

    rows = list_meetings(_db(), body)
    _emit(rows, as_json, as_csv, ["body", "kind", "date", "attendees", "items", "resolutions", "actions", "document"],
          "Meetings")


@app.command()
def actions(
    body: Annotated[str | None, typer.Option(help="Only this body (committee).")] = None,
    owner: Annotated[str | None, typer.Option(help="Only actions this person or role owns.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only open actions.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """List the actions stored, with their references, owners and status."""
    from .db.queries import actions as list_actions

    rows = list_actions(_db(), body=body, owner=owner, open_only=open_only, with_history=as_json)
    if as_json:
        rows = [{k: r[k] for k in ("ref", "body", "meeting_date", "item", "text", "owners", "due", "status",
                                   "overdue", "opened_in", "history")} for r in rows]
    _emit(rows, as_json, as_csv, ["ref", "body", "meeting_date", "item", "owners", "due", "status", "text"],
          "Open actions" if open_only else "Actions")


def main() -> None:
    """Entry point: usage errors exit 2, failed inputs 1."""
    try:
        app(prog_name="minutes")
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
