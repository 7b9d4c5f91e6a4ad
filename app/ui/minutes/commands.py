"""The undoable actions of the minutes editor (Qt's undo framework).

A command's text is its untranslated name (N_): the Edit menu translates it when it shows it, so
that "Undo Typing" follows a language switch.

Segments are named by uuid, which survives a delete and its undo, so that older commands still
find their segment. Each command calls the core services; one that is refused (an initialled
segment, signed minutes) says why and leaves the stack as it was.
"""

from __future__ import annotations

import time
import uuid as uuidlib

from PySide6.QtGui import QUndoCommand

from app.core.enums import SegmentKind, SegmentPart
from app.core.errors import CoreError
from app.core.services.minutes import edit as me
from app.core.services.minutes.records import SegmentData
from app.i18n import N_, _

MERGE_TYPING_WITHIN = 2.0


class EditorCommand(QUndoCommand):
    """Runs ``do``/``undo_`` and turns a refusal into a message and an obsolete command."""

    def __init__(self, editor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.doc = editor.doc

    def redo(self) -> None:
        try:
            self.do()
        except CoreError as exc:
            self.setObsolete(True)
            self.doc.refused.emit(exc.message)
        except KeyError:  # the segment went away meanwhile (another window, another laptop)
            self.setObsolete(True)
            self.doc.reload()
            self.doc.refused.emit(_("This segment no longer exists; it may have been deleted."))

    def undo(self) -> None:
        try:
            self.undo_()
        except CoreError as exc:
            self.setObsolete(True)
            self.doc.refused.emit(exc.message)
        except KeyError:
            self.setObsolete(True)
            self.doc.reload()
            self.doc.refused.emit(_("This segment no longer exists; it may have been deleted."))

    def do(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def undo_(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class TypingCommand(QUndoCommand):
    """Typing in one cell; consecutive typing in the same cell becomes one step."""

    ID = 7001

    def __init__(self, editor, uuid: str, lang: str, before: str, after: str, cursor: int) -> None:
        super().__init__(N_("Typing"))
        self.editor = editor
        self.uuid, self.lang = uuid, lang
        self.before, self.after = before, after
        self.cursor_before = min(cursor, len(before))
        self.cursor_after = cursor
        self.at = time.monotonic()
        self._first = True

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, TypingCommand) or (other.uuid, other.lang) != (self.uuid, self.lang):
            return False
        if other.at - self.at > MERGE_TYPING_WITHIN:
            return False
        self.after, self.cursor_after, self.at = other.after, other.cursor_after, other.at
        return True

    def redo(self) -> None:
        if self._first:  # the text is already in the cell: it was typed there
            self._first = False
            return
        if not self.editor.apply_text(self.uuid, self.lang, self.after, self.cursor_after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.editor.apply_text(self.uuid, self.lang, self.before, self.cursor_before):
            self.setObsolete(True)


class InsertCommand(EditorCommand):
    def __init__(
        self, editor, index: int, part: SegmentPart | None, kind: SegmentKind = SegmentKind.PARAGRAPH
    ):
        super().__init__(editor, N_("Insert segment"))
        self.index, self.part, self.kind = index, part, kind
        self.uuid = str(uuidlib.uuid4())

    def do(self) -> None:
        seg = self.doc.structural(
            me.insert_segment, self.doc.minutes.id, self.index, part=self.part, kind=self.kind, uuid=self.uuid
        )
        self.part = seg.part
        self.editor.focus_segment(self.uuid, self.editor.first_lang())

    def undo_(self) -> None:
        self.doc.structural(me.delete_segment, self.doc.id_of(self.uuid))


class DeleteCommand(EditorCommand):
    def __init__(self, editor, uuid: str) -> None:
        super().__init__(editor, N_("Delete segment"))
        self.uuid = uuid
        self.snapshot = None

    def do(self) -> None:
        index = self.doc.index_of(self.uuid)
        self.snapshot = self.doc.structural(me.delete_segment, self.doc.id_of(self.uuid))
        self.editor.focus_index(min(index, len(self.doc.segments) - 1))

    def undo_(self) -> None:
        self.doc.structural(me.restore_segment, self.snapshot)
        self.editor.focus_segment(self.uuid, self.editor.first_lang())


class SplitCommand(EditorCommand):
    def __init__(self, editor, uuid: str, at_zh: int, at_ru: int) -> None:
        super().__init__(editor, N_("Split segment"))
        self.uuid, self.at_zh, self.at_ru = uuid, at_zh, at_ru
        self.new_uuid = str(uuidlib.uuid4())
        self.before: SegmentData | None = None

    def do(self) -> None:
        self.doc.autosaver.flush()
        self.before = self.doc.get(self.uuid)
        self.doc.structural(me.split_segment, self.doc.id_of(self.uuid), self.at_zh, self.at_ru,
                            new_uuid=self.new_uuid)  # fmt: skip
        self.editor.focus_segment(self.new_uuid, self.editor.current_lang(), cursor=0)

    def undo_(self) -> None:
        self.doc.structural(me.unsplit, self.doc.id_of(self.uuid), self.doc.id_of(self.new_uuid), self.before)
        self.editor.focus_segment(self.uuid, self.editor.current_lang())


class MergeCommand(EditorCommand):
    def __init__(self, editor, first: str, second: str) -> None:
        super().__init__(editor, N_("Merge segments"))
        self.first, self.second = first, second
        self.before: SegmentData | None = None
        self.snapshot = None

    def do(self) -> None:
        self.doc.autosaver.flush()
        self.before = self.doc.get(self.first)
        _merged, self.snapshot = self.doc.structural(
            me.merge_segments, self.doc.id_of(self.first), self.doc.id_of(self.second)
        )
        self.editor.focus_segment(self.first, self.editor.current_lang())

    def undo_(self) -> None:
        self.doc.structural(me.unmerge, self.doc.id_of(self.first), self.before, self.snapshot)
        self.editor.focus_segment(self.second, self.editor.current_lang(), cursor=0)


class MoveCommand(EditorCommand):
    """One step up or down (Ctrl+Up / Ctrl+Down), or to a place (dragging)."""

    def __init__(self, editor, uuid: str, delta: int = 0, index: int | None = None, part=None) -> None:
        label = (
            _("Move segment up") if delta < 0 else _("Move segment down") if delta > 0 else _("Move segment")
        )
        super().__init__(editor, label)
        self.uuid, self.delta, self.index, self.part = uuid, delta, index, part
        self.old: tuple[int, SegmentPart] | None = None

    def do(self) -> None:
        seg = self.doc.get(self.uuid)
        self.old = (self.doc.index_of(self.uuid), seg.part)
        lang = self.editor.current_lang()
        if self.delta:
            self.doc.structural(me.move_segment, seg.id, self.delta)
        else:
            self.doc.structural(me.place_segment, seg.id, self.index, self.part)
        self.editor.focus_segment(self.uuid, lang, keep_cursor=True)

    def undo_(self) -> None:
        index, part = self.old
        lang = self.editor.current_lang()
        self.doc.structural(me.place_segment, self.doc.id_of(self.uuid), index, part)
        self.editor.focus_segment(self.uuid, lang, keep_cursor=True)


class XliffImportCommand(EditorCommand):
    """The targets and statuses an XLIFF file brought, as one step; undo gives every changed
    segment its text and status back (through the revision history, like any edit)."""

    def __init__(self, editor, plan) -> None:
        super().__init__(editor, N_("Import from XLIFF"))
        self.plan = plan

    def do(self) -> None:
        from app.core.services.minutes import xliff

        self.doc.structural(xliff.apply_import, self.plan)

    def undo_(self) -> None:
        from app.core.services.minutes import xliff

        self.doc.structural(xliff.revert_import, self.plan)
