"""The one error a reader raises: it names the file and says why."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read; str() is the one-line message for the user."""

    def __init__(self, path: str, cause: str):
        self.path = path
        self.cause = one_line(cause)
        super().__init__(f"{shown_path(path)}: {self.cause}")


def shown_path(path: str) -> str:
    """A file name as one line shows it: a line break or control character in the name is escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(path))


def one_line(text: str) -> str:
    """Library messages (lxml's, pdfminer's) can hold line breaks; the user gets one line per file."""
    return " ".join(text.split())
