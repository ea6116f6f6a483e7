"""A body's action log: the rows every format shares, and the text formats (Markdown, HTML, CSV)."""

from __future__ import annotations

import io
from datetime import date

from .export import write_csv
from .templating import render, shown_due

FORMATS = ("docx", "html", "md", "csv")
COLUMNS = ["ref", "text", "owners", "due", "raised", "last_update"]


def short_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%-d %b %Y") if iso else ""


def log_rows(actions: list[dict]) -> list[dict]:
    """What a clerk reads in each row: who, what, by when, raised where, and the last word on it."""
    rows = []
    for a in actions:
        raised = short_date(a["meeting_date"]) or "undated minutes"
        if a["item"]:
            raised += f", item {a['item']}"
        update = a.get("last_update")
        last = ""
        if update:
            when = short_date(update["date"][:10]) if update.get("date") else ""
            last = f"{when}: {update['words']}" if when else update["words"] or ""
        rows.append(
            {
                "ref": a["ref"],
                "text": a["text"],
                "owners": ", ".join(a["owners"]),
                "due": shown_due(a),
                "raised": raised,
                "last_update": last,
                "overdue": a.get("overdue", False),
            }
        )
    return rows


def summary(body: str, count: int, as_of: date) -> str:
    return (
        f"{body}: {count} open action{'s' * (count != 1)} as of {as_of.strftime('%-d %B %Y')}, oldest first."
        if count
        else f"{body}: no open actions as of {as_of.strftime('%-d %B %Y')}."
    )


def log_text(body: str, organisation: str | None, actions: list[dict], as_of: date, fmt: str) -> str:
    rows = log_rows(actions)
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(buffer, list(COLUMNS), rows, lineterminator="\n")
        return buffer.getvalue()
    return render(
        f"action_log.{fmt}.j2",
        body=body,
        organisation=organisation,
        rows=rows,
        summary=summary(body, len(rows), as_of),
        as_of=as_of.isoformat(),
    )
