"""Dates and times as minutes print them: day first in the UK, month first in the US."""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:\s?(?:st|nd|rd|th){1,2})?"  # "10thth September": a typed suffix doubled
DAY_FIRST = re.compile(  # "Tuesday 14th March 2023", "15-Feb-2020"
    rf"\b{_WEEKDAY}(?:the\s+)?(\d{{1,2}}){_ORD}(?:\s+|-)(?:of\s+)?({MONTHS})\b\.?,?(?:(?:\s+|-)(\d{{4}})\b)?", re.I
)
MONTH_FIRST = re.compile(rf"\b{_WEEKDAY}({MONTHS})\b\.?\s+(\d{{1,2}}){_ORD}\b,?(?:\s+(\d{{4}})\b)?", re.I)
NUMERIC = re.compile(r"(?<![\w/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![/.-]?\d)")
ISO = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)([-/.])(\d\d)\2(\d\d)(?![/.-]?\d)")  # 2021-10-16, 2021-10-16T17:36
_WEEKDAY_NAME = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I)
_TIME = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|"
    r"(?<![\d.:])([01]?\d|2[0-3])[:.]([0-5]\d)\b(?![.:]\d)(?!\s*%)|"  # "18.07.1" is an item's number, never 18:07
    r"(?:(?<=\bat )|(?<=\bfrom )|(?<=\buntil ))([01]\d|2[0-3])([0-5]\d)\b|"
    r"\b([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hours|h)\b",
    re.I,
)


MONTH_NUMBER = {
    m: n
    for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}


