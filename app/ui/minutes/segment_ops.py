"""The Minutes tab's operations on segments: insert, split, merge, move, delete (through the undo
stack), statuses and reopening, history, kind, part, agenda item, decision fields, accepting a
check finding. A mixin of ``MinutesView``."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import CoreError
from app.core.services.minutes import edit as me
from app.i18n import N_, _
from app.ui.minutes.commands import (
    DeleteCommand,
    InsertCommand,
    MergeCommand,
    MoveCommand,
    SplitCommand,
    TypingCommand,
)
from app.ui.widgets import messages


class SegmentOperations:
    # --- segment operations ------------------------------------------------------------------

    def insert_after(self) -> None:
        if not self.can_edit_structure():
            return
        seg = self.current_segment()
        if seg is None:
            self.stack.push(InsertCommand(self, len(self.doc.segments), None))
        else:
            self.stack.push(InsertCommand(self, self.doc.index_of(seg.uuid) + 1, seg.part))

    def insert_before(self) -> None:
        seg = self.current_segment()
        if seg is not None and self.can_edit_structure():
            self.stack.push(InsertCommand(self, self.doc.index_of(seg.uuid), seg.part))

    def _add_in_part(self, part: SegmentPart) -> None:
        if not self.can_edit_structure():
            return
        index = sum(1 for s in self.doc.segments if s.part.rank < part.rank)
        self.stack.push(InsertCommand(self, index, part))

    def split_current(self) -> None:
        row = self.editor.current_row()
        if row is None or not self.can_edit_structure():
            return
        at = {lang: cell.textCursor().position() for lang, cell in row.cells.items()}
        self.stack.push(SplitCommand(self, row.uuid, at["zh"], at["ru"]))

    def merge_with_next(self) -> None:
        seg, nxt = self.current_segment(), self.next_segment()
        if seg is not None and nxt is not None and self.can_edit_structure():
            self.stack.push(MergeCommand(self, seg.uuid, nxt.uuid))

    def move_current(self, delta: int) -> None:
        seg = self.current_segment()
        if seg is not None and self.can_edit_structure():
            self.stack.push(MoveCommand(self, seg.uuid, delta))

    def delete_current(self) -> None:
        seg = self.current_segment()
        if seg is None or not self.can_edit_structure():
            return
        if seg.decision is not None and not messages.confirm(
            self,
            _(
                "Delete decision No. {number}? It is also removed from the decisions register (Undo brings it back)."
            ).format(number=seg.decision.number),
        ):
            return
        self.stack.push(DeleteCommand(self, seg.uuid))

    def set_current_status(self, status: SegmentStatus) -> None:
        seg = self.current_segment()
        if seg is None or not self.can_edit_structure():
            return
        try:
            self.doc.change_segment(me.set_status, seg.uuid, status)
        except CoreError as exc:
            self.show_refusal(exc.message)
            self._on_current(seg.uuid)

    def _status_menu(self, uuid: str, row) -> None:
        self.editor.focus_segment(uuid, keep_cursor=True)
        menu = QMenu(self)
        allowed = self.allowed_statuses()
        for st, action in self.actions_.status.items():
            if st in allowed or st is self.doc.get(uuid).status:
                menu.addAction(action)
        seg = self.doc.get(uuid)
        if seg is not None and seg.locked:
            menu.addSeparator()
            menu.addAction(self.actions_.reopen)
        menu.addSeparator()
        menu.addAction(self.actions_.history)
        self._update_actions()
        menu.exec(row.status_button.mapToGlobal(row.status_button.rect().bottomLeft()))

    def reopen_current(self) -> None:
        seg = self.current_segment()
        if seg is None or not seg.locked or not self.can_edit_structure():
            return
        from app.ui.dialogs.reopen_segment_dialog import ReopenSegmentDialog

        self.doc.autosaver.flush()
        dlg = ReopenSegmentDialog(self.ctx, seg.id, (seg.text_zh, seg.text_ru), self)
        self.doc.writing = True
        try:
            accepted = dlg.exec() and dlg.saved is not None
        finally:
            self.doc.writing = False
        if accepted:
            self.doc.refresh_segment(seg.uuid)
            self.editor.focus_segment(seg.uuid, keep_cursor=True)

    def show_history(self) -> None:
        seg = self.current_segment()
        if seg is None:
            return
        from app.ui.dialogs.segment_history_dialog import SegmentHistoryDialog

        self.doc.autosaver.flush()
        dlg = SegmentHistoryDialog(self.ctx, seg.id, self.can_edit_structure() and not seg.locked, self)
        self.doc.writing = True
        try:
            restored = dlg.exec() and dlg.restored is not None
        finally:
            self.doc.writing = False
        if restored:
            row = self.editor.rows.get(seg.uuid)
            new = dlg.restored
            if row is not None:  # through the undo stack, so that Ctrl+Z takes it back
                self.stack.beginMacro(N_("Restore an older version"))
                for lang in ("zh", "ru"):
                    before, after = row.cell(lang).text(), new.text(lang)
                    if before != after:
                        cmd = TypingCommand(self, seg.uuid, lang, before, after, len(after))
                        cmd._first = False
                        self.stack.push(cmd)
                self.stack.endMacro()
            self.doc.autosaver.flush()
            self.doc.refresh_segment(seg.uuid)

    def _set_kind(self, kind) -> None:
        seg = self.current_segment()
        if seg is None:
            return
        if (
            seg.decision is not None
            and kind is not SegmentKind.DECISION
            and not messages.confirm(
                self,
                _(
                    "Decision No. {number} stops being a decision: it is removed from the decisions register, "
                    "with its implementing agencies, deadline and status. Go on?"
                ).format(number=seg.decision.number),
            )
        ):
            self._on_current(seg.uuid)
            return
        self._segment_op(me.set_kind, kind, structural=True)

    def _segment_op(self, fn, value, structural: bool = False) -> None:
        seg = self.current_segment()
        if seg is None:
            return
        try:
            if structural:
                self.doc.structural(fn, seg.id, value)
                self.editor.focus_segment(seg.uuid, keep_cursor=True)
            else:
                self.doc.change_segment(fn, seg.uuid, value)
        except CoreError as exc:
            self.show_refusal(exc.message)
            self._on_current(seg.uuid)

    def _decision_edited(self, fields: dict) -> None:
        seg = self.current_segment()
        if seg is None:
            return
        try:
            self.doc.write(me.save_decision, seg.id, **fields)
        except CoreError as exc:
            self.segment_panel.show_error(exc.field, exc.message)
            return
        self.doc.refresh_segment(seg.uuid)

    def jump_to_finding(self, finding) -> None:
        lang = finding.lang or self.editor.first_lang()
        self.editor.focus_segment(finding.segment_uuid, lang)

    def _accept_finding(self, finding, accepted: bool) -> None:
        try:
            self.doc.write(me.set_accepted, finding.segment_id, finding.key, accepted)
        except CoreError as exc:
            self.show_refusal(exc.message)
            return
        self.doc.refresh_segment(finding.segment_uuid)
        self.doc.run_checks()
