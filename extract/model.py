"""What extraction finds: meetings and their records, each with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Source:
    """Where in the document a record was read: pages and line positions (inclusive)."""

    first_line: int
    last_line: int
    first_page: int | None = None
    last_page: int | None = None
    first_at: int | None = None  # the first line as a reader counts it (Line.at): on its page, or in a text file


@dataclass(slots=True)
class Found:
    """Common to every record: its source, the rule that produced it and how sure it is."""

    source: Source
    rule: str
    confidence: float


@dataclass(slots=True)
class Attendee:
    name: str
    status: str  # present | apologies | absent
    found: Found
    category: str | None = None  # member | officer | observer | other
    role: str | None = None
    organisation: str | None = None
    initials: str | None = None  # as the minutes give them, e.g. "(TB)"


@dataclass(slots=True)
class Item:
    number: str | None
    title: str
    found: Found
    parent: str | None = None
    presenters: list[str] = field(default_factory=list)
    summary: str | None = None  # the opening words of its discussion, for the pack (not in the contract)
    forward: list[str] = field(default_factory=list)  # sentences sending business to a later meeting (ditto)


def item_reference(number: str | None, parent: str | None, title: str) -> str:
    """How a record names the item it sits in: its number with its parent's ('(a)' under 83 is '83(a)', '1'
    under 6 is '6.1'; '6.1' is left as printed), or the title of an item without a number."""
    if number is None:
        return title
    if not parent or number.startswith(parent):
        return number
    if number[:1].isdigit():
        return f"{parent}.{number.rstrip('.')}"
    return f"{parent}({number.strip('().')})"


@dataclass(slots=True)
class Resolution:
    item: str | None
    text: str
    found: Found


@dataclass(slots=True)
class Action:
    item: str | None
    text: str
    owners: list[str]
    found: Found
    due: str | None = None
    status: str | None = None  # progress the minutes report beside it ("complete", "carried forward")


@dataclass(slots=True)
class Progress:
    """A report in these minutes on an earlier action: its words and the status they give."""

    text: str
    status: str  # done | open | dropped
    found: Found
    refs: list[str] = field(default_factory=list)  # action references quoted beside it


@dataclass(slots=True)
class Meeting:
    kind: str  # minutes | agenda
    found: Found
    body: str | None = None
    organisation: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)
    next_date: str | None = None  # the next meeting's day as the paper states it (not in the contract)
    dated_by_name: bool = False  # the paper prints no date: it is its file name's (not in the contract)


def meeting_from_dict(data: dict) -> Meeting:
    """A Meeting back from `dataclasses.asdict` (a batch file's lines): what `minutes load` stores."""

    def found(d: dict) -> Found:
        return Found(Source(**d["source"]), d["rule"], d["confidence"])

    def records(cls, rows: list[dict]) -> list:
        return [cls(**{**row, "found": found(row["found"])}) for row in rows]

    nested = ("found", "attendees", "items", "resolutions", "actions", "progress")
    fields = {k: v for k, v in data.items() if k not in nested}
    return Meeting(
        **fields,
        found=found(data["found"]),
        attendees=records(Attendee, data["attendees"]),
        items=records(Item, data["items"]),
        resolutions=records(Resolution, data["resolutions"]),
        actions=records(Action, data["actions"]),
        progress=records(Progress, data.get("progress", [])),
    )