@lru_cache(maxsize=4096)
def _parse(text: str, order: str) -> date | None:
    plain = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if plain and plain.group(2)[:3].lower() in MONTH_NUMBER:  # the common case, without loading dateparser
        try:
            return date(int(plain.group(3)), MONTH_NUMBER[plain.group(2)[:3].lower()], int(plain.group(1)))
        except ValueError:
            return None
    import dateparser

    settings = {"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


class _Spans:
    """Spans of text already read as dates, kept sorted: whether a new match overlaps one is a binary
    search, so a line of thousands of dates is read in linear time, not quadratic."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, span: tuple[int, int]) -> bool:
        start, end = span
        k = bisect.bisect_left(self.spans, (end, end))  # spans starting before this one ends
        return any(self.spans[j][1] > start for j in range(max(0, k - 2), k))

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"]
_ORDINAL_WORDS = {
    **{word: n for n, word in enumerate(_UNITS, start=1)},
    **{word: n for n, word in enumerate([*_TEENS, "eighteenth", "nineteenth", "twentieth"], start=10)},
    **{f"twenty-{word}": n for n, word in enumerate(_UNITS, start=21)},
    "thirtieth": 30,
    "thirty-first": 31,
}
# "the Ninth day of OCTOBER, 2004", "this twenty first day of May": a formal notice's day in words
_DAY_IN_WORDS = re.compile(r"\b((?:twenty|thirty)[\s-])?([a-z]+)\s+day\s+of\s+(?=[a-z])", re.I)


def _day_in_figures(m: re.Match) -> str:
    """'Ninth day of ' -> '9 ', 'twenty first day of ' -> '21 '; words that are no day stay as they are."""
    tens = m.group(1).strip().rstrip("-").lower() + "-" if m.group(1) else ""
    n = _ORDINAL_WORDS.get(tens + m.group(2).lower())
    return f"{n} " if n else m.group(0)


def find_dates(text: str, year: int | None = None, us: bool = False) -> list[tuple[date, re.Match]]:
    """Every full date in `text`, in order; a date without a year takes `year` (weekday decides)."""
    text = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)
    text = _DAY_IN_WORDS.sub(_day_in_figures, text)
    found: list[tuple[date, re.Match]] = []
    taken = _Spans()
    patterns = (MONTH_FIRST, DAY_FIRST) if us else (DAY_FIRST, MONTH_FIRST)
    for pattern in patterns:
        for match in pattern.finditer(text):
            if taken.overlaps(match.span()):
                continue
            day, month = (match.group(2), match.group(1)) if pattern is MONTH_FIRST else match.group(1, 2)
            got = _with_year(int(day), month, match.group(3), match.group(0), year)
            if got:
                found.append((got, match))
                taken.add(match.span())
    for match in ISO.finditer(text):
        try:
            found.append((date(int(match.group(1)), int(match.group(3)), int(match.group(4))), match))
            taken.add(match.span())
        except ValueError:
            continue
    for match in NUMERIC.finditer(text):
        if taken.overlaps(match.span()):
            continue
        got = _parse(match.group(0).replace(".", "/"), "MDY" if us else "DMY")
        if got:
            found.append((got, match))
    found.sort(key=lambda pair: pair[1].start())
    return found


def _with_year(day: int, month: str, printed_year: str | None, whole: str, year: int | None) -> date | None:
    if printed_year:
        found = _parse(f"{day} {month} {printed_year}", "DMY")
        weekday = _WEEKDAY_NAME.search(whole)
        if found and weekday and found.strftime("%a").lower() != weekday.group(1).lower()[:3]:
            # "Tuesday 4 April 2016" was a Monday: a slip of one day, the weekday the clerk looked at wins
            for shift in (1, -1):
                near = found + timedelta(days=shift)
                if near.strftime("%a").lower() == weekday.group(1).lower()[:3]:
                    return near
        return found
    if year is None:
        return None
    weekday = _WEEKDAY_NAME.search(whole)
    candidates = [
        _parse(f"{day} {month} {y}", "DMY")
        for y in (year, year - 1, year + 1, year - 2, year + 2, year - 3, year - 4, year - 5, year - 6)
    ]
    candidates = [c for c in candidates if c]
    if weekday:
        for c in candidates:
            if c.strftime("%a").lower() == weekday.group(1).lower()[:3]:
                return c
    return candidates[0] if candidates else None


def find_time(text: str) -> str | None:
    times = find_times(text)
    return times[0] if times else None


def find_times(text: str) -> list[str]:
    """Clock times as HH:MM: '2.00 pm', '7.30pm', '19:30', '1835'."""
    out = []
    for m in _TIME.finditer(text):
        if m.group(3):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= hour <= 12:
                continue
            pm = m.group(3).lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        elif m.group(4):
            hour, minute = int(m.group(4)), int(m.group(5))
        elif m.group(6):
            hour, minute = int(m.group(6)), int(m.group(7))
        else:
            hour, minute = int(m.group(8)), int(m.group(9))
        out.append(f"{hour:02d}:{minute:02d}")
    return out


# the meeting after the next: 'the next meeting but one', 'the next but one meeting', 'the meeting after next'
BUT_ONE = (
    r"next[\s-]+but[\s-]+one\s+(?:\w+\s+){0,2}?meeting|next\s+(?:\w+\s+){0,2}?meeting\s+but\s+one|"
    r"meeting\s+after\s+(?:the\s+)?next"
)
_RELATIVE_WORDS = re.compile(
    rf"\b(?:(?:the\s+)?(?:{BUT_ONE})|(?:the\s+)?next\s+(?:\w+\s+){{0,2}}meeting|"
    rf"(?:the\s+)?(?=(?-i:[A-Z]))(?:{MONTHS})\s+(?:\w+\s+)?meeting|"  # 'at the February meeting', not 'may'
    r"(?:end|middle|beginning|start) of (?:the )?\w+(?:\s+\d{4})?|"
    r"asap|as soon as possible|(?:the\s+)?new year|(?:next|this)\s+(?:week|month|term|year)|"
    r"(?:within|in)\s+(?:\w+\s+)?(?:days?|weeks?|months?))\b",
    re.I,
)
_BUT_ONE = re.compile(BUT_ONE, re.I)
_DUE_LEAD = re.compile(r"\b(?:by|before|due|deadline|no later than|for|at|until|on)\b[:\s]+", re.I)


def due_date(text: str, meeting: date | None, us: bool = False) -> str | None:
    """When an action is due: an ISO date where the words give one, else the words ('next meeting')."""
    base_year = meeting.year if meeting else None
    for lead in _DUE_LEAD.finditer(text):
        tail = text[lead.end() : lead.end() + 60]
        dates = find_dates(tail, base_year, us)
        if dates and dates[0][1].start() < 3:
            found, match = dates[0]
            year_printed = re.search(r"\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}\b", match.group(0))
            if meeting and not year_printed and found < meeting:
                found = found.replace(year=found.year + 1)  # "by 5 January" said in November means next year
            return found.isoformat()
        relative = _RELATIVE_WORDS.match(tail)
        if relative:
            return _relative(relative.group(0), meeting)
    relative = _RELATIVE_WORDS.search(text)
    if relative and _TIMES_THE_TASK.search(relative.group(0)):
        return _relative(relative.group(0), meeting)
    return None


# relative words that time a task wherever they stand ('will report at the next meeting', 'reply within 14
# days'); 'end of April', 'next week' or 'the March meeting' without 'by' or 'at' may say when something else
# happens ('the minutes of the March meeting', 'the money the bank said would come next week')
_TIMES_THE_TASK = re.compile(r"^(?:the\s+)?(?:next\b.*\bmeeting|meeting\s+after\b)|^within\s", re.I)


def _relative(words: str, meeting: date | None) -> str:
    words = re.sub(r"^the\s+", "", words.strip(), flags=re.I)
    lowered = words.lower()
    if meeting and re.match(r"(?:within|in)\s", lowered):
        import dateparser

        base = datetime.combine(meeting, datetime.min.time())
        parsed = dateparser.parse(
            re.sub(r"^within\s", "in ", lowered),
            languages=["en"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"},
        )
        if parsed and parsed.date() > meeting and parsed.date() - meeting < timedelta(days=800):
            return parsed.date().isoformat()
    if "meeting" in lowered:
        if _BUT_ONE.search(lowered):
            return "next meeting but one"
        return "next meeting" if lowered.startswith("next") else words  # 'next board meeting' is the next
    return words
