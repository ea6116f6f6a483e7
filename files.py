"""The files a user means by the paths they give: folders walked, hidden and temporary files skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SKIP_PREFIXES = (".", "~$", "~")
SKIP_NAMES = {"Thumbs.db", "desktop.ini"}
# in a folder, only files that can be papers; a file named on the command line is read whatever its name
PAPER_SUFFIXES = {".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}


def expand(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """(path, error) pairs: every file under the paths, and one error for each path that is unusable."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            problems: list[OSError] = []
            for root, dirs, files in os.walk(path, followlinks=True, onerror=problems.append):
                while problems:  # a folder that cannot be listed is reported, not skipped in silence
                    problem = problems.pop(0)
                    yield str(problem.filename), f"{problem.filename}: cannot list folder ({problem.strerror})"
                stat = os.stat(root)
                key = (stat.st_dev, stat.st_ino)
                if key in seen:  # a symlink loop brought us back here
                    dirs[:] = []
                    continue
                seen.add(key)
                dirs[:] = sorted(d for d in dirs if not d.startswith(SKIP_PREFIXES))
                for name in sorted(files):
                    if name.startswith(SKIP_PREFIXES) or name in SKIP_NAMES:
                        continue
                    if not is_paper(Path(root) / name):
                        continue
                    yield str(Path(root) / name), None
            for problem in problems:
                yield str(problem.filename), f"{problem.filename}: cannot list folder ({problem.strerror})"
        elif path.exists():
            yield str(path), None
        elif path.is_symlink():
            yield str(path), f"{path}: broken link"
        else:
            yield str(path), f"{path}: no such file or folder"


def is_paper(path: Path) -> bool:
    """A file that can be a paper: named as one, or, whatever its name ('Minutes 12.03', 'pack.pdf.download'),
    a PDF or Word file by its first bytes. Other files in a folder (spreadsheets, photos) are passed over."""
    if path.suffix.lower() in PAPER_SUFFIXES:
        return True
    return paper_kind(path) is not None


def paper_kind(path: Path) -> str | None:
    """'pdf' or 'docx' where the file's first bytes say so (ingest's own sniffing), else None."""
    from .ingest.errors import IngestError
    from .ingest.sniff import sniff

    try:
        with path.open("rb") as handle:
            kind = sniff(path, handle.read(1024))
    except (OSError, IngestError):
        return None
    return kind if kind in ("pdf", "docx") else None
