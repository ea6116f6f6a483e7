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


def _sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def done(out: Path) -> set[str]:
    """The sources an output file already holds; a line cut short by a killed run is removed first."""
    if not out.exists():
        return set()
    _drop_partial_line(out)
    sources = set()
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            sources.add(json.loads(line)["source"])
    return sources


def _drop_partial_line(out: Path) -> None:
    """Cut the file back to its last newline: only whole lines were ever finished."""
    with out.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        keep, step = size, 1 << 16
        while keep > 0:
            start = max(0, keep - step)
            handle.seek(start)
            chunk = handle.read(keep - start)
            at = chunk.rfind(b"\n")
            if at != -1:
                keep = start + at + 1
                break
            keep = start
        if keep != size:
            handle.truncate(keep)


def write(out: Path, records: Iterable[dict]) -> Iterator[dict]:
    """Append each record as one line as it comes (flushed, so a killed run loses at most one line)."""
    with out.open("a", encoding="utf-8") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
            handle.flush()
            yield rec


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
