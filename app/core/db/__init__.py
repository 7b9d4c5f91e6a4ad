"""The store: a database file, opened safely and brought to the newest schema by Alembic
(``Database`` in ``database.py``; one module per concern beside it: ``sqlite``, ``migrate``,
``backup``, ``busy``, ``sqlcipher``, ``server``, ``copy``).

The names below load on first use: importing ``app.core.db.backup`` or ``busy`` (the window does
at start) does not load SQLAlchemy, so the window can show before the ORM is imported (issue 18).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["SQLITE_HEADER", "Database", "alembic_config", "inspect_file", "known_revisions", "make_engine"]

if TYPE_CHECKING:
    from app.core.db.database import (
        SQLITE_HEADER,
        Database,
        alembic_config,
        inspect_file,
        known_revisions,
        make_engine,
    )


def __getattr__(name: str):
    if name in __all__:
        from app.core.db import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
