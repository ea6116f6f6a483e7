"""What every reader returns: one list of lines, whatever the format.

Extraction works only on these records, so it never needs to know whether a
line came from a PDF, a Word file or a web page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LINES = 50_000  # about 1,200 pages: extraction is linear, and this keeps any one file to seconds


@dataclass(slots=True)
class Line:
    """One line or block of text, where it sits and how it looked."""

    text: str
    page: int | None = None  # 1-based; None for formats without pages
    index: int = 0  # 0-based position in the document's line list
    at: int | None = None  # 1-based line as a reader counts it: in a text file, or on a PDF page; None in Word/HTML
    bold: bool = False
    heading: int | None = None  # heading level given by styling (Word style, <h2>, Markdown #)
    number: str | None = None  # numbering given only by markup (Word list, HTML <ol>)
    cell: tuple[int, int, int] | None = None  # (table, row, column) when the line sits in a table
    indent: int = 0  # list nesting depth or indentation seen
    wrapped: bool = False  # the line reached the right margin, so its paragraph goes on below
    gap: bool = False  # a blank line or extra space stands above it: it starts something
    top: float | None = None  # distance from the top of the page, where the reader knows it (PDF)
    ocr: bool = False  # read from a page image by OCR: records from it are less sure
    leader: bool = False  # a leader ('------', '......') joined its words to a column: " — " stands for it

    @property
    def table(self) -> int | None:
        return self.cell[0] if self.cell else None


@dataclass(slots=True)
class Document:
    """A read document: its identity and its lines in reading order."""

    path: str
    sha256: str
    format: str  # pdf | docx | txt | md | html
    pages: int | None
    lines: list[Line] = field(default_factory=list)

    def number_lines(self) -> None:
        """Give every line its position; readers call this once they are done.

        (A PDF's reader counts each page's lines down it, `Line.at`, before headers and footers go.)"""
        for i, line in enumerate(self.lines):
            line.index = i
