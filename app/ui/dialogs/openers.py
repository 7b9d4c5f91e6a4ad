"""Who opens a record in its dialog, for dialogs that open each other.

The person's history opens an assignment, and the assignment dialog opens the person's history:
rather than import each other, the assignment dialog registers its opener here when it is imported
(the experts view imports it when the main window is built), and the history dialog looks it up.

    openers.register("assignment", open_assignment)   # in assignment_dialog.py
    openers.get("assignment")(ctx, assignment, parent)  # in person_history_dialog.py
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: kind of record -> callable(ctx, record, parent) -> bool (True when the record was saved)
_OPENERS: dict[str, Callable[..., bool]] = {}


def register(kind: str, opener: Callable[..., bool]) -> None:
    _OPENERS[kind] = opener


def get(kind: str) -> Callable[..., Any] | None:
    return _OPENERS.get(kind)
