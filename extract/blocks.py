"""Lines to paragraphs: what a reader sees as one piece of text.

PDF lines are cut where the page is full; Word and text paragraphs are whole.
A line continues the one above when that one ran to the margin, left a bracket
open or broke mid-sentence, and the new line does not start something of its
own (a number, a bullet, a label such as ACTION or RESOLVED).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..ingest.model import Line
from .model import Found, Source
from .rules import confidence

_STARTS = re.compile(
    r"^(?:\(\d{2}-\d{3,5}\)|\(?[a-zA-Z]\)|[IVX]{1,5}\.\s+[A-Z]|\*?[A-Z]\.\s+[A-Z]|\(?[ivxIVX]{1,4}\)|\d{1,3}(?:\.\d{1,3})*[.)]?\s|(?!19|20)(?:[1-9]\d{3}\.|(?!(?:1\d|2[0-3])[0-5]\d)[1-9]\d{3}:)\s+(?-i:[A-Z])|[A-Z]{1,5}\s?\d+/\d+|[A-Z]{1,5}/\d+/\d+|\d+/\d+|"
    r"action\b|actions\b|resolved\b|agreed\s*[:\-–]|decision\s*:|present\b|apologies\b|absent\b|"
    r"in attendance\b|also present\b|attendees\b|q\.|a\.\s|(?-i:[A-Z][a-z]+(?:\s[a-z]+)?):\s|"
    r"(?-i:[A-Z][a-z]+):$|\((?-i:[A-Z]{2,4})\)\s)",  # 'Discussion:' alone: a label, not a sentence's end
    re.I,
)
_LETTERED = re.compile(r"^(?:\(?[a-z]{1,4}\)|[a-z]\.\s)")
_LOWER_START = re.compile(r"[a-z(]")
# a line that cannot end a paragraph: a comma, a joining word, a dash, or a title before its name ('... Mr')
_OPEN_END = re.compile(
    r"(,|\b(?:and|or|of|the|to|for|at|in|on|with|by|from|a|an)|[-–]|"
    r"\b(?:Mr|Mrs|Ms|Miss|Cllr|Councillor|Sir|Dame|Lady|Lord|Rev|Revd|Prof))$"  # not 'Dr': '200 Oak Dr' ends
)
_DANGLING = re.compile(r"\b(?:of|the|to|for|at|in|on|with|by|from|a|an)$")
_DAY_MONTH_END = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)$",
    re.I,
)
_YEAR_START = re.compile(r"(?:19|20)\d\d\b(?![./:]\d|\.\s+[A-Z])")  # not "2045. Planning": a minute's number
_LIST_END_NAME = re.compile(r",[^,]*,[^,]*\b[A-Z][a-z]+$")
_NAME_GOES_ON = re.compile(r"^[A-Z][\w'’\-]+\s*[,(–-]")
_TERMINAL = re.compile(r"[.!?:;]['\")”’]?$")


@dataclass
class Block:
    """A paragraph made of one or more lines, with the lines kept for its source."""

    lines: list[Line] = field(default_factory=list)
    _text: tuple[int, str] = field(default=(0, ""), init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The lines joined; kept until a line is added, as every rule reads it again and again."""
        if self._text[0] != len(self.lines):
            self._text = (len(self.lines), " ".join(line.text for line in self.lines))
        return self._text[1]

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def page(self) -> int | None:
        return self.first.page

    @property
    def cell(self) -> tuple[int, int, int] | None:
        return self.first.cell

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def heading(self) -> int | None:
        return self.first.heading

    @property
    def indent(self) -> int:
        return self.first.indent

    def source(self) -> Source:
        return Source(self.first.index, self.last.index, self.first.page, self.last.page, self.first.at)

    def found(self, rule: str, until: Block | None = None) -> Found:
        """Where a record was read (this block, to `until`), the rule that read it and its confidence."""
        source = self.source()
        ocr = any(line.ocr for line in self.lines)
        if until is not None:
            source.last_line, source.last_page = until.last.index, until.last.page
            ocr = ocr or any(line.ocr for line in until.lines)
        return Found(source, rule, confidence(rule, ocr))


def starts_something(line: Line) -> bool:
    if line.number is not None or line.heading is not None:
        return True
    if line.text[:1].islower() and not _LETTERED.match(line.text):
        return False  # "resolved to take over these payments." goes on with the sentence above
    return bool(_STARTS.match(line.text))


