"""The clerk's agenda pack as one Word file, rendered with docxtpl from a template a clerk can restyle.

The template is `templates/agenda_pack.docx` (built by templates/build_agenda_template.py),
an edited copy named by MINUTES_TEMPLATES, or the clerk's own file given with --template.
Values are escaped (autoescape) and stripped of characters XML cannot hold, so
document text with `<`, `&` or `{{ }}` in it is printed as text, never run.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from ..extract.model import item_reference
from ..marks import with_mark
from .action_log import log_rows, summary
from .agenda import Draft, clean_title, clock, label, long_date
from .templating import TEMPLATES

TEMPLATE = "agenda_pack.docx"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STATUS = {"apologies": "Apologies", "absent": "Absent"}
_CATEGORY = {"member": "members", "officer": "officers", "observer": "observers"}


class TemplateProblem(ValueError):
    """The template cannot be opened or rendered: not a Word file, or broken tags."""


def default_template() -> Path:
    edited = os.environ.get("MINUTES_TEMPLATES")
    if edited and (Path(edited) / TEMPLATE).is_file():
        return Path(edited) / TEMPLATE
    return TEMPLATES / TEMPLATE


def _clean(value):
    """Every string on one line, without control characters Word would refuse."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", _CONTROL.sub(" ", value)).strip()
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _attendance(people: list[dict]) -> list[dict]:
    groups: dict[str, list[str]] = {}
    for person in people:
        if person["status"] == "present":
            group = f"Present ({_CATEGORY[person['category']]})" if person["category"] in _CATEGORY else "Present"
        else:
            group = _STATUS.get(person["status"], person["status"].capitalize())
        detail = person["role"] or person["organisation"]
        if detail and detail.strip().lower() == person["name"].strip().lower():
            detail = None  # 'Clerk', the post itself: not 'Clerk (Clerk)'
        groups.setdefault(group, []).append(f"{person['name']} ({detail})" if detail else person["name"])
    order = ["Present (members)", "Present", "Present (observers)", "Present (officers)", "Apologies", "Absent"]
    ranked = sorted(groups, key=lambda g: order.index(g) if g in order else len(order))
    return [{"label": g, "names": "; ".join(groups[g])} for g in ranked]


def minutes_context(meeting: dict, body: str) -> dict:
    """The previous meeting's minutes as extracted: attendance, then each item with its resolutions and actions."""
    when = long_date(meeting["date"], weekday=True) if meeting["date"] else "date not found"
    times = " to ".join(t for t in (clock(meeting["start_time"]), clock(meeting["end_time"])) if t)
    heading = ", ".join(p for p in (body, when, times, meeting["location"]) if p)
    numbers = [item_reference(i["number"], i["parent"], i["title"]) for i in meeting["items"]]  # as records name them
    items = [
        {
            "number": f"{i['number']}." if (i["number"] or "").isdigit() else i["number"] or "",
            "title": clean_title(i["title"]),
            "summary": i.get("summary") or "",
            "resolutions": [],
            "actions": [],
        }
        for i in meeting["items"]
    ]
    loose = {"number": "", "title": "Other records (item not found)", "summary": "", "resolutions": [], "actions": []}

    def home(number: str | None) -> dict:
        return items[numbers.index(number)] if number in numbers else loose

    for r in meeting["resolutions"]:
        home(r["item"])["resolutions"].append(r["text"])
    for a in meeting["actions"]:
        home(a["item"])["actions"].append(
            {
                "ref": a["ref"],
                "text": a["text"],
                "owners": ", ".join(a["owners"]),
                "due": a["due"] or "",  # as these minutes word it
                "status": a.get("reported") or "",  # as these minutes recorded it: "Action complete"
            }
        )
    if loose["resolutions"] or loose["actions"]:
        items.append(loose)
    return {
        "heading": heading,
        "label": label(meeting),
        "document": Path(meeting["document"]).name,
        "attendance": _attendance(meeting["attendance"]),
        "entries": items,
    }


