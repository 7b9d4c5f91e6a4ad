"""The application context handed to every view and dialog (no global application object).

It holds the open database and announces changes: a view calls ``ctx.write(service, args…)``,
which runs the service in one unit of work and then emits ``changed`` with what the service
declares it changed (``@changes`` in app/core/changes.py); every view listens and refreshes only
when the change concerns it. A function of the interface's own (a dialog saving a record and its
attachments in one transaction) is announced with what the services it called changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from app.core.changes import ALL, Change, declared_changes, recording

if TYPE_CHECKING:  # the ORM loads with the database, after the window is up
    from app.core.db import Database

T = TypeVar("T")


class AppContext(QObject):
    #: frozenset[Change]: what the last action changed
    changed = Signal(object)

    #: how many answers :meth:`cached` keeps
    CACHE_SIZE = 64

    def __init__(self, db: Database | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = db
        self._cache: dict[tuple, tuple[frozenset[Change], Any]] = {}
        # connected first: the views that refresh on a change find the answers it outdates gone
        self.changed.connect(self._forget_outdated)

    @property
    def has_db(self) -> bool:
        return self.db is not None

    def set_database(self, db: Database | None) -> None:
        old = self.db
        self.db = db
        self._cache.clear()
        if old is not None and old is not db:
            old.close()
        self.changed.emit(ALL)

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read-only service function in its own unit of work."""
        if self.db is None:
            raise RuntimeError("no database is open")
        with self.db.unit(read_only=True) as s:
            return fn(s, *args, **kwargs)

    def cached(self, depends: Iterable[Change], fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``read(fn, …)``, remembered until a change in ``depends`` is announced (or another
        database is opened): for what takes long to work out and changes rarely, such as alerts
        and the counts of a register's summary line. The arguments must be hashable."""
        key = (fn, args, tuple(sorted(kwargs.items())), dt.date.today())
        hit = self._cache.get(key)
        if hit is not None:
            return hit[1]
        value = self.read(fn, *args, **kwargs)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = (frozenset(depends), value)
        return value

    def forget_cached(self) -> None:
        """Forget every remembered answer (benchmarks measure the first open after a change)."""
        self._cache.clear()

    def _forget_outdated(self, changes: frozenset[Change]) -> None:
        if Change.DATABASE in changes:
            self._cache.clear()
            return
        for key in [k for k, (depends, _v) in self._cache.items() if depends & changes]:
            del self._cache[key]

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service function as one transaction, then announce what it changed.

        A ValidationError (or any error) rolls the whole action back and propagates to the caller,
        which shows the message; nothing is half-saved, nothing is announced. A service function
        that does not declare what it changes is refused before it runs (TypeError).
        """
        check_declared(fn)
        if self.db is None:
            raise RuntimeError("no database is open")
        with recording() as changed, self.db.unit() as s:
            result = fn(s, *args, **kwargs)
        self.announce(changed)
        return result

    def announce(self, changes: Iterable[Change] | Change) -> None:
        if isinstance(changes, Change):
            changes = {changes}
        self.changed.emit(frozenset(changes))


def check_declared(fn: Callable[..., Any]) -> None:
    """TypeError unless ``fn`` can be announced: a service function (from app.core) must declare
    what it changes; the interface's own functions are announced with what they call."""
    if isinstance(fn, (Change, set, frozenset)) or not callable(fn):
        raise TypeError("ctx.write(fn, *args): the service declares what it changes with @changes")
    module = getattr(fn, "__module__", "") or ""
    if module.startswith("app.core") and declared_changes(fn) is None:
        raise TypeError(f"{module}.{fn.__qualname__} does not declare what it changes (@changes)")
