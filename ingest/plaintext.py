"""Plain text and Markdown, including the HTML fragments that exports leave in them."""

from __future__ import annotations

import html
import re

from .model import Line
from .webpage import html_lines

# the tags that exports leave in text; anything else (<script>, <b>-less prose about HTML) is the words themselves
_TAG = re.compile(
    r"</?(?:p|u|b|i|em|strong|ul|ol|li|dl|dt|dd|br|span|div|table|tr|td|th|h[1-6]|font|sup|sub|a)(?:\s[^<>]*)?/?>", re.I
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{#[^{}]*\})?\s*#*\s*$")  # "{#item_15}": pandoc's heading id
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([^=\s].*?)\s*={1,6}$")  # "== Attendees ==": a wiki's heading, kept as text
_BULLET = re.compile(r"^(\s*)(?:[-*+•·▪●○■◦]|\\-|:(?=\s{1,4}\S))\s+(?=\S)")  # ":   " opens a definition (pandoc)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_ITALIC = re.compile(  # "*Ann Lee, Bob Day*", "_requires login_"
    r"(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w\\])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)"
)
_EMPTY_LINK = re.compile(r"\[\]\([^()\s]*\)")  # "### [](https://...#actions)Actions": a page's anchor, no words
# "[Resumable Uploads](https://...)", "[from template][template]": a link reads as its words
_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\[\]]*\])")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z][\w\- ]{0,30}):\s*(.*)$")
# what a site generator's header says of the meeting; its layout, tags and edit dates say nothing of it
_MEETING_KEYS = re.compile(
    r"title|date|time|start|end|location|place|venue|body|committee|chair|members?|present|attendees|attending|apologies|"
    r"absent|regrets|minutes|notetaker|secretary|scribe|agenda|quorum|next[-_ ]?meeting|directors|trustees|"
    r"governors|councillors|officers|guests|observers|participants",
    re.I,
)


def front_matter(text: str) -> tuple[list[Line], str, int | None]:
    """A Markdown file's front matter (Jekyll, Hugo, Eleventy, Wiki.js) as 'key: value' lines, the text
    after it, and the file line that text starts on (None when text from the front matter leads it).

    Lists under a key ("members:" then "- Jane") join into one line, as a typed label and its names would.
    A key holding a block of text ("minutes: >-" and the minutes under it, as Eleventy sites keep them) is
    the paper itself: its text is read before the body."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return [], text, 1
    pairs = _yaml_pairs(found.group(1))
    if pairs is None:
        pairs = _typed_pairs(found.group(1))
    wanted = [(k, v) for k, v in pairs if v and _MEETING_KEYS.fullmatch(k)]
    lines = [
        Line(text=(v if k.lower() == "title" else f"{re.sub(r'[-_]', ' ', k).capitalize()}: {v}")[:500], gap=True)
        for k, v in wanted
        if "\n" not in v
    ]
    blocks = [v for _, v in wanted if "\n" in v]
    start = None if blocks else text.count("\n", 0, found.end()) + 1
    return lines, "\n\n".join([*blocks, text[found.end() :]]), start


def _yaml_pairs(block: str) -> list[tuple[str, str]] | None:
    """(key, value) of front matter read as YAML, lists joined; None where it is not a plain YAML mapping.
    Anchors and aliases are refused: a few lines of them can stand for gigabytes of text."""
    import yaml

    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml where built: the scan is C, not Python
    try:  # BaseLoader keeps every value the text it was typed as: "19:30", "Yes", "2021-02-30"
        if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in yaml.parse(block, Loader=loader)):
            return None
        data = yaml.load(block, Loader=loader)  # noqa: S506
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    pairs = []
    for key, value in data.items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if not isinstance(v, (dict, list)))
        elif isinstance(value, dict) or value is None:
            continue
        pairs.append((str(key), str(value).strip()))
    return pairs


def _typed_pairs(block: str) -> list[tuple[str, str]]:
    """(key, value) of front matter that is not valid YAML, line by line as it was typed."""
    pairs: list[list[str]] = []
    for raw in block.splitlines()[:200]:
        item = re.match(r"^\s*-\s+(.*)$", raw)
        key = _FRONT_KEY.match(raw)
        if item and pairs:
            pairs[-1][1] = ", ".join(v for v in (pairs[-1][1], item.group(1).strip()) if v)
        elif key:
            pairs.append([key.group(1), key.group(2).strip().strip("\"'")])
    return [(k, v) for k, v in pairs]


_ATTRIBUTES = re.compile(
    r"^\s*\{:?\s*[.#][A-Za-z][\w\-]*(?:\s+[.#]?[\w\-=\"']+)*\s*\}\s*$"
)  # '{.is-info}', '{: .note}'


def read_text(text: str, markdown: bool) -> list[Line]:
    """Split text into lines; tab- or pipe-separated rows become table cells."""
    lines: list[Line] = []
    start: int | None = 1
    if markdown:
        lines, text, start = front_matter(text)
    tables = 0
    in_table = False
    row = 0
    ends: set[int] = set()  # lines followed by a blank line end their paragraph
    for number, raw in _split_right_markers(text.splitlines()):
        at = start + number if start is not None else None
        if not raw.strip():
            in_table = False
            if lines:
                ends.add(len(lines) - 1)
            continue
        if markdown and _ATTRIBUTES.match(raw):
            continue  # '{.is-info}': the style of the block above (Wiki.js, kramdown), no words of the paper
        cells = _cells(raw, markdown)
        if cells is None:
            in_table = False
            if _BULLET.match(raw) and lines:
                ends.add(len(lines) - 1)  # a new list item: the line above ends its own
            lines.extend(_block(raw, markdown, tables, at))
            continue
        if _MD_TABLE_RULE.match(raw):
            continue
        if not in_table:
            in_table, row = True, 0
            tables += 1
        for col, cell in enumerate(cells):
            for line in _block(cell, markdown, tables, at):
                line.cell = (tables - 1, row, col)
                lines.append(line)
        row += 1
    mark_hard_wraps(lines, ends)
    for index in ends:
        if index + 1 < len(lines):
            lines[index + 1].gap = True
    return lines


def mark_hard_wraps(lines: list[Line], ends: set[int]) -> None:
    """Text typed with hard line breaks (every long line ends near one width) wraps like a PDF page."""
    free = [line for line in lines if line.cell is None and line.heading is None]
    lengths = sorted(len(line.text) for line in free)
    if len(lengths) < 8:
        return
    width = lengths[int(len(lengths) * 0.95) - 1]
    near = sum(1 for n in lengths if width - 20 <= n <= width + 5)
    if not 50 <= width <= 140 or near < max(4, len(lengths) // 6):
        return
    for index, line in enumerate(lines):
        if line.cell is None and line.heading is None and index not in ends:
            line.wrapped = len(line.text) >= width - 22


# columns typed with spaces; after a full stop three spaces are a typist's sentence gap ("bench.   Clerk reply")
_GAP = re.compile(r"(?<=[^\s.!?;:])\s{2,}(?=\S)|(?<=[!?;:])\s{3,}(?=\S)|(?<=\.)\s{4,}(?=\S)")
_RIGHT_MARKER = re.compile(r"^(\s*\S.*?\S)\s{3,}((?i:actions?)\b\s*[A-Z/&,\s]*[:\-–].*)$")


def _split_right_markers(raw_lines: list[str]) -> list[tuple[int, str]]:
    """'... from meetings.          Action: Clerk' puts the marker on a line of its own, after its sentence.

    Each line comes with its 0-based number in the text, so both halves keep the line they were typed on."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(raw_lines):
        marker = _RIGHT_MARKER.match(raw.rstrip())
        out.extend([(number, marker.group(1)), (number, marker.group(2))] if marker else [(number, raw)])
    return out


