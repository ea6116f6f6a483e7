"""One action shown in full for a terminal: what, who, by when, and its history from meeting to meeting."""

from __future__ import annotations

from .action_log import short_date
from .templating import render


def card(action: dict) -> str:
    """The action as `minutes action show` prints it (templates/action.txt.j2, which an officer may edit)."""
    raised = short_date(action["meeting_date"]) or "an undated meeting"
    if action["item"]:
        raised += f", item {action['item']}"
    history = [{**h, "when": short_date((h["meeting_date"] or h["at"] or "")[:10]) or "-"} for h in action["history"]]
    return render("action.txt.j2", a={**action, "history": history}, raised=raised)
