"""The sentences of a meeting's business, each with its context: what the sentence classifier reads.

One unit is a sentence of a paragraph, a bullet or a table cell inside the business (after the
head and the attendance lists). The classifier sees the sentence's words and a few context
tokens: the kind of item it sits under (its title's words), whether it is a bullet or a cell, and
where in its item it stands. Training reads the same units, so what is learned is what runs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .blocks import Block, sentences

_MAX_UNIT = 600  # characters: longer runs are reports, not one undertaking or decision
_WORD = re.compile(r"[a-z]+")


@dataclass(slots=True)
class Unit:
    text: str
    block: int
    item_title: str
    shape: str  # para | bullet | cell | run-in
    first: bool  # the first unit of its item
    last: bool  # the last unit of its item

    def features(self) -> str:
        """The text the model reads: context tokens, then the sentence itself."""
        title = " ".join(f"t_{w}" for w in _WORD.findall(self.item_title.lower())[:6])
        place = ("u_first " if self.first else "") + ("u_last" if self.last else "")
        return f"s_{self.shape} {place} {title} || {self.text}"


def business_units(blocks: list[Block], start: int, end: int, headings: list, skip: set[int]) -> list[Unit]:
    """Units of blocks[start:end], with the item each sits under; `skip` holds bare heading blocks."""
    starts = [h.block for h in headings]
    run_in = {h.block: h.body for h in headings if h.body}
    found: list[Unit] = []
    for i in range(start, end):
        if i in skip:
            continue
        text = run_in.get(i) if i in starts else blocks[i].text
        if not text:
            continue
        k = bisect.bisect_right(starts, i) - 1
        title = headings[k].item.title if k >= 0 else ""
        shape = "run-in" if i in run_in else _shape(blocks[i])
        for sentence in sentences(text):
            if 3 <= len(sentence) <= _MAX_UNIT:
                found.append(Unit(sentence, i, title, shape, False, False))
    _mark_ends(found)
    return found


def _shape(block: Block) -> str:
    if block.cell is not None:
        return "cell"
    if block.first.number is not None or block.indent > 0 or re.match(r"^[-•*●▪◦–]\s", block.text):
        return "bullet"
    return "para"


def _mark_ends(units: list[Unit]) -> None:
    for n, unit in enumerate(units):
        unit.first = n == 0 or units[n - 1].item_title != unit.item_title
        unit.last = n == len(units) - 1 or units[n + 1].item_title != unit.item_title
