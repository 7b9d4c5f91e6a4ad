"""What the minutes tab's actions and undo commands ask of it: the segment in hand, what may be
done to it, and the editor's cells (a text put back by Undo, the focus moved to a segment)."""

from __future__ import annotations

from dataclasses import replace

import shiboken6

from app.core.enums import SegmentStatus
from app.core.services.minutes import edit as me
from app.core.services.minutes.records import SegmentData
from app.i18n import _


class EditingState:
    """``view`` is the MinutesView; the view exposes these methods under the same names."""

    def __init__(self, view) -> None:
        self.view = view

    # --- what the actions ask ------------------------------------------------------------------------

    def has_minutes(self) -> bool:
        return self.view.doc.minutes is not None

    def can_edit_structure(self) -> bool:
        return self.has_minutes() and not self.view.doc.locked

    def current_segment(self) -> SegmentData | None:
        v = self.view
        return v.doc.get(v.editor.current_uuid) if v.editor.current_uuid else None

    def next_segment(self) -> SegmentData | None:
        doc, uuid = self.view.doc, self.view.editor.current_uuid
        i = doc.index_of(uuid) if uuid else -1
        return doc.segments[i + 1] if 0 <= i < len(doc.segments) - 1 else None

    def allowed_statuses(self) -> list[SegmentStatus]:
        seg = self.current_segment()
        if seg is None:
            return []
        row = self.view.editor.rows.get(seg.uuid)
        if row is not None:  # judge by what the cells hold now
            seg = replace(seg, text_zh=row.text("zh"), text_ru=row.text("ru"))
        return me.allowed_statuses(seg)

    def on_stack_index(self, _index: int) -> None:
        if shiboken6.isValid(self.view) and shiboken6.isValid(self.view.stack):
            self.update_actions()

    def update_actions(self) -> None:
        self.view.actions_.update()
        self.view.actionsChanged.emit()

    # --- the undo commands' view of the editor -------------------------------------------------------

    def apply_text(self, uuid: str, lang: str, text: str, cursor: int) -> bool:
        v = self.view
        if not v.editor.apply_text(uuid, lang, text, cursor):
            v.show_refusal(_("This segment is initialled and locked. Reopen it, giving the reason, to change it."))
            return False
        v.doc.text_changed(uuid, lang, text)
        v.events.counts_timer.start()
        return True

    def focus_segment(self, uuid: str, lang: str | None = None, **kw) -> None:
        self.view.editor.focus_segment(uuid, lang, **kw)

    def focus_index(self, index: int) -> None:
        self.view.editor.focus_index(index)

    def first_lang(self) -> str:
        return self.view.editor.first_lang()

    def current_lang(self) -> str:
        return self.view.editor.current_lang()
