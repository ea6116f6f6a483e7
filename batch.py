"""Extraction over many files into a JSON Lines file: one line per document, resumable.

Extraction is a pure function of a document's bytes, so it can run anywhere (a process pool, a
Dask cluster: engines.py) and be stored later by `minutes load`. Each line holds the file's path
as given, its sha256, its error (one line, or null), the extraction contract exactly as
`minutes extract --json` prints it, and the meetings in full for `minutes load`.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from .ingest.ocr import Options
from .parse import Parsed


def record(path: str, ocr: Options | None = None) -> dict:
    """One document's line: never raises, a file that cannot be read carries its one-line error."""
    from .extract import to_contract
    from .parse import parse

    parsed = parse(path, ocr)
    if parsed.error is not None:
        return {"source": path, "sha256": _sha256(path), "error": parsed.error}
    return {
        "source": path,
        "sha256": parsed.document.sha256,
        "error": None,
        "extraction": to_contract(parsed.document, parsed.meetings),
        "meetings": [asdict(m) for m in parsed.meetings],
    }


def line(path: str, ocr: Options | None = None) -> tuple[str | None, str]:
    """The document's error and its record as a JSON line, made where it was extracted (in a worker):
    a string crosses between processes far faster than the nested record would."""
    rec = record(path, ocr)
    return rec["error"], json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"


def _sha256(path: str) -> str | None:
    """The file's sha256, when it is a regular file that can be read (a named pipe would block for ever)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def done(out: Path) -> set[str]:
    """The sources an output file holds that need no second run.

    A file that is not one of these is refused (ValueError) before anything in it changes. A line
    cut short by a killed run is removed, and so are the lines of documents that failed, so that a
    rerun tries them again."""
    if not out.exists():
        return set()
    sources, failed, whole = set(), 0, 0
    with out.open(encoding="utf-8", newline="\n") as handle:
        for line in handle:
            if not line.endswith("\n"):
                break  # the last line, cut short
            record = json.loads(line)
            if not isinstance(record, dict) or "source" not in record:
                raise ValueError(f"line {len(sources) + failed + 1} is not a record of `minutes batch`")
            whole += len(line.encode("utf-8"))
            if record.get("error"):
                failed += 1
            else:
                sources.add(record["source"])
    if failed:
        _keep_successes(out)
    elif whole != out.stat().st_size:
        with out.open("rb+") as handle:
            handle.truncate(whole)
    return sources


def _keep_successes(out: Path) -> None:
    """Rewrite the file without its failed and cut-short lines (beside it, then renamed over it)."""
    partial = out.with_name(f".{out.name}.partial")
    with out.open(encoding="utf-8", newline="\n") as source, partial.open("w", encoding="utf-8", newline="\n") as kept:
        for line in source:
            if line.endswith("\n") and not json.loads(line).get("error"):
                kept.write(line)
    os.replace(partial, out)


def write(out: Path, lines: Iterable[tuple[str | None, str]]) -> Iterator[str | None]:
    """Append each line (of `line`) as it comes, flushed, so a killed run loses at most one; yields the errors."""
    with out.open("a", encoding="utf-8", newline="\n") as handle:
        for error, text in lines:
            handle.write(text)
            handle.flush()
            yield error


def read_in_order(path: Path) -> Iterator[Parsed]:
    """The lines of a batch file in the order `minutes ingest` would have read their papers (a folder's files
    before its sub-folders', each by name), not the order the workers finished them: bodies are named, and
    refs given, by the first paper stored, so `load` must store as `ingest` does. One line in memory at a time."""
    places: list[tuple[tuple, int, int]] = []  # (where ingest would meet it, byte offset, line number)
    with path.open("rb") as handle:
        offset = 0
        for number, raw in enumerate(iter(handle.readline, b""), 1):
            if raw.strip():
                places.append((_walk_key(_source_of(raw)), offset, number))
            offset += len(raw)
    if places and all(key == _NOT_A_RECORD for key, _, _ in places):
        yield Parsed(str(path), error=f"{path}: not a batch file (of `minutes batch`): no line is a record")
        return
    with path.open("rb") as handle:
        for _, offset, number in sorted(places):
            handle.seek(offset)
            text = handle.readline().decode("utf-8", errors="replace")
            try:
                yield parsed(text)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                yield Parsed(str(path), error=f"{path}: line {number} is not a batch record ({type(exc).__name__})")


def _source_of(raw: bytes) -> str | None:
    try:
        return str(json.loads(raw)["source"])
    except (ValueError, KeyError, TypeError):
        return None


_NOT_A_RECORD = ((2, ""),)  # after every record, where it is reported


def _walk_key(source: str | None) -> tuple:
    """A folder's files before its sub-folders, each by name, as a walk of the folder meets them."""
    if source is None:
        return _NOT_A_RECORD
    *folders, name = Path(source).parts or ("",)
    return (*((1, part) for part in folders), (0, name))


def parsed(line: str) -> Parsed:
    """A batch line back as what a reading worker hands the writer (see `minutes load`)."""
    from .extract.model import meeting_from_dict
    from .ingest.model import Document

    rec = json.loads(line)
    if rec.get("error"):
        return Parsed(rec["source"], error=rec["error"])
    doc = rec["extraction"]["document"]
    document = Document(doc["path"], doc["sha256"], doc["format"], doc["pages"])
    return Parsed(rec["source"], document, [meeting_from_dict(m) for m in rec["meetings"]])
