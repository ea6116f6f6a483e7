"""Meetings and open actions as an iCalendar file: one event per meeting, one to-do per open action."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta


def one_per_meeting(meetings: list[dict]) -> list[dict]:
    """An agenda and the minutes of the same meeting are one event: the minutes' times and place where they
    give them, the agenda's otherwise. Undated papers give no event."""
    by_day: dict[str, dict] = {}
    for m in sorted((m for m in meetings if m["date"]), key=lambda m: m["kind"] != "minutes"):
        kept = by_day.setdefault(m["date"], dict(m))
        for field in ("start_time", "end_time", "location"):
            kept[field] = kept.get(field) or m.get(field)
    return sorted(by_day.values(), key=lambda m: m["date"])


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "body"


def calendar_bytes(body: str, meetings: list[dict], actions: list[dict], stamp: datetime) -> bytes:
    from icalendar import Calendar, Event, Todo

    cal = Calendar()
    cal.add("prodid", "-//minutes//action tracker//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{body}: meetings and actions")
    for m in one_per_meeting(meetings):
        event = Event()
        event.add("uid", f"meeting-{_slug(body)}-{m['date']}@minutes")  # the same in any database: no duplicates
        event.add("dtstamp", stamp)
        event.add("summary", f"{body} meeting")
        day = date.fromisoformat(m["date"])
        if m.get("start_time"):
            start = datetime.combine(day, time.fromisoformat(m["start_time"]))
            end = (
                datetime.combine(day, time.fromisoformat(m["end_time"]))
                if m.get("end_time")
                else start + timedelta(hours=2)
            )
            event.add("dtstart", start)
            event.add("dtend", max(end, start))
        else:
            event.add("dtstart", day)
        if m.get("location"):
            event.add("location", m["location"])
        cal.add_component(event)
    for a in actions:
        todo = Todo()
        todo.add("uid", f"action-{a['ref']}@minutes")
        todo.add("dtstamp", stamp)
        todo.add("summary", f"{a['ref']}: {a['text'][:120]}")
        todo.add(
            "description",
            f"{a['text']}\nOwners: {', '.join(a['owners']) or 'none named'}\n"
            f"Raised at the meeting of {a['meeting_date']}, item {a['item'] or '-'}",
        )
        if a.get("due_date"):
            todo.add("due", date.fromisoformat(a["due_date"]))
        todo.add("status", "NEEDS-ACTION")
        cal.add_component(todo)
    return cal.to_ical()
