"""The public JSON of extraction, exactly as ../shared/contract/extraction.schema.json says."""

from __future__ import annotations

from typing import Any

from ..ingest.model import Document
from .model import Found, Meeting


def to_contract(document: Document, meetings: list[Meeting], trace: bool = False) -> dict[str, Any]:
    """The contract's document; with `trace`, each record also says where it came from and why."""
    return {
        "document": {
            "path": document.path,
            "sha256": document.sha256,
            "format": document.format,
            "pages": document.pages,
        },
        "meetings": [_meeting(m, [line.at for line in document.lines] if trace else None) for m in meetings],
    }


def _found(found: Found, at: list[int | None]) -> dict[str, Any]:
    """`lines` index the document's lines; `printed_lines` are what a reader counts (see Line.at)."""
    s = found.source
    printed = [_at(at, s.first_line), _at(at, s.last_line)]
    return {
        "rule": found.rule,
        "confidence": round(found.confidence, 2),
        "source": {
            "pages": [s.first_page, s.last_page],
            "lines": [s.first_line, s.last_line],
            "printed_lines": printed if None not in printed else None,
        },
    }


def _at(at: list[int | None], index: int) -> int | None:
    return at[index] if 0 <= index < len(at) else None


def _meeting(m: Meeting, at: list[int | None] | None) -> dict[str, Any]:
    """The meeting as the contract has it; with `at` (the lines' printed positions), traced."""

    def extra(found: Found) -> dict[str, Any]:
        return _found(found, at) if at is not None else {}

    return {
        "kind": m.kind,
        "body": m.body,
        "organisation": m.organisation,
        "date": m.date,
        "start_time": m.start_time,
        "end_time": m.end_time,
        "location": m.location,
        "attendees": [
            {
                "name": a.name,
                "status": a.status,
                "category": a.category,
                "role": a.role,
                "organisation": a.organisation,
                **extra(a.found),
            }
            for a in m.attendees
        ],
        "items": [
            {"number": i.number, "title": i.title, "parent": i.parent, "presenters": i.presenters, **extra(i.found)}
            for i in m.items
        ],
        "resolutions": [{"item": r.item, "text": r.text, **extra(r.found)} for r in m.resolutions],
        "actions": [
            {"item": a.item, "text": a.text, "owners": a.owners, "due": a.due, **extra(a.found)} for a in m.actions
        ],
        **extra(m.found),
    }
