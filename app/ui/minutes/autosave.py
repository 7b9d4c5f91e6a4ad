"""Never lose a word: what is typed is saved to the database within two seconds, per segment,
without a Save button and without getting in the way of typing.

A segment is saved once typing pauses for :data:`PAUSE` seconds, and at the latest :data:`MAX_DELAY`
seconds after its first unsaved change, even while typing goes on. Each save is one small
transaction (a few milliseconds) that also keeps a revision. A save that fails (the disk, a lock)
keeps the text pending and is tried again; nothing typed is dropped.

Each save carries the version of the segment the typing started from. When someone else saved the
segment meanwhile (another window, another laptop on a shared database), the save is refused as a
conflict and :attr:`AutoSaver.conflicted` hands the typed text and the saved one to the editor,
which asks which to keep: the typed text is never dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import DBAPIError

from app.core.errors import ConflictError, CoreError, NotFoundError

PAUSE = 0.5
MAX_DELAY = 1.0
TICK_MS = 100
RETRY = 2.0


@dataclass
class Pending:
    db: object  # the database the segment lives in (another may be opened meanwhile)
    segment_id: int
    zh: str | None
    ru: str | None
    first: float
    last: float
    #: the version of the segment the typing started from (None: not checked)
    version: int | None = None


class AutoSaver(QObject):
    #: "saved", "pending", "error"; and a message for the error
    stateChanged = Signal(str, str)  # noqa: N815
    #: the uuid of a segment that was saved, and the SegmentData the save returned
    saved = Signal(str, object)
    #: a segment could not be saved for good (deleted, locked elsewhere): uuid, message
    refused = Signal(str, str)
    #: someone else saved the segment after the typing started: uuid, the ConflictError (its
    #: ``mine`` holds the typed texts, ``theirs`` the saved ones); nothing was saved
    conflicted = Signal(str, object)

    def __init__(
        self, save: Callable[[object, int, str | None, str | None, int | None], object], parent=None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.pending: dict[str, Pending] = {}
        self._retry_at = 0.0
        self.state = "saved"
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def changed(
        self, db, uuid: str, segment_id: int, lang: str, text: str, version: int | None = None
    ) -> None:
        now = time.monotonic()
        p = self.pending.get(uuid)
        if p is None or p.db is not db:
            if p is not None:
                self._save_one(uuid)
            p = self.pending[uuid] = Pending(db, segment_id, None, None, now, now, version)
        p.last = now
        if lang == "zh":
            p.zh = text
        else:
            p.ru = text
        if not self.timer.isActive():
            self.timer.start()
        self._set_state("pending" if self.state != "error" else "error")

    def has_pending(self, uuid: str) -> bool:
        return uuid in self.pending

    def forget(self, uuid: str) -> None:
        self.pending.pop(uuid, None)

    def _tick(self) -> None:
        now = time.monotonic()
        if now < self._retry_at:
            return
        due = [u for u, p in self.pending.items() if now - p.last >= PAUSE or now - p.first >= MAX_DELAY]
        for uuid in due:
            if not self._save_one(uuid):
                break
        if not self.pending:
            self.timer.stop()

    def flush(self) -> bool:
        """Save everything now (before an operation on the structure, a switch, closing).
        True when nothing is left unsaved."""
        for uuid in list(self.pending):
            if not self._save_one(uuid):
                return False
        self.timer.stop()
        return True

    def save_now(self, uuid: str) -> bool:
        """Save one segment now (its cell lost the focus)."""
        return self._save_one(uuid)

    def _save_one(self, uuid: str) -> bool:
        p = self.pending.get(uuid)
        if p is None:
            return True
        try:
            data = self._save(p.db, p.segment_id, p.zh, p.ru, p.version)
        except ConflictError as exc:
            self.pending.pop(uuid, None)
            self._set_state("saved" if not self.pending else "pending")
            self.conflicted.emit(uuid, exc)
            return True
        except NotFoundError as exc:
            self.pending.pop(uuid, None)
            self.refused.emit(uuid, exc.message)
            return True
        except CoreError as exc:
            self.pending.pop(uuid, None)
            self.refused.emit(uuid, exc.message)
            return True
        except (DBAPIError, OSError) as exc:
            self._retry_at = time.monotonic() + RETRY
            reason = str(getattr(exc, "orig", None) or exc)
            self._set_state("error", reason)
            return False
        if self.pending.get(uuid) is p:
            del self.pending[uuid]
        self.saved.emit(uuid, data)
        self._set_state("saved" if not self.pending else "pending")
        return True

    def _set_state(self, state: str, message: str = "") -> None:
        if state != self.state or message:
            self.state = state
            self.stateChanged.emit(state, message)