_ITEM_NUMBER = re.compile(r"\d{1,4}(?:\.\d{1,3})*[.)]?|\(?[a-z]{1,3}\)|[A-Z][.)]")


def _cells(raw: str, markdown: bool) -> list[str] | None:
    """Table cells of a row, or None for an ordinary line.

    Tabs and Markdown pipes divide cells; so do runs of spaces that line columns up
    ("Elaine Fordham (EF)      Chair"), but not a label and its value ("Apologies:   Claire Dempsey").
    """
    body = raw.strip()
    if "\t" in body:
        cells = raw.rstrip("\r\n").split("\t")
        filled = [c for c in cells if c.strip()]
        if len(filled) == 2 and _ITEM_NUMBER.fullmatch(filled[0].strip()):
            return None  # "3749.<tab>Police Reports: ...": Word's numbering saved as text, a numbered paragraph
        return cells
    if markdown and body.startswith("|") and body.endswith("|") and body.count("|") >= 3:
        return [c.strip() for c in body.strip("|").split("|")]
    if markdown or _MD_TABLE_RULE.match(body) or set(body) <= set("-=_*. "):
        return None
    parts = _GAP.split(body)
    if len(parts) < 2 or (len(parts) == 2 and (parts[0].endswith(":") or _ITEM_NUMBER.fullmatch(parts[0]))):
        return None  # "Apologies:   Claire Dempsey", "3751.   Public Session": a label or a number, then its text
    return parts


def _block(raw: str, markdown: bool, tables: int, at: int | None = None) -> list[Line]:
    if _TAG.search(raw):
        found = html_lines(raw, table_base=1000 + tables)
        for line in found:
            line.at = at
        return found
    text = raw.rstrip()
    indent = 0
    heading = None
    bullet = _BULLET.match(text)
    if bullet:
        indent = 1 + len(bullet.group(1).expandtabs(4)) // 2
        text = text[bullet.end() :]
    text = _LINK.sub(r"\1", _EMPTY_LINK.sub("", text)).strip() if markdown else text.strip()
    heading_match = _HEADING.match(text) if markdown or text.startswith("#") else _WIKI_HEADING.match(text)
    if heading_match and heading_match.group(2):
        heading = len(heading_match.group(1))
        text = heading_match.group(2)
    bold = bool(re.fullmatch(r"(?:\S+\s+)?(\*\*|__).+\1[:.]?", text))
    text = _EMPHASIS.sub(r"\2", text)
    text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text) if markdown else text
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text) if markdown else text  # Markdown shows '&lt;sponsor&gt;' as '<sponsor>'
    text = re.sub(r"\s+", " ", text).strip()
    return [Line(text=text, bold=bold, heading=heading, indent=indent, at=at)] if text else []
