"""The one error a reader raises: it names the file and says why."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read; str() is the one-line message for the user."""

    def __init__(self, path: str, cause: str):
        self.path = path
        self.cause = one_line(cause)
        super().__init__(f"{path}: {self.cause}")


def one_line(text: str) -> str:
    """Library messages (lxml's, pdfminer's) can hold line breaks; the user gets one line per file."""
    return " ".join(text.split())