def continues(block: Block, line: Line) -> bool:
    """Whether `line` goes on with the paragraph `block` holds: the first rule with a verdict decides."""
    for rule in _JOINING:
        verdict = rule(block, line)
        if verdict is not None:
            return verdict
    last = block.last
    return bool(_LOWER_START.match(line.text)) or bool(_OPEN_END.search(last.text))


def _another_cell_or_heading(block: Block, line: Line) -> bool | None:
    last = block.last
    return False if line.cell != last.cell or line.heading != last.heading else None


def _blank_line_above(block: Block, line: Line) -> bool | None:
    """In typed text a blank line ends the paragraph above: 'Actions' / (blank) / '(AB) Book the hall'."""
    return False if line.gap and line.page is None and line.cell is None else None


def _change_of_weight(block: Block, line: Line) -> bool | None:
    """A change of weight starts something, unless a sentence runs on past the margin."""
    last = block.last
    runs_on = last.wrapped and not _TERMINAL.search(last.text) and line.text[:1].islower()
    return False if line.bold != last.bold and not runs_on else None


def _number_after_dangling_word(block: Block, line: Line) -> bool | None:
    """'... appointed as internal auditor for' / '2023/24 at a fee of £275.'; a date broken before its
    year: '... held on 19 December 2024 and 9 January' / '2025 and, if in order, ...'."""
    last = block.last
    dangling = _DANGLING.search(last.text) or (_DAY_MONTH_END.search(last.text) and _YEAR_START.match(line.text))
    return True if dangling and line.text[:1].isdigit() and line.page == last.page else None


def _bracket_closing_in_cell(block: Block, line: Line) -> bool | None:
    """'(item' / 'QC/24/09)': a bracket in a cell closes on its next line."""
    open_bracket = block.text.count("(") > block.text.count(")")
    return True if line.cell is not None and open_bracket and ")" in line.text else None


def _square_bracket_closing(block: Block, line: Line) -> bool | None:
    """'[ACTION: Travel team to provide' / 'information]': a marker's bracket closes on the next line,
    whatever its weight."""
    open_square = block.text.count("[") > block.text.count("]")
    return True if open_square and "]" in line.text and len(line.text.split()) <= 12 else None


def _new_start(block: Block, line: Line) -> bool | None:
    return False if starts_something(line) or line.indent > block.last.indent else None


def _heading_in_capitals(block: Block, line: Line) -> bool | None:
    """'AGENDA ITEMS' over the first item's line is a heading of its own; so is 'CORRESPONDENCE –', its dash
    left open with nothing to report, over the next heading in capitals."""
    if _caps(line.text) and _caps(block.text) and block.text.rstrip().endswith(("–", "—", " -")):
        return False
    if line.text[:1].islower() or _caps(line.text):
        return None
    return False if _caps(block.text) and not _STARTS.match(block.text) else None


def _page_break(block: Block, line: Line) -> bool | None:
    """A sentence broken by the page end goes on in lower case on the next page."""
    last = block.last
    if line.page == last.page or last.wrapped:
        return None
    return not _TERMINAL.search(last.text) and bool(re.match(r"[a-z]", line.text))


def _open_bracket_or_wrap(block: Block, line: Line) -> bool | None:
    return True if block.text.count("(") > block.text.count(")") or block.last.wrapped else None


def _long_pdf_line(block: Block, line: Line) -> bool | None:
    """A long PDF line that ends mid-sentence runs on, whatever the page's widest line."""
    last = block.last
    past_heading = len(block.lines) > 1 or not starts_something(block.first)  # never past a heading's line
    long_lines = len(last.text) >= 75 and len(line.text) >= 40
    mid_sentence = not _TERMINAL.search(last.text) and line.text[:1].isupper()
    if _PERSON_ENTRY.match(last.text) and _PERSON_ENTRY.match(line.text):
        return None  # 'David Attridge, Operations Manager at ...' over 'George Martin, Facilities ...': length proves
        # nothing in a list of one person a line; the rules below still join a line left open ('..., Bob Diaz,')
    return True if last.page is not None and past_heading and long_lines and mid_sentence else None


# a list's entry of one person: 'George Martin, Facilities Manager at ...', 'PC Alice Bennett, Neighbourhood ...'
_PERSON_ENTRY = re.compile(r"^(?:[A-Z][A-Za-z]{1,4}\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2},\s+[A-Z]")


