"""When an action given a relative due ('next meeting', 'next week', 'end of April') falls due.

Minutes rarely print a due date; most say "by the next meeting". Read against the date the action was
raised and the body's later meetings, those words give a date, so the digest can call the action overdue
once that meeting has come and gone with the action still open. Words that give no date ("ASAP", "once
completed") give none: nothing is called overdue on a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..extract.dates import BUT_ONE, MONTH_NUMBER, MONTHS

_MONTH = rf"(?:{MONTHS})"  # a month's spellings, not any word that starts like one ('Decision', 'Junior')
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a due the minutes gave as a date: nothing to work out
SAME_MEETING = 14  # days: a meeting held this close after the day the minutes stated is the one they meant
AHEAD = 800  # days: no due words set a day further off than this (a typo's '5000 years')
# 'next meeting', 'the next board meeting', 'before the next parent council meeting', 'next time'
NEXT_MEETING = re.compile(
    rf"\bnext\s+(?:[\w&'-]+\s+){{0,3}}?meeting\b|\bnext\s+time\b|^(?:upcoming|following)\s+meeting|\b(?:{BUT_ONE})\b"
)
# 'December board meeting', 'the January 2019 board meeting', 'April meeting'
MONTH_MEETING = re.compile(rf"\b(?P<month>{_MONTH})\b(?:\s+\d{{4}})?\s+(?:[\w&'-]+\s+){{0,2}}?meeting\b")
_BUT_ONE = re.compile(BUT_ONE)
_LEAD = re.compile(r"^(?:by|before|prior\s+to|ahead\s+of|in\s+advance\s+of|for|at|the|(?:the\s+)?end\s+of)\s+")
_WITHIN = re.compile(r"^within\s+")
THIS_WEEK = re.compile(r"(?:this|the)\s+week")
_THIS_MONTH = re.compile(r"(?:(?:this|the)\s+)?month")


def due_by(words: str | None, raised: date | None, meetings: list[date], stated: date | None = None) -> date | None:
    """The date `words` set, for an action raised on `raised`; `meetings` are the body's meeting dates, and
    `stated` the next meeting's day as the raising minutes give it, which outranks the papers stored (a gap
    in them would otherwise put 'next meeting' months late)."""
    if not words or raised is None:
        return None
    text = _lead_off(" ".join(words.lower().split()))
    later = sorted(d for d in meetings if d > raised)
    if NEXT_MEETING.search(text):
        if stated is not None and stated > raised:  # a meeting stored within a fortnight of it is that meeting
            later = [stated, *(d for d in later if (d - stated).days > SAME_MEETING)]
        skip = 1 if _BUT_ONE.search(text) else 0  # 'the next meeting but one': the meeting after the next
        return later[skip] if len(later) > skip else None
    month = MONTH_MEETING.search(text)
    if month:
        number = MONTH_NUMBER[month.group("month")[:3]]
        year = re.search(r"\d{4}", month.group(0))  # 'the February 2023 meeting' is that year's
        known = sorted({*later, *([stated] if stated is not None and stated > raised else [])})  # 'the March
        # meeting' is the next meeting the minutes date in March, stored or not
        held = [d for d in known if d.month == number and (year is None or d.year == int(year.group(0)))]
        if held:
            return held[0]
    return _calendar(text, raised)


@lru_cache(maxsize=4096)  # a body's replay reads the same words again at every paper stored
def _calendar(text: str, raised: date) -> date | None:
    """'next week', 'tomorrow', 'in 2 weeks', 'end of April', 'March 2011': dateparser, from the day raised,
    a month alone meaning its last day."""
    import dateparser

    if THIS_WEEK.fullmatch(text):  # 'this week', 'end of this week': its Sunday
        return raised + timedelta(days=6 - raised.weekday())
    if _THIS_MONTH.fullmatch(text):  # 'by the end of the month', 'end of month': the month raised in
        return (raised.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    text = _WITHIN.sub("in ", MONTH_MEETING.sub(_month_of, text))
    if not re.search(
        rf"\b(?:{_MONTH}|week|weeks|days?|month|months|tomorrow|today|monday|tuesday|wednesday|"
        r"thursday|friday)\b",
        text,
    ):
        return None  # 'ASAP', 'once completed', 'summer term'
    from datetime import datetime

    settings = {
        "RELATIVE_BASE": datetime(raised.year, raised.month, raised.day),
        "PREFER_DATES_FROM": "future",
        "PREFER_DAY_OF_MONTH": "last",
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed and 0 <= (parsed.date() - raised).days <= AHEAD else None


def _month_of(meeting: re.Match) -> str:
    """'the february 2023 board meeting' -> 'february 2023': the month, and the year where one is printed."""
    year = re.search(r"\d{4}", meeting.group(0))
    return f"{meeting.group('month')} {year.group(0)}" if year else meeting.group("month")


def _lead_off(text: str) -> str:
    """'by the end of', 'prior to the', 'ahead of': the words before the when."""
    while True:
        shorter = _LEAD.sub("", text)
        if shorter == text:
            return text
        text = shorter
