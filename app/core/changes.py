"""What an action changed, so that each view refreshes only what concerns it (Anki's OpChanges).

Every service function that writes says what it changes with ``@changes(Change.X, …)``; the
interface runs it with ``ctx.write(fn, …)`` (app/ui/context.py), which announces exactly that.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import Any, TypeVar


class Change(StrEnum):
    COMMISSION = "commission"  # the commission, its sides and liaison agencies
    PEOPLE = "people"
    MEETINGS = "meetings"  # sessions and delegations
    AGENDA = "agenda"
    DECISIONS = "decisions"
    CORRESPONDENCE = "correspondence"  # letters between the liaison agencies
    REMINDERS = "reminders"  # reminders snoozed
    ATTACHMENTS = "attachments"
    EXCHANGES = "exchanges"
    EXPERTS = "experts"
    EXPENSES = "expenses"
    MINUTES = "minutes"
    GLOSSARY = "glossary"
    SETTINGS = "settings"
    DATABASE = "database"  # another database was opened: everything is new


ALL = frozenset(Change)


# --- services say what they change ---------------------------------------------------------------

_recording: ContextVar[set[Change] | None] = ContextVar("changes_recording", default=None)

F = TypeVar("F", bound=Callable[..., Any])


def changes(*what: Change) -> Callable[[F], F]:
    """Declare what a service function changes: ``@changes(Change.EXCHANGES, Change.ATTACHMENTS)``.

    The declaration is read by whoever runs the function for the interface (``AppContext.write``),
    which announces it; a function that calls declared functions (a dialog's own save, say) is
    announced with everything they changed. Outside :func:`recording` the wrapper does nothing but
    call the function."""
    if not what or not all(isinstance(c, Change) for c in what):
        raise TypeError("@changes takes one or more Change members")
    declared = frozenset(what)

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            result = fn(*args, **kwargs)
            recorded = _recording.get()
            if recorded is not None:
                recorded.update(declared)
            return result

        wrapper.__changes__ = declared  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def declared_changes(fn: Callable[..., Any]) -> frozenset[Change] | None:
    """What ``fn`` declares it changes (``@changes``), or None if it declares nothing."""
    return getattr(fn, "__changes__", None)


@contextmanager
def recording() -> Iterator[set[Change]]:
    """Collect what the declared functions called inside the block changed (those that returned;
    one that raised changed nothing, its transaction being rolled back)."""
    recorded: set[Change] = set()
    token = _recording.set(recorded)
    try:
        yield recorded
    finally:
        _recording.reset(token)
