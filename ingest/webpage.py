"""HTML pages and HTML fragments to lines, with <ol> numbering made explicit."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ..marks import REFUSED, marked
from .errors import IngestError
from .model import Line

BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "pre",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "dl",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "address",
    "hr",
    "br",
    "body",
}
SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
BOLD = {"b", "strong"}
_SPACE = re.compile(r"\s+")


def ol_label(n: int, kind: str) -> str:
    """The label an <ol type=...> shows for its n-th item."""
    if kind == "a":
        return _letters(n).lower()
    if kind == "A":
        return _letters(n)
    if kind in ("i", "I") and 0 < n < 4000:  # past 3999 there are no Roman numerals: a hostile start gets digits
        roman = _roman(n)
        return roman.lower() if kind == "i" else roman
    return str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _roman(n: int) -> str:
    values = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, numeral in values:
        while n >= value:
            out += numeral
            n -= value
    return out


class _Walker:
    """Collects text blocks in document order."""

    def __init__(self, page: int | None, table_base: int):
        self.lines: list[Line] = []
        self.page = page
        self.buf: list[tuple[str, bool]] = []
        self.heading: int | None = None
        self.number: str | None = None
        self.cell: tuple[int, int, int] | None = None
        self.depth = 0
        self.tables = table_base

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(t for t, _ in self.buf)).strip()
        if text:
            visible = [(t, b) for t, b in self.buf if t.strip()]
            bold = bool(visible) and all(b for _, b in visible)
            self.lines.append(
                Line(
                    text=text,
                    page=self.page,
                    bold=bold,
                    heading=self.heading,
                    number=self.number,
                    cell=self.cell,
                    indent=self.depth,
                )
            )
            self.number = None  # the list number goes to the first text of its item, whatever tag holds it
        self.buf = []

    def walk(self, node: Tag, bold: bool = False) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not comments, CDATA or doctype
                    self.buf.append((str(child), bold))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in SKIP:
                continue
            if name == "br":
                self.flush()
                continue
            if name == "table":
                self.flush()
                self._table(child, bold)
                continue
            if name in ("ol", "ul"):
                self.flush()
                self._list(child, bold, ordered=name == "ol")
                continue
            if name in BLOCKS:
                self.flush()
                saved = self.heading
                if name[0] == "h" and name[1:].isdigit():
                    self.heading = int(name[1:])
                self.walk(child, bold or name == "th")
                self.flush()
                self.heading = saved
                continue
            self.walk(child, bold or name in BOLD)

    def _list(self, node: Tag, bold: bool, ordered: bool) -> None:
        kind = str(node.get("type") or "1")
        try:
            n = int(str(node.get("start") or 1)) - 1
        except ValueError:
            n = 0
        self.depth += 1
        for li in node.find_all("li", recursive=False):
            n += 1
            self.flush()
            self.number = ol_label(n, kind) if ordered else None
            self.walk(li, bold)
            self.flush()
        self.depth -= 1

    def _table(self, node: Tag, bold: bool) -> None:
        table = self.tables
        self.tables += 1
        saved = self.cell
        rows = [tr for tr in node.find_all("tr") if tr.find_parent("table") is node]
        for r, tr in enumerate(rows):
            cells = [c for c in tr.find_all(["td", "th"], recursive=False)]
            for c, td in enumerate(cells):
                self.cell = (table, r, c)
                self.walk(td, bold or td.name == "th")
                self.flush()
        self.cell = saved


def html_lines(markup: str, page: int | None = None, table_base: int = 0) -> list[Line]:
    """Parse HTML (a page or a fragment) into lines in reading order."""
    return _lines(BeautifulSoup(markup, "html.parser"), page, table_base)


def _lines(soup: BeautifulSoup, page: int | None = None, table_base: int = 0) -> list[Line]:
    walker = _Walker(page, table_base)
    walker.walk(soup.body or soup)
    walker.flush()
    return walker.lines


def read_html(text: str, path: str = "<html>") -> list[Line]:
    """A web page's lines; a page `minutes` wrote itself (a digest, an action log) is refused."""
    soup = BeautifulSoup(text, "html.parser")
    keywords = soup.find("meta", attrs={"name": "keywords"})
    if keywords is not None and marked(str(keywords.get("content", ""))):
        raise IngestError(path, REFUSED)
    return _lines(soup)
