"""The SQLite store: schema and migrations, writing extractions, reading them back."""

from .connection import Database
from .schema import connect, migrate

__all__ = ["Database", "connect", "migrate"]  # writing is db.store.store: it pulls in extraction's models
