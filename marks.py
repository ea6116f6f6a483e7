"""The mark `minutes` puts on what it writes (agenda packs, action logs, digests), so that ingest never reads
its own output back as a meeting's papers: saved into a watched folder, a pack's action log would otherwise be
stored again as minutes of a meeting not yet held."""

from __future__ import annotations

import re

MARK = "minutes-drafted-pack"  # a keyword in a Word file's or PDF's properties, a web page's <meta>, a comment
IN_TEXT = f"<!-- {MARK} -->"  # Markdown's mark: a comment, unseen where the Markdown is shown
REFUSED = (
    "written by `minutes` from its own database (a pack, action log or digest), so not read again; "
    f"to read it as a paper, remove {MARK} from it"
)


def marked(keywords: str | None) -> bool:
    """Whether a file's keywords carry the mark."""
    return MARK in re.split(r"[,;\s]+", keywords or "")


def with_mark(keywords: str | None) -> str:
    """A template's own keywords, with the mark added."""
    return keywords if marked(keywords) else ", ".join(k for k in (keywords, MARK) if k)
