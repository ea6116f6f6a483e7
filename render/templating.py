"""One Jinja2 environment for every text template: officers' own templates first, then ours.

HTML templates autoescape everything; Markdown output escapes the characters
Markdown would act on. Templates live in `templates/` (shipped with the
package); a folder named by MINUTES_TEMPLATES holds an officer's edited copies.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _markdown(value: object) -> str:
    text = "" if value is None else str(value)
    text = re.sub(r"[\r\n]+", " ", text)
    return re.sub(r"([\\`*_{}\[\]()#+!|<>])", r"\\\1", text)


@lru_cache(maxsize=4)
def environment(extra: str | None = None):
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

    folders = [extra] if extra else []
    if os.environ.get("MINUTES_TEMPLATES"):
        folders.append(os.environ["MINUTES_TEMPLATES"])
    folders.append(str(TEMPLATES))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(f) for f in folders]),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _markdown
    env.filters["lines"] = _lines
    env.filters["due"] = shown_due
    return env


def shown_due(action: dict) -> str:
    """The due as the minutes word it, with the date it falls on where that was worked out from words
    ('next meeting (27 Jun 2023)'), so a reader sees why an action is called overdue."""
    words, day = action.get("due") or "", action.get("due_date")
    if not day or words == day:
        return words
    from datetime import date

    return f"{words} ({date.fromisoformat(day).strftime('%-d %b %Y')})"


def _lines(text: str, indent: str = "  ", width: int = 76) -> str:
    """Plain text wrapped for a terminal mail reader: lines of `width`, later lines hung by `indent`."""
    import textwrap

    return textwrap.fill(
        str(text), width=width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
    )


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
