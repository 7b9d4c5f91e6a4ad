"""The minutes editor's actions, their shortcuts and their translated names.

They live on the Minutes tab (so their shortcuts work while it is current), in its toolbar and its
context menu, and Undo/Redo with the segment operations go into the main window's Edit menu.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from app.core.enums import SegmentStatus
from app.i18n import _
from app.ui.minutes import cell
from app.ui.minutes.icons import status_icon

K = QKeySequence.StandardKey
C = Qt.Modifier.CTRL
S = Qt.Modifier.SHIFT

STATUS_KEYS = {
    SegmentStatus.DRAFT: "Ctrl+1",
    SegmentStatus.TRANSLATED: "Ctrl+2",
    SegmentStatus.CHECKED: "Ctrl+3",
    SegmentStatus.AGREED: "Ctrl+4",
    SegmentStatus.INITIALLED: "Ctrl+5",
}


class EditorActions(QObject):
    def __init__(self, view, stack: QUndoStack) -> None:
        super().__init__(view)
        self.view = view
        self.stack = stack

        def act(name: str, slot, *keys) -> QAction:
            a = QAction(view)
            a.setObjectName(f"minutes_{name}")
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            a.triggered.connect(lambda _c=False: slot())
            view.addAction(a)
            return a

        self.undo = act("undo", stack.undo, K.Undo, QKeySequence(C | S | Qt.Key.Key_Z))
        self.redo = act(
            "redo", stack.redo, K.Redo, QKeySequence(C | S | Qt.Key.Key_Z), QKeySequence(C | Qt.Key.Key_Y)
        )
        # the standard Redo is Ctrl+Shift+Z on Linux and Ctrl+Y on Windows: one of each, no doubles
        self.undo.setShortcuts(_unique([QKeySequence(K.Undo)]))
        self.redo.setShortcuts(_unique([QKeySequence(C | S | Qt.Key.Key_Z), QKeySequence(C | Qt.Key.Key_Y)]))
        self.insert = act("insert", view.segments.insert_after, QKeySequence(C | Qt.Key.Key_Return))
        self.insert_before = act("insert_before", view.segments.insert_before, QKeySequence(C | S | Qt.Key.Key_Return))
        self.split = act("split", view.segments.split_current, QKeySequence(C | Qt.Key.Key_T))
        self.merge = act("merge", view.segments.merge_with_next, QKeySequence(C | Qt.Key.Key_J))
        self.move_up = act("move_up", lambda: view.segments.move_current(-1), QKeySequence(C | Qt.Key.Key_Up))
        self.move_down = act("move_down", lambda: view.segments.move_current(1), QKeySequence(C | Qt.Key.Key_Down))
        self.delete = act("delete", view.segments.delete_current, QKeySequence(C | S | Qt.Key.Key_Delete))
        self.replace = act("replace", view.show_replace, QKeySequence(C | Qt.Key.Key_H))
        self.history = act("history", view.segments.show_history, QKeySequence(C | S | Qt.Key.Key_H))
        self.reopen = act("reopen", view.segments.reopen_current)
        self.swap = QAction(view)
        self.swap.setObjectName("minutes_swap")
        self.swap.setCheckable(True)
        view.addAction(self.swap)
        self.status: dict[SegmentStatus, QAction] = {}
        for st, key in STATUS_KEYS.items():
            a = act(f"status_{st.value}", lambda st=st: view.segments.set_current_status(st), key)
            a.setIcon(status_icon(st))
            self.status[st] = a
        stack.canUndoChanged.connect(self._stack_changed)
        stack.canRedoChanged.connect(self._stack_changed)
        stack.undoTextChanged.connect(self._stack_changed)
        stack.redoTextChanged.connect(self._stack_changed)
        cell.RESERVED[:] = [
            k for a in (self.undo, self.redo, self.insert, self.insert_before, self.split, self.merge,
                        self.move_up, self.move_down, self.delete, self.replace, self.history, *self.status.values())
            for k in a.shortcuts()
        ]  # fmt: skip
        self.retranslate_ui()

    def _stack_changed(self, *_args) -> None:
        if shiboken6.isValid(self.stack) and shiboken6.isValid(self.view):
            self.update()
            self.retranslate_ui()

    def edit_menu(self) -> list[QAction]:
        """What goes into the main window's Edit menu while the Minutes tab is current."""
        return [self.undo, self.redo, self.insert, self.split, self.merge, self.move_up, self.move_down,
                self.delete, self.replace]  # fmt: skip

    def segment_menu(self) -> list[QAction]:
        return [self.insert, self.insert_before, self.split, self.merge, self.move_up, self.move_down,
                self.delete, self.history]  # fmt: skip

    def update(self) -> None:
        v = self.view
        editable = v.can_edit_structure()
        seg = v.current_segment()
        has = seg is not None
        self.undo.setEnabled(self.stack.canUndo())
        self.redo.setEnabled(self.stack.canRedo())
        self.insert.setEnabled(editable)
        self.insert_before.setEnabled(editable and has)
        unlocked = has and editable and not seg.locked
        for a in (self.split, self.move_up, self.move_down, self.delete):
            a.setEnabled(unlocked)
        self.merge.setEnabled(unlocked and v.next_segment() is not None)
        self.history.setEnabled(has)
        self.reopen.setEnabled(has and editable and seg.locked)
        self.replace.setEnabled(v.has_minutes())
        allowed = v.allowed_statuses()
        for st, a in self.status.items():
            a.setEnabled(has and editable and st in allowed and st is not seg.status)

    def retranslate_ui(self) -> None:
        # the commands keep their names untranslated, so that they follow a language switch
        undo, redo = self.stack.undoText(), self.stack.redoText()
        self.undo.setText(_("&Undo {action}").format(action=_(undo)) if undo else _("&Undo"))
        self.redo.setText(_("&Redo {action}").format(action=_(redo)) if redo else _("&Redo"))
        self.insert.setText(_("&Insert a segment after"))
        self.insert_before.setText(_("Insert a segment &before"))
        self.split.setText(_("&Split the segment at the cursors"))
        self.merge.setText(_("&Merge with the next segment"))
        self.move_up.setText(_("Move the segment u&p"))
        self.move_down.setText(_("Move the segment do&wn"))
        self.delete.setText(_("De&lete the segment"))
        self.replace.setText(_("Find and repla&ce…"))
        self.history.setText(_("&History of the segment…"))
        self.reopen.setText(_("&Reopen the initialled segment…"))
        self.swap.setText(_("Russian text on the &left"))
        for st, a in self.status.items():
            a.setText(_("Mark as “{status}”").format(status=st.label))
        short = {
            self.undo: _("Undo"), self.redo: _("Redo"), self.insert: _("Insert"), self.split: _("Split"),
            self.merge: _("Merge"), self.move_up: _("Up"), self.move_down: _("Down"), self.delete: _("Delete"),
            self.replace: _("Find and replace"), self.history: _("History"), self.swap: _("Russian on the left"),
        }  # fmt: skip
        for a, text in short.items():
            a.setIconText(text)
        for a in (self.insert, self.split, self.merge, self.move_up, self.move_down, self.delete):
            keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{a.text().replace('&', '')} ({keys})" if keys else a.text().replace("&", ""))


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for k in keys:
        if not k.isEmpty() and all(k != o for o in out):
            out.append(k)
    return out
