"""The SQLite store: schema and migrations, writing extractions, reading them back."""

from .schema import connect, migrate
from .store import Stored, store

__all__ = ["Stored", "connect", "migrate", "store"]
