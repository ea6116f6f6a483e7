"""Find meetings, attendance, items, resolutions and actions in a read document.

`extract` and `to_contract` load the rules on first use, so a command that only
reads a date (`extract.dates`) does not pay for compiling them all.
"""

from __future__ import annotations

from .model import Action, Attendee, Item, Meeting, Resolution

__all__ = ["Action", "Attendee", "Item", "Meeting", "Resolution", "extract", "to_contract"]


def __getattr__(name: str):
    if name == "extract":
        from .pipeline import extract

        return extract
    if name == "to_contract":
        from .contract import to_contract

        return to_contract
    raise AttributeError(name)
