"""Records the sentence classifier adds where the rules found none: wording no cue list names.

Rules for explicit markers (ACTION lines, RESOLVED blocks, action tables) take precedence: the
classifier adds a decision only where no rule's record already holds the sentence, and an action
only in minutes that do not mark their actions (where they do, only the marked ones count). Each
record's confidence is the model's probability, so `minutes review` lists the doubtful first.
"""

from __future__ import annotations

from collections import Counter

from .actions import Raw, owners_in
from .blocks import Block
from .learned import active
from .model import Found, Resolution
from .names import NameFinder
from .units import Unit, business_units

Scored = list[tuple[Unit, dict[str, float]]]


def score(blocks: list[Block], start: int, end: int, headings: list, skip: set[int]) -> Scored:
    """Every business unit with the model's probabilities; nothing when no model is in use."""
    model = active()
    if model is None:
        return []
    found = business_units(blocks, start, end, headings, skip)
    return list(zip(found, model.scores([u.features() for u in found]), strict=True))


def _threshold(label: str) -> float:
    model = active()
    return model.thresholds[label] if model is not None else 1.0


def _words(text: str) -> Counter:
    return Counter(w for w in text.lower().split() if any(c.isalnum() for c in w))


def _held(unit: Unit, block: Block, texts: list[tuple[int, int, str]]) -> bool:
    """A record already read from these lines holds most of the sentence, or the sentence most of it."""
    mine = _words(unit.text)
    for first, last, text in texts:
        if first <= block.last.index and block.first.index <= last:
            theirs = _words(text)
            shared = sum((mine & theirs).values())
            if shared >= 0.5 * min(sum(mine.values()), sum(theirs.values()) or 1):
                return True
    return False


def _fresh(blocks: list[Block], scored: Scored, label: str, texts: list[tuple[int, int, str]]):
    """(unit, block, probability) of the units the model reads as `label` that no rule's record holds."""
    cut = _threshold(label)
    for unit, probs in scored:
        block = blocks[unit.block]
        if probs[label] >= cut and not _held(unit, block, texts):
            yield unit, block, probs[label]


def decisions(blocks: list[Block], scored: Scored, found: list[Resolution], item_of) -> list[Resolution]:
    texts = [(r.found.source.first_line, r.found.source.last_line, r.text) for r in found]
    return [
        Resolution(item_of(unit.block), unit.text, _sure(block.found("resolution.classifier"), p))
        for unit, block, p in _fresh(blocks, scored, "DECISION", texts)
    ]


def actions(blocks: list[Block], scored: Scored, found: list[Raw], finder: NameFinder) -> list[Raw]:
    texts = [(r.first.first.index, r.last.last.index, r.text) for r in found]
    out = []
    for unit, block, p in _fresh(blocks, scored, "ACTION", texts):
        raw = Raw(unit.text, owners_in(unit.text, finder), block, block, "action.classifier")
        raw.confidence = round(p, 3)
        out.append(raw)
    return out


def _sure(found: Found, probability: float) -> Found:
    found.confidence = round(probability, 3)
    return found
