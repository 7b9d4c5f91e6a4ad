"""The minutes being edited: which session, its segments as last read, the glossary, the check
report, and the one way to change them (every change goes through the core services)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.changes import Change
from app.core.services.minutes import checks as minutes_checks
from app.core.services.minutes import edit as minutes_edit
from app.core.services.minutes import glossary as glossary_service
from app.core.services.minutes import records as minutes_service
from app.core.services.minutes.checks import CheckReport
from app.core.services.minutes.glossary import TermData
from app.core.services.minutes.records import MinutesData, SegmentData
from app.ui.minutes.autosave import AutoSaver


def _read_document(session, meeting_id: int | None) -> tuple[MinutesData | None, list[SegmentData], list[TermData]]:
    minutes = minutes_service.get_minutes(session, meeting_id) if meeting_id is not None else None
    segments = minutes_service.list_segments(session, minutes.id) if minutes is not None else []
    return minutes, segments, glossary_service.list_terms(session)


class MinutesDocument(QObject):
    #: the list of segments (order, membership) changed, or another session was opened
    structureChanged = Signal()  # noqa: N815
    #: one segment's data changed (status, kind, decision…): its uuid
    segmentChanged = Signal(str)  # noqa: N815
    glossaryChanged = Signal()  # noqa: N815
    checked = Signal()
    #: an action was refused: the message
    refused = Signal(str)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.minutes: MinutesData | None = None
        self.segments: list[SegmentData] = []
        self.terms: list[TermData] = []
        self.report = CheckReport()
        self.writing = False  # our own announcements are not news to us
        self.autosaver = AutoSaver(self._save_texts, self)
        self.autosaver.saved.connect(self._on_saved)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(700)
        self._check_timer.timeout.connect(self.run_checks)

    # --- reading -----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return bool(self.minutes and self.minutes.locked)

    def open(self, meeting_id: int | None) -> None:
        self.autosaver.flush()
        self.meeting_id = meeting_id
        self.reload(check_now=True)

    def reload(self, check_now: bool = False) -> None:
        if not self.ctx.has_db:
            self.minutes, self.segments, self.terms = None, [], []
        else:  # one unit of work for the three
            self.minutes, self.segments, self.terms = self.ctx.read(_read_document, self.meeting_id)
        self.structureChanged.emit()
        if check_now:
            self.run_checks()
        else:
            self.schedule_checks()

    def reload_glossary(self) -> None:
        self.terms = self.ctx.read(glossary_service.list_terms) if self.ctx.has_db else []
        self.glossaryChanged.emit()
        self.schedule_checks()

    def index_of(self, uuid: str) -> int:
        return next((i for i, s in enumerate(self.segments) if s.uuid == uuid), -1)

    def get(self, uuid: str) -> SegmentData | None:
        i = self.index_of(uuid)
        return self.segments[i] if i >= 0 else None

    def id_of(self, uuid: str) -> int:
        seg = self.get(uuid)
        if seg is None:
            raise KeyError(uuid)
        return seg.id

    # --- writing -----------------------------------------------------------------------------

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a service in one unit of work and announce it (the editor itself ignores it)."""
        self.writing = True
        try:
            return self.ctx.write(fn, *args, **kwargs)
        finally:
            self.writing = False

    def structural(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A change to the order or membership of segments: unsaved text first, then the change,
        then the segments are read again."""
        self.autosaver.flush()
        try:
            return self.write(fn, *args, **kwargs)
        finally:
            self.reload()

    def change_segment(self, fn: Callable[..., Any], uuid: str, *args: Any) -> SegmentData:
        """A change to one segment (status, kind, decision fields): its data is read again."""
        self.autosaver.flush()
        result = self.write(fn, self.id_of(uuid), *args)
        self.refresh_segment(uuid)
        return result

    def refresh_segment(self, uuid: str) -> None:
        i = self.index_of(uuid)
        if i < 0:
            return
        try:
            self.segments[i] = self.ctx.read(minutes_service.get_segment, self.segments[i].id)
        except Exception:  # noqa: BLE001 - gone meanwhile: read everything again
            self.reload()
            return
        self.segmentChanged.emit(uuid)
        self.schedule_checks()

    def text_changed(self, uuid: str, lang: str, text: str) -> None:
        seg = self.get(uuid)
        if seg is not None and self.ctx.db is not None:
            self.autosaver.changed(self.ctx.db, uuid, seg.id, lang, text, seg.version)

    def _save_texts(
        self, db, segment_id: int, zh: str | None, ru: str | None, version: int | None = None
    ) -> SegmentData:
        """Save into the database the text was typed in, even if another one was opened since."""
        with db.unit() as s:
            data = minutes_edit.save_texts(s, segment_id, zh, ru, version)
        if db is self.ctx.db:
            self.writing = True
            try:
                self.ctx.announce({Change.MINUTES})
            finally:
                self.writing = False
        return data

    def save_resolved(self, uuid: str, texts: dict, version: int | None) -> SegmentData:
        """Save the texts chosen after a conflict (against the version now stored), and show them."""
        seg = self.get(uuid)
        if seg is None:
            raise KeyError(uuid)
        data = self.write(minutes_edit.save_texts, seg.id, texts.get("text_zh"), texts.get("text_ru"), version)
        self.refresh_segment(uuid)
        return data

    def _on_saved(self, uuid: str, data: SegmentData) -> None:
        i = self.index_of(uuid)
        if i < 0 or self.segments[i].id != data.id:
            return
        old = self.segments[i]
        self.segments[i] = data
        if (old.status, old.kind) != (data.status, data.kind) or old.decision != data.decision:
            self.segmentChanged.emit(uuid)
        self.schedule_checks()

    def current_texts(self) -> list[SegmentData]:
        """The segments with what the cells hold now (saved or not), for the checks and counts."""
        return list(self.segments)

    # --- checks ------------------------------------------------------------------------------

    def schedule_checks(self) -> None:
        self._check_timer.start()

    def run_checks(self) -> None:
        self.report = minutes_checks.report(self.current_texts(), self.terms)
        self.checked.emit()
