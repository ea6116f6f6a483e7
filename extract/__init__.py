"""Find meetings, attendance, items, resolutions and actions in a read document."""

from __future__ import annotations

from .contract import to_contract
from .model import Action, Attendee, Item, Meeting, Resolution
from .pipeline import extract

__all__ = ["Action", "Attendee", "Item", "Meeting", "Resolution", "extract", "to_contract"]
