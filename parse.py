"""Read and extract one file: the work that can run in a worker process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .extract.model import Meeting
from .ingest import Document, IngestError, read
from .ingest.ocr import Options


@dataclass
class Parsed:
    path: str
    document: Document | None = None
    meetings: list[Meeting] | None = None
    error: str | None = None


def parse_for_store(path: str, ocr: Options | None = None) -> Parsed:
    """What a worker sends back to the writer: the document's identity and its meetings, not its lines."""
    parsed = parse(path, ocr)
    if parsed.document is not None:
        parsed.document.lines = []
    return parsed


def _load_extraction() -> Callable[[Document], list[Meeting]]:
    """The extraction rules, imported and their patterns compiled: done while the file is read in its child."""
    from .extract import extract

    return extract


def parse(path: str, ocr: Options | None = None) -> Parsed:
    """Never raises: a file that cannot be read comes back with a one-line error naming it."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        document = read(path, ocr, meanwhile=_load_extraction)
        return Parsed(path, document, _load_extraction()(document))
    except IngestError as err:
        return Parsed(path, error=str(err))
    except MemoryError:
        return Parsed(path, error=f"{path}: too large to process in memory")
    except RecursionError:
        return Parsed(path, error=f"{path}: structure nested too deeply to read")
    except Exception as err:  # a reader library's own failure on a damaged file
        # IngestError keeps the library's message to one line, as the user sees one line per file.
        return Parsed(path, error=str(IngestError(path, f"could not be read ({type(err).__name__}: {err})")))