_FOR_THE_CLERK = re.compile(
    r"[^.:”\"]*\b(?:keep it|move it|check it|check whether|delete (?:it|if)|add its minutes|"
    r"not on the (?:agenda|papers) of)\b[^.]*\.?",
    re.I,
)


# why the clerk's draft holds an item, which members do not need: 'Standing item: on the papers of 3 of the last 4
# meetings.'; the words that sent an item forward stay, without the clerk's lead-in
_WHY_HERE = re.compile(r"^\s*Standing item:[^.]*\.\s*", re.I)
_SENT_HERE = re.compile(
    r"^\s*Sent to (?:this meeting|the meeting after [^:]+):\s*[“\"](?P<words>.*?[.?!])[”\"](?=\s|$)\s*", re.I
)


def for_members(note: str | None) -> str:
    """An item's note as members read it: the clerk's instructions and checks ('keep it here if ...', 'Not on
    the agenda of ...') and why the draft holds the item taken out, what the item is about kept."""
    text = _WHY_HERE.sub("", note or "")
    sent = _SENT_HERE.match(text)
    words, text = (sent.group("words").strip(), text[sent.end() :]) if sent else ("", text)
    text = re.sub(r"\s{2,}", " ", _FOR_THE_CLERK.sub("", text)).strip(" :;")  # the minutes' own words kept whole
    text = " ".join(part for part in (words, text) if part)
    return text + "." if text and text[-1].isalnum() else text


def pack_context(
    agenda: Draft | None,
    body: str,
    organisation: str | None,
    actions: list[dict],
    as_of: date,
    minutes: dict | None,
    notes: bool = True,
) -> dict:
    """Everything the template shows. Without an agenda it is the action log alone. Without `notes`, the pack is
    clean to send: each item's words stay, the clerk's 'check it' remarks and the sources go."""
    context = {
        # a council that is its own body is named once
        "organisation": organisation if organisation and organisation.casefold() != body.casefold() else "",
        "body": body,
        "agenda": agenda is not None,
        "items": [],
        "meeting": {"when": "", "location": "", "notes": []},
        "log": {"summary": summary(body, len(actions), as_of), "actions": log_rows(actions)},
        "minutes": minutes_context(minutes, body) if minutes else None,
        "running_header": f"{body} – action log – {long_date(as_of)}",
        "notes": notes,
    }
    if agenda is not None:
        when = long_date(agenda.day, weekday=True) + (f" at {agenda.time}" if agenda.time else "")
        context["meeting"] = {"when": when, "location": agenda.location or "", "notes": agenda.notes if notes else []}
        context["items"] = [
            {
                "number": e.number,
                "title": e.title,
                "note": e.note if notes else for_members(e.note),
                "source": e.source if notes else "",
                "kind": e.kind,
            }
            for e in agenda.entries
        ]
        context["running_header"] = f"{body} – {long_date(agenda.day)} – {'draft ' if notes else ''}agenda pack"
    return _clean(context)


def write_pack(context: dict, out: Path, template: Path | None = None) -> None:
    """Render the template and write the file whole (a temporary file, then renamed), or raise TemplateProblem."""
    from docxtpl import DocxTemplate

    path = template or default_template()
    try:
        document = DocxTemplate(str(path))
        document.render(context, autoescape=True)
        properties = document.docx.core_properties
        properties.keywords = with_mark(properties.keywords)  # so that ingest knows it for ours
        properties.title = context.get("running_header") or properties.title  # not the template's 'Agenda pack'
    except Exception as exc:  # a clerk's file may be anything: say which and why, in one line
        cause = str(exc).splitlines()[0] if str(exc) else ""
        raise TemplateProblem(f"{path}: not usable as a pack template ({type(exc).__name__}: {cause})") from None
    partial = out.with_name(f".{out.name}.partial")
    try:
        document.save(str(partial))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