# 'Green. Councillors will look ...' under '... onto the Village': a capitalised word ends the sentence above
_LAST_WORD = re.compile(
    r"^(?!(?i:agreed|carried|noted|approved|resolved|lost|passed|accepted|deferred|declined|adopted|withdrawn|"
    r"rejected|refused|defeated|ratified|endorsed|unanimous|seconded|none|nil)\b)[A-Z][a-z]+[.,;]"
)


def _last_word_of_the_sentence(block: Block, line: Line) -> bool | None:
    """A long printed line left mid-sentence goes on with one word and a full stop or comma on the next,
    heading or not: no sentence is one word (an outcome, 'Carried.', stands apart)."""
    last = block.last
    ends_open = len(last.text) >= 60 and not _TERMINAL.search(last.text)
    return True if last.page is not None and ends_open and _LAST_WORD.match(line.text) else None


def _name_broken_in_list(block: Block, line: Line) -> bool | None:
    """A name broken at the line's end in a list: '..., Amrit' / 'Bhogal (AB), ...'."""
    broken = _LIST_END_NAME.search(block.last.text)
    return True if broken and _NAME_GOES_ON.match(line.text) else None


def _sentence_ended(block: Block, line: Line) -> bool | None:
    return False if _TERMINAL.search(block.last.text) else None


_JOINING = (
    _another_cell_or_heading,
    _square_bracket_closing,
    _blank_line_above,
    _change_of_weight,
    _number_after_dangling_word,
    _bracket_closing_in_cell,
    _new_start,
    _heading_in_capitals,
    _page_break,
    _open_bracket_or_wrap,
    _last_word_of_the_sentence,
    _long_pdf_line,
    _name_broken_in_list,
    _sentence_ended,
)


def _caps(text: str) -> bool:
    """Written in capitals, leaving aside what is in brackets: 'AGENDA ITEMS (CONTINUED)'."""
    if "(" in text:
        text = re.sub(r"\([^)]*\)", "", text)
    if any(c.isalpha() and not c.isupper() for c in text):
        return False  # stops at the first small letter: most lines are not in capitals
    return sum(c.isalpha() for c in text) >= 3


def paragraphs(lines: list[Line]) -> list[Block]:
    out: list[Block] = []
    for line in lines:
        if out and continues(out[-1], line):
            out[-1].lines.append(line)
        else:
            out.append(Block([line]))
    return out


# a clause starts after , ; or :, before "and The...", and after a spaced dash ("Topic – the Clerk to ...")
_CLAUSE = re.compile(r"(?:[,;:]\s+|\s+(?=and\s+(?:the\s+)?[A-Z])|\s+[–—-]\s+)")
_LEAD = re.compile(r"^(?:and|then|firstly|secondly|finally|also|so|but)\s+", re.I)


_NAME_BEFORE = re.compile(r"\b(?:Messrs|Mesdames|Cllrs|Councillors|Trustees|Members)\s+[A-Z][a-z]+$")
MAX_CLAUSES = 40  # a sentence of thousands of comma clauses is a list, not an undertaking: read its first 40


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) for the parts of a sentence that could carry their own subject."""
    out = [(0, sentence)]
    for m in itertools.islice(_CLAUSE.finditer(sentence), MAX_CLAUSES):
        if not m.group().strip() and _NAME_BEFORE.search(sentence, 0, m.start()):
            continue  # "to enable Messrs Tiley and Egan to speak": 'and' joins two names, not two clauses
        rest = sentence[m.end() :]
        lead = _LEAD.match(rest)
        offset = m.end() + (lead.end() if lead else 0)
        out.append((offset, sentence[offset:]))
    return out


# titles printed with a full stop before a name ('Messrs. B. Mooney'): the stop ends no sentence
TITLES = ("Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Cllr", "Prof", "Rev", "Revd", "Supt", "Insp", "Sgt", "St")
_ABBREVIATION = re.compile(rf"(?:\b(?:{'|'.join(TITLES)}|No|Nos|e\.g|i\.e|etc|approx|vs)|\b[A-Z])\.$")
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)  # "the Dec. 14, 2017 minutes"


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations and initials whole."""
    parts = re.split(r"(?<=[.!?…])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9£])", text)
    out: list[str] = []
    for part in parts:
        if out and (_ABBREVIATION.search(out[-1]) or _MONTH_ABBREVIATION.search(out[-1]) and part[:1].isdigit()):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [s.strip() for s in out if s.strip()]
