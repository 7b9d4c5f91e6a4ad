"""The application context handed to every view and dialog (no global application object).

It holds the open database and announces changes: a view calls ``ctx.write({Change.X}, service,
args…)``, which runs the service in one unit of work and then emits ``changed`` with what it
changed; every view listens and refreshes only when the change concerns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from app.core.changes import ALL, Change
from app.core.db import Database

T = TypeVar("T")


class AppContext(QObject):
    #: frozenset[Change]: what the last action changed
    changed = Signal(object)

    def __init__(self, db: Database | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = db

    @property
    def has_db(self) -> bool:
        return self.db is not None

    def set_database(self, db: Database | None) -> None:
        old = self.db
        self.db = db
        if old is not None and old is not db:
            old.close()
        self.changed.emit(ALL)

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read-only service function in its own unit of work."""
        if self.db is None:
            raise RuntimeError("no database is open")
        with self.db.unit() as s:
            return fn(s, *args, **kwargs)

    def write(self, changes: Iterable[Change] | Change, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service function as one transaction, then announce what it changed.

        A ValidationError (or any error) rolls the whole action back and propagates to the caller,
        which shows the message; nothing is half-saved.
        """
        if self.db is None:
            raise RuntimeError("no database is open")
        with self.db.unit() as s:
            result = fn(s, *args, **kwargs)
        self.announce(changes)
        return result

    def announce(self, changes: Iterable[Change] | Change) -> None:
        if isinstance(changes, Change):
            changes = {changes}
        self.changed.emit(frozenset(changes))
