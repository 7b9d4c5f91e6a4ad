"""The Minutes tab's operations on segments: insert, split, merge, move, delete (through the undo
stack), statuses and reopening, history, kind, part, agenda item, decision fields, accepting a
check finding. A part of ``MinutesView`` (its ``segments``); the undo commands act on the view."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ConflictError, CoreError
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


class SegmentOperations(QObject):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view

    # --- segment operations ------------------------------------------------------------------

    def insert_after(self) -> None:
        if not self.view.can_edit_structure():
            return
        seg = self.view.current_segment()
        if seg is None:
            self.view.stack.push(InsertCommand(self.view, len(self.view.doc.segments), None))
        else:
            self.view.stack.push(InsertCommand(self.view, self.view.doc.index_of(seg.uuid) + 1, seg.part))

    def insert_before(self) -> None:
        seg = self.view.current_segment()
        if seg is not None and self.view.can_edit_structure():
            self.view.stack.push(InsertCommand(self.view, self.view.doc.index_of(seg.uuid), seg.part))

    def add_in_part(self, part: SegmentPart) -> None:
        if not self.view.can_edit_structure():
            return
        index = sum(1 for s in self.view.doc.segments if s.part.rank < part.rank)
        self.view.stack.push(InsertCommand(self.view, index, part))

    def split_current(self) -> None:
        row = self.view.editor.current_row()
        if row is None or not self.view.can_edit_structure():
            return
        at = {lang: cell.textCursor().position() for lang, cell in row.cells.items()}
        self.view.stack.push(SplitCommand(self.view, row.uuid, at["zh"], at["ru"]))

    def merge_with_next(self) -> None:
        seg, nxt = self.view.current_segment(), self.view.next_segment()
        if seg is not None and nxt is not None and self.view.can_edit_structure():
            self.view.stack.push(MergeCommand(self.view, seg.uuid, nxt.uuid))

    def move_current(self, delta: int) -> None:
        seg = self.view.current_segment()
        if seg is not None and self.view.can_edit_structure():
            self.view.stack.push(MoveCommand(self.view, seg.uuid, delta))

    def delete_current(self) -> None:
        seg = self.view.current_segment()
        if seg is None or not self.view.can_edit_structure():
            return
        if seg.decision is not None and not messages.confirm(
            self.view,
            _(
                "Delete decision No. {number}? It is also removed from the decisions register (Undo brings it back)."
            ).format(number=seg.decision.number),
        ):
            return
        self.view.stack.push(DeleteCommand(self.view, seg.uuid))

    def set_current_status(self, status: SegmentStatus) -> None:
        seg = self.view.current_segment()
        if seg is None or not self.view.can_edit_structure():
            return
        try:
            self.view.doc.change_segment(me.set_status, seg.uuid, status)
        except CoreError as exc:
            self.view.show_refusal(exc.message)
            self.view._on_current(seg.uuid)

    def status_menu(self, uuid: str, row) -> None:
        self.view.editor.focus_segment(uuid, keep_cursor=True)
        menu = QMenu(self.view)
        allowed = self.view.allowed_statuses()
        for st, action in self.view.actions_.status.items():
            if st in allowed or st is self.view.doc.get(uuid).status:
                menu.addAction(action)
        seg = self.view.doc.get(uuid)
        if seg is not None and seg.locked:
            menu.addSeparator()
            menu.addAction(self.view.actions_.reopen)
        menu.addSeparator()
        menu.addAction(self.view.actions_.history)
        self.view._update_actions()
        menu.exec(row.status_button.mapToGlobal(row.status_button.rect().bottomLeft()))

    def reopen_current(self) -> None:
        seg = self.view.current_segment()
        if seg is None or not seg.locked or not self.view.can_edit_structure():
            return
        from app.ui.dialogs.reopen_segment_dialog import ReopenSegmentDialog

        self.view.doc.autosaver.flush()
        dlg = ReopenSegmentDialog(self.view.ctx, seg.id, (seg.text_zh, seg.text_ru), self.view)
        self.view.doc.writing = True
        try:
            accepted = dlg.exec() and dlg.saved is not None
        finally:
            self.view.doc.writing = False
        if accepted:
            self.view.doc.refresh_segment(seg.uuid)
            self.view.editor.focus_segment(seg.uuid, keep_cursor=True)

    def show_history(self) -> None:
        seg = self.view.current_segment()
        if seg is None:
            return
        from app.ui.dialogs.segment_history_dialog import SegmentHistoryDialog

        self.view.doc.autosaver.flush()
        dlg = SegmentHistoryDialog(self.view.ctx, seg.id, self.view.can_edit_structure() and not seg.locked, self.view)
        self.view.doc.writing = True
        try:
            restored = dlg.exec() and dlg.restored is not None
        finally:
            self.view.doc.writing = False
        if restored:
            row = self.view.editor.rows.get(seg.uuid)
            new = dlg.restored
            if row is not None:  # through the undo stack, so that Ctrl+Z takes it back
                self.view.stack.beginMacro(N_("Restore an older version"))
                for lang in ("zh", "ru"):
                    before, after = row.text(lang), new.text(lang)
                    if before != after:
                        cmd = TypingCommand(self.view, seg.uuid, lang, before, after, len(after))
                        cmd._first = False
                        self.view.stack.push(cmd)
                self.view.stack.endMacro()
            self.view.doc.autosaver.flush()
            self.view.doc.refresh_segment(seg.uuid)

    def set_kind(self, kind) -> None:
        seg = self.view.current_segment()
        if seg is None:
            return
        if (
            seg.decision is not None
            and kind is not SegmentKind.DECISION
            and not messages.confirm(
                self.view,
                _(
                    "Decision No. {number} stops being a decision: it is removed from the decisions register, "
                    "with its implementing agencies, deadline and status. Go on?"
                ).format(number=seg.decision.number),
            )
        ):
            self.view._on_current(seg.uuid)
            return
        self.segment_op(me.set_kind, kind, structural=True)

    def segment_op(self, fn, value, structural: bool = False) -> None:
        seg = self.view.current_segment()
        if seg is None:
            return
        try:
            if structural:
                self.view.doc.structural(fn, seg.id, value)
                self.view.editor.focus_segment(seg.uuid, keep_cursor=True)
            else:
                self.view.doc.change_segment(fn, seg.uuid, value)
        except CoreError as exc:
            self.view.show_refusal(exc.message)
            self.view._on_current(seg.uuid)

    def decision_edited(self, fields: dict) -> None:
        seg = self.view.current_segment()
        if seg is None:
            return
        try:
            self.view.doc.write(me.save_decision, seg.id, read=seg.decision, **fields)
        except ConflictError:  # changed by someone else meanwhile: the saved version is shown
            self.view.doc.refresh_segment(seg.uuid)
            self.view.segment_panel.show_error(
                None,
                _(
                    "This decision was changed by someone else after you opened it. Nothing was saved: "
                    "the saved version is shown now; enter your change again if it still applies."
                ),
            )
            return
        except CoreError as exc:
            self.view.segment_panel.show_error(exc.field, exc.message)
            return
        self.view.doc.refresh_segment(seg.uuid)

    def jump_to_finding(self, finding) -> None:
        lang = finding.lang or self.view.editor.first_lang()
        self.view.editor.focus_segment(finding.segment_uuid, lang)

    def accept_finding(self, finding, accepted: bool) -> None:
        try:
            self.view.doc.write(me.set_accepted, finding.segment_id, finding.key, accepted)
        except CoreError as exc:
            self.view.show_refusal(exc.message)
            return
        self.view.doc.refresh_segment(finding.segment_uuid)
        self.view.doc.run_checks()
